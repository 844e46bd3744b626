"""Reading: bytes → Article. Pasted pages, HTML, JSON / JSON Lines, gzip, URLs, stdin.

    read(source)          one input → one Article (raises UnreadableInput)
    iter_inputs(specs)    many specs → Articles in order, an UnreadableInput for each failure

Formats are a registry (``sniff.register``) so another reader (WARC) is one entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading import formats as _formats  # noqa: F401  (registers the built-in formats)
from storyline.reading import warc as _warc  # noqa: F401  (registers WARC archives)
from storyline.reading.extracted import Extracted, to_article
from storyline.reading.fetch import fetch, is_url
from storyline.reading.inputs import expand_all
from storyline.reading.pasted import clean_pasted
from storyline.reading.sniff import FORMATS, Blob, Format, ReadOptions, read_blob, register


def _blob_for(source: str | Path | bytes, name: str | None, options: ReadOptions) -> Blob:
    if isinstance(source, (bytes, bytearray)):
        return Blob.from_bytes(name or "<bytes>", bytes(source))
    if isinstance(source, str) and is_url(source):
        return fetch(source, options)
    path = Path(source)
    label = name or str(source)
    if not path.exists():
        raise UnreadableInput(label, "no such file")
    if path.is_dir():
        raise UnreadableInput(label, "is a directory: use iter_inputs (or `storyline read DIR`)")
    return Blob.from_path(path, label)


def read(
    source: str | Path | bytes,
    *,
    source_name: str | None = None,
    name: str | None = None,
    options: ReadOptions | None = None,
) -> Article:
    """Read one input (a path, an http(s) URL, or the bytes of a page) into one Article.

    ``name`` labels bytes in errors and in ``Article.path``; ``source_name`` is the outlet when
    the page does not name itself. An input holding several articles (JSON Lines, a JSON array)
    is refused with a message pointing at ``iter_inputs``: silently taking the first would lose
    the rest.
    """
    opts = options or ReadOptions(source_name=source_name)
    if source_name is not None and opts.source_name != source_name:
        opts = ReadOptions(**{**opts.__dict__, "source_name": source_name})
    blob = _blob_for(source, name, opts)
    results = read_blob(blob, opts)
    first = next(results, None)
    if first is None:
        raise UnreadableInput(blob.name, "holds no article")
    if isinstance(first, UnreadableInput):
        raise first
    if next(results, None) is not None:
        raise UnreadableInput(blob.name, "holds several articles: use iter_inputs (or `storyline read`)")
    return first


def iter_inputs(
    specs: Sequence[str], *, source_name: str | None = None, options: ReadOptions | None = None
) -> Iterator[Article | UnreadableInput]:
    """Every article the specs stand for, in input order; failures are yielded, not raised."""
    opts = options or ReadOptions(source_name=source_name)
    for item in expand_all(specs, opts):
        if isinstance(item, UnreadableInput):
            yield item
            continue
        try:
            yield from read_blob(item, opts)
        except UnreadableInput as exc:
            yield exc


__all__ = [
    "FORMATS",
    "Blob",
    "Extracted",
    "Format",
    "ReadOptions",
    "clean_pasted",
    "iter_inputs",
    "read",
    "read_blob",
    "register",
    "to_article",
]
