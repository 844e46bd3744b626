"""Words as the cross-check compares them: content stems, negation, reporting verbs.

Outlets say one thing in other words ("requested the call" / "the call that Putin requested"), so
facts are keyed by crude stems of content words rather than by the surface text. A suffix stemmer is
enough here: it only has to make two spellings of one word meet, never to produce a dictionary form.
"""

from __future__ import annotations

import functools
import re

from storyline.annotation.irregular import irregular_forms
from storyline.stories.signatures import normalise

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)*")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOP = _set(
    """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself mr mrs ms dr s t n't its it's one two also may
    might must shall us yet still even however though although because since whether per via amid
    according another many much several like told say said says saying tell tells telling added
    add adds adding noted"""
)

# Verbs that report speech: a date attached to "said" dates the saying, not the event reported.
REPORTING = _set(
    """say said says saying tell told tells telling add added adds report reported reports note
    noted announce announced ask asked claim claimed state stated explain explained write wrote
    brief briefed"""
)

NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "cannot", "without"})

MONTHS_AND_DAYS = _set(
    """january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday today yesterday tomorrow week weeks month months year years day days morning evening
    night afternoon earlier later last next this"""
)

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s")


# A story's sentences repeat their words: ~190k calls for basil-dev's 25 stories, ~15k words
@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: lower case, irregular forms to their lemma ("held" → "hold"), common
    inflections stripped, at least three letters kept. An inflection is stripped to the form its
    base gives: a silent e comes back where English spelling dropped it ("voted" → "vote", as
    "vote"; "agreed" → "agree"), a doubled consonant goes ("planned" → "plan")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = irregular_forms().get(w, w)
    if len(w) == 4 and w.endswith("ied"):
        return w[:-1]  # "died", "tied", "lied"
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[: -len(suf)]
            if suf in ("ied", "ies"):
                base += "y"
            elif suf in ("ed", "es", "ing", "ings") and _dropped_e(w, base):
                base += "e"
            w = base
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "planned" → "plann" → "plan"
    return w.rstrip("e") if len(w) > 4 else w


def _dropped_e(word: str, base: str) -> bool:
    """Did the inflection drop a final e? After "ee" ("agreed", "frees"), and after a short
    consonant-vowel-consonant root it did not double ("voted", "ruling"; not "boxed", "played")."""
    if word.endswith(("eed", "ees")) and base.endswith("e"):
        return True
    return (
        len(base) == 3 and base[0] not in _VOWELS and base[1] in _VOWELS and base[2] not in _VOWELS + "wxys"
    )


_VOWELS = "aeiou"


def tokens(text: str) -> list[str]:
    """Words and numbers in order, as written."""
    return [m.group(0).strip("-'’") for m in _WORD.finditer(text)]


def content_stems(text: str, *, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the words that carry content: no stop words, no numbers, nothing in ``drop``."""
    out = set()
    for tok in tokens(text):
        low = tok.lower()
        if low in STOP or low in drop or tok[0].isdigit() or len(low) < 3:
            continue
        out.add(stem(low))
    return frozenset(out)


# Verbs outlets use in turn for one act. A sentence's stems also carry the act ("~decide"), so "had
# yet to determine whether to move" meets "had not decided whether to invade" on the act as well as
# on the person. Senses are added beside the stems, never in their place; quotes are compared on
# their own words (``crosscheck.quotes``), so a quote reworded with a synonym is still a change.
_FAMILIES = {
    "decide": "decid determin choos chos chosen opt",
    "rise": "increas rise rose risen ris climb jump soar surg",
    "fall": "decreas fall fell fallen declin plung slid sink sank sunk",
    "resign": "resign quit leav",  # leaving a post: "left her job", "has since left the network"
    "kill": "kill slay slain slew",
    "detain": "arrest detain",
    "injure": "injur wound",
    "ban": "ban prohibit outlaw",
    "warn": "warn caution",
}
SENSES = {stem(s): "~" + name for name, stems in _FAMILIES.items() for s in stems.split()}
# the stems of the reporting verbs, as a verb's lemma is read: "said" and "saying" tell no act
REPORTING_STEMS = frozenset(stem(w) for w in REPORTING)


def senses(stems: frozenset[str]) -> frozenset[str]:
    """The stems with the names of the acts they express added: {decid} → {decid, ~decide}."""
    return stems | {SENSES[s] for s in stems if s in SENSES}


def negated_stems(text: str) -> frozenset[str]:
    """Stems of the words a negator governs (the next two content words): "had not decided" → decid.
    "Yet to" negates as "not" does: "had yet to decide" has not decided."""
    toks = [t.lower().replace("’", "'") for t in tokens(text)]  # "didn’t" as "didn't"
    out = set()
    for i, tok in enumerate(toks):
        if tok in NEGATORS or tok.endswith("n't") or (tok == "yet" and toks[i + 1 : i + 2] == ["to"]):
            taken = 0
            for nxt in toks[i + 1 : i + 5]:
                if nxt in STOP:
                    continue
                out.add(stem(nxt))
                taken += 1
                if taken == 2:
                    break
    return frozenset(out)


def plain(text: str) -> str:
    """Lower-case words only, for comparing wording: punctuation and typography do not count."""
    return normalise(text.replace("’", "'"))


__all__ = [
    "MONTHS_AND_DAYS",
    "NEGATORS",
    "REPORTING",
    "STOP",
    "content_stems",
    "negated_stems",
    "plain",
    "stem",
    "tokens",
]
