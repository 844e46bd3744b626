"""The ages of a group told as a list, across sources: "two women -- 68 and 48-years-old" / "the
women killed, who were 61 and 48 years old" (ecbplus-dev 32).

News writes the ages of the people of one group in one coordination, the age word said once for
all ("two girls, ages 12 and 15", "who were 61 and 48 years old") or with each ("a 15-year-old and
a 16-year-old"). The quantities read no figure from such a list (``annotation.quantities``: "61 and
48" without "between" is no range), so the two tellings were never compared (issue 14: real
discrepancies with no link). Here each sentence's lists are read whole and two lists of one
candidate pair compared as lists: the same ages in any order ("ages 12 and 15" / "aged 15 and
12", ecbplus-dev 36; "ages 1 and 4" in all three reports of gva-dev 542791) agree; lists of as
many ages that share all but one are one group told with one age apart, a conflict listed to
check: which person each age is, and that the groups are one, the text does not prove.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side

if TYPE_CHECKING:  # candidates pairs sentences by their age lists too
    from storyline.crosscheck.candidates import Pair

AGREE_CONFIDENCE = 0.6  # the same ages, as many, in sentences that are a candidate pair
CONFLICT_CONFIDENCE = 0.45  # one age apart: listed to check at most (below report.CONFIDENT)
_AGE = r"\d{1,3}"
_SERIES = rf"{_AGE}(?:\s*,\s*{_AGE})*,?\s+and\s+{_AGE}"  # "15 or 16 years old": one age, hedged
# the age word before the list: "ages 1 and 4", "aged 15 and 12"
_AGES_FIRST = re.compile(rf"\b(?:ages?|aged)\s+(?P<list>{_SERIES})\b(?![\d,.]*\s*(?:percent|%))", re.I)
# the age word after it: "61 and 48 years old", "68 and 48-years-old"
_YEARS_AFTER = re.compile(rf"\b(?P<list>{_SERIES})[\s-]+years?[\s-]+old\b", re.I)
# a range is no list: "between 15 and 25 years old", "between the ages of 5 and 12", "from 3 to 12"
_RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+(?:the\s+ages?\s+of\s+)?$", re.I)
# each age with its own word, the people joined by "and": "a 15-year-old and a 16-year-old",
# "61-year-old Katherine Gomes, mother of the suspect, and 48-year-old Robyn Mendes"
_ONE_AGE = re.compile(rf"\b(?P<age>{_AGE})[\s-]years?[\s-]old\b", re.I)
# "a 30-year-old Lorain man, a 21-year-old Lorain man and a 34-year-old": a series joins by commas too
_JOINED = re.compile(r"^[^.;:]{0,60}(?:\band|,)\s+(?:an?\s+)?$", re.I)


@dataclass(frozen=True)
class AgeList:
    """The ages of one group as one sentence tells them, in the order written."""

    ages: tuple[int, ...]
    text: str  # as written: "61 and 48 years old"
    sentence: SentenceFacts
    at: int = 0  # where in the sentence: "two boys, ages 15 and 16, and two girls, ages 15 and 16"


def _series(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text))


def age_lists(f: SentenceFacts) -> list[AgeList]:
    """The lists of two or more ages a sentence gives, each once."""
    out = []
    taken: list[tuple[int, int]] = []
    for pattern in (_AGES_FIRST, _YEARS_AFTER):
        for m in pattern.finditer(f.text):
            if _RANGE_BEFORE.search(f.text, 0, m.start("list")) or any(
                s < m.end() and m.start() < e for s, e in taken
            ):
                continue
            taken.append((m.start(), m.end()))
            out.append(AgeList(_series(m.group("list")), m.group(0), f, m.start()))
    singles = [m for m in _ONE_AGE.finditer(f.text) if not any(s <= m.start() < e for s, e in taken)]
    run: list[re.Match[str]] = []
    for m in singles:
        if run and not _JOINED.match(f.text[run[-1].end() : m.start()]):
            out.extend(_joined(run, f))
            run = []
        run.append(m)
    out.extend(_joined(run, f))
    return out


def _joined(run: Sequence[re.Match[str]], f: SentenceFacts) -> list[AgeList]:
    if len(run) < 2:
        return []
    text = f.text[run[0].start() : run[-1].end()]
    return [AgeList(tuple(int(m.group("age")) for m in run), text, f, run[0].start())]


def _one_apart(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, int] | None:
    """The one age each list gives that the other does not, when all the rest are shared."""
    only_a, only_b = Counter(a) - Counter(b), Counter(b) - Counter(a)
    if sum(only_a.values()) == sum(only_b.values()) == 1:
        return next(iter(only_a)), next(iter(only_b))
    return None


def _side(x: AgeList, age: int | None = None) -> Side:
    value: dict[str, object] = {"ages": list(x.ages), "unit": "years", "counted": "age"}
    if age is not None:
        value["value"] = age  # the age this list gives and the other's does not
    return Side.of(x.sentence, x.text, value, "ages", x.at, x.ages, about="age")


def _mutual_best(pairs: Sequence[Pair]) -> Iterator[tuple[Pair, AgeList, AgeList]]:
    """The lists of as many ages in two reports, each the other's best by its pair's score: a
    report may tell two groups of the same ages ("An 18-year-old and a 19-year-old ... pronounced
    dead" / "A 19-year-old man and 18-year-old man also ... in critical condition", gva-dev
    775531), and only the telling most like the other's is its counterpart."""
    read: dict[tuple[int, int], list[AgeList]] = {}  # a sentence meets many others: read it once

    def lists(f: SentenceFacts) -> list[AgeList]:
        if (f.source, f.index) not in read:
            read[(f.source, f.index)] = age_lists(f)
        return read[(f.source, f.index)]

    found = [
        (p, la, lb)
        for p in pairs
        for la in lists(p.a)
        for lb in lists(p.b)
        if len(la.ages) == len(lb.ages)
    ]

    def at(x: AgeList) -> tuple[int, int, int]:
        return x.sentence.source, x.sentence.index, x.at

    best: dict[tuple[tuple[int, int, int], int], float] = {}  # a list's best score in another report
    for p, la, lb in found:
        for x, y in ((la, lb), (lb, la)):
            key = (at(x), y.sentence.source)
            best[key] = max(best.get(key, -1.0), p.score)
    for p, la, lb in found:
        if p.score >= best[(at(la), lb.sentence.source)] and p.score >= best[(at(lb), la.sentence.source)]:
            yield p, la, lb


def _compared(pairs: Sequence[Pair]) -> Iterator[Link]:
    for p, la, lb in _mutual_best(pairs):
        if sorted(la.ages) == sorted(lb.ages):
            yield Link("number", False, _side(la), _side(lb), p.score + 0.5, AGREE_CONFIDENCE)
        elif (apart := _one_apart(la.ages, lb.ages)) is not None:
            yield Link(
                "number",
                True,
                _side(la, apart[0]),
                _side(lb, apart[1]),
                p.score + 0.5,
                CONFLICT_CONFIDENCE,
                proven=False,  # which age is whose, and that the groups are one, the text does not show
            )


def compare_age_lists(pairs: Sequence[Pair]) -> list[Link]:
    """Agreements and conflicts between the age lists of every candidate pair: the same ages
    agree, as many ages all but one shared conflict (to check)."""
    return list(_compared(pairs))
