"""The cross-check report for a terminal: rich, with colour, sources as columns, readable at 100 columns.

Rendered into a string through a rich Console writing to memory, so ``-o FILE`` gets the same text as
the screen. Colour follows the usual conventions: off when ``NO_COLOR`` is set, ``TERM`` is ``dumb``
or standard output is not a terminal, on when ``FORCE_COLOR`` is set. Article text only ever enters
rich as ``Text`` objects, never as markup, so brackets in a sentence print as written.
"""

from __future__ import annotations

import io
import os
import shutil
import sys

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

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

DEFAULT_WIDTH = 100
MIN_COLUMN = 30  # narrower than this, sources stack instead of standing side by side
UNIQUE_SHOWN = 10  # per source; the Markdown and HTML reports list them all
SOURCE_STYLES = ("cyan", "magenta", "yellow", "green", "blue", "bright_red")


def use_color(color: bool | None = None) -> bool:
    """Whether to write colour: the caller's word, else the environment's conventions."""
    if color is not None:
        return color
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":  # no-color.org: set and not empty
        return False
    return sys.stdout.isatty()


def _width(width: int | None) -> int:
    if width:
        return max(width, 40)
    if sys.stdout.isatty():
        return max(min(shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns, 160), 40)
    return DEFAULT_WIDTH


def render_terminal(report: Report, *, width: int | None = None, color: bool | None = None) -> str:
    """The whole report as terminal text (ANSI colour codes only when colour is on)."""
    on = use_color(color)
    console = Console(
        file=io.StringIO(),
        width=_width(width),
        force_terminal=on,
        no_color=not on,
        color_system="standard" if on else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    labels = source_labels(report)
    parts = sections(report, labels)
    summary = plain_summaries(report, labels)
    for block in (
        _header(report, labels, console.width),
        _key(report, parts),
        _brief(report, labels, console.width),
        _conflicts(parts.conflicts, labels, summary, console.width, not on),
        _to_check(parts, labels, summary, console.width),
        _unique(parts.unique, console.width),
        _agreements(parts.agreements, labels, summary, console.width),
        _quotes(report, labels, console.width, not on),
        _timeline(report, labels),
    ):
        if block is not None:
            console.print(block)
    out = str(console.file.getvalue())  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def _src(label: SourceLabel) -> Text:
    # styles go on the span, not the Text: a Text's own style would colour whatever is appended to it
    return Text().append(f"[{label.letter}]", style=f"bold {SOURCE_STYLES[label.index % len(SOURCE_STYLES)]}")


def _cite(ids: tuple[str, ...] | list[str], labels: dict[str, SourceLabel]) -> Text:
    out = Text()
    for sid in dict.fromkeys(ids):
        if sid in labels:
            out.append_text(_src(labels[sid]))
    return out


def _named(label: SourceLabel) -> Text:
    """A source as a column head or section names it: "[A] BBC", or "[A]" for a long file name."""
    out = _src(label)
    return out if label.abbreviated else out.append(f" {label.name}", style="bold")


def _headline(mark: Text, body: Text, width: int) -> Table:
    """A finding's headline: the mark, then the summary, whose wrapped lines start under its first
    word rather than at column 0."""
    grid = _grid(width, len(mark.plain))
    grid.add_row(mark, body)
    return grid


def _grid(width: int, lead: int) -> Table:
    """Two columns, a fixed lead (marker, citation) and the text: fixed widths spare rich from
    measuring every cell, which is most of its time on a long report."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, width=lead)
    grid.add_column(overflow="fold", width=max(width - lead - 1, 10))
    return grid


def _lead(labels: dict[str, SourceLabel]) -> int:
    """Width of the widest citation, "[A]" or "[AB]"."""
    return max((len(lab.letter) for lab in labels.values()), default=1) + 2


def _heading(title: str, count: int | None = None) -> Rule:
    text = title if count is None else f"{title} ({count})"
    return Rule(Text(text, style="bold"), align="left", style="dim")


def _header(report: Report, labels: dict[str, SourceLabel], width: int) -> RenderableType:
    grid = _grid(width, _lead(labels))
    for lab in labels.values():
        line = Text().append(lab.name, style="bold")
        if lab.ref.title:
            line.append(f" — {lab.ref.title}")
        if lab.ref.published:
            line.append(f" · {lab.ref.published[:10]}", style="dim")
        grid.add_row(_src(lab), line)
    notes = [
        Text(f"{copy.short} ran the same wire copy as {orig.short}: counted once.", style="dim")
        for copy, orig in wire_copies(labels)
    ]
    title = Text(f"storyline · {len(report.sources)} reports compared", style="bold")
    return Group(title, grid, *notes, Text())


def _key(report: Report, parts: Sections) -> RenderableType | None:
    """One dim line explaining the marks this report uses, once, before they appear."""
    keys = []
    if parts.conflicts:
        keys.append("✗ conflict")
    if parts.agreements:
        keys.append("✓ agreement (N independent: a wire copy counts once)")
    if any(len(remark_wordings(r)) > 1 for g in quote_groups(report) for r in g.remarks):
        keys.append("╭╰ one remark, ≠ reworded")
    if not keys:
        return None
    return Group(Text("key: " + " · ".join(keys), style="dim"), Text())


def _brief(report: Report, labels: dict[str, SourceLabel], width: int) -> RenderableType | None:
    if not report.brief:
        return None
    grid = _grid(width, len(str(len(report.brief))) + 1)
    for i, line in enumerate(report.brief, 1):
        grid.add_row(Text(f"{i}."), Text(line.text + " ").append_text(_cite(line.sources, labels)))
    return Group(_heading("Brief"), grid, Text())


def _values_cell(f: Finding, sid: str) -> Text:
    out = Text()
    for v in f.values:
        if v.source != sid:
            continue
        out.append(v.text, style="bold red")
        norm = value_label(v.value)
        if norm and norm != v.text and f.aspect != "quote":
            out.append(f"  ({norm})", style="dim")
        out.append("\n")
    return out


def _sentence(text: str, marks: list[str]) -> Text:
    out = Text(text)
    for mark in marks:
        if mark:
            out.highlight_words([mark], style="bold underline")
    return out


def _by_source(f: Finding, labels: dict[str, SourceLabel], width: int, *, values: bool) -> RenderableType:
    """A finding's statements, one column per source when they fit, else one under another."""
    sids = [sid for sid in dict.fromkeys(s.source for s in f.statements) if sid in labels]
    cells = []
    for sid in sids:
        cell = _values_cell(f, sid) if values else Text()
        marks = [v.text for v in f.values if v.source == sid]
        for s in f.statements:
            if s.source == sid:
                cell.append_text(_sentence(s.text, marks))
                cell.append("\n\n")  # a blank line between two statements of one source
        cell.rstrip()
        cells.append(cell)
    # each column takes its width plus one space of padding either side, plus one divider between
    column = (width - 3 * len(sids) + 1) // max(len(sids), 1)
    if sids and column >= MIN_COLUMN:
        table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False)
        for sid in sids:
            table.add_column(_named(labels[sid]), width=column, overflow="fold")
        table.add_row(*cells)
        return table
    grid = _grid(width, _lead(labels))
    for sid, cell in zip(sids, cells, strict=True):
        grid.add_row(_src(labels[sid]), cell)
    return grid


def _marked(runs: Marked, style: str, plain: bool) -> Text:
    """Words the other wording lacks in bold colour; wrapped in ``*…*`` too when there is no colour."""
    out = Text()
    for i, (words, changed) in enumerate(runs):
        if i:
            out.append(" ")
        if changed:
            out.append(f"*{words}*" if plain else words, style=f"bold underline {style}")
        else:
            out.append(words)
    return out


def _wordings(
    pairs: list[tuple[str, Marked]], labels: dict[str, SourceLabel], width: int, plain: bool
) -> Table:
    grid = _grid(width, _lead(labels))
    for i, (sid, runs) in enumerate(pairs):
        who = _cite([sid], labels) if sid in labels else Text(sid)
        words = _marked(runs, "red" if i == 0 else "green", plain)
        grid.add_row(who, Text("“").append_text(words).append("”"))
    return grid


def _conflicts(
    found: tuple[Finding, ...],
    labels: dict[str, SourceLabel],
    summary: dict[str, str],
    width: int,
    plain: bool,
) -> RenderableType:
    if not found:
        return Group(_heading("Conflicts", 0), Text("The sources contradict each other nowhere.\n"))
    blocks: list[RenderableType] = [_heading("Conflicts", len(found))]
    for f in found:
        head = Text().append(f.aspect or "claim", style="bold red").append(f" · {summary[f.id]}")
        blocks.append(_headline(Text("✗", style="bold red"), head, width))
        blocks.append(Padding(_by_source(f, labels, width - 2, values=True), (0, 0, 0, 2)))
        if f.aspect == "quote":
            note = "the wordings side by side" + (", *marking* words the other lacks:" if plain else ":")
            blocks.append(Padding(Text(note, style="dim"), (0, 0, 0, 2)))
            blocks.append(Padding(_wordings(quote_wordings(f), labels, width - 4, plain), (0, 0, 1, 4)))
    blocks.append(Text())
    return Group(*blocks)


def _to_check(
    parts: Sections, labels: dict[str, SourceLabel], summary: dict[str, str], width: int
) -> RenderableType | None:
    """Possible conflicts below the confidence threshold, and cosmetic quote variants: listed
    apart, never as findings, so a reader can look without being told something wrong; those
    below the fitted floor are only counted."""
    found = parts.to_check
    if not found and not parts.below_floor:
        return None
    blocks: list[RenderableType] = [_heading("To check", len(found))]
    note = "possible differences too unsure to call conflicts, and quotes worded differently"
    blocks.append(Text(note, style="dim"))
    if parts.below_floor:
        blocks.append(Text(floor_note(parts.below_floor), style="dim"))
    for f in found:
        head = Text().append(f"{f.aspect or 'claim'} {check_score(f)}", style="yellow")
        blocks.append(_headline(Text("?", style="yellow"), head.append(f" · {summary[f.id]}"), width))
        blocks.append(Padding(_by_source(f, labels, width - 2, values=False), (0, 0, 0, 2)))
    blocks.append(Text())
    return Group(*blocks)


def _unique(
    per_source: tuple[tuple[SourceLabel, tuple[Finding, ...]], ...], width: int
) -> RenderableType | None:
    if not per_source:
        return None
    blocks: list[RenderableType] = [_heading("What each source adds")]
    for lab, found in per_source:
        blocks.append(Text("only in ", style="bold").append_text(_named(lab)).append(f" ({len(found)})"))
        grid = _grid(width - 2, 1)
        shown = UNIQUE_SHOWN if len(found) > UNIQUE_SHOWN + 2 else len(found)
        for f in found[:shown]:
            grid.add_row(Text("+", style="green"), Text(" ".join(s.text for s in f.statements)))
        blocks.append(Padding(grid, (0, 0, 0, 2)))
        if len(found) > shown:
            more = f"… and {len(found) - shown} more (all of them in --format markdown or html)"
            blocks.append(Padding(Text(more, style="dim"), (0, 0, 0, 2)))
    blocks.append(Text())
    return Group(*blocks)


def _agreements(
    found: tuple[Finding, ...], labels: dict[str, SourceLabel], summary: dict[str, str], width: int
) -> RenderableType:
    if not found:
        return Group(_heading("Agreements", 0), Text("No statement is backed by two sources.\n"))
    blocks: list[RenderableType] = [_heading("Agreements", len(found))]
    for f in found:
        head = Text(summary[f.id]).append(f"  ({f.independent} independent)", style="dim")
        blocks.append(_headline(Text("✓", style="bold green"), head, width))
        blocks.append(Padding(_by_source(f, labels, width - 2, values=False), (0, 0, 0, 2)))
    blocks.append(Text())
    return Group(*blocks)


def _quotes(report: Report, labels: dict[str, SourceLabel], width: int, plain: bool) -> RenderableType | None:
    groups = quote_groups(report)
    if not groups:
        return None
    blocks: list[RenderableType] = [_heading("Who said what")]
    for g in groups:
        blocks.append(Text(g.heading, style="bold"))
        grid = _grid(width - 2, _lead(labels) + 2)
        for remark in g.remarks:
            pairs = remark_wordings(remark)
            for i, (q, runs) in enumerate(pairs):
                words = _marked(runs, "red" if i == 0 else "green", plain)
                marker = Text().append(_bracket(i, len(pairs)), style="dim")
                marker.append("≠" if remark.differs and i else " ", style="bold red")
                grid.add_row(
                    marker.append_text(_cite([q.source], labels)), Text("“").append_text(words).append("”")
                )
        blocks.append(Padding(grid, (0, 0, 1, 2)))
    return Group(*blocks)


def _bracket(i: int, n: int) -> str:
    """The left edge that ties the occurrences of one remark together."""
    if n == 1:
        return " "
    return "╭" if i == 0 else "╰" if i == n - 1 else "│"


def _timeline(report: Report, labels: dict[str, SourceLabel]) -> RenderableType | None:
    rows = timeline_rows(report)
    if not rows:
        return None
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 1), expand=True)
    table.add_column("When", no_wrap=True)
    table.add_column("What", ratio=3, overflow="fold")
    table.add_column("Written as", ratio=2, overflow="fold")
    for row in rows:
        style = "bold red" if row.conflict else ""
        when = Text(("≠ " if row.conflict else "  ") + row.label, style=style)
        written = Text()
        for t in row.written:
            written.append_text(_cite([t.source], labels)).append(f" {t.text}\n")
        written.rstrip()
        table.add_row(when, Text("\n".join(events_of(row))), written)  # one event a line: phrases are long
    note = Text("≠ marks a date the sources disagree on.", style="dim")
    return Group(_heading("Timeline"), table, note)
