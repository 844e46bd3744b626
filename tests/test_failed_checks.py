"""A cross-check that fails is reported, never a silent pending forever (``store/checkfail.py``),
and ``storyline check`` pays the owed checks in the foreground through the checker's own path.
Real libraries, real checks: a failure is a stored article the check cannot read back."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import app
from storyline.store import Library, checkfail


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


def test_models_that_cannot_load_fail_every_owed_story(owed_library: str) -> None:
    """A checker that fails before any story (``checker.pay``: the models) counts a try against
    each: after two such checkers they are given up, with the reason."""
    with Library(owed_library) as lib:
        lib.fail_due("the models cannot load: OSError: no model")
        assert len(lib.due()) == 2 and lib.failed_checks() == []  # tried again next time
        lib.fail_due("the models cannot load: OSError: no model")
        assert lib.due() == []
        assert [e for _, e in lib.failed_checks()] == ["the models cannot load: OSError: no model"] * 2
        assert lib.retry_failed() == 2 and len(lib.due()) == 2


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
