"""Turns of a transcript: paragraphs that open with a speaker's name in capitals and a colon, as
news pages print interviews and debates ("JAKE TAPPER: Donald Trump released …", "FALLIN: Well,
I think …"). The words after the label are the speaker's own, without quotation marks: each turn
is a direct quotation.

A label in capitals is as often page furniture ("UPDATE:", "RELATED:", "WATCH:", "WINNER:"), so a
label counts as a person's only when its last word is the surname of a person the article names
in its prose, or when the transcript gives one speaker a full label and a short one ("JAKE
TAPPER:" then "TAPPER:"); and a transcript is a dialogue: turns of at least two speakers (a
label repeated alone, "RAW VIDEO:" then "VIDEO:", is a list of links). A paragraph between two
turns with no label of its own carries on the turn before it, unless it is a stage direction
("(BEGIN VIDEO CLIP.)") or holds no words ("…."), after which nothing carries on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.annotation.names import display_names, key_for
from storyline.model import Entity, Quote

LABEL = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+): +(?=\S)")
SPEAKERS = 2  # a dialogue: one label alone is a heading ("EDITOR’S NOTE: …")


@dataclass(frozen=True)
class Turn:
    """One paragraph of a speaker's words ``text[start:end]`` under ``label`` as written, which
    begins at ``at`` (for a paragraph without one, the label of the turn it carries on, and ``at``
    is ``start``)."""

    label: str
    at: int
    start: int
    end: int

    @property
    def labelled(self) -> bool:
        return self.at < self.start


def surname(label: str) -> str:
    """The surname in a person key a label stands for: "JAKE TAPPER" → "tapper"."""
    return key_for(label.title(), "PERSON").split(":")[1]


def _stage(para: str) -> bool:
    """A stage direction ("(BEGIN VIDEO CLIP.)", "[CROSSTALK]") or a paragraph without words."""
    return para.lstrip().startswith(("(", "[")) or re.search(r"[A-Za-z]", para) is None


def find_turns(text: str, entities: Sequence[Entity]) -> list[Turn]:
    """The turns of the transcripts in ``text``, in order; none when it holds no transcript."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    labelled = {lo: m for lo, _ in paragraphs if (m := LABEL.match(text, lo)) is not None}
    labels = [m.group(1) for m in labelled.values()]
    heads = [(m.start(), m.end()) for m in labelled.values()]
    surnames = {
        e.key.split(":")[1]
        for e in entities
        if e.key.startswith("person:") and not any(a <= e.start < b for a, b in heads)
    }
    short = {surname(x) for x in labels if " " not in x}
    full = {surname(x) for x in labels if " " in x}
    turns: list[Turn] = []
    current: str | None = None
    pending: list[Turn] = []  # paragraphs without a label, kept once a later turn closes them in
    for lo, hi in paragraphs:
        m = labelled.get(lo)
        if m is not None and (surname(m.group(1)) in surnames or surname(m.group(1)) in short & full):
            turns.extend(pending)
            turns.append(Turn(m.group(1), lo, m.end(), hi))
            current, pending = m.group(1), []
        elif m is not None or _stage(text[lo:hi]):
            current, pending = None, []
        elif current is not None:
            start = hi - len(text[lo:hi].lstrip())
            pending.append(Turn(current, start, start, hi))
    return turns if len({surname(t.label) for t in turns}) >= SPEAKERS else []


def transcript_quotes(text: str, entities: Sequence[Entity]) -> list[Quote]:
    """Each turn of the transcripts in ``text`` as a direct quotation of the one its label names:
    the article's person of that surname as the prose names them, else the fullest label of the
    transcript ending in it, in title case ("JAKE TAPPER" → "Jake Tapper")."""
    turns = find_turns(text, entities)
    heads = [(t.at, t.start) for t in turns if t.labelled]
    names = display_names(e for e in entities if not any(a <= e.start < b for a, b in heads))
    labels = [t.label for t in turns if t.labelled]
    out = []
    for t in turns:
        last = surname(t.label)
        fullest = max((x for x in labels if surname(x) == last), key=len).title()
        key = next((k for k in names if k.split(":")[:2] == ["person", last]), key_for(fullest, "PERSON"))
        cue = f"{t.label}:" if t.labelled else None
        out.append(Quote(text[t.start : t.end], names.get(key, fullest), key, True, cue, t.start, t.end))
    return out
