"""Typed comparisons of the facts in a candidate pair: numbers by bounds (``measures``), dates
by event and interval and places by event (``events``), claims by meaning and polarity
(``claims``).

Agreement is easy to grant and conflict hard: a conflict needs evidence that both facts are the same
fact (the same counted thing, the same event at the same place) and values that cannot both hold.
"""

from __future__ import annotations

from storyline.crosscheck.candidates import Pair
from storyline.crosscheck.claims import compare_claims
from storyline.crosscheck.events import Series, compare_dates, compare_places
from storyline.crosscheck.links import Link
from storyline.crosscheck.measures import compare_measures
from storyline.crosscheck.same_figure import NO_VECTORS, PhraseVectors


def decide(p: Pair, vectors: PhraseVectors = NO_VECTORS, series: Series = frozenset()) -> list[Link]:
    """Every typed comparison of one candidate pair; ``vectors`` hold the meaning of the figures'
    frames (``same_figure.phrase_vectors``) and of the dated acts (``events.event_vectors``);
    ``series`` the dates whose report tells their act as a series (``events.series_dates``)."""
    dates = compare_dates(p, vectors, series)
    return compare_measures(p, vectors) + dates + compare_places(p) + compare_claims(p)
