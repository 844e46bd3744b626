"""Command line: one module per command family, each a thin layer over the Python API.

Importing this package registers every command on ``app``.
"""

from __future__ import annotations

import importlib
import sys

from typer.core import TyperCommand

from storyline.cli.app import app
from storyline.cli.common import quiet_stdout
from storyline.cli.helptext import Command

# Each command module registers itself on ``app``; a module not written yet is simply absent.
for _name in ("read", "annotate", "compare", "library", "check", "watch", "changes", "serve"):
    try:
        importlib.import_module(f"storyline.cli.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a command is missing
        if exc.name != f"storyline.cli.{_name}":
            raise

# Every command writes its help the same way (see ``Command``).
for _info in app.registered_commands:
    if _info.cls in (None, TyperCommand):
        _info.cls = Command


def main() -> None:
    """Console-script entry point (also ``python -m storyline``)."""
    try:
        app(prog_name="storyline")
    finally:
        # Output still buffered when the reader of a pipe has gone (`| head`): drop it quietly.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            quiet_stdout()


__all__ = ["app", "main"]
