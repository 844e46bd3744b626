"""Time expressions resolved to calendar intervals: the seeds' timeline, then a table of news sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.annotation.times import anchor_date, find_times

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

PUBLISHED = {"a": "2021-12-31", "b": "2021-12-31T11:30:00+05:30"}


@pytest.fixture(scope="module")
def seed_times(nlp: Any, seed_paths: tuple[Path, Path]) -> dict[str, list[Any]]:
    out = {}
    for key, path in zip("ab", seed_paths, strict=True):
        out[key] = find_times(nlp(path.read_text(encoding="utf-8")), PUBLISHED[key])
    return out


def test_seed_timeline_expectations_hold(seed_times: dict[str, list[Any]]) -> None:
    expected = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))["timeline"]
    for exp in expected:
        got = [(t.start, t.end) for t in seed_times[exp["source"]] if exp["text"] in t.text]
        assert (exp["start"], exp["end"]) in got, (exp, got)


def test_seed_offsets_point_at_the_expression(
    seed_paths: tuple[Path, Path], seed_times: dict[str, list[Any]]
) -> None:
    text = seed_paths[1].read_text(encoding="utf-8")
    for t in seed_times["b"]:
        assert text[t.offset[0] : t.offset[1]] == t.text
        assert t.text in t.sentence


def test_seed_events_name_what_happens(seed_times: dict[str, list[Any]]) -> None:
    events = {t.text: t.event for t in seed_times["a"]}
    assert events["January 9 and 10"] == "talk"
    assert events["January 12"] == "meeting"


def test_vague_expressions_are_kept_with_a_reason(seed_times: dict[str, list[Any]]) -> None:
    vague = [t for t in seed_times["b"] if t.text in ("in recent times", "for several years")]
    assert len(vague) == 2
    assert all(t.start is None and t.end is None and t.reason for t in vague)


def test_anchor_takes_the_local_date_of_a_datetime() -> None:
    assert str(anchor_date("2021-12-31T23:30:00-05:00")) == "2021-12-31"
    assert anchor_date(None) is None
    assert anchor_date("not a date") is None


def test_without_publication_date_only_years_resolve(nlp: Any) -> None:
    doc = nlp("The treaty was signed on March 3, 2014, and talks resumed on Thursday.")
    got = {t.text: (t.start, t.reason) for t in find_times(doc, None)}
    assert got["March 3, 2014"] == ("2014-03-03", None)
    assert got["Thursday"][0] is None and got["Thursday"][1]
