"""Street addresses across sources: "on 313 North Seminary" / "in front of 312 North Seminary",
"a home near 46th Avenue and Dusty Lane" / "a home near 51st Avenue and Estrella Drive" (gva-dev).

Local crime news places an incident by a house number or a block on a street ("the 1900 block of
Payson Street"), or by the two streets of a crossing. Two reports disagree when they give the same
street different numbers (a block holds its hundred numbers: "the 1900 block" and "1923" agree),
or place the same thing (the noun or act the crossing is said of: the home, the shooting) at two
crossings with no street in common. A place inside another is no disagreement: a street against
the town or neighbourhood it lies in says the same at a finer grain (``finer_grain``), and without
a gazetteer that is all a street against an area can be told apart from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.candidates import AGREE_SCORE, Pair
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, told_two_ways
from storyline.crosscheck.links import Side as LinkSide
from storyline.crosscheck.predicates import LIGHT, Docs
from storyline.crosscheck.words import MONTHS_AND_DAYS

ADDRESS_CONFIDENCE = 0.65  # one street, two numbers, in sentences that say the same thing: stated
CROSSING_CONFIDENCE = 0.5  # "near" one crossing or another: listed to check
MIN_SCORE = 0.5  # pair score from which two sentences' addresses are compared (to check below AGREE)

_TYPES = (
    "street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|parkway|pkwy"
    "|highway|hwy|terrace|circle|trail|pike|loop|alley"
)
_TYPE = re.compile(rf"^(?:{_TYPES})\.?$", re.I)
_DIRECTION = re.compile(r"^(?:north|south|east|west|[nsew]|ne|nw|se|sw)\.?$", re.I)
_WORD = r"(?:[A-Z][\w.'’]*|\d+(?:st|nd|rd|th))"
_NUMBERED = re.compile(rf"\b(\d{{1,5}})\s+(block\s+of\s+(?:the\s+)?)?({_WORD}(?:\s+{_WORD}){{0,4}})")
# a street as news writes it, its name and type capitalised ("46th Avenue", "Dusty Lane", "Ave.")
_CAPITAL_TYPES = "|".join(t.capitalize() for t in _TYPES.split("|"))
_STREET = rf"(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){{0,2}}\s+(?:{_CAPITAL_TYPES})\b\.?"
_CROSSING = re.compile(rf"({_STREET})\s+(?:and|&)\s+({_STREET})")
_STOP = frozenset(w.lower() for w in MONTHS_AND_DAYS)
_ROAD_NUMBER = re.compile(r"\s+(\d{1,4})\b(?![,.]?\d)")
# a road known by a number: "County Road 20", "Highway 52", "Route 9", or its initials ("WCR 20")
_NUMBERED_ROAD = re.compile(r"^(?:(?i:road|rd|highway|hwy|route|rte)\.?|[A-Z]{2,4})$")


@dataclass(frozen=True)
class Address:
    street: str  # the street's name words, lower case, no direction or type: "seminary"
    low: int
    high: int
    text: str  # as written: "313 North Seminary", "1900 block of Payson Street"


def street_key(words: Sequence[str]) -> str:
    """A street's name as two reports both write it: no direction, no type ("N. Payson St." →
    "payson"); a numbered road by its initials and number, as a report may abbreviate it
    ("Weld County Road 20" and "WCR 20" → "wcr 20")."""
    if len(words) > 1 and words[-1].isdigit():
        initials = "".join(w if w.isupper() else w[0] for w in words[:-1] if not _DIRECTION.match(w))
        return f"{initials.lower()} {words[-1]}"
    return " ".join(w.lower() for w in words if not (_DIRECTION.match(w) or _TYPE.match(w)))


def addresses(text: str) -> list[Address]:
    """The numbered addresses of a sentence: a house number or a block on a street, told as an
    address by a block, a direction or a street type ("313 North Seminary", "the 1900 block of
    Payson Street"), not a count of things ("15 Republicans")."""
    out = []
    for m in _NUMBERED.finditer(text):
        before = text[: m.start()].split()
        if before and before[-1].rstrip(".,").lower() in _STOP:
            continue  # "Feb. 13": a date
        words: list[str] = []
        end = m.start(3)
        for w in re.finditer(r"\S+", m.group(3)):
            if w.group(0).rstrip(".,").lower() in _STOP:
                break
            words.append(w.group(0).rstrip(",."))
            end = m.start(3) + w.end()
            if _TYPE.match(w.group(0)):
                break
        if words and _NUMBERED_ROAD.match(words[-1]) and (road := _ROAD_NUMBER.match(text, end)):
            words.append(road.group(1))  # "County Road 20", "WCR 20": the number names the road
        told = bool(m.group(2)) or any(_DIRECTION.match(w) or _TYPE.match(w) for w in words)
        key = street_key(words)
        if not told or not key:
            continue
        n = int(m.group(1))
        low, high = (n // 100 * 100, n // 100 * 100 + 99) if m.group(2) else (n, n)
        out.append(Address(key, low, high, text[m.start() : m.start(3)] + " ".join(words)))
    return out


def compare_addresses(pairs: Iterable[Pair]) -> list[Link]:
    """Address conflicts of candidate pairs: one street, one address each, numbers that cannot
    both hold; stated when the sentences say the same thing, listed to check when less alike."""
    links = []
    for p in pairs:
        if p.score < MIN_SCORE:
            continue
        xs, ys = addresses(p.a.text), addresses(p.b.text)
        for street in sorted({x.street for x in xs} & {y.street for y in ys}):
            a = [x for x in xs if x.street == street]
            b = [y for y in ys if y.street == street]
            if len(a) != 1 or len(b) != 1 or (a[0].low <= b[0].high and b[0].low <= a[0].high):
                continue
            sure = ADDRESS_CONFIDENCE if p.score >= AGREE_SCORE else CROSSING_CONFIDENCE
            links.append(
                Link(
                    "place",
                    True,
                    LinkSide.of(p.a, a[0].text, a[0].text, "address", street, about="address"),
                    LinkSide.of(p.b, b[0].text, b[0].text, "address", street, about="address"),
                    p.score,
                    sure,
                )
            )
    return links


@dataclass(frozen=True)
class Crossing:
    streets: frozenset[str]
    anchors: frozenset[str]  # what the crossing is said of: "home", "shooting"
    text: str
    sentence: SentenceFacts


def _anchors(doc: Any, start: int) -> frozenset[str]:
    """What a place starting at ``start`` (a character offset) is said of, from the parse: the
    noun or verb its preposition hangs on, with that verb's subject ("The home is located near"
    → locate, home; "a home near" → home); light verbs ("be") say nothing."""
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None:
        return frozenset()
    while tok.dep_ in ("compound", "amod", "nummod") and tok.head.i != tok.i:
        tok = tok.head
    holder = tok.head.head if tok.dep_ == "pobj" else tok.head
    found = [holder] + [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    if holder.dep_ == "pobj":
        found.append(holder.head.head)
    return frozenset(
        t.lemma_.lower() for t in found if t.pos_ in ("NOUN", "VERB") and t.lemma_.lower() not in LIGHT
    )


def crossings(facts: Sequence[SentenceFacts], docs: Docs) -> list[Crossing]:
    """Every crossing of two streets a report places something at."""
    maybe = [f for f in facts if _CROSSING.search(f.text)]
    out = []
    for f, doc in zip(maybe, docs(f.text for f in maybe), strict=True):
        for m in _CROSSING.finditer(f.text):
            streets = frozenset(street_key(s.split()) for s in m.groups())
            out.append(Crossing(streets, _anchors(doc, m.start()), m.group(0).rstrip("."), f))
    return out


def compare_crossings(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[Link]:
    """Crossing conflicts between every two reports: the same thing placed at two crossings with
    no street in common, neither report placing it at the other's crossing as well."""
    told = [crossings(facts, docs) for facts in sentences]
    links = []
    for i, xs in enumerate(told):
        for ys in told[i + 1 :]:
            for x in xs:
                for y in ys:
                    anchors = x.anchors & y.anchors
                    if not anchors or x.streets & y.streets:
                        continue
                    if any(o.anchors & anchors and o.streets & x.streets for o in ys) or any(
                        o.anchors & anchors and o.streets & y.streets for o in xs
                    ):
                        continue  # a report that places it at both crossings gives no one place
                    about = min(anchors)
                    links.append(
                        Link(
                            "place",
                            True,
                            LinkSide.of(x.sentence, x.text, sorted(x.streets), "crossing", about=about),
                            LinkSide.of(y.sentence, y.text, sorted(y.streets), "crossing", about=about),
                            1.0,
                            CROSSING_CONFIDENCE,
                        )
                    )
    return links


# the street types a report may write short ("Ave.", "St"), by the word in full
_SHORT_TYPES = {
    "st": "street", "ave": "avenue", "rd": "road", "dr": "drive", "ln": "lane", "blvd": "boulevard",
    "ct": "court", "pl": "place", "pkwy": "parkway", "hwy": "highway",
}  # fmt: skip


@dataclass(frozen=True)
class Street:
    name: str  # street_key of the name: "reese"
    kind: str  # its type in full: "avenue"
    text: str  # as written: "Reese Avenue"
    sentence: SentenceFacts


def streets(facts: Sequence[SentenceFacts]) -> list[Street]:
    """Every street a report names by its name and type; not one whose name goes on ("Kansas
    Highway Patrol": an office, not a road)."""
    out = []
    for f in facts:
        for m in re.finditer(_STREET, f.text):
            if re.match(r"\s+[A-Z]", f.text[m.end() :]):
                continue
            words = m.group(0).rstrip(".").split()
            kind = words[-1].lower()
            out.append(Street(street_key(words), _SHORT_TYPES.get(kind, kind), m.group(0).rstrip("."), f))
    return out


def compare_street_types(sentences: Sequence[Sequence[SentenceFacts]]) -> list[Link]:
    """Street conflicts between every two reports that each name a street by one type, another
    type each ("1311 Reese Avenue" / "on Reese Street near Cottonwood Road", gva-dev 780664): one
    street told wrong, or two streets of one name; listed to check."""
    told = [streets(facts) for facts in sentences]
    return told_two_ways(
        "place",
        told,
        lambda s: s.name,
        lambda s: s.kind,
        lambda s: LinkSide.of(s.sentence, s.text, s.kind, "street", s.name, about="street"),
        CROSSING_CONFIDENCE,
    )


def street_level(label: str, sentence: str) -> bool:
    """Is a place as named a street ("Payson Street", or a name given a block: "the 1900 block
    of Payson")?"""
    words = label.split()
    return bool(words and _TYPE.match(words[-1])) or f"block of {label}".lower() in sentence.lower()


def finer_grain(links: Iterable[Link]) -> list[Link]:
    """Place conflicts less those of a street against an area (a town, a neighbourhood): one
    may lie inside the other ("the 1900 block of Payson Street" / "the Mondawmin area",
    Baltimore; gva-dev 778788), so they are no disagreement."""
    out = []
    for ln in links:
        if ln.aspect == "place" and ln.conflict and ln.a.key[2:3] == ("p",):
            streets = [
                all(street_level(label.strip(), s.text) for label in s.value_text.split(","))
                for s in (ln.a, ln.b)
            ]
            if streets[0] != streets[1]:
                continue
        out.append(ln)
    return out
