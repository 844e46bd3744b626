"""What an extractor found in one document, and how it becomes an Article.

Every reader (pasted text, HTML, JSON, WARC) fills an ``Extracted``; ``to_article`` applies the
rules they share: the stable content id, and the outlet from the page, else ``--source`` (or the
feed ``watch`` found the page in), else the host the extractor fell back to or the file stem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from storyline.model import Article, Removed, content_id


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    published: str | None = None
    updated: str | None = None
    source: str | None = None  # the outlet as the page names itself
    url: str | None = None
    removed: tuple[Removed, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()


def stem_of(name: str) -> str:
    """The file stem of a path or URL, without compression and format suffixes."""
    base = PurePath(re.sub(r"[?#].*$", "", name.rstrip("/"))).name or name
    base = re.sub(r"\.(?:gz|gzip)$", "", base, flags=re.I)
    return re.sub(r"\.(?:txt|text|html?|xhtml|json|jsonl|ndjson|md)$", "", base, flags=re.I) or base


def clean_field(value: object) -> str | None:
    """A metadata value as one tidy line, or None when empty."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value if v)
    text = " ".join(str(value).split())
    return text or None


def to_article(ex: Extracted, *, path: str, source_name: str | None = None) -> Article:
    """Build the Article; its id is derived from the normalised title and text only."""
    named = clean_field(ex.source)
    if named and source_name and _is_host(named, ex.url or path):
        named = None  # the host an extractor falls back to is no name the page gives itself
    source = named or clean_field(source_name) or stem_of(path)
    return Article(
        id=content_id(ex.title, ex.text),
        text=ex.text,
        path=path,
        source=source,
        title=clean_field(ex.title),
        subtitle=clean_field(ex.subtitle),
        published=ex.published,
        updated=ex.updated,
        url=clean_field(ex.url),
        byline=clean_field(ex.byline),
        removed=ex.removed,
        meta=ex.meta,
    )


def _is_host(name: str, address: str) -> bool:
    """Whether ``name`` is just the host (and port) of ``address``, ``www.`` or not."""
    from urllib.parse import urlsplit

    host = urlsplit(address).netloc.lower().removeprefix("www.")
    return bool(host) and name.lower().removeprefix("www.") == host
