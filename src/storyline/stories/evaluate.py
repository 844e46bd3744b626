"""B-cubed precision, recall and F1 of a grouping against gold labels, and a plain baseline.

Used by bench/bench_stories.py and the tests; kept here so both measure the same way.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence

from storyline.stories.signatures import content_terms


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of predicted cluster labels against gold labels, per item."""
    if len(pred) != len(gold) or not pred:
        raise ValueError("pred and gold must be non-empty and of equal length")
    pairs = Counter(zip(pred, gold, strict=True))
    p_size, g_size = Counter(pred), Counter(gold)
    precision = sum(pairs[(p, g)] / p_size[p] for p, g in zip(pred, gold, strict=True)) / len(pred)
    recall = sum(pairs[(p, g)] / g_size[g] for p, g in zip(pred, gold, strict=True)) / len(pred)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def tfidf_baseline(texts: Sequence[str], *, threshold: float = 0.2) -> list[int]:
    """Plain TF-IDF cosine grouping: each text joins the cluster of highest mean cosine above
    ``threshold``, else starts one. The yardstick the real grouping is measured against."""
    docs = [Counter(content_terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    vecs = []
    for d in docs:
        v = {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 1)) for t, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({t: x / norm for t, x in v.items()})
    clusters: list[list[int]] = []
    labels = [0] * n
    for i, v in enumerate(vecs):
        best, score = -1, threshold
        for c, members in enumerate(clusters):
            s = sum(sum(x * vecs[j].get(t, 0.0) for t, x in v.items()) for j in members) / len(members)
            if s >= score:
                best, score = c, s
        if best < 0:
            clusters.append([i])
            labels[i] = len(clusters) - 1
        else:
            clusters[best].append(i)
            labels[i] = best
    return labels
