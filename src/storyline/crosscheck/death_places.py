"""Where a victim died, across sources: "pronounced dead at the scene" / "taken to the hospital,
where he died".

Crime and accident reports say where a death happened in one of two ways, at the scene or at a
hospital, and that is a fact of its own: a victim who died at the scene got no care, one who died
in hospital lived for a while. Two reports that place one death at the scene and at a hospital
disagree on it. The place is read from the parse: the preposition ("at", "in", "on the scene") on
the death ("died", "pronounced dead", "killed", "passed away"), or the "where" clause on a hospital.

Only one death can be compared this way: a report that tells of deaths at both places (two
victims) is left out, as are two deaths whose named victims differ, or a victim told as one of
several ("the second victim", "both men").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.predicates import Docs

DEATH_PLACE_CONFIDENCE = 0.65  # one death, one place each report, no victim named otherwise
_MAYBE = re.compile(r"\b(?:die[ds]?|dead|killed|passed away)\b", re.I)
_PLACE = re.compile(r"\b(?:scene|hospital|medical cent(?:er|re))\b", re.I)
_HOSPITAL = frozenset({"hospital", "center", "centre"})  # "Hennepin County Medical Center"
# words that make a victim one of several, whose deaths may well have happened in two places
_SEVERAL = frozenset({"second", "other", "another", "both", "two", "three", "first", "all", "one"})
_LABEL = {"scene": "at the scene", "hospital": "at a hospital"}


@dataclass(frozen=True)
class DeathPlace:
    place: str  # "scene" or "hospital"
    victim: str | None  # the victim's name as the subject gives it (its last word), when named
    sentence: SentenceFacts


def _place_of(noun: Any) -> str | None:
    """ "scene" or "hospital" for the object of "at"/"in" ("at the scene", "at Regions Hospital")."""
    lemma = noun.lemma_.lower()
    if lemma == "scene":
        return "scene"
    if lemma == "hospital" or (noun.pos_ == "PROPN" and lemma in _HOSPITAL):
        return "hospital"
    return None


def _places(anchor: Any) -> set[str]:
    """The places a death word's prepositions give (those of "pronounced" for "pronounced dead"),
    and a hospital whose "where" clause the death is ("the hospital, where he died")."""
    out = set()
    holders = [anchor] + ([anchor.head] if anchor.dep_ in ("acomp", "oprd", "amod") else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "on"):
                found = {p for c in prep.children if c.dep_ == "pobj" and (p := _place_of(c))}
                out |= {p for p in found if prep.lower_ != "on" or p == "scene"}  # "on (the) scene"
    if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
        place = _place_of(anchor.head)
        if place:
            out.add(place)
    return out


def _victim(anchor: Any) -> tuple[bool, str | None]:
    """Whether the death is told of one victim, and the victim's name when the subject gives one."""
    verb = anchor.head if anchor.dep_ in ("acomp", "oprd") else anchor
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for s in subjects:
        if s.lower_ in _SEVERAL or any(c.lower_ in _SEVERAL for c in s.children):
            return False, None
        if s.pos_ == "PROPN":
            return True, s.text.lower()
    return True, None


def _is_death(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in ("die", "kill") and tok.pos_ == "VERB":
        return True
    if lemma == "pass" and any(c.lower_ == "away" for c in tok.children):
        return True
    return tok.lower_ == "dead" and tok.dep_ in ("acomp", "oprd")


def death_places(facts: Sequence[SentenceFacts], docs: Docs) -> list[DeathPlace]:
    """Every death a report places at the scene or at a hospital, one per death word."""
    maybe = [f for f in facts if _MAYBE.search(f.text) and _PLACE.search(f.text)]
    out = []
    for f, doc in zip(maybe, docs(f.text for f in maybe), strict=True):
        for tok in doc:
            if not _is_death(tok):
                continue
            places = _places(tok)
            one, victim = _victim(tok)
            if len(places) == 1 and one:
                out.append(DeathPlace(places.pop(), victim, f))
    return out


def compare_death_places(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[Link]:
    """One conflict per two sources that place the death at the scene and at a hospital, each
    telling of one place only, with no two victims named differently; ``sentences`` holds each
    article's sentence facts."""
    by_source = [death_places(facts, docs) for facts in sentences]
    links = []
    for i, xs in enumerate(by_source):
        for ys in by_source[i + 1 :]:
            places = {d.place for d in xs}, {d.place for d in ys}
            if len(places[0]) != 1 or len(places[1]) != 1 or places[0] == places[1]:
                continue
            named = {d.victim for d in xs if d.victim}, {d.victim for d in ys if d.victim}
            if len(named[0] | named[1]) > 1:
                continue  # two victims named: two deaths, each in its own place
            a, b = xs[0], ys[0]
            links.append(
                Link(
                    "place",
                    True,
                    Side.of(a.sentence, _LABEL[a.place], a.place, "death", about="die"),
                    Side.of(b.sentence, _LABEL[b.place], b.place, "death", about="die"),
                    1.0,
                    DEATH_PLACE_CONFIDENCE,
                )
            )
    return links
