"""What the story page draws, computed from a Report: plain data the template only lays out.

The side-by-side columns are the articles cut into segments, each segment knowing which findings
its sentence takes part in, so aligned statements share a colour and a hover or click can find
their counterparts. Segments carry text, never markup: the template escapes every byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from storyline.model import AnnotatedArticle, Finding, Report

PALETTE = 8  # colour classes hl-0 … hl-7 in style.css


@dataclass(frozen=True)
class Segment:
    text: str
    findings: tuple[str, ...] = ()
    kind: str | None = None  # "conflict", "agree" or "unique" — the strongest it takes part in
    colour: int | None = None


@dataclass(frozen=True)
class Column:
    source: str
    label: str
    title: str | None
    published: str | None
    paragraphs: tuple[tuple[Segment, ...], ...]


@dataclass(frozen=True)
class SpeakerQuotes:
    speaker: str
    variants: tuple[tuple[str, tuple[str, ...]], ...]  # (words, labels of the sources that quote them)
    conflict: bool


@dataclass(frozen=True)
class Bar:
    label: str
    source: str
    text: str
    start: str
    end: str
    left: float  # percent of the chart width
    width: float
    conflict: bool
    sentence: str


_RANK = {"conflict": 3, "agree": 2, "unique": 1}


def source_labels(report: Report) -> dict[str, str]:
    """A short human label per source id: the outlet, else the title, else the id; made unique."""
    labels: dict[str, str] = {}
    for ref in report.sources:
        base = ref.source or ref.title or ref.id
        label = base if base not in labels.values() else f"{base} ({ref.id[:6]})"
        labels[ref.id] = label
    return labels


def colours(findings: Iterable[Finding]) -> dict[str, int]:
    """One colour per finding that aligns statements of two or more sources."""
    out: dict[str, int] = {}
    for f in findings:
        if f.kind != "unique" and len({s.source for s in f.statements}) > 1:
            out[f.id] = len(out) % PALETTE
    return out


def article_segments(
    article: AnnotatedArticle, findings: Sequence[Finding], palette: dict[str, int]
) -> tuple[tuple[Segment, ...], ...]:
    """The article's paragraphs cut at every statement boundary, each piece tagged with its findings."""
    text = article.text
    spans: list[tuple[int, int, Finding]] = [
        (s.start, s.end, f)
        for f in findings
        for s in f.statements
        if s.source == article.id and 0 <= s.start < s.end <= len(text)
    ]
    paragraphs: list[tuple[Segment, ...]] = []
    pos = 0
    for para in text.split("\n\n"):
        start, end = pos, pos + len(para)
        pos = end + 2
        if para.strip():
            paragraphs.append(_cut(text, start, end, spans, palette))
    return tuple(paragraphs)


def _cut(
    text: str, start: int, end: int, spans: list[tuple[int, int, Finding]], palette: dict[str, int]
) -> tuple[Segment, ...]:
    inside = [(s, e, f) for s, e, f in spans if s < end and e > start]
    cuts = sorted({start, end, *(max(s, start) for s, _, _ in inside), *(min(e, end) for _, e, _ in inside)})
    segments: list[Segment] = []
    for a, b in pairwise(cuts):
        covering = [f for s, e, f in inside if s <= a and e >= b]
        if not covering:
            segments.append(Segment(text[a:b]))
            continue
        best = max(covering, key=lambda f: _RANK.get(f.kind, 0))
        colour = next((palette[f.id] for f in covering if f.id in palette), None)
        ids = tuple(dict.fromkeys(f.id for f in covering))
        segments.append(Segment(text[a:b], ids, best.kind, colour))
    return tuple(segments)


def columns(report: Report, labels: dict[str, str], palette: dict[str, int]) -> tuple[Column, ...]:
    by_id = {a.id: a for a in report.articles}
    out = []
    for ref in report.sources:
        art = by_id.get(ref.id)
        paras = article_segments(art, report.findings, palette) if art else ()
        out.append(Column(ref.id, labels[ref.id], ref.title, ref.published, paras))
    return tuple(out)


def quotes_by_speaker(report: Report, labels: dict[str, str]) -> tuple[SpeakerQuotes, ...]:
    """Quotes grouped by speaker, each distinct wording once with the sources that use it."""
    conflicted = {
        s.text for f in report.findings if f.kind == "conflict" and f.aspect == "quote" for s in f.statements
    }
    groups: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str] = {}
    flagged: dict[str, bool] = {}
    for q in report.quotes:
        key = q.speaker_key or q.speaker or "unknown speaker"
        names.setdefault(key, q.speaker or "Unknown speaker")
        srcs = groups.setdefault(key, {}).setdefault(q.text, [])
        if labels.get(q.source, q.source) not in srcs:
            srcs.append(labels.get(q.source, q.source))
        hit = any(q.text in sentence for sentence in conflicted)
        flagged[key] = flagged.get(key, False) or hit
    ordered = sorted(groups, key=lambda k: (-len(groups[k]), names[k]))
    return tuple(
        SpeakerQuotes(names[k], tuple((w, tuple(s)) for w, s in groups[k].items()), flagged[k])
        for k in ordered
    )


def timeline_bars(report: Report, labels: dict[str, str]) -> tuple[tuple[Bar, ...], tuple[str, str] | None]:
    """Resolved timeline entries as bars on one date axis, and the axis's first and last day."""
    from datetime import date

    dated = [t for t in report.timeline if t.start and t.end]
    days: list[tuple[Any, date, date]] = []
    for t in dated:
        try:
            days.append((t, date.fromisoformat(str(t.start)[:10]), date.fromisoformat(str(t.end)[:10])))
        except ValueError:
            continue
    if not days:
        return (), None
    lo = min(d[1] for d in days)
    hi = max(d[2] for d in days)
    span = max((hi - lo).days + 1, 1)
    bars = []
    for t, s, e in sorted(days, key=lambda d: (d[1], d[2])):
        left = 100 * (s - lo).days / span
        width = max(100 * ((e - s).days + 1) / span, 1.5)
        label = t.event or t.text
        bars.append(
            Bar(label, labels.get(t.source, t.source), t.text, s.isoformat(), e.isoformat(),
                round(left, 2), round(min(width, 100 - left), 2), t.conflict, t.sentence)
        )
    return tuple(bars), (lo.isoformat(), hi.isoformat())


def story_view(report: Report) -> dict[str, Any]:
    """Everything the story and compare pages lay out, beyond the JSON report itself."""
    labels = source_labels(report)
    palette = colours(report.findings)
    findings = report.findings
    unique: dict[str, list[Finding]] = {ref.id: [] for ref in report.sources}
    for f in findings:
        if f.kind == "unique" and f.statements:
            unique.setdefault(f.statements[0].source, []).append(f)
    bars, axis = timeline_bars(report, labels)
    return {
        "labels": labels,
        "palette": palette,
        "conflicts": [f for f in findings if f.kind == "conflict"],
        "agreements": [f for f in findings if f.kind == "agree"],
        "unique": {k: sorted(v, key=lambda f: -f.score) for k, v in unique.items()},
        "speakers": quotes_by_speaker(report, labels),
        "bars": bars,
        "axis": axis,
        "columns": columns(report, labels, palette),
        "report_obj": report,
    }
