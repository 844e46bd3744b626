"""Form inputs (pasted boxes, uploaded files, web addresses) → Articles, one outcome per input.

Every input is read by the same ``storyline.reading`` formats as the CLI. A bad input becomes an
error beside its own name and the others are still read; a JSON Lines file may yield several
articles, each its own outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.web.fetch import fetch_url

if TYPE_CHECKING:
    from storyline.reading import Blob


@dataclass(frozen=True)
class RawInput:
    """One thing the user gave: a label for errors and either its bytes or a URL to fetch."""

    name: str
    data: bytes | None = None
    url: str | None = None
    source_name: str | None = None  # the outlet the user typed beside a pasted report


@dataclass(frozen=True)
class ReadOutcome:
    name: str
    article: Article | None = None
    error: str | None = None


def gather(
    texts: Sequence[str],
    files: Iterable[tuple[str, bytes]],
    urls: Iterable[str] = (),
    outlets: Sequence[str] = (),
) -> list[RawInput]:
    """The non-empty inputs of a form, in the order shown: pasted boxes (each with the outlet typed
    beside it, if any), files, then addresses."""
    raw: list[RawInput] = []
    for i, text in enumerate(texts):
        if text.strip():
            outlet = outlets[i].strip() if i < len(outlets) else ""
            name = f"pasted report {i + 1}" + (f" ({outlet})" if outlet else "")
            raw.append(RawInput(name, data=text.encode("utf-8"), source_name=outlet or None))
    for name, data in files:
        if name or data:
            raw.append(RawInput(name or "unnamed file", data=data))
    for url in urls:
        if url.strip():
            raw.append(RawInput(url.strip(), url=url.strip()))
    return raw


def read_inputs(
    raw: Iterable[RawInput], *, source_name: str | None, allow_fetch: bool, max_fetch_bytes: int
) -> Iterator[ReadOutcome]:
    """Read each input in order; failures are outcomes with an error, never exceptions."""
    from storyline.reading import ReadOptions, read_blob

    default = ReadOptions(source_name=source_name or None)
    for item in raw:
        options = ReadOptions(source_name=item.source_name) if item.source_name else default
        try:
            blob = _blob(item, allow_fetch=allow_fetch, max_fetch_bytes=max_fetch_bytes)
            found = False
            for result in read_blob(blob, options):
                found = True
                if isinstance(result, UnreadableInput):
                    yield ReadOutcome(item.name, error=_reason(result, item.name))
                else:
                    yield ReadOutcome(item.name, article=result)
            if not found:
                yield ReadOutcome(item.name, error="holds no article")
        except UnreadableInput as exc:
            yield ReadOutcome(item.name, error=_reason(exc, item.name))


def _blob(item: RawInput, *, allow_fetch: bool, max_fetch_bytes: int) -> Blob:
    from storyline.reading import Blob

    if item.url is not None:
        if not allow_fetch:
            raise UnreadableInput(item.name, "fetching web addresses is off; start with --allow-fetch")
        data = fetch_url(item.url, max_bytes=max_fetch_bytes)
        return Blob.from_bytes(item.name, data, url=item.url)
    return Blob.from_bytes(item.name, item.data or b"")


def _reason(exc: UnreadableInput, name: str) -> str:
    """The problem alone when the error already names this input (it is shown beside the name)."""
    return exc.reason if exc.path in (name, "") else str(exc)
