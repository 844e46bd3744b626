"""Direct quotations found by their marks, in any of the styles news uses: “ ” ‘ ’ " ', and two
apostrophes ''…'' for double marks (archive and wire copy, The New York Times in PolNeAR).

Pairing is done per paragraph on the raw text, not per sentence, because a quotation often holds
several sentences. Single quotes nested in double quotes belong to the outer quotation; top-level
single quotes (British style, headlines) are quotations of their own. An apostrophe inside a word
("it’s", "Russia’s") is never a mark. An opening double mark where a closing one belongs, after a
word and before a space (“It's unusual,“ said Noble: a typing slip), closes; a closing double mark
where an opening one belongs, after a space and before a word (aides ”get close to Ben”, a
paragraph opening ”Fear. I am …”), opens. A quotation left open
at the end of its paragraph runs to the paragraph's end; news style then reopens it at the start of
the next paragraph, which is marked ``continued`` so it inherits the speaker.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
_TRIM = " \t,;:"
_YEAR_CUT = re.compile(r"\d\d(?:s\b|(?!\w))")


@dataclass(frozen=True)
class QuoteSpan:
    """The quoted words ``text[start:end]`` inside marks ``text[outer_start:outer_end]``."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    closed: bool  # False: ran to the end of its paragraph without a closing mark
    continued: bool  # reopens a quotation left open at the end of the previous paragraph


def _can_open(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return _opens_after(text[i - 1] if i > 0 else " ") and not after.isspace()


def _opens_after(before: str) -> bool:
    """A mark may open after a space, a bracket or dash, or an invisible format character (a
    direction mark pasted with the text: "\u202a”Sorry Sarah …")."""
    invisible = unicodedata.category(before) == "Cf"
    return before.isspace() or before in "([{—–-:/" + DOUBLE_OPEN + SINGLE_OPEN or invisible


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _spaced(text: str, i: int) -> bool:
    """A double mark closing after a nested single one, set apart by a space (house style of some
    papers): "… say, 'Well done,' " said Rep. Diane Russell."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return i >= 2 and text[i - 1] == " " and text[i - 2] in "'’" and not after.isalnum()


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """(outer start, outer end, closed) of each top-level quotation in ``text[lo:hi]``."""
    found: list[tuple[int, int, bool]] = []
    dbl: int | None = None  # position of the open double mark
    sgl: int | None = None  # position of an open top-level single mark
    skip = False
    for i in range(lo, hi):
        if skip:
            skip = False
            continue
        c = text[i]
        if c == "'" and text[i + 1 : i + 2] == "'":  # ''…'': two apostrophes as a double mark
            skip = True
            before = text[i - 1] if i > 0 else " "
            after = text[i + 2] if i + 2 < len(text) else " "
            if dbl is None and _opens_after(before) and not after.isspace():
                dbl, sgl = i, None  # a single mark left open before it was an apostrophe
            elif dbl is not None and not before.isspace() and not after.isalnum():
                found.append((dbl, i + 2, True))
                dbl = None
            continue
        if c == "“" and dbl is not None and _can_close(text, i) and not text[i + 1 : i + 2].isalnum():
            found.append((dbl, i + 1, True))  # an opening mark typed as the closing one: “No,“ he said
            dbl = None
        elif c in DOUBLE_OPEN or (c in '"”' and dbl is None and _can_open(text, i)):
            if dbl is None and sgl is None:
                dbl = i
        elif c in DOUBLE_CLOSE + '"' and dbl is not None and (_can_close(text, i) or _spaced(text, i)):
            found.append((dbl, i + 1, True))
            dbl = None
        elif dbl is None and (c in SINGLE_OPEN or c == "'") and sgl is None and _can_open(text, i):
            if c == "'" and i + 1 < hi and text[i + 1] in "sS" and not text[i + 2 : i + 3].isalpha():
                continue  # "the '90s", not a mark
            if _YEAR_CUT.match(text, i + 1):
                continue  # "the late '70s", "the class of ‘08": a year cut short, not a mark
            sgl = i
        elif dbl is None and sgl is not None and c in SINGLE_CLOSE + "'" and _can_close(text, i):
            if i - sgl > 1:
                found.append((sgl, i + 1, True))
            sgl = None
    if dbl is not None:
        found.append((dbl, hi, False))
    return found


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quotation in ``text``, in order."""
    spans: list[QuoteSpan] = []
    prev_open = False
    for n, para in enumerate(re.finditer(r"[^\n]+", text)):
        lo, hi = para.start(), para.end()
        first = True
        opened_here = False
        for o_start, o_end, closed in _marks(text, lo, hi):
            start = o_start + (2 if text.startswith("''", o_start) else 1)
            end = o_end
            if closed:
                end -= 2 if o_end - 2 > o_start and text.startswith("''", o_end - 2) else 1
            while start < end and text[start] in _TRIM:
                start += 1
            while end > start and (text[end - 1] in _TRIM or text[end - 1].isspace()):
                end -= 1
            if end <= start:
                continue
            lead = text[lo:o_start].strip() == ""
            spans.append(QuoteSpan(start, end, o_start, o_end, n, closed, prev_open and first and lead))
            first = False
            opened_here = not closed
        prev_open = opened_here
    return spans
