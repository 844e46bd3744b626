"""Assembling the Report: findings from groups, unique statements, quotes, timeline, brief."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.crosscheck.align import Group
from storyline.crosscheck.brief import brief
from storyline.crosscheck.corroborate import independent
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Side
from storyline.crosscheck.summary import agree_summary, conflict_summary, unique_summary
from storyline.model import (
    AnnotatedArticle,
    Finding,
    Kind,
    QuoteOccurrence,
    Report,
    SourceRef,
    Statement,
    TimelineEntry,
    Value,
    content_id,
)

KIND_ORDER = {"conflict": 0, "agree": 1, "unique": 2}


def source_refs(articles: Sequence[AnnotatedArticle], copy_of: dict[str, str]) -> tuple[SourceRef, ...]:
    return tuple(
        SourceRef(
            id=a.id,
            path=a.article.path,
            source=a.article.source,
            title=a.article.title,
            published=a.article.published,
            copy_of=copy_of.get(a.id),
        )
        for a in articles
    )


def outlet_names(refs: Sequence[SourceRef]) -> list[str]:
    """What to call each source in a summary: its outlet, made distinct when two share one."""
    names = [r.source or r.title or r.id for r in refs]
    return [n if names.count(n) == 1 else f"{n} ({i + 1})" for i, n in enumerate(names)]


def finding_id(kind: str, aspect: str | None, statements: Sequence[Statement]) -> str:
    """Stable across runs: the kind, the aspect and the statements' sources and text."""
    parts = sorted(f"{s.source}:{s.text}" for s in statements)
    return content_id(kind, aspect or "", *parts)


def finding_of(g: Group, ids: Sequence[str], outlets: Sequence[str], origin: Sequence[int]) -> Finding:
    kind: Kind = "conflict" if g.conflict else "agree"
    statements: list[Statement] = []
    for s in g.sides:
        st = Statement(ids[s.source], s.text, s.start, s.end)
        if st not in statements:
            statements.append(st)
    values = _values(g.sides, ids)
    summary = conflict_summary(g, outlets) if g.conflict else agree_summary(g, outlets)
    return Finding(
        id=finding_id(kind, g.aspect, statements),
        kind=kind,
        aspect=g.aspect,
        summary=summary,
        statements=tuple(statements),
        values=values,
        independent=independent((s.source for s in g.sides), origin),
        score=g.strength,
    )


def _values(sides: Sequence[Side], ids: Sequence[str]) -> tuple[Value, ...]:
    out: dict[tuple[str, str, str], Value] = {}
    for s in sides:
        if s.value is None:
            continue  # statements that agree as a whole compare no single value
        key = (ids[s.source], s.value_text, repr(s.value))
        out.setdefault(key, Value(ids[s.source], s.value_text, s.value))
    return tuple(out.values())


def importance(f: SentenceFacts) -> float:
    """Names, numbers, quotes and an early position make a unique statement worth reading first."""
    return (
        0.5 * min(len(f.names), 4)
        + 0.6 * min(len(f.measures), 3)
        + 0.8 * min(len(f.quotes), 2)
        + 0.3 * min(len(f.dates), 2)
        + (1.0 - f.position)
    )


def unique_finding(f: SentenceFacts, ids: Sequence[str], outlets: Sequence[str]) -> Finding:
    st = Statement(ids[f.source], f.text, f.start, f.end)
    return Finding(
        id=finding_id("unique", None, [st]),
        kind="unique",
        aspect=None,
        summary=unique_summary(outlets[f.source], f.text),
        statements=(st,),
        independent=1,
        score=importance(f),
    )


def quote_occurrences(articles: Sequence[AnnotatedArticle]) -> tuple[QuoteOccurrence, ...]:
    """Every quote of every source, one entry per occurrence, in source order."""
    return tuple(
        QuoteOccurrence(a.id, q.text, q.speaker, q.speaker_key, q.direct, q.start, q.end)
        for a in articles
        for q in a.quotes
    )


def timeline(
    articles: Sequence[AnnotatedArticle], conflicting: set[tuple[int, tuple[int, int]]]
) -> tuple[TimelineEntry, ...]:
    """Every time expression of every source, dated ones first by date, conflicting ones marked."""
    entries = [
        TimelineEntry(
            a.id, t.text, t.start, t.end, t.offset, t.sentence, t.event, (i, t.offset) in conflicting
        )
        for i, a in enumerate(articles)
        for t in a.timeline
    ]
    entries.sort(key=lambda e: (e.start is None, e.start or "", e.end or ""))
    return tuple(entries)


def assemble(
    articles: Sequence[AnnotatedArticle],
    refs: Sequence[SourceRef],
    findings: Sequence[Finding],
    conflicting_times: set[tuple[int, tuple[int, int]]],
) -> Report:
    ordered = sorted(findings, key=lambda f: (KIND_ORDER[f.kind], -f.independent, -f.score, f.id))
    ids = [r.id for r in refs]
    return Report(
        sources=tuple(refs),
        brief=brief(ordered, ids),
        findings=tuple(ordered),
        quotes=quote_occurrences(articles),
        timeline=timeline(articles, conflicting_times),
        articles=tuple(articles),
    )
