"""What every command shares: one-line error reporting, output files, format choice."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from storyline.errors import SkippedRecord, StorylineError, UnreadableInput

# markup off: what goes to stderr holds user text (paths, URLs, record ids), never rich markup
err_console = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
log = logging.getLogger("storyline.cli")

SourceOption = Annotated[
    str | None, typer.Option("--source", metavar="NAME", help="Outlet name when a page does not give one.")
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
]
ReportOption = Annotated[
    Path | None,
    typer.Option(
        "--report",
        metavar="FILE",
        help="Write every failed input and skipped archive record to FILE as JSON Lines (id and reason).",
    ),
]


def report_error(where: str, problem: str) -> None:
    """Print the one line a user sees for a bad input: ``storyline: FILE: problem``."""
    err_console.print(Text("storyline:", style="red").append(f" {where}: {problem}"), highlight=False)


@contextmanager
def command_errors(command: str, output: Path | None) -> Iterator[None]:
    """The end of a command's work in one place: a storyline error or an unwritable output is one
    line and status 2; a reader gone away (``| head``) propagates for the command group to end
    quietly with status 0."""
    try:
        yield
    except StorylineError as exc:
        report_error(command, str(exc))
        raise typer.Exit(2) from None
    except BrokenPipeError:
        raise
    except OSError as exc:
        report_error(str(output or "stdout"), exc.strerror or str(exc))
        raise typer.Exit(2) from None


def report_line(message: str) -> None:
    """One line on stderr that is not about one input: ``storyline: message``."""
    err_console.print(Text("storyline:", style="red").append(f" {message}"), highlight=False)


def note(message: str) -> None:
    """An informational line on stderr (``storyline: wrote out.html``); ``--quiet`` hides it."""
    log.info("%s", message)


def wrote(output: Path) -> None:
    """Say what ``-o FILE`` wrote: the output is not on the screen, so name where it went."""
    try:
        size = f" ({output.stat().st_size:,} bytes)" if output.is_file() else ""
    except OSError:
        size = ""
    note(f"wrote {output}{size}")


def quiet_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail on a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests): nothing to quiet
        pass


def write_output(text: str, output: Path | None) -> None:
    """Write to ``-o FILE`` (and say so on stderr) or standard output."""
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        wrote(output)


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def dump_jsonl(objs: Iterable[Any]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


@dataclass
class InputTally:
    """Counts what a run could not use: errors are printed one line each; archive records skipped
    by design (requests, images...) are only counted, and summed up at the end. With ``report``
    every one of them is also written to a JSON Lines file with its record id and reason."""

    report: Path | None = None
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    _fh: IO[str] | None = None

    def __enter__(self) -> InputTally:
        if self.report is not None:
            self._fh = self.report.open("w", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()

    def handle(self, exc: UnreadableInput) -> None:
        skipped = isinstance(exc, SkippedRecord)
        if skipped:
            self.skipped[exc.reason.split(" ")[0]] += 1
        else:
            self.failed += 1
            report_error(exc.path, exc.reason)
        if self._fh is not None:
            record = exc.record if isinstance(exc, SkippedRecord) else None
            row = {"input": exc.path, "record": record, "reason": exc.reason, "skipped": skipped}
            self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def finish(self) -> int:
        """Print the summary of skipped records; the exit status (1 when any input failed)."""
        if self.skipped:
            parts = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            note(f"skipped {sum(self.skipped.values())} archive records ({parts})")
        return 1 if self.failed else 0
