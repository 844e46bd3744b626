"""A figure written as a compound modifier of the noun it sizes ("a 60-day suspension", "a 13-year
veteran") is that thing's, whatever its clause does with it: two such figures of one noun, narrowed
alike, are shown one fact (``measures.one_thing_sized``) and a difference between them is stated.
A figure conflict without any such proof is listed to check with its evidence's confidence and
``proven`` false, for the fitted floor to weigh (``floor.check_features``)."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate_many
from storyline.crosscheck import compare
from storyline.crosscheck.floor import show_all
from storyline.crosscheck.measures import OTHER_ACTS
from storyline.model import Article, Finding, Report, content_id
from storyline.render import render_report


def _run(nlp: Any, embedder: Any, a: str, b: str) -> Report:
    arts = [Article(id=content_id(s, t), text=t, source=s) for s, t in (("Outlet A", a), ("Outlet B", b))]
    return compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)


def _numbers(found: tuple[Finding, ...], *values: str) -> list[Finding]:
    return [
        f
        for f in found
        if f.kind == "conflict" and f.aspect == "number" and {v.text for v in f.values} >= set(values)
    ]


# gva-dev 541379: one firefighter's years of service, told beside his age in one report and beside
# his death in the other (the second figure planted, as the planted-change bench does)
VETERAN = (
    "John Ulmschneider, 37, was a 13-year veteran of the Prince George's County Fire Department, a "
    "husband and a father, fire officials said."
)
VETERAN_DIED = (
    "John Ulmschneider, a {n}-year veteran of the Prince George’s County Fire Department, died Friday "
    "night after he was shot while trying to enter a home, police said."
)


def test_one_veteran_s_years_told_in_two_clauses_differ(nlp: Any, embedder: Any) -> None:
    report = _run(nlp, embedder, VETERAN, VETERAN_DIED.format(n="15"))
    stated = _numbers(report.findings, "13-year", "15-year")
    assert stated and all(f.proven for f in stated)
    assert not _numbers(_run(nlp, embedder, VETERAN, VETERAN_DIED.format(n="13")).findings)


def test_a_suspension_told_as_an_act_and_as_a_noun_differs(nlp: Any, embedder: Any) -> None:
    """basil-dev (Strzok): "should be suspended for 60 days" / "face a 120-day suspension" (planted):
    the act of one sentence is the thing the other's figure sizes."""
    a = "The official said Strzok should be suspended for 60 days and demoted."
    b = "An FBI career official recommended that Strzok face a 120-day suspension and a demotion."
    assert _numbers(_run(nlp, embedder, a, b).findings, "60 days", "120-day")


def test_two_people_s_or_two_bodies_sized_things_are_not_stated(nlp: Any, embedder: Any) -> None:
    """The same noun of two doers ("Smith received a 10-year sentence" / "Jones received ...") or
    narrowed apart (gva-dev 770977: "a three-year veteran of the force" when shot years ago / "a
    seven-year veteran of the bureau" now) shows no one fact."""
    a = "Smith received a 10-year sentence for the robbery on Monday."
    b = "Jones received a 12-year sentence for the robbery on Monday."
    assert not _numbers(_run(nlp, embedder, a, b).findings)
    c = "Hearst was 25 years old at the time and was a three-year veteran of the force."
    d = "The officer involved, Officer Andrew Hearst, is a seven-year veteran of the bureau."
    assert not _numbers(_run(nlp, embedder, c, d).findings, "three-year", "seven-year")


def test_an_unproven_conflict_keeps_its_evidence_and_says_it_is_unproven(nlp: Any, embedder: Any) -> None:
    """Two parties' seats ("hold 240" / "have lost 60"): the evidence ties the figures (one noun, one
    chamber), the parse shows two doers; the pair is to check at most, carried with its evidence's
    confidence and ``proven`` false (the JSON too, and every format says "unproven"), not held at a
    sentinel confidence."""
    a = "Republicans hold at least 240 seats in the House after the election."
    b = "Democrats have lost nearly 60 seats in the House in the election."
    report = _run(nlp, embedder, a, b)
    assert not _numbers(report.findings)
    possible = _numbers((*report.to_check, *report.below_floor), "at least 240", "nearly 60")
    assert possible and not possible[0].proven and possible[0].confidence > OTHER_ACTS
    listed = report.to_dict()
    assert any(f["proven"] is False for f in listed["to_check"] + listed["below_floor"])
    for fmt in ("markdown", "terminal", "html"):  # a reader sees why a sure-looking item is to check
        assert "unproven" in render_report(show_all(report), fmt, color=False), fmt
