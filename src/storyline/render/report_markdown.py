"""The cross-check report as Markdown, for notes, tickets and pull requests.

Article text is escaped for Markdown (``*``, ``_``, brackets, backticks, ``<``, pipes), so a sentence
can neither format the page nor smuggle HTML into a renderer that passes it through.
"""

from __future__ import annotations

import re

from storyline.model import Finding, Report
from storyline.render.quote_view import Marked, quote_groups, quote_wordings, remark_wordings
from storyline.render.report_view import (
    Sections,
    SourceLabel,
    check_score,
    events_of,
    floor_note,
    plain_summaries,
    sections,
    source_labels,
    timeline_rows,
    value_label,
    wire_copies,
)

# Markdown's specials; "_" only at a word's edge, where it could start emphasis ("file_name" stays).
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))")


def md(text: str) -> str:
    """Escape Markdown's special characters and fold line breaks, so text stays text."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(report: Report, *, width: int | None = None) -> str:
    """The whole report as one Markdown document (``width`` is ignored: Markdown reflows)."""
    labels = source_labels(report)
    parts = sections(report, labels)
    summary = plain_summaries(report, labels)
    blocks = [
        _header(report, labels),
        _brief(report, labels),
        _conflicts(parts.conflicts, labels, summary),
        _to_check(parts, labels, summary),
        _unique(parts.unique),
        _agreements(parts.agreements, labels, summary),
        _quotes(report, labels),
        _timeline(report, labels),
    ]
    return "\n\n".join(b for b in blocks if b).rstrip() + "\n"


def _cite(ids: tuple[str, ...] | list[str], labels: dict[str, SourceLabel]) -> str:
    return "".join(f"\\[{labels[sid].letter}\\]" for sid in dict.fromkeys(ids) if sid in labels)


def _named(label: SourceLabel) -> str:
    """A source as a lead names it: "[A] BBC", or "[A]" for a long file name (the header maps it)."""
    return f"\\[{label.letter}\\]" + ("" if label.abbreviated else f" {md(label.name)}")


def _header(report: Report, labels: dict[str, SourceLabel]) -> str:
    lines = [f"# Cross-check of {len(report.sources)} reports", ""]
    for lab in labels.values():
        line = f"- **\\[{lab.letter}\\] {md(lab.name)}**"
        if lab.ref.title:
            line += f" — {md(lab.ref.title)}"
        if lab.ref.published:
            line += f" ({md(lab.ref.published[:10])})"
        lines.append(line)
    for copy, orig in wire_copies(labels):
        lines.append(f"\n{md(copy.short)} ran the same wire copy as {md(orig.short)}: counted once.")
    return "\n".join(lines)


def _brief(report: Report, labels: dict[str, SourceLabel]) -> str:
    if not report.brief:
        return ""
    lines = ["## Brief", ""]
    lines += [f"{i}. {md(b.text)} {_cite(b.sources, labels)}" for i, b in enumerate(report.brief, 1)]
    return "\n".join(lines)


def marked_markdown(runs: Marked) -> str:
    """A wording with the words the other wording lacks in bold."""
    return " ".join(f"**{md(words)}**" if changed else md(words) for words, changed in runs)


def _statements(f: Finding, labels: dict[str, SourceLabel], *, values: bool) -> list[str]:
    lines = []
    for sid in dict.fromkeys(s.source for s in f.statements):
        if sid not in labels:
            continue
        vals = [v for v in f.values if v.source == sid] if values else []
        said = "; ".join(
            f"**{md(v.text)}**" + (f" ({md(value_label(v.value))})" if f.aspect in ("number", "date") else "")
            for v in vals
        )
        sentences = " … ".join(md(s.text) for s in f.statements if s.source == sid)
        lead = _named(labels[sid])
        lines.append(f"- {lead}: {said} — {sentences}" if said else f"- {lead}: {sentences}")
    return lines


def _conflicts(found: tuple[Finding, ...], labels: dict[str, SourceLabel], summary: dict[str, str]) -> str:
    lines = [f"## Conflicts ({len(found)})", ""]
    if not found:
        return "\n".join([*lines, "The sources contradict each other nowhere."])
    for f in found:
        lines += [f"### {md(f.aspect or 'claim').capitalize()}: {md(summary[f.id])}", ""]
        lines += _statements(f, labels, values=True)
        if f.aspect == "quote":
            lines += ["", "The wordings side by side, in bold the words the other lacks:", ""]
            for sid, runs in quote_wordings(f):
                lines.append(f"> {_cite([sid], labels)} “{marked_markdown(runs)}”  ")
        lines.append("")
    return "\n".join(lines).rstrip()


def _to_check(parts: Sections, labels: dict[str, SourceLabel], summary: dict[str, str]) -> str:
    found = parts.to_check
    if not found and not parts.below_floor:
        return ""
    lines = [
        f"## To check ({len(found)})",
        "",
        "Possible differences too unsure to call conflicts (the statements may not be about one fact), "
        "and quotes worded differently without a change of meaning.",
        "",
    ]
    if parts.below_floor:
        lines += [f"*{floor_note(parts.below_floor)}.*", ""]
    for f in found:
        lines.append(f"- *{md(f.aspect or 'claim')}, confidence {check_score(f)}*: {md(summary[f.id])}")
        lines += ["  " + line for line in _statements(f, labels, values=False)]
    return "\n".join(lines)


def _unique(per_source: tuple[tuple[SourceLabel, tuple[Finding, ...]], ...]) -> str:
    if not per_source:
        return ""
    lines = ["## What each source adds"]
    for lab, found in per_source:
        lines += ["", f"### Only in {_named(lab)} ({len(found)})", ""]
        lines += [f"{i}. {md(' '.join(s.text for s in f.statements))}" for i, f in enumerate(found, 1)]
    return "\n".join(lines)


def _agreements(found: tuple[Finding, ...], labels: dict[str, SourceLabel], summary: dict[str, str]) -> str:
    lines = [f"## Agreements ({len(found)})"]
    if not found:
        return "\n".join([*lines, "", "No statement is backed by two sources."])
    lines += ["", "*N independent*: how many sources state it, a wire copy run by several counted once."]
    for f in found:
        lines += ["", f"**{md(summary[f.id])}** ({f.independent} independent)", ""]
        lines += _statements(f, labels, values=False)
    return "\n".join(lines)


def _quotes(report: Report, labels: dict[str, SourceLabel]) -> str:
    groups = quote_groups(report)
    if not groups:
        return ""
    lines = ["## Who said what"]
    for g in groups:
        lines += ["", f"### {md(g.heading)}", ""]
        for remark in g.remarks:
            for i, (q, runs) in enumerate(remark_wordings(remark)):
                said = f"{_cite([q.source], labels)} “{marked_markdown(runs)}”"
                if i == 0:
                    lines.append(f"- {said}")
                else:
                    lines.append(f"  - {'in other words: ' if remark.differs else 'also '}{said}")
    return "\n".join(lines)


def _timeline(report: Report, labels: dict[str, SourceLabel]) -> str:
    rows = timeline_rows(report)
    if not rows:
        return ""
    lines = ["## Timeline", "", "| When | What | Written as |", "|---|---|---|"]
    for row in rows:
        when = f"**≠ {md(row.label)}**" if row.conflict else md(row.label)
        written = "; ".join(f"{_cite([t.source], labels)} {md(t.text)}" for t in row.written)
        lines.append(f"| {when} | {md('; '.join(events_of(row)))} | {written} |")
    if any(r.conflict for r in rows):
        lines += ["", "≠ marks a date the sources disagree on."]
    return "\n".join(lines)
