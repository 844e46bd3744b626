"""The `annotate --format html` page in a real browser (Debian's chromium through Playwright):
values appear on hover and on keyboard focus, nested spans show one note, the page fits a phone.

Set STORYLINE_UPDATE_DOCS=1 to write the screenshot of the seed page to docs/annotate.png.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import storyline.annotation
from annotated_cases import ushakov_article
from conftest import ROOT, SEED_A, SEED_B
from storyline.cli import app
from storyline.render.annotated_html import render_annotated_html
from storyline.render.annotated_values import interval

pytestmark = pytest.mark.browser




@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    pg = browser.new_page(viewport={"width": 1000, "height": 800})
    pg.on("pageerror", lambda exc: pytest.fail(f"script error on the page: {exc}"))
    yield pg
    pg.close()


def _mark(page: Any, text: str, kind: str) -> Any:
    """The focusable mark of ``kind`` whose own words start with ``text``."""
    marks = page.locator(f'mark[data-kind="{kind}"][tabindex]')
    for i in range(marks.count()):
        m = marks.nth(i)
        if (m.get_attribute("aria-label") or "").startswith(text):
            return m
    raise AssertionError(f"no {kind} mark starting {text!r}")


def _visible_tips(page: Any) -> list[str]:
    tips = page.locator(".tip")
    return [tips.nth(i).inner_text() for i in range(tips.count()) if tips.nth(i).is_visible()]


def test_hover_shows_the_value_of_the_innermost_span(page: Any) -> None:
    page.set_content(render_annotated_html([ushakov_article()]))
    assert _visible_tips(page) == [], "notes are hidden until asked for"
    _mark(page, "January 9 and 10", "date").hover()
    assert _visible_tips(page) == ["date · 2022-01-09 to 2022-01-10 · talks"]
    # A date inside a quote: hovering it shows the date's note, not the quote's as well.
    _mark(page, "January 10 (", "date").hover()
    assert _visible_tips(page) == ["date · 2022-01-10 · begin"]
    _mark(page, "an estimated 100,000", "quantity").hover()
    (tip,) = _visible_tips(page)
    assert "90,000 to 110,000" in tip and "an estimated" in tip
    assert page.evaluate("typeof window.alert1") == "undefined" and page.locator("script").count() == 0


def test_keyboard_focus_shows_a_quote_speaker(page: Any) -> None:
    page.set_content(render_annotated_html([ushakov_article()]))
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        kind = page.evaluate("document.activeElement.dataset.kind || ''")
        tips = _visible_tips(page)
        if kind:
            assert len(tips) == 1, tips
            seen.append((kind, tips[0]))
        if kind == "quote":
            break
    assert seen and seen[-1][0] == "quote", seen
    assert "said by Yuri Ushakov" in seen[-1][1]


def test_page_fits_a_phone(browser: Any) -> None:
    pg = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        pg.set_content(render_annotated_html([ushakov_article()]))
        assert pg.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
        m = _mark(pg, "Thursday", "date")
        m.tap()
        tip = m.locator(":scope > .tip")
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["y"] + box["height"] <= 740
        assert "2021-12-30" in tip.inner_text()
    finally:
        pg.close()


def test_seed_page_shows_dates_and_speakers(page: Any, nlp: Any, tmp_path: Path) -> None:
    """The real command on the seeds: every date's note is its JSON interval; a quote names its speaker."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storyline.annotation, "load_nlp", lambda: nlp)
        mp.chdir(ROOT)  # paths as a user types them, for the screenshot
        seeds = [str(SEED_A.relative_to(ROOT)), str(SEED_B.relative_to(ROOT))]
        html_out, json_out = tmp_path / "seeds.html", tmp_path / "seeds.json"
        runner = CliRunner()
        for fmt, out in (("html", html_out), ("json", json_out)):
            result = runner.invoke(app, ["annotate", *seeds, "-f", fmt, "-o", str(out)])
            assert result.exit_code == 0, result.output
    arts = json.loads(json_out.read_text(encoding="utf-8"))
    page.goto(html_out.as_uri())
    dated = [t for t in arts[0]["timeline"] if t["start"]]
    assert dated, "the first seed has resolved dates"
    first = dated[0]
    mark = _mark(page, first["text"], "date")
    mark.hover()
    tip = mark.locator(":scope > .tip")
    assert tip.is_visible() and interval_text(first) in tip.inner_text()
    named = [q for q in arts[1]["quotes"] if q["speaker"]]
    assert named, "the second seed has quotes with speakers"
    quote = _mark(page, named[0]["text"][:40], "quote")
    quote.focus()
    assert f"said by {named[0]['speaker']}" in quote.locator(":scope > .tip").inner_text()
    target = ROOT / "docs" / "annotate.png" if os.environ.get("STORYLINE_UPDATE_DOCS") else tmp_path / "a.png"
    target.parent.mkdir(exist_ok=True)
    # What a reader first sees: the legend, the headline, and a date's note on hover.
    page.set_viewport_size({"width": 900, "height": 760})
    page.evaluate("window.scrollTo(0, 0)")
    mark.hover()
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def interval_text(entry: dict[str, Any]) -> str:
    from storyline.model import TimeExpr

    t = TimeExpr(entry["text"], entry["start"], entry["end"], tuple(entry["offset"]), entry["sentence"], None)
    return interval(t)
