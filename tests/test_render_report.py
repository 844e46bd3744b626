"""The report renderers on real seed text: section order, both sides of every conflict, word-level
quote differences, the side-by-side columns at true offsets, and hostile article text kept inert."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from rich.cells import cell_len

from render_samples import article, finding, hostile_report, quote, refs, seed_report, when
from storyline.model import Finding, Report, SourceRef, Statement
from storyline.render import FORMATS, render_report
from storyline.render.quote_view import quote_groups, wording_diff
from storyline.render.report_html import article_paragraphs, report_context, script_hash
from storyline.render.report_markdown import md
from storyline.render.report_view import (
    UNIQUE_HUES,
    date_label,
    events_of,
    finding_hues,
    source_labels,
    timeline_rows,
    value_label,
)
from storyline.render.svg_timeline import timeline_svg

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def report() -> Report:
    return seed_report()


def _positions(text: str, *needles: str) -> list[int]:
    return [text.index(n) for n in needles]


# --- registry ------------------------------------------------------------------------------------


def test_every_format_renders_and_an_unknown_one_is_refused(report: Report) -> None:
    assert set(FORMATS) == {"terminal", "markdown", "html", "json"}
    for fmt in FORMATS:
        assert "Geneva" in render_report(report, fmt)
    with pytest.raises(ValueError, match=r"'pdf'.*terminal"):
        render_report(report, "pdf")


def test_json_is_the_contract(report: Report) -> None:
    assert json.loads(render_report(report, "json")) == report.to_dict()


# --- shared view -----------------------------------------------------------------------------------


def test_dates_and_values_read_as_a_person_writes_them() -> None:
    assert date_label("2022-01-09", "2022-01-10") == "9–10 Jan 2022"
    assert date_label("2021-06-01", "2021-06-30") == "Jun 2021"
    assert date_label("2014-01-01", "2014-12-31") == "2014"
    assert date_label("2021-12-30", "2022-01-02") == "30 Dec 2021 – 2 Jan 2022"
    assert date_label(None, None) == "undated"
    assert value_label(["2022-01-10", "2022-01-10"]) == "10 Jan 2022"
    assert (
        value_label({"value": 100000.0, "low": 90000, "high": 110000, "unit": "troops"})
        == "90,000–110,000 troops"
    )
    assert value_label({"value": 60, "low": None, "high": 60, "unit": "minutes"}) == "≤ 60 minutes"


def test_each_aligned_finding_gets_its_own_colour_never_the_unique_yellow(report: Report) -> None:
    many = [finding("agree", None, f"claim {i}", (report.articles[0], "Mr Putin")) for i in range(12)]
    hues = finding_hues([*many, *(f for f in report.findings if f.kind == "unique")])
    assert list(hues) == [f.id for f in many]  # unique findings take no colour
    assert len(set(hues.values())) == 12
    assert not [h for h in hues.values() if UNIQUE_HUES[0] <= h <= UNIQUE_HUES[1]]


def test_wording_diff_marks_changed_words_not_moved_ones() -> None:
    a = "we would better avoid more such mistakes in this situation"
    b = "in this situation, it’s better not to make such mistakes"
    old, new = wording_diff(a, b)
    assert [w for w, changed in old if changed] == ["we would", "avoid more"]
    assert [w for w, changed in new if changed] == ["it’s", "not to make"]
    assert " ".join(w for w, _ in old) == a and " ".join(w for w, _ in new) == b
    same, again = wording_diff("It is, he said, “clear”.", "it is he said clear")
    assert not any(c for _, c in same + again)


def test_quotes_group_by_speaker_and_tie_one_remark_across_sources(report: Report) -> None:
    groups = {g.key: g for g in quote_groups(report)}
    ushakov = groups["yuri ushakov"]
    assert ushakov.speaker == "Yuri Ushakov"  # the fullest name the sources use
    shared = [r for r in ushakov.remarks if len(r.occurrences) > 1]
    assert len(shared) == 1 and shared[0].differs
    assert {q.source for q in shared[0].occurrences} == {s.id for s in report.sources}
    assert groups[None].speaker == "Unattributed"
    assert list(groups)[-1] is None


def test_a_partial_quote_inside_a_longer_one_is_not_a_different_wording() -> None:
    a = article(
        "He said it was “a colossal mistake that would entail grave consequences”.", "X", "t", "2021-12-31"
    )
    b = article("She wrote that it was “a colossal mistake”, officials said.", "Y", "t", "2021-12-31")
    quotes = (
        quote(a, "a colossal mistake that would entail grave consequences", "Yuri Ushakov", "ushakov"),
        quote(b, "a colossal mistake", "Ushakov", "ushakov"),
    )
    rep = Report(refs(a, b), (), (), quotes, ())
    (group,) = quote_groups(rep)
    (remark,) = group.remarks
    assert len(remark.occurrences) == 2 and not remark.differs


def test_timeline_svg_orders_dates_marks_gaps_and_joins_conflicts(report: Report) -> None:
    svg = etree.fromstring(str(timeline_svg(timeline_rows(report), source_labels(report), report.findings)))
    ns = {"s": "http://www.w3.org/2000/svg"}
    dates = [t.text for t in svg.iterfind(".//s:text[@class='tl-date']", ns)]
    assert dates == [
        "2014", "Jun 2021", "27 Dec 2021", "≠ 9–10 Jan 2022", "≠ 10 Jan 2022", "12 Jan 2022", "13 Jan 2022",
    ]  # fmt: skip
    assert [t.text for t in svg.iterfind(".//s:text[@class='tl-gap']", ns)] == [
        "6 years later",
        "6 months later",
    ]
    assert len(svg.findall(".//s:path[@class='tl-bracket']", ns)) == 1  # the two Geneva dates joined
    assert len(svg.findall(".//s:g[@tabindex='0']", ns)) == len(dates)  # each row takes keyboard focus
    row = svg.find(".//s:g[@class='tl-row tl-conflict']", ns)
    assert "January 9 and 10 — Mr Putin requested the call" in row.find("s:title", ns).text


def test_a_long_date_label_is_squeezed_to_fit_not_cut() -> None:
    a = article("Over the past 30 years, mistakes were made.", "X", "t", "2021-12-31")
    entry = when(a, "the past 30 years", "1991-12-31", "2021-12-31", "mistakes")
    rep = Report(refs(a), (), (), (), (entry,))
    svg = str(timeline_svg(timeline_rows(rep), source_labels(rep)))
    assert ">31 Dec 1991 – 31 Dec 2021</text>" in svg and 'lengthAdjust="spacingAndGlyphs"' in svg



def test_a_source_that_writes_one_date_twice_is_cited_once() -> None:
    a = article("The leaders spoke on Thursday. Thursday's call lasted an hour.", "X", "t", "2021-12-31")
    first = when(a, "Thursday", "2021-12-30", "2021-12-30", "speak")
    at = a.text.index("Thursday's")
    again = replace(first, offset=(at, at + 8), event="call")
    rep = Report(refs(a), (), (), (), (first, again))
    (row,) = timeline_rows(rep)
    assert len(row.entries) == 2 and [t.offset for t in row.written] == [first.offset]
    assert events_of(row) == ["speak", "call"]
    assert render_report(rep, "markdown").count("Thursday") == 1


def test_the_timeline_names_events_in_words_and_cites_one_wording_once() -> None:
    a = article(
        "Talks resume next month. Russia would have to decide in the next month. Talks resume next month.",
        "X", "t", "2021-12-31",
    )  # fmt: skip
    first = replace(when(a, "next month", "2022-01-01", "2022-01-31", "talk"), what="Talks resume")
    at = a.text.index("the next month")
    second = replace(first, text="the next month", offset=(at, at + 14), event="decide",
                     what="Russia would have to decide")  # fmt: skip
    at = a.text.rindex("next month")
    third = replace(first, offset=(at, at + 10), what="talks resume")
    rep = Report(refs(a), (), (), (), (first, second, third))
    (row,) = timeline_rows(rep)
    assert [t.text for t in row.written] == ["next month"]
    assert events_of(row) == ["Talks resume", "Russia would have to decide"]
    md_text = render_report(rep, "markdown")
    assert "Talks resume; Russia would have to decide" in md_text and "the next month" not in md_text


# --- terminal --------------------------------------------------------------------------------------


def test_terminal_sections_come_in_the_issue_order(report: Report) -> None:
    text = render_report(report, "terminal", width=100, color=False)
    heads = ["Brief", "Conflicts (2)", "What each source adds", "Agreements (3)", "Who said what", "Timeline"]
    at = _positions(text, *heads)
    assert at == sorted(at)


def test_terminal_shows_both_sides_of_each_conflict_as_columns(report: Report) -> None:
    text = render_report(report, "terminal", width=100, color=False)
    conflicts = text[text.index("Conflicts (2)") : text.index("What each source adds")]
    assert "January 9 and 10" in conflicts and "Jan. 10" in conflicts
    assert "9–10 Jan 2022" in conflicts and "10 Jan 2022" in conflicts
    header = next(line for line in conflicts.splitlines() if "[A] The Independent" in line)
    assert "[B] Deccan Herald" in header  # the two sources stand side by side
    assert "*we would* better *avoid more* such mistakes *in this situation*" in conflicts
    assert "“*it’s* better *not to make* such mistakes”" in conflicts


@pytest.mark.parametrize("width", [40, 60, 100])
def test_terminal_fits_its_width_without_colour(report: Report, width: int) -> None:
    text = render_report(report, "terminal", width=width, color=False)
    assert not ANSI.search(text)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    assert "Jan. 10" in text and "January 9 and 10" in text  # narrow or wide, both sides are there


def test_terminal_colour_follows_the_conventions(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = render_report(report, "terminal", color=True)
    # the mark and the aspect in red, the summary plain
    assert "\x1b[1;31m✗\x1b[0m \x1b[1;31mdate\x1b[0m · A puts" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert not ANSI.search(render_report(report, "terminal"))
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI.search(render_report(report, "terminal"))


def test_terminal_prints_brackets_in_article_text_as_written() -> None:
    text = "The minister said [bold]nothing[/bold] about [red]the deal[/]. Officials declined to comment."
    a, b = article(text, "X", "t", "2021-12-31"), article(text + " More.", "Y", "t", "2021-12-31")
    f = finding(
        "agree", "claim", "Both: [link=http://x]nothing[/link]", (a, "[bold]nothing"), (b, "[bold]nothing")
    )
    out = render_report(Report(refs(a, b), (), (f,), (), ()), "terminal", width=100, color=True)
    plain = ANSI.sub("", out)
    assert "[bold]nothing[/bold]" in plain and "[red]the deal[/]" in plain
    assert "[link=http://x]nothing[/link]" in plain


def test_terminal_stacks_sources_when_too_many_for_columns() -> None:
    text = "Officials said the talks would begin on Monday in Geneva."
    arts = [article(f"{text} Outlet {i} adds a detail.", f"Outlet {i}", "t", "2021-12-31") for i in range(6)]
    f = finding("agree", "date", "The talks begin on Monday.", *((a, "talks would begin") for a in arts))
    out = render_report(Report(refs(*arts), (), (f,), (), ()), "terminal", width=100, color=False)
    block = out[out.index("Agreements (1)") :]
    assert all(f"[{chr(65 + i)}] Officials said" in block for i in range(6))
    assert max(cell_len(line) for line in out.splitlines()) <= 100


# --- markdown --------------------------------------------------------------------------------------


def test_markdown_orders_sections_and_cites_sources(report: Report) -> None:
    text = render_report(report, "markdown")
    heads = [
        "## Brief",
        "## Conflicts (2)",
        "## What each source adds",
        "## Agreements (3)",
        "## Who said what",
    ]
    at = _positions(text, *heads, "## Timeline")
    assert at == sorted(at)
    assert "1. Putin warned Biden that new sanctions could rupture ties" in text
    assert "\\[A\\]\\[B\\]" in text
    assert "**January 9 and 10** (9–10 Jan 2022)" in text and "**Jan. 10** (10 Jan 2022)" in text
    assert "“**we would** better **avoid more** such mistakes **in this situation**”" in text
    assert "| **≠ 9–10 Jan 2022** | talks in Geneva |" in text


def test_markdown_escapes_what_would_format_or_inject() -> None:
    assert md("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert md("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))"
    assert md("a *b* _c_ snake_case `d` | e") == "a \\*b\\* \\_c\\_ snake_case \\`d\\` \\| e"
    assert md("line one\nline two") == "line one line two"


# --- html ------------------------------------------------------------------------------------------


def test_html_columns_cut_paragraphs_at_true_offsets(report: Report) -> None:
    ctx = report_context(report)
    for col, art in zip(ctx["columns"], report.articles, strict=True):
        pieces = [seg for para in col.paragraphs for seg in para]
        for seg in pieces:
            assert art.text[seg.start : seg.start + len(seg.text)] == seg.text
        assert "".join(s.text for s in pieces) == "".join(p.strip() for p in art.text.split("\n\n"))
        spans = {(s.start, s.end) for f in report.findings for s in f.statements if s.source == art.id}
        starts = {seg.start for seg in pieces if seg.findings}
        assert {s for s, _ in spans} <= starts


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab .\n“”<&", min_size=1, max_size=80),
    spans=st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=6),
)
def test_html_segments_cover_each_paragraph_exactly(text: str, spans: list[tuple[int, int]]) -> None:
    """Whatever the statements' offsets, every segment is the text at its offset, and the segments
    of a paragraph put together are that paragraph."""
    a = article(text, "X", "t", "2021-12-31")
    found = tuple(
        Finding(f"f{i}", "agree", None, "s", (Statement(a.id, "", s, e),)) for i, (s, e) in enumerate(spans)
    )
    paras = article_paragraphs(a, found, {f.id: 1 for f in found})
    assert ["".join(seg.text for seg in p) for p in paras] == [
        p.strip() for p in text.split("\n\n") if p.strip()
    ]
    for seg in (seg for p in paras for seg in p):
        assert text[seg.start : seg.start + len(seg.text)] == seg.text
        fits = [f.id for f, (s, e) in zip(found, spans, strict=True) if 0 <= s < e <= len(text)]
        assert set(seg.findings) <= set(fits)


def test_html_statement_offsets_that_do_not_fit_are_left_out() -> None:
    a = article("One sentence here. Another sentence there.", "X", "t", "2021-12-31")
    bad = finding("unique", None, "x", (a, "One sentence"))
    stale = bad.__class__(bad.id, "unique", None, "x", (Statement(a.id, "gone", 30, 400),))
    paras = article_paragraphs(a, (stale,), {})
    assert all(not seg.findings for para in paras for seg in para)


def _page(report: Report) -> Any:
    return lxml.html.document_fromstring(render_report(report, "html"))


def _has(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def _statements(doc: Any, finding_id: str | None = None, kind: str | None = None) -> list[Any]:
    """Statement spans in the side-by-side columns, optionally of one finding or one kind."""
    cond = [_has("st")]
    if finding_id:
        cond.append(f"contains(concat(' ', @data-finding, ' '), ' {finding_id} ')")
    if kind:
        cond.append(_has(f"k-{kind}"))
    return list(doc.xpath(f"//section[@id='texts']//*[{' and '.join(cond)}]"))


def test_html_pairs_counterparts_with_one_colour_and_a_focusable_span(report: Report) -> None:
    doc = _page(report)
    assert len(doc.xpath(f"//section[@id='texts']//article[{_has('col')}]")) == 2
    conflict = next(f for f in report.findings if f.aspect == "date")
    spans = _statements(doc, conflict.id)
    assert {s.xpath("ancestor::article[1]/@aria-label")[0] for s in spans} == {
        "The Independent",
        "Deccan Herald",
    }
    assert all(s.get("tabindex") == "0" and "k-conflict" in s.get("class") for s in spans)
    assert len({s.get("style") for s in spans}) == 1  # the same colour on both sides
    unique = _statements(doc, kind="unique")
    assert any("Zircon" in s.text_content() for s in unique)


def test_html_is_self_contained_and_runs_only_its_own_script(report: Report) -> None:
    raw = render_report(report, "html")
    doc = lxml.html.document_fromstring(raw)
    assert not doc.xpath("//link | //img | //iframe | //object | //embed | //*[@src]")
    (script,) = doc.xpath("//script")
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert f"script-src {script_hash(script.text)}" in csp and "default-src 'none'" in csp
    assert "http://" not in raw.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert doc.xpath(f"//section[@id='timeline']//*[{_has('tl-conflict')}]")
    heads = [h.text_content().split()[0] for h in doc.xpath("//main//h2")]
    assert heads == ["Brief", "Conflicts", "What", "Agreements", "Who", "Timeline", "The"]


def test_hostile_article_text_stays_text_in_html() -> None:
    rep = hostile_report()
    raw = render_report(rep, "html")
    doc = lxml.html.document_fromstring(raw)
    assert len(doc.xpath("//script")) == 1  # only the page's own
    assert not doc.xpath("//img | //iframe | //textarea | //svg//svg | //b[@onclick] | //i")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert not [k for k in el.attrib if k.lower().startswith("on")], el.tag
        for k in ("href", "src", "xlink:href"):
            assert not el.get(k, "").lower().lstrip().startswith("javascript:")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in raw
    assert 'onerror="alert(1)"' not in raw and "<svg onload" not in raw
    texts = doc.xpath(f"//section[@id='texts']//div[{_has('text')}]")[0].text_content()
    assert '<script>alert("x")</script> The minister spoke.' in texts  # shown, as written
    svg = doc.xpath("//section[@id='timeline']//svg")[0]
    etree.fromstring(lxml.html.tostring(svg))  # the hand-built SVG is well-formed XML
    assert "<script>alert(11)</script> talks" in svg.text_content()


def test_hostile_text_stays_text_in_terminal_and_markdown() -> None:
    rep = hostile_report()
    term = render_report(rep, "terminal", width=100, color=False)
    assert '<script>alert("x")</script>' in term  # a terminal shows text; nothing there runs
    text = render_report(rep, "markdown")
    assert not re.search(r"(?<!\\)<", text)  # every "<" escaped: no tag survives
    assert '\\<script\\>alert("x")\\</script\\>' in text


def test_a_report_without_article_texts_still_renders(report: Report) -> None:
    bare = Report(report.sources, report.brief, report.findings, report.quotes, report.timeline)
    doc = _page(bare)
    assert not doc.xpath(f"//article[{_has('col')}]")
    assert "January 9 and 10" in doc.xpath("//section[@id='conflicts']")[0].text_content()


def test_an_empty_report_says_so_everywhere() -> None:
    a, b = article("Nothing much.", "X", "t", None), article("Little else.", "Y", "t", None)  # type: ignore[arg-type]
    rep = Report(refs(a, b), (), (), (), (), articles=(a, b))
    assert "contradict each other nowhere" in render_report(rep, "terminal", color=False)
    assert "contradict each other nowhere" in render_report(rep, "markdown")
    doc = _page(rep)
    assert "contradict each other nowhere" in doc.xpath("//section[@id='conflicts']")[0].text_content()
    assert not doc.xpath("//svg")


def test_labels_fall_back_from_outlet_to_file_name(report: Report) -> None:
    refs = (SourceRef("a1", "/x/nyt_story.json", None, "T", None), SourceRef("b2", None, None, None, None))
    labels = source_labels(Report(refs, (), (), (), ()))
    assert [(lab.letter, lab.name) for lab in labels.values()] == [("A", "nyt_story"), ("B", "b2")]


def test_wire_copies_are_named_in_every_format() -> None:
    text = "Officials said the talks would begin on Monday in Geneva, the agency reported."
    arts = [
        article(text + f" Outlet {i}.", name, "t", "2021-12-31")
        for i, name in enumerate(("AP", "Paper", "Other"))
    ]
    orig, copy, other = refs(*arts)
    sources = (orig, SourceRef(copy.id, None, "Paper", "t", None, copy_of=orig.id), other)
    f = finding(
        "agree",
        "date",
        "The talks begin on Monday.",
        *((a, "talks would begin") for a in arts),
        independent=2,
    )
    rep = Report(sources, (), (f,), (), (), articles=tuple(arts))
    line = "Paper ran the same wire copy as AP: counted once."
    assert line in render_report(rep, "terminal", color=False)
    assert line in render_report(rep, "markdown")
    html = " ".join(_page(rep).xpath("//p[@class='wire']")[0].text_content().split())
    assert html == "B Paper ran the same wire copy as A AP: counted once."  # with the source chips
    assert "(2 independent)" in render_report(rep, "terminal", color=False)


# --- on the cross-check engine's own output ------------------------------------------------------


@pytest.fixture(scope="module")
def compared(seed_paths: tuple[Path, Path], nlp: Any, embedder: Any) -> Report:
    from storyline.crosscheck import compare

    return compare(list(seed_paths), nlp=nlp, embedder=embedder)


def test_real_compare_output_renders_in_every_format(compared: Report) -> None:
    conflicts = [f for f in compared.findings if f.kind == "conflict"]
    assert conflicts, "the seeds hold two conflicts"
    term = render_report(compared, "terminal", width=100, color=False)
    assert max(cell_len(line) for line in term.splitlines()) <= 100
    text = render_report(compared, "markdown")
    doc = _page(compared)
    for f in conflicts:
        for v in f.values:
            first = v.text.split()[0] if v.text.strip() else ""
            assert first in term and md(first) in text
        assert _statements(doc, f.id, "conflict")
    assert len(doc.xpath(f"//article[{_has('col')}]")) == 2
    assert doc.xpath("//section[@id='timeline']//svg")


def test_terminal_reads_without_the_file_names_and_explains_its_marks(compared: Report) -> None:
    """Sources known only by a long file name are cited by letter after the legend names them once;
    wrapped headlines continue under their first word; the marks are explained once."""
    term = render_report(compared, "terminal", width=100, color=False)
    text = render_report(compared, "markdown")
    for ref in compared.sources:
        stem = Path(ref.path or "").stem
        assert len(stem) > 12 and term.count(stem) == 1 and text.count(md(stem)) == 1, stem
    lines = term.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith(("✗ ", "✓ ", "? "))]
    assert heads and all(lines[i + 1].startswith((" ", "✗ ", "✓ ", "? ")) for i in heads)
    assert any(re.match(r"  [^ \[]", lines[i + 1]) for i in heads), "a headline wraps under its words"
    (key,) = [line for line in lines if line.startswith("key: ")]
    assert "✗ conflict" in key and "independent" in key and "╭╰" in key and "≠" in key
    assert lines.index(key) < min(heads)
    assert "different days for “talks”: [A] “January 9 and 10”" in term  # the event the dates belong to
    assert "different days for “talks”: [A] “January 9 and 10”" in render_report(compared, "html")
