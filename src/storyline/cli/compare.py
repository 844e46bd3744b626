"""`storyline compare FILE...`: cross-check reports of one story — agreements, conflicts, what each
source adds, quotes and timeline — in the terminal, Markdown, JSON or a self-contained HTML page."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.annotate import read_inputs
from storyline.cli.app import app
from storyline.cli.common import (
    OutputOption,
    SourceOption,
    command_errors,
    dump_json,
    err_console,
    report_line,
    write_output,
)
from storyline.errors import StorylineError
from storyline.model import Report


class CompareFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"


def render(report: Report, fmt: CompareFormat, *, color: bool | None = None) -> str:
    """JSON is the contract and needs nothing else; the other formats come from the renderers."""
    if fmt is CompareFormat.json:
        return dump_json(report.to_dict())
    try:
        from storyline.render import render_report
    except ImportError:
        raise StorylineError(f"the {fmt.value} renderer is not available; use --format json") from None
    return render_report(report, fmt.value, color=color)


def distinct_inputs(paths: list[str]) -> list[str]:
    """``paths`` without repeats of one file or address: a report compared with itself agrees on
    everything, which says nothing. Each repeat gets a warning."""
    seen: dict[str, str] = {}
    kept = []
    for p in paths:
        key = p if p == "-" or "://" in p else str(Path(p).expanduser().resolve())
        if key in seen:
            first = "" if seen[key] == p else f" (as {seen[key]})"
            report_line(f"{p}: given twice{first}; it is compared once")
            continue
        seen[key] = p
        kept.append(p)
    return kept


@app.command("compare")
def compare_command(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="FILE...", help="Two or more reports: files, directories, URLs."),
    ],
    fmt: Annotated[
        CompareFormat,
        typer.Option("--format", "-f", help="Output format."),
    ] = CompareFormat.terminal,
    source: SourceOption = None,
    output: OutputOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every possible difference to check, also those below the fitted floor "
            "(more likely two different facts than one told two ways).",
        ),
    ] = False,
) -> None:
    """Cross-check reports of one story: what they agree on, where they conflict, what each adds."""
    from storyline.crosscheck import compare
    from storyline.crosscheck.floor import show_all as below_floor_too
    from storyline.engines.run import progress_line

    given = distinct_inputs(paths)
    articles, failed = read_inputs(given, source)
    if len(articles) < 2:
        inputs = f"{len(paths)} input{'s' if len(paths) != 1 else ''}"
        report_line(f"compare needs at least two readable reports; read {len(articles)} from {inputs}")
        raise typer.Exit(2)
    try:
        with command_errors("compare", output):
            with progress_line(err_console, None, "annotating", len(articles)) as tick:
                report = compare(articles, progress=tick)
            if show_all:
                report = below_floor_too(report)
            color = None if output is None and fmt is CompareFormat.terminal else False
            write_output(render(report, fmt, color=color), output)
    finally:
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)
