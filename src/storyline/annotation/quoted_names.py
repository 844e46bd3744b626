"""Quotation marks around a name rather than someone's words: the title of a show, a book, a film
or a song ("said on “Fox News Sunday”", "who directed “The Golden Compass”", "his book, ‘The Art of
the Deal’", "a program called “Midday with Charlie Sykes”"). News sets such names in quotation
marks, so they look like quotations; crediting one to the person beside it makes two reports that
name the same show look as if they credited one remark to two people.

Decided by the quotation's role in the parsed sentence, not by its case alone: a quotation is a
name when it is a noun phrase (no verb of its own) spelled as a name (its longer words capitalised)
that fills a noun's place in the sentence around it (the object of a preposition or of a verb
that is not one of speaking, or set beside a noun: "the film “X”"), or when it is what something is
called ("a book titled “…”", "the show, dubbed “…”"), whatever its case. A title-cased quotation
that is a clause ("Speaker Paul Ryan Joins Growing List …") or stands as a sentence of its own is
someone's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from storyline.annotation.quote_cues import Parsed, quoted_words
from storyline.annotation.quotes import QuoteSpan
from storyline.annotation.speakers import SPEECH_LEMMAS, Cue, subject_of

# Verbs that give a thing its name: what follows them is the name, not words said.
NAMING = frozenset(("call", "title", "entitle", "dub", "name", "nickname", "headline", "label", "brand"))
# Where a name fills a noun's place: the object of a preposition or verb, beside a noun, the subject.
_NOUN_ROLES = frozenset(("pobj", "dobj", "appos", "compound", "nmod", "nsubj", "nsubjpass", "conj"))
_MAX_WORDS = 8  # a title longer than this is a rarity; words that long are a remark
_FUNCTION = frozenset(("DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "SYM"))


def spelled_as_name(words: Sequence[Token]) -> bool:
    """Is every word of the quotation capitalised but its small function words, as a title is
    spelled ("The Golden Compass", "Midday with Charlie Sykes"; not "the Iowa way")?"""
    content = [t for t in words if t.pos_ not in _FUNCTION]
    return bool(content) and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in content)


def quoted_name(q: QuoteSpan, text: str, parsed: Sequence[Parsed]) -> bool:
    """Is the quotation ``q`` of ``text`` a name by its role in its sentence (see the module)?"""
    if text[q.start : q.outer_end].rstrip("\"'”’»").endswith(("?", "!")):
        return False  # “Grizzly Adams?” Maddow repeated: a question or a cry is said
    found = quoted_words(q, parsed)
    if found is None:
        return False
    p, inside, heads = found
    if q.end > p.end:
        return False  # “Meet Melania Trump. Your next First Lady. …”: sentences are said
    if not inside or len(inside) > _MAX_WORDS:
        return False
    if len(heads) != 1 or heads[0].head.i == heads[0].i:
        return False  # several pieces, or the sentence's own root: words standing alone
    if not any(not t.is_punct for t in p.doc[: inside[0].i]):
        return False  # “Denver,” he answered: a quotation opening its sentence is words said
    head = heads[0]
    if _named(head):
        return True
    if any(t.pos_ in ("VERB", "AUX") for t in inside) or head.pos_ not in ("PROPN", "NOUN"):
        return False  # a clause, or not a noun phrase: someone's words
    return spelled_as_name(inside) and _fills_noun_place(head, {t.i for t in inside})


def _named(head: Token) -> bool:
    """ "a show called “…”", "a book titled “…”", "what is called “…”": the complement of a
    naming verb with no one named as its user. Not "Clinton called them “deplorables”", "what one
    conservative has dubbed “…”", "labeled “top secret” by the State Department", "an ad calling
    it “dangerous”": there the quotation is the word of the subject, the agent or the ad."""
    verb = head.head
    if verb.lemma_.lower() not in NAMING or head.dep_ not in ("oprd", "attr", "dobj", "xcomp", "npadvmod"):
        return False
    if any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "oprd") and c.i < head.i for c in verb.children):
        return False  # "The group's first ad called Obama an “elitist hypocrite”": what he is called
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in head.children):
        return False  # the agent hung on the name: "called “strategic ambiguity” by Joshua Hendrick"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl", "advcl"))


def _fills_noun_place(head: Token, quoted: set[int]) -> bool:
    """Does the quotation stand where a noun would, as a name does: "said on “Fox News Sunday”",
    "who directed “The Golden Compass”", "the film “X”"? Not after an indefinite article outside
    its marks ("waging a “War on Religion”", "an ‘Aunt Tom’"): a name takes none."""
    if head.dep_ not in _NOUN_ROLES or head.head.lemma_.lower() in NAMING:
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i not in quoted for c in head.children):
        return False
    if head.dep_ == "dobj":
        return head.head.lemma_.lower() not in SPEECH_LEMMAS  # "chanted “U-S-A”" is words said
    return True


_TERM_WORDS = 2  # a writer's term in quotation marks is a word or two ("aqua-musicals", "peace dividend")
_SPEAKS = frozenset(("PERSON", "ORG", "NORP", "GPE"))


def writers_term(q: QuoteSpan, text: str, parsed: Sequence[Parsed], cue: Cue | None) -> bool:
    """Is the quotation ``q`` the writer's own term in scare quotes ("a career of Hollywood
    “aqua-musicals”", "the star of WWII-era “aquatic musicals”", "the so-called “peace
    dividend”") rather than someone's words? A noun or adjective of a word or two inside narration
    (its sentence runs on before it) that no one in the parse says: the verb it hangs on is no
    speech or naming verb, and the ``cue`` attribution found for it, if any, is none either and
    has no subject who can speak (a named person or body, a personal pronoun). Crediting it to
    the person named nearest makes two reports that use a term look as if they quoted one remark
    in two wordings."""
    if text[q.start : q.outer_end].rstrip("\"'”’»").endswith(("?", "!")):
        return False  # a question or a cry is said
    found = quoted_words(q, parsed)
    if found is None:
        return False
    p, inside, heads = found
    if q.end > p.end or not inside or len(inside) > _TERM_WORDS or len(heads) != 1:
        return False
    head = heads[0]
    if head.head.i == head.i or head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False  # the sentence's own root, or not a noun or adjective phrase
    if any(t.pos_ in ("VERB", "AUX") for t in inside):
        return False  # a clause: words said
    if not any(not t.is_punct for t in p.doc[: inside[0].i]):
        return False  # a quotation opening its sentence is words said
    verb = _verb_above(head)
    if verb is not None and verb.lemma_.lower() in SPEECH_LEMMAS | NAMING:
        return False  # "The agency calls these “legacy systems”": someone's word for it
    if cue is None:
        return True
    if (
        cue.label is not None
        or cue.token.lower_ == "according"
        or cue.token.lemma_.lower() in SPEECH_LEMMAS | NAMING
    ):
        return False  # a speech verb, "according to", a tag: someone's words
    who = subject_of(cue)
    return who is None or not _can_speak(who)


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb a word hangs on, a copula passed through to the verb that governs it."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and tok.lemma_ != "be":
            return tok
    return None


def _can_speak(subj: Token) -> bool:
    """A subject that can have said the words: a named person or body, a personal pronoun."""
    return (
        subj.ent_type_ in _SPEAKS or subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they", "i", "we")
    )
