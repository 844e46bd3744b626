"""Stories and the library: `stories` groups files without storing; `add`, `list`, `show`,
`remove` and `export` work on the library (SQLite file or PostgreSQL URL)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Annotated, Any

import typer

from storyline.cli.app import app
from storyline.cli.common import (
    InputTally,
    OutputOption,
    ReportOption,
    SourceOption,
    dump_json,
    dump_jsonl,
    err_console,
    note,
    report_error,
    write_output,
    wrote,
)
from storyline.errors import NotEnoughReports, SkippedRecord, StorylineError, UnreadableInput
from storyline.extras import MissingExtra
from storyline.model import Story

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STORYLINE_DB",
        metavar="PATH|URL",
        help="Library: a SQLite file (default ./storyline.db) or a postgresql:// URL.",
    ),
]


class StoriesFormat(StrEnum):
    terminal = "terminal"
    json = "json"


class ShowFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    html = "html"


class ExportFormat(StrEnum):
    jsonl = "jsonl"


def _stories_terminal(stories: list[Story]) -> str:
    lines = []
    for s in stories:
        when = s.first if s.first == s.last else f"{s.first} – {s.last}"
        lines.append(f"{s.title or '(untitled)'}  [{s.id}]  {when or 'undated'}  {len(s.articles)} reports")
        for a in s.articles:
            copy = f"  (copy of {a.copy_of})" if a.copy_of else ""
            lines.append(
                f"  {a.published or '?':<25} {a.source or '?':<18} {a.title or a.path or a.id}{copy}"
            )
        lines.append("")
    return "\n".join(lines) if lines else "no stories"


FILE_BATCH = 64  # articles per transaction when a cluster files into the library


class EngineName(StrEnum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[
    EngineName, typer.Option("--engine", help="local: this process; ray: a Ray cluster (same results).")
]
WorkersOption = Annotated[
    int, typer.Option("--workers", min=1, metavar="N", help="Ray: workers per model stage.")
]
AddressOption = Annotated[
    str | None,
    typer.Option("--address", help="Ray: auto or HOST:PORT of a running cluster (default: start one here)."),
]


def _engine(name: EngineName, workers: int, address: str | None, models: dict[str, Any]) -> Any:
    from storyline.engines import open_engine

    try:
        return open_engine(name.value, workers=workers, address=address, models=models)
    except MissingExtra:
        raise  # its own line, naming the extra (the command group prints it)
    except StorylineError as exc:
        report_error(f"--engine {name.value}", str(exc))
        raise typer.Exit(2) from None


@app.command("stories")
def stories_command(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Reports: files, directories, URLs, WARC archives.")
    ],
    fmt: Annotated[
        StoriesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StoriesFormat.terminal,
    source: SourceOption = None,
    output: OutputOption = None,
    engine: EngineOption = EngineName.local,
    workers: WorkersOption = 2,
    address: AddressOption = None,
    report: ReportOption = None,
) -> None:
    """Group reports into stories (nothing is stored); wire copies are marked."""
    from storyline.engines.run import progress_line, stories_of
    from storyline.reading.sniff import ReadOptions

    runner = _engine(engine, workers, address, {})
    options = ReadOptions(source_name=source)
    try:
        with (
            InputTally(report) as tally,
            progress_line(err_console, runner, "reading", _total(paths, options)) as tick,
        ):
            stories = stories_of(paths, runner, options, _counted_failure(tally, tick), tick)
        text = (
            dump_json([s.to_dict() for s in stories])
            if fmt is StoriesFormat.json
            else _stories_terminal(stories)
        )
        write_output(text, output)
    except StorylineError as exc:
        report_error("stories", str(exc))
        raise typer.Exit(2) from None
    finally:
        runner.close()
    status = tally.finish()
    if status:
        raise typer.Exit(status)


def _total(paths: list[str], options: Any) -> Callable[[], int | None]:
    """What counts the reports to expect, for the progress bar (run only when it is shown)."""
    from storyline.engines.units import count_reports

    return partial(count_reports, paths, options)


def _counted_failure(tally: InputTally, tick: Any) -> Callable[[UnreadableInput], None]:
    """Print an input that could not be used and move the bar past it; a record skipped by design
    (a request, an image) is no report and was not counted."""

    def failed(exc: UnreadableInput) -> None:
        tally.handle(exc)
        if not isinstance(exc, SkippedRecord):
            tick(failed=True)

    return failed


def refuse_missing_library(db: str | None) -> None:
    """One line and status 2 when the library to read does not exist."""
    from storyline.store.engine import missing_file

    path = missing_file(db)
    if path is not None:
        report_error(path, "no library here (`storyline add PATH... --db FILE` creates one)")
        raise typer.Exit(2)


def _open(db: str | None, *, create: bool = False) -> Any:
    from storyline.store import Library

    if not create:
        refuse_missing_library(db)
    try:
        return Library(db)
    except MissingExtra:
        raise
    except StorylineError as exc:
        report_error(db or "storyline.db", str(exc))
        raise typer.Exit(2) from None


@app.command("add")
def add_command(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Reports: files, directories, URLs, WARC archives.")
    ],
    db: DbOption = None,
    source: SourceOption = None,
    engine: EngineOption = EngineName.local,
    workers: WorkersOption = 2,
    address: AddressOption = None,
    report: ReportOption = None,
    no_check: Annotated[
        bool,
        typer.Option(
            "--no-check",
            help="File only and start no checker: the stories that changed stay owed their "
            "cross-check (paid by the next add, `serve`, or `show` at first view).",
        ),
    ] = False,
    wait: Annotated[
        bool,
        typer.Option(
            "--wait",
            help="Cross-check the stories that changed in this process before returning, so "
            "`list` and `show` have them when it ends (by default a detached checker does it; "
            "STORYLINE_CHECKS=wait makes this the default).",
        ),
    ] = False,
) -> None:
    """Read, annotate and file reports into the library, each into an existing story or a new one.

    Re-running an interrupted add skips what is stored. With the local engine the stories that
    changed are then cross-checked (their conflicts counted for `list`, their reports stored for
    `show` and the story page), and so are those an add killed before checking left behind: by
    one detached checker process, which outlives the add (`list` says pending until it is done),
    or here with --wait. With Ray that is left to `show`, so a large archive is not compared
    story by story on the driver."""
    from storyline.engines.run import add_to_library, progress_line
    from storyline.reading.sniff import ReadOptions

    if no_check and wait:
        report_error("add", "--no-check and --wait contradict each other: give one")
        raise typer.Exit(2)
    models: dict[str, Any] = {}
    if engine is EngineName.local:
        from storyline.engines.stages import load_models

        models = load_models()
    runner = _engine(engine, workers, address, models)
    counts: dict[str, int] = {}
    owed, left = 0, ""
    options = ReadOptions(source_name=source)
    try:
        with (
            _open(db, create=True) as lib,
            InputTally(report) as tally,
            progress_line(err_console, runner, "filed", _total(paths, options)) as tick,
        ):
            failed = _counted_failure(tally, tick)

            def filed(result: Any) -> None:
                counts[result.status] = counts.get(result.status, 0) + 1
                if result.not_article:  # kept, but said: a wall or a listing is no report
                    where = result.path or result.article_id
                    line = f"storyline: {where}: not an article ({result.not_article})"
                    err_console.print(line, markup=False)
                tick()

            batch = 1 if engine is EngineName.local else FILE_BATCH
            results = add_to_library(lib, paths, runner, options, failed, filed, batch=batch)
            if not models:
                lib.waive_checks(r.story_id for r in results if r.status != "existing")
            else:
                owed, left = _settle_checks(lib, models, no_check=no_check, wait=wait)
    except StorylineError as exc:
        report_error(db or "storyline.db", str(exc))
        raise typer.Exit(2) from None
    finally:
        runner.close()
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing new added"
    summary += f", {tally.failed} unreadable" if tally.failed else ""
    stories = f"{owed} {'story' if owed == 1 else 'stories'}"
    note(summary + (f"; {stories} {left}" if owed else ""))
    status = tally.finish()
    if status:
        raise typer.Exit(status)


def _settle_checks(lib: Any, models: dict[str, Any], *, no_check: bool, wait: bool) -> tuple[int, str]:
    """Pay the owed cross-checks here (``wait``, or a library no other process can reach), leave
    them (``no_check``) or hand them to the detached checker; how many are owed and what of them."""
    from storyline.engines import checker
    from storyline.store import checklock

    if no_check:
        return len(lib.due()), "left to cross-check (--no-check)"
    if wait or checker.waits() or not checklock.shared(lib.url):
        lib.check_due(nlp=models["nlp"], embedder=models["embedder"])
        return 0, ""
    pid = lib.check_in_background()
    owed = len(lib.due())  # those of one report are settled already: nothing to compare
    who = f"a detached checker (pid {pid})" if pid else "the checker at work"
    return owed, f"being cross-checked by {who}; `storyline list` says pending until done"


@app.command("list")
def list_command(
    db: DbOption = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Words of a title.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many stories.")] = 50,
    fmt: Annotated[
        StoriesFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StoriesFormat.terminal,
) -> None:
    """Stories in the library, latest first: title, dates, number of sources and of conflicts
    ("pending" while a story's cross-check is owed: a detached checker or the next add pays it;
    "failed" when it failed twice and was given up: `storyline check --retry` tries again)."""
    with _open(db) as lib:
        rows = lib.stories(query=query, limit=limit)
    if fmt is StoriesFormat.json:
        write_output(dump_json([r.to_dict() for r in rows]), None)
        return
    lines = [f"{'story':<17}{'first':<11}{'last':<11}{'sources':>7}{'conflicts':>10}  title"]
    for r in rows:
        conflicts = "failed" if r.check_failed else "pending" if r.pending else _count(r.conflicts)
        lines.append(
            f"{r.id:<17}{r.first or '-':<11}{r.last or '-':<11}{r.sources:>7}{conflicts:>10}  {r.title or ''}"
        )
    write_output("\n".join(lines) if rows else "the library holds no stories", None)


def _count(conflicts: int | None) -> str:
    return "-" if conflicts is None else str(conflicts)


@app.command("show")
def show_command(
    story: Annotated[str, typer.Argument(help="Story id (or a unique start of it).")],
    db: DbOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.terminal,
    output: OutputOption = None,
) -> None:
    """The story's development (its reports by day, earliest first) and its cross-check: the one
    stored when the story last changed, else made now from the stored annotations and vectors."""
    from storyline.cli.compare import CompareFormat, render
    from storyline.stories.development import development, development_text

    with _open(db) as lib:
        try:
            stored = lib.story(story)
            _say_failed(lib, stored.id)
            report = lib.stored_report(stored)
            if report is None and len(stored.articles) > 1:
                from storyline.embed import Embedder

                # checked here as the checker checks, and stored for `list` and the next view (a
                # Ray add leaves it to here), unless a checker at work holds the lock
                try:
                    report = lib.report_for_view(stored, nlp=None, embedder=Embedder())
                except NotEnoughReports:
                    report = None  # shown alone, as a story of one report
                finally:
                    _hand_off(lib)
            if report is None:
                alone = stored.story
                text = dump_json(alone.to_dict()) if fmt is ShowFormat.json else _stories_terminal([alone])
                write_output(text, output)
                return
            days = development(stored.story.articles)  # how the story unfolded, first
            if fmt is ShowFormat.json:
                text = dump_json({**report.to_dict(), "development": [d.to_dict() for d in days]})
            elif fmt is ShowFormat.html:
                from storyline.render.report_html import render_html

                text = render_html(report, development=days)
            else:
                text = render(report, CompareFormat(fmt.value))
                text = development_text(days, markdown=fmt is ShowFormat.markdown) + "\n" + text
            write_output(text, output)
        except StorylineError as exc:
            report_error(story, str(exc))
            raise typer.Exit(1) from None


def _hand_off(lib: Any) -> None:
    """The checker lock's rule for a holder letting it go (``store.checklock``): an add that
    found it held by this `show` started no checker, trusting the holder with its stories, so
    what is owed now goes to the detached checker, as that add would have sent it (none in
    ``STORYLINE_CHECKS=wait`` mode, where adds wait for the lock, nor for a library in memory)."""
    from storyline.engines import checker
    from storyline.store import checklock

    if checklock.shared(lib.url) and not checker.waits() and lib.due():
        lib.check_in_background()


def _say_failed(lib: Any, story_id: str) -> None:
    """A line on stderr when the story's cross-check was given up (``show`` then tries it)."""
    for _, error in lib.failed_checks(story_id):
        report_error(story_id, f"its cross-check failed twice and was given up ({error}); trying it here")


@app.command("remove")
def remove_command(
    ident: Annotated[str, typer.Argument(help="A story id or an article id (or a unique start of one).")],
    db: DbOption = None,
) -> None:
    """Remove a story with all its articles, or one article with all its versions."""
    with _open(db) as lib:
        try:
            kind = lib.remove(ident)
        except StorylineError as exc:
            report_error(ident, str(exc))
            raise typer.Exit(1) from None
    note(f"removed {kind} {ident}")


@app.command("export")
def export_command(
    db: DbOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
    output: OutputOption = None,
) -> None:
    """Every stored article version, annotated, one JSON object a line with its story id."""
    with _open(db) as lib:
        if output is None:
            for d in lib.export():
                typer.echo(dump_jsonl([d]), nl=False)
        else:
            with output.open("w", encoding="utf-8") as fh:
                for d in lib.export():
                    fh.write(dump_jsonl([d]))
            wrote(output)
