"""The built-in formats, registered in the order they are tried: gzip, UTF-16, JSON Lines, JSON,
HTML, text."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import replace

from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading.decode import declared_charset, decode_text, gunzip, looks_binary, utf16_encoding
from storyline.reading.extracted import Extracted, to_article
from storyline.reading.html import extract_html
from storyline.reading.jsonin import looks_like_json, looks_like_jsonl, read_json, read_jsonl
from storyline.reading.pasted import clean_pasted
from storyline.reading.script import unspaced_share, word_count
from storyline.reading.sniff import Blob, Format, ReadOptions, read_blob, register

log = logging.getLogger(__name__)

_HTML_HEAD = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]", re.I)
MIN_WORDS = 12  # fewer words than a one-sentence news brief is navigation, not an article
_HTML_NAME = re.compile(r"\.(?:html?|xhtml)(?:\.gz)?$", re.I)
_XML_DECL = re.compile(rb"<\?xml[^>]*\?>\s*", re.I)  # XHTML opens with one


def looks_like_gzip(blob: Blob) -> bool:
    return blob.head.startswith(b"\x1f\x8b")


MAX_GZIP_LAYERS = 3  # a .tar.gz inside a .gz is plausible; a gzip nested deeper is an attack


def read_gzip(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """Decompress (a gzip of a gzip too, a few layers deep at most), then dispatch again on the
    content (HTML, JSON, text...)."""
    data = gunzip(blob.read_all(options.max_bytes), blob.name)
    for _ in range(MAX_GZIP_LAYERS - 1):
        if not data.startswith(b"\x1f\x8b"):
            break
        data = gunzip(data, blob.name)
    if data.startswith(b"\x1f\x8b"):
        raise UnreadableInput(blob.name, f"gzip nested more than {MAX_GZIP_LAYERS} layers deep")
    yield from read_blob(blob.with_data(data), options)


def looks_like_utf16(blob: Blob) -> bool:
    return utf16_encoding(blob.head) is not None


def read_utf16(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """UTF-16 text (Windows tools save it, often without a BOM): re-encoded as UTF-8 and
    dispatched again, so the HTML, JSON and text readers see what they always see."""
    text = decode_text(blob.read_all(options.max_bytes), blob.name)
    yield from read_blob(blob.with_data(text.encode("utf-8")), options)


def looks_like_html(blob: Blob) -> bool:
    head = blob.head.lstrip(b"\xef\xbb\xbf \t\r\n")
    head = head[m.end() :] if (m := _XML_DECL.match(head)) else head
    return bool(_HTML_HEAD.match(head) or (_HTML_HEAD.search(head[:1024]) and _HTML_NAME.search(blob.name)))


def _checked(ex: Extracted, blob: Blob, options: ReadOptions, what: str) -> Article:
    words = word_count(ex.text)
    if words < MIN_WORDS and ("body", "headline") not in ex.meta:
        found = f" (only {words} words outside the page furniture)" if words else ""
        raise UnreadableInput(blob.name, f"no article text found in this {what}{found}")
    if unspaced_share(ex.text) > 0.5:
        log.warning(
            "%s: written in Chinese or Japanese: read as it is, but annotation and cross-checking"
            " understand English only",
            blob.name,
        )
    return to_article(ex, path=blob.name, source_name=options.source_name)


def read_html(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    declared = blob.charset or declared_charset(blob.head)
    html = decode_text(blob.read_all(options.max_bytes), blob.name, declared)
    yield _checked(extract_html(html, url=blob.url), blob, options, "HTML page")


def looks_like_text(blob: Blob) -> bool:
    return not looks_binary(blob.head)


def read_text(blob: Blob, options: ReadOptions) -> Iterator[Article | UnreadableInput]:
    """A pasted page (or any plain text article)."""
    page = decode_text(blob.read_all(options.max_bytes), blob.name, blob.charset)
    context = f"{blob.url or ''} {options.source_name or ''}"
    ex = clean_pasted(page, context=context)
    if blob.url:
        ex = replace(ex, url=ex.url or blob.url)
    yield _checked(ex, blob, options, "text")


def register_builtins() -> None:
    register(Format("gzip", looks_like_gzip, read_gzip))
    register(Format("utf16", looks_like_utf16, read_utf16))
    register(Format("jsonl", looks_like_jsonl, read_jsonl))
    register(Format("json", looks_like_json, read_json))
    register(Format("html", looks_like_html, read_html))
    register(Format("text", looks_like_text, read_text))


register_builtins()
