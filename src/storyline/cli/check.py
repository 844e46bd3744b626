"""`storyline check LIBRARY`: pay the owed cross-checks in the foreground, through the detached
checker's own ``engines.checker.pay``, with progress, the failures on stderr and an exit status."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from storyline.cli.app import app
from storyline.cli.common import err_console, note, report_error
from storyline.cli.library import _open
from storyline.errors import StorylineError


@app.command("check")
def check_command(
    library: Annotated[
        str | None,
        typer.Argument(
            metavar="LIBRARY",
            envvar="STORYLINE_DB",
            help="A SQLite file (default ./storyline.db) or a postgresql:// URL.",
        ),
    ] = None,
    retry: Annotated[
        bool,
        typer.Option("--retry", help="Owe again the checks given up after failing, and try them."),
    ] = False,
) -> None:
    """Cross-check every story owed one (what the detached checker does after an add), here.

    Waits first for a checker at work on the library, then checks what is left, a line of
    progress on a terminal. A story whose check fails is tried again alone, then given up: `list`
    says failed, and this command exits 1 while any is (0 when every owed check is paid); --retry
    tries them again. When the models cannot load, it says so in one line and exits 2, charging
    no story a try. The detached checker's errors are in its log, beside a SQLite library
    (LIBRARY-checker.log)."""
    from storyline.engines.checker import log_path, pay
    from storyline.engines.run import progress_line

    status = 0
    with _open(library) as lib:
        try:
            if retry:
                note(f"{lib.retry_failed()} given-up checks owed again")
            owed = len(lib.due())
            if owed:
                _say_holder(lib)
            with progress_line(err_console, None, "checked", owed) as tick:
                done = pay(
                    lib,
                    wait=None,
                    on_report=lambda _story, _report: tick(),
                    on_given_up=lambda _story, _error: tick(failed=True),
                )
            failed = lib.failed_checks()
        except StorylineError as exc:
            report_error(library or "storyline.db", str(exc))
            raise typer.Exit(2) from None
    note(f"{done} {'story' if done == 1 else 'stories'} cross-checked" if owed else "no check is owed")
    for story_id, error in failed:
        report_error(story_id, f"cross-check given up: {error}")
        status = 1
    if failed:
        where = log_path(lib.url)
        logged = f"; the detached checker's tracebacks are in {where}" if where else ""
        note(f"`storyline --verbose check` prints the tracebacks{logged}; --retry tries again")
    raise typer.Exit(status)


def _say_holder(lib: Any) -> None:
    """A note when another checker holds the library's lock (this command waits for it)."""
    from storyline.store import checklock

    if checklock.taken(lib.url, lib.engine):
        path = checklock.lock_path(lib.url)
        pid = path.read_text().strip() if path is not None and path.exists() else ""
        note(f"waiting for the checker at work{f' (pid {pid})' if pid else ''}")
