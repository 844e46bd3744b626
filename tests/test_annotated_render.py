"""The renderers of `storyline annotate`: nesting of overlapping spans, escaping, terminal tables."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style

from annotated_cases import TEXT, at, ushakov_article
from storyline.render.annotated_html import Node, nest, render_annotated_html
from storyline.render.annotated_terminal import highlighted, render_annotated_terminal
from storyline.render.annotated_values import Mark, marks

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class PageParser(HTMLParser):
    """Collects tags and attributes, and the article text with the tooltips left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self._in_text = 0
        self._in_tip = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        cls = a.get("class") or ""
        self._stack.append(cls)
        self._in_text += cls == "text"
        self._in_tip += cls == "tip"

    def handle_endtag(self, tag: str) -> None:
        cls = self._stack.pop()
        self._in_text -= cls == "text"
        self._in_tip -= cls == "tip"

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._in_tip:
            self.texts.append(data)


def _walk(node: Node) -> list[Node]:
    out = [node]
    for c in node.children:
        out += _walk(c)
    return out


def _check_tree(root: Node, spans: list[Mark]) -> None:
    for node in _walk(root):
        prev_end = node.start
        for child in node.children:
            assert node.start <= child.start < child.end <= node.end, "a child leaves its parent"
            assert child.start >= prev_end, "siblings overlap"
            prev_end = child.end
    covered: dict[int, list[tuple[int, int]]] = {}
    firsts: dict[int, int] = {}
    for node in _walk(root)[1:]:
        assert node.mark is not None
        i = spans.index(node.mark)
        covered.setdefault(i, []).append((node.start, node.end))
        firsts[i] = firsts.get(i, 0) + node.first
    for i, m in enumerate(spans):
        pieces = sorted(covered[i])
        assert pieces[0][0] == m.start and pieces[-1][1] == m.end
        assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces)), "fragments leave a gap"
        assert firsts[i] == 1, "exactly one fragment takes the focus"


@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(["quote", "entity", "date"])))
)
def test_nest_keeps_every_span_and_offset(raw: list[tuple[int, int, str]]) -> None:
    text = "x" * 50
    spans = list(dict.fromkeys(Mark(k, k, s, min(s + n, 50), "") for s, n, k in raw))
    spans.sort(key=lambda m: (m.start, -m.end))
    _check_tree(nest(text, spans), spans)


def test_crossing_name_is_cut_at_the_quote_end() -> None:
    ann = ushakov_article()
    spans = marks(ann)
    root = nest(ann.text, spans)
    _check_tree(root, spans)
    crossing = [n for n in _walk(root)[1:] if n.mark and n.mark.label == "ORG" and "grave" in n.mark.note]
    assert [n.first for n in crossing] == [True, False]
    assert crossing[0].end == crossing[1].start


def test_html_keeps_the_text_exact_and_escapes_it() -> None:
    ann = ushakov_article()
    page = render_annotated_html([ann])
    parser = PageParser()
    parser.feed(page)
    assert "".join(parser.texts) == TEXT
    tags = {t for t, _ in parser.tags}
    assert not tags & {"script", "img", "link", "iframe"}, "markup from the text became elements"
    for tag, attrs in parser.tags:
        assert tag != "a" or (attrs.get("href") or "").startswith("#a0-"), attrs
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any("javascript:" in (v or "") for v in attrs.values()), attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Putin &lt;b&gt;warns&lt;/b&gt;" in page  # the title too


def test_html_marks_carry_their_values() -> None:
    page = render_annotated_html([ushakov_article()])
    parser = PageParser()
    parser.feed(page)
    marks_ = [a for t, a in parser.tags if t == "mark"]
    labels = [a.get("aria-label") or "" for a in marks_ if "tabindex" in a]
    assert any(x.startswith("January 9 and 10 (date: 2022-01-09 to 2022-01-10") for x in labels)
    assert any("said by Yuri Ushakov" in x for x in labels)
    assert any(
        x.startswith("an estimated 100,000 troops (quantity: 100,000 troops · 90,000 to 110,000")
        for x in labels
    )
    assert any(x.startswith("later (date: not resolved: no point in time") for x in labels)
    # One focusable fragment per span: the continuation of the crossing name is not a tab stop.
    assert len(labels) == len(marks(ushakov_article()))
    assert 'name="viewport"' in page and "<link" not in page and "src=" not in page.replace("src=x", "")


def test_html_summaries_link_to_their_spans() -> None:
    page = render_annotated_html([ushakov_article(), ushakov_article()])
    parser = PageParser()
    parser.feed(page)
    ids = [a["id"] for _, a in parser.tags if a.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique even when an article is shown twice"
    links = [a["href"] for t, a in parser.tags if t == "a" and a.get("class") != "skip"]
    n = len(ushakov_article().quotes) + len(ushakov_article().timeline) + len(ushakov_article().quantities)
    assert len(links) == 2 * n
    assert {h[1:] for h in links} <= set(ids)
    skip = next(a["href"] for t, a in parser.tags if t == "a" and a.get("class") == "skip")
    assert skip == "#a0-found" and "a0-found" in ids, "keyboard users can skip the marked-up text"
    summary = page[page.index('<section class="found"') :]
    order = [
        summary.index(d) for d in ("2021-06-01", "2021-12-30", "2022-01-01", "2022-01-09", "not resolved")
    ]
    assert order == sorted(order), "the timeline is in date order"


def test_html_of_no_articles_is_still_a_page() -> None:
    page = render_annotated_html([])
    assert page.startswith("<!DOCTYPE html>") and "No article could be annotated" in page


def test_terminal_shows_text_and_tables_within_100_columns() -> None:
    out = render_annotated_terminal([ushakov_article()], width=100, color=False)
    assert all(len(line) <= 100 for line in out.splitlines())
    assert "<script>alert(1)</script>" in out  # shown as written, never interpreted as markup
    for title in ("Names", "Quotes by speaker", "Quantities", "Timeline"):
        assert title in out
    names = out[out.index("Names") : out.index("Quotes by speaker")]
    putin = next(line for line in names.splitlines() if "vladimir putin" in line)
    assert re.search(r"\b2\b", putin), putin  # two mentions
    # Quotes are grouped: both Ushakov quotes under one speaker cell, the unknown one apart.
    quotes = out[out.index("Quotes by speaker") : out.index("Quantities")]
    assert quotes.count("Yuri Ushakov") == 1 and "(speaker" in quotes
    timeline = out[out.index("Timeline") :]
    order = [
        timeline.index(d) for d in ("2021-06-01", "2021-12-30", "2022-01-01", "2022-01-09", "2022-01-10 ")
    ]
    assert order == sorted(order), "timeline not in date order"
    assert timeline.index("not resolved") > order[-1], "unresolved expressions come last"
    assert "90,000 to 110,000" in out


def test_terminal_colours_spans_by_kind() -> None:
    ann = ushakov_article()
    text = highlighted(ann)
    console = Console()

    def style_at(phrase: str) -> Style:
        return text.get_style_at_offset(console, at(phrase)[0])

    quote_only, date_in_quote = style_at("by January 10"), style_at("January 10 <script>")
    assert quote_only.italic and date_in_quote.italic, "a date inside a quote keeps the quote's style"
    assert not quote_only.reverse and date_in_quote.reverse, "a date stands out as a block"
    assert style_at("Yuri Ushakov").bold and style_at("Yuri Ushakov").color != style_at("Geneva").color
    assert style_at("Mr Putin requested").color is not None
    assert not style_at("requested the call").bold
    out = render_annotated_terminal([ann], width=100, color=True)
    assert ANSI.search(out) and "Mr Putin requested the call" in ANSI.sub("", out)
