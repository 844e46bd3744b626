"""The floor of the "to check" list: a possible conflict more likely wrong than right (two figures
of different people) is not listed, only counted, in every format, and ``--all`` lists it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest
from typer.testing import CliRunner

from storyline.annotation import annotate_many
from storyline.cli import app
from storyline.crosscheck import compare
from storyline.crosscheck.floor import ASPECTS, LISTED, WEIGHTS_FILE, right_to_check, show_all
from storyline.model import Article, Aspect, Finding, Report, content_id
from storyline.render import render_report

# gva-dev 774567: two victims of two shootings in one city, told by two reports a day apart (the
# second report's "an 11-year-old girl" shortened to "the 11-year-old", as later mentions write it:
# with the girl named, her age and the man's are two people's and make no finding at all)
SHOOTING = (
    "In a shooting caught on Facebook Live, a 2-year-old boy and a 26-year-old man were killed and a "
    "pregnant woman was wounded when a gunman opened fire as they drove down an alley in Lawndale on "
    "Tuesday afternoon, authorities said."
)
ARREST = (
    "Jones' arrest on charges of killing the 11-year-old drew the ire of another inmate who punched "
    "him two or three times while both were in a holding cell in the courthouse, said Cara Smith, chief "
    "policy officer for Sheriff Tom Dart."
)


def _ages(found: tuple[Finding, ...]) -> list[Finding]:
    ages = {"26-year-old", "11-year-old"}
    return [f for f in found if f.aspect == "number" and {v.text for v in f.values} >= ages]


@pytest.fixture(scope="module")
def two_victims(nlp: Any, embedder: Any) -> Report:
    arts = [
        Article(id=content_id(src, text), text=text, source=src, published=day)
        for src, text, day in (("Outlet A", SHOOTING, "2017-02-14"), ("Outlet B", ARREST, "2017-02-15"))
    ]
    return compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)


def test_two_peoples_ages_are_below_the_floor(two_victims: Report) -> None:
    """The man's age and the 11-year-old's (no sex or age group said) are a possible conflict the
    engine is unsure of; the fitted floor leaves it out of the list rather than ask a reader to
    check two people."""
    weak = _ages(two_victims.below_floor)
    assert len(weak) == 1 and weak[0].kind == "conflict"
    assert right_to_check(weak[0]) < LISTED
    assert not _ages(two_victims.to_check) and not _ages(two_victims.findings)


def test_json_carries_the_left_out_items_with_their_confidence(two_victims: Report) -> None:
    d = two_victims.to_dict()
    assert d["below_floor"] and all(0.0 <= f["confidence"] < 1.0 for f in d["below_floor"] + d["to_check"])


def test_every_format_says_how_many_were_left_out(two_victims: Report) -> None:
    n = len(two_victims.below_floor)
    note = f"{n} weaker difference{'s' if n != 1 else ''} not shown; --all shows"
    for fmt in ("terminal", "markdown", "html"):
        assert note in render_report(two_victims, fmt, color=False), fmt
    shown = render_report(show_all(two_victims), "markdown", color=False)
    assert "weaker difference" not in shown and "11-year-old" in shown.split("## To check")[1]


def test_a_listed_item_is_surer_than_a_left_out_one_of_its_aspect() -> None:
    """The fit ranks by confidence within an aspect: a floor, not a band."""
    fitted = json.loads(WEIGHTS_FILE.read_text())
    assert fitted["features"][0] == "confidence" and fitted["weights"][0] > 0
    for aspect in ASPECTS:
        low, high = (Finding("", "conflict", aspect, "", (), confidence=c) for c in (0.2, 0.58))
        assert right_to_check(low) < right_to_check(high)


def test_the_floor_is_set_per_aspect() -> None:
    """Fitted with a small penalty, each aspect has its own floor: a claim or a place told two ways
    is listed where a number item as sure is not, and no date item below the stating line is: on
    real reports every date item to check judged so far dates two acts or two occasions (9 of 9,
    batches 1-8 and the natural gold, both halves)."""
    date, number, claim = (
        Finding("", "conflict", aspect, "", (), confidence=0.59) for aspect in ("date", "number", "claim")
    )
    assert right_to_check(claim) >= LISTED
    assert right_to_check(date) < LISTED and right_to_check(number) < LISTED


def test_a_shooting_s_day_and_the_day_police_spoke_are_not_listed(nlp: Any, embedder: Any) -> None:
    """gva-dev 773797 (batch 7, judged wrong): "Saturday's fatal shooting" in a report of the
    Wednesday after and "police said Sunday" in one of that Sunday; the shooting was on Saturday in
    both, Sunday is when police spoke. The floor fitted on real reports left the pair out (the
    date-event fit gave it 0.49); since dates-s15 the possessive weekday of the past shooting is read
    as the Saturday before, so the reports no longer differ on a date at all, not even below it."""
    texts = (
        (
            "tmj4.com",
            "The victim of Saturday’s fatal shooting in Kenosha has been identified as 23-year-old "
            "Sean Bialas.",
            "2017-02-15",
        ),
        (
            "jsonline.com",
            "Kenosha police said Sunday that they have arrested a 15-year-old boy in connection "
            "with a fatal weekend shooting.",
            "2017-02-12",
        ),
    )
    arts = [Article(id=content_id(s, t), text=t, source=s, published=d) for s, t, d in texts]
    report = compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)
    assert not [f for f in (*report.findings, *report.to_check, *report.below_floor) if f.aspect == "date"]


def test_all_lists_what_the_floor_leaves_out(cli: CliRunner, tmp_path: Path) -> None:
    paths = []
    for name, text in (("a.txt", SHOOTING), ("b.txt", ARREST)):
        (tmp_path / name).write_text(text + "\n")
        paths.append(str(tmp_path / name))
    plain = json.loads(cli.invoke(app, ["compare", *paths, "--format", "json"]).stdout)
    every = json.loads(cli.invoke(app, ["compare", *paths, "--format", "json", "--all"]).stdout)
    assert plain["below_floor"] and not every["below_floor"]
    assert len(every["to_check"]) == len(plain["to_check"]) + len(plain["below_floor"])
    text = cli.invoke(app, ["compare", *paths, "--format", "markdown"]).stdout
    assert "not shown; --all shows" in text


def test_every_aspect_has_a_row_or_a_reason() -> None:
    """Every aspect a finding may have is a term of the fit, and floored or told why not: an aspect
    added after the last fit (claims of who did an act, street types, wounds) is never silently
    left unweighed."""
    fitted = json.loads(WEIGHTS_FILE.read_text())
    for aspect in get_args(Aspect):
        assert f"aspect:{aspect}" in fitted["features"], aspect
        assert aspect in fitted["floored"] or aspect in fitted.get("not_floored", {}), aspect


def test_the_floor_weighs_the_proof_apart_from_the_confidence() -> None:
    """The proof is an input of its own (``Finding.proven``), not a sentinel confidence: an unproven
    figure conflict as sure as a proven one is likelier wrong (on the judged real reports of the
    tuning half, 2 of 27 number items to check are right, most of them unproven)."""
    fitted = json.loads(WEIGHTS_FILE.read_text())
    assert "unproven" in fitted["features"]
    proven, unproven = (
        Finding("", "conflict", "number", "", (), confidence=0.9, proven=p) for p in (True, False)
    )
    assert right_to_check(unproven) < right_to_check(proven)
