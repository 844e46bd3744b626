"""What fact a figure belongs to, read from the dependency parse: the noun it counts, the words
that narrow that noun, and the predicate it is an argument of.

Reports of one event repeat a figure in different words around one frame: "demand for $5.7
billion in funding" / "demands for $5.7 billion in funds"; two figures that only share a unit or a
noun sit in different frames: "Two heartland states filed suit" (file) / "Four states have
legalized marijuana" (legalize), "a two-year extension of tax cuts" / "a 13-month extension of
unemployment insurance" (the extension of what). ``frame`` gives the cross-check those parts as
``kind:lemma`` keys:

- ``noun:`` the noun the figure counts or sizes ("48-page indictment" → indictment, "60 days" → day);
- ``of:`` what a measure or part is of or in ("17 percent of Tea Party supporters" → supporter,
  "$5.7 billion in funding" → funding, "extension of tax cuts" → cut);
- ``mod:`` common words that narrow the noun or its of-phrase (adjectives, compounds: tax,
  heartland), not names (an owner says whose thing it is, not which);
- ``pred:`` the nearest verb or event noun the figure's phrase hangs on (demand, file, legalize);
- ``subj:`` that verb's subject, when the figure is not in it (who did what the figure measures);
- ``arg:`` its other objects, common nouns ("donated $15 million to charity" → charity);
- ``rel:subj`` when the figure counts the subject itself: those who did it ("Two states filed");
- ``rel:part`` when it counts a part of a group told beside it ("including 2 U.S. Marshals",
  "two of the juveniles"): a part is no figure for the whole;
- ``rel:modal`` when the predicate is wanted, possible or to come ("should pass"), not done.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from storyline.annotation.numbers import NUMBER_RE
from storyline.annotation.quote_cues import Parsed
from storyline.model import Quantity

_NARROWING = ("amod", "compound", "nmod")  # not "poss": an owner says whose, not which thing
# "percent of voters", "$5 million in aid", "funding for a wall", "$15 million to charity"
_OF = ("of", "in", "for", "on", "to")
_COMMON = ("NOUN", "ADJ")
_NUM_WORD = re.compile(r"\d")


def holds_figure(chunk: str) -> bool:
    """Does this stretch of text hold a number, so its parse may frame a figure?"""
    return NUMBER_RE.search(chunk) is not None


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _narrowing(t: Token, skip: set[int]) -> list[str]:
    """The common words that narrow ``t`` ("tax cuts" → tax, "heartland states" → heartland)."""
    return [
        f"mod:{_lemma(c)}"
        for c in t.children
        if c.dep_ in _NARROWING and c.i not in skip and c.pos_ in _COMMON and not _NUM_WORD.search(c.text)
    ]


def _of_phrase(t: Token) -> Token | None:
    """The object of the preposition after ``t`` that says what it is of or in."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ in _OF and prep.i > t.i:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


_COPULAS = ("be", "become", "remain", "seem")
_MODALS = ("should", "would", "could", "may", "might", "must", "will", "can", "'ll", "’ll")
_PART_PREPS = ("including", "among", "excluding", "besides")


def _part_of_named(noun: Token, of: Token | None) -> bool:
    """Is the figure a part of a group the sentence names as known: "two of the juveniles",
    "three of them"?"""
    if of is None or noun.pos_ not in ("NUM", "PRON") or of.head.lower_ != "of":
        return False
    return of.pos_ == "PRON" or any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in of.children)


def _arguments(pred: Token, skip: set[int]) -> list[Token]:
    """The predicate's other objects, which say what the figure is of when the verb carries it:
    "donated $15 million to charity" → charity."""
    out = [c for c in pred.children if c.dep_ == "dobj" and c.i not in skip and c.pos_ == "NOUN"]
    for prep in pred.children:
        if prep.dep_ == "prep" and prep.lower_ in _OF and prep.i not in skip:
            out += [c for c in prep.children if c.dep_ == "pobj" and c.i not in skip and c.pos_ == "NOUN"]
    return out


def frame_of(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The frame of the figure written by ``tokens`` (one parsed sentence's tokens)."""
    if not tokens:
        return ()
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    root = roots[-1] if roots else tokens[-1]
    noun = root
    # the figure modifies a noun ("48-page indictment", "four women", "$5 million budget")
    while noun.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and noun.head.i != noun.i:
        if noun.head.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
            break
        noun = noun.head
    keys = [f"noun:{_lemma(noun)}"]
    keys += _narrowing(noun, inside)
    of = _of_phrase(noun)
    if of is not None:
        keys += [f"of:{_lemma(of)}", *_narrowing(of, inside)]
    if _part_of_named(noun, of):
        keys.append("rel:part")
    # the predicate: the nearest verb or noun above the figure's phrase, past prepositions
    # (through another figure it is joined to: "paid $43 million in taxes and $13 million in ...")
    head = noun
    while head.head.i != head.i and (
        head.dep_ in ("pobj", "prep", "conj", "appos") or head is noun or head.pos_ in ("NUM", "SYM")
    ):
        head = head.head
        if head.dep_ == "prep" and head.lower_ in _PART_PREPS:
            keys.append("rel:part")  # "four officers were shot, including 2 U.S. Marshals"
        if head.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") and head.dep_ != "prep":
            break
    if head.i != noun.i and head.pos_ != "ADP":
        said = [c for c in head.children if c.dep_ in ("attr", "acomp")] if _lemma(head) in _COPULAS else []
        if said:  # "a 60-day suspension was the appropriate punishment": the predicate is what it is
            keys.append(f"pred:{_lemma(said[0])}")
        else:
            keys.append(f"pred:{_lemma(head)}")
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == head.i and not said:
            keys.append("rel:subj")  # the figure counts who did it: "Two states filed"
        subject_side = {t.i for t in noun.subtree}
        keys += [
            f"subj:{_lemma(c)}"
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in subject_side and c.pos_ in ("NOUN", "PROPN")
        ]
        keys += [f"arg:{_lemma(a)}" for a in _arguments(head, subject_side)]
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children):
            keys.append("rel:modal")  # "should pass some 20 measures": not done, or not yet
    return tuple(dict.fromkeys(keys))


def with_frames(quantities: Sequence[Quantity], parsed: Sequence[Parsed]) -> list[Quantity]:
    """The quantities with the frame of each that lies in a parsed sentence."""
    ordered = sorted(parsed, key=lambda p: p.base)
    bases = [p.base for p in ordered]
    out = []
    for q in quantities:
        i = bisect_right(bases, q.start) - 1
        if i < 0 or q.end > ordered[i].end:
            out.append(q)
            continue
        p = ordered[i]
        lo, hi = q.start - p.base, q.end - p.base
        tokens = [t for t in p.doc if t.idx < hi and lo < t.idx + len(t.text)]
        out.append(replace(q, frame=frame_of(tokens)))
    return out
