"""What happens at a time expression, in a few words of the sentence: the predicate with its
subject and main argument, read from the dependency parse.

"Biden and Putin spoke by phone on Thursday" → "Biden and Putin spoke by phone"; "Russia warned
on Thursday of a 'complete rupture'" → "Russia warned of a complete rupture"; "talks between US and
Russian officials on January 10" → "talks between US and Russian officials". A bare verb
("speak") does not tell a reader which event a timeline row dates; the clause's core does.

The phrase keeps the sentence's own words in their order and drops what does not name the event:
the time expressions themselves, relative and adverbial clauses, appositions, reported speech
("said [that ...]") and punctuation. A part longer than a few words is cut to its head with the
words right before it ("the Russian president's ... call" → "the call"), so the phrase stays short.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from storyline.annotation.speakers import SPEECH_LEMMAS, WEAK_LEMMAS

Token = Any
Doc = Any
Span = Any

# Dependents that carry a clause or an aside, not the event's participants.
_DROP = {"relcl", "acl", "advcl", "appos", "parataxis", "punct", "ccomp", "csubj", "dep", "mark",
         "discourse", "intj", "meta", "npadvmod", "cc", "preconj"}  # fmt: skip
# Dependents that name who acts and on what.
_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_OBJECTS = ("dobj", "attr", "oprd", "dative", "acomp")
_VERB_GROUP = ("aux", "auxpass", "neg", "prt")
# Relative and interrogative words: "(talks) that will begin", "what the West agreed".
_WH = {"WDT", "WP", "WP$", "WRB"}
# A noun's own modifiers: "the January 10 talks", "Russia's offensive".
_NOUN_LEFT = ("det", "amod", "compound", "poss", "nummod", "case", "nmod", "quantmod")
# The most words one participant keeps before it is cut to its head.
_PART_WORDS = 5
_MAX_WORDS = 12


def event_phrase(doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """The event a time expression at characters ``start:end`` of a parsed sentence ``doc`` dates,
    as a short phrase; ``skip`` are the character spans of every time expression in the sentence.
    None when the parse gives no predicate."""
    found = _dated(doc, start, end, skip)
    if found is None:
        return None
    span, timed, head = found
    words = _verb_clause(head, timed) if head.pos_ in ("VERB", "AUX") else _noun_phrase(head, timed)
    phrase = _render(doc, words)
    owned = span.root.dep_ == "poss" and span.root.head.i == head.i
    if owned and not any(c.dep_ == "det" for c in head.lefts):
        phrase = f"the {phrase}"  # "Thursday's call": the date was its determiner
    return phrase or None


def told_phrase(doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """What the act a time expression dates tells, when that act is a telling: the clause its verb
    reports, as a short phrase ("The leaders said Tuesday [they had subpoenaed two of Flynn's
    businesses]" → "they had subpoenaed two of Flynn's businesses"). News dates a deed by the day
    it was announced as often as by the day it was done, and the deed is in the told clause, which
    ``event_phrase`` leaves out. None when the dated act reports no clause."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.dep_ for t in doc):
        return None
    timed = {t.i for a, b in skip for t in _tokens(doc, a, b)} | {t.i for t in span}
    head = _act_at(span, timed)
    told = [c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")] if head else []
    if head is None or head.pos_ != "VERB" or not told:
        return None
    return _render(doc, _verb_clause(told[0], timed)) or None


# Light verbs: the act is their object's noun ("issued subpoenas" is subpoenaing, "made an
# announcement", "gave a speech", "held a hearing", "filed a lawsuit", "launched an attack").
_LIGHT = frozenset({"issue", "make", "give", "take", "hold", "launch", "send", "file", "deliver", "conduct"})


def deed_lemmas(doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> str | None:
    """What was done at a time expression, as lemmas without its doer: the predicate's verb (or
    noun) with its object's noun (or its first preposition's) and the verb it takes ("refused to
    step down from his race" → refuse step race); for a telling, the deed it tells ("said Tuesday
    they had subpoenaed two of Flynn's businesses" → subpoena); for a light verb, its object
    ("issued subpoenas Tuesday" → subpoena). Reports of one deed name it with other words around
    it, one by the day it was told, the other by the day it was done: its verb or noun is what they
    share. None when the parse gives no predicate."""
    found = _dated(doc, start, end, skip)
    if found is None:
        return None
    _, timed, head = found
    if head.pos_ != "VERB":
        return head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") and head.i not in timed else None
    told = [c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    verb = told[0] if told else head
    lemmas = []
    for v in (verb, *[c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"][:1]):
        obj = [c for c in v.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN" and c.i not in timed]
        if not any(c.dep_ in ("dobj", "attr") for c in v.children):  # "comply with subpoenas"
            obj = [g for c in v.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"][:1]
            obj = [o for o in obj if o.pos_ == "NOUN" and o.i not in timed]
        if v.lemma_.lower() not in _LIGHT or not obj:
            lemmas.append(v.lemma_.lower())
        lemmas += [o.lemma_.lower() for o in obj[:1]]
    return " ".join(dict.fromkeys(w for w in lemmas if w.isalpha())) or None


def _dated(
    doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]]
) -> tuple[Span, set[int], Token] | None:
    """The expression's span, the tokens of every time expression in the sentence, and the
    predicate the expression dates; None when the sentence is unparsed or has no predicate."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.dep_ for t in doc):
        return None
    timed = {t.i for a, b in skip for t in _tokens(doc, a, b)} | {t.i for t in span}
    head = _act_at(span, timed)
    return None if head is None else (span, timed, head)


# the prepositions that give a telling its medium or occasion ("in a statement", "on his radio show",
# "at a news conference", "during a bond hearing"); "with" gives an instrument ("responded with two
# subpoenas"), "for" a cause, "of" a part
_MEDIUM_PREPS = frozenset({"in", "on", "at", "during"})


def _act_at(span: Span, timed: set[int]) -> Token | None:
    """The act a time expression dates: the predicate it attaches to (``_predicate``), the telling
    itself where that is the medium a telling went through ("told Huckabee on his radio show
    Tuesday", "said in a statement Monday", ``_telling``); or the clause "when" opens right after
    it, where that clause says what the date is the time of (``_when_clause``)."""
    head = _predicate(span, timed)
    when = _when_clause(span, timed, head)
    if when is not None:
        return when
    return None if head is None else _telling(head, timed)


def _when_clause(span: Span, timed: set[int], head: Token | None) -> Token | None:
    """The verb of a clause opened by "when" right after the expression, however the parse
    attaches it, where it is the act the date is the time of: set off by a comma, it names the
    date by what happened then ("dates back to March, when LePage claimed", "from Friday, when Mr.
    Boehner told reporters", "since 2006, when Jeffs was arrested"); without one, after a state the
    main clause holds ("The group was still in the car about 12:45 a.m. when a black sedan pulled
    up", "was escorting merchant ships Saturday when it received a distress call"). A main clause
    that tells an act of its own keeps the date ("was shot and killed Thursday when the car he was
    in was shot at")."""
    doc = span.doc
    comma = span.end < len(doc) and doc[span.end].text == ","
    i = span.end + comma
    if i >= len(doc) or doc[i].lower_ != "when":
        return None
    verb = doc[i].head
    if verb.i == i or verb.i in timed or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if comma or (head is not None and _state(head)) else None


def _state(verb: Token) -> bool:
    """Does the predicate hold a state rather than tell an act: a copula ("was in the car", "were
    at the party", "was asleep") or a verb in the progressive ("was escorting", "was walking")?"""
    if verb.pos_ == "AUX" and verb.lemma_ == "be":
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _telling(head: Token, timed: set[int]) -> Token:
    """The telling whose medium or occasion ``head`` is, when it is one: a noun in a preposition of
    place or time ("in", "on", "at", "during") of a verb that tells (a speech verb, or any verb that
    reports a clause): "told Huckabee on his radio show Tuesday", "said in a statement Monday", "said
    during a bond hearing Tuesday", "said at a news conference Wednesday". News dates a statement
    by its medium's day; the telling, its teller and what it told are the act. ``head`` itself
    otherwise: "responded with two additional subpoenas on Tuesday" is no telling, and "In a
    statement released Tuesday, he decried" dates the statement, the deed its teller names."""
    prep, verb = head.head, head.head.head
    if head.pos_ != "NOUN" or head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _MEDIUM_PREPS:
        return head
    if verb.pos_ != "VERB" or verb.i in timed or head.i in timed or _time_part(head, timed):
        return head
    lemma = verb.lemma_.lower()
    tells = lemma in SPEECH_LEMMAS and lemma not in WEAK_LEMMAS
    return verb if tells or any(c.dep_ == "ccomp" for c in verb.children) else head


def _time_part(noun: Token, timed: set[int]) -> bool:
    """Is the noun a part of the time itself ("in the early hours of Sunday, her family says")?"""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.i in timed for g in c.subtree) for c in noun.children
    )


def _tokens(doc: Doc, a: int, b: int) -> Iterable[Token]:
    s = doc.char_span(a, b, alignment_mode="expand")
    return s if s is not None else ()


def _predicate(span: Any, timed: set[int]) -> Token | None:
    """The verb or noun the expression attaches to, climbing over prepositions and other times."""
    tok = span.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return tok if tok.i not in timed and tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN") else None
        tok = tok.head
        if tok.i in timed or tok.pos_ in ("ADP", "NUM", "DET", "ADV", "PART", "ADJ", "SCONJ", "CCONJ"):
            continue
        if tok.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "PRON"):
            return tok if tok.pos_ != "PRON" else None
    return None


def _verb_clause(verb: Token, timed: set[int]) -> set[int]:
    """Subject, verb group, object and the first non-time preposition of ``verb``."""
    words = {verb.i}
    words |= {c.i for c in verb.children if c.dep_ in _VERB_GROUP}
    subject = [c for c in verb.children if c.dep_ in _SUBJECTS]
    host = verb
    # "Russia is expected to decide", "Putin warned ... and said": the subject is the head verb's
    while not subject and host.dep_ in ("xcomp", "conj") and host.head.i != host.i:
        if host.dep_ == "xcomp":
            words |= {host.head.i} | {c.i for c in host.head.children if c.dep_ in _VERB_GROUP}
        host = host.head
        subject = [c for c in host.children if c.dep_ in _SUBJECTS]
    for s in subject[:1]:
        words |= _part(s, timed) if s.tag_ not in _WH else set()
    # "talks that will begin in Geneva", "a charge that officials have made": the noun the clause
    # describes takes the place of its relative word (or of the subject it lacks)
    relative = not subject or any(c.tag_ in _WH for c in host.children if c.dep_ in _SUBJECTS + _OBJECTS)
    if relative and host.dep_ in ("relcl", "acl") and host.head.i not in timed:
        described = host.head
        while described.dep_ == "conj" and described.head.i != described.i:
            described = described.head  # "Mr Biden and Mr Putin, who met": the whole pair
        words |= _part(described, timed)
    objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.i not in timed and c.tag_ not in _WH]
    for o in objects[:1]:
        words |= _part(o, timed)
    act = _complement(verb, timed) if not objects else set()
    words |= act
    if not objects and not act:
        words |= _first_prep(verb, timed)
    if verb.dep_ == "xcomp":
        words |= {c.i for c in verb.children if c.dep_ == "aux"}
    return words


def _complement(verb: Token, timed: set[int]) -> set[int]:
    """The act a verb without an object takes as its infinitive ("refused [to step down from his
    race]", "agreed [to reopen the federal government]", "vowed [to remain in the race]"): the verb
    alone names a stance toward an act, and two reports tell one act with two such verbs; the
    infinitive with its object (or first preposition) is the act they share."""
    for c in verb.children:
        if c.dep_ != "xcomp" or c.pos_ != "VERB" or c.i in timed:
            continue
        words = {c.i} | {g.i for g in c.children if g.dep_ in _VERB_GROUP}
        objects = [g for g in c.children if g.dep_ in _OBJECTS and g.i not in timed and g.tag_ not in _WH]
        return words | (_part(objects[0], timed) if objects else _first_prep(c, timed))
    return set()


def _noun_phrase(noun: Token, timed: set[int]) -> set[int]:
    """The noun with its own modifiers and its first preposition ("talks between X and Y")."""
    words = _part(noun, timed, limit=_PART_WORDS + 2)
    return words | _first_prep(noun, timed)


def _first_prep(head: Token, timed: set[int]) -> set[int]:
    """The first preposition of ``head`` that is not a time ("by phone", "of a rupture")."""
    for c in head.children:
        if c.dep_ not in ("prep", "agent") or c.i in timed:
            continue
        obj = [g for g in c.children if g.dep_ == "pobj"]
        if not obj or obj[0].i in timed or any(t.i in timed for t in obj[0].subtree):
            continue
        return {c.i} | _part(obj[0], timed)
    return set()


def _part(tok: Token, timed: set[int], limit: int = _PART_WORDS) -> set[int]:
    """A participant: its subtree without clauses, asides and times; cut to its head with the
    modifiers right before it when longer than ``limit`` words."""
    words = _keep(tok, timed)
    if len([i for i in words if tok.doc[i].is_alpha or tok.doc[i].like_num]) <= limit:
        return words
    left: set[int] = set()
    for c in tok.lefts:  # each modifier whole: "a 52-year-old woman", "an ARM-based solution"
        if c.dep_ in _NOUN_LEFT and c.i not in timed:
            left |= _keep(c, timed)
    short = {tok.i} | left
    return short if len(short) <= limit else {tok.i}


def _keep(tok: Token, timed: set[int]) -> set[int]:
    out = {tok.i}
    for c in tok.children:
        joined = c.tag_ == "HYPH" or (tok.dep_ == "amod" and c.dep_ == "npadvmod")
        if joined and c.i not in timed:
            out |= _keep(c, timed)  # a hyphenated modifier whole: "52-year-old", "ARM-based"
            continue
        if c.dep_ in _DROP or c.i in timed or c.tag_ in _WH:
            if c.dep_ == "cc" and any(s.dep_ == "conj" for s in tok.children):
                out.add(c.i)  # "Biden and Putin": the "and" of a kept pair
            continue
        if c.dep_ == "prep" and any(g.i in timed for g in c.subtree):
            continue
        out |= _keep(c, timed)
    return out


def _render(doc: Doc, words: set[int]) -> str:
    """The kept words in sentence order; a gap where words were dropped becomes one space."""
    ordered = sorted(words)
    if len([i for i in ordered if doc[i].is_alpha]) > _MAX_WORDS:
        ordered = ordered[: _MAX_WORDS + 2]
    out: list[str] = []
    for n, i in enumerate(ordered):
        tok = doc[i]
        if tok.is_punct and tok.text not in ("'s", "’s") and (n == 0 or n == len(ordered) - 1):
            continue
        text = tok.text
        if out and not (ordered[n - 1] == i - 1 and not doc[i - 1].whitespace_):
            out.append(" ")
        out.append(text)
    phrase = "".join(out).strip(" ,;:")
    return phrase.strip("\"'“”‘’ ").replace(" ,", ",")
