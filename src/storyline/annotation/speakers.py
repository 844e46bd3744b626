"""Who said it: cues ("X said", "said X", "according to X", "as X put it") and their speakers.

Works on a dependency parse of only the sentences that hold a quotation mark, a speech verb or end
in a colon (the main pass runs without the parser; see ``pipeline``). A direct quotation takes the
cue nearest to it in news convention: a tag right after it (“…,” X said) beats one right before it
(X said: “…”), which beats a speech verb that governs it or a tag set off inside its clause. Failing
those: the clause before a colon (also a paragraph ending in one, and a transcript's "Name,
Outlet:"), then any verb that governs the quotation and whose subject can speak ("Clinton called
them “deplorables”"), then a short tag the tagger misread, then any cue in the same sentence. A
quotation with no cue of its own inherits from the quotation before or after it in the same
paragraph, from the next paragraph when it is left open there, from the paragraph before when it
reopens one, from a person who is the subject of an earlier sentence of its paragraph, or, when it
is a paragraph on its own, from the last speaker of the paragraph before. A pronoun speaker ("he
said") is a person who is the subject earlier in its own sentence, else the latest named person
who spoke or led a sentence before it, never one the article gives the other honorific; "they" is
the latest group that spoke or plural subject. A message as the subject ("…,” the letter stated)
stands for its author as the parse named them before ("X sent a letter", "In a letter, X …"); a
bare surname two named people share is the one introduced first (``namesakes``). Role
descriptions ("a senior administration official") are kept as written, without a key.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.annotation.doctext import char_tokens
from storyline.annotation.names import ABBREVIATED_TITLES
from storyline.annotation.quotes import QuoteSpan
from storyline.annotation.roles import ROLE_NOUNS
from storyline.model import Entity

_SAYING_LEMMAS = frozenset(
    str.split(
        """say tell add warn note insist argue claim explain write ask reply respond declare announce
    acknowledge admit suggest contend caution predict recall remark report stress emphasise
    emphasize maintain assert complain concede deny testify tweet joke conclude continue observe
    urge vow pledge promise threaten allege confirm put post quip muse lament boast charge
    counter recount describe state"""
    )
)
# How the words were said: verbs of manner of speaking and of complaint (Levin 1993, classes 37.3
# and 37.8), which news uses as tags ("…!” an officer shouts, “…?” Vitter demanded, the window
# washer yelled from his perch, “…”); speech only beside a quotation or with a clause they govern.
MANNER_LEMMAS = frozenset(
    str.split(
        """yell shout scream shriek chant whisper mutter mumble murmur exclaim bellow holler cry snap
    bark growl groan moan sigh gasp plead beg demand boast brag gripe grumble sneer scoff"""
    )
)
SPEECH_LEMMAS = _SAYING_LEMMAS | MANNER_LEMMAS
# Verbs that report speech only when they govern a clause or a quotation, not on their own.
WEAK_LEMMAS = MANNER_LEMMAS | frozenset(
    str.split("continue post put describe charge counter state report ask urge")
)
# Speech verbs whose direct object is the person addressed, never the speaker.
ADDRESSEE_LEMMAS = frozenset(str.split("tell ask warn urge assure inform remind answer"))
# Things that carry someone's words: the speaker of "a statement sent out by X" is X. So is the
# author of a filing or a published work quoted as if it spoke: "the lawsuit says" (brought by two
# states), "the criminal complaint said", "the resolution said" (the NAACP adopted it), "a paper
# from the Brookings Institution", "the unsigned opinion said" (the court).
MESSAGES = frozenset(
    str.split(
        """statement release letter memo tweet post email e-mail message readout transcript note ad
    lawsuit suit complaint filing petition resolution report study paper piece article editorial
    column opinion"""
    )
)
# Bodies and the things that carry words: not one human being, yet a speaker in their own right
# ("the ministry said", "the report found").
NONHUMAN = frozenset(
    str.split(
        """statement report release letter memo document tweet post study survey poll agency ministry
    government office department court administration kremlin committee council company firm
    group campaign readout transcript filing spokesperson_office"""
    )
)
# People named by what they are, not by office: the subjects news gives to a speech or a stance
# ("critics called it …", "a source familiar with …", "the public", "everyone").
PEOPLE = frozenset(
    str.split(
        """people public crowd audience staff family friend police member official source witness
    expert critic everyone everybody someone somebody anyone anybody nobody team party union"""
    )
)
# Outlets and accounts that publish words under their own name: "some Twitter accounts … put the
# location as “Wilayat Twitter”", "the website rated …", "the newspaper wrote".
OUTLETS = frozenset(
    str.split("account handle page channel website site outlet newspaper paper journal magazine network show")
)
# Word endings of nouns for people (the doer of an act, a follower, a holder of a post): "voter",
# "protester", "activist", "resident", "nominee", "executive", "Democrat", "congressman".
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ent", "ant", "ee", "ive", "crat", "man", "woman", "men")
# Pronouns and determiners that point at a thing or a statement, never at who spoke: "That
# suggests …", "What that means …:", "nothing that suggests …".
_THINGS = frozenset(str.split("this that which what whatever nothing something anything everything"))
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "him": "m", "her": "f", "them": "p"}
_NP_DEPS = frozenset(("det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod"))
ADJACENT = 8  # tokens between a cue and its quotation, beyond which the cue is not "next to" it
_QUOTE_CHARS = frozenset("“”‘’\"'«»")


def speech_forms() -> frozenset[str]:
    """Word forms of the speech verbs ("say", "says", "said", "saying"), for finding cues in raw
    text before any tagging: a false hit only costs a parse or a look-ahead."""
    forms = {"said", "told", "wrote", "put", "spoke", "according"}
    for lemma in SPEECH_LEMMAS:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return frozenset(forms)


@dataclass(frozen=True)
class Cue:
    """A speech verb (or "according to") at ``token`` of a parsed sentence starting at ``base``."""

    token: Token
    base: int  # character offset of the parsed sentence in the article
    label: str | None = None  # the cue as shown, where it is not the token's own word
    who: Token | None = None  # the speaker, where the cue names them outright (see ``subject_of``)

    @property
    def start(self) -> int:
        return self.base + self.token.idx

    @property
    def text(self) -> str:
        t = self.token
        if self.label is not None:
            return self.label
        if t.lower_ == "according":
            return "according to"
        return t.text


@dataclass(frozen=True)
class Speaker:
    text: str | None
    key: str | None
    at: int  # where the speaker is named (for pronoun resolution)
    person: bool
    plural: bool


def _is_cue(tok: Token) -> bool:
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        return True
    if tok.lemma_.lower() not in SPEECH_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if _passive(tok):
        return False  # "Trump was told …", "Trump, asked whether …, said": the one spoken to
    if tok.lemma_.lower() == "put":
        return any(c.lower_ == "it" for c in tok.children)  # "as X put it"
    if tok.lemma_.lower() in WEAK_LEMMAS:  # "asked X" only with what was asked: “Why?” asked X
        if any(c.dep_ in ("ccomp", "parataxis") or c.text in _QUOTE_CHARS for c in tok.children):
            return True
        # a tag next to a quotation: ?” Akin continued — or ?” Senate Majority Leader Mitch
        # McConnell, R-Ky., asked: the closing mark may sit a long name away
        near = tok.doc[max(0, tok.i - 2 * ADJACENT) : tok.i + 3]
        return any(t.text in _QUOTE_CHARS for t in near)
    return True


def _passive(tok: Token) -> bool:
    """A passive participle: "Trump was told …" (a passive auxiliary), or set off after the name
    with commas before the sentence's own verb, "Trump, asked whether …, said:" (the tagger often
    reads it as a past tense; the later verb then has no subject of its own)."""
    if tok.tag_ not in ("VBN", "VBD"):
        return False
    if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "’s") for c in tok.children):
        return True  # not "he’s maintained": the contraction is "has" as often as "is"
    if any(c.dep_ == "aux" for c in tok.children) or tok.i == 0 or tok.nbor(-1).text != ",":
        return False
    later = tok.head
    return later.i > tok.i and later.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in later.children)


def cues_in(sent: Doc, base: int, quotes: Sequence[QuoteSpan]) -> list[Cue]:
    """Speech cues of a parsed sentence that are not themselves inside a quotation."""
    out: list[Cue] = []
    if not len(sent):
        return out
    end = base + sent[-1].idx + len(sent[-1])
    inside = [(q.outer_start, q.outer_end) for q in quotes if q.outer_start < end and q.outer_end > base]
    for tok in sent:
        pos = base + tok.idx
        if any(a <= pos < b for a, b in inside):
            continue
        if _is_cue(tok):
            out.append(Cue(tok, base))
    return out


def subject_of(cue: Cue) -> Token | None:
    """The grammatical speaker of a cue: its subject, the object of "according to", or the subject
    of the verb a participle hangs on ("Mr Putin reacted, noting …")."""
    tok = cue.token
    if tok.lower_ == "according":
        to = tok.nbor(1)
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return objs[0] if objs else (to.nbor(1) if to.i + 1 < len(tok.doc) else None)
    if cue.who is not None:
        return cue.who  # a transcript's "Name, Outlet: “…”", a tag the parse missed
    if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        return tok.head  # "Said Ellis: “…”" parsed as one noun phrase
    seen = 0
    while seen < 4:
        by = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if by:
            return by[0]  # "… was written by Springsteen"
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj and subj[0].tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
            if tok.head.lemma_.lower() in MESSAGES and _authored(tok.head):
                tok = tok.head.head  # "The Post ran a piece that noted …": the Post
                seen += 1
                continue
            # "the group, which said …": the speaker is what "which" stands for; not a thing ("the
            # world lost a voice that said “…”")
            return tok.head if can_speak(tok.head) else None
        reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_LEMMAS and tok.head.i < tok.i
        # a speech verb of its own is a tag the parse hung on the clause it follows ("Comey cannot
        # say that “…,” Lewandowski added, saying …"): its subject is the one saying
        if subj and seen and reported and tok.lemma_.lower() not in SPEECH_LEMMAS:
            # "Byrne also wrote the agents knew to brace …, saying, “…”": the participle hangs on
            # the reported clause; the one saying it is the reporting verb's subject (one before
            # the clause: a "said" after it may be the quotation's own word, misparsed as its head)
            tok = tok.head
            seen += 1
            continue
        if subj:
            # "That group of Republicans, Mr. Corker said on Fox, was beginning …": a tag set off
            # inside the sentence is parsed with two subjects; the speaker is the one beside it.
            # A title cut off by its abbreviation point ("said Navy Capt. Jeff Davis") is no one.
            subj = [s for s in subj if not abbreviated_title(s)] or subj
            return min(subj, key=lambda s: abs(s.i - tok.i))
        own = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and named(c)]
        if own:
            # "… ends with Perry claiming, “…”": a gerund's own subject, parsed as a compound; so
            # is a tag the parser reads as a noun phrase ("…,” Conway notes.)
            return own[-1]
        if tok.dep_ == "pcomp":  # "Oz … was criticised for saying that …": the doer of the verb
            up = tok.head
            while up.pos_ in ("ADP", "SCONJ", "CCONJ") and up.head.i != up.i:
                up = up.head  # "… in promoting … and for saying"
            tok = up
            seen += 1
            continue
        if tok.dep_ in ("advcl", "xcomp", "conj", "acl", "relcl", "ccomp") and tok.head.i != tok.i:
            if tok.dep_ in ("relcl", "acl"):
                if _authored(tok.head):
                    tok = tok.head.head  # "Pence released a statement saying …": Pence, not the statement
                    seen += 1
                    continue
                # "Mary Lee, …, posted on Facebook:" — the noun the verb hangs on, if it can speak
                # (not "ended a debate with a reference to the film, remarking, “…”")
                return tok.head if can_speak(tok.head) else None
            if (
                tok.dep_ == "conj"
                and tok.head.lemma_.lower() not in SPEECH_LEMMAS
                and tok.head.dep_ != "ROOT"
            ):
                return _earlier_speaker(tok)  # "X said that … but said …" misattached
            tok = tok.head
            seen += 1
            continue
        break
    for c in cue.token.lefts:  # "Trump, asked whether he …, said:": the name hung on the participle
        if c.dep_ in ("ccomp", "advcl") and _passive(c):
            subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i]
            if subj:
                return subj[0]
        if c.dep_ == "ccomp" and (who := _relative_misread(c)) is not None:
            return who
    # "said Mr Putin’s adviser" parsed with the name as object or attribute — but the object of a
    # verb of telling is the one told ("…,” Bozell tells Breitbart News)
    if cue.token.lemma_.lower() in ADDRESSEE_LEMMAS:
        return None
    after = [c for c in cue.token.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > cue.token.i]
    # "…,” added a South Carolina Democrat": a member of a party or nation (NORP) is a person
    ents = [c for c in after if c.ent_type_ in ("PERSON", "ORG", "NORP") or c.lemma_.lower() in ROLE_NOUNS]
    return ents[0] if ents else None


def _relative_misread(clause: Token) -> Token | None:
    """ "Mr. Slinker, whose latest start-up, Paradata, uses big data …, said": the parse makes the
    name the subject of the relative clause's verb and leaves "said" without one. The name set
    off by a comma before "who"/"whose"/"which" is the one who said it."""
    for s in clause.children:
        nxt = s.doc[s.i + 1 : s.i + 3]
        if s.dep_ != "nsubj" or s.i >= clause.i or len(nxt) < 2:
            continue
        if nxt[0].text == "," and nxt[1].lower_ in ("who", "whose", "which"):
            return s
    return None


def abbreviated_title(tok: Token) -> bool:
    """A title written as an abbreviation ("Capt.", "Sen.", "Gov.") with a name after its point:
    the tokenizer splits it off there, and the parse may make it a subject of its own."""
    nxt = tok.doc[tok.i + 1 : tok.i + 3]
    return (
        tok.lower_ in ABBREVIATED_TITLES
        and len(nxt) == 2
        and nxt[0].text == "."
        and nxt[1].text[:1].isupper()
    )


def named(tok: Token) -> bool:
    """A person's name, or a proper noun NER left untyped ("Conway" in "…,” Conway notes.")."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and not tok.ent_type_)


def no_one(tok: Token) -> bool:
    """A subject that cannot be anyone who speaks, whatever its verb: a word that points at a thing
    or a statement ("That suggests …", "nothing that suggests …") or a verb the parse took for a
    noun ("superdelegates who’ve already said": "’ve", a contraction; not "according to White House
    pool reports", a noun tagged a verb)."""
    if tok.ent_type_:
        return False
    contraction = tok.pos_ in ("VERB", "AUX") and tok.text[:1] in "'’"
    return contraction or (tok.lower_ in _THINGS and tok.pos_ in ("PRON", "DET", "NOUN"))


def can_speak(tok: Token) -> bool:
    """Whether a subject is someone, or something standing for someone, who can say words: a
    name, a party or nation's member, a personal pronoun, a body or a message ("the ministry",
    "the report"), an office ("the senator") or a noun for people ("critics", "voters"). Asked of
    the subject of a verb that is not a speech verb (a clause before a colon, a verb governing a
    quotation), where narration or a subheading ("His criticism … was the president's choice:",
    "But polls did predict the Democratic caucus - HuffPollster:") would otherwise speak."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in PRONOUNS or tok.lower_ in ("i", "we", "you")
    lemma = tok.lemma_.lower()
    if lemma in ROLE_NOUNS or lemma in NONHUMAN or lemma in MESSAGES or lemma in PEOPLE | OUTLETS:
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
        return True  # "the Latvian journalist Dainis Ivans"
    return person_noun(tok)


def person_noun(tok: Token) -> bool:
    """A common noun for people by its ending ("voter", "staffer", "activist", "nominee"); not a
    "-ment" noun (a comment, a document, a moment)."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma.endswith(_PERSON_ENDINGS) and not lemma.endswith("ment")


def speaking_subject(verb: Token, quoted: set[int], tag: bool = False) -> Token | None:
    """Who acts in a verb that governs a quotation (token indices ``quoted``), when it is someone
    who can have said the words: a named person, group or place, a personal pronoun, people
    ("protesters", "critics") or a role ("the senator"); where the verb is the quotation's own
    head after it (``tag``), also one noun for people ("“Will he be the next attorney general?” a
    Democratic staffer in the room wondered"; not "The woman suffered a “through and through”
    wound"). A passive verb's agent counts; a subject that holds the quotation does not."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if agent:
        subj = [c for c in agent[0].children if c.dep_ == "pobj"]
    elif not subj and verb.dep_ == "xcomp":  # "… led journalist Dainis Ivans to fear a “…”"
        up = list(verb.head.children)
        subj = [c for c in up if c.dep_ == "dobj"] or [c for c in up if c.dep_ == "nsubj"]
    elif not subj and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = [verb.head]  # a sentence with a noun for root: "The group's ad called Obama a “…”"
    clause = {t.i for t in verb.subtree}  # the subject's own words, not the clause hung on it
    if not subj or any(t.i in quoted and t.i not in clause for t in subj[0].subtree):
        return None
    s = subj[0]
    if s.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        s = verb.head  # "Christie, who called Clinton a “disgrace”, …"
    if s.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or s.pos_ == "PROPN":
        return s
    if s.pos_ == "PRON":
        return s if s.lower_ in PRONOUNS or s.lower_ in ("i", "we") else None
    if s.pos_ == "NOUN" and (s.tag_ == "NNS" or s.lemma_.lower() in ROLE_NOUNS or (tag and person_noun(s))):
        return s
    if s.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in s.lefts
    ):
        return s  # someone's body: "Her campaign …, calling it “a big step”", "the Trump campaign"
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in s.children):
        return s  # "the Latvian journalist Dainis Ivans"
    return None


def _authored(noun: Token) -> bool:
    """A thing someone made that carries words, as the object of its author's verb: "Pence
    released a statement saying …", "Trump posted a tweet that said …". The words are the
    author's, so the speaker is the verb's subject."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or noun.pos_ != "NOUN":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON", "NOUN") for c in verb.children)


def _earlier_speaker(tok: Token) -> Token | None:
    for prev in reversed(tok.doc[: tok.i]):
        if prev.lemma_.lower() in SPEECH_LEMMAS and prev.pos_ == "VERB":
            subj = [c for c in prev.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return subj[0]
    return None


def role_phrase(tok: Token) -> tuple[int, int]:
    """Character span (within the sentence) of a noun phrase kept as written: determiners,
    modifiers and compounds to the left, a short "of"/"for"/"at" phrase to the right."""
    left = tok
    for c in reversed(list(tok.lefts)):  # nearest first, stopping at the first gap or odd one
        if c.right_edge.i != left.i - 1 or c.dep_ not in _NP_DEPS:
            break
        if c.dep_ == "amod" and c.pos_ not in ("ADJ", "VERB", "PROPN", "NUM"):
            break  # "a move Russian officials said": "move" is not part of who spoke
        left = c.left_edge
    right = tok
    for c in tok.rights:
        prep = c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "with", "in")
        adj = c.dep_ == "amod" and c.pos_ == "ADJ"  # "people familiar with the matter"
        if (prep or adj) and c.right_edge.i - tok.i <= 6:
            right = c.right_edge
        else:
            break
    while left.i < tok.i and left.is_punct:
        left = left.nbor(1)
    while right.i > tok.i and right.is_punct:
        right = right.nbor(-1)
    return left.idx, right.idx + len(right.text)


def entity_at(entities: Sequence[Entity], pos: int) -> Entity | None:
    """The entity at character ``pos``; ``entities`` are in text order and do not overlap."""
    n = bisect_right(entities, pos, key=_start)
    return entities[n - 1] if n and pos < entities[n - 1].end else None


def _start(e: Entity) -> int:
    return e.start


def appositive_name(tok: Token, base: int, entities: Sequence[Entity]) -> Entity | None:
    """ "Russia’s foreign minister, Sergey Lavrov, said" names its speaker in the appositive."""
    for c in tok.children:
        if c.dep_ == "appos" or (c.dep_ == "npadvmod" and c.i > tok.i):
            e = entity_at(entities, base + c.idx)
            if e and e.label in ("PERSON", "ORG"):
                return e
    return None


def sentence_subjects(
    parsed: Sequence[tuple[Doc, int]], entities: Sequence[Entity], quotes: Sequence[QuoteSpan] = ()
) -> list[Entity]:
    """People who are the subject of a parsed sentence's main verb: "Putin repeated his claims"
    makes Putin the likelier "he" of the next sentence than a speaker quoted earlier. A verb inside
    a quotation is the speaker's words, not the narrative: "Trump, he said, “is a good man”"."""
    out = []
    for sent, base in parsed:
        for tok in sent:
            main = tok.dep_ == "ROOT" or (tok.dep_ in ("advcl", "conj") and tok.head.dep_ == "ROOT")
            if not main or any(q.outer_start <= base + tok.idx < q.outer_end for q in quotes):
                continue  # not the subject of a reported clause: "X said Y did Z. He …" is X
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    e = entity_at(entities, base + c.idx) or _titled(c, base, entities)
                    if e is not None and e.label == "PERSON":
                        out.append(e)
    return out


def leading_subjects(doc: Doc, spans: Sequence[tuple[int, int]], entities: Sequence[Entity]) -> list[Entity]:
    """For sentences that were not parsed: a person named before the sentence's first verb, the
    likely subject ("On Friday, Liz Cheney issued a statement …")."""
    people = [e for e in entities if e.label == "PERSON"]
    out: list[Entity] = []
    if not people:
        return out
    for a, b in spans:
        a = _past_opening_clause(doc, a, b)
        n = bisect_left(people, a, key=_start)
        if n == len(people) or people[n].start >= b:
            continue
        first = people[n]
        if first.start == a:  # "Hillary Clinton met Tim Kaine.": named first, before any verb
            out.append(first)
            continue
        span = char_tokens(doc, a, first.start)
        if span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span):
            out.append(first)
    return out


def _past_opening_clause(doc: Doc, a: int, b: int) -> int:
    """Where a sentence's main clause starts: after the comma that closes a clause opening it with a
    subordinating conjunction ("While rights groups cried foul, James Clapper issued a statement"),
    whose subject is not the sentence's."""
    span = char_tokens(doc, a, b)
    if span is None or not len(span) or span[0].pos_ != "SCONJ":
        return a
    comma = next((t for t in span if t.text == ","), None)
    return comma.idx + 1 if comma is not None else a


def _titled(subj: Token, base: int, entities: Sequence[Entity]) -> Entity | None:
    """The person a title subject ends in: "Director of National Intelligence James Clapper issued
    …" is parsed with "Director" for subject and the name inside its "of" phrase."""
    last = subj.right_edge
    if subj.pos_ not in ("NOUN", "PROPN") or last.pos_ != "PROPN" or last.i - subj.i > 8:
        return None
    e = entity_at(entities, base + last.idx)
    return e if e is not None and e.end == base + last.idx + len(last) else None
