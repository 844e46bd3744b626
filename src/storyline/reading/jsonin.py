"""JSON objects, arrays and JSON Lines with the field names news data sets use.

Field names vary by source (``headline`` or ``title``, ``articleBody`` or ``text``, ``publisher``
as a string or a ``{"name": ...}`` object); we take the first one present of each list below.
JSON Lines are streamed line by line, so a file of any size keeps memory flat.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading.dates import normalise_date
from storyline.reading.extracted import Extracted, clean_field, to_article
from storyline.reading.sniff import Blob, ReadOptions

_MARKUP = re.compile(r"</?(?:p|div|br|span|a|em|strong|h[1-6]|li)\b[^>]*>", re.I)
# First match wins; names from schema.org, news-please, NewsAPI, GDELT-style dumps and common CMS exports.
TEXT_KEYS = ("text", "body", "content", "articleBody", "article_body", "maintext", "article", "story")
TITLE_KEYS = ("title", "headline", "name")
SUBTITLE_KEYS = ("subtitle", "standfirst", "description", "summary", "dek")
DATE_KEYS = (
    "published", "date", "datePublished", "date_published", "published_at", "publishedAt",
    "published_date", "pubDate", "pub_date", "publish_date", "date_publish", "created_at",
)  # fmt: skip
UPDATED_KEYS = (
    "updated", "dateModified", "date_modified", "modified", "updated_at", "updatedAt",
    "last_modified", "date_modify",
)  # fmt: skip
SOURCE_KEYS = (
    "source", "outlet", "site_name", "sitename", "publisher", "source_name", "source_domain", "domain",
)  # fmt: skip
BYLINE_KEYS = ("byline", "author", "authors", "creator")
URL_KEYS = ("url", "link", "href", "canonical_url")


def _pick(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lower = {k.lower(): v for k, v in obj.items()}
    for key in keys:
        value = lower.get(key.lower())
        if isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if isinstance(value, list):
            value = [_valid_text(v.get("name") if isinstance(v, dict) else v) for v in value]
        if value not in (None, "", []):
            return _valid_text(value)
    return None


def _valid_text(value: Any) -> Any:
    """A string with any lone surrogate ("\\ud800" escapes, valid JSON but not text) replaced by
    U+FFFD, so the article can be printed and stored; other values as they are."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _paragraphs(text: str) -> str:
    """Body text with paragraphs separated by one blank line, as the contract says."""
    paras = [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n")]
    return "\n\n".join(p for p in paras if p)


def article_from_json(obj: object, name: str, options: ReadOptions) -> Article:
    """One JSON object → Article; the error names the fields we looked for."""
    if not isinstance(obj, dict):
        raise UnreadableInput(name, f"expected a JSON object for an article, got {type(obj).__name__}")
    text = _pick(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise UnreadableInput(name, "JSON has no article text (looked for " + ", ".join(TEXT_KEYS[:5]) + ")")
    url = clean_field(_pick(obj, URL_KEYS))
    source = clean_field(_pick(obj, SOURCE_KEYS))
    context = f"{url or ''} {source or ''}"
    if _MARKUP.search(text):
        from storyline.reading.html import fragment_text

        text = fragment_text(text)
        if not text.strip():
            raise UnreadableInput(name, "the JSON article text is markup with no words in it")
    ex = Extracted(
        text=_paragraphs(text),
        title=clean_field(_pick(obj, TITLE_KEYS)),
        subtitle=clean_field(_pick(obj, SUBTITLE_KEYS)),
        byline=clean_field(_pick(obj, BYLINE_KEYS)),
        published=normalise_date(clean_field(_pick(obj, DATE_KEYS)), context=context),
        updated=normalise_date(clean_field(_pick(obj, UPDATED_KEYS)), context=context),
        source=source,
        url=url,
        meta=(("format", "json"),),
    )
    return to_article(ex, path=name, source_name=options.source_name)


def _strip(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


# What JSON can hold after its first bracket: an object's first key is a string, an array's first
# item a value. A paste that opens with "{Updated}" or "[Photo]" is text, not broken JSON.
_JSON_START = re.compile(rb'\{\s*(?:"|\}|$)|\[\s*(?:[\[{"\]\d-]|true|false|null|$)')


def _prose_after_value(head: bytes) -> bool:
    """Whether the head is a complete JSON value followed by words on the same line: a paste that
    opens with a tag that happens to parse ("[1] A dam...", '["Video"] Rescuers...')."""
    text = head.decode("utf-8", "replace")
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except (ValueError, RecursionError):
        return False
    return bool(re.search(r"\w", text[end:].split("\n", 1)[0]))


def looks_like_json(blob: Blob) -> bool:
    head = _strip(blob.head)
    if not _JSON_START.match(head) or _prose_after_value(head):
        return False
    # JSON Lines: a second line that opens another object.
    return not looks_like_jsonl(blob)


def looks_like_jsonl(blob: Blob) -> bool:
    lines = [ln.strip() for ln in _strip(blob.head).split(b"\n") if ln.strip()]
    return (
        bool(lines)
        and bool(_JSON_START.match(lines[0]))
        and lines[0].startswith(b"{")
        and (
            (len(lines) > 1 and lines[1].startswith(b"{"))
            or blob.name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"))
        )
    )


def read_json(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """A JSON object (one article) or an array of them."""
    data = blob.read_all(options.max_bytes)
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnreadableInput(blob.name, f"invalid JSON ({exc})") from exc
    except RecursionError:
        raise UnreadableInput(blob.name, "JSON nested too deep to be an article") from None
    if isinstance(obj, list):
        for n, item in enumerate(obj, 1):
            try:
                yield article_from_json(item, f"{blob.name}[{n}]", options)
            except UnreadableInput as exc:
                yield exc
        return
    yield article_from_json(obj, blob.name, options)


LINES_PER_PART = 8  # JSON Lines read as one unit: a few articles (a local batch is 32 units)


def _bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``fh``; ``None`` for a line over ``limit`` bytes, read past in pieces rather
    than held whole (one 1 GB line must not take 1 GB)."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _raw_lines(blob: Blob, limit: int) -> Iterator[bytes | None]:
    if blob.data is not None:
        yield from blob.data.splitlines()
        return
    assert blob.path is not None
    with blob.path.open("rb") as fh:
        yield from _bounded_lines(fh, limit)


def _line_article(raw: bytes | None, where: str, options: ReadOptions) -> Article | UnreadableInput | None:
    """One line's article, its error, or ``None`` for a blank line."""
    if raw is None:
        return UnreadableInput(where, f"line longer than {options.max_bytes / 2**20:.0f} MB: not one article")
    if not raw.strip():
        return None
    try:
        return article_from_json(json.loads(raw.decode("utf-8-sig")), where, options)
    except UnreadableInput as exc:
        return exc
    except (UnicodeDecodeError, ValueError) as exc:
        return UnreadableInput(where, f"invalid JSON ({exc})")
    except RecursionError:
        return UnreadableInput(where, "JSON nested too deep to be an article")


def read_jsonl(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """JSON Lines, one article per line, streamed; a bad line is reported as ``name:LINE``."""
    for n, raw in enumerate(_raw_lines(blob, options.max_bytes), 1):
        item = _line_article(raw, f"{blob.name}:{n}", options)
        if item is not None:
            yield item


def jsonl_parts(blob: Blob, options: ReadOptions) -> Iterator[tuple[int, int, int]]:
    """``(byte offset, first line number, number of lines)`` of consecutive parts of a JSON Lines
    file on disk, found by a scan that parses nothing, so a file of any length is planned in flat
    memory and its parts read by workers alone (see ``read_jsonl_part``)."""
    assert blob.path is not None
    try:
        with blob.path.open("rb") as fh:
            start, first, n = 0, 1, 0
            for n, _ in enumerate(_bounded_lines(fh, options.max_bytes), 1):
                if n - first + 1 == LINES_PER_PART:
                    yield start, first, LINES_PER_PART
                    start, first = fh.tell(), n + 1
            if n >= first:
                yield start, first, n - first + 1
    except OSError as exc:
        raise UnreadableInput(blob.name, exc.strerror or str(exc)) from exc


def read_jsonl_part(
    blob: Blob, options: ReadOptions, offset: int, first: int, count: int
) -> Iterator[Article | UnreadableInput]:
    """The articles of ``count`` lines from byte ``offset`` (line ``first``) of a JSON Lines file."""
    assert blob.path is not None
    try:
        with blob.path.open("rb") as fh:
            fh.seek(offset)
            lines = _bounded_lines(fh, options.max_bytes)
            for n, raw in zip(range(first, first + count), lines, strict=False):
                item = _line_article(raw, f"{blob.name}:{n}", options)
                if item is not None:
                    yield item
    except OSError as exc:
        yield UnreadableInput(blob.name, exc.strerror or str(exc))
