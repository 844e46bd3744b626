"""The changed stories of an add are compared in forked workers: their stored reports are the
reports this process makes of the same stories, story for story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.store import Library, checkpool, reports


def test_stories_compared_in_workers_are_stored_as_compared_here(
    tmp_path: Path, nlp: Any, embedder: Any, shared_data: Path
) -> None:
    from storyline.annotation import annotate_many
    from storyline.embed import usable_cores
    from storyline.reading import read

    if usable_cores() < 2:
        pytest.skip("one usable core: the stories are compared in this process")
    files = [p for p in sorted((shared_data / "basil-dev").glob("*.json")) if p.name != "labels.json"]
    arts = list(annotate_many([read(p) for p in files[:15]], nlp))  # five triplets
    with Library(tmp_path / "lib.db") as lib:
        lib.add_articles(arts, nlp=nlp, embedder=embedder, crosscheck=False)
        owed = lib.due()
        assert len(owed) == 5 and checkpool.processes(len(owed), embedder) == 2
        heard: list[str] = []
        lib.check_due(nlp=nlp, embedder=embedder, on_report=lambda story, _report: heard.append(story))
        assert heard == owed and lib.due() == []
        stories = [lib.story(s) for s in owed]
        stored = [lib.stored_report(s) for s in stories]
        here = list(checkpool.reports(stories, nlp, embedder, 0))
    assert all(r is not None and r.findings for r in stored)
    assert [reports.dumps(r) for r in stored if r] == [reports.dumps(r) for r in here if r]
    assert [s.conflicts for s in stories] == [
        sum(f.kind == "conflict" for f in r.findings) if r else None for r in here
    ]


class _Asked:
    """The real embedder, noting every text a cross-check asks it for."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.asked: set[str] = set()

    def embed(self, texts: Any) -> Any:
        self.asked.update(texts)
        return self.inner.embed(texts)


def test_the_phrases_provided_are_those_the_check_embeds(seed_paths: tuple[Path, Path], nlp: Any) -> None:
    """``vectors.phrases`` names exactly the figure and dated-act phrases ``cross_check`` embeds
    (the rest it asks for are the sentences), so a check forked after ``provide_phrases`` finds
    every one in the cache it inherits and embeds none itself."""
    from storyline.annotation import annotate_many
    from storyline.crosscheck import compare
    from storyline.embed import Embedder
    from storyline.reading import read
    from storyline.store import vectors

    arts = list(annotate_many([read(p) for p in seed_paths], nlp))
    spy = _Asked(Embedder())
    compare(arts, nlp=nlp, embedder=spy)
    sentences = {t for a in arts for t in vectors.sentence_texts(a)}
    wanted = vectors.phrases([arts])
    assert len(wanted) > 10
    assert set(wanted) == spy.asked - sentences

    fresh = Embedder()
    assert vectors.provide_phrases([arts], fresh) == len(wanted)
    assert all(fresh.holds(p) for p in wanted)
    assert not fresh.holds("a phrase no check of the seeds asks for")
