"""Numbers as news writes them: digits with separators, words, scales and vague plurals.

"100,000", "1.2 billion", "twenty-five", "two hundred", "a dozen", "half a million" are exact
numbers; "dozens", "hundreds of thousands", "tens of millions" are ranges (``vague_range``).
Shared by quantities ("two officials") and time expressions ("three weeks ago").
"""

from __future__ import annotations

import re
from typing import Any

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}  # South Asian English
# Abbreviated scales after digits: "$3bn", "£1.2m", "5k".
SHORT_SCALES = {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12}

_SMALL_RE = "|".join(sorted(SMALL, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
_SCALE_RE = "|".join(SCALES)
# A whole number with a common fraction after it, as sentences and durations are written: "2 1/2
# years", "1-1/2 hours", "2½ years".
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_FRACTION = r"(?:[\s-](?:1/2|1/4|3/4|1/3|2/3)(?![\d/])|[½¼¾⅓⅔])"
DIGITS = rf"\d{{1,6}}{_FRACTION}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# At the start of a run of digits and bounded, so a long run costs one look, not one per digit.
_MIXED_RE = re.compile(r"(?<!\d)(\d{1,6})(?:[\s-](\d)/(\d)(?![\d/])|([½¼¾⅓⅔]))")


def _decimal(m: re.Match[str]) -> str:
    part = _VULGAR[m.group(4)] if m.group(4) else int(m.group(2)) / int(m.group(3))
    return repr(int(m.group(1)) + part)


WORDS = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_SMALL_RE}))?|{_SMALL_RE}|a|an|half\s+an?|a\s+half)"
# One number: "100,000", "1.2 billion", "two hundred and fifty thousand", "a dozen", "half a million".
_WORD = rf"(?:(?:{_TENS_RE})(?:-(?:{_SMALL_RE}))?|{_SMALL_RE})"
NUMBER = (
    rf"(?:(?:{DIGITS})(?:\s*(?:{'|'.join(SHORT_SCALES)})\b)?|{WORDS}|dozen)"
    rf"(?:[\s-]+(?:{_SCALE_RE}|dozen))*"
    rf"(?:(?<=hundred)(?:\s+and)?\s+{_WORD}(?:\s+(?:{_SCALE_RE}))*)?"
)
NUMBER_RE = re.compile(rf"\b(?:{NUMBER})\b", re.I)

# Vague plurals: the low bound is twice the unit (two dozen), the high just under the next scale.
VAGUE = (
    (r"tens\s+of\s+thousands", 2e4, 99_999.0),
    (r"hundreds\s+of\s+thousands", 2e5, 999_999.0),
    (r"tens\s+of\s+millions", 2e7, 99_999_999.0),
    (r"hundreds\s+of\s+millions", 2e8, 999_999_999.0),
    (r"tens\s+of\s+billions", 2e10, 99_999_999_999.0),
    (r"hundreds\s+of\s+billions", 2e11, 999_999_999_999.0),
    (r"dozens", 24.0, 99.0),
    (r"scores", 40.0, 199.0),
    (r"hundreds", 200.0, 999.0),
    (r"thousands", 2e3, 9_999.0),
    (r"millions", 2e6, 999_999_999.0),
    (r"billions", 2e9, 999_999_999_999.0),
)
VAGUE_RE = re.compile(r"\b(?:" + "|".join(p for p, _, _ in VAGUE) + r")\b", re.I)


def year_counts_things(doc: Any, start: int, end: int) -> bool:
    """Whether a year-like number at ``doc.text[start:end]`` counts things ("2000 troops") rather than
    naming a year ("the 2018 elections", "Trump's 2016 campaign", "in 2014")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or doc[span.end].tag_ != "NNS":
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    return not (before is not None and (before.tag_ in ("DT", "PRP$", "POS") or before.lower_ in _YEAR_PREPS))


_YEAR_PREPS = {"in", "since", "until", "by", "from", "of", "during", "before", "after"}


def vague_range(text: str) -> tuple[float, float] | None:
    """Bounds of a vague plural ("hundreds of millions" → 2e8..999,999,999), else None."""
    norm = " ".join(text.lower().split())
    for pattern, low, high in VAGUE:
        if re.fullmatch(pattern, norm):
            return low, high
    return None


def parse_number(text: str) -> float | None:
    """The value of one number as written ("1.2 billion" → 1.2e9, "twenty-five" → 25, "2 1/2" →
    2.5), else None."""
    text = _MIXED_RE.sub(_decimal, text)
    words = re.findall(r"[a-z]+|\d[\d,]*(?:\.\d+)?|\.\d+", text.lower())
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for i, w in enumerate(words):
        if w[0].isdigit() or w[0] == ".":
            current += float(w.replace(",", ""))
        elif w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
        elif w in ("a", "an"):
            after_half = i > 0 and words[i - 1] == "half"
            before_half = i + 1 < len(words) and words[i + 1] == "half"
            current += 0 if after_half or before_half else 1
        elif w == "half":
            current += 0.5
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in SHORT_SCALES and seen:
            current *= SHORT_SCALES[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        elif w == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None
