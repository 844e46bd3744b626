"""Renderers of a cross-check Report: terminal, Markdown, JSON and a self-contained HTML page.

One registry maps a format name to a function ``(report, width) -> str``; ``render_report`` looks
it up. Each renderer module is imported only when its format is asked for, so ``--format json``
never loads Jinja2 and the terminal view never loads the templates.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.model import Report

Renderer = Callable[..., str]

# format → (module, function); the function takes (report, *, width=...) and returns the text.
RENDERERS: dict[str, tuple[str, str]] = {
    "terminal": ("storyline.render.report_terminal", "render_terminal"),
    "markdown": ("storyline.render.report_markdown", "render_markdown"),
    "html": ("storyline.render.report_html", "render_html"),
    "json": ("storyline.render.report_json", "render_json"),
}

FORMATS = tuple(RENDERERS)


def renderer(fmt: str) -> Renderer:
    """The function that renders ``fmt``; a ValueError naming the formats there are otherwise."""
    try:
        module, name = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    fn: Renderer = getattr(importlib.import_module(module), name)
    return fn


def render_report(report: Report, fmt: str, *, width: int | None = None, color: bool | None = None) -> str:
    """The report as text in ``fmt`` (terminal | markdown | html | json).

    ``width`` sets the terminal view's columns (None: the terminal's, or 100 when not a terminal);
    ``color`` forces the terminal view's colour on or off (None: on for a terminal unless
    ``NO_COLOR`` is set). The other formats ignore both.
    """
    fn = renderer(fmt)
    if fmt == "terminal":
        return fn(report, width=width, color=color)
    return fn(report, width=width)


__all__ = ["FORMATS", "RENDERERS", "render_report", "renderer"]
