"""A source's bytes → its entries: RSS 2.0 and 1.0, Atom, JSON Feed, sitemaps and sitemap
indexes (news sitemaps' ``<news:publication_date>`` included) and OPML lists of feeds.

XML is parsed with no network, no DTD and no entity expansion (a billion-laughs feed stays a few
bytes), from bytes already bounded by the fetcher. Elements are matched by local name, so the
namespace variants outlets use in the wild (RSS with ``dc:``, Atom 0.3 and 1.0) read alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin

from storyline.errors import UnreadableInput

Kind = Literal["rss", "atom", "jsonfeed", "sitemap", "sitemapindex", "opml"]
# The sitemap protocol's own limit on one file; past it an outlet is expected to split.
MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class Entry:
    """One article a source lists: its address as given, and what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Listing:
    """What one source holds: articles (``entries``) and, for a sitemap index or an OPML list,
    further sources to read (``children``). ``title`` is the outlet's or the feed's name."""

    kind: Kind
    title: str | None
    entries: tuple[Entry, ...] = ()
    children: tuple[str, ...] = ()


def parse_listing(data: bytes, name: str, base: str | None = None) -> Listing:
    """Read a feed, sitemap or OPML list; anything else is one ``UnreadableInput`` naming ``name``."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return _json_feed(data, name, base or name)
    if head != b"<" and not data.startswith(b"\xef\xbb\xbf"):
        raise UnreadableInput(name, "not a feed, sitemap or OPML list (neither XML nor JSON)")
    root = _xml_root(data, name)
    base = base or name
    kind = _local(root)
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise UnreadableInput(name, "an RSS document without a <channel>")
        return _listing("rss", _text(_child(channel, "title")), _rss_items(channel.iterchildren(), base))
    if kind == "RDF":  # RSS 1.0: the items sit beside the channel
        channel = _child(root, "channel")
        title = _text(_child(channel, "title")) if channel is not None else None
        return _listing("rss", title, _rss_items(root.iterchildren(), base))
    if kind == "feed":
        return _listing("atom", _text(_child(root, "title")), _atom_entries(root, base))
    if kind == "urlset":
        return _sitemap(root, base)
    if kind == "sitemapindex":
        locs = (_text(_child(s, "loc")) for s in _children(root, "sitemap"))
        return Listing("sitemapindex", None, children=_bounded(urljoin(base, u) for u in locs if u))
    if kind == "opml":
        body = _child(root, "body")
        feeds = (o.get("xmlUrl") for o in (body.iter() if body is not None else ()) if _local(o) == "outline")
        return Listing(
            "opml", _text(_child(_child(root, "head"), "title")), children=_bounded(f for f in feeds if f)
        )
    raise UnreadableInput(name, f"not a feed, sitemap or OPML list (an XML <{kind}> document)")


def _xml_root(data: bytes, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise UnreadableInput(name, f"malformed XML ({exc})") from exc
    if root is None:
        raise UnreadableInput(name, "an empty XML document")
    return root


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> Iterator[Any]:
    return (c for c in el.iterchildren() if _local(c) == name)


def _child(el: Any, name: str) -> Any:
    return None if el is None else next(_children(el, name), None)


def _text(el: Any) -> str | None:
    if el is None:
        return None
    text = "".join(el.itertext()).strip()
    return text or None


def _bounded(items: Iterator[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in items:
        if len(out) >= MAX_ENTRIES:
            break
        out.append(item.strip())
    return tuple(out)


def _listing(kind: Kind, title: str | None, entries: Iterator[Entry]) -> Listing:
    out: list[Entry] = []
    for e in entries:
        if len(out) >= MAX_ENTRIES:
            break
        out.append(e)
    return Listing(kind, title, tuple(out))


def _rss_items(elements: Iterator[Any], base: str) -> Iterator[Entry]:
    for item in elements:
        if _local(item) != "item":
            continue
        link = _text(_child(item, "link"))
        guid = _child(item, "guid")
        if not link and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
            link = _text(guid)
        if link:
            when = _text(_child(item, "pubDate")) or _text(_child(item, "date"))
            yield Entry(urljoin(base, link), _text(_child(item, "title")), when)


def _atom_entries(root: Any, base: str) -> Iterator[Entry]:
    for entry in _children(root, "entry"):
        links = [ln for ln in _children(entry, "link") if ln.get("href")]
        alternate = [ln for ln in links if ln.get("rel", "alternate") == "alternate"]
        chosen = (alternate or links or [None])[0]
        if chosen is None:
            continue
        when = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
        yield Entry(urljoin(base, chosen.get("href")), _text(_child(entry, "title")), when)


def _sitemap(root: Any, base: str) -> Listing:
    outlet: str | None = None
    entries: list[Entry] = []
    for url in _children(root, "url"):
        loc = _text(_child(url, "loc"))
        if not loc:
            continue
        news = _child(url, "news")
        when, title = _text(_child(url, "lastmod")), None
        if news is not None:
            when = _text(_child(news, "publication_date")) or when
            title = _text(_child(news, "title"))
            outlet = outlet or _text(_child(_child(news, "publication"), "name"))
        entries.append(Entry(urljoin(base, loc), title, when))
        if len(entries) >= MAX_ENTRIES:
            break
    return Listing("sitemap", outlet, tuple(entries))


def _json_feed(data: bytes, name: str, base: str) -> Listing:
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise UnreadableInput(name, f"malformed JSON ({exc})") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/"):
        raise UnreadableInput(name, "JSON but not a JSON Feed (no jsonfeed.org version)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise UnreadableInput(name, "a JSON Feed without an items list")

    def entries() -> Iterator[Entry]:
        for item in items:
            if not isinstance(item, dict):
                continue
            link = item.get("url") or item.get("external_url")
            if isinstance(link, str) and link.strip():
                title, when = item.get("title"), item.get("date_published")
                yield Entry(
                    urljoin(base, link.strip()),
                    title if isinstance(title, str) else None,
                    when if isinstance(when, str) else None,
                )

    title = doc.get("title")
    return _listing("jsonfeed", title if isinstance(title, str) else None, entries())
