"""Who did one act, across sources: "she was found by a person out looking for her" / "found ...
by two family friends" (gva-dev 779987), "someone approached him and shot him in his hand" / "the
man shot himself on the hand by accident" (gva-dev 764955).

A report tells who did an act by the verb's subject, or by the "by" phrase of a passive verb;
whom it was done to by its object (or the passive subject). Two reports disagree on the doer when
the same act (the verb's lemma) is done to a person of one kind ("her", "the girl") by doers that
cannot be one: one person against two or more ("a person" / "two family friends"), people of
another sex or age group ("a boy" / "a man"), two named people ("Officer Smith" / "Officer
Jones"), or the victim against someone else ("shot himself" / "someone shot him"). A doer told
only by a pronoun or a word that may stand for anyone ("police", "the officer") says nothing of
who it was. Only an act a report tells with one doer and one kind of victim is compared: a report
that tells of several (police found him, after a passer-by had) tells of several acts; and words
inside a quote may tell what might have been. Read whole, two reports may still tell two acts, so
these are listed to check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.annotation.numbers import SMALL
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.participants import Kind, apart
from storyline.crosscheck.predicates import LIGHT, Docs
from storyline.crosscheck.same_figure import noun_kind
from storyline.crosscheck.words import REPORTING_STEMS, stem, tokens

AGENT_CONFIDENCE = 0.5  # listed to check: two reports read whole may tell two acts
_PRONOUN_KINDS: dict[str, Kind] = {
    **dict.fromkeys(("he", "him", "himself"), ("m", None)),
    **dict.fromkeys(("she", "her", "herself"), ("f", None)),
    **dict.fromkeys(("they", "them", "themselves"), (None, None)),
}
_REFLEXIVE = frozenset({"himself", "herself", "themselves"})
_ONE = frozenset({"a", "an", "one", "someone", "somebody"})  # a doer told as one person


@dataclass(frozen=True)
class Doer:
    """Who did an act, as far as a report tells it."""

    count: int | None  # 1 for one person, 2 for two or more, None when not told
    kind: Kind  # (sex, age group) a person noun tells
    name: frozenset[str]  # a named person's name words, lower case: {"officer", "hearst"}
    itself: bool  # the undergoer did it to itself ("shot himself")
    text: str  # as written: "a person", "two family friends"


@dataclass(frozen=True)
class Act:
    act: str  # the verb's lemma
    undergoer: Kind  # the person it was done to
    doer: Doer
    at: int  # the verb's offset in the sentence


@dataclass(frozen=True)
class Deed:
    act: str
    undergoer: Kind
    doer: Doer
    sentence: SentenceFacts


def _count(tok: Any) -> int | None:
    """One person or several, as the doer's words tell it: "a person", "someone" → 1; "two
    family friends", "friends" → 2; a collective told in one form ("police") or a name → None."""
    numbers = [c for c in tok.children if c.dep_ == "nummod"]
    if numbers:
        word = numbers[0].lower_
        n = SMALL.get(word) or (int(word) if word.isdigit() and len(word) < 3 else 0)  # not "a 2013 Camry"
        return 1 if n == 1 else 2 if n > 1 else None
    if tok.lower_ in ("someone", "somebody"):
        return 1
    if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in _ONE for c in tok.children):
        return 1
    return 2 if tok.tag_ == "NNS" and tok.lemma_.lower() != tok.lower_ else None


def _doer(tok: Any, undergoer: Any) -> Doer | None:
    """The doer a subject (or a passive verb's "by" object) tells, None when it tells nothing
    of who it was (a pronoun, a relative pronoun, a word for anyone)."""
    text = tok.doc[tok.left_edge.i : tok.i + 1].text
    if undergoer is not None and undergoer.lower_ in _REFLEXIVE:
        return Doer(None, (None, None), frozenset(), True, f"{text} {undergoer.text}")
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        name = frozenset(
            t.lower_ for t in tok.children if t.dep_ == "compound" and t.ent_type_ == "PERSON"
        ) | {tok.lower_}
        return Doer(1, (None, None), name, False, text)
    if tok.pos_ == "PRON" and tok.lower_ not in ("someone", "somebody"):
        return None
    kind = noun_kind(tok.lower_)
    count = _count(tok)
    if count is None and kind == (None, None):
        return None
    return Doer(count, kind, frozenset(), False, text)


def _undergoer(tok: Any) -> Kind | None:
    """The kind of person an act was done to (a personal pronoun, a person's name, a kind noun:
    "him" → (m, None), "the girl" → (f, child)); None when it was not done to a person."""
    if tok.lower_ in _PRONOUN_KINDS:
        return _PRONOUN_KINDS[tok.lower_]
    if tok.ent_type_ == "PERSON" or tok.lemma_ == "victim":
        return (None, None)
    kind = noun_kind(tok.lower_) if tok.pos_ == "NOUN" else (None, None)
    return kind if kind != (None, None) else None


def _misattached_agent(verb: Any) -> Any:
    """The "by" object of a passive verb that the parser hung on the noun of the verb's place
    or time phrase instead ("found ... in a dry canal east of Sky View High School by two family
    friends"): the noun a "by" phrase may hang on is the verb's own argument, and a place is not
    made by anyone."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            for by in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"):
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    return None


def acts(doc: Any) -> list[Act]:
    """The acts a parsed sentence tells a person's doer of and that were done to a person: (the
    verb's lemma, the kind of person done to, the doer)."""
    out = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in LIGHT or stem(verb.lower_) in REPORTING_STEMS:
            continue
        subject = obj = None
        for c in verb.children:
            if c.dep_ == "nsubj":
                subject = c
            elif c.dep_ in ("dobj", "nsubjpass"):
                obj = c
            elif c.dep_ == "agent":
                subject = next((g for g in c.children if g.dep_ == "pobj"), subject)
        if subject is None and obj is not None and obj.dep_ == "nsubjpass":
            subject = _misattached_agent(verb)
        if subject is None and verb.dep_ == "conj" and obj is not None and obj.dep_ == "dobj":
            # "someone approached him and shot him": the first verb's subject does the second
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or obj is None or (undergoer := _undergoer(obj)) is None:
            continue
        if (doer := _doer(subject, obj)) is not None:
            out.append(Act(lemma, undergoer, doer, verb.idx))
    return out


def doers_apart(a: Doer, b: Doer) -> bool:
    """Can the two doers not be one: the victim itself against someone told as another, one
    person against several, another sex or age group, or two names?"""
    if a.itself or b.itself:
        return a.itself != b.itself  # a doer not the victim is always one told (``_doer``)
    if a.count and b.count and a.count != b.count:
        return True
    if a.name and b.name:
        return not a.name & b.name
    return apart(a.kind, b.kind)


def _one_act(deeds: Sequence[Deed]) -> bool:
    """Do a report's tellings of one act give it one doer and one kind of victim?"""
    return not any(
        doers_apart(x.doer, y.doer) or apart(x.undergoer, y.undergoer) for x in deeds for y in deeds
    )


def names_known(doer: Doer, words: set[str]) -> bool:
    """Does the other report name the doer too ("Hayes" as the one shot)? Then it knows the
    person and gave the act to another: a parse that took the doer wrong, or two acts."""
    return bool(doer.name & words)


def report_deeds(facts: Sequence[SentenceFacts], docs: Docs) -> list[Deed]:
    """Every act a report tells as its own with a doer and an undergoer, in its order; not one
    inside quoted words, which may tell what might have been ("some kids come through ... and
    now my child is shot")."""
    out = []
    for f, doc in zip(facts, docs(f.text for f in facts), strict=True):
        for a in acts(doc):
            if not any(q.direct and q.start <= f.start + a.at < q.end for q in f.quotes):
                out.append(Deed(a.act, a.undergoer, a.doer, f))
    return out


def _verbs(tokens: Any) -> frozenset[str]:
    """The lemmas of the verbs that may tell an act (``acts``)."""
    return frozenset(t.lemma_.lower() for t in tokens if t.pos_ == "VERB") - LIGHT


def shared_acts(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[list[SentenceFacts]]:
    """Each report's sentences with a verb another report has too, read from the tags alone
    (``Docs.tagged``: the parse copies them): an act only one report tells is compared with
    nothing, and a crime story's other sentences need no parse for it."""
    verbs = [[_verbs(d) for d in docs.tagged(f.text for f in facts)] for facts in sentences]
    told = [frozenset().union(*vs) for vs in verbs]
    out = []
    for i, (facts, vs) in enumerate(zip(sentences, verbs, strict=True)):
        others = frozenset().union(*told[:i], *told[i + 1 :])
        out.append([f for f, v in zip(facts, vs, strict=True) if v & others])
    return out


def compare_agents(sentences: Sequence[Sequence[SentenceFacts]], docs: Docs) -> list[Link]:
    """One conflict per two reports and act done to one undergoer by doers that cannot be one,
    each report telling it with one doer only (``sentences``: each report's sentence facts)."""
    told = [report_deeds(facts, docs) for facts in shared_acts(sentences, docs)]
    words = [{w for f in facts for w in tokens(f.text.lower())} for facts in sentences]
    links = []
    for i, xs in enumerate(told):
        for j, ys in enumerate(told[i + 1 :]):
            for act in sorted({d.act for d in xs} & {d.act for d in ys}):
                a = [d for d in xs if d.act == act]
                b = [d for d in ys if d.act == act]
                if not (_one_act(a) and _one_act(b)):
                    continue  # one report telling of several doers or victims tells of several acts
                x, y = a[0], b[0]
                if (
                    not doers_apart(x.doer, y.doer)
                    or apart(x.undergoer, y.undergoer)
                    or names_known(x.doer, words[i + 1 + j])
                    or names_known(y.doer, words[i])
                ):
                    continue
                links.append(
                    Link(
                        "claim",
                        True,
                        Side.of(x.sentence, x.doer.text, x.doer.text, "doer", act, about=act),
                        Side.of(y.sentence, y.doer.text, y.doer.text, "doer", act, about=act),
                        1.0,
                        AGENT_CONFIDENCE,
                    )
                )
    return links
