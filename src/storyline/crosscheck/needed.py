"""Which sentences the cross-check embeds: those that can meet a counterpart in another report.

A sentence's vector serves three ends: ranking its nearest sentences in the other reports, the
closeness of each candidate pair it is in (claims, figures, dates), and whether it is told by one
source only (no candidate scoring ``UNIQUE_SCORE``). A pair's score is ``0.7 * cos + 0.3 * overlap``,
so a sentence that shares almost no content word or name with any sentence of another report needs
a cosine of about 0.7 to reach any threshold, which two sentences of a story in different words
seldom have: such a sentence (a scene, a background line, a remark told by one outlet) is left
unembedded, is no one's nearest sentence and stays told by one source. A sentence that gives a
figure or a date keeps its vector whatever its words: those facts are paired by their keys and
compared at any closeness.

``MAX_OVERLAP`` was chosen on the tuning half of basil-dev's events (even places in labels.json):
no sentence it leaves out there has a sentence in another report scoring 0.45 or more, nor on the
check half, nor on gva-dev's first half; on its second half 4 of the 718 gva-dev sentences left
out do. At 0.2 such sentences appear on basil-dev's check half (2) and on both gva-dev halves (4,
13). It leaves out 4.9% of basil-dev's sentences and 13.8% of gva-dev's. The reports stay
byte-identical on the 25 basil-dev triplets and on 107 of 108 gva-dev incidents: in 772730 "The
chief did not said what caused the officer's chest injury." loses its nearest sentences in one
report, gains a heading there that shares all its words ("MORE ON THE OFFICERS") as a candidate,
and is no longer listed as told by one source only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.crosscheck.age_lists import age_lists
from storyline.crosscheck.facts import SentenceFacts

MAX_OVERLAP = 0.15  # a sentence sharing no more than this share of its words with any other report's


def keyed(f: SentenceFacts) -> bool:
    """Does the sentence give a fact compared at any closeness (a figure, a date, a group's ages
    told as a list: ``age_lists``)?"""
    return bool(f.measures or f.dates) or bool(age_lists(f))


def needs_vector(facts: Sequence[SentenceFacts], max_overlap: float = MAX_OVERLAP) -> list[bool]:
    """For each sentence, in order: may it have a counterpart whose closeness matters? (Another
    ``max_overlap`` is for measuring the choice: ``bench/needed_ceiling.py``.)

    The shared words are counted through an index of each word's sentences, so the cost follows
    the words the sentences share rather than every pair of sentences."""
    terms = [f.stems | f.names for f in facts]
    index: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(terms):
        for w in t:
            index[w].append(i)
    out = []
    for i, f in enumerate(facts):
        if keyed(f):
            out.append(True)
            continue
        shared: Counter[int] = Counter()
        for w in terms[i]:
            for j in index[w]:
                if facts[j].source != f.source:
                    shared[j] += 1
        out.append(any(n / min(len(terms[i]), len(terms[j])) > max_overlap for j, n in shared.items()))
    return out
