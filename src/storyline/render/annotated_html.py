"""``storyline annotate --format html``: one self-contained page, in the manner of spaCy's displaCy.

Spans overlap in news text (a date or a name inside a quote, and now and then a span that crosses
another's end), but HTML elements must nest. So the marks are built into a tree: a mark that
crosses the end of the one holding it is cut there and continues as a second fragment, and the
article's text between marks is copied slice by slice, so no offset moves. Every byte of text goes
through Jinja2's autoescape.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from storyline.model import AnnotatedArticle
from storyline.render.annotated_values import (
    KIND_ORDER,
    Mark,
    bounds,
    fmt_num,
    in_date_order,
    interval,
    kind_name,
    marks,
    names,
    quotes_by_speaker,
    style_key,
)

TEMPLATE = "annotated.html.j2"

LEGEND = (
    ("quote", "quote (hover: speaker)"),
    ("person", "person"),
    ("org", "organisation"),
    ("place", "place"),
    ("group", "nationality or group"),
    ("name", "other name"),
    ("quantity", "quantity (hover: bounds)"),
    ("date", "date (hover: interval)"),
)


@dataclass
class Node:
    """One fragment of a mark in the tree; ``first`` is the fragment that takes keyboard focus."""

    mark: Mark | None
    start: int
    end: int
    first: bool = True
    children: list[Node] = field(default_factory=list)


def nest(text: str, spans: Sequence[Mark]) -> Node:
    """Arrange marks as a tree of properly nested fragments covering ``text``."""
    root = Node(None, 0, len(text))
    heap = [(m.start, -m.end, KIND_ORDER[m.kind], i, m.start, True) for i, m in enumerate(spans)]
    heapq.heapify(heap)
    stack = [root]
    while heap:
        start, neg_end, order, i, _, first = heapq.heappop(heap)
        end = -neg_end
        while stack[-1].end <= start:
            stack.pop()
        parent = stack[-1]
        if end > parent.end:  # crosses its holder's end: cut here, the rest continues outside
            heapq.heappush(heap, (parent.end, -end, order, i, parent.end, False))
            end = parent.end
        node = Node(spans[i], start, end, first)
        parent.children.append(node)
        stack.append(node)
    return root


def mark_id(prefix: str, kind: str, start: int, end: int) -> str:
    """The element id of a span's first fragment, so the summaries can link to it."""
    return f"{prefix}-{kind}-{start}-{end}"


def flatten(node: Node, text: str, prefix: str = "a0") -> list[dict[str, Any]]:
    """The tree as template items: ``{"text"}`` for plain text, ``{"mark", ...}`` for a fragment."""
    items: list[dict[str, Any]] = []
    cursor = node.start
    for child in node.children:
        if child.start > cursor:
            items.append({"text": text[cursor : child.start]})
        m = child.mark
        assert m is not None
        items.append(
            {
                "mark": m,
                "cls": style_key(m),
                "kind": kind_name(m),
                "first": child.first,
                "id": mark_id(prefix, m.kind, m.start, m.end) if child.first else None,
                "label": f"{text[child.start : child.end]} ({kind_name(m)}: {m.note})",
                "items": flatten(child, text, prefix),
            }
        )
        cursor = child.end
    if cursor < node.end:
        items.append({"text": text[cursor : node.end]})
    return items


def article_items(ann: AnnotatedArticle, prefix: str = "a0") -> list[dict[str, Any]]:
    return flatten(nest(ann.text, marks(ann)), ann.text, prefix)


def article_context(ann: AnnotatedArticle, index: int) -> dict[str, Any]:
    """What the template shows of one article: the marked-up text and the summaries below it."""
    prefix = f"a{index}"
    return {
        "article": ann.article,
        "prefix": prefix,
        "items": article_items(ann, prefix),
        "counts": {
            "sentences": len(ann.sentences),
            "names": len(ann.entities),
            "quotes": len(ann.quotes),
            "quantities": len(ann.quantities),
            "dates": len(ann.timeline),
        },
        "names": names(ann),
        "quotes": quotes_by_speaker(ann),
        "quantities": sorted(ann.quantities, key=lambda q: q.start),
        "timeline": in_date_order(ann),
    }


@cache
def _template() -> Any:
    from jinja2 import Environment, StrictUndefined

    source = (
        resources.files("storyline").joinpath("render", "templates", TEMPLATE).read_text(encoding="utf-8")
    )
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source)


def render_annotated_html(annotated: Sequence[AnnotatedArticle], *, title: str | None = None) -> str:
    """One HTML page showing every article with its spans highlighted; no external assets."""
    articles = [article_context(ann, i) for i, ann in enumerate(annotated)]
    if title is None:
        first = annotated[0].article if annotated else None
        title = (first.title or first.source or first.path or first.id) if first else "no articles"
        if len(annotated) > 1:
            title = f"{len(annotated)} articles"
    return str(
        _template().render(
            title=title, articles=articles, legend=LEGEND, interval=interval, bounds=bounds, fmt_num=fmt_num
        )
    )


__all__ = [
    "LEGEND",
    "Node",
    "article_context",
    "article_items",
    "flatten",
    "mark_id",
    "nest",
    "render_annotated_html",
]
