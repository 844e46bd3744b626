"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="storyline",
    help="Read news reports, group them into stories and cross-check what they say.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
