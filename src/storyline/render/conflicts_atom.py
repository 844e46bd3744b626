"""New conflicts as an Atom 1.0 feed (RFC 4287), so a user follows storyline's findings in any
feed reader: one entry per conflict, its id stable across runs (the finding's content id), its
time the filing of its newest report, its link the story's page in the web app.

Built with ElementTree, which escapes every text: statements are quoted from hostile pages.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from storyline.store.whatsnew import NewConflict, iso

ATOM = "http://www.w3.org/2005/Atom"
# what XML 1.0 cannot carry at all (control characters a scraped page may hold)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TAG = "tag:storyline.invalid,2026:"  # RFC 4151 tag URIs: stable ids that need no registered name


def entry_id(conflict: NewConflict) -> str:
    return f"{TAG}conflict:{conflict.id}"


def entry_text(conflict: NewConflict) -> str:
    """The summary, then each statement with its outlet, one a line."""
    lines = [conflict.summary, ""]
    lines += [f"{s.outlet}: \u201c{s.text}\u201d" for s in conflict.statements]
    return "\n".join(lines)


def conflicts_feed(
    found: Sequence[NewConflict],
    *,
    feed_id: str,
    self_url: str | None,
    story_url: Callable[[str], str],
    title: str = "storyline: new conflicts",
) -> bytes:
    """The feed, newest entries first as ``found`` lists them; ``feed_id`` names the library (the
    same feed read twice must keep its id), ``story_url`` turns a story id into its page's address."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"{TAG}conflicts:{feed_id}")
    _text(feed, "title", title)
    newest = max((c.arrived for c in found), default=time.time())
    _text(feed, "updated", iso(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "storyline")
    _text(feed, "generator", "storyline")
    if self_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url, type="application/atom+xml")
    for c in found:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", entry_id(c))
        story = c.story_title or f"story {c.story_id[:12]}"
        _text(entry, "title", f"{story}: {c.aspect or 'conflict'}")
        _text(entry, "updated", iso(c.arrived))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=story_url(c.story_id))
        summary = _text(entry, "summary", entry_text(c))
        summary.set("type", "text")
        for outlet in dict.fromkeys(s.outlet for s in c.statements):
            ET.SubElement(entry, f"{{{ATOM}}}category", term=outlet)
    ET.indent(feed)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    child.text = NOT_XML.sub("", value)
    return child
