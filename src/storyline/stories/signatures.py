"""What an article is reduced to for grouping: a MinHash of its word shingles (near duplicates),
and later a document vector and name keys.

Texts are normalised before shingling (case, punctuation, accents, whitespace) so that two outlets
running the same wire story with different typography still match.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128  # 128 permutations: Jaccard estimated to about ±0.04, 1 KiB per signature
SHINGLE = 5  # words per shingle: long enough that two reports of one event rarely share many
SEED = 1  # fixed so signatures stored in the library stay comparable across runs

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Lower-case words without accents or punctuation, single-spaced."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_WORD.findall(folded))


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of ``size``-word shingles of the normalised text (the whole text when shorter)."""
    words = normalise(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str, *, num_perm: int = NUM_PERM) -> MinHash:
    """A MinHash of the text's word shingles; equal texts after normalising give equal signatures."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=SEED)
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return m


def minhash_from_values(values: bytes, *, num_perm: int = NUM_PERM) -> MinHash:
    """Rebuild a stored signature from ``minhash_bytes`` output."""
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, hashvalues=np.frombuffer(values, dtype=np.uint64))


def minhash_bytes(m: MinHash) -> bytes:
    """The signature's hash values as bytes, for storage."""
    import numpy as np

    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()
