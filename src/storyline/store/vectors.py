"""A story's sentence vectors: computed when its cross-check first needs them, then stored.

Grouping needs only the document vector (title and lead, ``signatures.py``), so filing embeds no
other sentence: most stories of a news stream keep a single report and are never cross-checked.
The first check of a story with two or more reports embeds the sentences of every member that has
none yet, in one batch, and stores them; later checks (and ``show`` in another process) read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from storyline.model import AnnotatedArticle
from storyline.store.codec import vectors_from_bytes, vectors_to_bytes
from storyline.store.schema import articles


def sentence_texts(ann: AnnotatedArticle) -> list[str]:
    """The article's sentences as the cross-check embeds them."""
    return [ann.text[s.start : s.end].strip() for s in ann.sentences]


@dataclass(frozen=True)
class Owed:
    """Members' sentence texts, the vectors stored for them, and the members still to embed."""

    members: tuple[AnnotatedArticle, ...]
    texts: dict[str, list[str]]
    stored: dict[str, bytes | None]
    missing: tuple[str, ...]


def owed(engine: Engine, members: Sequence[AnnotatedArticle]) -> Owed:
    """What ``provide`` must embed for these members: those whose vectors are not stored."""
    ids = [a.id for a in members]
    stored: dict[str, bytes | None] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):  # bounded IN lists: a running story has thousands
            chunk = articles.c.id.in_(ids[start : start + 500])
            rows = conn.execute(select(articles.c.id, articles.c.sentence_vectors).where(chunk))
            stored.update((r.id, r.sentence_vectors) for r in rows)
    texts = {a.id: sentence_texts(a) for a in members}
    missing = tuple(a.id for a in members if len(vectors_from_bytes(stored.get(a.id))) != len(texts[a.id]))
    return Owed(tuple(members), texts, stored, missing)


def embedded(due: Owed, embedder: Any) -> dict[str, bytes]:
    """The missing members' vectors as stored (float16 rows), in one batch: fewer pads. Touches no
    database, so ``Library.check_due`` runs it beside the cross-check of the stories before."""
    if not due.missing:
        return {}
    vecs = embedder.embed([t for i in due.missing for t in due.texts[i]])
    at, fresh = 0, {}
    for i in due.missing:
        fresh[i] = vectors_to_bytes(vecs[at : at + len(due.texts[i])])
        at += len(due.texts[i])
    return fresh


def settle(engine: Engine, due: Owed, fresh: dict[str, bytes], embedder: Any, *, store: bool = True) -> None:
    """Store the ``fresh`` vectors (unless ``store`` is False) and put every member's vectors in
    the embedder's cache, from float16 rows as stored, so a story is compared on the same vectors
    in the filing process and in any later one."""
    if store and fresh:
        _store(engine, fresh)
    rows = {**due.stored, **fresh}
    for a in due.members:
        for text, vec in zip(due.texts[a.id], vectors_from_bytes(rows.get(a.id)), strict=True):
            embedder.remember(text, vec)


def provide(engine: Engine, members: Sequence[AnnotatedArticle], embedder: Any, *, store: bool = True) -> int:
    """Put the members' sentence vectors in the embedder's cache, embedding those not stored yet
    (and storing them, unless ``store`` is False: a web page's GET writes nothing); returns how
    many members were embedded. An embedder without ``remember`` (a stand-in) computes its own
    vectors during the cross-check."""
    if getattr(embedder, "remember", None) is None or not members:
        return 0
    due = owed(engine, members)
    settle(engine, due, embedded(due, embedder), embedder, store=store)
    return len(due.missing)


def _store(engine: Engine, fresh: dict[str, bytes]) -> None:
    with engine.begin() as conn:
        for ident, data in fresh.items():
            conn.execute(articles.update().where(articles.c.id == ident).values(sentence_vectors=data))
