"""Where a victim was hit, across sources: "a gunshot wound to the left leg" / "shot an
11-year-old in his legs" (gva-dev 770636).

Crime reports give the wound's site as the object of "in" or "to" on the wounding act ("shot in
the leg", "struck in the chest") or on the wound itself ("a gunshot wound to the head"). One body
part told in the singular by one report and in the plural by the other (one leg / both legs) is
two accounts of one wound. A report that tells of the part both ways (two victims: "shot in the
leg", "shot in his legs") says nothing about which is whose, so it is left out. Read whole, the
reports may yet tell of two victims: these are listed to check.

Two reports may also place the wound in two regions of the body: "One bullet struck his
daughter in the mouth" / "Mya Verner was shot in the back" (gva-dev 773790). Reporters name the
part of one region loosely ("in his side" / "in the abdomen", "the thigh" / "the leg", "the
face" / "the head"), but a wound in the head is not one in the back: only regions are compared
(``REGIONS``), each report placing every wound it tells in one region, and neither giving an
age the other does not (two victims: "5-year-old Kason Guyton ... to the back" / "the 7-year-old
brother ... to the leg", gva-dev 781864). Listed to check, as above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side, told_two_ways
from storyline.crosscheck.predicates import Docs

WOUND_CONFIDENCE = 0.5  # listed to check: two reports read whole may tell of two victims
_WOUNDING = frozenset({"shoot", "wound", "strike", "hit", "graze", "injure", "stab"})
_WOUND_NOUNS = frozenset({"wound", "injury"})
_MAYBE = re.compile(r"\b(?:shot|shoot|wound|struck|strik|hit|graz|injur|stab)", re.I)


# the regions of the body a wound is told in; a part on the border of two (the shoulder) is in
# both. Anatomy, not news wording; a report telling a site outside every region ("in the
# backseat", "to the body") is not placed.
REGIONS: dict[str, frozenset[str]] = {
    region: frozenset(parts.split())
    for region, parts in (
        ("head", "head face mouth eye jaw cheek temple forehead ear nose chin skull lip"),
        ("neck", "neck throat"),
        ("torso", "torso chest abdomen stomach belly back side hip buttock butt backside groin rib shoulder"),
        ("arm", "arm hand wrist elbow forearm finger shoulder"),
        ("leg", "leg thigh knee calf ankle foot shin toe"),
    )
}


@dataclass(frozen=True)
class Site:
    part: str  # the body part's lemma: "leg"
    plural: bool
    text: str  # as written: "the left leg"
    sentence: SentenceFacts
    bodily: bool = True  # told as a part of the body: definite and on its own (``_bodily``)


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
            out.append(Site(tok.lemma_.lower(), tok.tag_ == "NNS", text, f, _bodily(tok)))
    return out


def _bodily(noun: Any) -> bool:
    """Is the object of "shot in" told as a part of the victim's body: definite ("the leg", "his
    lower back") and on its own? A place or an occasion is named with its kind or introduced
    ("in her living room", "in the parking lot of the store", "injured in an accidental
    shooting", gva-dev), which a body part is not."""
    kids = list(noun.children)
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in kids)
    return definite and not any(c.dep_ in ("compound", "prep") for c in kids)


def wound_sites(facts: Sequence[SentenceFacts], docs: Docs) -> list[Site]:
    """Every wound site a report gives, in its order."""
    maybe = [f for f in facts if _MAYBE.search(f.text)]
    return [s for f, doc in zip(maybe, docs(f.text for f in maybe), strict=True) for s in _sites(doc, f)]


def _side(s: Site) -> Side:
    return Side.of(s.sentence, s.text, s.text, "wound", s.part, about="wound")


def compare_wounds(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[Link]:
    """One conflict per two reports and body part told in the singular by one and the plural by
    the other, each telling it one way only, and one per two reports placing the wound in two
    regions of the body (``regions_apart``); ``sentences`` holds each report's sentence facts."""
    told = [wound_sites(facts, docs) for facts in sentences]
    links = told_two_ways("claim", told, lambda s: s.part, lambda s: s.plural, _side, WOUND_CONFIDENCE)
    return links + regions_apart(told)


def _region(sites: Sequence[Site]) -> frozenset[str]:
    """The regions of the body every bodily site of a report lies in: none when the report tells
    no bodily site, one it cannot place, or wounds in two regions (several wounds or victims)."""
    bodily = [s for s in sites if s.bodily]
    held = [frozenset(r for r, parts in REGIONS.items() if s.part in parts) for s in bodily]
    if not held or not all(held):
        return frozenset()
    return frozenset.intersection(*held)


def _ages(site: Site) -> frozenset[float]:
    return frozenset(m.value for m in site.sentence.measures if m.counted == "age")


def regions_apart(told: Sequence[Sequence[Site]]) -> list[Link]:
    """A conflict, to check, between two reports that each place every wound they tell in one
    region of the body, and in two regions apart; not when their first sites' sentences give
    different ages (two victims)."""
    links = []
    for i, xs in enumerate(told):
        for ys in told[i + 1 :]:
            ra, rb = _region(xs), _region(ys)
            if not ra or not rb or ra & rb:
                continue
            a = next(s for s in xs if s.bodily)
            b = next(s for s in ys if s.bodily)
            ages_a, ages_b = _ages(a), _ages(b)
            if ages_a and ages_b and not ages_a & ages_b:
                continue
            links.append(Link("claim", True, _side(a), _side(b), 1.0, WOUND_CONFIDENCE))
    return links


def one_wound(links: Sequence[Link], facts: Sequence[SentenceFacts], docs: Docs) -> list[Link]:
    """The links less the agreements whose two sentences each tell where a victim was hit, and
    at no body part in common: "found a 2-year-old child with a gunshot wound to the shoulder" /
    "found the unresponsive 2-year-old boy suffering from a single gunshot wound to the chest"
    (gva-dev 544535) state no one fact, whatever figure or act they share: the wound differs, or
    they are two victims. Conflicts stay."""
    by_start = {(f.source, f.start): f for f in facts}
    agreed = [ln for ln in links if not ln.conflict]
    told = {(s.source, s.start) for ln in agreed for s in (ln.a, ln.b)}
    picked = [by_start[k] for k in told if k in by_start]
    parts: dict[tuple[int, int], set[str]] = {}
    for site in wound_sites(picked, docs):
        if site.bodily:
            parts.setdefault((site.sentence.source, site.sentence.start), set()).add(site.part)

    def apart(ln: Link) -> bool:
        a, b = parts.get((ln.a.source, ln.a.start)), parts.get((ln.b.source, ln.b.start))
        return bool(a and b and not a & b)

    return [ln for ln in links if ln.conflict or not apart(ln)]
