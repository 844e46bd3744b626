"""The stories and library commands as a user runs them, including a SIGKILL mid-add and two
processes adding at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.jsonschema import validate

ROOT = Path(__file__).resolve().parent.parent
STORYLINE = [sys.executable, "-c", "from storyline.cli import main; main()"]
runner = CliRunner()


def _basil(shared: Path, n: int) -> list[str]:
    return [str(p) for p in sorted((shared / "basil-dev").glob("*.json"))[:n]]


def _rows(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT id, story_id FROM articles").fetchall()


def test_stories_json_and_a_bad_input(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["stories", *map(str, seed_paths), str(bad), "--format", "json"])
    assert result.exit_code == 1
    stories = json.loads(result.stdout)
    assert len(stories) == 1 and len(stories[0]["articles"]) == 2
    assert set(stories[0]) == {"id", "title", "first", "last", "articles"}
    assert next(line for line in result.stderr.splitlines() if str(bad) in line).startswith("storyline:")
    assert "Traceback" not in result.output


def test_add_list_show_remove_export(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    added = runner.invoke(app, ["add", "--db", db, "--wait", *map(str, seed_paths)])
    assert added.exit_code == 0, added.output
    assert "2 created" in added.stderr
    again = runner.invoke(app, ["add", "--db", db, *map(str, seed_paths)])
    assert "2 existing" in again.stderr
    listed = json.loads(runner.invoke(app, ["list", "--db", db, "--format", "json"]).stdout)
    assert len(listed) == 1 and listed[0]["sources"] == 2 and listed[0]["conflicts"] is not None
    story = listed[0]["id"]
    shown = runner.invoke(app, ["show", story[:6], "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.stdout)["sources"]) == 2
    exported = runner.invoke(app, ["export", "--db", db]).stdout.splitlines()
    assert [json.loads(line)["story"] for line in exported] == [story, story]
    missing = runner.invoke(app, ["show", "0000000000", "--db", db])
    assert missing.exit_code == 1 and "no story or article" in missing.stderr
    assert runner.invoke(app, ["remove", story, "--db", db]).exit_code == 0
    assert runner.invoke(app, ["export", "--db", db]).stdout == ""


def test_rerunning_add_counts_a_story_a_killed_add_left_uncounted(
    seed_paths: tuple[Path, Path], tmp_path: Path, nlp: Any, embedder: Any
) -> None:
    """``crosscheck=False`` files exactly as far as an add killed during its cross-check gets."""
    from storyline.reading import read
    from storyline.store import Library

    db = str(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add_articles([read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False)
    listed = json.loads(runner.invoke(app, ["list", "--db", db, "--format", "json"]).stdout)
    assert listed[0]["conflicts"] is None
    again = runner.invoke(app, ["add", "--db", db, "--wait", *map(str, seed_paths)])
    assert again.exit_code == 0 and "2 existing" in again.stderr
    listed = json.loads(runner.invoke(app, ["list", "--db", db, "--format", "json"]).stdout)
    assert listed[0]["conflicts"] is not None and listed[0]["conflicts"] >= 1


def test_show_serves_the_report_a_check_stored(
    seed_paths: tuple[Path, Path], tmp_path: Path, nlp: Any, embedder: Any
) -> None:
    """A story no check has counted is cross-checked by its first ``show``, which stores the
    report; the next ``show`` prints the stored one, the same as a cross-check made afresh."""
    from storyline.crosscheck import compare
    from storyline.reading import read
    from storyline.store import Library, vectors

    db = str(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add_articles([read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False)
        (story,) = lib.stories()
        assert lib.stored_report(lib.story(story.id)) is None
    first = runner.invoke(app, ["show", story.id, "--db", db, "--format", "json"])
    assert first.exit_code == 0, first.output
    with Library(db) as lib:
        stored = lib.story(story.id)
        kept = lib.stored_report(stored)
        assert kept is not None and lib.due() == []
        vectors.provide(lib.engine, stored.articles, embedder)  # compared on the stored vectors
        fresh = compare(list(stored.articles), nlp=nlp, embedder=embedder).to_dict()
    second = runner.invoke(app, ["show", story.id, "--db", db, "--format", "json"])
    for out in (first, second):
        shown = json.loads(out.stdout)
        assert {k: v for k, v in shown.items() if k != "development"} == fresh == kept.to_dict()


def test_sigkill_mid_add_then_rerun_stores_each_once(shared_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    files = _basil(shared_data, 24)
    cmd = [*STORYLINE, "add", "--db", str(db), *files]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = len(_rows(db))
            except sqlite3.OperationalError:
                stored = 0  # the schema is being created
        if stored:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the add finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = _rows(db)
    assert 0 < len(before) < len(files)
    rerun = subprocess.run([*cmd, "--wait"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    after = _rows(db)
    assert len(after) == len({i for i, _ in after}) == len(files)
    assert set(before) <= set(after)  # nothing filed before the kill moved or vanished
    assert f"{len(before)} existing" in rerun.stderr


@pytest.mark.slow
def test_two_processes_adding_at_once(shared_data: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    files = _basil(shared_data, 18)
    procs = [
        subprocess.Popen([*STORYLINE, "add", "--db", str(db), *part], stderr=subprocess.PIPE, text=True)
        for part in (files[:12], files[6:])
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    rows = _rows(db)
    assert len(rows) == len({i for i, _ in rows}) == 18
    with sqlite3.connect(db) as conn:
        stories = conn.execute("SELECT id, articles FROM stories").fetchall()
    assert sum(n for _, n in stories) == 18


def test_show_lays_a_late_joined_story_out_by_day(shared_data: Path, tmp_path: Path) -> None:
    """gva-dev incident 778743: a boy shot (Feb 20) dies (Feb 24); a teen is arrested 41 days later.
    `show` reads incident → death → arrest top to bottom, then the cross-check."""
    db = str(tmp_path / "lib.db")
    files = sorted(str(p) for p in (shared_data / "gva-dev").glob("778743_*.json"))
    assert runner.invoke(app, ["add", "--db", db, "--wait", *files]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["list", "--db", db, "--format", "json"]).stdout)
    (story,) = [s["id"] for s in listed if (s["first"], s["last"]) == ("2017-02-20", "2017-04-06")]
    shown = runner.invoke(app, ["show", story, "--db", db])
    assert shown.exit_code == 0, shown.output
    out = shown.stdout
    order = ["Development", "2017-02-20", "Brooklyn gunman", "… 4 days later", "2017-02-24"]
    order += ["… 41 days later", "2017-04-06", "Brooklyn teen cuffed", "reports compared"]
    assert [out.index(s) for s in order] == sorted(out.index(s) for s in order)
    md = runner.invoke(app, ["show", story, "--db", db, "--format", "markdown"]).stdout
    assert md.startswith("## Development") and "*… 41 days later*" in md
    shown_json = json.loads(runner.invoke(app, ["show", story, "--db", db, "--format", "json"]).stdout)
    days = shown_json["development"]  # beside the report contract's fields, which stay as they are
    assert [(d["day"], d["gap"]) for d in days] == [
        ("2017-02-20", None),
        ("2017-02-24", 4),
        ("2017-04-06", 41),
    ]
    assert shown_json["schema"] == "storyline/1" and shown_json["findings"]
    validate(shown_json, "report")
    html = runner.invoke(app, ["show", story, "--db", db, "--format", "html"]).stdout
    section = html[html.index('<section class="development"') :]  # the first section of the page
    order = ["2017-02-20", "… 41 days later", "Brooklyn teen cuffed", 'id="brief"']
    assert [section.index(s) for s in order] == sorted(section.index(s) for s in order)
    assert html.index('<section class="development"') < html.index('<section id="brief"')


def test_development_puts_undated_reports_last() -> None:
    from storyline.model import StoryArticle
    from storyline.stories.development import development, development_text

    members = [
        StoryArticle("c", None, "WSB", "Trial set", "2017-03-30T10:00:00"),
        StoryArticle("u", None, "Blog", "Vigil held", None),
        StoryArticle("a", None, "WKBN", "Four shot in Howland", "2017-02-25"),
        StoryArticle("b", None, "Vindy", "Suspect charged", "2017-02-26T08:00:00-05:00"),
    ]
    days = development(members)
    assert [(d.day, d.gap, [a.id for a in d.articles]) for d in days] == [
        ("2017-02-25", None, ["a"]),
        ("2017-02-26", 1, ["b"]),
        ("2017-03-30", 32, ["c"]),
        (None, None, ["u"]),
    ]
    text = development_text(days)
    assert text.index("… the next day") < text.index("… 32 days later") < text.index("undated")


def test_add_no_check_files_only_and_the_next_add_checks(
    seed_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    """``add --no-check`` leaves the story uncounted, owed and with no stored report, and says so;
    the next add of the same files, storing nothing new, pays the check (``--wait``: here) and
    stores the report."""
    from storyline.store import Library

    db = str(tmp_path / "lib.db")
    quick = runner.invoke(app, ["add", "--db", db, "--no-check", *map(str, seed_paths)])
    assert quick.exit_code == 0, quick.output
    assert "2 created; 1 story left to cross-check (--no-check)" in quick.stderr
    with Library(db) as lib:
        (story,) = lib.stories()
        assert story.conflicts is None and lib.due() == [story.id]
        assert lib.stored_report(lib.story(story.id)) is None
    again = runner.invoke(app, ["add", "--db", db, "--wait", *map(str, seed_paths)])
    assert again.exit_code == 0 and "2 existing" in again.stderr and "left to" not in again.stderr
    with Library(db) as lib:
        assert lib.due() == [] and lib.stories()[0].conflicts is not None
        assert lib.stored_report(lib.story(story.id)) is not None
