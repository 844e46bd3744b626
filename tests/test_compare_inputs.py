"""What compare reads and embeds before annotation: the statements it embeds while spaCy runs must
be the sentence texts the cross-check asks for, or the overlap buys nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.annotation import annotate_many
from storyline.crosscheck import gather, statements
from storyline.crosscheck.facts import sentence_facts
from storyline.errors import NotEnoughReports
from storyline.model import Article
from storyline.reading import read


def test_statements_are_the_texts_the_cross_check_embeds(seed_paths: tuple[Path, Path], nlp: Any) -> None:
    slots = gather(list(seed_paths))
    texts = statements(slots)
    anns = list(annotate_many([s for s in slots if isinstance(s, Article)], nlp))
    assert len(anns) == 2
    wanted = [f.text for i, a in enumerate(anns) for f in sentence_facts(a, i)]
    assert len(wanted) > 40
    assert set(wanted) <= set(texts)
    # annotated reports (a library's) give none: the cross-check embeds only the sentences it needs
    assert statements(anns) == []


def test_compare_embeds_every_statement_before_cross_checking(
    seed_paths: tuple[Path, Path], nlp: Any
) -> None:
    from storyline.crosscheck import compare
    from storyline.embed import Embedder, text_key

    class Counting(Embedder):
        def __init__(self) -> None:
            super().__init__(threads=1)
            self.computed: list[str] = []

        def _remember(self, key: str, vec: Any) -> None:  # once per text the model ran on
            self.computed.append(key)
            super()._remember(key, vec)

    emb = Counting()
    report = compare([read(p) for p in seed_paths], nlp=nlp, embedder=emb)
    assert report.findings
    said = set(statements(gather(list(seed_paths))))
    # every sentence embedded once, in the prefetch, and none again later (the figures' counted
    # things and verbs, a few words each, are embedded as the cross-check compares them)
    keys = {text_key(t) for t in said}
    assert sorted(k for k in emb.computed if k in keys) == sorted(keys)


def test_gather_needs_two_readable_reports(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    seen: list[Any] = []
    with pytest.raises(NotEnoughReports):
        gather([seed_paths[0], empty], on_error=seen.append)
    assert [e.path for e in seen] == [str(empty)]
