"""The JSON contract as a JSON Schema (``schema/storyline-1.json``), and checks against it.

Scripts, the web app and the held-out measurements read our ``--format json`` output; the schema
says what they may rely on, and ``validate`` lets tests (and users' scripts) hold us to it. The
schema cannot say that ``text[start:end]`` is the span, so ``span_errors`` checks that apart.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from storyline.errors import StorylineError

SCHEMA_FILE = "storyline-1.json"
KINDS = ("article", "annotated", "report", "stories")
# Commands that print one object per input print an array for several inputs.
_PER_INPUT = ("article", "annotated")


class SchemaMismatch(StorylineError):
    """A document that does not follow the storyline/1 contract; the message names where and why."""


def load_schema() -> dict[str, Any]:
    """The storyline/1 schema, read from the installed package (works from a wheel or a zip)."""
    text = resources.files("storyline").joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = load_schema()
    if kind not in schema["$defs"]:
        raise ValueError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")
    sub = {k: v for k, v in schema.items() if k != "anyOf"}
    sub["$ref"] = f"#/$defs/{kind}"
    Draft202012Validator.check_schema(sub)
    return Draft202012Validator(sub)


def _where(path: Any) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def validate(obj: Any, kind: str) -> None:
    """Raise ``SchemaMismatch`` unless ``obj`` is a valid ``kind`` document.

    ``kind`` is ``article`` (read), ``annotated`` (annotate), ``report`` (compare), ``stories``,
    or any other name under ``$defs``. For ``article`` and ``annotated`` a list is checked item by
    item, as those commands print an array for several inputs.
    """
    from jsonschema.exceptions import best_match

    validator = _validator(kind)
    items = obj if kind in _PER_INPUT and isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        errors = list(validator.iter_errors(item))
        if not errors:
            continue
        err = best_match(errors)
        where = _where(err.absolute_path)
        if items is obj:
            where = f"$[{i}]" + where[1:]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SchemaMismatch(f"not a valid storyline/1 {kind}: at {where}: {err.message}{more}")


def span_errors(annotated: dict[str, Any]) -> list[str]:
    """Spans of an ``annotate`` object whose offsets do not give back their text.

    Sentences have no text of their own, so they are checked for bounds and order only: each
    starts where the one before it ended or later.
    """
    text: str = annotated.get("text") or ""
    problems: list[str] = []

    def check(where: str, start: Any, end: Any, want: str | None) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            problems.append(f"{where}: offsets {start}..{end} outside the text (length {len(text)})")
        elif want is not None and text[start:end] != want:
            problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {want!r}")

    prev_end = 0
    for i, s in enumerate(annotated.get("sentences", [])):
        check(f"sentences[{i}]", s.get("start"), s.get("end"), None)
        if isinstance(s.get("start"), int) and s["start"] < prev_end:
            problems.append(f"sentences[{i}]: starts at {s['start']}, inside the sentence before it")
        prev_end = s.get("end") if isinstance(s.get("end"), int) else prev_end
    for field in ("entities", "quotes", "quantities"):
        for i, span in enumerate(annotated.get(field, [])):
            check(f"{field}[{i}]", span.get("start"), span.get("end"), span.get("text"))
    for i, t in enumerate(annotated.get("timeline", [])):
        start, end = (t.get("offset") or [None, None])[:2]
        check(f"timeline[{i}]", start, end, t.get("text"))
        if t.get("sentence") and t.get("sentence") not in text:
            problems.append(f"timeline[{i}]: its sentence is not in the text")
    return problems


__all__ = ["KINDS", "SchemaMismatch", "load_schema", "span_errors", "validate"]
