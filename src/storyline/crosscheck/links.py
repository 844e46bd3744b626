"""A link: two facts from two sources judged the same fact, agreeing or conflicting in one aspect."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.model import Aspect


@dataclass(frozen=True)
class Side:
    """One source's half of a link: the statement (whole sentences) and the value compared."""

    source: int
    start: int
    end: int
    text: str
    value_text: str
    value: Any
    key: tuple[Any, ...]  # identity of the fact, so links about one fact group together
    about: str = ""  # what the value belongs to, as the annotation names it (a date's event: "talk")

    @classmethod
    def of(cls, f: SentenceFacts, value_text: str, value: Any, *key: Any, about: str = "") -> Side:
        return cls(f.source, f.start, f.end, f.text, value_text, value, (f.source, f.index, *key), about)


@dataclass(frozen=True)
class Link:
    aspect: Aspect
    conflict: bool
    a: Side
    b: Side
    strength: float  # how closely the two facts match, for ranking and choosing among look-alikes
    # how surely the two are one fact stated by both (0..1): the decision to state a conflict
    confidence: float = 1.0
    # does the parse show the two one fact (``measures.one_fact_shown``)? An unproven conflict is
    # listed to check at most, however sure its evidence: the floor weighs the two apart
    proven: bool = True


def is_figure(side: Side) -> bool:
    """Does the side stand for a figure (a number link's side) rather than a date, quote or claim?"""
    return len(side.key) == 4 and side.key[2] == "m"


def figures_of(facts: Sequence[SentenceFacts]) -> Callable[[Side], Measure]:
    """The figure a side of a number link stands for: every filter of number links reads the two
    figures its link joined, not the link's text."""
    lookup = {(f.source, f.index): f for f in facts}

    def figure(side: Side) -> Measure:
        source, index, _, i = side.key
        return lookup[(source, index)].measures[i]

    return figure


T = TypeVar("T")


def told_two_ways(
    aspect: Aspect,
    told: Sequence[Sequence[T]],
    key: Callable[[T], str],
    way: Callable[[T], Hashable],
    side: Callable[[T], Side],
    confidence: float,
) -> list[Link]:
    """A conflict of ``aspect`` for the first telling in each of two reports of a thing both tell
    (``key``), each report one way only and the two ways apart (``way``): a body part in the
    singular and the plural, a street by two types. A report that tells it both ways says nothing
    against either."""
    links = []
    for i, xs in enumerate(told):
        for ys in told[i + 1 :]:
            for k in sorted({key(x) for x in xs} & {key(y) for y in ys}):
                a = [x for x in xs if key(x) == k]
                b = [y for y in ys if key(y) == k]
                ways_a, ways_b = {way(x) for x in a}, {way(y) for y in b}
                if len(ways_a) == len(ways_b) == 1 and ways_a != ways_b:
                    links.append(Link(aspect, True, side(a[0]), side(b[0]), 1.0, confidence))
    return links
