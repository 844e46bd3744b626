"""`storyline changes`, its Atom feed and the web app's What's new page, on a small library of real
reports: two BASIL events (three outlets each) when ../shared/data is here, else the two seeds.
The last report is filed after a look, so "since the last look" must name it and nothing older."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Library, whatsnew
from storyline.store.schema import conflicts, marks

feedparser = pytest.importorskip("feedparser")
runner = CliRunner()
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "basil-dev"


@dataclass(frozen=True)
class Built:
    db: Path
    look: float  # the last look, taken before the last report was filed
    last_article: str  # the id of that report
    last_story: str
    last_outlet: str


# Two BASIL events that natural-dev's hand-judged gold records the cross-check stating a conflict
# on; the last report filed (the campaign-finance bill's second: its hpo and fox reports quote one
# remark of Lofgren's in other words; nyt's neighbouring line is another remark) is one side of it.
EVENTS = ("1e41e98b-9ac1-441d-b2c2-19d8f730c74a", "2f3e86b6-8443-47bd-9cd3-491c90a59fe9")


def _reports(seed_paths: tuple[Path, Path]) -> list[Path]:
    """The two BASIL events' reports, event by event, else the two seeds (one story)."""
    if not SHARED.is_dir():
        return list(seed_paths)
    return [SHARED / f"{event}_{n}.json" for event in EVENTS for n in (1, 3, 2)]


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, seed_paths: tuple[Path, Path], nlp: Any, embedder: Any
) -> Built:
    from storyline.reading import read

    paths = _reports(seed_paths)
    db = tmp_path_factory.mktemp("changes") / "library.db"
    with Library(db) as lib:
        lib.add_articles([read(p) for p in paths[:-1]], nlp=nlp, embedder=embedder)
        look = time.time()
        whatsnew.mark_look(lib.engine, look)
        [result] = lib.add_articles([read(paths[-1])], nlp=nlp, embedder=embedder)
        outlet = lib.article(result.article_id).article.source
    assert result.status == "created" and outlet
    return Built(db, look, result.article_id, result.story_id, outlet)


@pytest.fixture
def db(built: Built, tmp_path: Path) -> Iterator[str]:
    """A copy of the built library that a test may look at (and so move its last look)."""
    copy = tmp_path / "library.db"
    shutil.copy(built.db, copy)
    yield str(copy)


def _changes(*args: str) -> Any:
    result = runner.invoke(app, ["changes", *args])
    assert result.exit_code == 0, result.output
    return result


def test_since_the_last_look_names_only_the_report_filed_after_it(built: Built, db: str) -> None:
    news = json.loads(_changes("--db", db, "--format", "json").stdout)
    assert news["since"] == whatsnew.iso(built.look)
    [story] = news["stories"]
    assert story["story"] == built.last_story
    assert story["new_reports"] == 1 and story["outlets"] == [built.last_outlet]
    assert story["reports"] >= 2 and not story["new_story"] and story["checked"]
    assert story["new_conflicts"]
    for conflict in story["new_conflicts"]:  # new only through the new report
        assert built.last_article in {s["article"] for s in conflict["statements"]}
        assert conflict["aspect"] and conflict["summary"]
    # that look moved the last look: nothing is new now
    again = _changes("--db", db)
    assert again.stdout.startswith("nothing new since ")


def test_a_first_look_and_a_span_list_every_story_and_its_conflicts(built: Built, db: str) -> None:
    with Library(db) as lib:
        stories = lib.stories()
        counted = sum(s.conflicts or 0 for s in stories)
        with lib.engine.begin() as conn:  # as if `changes` had never been run here
            conn.execute(marks.delete())
    first = _changes("--db", db).stdout
    assert "(first look)" in first and f"{len(stories)} stor" in first
    assert all(s.id in first for s in stories)
    with Library(db) as lib, lib.engine.begin() as conn:
        conn.execute(marks.delete())
    assert json.loads(_changes("--db", db, "--format", "json").stdout)["since"] is None  # everything
    news = json.loads(_changes("--db", db, "--since", "1d", "--format", "json").stdout)
    assert {s["story"] for s in news["stories"]} == {s.id for s in stories}
    assert sum(len(s["new_conflicts"]) for s in news["stories"]) == counted > 0
    assert all(s["new_story"] for s in news["stories"] if s["story"] != built.last_story)


def test_the_atom_feed_parses_and_keeps_its_ids(built: Built, db: str) -> None:
    args = ("--db", db, "--format", "atom", "--base-url", "http://reader.test:9000/")
    body = _changes(*args).stdout
    feed = feedparser.parse(body)
    assert not feed.bozo and feed.version == "atom10"
    with Library(db) as lib:
        recorded = whatsnew.new_conflicts(lib.engine, 0.0)
        assert whatsnew.last_look(lib.engine) == built.look  # a feed is not a look
    assert len(feed.entries) == len(recorded) > 0
    assert [e.id for e in feed.entries] == [f"tag:storyline.invalid,2026:conflict:{c.id}" for c in recorded]
    for entry, conflict in zip(feed.entries, recorded, strict=True):
        assert entry.link == f"http://reader.test:9000/stories/{conflict.story_id}"
        assert entry.title == f"{conflict.story_title}: {conflict.aspect}"
        assert entry.updated == whatsnew.iso(conflict.arrived)
        for said in conflict.statements:  # every statement with its outlet, as written
            assert f"{said.outlet}: \u201c{said.text}\u201d" in entry.summary
    assert _changes(*args).stdout == body  # stable: a reader sees no entry twice
    since = feedparser.parse(_changes(*args, "--since", "last").stdout)
    assert {e.id.rsplit(":", 1)[1] for e in since.entries} == {
        c.id for c in recorded if c.arrived >= built.look
    }


def test_hostile_statement_text_stays_text_in_the_feed() -> None:
    from storyline.render.conflicts_atom import conflicts_feed

    said = whatsnew.Said("a1", "The <b>Post</b>", 'He said \x0b"<script>alert(1)</script>" & left.')
    conflict = whatsnew.NewConflict("f1", "s1", "Fire & ice", "quote", "Quoted <differently>", (said,), 1e9)
    feed = feedparser.parse(conflicts_feed([conflict], feed_id="x", self_url=None, story_url=lambda s: s))
    assert not feed.bozo
    [entry] = feed.entries
    assert entry.title == "Fire & ice: quote"
    assert '"<script>alert(1)</script>" & left.' in entry.summary and "\x0b" not in entry.summary


def test_a_bad_since_is_one_line(db: str) -> None:
    result = runner.invoke(app, ["changes", "--db", db, "--since", "yesterday"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "storyline: --since: 'yesterday' is not a time: give a span (1d, 12h, 30m, 2w),"
        " a day (2026-12-01) or 'last'"
    ]
    assert "Traceback" not in result.output
    address = runner.invoke(app, ["changes", "--db", db, "--format", "atom", "--base-url", "localhost:8000"])
    assert address.exit_code == 2 and address.stderr.strip().splitlines() == [
        "storyline: --base-url: 'localhost:8000' is not an http:// or https:// address"
    ]


def test_parse_since() -> None:
    now = 1_800_000_000.0
    assert whatsnew.parse_since("1d", now=now, last_look=None) == now - 86400
    assert whatsnew.parse_since(" 90m ", now=now, last_look=None) == now - 5400
    assert whatsnew.parse_since("last", now=now, last_look=None) == 0.0
    assert whatsnew.parse_since("LAST", now=now, last_look=5.0) == 5.0
    assert whatsnew.parse_since("2026-12-01", now=now, last_look=None) == 1_796_083_200.0
    assert whatsnew.parse_since("2026-12-01T01:00+01:00", now=now, last_look=None) == 1_796_083_200.0
    for bad in ("", "-1d", "1y", "soon", "2026-13-01"):
        with pytest.raises(ValueError, match="is not a time"):
            whatsnew.parse_since(bad, now=now, last_look=None)


def test_conflicts_recorded_late_are_dated_by_their_reports(
    built: Built, db: str, nlp: Any, embedder: Any
) -> None:
    """A library made before conflicts were recorded gets them at a story's next check, dated by
    the filing of their reports: old findings never show up as news."""
    with Library(db) as lib:
        with lib.engine.begin() as conn:
            conn.execute(conflicts.delete())
        counted = {s.id for s in lib.stories() if s.conflicts}
        assert (
            counted
            and {n.story_id for n in whatsnew.changes_since(lib.engine, 0.0) if not n.checked} == counted
        )
        after = time.time()
        for story in lib.stories():
            lib.check(story.id, nlp=nlp, embedder=embedder)
        assert whatsnew.changes_since(lib.engine, after) == []
        assert len(whatsnew.new_conflicts(lib.engine, 0.0)) == sum(s.conflicts or 0 for s in lib.stories())


def test_a_story_owed_its_cross_check_says_so(built: Built, db: str) -> None:
    """A story that gained reports but was not compared yet (a Ray add leaves that to `show`)
    lists no new conflict because none is known, and says so."""
    from sqlalchemy import update

    from storyline.store.schema import stories

    with Library(db) as lib, lib.engine.begin() as conn:
        conn.execute(update(stories).where(stories.c.id == built.last_story).values(check_due=True))
    text = _changes("--db", db, "--since", "last").stdout
    assert (
        f"its conflicts are not known yet: `storyline show {built.last_story[:12]}` cross-checks it" in text
    )
    news = json.loads(_changes("--db", db, "--since", "1d", "--format", "json").stdout)["stories"]
    assert [s["checked"] for s in news if s["story"] == built.last_story] == [False]
    assert all(s["checked"] for s in news if s["story"] != built.last_story)


def test_a_removed_story_leaves_no_news(built: Built, db: str) -> None:
    with Library(db) as lib:
        lib.remove(built.last_story)
        assert all(c.story_id != built.last_story for c in whatsnew.new_conflicts(lib.engine, 0.0))
        assert all(n.story_id != built.last_story for n in whatsnew.changes_since(lib.engine, 0.0))


def test_whats_new_page_and_feed(built: Built, db: str, nlp: Any, embedder: Any) -> None:
    from fastapi.testclient import TestClient

    from storyline.web.app import create_app
    from storyline.web.settings import WebSettings

    settings = WebSettings(db_url=f"sqlite:///{db}")
    with TestClient(create_app(settings, nlp=nlp, embedder=embedder), base_url="http://localhost") as c:
        data = c.get("/whats-new.json", params={"since": "last"}).json()
        assert data["ok"] and [s["story"] for s in data["stories"]] == [built.last_story]
        page = c.get("/whats-new", params={"since": "30d"})
        assert page.status_code == 200 and 'type="application/atom+xml"' in page.text
        with Library(db) as lib:
            for story in lib.stories():
                assert f'href="/stories/{story.id}"' in page.text
        bad = c.get("/whats-new.json", params={"since": "soon"})
        assert bad.status_code == 400 and "is not a time" in bad.json()["error"]
        feed = c.get("/feeds/conflicts.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        parsed = feedparser.parse(feed.content)
        assert not parsed.bozo and parsed.entries
        assert all(e.link.startswith("http://localhost/stories/") for e in parsed.entries)
        assert c.post("/whats-new").status_code == 405
    with Library(db) as lib:  # a GET never moves the CLI's last look
        assert whatsnew.last_look(lib.engine) == built.look
