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
- ``mod:`` words that narrow the noun or its of-phrase (adjectives, compounds: tax, heartland);
- ``pred:`` the nearest verb or event noun the figure's phrase hangs on (demand, file, legalize);
- ``subj:`` that verb's subject, when the figure is not in it (who did what the figure measures).
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

_NARROWING = ("amod", "compound", "nmod", "poss")
_OF = ("of", "in", "for", "on")  # "percent of voters", "$5 million in aid", "funding for a wall"
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
_NUM_WORD = re.compile(r"\d")


def holds_figure(chunk: str) -> bool:
    """Does this stretch of text hold a number, so its parse may frame a figure?"""
    return NUMBER_RE.search(chunk) is not None


def _lemma(t: Token) -> str:
    return (t.lemma_ or t.text).lower()


def _narrowing(t: Token, skip: set[int]) -> list[str]:
    """The content words that narrow ``t`` ("tax cuts" → tax, "Tea Party supporters" → tea, party)."""
    return [
        f"mod:{_lemma(c)}"
        for c in t.children
        if c.dep_ in _NARROWING and c.i not in skip and c.pos_ in _CONTENT and not _NUM_WORD.search(c.text)
    ]


def _of_phrase(t: Token) -> Token | None:
    """The object of the preposition after ``t`` that says what it is of or in."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ in _OF and prep.i > t.i:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


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
    # the predicate: the nearest verb or noun above the figure's phrase, past prepositions
    head = noun
    while head.head.i != head.i and (head.dep_ in ("pobj", "prep", "conj", "appos") or head is noun):
        head = head.head
        if head.pos_ in ("VERB", "NOUN", "PROPN", "ADJ", "AUX") and head.dep_ != "prep":
            break
    if head.i != noun.i and head.pos_ != "ADP":
        keys.append(f"pred:{_lemma(head)}")
        subject_side = {t.i for t in noun.subtree}
        keys += [
            f"subj:{_lemma(c)}"
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i not in subject_side and c.pos_ in ("NOUN", "PROPN")
        ]
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
