"""The group a bare definite plural speaker stands for: "Every Republican on the House
Intelligence Committee on Thursday demanded … In a letter, … the lawmakers slammed Schiff" (basil-dev),
"according to multiple intelligence sources who have seen the correspondence … according to the
sources" (PolNeAR). News names a group in full once and then refers back to it with "the" and a
plural noun; the speaker shown should be the group as named, not "the lawmakers".

A bare definite plural ("the" and a plural noun, nothing else) takes the latest group named before
it as the subject of a verb, within a window, when that group is of its kind: the same noun
("sources" … "the sources"), or members of a party or nation (spaCy's NORP: "Every Republican",
"Senate Democrats") for an office ("the lawmakers", "the senators").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from storyline.annotation.quote_cues import Parsed
from storyline.annotation.quotes import QuoteSpan
from storyline.annotation.roles import ROLE_NOUNS

QUANTIFIERS = frozenset(("every", "each", "all"))  # "Every Republican on the committee": a group
_MAX_TOKENS = 12  # a group named in more words than this is a clause, not a name


@dataclass(frozen=True)
class Group:
    """A group named as the subject of a verb: its words, where, its noun, and whether it is
    made of members of a party or nation."""

    text: str
    at: int
    lemma: str
    members: bool


def group_subjects(text: str, parsed: Sequence[Parsed], spans: Sequence[QuoteSpan]) -> list[Group]:
    """Subjects (and objects of "according to") outside quotations that name a group: a plural
    noun with words of its own ("five Missouri Republican senators", "multiple intelligence
    sources who have seen …") or a quantified one ("Every Republican on the House Intelligence
    Committee"), in text order."""
    out: list[Group] = []
    for p in parsed:
        for tok in p.doc:
            pos = p.base + tok.idx
            said_by = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
            if not (said_by or tok.dep_ in ("nsubj", "nsubjpass")) or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.is_punct:
                continue  # a dash the tagger took for a plural noun subject (ecbplus-dev 18_5) names no group
            quantified = any(c.dep_ == "det" and c.lower_ in QUANTIFIERS for c in tok.lefts)
            if not (quantified or tok.tag_ in ("NNS", "NNPS")) or bare_definite(tok):
                continue
            if any(q.outer_start <= pos < q.outer_end for q in spans):
                continue
            words = [t for t in tok.subtree if not (t.dep_ == "npadvmod" and t.head.i == tok.i)]
            words = [t for t in words if not t.is_punct or t.i < tok.i]
            if len(words) > _MAX_TOKENS:
                continue
            start, last = p.base + words[0].idx, words[-1]
            members = tok.ent_type_ == "NORP" or any(c.ent_type_ == "NORP" for c in tok.lefts)
            out.append(Group(text[start : p.base + last.idx + len(last)], pos, tok.lemma_.lower(), members))
    return sorted(out, key=lambda g: g.at)


def bare_definite(tok: Token) -> bool:
    """ "the lawmakers": "the" and a plural common noun, with no other word of its own."""
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
        return False
    lefts, rights = list(tok.lefts), [c for c in tok.rights if not c.is_punct]
    return len(lefts) == 1 and lefts[0].lower_ == "the" and not rights


def antecedent(tok: Token, groups: Sequence[Group], pos: int, window: int) -> Group | None:
    """The group a bare definite plural at ``pos`` refers back to, or None (see the module)."""
    lemma = tok.lemma_.lower()
    for g in reversed(groups):
        if g.at >= pos:
            continue
        if pos - g.at > window:
            return None
        if g.lemma == lemma or (g.members and lemma in ROLE_NOUNS):
            return g
    return None
