"""The same participant of one act told as two kinds across sources: "A boy was shot in the leg"
/ "A man was shot in the leg" (the victim's age group), a rifle / a shotgun (the weapon).

A report names the people of an incident by a noun that tells their sex and age group (``boy``,
``woman``: ``same_figure.noun_kind``), and the weapon by its kind. Two reports disagree on the
participant when the same act (the verb's lemma), with another of its arguments in common ("in the
leg"), has a subject or object of incompatible kinds. That is one participant only when neither
report names anyone of the other's kind: a report that also tells of a man may be telling of two
victims. The weapon is read from each report whole: a report that names one kind of gun only,
against another that names one other kind only ("brought a rifle into the building" / "a 12-gauge
pump-action shotgun", ecbplus-dev 18), is listed to check, as the two may be two guns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.candidates import AGREE_SCORE, Pair
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.predicates import Docs
from storyline.crosscheck.same_figure import noun_kind

Kind = tuple[str | None, str | None]  # (sex, age group), as ``noun_kind`` reads a person noun

# stated from here: the same act with an argument in common, in sentences that say the same thing
PERSON_KIND_CONFIDENCE = 0.65
# pair score from which two sentences' people are compared: the kind each gives lowers the score
# of two tellings of one act ("A boy was shot in the leg ... Monday afternoon" / "A man was shot
# in the leg ... on Monday afternoon": 0.53), so it is lower than an agreement's
KIND_SCORE = 0.45
UNSURE_CONFIDENCE = 0.5  # listed to check: sentences less alike, or a report read whole
# words that make the person one of several ("another man", "a second boy") or soften the age
# group ("a young man" may be the teenager another report calls a boy)
_SEVERAL = frozenset({"another", "other", "second", "third", "first", "both", "young", "little", "older"})
_ROLES = {"nsubj": "doer", "nsubjpass": "undergoer", "dobj": "undergoer"}
_ARGS = frozenset({"dobj", "pobj", "attr", "npadvmod"})

# the kinds of firearm, each disjoint from the others: the three a report names a gun by
_WEAPONS = {
    "rifle": "rifle",
    "shotgun": "shotgun",
    "handgun": "handgun",
    "pistol": "handgun",
    "revolver": "handgun",
}
_WEAPON = re.compile(r"\b(rifle|shotgun|handgun|pistol|revolver)s?\b(?!-)", re.I)  # not "pistol-whipped"


@dataclass(frozen=True)
class Described:
    """One person of a clause told by a kind noun: the act, the person's part in it, the kind."""

    act: str  # the verb's lemma
    role: str  # "doer" or "undergoer"
    kind: Kind
    text: str  # the noun with its determiner, as written: "A boy"
    others: frozenset[str]  # lemmas of the act's other arguments: "leg", "block"


def apart(a: Kind, b: Kind) -> bool:
    """Can one person not be both: another sex, or another age group (each where told)?"""
    return bool(a[0] and b[0] and a[0] != b[0]) or bool(a[1] and b[1] and a[1] != b[1])


def _others(verb: Any, person: Any) -> frozenset[str]:
    out = set()
    for c in verb.children:
        targets = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        out |= {t.lemma_.lower() for t in targets if t.i != person.i and t.dep_ in _ARGS and t.pos_ == "NOUN"}
    return frozenset(out)


def described(doc: Any) -> list[Described]:
    """The people a parsed sentence tells by one kind noun as the subject or object of a verb."""
    out = []
    for tok in doc:
        if tok.tag_ != "NN" or tok.dep_ not in _ROLES or tok.head.pos_ not in ("VERB", "AUX"):
            continue  # one person, named by a singular noun ("two men" may hold the one)
        kind = noun_kind(tok.lower_)
        if kind == (None, None) or any(c.lower_ in _SEVERAL or c.like_num for c in tok.children):
            continue
        det = next((c.text for c in tok.children if c.dep_ == "det"), "")
        text = f"{det} {tok.text}".strip()
        out.append(Described(tok.head.lemma_.lower(), _ROLES[tok.dep_], kind, text, _others(tok.head, tok)))
    return out


def kinds_named(text: str) -> set[Kind]:
    """The kinds of person a report names anywhere, by any person noun ("men", "his son")."""
    return {k for w in re.findall(r"[a-z]+", text.lower()) if (k := noun_kind(w)) != (None, None)}


def compare_person_kinds(pairs: Iterable[Pair], texts: Sequence[str], docs: Docs) -> list[Link]:
    """Person-kind conflicts of candidate pairs (``texts``: each source's whole text): the same act
    and role, another argument in common, kinds apart, and neither report naming anyone of the
    other's kind."""
    pairs = [p for p in pairs if p.score >= KIND_SCORE and kinds_named(p.a.text) and kinds_named(p.b.text)]
    sentences = list(dict.fromkeys(t for p in pairs for t in (p.a.text, p.b.text)))
    parsed = dict(zip(sentences, (described(d) for d in docs(sentences)), strict=True))
    named = [kinds_named(t) for t in texts]
    links = []
    for p in pairs:
        for x in parsed[p.a.text]:
            for y in parsed[p.b.text]:
                if x.act != y.act or x.role != y.role or not x.others & y.others or not apart(x.kind, y.kind):
                    continue
                if any(not apart(k, y.kind) for k in named[p.a.source]) or any(
                    not apart(k, x.kind) for k in named[p.b.source]
                ):
                    continue  # a report that names someone of the other's kind may tell of two people
                sure = PERSON_KIND_CONFIDENCE if p.score >= AGREE_SCORE else UNSURE_CONFIDENCE
                links.append(
                    Link(
                        "claim",
                        True,
                        Side.of(p.a, x.text, x.text.split()[-1].lower(), "kind", x.act, x.role, about=x.act),
                        Side.of(p.b, y.text, y.text.split()[-1].lower(), "kind", y.act, y.role, about=y.act),
                        p.score,
                        sure,
                    )
                )
    return links


def _weapons(facts: Sequence[SentenceFacts]) -> tuple[set[str], SentenceFacts | None, str]:
    """The kinds of gun a report names, the first sentence naming one and its word as written."""
    kinds: set[str] = set()
    first, word = None, ""
    for f in facts:
        for m in _WEAPON.finditer(f.text):
            kinds.add(_WEAPONS[m.group(1).lower()])
            if first is None:
                first, word = f, m.group(0)
    return kinds, first, word


def compare_weapons(sentences: Sequence[Sequence[SentenceFacts]]) -> list[Link]:
    """Weapon conflicts between every two reports that each name one kind of gun only, another
    kind each; listed to check (``sentences``: each report's sentence facts)."""
    told = [_weapons(facts) for facts in sentences]
    links = []
    for i, (ka, fa, wa) in enumerate(told):
        for kb, fb, wb in told[i + 1 :]:
            if fa is None or fb is None or len(ka) != 1 or len(kb) != 1 or ka == kb:
                continue
            links.append(
                Link(
                    "claim",
                    True,
                    Side.of(fa, wa, next(iter(ka)), "weapon", about="weapon"),
                    Side.of(fb, wb, next(iter(kb)), "weapon", about="weapon"),
                    1.0,
                    UNSURE_CONFIDENCE,
                )
            )
    return links
