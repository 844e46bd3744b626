"""What an article is reduced to for grouping: a MinHash of its word shingles (near duplicates),
and later a document vector and name keys.

Texts are normalised before shingling (case, punctuation, accents, whitespace) so that two outlets
running the same wire story with different typography still match.
"""

from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.model import Article
from storyline.stories.stopwords import STOP_WORDS

if TYPE_CHECKING:
    from datasketch import MinHash

    from storyline.embed import Embedder, Vectors

NUM_PERM = 128  # 128 permutations: Jaccard estimated to about ±0.04, 1 KiB per signature
SHINGLE = 5  # words per shingle: long enough that two reports of one event rarely share many
SEED = 1  # fixed so signatures stored in the library stay comparable across runs
SCHEME = "affine32"  # datasketch's hashing scheme, pinned for the same reason

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation, single-spaced."""
    folded = text.casefold()
    if not folded.isascii():  # most English news is ASCII: skip the per-character pass
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(folded))


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of ``size``-word shingles of the normalised text (the whole text when shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@functools.cache
def _permutations(num_perm: int) -> Any:
    """The permutations of the pinned seed, computed once: datasketch otherwise redraws them for
    every MinHash it builds, which costs more than hashing a whole article."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def minhash(text: str, *, num_perm: int = NUM_PERM) -> MinHash:
    """A MinHash of the text's word shingles; equal texts after normalising give equal signatures."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m


def minhash_from_values(values: bytes, *, num_perm: int = NUM_PERM) -> MinHash:
    """Rebuild a stored signature from ``minhash_bytes`` output."""
    import numpy as np
    from datasketch import MinHash

    values_arr = np.frombuffer(values, dtype=np.uint64)
    return MinHash(
        num_perm=num_perm,
        seed=SEED,
        hashvalues=values_arr,
        scheme=SCHEME,
        permutations=_permutations(num_perm),
    )


def minhash_bytes(m: MinHash) -> bytes:
    """The signature's hash values as bytes, for storage."""
    import numpy as np

    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


# --- the whole signature: what grouping compares ----------------------------------------------

LEAD = 3  # lead sentences embedded with the title: news puts who, what, where and when first
MAX_WORDS = 60  # terms kept per article: enough to tell two similar events apart, bounded storage
MAX_NAMES = 30

_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])|(?<=[.!?][\"”’'])\s+|\n+")
# A run of capitalised words, allowing the lower-case particles names carry ("Bank of England").
_NAME = re.compile(r"\b[A-Z][\w’'\-]*(?:\s+(?:of|de|del|al|bin|van|von|la|le)?\s*[A-Z][\w’'\-]*)*")
_TERM = re.compile(r"[^\W\d_][\w’'\-]{2,}|\d[\d.,]*\d|\d")


@dataclass(frozen=True, eq=False)
class Signature:
    """One article as grouping sees it. ``words``/``names`` are sparse term weights (1 + log tf);
    ``vector`` is the unit mean of the title and lead sentences' embeddings; ``published`` is
    epoch seconds or None; ``anchors`` the people, streets and days it names (``anchors.py``);
    ``not_article`` why the page is no article (``pages.py``), which then groups with nothing."""

    id: str
    published: float | None
    minhash: bytes
    vector: Vectors
    words: tuple[tuple[str, float], ...]
    names: tuple[tuple[str, float], ...]
    anchors: tuple[str, ...] = ()
    not_article: str | None = None


def lead_sentences(text: str, n: int = LEAD) -> list[str]:
    """The first ``n`` sentences, split on sentence-final punctuation and paragraph breaks."""
    out: list[str] = []
    for piece in _SENT_END.split(text):
        piece = piece.strip()
        if piece:
            out.append(piece)
            if len(out) == n:
                break
    return out


def name_keys(text: str) -> list[str]:
    """Proper names as written (case-folded): runs of capitalised words. A single capitalised word
    that the same text also writes in lower case is a sentence opener, not a name."""
    lower = {w for w in re.findall(r"\b[a-z][\w’'\-]*", text)}
    out: list[str] = []
    for m in _NAME.finditer(text):
        toks = m.group().split()
        if len(toks) == 1 and (toks[0].lower() in lower or len(toks[0]) < 2):
            continue
        out.append(normalise(m.group()))
        if len(toks) > 1:  # "Vladimir Putin" and later "Putin": the surname alone also keys
            out.append(normalise(toks[-1]))
    return [k for k in out if k]


def _weights(terms: list[str], keep: int) -> tuple[tuple[str, float], ...]:
    counts = Counter(terms)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    # Interned: a library holds the same few hundred thousand terms across millions of signatures.
    return tuple((sys.intern(t), 1.0 + math.log(c)) for t, c in top)


def content_terms(text: str) -> list[str]:
    """Lower-case words and numbers, without function words."""
    return [t for t in _TERM.findall(unicodedata.normalize("NFKC", text).casefold()) if t not in STOP_WORDS]


def sign_many(articles: Sequence[Article], embedder: Embedder) -> list[Signature]:
    """Signatures in input order; the title and lead sentences of all articles embed in one batch."""
    from storyline.stories.copies import published_key

    parts: list[list[str]] = []
    for art in articles:
        lead = lead_sentences(art.text)
        parts.append(([art.title] if art.title else []) + lead or [art.text[:500] or " "])
    flat = [p for ps in parts for p in ps]
    vecs = embedder.embed(flat)
    out: list[Signature] = []
    at = 0
    for art, ps in zip(articles, parts, strict=True):
        out.append(signature(art, vecs[at : at + len(ps)].mean(axis=0), published_key(art.published)))
        at += len(ps)
    return out


def signature(art: Article, vector: Vectors, published: float | None) -> Signature:
    """A signature from an already computed document vector (not yet normalised)."""
    import numpy as np

    from storyline.stories.anchors import anchors
    from storyline.stories.pages import not_an_article

    norm = float(np.linalg.norm(vector)) or 1.0
    when = published if published != float("inf") else None
    body = f"{art.title or ''}\n{art.text}"
    return Signature(
        id=art.id,
        published=when,
        minhash=minhash_bytes(minhash(art.text)),
        vector=(vector / norm).astype(np.float32),
        words=_weights(content_terms(body), MAX_WORDS),
        names=_weights(name_keys(body), MAX_NAMES),
        anchors=tuple(sys.intern(a) for a in anchors(art.title, art.text, when)),
        not_article=not_an_article(art),
    )
