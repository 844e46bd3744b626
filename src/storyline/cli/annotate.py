"""`storyline annotate PATH...`: what storyline understood in each article — names, quotes and
their speakers, quantities, dates — as a coloured terminal view, JSON, JSON Lines or an HTML page."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sized
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import app
from storyline.cli.common import (
    InputTally,
    OutputOption,
    ReportOption,
    SourceOption,
    command_errors,
    dump_json,
    err_console,
    log,
    write_output,
    wrote,
)
from storyline.cli.read import _single_input
from storyline.errors import UnreadableInput
from storyline.model import AnnotatedArticle, Article

PROGRESS_FROM = 20  # articles: below this a run takes a few seconds and needs no bar


class AnnotateFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    jsonl = "jsonl"
    html = "html"


def iter_articles(paths: list[str], source: str | None, tally: InputTally) -> Iterator[Article]:
    """The readable articles in input order, as they are read; failures go to ``tally`` (errors
    printed one line each, archive records skipped by design only counted)."""
    from storyline.reading import iter_inputs

    for item in iter_inputs(paths, source_name=source):
        if isinstance(item, UnreadableInput):
            tally.handle(item)
        else:
            yield item


def read_inputs(
    paths: list[str], source: str | None, tally: InputTally | None = None
) -> tuple[list[Article], int]:
    """The readable articles in input order, and how many inputs failed; the skipped-record
    summary is printed here unless ``tally`` is given (its owner prints it). ``compare`` uses it."""
    counts = tally if tally is not None else InputTally()
    articles = list(iter_articles(paths, source, counts))
    if tally is None:
        counts.finish()
    log.debug("inputs: %d; articles read: %d; failed: %d", len(paths), len(articles), counts.failed)
    return articles, counts.failed


PARALLEL_FROM = 16  # articles: below this, starting worker processes costs more than it saves


def processes_for(n_articles: int) -> int:
    """Worker processes for a run: one per core (two at most: each holds its own model) once
    the run is long enough to pay for starting them."""
    from storyline.embed import usable_cores

    return min(2, usable_cores()) if n_articles >= PARALLEL_FROM else 1


def annotate_all(articles: Iterable[Article]) -> Iterator[AnnotatedArticle]:
    """Load the spaCy pipeline once (only when there is work) and annotate in batches, as the
    articles come (a JSON Lines stream of any length is annotated as it is read).

    A long run shows a progress bar on a terminal's stderr (with a total when ``articles`` is a
    list); stdout stays clean for the output.
    """
    stream = iter(articles)
    head = list(islice(stream, max(PROGRESS_FROM, PARALLEL_FROM)))
    if not head:
        return
    from storyline.annotation import annotate_many, load_nlp

    more = len(head) == max(PROGRESS_FROM, PARALLEL_FROM)
    total = len(articles) if isinstance(articles, Sized) else None
    done = annotate_many(chain(head, stream), load_nlp(), n_process=processes_for(len(head)))
    if not more or not err_console.is_terminal:
        yield from done
        return
    from rich.progress import track

    yield from track(done, total=total, description="annotating", console=err_console, transient=True)


def _write_jsonl(annotated: Iterator[AnnotatedArticle], output: Path | None) -> None:
    """One line per article as soon as it is annotated, so a long run shows progress and stays small."""
    import json

    out = sys.stdout if output is None else output.open("w", encoding="utf-8")
    try:
        for ann in annotated:
            out.write(json.dumps(ann.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if output is not None:
            out.close()
    if output is not None:
        wrote(output)


def render(annotated: list[AnnotatedArticle], fmt: AnnotateFormat, single: bool, color: bool) -> str:
    """The whole document for one of the non-streaming formats."""
    if fmt is AnnotateFormat.json:
        dicts = [a.to_dict() for a in annotated]
        return dump_json(dicts[0] if single and len(dicts) == 1 else dicts)
    if fmt is AnnotateFormat.html:
        from storyline.render.annotated_html import render_annotated_html

        return render_annotated_html(annotated)
    from storyline.render.annotated_terminal import render_annotated_terminal

    width = min(shutil.get_terminal_size((100, 24)).columns, 120) if color else 100
    text = render_annotated_terminal(annotated, width=width, color=color)
    # rich pads lines to the width; in a file or a pipe that padding is only trailing spaces
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))


@app.command("annotate")
def annotate_command(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files, directories, globs, URLs, or - for stdin."),
    ],
    fmt: Annotated[
        AnnotateFormat,
        typer.Option(
            "--format",
            "-f",
            help="terminal: the text coloured by kind, then tables; json: the storyline/1 object "
            "(an array for several inputs); jsonl: one object a line; html: one self-contained page.",
        ),
    ] = AnnotateFormat.terminal,
    source: SourceOption = None,
    output: OutputOption = None,
    report: ReportOption = None,
) -> None:
    """Show the names, quotes and speakers, quantities and dates storyline finds in articles."""
    with InputTally(report) as tally, command_errors("annotate", output):
        if fmt is AnnotateFormat.jsonl:  # streamed: read, annotated and written line by line
            _write_jsonl(annotate_all(iter_articles(paths, source, tally)), output)
        else:
            articles, _ = read_inputs(paths, source, tally)
            annotated = list(annotate_all(articles))
            if annotated or fmt is not AnnotateFormat.json or not _single_input(paths):
                color = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
                write_output(render(annotated, fmt, _single_input(paths), color), output)
    status = tally.finish()
    if status:
        raise typer.Exit(status)
