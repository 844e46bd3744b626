"""The cross-check report as one self-contained HTML page: no external asset, text escaped.

Layout: brief, conflicts (both values, both sentences, a word diff for quotes), each source's
unique additions, agreements, quotes by speaker, the timeline as SVG, then the reports themselves
side by side, each aligned statement tinted with its finding's colour. Hovering or focusing a
statement (``.st`` with ``data-finding="id …"``) lights up its counterparts; Enter or a click
scrolls them into view.

Safety: Jinja2 autoescape is always on and article text only reaches the page through ``{{ }}``;
the SVG timeline escapes its own text. A Content-Security-Policy allows only this page's own
script (by hash) and inline styles, so even a missed escape could not run code.

Reuse (the web app): ``environment()`` gives a Jinja2 environment over ``render/templates`` with
the helper functions as globals; ``report_context(report)`` computes everything the templates lay
out. ``report_macros.html.j2`` holds one macro per section (``brief``, ``conflicts``, ``unique``,
``agreements``, ``quotes``, ``timeline``, ``columns``), each taking that context as ``v``;
``report.css`` and ``report.js`` are the style and the highlighting script to include inline.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from storyline.model import AnnotatedArticle, Finding, Report
from storyline.render import quote_view
from storyline.render import report_view as view
from storyline.render.svg_timeline import timeline_svg
from storyline.stories.development import Day

_RANK = {"conflict": 3, "agree": 2, "unique": 1}


@dataclass(frozen=True)
class Segment:
    """A run of article text and the findings its statement takes part in (none: plain text)."""

    text: str
    start: int
    findings: tuple[str, ...] = ()
    kind: str | None = None  # the strongest kind among its findings: conflict > agree > unique
    hue: int | None = None
    title: str | None = None


@dataclass(frozen=True)
class Column:
    label: view.SourceLabel
    paragraphs: tuple[tuple[Segment, ...], ...]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Jinja2 over ``render/templates``, autoescaping everything, with the view helpers as globals."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        value_label=view.value_label,
        check_score=view.check_score,
        quote_wordings=quote_view.quote_wordings,
        remark_wordings=quote_view.remark_wordings,
        events_of=view.events_of,
        source_hue=view.source_hue,
        split_marks=view.split_marks,
    )
    return env


def _cut(
    text: str, start: int, end: int, spans: list[tuple[int, int, Finding]], hues: dict[str, int]
) -> list[Segment]:
    inside = [(s, e, f) for s, e, f in spans if s < end and e > start]
    cuts = sorted({start, end, *(max(s, start) for s, _, _ in inside), *(min(e, end) for _, e, _ in inside)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [f for s, e, f in inside if s <= a and e >= b]
        if not covering:
            out.append(Segment(text[a:b], a))
            continue
        best = max(covering, key=lambda f: _RANK.get(f.kind, 0))
        hue = next((hues[f.id] for f in covering if f.id in hues), None)
        ids = tuple(dict.fromkeys(f.id for f in covering))
        out.append(Segment(text[a:b], a, ids, best.kind, hue, " · ".join(f.summary for f in covering)))
    return out


def article_paragraphs(
    article: AnnotatedArticle, findings: tuple[Finding, ...], hues: dict[str, int]
) -> tuple[tuple[Segment, ...], ...]:
    """The article's paragraphs cut at every statement boundary, each piece tagged with its findings.

    Statements whose offsets do not fit the text are left out of the columns (they still show in
    the finding lists): a stale offset must never shift the highlighting onto the wrong words.
    """
    text = article.text
    spans = [
        (s.start, s.end, f)
        for f in findings
        for s in f.statements
        if s.source == article.id and 0 <= s.start < s.end <= len(text)
    ]
    paragraphs = []
    pos = 0
    for para in text.split("\n\n"):
        start, end = pos, pos + len(para)
        pos = end + 2
        lead = len(para) - len(para.lstrip())
        if para.strip():
            paragraphs.append(tuple(_cut(text, start + lead, start + len(para.rstrip()), spans, hues)))
    return tuple(paragraphs)


def report_context(report: Report) -> dict[str, Any]:
    """Everything the report templates lay out, computed once."""
    labels = view.source_labels(report)
    parts = view.sections(report, labels)
    hues = view.finding_hues(parts.conflicts + parts.agreements)
    by_id = {a.id: a for a in report.articles}
    columns = tuple(
        Column(lab, article_paragraphs(by_id[sid], report.findings, hues))
        for sid, lab in labels.items()
        if sid in by_id
    )
    rows = view.timeline_rows(report)
    return {
        "report": report,
        "labels": labels,
        "conflicts": parts.conflicts,
        "to_check": parts.to_check,
        "below_floor": view.floor_note(parts.below_floor) if parts.below_floor else "",
        "unique": parts.unique,
        "agreements": parts.agreements,
        "summaries": view.plain_summaries(report, labels),
        "hues": hues,
        "speakers": quote_view.quote_groups(report),
        "timeline_rows": rows,
        "timeline_svg": timeline_svg(rows, labels, report.findings),
        "columns": columns,
        "wire_copies": view.wire_copies(labels),
    }


def _asset(name: str) -> str:
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), name)
    return source


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(
    report: Report, *, width: int | None = None, development: Sequence[Day] | None = None
) -> str:
    """The report as one HTML document (``width`` is ignored: the page reflows to the screen);
    a library's story shows its ``development`` (its reports by day) first."""
    script = _asset("report.js")
    context = report_context(report)
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            v=context,
            css=Markup(_asset("report.css")),
            script=Markup(script),
            script_src=script_hash(script),
            development=[d.to_dict() for d in development or ()],
        )
    )
