"""The cross-check report as the JSON contract of DESIGN.md (``schema`` = ``storyline/1``)."""

from __future__ import annotations

import json

from storyline.model import Report


def render_json(report: Report, *, width: int | None = None) -> str:
    """``Report.to_dict()`` as indented UTF-8 JSON (``width`` is ignored)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
