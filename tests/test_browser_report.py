"""The `compare --format html` page in a real browser (Debian's chromium through Playwright): the
conflicts and the timeline are on the page, hovering or focusing a statement lights up its
counterpart in the other column, Enter brings it into view, the columns stack on a phone, and
hostile article text never runs.

Set STORYLINE_UPDATE_DOCS=1 to write the screenshot of the seed page to docs/compare.png.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from render_samples import hostile_report
from storyline.model import Report
from storyline.render import render_report

pytestmark = pytest.mark.browser




@pytest.fixture(scope="module")
def seed_html(seed_paths: tuple[Path, Path], nlp: Any, embedder: Any, tmp_path_factory: Any) -> Path:
    from storyline.crosscheck import compare

    report = compare(list(seed_paths), nlp=nlp, embedder=embedder)
    path: Path = tmp_path_factory.mktemp("compare") / "seeds.html"
    path.write_text(render_report(report, "html"), encoding="utf-8")
    return path


def _open(browser: Any, path: Path, width: int, height: int = 900) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on("pageerror", lambda exc: pytest.fail(f"script error on the page: {exc}"))
    page.goto(path.as_uri())
    return page


def _counterparts(page: Any, css: str) -> tuple[Any, Any]:
    """A conflict statement in the first column and its counterpart in the second."""
    first = page.locator(f"#texts .col:nth-child(1) {css}").first
    fid = first.get_attribute("data-finding").split()[0]
    other = page.locator(f'#texts .col:nth-child(2) .st[data-finding~="{fid}"]').first
    return first, other


def test_seed_page_shows_conflicts_and_timeline(browser: Any, seed_html: Path) -> None:
    page = _open(browser, seed_html, 1280, 1500)
    cards = page.locator("#conflicts .card.conflict")
    assert cards.count() >= 1
    card = cards.first
    assert card.locator(".side").count() == 2 and card.locator(".value").first.is_visible()
    assert page.locator("#timeline svg.timeline").is_visible()
    assert page.locator("#timeline .tl-row.tl-conflict").count() >= 1
    assert page.locator("#texts .col").count() == 2
    shot = (
        ROOT / "docs" / "compare.png"
        if os.environ.get("STORYLINE_UPDATE_DOCS")
        else seed_html.with_suffix(".png")
    )
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    page.close()


def test_hovering_or_focusing_a_statement_lights_its_counterpart(browser: Any, seed_html: Path) -> None:
    page = _open(browser, seed_html, 1280)
    first, other = _counterparts(page, ".st.k-conflict")
    assert "lit" not in (other.get_attribute("class") or "")
    first.scroll_into_view_if_needed()
    first.hover()
    assert "lit" in other.get_attribute("class")
    page.mouse.move(0, 0)
    assert "lit" not in other.get_attribute("class")
    first.focus()  # statements take keyboard focus (tabindex)
    assert "lit" in other.get_attribute("class")
    box = page.locator("#texts .col:nth-child(2) .text")
    box.evaluate("b => { b.scrollTop = 0; }")
    first.press("Enter")  # brings the counterpart into view inside its column
    top = box.evaluate("b => b.scrollTop")
    seen = other.evaluate(
        "(el) => { const b = el.closest('.text').getBoundingClientRect(), r = el.getBoundingClientRect();"
        " return r.bottom > b.top && r.top < b.bottom; }"
    )
    assert top > 0 and seen
    page.close()


def test_columns_stack_and_fit_on_a_phone(browser: Any, seed_html: Path) -> None:
    page = _open(browser, seed_html, 390, 800)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cols = page.locator("#texts .col")
    a, b = cols.nth(0).bounding_box(), cols.nth(1).bounding_box()
    assert b["y"] >= a["y"] + a["height"] - 1  # one under the other
    assert a["width"] <= 390
    page.close()


def test_hostile_text_never_runs_in_the_browser(browser: Any, tmp_path: Path) -> None:
    report: Report = hostile_report()
    path = tmp_path / "hostile.html"
    path.write_text(render_report(report, "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    statements = page.locator(".st")
    for i in range(statements.count()):
        statements.nth(i).hover()
        statements.nth(i).focus()
    page.locator(".tl-row").first.hover()
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script').length") == 1
    assert page.locator("#texts .col").first.inner_text().count("<script>alert") >= 1  # shown as text
    page.close()
