"""The speaker's affiliation as the article states it: the party or organisation a quote's person
speaks for, or the group that speaks.

News names a person's side once, in a few fixed places around the name, and then drops it: a party
tag after the name ("Rep. Elijah Cummings, D-Md.," "Sen. Jerrold Nadler (D-N.Y.)"), a title before
it ("NAACP President Benjamin Jealous", "White House press secretary Josh Earnest", "Democratic Sen.
X"), an appositive after it ("Bill Hennessy, a founder of the St. Louis Tea Party", "John Cornyn, a
Republican from Texas"), or the role noun the name is set beside ("the NAACP's president, Ben
Jealous"). A description that is the speaker states it in its own words: "a spokesperson for
Google", "a Microsoft spokesperson", "Pentagon officials", "a Republican senator". When the
speaker is itself a body ("House Democrats", "the White House"), the body is the affiliation.

Only organisations (NER's ORG) and political parties count: a nationality ("a Russian journalist")
or a home state ("a Republican from Texas") is where someone is from, not whom they speak for. A
place counts only as the government an office serves, named in the office's title ("Nebraska
Attorney General Jon Bruning", "Scotts Bluff County Sheriff", "Colorado officials"): not a
legislator's seat ("Florida Sen. Marco Rubio"), a judge's court or an office held formerly.
Everything is read from the parse where the sentence was parsed, and from the text around the name
(party tags, titles) where it was not. A person's affiliations are gathered over the whole article
and shown on each of their quotes, at most two, in the order the article states them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from storyline.annotation.names import TITLES
from storyline.annotation.quote_cues import Parsed
from storyline.annotation.roles import QUALIFIERS, ROLE_NOUNS
from storyline.annotation.speakers import entity_at
from storyline.model import Entity, Quote

# Political parties as NER's NORP writes their members ("a Republican senator", "Senate
# Democrats"), in one spelling each; NORP also holds nationalities and religions, which are not sides.
PARTIES = {
    "democrat": "Democratic Party",
    "democratic": "Democratic Party",
    "republican": "Republican Party",
    "gop": "Republican Party",
    "libertarian": "Libertarian Party",
    "labour": "Labour Party",
    "tory": "Conservative Party",
    "conservative": "Conservative Party",
}
_TAGGED = {"D": "Democratic Party", "R": "Republican Party", "I": "Independent"}
# "Cummings, D-Md.," / "Nadler (D-N.Y.)" / "Ryan (R-WI)": party letter, hyphen, state, right after a name
_PARTY_TAG = re.compile(
    r"\s*(?:,\s*|\(\s*)([DRI])\s?[-–]\s?[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?(?=[\s,;:)]|$)"
)
_ACRONYM = re.compile(r"[A-Z]{2,}")
_PREPS = frozenset(("for", "of", "at", "with"))  # "a spokesman for the White House", "a founder of …"
# A post held in a body, which "of/for/at X" after it makes X's: "a spokesman for the White House",
# "a fellow at the Brookings Institution", "a reporter for The Post". Not a tie of another kind: "a
# graduate of Georgetown", "the winner of the Erikson Prize", "a critic of the NRA".
POSITIONS = ROLE_NOUNS | frozenset(
    str.split(
        """member official head fellow staffer employee officer counsel representative
    strategist organizer organiser coordinator partner editor reporter correspondent host writer
    columnist analyst researcher scholar lecturer dean chair trustee treasurer associate
    administrator commissioner superintendent"""
    )
)
_MODIFIERS = frozenset(("compound", "amod", "poss", "nmod"))
MOST = 2  # affiliations shown for one speaker


def party_tag(text: str, end: int) -> str | None:
    """The party of a "D-Calif." tag written right after a name ending at ``end``."""
    m = _PARTY_TAG.match(text, end, min(len(text), end + 24))
    return _TAGGED[m.group(1)] if m else None


def _body(e: Entity, common: frozenset[str] = frozenset()) -> str | None:
    """An entity as an affiliation: an organisation by its name, a party member as the party. Not
    a one-word "organisation" the article also writes as a common noun (``common``): "State" of
    "Secretary of State Hillary Clinton" is her office's word, not a body's name."""
    if e.label == "ORG":
        name = re.sub(r"^(?:[Tt]he)\s+|[’']s?$", "", e.text)
        return None if name.lower() in common else name
    if e.label == "NORP":
        word = e.text.lower()
        party = PARTIES.get(word[:-1] if word.endswith("s") else word)
        # an acronym is an organisation NER took for a group of people ("the NAACP President"):
        # nationalities and religions are written as words
        return party or (e.text if _ACRONYM.fullmatch(e.text) else None)
    return None


def _in(tokens: Iterable[Token], base: int, entities: Sequence[Entity], common: frozenset[str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        e = entity_at(entities, base + t.idx)
        found = _body(_as_parsed(e, t.doc, base), common) if e is not None else None
        if found and found not in out:
            out.append(found)
    return out


def _as_parsed(e: Entity, doc: Doc, base: int) -> Entity:
    """The entity without the words NER took in from before it that the parse hangs elsewhere: a
    capitalised adjective opening the sentence ("Fellow St. Louis Tea Party organizer Dana Loesch":
    "Fellow" modifies "organizer", not the party)."""
    span = doc.char_span(e.start - base, e.end - base, alignment_mode="expand")
    if span is None or len(span) < 2:
        return e
    first = span.start
    while first < span.end - 1 and _outside_adjective(doc[first], span):
        first += 1
    if first == span.start:
        return e
    at = base + doc[first].idx
    return replace(e, text=e.text[at - e.start :], start=at)


def _outside_adjective(tok: Token, span: Span) -> bool:
    """A capitalised adjective the parse hangs on a word outside ``span`` (not "pro-" of a
    "pro-Islamic State group", which says whose side the group is on)."""
    return tok.dep_ == "amod" and tok.text[:1].isupper() and not span.start <= tok.head.i < span.end


def stated_by(noun: Token, base: int, entities: Sequence[Entity], common: frozenset[str]) -> list[str]:
    """Organisations and parties a role noun phrase states: its own modifiers ("a Microsoft
    spokesperson", "a Republican senator", "the NAACP's president") and an "of/for/at/with"
    phrase after a post ("a spokesperson for Google"); the noun itself when it names a party
    member ("X, a Republican,")."""
    found = _in([noun], base, entities, common)
    for c in noun.lefts:
        if c.dep_ in _MODIFIERS:
            found += [f for f in _in(c.subtree, base, entities, common) if f not in found]
    post = noun.lemma_.lower() in POSITIONS or noun.lower_ in POSITIONS
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in _PREPS:
            # a party counts after any noun: "a chorus of prominent Republicans"
            stated = _in(c.subtree, base, entities, common)
            found += [f for f in stated if f not in found and (post or f in PARTIES.values())]
    if _office(noun):
        mods = [c for c in noun.lefts if c.dep_ in _MODIFIERS]
        found += [f for f in _polities(mods, noun) if f not in found]
    return found


def _office(noun: Token) -> bool:
    """An office of a government, which speaks for the place it serves: "Nebraska Attorney
    General", "Scotts Bluff County Sheriff", "the Indiana governor", "U.S. officials". Not one held
    no longer ("former Texas Gov. Rick Perry"), nor a seat a place elects someone to ("Florida Sen.
    Marco Rubio", "the Vermont senator": a legislator speaks for themself), nor a judge's."""
    if noun.lower_.rstrip(".") not in OFFICES and noun.lemma_.lower() not in OFFICES:
        return False
    held = [*noun.lefts, *(noun.head.lefts if noun.dep_ == "compound" else ())]  # a flat title
    return not any(c.lower_ in ("former", "ex") for c in held) and not _former(noun)


# Titles of those who govern a place and speak for its government: a governor, a mayor, a sheriff
# or police chief, an attorney general or prosecutor, a minister, and officials (TITLES holds the
# titles news writes before names; the words below are the offices among them and a few it lacks;
# a private lawyer, a team's captain or a company's president speaks for no city: "Houston
# attorney Rusty Hardin", "Houston captain J.J. Watt"; an attorney general is read by "general").
OFFICES = (
    TITLES
    | frozenset(str.split("sheriff official prosecutor commissioner superintendent police authorities"))
) - frozenset(
    str.split(
        """sen senator rep representative congressman congresswoman lawmaker judge justice leader
    speaker whip minority majority the former first deputy acting vice state foreign defense defence
    press father rev reverend sir dame lord lady mr mrs ms miss mx dr prof professor pope king queen
    prince princess sheikh candidate aide adviser advisor spokesman spokeswoman
    attorney lawyer captain capt chairman chairwoman president coach ceo"""
    )
)


def _former(office: Token) -> bool:
    """ "Former" in the run of title words before an office, a coordinated one's too ("Former
    prosecutor and New York City Mayor Rudy Giuliani"), back to a punctuation mark or a verb."""
    for t in reversed(office.doc[max(0, office.i - 8) : office.i]):
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if t.lower_ in ("former", "ex"):
            return True
    return False


def _polities(mods: Sequence[Token], office: Token) -> list[str]:
    """The places among an office's modifiers (``mods``, before ``office``) whose government it
    is: only a place written right before the title's words ("Nebraska Attorney General"), never
    one set off by a dateline's dash ("JERUSALEM — Israeli Prime Minister …") nor one that names an
    organisation's home ("UK Independence Party leader", "France's National Front")."""
    out: list[str] = []
    for t in mods:
        if t.ent_type_ != "GPE" or (t.text.isalpha() and t.text.isupper() and len(t.text) > 3):
            continue
        end = t.i
        while end + 1 < len(t.doc) and t.doc[end + 1].ent_type_ == "GPE" and t.doc[end + 1].ent_iob_ == "I":
            end += 1
        between = t.doc[end + 1 : office.i]
        if any(x.is_punct or x.ent_type_ for x in between if x.tag_ != "POS"):
            continue
        start = t.i
        while start > 0 and t.doc[start].ent_iob_ == "I":
            start -= 1
        name = re.sub(r"^(?:[Tt]he)\s+", "", t.doc[start : end + 1].text)
        if name not in out:
            out.append(name)
    return out


def _name_head(p: Parsed, e: Entity) -> Token | None:
    span = p.doc.char_span(e.start - p.base, e.end - p.base, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _around_name(name: Token, base: int, entities: Sequence[Entity], common: frozenset[str]) -> list[str]:
    """What the parse sets around a person's name: the title before it, an appositive right after
    it (in "Podesta and Todd Stern, the State Department's climate envoy," the appositive is
    Stern's, though the parse may hang it on Podesta), and the role noun it is the appositive of."""
    found: list[str] = []
    titles = [c for c in name.lefts if c.dep_ in _MODIFIERS]
    beside = [c for c in name.rights if c.dep_ == "appos" and _next_to(name, c)]
    for noun in [*titles, *beside]:
        found += [f for f in stated_by(noun, base, entities, common) if f not in found]
    # a title the parse leaves flat, every word on the name: "Houston Police Chief Art Acevedo"
    office = [t for t in titles if _office(t)]
    if office:
        mods = [t for t in titles if t.i < office[-1].i]
        found += [f for f in _polities(mods, office[-1]) if f not in found]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN" and _next_to(name.head, name):
        found += [f for f in stated_by(name.head, base, entities, common) if f not in found]
    return found


def _next_to(left: Token, appos: Token) -> bool:
    """Whether only what belongs to the noun stands between it and its appositive: punctuation, an
    age ("Burgiss, 22, a student"), a party tag ("Nadler, D-N.Y., the former chairman"), its own
    "of" phrase ("Durbin of Illinois, the Senate's No. 2 Democrat"); not another name joined to it."""
    doc = left.doc
    m = _PARTY_TAG.match(doc.text, left.idx + len(left.text))
    tagged = m.end() if m else -1
    own = {t.i for c in left.rights if c.dep_ == "prep" and c.i < appos.i for t in c.subtree}
    between = doc[left.i + 1 : appos.left_edge.i]
    return all(t.is_punct or t.like_num or t.idx < tagged or t.i in own for t in between)


def _title_before(text: str, e: Entity, entities: Sequence[Entity], common: frozenset[str]) -> list[str]:
    """For a sentence not parsed: an organisation or party in the title written right before the
    name, only capitalised words and offices between ("NAACP President Benjamin Jealous")."""
    lo = max(0, e.start - 60)
    window = re.split(r"[,()“”\"—–.;:\n]", text[lo : e.start])[-1]
    at = e.start - len(window)
    found: list[str] = []
    for other in entities:
        if not at <= other.start < other.end <= e.start:
            continue
        gap = text[other.end : e.start].split()
        offices = all(w[:1].isupper() or w.lower() in ROLE_NOUNS | TITLES | QUALIFIERS for w in gap)
        body = _body(other, common)
        held = (
            gap
            and gap[-1].lower().rstrip(".") in OFFICES
            and not re.search(r"(?i)\b(?:former|ex)\W*$", text[lo : other.start])
        )
        if other.label == "GPE" and held and not any(other.end <= x.start < e.start for x in entities):
            body = re.sub(r"^(?:[Tt]he)\s+|[’']s?$", "", other.text)  # "Nebraska Attorney General X"
        if body and offices and len(gap) <= 4 and body not in found:
            found.append(body)
    return found


def person_affiliations(
    text: str, parsed: Sequence[Parsed], entities: Sequence[Entity], wanted: frozenset[str]
) -> dict[str, list[str]]:
    """The affiliations of each named person of ``wanted`` (keys: the speakers) as the article
    states them at any of their mentions; a person who quotes nothing is not read."""
    order = sorted(parsed, key=lambda p: p.base)
    starts = [p.base for p in order]
    common = common_words(text)
    out: dict[str, list[str]] = {}
    for e in entities:
        if e.label != "PERSON" or e.key not in wanted:
            continue
        n = _sentence_at(starts, order, e.start)
        p = order[n] if n is not None and e.end <= order[n].end else None
        head = _name_head(p, e) if p is not None else None
        found = [party_tag(text, e.end)]
        if p is not None and head is not None:
            found += _around_name(head, p.base, entities, common)
        else:
            found += _title_before(text, e, entities, common)
        known = out.setdefault(e.key, [])
        for f in found:
            if f and f not in known:
                known.append(f)
    return out


def common_words(text: str) -> frozenset[str]:
    """The words the article writes in lower case, as common nouns and the like."""
    return frozenset(re.findall(r"\b[a-z]+\b", text))


def _sentence_at(starts: list[int], order: Sequence[Parsed], pos: int) -> int | None:
    """The index of the parsed sentence (of ``order``, sorted; ``starts`` their bases) holding ``pos``."""
    n = bisect_right(starts, pos) - 1
    return n if n >= 0 and pos < order[n].end else None


def phrase_affiliations(
    text: str, speaker: str, near: int, parsed: Sequence[Parsed], entities: Sequence[Entity]
) -> list[str]:
    """The affiliation a speaker written as a description states, read at its occurrence nearest
    to ``near`` (the quote): a body that speaks ("House Democrats") is its own affiliation; a role
    ("Pentagon officials", "a spokesperson for Google") the organisation or party it names."""
    order = sorted(parsed, key=lambda p: p.base)
    starts = [p.base for p in order]
    spots = [m.start() for m in re.finditer(re.escape(speaker), text)]
    for at in sorted(spots, key=lambda s: abs(s - near)):
        n = _sentence_at(starts, order, at)
        if n is None or at + len(speaker) > order[n].end:
            continue
        p = order[n]
        span = p.doc.char_span(at - p.base, at + len(speaker) - p.base, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        e = entity_at(entities, p.base + root.idx)
        if root.tag_ in ("NNS", "NNPS") and e is not None and e.label == "NORP":
            return [_members(root)]
        return stated_by(root, p.base, entities, common_words(text))[:MOST]
    return []


def _bodies(entities: Sequence[Entity]) -> set[str]:
    """Keys of the organisations named: not a place ("Russia said"), nor a word NER called an
    organisation that is a person's name elsewhere in the article ("Harf" of "Marie Harf")."""
    names = {w.lower() for e in entities if e.label == "PERSON" for w in e.text.split()}
    return {e.key for e in entities if e.label == "ORG" and (" " in e.text or e.text.lower() not in names)}


def _members(root: Token) -> str:
    """A party's or a body's members as named, without what counts them: "House Democrats" of
    "Close to three dozen House Democrats", "Republicans" of "other Republicans"."""
    left = root
    for c in reversed(list(root.lefts)):
        if c.dep_ != "compound" or c.right_edge.i != left.i - 1:
            break
        left = c.left_edge  # "Intelligence Committee Republicans"
    return root.doc[left.i : root.i + 1].text


def with_affiliations(
    text: str, parsed: Sequence[Parsed], entities: Sequence[Entity], quotes: Sequence[Quote]
) -> list[Quote]:
    """The quotes, each with its speaker's affiliation where the article states one."""
    if not quotes:
        return []
    speakers = frozenset(q.speaker_key for q in quotes if q.speaker_key)
    people = person_affiliations(text, parsed, entities, speakers)
    bodies = _bodies(entities)
    out = []
    for q in quotes:
        found: list[str] = []
        if q.speaker_key and q.speaker_key.startswith("person:"):
            found = people.get(q.speaker_key, [])
        elif q.speaker_key and q.speaker:
            # the body that speaks, "the White House", as it is named
            found = [re.sub(r"^(?:[Tt]he)\s+", "", q.speaker)] if q.speaker_key in bodies else []
        elif q.speaker:
            found = phrase_affiliations(text, q.speaker, q.start, parsed, entities)
        out.append(replace(q, affiliation=", ".join(found[:MOST])) if found else q)
    return out
