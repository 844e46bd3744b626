"""Command line: one module per command family, each a thin layer over the Python API.

Importing this package registers every command on ``app``.
"""

from __future__ import annotations

import importlib

from storyline.cli.app import app

# Each command module registers itself on ``app``; a module not written yet is simply absent.
for _name in ("read", "annotate", "compare", "library", "serve"):
    try:
        importlib.import_module(f"storyline.cli.{_name}")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while a command is missing
        if exc.name != f"storyline.cli.{_name}":
            raise


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
