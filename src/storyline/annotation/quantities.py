"""Quantities: a number with its hedge, unit and the thing it counts, as bounds that compare.

``find_quantities(doc)`` turns "an estimated 100,000 troops" into value 100,000 with bounds
85,000..115,000 counting "troops", and "nearly an hour" into 60 minutes bounded 48..60, so the
cross-check can ask whether two reports' numbers can both hold. Conventions:

- Durations are normalised to minutes (unit and counted "minutes"), so "50-minute" and "nearly
  an hour" compare; lengths to km, weights to kg, areas to hectares (unit and counted alike);
  money keeps its currency (unit "USD", counted "dollars"); percentages unit "%".
- A bare "one" or "a" counts only as a duration or after a hedge ("at least one person"); a number
  whose counted thing cannot be named is left out (more often a label than a figure).
- Hedges: about/around/roughly/some/an estimated/or so → ±15 %; nearly/almost/close to → 80–100 %
  of the value; more than/over/at least/or more → low only; up to/less than/as many as → high
  only; just over/just under → within 10 %; ranges ("between 20 and 30", "20-30") → their ends,
  value the midpoint; vague plurals ("hundreds of millions") → the range in ``numbers.py``,
  value its low end.
- Skipped as not quantities: years, dates and other time expressions, times of day, ordinals
  ("the second call" – never matched), numbers inside names ("F-16", "Article 5", "No. 2") and
  scores ("won 3-1").
"""

from __future__ import annotations

import re
from typing import Any

from storyline.annotation.numbers import (
    NUMBER,
    SMALL,
    VAGUE,
    parse_number,
    vague_range,
    year_counts_things,
)
from storyline.annotation.tense import sentences_with_text
from storyline.annotation.timex import find_matches
from storyline.model import Quantity

_VAGUE = "|".join(p for p, _, _ in VAGUE)
_CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "A$": "AUD",
                   "C$": "CAD", "HK$": "HKD", "RS": "INR", "RS.": "INR"}  # fmt: skip
_CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
                   "rupee": "INR",
                   "rouble": "RUB", "ruble": "RUB", "franc": "CHF", "peso": "MXN"}  # fmt: skip
# Fractions as percentages: "two-thirds of", "half of", "a quarter of".
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
FRACTION_RE = re.compile(
    r"\b(?P<frac>(?:(?:a|one|two|three|four|nine)[\s-])?(?:half|thirds?|quarters?|fifths?|tenths?))\s+of\b",
    re.I,
)
_CUR = r"(?:US\$|HK\$|A\$|C\$|\$|£|€|¥|₹|Rs\.?)"
_NUM = rf"(?:{_VAGUE}|{NUMBER})"
CORE_RE = re.compile(
    rf"(?<![\w.,$£€¥₹-])(?P<cur>{_CUR})?\s?(?P<num>{_NUM})\b"
    rf"(?:\s*(?P<join>-|–|to|and)\s*(?P<cur2>{_CUR})?(?P<num2>{_NUM})\b)?",
    re.I,
)
# Lengths compare in km, weights in kg, areas in hectares.
MEASURES = {"km": ("km", 1.0), "kilometre": ("km", 1.0), "kilometer": ("km", 1.0), "mile": ("km", 1.609344),
            "metre": ("km", 0.001), "meter": ("km", 0.001), "foot": ("km", 0.0003048),
            "feet": ("km", 0.0003048), "kg": ("kg", 1.0), "kilogram": ("kg", 1.0), "tonne": ("kg", 1000.0),
            "ton": ("kg", 907.18474), "pound": ("kg", 0.45359237), "barrel": ("barrels", 1.0),
            "acre": ("hectares", 0.40468564), "hectare": ("hectares", 1.0)}  # fmt: skip
# Minutes per unit of time: durations compare in minutes.
MINUTES = {"second": 1 / 60, "sec": 1 / 60, "minute": 1.0, "min": 1.0, "hour": 60.0, "hr": 60.0,
           "day": 1440.0,
           "week": 10080.0, "month": 43830.0, "year": 525960.0, "decade": 5259600.0}  # fmt: skip
_TIME_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?)"
_AFTER_RE = re.compile(
    r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b))"
    r"|(?P<age>-years?-old\b|\s+years?[\s-]old\b)"  # "13-years-old" is written too
    rf"|(?:[\s-]+(?P<time>{_TIME_UNIT})\b)"
    r"|(?:[\s-]+(?P<measure>km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|kg|kilograms?|tonnes?|tons?"
    r"|barrels?|acres?|hectares?)\b)"
    r"|(?:\s+(?P<weight>pounds?)(?=\s+of\b))"
    r"|(?:\s+(?:of\s+)?(?P<curword>(?:US\s+)?(?:dollars?|euros?|pounds?|yen|yuan|rupees?|roubles?|rubles?"
    r"|francs?|pesos?))\b)",
    re.I,
)
_POST_RE = re.compile(
    r"\s*(?:(?P<post>or\s+so|or\s+more|or\s+fewer|or\s+less)\b|(?P<plus>-?plus\b|\+))", re.I
)
_HEDGE_RE = re.compile(
    r"\b(?P<h>an\s+estimated|estimated|an\s+approximate|approximately|about|around|roughly|some"
    r"|nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|not\s+quite"
    r"|more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of|well\s+over|just\s+over|no\s+fewer\s+than"
    r"|no\s+less\s+than|a\s+minimum\s+of|less\s+than|fewer\s+than|under|below|up\s+to|at\s+most"
    r"|no\s+more\s+than|as\s+many\s+as|as\s+much\s+as|a\s+maximum\s+of|between|from)\s+$",
    re.I,
)
_APPROX = 0.15
_KINDS = {
    "approx": ("an estimated", "estimated", "an approximate", "approximately", "about", "around", "roughly",
               "some", "or so"),
    "near": ("nearly", "almost", "close to", "not quite"),
    "just_under": ("just under", "just shy of"),
    "above": ("more than", "over", "above", "at least", "upwards of", "in excess of", "well over",
              "no fewer than", "no less than", "a minimum of", "or more", "plus"),
    "just_over": ("just over",),
    "below": ("less than", "fewer than", "under", "below", "up to", "at most", "no more than", "as many as",
              "as much as", "a maximum of", "or fewer", "or less"),
}  # fmt: skip
_HEDGE_KIND = {h: kind for kind, words in _KINDS.items() for h in words}
# Bare "a"/"an"/"one" are numbers only in these company: "nearly an hour", "for a week".
_ARTICLE_OK_BEFORE = re.compile(
    r"\b(?:for|lasted|last|took|than|within|in|about|nearly|almost|over)\s+$", re.I
)
_NAME_BEFORE = re.compile(r"(?:\b(?:No|Nos|Article|Section|Flight|Room|Route|Highway|Chapter|Title"
                          r"|Level|Phase|Category|Stage|Apollo|Boeing|Airbus)\.?\s+|#\s?)$")  # fmt: skip
_CLOCK_AFTER = re.compile(
    r"^(?::\d|\.\d\d\s*[ap]\.?m|\s*(?:[ap]\.?m\.?|o['’]clock|GMT|UTC|BST|[ECMP][SD]?T)\b)"
)


# a range's hedge: "from 7 to 75 years", "20-30" ("range") and "between six and 75 years"
RANGE_HEDGES = ("range", "between")


def find_quantities(doc: Any) -> list[Quantity]:
    """Every quantity in ``doc`` in text order; offsets index ``doc.text``."""
    out: list[Quantity] = []
    for sent, text in sentences_with_text(doc):
        # a span ("for three weeks", "its lowest in six years") is a time and a count at once
        blocked = [(m.start, m.end) for m in find_matches(text) if m.kind not in ("span", "record_span")]
        found = []
        for m in CORE_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in blocked):
                continue
            q = _quantity(doc, sent, text, m)
            if q is not None:
                found.append(q)
        out.extend(_ranges(text, sent.start_char, found))
        out.extend(_fractions(doc, sent, text, blocked))
    return sorted(out, key=lambda q: q.start)


# the two ends of a range each with its own unit: "ranging in age from seven months to 13-years-old",
# "from six months to two years"; "between" takes "and", "from" takes "to" or a dash
_RANGE_FROM = re.compile(r"\b(?P<h>between|from)\s+$", re.I)
_RANGE_JOIN = {"between": ("and",), "from": ("to", "through", "-", "–")}
_YEARS_PER_MINUTE = 1 / MINUTES["year"]


def _ranges(text: str, base: int, found: list[Quantity]) -> list[Quantity]:
    """The quantities with each range written with a unit at both ends made one figure whose
    bounds are its ends: a range is compatible with any value inside it, not two figures."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        joined = _range_of(text, base, found[i], found[i + 1]) if i + 1 < len(found) else None
        out.append(joined or found[i])
        i += 2 if joined else 1
    return out


def _range_of(text: str, base: int, first: Quantity, second: Quantity) -> Quantity | None:
    if first.hedge is not None or second.hedge is not None or first.unit is None or second.unit is None:
        return None
    hm = _RANGE_FROM.search(text, 0, first.start - base)
    join = text[first.end - base : second.start - base].strip().lower()
    if hm is None or join not in _RANGE_JOIN[hm.group("h").lower()]:
        return None
    if first.unit == second.unit:
        factor = 1.0
    elif (first.unit, second.counted) == ("minutes", "age"):
        factor = _YEARS_PER_MINUTE  # "from seven months to 13-years-old": an age in years
    else:
        return None
    low = first.value * factor
    high = second.high if second.high is not None else second.value
    if high <= low:
        return None
    hedge = hm.group("h").lower()
    return Quantity(
        text=text[hm.start("h") : second.end - base],
        value=_tidy((low + high) / 2),
        low=_tidy(low),
        high=high,
        unit=second.unit,
        counted=second.counted,
        hedge="between" if hedge == "between" else "range",
        start=base + hm.start("h"),
        end=second.end,
    )


def _fractions(doc: Any, sent: Any, text: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """ "Two-thirds of voters" as 66.7 % of voters, so it compares with "67 percent of voters"."""
    base = sent.start_char
    out = []
    for m in FRACTION_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in blocked):
            continue
        words = m.group("frac").lower().replace("-", " ").split()
        value = FRACTIONS[words[-1].rstrip("s")] * (SMALL.get(words[0], 1) if len(words) > 1 else 1)
        hm = _HEDGE_RE.search(text[: m.start()])
        hedge = " ".join(hm.group("h").lower().split()) if hm else None
        start = hm.start("h") if hm else m.start()
        bounds = _bounds(str(value), None, hedge)
        if bounds is None:
            continue
        v, low, high = bounds
        end = m.end("frac")
        out.append(
            Quantity(
                text=text[start:end],
                value=_tidy(v),
                low=None if low is None else _tidy(low),
                high=None if high is None else _tidy(high),
                unit="%",
                counted=_counted(doc, base + end, sent),
                hedge=hedge,
                start=base + start,
                end=base + end,
            )
        )
    return out


def _quantity(doc: Any, sent: Any, text: str, m: re.Match[str]) -> Quantity | None:
    base = sent.start_char
    num = m.group("num")
    left, right = text[: m.start()], text[m.end() :]
    if _not_a_quantity(doc, sent, text, m):
        return None
    hm = _HEDGE_RE.search(left)
    hedge = " ".join(hm.group("h").lower().split()) if hm else None
    own_start = m.start("cur") if m.group("cur") else m.start("num")
    start = hm.start("h") if hm else own_start
    join = (m.group("join") or "").lower()
    if (join == "and" and hedge != "between") or (join == "to" and hedge not in ("from", None)):
        return None  # "two and three" without "between" is a list, not a range
    if hedge in ("between", "from") and not join:
        hedge, start = None, own_start
    after = _AFTER_RE.match(right)
    end = m.end() + (after.end() if after else 0)
    # "a 48-page indictment", "the 35-word oath": the size of the thing in units of the noun
    sized = None if after or m.group("num2") else _SIZED.match(text, m.start("num"))
    if sized is not None:
        end = sized.end()
    elif post := _POST_RE.match(text[end:]):
        end += post.end()
        hedge = " ".join((post.group("post") or "plus").lower().split())
    if num.lower() in ("a", "an", "one") and not _article_ok(num, after, left, right):
        return None
    bounds = _bounds(num, m.group("num2"), hedge)
    if bounds is None:
        return None
    value, low, high = bounds
    if sized is not None:
        unit, counted, factor = sized.group("noun").lower(), _counted(doc, base + end, sent), 1.0
    elif after is None and _aged(left, right):
        unit, counted, factor = "years", "age", 1.0  # "ages 3 to 12", "died at age 85", "aged 91"
    else:
        unit, counted, factor = _unit(m, after)
        if counted is None and (unit is None or text[end:].lstrip().startswith("of ")):
            counted = _counted(doc, base + end, sent)  # "40 percent of voters", not "3.9 percent last month"
    if unit is None and counted is None:
        return None  # a bare number counting nothing we can name is more likely a label
    return Quantity(
        text=text[start:end],
        value=_tidy(value * factor),
        low=None if low is None else _tidy(low * factor),
        high=None if high is None else _tidy(high * factor),
        unit=unit,
        counted=counted,
        hedge=("range" if hedge in (None, "from") else hedge) if m.group("num2") else hedge,
        start=base + start,
        end=base + end,
    )


# A figure in digits joined to a noun before another noun gives that thing's size: "48-page
# indictment", "35-word oath", "10-point lead", "60-vote threshold". Writers put measures in digits;
# a spelled-out small number in a compound ("two-track approach") classifies rather than measures.
_SIZED = re.compile(r"\d[\d,]*(?:\.\d+)?-(?!(?:plus|odd|some)\b)(?P<noun>[a-z]{3,})\b(?!-)", re.I)


# an age told by the word before it; a hedge before "age" ("up to age 11", "under age 17") bounds it
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s+$", re.I)


def _aged(left: str, right: str) -> bool:
    """Is the number an age by the word before it ("ages 3 to 12", "at age 85", "aged 91"), with
    no hedge before that word ("children up to age 11" is no age of one) and not the first of a
    list ("ages 3, 10 and 13": the ages of three, none of them the age of all)?"""
    am = _AGE_BEFORE.search(left)
    return am is not None and _HEDGE_RE.search(left[: am.start()]) is None and _LIST_NEXT.match(right) is None


_LIST_NEXT = re.compile(r"\s*(?:,|and\b|or\b)\s*\d")


def _tidy(x: float) -> float:
    """Drop float noise: 100,000 × 1.15 is 115000, not 114999.99999999999."""
    return float(f"{x:.12g}")


def _article_ok(num: str, after: re.Match[str] | None, left: str, right: str) -> bool:
    """A bare "a"/"an"/"one" is a quantity only as a duration ("nearly an hour", "for one week") or
    after a hedge ("at least one person"): elsewhere "one" is a determiner ("one concern", "one way
    or another") far more often than a count worth cross-checking."""
    if after is not None and after.group("time"):
        return num.lower() == "one" or bool(_ARTICLE_OK_BEFORE.search(left))
    return num.lower() == "one" and bool(_HEDGE_RE.search(left))


def _not_a_quantity(doc: Any, sent: Any, text: str, m: re.Match[str]) -> bool:
    base = sent.start_char
    num, left, right = m.group("num"), text[: m.start()], text[m.end() :]
    if _CLOCK_AFTER.match(right) or left.endswith(":"):
        return True
    if re.search(r"[A-Za-z]-$", left) or _NAME_BEFORE.search(left):
        return True  # F-16, COVID-19, Article 5, No. 2
    if re.match(r"-(?!(?:year-old|plus|" + _TIME_UNIT + r")\b)[A-Za-z]", right, re.I) and not _SIZED.match(
        text, m.start("num")
    ):
        return True  # "two-track approach": a spelled-out classifier in a compound adjective
    if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not m.group("cur"):
        return not year_counts_things(doc, base + m.start(), base + m.end())  # a year unless "2000 troops"
    if m.group("join") in ("-", "–") and m.group("num2"):
        a, b = parse_number(num), parse_number(m.group("num2"))
        if a is not None and b is not None and b < a:
            return True  # a score, "won 3-1"
    tok = doc.char_span(base + m.start(), base + m.end(), alignment_mode="expand")
    return bool(
        tok is not None
        and tok[0].i > sent.start
        and tok.doc[tok[0].i - 1].tag_ == "NNP"
        and tok.doc[tok[0].i - 1].ent_type_ not in ("", "GPE", "NORP")
        and not m.group("cur")
    )


def _one(num: str) -> tuple[float, float, float] | None:
    """Value, low and high of one number as written (a vague plural is a range)."""
    vr = vague_range(num)
    if vr is not None:
        return vr[0], vr[0], vr[1]
    v = parse_number(num)
    return None if v is None else (v, v, v)


def _bounds(num: str, num2: str | None, hedge: str | None) -> tuple[float, float | None, float | None] | None:
    first = _one(num)
    if first is None:
        return None
    value, low, high = first
    if num2:
        second = _one(num2)
        if second is None:
            return None
        if second[0] >= 1e3 and value < 1e3 and not re.search(r"\d{4}|[a-z]", num, re.I):
            scale = second[0] / (parse_number(re.sub(r"[a-z\s]+$", "", num2, flags=re.I)) or 1)
            value, low = value * scale, low * scale  # "$1.2 to 1.5 billion"
        return (value + second[2]) / 2, low, second[2]
    kind = _HEDGE_KIND.get(hedge or "")
    if kind == "approx":
        return value, low * (1 - _APPROX), high * (1 + _APPROX)
    if kind == "near":
        return value, high * 0.8, high
    if kind == "just_under":
        return value, high * 0.9, high
    if kind == "above":
        return value, low, None
    if kind == "just_over":
        return value, low, low * 1.1
    if kind == "below":
        return value, None, high
    return value, low, high


def _unit(m: re.Match[str], after: re.Match[str] | None) -> tuple[str | None, str | None, float]:
    """Unit, counted thing and the factor to the normalised unit."""
    if after is not None:
        if after.group("pct"):
            points = "point" in after.group("pct").lower()
            return ("percentage points" if points else "%"), None, 1.0
        if after.group("age"):
            return "years", "age", 1.0
        if after.group("time"):
            word = after.group("time").lower().rstrip("s")
            return "minutes", "minutes", MINUTES[word]
        if after.group("measure") or after.group("weight"):
            word = (after.group("measure") or after.group("weight")).lower()
            unit, factor = MEASURES[word if word in MEASURES else word[:-1]]
            return unit, unit, factor
        if after.group("curword"):
            word = after.group("curword").lower().split()[-1]
            code = _CURRENCY_WORDS.get(word.rstrip("s"), "USD")
            return code, word if word.endswith("s") or word in ("yen", "yuan") else word + "s", 1.0
    cur = m.group("cur") or m.group("cur2")
    if cur:
        code = _CURRENCY_SIGNS.get(cur.upper() if cur[0].isalpha() else cur, "USD")
        name = {v: k + "s" for k, v in _CURRENCY_WORDS.items()}.get(code, code.lower())
        return code, name, 1.0
    return None, None, 1.0


_MODIFIERS = ("JJ", "JJR", "JJS", "NNP", "NNPS", "HYPH")
# Before the first noun a participle, a number or an adverb may sit too: "10 newly elected members".
_PRE_MODIFIERS = (*_MODIFIERS, "VBN", "VBG", "CD", "RB")


def _ends_noun_phrase(tok: Any, have_noun: bool) -> bool:
    return tok.tag_ not in (_MODIFIERS if have_noun else _PRE_MODIFIERS) and tok.text != "-"


def _counted(doc: Any, at: int, sent: Any) -> str | None:
    """The noun a number counts: "100,000 Russian troops" → "troops", "dozens of people" → "people"."""
    if at >= sent.end_char:
        return None
    span = doc.char_span(at, min(sent.end_char, at + 80), alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if t.i < sent.end]
    if toks and toks[0].lower_ == "of":
        toks = [t for t in toks[1:] if t.tag_ not in ("DT", "PRP$")]
    last = None
    for t in toks[:6]:
        if t.tag_ in ("NN", "NNS", "NNPS"):  # NNPS: "60 House Democrats"
            last = t
        elif _ends_noun_phrase(t, last is not None):
            break
    return last.text.lower() if last is not None else None
