"""A figure that counts part of a group by what that part did is one fact only with the same act.

"Two of the intruders" counts no intruders as such: it counts those of them the clause speaks of
("At least two of the intruders exchanged gunfire" / "At least two of the intruders were armed
with a gun and demanded ...", gva-dev 771826; "two of them managed to escape" / "boarded two of
the pirate vessels", ecbplus-dev 12; "three of the people were targeted", gva-dev). Two reports
giving the same partitive figure under different acts count two subsets, which may or may not
be the same members, so their agreement states no one fact. Only two partitives: a figure told
whole names its members by its own words ("the names of two individuals who were taken to the
hospital" / "Two of the victims had surgery", gva-dev 783102: the same two people). The act is
read from the parse: the verb the figure's noun phrase belongs to, with the verbs joined to it
("were armed ... and demanded") or completed by it ("managed to escape").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.predicates import Docs
from storyline.crosscheck.words import REPORTING_STEMS, SENSES, stem

# "two of the intruders", "three of them", "seven of those who": a part of a group named after it
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|them|these|its|his|her|their|our|whom)\b", re.I)
_VERBS = ("VERB", "AUX")


def _measure_span(side: Side, facts: dict[tuple[int, int], SentenceFacts]) -> tuple[int, int] | None:
    """The figure's span within its sentence's text, when the side is a figure."""
    if len(side.key) != 4 or side.key[2] != "m":
        return None
    source, index, _, i = side.key
    f = facts[(source, index)]
    q = f.measures[i].quantity
    return q.start - f.start, q.end - f.start


def partitive(text: str, span: tuple[int, int]) -> bool:
    """Is the figure at ``span`` of ``text`` a part of a group named after it ("two of the ...")?"""
    return _PARTITIVE.match(text, span[1]) is not None


def figure_acts(doc: Any, start: int) -> frozenset[str]:
    """The acts (stems and their families) of the verb the figure starting at character ``start``
    belongs to, and of the verbs joined to it; empty when the parse gives it no verb."""
    tok = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    seen = 0
    while tok is not None and tok.pos_ not in _VERBS and tok.head.i != tok.i and seen < 8:
        tok, seen = tok.head, seen + 1
    if tok is None or tok.pos_ not in _VERBS:
        return frozenset()
    first = tok.head if tok.dep_ == "conj" and tok.head.pos_ in _VERBS else tok
    # "were armed ... and demanded": the joined verbs; "managed to escape": the act it completes
    verbs = [first, *(c for c in first.children if c.dep_ in ("conj", "xcomp") and c.pos_ in _VERBS)]
    acts = {stem(v.lemma_.lower()) for v in verbs} - REPORTING_STEMS
    return frozenset(acts | {SENSES[a] for a in acts if a in SENSES})


def one_subset(links: Sequence[Link], facts: Sequence[SentenceFacts], docs: Docs) -> list[Link]:
    """The links less the figure agreements whose two figures are partitive and whose acts, both
    read, share nothing (see the module); conflicts stay."""
    lookup = {(f.source, f.index): f for f in facts}
    chosen = []
    for ln in links:
        if ln.conflict or ln.aspect != "number":
            continue
        spans = (_measure_span(ln.a, lookup), _measure_span(ln.b, lookup))
        if spans[0] and spans[1] and partitive(ln.a.text, spans[0]) and partitive(ln.b.text, spans[1]):
            chosen.append((ln, spans[0], spans[1]))
    if not chosen:
        return list(links)
    texts = list(dict.fromkeys(t for ln, _, _ in chosen for t in (ln.a.text, ln.b.text)))
    parsed = dict(zip(texts, docs(texts), strict=True))
    apart = set()
    for ln, sa, sb in chosen:
        acts_a, acts_b = figure_acts(parsed[ln.a.text], sa[0]), figure_acts(parsed[ln.b.text], sb[0])
        if acts_a and acts_b and not acts_a & acts_b:
            apart.add(id(ln))
    return [ln for ln in links if id(ln) not in apart]
