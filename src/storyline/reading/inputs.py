"""What the user typed → blobs to read: files, directories (recursively), globs, ``-``, URLs.

Expansion is lazy and in order: directories sorted, glob matches sorted, so the output order is
the same on every machine. A spec that matches nothing is one UnreadableInput, not the end of
the run.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.errors import UnreadableInput
from storyline.reading.fetch import fetch, is_url
from storyline.reading.sniff import Blob, ReadOptions

# Files taken from a directory; a file named on the command line is read whatever its name.
DIR_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".gz", ".warc"}


def _in_dir(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).parts
        if any(p.startswith(".") for p in rel) or not path.is_file():
            continue
        if path.suffix.lower() in DIR_SUFFIXES:
            yield path


def stdin_blob(stream: BinaryIO, limit: int) -> Blob:
    """Standard input as a blob: in memory up to one document's ``limit``, and past it spooled to
    a temporary file (removed at exit), so a JSON Lines stream of any length is read line by line
    and one document that large is refused without being held in memory."""
    head = stream.read(limit + 1)
    if len(head) <= limit:
        return Blob.from_bytes("<stdin>", head)
    fd, name = tempfile.mkstemp(prefix="storyline-stdin-")
    path = Path(name)
    atexit.register(path.unlink, missing_ok=True)
    with os.fdopen(fd, "wb") as out:
        out.write(head)
        del head
        shutil.copyfileobj(stream, out, 1 << 20)
    return Blob.from_path(path, name="<stdin>")


def expand(spec: str, options: ReadOptions) -> Iterator[Blob | UnreadableInput]:
    """The blobs one command-line spec stands for."""
    if spec == "-":
        try:
            yield stdin_blob(sys.stdin.buffer, options.max_bytes)
        except OSError as exc:
            yield UnreadableInput("<stdin>", exc.strerror or str(exc))
        return
    if is_url(spec):
        try:
            yield fetch(spec, options)
        except UnreadableInput as exc:
            yield exc
        return
    path = Path(spec)
    if path.is_dir():
        found = False
        for p in _in_dir(path):
            found = True
            yield _blob(p)
        if not found:
            yield UnreadableInput(spec, "directory holds no readable files (.txt, .html, .json, .jsonl, .gz)")
        return
    if path.exists():
        yield _blob(path)
        return
    matches = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else []
    if not matches:
        yield UnreadableInput(spec, "no such file or directory")
    for m in matches:
        yield from expand(m, options)


def _blob(path: Path) -> Blob | UnreadableInput:
    try:
        return Blob.from_path(path)
    except UnreadableInput as exc:
        return exc


def expand_all(specs: Sequence[str], options: ReadOptions) -> Iterator[Blob | UnreadableInput]:
    for spec in specs:
        yield from expand(spec, options)
