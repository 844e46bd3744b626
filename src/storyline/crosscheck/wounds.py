"""Where a victim was hit, across sources: "a gunshot wound to the left leg" / "shot an
11-year-old in his legs" (gva-dev 770636).

Crime reports give the wound's site as the object of "in" or "to" on the wounding act ("shot in
the leg", "struck in the chest") or on the wound itself ("a gunshot wound to the head"). One body
part told in the singular by one report and in the plural by the other (one leg / both legs) is
two accounts of one wound. A report that tells of the part both ways (two victims: "shot in the
leg", "shot in his legs") says nothing about which is whose, so it is left out. Read whole, the
reports may yet tell of two victims: these are listed to check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side, one_way_each
from storyline.crosscheck.predicates import Docs

WOUND_CONFIDENCE = 0.5  # listed to check: two reports read whole may tell of two victims
_WOUNDING = frozenset({"shoot", "wound", "strike", "hit", "graze", "injure", "stab"})
_WOUND_NOUNS = frozenset({"wound", "injury"})
_MAYBE = re.compile(r"\b(?:shot|shoot|wound|struck|strik|hit|graz|injur|stab)", re.I)


@dataclass(frozen=True)
class Site:
    part: str  # the body part's lemma: "leg"
    plural: bool
    text: str  # as written: "the left leg"
    sentence: SentenceFacts


def _wounding(holder: Any) -> bool:
    """Does a preposition's head tell a wound: a wounding verb ("shot in"), a wound ("a wound
    to"), or a verb whose object is one ("receiving a gunshot wound to the left leg")?"""
    lemma = holder.lemma_.lower()
    if holder.pos_ == "NOUN":
        return lemma in _WOUND_NOUNS
    objects = {c.lemma_.lower() for c in holder.children if c.dep_ == "dobj"}
    return holder.pos_ == "VERB" and (lemma in _WOUNDING or bool(objects & _WOUND_NOUNS))


def _sites(doc: Any, f: SentenceFacts) -> list[Site]:
    out = []
    for tok in doc:
        prep = tok.head
        if tok.dep_ != "pobj" or tok.pos_ != "NOUN" or prep.lower_ not in ("in", "to"):
            continue
        holder = prep.head
        if _wounding(holder):
            text = f.text[tok.left_edge.idx : tok.idx + len(tok.text)]
            out.append(Site(tok.lemma_.lower(), tok.tag_ == "NNS", text, f))
    return out


def wound_sites(facts: Sequence[SentenceFacts], docs: Docs) -> list[Site]:
    """Every wound site a report gives, in its order."""
    maybe = [f for f in facts if _MAYBE.search(f.text)]
    return [s for f, doc in zip(maybe, docs(f.text for f in maybe), strict=True) for s in _sites(doc, f)]


def compare_wounds(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[Link]:
    """One conflict per two reports and body part told in the singular by one and the plural by
    the other, each telling it one way only; ``sentences`` holds each report's sentence facts."""
    told = [wound_sites(facts, docs) for facts in sentences]
    return [
        Link(
            "claim",
            True,
            Side.of(x.sentence, x.text, x.text, "wound", x.part, about="wound"),
            Side.of(y.sentence, y.text, y.text, "wound", y.part, about="wound"),
            1.0,
            WOUND_CONFIDENCE,
        )
        for x, y in one_way_each(told, lambda s: s.part, lambda s: s.plural)
    ]
