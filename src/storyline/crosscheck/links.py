"""A link: two facts from two sources judged the same fact, agreeing or conflicting in one aspect."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.facts import SentenceFacts
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
