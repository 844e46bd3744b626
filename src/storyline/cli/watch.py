"""`watch` follows outlets' feeds and sitemaps into the library; `sources` lists, adds and removes
what it follows."""

from __future__ import annotations

import json
import re
import signal
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyline.cli.app import app
from storyline.cli.common import dump_json, err_console, note, report_error, report_line, write_output
from storyline.cli.library import DbOption, _open
from storyline.errors import StorylineError

if TYPE_CHECKING:
    from storyline.sources.changes import StoryChange

sources_app = typer.Typer(help="The feeds, sitemaps and OPML lists `watch` follows.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SHOWN = 20  # stories listed after a pass on the terminal; ``--format json`` lists them all


class WatchFormat(StrEnum):
    terminal = "terminal"
    json = "json"


SourcesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="SOURCE",
        help="Addresses or files of RSS/Atom/JSON feeds, sitemaps (or indexes) and OPML lists.",
    ),
]


def parse_interval(text: str) -> float:
    """``15m``, ``90s``, ``1h``, ``1d`` or plain seconds → seconds."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is not an interval such as 15m, 90s or 1h")
    return float(m.group(1)) * UNITS[m.group(2) or "s"]


def _remember(lib: Any, specs: list[str]) -> int:
    """Follow each spec; how many were refused (a file that is not there)."""
    from storyline.sources.urls import canonical_url
    from storyline.store import watchlist

    refused = 0
    for spec in specs:
        if "://" not in spec and not Path(spec).is_file():
            report_error(spec, "no such file (a source is a feed's address or a saved feed file)")
            refused += 1
            continue
        # a file is remembered by its absolute path: the next watch may run from elsewhere
        url = canonical_url(spec) if "://" in spec else str(Path(spec).resolve())
        if watchlist.remember(lib.engine, url):
            note(f"following {url}")
    return refused


@app.command("watch")
def watch_command(
    specs: SourcesArgument = None,
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron and tests).")] = False,
    every: Annotated[
        str, typer.Option("--every", metavar="INTERVAL", help="Time between passes: 90s, 15m, 1h.")
    ] = "15m",
    delay: Annotated[
        float | None,
        typer.Option(
            "--delay",
            min=0,
            metavar="SECONDS",
            help="Pause between requests to one host (default 1, or the host's robots.txt Crawl-delay;"
            " none for a loopback server).",
        ),
    ] = None,
    fmt: Annotated[
        WatchFormat,
        typer.Option(
            "--format", "-f", help="terminal: what changed on stderr; json: one object per pass on stdout."
        ),
    ] = WatchFormat.terminal,
) -> None:
    """Follow outlets: file what their feeds and sitemaps list that the library lacks, cross-check
    the stories that changed, and say what changed. Sources given are remembered; with none, the
    remembered ones are read. Stops cleanly on Ctrl-C or SIGTERM; a killed pass resumes."""
    from storyline.engines.local import LocalEngine
    from storyline.engines.run import progress_line
    from storyline.engines.stages import load_models
    from storyline.sources.watch import WatchOptions, run_pass
    from storyline.store import watchlist

    interval = parse_interval(every)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    failed = False
    try:
        with _open(db, create=True) as lib:
            _remember(lib, specs or [])
            if not watchlist.followed(lib.engine):
                report_line(
                    "no sources to follow: give one (`storyline watch URL`) or `storyline sources add`"
                )
                raise typer.Exit(2)
            # one page a batch: each is filed before the next is fetched, so a kill refetches at
            # most the page in hand (fetching, with its per-host pause, is the slow part anyway)
            engine = LocalEngine(models=load_models(), batch_size=1)
            robots: dict[str, Any] = {}  # robots.txt rules, reused by the next passes for an hour
            while True:
                with progress_line(err_console, engine, "filed") as tick:
                    summary = run_pass(lib, engine, WatchOptions(delay_s=delay), tick=tick, robots=robots)
                for problem in summary.problems:
                    err_console.print(f"storyline: {problem}", markup=False)
                err_console.print(f"storyline: {summary.line()}", markup=False)
                if fmt is WatchFormat.json:  # one line a pass, so `--every` output is JSON Lines
                    sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                else:
                    _print_changes(summary.changes)
                failed = bool(summary.problems)
                if once:
                    break
                time.sleep(interval)
    except KeyboardInterrupt:
        note("stopped; the next watch carries on from here")
    except StorylineError as exc:
        report_error(db or "storyline.db", str(exc))
        raise typer.Exit(2) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if failed:  # as `add` with an unreadable input: what could be read was filed
        raise typer.Exit(1)


def _print_changes(changes: list[StoryChange]) -> None:
    """The stories that gained reports, each with the summaries of the conflicts its new reports
    brought, under the pass summary."""
    for change in changes[:SHOWN]:
        err_console.print(f"  {change.line()}", markup=False, highlight=False)
        for conflict in change.conflicts:
            err_console.print(f"    - {conflict}", markup=False, highlight=False)
    if len(changes) > SHOWN:
        more = len(changes) - SHOWN
        err_console.print(f"  and {more} more stories (`--format json` lists all)", markup=False)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@sources_app.command("list")
def sources_list(
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="JSON instead of lines.")] = False,
) -> None:
    """Followed sources: address, kind, name, when last checked."""
    from storyline.store import watchlist

    with _open(db) as lib:
        rows = watchlist.followed(lib.engine)
    if json_out:
        write_output(dump_json([r.to_dict() for r in rows]), None)
        return
    lines = []
    for r in rows:
        when = time.strftime("%Y-%m-%d %H:%M", time.gmtime(r.checked)) if r.checked else "never"
        indent = "  " if r.parent else ""
        lines.append(f"{indent}{r.url}  {r.kind or '?'}  {r.title or ''}  checked {when}".rstrip())
    write_output("\n".join(lines) if lines else "no sources followed", None)


@sources_app.command("add")
def sources_add(specs: Annotated[list[str], typer.Argument(metavar="SOURCE")], db: DbOption = None) -> None:
    """Follow feeds, sitemaps or OPML lists (read on the next `watch`)."""
    with _open(db, create=True) as lib:
        refused = _remember(lib, specs)
    if refused:
        raise typer.Exit(1)


@sources_app.command("remove")
def sources_remove(url: Annotated[str, typer.Argument(metavar="SOURCE")], db: DbOption = None) -> None:
    """Stop following a source (and the feeds it listed); what was filed stays."""
    from storyline.sources.urls import canonical_url
    from storyline.store import watchlist

    with _open(db) as lib:
        gone = watchlist.forget(lib.engine, canonical_url(url) if "://" in url else url)
    if not gone:
        report_error(url, "not followed (`storyline sources list` shows what is)")
        raise typer.Exit(1)
    note(f"stopped following {url}")
