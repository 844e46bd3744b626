"""The `read` expectations of the seeds' expected.json, as pytest tests (the ones check-seeds runs)."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import EXPECTED_JSON
from storyline.model import content_id
from storyline.reading import read

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXPECTED = json.loads((EXPECTED_JSON).read_text(encoding="utf-8"))


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def alts(x: Any) -> list[str]:
    return x if isinstance(x, list) else [x]


def same_instant(got: str | None, want: str) -> bool:
    if not got:
        return False
    if len(want) == 10:
        return got[:10] == want
    return datetime.fromisoformat(got) == datetime.fromisoformat(want)


@pytest.fixture(scope="module", params=["a", "b"])
def seed(request: pytest.FixtureRequest) -> tuple[Any, dict[str, Any]]:
    key = request.param
    return read(EXAMPLES / EXPECTED["inputs"][key]), EXPECTED["read"][key]


def test_title_and_dates(seed: tuple[Any, dict[str, Any]]) -> None:
    art, want = seed
    assert norm(art.title) == norm(want["title"])
    assert same_instant(art.published, want["published"])
    if "updated" in want:
        assert same_instant(art.updated, want["updated"])


def test_text_starts_and_ends(seed: tuple[Any, dict[str, Any]]) -> None:
    art, want = seed
    text = norm(art.text)
    assert any(text.startswith(norm(w)) for w in alts(want["text_starts"])), text[:100]
    assert text.endswith(norm(want["text_ends"])), text[-100:]
    if "lead_kept" in want:
        assert norm(want["lead_kept"]) in text or norm(want["lead_kept"]) in norm(art.subtitle)


def test_furniture_dropped_but_kept_in_removed(seed: tuple[Any, dict[str, Any]]) -> None:
    art, want = seed
    text = norm(art.text)
    removed = " ".join(norm(r.text) for r in art.removed)
    for bad in want["text_must_not_contain"]:
        assert norm(bad) not in text
        assert norm(bad) in removed, f"{bad!r} vanished instead of going to removed"


def test_paragraphs_and_stable_id(seed: tuple[Any, dict[str, Any]]) -> None:
    art, _ = seed
    assert "\n\n" in art.text and "\n\n\n" not in art.text
    assert art.id == content_id(art.title, art.text)
    assert read(Path(art.path).read_bytes(), name=art.path).id == art.id


def test_repeated_standfirst_appears_once() -> None:
    art = read(EXAMPLES / EXPECTED["inputs"]["b"])
    lead = "The exchange came during a 50-minute phone call that Putin requested"
    assert norm(art.text).count(lead) + norm(art.subtitle).count(lead) == 1


def test_source_falls_back_to_option_then_stem() -> None:
    path = EXAMPLES / EXPECTED["inputs"]["a"]
    assert read(path).source == path.stem
    assert read(path, source_name="The Independent").source == "The Independent"
