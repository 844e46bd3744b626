"""The web app in headless Chromium against a real uvicorn server on a loopback port.

A user pastes the two seed reports, reads the story page (the Geneva date conflict, the Ushakov
quote variant, counterparts on click and with the keyboard), uploads a file, searches the
library, and compares without storing. Set STORYLINE_UPDATE_DOCS=1 to write the screenshots of
the main pages to docs/web-*.png.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM
from storyline.web import WebSettings, create_app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def shot_path(name: str, tmp: Path) -> Path:
    """docs/<name> with STORYLINE_UPDATE_DOCS=1 (refreshing the README's pictures), else a
    temporary file: a test run does not change the tree."""
    folder = DOCS if os.environ.get("STORYLINE_UPDATE_DOCS") else tmp
    folder.mkdir(exist_ok=True)
    return folder / name

pytestmark = pytest.mark.browser

if not CHROMIUM.exists() and not os.environ.get("CI"):  # before starting a server for nothing
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

UPLOAD = """Harbour Times

Ferry strike halts crossings to the islands

Published 3 March 2024

Ferry crews walked out on Monday, halting every crossing to the northern islands for the first time
in twelve years, the Seafarers Union said.

About 2,400 passengers were stranded at the mainland terminal, the port authority said.

"We will not sail until the rota is fixed," said union secretary Marta Quill.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, nlp: Any, embedder: Any) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("browser") / "library.db"
    app = create_app(WebSettings(db_url=f"sqlite:///{db}"), nlp=nlp, embedder=embedder)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)




@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def _wait_for_add(page: Any) -> None:
    page.wait_for_selector("h1:text-matches('^(Added|The add failed)$')", timeout=180_000)
    assert page.inner_text("h1") == "Added", page.inner_text("main")


@pytest.fixture(scope="module")
def story_url(browser: Any, base_url: str, seed_paths: tuple[Path, Path]) -> str:
    """Paste both seeds on the add page, the way a user would; the story page they landed in."""
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(120_000)
    pg.goto(base_url + "/add")
    pg.fill("#text-0", seed_paths[0].read_text(encoding="utf-8"))
    pg.fill("#outlet-0", "The Independent")
    pg.click("button.more-text")
    pg.fill("#text-1", seed_paths[1].read_text(encoding="utf-8"))
    pg.fill("#outlet-1", "Deccan Herald")
    pg.click("button[type=submit]")
    _wait_for_add(pg)
    links = pg.locator("table.outcomes a")
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    context.close()
    assert len(hrefs) == 1, f"the two seeds should land in one story, got {hrefs}"
    return base_url + str(hrefs.pop())


def test_story_page_shows_the_geneva_date_conflict_and_the_ushakov_variant(
    page: Any, story_url: str, tmp_path: Path
) -> None:
    page.goto(story_url)
    conflicts = page.locator("#conflicts")
    text = conflicts.inner_text()
    assert "January 9 and 10" in text and "Jan. 10" in text
    assert "Deccan Herald" in text and "The Independent" in text
    quotes = page.inner_text("#quotes")
    assert "Ushakov" in quotes
    assert "better avoid more such mistakes" in quotes and "better not to make such mistakes" in quotes
    page.set_viewport_size({"width": 1280, "height": 1300})
    page.evaluate("window.scrollTo(0, document.getElementById('conflicts').offsetTop - 20)")
    page.screenshot(path=str(shot_path("web-story.png", tmp_path)))


def test_clicking_or_entering_a_statement_shows_its_counterparts(page: Any, story_url: str) -> None:
    page.goto(story_url)
    first, second = page.locator("#texts .col").nth(0), page.locator("#texts .col").nth(1)
    conflict = first.locator(".st.k-conflict").first
    conflict.scroll_into_view_if_needed()
    conflict.click()
    assert page.locator(".st.lit").count() >= 2, "the statement and its counterparts light up"
    panel = page.locator("#counterparts")
    assert panel.is_visible()
    other_ids = set(conflict.get_attribute("data-finding").split())
    shown = panel.inner_text()
    peers = [
        el.inner_text()
        for el in second.locator("[data-finding]").all()
        if other_ids & set(el.get_attribute("data-finding").split())
    ]
    assert peers and any(p.strip()[:40] in shown for p in peers)
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    agreed = second.locator(".st.k-agree").first
    agreed.focus()
    assert page.locator(".st.lit").count() >= 2, "focus lights up counterparts too"
    page.keyboard.press("Enter")
    assert panel.is_visible() and "In the other sources" in panel.inner_text()


def test_upload_a_file_then_search_the_library(
    page: Any, base_url: str, story_url: str, tmp_path: Path
) -> None:
    page.goto(base_url + "/add")
    page.set_input_files(
        "#files", files=[{"name": "ferry.txt", "mimeType": "text/plain", "buffer": UPLOAD.encode()}]
    )
    page.click("button[type=submit]")
    _wait_for_add(page)
    assert "ferry.txt" in page.inner_text("table.outcomes")
    page.goto(base_url + "/")
    assert page.locator("li.story-row").count() >= 2
    page.fill("#q", "ferry")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=ferry"))
    rows = page.locator("li.story-row")
    assert rows.count() == 1 and "Ferry strike" in rows.first.inner_text()
    page.fill("#q", "rupture")  # the library searches the titles of every report of a story
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"q=rupture"))
    rows = page.locator("li.story-row")
    assert rows.count() == 1 and "Putin" in rows.first.inner_text()
    page.goto(base_url + "/")
    page.screenshot(path=str(shot_path("web-library.png", tmp_path)))


def test_compare_without_storing(
    page: Any, base_url: str, seed_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    page.goto(base_url + "/compare")
    page.fill("#text-0", seed_paths[0].read_text(encoding="utf-8"))
    page.fill("#outlet-0", "The Independent")
    page.fill("#text-1", seed_paths[1].read_text(encoding="utf-8"))
    page.fill("#outlet-1", "Deccan Herald")
    page.click("button[type=submit]")
    page.wait_for_selector("#conflicts")
    assert "Jan. 10" in page.inner_text("#conflicts")
    page.screenshot(path=str(shot_path("web-compare.png", tmp_path)))


def test_pages_fit_a_phone_and_work_from_the_keyboard(page: Any, base_url: str, story_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    for path in ("/", story_url, "/add", "/compare"):
        page.goto(path if path.startswith("http") else base_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_another_sites_page_cannot_post_to_the_app(page: Any, base_url: str) -> None:
    """A real cross-site form post, from a page Chromium believes is http://evil.example: refused
    with 403, nothing filed; the app's own form posts (above) still work. (Chromium's own Private
    Network Access blocks a cross-site fetch to loopback; a form navigation it lets through.)"""
    import httpx

    before = httpx.get(base_url + "/index.json", timeout=10).json()["total"]
    attack = f"""<!doctype html><title>Win a prize</title>
<form id=f method=post action="{base_url}/add" enctype="multipart/form-data">
<textarea name=text>{UPLOAD}</textarea></form>"""
    page.route("http://evil.example/**", lambda route: route.fulfill(body=attack, content_type="text/html"))
    page.goto("http://evil.example/")
    with page.expect_navigation() as nav:
        page.evaluate("document.getElementById('f').submit()")
    assert nav.value is not None and nav.value.status == 403
    assert "refusing a request sent from another site" in page.inner_text("main")
    assert httpx.get(base_url + "/index.json", timeout=10).json()["total"] == before
