"""Quotes across sources: the same words (agree, or a speaker conflict when credited to different
people) and the same remark by the same speaker in other words (a quote conflict).

A quote is compared fragment by fragment (its sentences and clauses), because one outlet often
quotes a part of what another quotes in full; a part inside the whole is agreement, not conflict.
Transcription is not wording: outlets differ in punctuation, "OK" or "O.K.", "pew" or "pews", an
editor's "[President Barack]", a censored "c---", and whether "that" is kept; such quotes agree.
A long quote may hold several remarks another outlet quotes apart, so a quote's counterpart is
chosen per part of it (the words the other quote matches), not once for the whole quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from storyline.crosscheck.events import dates_conflict
from storyline.crosscheck.facts import DatedEvent, SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.occasions import UNKNOWN, Occasion, occasion_of, other_occasions, speech_verb
from storyline.crosscheck.spokespeople import speaks_for
from storyline.crosscheck.words import STOP, content_stems, plain, stem
from storyline.model import Quote

if TYPE_CHECKING:  # predicates reads quotes (through claims and the summaries) at import
    from storyline.crosscheck.predicates import Clause, Parser

REMARK_RATIO = 0.6  # token-set similarity two fragments of one remark keep in other words
PREFILTER = 45.0  # token-set similarity below which two quotes cannot be one remark
NEAR_SHARE = 0.66  # share of a quote's words, in order, in another that makes them one remark
NEAR_WORDS = 85.0  # ratio of the plain words at or above which two quotes are one remark reworded
SAYS = 0.5  # share of its content words, in order, above which a quote says what the other says
MIN_CONTAINED = 4  # words a partial quote needs before its containment in another counts
SHORT_QUOTE = 5  # words under which a quote by nobody named may be a title or a scare quote
_FRAGMENT = re.compile(r"(?<=[.!?;:])\s+|,\s+(?:and|but|so)\s+|\s+[—–]\s+")
_PART = re.compile(r"(?<=[.!?;])\s+|\s*(?:\.\.\.|…)\s*")  # sentences, and the pieces an ellipsis joins
_INSERTED = re.compile(r"\[[^\]]*\](?![a-z])|\([^)]*\)")  # an editor's "[President Barack]", "(and)"
_CENSORED = re.compile(r"[A-Za-z]*(?:-{2,}|\*+)[A-Za-z]*(?<![-*\s])|[A-Za-z]+(?:-{2,}|\*+)")
_OKAY = re.compile(r"\bO\.K\.|\bOK\b|\bok\b")
_OKAY_ENDING = re.compile(r"\bO\.K\.(?=[”’\"']*\s+[A-Z])")
_NOT = re.compile(r"n[’']t\b|\bcannot\b", re.IGNORECASE)
WILD = "*"  # a censored word: matches any one word
# words transcripts keep or drop at will: "admit (that) I'm a Christian", "(that's / it's) okay"
SMALL = frozenset({"a", "an", "the", "that", "and", "it", "s", "its", "this"})


@dataclass(frozen=True)
class QuoteFact:
    source: int
    index: int  # position among its source's quotes
    quote: Quote
    words: str  # plain lower-case words


def quote_facts(quotes_by_source: Sequence[Sequence[Quote]]) -> list[QuoteFact]:
    """The direct quotes of every source; indirect speech is compared as claims, not as wording."""
    return [
        QuoteFact(s, i, q, plain(q.text))
        for s, quotes in enumerate(quotes_by_source)
        for i, q in enumerate(quotes)
        if q.direct and len(plain(q.text).split()) >= 2
    ]


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True or False when both speakers have keys; None when either is unknown."""
    if not a or not b:
        return None
    if a.split(":")[0] == b.split(":")[0]:
        return same_entity(a, b)
    return _surname(a) == _surname(b)


def one_source(a: QuoteFact, b: QuoteFact, sents: Sequence[Sequence[SentenceFacts]]) -> bool | None:
    """``same_speaker``, save that an organisation and the person one article names as its
    spokesperson ("a White House statement said" / "White House press secretary Jen Psaki said")
    are one source of one remark."""
    same = same_speaker(a.quote.speaker_key, b.quote.speaker_key)
    if same is not False:
        return same
    for p, o in ((a, b), (b, a)):
        kp, ko = p.quote.speaker_key or "", o.quote.speaker_key or ""
        keyed = kp.startswith("person:") and ko.startswith("name:")
        texts = (f.text for f in sents[p.source])
        if keyed and speaks_for(p.quote.speaker or "", o.quote.speaker or "", texts):
            return True
    return False


def _surname(key: str) -> str:
    """The name part of a key: "person:goelman" and "name:goelman" are one speaker labelled twice."""
    parts = key.split(":")
    return parts[1] if len(parts) > 1 else parts[0]


try:
    from storyline.annotation.names import same_entity
except ImportError:  # pragma: no cover - the names module ships with annotation

    def same_entity(key_a: str | None, key_b: str | None) -> bool:
        """Equal keys or equal last words, while the names module is absent."""
        if not key_a or not key_b:
            return False
        ta, tb = key_a.lower().replace(":", " ").split(), key_b.lower().replace(":", " ").split()
        return key_a == key_b or bool(ta and tb and ta[-1] == tb[-1])


def _contains(long: str, short: str) -> bool:
    return len(short.split()) >= MIN_CONTAINED and f" {short} " in f" {long} "


def transcribed(text: str) -> tuple[str, ...]:
    """The words of a quote as a transcript has them: no insertions, small words or inflections.

    Negation stays ("don't" → "not"), so "we will not accept" never meets "we will accept"."""
    text = _INSERTED.sub(" ", text).replace("[", "").replace("]", "")
    text = _CENSORED.sub(f" {WILD} ", _OKAY.sub("okay", text))
    text = _NOT.sub(" not", text.replace("’", "'"))
    out = []
    for w in plain(text.replace(WILD, " zzwild ")).split():
        if w == "zzwild":
            out.append(WILD)
        elif w not in SMALL:
            out.append(stem(w))
    return tuple(out)


def _seq_in(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Is ``short`` a run of ``long``, a censored word matching any word?"""
    return bool(short) and _runs(short, long) > 0


def same_transcript(long: str, short: str) -> bool:
    """Are the two quotes the same words as transcribed, the shorter inside the longer?"""
    ts, tl = transcribed(short), transcribed(long)
    # three words at least, and most of the quote: "deeply troubled" is a phrase, not a remark
    return len(ts) >= max(3, len(plain(short).split()) / 2) and _seq_in(ts, tl)


def _parts_agree(long: str, short: str) -> bool:
    """Is each part (sentence) of the shorter quote either in the longer one word for word, as
    transcribed, or not there at all (most of its content words absent), and one part there?
    Then the two quote one remark in parts, with no part reworded."""
    tl, agreed = transcribed(long), False
    content = content_stems(long)
    for part in _PART.split(short):
        if len(plain(part).split()) < 2:
            continue
        if _seq_in(transcribed(part), tl):
            agreed = True
            continue
        stems = content_stems(part)
        if stems and len(stems & content) >= 0.5 * len(stems):
            return False  # this part is there in other words
    return agreed


def _fragments(text: str) -> list[str]:
    """The quote's sentences and clauses as written, each of three words or more."""
    parts = [p.strip(" ,.;:“”\"'‘’") for p in _FRAGMENT.split(text)]
    return [p for p in parts if len(plain(p).split()) >= 3] or [text]


def _same_remark(a: str, b: str) -> tuple[float, str, str] | None:
    """The best-matching fragments when two quotes render one remark in different words."""
    best: tuple[float, str, str] | None = None
    for fa in _fragments(a):
        sa = content_stems(fa)
        for fb in _fragments(b):
            sb = content_stems(fb)
            shared = len(sa & sb)
            small = min(len(sa), len(sb))
            if shared < 3 or shared < 0.6 * small:
                continue
            ratio = fuzz.token_set_ratio(plain(fa), plain(fb)) / 100
            if ratio < REMARK_RATIO:
                continue
            score = ratio + shared / max(small, 1)
            if best is None or score > best[0]:
                best = (score, fa, fb)
    return best


def _side(qf: QuoteFact, sents: Sequence[SentenceFacts], value_text: str, value: object) -> Side:
    """The sentences that hold the quote (the part compared when it spans several)."""
    q = qf.quote
    inside = [f for f in sents if f.end > q.start and f.start < q.end] or [
        min(sents, key=lambda f: abs(f.start - q.start))
    ]
    if len(inside) > 1 and value_text:
        holding = [f for f in inside if plain(value_text) in plain(f.text)]
        inside = holding[:1] or inside
    first, last = inside[0], inside[-1]
    text = first.text if first is last else _span_text(inside)
    return Side(qf.source, first.start, last.end, text, value_text, value, (qf.source, "q", qf.index))


def _span_text(sents: Sequence[SentenceFacts]) -> str:
    out = sents[0].text
    for prev, cur in pairwise(sents):
        out += " " * max(1, cur.start - prev.end) + cur.text
    return out


def _word_match(short: str, long: str) -> float:
    """Share of the shorter quote's words found, in order, in the longer one."""
    ws, wl = short.split(), long.split()
    if len(ws) < MIN_CONTAINED:
        return 0.0
    matched = sum(b.size for b in SequenceMatcher(None, ws, wl, autojunk=False).get_matching_blocks())
    return matched / len(ws) if matched >= 3 else 0.0


def content_match(short: str, long: str) -> float:
    """Share of the shorter quote's content words found, in order, in the longer one (plain words).

    Two sentences of one speaker share the small words of his speech ("there's a lot of", "we
    ... an invasion of our country"): in order they make most of either quote's words, while what
    each says ("anger" / "soul-searching"; "talking about" / "drugs and criminals coming") is
    apart. One remark reworded keeps most of what it says."""
    ws, wl = short.split(), long.split()
    content = [w for w in ws if w not in STOP]
    if not content:
        return 0.0
    blocks = SequenceMatcher(None, ws, wl, autojunk=False).get_matching_blocks()
    held = sum(1 for b in blocks for w in ws[b.a : b.a + b.size] if w not in STOP)
    return held / len(content)


def _content_words(words: str) -> str:
    return " ".join(w for w in words.split() if w not in STOP)


def _contained(long: str, short: str) -> bool:
    """Is the shorter quote (each of its fragments) inside the longer one, word for word? Small
    words do not count: "a balanced approach" and "balanced approach" are the same words."""
    if short == long or _contains(long, short):
        return True
    cl, cs = _content_words(long), _content_words(short)
    # small words do not count, but the content words must be most of the quote: "the American
    # people are with me with this" is not inside "... to help American people make sure ..."; and
    # a two-word phrase ("witch hunt") is too little to show that two quotations are the same words
    enough = len(cs.split()) >= max(2, len(short.split()) / 2) and len(short.split()) >= 3
    # the words left out must be ones a transcript drops ("a", "that"), not the remark's own:
    # "He was home alone" is not inside "you should not have an 11-year-old home alone"
    dropped = set(short.split()) - set(cs.split())
    if cs and (cs == cl or (enough and dropped <= SMALL and f" {cs} " in f" {cl} ")):
        return True
    parts = [plain(f) for f in re.split(r"\.\.\.|…|\[[^\]]*\]", short)]
    parts = [f for f in parts if f]
    return len(parts) > 1 and all(f" {f} " in f" {long} " for f in parts)


@dataclass(frozen=True)
class Judged:
    """Two quotes judged: the aspect, whether they conflict, the words compared on each side, the
    part of each quote those words are (word positions in its plain words) and how closely the
    two match there."""

    aspect: str
    conflict: bool
    words_a: str
    words_b: str
    part_a: tuple[int, int]
    part_b: tuple[int, int]
    closeness: float
    in_other_words: bool = False  # one remark only by shared key words, not by its wording


def _part(words: str, whole: str) -> tuple[int, int]:
    """Where ``words`` sit in ``whole`` (both plain), as word positions; the whole when scattered."""
    ws, wl = words.split(), whole.split()
    at = f" {whole} ".find(f" {words} ")
    if at >= 0 and ws:
        first = len(f" {whole} "[:at].split())
        return first, first + len(ws)
    blocks = [b for b in SequenceMatcher(None, ws, wl, autojunk=False).get_matching_blocks() if b.size]
    runs = [b for b in blocks if b.size >= 2] or blocks
    if not runs:
        return 0, len(wl)
    return runs[0].b, runs[-1].b + runs[-1].size


def _judge(a: QuoteFact, b: QuoteFact, speaker: bool | None) -> Judged | None:
    """Two quotes judged, or None when unrelated.

    The same words (or a part of the other, word for word) agree — unless credited to different
    people. Nearly the same words are one remark reworded; a remark sharing its key words with
    another by the same speaker is one remark in other words. ``speaker``: ``one_source``.
    """
    ta, tb = a.quote.text, b.quote.text
    a_long = len(a.words) >= len(b.words)
    long, short = (a.words, b.words) if a_long else (b.words, a.words)
    whole_a, whole_b = (0, len(a.words.split())), (0, len(b.words.split()))

    def parts(closeness: float) -> tuple[tuple[int, int], tuple[int, int], float]:
        if a_long:
            return _part(short, long), whole_b, closeness
        return whole_a, _part(short, long), closeness

    if _contained(long, short) or same_transcript(*((ta, tb) if a_long else (tb, ta))):
        aspect = "speaker" if speaker is False else "quote"
        return Judged(aspect, speaker is False, ta, tb, *parts(1.0))
    ratio, share = fuzz.ratio(a.words, b.words) / 100, _word_match(short, long)
    if ratio * 100 >= NEAR_WORDS or share >= NEAR_SHARE:
        if speaker is False:
            return None
        agree = _parts_agree(*((ta, tb) if a_long else (tb, ta)))
        return Judged("quote", not agree, ta, tb, *parts(1.0 if agree else max(ratio, share)))
    if speaker is not True:
        return None
    remark = _same_remark(ta, tb)
    if remark is None:
        return None
    score, fa, fb = remark
    part_a, part_b = _part(plain(fa), a.words), _part(plain(fb), b.words)
    if _contains(plain(fa), plain(fb)) or _contains(plain(fb), plain(fa)):
        return Judged("quote", False, fa, fb, part_a, part_b, 1.0)
    return Judged("quote", True, fa, fb, part_a, part_b, score / 2, in_other_words=True)


# Words whose presence or absence changes what a remark says: negation, condition, cause,
# contrast, modality. "To pass" against "If they don't pass"; "will" against "might".
MEANING_WORDS = frozenset(
    str.split(
        "not no never nor neither without if unless because since so therefore but although though "
        "only all none every any will would can could may might must should shall won wo nt"
    )
)
# what words left out of a quote must not hold: a negation or a condition that may bear on the
# words kept ("I will not support the bill" quoted as "support the bill")
BEARING_WORDS = frozenset(str.split("not no never nor neither without if unless nt"))
SPELLING = 0.75  # two words this alike are one word spelled two ways ("judgment" / "judgement")
NAME_SPELLING = 0.6  # two names this alike are one name transliterated two ways (Qaddafi / Gadhafi)
# an elision: "...", ". . .", "…", "[...]", "[…]"
_ELISION = re.compile(r"\[\s*(?:(?:\.\s*){3}|…)\s*\]|(?:\.\s*){2}\.|…")
_BRACKETED = re.compile(r"\[[^\]]*\]")  # an editor's words: "[Tracy]", "[deleted]"


@dataclass(frozen=True)
class Marks:
    """Where a quote, as written, shows what its writer did to the speaker's words: the word
    positions (in ``words_as_written``) an elision stands before, the words an editor put in
    square brackets; and the positions where a sentence or clause of it starts."""

    elided: frozenset[int]
    inserted: frozenset[int]
    starts: frozenset[int]

    def part(self, lo: int, hi: int) -> Marks:
        """The marks of the words ``lo`` to ``hi``, counted from ``lo``."""

        def within(marks: frozenset[int], end: int) -> frozenset[int]:
            return frozenset(i - lo for i in marks if lo <= i < end)

        return Marks(within(self.elided, hi + 1), within(self.inserted, hi), within(self.starts, hi + 1))


NO_MARKS = Marks(frozenset(), frozenset(), frozenset())


def _marks(text: str) -> Marks:
    def at(i: int) -> int:
        return len(words_as_written(text[:i]))

    elisions = list(_ELISION.finditer(text))
    inserted = {
        w
        for m in _BRACKETED.finditer(text)
        if not any(e.start() >= m.start() and e.end() <= m.end() for e in elisions)
        for w in range(at(m.start()), at(m.end()))
    }
    return Marks(
        frozenset(at(m.start()) for m in elisions), frozenset(inserted), frozenset(_clause_starts(text))
    )


def wording_change(a: str, b: str) -> tuple[bool, list[str], list[str]]:
    """(cosmetic, words only in a, words only in b) of one remark quoted twice.

    Cosmetic: what differs once both are transcribed alike ("O.K."/"okay", "that's"/"that is")
    is spellings of one word (Qaddafi / Gadhafi), inflections ("pew"/"pews"), small words, a
    name or title a transcript keeps or drops ("Representative Thibodeau" / "Thibodeau"), an
    editor's words in square brackets, or words one quote leaves out (an elision, "..." or
    "[...]"; a partial quote that starts or stops inside the other) with no negation or condition
    among them; never a negation, a condition, a cause or another content word. The words
    returned are the ones that differ, as written, for the summary; words left out are not among
    them."""
    wa, wb = words_as_written(a), words_as_written(b)
    ma, mb = _marks(a), _marks(b)
    whole = _differences(wa, wb, ma, mb)
    if whole[0]:
        return whole
    # a partial quote: the shorter one set against the sentences or clauses of the longer one
    # it quotes ("I'm not ashamed ..., but you don't need ..." / "But you don't need ..."); the
    # rest of the longer one is left out, not changed, whatever it holds
    a_long = len(wa) >= len(wb)
    long = wa if a_long else wb
    cuts = sorted(_clause_starts(a if a_long else b) | {len(long)})
    for lo in cuts:
        for hi in cuts:
            if lo < hi and (lo, hi) != (0, len(long)):
                # the shorter quote whole against the part: none of its words left out
                if a_long:
                    part = _differences(long[lo:hi], wb, ma.part(lo, hi), mb, partial=False)
                else:
                    part = _differences(wa, long[lo:hi], ma, mb.part(lo, hi), partial=False)
                if part[0]:
                    return part
    return whole


def _left_out(op: str, i1: int, j1: int, edge: bool, ma: Marks, mb: Marks) -> bool:
    """Are the words of this one-sided difference left out rather than changed: before or after
    all the other quote holds (``edge``: a partial quote), or where the other shows an elision?"""
    if op == "delete":
        return edge or j1 in mb.elided
    if op == "insert":
        return edge or i1 in ma.elided
    return False


def _differences(
    wa: list[str], wb: list[str], ma: Marks = NO_MARKS, mb: Marks = NO_MARKS, *, partial: bool = True
) -> tuple[bool, list[str], list[str]]:
    """``wording_change`` of two quotes' words as written, aligned whole; ``partial``: words
    before or after all the other quote holds are left out, not changed."""
    ta, tb = [_transcribed_word(w) for w in wa], [_transcribed_word(w) for w in wb]
    only_a: list[str] = []
    only_b: list[str] = []
    alike_a: list[str] = []
    alike_b: list[str] = []
    cosmetic = True
    ops = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            # read alike but written otherwise: a clitic a transcript drops ("I’m" / "I"), an
            # inflection ("pews" / "pew"); named only when no other word differs
            for x, y in zip(wa[i1:i2], wb[j1:j2], strict=True):
                if _as_written(x) != _as_written(y):
                    alike_a.append(x)
                    alike_b.append(y)
            continue
        xa, xb = wa[i1:i2], wb[j1:j2]
        if _left_out(op, i1, j1, partial and k in (0, len(ops) - 1), ma, mb):
            # a negation in a sentence or clause left out whole bears on nothing kept ("But I
            # don't think it's O.K. I think it's immoral." quoted from "I think")
            clauses = {i1, i2} <= ma.starts | {0, len(wa)} and {j1, j2} <= mb.starts | {0, len(wb)}
            if not clauses and (set(ta[i1:i2]) | set(tb[j1:j2])) & BEARING_WORDS:
                cosmetic = False  # named, as the words that change what the rest says
                only_a += xa
                only_b += xb
            continue
        only_a += xa
        only_b += xb
        # an editor's words in brackets, for words of the speaker's or none ("[Tracy]" / "she")
        edited = any(
            hi > lo and all(i in m.inserted for i in range(lo, hi))
            for m, lo, hi in ((ma, i1, i2), (mb, j1, j2))
        )
        spelled = (
            op == "replace"
            and len(xa) == len(xb)
            and all(
                fuzz.ratio(x.lower(), y.lower()) / 100 >= (NAME_SPELLING if x[:1].isupper() else SPELLING)
                and not ({x.lower(), y.lower()} & MEANING_WORDS)
                for x, y in zip(xa, xb, strict=True)
            )
        )
        # a compound written open, hyphenated or closed ("health care" / "healthcare")
        closed = op == "replace" and "".join(xa).lower() == "".join(xb).lower()
        if edited or spelled or closed:
            continue
        changed = set(ta[i1:i2]) | set(tb[j1:j2])  # as transcribed: "that's" is read as "that"
        names = {t for w, t in zip(xa + xb, ta[i1:i2] + tb[j1:j2], strict=True) if w[:1].isupper()}
        names -= MEANING_WORDS | STOP
        if changed & MEANING_WORDS or (changed - STOP - names - {"okay"}) or (op == "replace" and names):
            cosmetic = False
    return (cosmetic, only_a, only_b) if only_a or only_b else (cosmetic, alike_a, alike_b)


_CLAUSE_CUT = re.compile(r"[.!?;:]+[”’\"']*\s+|,\s+(?=(?:and|but|so)\b)|\s+[—–-]{1,2}\s+", re.IGNORECASE)


def _clause_starts(text: str) -> set[int]:
    """The positions (in ``words_as_written``) of the words that open a sentence or a clause."""
    text = _OKAY.sub("okay", _OKAY_ENDING.sub("okay.", text))  # "it's O.K. I think" ends a sentence
    return {0} | {len(words_as_written(text[: m.end()])) for m in _CLAUSE_CUT.finditer(text)}


def words_as_written(text: str) -> list[str]:
    """The quote's words with their case, so a name can be told from a word."""
    return re.findall(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)?", _OKAY.sub("okay", text))


def _as_written(word: str) -> str:
    """A word as a reader tells it from another: case and the apostrophe's form are typography."""
    return word.lower().replace("’", "'")


def read_alike(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """Are the words ``wording_change`` returns written differently but read as one ("I’m" / "I")?"""
    return [_transcribed_word(w) for w in words_a] == [_transcribed_word(w) for w in words_b]


def _transcribed_word(word: str) -> str:
    w = _as_written(word)
    if w.endswith("n't"):
        return "not"
    return stem(w.split("'")[0])


def _other_occasions(a: QuoteFact, b: QuoteFact, sents: Sequence[Sequence[SentenceFacts]]) -> bool:
    """Do the sentences holding the two quotes date them to different days ("said Monday" /
    "told CNN on Thursday")? The same speaker on two occasions says two things."""

    def days(qf: QuoteFact) -> list[DatedEvent]:
        q = qf.quote
        return [
            d for f in sents[qf.source] if f.end > q.start and f.start < q.end for d in f.dates if d.days == 1
        ]

    da, db = days(a), days(b)
    return bool(da and db and all(dates_conflict(x, y) for x in da for y in db))


Docs = Callable[[list[str]], list[Any]]  # the parses of sentences (``predicates.Docs``)


def _occasion(qf: QuoteFact, sents: Sequence[SentenceFacts], docs: Docs) -> Occasion:
    """The occasion the quote's speech verb names ("told CNN", "in a statement"), read from the
    parse of the sentence holding the verb; none for a quote with no speech verb of its own."""
    q = qf.quote
    if not q.cue:
        return UNKNOWN
    holding = [f for f in sents if f.end >= q.start and f.start <= q.end]
    before = [f for f in sents if f.end <= q.start][-1:]  # 'He continued: “…”' split before the quote
    for f in holding + before:
        (doc,) = docs([f.text])
        quoted = [(q.start - f.start, q.end - f.start)]
        verb = speech_verb(doc, q.cue, quoted)
        if verb is not None:
            return occasion_of(verb, quoted)
    return UNKNOWN


def _names_near(qf: QuoteFact, other: QuoteFact, sents: Sequence[Sequence[SentenceFacts]]) -> bool:
    """Is the other source's speaker named (by surname) in the sentences holding this quote, outside
    the quoted words? Then this source may well credit the same person, and the parse erred."""
    name = other.quote.speaker
    if not name or not name.split():
        return False
    return name.split()[-1] in _beside(qf.quote, sents[qf.source], before=0)


def _beside(q: Quote, sents: Sequence[SentenceFacts], *, before: int) -> str:
    """The text of the sentences holding the quote, and of ``before`` sentences ahead of them,
    outside the quoted words ("" when no sentence holds it)."""
    at = [k for k, f in enumerate(sents) if f.end > q.start and f.start < q.end]
    if not at:
        return ""
    return " ".join(sents[k].text for k in range(max(0, at[0] - before), at[-1] + 1)).replace(q.text, " ")


def named_beside(qf: QuoteFact, sents: Sequence[SentenceFacts]) -> bool:
    """Is the quote's speaker named (as the article gives it, "the attorney", or by the last word of
    the name) in the sentence holding the quote or the one before it, outside the quoted words? A
    speaker named further off ('He added:' paragraphs after the name) is the annotation's reading
    of a pronoun, which may be wrong."""
    speaker = qf.quote.speaker or ""
    near = _beside(qf.quote, sents, before=1)
    if not speaker or not near:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", speaker) if w[:1].isupper()]
    named = (speaker, words[-1]) if words else (speaker,)
    # not \b: a name may end in a full stop ("Jr.")
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", near) for n in named)


def quote_confidence(a: QuoteFact, b: QuoteFact, judged: Judged, speaker: bool | None) -> float:
    """How surely two quotes are one remark: the same speaker named on both sides, and words
    that match closely. Two people credited with the same words are surest when both are
    people (an organisation's statement is often read by its spokesperson)."""
    if judged.aspect == "speaker":
        people = all((k or "").startswith("person:") for k in (a.quote.speaker_key, b.quote.speaker_key))
        # a speaker no reporting verb ties to the words (the nearest name, the paragraph before)
        # is the annotation's best guess: two guesses that differ are to check, not a conflict
        tagged = a.quote.cue is not None and b.quote.cue is not None
        return 0.75 if people and tagged else 0.5
    # a short phrase in quotation marks ("In God We Trust", "witch hunt") is a title, a motto or a
    # scare quote as often as a remark: alone it does not make two sentences quote one remark
    short = min(len(judged.words_a.split()), len(judged.words_b.split())) < SHORT_QUOTE and not speaker
    return max(
        0.0,
        min(
            1.0,
            0.4
            + (0.3 if speaker else 0.1 if speaker is None else 0.0)
            + 0.25 * judged.closeness
            - (0.25 if short else 0.0),
        ),
    )


# a quote conflict that may be two remarks is to check, not stated (below ``report.CONFIDENT``)
UNSURE = 0.5


def _runs(run: tuple[str, ...], words: tuple[str, ...]) -> int:
    """How many times ``run`` stands in ``words``, a censored word matching any word."""
    n = len(run)
    return sum(
        all(x == y or WILD in (x, y) for x, y in zip(run, words[i : i + n], strict=True))
        for i in range(len(words) - n + 1)
    )


def refrain(a: QuoteFact, b: QuoteFact, facts: Sequence[QuoteFact]) -> bool:
    """Does either report give the words the two quotes share twice or more, in its speaker's
    quotes ("You might think that it's O.K. that … And you might think it's O.K. he lied …")? A
    speaker's refrain ties the other report's line to none of its instances in particular, and
    two instances differ as two remarks do (basil-dev b7021938, Schiff's "I don't think it's O.K.").
    A quote another of the report's quotes holds whole is one instance told twice."""
    ta, tb = transcribed(a.quote.text), transcribed(b.quote.text)
    block = max(SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks(), key=lambda m: m.size)
    if block.size < 3:
        return False
    run = ta[block.a : block.a + block.size]
    for qf in (a, b):
        said = {
            transcribed(o.quote.text)
            for o in facts
            if o.source == qf.source and same_speaker(o.quote.speaker_key, qf.quote.speaker_key) is not False
        }
        apart = [t for t in said if not any(t != u and _seq_in(t, u) for u in said)]
        if sum(_runs(run, t) for t in apart) >= 2:
            return True
    return False


def _sentence_quoted(text: str) -> bool:
    """Does the quote open a sentence of the speaker's ("We have an invasion …"), not a phrase
    taken from inside one ("grabs power away from the elites")?"""
    first = text.lstrip(" “\"‘'([—–-….")[:1]
    return first.isupper() and len(plain(text).split()) >= SHORT_QUOTE


def two_sentences(a: QuoteFact, b: QuoteFact, ca: Sequence[Clause], cb: Sequence[Clause]) -> bool:
    """Are the two quotes whole sentences of the speaker's whose main clauses assert different acts
    ("We're talking about an invasion of our country" / "We have an invasion of drugs and
    criminals coming into our country")? Each report then quotes its own sentence of one speech
    word for word: two remarks sharing the speech's words, not one remark reworded. A reworded
    remark is a phrase quoted from inside a sentence, or keeps the sentence's act."""
    if not (_sentence_quoted(a.quote.text) and _sentence_quoted(b.quote.text)):
        return False
    acts_a = [c.act for c in ca if c.main]
    acts_b = [c.act for c in cb if c.main]
    return bool(acts_a and acts_b) and not any(x & y for x in acts_a for y in acts_b)


def one_predication(a: Sequence[Clause], b: Sequence[Clause]) -> bool:
    """Do two quotes' parses make one predication in other words: a clause of each with the same
    act ("We reject his visit" / "We reject his message") or a participant in common ("takes power
    from the elites" / "grabs power away from the elites")? Two sentences of one speech that share
    the speech's topic words make none ("It's a power grab for the American people" / "takes
    power from the elites ... and gives it to the American people", basil-dev 2f3e86b6): each
    report quotes another remark, and the two are neither a conflict nor an agreement. A quote
    with no verb ("a magnet for illegal immigration in modern times") predicates nothing to
    compare: the parse shows no second remark, and the words decide as before."""
    return not a or not b or any(ca.act & cb.act or ca.arguments & cb.arguments for ca in a for cb in b)


def _says_less(a: QuoteFact, b: QuoteFact, speaker: bool | None, parse: Parser | None) -> bool:
    """Do two quotes that hold most of each other's words in order say different things? At most
    half of the shorter one's content words are in the longer (``content_match``), and nothing
    else makes them one remark: no speaker known to both ("There's a whole lot of anger," said one
    Democrat / "I think there's a lot of soul-searching," said Representative Maloney), or two
    whole sentences whose main clauses assert different acts ("We're talking about an invasion of
    our country" / "We have an invasion of drugs and criminals coming into our country")."""
    short, long = sorted((a.words, b.words), key=lambda w: len(w.split()))
    held = content_match(short, long)
    if held > SAYS:
        return False
    if speaker is None:
        return held < SAYS
    return parse is not None and two_sentences(a, b, *parse([a.quote.text, b.quote.text]))


def _one_remark(
    a: QuoteFact,
    b: QuoteFact,
    judged: Judged,
    facts: Sequence[QuoteFact],
    sents: Sequence[Sequence[SentenceFacts]],
    parse: Parser | None,
    occasion: Callable[[QuoteFact], Occasion],
    speaker: bool | None = True,
) -> bool | None:
    """Are two quotes judged one remark in different words one remark (True), two (False: no
    link), or perhaps two (None: to check)? Two days or two occasions named apart make two; an
    occasion only one report names beside a remark in other words (it may be another one, said
    elsewhere), a refrain, or two whole sentences of one speech make perhaps two. Quotes that
    agree, or credit two speakers, are one remark as judged."""
    if not judged.conflict or judged.aspect != "quote":
        return True
    if _other_occasions(a, b, sents):
        return False  # one speaker on two days: two remarks, not one quoted two ways
    oa, ob = occasion(a), occasion(b)
    if other_occasions(oa, ob):
        return False  # a statement and an interview, CNN and Fox News: two remarks
    if not judged.in_other_words and _says_less(a, b, speaker, parse):
        return False  # two sentences sharing the small words of one speech
    if judged.in_other_words and parse is not None:
        if not one_predication(*parse([judged.words_a, judged.words_b])):
            return False  # two remarks of one speech, sharing its topic words
        # the parts matched stand in other words, not one word apart ("deeply objectionable" /
        # "deeply unprecedented")
        reworded = fuzz.ratio(plain(judged.words_a), plain(judged.words_b)) < NEAR_WORDS
        if reworded and (bool(oa) != bool(ob) or two_sentences(a, b, *parse([a.quote.text, b.quote.text]))):
            return None
    return None if refrain(a, b, facts) else True


def compare_quotes(
    facts: Sequence[QuoteFact],
    sents: Sequence[Sequence[SentenceFacts]],
    parse: Parser | None = None,
    docs: Docs | None = None,
) -> list[Link]:
    """Links between quotes of different sources: same words, or same remark by the same speaker
    (in other words only where ``parse`` shows one predication, when given; not when ``docs``,
    the sentences' parses, show two occasions named apart)."""
    if len(facts) < 2:
        return []
    occasions: dict[tuple[int, int], Occasion] = {}

    def occasion(qf: QuoteFact) -> Occasion:
        key = (qf.source, qf.index)
        if key not in occasions:
            occasions[key] = _occasion(qf, sents[qf.source], docs) if docs is not None else UNKNOWN
        return occasions[key]

    words = [f.words for f in facts]
    scores = process.cdist(words, words, scorer=fuzz.token_set_ratio, score_cutoff=PREFILTER)
    links = []
    judged_links: list[tuple[Link, Judged]] = []
    for i, j in zip(*scores.nonzero(), strict=True):
        a, b = facts[int(i)], facts[int(j)]
        if a.source >= b.source:
            continue
        speaker = one_source(a, b, sents)
        judged = _judge(a, b, speaker)
        if judged is None:
            continue
        aspect, conflict, wa, wb = judged.aspect, judged.conflict, judged.words_a, judged.words_b
        if aspect == "speaker" and (_names_near(b, a, sents) or _names_near(a, b, sents)):
            continue  # the other speaker stands beside the quote: attribution, not a conflict
        remark = _one_remark(a, b, judged, facts, sents, parse, occasion, speaker)
        if remark is False:
            continue
        if aspect == "speaker":
            va: object = a.quote.speaker_key
            vb: object = b.quote.speaker_key
            ta, tb = a.quote.speaker or "", b.quote.speaker or ""
        else:
            va, vb, ta, tb = plain(wa), plain(wb), wa, wb
            if conflict and wording_change(wa, wb)[0]:
                aspect = "wording"
        confidence = quote_confidence(a, b, judged, speaker)
        if aspect == "speaker" and not (
            named_beside(a, sents[a.source]) and named_beside(b, sents[b.source])
        ):
            # a speaker read from a pronoun far from the name ("He added:") may be anyone's
            confidence = min(confidence, UNSURE)
        side_a = _side(a, sents[a.source], wa, va)
        side_b = _side(b, sents[b.source], wb, vb)
        link = Link(
            "speaker" if aspect == "speaker" else "wording" if aspect == "wording" else "quote",
            conflict,
            Side(side_a.source, side_a.start, side_a.end, side_a.text, ta, va, side_a.key),
            Side(side_b.source, side_b.start, side_b.end, side_b.text, tb, vb, side_b.key),
            fuzz.ratio(a.words, b.words) / 100,
            confidence if remark else min(UNSURE, confidence),
        )
        judged_links.append((link, judged))
    links = best_per_part(judged_links)
    return links


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def best_per_part(judged: Sequence[tuple[Link, Judged]]) -> list[Link]:
    """Keep a conflicting quote link only when, on each side, no other link of that quote to the
    same source matches the same part of it more closely; an agreeing link needs that on one side.

    A part is the stretch of the quote the other quote's words match, so a long quote whose first
    sentence one outlet rewords and whose last sentence it quotes exactly in another place carries
    both findings; a quote close to two others joins the closer one (ties by whole-quote likeness).
    """
    entries: dict[tuple[object, int], list[tuple[tuple[int, int], tuple[float, float]]]] = {}
    sides = []
    for ln, jd in judged:
        rank = (jd.closeness, ln.strength)
        mine = ((ln.a.key, ln.b.source, jd.part_a), (ln.b.key, ln.a.source, jd.part_b))
        sides.append((mine, rank))
        for key, other, part in mine:
            entries.setdefault((key, other), []).append((part, rank))
    out = []
    for (ln, _), (mine, rank) in zip(judged, sides, strict=True):
        best = [
            all(rank >= r for p, r in entries[(key, other)] if _overlap(part, p)) for key, other, part in mine
        ]
        if all(best) or (not ln.conflict and any(best)):
            out.append(ln)
    return out
