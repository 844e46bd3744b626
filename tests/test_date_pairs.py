"""The hand-judged same-event date pairs (bench/natural/date-pairs.jsonl, basil-dev; and
date-pairs-more.jsonl, gva-dev and ecbplus-dev) and the date plant that
bench/eval_compare.py makes on them: the judgments must point at the text they judged, carry only
short snippets, and each plant must change the date it names."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from storyline.reading import read

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "bench" / "natural" / "date-pairs.jsonl"
MORE = ROOT / "bench" / "natural" / "date-pairs-more.jsonl"
FIELDS = {"event", "file_a", "file_b", "time_a", "time_b", "offset_a", "offset_b", "snippet_a", "snippet_b"}


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def eval_compare() -> ModuleType:
    return _module("eval_compare", ROOT / "bench" / "eval_compare.py")


@pytest.fixture(scope="module")
def pairs() -> list[dict[str, Any]]:
    basil = [
        json.loads(line) | {"set": "basil-dev"} for line in PAIRS.read_text().splitlines() if line.strip()
    ]
    return basil + [json.loads(line) for line in MORE.read_text().splitlines() if line.strip()]


def test_every_pair_is_judged_with_short_snippets(pairs: list[dict[str, Any]]) -> None:
    assert len(pairs) > 700
    assert {p["set"] for p in pairs} == {"basil-dev", "gva-dev", "ecbplus-dev"}
    assert all(p["half"] in ("tune", "check") for p in pairs if p["set"] != "basil-dev")
    for p in pairs:
        assert p.keys() >= FIELDS, p
        assert isinstance(p["same_event"], bool), p
        assert ("dates_agree" in p) == p["same_event"], p  # said only of the same event
        for side in "ab":
            assert p[f"time_{side}"] in p[f"snippet_{side}"], p
            assert len(p[f"snippet_{side}"].split()) <= 16, p  # a snippet, no article text
    judged_true = sum(p["same_event"] for p in pairs)
    assert 0 < judged_true < len(pairs)


def test_judgments_point_at_the_judged_text(shared_data: Path, pairs: list[dict[str, Any]]) -> None:
    texts: dict[str, str] = {}
    labels = {s: json.loads((shared_data / s / "labels.json").read_text()) for s in {p["set"] for p in pairs}}
    for p in pairs:
        for side in "ab":
            name = p[f"file_{side}"]
            label = labels[p["set"]][name]
            assert (label["event"] if isinstance(label, dict) else label) == p["event"], p
            text = texts.setdefault(name, read(shared_data / p["set"] / name).text)
            s, e = p[f"offset_{side}"]
            assert text[s:e] == p[f"time_{side}"], (name, s, e)
            assert p[f"snippet_{side}"] in " ".join(text.split()), (name, p[f"snippet_{side}"])


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("Feb. 15", "Feb. 18"),
        ("Dec. 27th", "Dec. 24"),
        ("late Friday afternoon", "late Sunday afternoon"),
        ("Sunday", "Tuesday"),
        ("January 2010", "January 2008"),
        ("2007 to 2014", "2005 to 2014"),
        ("July", "September"),
        ("November", "September"),
        ("last week", None),
        ("Today", None),
        ("12:00 p.m.", None),
        ("mid May", None),
    ],
)
def test_moved_date(eval_compare: ModuleType, written: str, moved: str | None) -> None:
    assert eval_compare.moved_date(written) == moved


def test_plant_needs_the_judged_text(eval_compare: ModuleType) -> None:
    """A plant is made only where the report still holds the judged expression at its offsets."""
    from storyline.model import AnnotatedArticle, Article

    ann = AnnotatedArticle(article=Article(id="b", text="The House voted on Tuesday."))
    pair = {"offset_b": [19, 26], "time_b": "Tuesday"}
    assert eval_compare.plant_judged_date(ann, pair) == ("The House voted on Thursday.", 19)
    assert eval_compare.plant_judged_date(ann, {**pair, "offset_b": [0, 7]}) is None
