"""`storyline read PATH...`: read inputs into articles and print them as text, JSON or JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import app
from storyline.cli.common import InputTally, dump_json, dump_jsonl, write_output
from storyline.errors import UnreadableInput
from storyline.model import Article


class ReadFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def render_text(art: Article) -> str:
    """A human-readable view: the fields, then the body."""
    head = [f"# {art.title or '(no title)'}"]
    if art.subtitle:
        head.append(art.subtitle)
    facts = [
        ("source", art.source),
        ("by", art.byline),
        ("published", art.published),
        ("updated", art.updated),
        ("url", art.url),
        ("id", art.id),
        ("removed", f"{len(art.removed)} lines" if art.removed else None),
    ]
    head += [f"{k}: {v}" for k, v in facts if v]
    return "\n".join(head) + "\n\n" + art.text + "\n"


def _single_input(paths: list[str]) -> bool:
    """One file, URL or stdin (not a directory or glob): its JSON is one object, not an array."""
    if len(paths) != 1:
        return False
    p = paths[0]
    return p == "-" or p.startswith(("http://", "https://")) or Path(p).is_file()


@app.command("read")
def read_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, URLs, or - for stdin.")],
    fmt: Annotated[ReadFormat, typer.Option("--format", "-f", help="Output format.")] = ReadFormat.text,
    source: Annotated[
        str | None, typer.Option("--source", help="Outlet name when a page does not give one.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout.")
    ] = None,
) -> None:
    """Read news reports (pasted pages, HTML, JSON, JSON Lines, URLs) into clean articles."""
    from storyline.reading import iter_inputs

    articles: list[Article] = []
    with InputTally() as tally:
        for item in iter_inputs(paths, source_name=source):
            if isinstance(item, UnreadableInput):  # archive records skipped by design are only counted
                tally.handle(item)
            else:
                articles.append(item)
    if fmt is ReadFormat.json:
        dicts = [a.to_dict() for a in articles]
        if _single_input(paths):
            if dicts:
                write_output(dump_json(dicts[0] if len(dicts) == 1 else dicts), output)
        else:
            write_output(dump_json(dicts), output)
    elif fmt is ReadFormat.jsonl:
        write_output(dump_jsonl(a.to_dict() for a in articles), output)
    else:
        write_output("\n\n".join(render_text(a) for a in articles), output)
    status = tally.finish()
    if status:
        raise typer.Exit(status)
