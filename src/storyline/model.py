"""The nouns of storyline, as frozen dataclasses.

Every stage takes and returns these. An annotation never copies article text it can point at:
``start``/``end`` are code-point offsets into ``Article.text`` (end exclusive), so
``article.text[start:end]`` is the span. ``to_dict()`` gives exactly the JSON contract of
DESIGN.md ("The JSON contract"); ``schema/storyline-1.json`` describes it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "storyline/1"

Kind = Literal["agree", "conflict", "unique"]
Aspect = Literal["number", "date", "quote", "wording", "speaker", "role", "place", "claim"]


def content_id(*parts: str | None) -> str:
    """A short stable id from normalised content: the same article read twice gets the same id."""
    h = hashlib.sha1()
    for part in parts:
        norm = " ".join(unicodedata.normalize("NFC", part or "").split())
        h.update(norm.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Removed:
    """A piece of the input the cleaner left out of the article, and why: nothing is lost silently."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Article:
    """One report as read: metadata fields plus the cleaned body ``text``.

    ``text`` holds only body paragraphs separated by a blank line; title, subtitle (standfirst) and
    byline are fields. ``meta`` keeps input-specific facts (HTTP headers of a WARC record, where the
    publication date came from) as strings.
    """

    id: str
    text: str
    path: str | None = None
    source: str | None = None
    title: str | None = None
    subtitle: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    byline: str | None = None
    removed: tuple[Removed, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "path": self.path,
            "source": self.source,
            "title": self.title,
            "subtitle": self.subtitle,
            "published": self.published,
            "updated": self.updated,
            "url": self.url,
            "byline": self.byline,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
        }
        if self.meta:
            d["meta"] = dict(self.meta)
        return d


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entity:
    """A mention of a person, organisation or place; ``key`` is canonical across documents."""

    text: str
    label: str  # PERSON | ORG | GPE | LOC | NORP | ...
    key: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "key": self.key,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Quote:
    """What someone said. ``start``/``end`` span the quoted words (direct) or the reported clause
    (indirect); ``speaker`` is as the article names them, or None when unknown; ``affiliation`` the
    party or organisation the article says the speaker speaks for ("Democrat", "White House"), or
    the group that speaks (see ``annotation.affiliations``)."""

    text: str
    speaker: str | None
    speaker_key: str | None
    direct: bool
    cue: str | None
    start: int
    end: int
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_key": self.speaker_key,
            "direct": self.direct,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts. ``low``/``high`` are the bounds after the hedge
    ("nearly an hour" → value 60, low None or below, high 60); None means unbounded."""

    text: str
    value: float
    low: float | None
    high: float | None
    unit: str | None
    counted: str | None
    hedge: str | None
    start: int
    end: int
    # the fact the figure belongs to, from the parse ("noun:indictment", "pred:file"; see
    # ``annotation.figures``); empty when its sentence was not parsed
    frame: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "counted": self.counted,
            "hedge": self.hedge,
            "start": self.start,
            "end": self.end,
        }
        if self.frame:
            out["frame"] = list(self.frame)
        return out


@dataclass(frozen=True)
class TimeExpr:
    """A time expression resolved to a calendar interval of ISO dates, or kept with ``reason``
    when it cannot be resolved (``start``/``end`` None)."""

    text: str
    start: str | None
    end: str | None
    offset: tuple[int, int]
    sentence: str
    event: str | None
    reason: str | None = None
    what: str | None = None  # the event in a few words of the sentence ("Biden and Putin spoke by phone")
    # TimeML's value and mod ("late 2006": "2006", "END"; "now": "PRESENT_REF"), beside the interval
    timeml_value: str | None = None
    mod: str | None = None
    told: str | None = None  # what a telling act reports ("said Tuesday [they had subpoenaed ...]")
    deed: str | None = None  # the lemmas of what was done then, without its doer ("subpoena firm")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "offset": list(self.offset),
            "sentence": self.sentence,
            "event": self.event,
            "what": self.what,
            "timeml_value": self.timeml_value,
            "mod": self.mod,
        }
        if self.reason:
            d["reason"] = self.reason
        if self.told:
            d["told"] = self.told
        if self.deed:
            d["deed"] = self.deed
        return d


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article with what storyline understood in it; all spans point into ``article.text``."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    timeline: tuple[TimeExpr, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict[str, Any]:
        d = self.article.to_dict()
        d["sentences"] = [s.to_dict() for s in self.sentences]
        d["entities"] = [e.to_dict() for e in self.entities]
        d["quotes"] = [q.to_dict() for q in self.quotes]
        d["quantities"] = [q.to_dict() for q in self.quantities]
        d["timeline"] = [t.to_dict() for t in self.timeline]
        return d


# --- the cross-check report -------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    id: str
    path: str | None
    source: str | None
    title: str | None
    published: str | None
    copy_of: str | None = None  # id of the source whose wire copy this is

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "copy_of": self.copy_of,
        }


@dataclass(frozen=True)
class Statement:
    """A whole sentence as the source wrote it; ``source`` is a ``SourceRef.id``."""

    source: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Value:
    """A compared value: ``text`` as written, ``value`` normalised (number with unit and bounds,
    interval, speaker key, quote words)."""

    source: str
    text: str
    value: Any

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "text": self.text, "value": self.value}


@dataclass(frozen=True)
class Finding:
    id: str
    kind: Kind
    aspect: Aspect | None
    summary: str
    statements: tuple[Statement, ...]
    values: tuple[Value, ...] = ()
    independent: int = 1  # sources counting wire copies once
    score: float = 0.0  # importance, for ranking unique findings
    # how surely the statements state one fact (agree, conflict), 0..1; a conflict below
    # ``CONFIDENT`` goes to the report's "to check" list instead of its findings
    confidence: float = 1.0
    # does the parse show the statements one fact? A conflict without that proof (two figures the
    # evidence ties but no structure shows one fact) is "to check" whatever its confidence
    proven: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "aspect": self.aspect,
            "summary": self.summary,
            "statements": [s.to_dict() for s in self.statements],
            "values": [v.to_dict() for v in self.values],
            "independent": self.independent,
            "score": round(self.score, 4),
            "confidence": round(self.confidence, 3),
            "proven": self.proven,
        }


@dataclass(frozen=True)
class BriefLine:
    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": list(self.sources)}


@dataclass(frozen=True)
class QuoteOccurrence:
    source: str
    text: str
    speaker: str | None
    speaker_key: str | None
    direct: bool
    start: int
    end: int
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "text": self.text,
            "speaker": self.speaker,
            "speaker_key": self.speaker_key,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True)
class TimelineEntry:
    source: str
    text: str
    start: str | None
    end: str | None
    offset: tuple[int, int]
    sentence: str
    event: str | None
    conflict: bool = False  # part of a date conflict finding
    what: str | None = None  # the event in a few words of the sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "offset": list(self.offset),
            "sentence": self.sentence,
            "event": self.event,
            "what": self.what,
            "conflict": self.conflict,
        }


@dataclass(frozen=True)
class Report:
    """The cross-check of several reports of one story."""

    sources: tuple[SourceRef, ...]
    brief: tuple[BriefLine, ...]
    findings: tuple[Finding, ...]
    quotes: tuple[QuoteOccurrence, ...]
    timeline: tuple[TimelineEntry, ...]
    articles: tuple[AnnotatedArticle, ...] = field(default=(), compare=False, repr=False)
    # possible conflicts too unsure to state: below the confidence threshold, or cosmetic
    # differences of wording; shown apart so a reader can check them, never counted as findings
    to_check: tuple[Finding, ...] = ()
    # possible conflicts below the fitted floor (``crosscheck.floor``): more likely wrong than
    # right, so not listed to check; counted beside the list, shown with ``--all``
    below_floor: tuple[Finding, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "sources": [s.to_dict() for s in self.sources],
            "brief": [b.to_dict() for b in self.brief],
            "findings": [f.to_dict() for f in self.findings],
            "to_check": [f.to_dict() for f in self.to_check],
            "below_floor": [f.to_dict() for f in self.below_floor],
            "quotes": [q.to_dict() for q in self.quotes],
            "timeline": [t.to_dict() for t in self.timeline],
        }


# --- stories ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryArticle:
    id: str
    path: str | None
    source: str | None
    title: str | None
    published: str | None
    copy_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "copy_of": self.copy_of,
        }


@dataclass(frozen=True)
class Story:
    """Reports of one event; ``first``/``last`` are the earliest and latest publication dates."""

    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: tuple[StoryArticle, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "first": self.first,
            "last": self.last,
            "articles": [a.to_dict() for a in self.articles],
        }
