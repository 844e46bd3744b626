"""Candidate sentence pairs across sources: shared keys first, vectors only to rank what remains.

One similarity threshold cannot separate "says the same thing" from "says something else about the
same story" (DESIGN.md), so a pair becomes a candidate when the two sentences share a key — the same
counted thing, the same event word with the same place, the same names — or when one is among the
other's nearest sentences by vector. The typed comparisons in ``decide`` then judge each candidate.
Cost stays near-linear in sentences: top-k per source pair plus bucketed keys, never all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.crosscheck.age_lists import age_lists
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.needed import needs_vector

TOP_K = 3  # nearest sentences per sentence and per other source
RARE = 2  # a word in at most this many sentences of a source is distinctive there
MAX_BUCKET = 40  # a key shared by more sentences than this says nothing about any one pair
AGREE_SCORE = 0.62  # pair score above which two sentences state the same thing
SAME_SCORE = 0.75  # pair score above which two sentences say the same thing, in other words


@dataclass(frozen=True)
class Pair:
    """Two sentences of different sources that may state the same fact."""

    a: SentenceFacts
    b: SentenceFacts
    cos: float
    overlap: float  # share of the shorter sentence's content stems found in the other
    rare_words: frozenset[str] = frozenset()  # shared words few sentences of either source use
    # of two dated sentences, how many are the other's nearest dated sentence in its source (0-2)
    nearest: int = 0

    @property
    def rare(self) -> int:
        """How many shared words are distinctive: "requested", "rupture"."""
        return len(self.rare_words)

    @property
    def score(self) -> float:
        """How strongly the two sentences say the same thing: meaning and shared words together."""
        return 0.7 * self.cos + 0.3 * self.overlap


def sentence_vectors(facts: Sequence[SentenceFacts], embedder: Any) -> npt.NDArray[np.float32]:
    """Unit vectors of the sentences, in order; a zero row for a sentence that can meet no
    counterpart in another report (``needed``), which is not embedded."""
    out = np.zeros((len(facts), 384), dtype=np.float32)
    wanted = [i for i, need in enumerate(needs_vector(facts)) if need]
    if wanted:
        out[wanted] = embedder.embed([facts[i].text for i in wanted])
    return out


def overlap(a: SentenceFacts, b: SentenceFacts) -> float:
    """Share of the smaller set of content stems and names that the other sentence also has."""
    sa, sb = a.stems | a.names, b.stems | b.names
    small = min(len(sa), len(sb))
    return len(sa & sb) / small if small else 0.0


def _keys(f: SentenceFacts) -> Iterable[tuple[str, ...]]:
    for m in f.measures:
        if m.counted:
            yield ("measure", m.dim or "", m.counted)
        if m.dim:  # "nearly an hour" meets "a 50-minute phone call"
            yield ("measure", m.dim)
    for d in f.dates:
        for w in d.event | d.near:
            yield ("event", w)
    for q in f.quotes:
        if q.speaker_key:
            yield ("speaker", q.speaker_key)
    if age_lists(f):  # "two women -- 68 and 48-years-old" meets "who were 61 and 48 years old"
        yield ("ages",)


def candidate_pairs(
    facts: Sequence[SentenceFacts], vecs: npt.NDArray[np.float32], *, top_k: int = TOP_K
) -> list[Pair]:
    """Pairs of sentences from different sources worth comparing, each pair once (a before b).
    A sentence without a vector (a zero row, ``sentence_vectors``) is in no pair."""
    embedded = np.any(vecs != 0, axis=1) if len(facts) else np.zeros(0, dtype=bool)
    by_source: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if embedded[i]:
            by_source[f.source].append(i)
    sims = vecs @ vecs.T if len(facts) else np.zeros((0, 0), dtype=np.float32)
    chosen: set[tuple[int, int]] = set()
    sources = sorted(by_source)
    for si, s in enumerate(sources):
        rows = np.array(by_source[s])
        for t in sources[si + 1 :]:
            cols = np.array(by_source[t])
            block = sims[np.ix_(rows, cols)]
            k = min(top_k, len(cols))
            for r, best in enumerate(np.argsort(-block, axis=1)[:, :k]):
                chosen.update((int(rows[r]), int(cols[c])) for c in best)
            k = min(top_k, len(rows))
            for c, best in enumerate(np.argsort(-block, axis=0)[:k, :].T):
                chosen.update((int(rows[r]), int(cols[c])) for r in best)
    buckets: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, f in enumerate(facts):
        for key in _keys(f):
            buckets[key].add(i)
    for members in buckets.values():
        if len(members) > MAX_BUCKET:
            continue
        ordered = sorted(members)
        for x, i in enumerate(ordered):
            for j in ordered[x + 1 :]:
                if facts[i].source != facts[j].source and embedded[i] and embedded[j]:
                    chosen.add((i, j))
    df: dict[tuple[int, str], int] = defaultdict(int)
    for f in facts:
        for w in f.stems:
            df[(f.source, w)] += 1
    nearest = dated_nearest(facts, sims)
    pairs = []
    for i, j in sorted(chosen):
        a, b = (facts[i], facts[j]) if facts[i].source < facts[j].source else (facts[j], facts[i])
        rare = frozenset(w for w in a.stems & b.stems if max(df[(a.source, w)], df[(b.source, w)]) <= RARE)
        pairs.append(Pair(a, b, float(sims[i, j]), overlap(a, b), rare, nearest.get((i, j), 0)))
    return pairs


def dated_nearest(
    facts: Sequence[SentenceFacts], sims: npt.NDArray[np.float32]
) -> dict[tuple[int, int], int]:
    """For two dated sentences of two sources (indices into ``facts``, either order): how many of
    the two are the other's nearest dated sentence in its source. Reports of one event tell its
    dated acts in their own words, but each act once: the sentence another report dates it in is
    the one most like its own, and a look-alike is not (bitext alignment by mutual nearness)."""
    dated: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.dates:
            dated[f.source].append(i)
    count: dict[tuple[int, int], int] = defaultdict(int)
    for s, rows in dated.items():
        for t, cols in dated.items():
            if s == t:
                continue
            best = np.array(cols)[np.argmax(sims[np.ix_(rows, cols)], axis=1)]
            for i, j in zip(rows, best, strict=True):
                count[(i, int(j))] += 1
                count[(int(j), i)] += 1
    return dict(count)
