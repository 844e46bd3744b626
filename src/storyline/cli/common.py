"""What every command shares: one-line error reporting, output files, format choice."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def report_error(where: str, problem: str) -> None:
    """Print the one line a user sees for a bad input: ``storyline: FILE: problem``."""
    err_console.print(f"[red]storyline:[/red] {where}: {problem}", markup=True, highlight=False)


def write_output(text: str, output: Path | None) -> None:
    """Write to ``-o FILE`` or standard output."""
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
    else:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def dump_jsonl(objs: Iterable[Any]) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)
