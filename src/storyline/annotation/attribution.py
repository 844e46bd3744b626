"""Quotes with their speakers: direct quotations (by their marks) and indirect speech (a speech
verb governing a reported clause, or "according to X"), each given one speaker.

The order of preference for a direct quotation's cue and the pronoun rule are set out in
``speakers`` (the cue is chosen in ``quote_cues``); this module walks the article in order so that
"he said" can only look back, and gives quotations without a cue of their own a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from storyline.annotation.groups import Group, antecedent, bare_definite, group_subjects
from storyline.annotation.names import display_names, key_for
from storyline.annotation.namesakes import principal_keys
from storyline.annotation.quote_cues import Parsed, cue_for, not_speech
from storyline.annotation.quoted_names import quoted_name, writers_term
from storyline.annotation.quotes import QuoteSpan, find_quote_spans
from storyline.annotation.roles import RoleIndex
from storyline.annotation.speakers import (
    MESSAGES,
    NONHUMAN,
    PRONOUNS,
    SPEECH_LEMMAS,
    Cue,
    Speaker,
    appositive_name,
    can_speak,
    cues_in,
    entity_at,
    no_one,
    role_phrase,
    sentence_subjects,
    subject_of,
)
from storyline.annotation.transcripts import transcript_quotes
from storyline.model import Entity, Quote

SAME_MESSAGE = {"suit": "lawsuit"}  # "the suit says" is the lawsuit named before
WINDOW = 3000  # characters back that a pronoun may reach for its antecedent


def _within(spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    n = bisect_right(starts, pos)
    return n > 0 and spans[n - 1][1] > pos


class _Resolver:
    """Turns a subject token into a Speaker, remembering speakers for later pronouns."""

    def __init__(self, text: str, entities: Sequence[Entity], quotes: Sequence[QuoteSpan]) -> None:
        self.text = text
        self.entities = entities
        self.names = display_names(entities)
        self.history: list[Speaker] = []
        inside = sorted((q.outer_start, q.outer_end) for q in quotes)
        starts = [a for a, _ in inside]
        self.inside, self.inside_starts = inside, starts
        self.persons = [
            e for e in entities if e.label == "PERSON" and not _within(inside, starts, e.start)
        ]
        self.subjects: list[Entity] = []
        self.people: set[str] = set()  # names NER did not label PERSON but the text treats as one
        self.roles = RoleIndex.build(text, entities)
        self.described: list[Entity] = []  # "the Russian president" resolved to a person
        self.plurals: list[Speaker] = []  # people a later "they" may be: see ``_plural_subjects``
        self.groups: list[Group] = []  # groups a later "the lawmakers" may be: see ``groups``
        self.sentence_starts: list[int] = []  # where each parsed sentence begins, in order
        self.gender = honorific_gender(text, entities)
        self.named_things: set[int] = set()  # quotations that name or describe, not speech
        self.parsed: Sequence[Parsed] = ()  # the sentences parsed for quotes
        self.read: Sequence[Parsed] = ()  # every parsed sentence, where a message's author is sought

    def speaker(self, tok: Token, base: int, authored: bool = False) -> Speaker:
        """The speaker a subject token names (``authored``: already the author of a message)."""
        tok = _behind(tok, base, self.entities)
        pos = base + tok.idx
        kind = PRONOUNS.get(tok.lower_) if tok.pos_ == "PRON" else None
        if kind in ("m", "f"):
            same = self._earlier_in_sentence(tok, base, kind)
            if same is not None:
                return same
        if kind:
            return self._pronoun(kind, pos)
        ent = entity_at(self.entities, pos) or appositive_name(tok, base, self.entities)
        if ent is None and tok.dep_ == "appos":  # "the Sierra Club, an environmental group, which said"
            ent = entity_at(self.entities, base + tok.head.idx)
        if ent is not None and ent.label != "PERSON" and " " in ent.text and _described_as_person(tok):
            self.people.add(ent.text)  # NER called "Alejandro Mayorkas, the … secretary" an ORG
            return Speaker(ent.text, key_for(ent.text, "PERSON"), pos, True, False)
        if ent is not None and ent.label in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
            name, joint = self.names.get(ent.key, ent.text), self._joint(tok, base)
            return Speaker(name + joint, ent.key, pos, ent.label == "PERSON", bool(joint))
        a, b = role_phrase(tok)
        plural = tok.tag_ in ("NNS", "NNPS")
        lemma = tok.lemma_.lower()
        human = not plural and lemma not in NONHUMAN | MESSAGES and tok.pos_ in ("NOUN", "PROPN")
        phrase = self.text[base + a : base + b]
        if human and phrase.lower().startswith("the ") and tok.lower_ in self.roles.nouns:  # → Putin
            mods = [c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
            key = self.roles.resolve(tok.lemma_, mods)
            if key is not None:
                self.described.append(Entity(phrase, "PERSON", key, base + a, base + b))
                return Speaker(self.names.get(key, self.roles.names.get(key)), key, pos, True, False)
        if human and phrase.lower() == f"the {tok.lower_}":  # "the spokesperson": "a Google spokesperson"
            earlier = self._introduced(tok.lower_, pos)
            if earlier is not None:
                return replace(earlier, at=pos)
        if plural and bare_definite(tok):  # "the lawmakers": the group named before
            group = antecedent(tok, self.groups, pos, WINDOW)
            if group is not None:
                return Speaker(group.text, None, pos, True, True)
        own = _own_author(tok) if not plural and lemma in MESSAGES and not authored else None
        if own is not None:  # "a White House statement said": the White House
            # an organisation keeps its key ("name:white_house") like any organisation speaker;
            # its spokesperson reading the same words elsewhere is one source to the cross-check
            # (crosscheck/spokespeople.py), not a second speaker
            return replace(self.speaker(own, base, authored=True), at=pos)
        if not plural and lemma in MESSAGES and _definite(tok) and not authored:
            found = self._author(SAME_MESSAGE.get(lemma, lemma), pos)
            if found is not None:  # "the letter stated": the letter's author, named before
                return replace(self.speaker(found[0], found[1], authored=True), at=pos)
        return Speaker(phrase, None, pos, human, plural)

    def _introduced(self, noun: str, pos: int) -> Speaker | None:
        """The unnamed speaker a bare "the spokesperson" or "the official" points back to: the
        latest who spoke as "a(n) … spokesperson" ("A spokesperson for Google says …. “…,” the
        spokesperson said"), within reach."""
        said = re.compile(rf"(?i)an?\b.*\b{re.escape(noun)}\b")
        for s in reversed(self.history):
            if s.at < pos and pos - s.at < WINDOW and s.key is None and s.text and said.match(s.text):
                return s
        return None

    def _joint(self, tok: Token, base: int) -> str:
        """ " and …" for those a named subject speaks with ("Rep. Elijah Cummings and other House
        Democrats said", "Jones and Keeler said"): the words are all of theirs, so the speaker
        shown names them all; the key stays the first one's."""
        if not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
            # "nuclear experts David Albright and Serena Kelleher-Vergantini … wrote": the names
            # joined in the appositive
            named = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
            return self._joint(named[0], base) if named and tok.ent_type_ != "PERSON" else ""
        parts = []
        for c in tok.children:
            if c.dep_ != "conj" or c.pos_ not in ("PROPN", "NOUN"):
                continue
            described = c.pos_ == "NOUN" and any(t.text == "," for t in tok.doc[tok.i + 1 : c.i])
            if described or (c.tag_ == "NN" and not any(d.dep_ in ("det", "poss") for d in c.children)):
                # one person described twice: "Trump, the GOP frontrunner and current polling
                # leader", "Tom O’Halleran, Democrat of Arizona and the sponsor of the amendments"
                continue
            e = entity_at(self.entities, base + c.idx)
            a, b = role_phrase(c)
            if e is not None and e.label == "PERSON":  # not a party's part: "other House Democrats"
                parts.append(self.names.get(e.key, e.text))
            else:
                parts.append(self.text[base + a : base + b])
        return "".join(f" and {p}" for p in parts)

    def _author(self, message: str, pos: int) -> tuple[Token, int] | None:
        """Who sent, issued or wrote the latest message of this kind before ``pos`` ("Every
        Republican on the committee sent a letter …", "In a letter, the lawmakers slammed …")."""
        for p in reversed([p for p in self.read if p.base < pos and pos - p.base < WINDOW]):
            for t in reversed(p.doc):
                at = p.base + t.idx
                kind = SAME_MESSAGE.get(t.lemma_.lower(), t.lemma_.lower())
                if at >= pos or kind != message or _within(self.inside, self.inside_starts, at):
                    continue
                who = message_author(t)
                if who is not None:
                    return who, p.base
        return None

    def _earlier_in_sentence(self, tok: Token, base: int, kind: str) -> Speaker | None:
        """ "Sen. Claire McCaskill scolded him: “…,” she said": a person who is the subject of a verb
        earlier in the pronoun's own sentence, outside the quotation, is its nearest antecedent;
        failing one, the one person of its gender the sentence names before it, in any role."""
        for t in reversed(tok.doc[: tok.i]):
            quoted = _within(self.inside, self.inside_starts, base + t.head.idx)
            if t.dep_ not in ("nsubj", "nsubjpass") or quoted:
                continue  # "Trump, he said, “is a good man”": the quotation's own subject is not "he"
            if t.pos_ == "PRON" and PRONOUNS.get(t.lower_) == kind:  # "He also took aim at Harry
                return self._pronoun(kind, base + t.idx)  # Reid, who he said …": the first "he"
            e = entity_at(self.persons, base + t.idx)
            if e is not None and self.gender.get(e.key, kind) == kind:
                return Speaker(self.names.get(e.key, e.text), e.key, e.start, True, False)
        # "Oz’s dubious medical advice earned him the attention of Congress, where he appeared …":
        # no person is a subject, but the sentence names one person before the pronoun (in another
        # role), and only one; a name NER missed here but tagged a person elsewhere counts ("Oz’s")
        known = {e.key: e for e in self.persons}
        named: dict[str, Entity] = {}
        for t in tok.doc[: tok.i]:
            role = t.head if t.dep_ == "compound" else t  # "Mike" of "Mike Pence" has Pence's role
            if role.dep_ in ("nsubj", "nsubjpass") or t.pos_ != "PROPN":
                continue  # a subject was weighed above: "Trump, he said, “is …”" is not Trump's
            if _within(self.inside, self.inside_starts, base + t.idx):
                continue  # “… to confirm Judge Gorsuch …,” he told: a name in the words is not "he"
            e = entity_at(self.persons, base + t.idx)
            key = e.key if e is not None else key_for(t.text, "PERSON") if not t.ent_type_ else None
            if key in known and self.gender.get(key, kind) == kind:
                named.setdefault(key, known[key])
        if len(named) == 1:
            e = next(iter(named.values()))
            return Speaker(self.names.get(e.key, e.text), e.key, base + tok.idx, True, False)
        return None

    def _pronoun(self, kind: str, pos: int) -> Speaker:
        recent = [s for s in self.history if s.at < pos and pos - s.at < WINDOW and s.text]
        if kind in ("m", "f"):
            people = [s for s in recent if s.person and self.gender.get(s.key or "", kind) == kind]
            subj = [
                e
                for e in self.subjects
                if e.start < pos and pos - e.start < WINDOW and self.gender.get(e.key, kind) == kind
            ]
            if subj and (not people or subj[-1].start > people[-1].at):
                e = subj[-1]
                return Speaker(self.names.get(e.key, e.text), e.key, e.start, True, False)
            if people:
                return people[-1]
            named = [
                e
                for e in self.persons
                if e.start < pos and pos - e.start < WINDOW and self.gender.get(e.key, kind) == kind
            ]
            if named:
                e = named[-1]
                return Speaker(self.names.get(e.key, e.text), e.key, e.start, True, False)
        elif kind == "p":
            groups = [s for s in recent if s.plural or (s.key and not s.key.startswith("person:"))]
            groups += [s for s in self.plurals if s.at < pos and pos - s.at < WINDOW]
            if groups:
                return max(groups, key=lambda s: s.at)
        elif kind == "n":
            things = [s for s in recent if not s.person and not s.plural]
            if things:
                return things[-1]
        return Speaker(None, None, pos, False, False)

    def remember(self, s: Speaker) -> None:
        if s.text:
            self.history.append(s)


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def honorific_gender(text: str, entities: Sequence[Entity]) -> dict[str, str]:
    """Person keys the article itself marks "m" or "f" with an honorific ("Mr. Trump", "Mrs.
    Clinton", "Ms Conway"), the house style of many papers: a "she said" is then never Mr. Trump.
    People the article gives no honorific stay unknown and match either pronoun."""
    out: dict[str, str] = {}
    for e in entities:
        if e.label != "PERSON":
            continue
        m = _HONORIFIC.search(text[max(0, e.start - 6) : e.start]) or re.match(r"(Mr|Mrs|Ms|Miss)\b", e.text)
        if m:
            out.setdefault(e.key, "m" if m.group(1) == "Mr" else "f")
    return out


def _behind(tok: Token, base: int, entities: Sequence[Entity]) -> Token:
    """The one who speaks behind a subject that is not a name: the author of a message ("a
    fundraising email sent out by Sanders warned", "Trump's statement said", "a statement from
    the Clinton campaign"), the person at the end of coordinated titles ("said former
    Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell"), the object of a
    preposition misread as the subject ("Of Carson, Levine … said")."""
    if tok.pos_ == "ADP":
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        return objs[0] if objs else tok
    if entity_at(entities, base + tok.idx) is not None or tok.pos_ not in ("NOUN", "PROPN"):
        return tok
    if tok.lemma_.lower() in MESSAGES:
        for c in tok.children:
            if c.dep_ == "poss" and c.pos_ == "PROPN":
                return c
            by = [
                o
                for a in c.children
                if a.dep_ == "agent"
                for o in a.children
                if o.dep_ == "pobj" and o.pos_ == "PROPN"  # a name: not "released by each office"
            ]
            if c.dep_ == "acl" and by:
                return by[0]
            src = [o for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if c.dep_ == "prep" and c.lower_ == "from" and src:
                return src[0]
    for c in tok.children:
        e = entity_at(entities, base + c.idx)
        if c.dep_ == "conj" and e is not None and e.label == "PERSON":
            return c
    return tok


def _definite(tok: Token) -> bool:
    """A noun phrase that points back to one already introduced: "the letter", "that statement"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def message_author(msg: Token) -> Token | None:
    """The author of a message as the parse gives it: the subject of the verb that sends it ("the
    Security Council issued a statement"), or that acts in it ("In a letter, the lawmakers
    slammed …"), the agent of a participle on it ("a letter signed by every Republican"), its
    source ("a statement from the campaign"), or the agent of a passive that has it for subject
    ("The lawsuit, which was brought by Nebraska's attorney general, …")."""
    verb = msg.head
    if msg.dep_ == "pobj" and verb.lower_ in ("in", "through", "via") and verb.dep_ == "prep":
        verb = verb.head
    elif msg.dep_ == "appos" and verb.dep_ in ("dobj", "dative"):
        verb = verb.head  # "X has sent Ryan, R-Wis., a letter saying …": parsed beside the one sent to
    elif msg.dep_ == "nsubjpass":
        by = _agents(verb)  # "The lawsuit was brought by attorneys general in Nebraska and Oklahoma"
        return by[0] if by else None
    elif msg.dep_ != "dobj":
        verb = msg  # no verb of its own: only the message's own modifiers can name the author
    if verb.i != msg.i and verb.pos_ in ("VERB", "AUX"):
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        # not a subject that cannot speak: "The latest criticism comes in a letter …"
        if subj and subj[0].lemma_.lower() not in MESSAGES and can_speak(subj[0]):
            return subj[0]
    on = [c for c in msg.children if c.dep_ in ("acl", "relcl")]
    if verb.i != msg.i:  # "a letter released Tuesday and signed by …", the second participle
        on += [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]  # hung on the verb
    for c in on:
        by = _agents(c) or [b for v in c.conjuncts if v.tag_ == "VBN" for b in _agents(v)]
        if by:
            return by[0]
    return _source(msg)


def _source(msg: Token) -> Token | None:
    """Where a message comes from: "a statement from the campaign", or the paper it is printed in
    ("a Wednesday editorial in The Des Moines Register", "a piece in The Washington Post")."""
    for c in msg.children:
        src = [o for o in c.children if o.dep_ == "pobj"]
        if c.dep_ != "prep" or not src:
            continue
        if c.lower_ == "from" or (c.lower_ == "in" and src[0].ent_type_ == "ORG"):
            return src[0]
    return None


def _agents(verb: Token) -> list[Token]:
    """Who a passive verb names as its doer: the object of its "by" (a participle's "by" may be
    parsed as a plain preposition: "signed by nearly 90 faculty members")."""
    by = [
        a
        for a in verb.children
        if a.dep_ == "agent" or (verb.tag_ == "VBN" and a.dep_ == "prep" and a.lower_ == "by")
    ]
    return [o for a in by for o in a.children if o.dep_ == "pobj"]


def _own_author(msg: Token) -> Token | None:
    """The author a message names in its own words: a name before it ("a White House statement", "a
    Kremlin readout"), a named owner ("Trump's statement"), or its source or agent ("a statement
    from the campaign", "the statement released by each office"). Not a common noun before it ("a
    press statement"; "a sheriff's department press release" is the department's, not a sheriff's)
    nor a pronoun ("its statement")."""
    for c in msg.children:
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return c
    names = [
        c
        for c in msg.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < msg.i and c.ent_type_ not in ("DATE", "TIME")
    ]  # "a Wednesday editorial" is no one's
    if names:
        return names[-1]
    return message_author(msg) if msg.dep_ not in ("dobj", "pobj") else _source(msg)


def _described_as_person(tok: Token) -> bool:
    """A name with a human role beside it: "X, the homeland security secretary" or "economist X"."""
    for c in tok.children:
        role = c.dep_ == "appos" or (c.dep_ in ("compound", "amod") and c.i < tok.i)
        if role and c.is_lower and c.pos_ == "NOUN" and c.lemma_ not in NONHUMAN:
            return True
    return False


def _indirect(cue: Cue, quotes: Sequence[QuoteSpan]) -> tuple[int, int] | None:
    """Character span of the clause a speech verb reports, when it holds no quotation."""
    tok, base = cue.token, cue.base
    if tok.lower_ == "according":
        span = _according_clause(cue)
        if span is None or any(q.outer_start < span[1] and span[0] < q.outer_end for q in quotes):
            return None
        return span
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
    if not clauses:
        return None
    c = clauses[0]
    left, right = c.left_edge, c.right_edge
    if _dangling(right):  # "… meaningful progress but also | differences …": a conjunct parsed away
        right = _last_word(c.doc)
    while left.i < right.i and (left.dep_ == "mark" or left.is_punct):
        left = left.nbor(1)
    while right.i > left.i and right.is_punct:
        right = right.nbor(-1)
    start, end = base + left.idx, base + right.idx + len(right.text)
    if end - start < 12 or any(q.outer_start < end and start < q.outer_end for q in quotes):
        return None
    return start, end


def _dangling(tok: Token) -> bool:
    """A clause cannot end in a conjunction ("… but also"): the parser hung its last conjunct
    elsewhere, and the reported clause runs on to the end of the sentence."""
    return tok.pos_ == "CCONJ" or (tok.dep_ == "advmod" and tok.head.pos_ == "CCONJ")


def _last_word(sent: Doc) -> Token:
    last = sent[-1]
    while last.i > 0 and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    return last


def _according_clause(cue: Cue) -> tuple[int, int] | None:
    """What "according to X" reports: the rest of the sentence when the phrase opens or closes it;
    in the middle, the clause the phrase hangs on when it lies on one side of it, and nothing when
    the phrase interrupts that clause ("Mr Biden said the route taken, according to the official,
    will …" holds no whole statement before the comma)."""
    sent, tok, base = cue.token.doc, cue.token, cue.base
    phrase = {t.i for t in tok.subtree}
    lo, hi = min(phrase), max(phrase)
    words = [t for t in sent if t.i not in phrase and not t.is_punct and not t.is_space]
    before = [t for t in words if t.i < lo]
    after = [t for t in words if t.i > hi]
    if before and after:
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # spaCy makes a new Token each time
            head = head.head
        own = {t.i for t in head.subtree}
        if not any(t.i in own for t in after):
            after = []
        elif not any(t.i in own for t in before if t.dep_ != "mark"):
            before = []
        else:
            return None
    part = before if before else after
    if len(part) < 2:
        return None
    while part and part[0].dep_ == "mark" and part[0].i < lo:
        part = part[1:]  # "While the tone … was constructive": the statement, not "While"
    return base + part[0].idx, base + part[-1].idx + len(part[-1].text)


def find_quotes(
    text: str,
    parsed: Sequence[Parsed],
    entities: Sequence[Entity],
    subjects: Sequence[Entity] = (),
    context: Sequence[Parsed] = (),
) -> tuple[list[Quote], set[str], list[Entity]]:
    """Direct and indirect quotes of an article, in text order, one speaker each; the names the
    quotes showed to be people though NER had not labelled them so (see ``with_people``); and the
    role descriptions resolved to a person ("the Russian president"). ``subjects`` are people
    leading sentences that were not parsed, candidates for a later "he" or "she". ``context`` holds
    the sentences parsed for their dates or figures too: the one that sends a letter may hold no
    speech verb ("The latest criticism comes in a letter released Tuesday and signed by nearly 90
    faculty members …. The letter says, “…”")."""
    spans = find_quote_spans(text)
    entities = principal_keys(text, entities)  # "Mr. Cruz" is Ted, not the Heidi Cruz named last
    at = {e.start: e for e in entities}
    subjects = [at.get(e.start, e) for e in subjects]
    cues = {n: cues_in(p.doc, p.base, spans) for n, p in enumerate(parsed)}
    resolver = _Resolver(text, entities, spans)
    found_subjects = sentence_subjects([(p.doc, p.base) for p in parsed], entities, spans)
    resolver.subjects = sorted([*found_subjects, *subjects], key=lambda e: e.start)
    resolver.plurals = _plural_subjects(text, parsed, spans)
    resolver.groups = group_subjects(text, parsed, spans)
    resolver.sentence_starts = sorted(p.base for p in parsed)
    resolver.parsed = sorted(parsed, key=lambda p: p.base)
    resolver.read = sorted({p.base: p for p in [*parsed, *context]}.values(), key=lambda p: p.base)
    resolver.named_things = {q.start for q in spans if not_speech(q, parsed)}
    # a show's, a book's or a film's name in quotation marks, or the writer's own term in scare
    # quotes that no cue gives to anyone who speaks, is no one's words: not a quote
    said: list[QuoteSpan] = []
    used: set[int] = set()
    own: dict[int, tuple[Cue, QuoteSpan]] = {}
    for q in spans:
        if quoted_name(q, text, parsed):
            continue
        cue = cue_for(q, parsed, cues)
        if writers_term(q, text, parsed, cue):
            continue
        said.append(q)
        if cue is not None:
            own[q.start] = (cue, q)
            used.add(cue.start)
    events: list[tuple[int, QuoteSpan | Cue]] = [(q.start, q) for q in said]
    for cl in cues.values():
        events.extend((c.start, c) for c in cl if c.start not in used)
    events.sort(key=lambda e: e[0])
    found: dict[int, tuple[Quote, Speaker]] = {}
    out: list[Quote] = []
    for _, ev in events:
        if isinstance(ev, QuoteSpan):
            if ev.start in own:
                found[ev.start] = _attribute(text, ev, own[ev.start][0], resolver, spans)
            continue
        span = _indirect(ev, spans)
        subj = subject_of(ev)
        if span is None or subj is None or no_one(subj):
            continue
        s = resolver.speaker(subj, ev.base)
        resolver.remember(s)
        out.append(Quote(text[span[0] : span[1]], s.text, s.key, False, ev.text, span[0], span[1]))
    out.extend(_inherit(text, said, found, resolver))
    # a transcript's turns are quotations without marks, unless marks already hold one whole
    out.extend(t for t in transcript_quotes(text, entities) if not any(_holds(q, t) for q in out))
    return sorted(_repeated(out), key=lambda q: (q.start, q.end)), resolver.people, resolver.described


REPEATED = 8  # words a quotation must have for its words, quoted again, to name its speaker


def _repeated(quotes: list[Quote]) -> list[Quote]:
    """A quotation with no speaker, or none but one inherited, whose words the article quotes again
    with a named speaker takes that speaker: a pull quote set apart from the body ("…” / Dean
    Baker, Center for Economic and Policy Research."), a lede's quotation told in full further down
    ("Ryan said,“Look, …" after Paul Ryan "said “…”"). Only where the words are long enough to be
    one remark, and all their other quotations name one speaker."""
    said = [(_words_of(q.text), q) for q in quotes if q.direct and q.speaker_key]
    out = []
    for q in quotes:
        words = _words_of(q.text)
        if q.direct and (q.speaker is None or q.cue is None) and len(words.split()) >= REPEATED:
            # the words' speaker where this quotation has none, or where it has only one inherited
            # (no cue of its own) and the other quotation has a cue
            stronger = [
                r for w, r in said if r is not q and (q.speaker is None or r.cue) and _within_words(words, w)
            ]
            same = {(r.speaker, r.speaker_key) for r in stronger}
            if len(same) == 1:
                speaker, key = next(iter(same))
                q = replace(q, speaker=speaker, speaker_key=key)
        out.append(q)
    return out


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _within_words(a: str, b: str) -> bool:
    """One run of words holds the other, the shorter one at least ``REPEATED`` words long."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= REPEATED and f" {short} " in f" {long} "


def _holds(outer: Quote, inner: Quote) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _plural_subjects(text: str, parsed: Sequence[Parsed], spans: Sequence[QuoteSpan]) -> list[Speaker]:
    """Plural noun phrases that are the subject of a verb outside quotations, as written: "five
    Missouri Republican senators urged Akin to step aside. … “…,” they said" — the group a
    later "they" most likely stands for."""
    out: list[Speaker] = []
    for p in parsed:
        for tok in p.doc:
            pos = p.base + tok.idx
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ not in ("NNS", "NNPS"):
                continue
            if tok.lemma_.lower() in NONHUMAN or any(q.outer_start <= pos < q.outer_end for q in spans):
                continue
            a, b = role_phrase(tok)
            out.append(Speaker(text[p.base + a : p.base + b], None, pos, True, True))
    return out


_WHO = ("PROPN", "NOUN", "PRON")


def _outside(subj: Token | None, cue: Cue, spans: Sequence[QuoteSpan]) -> Token | None:
    """A subject the parser found inside a quotation ("… the politicians themselves,” Rep. Rodney
    Davis wrote") is not the speaker, nor is a clause the parse made the verb's subject (a star
    "likened to the Star of David, Speaker … Paul Ryan (R-WI) said"): take the name next to the verb."""
    if subj is None:
        return None
    quoted = any(q.outer_start <= cue.base + subj.idx < q.outer_end for q in spans)
    if not quoted and subj.dep_ != "csubj":
        return subj
    sent, verb = cue.token.doc, cue.token
    inside = [(q.outer_start - cue.base, q.outer_end - cue.base) for q in spans]
    free = [t for t in sent if not any(a <= t.idx < b for a, b in inside)]
    ids = {t.i for t in free}
    closing = [t.i for t in sent if t.i < verb.i and t.i not in ids]
    named = _set_off_name(free, verb, closing[-1]) if closing and quoted else None
    if named is not None:
        return named
    for t in reversed([t for t in free if t.i < verb.i and t.pos_ == "VERB"]):
        # "Mr. Strzok said he was “deeply saddened …,” adding, “…”": the participle hangs on a verb
        # inside the quotation; the speaker is the subject of the speech verb before it
        said = [c for c in t.children if c.dep_ == "nsubj" and c in free]
        if t.lemma_.lower() in SPEECH_LEMMAS and said:
            return said[0]
    # a date is no one: "… comments Tuesday, telling reporters, “…”"
    before = [t for t in free if t.i < verb.i and t.pos_ in _WHO and t.ent_type_ != "DATE"]
    if before and before[-1].i >= verb.i - 2:
        return _phrase_head(before[-1], free)
    after = [t for t in free if t.i > verb.i and t.pos_ in ("PROPN", "NOUN")]
    run = after[:1]
    while run and run[-1].i + 1 < len(sent) and sent[run[-1].i + 1].pos_ in ("PROPN", "NOUN"):
        run.append(sent[run[-1].i + 1])
    # a noun after the verb speaks only if it can: not "… after winning the primaries, said"
    return run[-1] if run and can_speak(run[-1]) else None


def _verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def _phrase_head(tok: Token, free: Sequence[Token]) -> Token:
    """The noun phrase a word closes, up to its head outside the quotation: "…,” William M.
    Daley, President Obama's former chief of staff, said" is Daley's, not "staff"'s. It never
    climbs onto a verb, and where it ends on no one's name, the highest name passed is the head:
    in "… a star likened to the Star of David, Speaker of the House Rep. Paul Ryan (R-WI) said “…”"
    the parse hangs Ryan on "Speaker", that on "Star" and that on "likened"; the speaker is Ryan."""
    ok = {t.i for t in free}
    inner = ("pobj", "prep", "appos", "compound", "poss")
    person = tok if tok.ent_type_ == "PERSON" else None
    while tok.dep_ in inner and tok.head.i in ok and tok.head.i < tok.i and not _verb(tok.head):
        tok = tok.head
        person = tok if tok.ent_type_ == "PERSON" else person
    return tok if person is None or tok.ent_type_ == "PERSON" else person


def _set_off_name(free: Sequence[Token], verb: Token, quote_end: int) -> Token | None:
    """ "“…,” Trump, the GOP frontrunner and current polling leader … after winning the New
    Hampshire primaries, said": a person named right after the quotation, with a description set
    off by commas up to the verb, is its subject however the parse hangs the description (token
    ``quote_end`` closes the quotation)."""
    after = [t for t in free if quote_end < t.i < verb.i and not t.is_punct]
    if not after or after[0].ent_type_ != "PERSON" or verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    name = after[0]
    while name.i + 1 < verb.i and name.nbor(1).ent_iob_ == "I":
        name = name.nbor(1)
    return name if name.i + 1 < verb.i and name.nbor(1).text == "," else None


def _attribute(
    text: str, q: QuoteSpan, cue: Cue, resolver: _Resolver, spans: Sequence[QuoteSpan]
) -> tuple[Quote, Speaker]:
    subj = _outside(subject_of(cue), cue, spans)
    if subj is not None and no_one(subj):
        subj = None  # "What that means …": no one; a neighbour's speaker, or none
    verb = cue.token
    silent = cue.label is None and verb.lemma_.lower() not in SPEECH_LEMMAS and verb.lower_ != "according"
    if subj is not None and silent and not can_speak(subj):
        subj = None  # a verb of narration governs it, and its subject cannot speak
    s = resolver.speaker(subj, cue.base) if subj is not None else Speaker(None, None, q.start, False, False)
    resolver.remember(s)
    return Quote(text[q.start : q.end], s.text, s.key, True, cue.text, q.start, q.end), s


def _inherit(
    text: str, spans: Sequence[QuoteSpan], found: dict[int, tuple[Quote, Speaker]], resolver: _Resolver
) -> list[Quote]:
    """Quotations without a cue of their own take the speaker of a neighbour in their paragraph, or
    of the quotation they reopen from the paragraph before, else the person the paragraph is about
    so far (see ``_paragraph_subject``)."""
    out: list[Quote] = []
    last: dict[int, Quote] = {}  # paragraph → latest attributed quote
    for n, q in enumerate(spans):
        if q.start in found:
            quote = found[q.start][0]
            if quote.speaker is None:
                quote = _neighbour(text, q, spans, found, n) or quote
        else:
            quote = (
                _led_since(text, q, spans, found, n, resolver)
                or _neighbour(text, q, spans, found, n)
                or Quote(text[q.start : q.end], None, None, True, None, q.start, q.end)
            )
        if q.continued and q.paragraph - 1 in last and quote.cue is None:
            prev = last[q.paragraph - 1]
            quote = Quote(quote.text, prev.speaker, prev.speaker_key, True, None, q.start, q.end)
        if not q.closed and q.start not in found:
            quote = _reopened(text, q, spans[n + 1 :], found) or quote
        if quote.speaker is None and q.start not in found:
            before = last.get(q.paragraph - 1)
            quote = _paragraph_subject(text, q, resolver) or _carried_on(text, q, resolver, before) or quote
        if quote.speaker is None:
            quote = _nearest_named(text, q, quote, resolver) or quote
        last[q.paragraph] = quote
        out.append(quote)
    return out


def _led_since(
    text: str,
    q: QuoteSpan,
    spans: Sequence[QuoteSpan],
    found: dict[int, tuple[Quote, Speaker]],
    n: int,
    resolver: _Resolver,
) -> Quote | None:
    """Two people in a paragraph: “It is a sad day,” Clinton told reporters. Sanders disagreed.
    “It is a great day.” — a quotation standing alone after a sentence led by a person, a sentence
    after the one that holds the paragraph's last attributed quotation and its tag, is that
    person's: the narration has turned to them since the earlier speaker."""
    prev = next((spans[m] for m in range(n - 1, -1, -1) if spans[m].start in found), None)
    if prev is None or prev.paragraph != q.paragraph:
        return None
    at = max(prev.outer_end, found[prev.start][1].at)  # past the earlier quotation and its tag
    end = next((p.end for p in resolver.parsed if p.base <= at < p.end), None)
    return _paragraph_subject(text, q, resolver, end) if end is not None else None


def _paragraph_subject(text: str, q: QuoteSpan, resolver: _Resolver, after: int = 0) -> Quote | None:
    """A quotation standing alone after a sentence whose main verb has a person for subject is
    that person's: “Sanders … identified young voters’ exhaustion with bigotry as one of the
    reasons …. “The younger people are … sick and tired of discrimination.” Only subjects from
    ``after`` on count."""
    para = text.rfind("\n", 0, q.outer_start) + 1
    starts = [b for b in resolver.sentence_starts if b <= q.outer_start]
    own = starts[-1] if starts else para  # the quotation's own sentence: "Trump would be “…”" is not Trump's
    if text[own : q.outer_start].strip():
        return None  # a phrase quoted inside narration ("wearing “Make America Great Again” hats")
    outside = {e.start for e in resolver.persons}  # not a subject inside another quotation
    subj = [e for e in resolver.subjects if max(para, after) <= e.start < own and e.start in outside]
    if not subj:
        return None
    e = subj[-1]
    name = resolver.names.get(e.key, e.text)
    return Quote(text[q.start : q.end], name, e.key, True, None, q.start, q.end)


def _nearest_named(text: str, q: QuoteSpan, quote: Quote, resolver: _Resolver) -> Quote | None:
    """A quotation nothing in the parse ties to anyone is, by news convention, the words of the
    named person or body nearest to it in its paragraph, outside quotation marks: the tag the
    parse missed ("“…” Murphy, the head of Right to Rise USA, Tweeted"), the interviewer's turn in
    a transcript, the quotation hung on a name in the sentence before."""
    para = text.rfind("\n", 0, q.outer_start) + 1
    if q.start in resolver.named_things:
        return None
    end = text.find("\n", q.outer_end)
    end = len(text) if end < 0 else end
    near = [
        e
        for e in resolver.entities
        if para <= e.start < end
        and e.label in ("PERSON", "ORG")
        and not _within(resolver.inside, resolver.inside_starts, e.start)
    ]
    if not near:
        return None
    e = min(near, key=lambda e: max(q.outer_start - e.end, e.start - q.outer_end, 0))
    name = resolver.names.get(e.key, e.text)
    return Quote(quote.text, name, e.key, quote.direct, quote.cue, quote.start, quote.end)


def _carried_on(text: str, q: QuoteSpan, resolver: _Resolver, before: Quote | None = None) -> Quote | None:
    """A paragraph that is nothing but a quotation carries on the speaker of the paragraph before:
    'Mr Gates said most ships could outrun the pirates.¶“As with terrorism, piracy is …”', or, when
    a person led a sentence there after the last speaker, that person: 'Trump was quick to add that
    the negotiation does not include nixing the idea.¶“Building it? Not negotiable.”'."""
    para = text.rfind("\n", 0, q.outer_start) + 1
    end = text.find("\n", q.outer_end)
    if text[para : q.outer_start].strip() or text[q.outer_end : len(text) if end < 0 else end].strip(" .,"):
        return None
    prev = text.rfind("\n", 0, max(para - 1, 0))
    while prev > 0 and not text[prev + 1 : para].strip():
        prev = text.rfind("\n", 0, prev)  # skip blank lines back to the paragraph before
    spoke = [s for s in resolver.history if prev < s.at < para and s.text]
    if before is not None and before.speaker and prev < before.start < para:
        # the last quotation of the paragraph before, as credited there: a pronoun's speaker ("…,”
        # he said") is remembered where its antecedent stands, which may be paragraphs earlier
        said = Speaker(before.speaker, before.speaker_key, before.start, True, False)
        spoke = sorted([*spoke, said], key=lambda s: s.at)
    led = [e for e in resolver.subjects if prev < e.start < para]
    if spoke and (not led or spoke[-1].at > led[-1].start):
        s = spoke[-1]
        return Quote(text[q.start : q.end], s.text, s.key, True, None, q.start, q.end)
    if not led:
        return None
    e = led[-1]  # "Trump was quick to add that ….¶“Building it? Not negotiable.”"
    return Quote(text[q.start : q.end], resolver.names.get(e.key, e.text), e.key, True, None, q.start, q.end)


def _reopened(
    text: str, q: QuoteSpan, later: Sequence[QuoteSpan], found: dict[int, tuple[Quote, Speaker]]
) -> Quote | None:
    """A quotation left open runs on into the next paragraph, so it is the words of whoever is
    named there: “… African-American.¶“I have been …,” added Rep. Jim Clyburn."""
    nxt = next((o for o in later if o.paragraph > q.paragraph), None)
    if nxt is None or not nxt.continued or nxt.start not in found:
        return None
    src = found[nxt.start][0]
    if src.speaker is None:
        return None
    return Quote(text[q.start : q.end], src.speaker, src.speaker_key, True, None, q.start, q.end)


def _neighbour(
    text: str, q: QuoteSpan, spans: Sequence[QuoteSpan], found: dict[int, tuple[Quote, Speaker]], n: int
) -> Quote | None:
    order = [m for m in range(n - 1, -1, -1)] + [m for m in range(n + 1, len(spans))]
    for m in order:
        other = spans[m]
        if other.paragraph != q.paragraph or other.start not in found:
            continue
        src = found[other.start][0]
        if src.speaker is not None:
            return Quote(text[q.start : q.end], src.speaker, src.speaker_key, True, None, q.start, q.end)
    return None
