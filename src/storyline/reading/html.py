"""HTML pages → Extracted: trafilatura finds the body, the page's own meta tags give the times.

trafilatura's date is a plain day (htmldate); the page's ``article:published_time``, JSON-LD
``datePublished`` or ``<time datetime>`` usually carry the clock time and zone, so we read those
first. The pasted-page rules then drop captions and share/follow lines trafilatura kept, and a
page trafilatura finds no body in is flattened to lines and cleaned as a pasted page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from storyline.model import Removed
from storyline.reading.dates import normalise_date, same_instant
from storyline.reading.extracted import Extracted, clean_field
from storyline.reading.lines import Kind, classify
from storyline.reading.pasted import clean_pasted

_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datePublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date",
)  # fmt: skip
_UPDATED_META = (
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "last-modified",
    "dc.date.modified",
)
# Control characters are not text (HTML forbids them too), and lxml refuses to set them back
# on an element, which _flatten does: a stray one in a page must not lose the page.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"\w+")
_LONGER = 1.2  # the structural body must be this much longer ...
_CONTAINED = 0.9  # ... and hold this share of trafilatura's words, to replace it
_BLOCKS = (
    "p|div|h[1-6]|li|tr|section|article|header|footer|aside|nav|blockquote|figure|figcaption|pre|ul|ol|table"
)


def _meta_dates(tree: Any) -> dict[str, str]:
    """Times from meta tags and JSON-LD, keyed by their names in lower case."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key and el.get("content"):
            found.setdefault(key, el.get("content"))
    for el in tree.iter("time"):
        if el.get("itemprop") and el.get("datetime"):
            found.setdefault(el.get("itemprop").lower(), el.get("datetime"))
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            try:
                data = json.loads(el.text)
            except ValueError:
                continue
            for item in data if isinstance(data, list) else [data]:
                if isinstance(item, dict):
                    for k in ("datePublished", "dateModified"):
                        if isinstance(item.get(k), str):
                            found.setdefault(k.lower(), item[k])
    return found


def _first(found: dict[str, str], keys: tuple[str, ...], context: str) -> tuple[str | None, str]:
    """The first usable date among ``keys``, and the name of the tag it came from."""
    for key in keys:
        iso = normalise_date(found.get(key.lower()), context=context)
        if iso:
            return iso, key
    return None, "none"


def _flatten(tree: Any) -> str:
    """The page as a person would paste it: one block element per line."""
    from lxml import etree

    for el in tree.xpath("//script|//style|//noscript|//template|//head"):
        el.drop_tree() if hasattr(el, "drop_tree") else el.getparent().remove(el)
    for el in tree.iter():
        if isinstance(el.tag, str) and re.fullmatch(_BLOCKS, el.tag):
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
        elif el.tag == "br":
            el.tail = "\n" + (el.tail or "")
    text = etree.tostring(tree, method="text", encoding="unicode")
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def fragment_text(html: str) -> str:
    """Plain paragraphs from an HTML fragment (a JSON ``body`` that holds markup)."""

    try:
        tree, _ = _parse(_CONTROL.sub("", html), fragment=True)
    except Exception:  # unparseable markup: keep the text as it is rather than lose it
        return html
    return "\n\n".join(line for line in _flatten(tree).split("\n") if line)


def _polish(body: str, context: str) -> tuple[str, list[Removed]]:
    """Drop the captions, credits and furniture lines trafilatura left in the body."""
    kept: list[str] = []
    removed: list[Removed] = []
    for n, para in enumerate(p for p in body.split("\n") if p.strip()):
        line = classify(n, para.strip(), context)
        if line.kind is Kind.CAPTION:
            removed.append(Removed(line.text, "photo caption or credit"))
        elif line.kind is Kind.FURNITURE:
            removed.append(Removed(line.text, "page furniture (share, follow, promo, navigation)"))
        else:
            kept.append(line.text)
    return "\n\n".join(kept), removed


def _stopped_early(text: str, flat: str) -> bool:
    """Whether trafilatura's body is only a part of the body the page's structure shows.

    The pasted-page cleaner run on the flattened page is an independent second opinion: when
    its body holds nearly all of trafilatura's words and clearly more, trafilatura stopped early
    (or found nothing).
    """
    ours, theirs = Counter(_WORD.findall(text)), Counter(_WORD.findall(flat))
    size, flat_size = sum(ours.values()), sum(theirs.values())
    if size == 0:
        return flat_size > 0
    shared = sum((ours & theirs).values())
    return flat_size >= _LONGER * size and shared >= _CONTAINED * size


def _repeated(description: str, text: str) -> bool:
    """A meta description that is the body's opening (often cut short with "...") is no standfirst."""
    head = description.rstrip(" .…")[:80]
    return len(description) >= 400 or head in text


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTAINER = re.compile(
    r"<(/?)(?:div|section|article|main|header|footer|aside|nav|li|ul|ol|dl|dt|dd|table|thead|tbody"
    r"|tr|td|th|blockquote|figure|center)\b[^>]*>",
    re.I,
)
_INLINE = re.compile(r"</?(?:span|font|a|b|i|u|em|strong|small|big|sub|sup|abbr|cite|q|s|mark)\b[^>]*>", re.I)


def _parse(html: str, *, fragment: bool = False) -> tuple[Any, str]:
    """lxml's tree of the page, and the markup it was built from.

    libxml2 stops following elements nested 256 deep and silently drops what is inside: only
    broken markup (thousands of unclosed tags) or an attack nests so deep. Such a page is read
    again with its layout containers turned into plain paragraph breaks and inline tags
    dropped, which keeps every word and the paragraphs, at a depth of a few levels.
    """
    import lxml.html

    def build(markup: str, parser: Any) -> Any:
        if fragment:  # a JSON body's markup, under one parent
            return lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
        return lxml.html.fromstring(markup, parser=parser)

    parser = lxml.html.HTMLParser()
    tree = build(html, parser)
    if any("Excessive depth" in e.message for e in parser.error_log):
        html = _INLINE.sub("", _CONTAINER.sub(lambda m: "" if m.group(1) else "<p>", html))
        tree = build(html, lxml.html.HTMLParser())
    return tree, html


def extract_html(html: str, *, url: str | None = None) -> Extracted:
    """Body and metadata of one HTML page (an empty ``text`` when it holds no article)."""
    import trafilatura

    # lxml refuses a decoded page that names its encoding
    html = _CONTROL.sub("", _XML_DECL.sub("", html, count=1))
    try:
        tree, html = _parse(html)
    except Exception:  # lxml raises several types on junk; there is no page to read then
        return Extracted(text="")
    dates = _meta_dates(tree)  # before trafilatura, which prunes its own copy of the page
    # Readers' comments are not the report; trafilatura's defaults would keep them.
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True},  # first publication, not last edit
    )
    meta: dict[str, Any] = {}
    if doc is not None:
        meta = doc if isinstance(doc, dict) else doc.as_dict()
    context = " ".join(str(meta.get(k) or "") for k in ("url", "hostname", "sitename", "title"))
    published, date_source = _first(dates, _PUBLISHED_META, context)
    if published is None and (published := normalise_date(meta.get("date"))):
        date_source = "htmldate"  # guessed from the page's text and links
    updated = _first(dates, _UPDATED_META, context)[0]
    text, removed = _polish(meta.get("text") or "", context)
    flat = clean_pasted(_flatten(tree), context=context, alone=False)
    if _stopped_early(text, flat.text):
        text, removed = flat.text, list(flat.removed)
        if not meta.get("title"):
            meta["title"] = flat.title
    description = clean_field(meta.get("description"))
    norm_text = " ".join(text.split())
    subtitle = description if description and not _repeated(description, norm_text) else None
    return Extracted(
        text=text,
        title=clean_field(meta.get("title")),
        subtitle=subtitle,
        byline=clean_field(meta.get("author")),
        published=published,
        updated=None if same_instant(updated, published) else updated,
        source=clean_field(meta.get("sitename")),
        url=clean_field(meta.get("url")) or url,
        removed=tuple(removed),
        meta=(("format", "html"), ("date_source", date_source)),
    )
