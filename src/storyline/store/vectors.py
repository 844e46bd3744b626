"""A story's sentence vectors: computed when its cross-check first needs them, then stored.

Grouping needs only the document vector (title and lead, ``signatures.py``), so filing embeds no
other sentence: most stories of a news stream keep a single report and are never cross-checked.
The first check of a story with two or more reports embeds the sentences the check will rank
(``crosscheck.needed``: not those that share almost no word with any other report) of every
member, in one batch, and stores them; later checks (and ``show`` in another process) read them.
A sentence never embedded is stored as a row of NaN, embedded when a later report makes it needed.

Embedding the next stories on a side thread while these are compared (the comparison runs on one
core) was tried: on basil-dev it cost 2 CPU s more and saved no wall time (chrt, 2 cores).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Engine, select

from storyline.embed import DIM, Vectors
from storyline.model import AnnotatedArticle
from storyline.store.codec import vectors_from_bytes, vectors_to_bytes
from storyline.store.schema import articles


@dataclass(frozen=True)
class Owed:
    """What some stories' checks need: their members, the rows stored for each (NaN where a
    sentence was never embedded) and the sentences to embed now, with where each goes."""

    members: tuple[AnnotatedArticle, ...]
    stored: dict[str, Vectors]
    texts: tuple[str, ...]
    places: tuple[tuple[str, int], ...]  # (article id, sentence index) of each text


def sentence_texts(ann: AnnotatedArticle) -> list[str]:
    """The article's sentences as the cross-check embeds them."""
    return [ann.text[s.start : s.end].strip() for s in ann.sentences]


def needed(members: Sequence[AnnotatedArticle]) -> list[list[bool]]:
    """For each member and each of its sentences: will the story's cross-check embed it?"""
    from storyline.crosscheck.facts import sentence_facts
    from storyline.crosscheck.needed import needs_vector

    flags = iter(needs_vector([f for i, a in enumerate(members) for f in sentence_facts(a, i)]))
    return [[next(flags) for _ in a.sentences] for a in members]


def owed(engine: Engine, stories: Sequence[Sequence[AnnotatedArticle]]) -> Owed:
    """The stored vectors of these stories' members and the needed sentences not stored yet."""
    members = [a for story in stories for a in story]
    stored: dict[str, Vectors] = {}
    with engine.connect() as conn:
        ids = [a.id for a in members]
        for start in range(0, len(ids), 500):  # bounded IN lists: a running story has thousands
            chunk = articles.c.id.in_(ids[start : start + 500])
            found = conn.execute(select(articles.c.id, articles.c.sentence_vectors).where(chunk))
            stored.update((r.id, vectors_from_bytes(r.sentence_vectors)) for r in found)
    texts: list[str] = []
    places: list[tuple[str, int]] = []
    for story in stories:
        for a, flags in zip(story, needed(story), strict=True):
            rows = stored.get(a.id)
            if rows is None or len(rows) != len(a.sentences):
                rows = stored[a.id] = np.full((len(a.sentences), DIM), np.nan, dtype=np.float32)
            for i, (text, need) in enumerate(zip(sentence_texts(a), flags, strict=True)):
                if need and np.isnan(rows[i, 0]):
                    texts.append(text)
                    places.append((a.id, i))
    return Owed(tuple(members), stored, tuple(texts), tuple(places))


def embed(embedder: Any, todo: Owed) -> Vectors:
    """The vectors of the sentences owed, in one batch: fewer pads."""
    if not todo.texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.asarray(embedder.embed(list(todo.texts)), dtype=np.float32)


def settle(engine: Engine, todo: Owed, vecs: Vectors, embedder: Any, *, store: bool = True) -> int:
    """Put the owed vectors in place (stored, unless ``store`` is False: a web page's GET writes
    nothing) and every member's vectors in the embedder's cache; how many members were embedded.

    The cache is filled from float16 rows, as stored, whether just computed or read, so a story is
    compared on the same vectors in the filing process and in any later one."""
    fresh = vectors_from_bytes(vectors_to_bytes(vecs)) if len(vecs) else vecs
    changed: set[str] = set()
    for (ident, i), vec in zip(todo.places, fresh, strict=True):
        todo.stored[ident][i] = vec
        changed.add(ident)
    if store and changed:
        with engine.begin() as conn:
            for ident in changed:
                data = vectors_to_bytes(todo.stored[ident])
                conn.execute(articles.update().where(articles.c.id == ident).values(sentence_vectors=data))
    for a in todo.members:
        for text, vec in zip(sentence_texts(a), todo.stored[a.id], strict=True):
            if not np.isnan(vec[0]):
                embedder.remember(text, vec)
    return len(changed)


def phrases(stories: Sequence[Sequence[AnnotatedArticle]]) -> list[str]:
    """The figure and dated-act phrases these stories' cross-checks will embed (``cross_check``:
    ``figure_phrases | event_phrases``), each once, sorted."""
    from storyline.crosscheck.events import event_phrases
    from storyline.crosscheck.facts import sentence_facts
    from storyline.crosscheck.same_figure import figure_phrases

    out: set[str] = set()
    for story in stories:
        facts = [f for i, a in enumerate(story) for f in sentence_facts(a, i)]
        out |= figure_phrases(facts) | event_phrases(facts)
    return sorted(out)


def provide_phrases(stories: Sequence[Sequence[AnnotatedArticle]], embedder: Any) -> int:
    """Put the vectors of the phrases these stories' checks will embed in the embedder's cache,
    in one batch; how many there are. Each check would embed its own few phrases: basil-dev's 25
    stories, 1,058 phrases, 2.2 CPU s story by story against 1.7 in one batch (2 lanes, chrt), and
    the checks forked after (``checkpool``) find them in the cache they inherit instead of each
    starting its own embedding threads. The vectors are the same in any batch (``embed.py``)."""
    if getattr(embedder, "remember", None) is None:
        return 0
    texts = phrases(stories)
    if texts:
        embedder.embed(texts)
    return len(texts)


def provide(engine: Engine, members: Sequence[AnnotatedArticle], embedder: Any, *, store: bool = True) -> int:
    """Put one story's sentence vectors in the embedder's cache, embedding the needed ones not
    stored yet; returns how many members were embedded. An embedder without ``remember`` (a
    stand-in) computes its own vectors during the cross-check."""
    if getattr(embedder, "remember", None) is None or not members:
        return 0
    todo = owed(engine, [members])
    return settle(engine, todo, embed(embedder, todo), embedder, store=store)
