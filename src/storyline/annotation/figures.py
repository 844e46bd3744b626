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
- ``sort:`` the words that narrow the noun the figure is the value of ("an effective federal tax
  rate of 35.7 percent", "his average federal tax rate was 36 percent", "a combined rate of 45.8
  percent"): two values of rates narrowed apart are two rates' values;
- ``pred:`` the nearest verb or event noun the figure's phrase hangs on (demand, file, legalize);
- ``subj:`` that verb's subject, when the figure is not in it (who did what the figure measures);
- ``arg:`` its other objects, common nouns ("donated $15 million to charity" → charity);
- ``rel:subj`` when the figure counts the subject itself: those who did it ("Two states filed");
- ``rel:part`` when it counts a part of a group told beside it ("including 2 U.S. Marshals",
  "two of the juveniles"): a part is no figure for the whole;
- ``rel:modal`` when the predicate is wanted, possible or to come ("should pass"), not done;
- ``how:`` a manner adverb narrowing the predicate ("three were fatally shot" → fatally): those
  shot fatally are a part of those shot, so the two counts are of two sets;
- ``own:`` whose the counted thing is, by name or possessive ("Tea Party supporters" → tea, party;
  "the suspect's car" → suspect): two figures of different owners are two facts; a place is no
  owner ("an 8-year-old Lodi girl" is a girl from Lodi, not Lodi's);
- ``time:`` the date or time the figure's clause gives ("on Tuesday", "last year", "at 3 a.m."):
  a figure of one period is no other value for another period's;
- ``rel:total`` when the figure is a whole ("a total of 12", "all 42 members", "in all");
- ``why:`` what the act is told to come from ("missed three games with a fractured forearm" →
  forearm): one act from two causes is two facts ("with a sprained left knee" / "to recover from
  surgery");
- ``who:`` the name its clause is about, when the subject is a name ("Peyton Manning passed for
  364 yards" → manning), or ``who:-pron-`` when it is a personal pronoun ("He has 53 catches"):
  figures of two named people or teams are two facts;
- ``at:`` what a distance places ("The office building is about 15 miles north of Detroit" →
  building; "a motorist 50 miles north of Detroit" → motorist): two distances from one place are
  two facts when they place two things;
- ``rel:seen`` when the figure is what someone heard or saw ("a witness heard around 10 or 11
  shots", "witnesses report seeing three masked men"): one observer's account, not the event's
  count; ``by:`` names the observer when the parse gives a name;
- ``occ:`` the occasion of the figure's act: the names of its place and participants ("injured in
  the shooting at a bar in Halifax" → halifax, "in the victory at Atlanta" → atlanta, "on the
  opening play of the Cleveland game" → cleveland), and ``occ:*many`` when the act is told over
  several occasions ("seven injured in shootings across the city", "716 yards in 12 games"): two
  shootings or two games are two facts, a tally of a weekend's shootings or of a season's games
  no count of one.
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


def _narrowing(t: Token, skip: set[int], kinds: Sequence[str] = _COMMON) -> list[str]:
    """The common words that narrow ``t`` ("tax cuts" → tax, "heartland states" → heartland)."""
    return [
        f"mod:{_lemma(c)}"
        for c in t.children
        if c.dep_ in _NARROWING and c.i not in skip and c.pos_ in kinds and not _NUM_WORD.search(c.text)
    ]


# the narrowing of a noun the figure is the value of, participles with it: "a combined rate of 45.8
# percent", "adjusted gross income"
_MEASURED = (*_COMMON, "VERB")


def _measured(head: Token, noun: Token, inside: set[int]) -> list[str]:
    """The narrowing of the noun the figure is the value of ("an effective federal tax rate of 35.7
    percent" / "a combined rate of 45.8 percent"), as ``sort:`` keys: two rates narrowed apart are
    two rates."""
    if head.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.i != head.i:
        return []
    return _sorts(head, inside)


def _sorts(t: Token, skip: set[int]) -> list[str]:
    return ["sort:" + k.split(":", 1)[1] for k in _narrowing(t, skip, _MEASURED)]


def _of_phrase(t: Token) -> Token | None:
    """The object of the preposition after ``t`` that says what it is of or in."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ in _OF and prep.i > t.i:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


_TIMES = ("DATE", "TIME")
_PLACES = ("GPE", "LOC", "FAC")  # where the counted thing is, not whose: "Lodi girl", "Chicago's police"
_TIME_PREPS = ("in", "on", "at", "during", "since", "by", "until", "before", "after", "through", "from")
_TOTAL = ("total", "all", "overall", "altogether", "combined")


def _owners(t: Token, skip: set[int]) -> list[str]:
    """Whose ``t`` is: a possessive other than a pronoun ("Trump's demand", "the suspect's car") or
    a name compounded with it ("Tea Party supporters"); a pronoun says whose only with its antecedent."""
    out = []
    for c in t.children:
        if c.i in skip or c.pos_ == "PRON" or c.ent_type_ in _PLACES:
            continue
        if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
            out += [f"own:{_lemma(w)}" for w in c.subtree if w.pos_ in ("PROPN", "NOUN") and w.i not in skip]
    return out


_POSSESSIVE = ("his", "her", "their")


def _pronoun_owner(t: Token, clause: Token) -> list[str]:
    """Whose ``t`` is when a possessive pronoun says it inside what someone is told to say: "Mr.
    Bush said his average federal tax rate was 36 percent" → own:bush; the pronoun of a reported
    clause is its speaker's ("his" is Bush's, not the Clintons' of the next clause)."""
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in t.children) or clause.dep_ != "ccomp":
        return []
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return [] if speaker is None else [f"own:{_lemma(speaker)}"]


def _time_words(t: Token, skip: set[int]) -> list[str]:
    """The date or time expression hanging on ``t`` (a bare "Tuesday", "last year", or one behind a
    preposition: "on Feb. 15", "at 3 a.m."), as lemmas; other figures' words are left out."""
    heads = [c for c in t.children if c.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "compound")]
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ in _TIME_PREPS:
            heads += [c for c in prep.children if c.dep_ == "pobj"]
    out = []
    for h in heads:
        if h.i in skip or h.ent_type_ not in _TIMES:
            continue
        words = [w for w in h.subtree if w.ent_type_ in _TIMES and w.i not in skip and not w.is_punct]
        out += [f"time:{_lemma(w)}" for w in words]
    return out


def _total(noun: Token, tokens: Sequence[Token]) -> bool:
    """Is the figure a whole: "a total of 12 people", "all 42 members", "12 in all", "total votes"?"""
    first = tokens[0]
    before = [first.nbor(-k).lower_ for k in (1, 2, 3) if first.i - k >= 0]
    if any(w in _TOTAL for w in before[:2]):
        return True
    words = {c.lower_ for c in noun.children} | {c.lower_ for c in noun.head.children if noun.dep_ == "pobj"}
    return bool(words & set(_TOTAL)) or (noun.head.lower_ == "of" and noun.head.head.lower_ == "total")


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
        # the parser marks the receiver of "gave $15 million to charity" as a dative, not a prep
        if prep.dep_ in ("prep", "dative") and prep.lower_ in _OF and prep.i not in skip:
            out += [c for c in prep.children if c.dep_ == "pobj" and c.i not in skip and c.pos_ == "NOUN"]
    return out


def _relative_verb(noun: Token) -> Token | None:
    """The verb of a relative clause on the figure's noun ("the $11.4 billion that Mr. Trump had
    requested", "the 800,000 workers who were furloughed"), which tells what the figure is of."""
    return next((c for c in noun.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")), None)


def _alternative(t: Token) -> bool:
    """Is ``t`` the second of two numbers joined by a conjunction alone ("10 or 11", "two or three")?"""
    head = t.head
    if t.dep_ != "conj" or head.pos_ != "NUM" or head.i >= t.i:
        return False
    return all(w.pos_ in ("CCONJ", "PUNCT") for w in t.doc[head.i + 1 : t.i])


def frame_of(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The frame of the figure written by ``tokens`` (one parsed sentence's tokens)."""
    if not tokens:
        return ()
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    root = roots[-1] if roots else tokens[-1]
    noun = root
    # one of two numbers given as alternatives counts what the first counts ("10 or 11 shots"), not
    # a figure of its own joined to another ("$43 million in taxes and $13 million in state taxes")
    while _alternative(noun):
        noun = noun.head
    # the figure modifies a noun ("48-page indictment", "four women", "$5 million budget")
    while noun.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and noun.head.i != noun.i:
        if noun.head.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
            break
        noun = noun.head
    keys = [f"noun:{_lemma(noun)}"]
    keys += _narrowing(noun, inside)
    of = _of_phrase(noun)
    if of is not None:
        keys += [f"of:{_lemma(of)}", *_narrowing(of, inside), *_owners(of, inside)]
    keys += _owners(noun, inside) + _time_words(noun, inside)
    if _total(noun, tokens):
        keys.append("rel:total")
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
    if _placing(head, noun):
        # "15 miles north of Detroit" says where something is, not what is done: the distance is
        # the placed thing's, and the predicate is that of the clause the placing hangs on
        keys += [f"at:{_lemma(t)}" for t in _placed(head, noun, inside)]
        head = head.head
    if head.i != noun.i and head.pos_ != "ADP":
        keys += _predicate(head, noun, inside, {t.i for t in noun.subtree})
        keys += _measured(head, noun, inside)
    # a relative clause on the figure's noun tells the figure's own act beside what the sentence
    # says of it: "more than the $11.4 billion that Mr. Trump had requested" (request, not only
    # more), "the 800,000 federal workers who have been furloughed" (furlough, beside pay)
    rel = _relative_verb(noun)
    if rel is not None:
        keys += _predicate(rel, noun, inside, {t.i for t in noun.subtree} - {t.i for t in rel.subtree})
    keys += _clause_owner(noun)
    keys += _occasion(noun, head if head.i != noun.i and head.pos_ != "ADP" else None, inside)
    return tuple(dict.fromkeys(keys))


# the prepositions that say where, against whom or in what an act happened: "killed in the shooting
# at a bar in Halifax", "his victory at Atlanta", "a run on the opening play of the Cleveland game";
# "of" only after an act or event noun ("the play of the Cleveland game"): on the figure's own noun
# it says what the figure counts ("17 percent of Tea Party supporters")
_AT = ("in", "at", "during", "on", "against", "over", "versus", "vs.", "near", "across", "throughout")
_OCCASION_PREPS = ("of", *_AT)
# a figure summed over many occasions: "seven injured in shootings across the city"
_SPREAD = ("across", "throughout")
MANY = "*many"  # the ``occ:`` key of a figure summed over several occasions


def _occasion(noun: Token, head: Token | None, inside: set[int]) -> list[str]:
    """Which occasion the figure is of, as ``occ:`` keys: the names of its act's place and
    participants ("in Halifax", "at Atlanta", "the Cleveland game", "against the Falcons"), and
    ``occ:*many`` when the act is told over several occasions ("in shootings across the city": a
    tally of a weekend's shootings, no count of one of them). A trailing phrase after two joined
    verbs is said of both ("four were killed and seven injured in shootings across the city")."""
    acts = [noun] if head is None else [noun, head]
    if head is not None:
        acts += [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > noun.i]
    keys: list[str] = []
    for act in acts:
        on_act = act.i != noun.i
        for prep in act.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in (_OCCASION_PREPS if on_act else _AT)
                and prep.i not in inside
            ):
                keys += _occasion_of(prep, inside, 2, on_act)
    return keys


def _occasion_of(prep: Token, inside: set[int], depth: int, of_act: bool) -> list[str]:
    """The occasion keys of one preposition's object and of the phrases that narrow it; acts
    told in the plural count as several occasions only on the act ("were injured in shootings"),
    not on the figure's own noun ("$2 billion in earnings" is what the figure is of)."""
    keys = [f"occ:{MANY}"] if prep.lower_ in _SPREAD else []
    for o in (c for c in prep.children if c.dep_ == "pobj" and c.i not in inside):
        if o.ent_type_ in _TIMES:
            continue  # a time is ``time:``'s
        if o.pos_ == "PROPN" or o.ent_type_ in _PLACES:
            keys += [f"occ:{_lemma(w)}" for w in o.subtree if w.pos_ == "PROPN" and w.i not in inside]
            continue
        if o.pos_ != "NOUN":
            continue
        if of_act and o.tag_ == "NNS" and o.lower_.endswith("ings"):
            keys.append(f"occ:{MANY}")  # "in shootings", "in stabbings": several acts of one kind
        elif prep.lower_ in _OVER and _counted_occasions(o, inside):
            keys.append(f"occ:{MANY}")  # "716 yards in 12 games", "923 rounds during the five operations"
        keys += [
            f"occ:{_lemma(c)}"
            for c in o.children
            if c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN" and c.i not in inside
        ]
        if depth > 0:
            for inner in o.children:
                if inner.dep_ == "prep" and inner.lower_ in _OCCASION_PREPS:
                    keys += _occasion_of(inner, inside, depth - 1, of_act)
    return keys


# the prepositions a tally's occasions follow ("716 yards in 12 games", "during the five operations",
# "over two seasons"); not "on" ("404 yards on 106 carries": what each unit of the figure is per) nor
# "of" ("1 of 13 passes": a part) nor "at" ("at speeds of up to 120 miles an hour")
_OVER = ("in", "during", "over", "across", "throughout")


def _counted_occasions(o: Token, inside: set[int]) -> bool:
    """Is the object a number of occasions, the figure their sum: "rushed for 716 yards in 12
    games", "5 people dead in 2 shootings", "923 rounds of ammunition during the five operations it
    carried out"? A season's or a campaign's tally is no count of the one game or operation
    reported, whatever the noun: a plural counted by a number says there were several. The
    figure's own number is no such count ("played in 10 games" counts the games)."""
    return o.tag_ == "NNS" and any(
        c.dep_ == "nummod" and c.lower_ != "one" and c.i not in inside for c in o.children
    )


# the words that turn a distance into a place: "15 miles north of Detroit", "a few blocks away"
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away"}
)


def _placing(head: Token, noun: Token) -> bool:
    """Is the figure a distance that places something ("15 miles north of Detroit", "two miles
    away"): its noun hangs on a direction word?"""
    return head.i != noun.i and head.lower_ in _DIRECTIONS and noun.head.i == head.i and head.head.i != head.i


def _placed(direction: Token, noun: Token, inside: set[int]) -> list[Token]:
    """What a distance places: the noun the placing narrows ("a home 5 miles north of town"), the
    subject of the clause it is said in ("The office building is about 15 miles north of
    Detroit"), the noun a participle's clause is said of ("The skipper ..., sailing 150 nautical
    miles west of Aden"), or a noun the parse hangs on the distance itself ("a motorist 50 miles
    north of Detroit"). Two distances from one place are one fact only for one placed thing."""
    out = [c for c in noun.children if c.dep_ in _NARROWING and c.pos_ == "NOUN" and c.i not in inside]
    head = direction.head
    if head.pos_ in ("NOUN", "PROPN"):
        return [*out, head]
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        out.append(head.head)
    out += [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
    return out


def _verb_of(noun: Token) -> list[Token]:
    """The verb a noun is the object of, directly or through a preposition ("paid a rate of",
    "paid ..., for a rate of"); none for a verb or a subject."""
    t = noun
    while t.pos_ not in ("VERB", "AUX") and t.dep_ in ("dobj", "pobj", "prep") and t.head.i != t.i:
        t = t.head
    return [t] if t.i != noun.i and t.pos_ in ("VERB", "AUX") else []


def _clause_owner(noun: Token) -> list[str]:
    """Who the figure's clause is about, when its subject is a name or a personal pronoun: "Peyton
    Manning passed for 364 yards" → who:manning, "He has 53 catches for 605 yards" → who:-pron-,
    "The Colts, winners of eight straight games, clinched" → who:colts (the figure in a phrase set
    beside the subject). A figure that counts the subject itself ("Two states filed") has none."""
    t, path = noun, []
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        path.append(t)
        t = t.head
    if t.pos_ not in ("VERB", "AUX"):
        return []
    subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    in_subject = bool(path) and path[-1].i == subject.i
    if in_subject and not any(w.dep_ == "appos" and w.head.i == subject.i for w in path):
        return []  # the figure counts the subject itself
    if subject.pos_ == "PRON":
        return ["who:-pron-"] if subject.lower_ in _PERSONAL else []
    if subject.pos_ != "PROPN":
        return []
    return [f"who:{_lemma(subject)}"]


_PERSONAL = ("he", "she", "they", "we", "i")


def _predicate(head: Token, noun: Token, inside: set[int], subject_side: set[int]) -> list[str]:
    """The keys of the act ``head`` that the figure's ``noun`` belongs to: the predicate, whether the
    figure counts its doers, its subject, its other objects, its time, a modal; ``subject_side``
    holds the words of the figure's own phrase, which are none of these."""
    keys = []
    said = [c for c in head.children if c.dep_ in ("attr", "acomp")] if _lemma(head) in _COPULAS else []
    if said:  # "a 60-day suspension was the appropriate punishment": the predicate is what it is
        keys.append(f"pred:{_lemma(said[0])}")
        # the subject is what the figure measures, and its possessor whose it is: "The Clintons'
        # effective federal tax rate was 35.7 percent" (own:clinton), "Mr. Bush said his average
        # federal tax rate was 36 percent" (own:bush)
        for s in head.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.i not in subject_side and s.pos_ == "NOUN":
                keys += _owners(s, subject_side) + _pronoun_owner(s, head)
                keys += _sorts(s, subject_side)  # "his average federal tax rate was 36 percent"
    else:
        keys.append(f"pred:{_lemma(head)}")
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == head.i and not said:
        keys.append("rel:subj")  # the figure counts who did it: "Two states filed"
    keys += [
        f"subj:{_lemma(c)}"
        for c in head.children
        if c.dep_ in ("nsubj", "nsubjpass") and c.i not in subject_side and c.pos_ in ("NOUN", "PROPN")
    ]
    args = _arguments(head, subject_side)
    keys += [f"arg:{_lemma(a)}" for a in args]
    # the time told of the act or of its event noun: "injured in the shooting on Sunday"; of a
    # noun's act, the time of the verb it is the object of ("Last year, the Clintons paid an
    # effective federal tax rate of 35.7 percent" / "from 2007 through 2014 the couple paid ...,
    # for an effective tax rate of 31.55 percent": two periods' rates)
    for t in (head, *args, *_verb_of(head)):
        keys += _time_words(t, subject_side | inside)
    keys += [f"why:{_lemma(c)}" for c in _causes(head, subject_side)]
    keys += [f"why:{_lemma(c)}" for c in _causes(noun, inside, _NOUN_CAUSE_PREPS)]
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children):
        keys.append("rel:modal")  # "should pass some 20 measures": not done, or not yet
    keys += [f"how:{_lemma(c)}" for c in head.children if _manner(c)]
    # what was heard or seen, or what was seen done ("witnesses report seeing three masked men enter")
    seer = head if _lemma(head) in _PERCEIVING else head.head if head.dep_ in ("ccomp", "xcomp") else None
    if seer is not None and _lemma(seer) in _PERCEIVING:
        keys.append("rel:seen")
        keys += [f"by:{_lemma(c)}" for c in seer.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return keys


# the verbs of perception: a figure that is their object is what one observer heard or saw
_PERCEIVING = ("hear", "see", "witness", "count", "notice", "watch", "observe", "spot")


# "missed three games with a fractured forearm", "after having surgery", "because of an injury"
_CAUSE_PREPS = ("with", "from", "after", "following", "because", "due")
# on the figure's noun only the words that say nothing else than a cause: "games following surgery",
# "two games due to a hamstring injury" ("two men with guns" tells no cause)
_NOUN_CAUSE_PREPS = ("following", "because", "due")


def _causes(head: Token, skip: set[int], preps: Sequence[str] = _CAUSE_PREPS) -> list[Token]:
    """What the act is told to come from ("missed three games with a fractured forearm", "four
    games to recover from surgery", "after having surgery", "because of an injury", "due to a
    hamstring injury"): two counts of one act from two causes are two facts."""
    return [
        o
        for prep in head.children
        if prep.dep_ in ("prep", "amod") and prep.lower_ in preps
        for o in _cause_objects(prep)
        if o.pos_ == "NOUN" and o.ent_type_ not in _TIMES and o.i not in skip
    ]


def _cause_objects(prep: Token) -> list[Token]:
    """The nouns a causal preposition governs: its object, or through a second preposition ("because
    of the injury", "due to an injury") or a verb ("after having surgery", "after undergoing surgery")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    for comp in (c for c in prep.children if c.dep_ == "pcomp"):
        objects += [c for c in comp.children if c.dep_ in ("pobj", "dobj")]
    return objects


def _manner(t: Token) -> bool:
    """Is ``t`` an adverb of manner on its verb ("fatally shot", "critically wounded", "seriously
    injured")? It narrows the act to a part of those it names; a time ("Sunday"), a negation or a
    sentence adverb told before the verb's clause ("police also said") does not."""
    return (
        t.dep_ == "advmod"
        and t.pos_ == "ADV"
        and t.lower_.endswith("ly")
        and t.ent_type_ not in _TIMES
        and t.i > t.head.left_edge.i  # inside the clause: "were fatally shot", not "Reportedly, ..."
    )


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
