"""A figure's counterpart in another report is the figure with the same number, when it has one.

A writer who repeats a figure repeats its number. When a figure is linked to the very number
(same counted thing, same value) in another report, that is where the figure is told there; its
links to figures of that report that merely fit it (a bound, a rounding) are to other facts:
Charles's "three runs of 80 or more yards" fits "Peyton Hillis ran for 101 yards", but the first
report's own "Hillis added 101 yards" is linked to that "101" (ecbplus-dev). Only agreements are
dropped, and only beside such an exact link, so the figure keeps its counterpart and no conflict
it was grouped against comes loose.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side


def drop_inexact_counterparts(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Number agreements between different values where either figure is also agreed, with the
    same number, with another figure of the other's report."""
    lookup = {(f.source, f.index): f for f in facts}

    def measure(side: Side) -> Measure:
        source, index, _, i = side.key
        return lookup[(source, index)].measures[i]

    def exact(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        return (ma.dim, ma.counted, ma.value) == (mb.dim, mb.counted, mb.value)

    numbers = [ln for ln in links if ln.aspect == "number" and not ln.conflict]
    matched: set[tuple[Hashable, int]] = set()  # a figure told with its number in that source
    for ln in numbers:
        if exact(ln):
            matched |= {(ln.a.key, ln.b.source), (ln.b.key, ln.a.source)}

    def inexact(ln: Link) -> bool:
        told = (ln.a.key, ln.b.source) in matched or (ln.b.key, ln.a.source) in matched
        return told and measure(ln.a).value != measure(ln.b).value

    return [ln for ln in links if ln.aspect != "number" or ln.conflict or not inexact(ln)]
