"""An organisation's statement and the spokesperson who reads it out are one source (issue 15):
the organisation is keyed like any speaker, and the cross-check takes it and the person the other
report names as its spokesperson for one remark, not a speaker conflict."""

from __future__ import annotations

from typing import Any

import pytest

from outlets import compare_outlets
from storyline.annotation import annotate
from storyline.crosscheck.spokespeople import speaks_for
from storyline.model import Article, Finding, Report

STATEMENT = (
    "A terse Pentagon statement said the strike “hit its intended target and caused no civilian casualties.”"
)


def _quote_findings(report: Report) -> list[Finding]:
    found = [*report.findings, *report.to_check]
    return [f for f in found if f.aspect in ("quote", "speaker", "wording") and f.kind != "unique"]


def test_an_organisation_author_is_keyed(nlp: Any) -> None:
    ann = annotate(Article(id="o", text=STATEMENT), nlp)
    q = next(q for q in ann.quotes if "intended target" in q.text)
    assert q.speaker == "Pentagon" and q.speaker_key == "name:pentagon"


@pytest.mark.parametrize(
    "credit",
    [
        "said Pentagon press secretary John Kirby.",
        "said John Kirby, the Pentagon press secretary.",
        "said John Kirby, a spokesman for the Pentagon.",
    ],
)
def test_statement_and_its_spokesperson_agree(nlp: Any, embedder: Any, credit: str) -> None:
    b = f"“The strike hit its intended target and caused no civilian casualties,” {credit}"
    found = _quote_findings(compare_outlets(nlp, embedder, STATEMENT, b))
    assert found and all(f.kind == "agree" and f.aspect == "quote" for f in found), found


def test_someone_else_is_not_the_organisation(nlp: Any, embedder: Any) -> None:
    """A person the report does not tie to the organisation (here another one's spokesman) is
    still a second speaker: the words credited to two sources never agree (the speaker conflict
    itself stays below the stated confidence, as for any organisation against a person)."""
    b = (
        "“The strike hit its intended target and caused no civilian casualties,” said Kremlin "
        "spokesman Dmitry Peskov."
    )
    found = _quote_findings(compare_outlets(nlp, embedder, STATEMENT, b))
    assert not [f for f in found if f.kind == "agree"], found


def test_the_credit_line_names_the_organisation() -> None:
    """The role must belong to the organisation: a secretary of state is not a press secretary,
    and a spokesman named beside another body does not speak for this one."""
    assert speaks_for("Jen Psaki", "White House", ["White House press secretary Jen Psaki said Mr Biden …"])
    assert speaks_for("Dmitry Peskov", "the Kremlin", ["Dmitry Peskov, the Kremlin's spokesman, said …"])
    assert not speaks_for(
        "Antony Blinken", "State Department", ["State Department Secretary Antony Blinken said"]
    )
    assert not speaks_for(
        "John Kirby", "White House", ["Pentagon spokesman John Kirby told the White House …"]
    )
