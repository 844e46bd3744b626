"""`storyline read PATH...`: read inputs into articles and print them as text, JSON or JSON Lines."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from storyline.cli.app import app
from storyline.cli.common import (
    InputTally,
    OutputOption,
    ReportOption,
    SourceOption,
    dump_json,
    dump_jsonl,
    write_output,
    wrote,
)
from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading.pasted import removed_reasons
from storyline.stories.pages import not_an_article


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
        ("removed", _removed(art)),
        ("not an article", not_an_article(art)),
    ]
    head += [f"{k}: {v}" for k, v in facts if v]
    return "\n".join(head) + "\n\n" + art.text + "\n"


def _removed(art: Article) -> str | None:
    """How many lines the cleaner left out, and why (the JSON lists each line with its reason)."""
    if not art.removed:
        return None
    n = len(art.removed)
    return f"{n} line{'s' if n != 1 else ''} ({removed_reasons(art.removed)})"


def read_dict(art: Article) -> dict[str, Any]:
    """The ``read`` object: the article, and why the page is no article (null when it is one)."""
    return {**art.to_dict(), "not_article": not_an_article(art)}


def _single_input(paths: list[str]) -> bool:
    """One file, URL or stdin (not a directory or glob): its JSON is one object, not an array."""
    if len(paths) != 1:
        return False
    p = paths[0]
    return p == "-" or p.startswith(("http://", "https://")) or Path(p).is_file()


@app.command("read")
def read_command(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Files, directories, globs, URLs, or - for stdin.")
    ],
    fmt: Annotated[ReadFormat, typer.Option("--format", "-f", help="Output format.")] = ReadFormat.text,
    source: SourceOption = None,
    output: OutputOption = None,
    report: ReportOption = None,
) -> None:
    """Read news reports (pasted pages, HTML, JSON, JSON Lines, URLs) into clean articles."""
    from storyline.reading import iter_inputs

    articles: list[Article] = []
    array = fmt is ReadFormat.json and not _single_input(paths)  # several inputs: a JSON array
    with InputTally(report) as tally, _Sink(output, on=fmt is ReadFormat.jsonl or array) as stream:
        for item in iter_inputs(paths, source_name=source):
            if isinstance(item, UnreadableInput):  # archive records skipped by design are only counted
                tally.handle(item)
            elif array:  # streamed as read, item by item, as dump_json would lay the array out
                stream.write(("[\n" if not stream.written else ",\n") + _indented(read_dict(item)))
            elif stream.on:  # JSON Lines stream out as they are read: memory stays flat
                stream.write(dump_jsonl([read_dict(item)]))
            else:
                articles.append(item)
        if array:
            stream.write("\n]\n" if stream.written else "[]\n")
    if fmt is ReadFormat.json and not array:
        _write_json([read_dict(a) for a in articles], _single_input(paths), output)
    elif fmt is ReadFormat.text and (articles or output is not None):  # nothing read: stdout stays empty
        write_output("\n\n".join(render_text(a) for a in articles), output)
    status = tally.finish()
    if status:
        raise typer.Exit(status)


def _write_json(dicts: list[dict[str, Any]], single: bool, output: Path | None) -> None:
    """One input gives one object (nothing when it failed); several give an array."""
    if not single:
        write_output(dump_json(dicts), output)
    elif dicts:
        write_output(dump_json(dicts[0] if len(dicts) == 1 else dicts), output)


def _indented(obj: Any) -> str:
    """One item of a JSON array laid out as ``dump_json`` lays out the array."""
    return "\n".join("  " + line for line in dump_json(obj).split("\n"))


class _Sink:
    """Where streamed JSON Lines go: ``-o FILE`` or stdout; inactive for other formats."""

    def __init__(self, output: Path | None, *, on: bool = True) -> None:
        self.output, self.on = output, on
        self._fh: IO[str] | None = None
        self.written = False

    def __enter__(self) -> _Sink:
        if self.on and self.output is not None:
            self._fh = self.output.open("w", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None and self.output is not None:
            self._fh.close()
            wrote(self.output)

    def write(self, text: str) -> None:
        (self._fh or sys.stdout).write(text)
        self.written = True
