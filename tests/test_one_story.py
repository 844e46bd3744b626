"""A report tells one consistent story on real reports: each agreement states one fact once, a
statement is either set beside another source's or "only in" its own, the brief is made of the
stated agreements, and ids are unique. Checked on the seeds and, when ../shared/data is here, on
a basil-dev triplet (three real outlets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import SHARED_DATA
from storyline.crosscheck import compare
from storyline.crosscheck.words import plain
from storyline.model import Report

TRIPLET = "2a3fde8a-082a-4d8f-9567-f7e8366c0200"  # the FBI's firing of Peter Strzok
SCHIFF = "b7021938-ff8d-42ea-adec-5704c0b65237"  # Republicans' call for Adam Schiff to resign


@pytest.fixture(scope="module")
def reports(seed_paths: tuple[Path, Path], nlp: Any, embedder: Any) -> list[Report]:
    out = [compare(list(seed_paths), nlp=nlp, embedder=embedder)]
    for triplet in (TRIPLET, SCHIFF):
        files = sorted((SHARED_DATA / "basil-dev").glob(f"{triplet}_?.json"))  # none when it is absent
        if len(files) == 3:
            out.append(compare(files, nlp=nlp, embedder=embedder))
    return out


def _key(source: str, start: int) -> tuple[str, int]:
    return source, start


def test_a_statement_is_told_by_others_or_only_by_its_source(reports: list[Report]) -> None:
    for report in reports:
        told = {_key(s.source, s.start) for f in report.findings if f.kind != "unique" for s in f.statements}
        only = [s for f in report.findings if f.kind == "unique" for s in f.statements]
        assert told, "no agreement or conflict at all: nothing was checked"
        assert not [s.text for s in only if _key(s.source, s.start) in told]


def test_each_agreement_is_shown_once(reports: list[Report]) -> None:
    """No agreement on whole statements (a claim, a quote) repeats the statements of another."""
    for report in reports:
        whole = [f for f in report.findings if f.kind == "agree" and f.aspect in ("claim", "quote")]
        sets = [frozenset(_key(s.source, s.start) for s in f.statements) for f in whole]
        assert sets
        repeated = [(i, j) for i, a in enumerate(sets) for j, b in enumerate(sets) if i != j and a <= b]
        assert not repeated


def test_every_statement_of_an_agreement_states_its_value(reports: list[Report]) -> None:
    for report in reports:
        for f in report.findings:
            if f.kind != "agree" or not f.values:
                continue
            for st in f.statements:
                mine = [v.text for v in f.values if v.source == st.source]
                assert any(plain(v) in plain(st.text) for v in mine), (f.summary, st.text)


def test_the_brief_is_made_of_stated_agreements(reports: list[Report]) -> None:
    for report in reports:
        agreed = {
            (s.text, s.source): {t.source for t in f.statements}
            for f in report.findings
            if f.kind == "agree"
            for s in f.statements
        }
        for line in report.brief:
            assert any(text == line.text and set(line.sources) == srcs for (text, _), srcs in agreed.items())


def test_words_quoted_differently_are_not_also_agreed(reports: list[Report]) -> None:
    """A statement inside a quote another source words differently (stated or to check) agrees
    with that source on nothing: Schiff's "I think it's unpatriotic. And yes, I think it's
    corrupt." against "... corrupt and evidence of collusion" is one remark told two ways, not a
    claim both tell."""
    for report in reports:
        differing = [
            (a, b)
            for f in report.findings + report.to_check
            if f.kind == "conflict" and f.aspect in ("quote", "wording")
            for a in f.statements
            for b in f.statements
            if a.source != b.source
        ]
        for f in report.findings:
            if f.kind != "agree" or f.aspect != "claim":
                continue
            for x in f.statements:
                for y in f.statements:
                    assert not any(
                        x.source == a.source
                        and y.source == b.source
                        and x.start < a.end
                        and a.start < x.end
                        and y.start < b.end
                        and b.start < y.end
                        for a, b in differing
                    ), (x.text, y.text)


def test_finding_ids_are_unique_in_a_report(reports: list[Report]) -> None:
    for report in reports:
        ids = [f.id for f in report.findings + report.to_check]
        assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Mr Putin requested the call.", "It was a 50-minute phone call that Putin requested.", True),
        (
            "The ACLU urged members to vote against the bill.",
            "The ACLU encouraged lawmakers to vote against the bill.",
            True,
        ),
        (
            "They agreed, however, to hold talks with Russia.",
            "Lavrov had aired concerns that the Americans would drag out the talks.",
            False,
        ),
        (
            "In 2005, he was charged with assault on Mendes, according to court records, which indicate"
            " he held a knife to her throat.",
            "In 2005, Gomes was convicted of beating Mendes, holding a knife to her throat, according to"
            " records.",
            False,
        ),
        (
            "Ms. Page quit the team in May.",
            "Strzok left the team as soon as Mueller learned of the texts.",
            False,
        ),
        (
            "Ms. Page left the team in May.",
            "Strzok left the team as soon as Mueller learned of the texts.",
            False,
        ),
    ],
)
def test_one_claim_needs_one_predication(nlp: Any, a: str, b: str, one: bool) -> None:
    from storyline.crosscheck.predicates import parser, same_predication

    ca, cb = parser(nlp)([a, b])
    assert same_predication(ca, cb) is one
