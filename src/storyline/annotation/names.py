"""Canonical keys for people, organisations and places, within and across documents.

Key format (documented contract, compared with ``==`` by most callers):

- people: ``person:<surname>`` — "Mr Putin", "Putin", "Vladimir Putin" and "President Vladimir
  Putin" all give ``person:putin``, so a report that only ever says "Mr Putin" still matches one
  that names him in full. Only when one document names two people with the same surname ("Joe
  Biden", "Hunter Biden") does it qualify the key with the first name: ``person:biden:joe``.
  ``same_entity`` treats ``person:biden`` and ``person:biden:joe`` as one person.
- nationalities and groups (spaCy NORP): ``norp:<word>`` ("Russians" → ``norp:russian``).
- everything else (organisations, places, facilities): ``name:<words>``, lower case, ASCII, joined
  by ``_``, without "the" and a possessive; common variants fold ("U.S.", "US", "United States" →
  ``name:united_states``) and a long name of three or more capitalised words folds to its acronym
  ("Organization for Security and Co-operation in Europe" → ``name:osce``), so "Nato" and "NATO"
  and "North Atlantic Treaty Organization" agree. The type is not in this key because spaCy labels
  the same organisation ORG in one report and GPE in another.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from storyline.annotation.doctext import doc_text
from storyline.model import Entity

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

# Words that precede a name without being part of it: titles and offices ("President Vladimir
# Putin", "Gen. Mark Milley", "Secretary of State Antony Blinken" keeps only the name).
TITLES = frozenset(
    str.split(
        """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister
    chancellor premier sen senator rep representative congressman congresswoman gov governor
    lt gen general adm admiral col colonel maj major capt captain sgt sergeant cmdr commander
    secretary judge justice king queen prince princess pope rev reverend father sheikh mayor
    chairman chairwoman chair speaker leader ambassador attorney former first deputy acting
    the foreign defense defence state press spokesman spokeswoman aide adviser advisor
    chief minority majority whip"""
    )
)
# Titles news abbreviates before a name (AP style): "Sen.", "Gov.", "Lt. Gen.", "Navy Capt.".
ABBREVIATED_TITLES = frozenset(
    str.split("mr mrs ms dr prof sen rep gov lt gen col maj capt sgt cmdr adm rev")
)
# The office an abbreviated title stands for, as later mentions spell it out: AP style writes
# "Sen. Marco Rubio" once and "the senator" (or "the Florida lawmaker") after; "Rep. Adam Schiff" …
# "the California congressman"; "Gov. Paul LePage" … "the governor"; "Lt." only qualifies the next
# office ("Lt. Gov.": a lieutenant governor is not "the governor").
SPELLED_TITLES = {
    "sen": ("senator", "lawmaker"),
    "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "gov": ("governor",),
    "lt": ("lieutenant",),
    "gen": ("general",),
    "col": ("colonel",),
    "capt": ("captain",),
    "sgt": ("sergeant",),
    "cmdr": ("commander",),
    "adm": ("admiral",),
}
HONORIFICS = frozenset(str.split("mr mrs ms miss mx dr sir dame"))
SUFFIXES = frozenset(str.split("jr sr ii iii iv phd md esq"))
PARTICLES = frozenset(str.split("de del della der van von da di du le la al el bin ibn abu st"))
ALIASES = {
    "us": "united_states",
    "u_s": "united_states",
    "usa": "united_states",
    "u_s_a": "united_states",
    "america": "united_states",
    "united_states_of_america": "united_states",
    "uk": "united_kingdom",
    "u_k": "united_kingdom",
    "britain": "united_kingdom",
    "great_britain": "united_kingdom",
    "un": "united_nations",
    "u_n": "united_nations",
    "eu": "european_union",
    "e_u": "european_union",
    "russian_federation": "russia",
    "prc": "china",
    "peoples_republic_of_china": "china",
    "dprk": "north_korea",
    "white_house": "white_house",
}
_SMALL = frozenset(str.split("of for and in on the to at de la"))


def fold(text: str) -> str:
    """Lower-case ASCII words of ``text`` joined by ``_`` (accents dropped, punctuation gone)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "_".join(re.findall(r"[a-z0-9]+", text.lower()))


def _strip_possessive(text: str) -> str:
    return re.sub(r"[’']s?$", "", text.strip())


def person_parts(name: str) -> tuple[str, str | None]:
    """(surname, first name or None) of a person's name, titles and suffixes dropped."""
    words = [w for w in re.split(r"\s+", _strip_possessive(name)) if w]
    while len(words) > 1 and fold(words[0]) in TITLES:
        words.pop(0)
    while len(words) > 1 and fold(words[-1]) in SUFFIXES:
        words.pop()
    if not words:
        return fold(name), None
    last = len(words) - 1
    start = last
    while start > 1 and fold(words[start - 1]) in PARTICLES and words[start - 1][:1].islower():
        start -= 1
    surname = fold(" ".join(words[start:])) or fold(name)
    first = fold(words[0]) if start > 0 else None
    return surname, first or None


def _acronym(words: list[str]) -> str | None:
    caps = [w for w in words if w.lower() not in _SMALL]
    if len(caps) < 3 or not all(w[:1].isupper() for w in caps):
        return None
    return "".join(w[0] for part in caps for w in part.split("-") if w[:1].isupper()).lower()


def key_for(name: str, label: str = "PERSON") -> str:
    """The cross-document key of a name as written, without the context of its document."""
    if label == "PERSON":
        return "person:" + person_parts(name)[0]
    text = _strip_possessive(name)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    if label == "NORP":
        word = fold(text)
        return "norp:" + (word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    folded = fold(text)
    if folded in ALIASES:
        return "name:" + ALIASES[folded]
    acro = _acronym(text.split())
    return "name:" + (acro or folded)


def same_entity(key_a: str | None, key_b: str | None) -> bool:
    """Whether two keys name one entity; ``person:biden`` matches ``person:biden:joe``."""
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    a, b = key_a.split(":"), key_b.split(":")
    if a[0] != "person" or b[0] != "person" or a[1] != b[1]:
        return False
    return len(a) == 2 or len(b) == 2


@dataclass(frozen=True)
class PersonName:
    surname: str
    first: str | None
    start: int  # character offset of the mention


def _span_text(span: Span) -> str:
    return _strip_possessive(span.text)


def entities_of(doc: Doc, offset: int = 0) -> list[Entity]:
    """Entities of ``doc`` with keys resolved within the document (see the module docstring)."""
    raw: list[tuple[str, str, int]] = []
    ents = [e for e in doc.ents if e.label_ in NAME_LABELS and _span_text(e)]
    skip = -1
    for n, ent in enumerate(ents):
        if n == skip:
            continue
        text, label = _span_text(ent), ent.label_
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if label == "PERSON" and nxt is not None and _particle_gap(ent, nxt):
            # "Ursula von der" + "Leyen": NER stops at the particle; the name goes on.
            text, skip = doc_text(doc)[ent.start_char : nxt.start_char + len(_span_text(nxt))], n + 1
        raw.append((text, label, ent.start_char + offset))
    return _keyed(_recall_surnames(doc_text(doc), sane_types(doc_text(doc), raw, offset), offset))


def _recall_surnames(text: str, raw: list[tuple[str, str, int]], offset: int) -> list[tuple[str, str, int]]:
    """Add the bare surnames of people already found where NER missed them ("Trump spent …"):
    the small model drops a known name now and then, and a missed name breaks "he said"."""
    surnames = {t.split()[-1] for t, label, _ in raw if label == "PERSON" and " " in t}
    if not surnames:
        return raw
    taken = sorted((start - offset, start - offset + len(t)) for t, _, start in raw)
    starts = [a for a, _ in taken]
    found = list(raw)
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, surnames))) + r")\b(?![-\w])")
    for m in pattern.finditer(text):
        n = bisect_right(starts, m.start())  # the names are in order and do not overlap
        if (n and taken[n - 1][1] > m.start()) or (n < len(taken) and taken[n][0] < m.end()):
            continue
        found.append((m.group(1), "PERSON", m.start() + offset))
    return sorted(found, key=lambda r: r[2])


# The object of a seizure or loss of territory is a place: "the annexation of Crimea", "the
# invasion of Kuwait", "the occupation of the West Bank" (the small model reads some as ORG).
_TERRITORY = re.compile(
    r"\b(?:annexation|invasion|occupation|liberation|partition|siege|blockade|annexing|invading|occupying)"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)
_PLACE = frozenset(("GPE", "LOC"))


def sane_types(text: str, raw: list[tuple[str, str, int]], offset: int = 0) -> list[tuple[str, str, int]]:
    """Entity readings checked against how names are written and against the document's other readings:

    - a person's name is capitalised words and particles: a leading "a"/"the" is dropped ("a John
      McCain"), and a reading with a lower-case word is no person ("Javelin anti-tank",
      "pro-Clinton", "lesbian group"); no reading ends in an abbreviated title with a name after
      it ("Navy Capt. Jeff Davis": the reading "Navy Capt" is "Navy");
    - a name read both as an organisation and as a place in one document takes the reading it has
      more often ("Ferguson"), and the object of "the annexation of" is a place ("Crimea");
    - a single word the document also reads as a nationality or group is one ("the Ukrainian side"
      read as a place beside "Ukrainian officials").
    """
    out: list[tuple[str, str, int]] = []
    for name, label, start in raw:
        if _title_only(text, name, start - offset):  # "Navy Capt" of "Navy Capt. Jeff Davis"
            name = name.rsplit(None, 1)[0] if label != "PERSON" and " " in name else ""
            if not name:
                continue
        if label == "PERSON":
            lead = re.match(r"(?:an?|the)\s+", name)
            if lead:
                name, start = name[lead.end() :], start + lead.end()
            if not all(_name_word(w) for w in name.split()):
                continue
        elif label == "ORG" and _TERRITORY.search(text[max(0, start - offset - 40) : start - offset]):
            label = "GPE"
        out.append((name, label, start))
    votes: dict[str, list[int]] = {}
    for name, label, _ in out:
        if label == "ORG" or label in _PLACE:
            votes.setdefault(key_for(name, label), [0, 0])[label in _PLACE] += 1
    places = {k for k, (org, place) in votes.items() if org and place > org}
    orgs = {k for k, (org, place) in votes.items() if place and org > place}
    peoples = {fold(name) for name, label, _ in out if label == "NORP"}

    def voted(name: str, label: str) -> str:
        if label != "PERSON" and " " not in name and fold(name) in peoples:
            return "NORP"  # "the Ukrainian side" read as a place, "Ukrainian" a nationality elsewhere
        key = key_for(name, label)
        if label == "ORG" and key in places:
            return "GPE"
        return "ORG" if label in _PLACE and key in orgs else label

    return [(name, voted(name, label), start) for name, label, start in out]


def _title_only(text: str, name: str, at: int) -> bool:
    """A reading that ends in an abbreviated title with a name after its point ("Navy Capt" of
    "Navy Capt. Jeff Davis"): NER stopped at the point; the person is the name after it."""
    end = at + len(name)
    after = re.match(r"\.\s+[A-Z]", text[end : end + 3])
    return name.split()[-1].lower() in ABBREVIATED_TITLES and after is not None


def _name_word(word: str) -> bool:
    """A word a person's name is written with: capitalised ("McCain", "O'Neill"), a particle ("von",
    "al-Assad"), a suffix ("Jr.") or an initial."""
    head = word.split("-")[0].lower()
    return word[:1].isupper() or head in PARTICLES or word.lower().rstrip(".") in SUFFIXES


def _particle_gap(ent: Span, nxt: Span) -> bool:
    last = ent[-1]
    return last.lower_ in PARTICLES and last.is_lower and nxt.start == ent.end


def with_people(entities: Sequence[Entity], names: Iterable[str]) -> list[Entity]:
    """Entities again, with those named ``names`` (spoken of as people: "Alejandro Mayorkas, the
    homeland security secretary, said") labelled PERSON and keyed as people."""
    people = set(names)
    if not people:
        return list(entities)
    surnames = {person_parts(n)[0] for n in people}
    raw = []
    for e in entities:
        person = e.text in people or (" " not in e.text and fold(e.text) in surnames)
        raw.append((e.text, "PERSON" if person and e.label != "NORP" else e.label, e.start))
    return _keyed(raw)


def _keyed(raw: list[tuple[str, str, int]]) -> list[Entity]:
    persons = [person_parts(text) for text, label, _ in raw if label == "PERSON"]
    surnames = {s for s, _ in persons}
    firsts: dict[str, set[str]] = {}
    for surname, first in persons:
        if first:
            firsts.setdefault(surname, set()).add(first)
    out: list[Entity] = []
    last_first: dict[str, str] = {}
    for text, label, start in raw:
        if label not in ("PERSON", "NORP") and " " not in text and fold(text) in surnames:
            label = "PERSON"  # "Ushakov" tagged ORG in one sentence, PERSON in another
        elif label != "PERSON" and _honoured(text):
            label = "PERSON"  # "Mr Girard" tagged ORG: an honorific names a person
        key = _qualified(text, firsts, last_first) if label == "PERSON" else key_for(text, label)
        out.append(Entity(text, label, key, start, start + len(text)))
    return out


def _honoured(text: str) -> bool:
    """A name led by a personal honorific ("Mr Girard", "Dr. Ana Ruiz"), not an office."""
    words = text.split()
    return len(words) >= 2 and words[0].rstrip(".").lower() in HONORIFICS and words[1][:1].isupper()


def _qualified(text: str, firsts: dict[str, set[str]], last_first: dict[str, str]) -> str:
    """``person:<surname>``, with the first name only where the document needs it to tell apart."""
    surname, first = person_parts(text)
    if len(firsts.get(surname, ())) < 2:
        return "person:" + surname
    if first:
        last_first[surname] = first
    else:
        first = last_first.get(surname) or sorted(firsts[surname])[0]
    return f"person:{surname}:{first}"


def display_names(entities: Iterable[Entity]) -> dict[str, str]:
    """The fullest form each key takes in a document ("Sergey Lavrov" for ``person:lavrov``)."""
    best: dict[str, str] = {}
    for e in entities:
        if len(e.text) > len(best.get(e.key, "")):
            best[e.key] = e.text
    return best
