"""A figure's counterpart in another report is the figure with the same number, when it has one.

A writer who repeats a figure repeats its number. When a figure is linked to the very number
(same counted thing, same value) in another report, that is where the figure is told there; its
links to figures of that report that merely fit it (a bound, a rounding) are to other facts:
Charles's "three runs of 80 or more yards" fits "Peyton Hillis ran for 101 yards", but the first
report's own "Hillis added 101 yards" is linked to that "101" (ecbplus-dev). Only agreements with
an open bound are dropped (a rounding is how one figure is told twice), and only beside such an
exact link, so the figure keeps its counterpart and no conflict it was grouped against comes loose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

from storyline.crosscheck.candidates import Pair
from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, figures_of
from storyline.crosscheck.measures import predicates_meet, whole_group
from storyline.crosscheck.same_figure import NO_VECTORS, PhraseVectors


def open_bound(m: Measure) -> bool:
    """A figure written as one end only ("80 or more", "up to 119 years", "more than 50")."""
    return m.low is None or m.high is None


def drop_inexact_counterparts(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Number agreements between a figure and an open bound of another value where either is
    also agreed, with the same number, with another figure of the other's report, or where the
    bound's own report gives the figure's number elsewhere: "an 86-yard touchdown run" is not
    what "three runs of 80 or more yards" hedges in a report that tells the 86 yards itself
    (ecbplus-dev). A rounding stays ("nearly an hour" agrees with "a 50-minute call" though
    "50 minutes" is there too: seed a gives both)."""
    measure = figures_of(facts)

    def exact(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        return (ma.dim, ma.counted, ma.value) == (mb.dim, mb.counted, mb.value)

    numbers = [ln for ln in links if ln.aspect == "number" and not ln.conflict]
    matched: set[tuple[Hashable, int]] = set()  # a figure told with its number in that source
    for ln in numbers:
        if exact(ln):
            matched |= {(ln.a.key, ln.b.source), (ln.b.key, ln.a.source)}

    # the exact figures each report gives, with their units: one that tells a number itself does
    # not hedge it ("86 yards" meets a bare "86", not "$86")
    stated: dict[tuple[int, float], set[str | None]] = defaultdict(set)
    for f in facts:
        for m in f.measures:
            if not open_bound(m):
                stated[(f.source, m.value)].add(m.dim)

    def gives(source: int, m: Measure) -> bool:
        dims = stated.get((source, m.value), set())
        return bool(dims) and (m.dim is None or None in dims or m.dim in dims)

    def inexact(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        if ma.value == mb.value or not (open_bound(ma) or open_bound(mb)):
            return False
        told = (ln.a.key, ln.b.source) in matched or (ln.b.key, ln.a.source) in matched
        bound_side, exact = (ln.b, ma) if open_bound(mb) else (ln.a, mb)
        return told or (not open_bound(exact) and gives(bound_side.source, exact))

    return [ln for ln in links if ln.aspect != "number" or ln.conflict or not inexact(ln)]


def one_act(
    decided: Iterable[tuple[Pair, Link]], vectors: PhraseVectors = NO_VECTORS
) -> list[tuple[Pair, Link]]:
    """Number agreements only between figures of one act or one thing: a count is defined by what
    was done (``measures.predicates_meet``) and what is counted, so the same value of two nouns
    hung on two acts, neither told in the other sentence, is two facts that happen to share a
    number: "Pirates holding about a dozen ships" / "Dozen of warships ... are patrolling"
    (ecbplus-dev). One noun told with two verbs is mostly one set of people seen through two acts
    ("shooting three people to death" / "Three people were found shot to death", gva-dev), and a
    whole group's size is one fact whatever each report calls its members ("all 42 members of
    the GOP caucus are sending the letter" / "signed by all 42 Senate Republicans", basil-dev).
    Counts only: an age is a person's whatever they did, and a sum or a length is told with many
    verbs."""
    out = []
    for p, ln in decided:
        if ln.aspect == "number" and not ln.conflict:
            ma, mb = p.a.measures[ln.a.key[3]], p.b.measures[ln.b.key[3]]
            counts = ma.dim is None and mb.dim is None and "age" not in (ma.counted, mb.counted)
            two_things = ma.counted != mb.counted and not whole_group(p, ma, mb)
            if counts and two_things and predicates_meet(p, ma, mb, vectors) is False:
                continue
        out.append((p, ln))
    return out
