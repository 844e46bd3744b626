"""Per-sentence facts: what a sentence asserts, in typed pieces that can be compared across sources.

A news sentence often carries several facts ("Putin requested the call ... ahead of talks on
January 9 and 10 in Geneva"), so each sentence yields every measure, dated event and quote it holds,
plus its content stems and name keys for the claim itself. Spans stay offsets into the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.annotation.times import anchor_date
from storyline.annotation.timex import clock_only
from storyline.crosscheck.units import dimension
from storyline.crosscheck.words import (
    MONTHS_AND_DAYS,
    REPORTING,
    STOP,
    content_stems,
    negated_stems,
    senses,
    stem,
    tokens,
)
from storyline.model import AnnotatedArticle, Entity, Quantity, Quote, TimeExpr

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
EVENT_WINDOW = 4  # content words either side of a time expression that may name its event
_WORD = re.compile(r"\w[\w'’-]*")
# a time expression after one of these bounds a span ("married since 2012", "from 1977 through
# 2006", "open until Friday"): the event did not happen then, so it cannot contradict a date
_CLAUSE = re.compile(r"\b(?:before|after|until|since|while|because|although|unless)\b", re.I)
# A year right before a noun names a thing, not when something happened: "the 2016 election",
# "a 2005 law", "the 2020 campaign" — two reports naming it agree on no date.
_YEAR = re.compile(r"(?:[Tt]he\s+)?\d{4}")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")


def _attributive(t: TimeExpr, text: str) -> bool:
    following = _NEXT_WORD.match(text, t.offset[1])
    return bool(_YEAR.fullmatch(t.text) and following and following.group(1) not in STOP)


# An embedded social post, marked by its signature ("— Kevin Clark (@KevinANjax) February 5, 2017")
# or its picture link ("pic.twitter.com/Uw49Tje"), as gva-dev's local news pages carry them
# (533658_2, 545868_2, 546550_2, 767420_1): its date is the post's, and its "today" or "this
# afternoon" count from that post, not from the report's publication.
_POST = re.compile(r"\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|pic\.twitter\.com/")


_RANGE = re.compile(r"\d\s*(?:to|through|until|and|[-–])\s*\S", re.I)
_BOUND = re.compile(r"\b(?:since|until|till|through|from|before|after|by|between)\s+(?:the\s+)?$", re.I)
# A hedged count back or forth is one open end, not a point: resolved to the one year or week it
# names, it would contradict every other date a report gives for the act. "stolen more than 20
# years ago" holds "stolen in 1995" (gva-dev 771472), as do "nearly a decade ago", "less than a
# month ago", "about two weeks later".
_HEDGE = (
    r"\b(?:(?:more|less|fewer)\s+than|over|under|nearly|almost|about|around|roughly|some|at\s+least"
    r"|close\s+to|upwards\s+of)\s+"
)
_HEDGE_BEFORE, _HEDGE_IN = re.compile(_HEDGE + "$", re.I), re.compile(_HEDGE, re.I)
_COUNTED = re.compile(r"\b(?:ago|earlier|later|before|after)$", re.I)


@dataclass(frozen=True)
class Measure:
    """A number with what it counts, bounds scaled to the base unit of its dimension."""

    quantity: Quantity
    dim: str | None
    low: float | None
    high: float | None
    value: float
    counted: str | None
    near: frozenset[str] = frozenset()  # stems of the content words around it in its sentence
    owners: frozenset[str] = frozenset()  # names beside it: whose figure it is ("Strzok, a 21-year veteran")


@dataclass(frozen=True)
class DatedEvent:
    """A time expression resolved to an interval, with the words that say what happens then."""

    time: TimeExpr
    first: date
    last: date
    event: frozenset[str]  # stems of the annotated event, reporting verbs left out
    near: frozenset[str]  # stems of the words around the expression
    places: frozenset[str]
    bound: bool = False  # "since 2012", "until June": one end of a span, not when the event happened
    actors: frozenset[str] = frozenset()  # people named beside it: who did what happened then
    written: date | None = None  # the report's publication date: what lay ahead of it, what behind

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class SentenceFacts:
    """One sentence of one source and the facts it holds."""

    source: int  # index of the article in the compared list
    index: int  # index of the sentence in its article
    start: int
    end: int
    text: str
    stems: frozenset[str]
    names: frozenset[str]
    negated: frozenset[str]
    measures: tuple[Measure, ...]
    dates: tuple[DatedEvent, ...]
    quotes: tuple[Quote, ...]
    position: float  # 0 at the top of the article, 1 at the bottom


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def to_measure(q: Quantity, text: str) -> Measure:
    """Scale a quantity's bounds to its dimension's base unit; name what it counts.

    A counted thing that is only the unit again ("minutes", "dollars") says nothing about what is
    measured, so money takes the word after it ("$5 million in aid") and durations none.
    """
    dim, factor = dimension(q.unit)
    low = q.low * factor if q.low is not None else None
    high = q.high * factor if q.high is not None else None
    counted = stem(q.counted.split()[-1]) if q.counted else None
    if counted is None or dimension(q.counted)[0] in (dim, "duration", "usd", "gbp", "eur", "percent"):
        # a duration counts nothing, unless it modifies a noun: "a 60-day suspension", "21-year veteran"
        hyphened = text[q.start : q.end].count("-") > 0
        counted = None if dim == "duration" and not hyphened else _counted_after(text, q.end)
    return Measure(q, dim, low, high, q.value * factor, counted)


def _counted_after(text: str, end: int) -> str | None:
    """The noun a number qualifies, when the annotation did not name what it counts: the last of
    the content words right after it ("a 50-minute phone call" → call, "a 21-year FBI veteran" →
    veteran, "$43 million in federal taxes" → taxes), as an English noun phrase ends on its head."""
    head = None
    for tok in tokens(text[end : end + 40])[:4]:
        low = tok.lower()
        if head is None and low in ("in", "of", "for", "to", "worth"):
            continue  # "$5 million in aid", "$43 million in federal taxes", "$30 million to charity"
        if not (tok[0].isalpha() and len(low) > 2) or low in MONTHS_AND_DAYS | REPORTING | STOP:
            break
        head = low
    return stem(head) if head else None


def _hedged_count(t: TimeExpr, text: str, lo: int) -> bool:
    """Is the expression a distance back or forth in time with a hedge before it or in it ("more
    than 20 years ago", "about two weeks later")?"""
    if not _COUNTED.search(t.text):
        return False
    return bool(_HEDGE_BEFORE.search(text, lo, t.offset[0]) or _HEDGE_IN.match(t.text))


def to_dated_event(
    t: TimeExpr, text: str, span: tuple[int, int], named: Sequence[Entity], written: date | None = None
) -> DatedEvent | None:
    """A resolved time expression with its event words; None when it has no interval.

    The words around the expression are its nearest content words within its own sentence; of
    the sentence's places and people (``named``), its places and actors are those named among
    them: "talks ... on January 9 and 10 in Geneva", "when Mr. Bush released his returns".
    """
    first, last = _iso(t.start), _iso(t.end)
    if first is None or last is None or _attributive(t, text) or clock_only(t.text):
        return None  # a time of day alone ("at noon") is dated by default, not by the report
    if _POST.search(text, span[0], span[1]):
        return None
    s, e = t.offset
    drop = REPORTING | MONTHS_AND_DAYS
    # the words around stop where another clause begins: in "hinted on Tuesday that he may resign
    # before his term ends" the term's end is not what happened on Tuesday
    clause_lo = max((m.end() for m in _CLAUSE.finditer(text, span[0], s)), default=span[0])
    clause_hi = next((m.start() for m in _CLAUSE.finditer(text, e, span[1])), span[1])
    before = _content_spans(text, clause_lo, s, drop)[-EVENT_WINDOW:]
    after = _content_spans(text, e, clause_hi, drop)[:EVENT_WINDOW]
    lo = before[0][0] if before else s
    hi = after[-1][1] if after else e
    near = frozenset(w[:5] for _, _, w in before + after)
    # the event's act as well as its word: "quit earlier this month" dates what "left ... last
    # year" dates (not the words around it: in "joined in 2015 and quit", 2015 dates no quitting)
    event = frozenset(w[:5] for w in senses(content_stems(t.event or "", drop=drop)))
    beside = [e for e in named if lo <= e.start and e.end <= hi]
    near_places = frozenset(e.key for e in beside if e.label in PLACE_LABELS)
    actors = frozenset(e.key for e in beside if e.label == "PERSON")
    # "from 1967 to 1979" is the whole span, both ends told: not one bound of it
    bound = _BOUND.search(text, max(span[0], s - 20), s) is not None and not _RANGE.search(t.text)
    bound = bound or _hedged_count(t, text, max(span[0], s - 20))
    return DatedEvent(t, first, last, event, near, near_places, bound, actors, written)


def _near(text: str, span: tuple[int, int], s: int, e: int, people: frozenset[str]) -> frozenset[str]:
    """Word keys of the content words either side of ``text[s:e]`` within its sentence.

    People's names are left out (a name beside a number says whose it is, not what it counts),
    and words are cut to their first five letters so "suspension" meets "suspended".
    """
    drop = REPORTING | MONTHS_AND_DAYS | people
    before = _content_spans(text, span[0], s, drop)[-EVENT_WINDOW:]
    after = _content_spans(text, e, span[1], drop)[:EVENT_WINDOW]
    return frozenset(w[:5] for _, _, w in before + after)


OWNER_REACH = 40  # characters either side of a figure within which a name says whose it is


def _owners(text: str, span: tuple[int, int], q: Quantity, ents: Sequence[Entity]) -> frozenset[str]:
    """Names standing close to a figure, in its clause: "Strzok, a 21-year veteran of the FBI",
    "the Clintons paid 35.7 percent". A figure belongs to who or what is named beside it."""
    lo = max(span[0], q.start - OWNER_REACH)
    hi = min(span[1], q.end + OWNER_REACH)
    lo = max((m.end() for m in _CLAUSE.finditer(text, lo, q.start)), default=lo)
    hi = next((m.start() for m in _CLAUSE.finditer(text, q.end, hi)), hi)
    return frozenset(
        e.key for e in ents if e.label in NAME_LABELS and e.key and lo <= e.start and e.end <= hi
    )


def _content_spans(text: str, start: int, end: int, drop: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, stem) of each content word in ``text[start:end]``."""
    out = []
    for m in _WORD.finditer(text, start, end):
        stems = content_stems(m.group(0), drop=drop)
        if stems:
            out.append((m.start(), m.end(), next(iter(stems))))
    return out


def _within(items: Sequence[tuple[int, object]], start: int, end: int) -> list[object]:
    keys = [k for k, _ in items]
    i = bisect_right(keys, start - 1)
    out = []
    while i < len(items) and items[i][0] < end:
        out.append(items[i][1])
        i += 1
    return out


# The facts of the articles read last, by identity (the object is held, so its id is not reused):
# a library's check reads a story's facts to choose the sentences to embed (``store/vectors.py``),
# then compares the same objects, in a worker forked after (``store/checkpool.py``) that inherits
# them; ~0.8 CPU s of basil-dev's 25 stories. Bounded: a long-running process keeps few articles.
RECENT = 256
_recent: OrderedDict[tuple[int, int], tuple[AnnotatedArticle, tuple[SentenceFacts, ...]]] = OrderedDict()


def sentence_facts(ann: AnnotatedArticle, source: int) -> list[SentenceFacts]:
    """Every sentence of an article with the measures, dates, quotes and names it holds."""
    key = (id(ann), source)
    hit = _recent.get(key)
    if hit is not None and hit[0] is ann:
        return list(hit[1])
    out = _read_facts(ann, source)
    _recent[key] = (ann, tuple(out))
    while len(_recent) > RECENT:  # the oldest first; popitem is one step for the web app's threads
        try:
            _recent.popitem(last=False)
        except KeyError:  # another thread emptied it meanwhile
            break
    return out


def _read_facts(ann: AnnotatedArticle, source: int) -> list[SentenceFacts]:
    text = ann.text
    ents = sorted(((e.start, e) for e in ann.entities), key=lambda p: p[0])
    quants = sorted(((q.start, q) for q in ann.quantities), key=lambda p: p[0])
    times = sorted(((t.offset[0], t) for t in ann.timeline), key=lambda p: p[0])
    quotes = sorted(((q.start, q) for q in ann.quotes), key=lambda p: p[0])
    time_spans = [t.offset for t in ann.timeline]
    written = anchor_date(ann.article.published)
    n = max(1, len(ann.sentences) - 1)
    out = []
    for i, sent in enumerate(ann.sentences):
        start, end = trimmed(text, sent.start, sent.end)
        stext = text[start:end]
        sent_ents: list[Entity] = [e for e in _within(ents, sent.start, sent.end) if isinstance(e, Entity)]
        names = frozenset(e.key for e in sent_ents if e.label in NAME_LABELS and e.key)
        places = [e for e in sent_ents if e.label in PLACE_LABELS and e.key]
        people_named = [e for e in sent_ents if e.label == "PERSON" and e.key]
        people = frozenset(w.lower() for e in sent_ents if e.label == "PERSON" for w in e.text.split())
        measures = tuple(
            replace(
                to_measure(q, text),
                near=_near(text, (start, end), q.start, q.end, people),
                owners=_owners(text, (start, end), q, sent_ents),
            )
            for q in _within(quants, sent.start, sent.end)
            if isinstance(q, Quantity)
            and not _inside_time(q, time_spans)
            and not in_station_name(q, text)
            and not names_decade(q)
        )
        dated = tuple(
            d
            for t in _within(times, sent.start, sent.end)
            if isinstance(t, TimeExpr)
            and (d := to_dated_event(t, text, (start, end), places + people_named, written)) is not None
        )
        sent_quotes = tuple(q for q in _within(quotes, sent.start, sent.end) if isinstance(q, Quote))
        out.append(
            SentenceFacts(
                source=source,
                index=i,
                start=start,
                end=end,
                text=stext,
                stems=senses(content_stems(stext)),
                names=names,
                negated=senses(negated_stems(stext)),
                measures=measures,
                dates=dated,
                quotes=sent_quotes,
                position=i / n,
            )
        )
    return out


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace around it: a statement is the sentence as written."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A broadcaster's brand holds a bare number: "Investigators tell 7 Action News", "told News 5",
# "Channel 4 reported", "FOX 12 learned", "KARE 11" (gva-dev's local news pages, 50-odd of them):
# the number names the station and counts nothing, so two reports quoting one station agree on
# no figure.
_STATION_AFTER = re.compile(r"(?:\s[A-Z][a-z]+)?\s(?:News|NEWS)\b")
_STATION_BEFORE = re.compile(r"\b(?:Channel|News|NEWS|[A-Z]{2,4}(?:-TV)?)\s?$")
_CAPITALS = re.compile(r"\s+[A-Z]{2,}\b")


def in_station_name(q: Quantity, text: str) -> bool:
    """Is the quantity a bare number in a broadcaster's name ("7 Action News", "Channel 4")?"""
    if not text[q.start : q.end].isdigit():
        return False
    if _STATION_AFTER.match(text, q.end):
        return True
    # a headline in capitals counts there: "GETS 3 MONTHS", "AS 12 YEARSOLD"
    capitals = _CAPITALS.match(text, q.end)
    return not capitals and bool(_STATION_BEFORE.search(text, max(0, q.start - 12), q.start))


# the decades a writer names in words ("the nineteen fifties", "the sixties")
_DECADES = frozenset(
    f"{tens}ies" for tens in ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")
)


def names_decade(q: Quantity) -> bool:
    """Is the quantity a decade's century written out ("in the nineteen fifties", "the nineteen
    sixties", as some outlets spell decades: ecbplus-dev's Bettie Page reports), read as nineteen
    of "fifties"? A decade is a time, not a count: two reports naming one decade agree on no
    figure."""
    words = (q.counted or "").split()
    return bool(words) and words[-1].lower() in _DECADES


def _inside_time(q: Quantity, spans: Sequence[tuple[int, int]]) -> bool:
    """A year or day number inside a time expression is a date, not a measure."""
    return any(s <= q.start and q.end <= e for s, e in spans)
