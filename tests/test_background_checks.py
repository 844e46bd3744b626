"""`add` files and returns; one detached checker per library pays the cross-checks afterwards
(``engines/checker.py``, ``store/checklock.py``). Real adds, real checker processes: the waits
poll the library with a bound, never a timed assertion."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import Library, checklock

runner = CliRunner()
BOUND_S = 600  # a generous bound for a checker on a loaded 2-core box


@pytest.fixture(autouse=True)
def detached(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain add detaches its checker here, as it does for users (conftest makes it wait)."""
    monkeypatch.delenv("STORYLINE_CHECKS", raising=False)


def _settled(db: str, bound_s: float = BOUND_S) -> None:
    """Wait until no story is owed a check and no checker holds the lock."""
    deadline = time.monotonic() + bound_s
    with Library(db) as lib:
        while lib.due() or checklock.taken(lib.url, lib.engine):
            assert time.monotonic() < deadline, f"still owed after {bound_s} s: {lib.due()}"
            time.sleep(0.2)


def _listed(db: str) -> list[dict[str, Any]]:
    out = runner.invoke(app, ["list", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    return list(json.loads(out.stdout))


def test_add_returns_and_a_detached_checker_pays_the_checks(
    seed_paths: tuple[Path, Path], tmp_path: Path
) -> None:
    """The add returns with its story owed (held back here by taking the lock, as a checker at
    work would); `list` says pending, not 0 conflicts. Once the lock is free the checker started
    as its holder must (``check_in_background``) stores the report `show` then prints."""
    db = str(tmp_path / "lib.db")
    with Library(db) as lib:
        lock = checklock.CheckLock(lib.url, lib.engine)
        assert lock.acquire(0)
        try:
            added = runner.invoke(app, ["add", "--db", db, *map(str, seed_paths)])
            assert added.exit_code == 0, added.output
            assert "2 created; 1 story being cross-checked by the checker at work" in added.stderr
            (row,) = _listed(db)
            assert row["pending"] is True and row["conflicts"] is None
            terminal = runner.invoke(app, ["list", "--db", db]).stdout
            assert re.search(r"\s2\s+pending\s", terminal), terminal
            assert lib.check_due(nlp=None, embedder=None, wait=0) == 0  # another holds the lock
        finally:
            lock.release()
        assert lib.check_in_background() is not None  # the holder looks again after letting go
    _settled(db)
    (row,) = _listed(db)
    assert row["pending"] is False and row["conflicts"] is not None and row["conflicts"] >= 1
    with Library(db) as lib:
        kept = lib.stored_report(lib.story(row["id"]))
    assert kept is not None
    shown = runner.invoke(app, ["show", row["id"], "--db", db, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert {k: v for k, v in json.loads(shown.stdout).items() if k != "development"} == kept.to_dict()


def test_plain_add_starts_the_checker_itself(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    added = runner.invoke(app, ["add", "--db", db, *map(str, seed_paths)])
    assert added.exit_code == 0, added.output
    started = re.search(r"by a detached checker \(pid (\d+)\)", added.stderr)
    assert started, added.stderr
    _settled(db)
    (row,) = _listed(db)
    assert row["pending"] is False and row["conflicts"] is not None
    # its log, beside the library by default: the line it writes as it exits (after the lock)
    log, deadline = Path(db + "-checker.log"), time.monotonic() + BOUND_S
    while f'{{"pid": {started[1]},' not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline, "the checker wrote no line to its log"
        time.sleep(0.1)
    (line,) = [json.loads(x) for x in log.read_text().splitlines() if x.startswith('{"pid"')]
    assert line["checked"] == 1 and line["crashed"] is False


def test_storyline_checks_wait_starts_no_checker(
    seed_paths: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """STORYLINE_CHECKS=wait (a test suite, a CI job): a plain add checks before it returns, as
    --wait, and leaves no process behind."""
    monkeypatch.setenv("STORYLINE_CHECKS", "wait")
    db = str(tmp_path / "lib.db")
    added = runner.invoke(app, ["add", "--db", db, *map(str, seed_paths)])
    assert added.exit_code == 0, added.output
    assert "2 created" in added.stderr and "checker" not in added.stderr
    (row,) = _listed(db)
    assert row["pending"] is False and row["conflicts"] is not None
    assert not Path(db + "-checker.log").exists()


def test_a_story_of_one_report_needs_no_checker(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    """Nothing to compare: the add settles it itself, starts no checker, and `list` is final."""
    db = str(tmp_path / "lib.db")
    added = runner.invoke(app, ["add", "--db", db, str(seed_paths[0])])
    assert added.exit_code == 0, added.output
    assert "1 created" in added.stderr and "cross-checked" not in added.stderr
    (row,) = _listed(db)
    assert row["pending"] is False and row["conflicts"] is None
    assert not Path(db + "-checker").exists()  # no checker ever took the lock
    both = runner.invoke(app, ["add", "--db", db, "--wait", "--no-check", str(seed_paths[1])])
    assert both.exit_code == 2 and "contradict each other" in both.stderr


def test_one_lock_per_library_across_handles(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.db")
    with Library(db) as one, Library(db) as two:
        first = checklock.CheckLock(one.url, one.engine)
        second = checklock.CheckLock(two.url, two.engine)
        assert first.acquire(0) and not second.acquire(0.3)
        assert checklock.taken(two.url, two.engine)
        first.release()
        assert second.acquire(0) and not first.acquire(0)
        second.release()
        assert not checklock.taken(one.url, one.engine)


def test_a_killed_checker_leaves_its_stories_owed_and_the_lock_free(
    shared_data: Path, tmp_path: Path
) -> None:
    """SIGKILL a checker while it holds the lock: what it had not stored stays owed (never marked
    checked without a report), the lock dies with it, and the next checker finishes the rest."""
    db = str(tmp_path / "lib.db")
    files = [str(p) for p in sorted((shared_data / "basil-dev").glob("*.json"))[:12]]
    quick = runner.invoke(app, ["add", "--db", db, "--no-check", *files])
    assert quick.exit_code == 0, quick.output
    with Library(db) as lib:
        owed = set(lib.due())
        assert len(owed) >= 2
        pid = lib.check_in_background()
        assert pid is not None
        deadline = time.monotonic() + BOUND_S
        while not checklock.taken(lib.url, lib.engine):  # models loaded, checking
            assert time.monotonic() < deadline, "the checker never took the lock"
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
        while checklock.taken(lib.url, lib.engine):  # the lock is freed with the process
            assert time.monotonic() < deadline, "the lock outlived its holder"
            time.sleep(0.05)
        left = set(lib.due())
        assert left and left <= owed  # the check is the slow part: it was killed in the middle
        for summary in lib.stories(limit=100):
            stored = lib.story(summary.id)
            if summary.id not in left and len(stored.articles) >= 2:
                assert lib.stored_report(stored) is not None  # settled only with its report
        assert lib.check_in_background() is not None
    _settled(db)
    assert not any(row["pending"] for row in _listed(db))


def test_check_due_leaves_the_work_to_the_holder(
    seed_paths: tuple[Path, Path], tmp_path: Path, nlp: Any, embedder: Any
) -> None:
    from storyline.reading import read

    db = str(tmp_path / "lib.db")
    with Library(db) as lib:
        lib.add_articles([read(p) for p in seed_paths], nlp=nlp, embedder=embedder, crosscheck=False)
        lock = checklock.CheckLock(lib.url, lib.engine)
        assert lock.acquire(0)
        assert lib.check_due(nlp=nlp, embedder=embedder, wait=0) == 0 and len(lib.due()) == 1
        lock.release()
        assert lib.check_due(nlp=nlp, embedder=embedder) == 1 and lib.due() == []


def test_show_hands_what_is_owed_to_a_detached_checker(
    seed_paths: tuple[Path, Path], shared_data: Path, tmp_path: Path
) -> None:
    """`show` that checked one owed story under the checker lock lets the lock go as a holder
    must: the other story owed (an add that found the lock held started no checker for it) goes
    to the detached checker, which stores its report."""
    db = str(tmp_path / "lib.db")
    triplet = sorted((shared_data / "basil-dev").glob("08bb9bee-*.json"))
    added = runner.invoke(app, ["add", "--db", db, "--no-check", *map(str, [*seed_paths, *triplet])])
    assert added.exit_code == 0, added.output
    with Library(db) as lib:
        first, second = lib.due()
    shown = runner.invoke(app, ["show", first, "--db", db])
    assert shown.exit_code == 0, shown.output
    _settled(db, bound_s=300)
    with Library(db) as lib:
        assert all(lib.stored_report(lib.story(s)) is not None for s in (first, second))
