"""Assembling the Report: findings from groups, unique statements, quotes, timeline, brief."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.crosscheck.align import Group
from storyline.crosscheck.brief import brief
from storyline.crosscheck.corroborate import independent
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.floor import listed
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
# A conflict is stated only at or above this confidence; below it goes to "to check". Chosen on the
# tuning half of the judged dev events (bench/natural, bench/eval_compare.py) and checked on the
# other half: a wrong conflict costs a fact-checker's trust, a missed one a search.
CONFIDENT = 0.6
# An agreement below this is not shown: set in agreement, two statements must surely state one fact.
# On the tuning half, claim agreements below 0.7 were a third wrong (grab-bags, other facts),
# above it one in thirty.
AGREE_CONFIDENT = 0.7
# Agreements on a figure or a date: on the tuning half few were wrong at any confidence, as the
# counted thing or the event must already match for them to be made.
FACT_AGREE_CONFIDENT = 0.5


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


def finding_id(
    kind: str, aspect: str | None, statements: Sequence[Statement], values: Sequence[Value] = ()
) -> str:
    """Stable across runs: the kind, the aspect, the statements' sources and text and the values
    compared (two figures of one pair of sentences are two findings)."""
    parts = sorted(f"{s.source}:{s.text}" for s in statements)
    parts += sorted(f"{v.source}:{v.text}" for v in values)
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
        id=finding_id(kind, g.aspect, statements, values),
        kind=kind,
        aspect=g.aspect,
        summary=summary,
        statements=tuple(statements),
        values=values,
        independent=independent((s.source for s in g.sides), origin),
        score=g.strength,
        confidence=g.confidence,
        proven=g.proven,
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
        QuoteOccurrence(a.id, q.text, q.speaker, q.speaker_key, q.direct, q.start, q.end, q.affiliation)
        for a in articles
        for q in a.quotes
    )


def timeline(
    articles: Sequence[AnnotatedArticle], conflicting: set[tuple[int, tuple[int, int]]]
) -> tuple[TimelineEntry, ...]:
    """Every time expression of every source, dated ones first by date, conflicting ones marked."""
    entries = [
        TimelineEntry(
            a.id, t.text, t.start, t.end, t.offset, t.sentence, t.event, (i, t.offset) in conflicting, t.what
        )
        for i, a in enumerate(articles)
        for t in a.timeline
    ]
    entries.sort(key=lambda e: (e.start is None, e.start or "", e.end or ""))
    return tuple(entries)


def stated(f: Finding) -> bool:
    """Is the finding sure enough to state? Cosmetic wording, unsure conflicts and conflicts the
    parse shows no proof of (``Finding.proven``) are to check; an agreement on a figure or date is
    judged by its own evidence (the counted thing, the event)."""
    if f.kind == "conflict":
        return f.aspect != "wording" and f.confidence >= CONFIDENT and f.proven
    return f.kind == "unique" or f.confidence >= agree_threshold(f.aspect)


def agree_threshold(aspect: str | None) -> float:
    """The confidence an agreement needs to be shown: a figure or a date is judged by its own
    evidence (the counted thing, the event), a claim or a quote by how surely it is one."""
    return FACT_AGREE_CONFIDENT if aspect in ("number", "date") else AGREE_CONFIDENT


def corroborating(f: Finding) -> bool:
    """An agreement on a whole statement (a claim, or quoted words): its sentences are told by
    several sources, so they may stand in the brief. An agreement on a figure or a date
    corroborates that value, not the sentence around it."""
    return f.kind == "agree" and f.aspect in ("claim", "quote") and len({s.source for s in f.statements}) > 1


def one_agreement_per_fact(findings: Sequence[Finding]) -> list[Finding]:
    """Agreements on whole statements once each: one whose statements another already holds (a
    quote, and the same sentences agreeing as claims) says nothing the other does not, so only
    the other is shown, quoted words before the sentences that hold them. An agreement on a
    figure or a date states its value, a fact of its own, and stays."""
    agreements = sorted(
        (f for f in findings if f.kind == "agree" and f.aspect in ("claim", "quote")),
        key=lambda f: (-len(f.statements), f.aspect != "quote", -f.confidence),
    )
    kept: list[frozenset[tuple[str, int]]] = []
    dropped: set[str] = set()
    for f in agreements:
        held = frozenset((s.source, s.start) for s in f.statements)
        if any(held <= k for k in kept):
            dropped.add(f.id)
        else:
            kept.append(held)
    return [f for f in findings if f.kind != "agree" or f.id not in dropped]


def unique_ids(findings: Sequence[Finding]) -> list[Finding]:
    """Each finding once, each id once: a repeat of one id gets a suffix."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.id, 0)
        seen[f.id] = n + 1
        out.append(f if n == 0 else replace(f, id=f"{f.id}-{n + 1}"))
    return out


def _order(f: Finding) -> tuple[int, int, float, float, str]:
    return (KIND_ORDER[f.kind], -f.independent, -f.confidence if f.kind != "unique" else 0.0, -f.score, f.id)


def assemble(
    articles: Sequence[AnnotatedArticle],
    refs: Sequence[SourceRef],
    findings: Sequence[Finding],
    conflicting_times: set[tuple[int, tuple[int, int]]],
) -> Report:
    """The report: stated findings, the rest to check down to the fitted floor (``floor``), told
    as one story: each agreement once, a
    sentence that some stated agreement or conflict sets beside another source's is never also
    "only in" its source, the brief is made of the stated agreements, and no two findings of the
    report (stated or to check) share an id."""
    shown = one_agreement_per_fact([f for f in findings if stated(f)])
    told = {(s.source, s.start) for f in shown if f.kind != "unique" for s in f.statements}
    shown = [
        f for f in shown if f.kind != "unique" or (f.statements[0].source, f.statements[0].start) not in told
    ]
    check = [f for f in findings if not stated(f) and f.kind == "conflict"]
    shows = [listed(f) for f in check]  # below the fitted floor: more likely wrong, only counted
    weaker = [f for f, show in zip(check, shows, strict=True) if not show]
    check = [f for f, show in zip(check, shows, strict=True) if show]
    numbered = unique_ids(sorted(shown, key=_order) + sorted(check, key=_order) + sorted(weaker, key=_order))
    ordered, check, weaker = (
        numbered[: len(shown)],
        numbered[len(shown) : len(shown) + len(check)],
        numbered[len(shown) + len(check) :],
    )
    ids = [r.id for r in refs]
    return Report(
        sources=tuple(refs),
        brief=brief([f for f in ordered if corroborating(f)], ids),
        findings=tuple(ordered),
        quotes=quote_occurrences(articles),
        timeline=timeline(articles, conflicting_times),
        articles=tuple(articles),
        to_check=tuple(check),
        below_floor=tuple(weaker),
    )
