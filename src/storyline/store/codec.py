"""AnnotatedArticle ⇄ JSON text, and signatures and vectors ⇄ column values.

The JSON is the ``annotate --format json`` contract, so a stored article reads back exactly as it
was annotated and ``show`` needs no spaCy pass.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import numpy as np

from storyline.embed import DIM, Vectors
from storyline.model import (
    AnnotatedArticle,
    Article,
    Entity,
    Quantity,
    Quote,
    Removed,
    Sentence,
    TimeExpr,
)
from storyline.stories.signatures import Signature

_ARTICLE_FIELDS = (
    "path",
    "source",
    "title",
    "subtitle",
    "published",
    "updated",
    "url",
    "byline",
)


def article_from_dict(d: dict[str, Any]) -> Article:
    return Article(
        id=d["id"],
        text=d["text"],
        **{k: d.get(k) for k in _ARTICLE_FIELDS},
        removed=tuple(Removed(r["text"], r["reason"]) for r in d.get("removed", ())),
        meta=tuple(sorted((str(k), str(v)) for k, v in (d.get("meta") or {}).items())),
    )


def _time(d: dict[str, Any]) -> TimeExpr:
    return TimeExpr(
        text=d["text"],
        start=d.get("start"),
        end=d.get("end"),
        offset=(int(d["offset"][0]), int(d["offset"][1])),
        sentence=d.get("sentence", ""),
        event=d.get("event"),
        reason=d.get("reason"),
        what=d.get("what"),
        timeml_value=d.get("timeml_value"),
        mod=d.get("mod"),
        told=d.get("told"),
        deed=d.get("deed"),
    )


def annotated_from_dict(d: dict[str, Any]) -> AnnotatedArticle:
    """The inverse of ``AnnotatedArticle.to_dict``."""
    return AnnotatedArticle(
        article=article_from_dict(d),
        sentences=tuple(Sentence(s["start"], s["end"]) for s in d.get("sentences", ())),
        entities=tuple(Entity(**e) for e in d.get("entities", ())),
        quotes=tuple(Quote(**q) for q in d.get("quotes", ())),
        quantities=tuple(
            Quantity(**{**q, "frame": tuple(q.get("frame", ()))}) for q in d.get("quantities", ())
        ),
        timeline=tuple(_time(t) for t in d.get("timeline", ())),
    )


def dumps_annotated(ann: AnnotatedArticle) -> str:
    return json.dumps(ann.to_dict(), ensure_ascii=False, separators=(",", ":"))


def loads_annotated(text: str) -> AnnotatedArticle:
    return annotated_from_dict(json.loads(text))


def vectors_to_bytes(vecs: Vectors) -> bytes:
    """Sentence vectors as float16: half the space, cosines unchanged to three decimals."""
    return np.asarray(vecs, dtype=np.float16).tobytes()


def vectors_from_bytes(data: bytes | None) -> Vectors:
    if not data:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.frombuffer(data, dtype=np.float16).reshape(-1, DIM).astype(np.float32)


def signature_columns(sig: Signature) -> dict[str, Any]:
    terms: dict[str, Any] = {"w": sig.words, "n": sig.names, "a": sig.anchors}
    if sig.not_article:
        terms["x"] = sig.not_article
    return {
        "minhash": sig.minhash,
        "vector": np.asarray(sig.vector, dtype=np.float32).tobytes(),
        "terms": json.dumps(terms, ensure_ascii=False, separators=(",", ":")),
        "published_ts": sig.published,
    }


def signature_from_row(row: Any) -> Signature:
    """A signature rebuilt from the columns ``signature_columns`` wrote (plus ``id``)."""
    terms = json.loads(row.terms)
    return Signature(
        id=row.id,
        published=row.published_ts,
        minhash=bytes(row.minhash),
        vector=np.frombuffer(bytes(row.vector), dtype=np.float32),
        words=tuple((sys.intern(t), float(w)) for t, w in terms["w"]),
        names=tuple((sys.intern(t), float(w)) for t, w in terms["n"]),
        anchors=tuple(sys.intern(a) for a in terms.get("a", ())),  # absent in older libraries
        not_article=terms.get("x"),
    )
