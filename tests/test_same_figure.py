"""Two figures are one fact by what they count and the act they belong to, read by meaning: one
count told with other words is a conflict when the values differ; a count of another act, or a
figure wanted against one done, is not stated (at most listed to check)."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate_many
from storyline.crosscheck import compare
from storyline.crosscheck.facts import Measure, sentence_facts
from storyline.crosscheck.same_figure import phrase_vectors, predicate_phrase, thing_phrase
from storyline.model import Article, Finding, Report, content_id


def _article(text: str, source: str) -> Article:
    return Article(id=content_id(source, text), text=text, source=source, published="2024-03-01")


def _run(nlp: Any, embedder: Any, *texts: str) -> Report:
    arts = [_article(t, f"Outlet {chr(65 + i)}") for i, t in enumerate(texts)]
    return compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)


def _stated(report: Report, *parts: str) -> list[Finding]:
    return [
        f
        for f in report.findings
        if f.kind == "conflict"
        and f.aspect == "number"
        and all(any(p in s.text for s in f.statements) for p in parts)
    ]


def _measure(nlp: Any, text: str, figure: str) -> Measure:
    ann = next(annotate_many([_article(text, "Outlet A")], nlp))
    return next(m for f in sentence_facts(ann, 0) for m in f.measures if figure in m.quantity.text)


SHOOTING = "{n} people {verb} when a gunman opened fire at a party in Dayton early Sunday, police said."


def test_the_dead_counted_with_another_verb_differ(nlp: Any, embedder: Any) -> None:
    a = SHOOTING.format(n="Five", verb="were killed")
    b = SHOOTING.format(n="Seven", verb="died")
    assert _stated(_run(nlp, embedder, a, b), "Five people", "Seven people")


def test_the_dead_and_the_wounded_are_two_counts(nlp: Any, embedder: Any) -> None:
    a = SHOOTING.format(n="Five", verb="were killed")
    b = SHOOTING.format(n="Seven", verb="were wounded")
    assert not _stated(_run(nlp, embedder, a, b))


def test_a_sum_wanted_is_not_a_sum_done(nlp: Any, embedder: Any) -> None:
    """basil-dev (fiscal cliff): cuts that take effect at the deadline against cuts one senator
    wants his party to press for."""
    a = (
        "With the year-end deadline for all rates to expire and $1 trillion in spending cuts to kick in, "
        "the prospect of actually failing to find agreement is coming into focus."
    )
    b = "Corker said that Republicans should press for $2 trillion in spending cuts."
    assert not _stated(_run(nlp, embedder, a, b))


def test_a_unit_sizes_what_it_hangs_on(nlp: Any, embedder: Any) -> None:
    """basil-dev (Strzok): "suspended for 60 days" sizes the suspension the other report counts as
    "a 60-day suspension"; the unit alone ("days") is never the thing."""
    told = _measure(nlp, "The office said that Mr. Strzok should be suspended for 60 days.", "60")
    counted = _measure(nlp, "An official recommended that Strzok face a 60-day suspension.", "60")
    assert thing_phrase(told) == "suspend"
    assert thing_phrase(counted) == "suspension"
    assert "day" not in thing_phrase(told).split()
    vectors = phrase_vectors([], embedder)
    assert vectors.similarity("suspend", "suspension") == 0.0  # nothing embedded, nothing alike


def test_phrase_vectors_read_acts_by_meaning(nlp: Any, embedder: Any) -> None:
    facts = [
        f
        for i, text in enumerate(
            (SHOOTING.format(n="Five", verb="were killed"), SHOOTING.format(n="Seven", verb="died"))
        )
        for f in sentence_facts(next(annotate_many([_article(text, f"Outlet {i}")], nlp)), i)
    ]
    killed, died = (m for f in facts for m in f.measures if m.quantity.text in ("Five", "Seven"))
    vectors = phrase_vectors(facts, embedder)
    alike = vectors.similarity(predicate_phrase(killed), predicate_phrase(died))
    assert predicate_phrase(killed) == "kill" and predicate_phrase(died) == "die"
    assert alike > 0.6
