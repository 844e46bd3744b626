"""The typer application every command module registers on, and what every command shares at
the top: ``--version``, ``--quiet``/``--verbose``, a quiet exit when the reader of a pipe goes away,
and one line for a feature whose pip extra is missing."""

from __future__ import annotations

import logging
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from storyline.cli.common import err_console, quiet_stdout, report_line
from storyline.extras import MissingExtra


class _Group(TyperGroup):
    """Runs a command the way Unix tools behave: ``storyline read … | head`` ends quietly with
    status 0 when ``head`` stops reading; a missing extra is one line and status 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_stdout()
            ctx.exit(0)
        except MissingExtra as exc:
            report_line(str(exc))
            ctx.exit(2)


app = typer.Typer(
    name="storyline",
    cls=_Group,
    help="Read news reports, group them into stories and cross-check what they say.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: no boxes, no type labels, wraps at words
)


class _ConsoleHandler(logging.Handler):
    """Log records as ``storyline: message`` on stderr (the logger's name too when verbose)."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def emit(self, record: logging.LogRecord) -> None:
        where = record.name if self.verbose else "storyline"
        err_console.print(f"{where}: {record.getMessage()}", markup=False, highlight=False)


def configure_logging(quiet: bool = False, verbose: bool = False) -> None:
    """Notes (what was written, what was skipped) show by default; ``--quiet`` leaves only errors,
    ``--verbose`` adds storyline's debug log with the module it comes from."""
    logger = logging.getLogger("storyline")
    for old in [h for h in logger.handlers if isinstance(h, _ConsoleHandler)]:
        logger.removeHandler(old)
    logger.addHandler(_ConsoleHandler(verbose))
    logger.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


def _version(value: bool) -> None:
    if value:
        from storyline import __version__

        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def storyline(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print errors only (no notes such as 'wrote FILE').")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also print storyline's debug log on stderr.")
    ] = False,
) -> None:
    """Read news reports, group them into stories and cross-check what they say."""
    configure_logging(quiet=quiet, verbose=verbose)
