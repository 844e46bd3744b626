"""A figure's counterpart in another report is the same number when that report gives it.

A writer who repeats a figure repeats its number. When the other report states the very number
(same counted thing, same value) somewhere, that is where the figure is told there; a different
figure of that report that merely fits it (a bound, a rounding) is another fact: Charles's "three
runs of 80 or more yards" fits "Peyton Hillis ran for 101 yards", but the first report's own
"Hillis added 101 yards" is the counterpart (ecbplus-dev). Conflicts are left alone: they are
between different numbers by definition.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side


def drop_inexact_counterparts(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Number agreements between different values where either report also gives the other's
    exact number of the same counted thing."""
    lookup = {(f.source, f.index): f for f in facts}
    told: dict[int, set[tuple[str | None, str | None, float]]] = defaultdict(set)
    for f in facts:
        for m in f.measures:
            told[f.source].add(_number(m))

    def measure(side: Side) -> Measure:
        source, index, _, i = side.key
        return lookup[(source, index)].measures[i]

    def inexact(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        if ma.value == mb.value:
            return False
        return _number(mb) in told[ln.a.source] or _number(ma) in told[ln.b.source]

    return [ln for ln in links if ln.aspect != "number" or ln.conflict or not inexact(ln)]


def _number(m: Measure) -> tuple[str | None, str | None, float]:
    """A figure's number with what it counts: "101 yards" is (length, yards, 101)."""
    return m.dim, m.counted, m.value
