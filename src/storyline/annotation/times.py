"""Time expressions in an article, each resolved to a calendar interval.

``find_times(doc, published)`` finds the expressions (patterns in ``timex.py``), reads the tense
of the clause holding each (``tense.py``) and resolves it against the publication date with the
rules of ``calendar.py``. What we keep and what we skip:

- An expression that places something in time but not on a calendar ("in recent times", "for
  several years", "in the coming weeks") is kept with ``reason`` and null dates; one relative to
  another event rather than to publication with no date named before it likewise, and so are
  "now", "currently", "current", "recently", "the future", which name the time of writing or its
  side.
- Without a publication date only expressions that carry their own year resolve; the rest are
  kept with ``reason``.
- A clock time ("16:08 UTC", "7 p.m.") is dated by the day written beside it, else the one day
  its sentence names, else in a past clause the account's last day (``times_of_day``), else the
  day of writing; a list gives one expression per time ("between April and June", "1982 and 1992"),
  a range one interval ("from 1991 to 1997").
- Not time expressions at all, so skipped: durations ("50 minutes"), ordinals,
  a year-like number that counts something ("2000 troops"), a month or weekday inside a
  person's name ("April Ryan").
- Dates counted from the time the narrative has reached ("the following year", "the next
  morning", "two days later", "that night", "the day before"): from the last date named before
  them (``narrative``); with none fine enough they keep ``reason``.
- Not handled: "two days after the attack" (relative to an event, not to a date), "within five
  years".

Each expression carries two answers: the interval the cross-check compares ("late 2006" is
September to December) and TimeML's ``timeml_value`` and ``mod`` (2006, END; ``timeml_form``).

The ``event`` of each expression is the noun or verb it belongs to (``tense.event_of``); its
``what`` the event in a few words of the sentence (``event_phrase``), where the sentence is parsed;
``told`` what that event tells, when it is a telling (``told_phrase``); its ``deed`` the lemmas of
what was done then, without its doer (``deed_lemmas``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from storyline.annotation import calendar as cal
from storyline.annotation import narrative, periods, records
from storyline.annotation.event_phrase import deed_lemmas, event_phrase, told_phrase
from storyline.annotation.numbers import parse_number, year_counts_things
from storyline.annotation.quote_cues import Parsed
from storyline.annotation.tense import (
    amount_changes,
    clause_direction,
    event_of,
    expects_ahead,
    sentences_with_text,
)
from storyline.annotation.times_of_day import clock_day, on_day
from storyline.annotation.timex import ORDINAL_CENTURIES, Match, find_matches, month_number, weekday_number
from storyline.model import TimeExpr

Interval = cal.Interval
_DIGITS = re.compile(r"\d+")
_MONTH_WORD = re.compile(
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
# "the latest quarter" is the last one done: the one before publication's
_SHIFTS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
           "following": 1, "latest": -1, "most recent": -1}  # fmt: skip
NO_ANCHOR = "no publication date to resolve it against"
RELATIVE = "relative to another event, not to publication"


class Unresolved(ValueError):
    """An expression that names no calendar interval; its message is the ``reason``."""


def anchor_date(published: str | None) -> date | None:
    """The local calendar date of an ISO date or datetime ("2021-12-31T11:30:00+05:30" → 31 Dec)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def find_times(doc: Any, published: str | None, parsed: Sequence[Parsed] = ()) -> list[TimeExpr]:
    """Every time expression in ``doc``, in text order, resolved against ``published``; ``parsed``
    are the sentences the pipeline parsed (each expression's ``what`` needs its sentence's parse)."""
    anchor = anchor_date(published)
    parses = {p.base: p for p in parsed}
    period: Interval | None = None  # the quarter or half the report last named (``periods``)
    refs: list[Interval] = []  # the times the narrative has named, in order (``narrative``)
    out: list[TimeExpr] = []
    for sent, text in sentences_with_text(doc):
        found = []
        for m in find_matches(text):
            start, end = sent.start_char + m.start, sent.start_char + m.end
            if m.kind == "year" and year_counts_things(doc, start, end):
                continue
            if m.kind in ("month", "weekday", "holiday") and _names_a_person(doc, start, end):
                continue  # April Ryan, June Carter, Tuesday Weld
            if m.kind == "day_word" and _opens_a_name(doc, start, end, sent, text):
                continue  # a station or a section: "Stay with TODAY'S TMJ4", "Today's Woman"
            at = start + text[m.start : m.end].lower().find("that")
            if m.kind == "anchored" and m.groups.get("that") and not _determiner(doc, at):
                continue  # "said that night vision …": a conjunction, not "that night"
            if m.kind == "reference" and m.groups.get("cur") and not _adjective(doc, start):
                continue  # the noun: "a strong current"
            if m.groups.get("dp") and _before_a_noun(doc, start, end):
                continue  # "in the morning meetings": the day part qualifies a noun
            if m.kind == "record_span" and not records.after_a_record(doc, start):
                continue  # "will reopen in six years", "jailed for six years"
            found.append(m)
        spans = [(m.start, m.end) for m in found]
        counted = [(sent.start_char + m.start, sent.start_char + m.end) for m in found
                   if narrative.refers_to_narrative(m)]
        parse = parses.get(sent.start_char)
        # the sentence's lone clock times: index, the narrative's last time, the clause's tense
        first_here, clocks = len(out), list[_Clock]()
        for m in found:
            start, end = sent.start_char + m.start, sent.start_char + m.end
            if m.groups.get("unsure") and period is None and not amount_changes(doc, start, end, sent):
                continue  # "the third quarter" outside a results report: a period of play
            direction = cal.UNKNOWN
            result = periods.resolve_back(m, period, anchor) if periods.refers_back(m, text) else None
            if result is None:
                result = narrative.overnight(m, refs, anchor)
            if result is None and narrative.refers_to_narrative(m):
                result = narrative.resolve(m, refs)
            if result is None:
                direction = clause_direction(doc, start, end, sent, counted)
                if m.kind == "quarter":  # a quarter is dated ahead only where the clause looks ahead to it
                    direction = _AHEAD if expects_ahead(doc, start, end, sent) else _not_ahead(direction)
                result = resolve(m, anchor, direction)
            iv, reason = (result, None) if isinstance(result, tuple) else (None, result)
            if m.groups.get("dp") and direction.tense == "future":
                continue  # "will leave in the morning": which morning is not said
            if m.kind == "clock" and iv is not None:
                clocks.append((len(out), refs[-1] if refs else None, direction))
            if periods.sets_period(m, iv):
                period = iv
            if iv is not None and narrative.sets_reference(m):
                refs.append(iv)
            value, mod = timeml_form(m, iv, text[m.start : m.end])
            out.append(
                TimeExpr(
                    text=text[m.start : m.end],
                    start=iv[0].isoformat() if iv else None,
                    end=iv[1].isoformat() if iv else None,
                    offset=(start, end),
                    sentence=text,
                    event=event_of(doc, start, end, sent),
                    reason=reason,
                    what=event_phrase(parse.doc, m.start, m.end, spans) if parse is not None else None,
                    told=told_phrase(parse.doc, m.start, m.end, spans) if parse is not None else None,
                    deed=deed_lemmas(parse.doc, m.start, m.end, spans) if parse is not None else None,
                    timeml_value=value,
                    mod=mod,
                )
            )
        _date_clocks(out, first_here, clocks, anchor)
    return out


def _date_clocks(out: list[TimeExpr], first_here: int, clocks: list[_Clock], written: date | None) -> None:
    """Move the lone clock times of the sentence whose expressions begin at ``first_here`` to the
    day ``times_of_day`` gives them, from the sentence's other times or the narrative's."""
    held = {c[0] for c in clocks}
    here = [t for i, t in enumerate(out[first_here:], first_here) if i not in held]
    times = [(date.fromisoformat(t.start), date.fromisoformat(t.end)) for t in here if t.start and t.end]
    for i, last_ref, direction in clocks:
        day = clock_day(times, last_ref, direction, written)
        if day is not None:
            out[i] = on_day(out[i], day)


_Clock = tuple[int, Interval | None, cal.Direction]


# The unit a kind of expression names, whatever the shape of its interval ("January 9 and 10" is two
# days, not a weekend; "late 2006" is part of a year); the other kinds name the unit their interval is
_NAMED_UNITS: dict[str, cal.Unit] = {
    "month": "month", "month_shift": "month", "year": "year", "decade": "decade", "century": "century",
    "season": "season", "season_bare": "season",
    **{kind: "day" for kind in ("iso", "numeric", "month_day", "day_month", "weekday", "day_word", "day_part",
                                "holiday", "clock", "year_end", "day_before", "month_day_range")},
}  # fmt: skip
_UNIT_WORDS: dict[str, cal.Unit] = {
    "session": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
    "spring": "season", "summer": "season", "autumn": "season", "fall": "season", "winter": "season",
    **{u: u for u in cal.UNITS},
}  # fmt: skip
# TimeML writes a span of decades in years, as TimeBank does ("two decades" P20Y, "the past decade"
# P10Y), and one of unknown length in decades PXY; the count of each unit in the value
_DURATION_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y"}
_PER_UNIT = {"decade": 10}


def timeml_form(m: Match, iv: Interval | None, words: str) -> tuple[str | None, str | None]:
    """TimeML's ``value`` and ``mod`` of an expression (``words``) resolved to ``iv``: the calendar
    unit it names (``cal.timeml_value``) with early/mid/late as its mod and a time of day after a
    "T" ("Friday evening" 2000-02-18TEV, "7:15 p.m." …T19:15); a span ("the past 30 years") a
    duration (P30Y); "now", "recently", "soon" PRESENT_REF, PAST_REF, FUTURE_REF; a range its two
    ends ("1991 to 1997" 1991/1997, ``cal.timeml_range``)."""
    g = m.groups
    shift = " ".join(g.get("shift", "").lower().split())
    back = m.kind == "relative" and g.get("the") and shift in ("past", "last") and not _reporting(g)
    if ((m.kind == "span" or back) and iv is not None) or (m.kind == "record_span" and g.get("n")):
        n, unit = parse_number(g.get("n", "1")), _unit(g["unit"])
        if not n or unit not in _DURATION_UNITS:
            return None, None
        return f"P{int(n) * _PER_UNIT.get(unit, 1)}{_DURATION_UNITS[unit]}", None
    if iv is None:
        return _reference_value(m.kind, words), None
    if g.get("word", "").lower() == "overnight":  # the night before the day of writing
        return f"{iv[0].isoformat()}TNI", None
    part = _part(g.get("part") or g.get("part2"))
    named = _NAMED_UNITS.get(m.kind) if m.kind != "day_before" else _UNIT_WORDS.get(_unit(g["unit"]))
    if named is None and (part or g.get("side")):  # the interval is part of the unit the words name
        named = _UNIT_WORDS.get(_unit(g.get("unit", "")))
    # "earlier this month", "early in the month" are the month with mod START, as TimeML writes them
    side = _SIDES.get(g.get("side", "").lower())
    value, mod = cal.timeml_value(iv, named, part or _part(side))
    if value is None and named is not None and not (part or side):  # "from 1991 to 1997": each end
        return cal.timeml_range(iv, named), None
    if value is not None and len(value) == 10:
        value += _time_of_day(words)
    return value, mod


_SIDES = {"earlier": "early", "later": "late", "early": "early", "late": "late"}
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_DAY_PART_WORD = re.compile(r"\b(?:morning|afternoon|evening|night|tonight)\b")
# "7:15 p.m.", "16:08", "noon", and the wire services' "0600 GMT"
_CLOCK = re.compile(
    r"(?i)\b(?:(\d\d?)(?::(\d\d))?\s*([ap])\.?m\b\.?|(\d\d?):(\d\d)|(noon|midnight)|([01]\d|2[0-3])([0-5]\d)\s+(?:GMT|UTC))"
)


def _time_of_day(words: str) -> str:
    """TimeML's time after a date: "T19:15" for "7:15 p.m.", "TEV" for "Friday evening", else ""."""
    if m := _CLOCK.search(words):
        if m[6]:
            return "T12:00" if m[6].lower() == "noon" else "T24:00"
        hour, minute = (int(m[1]), m[2]) if m[1] else (int(m[4]), m[5]) if m[4] else (int(m[7]), m[8])
        if m[3]:
            hour = hour % 12 + 12 * (m[3].lower() == "p")
        return f"T{hour:02d}:{minute or '00'}"
    # "Friday evening", "mid-afternoon", "the late afternoon on Tuesday"
    part = _DAY_PART_WORD.search(words.lower())
    return "T" + _DAY_PARTS[part[0]] if part else ""


_FUTURE_WORDS = re.compile(r"future|soon|coming|next|term\b|later")
_PAST_WORDS = re.compile(r"past|recent|last|ago|lately")


def _reference_value(kind: str, words: str) -> str | None:
    """PRESENT_REF, PAST_REF or FUTURE_REF for the expressions that name the time of writing or a
    side of it ("now", "recently", "soon"); "for several years" a duration of unknown length (PXY)."""
    if kind not in ("vague", "reference", "record_span"):
        return None
    w = words.lower()
    if kind == "record_span":  # "the highest in years": a span of unknown length
        return "PX" + _DURATION_UNITS.get(_unit(w.split()[-1]), "Y")
    if w.startswith("for ") and not _FUTURE_WORDS.search(w) and not w.endswith("being"):  # the time being
        return "PX" + _DURATION_UNITS.get(_unit(w.split()[-1]), "Y")
    if _FUTURE_WORDS.search(w):
        return "FUTURE_REF"
    return "PAST_REF" if _PAST_WORDS.search(w) else "PRESENT_REF"


def _determiner(doc: Any, start: int) -> bool:
    tok = doc.char_span(start, start + 4, alignment_mode="expand")
    return bool(tok is not None and tok[0].tag_ == "DT")


def _adjective(doc: Any, start: int) -> bool:
    tok = doc.char_span(start, start + 7, alignment_mode="expand")
    return bool(tok is not None and tok[0].tag_ == "JJ")


def _before_a_noun(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span is not None and span.end < len(doc) and doc[span.end].tag_ in ("NN", "NNS"))


def _opens_a_name(doc: Any, start: int, end: int, sent: Any, text: str) -> bool:
    """A day word written as the first word of a name, "TODAY'S TMJ4", "Today's Woman": capitalised
    inside a sentence in running text, its possessive followed by capitalised words only, with no
    common noun after them that the whole would modify ("Today's Senate vote")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span[0].text[0].isupper() or span.start == sent.start or span.end >= sent.end:
        return False
    if doc[span.end].lower_ not in ("'s", "’s") or not any(c.islower() for c in text):
        return False
    j = span.end + 1
    while j < sent.end and doc[j].text[0].isupper():
        j += 1
    return j > span.end + 1 and not (j < sent.end and doc[j].tag_ in ("NN", "NNS"))


def _names_a_person(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span is not None and span[0].ent_type_ == "PERSON")


def resolve(m: Match, anchor: date | None, direction: cal.Direction) -> Interval | str:
    """The interval a match denotes, or the reason it has none."""
    handler = _HANDLERS[m.kind]
    g = m.groups
    try:
        written = any(g.get(k) for k in ("y", "y2", "y3")) or g.get("dec", "'")[0].isdigit()
        if m.kind == "century" or (m.kind in _ABSOLUTE and written):
            iv = handler(g, date(2000, 1, 1), direction)
        elif anchor is None:
            return NO_ANCHOR
        else:
            iv = handler(g, anchor, direction)
        if g.get("from"):  # "the day after Christmas": the day after the day named
            return (iv[1] + timedelta(days=1),) * 2 if g["from"] == "1" else (iv[0] - timedelta(days=1),) * 2
        return iv
    except Unresolved as exc:
        return str(exc)
    except ValueError as exc:  # 31 April, a day that does not exist
        return f"not a calendar date ({exc})"


def _year_of(g: dict[str, str], anchor: date | None = None) -> int | None:
    """The year written ("2021") or named by its shift from publication ("next year")."""
    for key in ("y", "y2", "y3"):
        if g.get(key):
            return int(g[key])
    rel = (g.get("ry") or g.get("ry2") or "").lower().split()
    if not rel or anchor is None:
        return None
    if rel[0] == "the" and rel[-1] in ("following", "previous", "same"):
        raise Unresolved(RELATIVE)  # the year after or before another event
    return anchor.year + _SHIFTS.get(rel[-1], 0)


def _days(g: dict[str, str]) -> tuple[int, int]:
    nums = [int(x) for x in _DIGITS.findall(g["d"] + " " + g.get("days", ""))]
    return min(nums), max(nums)


def _fixed_or_placed(
    make: Callable[[int], Interval], year: int | None, anchor: date, d: cal.Direction
) -> Interval:
    if year is not None:
        return make(year)
    placed = cal.place_in_year(anchor, make, d)
    if placed is None:
        raise ValueError("no such day in any nearby year")
    return placed


def _month_day(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"Dec. 3", "3 December": without a year, the one nearest publication by tense; "Saturday,
    April 25" the nearby year in which that day is a Saturday, whatever the tense."""
    month = month_number(g["m"])
    first, last = _days(g)
    year = _year_of(g, anchor)
    if year is None and g.get("wd") and first == last:
        fits = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if _is_day(y, month, first) and date(y, month, first).weekday() == weekday_number(g["wd"])]
        year = fits[0] if len(fits) == 1 else None
    return _fixed_or_placed(lambda y: (date(y, month, first), date(y, month, last)), year, anchor, d)


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _week_of(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"The week of March 6": the Monday-to-Sunday week holding that day."""
    return cal.week_interval(_month_day(g, anchor, d)[0])


_WEEK_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _week_of_month(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"The last week of March": the last Monday-to-Sunday week inside the month (TimeML's
    2009-W13 for March 2009); "the first week of June" the first one that starts in it."""
    month = month_number(g["m"])
    ordinal = g["ord"].lower()

    def make(y: int) -> Interval:
        first, last = cal.month_interval(y, month)
        if ordinal in ("last", "final"):
            sunday = last - timedelta(days=(last.weekday() + 1) % 7)
            return sunday - timedelta(days=6), sunday
        monday = first + timedelta(days=(7 - first.weekday()) % 7, weeks=_WEEK_ORDINALS[ordinal])
        return monday, monday + timedelta(days=6)

    return _fixed_or_placed(make, _year_of(g, anchor), anchor, d)


def _month_day_range(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    m1, m2 = month_number(g["m"]), month_number(g["m2"])
    d1, d2 = int(_DIGITS.findall(g["d"])[0]), int(_DIGITS.findall(g["d2"])[0])
    wrap = 1 if m2 < m1 else 0
    y2 = _year_of(g, anchor)
    if y2 is not None:  # the year written after a range is the year of its end
        return date(y2 - wrap, m1, d1), date(y2, m2, d2)
    return _fixed_or_placed(lambda y: (date(y, m1, d1), date(y + wrap, m2, d2)), None, anchor, d)


def _month(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    months = [month_number(g["m"])] + [month_number(x) for x in _MONTH_WORD.findall(g.get("more", ""))]
    m1, m2 = months[0], months[-1]
    wrap = 1 if m2 < m1 else 0
    part = _part(g.get("part"))

    def make(y: int) -> Interval:
        iv = (date(y, m1, 1), cal.month_end(y + wrap, m2))
        return cal.part_of(iv, part) if len(months) == 1 else iv

    year = _year_of(g, anchor)
    if year is None and g.get("lfirst"):  # one month of a yearless list: the year the list falls in
        first, last = month_number(g["lfirst"]), month_number(g["llast"])

        def whole(y: int) -> Interval:
            return date(y, first, 1), cal.month_end(y + (last < first), last)

        year = _fixed_or_placed(whole, None, anchor, d)[0].year + (m1 < first)
    return _fixed_or_placed(make, year, anchor, d)


def _month_shift(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"Last December" is the latest December before the month of writing, "next March" the first
    March after it, whatever the clause's tense ("talks in Paris last December")."""
    month = month_number(g["m"])
    if g["mshift"].lower().split()[-1] in ("last", "past"):
        return cal.month_interval(anchor.year - (month >= anchor.month), month)
    return cal.month_interval(anchor.year + (month <= anchor.month), month)


def _season(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    year = _year_of(g, anchor)
    if year is None:
        raise Unresolved(NO_ANCHOR)
    iv = cal.season_interval(year, g["season"].lower())
    return cal.part_of(iv, _part(g.get("part"))) if g.get("part") and (iv[1] - iv[0]).days < 40 else iv


def _decade(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    raw = g.get("dec") or "'" + g["bare"]  # "the 70s" is "the '70s"
    if not raw[0].isdigit():  # '90s, ’90s
        yy = int(raw[1:])
        start = 1900 + yy if 1900 + yy + 10 <= anchor.year + 1 and yy >= 30 else 2000 + yy
    else:
        start = int(raw)
    return cal.part_of((date(start, 1, 1), date(start + 9, 12, 31)), _part(g.get("part") or g.get("part2")))


def _year(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    y1 = int(g["y"])
    if g.get("y2"):  # 1991 to 1997, 2014-15
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else y1 // 100 * 100 + int(g["y2"])
        return date(y1, 1, 1), date(max(y1, y2), 12, 31)
    return cal.part_of(cal.year_interval(y1), _part(g.get("part")))


def _weekday(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    shift = (g.get("shift") or "").lower() or None
    # "this Tuesday" is the nearest Tuesday in the clause's direction, as a bare "Tuesday" is
    shift = {"coming": "next", "past": "last", "this": None}.get(shift or "", shift)
    day = cal.weekday_date(anchor, weekday_number(g["w"]), d, shift)
    return day, day


def _day_word(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    word = g["word"].lower()
    if word == "overnight":
        return cal.relative_unit(anchor, "day", -1)[0], anchor
    step = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if g.get("dd"):  # the day before yesterday, the day after tomorrow
        step += 1 if g["dd"].lower() == "after" else -1
    return cal.relative_unit(anchor, "day", step)


def _day_part(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    back = g["shift"].lower() == "last"
    return cal.relative_unit(anchor, "day", -1 if back else 0)


def _relative(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    shift, unit = " ".join(g["shift"].lower().split()), g["unit"].lower()
    if unit in cal.SEASONS:
        return _relative_season(unit, _SHIFTS[shift], anchor)
    if g.get("the") and shift in ("following", "previous"):
        raise Unresolved(RELATIVE)
    # "over the past week": the 7 days up to now; "in the last quarter" a reporting period, the one before
    if g.get("the") and shift in ("past", "last") and not _reporting(g):
        return cal.span_back(anchor, _unit(unit), 1)
    if unit == "weekend" and _SHIFTS[shift] == 0:
        return _weekend(g, anchor, d)
    # "the next month" is the month "next month" names (TimeML gives both one value)
    iv = cal.relative_unit(anchor, unit, _SHIFTS[shift])
    side = (g.get("side") or "").lower()
    # "earlier this week" is before the day of writing (that day would be "today", "on Friday"),
    # "later this week" after it
    if side == "earlier":
        iv = iv[0], max(iv[0], min(iv[1], anchor - timedelta(days=1)))
    elif side == "later":
        iv = min(iv[1], max(iv[0], anchor + timedelta(days=1))), iv[1]
    return cal.part_of(iv, _part(g.get("part")))


def _reporting(g: dict[str, str]) -> bool:
    """Whether the unit is a reporting quarter, named whole even after "the past" ("results for the
    last quarter")."""
    return g.get("unit", "").lower() == "quarter"


def _in_the(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"Earlier in the week" is "earlier this week", "early in the year" "early this year"; "later
    in the day" the day of writing."""
    if g["unit"].lower() == "day":
        return anchor, anchor
    side = g["side"].lower()
    if side in ("early", "late"):
        return _relative({"shift": "this", "unit": g["unit"], "part": side}, anchor, d)
    return _relative({"shift": "this", "unit": g["unit"], "side": side}, anchor, d)


def _the_day(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"Ended the day at 8,017" with no day named before it: the day of writing."""
    return anchor, anchor


def _streak(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"For a second consecutive day", "the fourth week in a row" with no time named before it: the
    unit of writing (a trading session is a day)."""
    unit = (g.get("unit") or g["unit2"]).lower()
    return cal.relative_unit(anchor, "day" if unit == "session" else unit, 0)


def _relative_season(season: str, shift: int, anchor: date) -> Interval:
    this = cal.season_interval(anchor.year, season)
    if season == "winter" and anchor.month <= 2:
        this = cal.season_interval(anchor.year - 1, season)
    if shift == 0:
        return this
    y = this[0].year
    if shift < 0:
        return this if this[1] < anchor else cal.season_interval(y - 1, season)
    return this if this[0] > anchor else cal.season_interval(y + 1, season)


def _ago(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    n = parse_number(g["n"])
    if n is None or n != int(n):
        raise ValueError(f"cannot count {g['n']!r}")
    return cal.ago(anchor, _unit(g["unit"]), int(n))


def _span(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    n = parse_number(g["n"])
    if n is None or n != int(n):
        raise ValueError(f"cannot count {g['n']!r}")
    if g["dir"].lower() == "following":
        raise Unresolved(RELATIVE)
    back = g["dir"].lower() in ("past", "last", "previous")
    return (cal.span_back if back else cal.span_ahead)(anchor, _unit(g["unit"]), int(n))


def _record_span(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"Its lowest level in six years": the past six years, whatever the tense (``records``)."""
    n = parse_number(g.get("n", ""))
    if n is None or n != int(n):
        raise Unresolved("vague: it names no calendar interval")
    return cal.span_back(anchor, _unit(g["unit"]), int(n))


def _weekend(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"This weekend", "over the weekend": the one of writing on a Saturday or Sunday. On a
    weekday, the one just gone in a past clause (news tells what happened: "two people were shot
    this weekend"), the coming one in a future or modal clause ("police will patrol the park this
    weekend"); a present tense leans ahead ("the festival takes place this weekend") but is also
    news's tense for what has just happened ("is charged after barricading himself … this
    weekend"), so the day of writing decides: the nearer weekend, the one ahead counting less
    (``cal.nearest``), which leaves the one just gone to a Monday; with no tense, the nearer."""
    this = cal.relative_unit(anchor, "weekend", 0)
    if this[0] <= anchor:
        return this
    before = cal.relative_unit(anchor, "weekend", -1)
    if d.tense == "past":
        return before
    if d.tense == "future" and not d.present:
        return this
    return cal.nearest([this, before], anchor, d)


def _season_bare(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"In the fall": the season nearest publication by tense; "since the summer" one gone by."""
    season = g["season"].lower()
    if g.get("prep", "").lower() == "since":
        d = cal.Direction("past", True)
    return _fixed_or_placed(lambda y: cal.season_interval(y, season), None, anchor, d)


def _holiday(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    name = g["h"]
    return _fixed_or_placed(lambda y: (cal.holiday(name, y),) * 2, _year_of(g), anchor, d)


def _century(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    c = int(g["c"]) if g.get("c") else ORDINAL_CENTURIES[g["cw"].lower()]
    iv = date(100 * (c - 1), 1, 1) if c > 1 else date(1, 1, 1), date(100 * (c - 1) + 99, 12, 31)
    return cal.part_of(iv, _part(g.get("part") or g.get("part2")))


def _unit_part(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    return cal.part_of(cal.relative_unit(anchor, g["unit"].lower(), 0), _part(g["part"]))


def _quarter(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """A quarter or half of a year; without a year, the one nearest publication by tense."""
    if g.get("qn"):
        size, n = (3 if g["qh"].upper() == "Q" else 6), int(g["qn"])
    else:
        word = (g.get("q") or g["h"]).lower()
        size = 3 if g.get("q") else 6
        n = _ORDINALS[word] if size == 3 else min(_ORDINALS[word], 2)  # "the last half": the second
    if size * n > 12:
        raise ValueError(f"a year has no {g.get('qh', 'H')}{n}")
    # results are reported after the quarter, even in a future clause ("expects to report
    # third-quarter net income"): a quarter without a year is the one nearest publication, where
    # only a past clause, even one read weakly, rules out the coming one ("earnings soared in the
    # fiscal first quarter", in October, is the one before)
    def make(y: int) -> Interval:
        return date(y, size * (n - 1) + 1, 1), cal.month_end(y, size * n)

    weighed = cal.Direction("past", True) if d.tense == "past" else d if d == _AHEAD else cal.UNKNOWN
    year = anchor.year if g.get("ty") else _year_of(g, anchor)  # "of the year": the year of writing
    return _fixed_or_placed(make, year, anchor, weighed)


_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}  # fmt: skip
_AHEAD = cal.Direction("future", True)


def _not_ahead(d: cal.Direction) -> cal.Direction:
    return cal.UNKNOWN if d.tense == "future" else d


def _year_end(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """"By year-end" is 31 December of the year of writing; "since year-end" the one before it."""
    year = anchor.year - (g["prep"].lower() in ("since", "after"))
    return (date(year, 12, 31),) * 2


def _clock(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """A time of day with no day beside it: the day of writing ("at 7 p.m.", "16:08 UTC")."""
    return anchor, anchor


def _numeric(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """12/30/2021 is month first (US); 30/12/2021 cannot be, so it is read day first. A two-digit
    year is the latest with those digits up to the year after publication ("10/23/66" in 2008 is
    1966, "2/19/17" in 2017 is 2017)."""
    m, day = int(g["m"]), int(g["d"])
    if m > 12 >= day:
        m, day = day, m
    year = int(g["y"]) if g.get("y") else anchor.year + 1 - (anchor.year + 1 - int(g["yy"])) % 100
    return (date(year, m, day),) * 2


def _vague(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    raise Unresolved("vague: it names no calendar interval")


def _vague_period(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    """A report's period named again, met without the report around it (``periods`` dates it)."""
    raise Unresolved(RELATIVE)


def _reference(g: dict[str, str], anchor: date, d: cal.Direction) -> Interval:
    raise Unresolved("the time of writing or a time before or after it, not a calendar interval")


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


def _part(word: str | None) -> cal.Part | None:
    if not word:
        return None
    w = word.lower()
    if w.startswith("early") or "start" in w or "beginning" in w:
        return "early"
    if w.startswith("mid") or "middle" in w:
        return "mid"
    return "late"


_ABSOLUTE = {"iso", "numeric", "month_day", "month_day_range", "day_month", "week_of", "week_of_month",
             "month", "season", "year", "decade", "holiday", "quarter"}  # fmt: skip
_HANDLERS: dict[str, Callable[[dict[str, str], date, cal.Direction], Interval]] = {
    "iso": lambda g, a, d: (date(int(g["y"]), int(g["m"]), int(g["d"])),) * 2,
    "numeric": _numeric,
    "quarter": _quarter,
    "clock": _clock,
    "month_day": _month_day,
    "month_day_range": _month_day_range,
    "day_month": _month_day,
    "week_of": _week_of,
    "week_of_month": _week_of_month,
    "month": _month,
    "month_shift": _month_shift,
    "season": _season,
    "decade": _decade,
    "year": _year,
    "weekday": _weekday,
    "day_word": _day_word,
    "day_part": _day_part,
    "relative": _relative,
    "ago": _ago,
    "span": _span,
    "record_span": _record_span,
    "vague": _vague,
    "reference": _reference,
    "weekend": _weekend,
    "season_bare": _season_bare,
    "holiday": _holiday,
    "century": _century,
    "unit_part": _unit_part,
    "year_end": _year_end,
    "in_the": _in_the,
    "the_day": _the_day,
    "streak": _streak,
    "period_ref": _vague_period,
    "year_back": _vague_period,
    "full_year": lambda g, a, d: cal.relative_unit(a, "year", 0),
    # dated from the narrative's time in ``find_times`` (``narrative``); alone, relative to it
    "anchored": _vague_period,
    "later": _vague_period,
    "day_before": _vague_period,
}
