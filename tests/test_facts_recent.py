"""A report's sentence facts are read once per object: a library's check reads them to choose the
sentences to embed, then compares the same reports (``crosscheck.facts.sentence_facts``)."""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

from storyline.annotation import annotate_many
from storyline.crosscheck import facts
from storyline.model import AnnotatedArticle
from storyline.reading import read


@pytest.fixture(scope="module")
def anns(seed_paths: tuple[Path, Path], nlp: Any) -> list[AnnotatedArticle]:
    return list(annotate_many([read(p) for p in seed_paths], nlp))


def test_the_same_report_is_read_once_and_a_copy_anew(anns: list[AnnotatedArticle]) -> None:
    first = facts.sentence_facts(anns[0], 0)
    first.clear()  # the caller's list is its own
    again = facts.sentence_facts(anns[0], 0)
    assert again == facts._read_facts(anns[0], 0)
    assert all(a is b for a, b in zip(again, facts.sentence_facts(anns[0], 0), strict=True))
    twin = dataclasses.replace(anns[0])  # equal, but another object: read anew
    fresh = facts.sentence_facts(twin, 0)
    assert fresh == again and not any(a is b for a, b in zip(fresh, again, strict=True))
    other = facts.sentence_facts(anns[0], 1)  # the source index is part of each fact
    assert {f.source for f in other} == {1} and len(other) == len(again)


def test_only_the_last_reports_are_held(
    anns: list[AnnotatedArticle], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts, "RECENT", 2)
    monkeypatch.setattr(facts, "_recent", OrderedDict())
    copies = [dataclasses.replace(anns[1]) for _ in range(3)]
    for ann in copies:
        facts.sentence_facts(ann, 0)
    assert [held for held, _ in facts._recent.values()] == copies[1:]
