"""A quote's occasion: how and to whom its speaker said it, read from the speech verb's parse.

News names the occasion of a remark beside its speech verb: the audience ("told CNN", "told
reporters", "in an interview with Politico"), the medium ("in a statement", "on Twitter",
"tweeted", "wrote in a letter") or the venue ("at a news conference", "during the hearing",
"on 'Fox News Sunday'"). One speaker speaks on many occasions, and says much the same thing on
each: two reports that quote him in different words on two occasions they name (a statement and
a television interview; CNN and Fox News) quote two remarks, not one remark two ways.

An occasion is a family of media (written, interview, press, speech) and the names of its
audience or programme. The families are the few ways a public figure speaks to the press; the
words naming each are the nouns and verbs news uses for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.crosscheck.words import MONTHS_AND_DAYS

# the medium a noun under the speech verb names: a written message (a statement, a post, a letter
# are one family: a statement is often posted, a letter released as one), an interview or a
# programme appearance, the press at large, a speech to an audience in a room, a campaign's ad
_FAMILIES = (
    ("written", "statement release readout tweet post letter memo op-ed email e-mail editorial column essay"),
    ("interview", "interview podcast show program programme appearance broadcast"),
    ("press", "reporter reporters journalist journalists gaggle briefing conference"),
    ("speech", "speech rally remarks address hearing debate floor ceremony crowd audience testimony"),
    ("ad", "ad advertisement commercial"),
)
FAMILY = {word: family for family, words in _FAMILIES for word in words.split()}
# the social networks a remark is posted on, names of a written medium ("on Twitter")
NETWORKS = frozenset({"twitter", "facebook", "instagram"})
VERB_FAMILY = {"tweet": "written", "write": "written", "post": "written", "testify": "speech"}
# the prepositions that bring in an occasion ("in a statement", "at a rally", "during the
# hearing", "on Twitter", "in remarks to reporters", "an interview with Politico")
_OCCASION_PREPS = frozenset({"in", "at", "during", "on", "to", "with", "via", "through"})
# names that are no audience: places, dates, people's groups ("said in Washington", "on Monday")
_NOT_AUDIENCE = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "CARDINAL", "ORDINAL"})


@dataclass(frozen=True)
class Occasion:
    """Where a quote was said: its media families and the names of its audience or programme."""

    families: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.families or self.names)


UNKNOWN = Occasion()


def _name_words(tok: Any) -> set[str]:
    """The proper-noun words of the phrase a token heads ("CNN's 'State of the Union'")."""
    words = (t.lower_ for t in tok.subtree if _is_name(t))
    return {w for w in words if w not in MONTHS_AND_DAYS and not w.endswith(".")}  # "Mr." is no name


def _is_name(tok: Any) -> bool:
    """A name, though the tagger may take a call sign for a noun ("told KTVI")."""
    return tok.ent_type_ not in _NOT_AUDIENCE and (
        tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start)
    )


def _noun_family(tok: Any) -> str | None:
    """The family a noun names: its lemma's, or a compound's ("news conference", "town hall");
    a network's name ("on Twitter") is its medium, an outlet's ("The Huffington Post") none."""
    if tok.lower_ in NETWORKS:
        return "written"
    for t in (tok, *(c for c in tok.children if c.dep_ == "compound")):
        if _is_name(t):
            continue
        family = FAMILY.get(t.lower_) or FAMILY.get(t.lemma_.lower())
        if family:
            return family
    return None


def _phrase(tok: Any, families: set[str], names: set[str], depth: int = 0) -> None:
    """Read one occasion phrase: a medium noun, and the names it carries or is given by a
    preposition of its own ("an interview with Politico", "a statement to The Times")."""
    family = _noun_family(tok)
    if family:
        families.add(family)
    elif _is_name(tok):
        # a name under "on" or "told": a programme or outlet ("on Fox News", "told CNN"); a
        # person's name ("told Hannity", "said to Mr. Schiff") may be an interviewer's or a
        # colleague's across a hearing's table: an audience, but no medium
        if tok.ent_type_ != "PERSON":
            families.add("interview")
    else:
        return
    if _is_name(tok):
        names |= _name_words(tok)
    for c in tok.children:
        if c.dep_ == "poss" and _is_name(c):  # "CNN's 'State of the Union'"
            names |= _name_words(c)
        if c.dep_ == "prep" and c.lower_ in _OCCASION_PREPS and depth < 2:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    if _is_name(obj) and family is not None:
                        names |= _name_words(obj)
                    else:
                        _phrase(obj, families, names, depth + 1)


def occasion_of(verb: Any, quoted: Sequence[tuple[int, int]] = ()) -> Occasion:
    """The occasion the speech verb's own words name: its audience ("told CNN"), the medium or
    venue its prepositions bring in, and the medium the verb is ("tweeted", "wrote"). A verb set
    beside the quoted clause ("In a statement, Cruz said, “…”": the parse hangs the statement on
    the quote's verb) shares that clause's phrases outside the quoted words (``quoted``: character
    spans in the sentence)."""
    families: set[str] = set()
    names: set[str] = set()
    family = VERB_FAMILY.get(verb.lemma_.lower())
    if family:
        families.add(family)
    children = list(verb.children)
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        children += [c for c in verb.head.children if c.i != verb.i]
    # a participle beside the verb tells how it was said ("Reading from a letter, Mr. Conaway
    # added", "speaking to reporters")
    children += [g for c in children if c.dep_ == "advcl" and c.tag_ == "VBG" for g in c.children]
    for c in children:
        if any(lo <= c.idx < hi for lo, hi in quoted):
            continue
        if c.dep_ in ("dative", "dobj") and verb.lemma_.lower() == "tell" and c.pos_ in ("PROPN", "NOUN"):
            _phrase(c, families, names)  # "told CNN", "told reporters"
        elif c.dep_ in ("prep", "agent") and c.lower_ in _OCCASION_PREPS:
            for obj in c.children:
                if obj.dep_ == "pobj":
                    _phrase(obj, families, names)
    return Occasion(frozenset(families), frozenset(names))


def speech_verb(sentence: Any, cue: str, outside: Sequence[tuple[int, int]]) -> Any | None:
    """The token of ``cue`` (the quote's speech verb as annotated) in the parsed sentence, outside
    the quoted words (character spans relative to the sentence)."""
    first = (cue or "").split()[:1]
    if not first:
        return None
    for tok in sentence:
        if tok.text == first[0] and not any(lo <= tok.idx < hi for lo, hi in outside):
            return tok
    return None


def other_occasions(a: Occasion, b: Occasion) -> bool:
    """Do two reports name two occasions: media of different families (a statement and a
    television interview; a briefing and a speech are one, reporters attend both), or two
    interviews with audiences named apart ("told CNN" / "told Fox News")? An occasion only one
    report names says nothing of the other's."""
    if not a or not b:
        return False
    fa, fb = a.families, b.families
    spoken = {"press", "speech"}
    if fa and fb and not (fa & fb) and not (fa <= spoken and fb <= spoken):
        return True
    return bool("interview" in fa & fb and a.names and b.names and not a.names & b.names)
