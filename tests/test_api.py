"""The top-level API covers stories and the library as the CLI does, on the bundled seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import storyline
from conftest import EXAMPLES, ROOT, SEED_A, SEED_B
from storyline.cli.library import _stories_terminal


def test_stories_groups_the_seeds_as_the_cli_does(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    found = storyline.group_stories([SEED_A, str(SEED_B)])
    assert [len(s.articles) for s in found] == [2]
    assert {a.path for a in found[0].articles} == {str(SEED_A), str(SEED_B)}
    cli = CliRunner().invoke(app, ["stories", str(SEED_A), str(SEED_B)])
    assert cli.exit_code == 0, cli.output
    assert cli.stdout.strip() == _stories_terminal(found).strip()


def test_stories_raises_an_unreadable_input_unless_on_error_takes_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(storyline.UnreadableInput):
        storyline.group_stories([SEED_A, missing])
    failed: list[storyline.UnreadableInput] = []
    found = storyline.group_stories([SEED_A, missing, SEED_B], on_error=failed.append)
    assert [e.path for e in failed] == [str(missing)]
    assert [len(s.articles) for s in found] == [2]


def test_open_library_refuses_a_missing_file_unless_asked_to_create(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with pytest.raises(storyline.LibraryError, match="no library here"):
        storyline.open_library(db)
    assert not db.exists()
    with storyline.open_library(db, create=True) as lib:
        assert isinstance(lib, storyline.Library)
        assert lib.stories() == []
    with storyline.open_library(db) as lib:  # exists now
        assert lib.stories() == []


def test_library_add_list_show_remove(tmp_path: Path) -> None:
    with storyline.open_library(tmp_path / "news.db", create=True) as lib:
        results = lib.add([EXAMPLES])
        assert [r.status for r in results] == ["created", "created"]
        assert len({r.story_id for r in results}) == 1
        assert [r.status for r in lib.add([SEED_A])] == []  # stored already: nothing filed again
        (summary,) = lib.stories()
        assert summary.articles == 2 and summary.conflicts is not None
        report = lib.report(summary.id)
        assert sum(f.kind == "conflict" for f in report.findings) == summary.conflicts
        assert lib.remove(summary.id) == "story"
        assert lib.stories() == []


def test_import_storyline_loads_no_library_or_model_code() -> None:
    heavy = ["sqlalchemy", "spacy", "onnxruntime", "ray", "fastapi", "storyline.store"]
    code = f"import sys, storyline; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "[]", result.stderr
