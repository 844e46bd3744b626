"""Whole statements across sources: two sentences state one claim when they say the same in
meaning and words, or when their structure shows it (one person doing one distinctive act,
denying one act, a quote told as one's own); opposite polarity of one claim is a conflict. Alike
sentences that give different values for one thing state no one fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storyline.crosscheck.candidates import AGREE_SCORE, SAME_SCORE, Pair
from storyline.crosscheck.events import dates_conflict, explicit, same_event
from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.measures import compatible, only_of_kind, same_counted
from storyline.crosscheck.words import MONTHS_AND_DAYS, NEGATORS, STOP, plain, stem, tokens

CLAIM_SCORE = 0.5  # pair score above which a shared distinctive word and name make one claim

DENIAL_SCORE = 0.45  # pair score above which one person not doing one act is one claim

STRUCTURAL = 0.7  # a claim shown by its structure (same act or denial by one person, a quote told)

BESIDE = 3  # words between a person's name and the act it does, in a plain clause

NEGATIVE_VERBS = frozenset({"refus", "deny", "deni", "reject", "declin", "fail", "dismiss", "oppos"})

_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
# a time of day: "3:30 a.m.", "10 p.m.", "16:08", "noon"
_CLOCK = re.compile(r"\b(\d{1,2})(?::(\d\d))?\s*([ap])\.?m\b|\b(\d{1,2}):(\d\d)\b|\b(noon|midnight)\b", re.I)


def _similar_length(a: str, b: str) -> bool:
    la, lb = len(a.split()), len(b.split())
    return max(la, lb) <= 1.5 * min(la, lb)


def _beside(f: SentenceFacts, person: str, words: frozenset[str] | None) -> bool:
    """Does one of ``words`` (stems) follow the person's name within ``BESIDE`` words, or a
    negation when ``words`` is None? "Mr Putin requested", "a call that Putin requested",
    "Putin had not decided": the name is the subject of the act, not a passer-by in the sentence
    (nor its object: "reminding Mr. Trump", "people who attack my wife, Cruz said")."""
    surname = person.split(":")[-1].split("_")[-1]
    toks = _lower_tokens(f.text)
    at = [i for i, t in enumerate(toks) if t.replace("’s", "").replace("'s", "") == surname]
    for i in at:
        near = toks[i + 1 : i + BESIDE + 1]
        if words is None and any(t in NEGATORS or t.endswith(("n't", "n’t")) or t == "yet" for t in near):
            return True
        if words is not None and any(stem(t) in words for t in near):
            return True
    return False


def _people(p: Pair) -> set[str]:
    return {n for n in p.a.names & p.b.names if n.startswith("person:")}


def same_act(p: Pair) -> bool:
    """The same person doing the same distinctive act in both sentences, in other words around
    it: the shared rare word stands beside the person's name in both ("Mr Putin requested the
    call" / "a 50-minute phone call that Putin requested")."""
    if p.score < CLAIM_SCORE or not p.rare_words:
        return False
    people = _people(p)
    acts = _lower_stems(p.a.text) & _lower_stems(p.b.text) & p.rare_words if people else frozenset()
    return any(_beside(p.a, n, acts) and _beside(p.b, n, acts) for n in people) if acts else False


@lru_cache(maxsize=8192)
def _lower_tokens(text: str) -> tuple[str, ...]:
    """The sentence's words in lower case, read once per sentence however many pairs it is in."""
    return tuple(tokens(text.lower()))


@lru_cache(maxsize=8192)
def _lower_stems(text: str) -> frozenset[str]:
    """Stems of the words a sentence writes in lower case: acts and things, not names, titles or
    days ("requested", "rupture"; not "Aitan", "Speaker", "Friday")."""
    return frozenset(stem(t) for t in tokens(text) if t.islower() and t not in MONTHS_AND_DAYS)


def same_denial(p: Pair) -> bool:
    """Both sentences say the same person has not done the same act ("had yet to determine
    whether" / "had not decided whether"): a specific claim even in other words, where the
    shared words (the person, the act) are too common in the story to be distinctive. The
    negation must stand beside the name on both sides."""
    if p.score < DENIAL_SCORE or not (p.a.negated & p.b.negated):
        return False
    return any(_beside(p.a, n, None) and _beside(p.b, n, None) for n in _people(p))


def quoted_words_told(p: Pair) -> bool:
    """One sentence quotes words the other states as its own ("could result in a “complete
    rupture”" / "could lead to a complete rupture of ties"), about the same person: a
    paraphrase of one remark."""
    if p.score < CLAIM_SCORE or not _people(p):
        return False
    for quoted, other in ((p.a, p.b), (p.b, p.a)):
        if _QUOTED.search(other.text):
            continue
        for q in _QUOTED.findall(quoted.text):
            if is_title(q):
                continue
            words = [w for w in plain(q).split() if w not in STOP]
            if len(words) >= 2 and f" {' '.join(words)} " in f" {plain(other.text)} ":
                return True
    return False


# the small words a title keeps in lower case ("Bridge of Spies", "The Lord of the Rings")
_TITLE_SMALL = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def is_title(quoted: str) -> bool:
    """Are the quoted words a name (a film's, a book's, a nickname: "The Hunger Games", "Bettie
    Page", "Catching Fire") rather than words someone said? Every word but a title's small ones
    starts with a capital: a name in quotation marks is no remark, so the other sentence naming it
    tells no paraphrase of one (ecbplus-dev: "Ross was paid $3 million to direct \"The Hunger
    Games\"" / "Ross wants a raise ... The Hunger Games set to begin filming")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    return bool(words) and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def clock_times(text: str) -> frozenset[int]:
    """The times of day a sentence gives, in minutes after midnight ("3:30 a.m." → 210)."""
    out = set()
    for m in _CLOCK.finditer(text):
        hour, minute, half, hour24, minute24, word = m.groups()
        if word:
            out.add(720 if word.lower() == "noon" else 0)
        elif hour24 is not None:
            out.add(int(hour24) % 24 * 60 + int(minute24))
        else:
            out.add(int(hour) % 12 * 60 + int(minute or 0) + (720 if half.lower() == "p" else 0))
    return frozenset(out)


def values_differ(p: Pair) -> bool:
    """Do the two sentences give different values for something both state: a figure of the same
    counted thing (or the one figure of its kind each sentence gives: two sentences told as one
    claim, "1.5 million" in one and "1.6 million" in the other), a date of the same event, or a
    time of day ("around 3:30 a.m." / "around 3:50 a.m.", which dates compare only to the day)?
    Then they do not state one fact, however alike."""
    clocks_a, clocks_b = clock_times(p.a.text), clock_times(p.b.text)
    if clocks_a and clocks_b and not clocks_a & clocks_b:
        return True

    def sole(f: SentenceFacts, m: Measure) -> bool:
        return sum(1 for o in f.measures if o.dim == m.dim) == 1

    for ma in p.a.measures:
        for mb in p.b.measures:
            if (
                ma.dim == mb.dim
                and not compatible(ma, mb)
                and (same_counted(ma, mb) or only_of_kind(p, ma, mb) or (sole(p.a, ma) and sole(p.b, mb)))
            ):
                return True
    if _one_left_each(p.a.measures, p.b.measures):
        return True
    for da in p.a.dates:
        for db in p.b.dates:
            one = same_event(da, db, p) > 0 or (explicit(da) and explicit(db) and p.score >= SAME_SCORE)
            if one and dates_conflict(da, db) and not (da.bound or db.bound):
                return True
    return False


def _one_left_each(a: Sequence[Measure], b: Sequence[Measure]) -> bool:
    """Do two sentences list figures of one kind alike but for one on each side ("sentenced to 2
    years, with 9 months to serve" / "to 2 1/2 years, with 9 months to serve", ecbplus-dev)? The
    figures both give pair the lists up, so the one left on each side is the same thing told with
    another value: the sentences state no one fact."""
    for dim in {m.dim for m in a} & {m.dim for m in b}:
        xs, ys = [m for m in a if m.dim == dim], [m for m in b if m.dim == dim]
        left_x = [m for m in xs if not any(compatible(m, o) for o in ys)]
        left_y = [m for m in ys if not any(compatible(m, o) for o in xs)]
        if len(left_x) == len(left_y) == 1 and len(xs) > 1 and len(ys) > 1:
            return True
    return False


def claim_confidence(p: Pair) -> float:
    """How surely two sentences state one claim, from their closeness in meaning and words.

    Fitted on the tuning half of the judged dev events: of the claim pairs scoring 0.70 or more,
    1 in 30 was judged not one fact, against a third between 0.62 and 0.70; distinctive words and
    shared names did not separate them (bench/natural, bench/eval_natural.py)."""
    return max(0.0, min(1.0, 0.5 + 2.5 * (p.score - AGREE_SCORE)))


def compare_claims(p: Pair) -> list[Link]:
    """Two sentences that say the same thing (agree), or the same thing with opposite polarity.

    Close in meaning is enough; somewhat close needs a distinctive word both use as well, or the
    same person denied the same act (``same_denial``).
    """
    structural = same_act(p) or same_denial(p) or quoted_words_told(p)
    if p.score < AGREE_SCORE and not structural:
        return []
    if values_differ(p):
        return []  # alike, but not one fact: "50,000 pages" / "55,000 pages" is no agreement
    flipped = (p.a.negated - p.b.negated) & p.b.stems | (p.b.negated - p.a.negated) & p.a.stems
    negative = (p.a.stems | p.b.stems) & NEGATIVE_VERBS
    alike = p.cos >= 0.75 and p.overlap >= 0.8 and _similar_length(p.a.text, p.b.text)
    quoted = any(q.direct for q in p.a.quotes + p.b.quotes)  # quoted words are compared as quotes
    conflict = bool(flipped) and not negative and alike and not quoted
    if flipped and not conflict and not negative:
        return []  # one denies what the other affirms, in other words: not the same claim either
    value_a = "negated" if flipped & p.a.negated else "affirmed"
    value_b = "negated" if flipped & p.b.negated else "affirmed"
    return [
        Link(
            "claim",
            conflict,
            Side.of(p.a, p.a.text if conflict else "", value_a if conflict else None, "s"),
            Side.of(p.b, p.b.text if conflict else "", value_b if conflict else None, "s"),
            p.score,
            max(claim_confidence(p), STRUCTURAL if structural else 0.0),
        )
    ]
