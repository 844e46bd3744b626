"""A story's sentence vectors: computed when its cross-check first needs them, then stored.

Grouping needs only the document vector (title and lead, ``signatures.py``), so filing embeds no
other sentence: most stories of a news stream keep a single report and are never cross-checked.
The first check of a story with two or more reports embeds the sentences of every member that has
none yet, in one batch, and stores them; later checks (and ``show`` in another process) read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, select

from storyline.model import AnnotatedArticle
from storyline.store.codec import vectors_from_bytes, vectors_to_bytes
from storyline.store.schema import articles


def sentence_texts(ann: AnnotatedArticle) -> list[str]:
    """The article's sentences as the cross-check embeds them."""
    return [ann.text[s.start : s.end].strip() for s in ann.sentences]


def provide(engine: Engine, members: Sequence[AnnotatedArticle], embedder: Any, *, store: bool = True) -> int:
    """Put the members' sentence vectors in the embedder's cache, embedding those not stored yet
    (and storing them, unless ``store`` is False: a web page's GET writes nothing); returns how
    many members were embedded.

    The cache is filled from float16 rows, as stored, whether just computed or read, so a story is
    compared on the same vectors in the filing process and in any later one. An embedder without
    ``remember`` (a stand-in) computes its own vectors during the cross-check."""
    remember = getattr(embedder, "remember", None)
    if remember is None or not members:
        return 0
    ids = [a.id for a in members]
    stored: dict[str, bytes | None] = {}
    with engine.connect() as conn:
        for start in range(0, len(ids), 500):  # bounded IN lists: a running story has thousands
            chunk = articles.c.id.in_(ids[start : start + 500])
            rows = conn.execute(select(articles.c.id, articles.c.sentence_vectors).where(chunk))
            stored.update((r.id, r.sentence_vectors) for r in rows)
    texts = {a.id: sentence_texts(a) for a in members}
    missing = [a.id for a in members if len(vectors_from_bytes(stored.get(a.id))) != len(texts[a.id])]
    if missing:
        vecs = embedder.embed([t for i in missing for t in texts[i]])  # one batch: fewer pads
        at, fresh = 0, {}
        for i in missing:
            fresh[i] = vectors_to_bytes(vecs[at : at + len(texts[i])])
            at += len(texts[i])
        stored.update(fresh)
        if store:
            _store(engine, fresh)
    for a in members:
        for text, vec in zip(texts[a.id], vectors_from_bytes(stored.get(a.id)), strict=True):
            remember(text, vec)
    return len(missing)


def _store(engine: Engine, fresh: dict[str, bytes]) -> None:
    with engine.begin() as conn:
        for ident, data in fresh.items():
            conn.execute(articles.update().where(articles.c.id == ident).values(sentence_vectors=data))
