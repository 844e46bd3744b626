"""People by the role the article gives them, so "the Russian president" can mean Putin.

News names a person once with a title or an appositive ("Russian President Vladimir Putin",
"Yuri Ushakov, Putin’s foreign policy adviser,") and later refers to them by role alone ("the
Russian president", "the Kremlin aide"). ``RoleIndex`` collects the words around each person's
name; ``resolve`` maps a definite description to a person only when the article leaves one
candidate (or one that dominates the others by mentions): a guess between two presidents is
worse than keeping the description as written.

A person's role words are the title written right before the name ("Russian President Vladimir
Putin": no verb or other word between), an appositive or "as the ..." after it: not whatever words
happen to precede it ("the Russian leader was feeling out Biden’s red lines" gives Biden nothing).
A modifier the article writes capitalised ("the Russian president") must be one of the person's
role words, or a form of one ("Russia"); a lower-case one ("the new president") only narrows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from storyline.annotation.names import ABBREVIATED_TITLES, SPELLED_TITLES, TITLES
from storyline.model import Entity

_BEFORE = re.compile(r"((?:[A-Za-z][\w.\-’']*\s+){1,5})$")
# a noun phrase set off by a comma right before the name, as the clause's start: "The dismissed
# engineer’s lawyer, Maria Santos," (not "After meeting the president, Maria Santos")
_LEAD_APPOS = re.compile(
    r"^\s*((?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w.\-’']+\s+){0,4}?[a-z]+),\s*$"
)
_APPOS = re.compile(r"^’?s?,\s+(?:the|a|an|who\s+is\s+the|who\s+was\s+the)\s+([^,.;:“”\"()]{3,60})")
# "Donald Trump assumed the nation's highest office Friday as the 45th president": the role a
# person takes or holds, said after the name in the same clause
_AS_ROLE = re.compile(r"\bas\s+(?:(?:the|a|an|its|their)\s+)?(.*)")
_ROLE_ENDS = frozenset(("", "of", "for", "since", "in", "on", "at", "from", "and", "with", "until", "after"))
_STOP = frozenset(str.split("the a an of and for in on at to said says with by from"))
# A word that makes a different role of the next one: a vice president is not "the president".
QUALIFIERS = frozenset(str.split("vice deputy assistant associate acting lieutenant under"))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower().replace("’s", " ")) if w not in _STOP]


@dataclass
class RoleIndex:
    """Role words → the people (keys) named with them, with mention counts."""

    roles: dict[str, set[str]] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    qualified: dict[tuple[str, str], str] = field(default_factory=dict)  # (key, role) → "vice"
    proper: set[str] = field(default_factory=set)  # words the article writes capitalised only
    titles: set[str] = field(default_factory=set)  # see ``_title_head``

    @property
    def nouns(self) -> frozenset[str]:
        """The role nouns a description may end in here: the common ones and this article's titles."""
        return ROLE_NOUNS | self.titles

    @classmethod
    def build(cls, text: str, entities: Sequence[Entity]) -> RoleIndex:
        # a word the article only ever writes capitalised: "Russian", not "new" (of "New York")
        index = cls(proper={w.lower() for w in _PROPER.findall(text)} - set(_LOWER.findall(text)))
        prev_end = 0
        people = sorted(e.start for e in entities if e.label == "PERSON")
        for e in sorted(entities, key=lambda e: e.start):
            if e.label != "PERSON":
                continue  # "Russian President Vladimir Putin": other names may belong to a title
            lo, prev_end = max(0, e.start - 80, prev_end), max(prev_end, e.end)
            index.mentions[e.key] += 1
            if len(e.text) > len(index.names.get(e.key, "")):
                index.names[e.key] = e.text
            window = text[lo : e.start]  # back to the previous person at most
            window = _last_clause(window)  # only the clause the name is in
            lead = _LEAD_APPOS.search(window)  # "The engineer’s lawyer, Maria Santos, said"
            found = _BEFORE.search(lead.group(1) + " ") if lead else None
            near = _words(found.group(1)) if found else _title_before(window)
            head = None if found else _title_head(window, near, index.proper)
            inner = e.text.split()  # NER may take the title in: "Superintendent Eddie Johnson"
            if head is None and len(inner) > 2:
                head = _title_head(" ".join(inner[:-2]) + " ", _words(inner[-3]), index.proper)
                near += [head] if head is not None else []
            if head is not None:
                index.titles.add(head)
            appos = _APPOS.match(text[e.end : e.end + 90])
            near += _words(appos.group(1)) if appos else []
            near += _role_after(text, e.end, people)
            before: tuple[str, ...] = ("",)
            for w in near:
                forms = (w, *SPELLED_TITLES.get(w, ()))  # "sen": also "senator", "lawmaker"
                index.titles.update(f for f in forms[1:] if f not in QUALIFIERS)
                qualifier = next((b for b in before if b in QUALIFIERS), None)
                for f in forms:
                    index.words.setdefault(e.key, set()).add(f)
                    index.roles.setdefault(f, set()).add(e.key)
                    if qualifier is not None:
                        index.qualified[(e.key, f)] = qualifier
                before = forms
        return index

    def resolve(self, head: str, modifiers: Sequence[str]) -> str | None:
        """The key of the one person described by ``head`` (a role noun) and ``modifiers``."""
        mods = [m.lower() for m in modifiers]
        cands = {
            k
            for k in self.roles.get(head.lower(), ())
            if self.qualified.get((k, head.lower()), "") in ("", *mods)
            and all(_same_word(m, self.words.get(k, ())) for m in mods if m in self.proper)
        }
        for mod in mods:
            narrowed = {k for k in cands if mod in self.words.get(k, ())}
            if narrowed:
                cands = narrowed
        if len(cands) == 1:
            return next(iter(cands))
        ranked = sorted(cands, key=lambda k: -self.mentions[k])
        if len(ranked) > 1 and self.mentions[ranked[0]] >= 2 * self.mentions[ranked[1]]:
            return ranked[0]
        return None


_PROPER = re.compile(r"(?<=[\w,;’'] )([A-Z][a-z]+)")
_LOWER = re.compile(r"\b[a-z]+\b")
_TITLE_WORD = re.compile(r"[\w.\-’']+")
_BREAK = re.compile(r"[.!?;:]\s|\n")


def _last_clause(window: str) -> str:
    """The end of ``window`` after its last clause break; the point of an abbreviated title is
    none ("Sen. Marco Rubio", "Lt. Gov. David Dewhurst": the title belongs to the name)."""
    cut = 0
    for m in _BREAK.finditer(window):
        word = re.search(r"(\w+)$", window[: m.start()])
        if m.group().startswith(".") and word is not None and word.group(1).lower() in ABBREVIATED_TITLES:
            continue
        cut = m.end()
    return window[cut:]


def _title_before(window: str) -> list[str]:
    """The role words of the title written right before a name: the run of capitalised words,
    offices and their qualifiers that ends at the name ("former US President Donald Trump",
    "Secretary of State Antony Blinken"); a verb or any other word ends it."""
    words = _TITLE_WORD.findall(re.split(r"[,()“”\"—–]", window)[-1])  # a title touches its name
    run: list[str] = []
    for w in reversed(words[-6:]):
        low = w.lower().rstrip(".")
        if w[:1].isupper() or low in ROLE_NOUNS | QUALIFIERS | TITLES or (low == "of" and run):
            run.append(w)
            continue
        break
    while run and run[-1].lower() == "of":
        run.pop()
    return _words(" ".join(reversed(run)))


def _title_head(window: str, title: Sequence[str], proper: set[str]) -> str | None:
    """The office a title written right before a name ends in, when it is a common noun the
    article also writes in lower case: "Sheriff Scott Keeler" … "the sheriff said", "Superintendent
    Eddie Johnson" … "the superintendent" (local news names police chiefs, sheriffs,
    commissioners and superintendents this way, and no fixed list holds every office). Not an
    abbreviation ("Cmdr."), nor a word only ever capitalised ("Republican Ted Cruz")."""
    m = re.search(r"\b([A-Z][a-z]{3,})\s+$", window)
    if m is None:
        return None
    word = m.group(1).lower()
    if not title or title[-1] != word or word in proper or word in TITLES or word in ROLE_NOUNS:
        return None
    return word


def _same_word(word: str, words: Iterable[str]) -> bool:
    """``word`` or another form of it ("russian" and "russia") among ``words``."""
    for w in words:
        short = min(len(w), len(word))
        common = next((i for i, (a, b) in enumerate(zip(word, w, strict=False)) if a != b), short)
        if w == word or (common >= 5 and common >= short - 2):
            return True
    return False


def _role_after(text: str, end: int, people: Sequence[int]) -> list[str]:
    """Role words of "as the 45th president" after a name, in its clause and before any other
    person is named (in "X hailed Y as the next president" the role is Y's); ``people`` are the
    sorted starts of the people named."""
    n = bisect_left(people, end)
    stop = min(end + 120, people[n]) if n < len(people) else end + 120
    clause = re.split(r"[.!?;:\n“”\"]|,\s+(?:who|which|while|but|and)\b", text[end:stop])[0]
    m = _AS_ROLE.search(clause)
    if m is None:
        return []
    raw = m.group(1).split()
    for i, w in enumerate(raw[:5]):
        if w.lower().strip(",") in ROLE_NOUNS:
            while i + 1 < len(raw) and not w.endswith(",") and raw[i + 1].lower().strip(",") in ROLE_NOUNS:
                i, w = i + 1, raw[i + 1]  # "as the airline's chief executive"
            after = raw[i + 1].lower() if i + 1 < len(raw) else ""
            # "as the 45th president of the United States", not "as the president arrived"
            if w.endswith(",") or after in _ROLE_ENDS:
                return _words(" ".join(x for x in raw[: i + 1] if not any(c.isdigit() for c in x)))
            return []
    return []


# Nouns news uses to refer back to a person by office or role.
ROLE_NOUNS = frozenset(
    str.split(
        """president minister leader adviser advisor aide spokesman spokeswoman spokesperson secretary
    senator governor mayor chancellor premier king queen prince princess envoy ambassador chief
    director chairman chairwoman general commander judge prosecutor lawyer attorney candidate
    nominee founder executive speaker counterpart diplomat negotiator lawmaker congressman
    congresswoman coach manager owner pope billionaire businessman businesswoman actor actress
    singer player economist professor justice"""
    )
)


@cache
def _description(nouns: frozenset[str]) -> re.Pattern[str]:
    """ "the Russian president", "the new president": up to three modifiers, then a role noun."""
    stop = "|".join(sorted(_STOP))
    return re.compile(
        r"\b[Tt]he\s+((?:(?!(?:" + stop + r")\b)[\w’'-]+\s+){0,3}?)(" + "|".join(sorted(nouns)) + r")\b"
    )


def descriptions(text: str, entities: Sequence[Entity], index: RoleIndex) -> list[Entity]:
    """Definite descriptions ("the Russian president") of the one person they can mean here."""
    taken = [(e.start, e.end) for e in entities if e.label != "NORP"]  # "Russian" may sit inside
    out: list[Entity] = []
    nouns = index.nouns
    for m in _description(nouns).finditer(text):
        head, end, mods = m.group(2), m.end(), _words(m.group(1))
        if head not in nouns or any(a < end and m.start() < b for a, b in taken):
            continue
        while (more := re.match(r"\s+([a-z]+)\b", text[end : end + 30])) and more.group(1) in nouns:
            mods, head, end = [*mods, head], more.group(1), end + more.end()  # "the attorney general"
        if re.match(r"\s+(?:[A-Z]|of\b)", text[end : end + 4]):
            continue  # a title before a name ("the Russian president Vladimir Putin") or "of X"
        key = index.resolve(head, mods)
        if key is not None:
            out.append(Entity(text[m.start() : end], "PERSON", key, m.start(), end))
    return out


def described_speaker(speaker: str, index: RoleIndex) -> str | None:
    """The key of the person a quote's speaker written as a description ("the attorney", "the new
    president") means in this article, or None."""
    found = descriptions(speaker, [], index)
    return found[0].key if len(found) == 1 and found[0].start == 0 and found[0].end == len(speaker) else None
