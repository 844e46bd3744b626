"""``storyline annotate`` in the terminal: the article with its spans coloured, then short tables.

The text comes first because a reader checks an annotation against the words around it; the
tables (names, quotes by speaker, quantities, timeline in date order) answer "what did it find?"
at a glance. Rendered through a rich Console into a string, so ``-o FILE`` gets the same thing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from storyline.model import AnnotatedArticle
from storyline.render.annotated_values import (
    bounds,
    fmt_num,
    in_date_order,
    interval,
    marks,
    names,
    quotes_by_speaker,
    style_key,
)

STYLES = {
    "quote": "italic yellow",
    "person": "bold cyan",
    "org": "bold magenta",
    "place": "bold green",
    "group": "bold bright_blue",
    "name": "bold",
    "quantity": "bold reverse green",
    "date": "bold reverse cyan",
}
LEGEND = ("quote", "person", "org", "place", "group", "name", "quantity", "date")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _around(sentence: str, phrase: str, limit: int) -> str:
    """A long sentence cut to ``limit`` characters around ``phrase``, at word boundaries."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence
    at = max(sentence.find(" ".join(phrase.split())), 0)
    start = max(0, min(at - limit // 3, len(sentence) - limit))
    if start:
        start = sentence.find(" ", start) + 1 or start
    piece = sentence[start:]
    return ("…" if start else "") + _clip(piece, limit)


def highlighted(ann: AnnotatedArticle) -> Text:
    """The article text with every span styled; inner spans are applied last, so they show."""
    text = Text(ann.text)
    for m in marks(ann):
        text.stylize(STYLES[style_key(m)], m.start, m.end)
    return text


def legend() -> Text:
    out = Text("Key: ", style="dim")
    for key in LEGEND:
        out.append(key, style=STYLES[key])
        out.append("  ")
    return out


def names_table(ann: AnnotatedArticle) -> Table | None:
    """People, organisations and places with their canonical key and number of mentions."""
    rows = names(ann)
    if not rows:
        return None
    table = Table(title="Names", title_justify="left", expand=True)
    table.add_column("Key", style="bold", ratio=3, overflow="fold")
    table.add_column("Kind", ratio=2)
    table.add_column("Mentions", justify="right", min_width=8)
    table.add_column("As written", ratio=5, overflow="fold")
    for r in rows:
        table.add_row(r.key, r.kind, str(r.mentions), ", ".join(r.forms))
    return table


def quotes_table(ann: AnnotatedArticle) -> Table | None:
    """Quotes grouped by speaker, speakers in order of their first quote."""
    if not ann.quotes:
        return None
    table = Table(title="Quotes by speaker", title_justify="left", expand=True, show_lines=False)
    table.add_column("Speaker", style="bold", ratio=2, overflow="fold")
    table.add_column("Said", ratio=7, overflow="fold")
    table.add_column("How", ratio=2, overflow="fold")
    for speaker, quotes in quotes_by_speaker(ann):
        for i, q in enumerate(quotes):
            said = f"“{_clip(q.text, 220)}”" if q.direct else _clip(q.text, 220)
            how = ("direct" if q.direct else "reported") + (f", {q.cue}" if q.cue else "")
            table.add_row(speaker if i == 0 else "", said, how, end_section=i == len(quotes) - 1)
    return table


def quantities_table(ann: AnnotatedArticle) -> Table | None:
    if not ann.quantities:
        return None
    table = Table(title="Quantities", title_justify="left", expand=True)
    table.add_column("As written", ratio=3, overflow="fold")
    table.add_column("Value", justify="right", ratio=2)
    table.add_column("Bounds", ratio=3)
    table.add_column("Counts", ratio=2, overflow="fold")
    table.add_column("Hedge", ratio=2, overflow="fold")
    for q in sorted(ann.quantities, key=lambda q: q.start):
        value = fmt_num(q.value) + (f" {q.unit}" if q.unit else "")
        table.add_row(_clip(q.text, 60), value, bounds(q), q.counted or "", q.hedge or "")
    return table


def timeline_table(ann: AnnotatedArticle) -> Table | None:
    """Time expressions in date order; those that could not be resolved last, with the reason."""
    if not ann.timeline:
        return None
    table = Table(title="Timeline", title_justify="left", expand=True)
    table.add_column("When", style="bold", width=24, overflow="fold")
    table.add_column("As written", ratio=2, overflow="fold")
    table.add_column("What", ratio=2, overflow="fold")
    table.add_column("Sentence", ratio=6, overflow="fold")
    for t in in_date_order(ann):
        table.add_row(interval(t), t.text, t.what or t.event or "", _around(t.sentence, t.text, 110))
    return table


def article_view(ann: AnnotatedArticle) -> RenderableType:
    """Everything shown for one article, as one rich renderable."""
    a = ann.article
    meta = " · ".join(x for x in (a.source, a.published, a.path, f"id {a.id}") if x)
    parts: list[RenderableType] = [
        Rule(Text(_clip(a.title or a.path or a.id, 90), style="bold")),
        Text(meta, style="dim"),
        legend(),
        Text(""),
        highlighted(ann),
        Text(""),
    ]
    tables = (names_table(ann), quotes_table(ann), quantities_table(ann), timeline_table(ann))
    parts += [t for t in tables if t is not None]
    return Group(*parts)


def render_annotated_terminal(
    annotated: Sequence[AnnotatedArticle], *, width: int = 100, color: bool = True
) -> str:
    """Every article one after another, as the text a terminal of ``width`` columns shows."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for ann in annotated:
        console.print(article_view(ann))
        console.print()
    return buf.getvalue()


__all__ = [
    "STYLES",
    "article_view",
    "highlighted",
    "names_table",
    "quantities_table",
    "quotes_table",
    "render_annotated_terminal",
    "timeline_table",
]
