"""`storyline compare` end to end, in process: the JSON contract, bad inputs, output files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import SEED_A, SEED_B
from storyline.cli import app
from storyline.jsonschema import validate


@pytest.fixture(scope="module")
def seeds_json(cli: CliRunner) -> dict[str, Any]:
    result = cli.invoke(app, ["compare", str(SEED_A), str(SEED_B), "--format", "json"])
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def test_json_is_a_valid_report_with_sources_in_order(seeds_json: dict[str, Any]) -> None:
    validate(seeds_json, "report")
    assert [s["path"] for s in seeds_json["sources"]] == [str(SEED_A), str(SEED_B)]
    ids = {s["id"] for s in seeds_json["sources"]}
    kinds = {f["kind"] for f in seeds_json["findings"]}
    assert kinds == {"agree", "conflict", "unique"}
    assert all(s["source"] in ids for f in seeds_json["findings"] for s in f["statements"])
    assert all(q["source"] in ids for q in seeds_json["quotes"])


def test_a_bad_file_is_one_line_and_the_rest_compared(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = cli.invoke(app, ["compare", str(missing), str(SEED_A), str(SEED_B), "--format", "json"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"storyline: {missing}: no such file")
    assert len(json.loads(result.stdout)["sources"]) == 2


def test_fewer_than_two_reports_is_an_error(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["compare", str(tmp_path / "gone.txt"), str(SEED_A), "--format", "json"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "at least two readable reports" in lines[1]
    assert result.stdout == ""


def test_markdown_goes_to_a_file(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = cli.invoke(app, ["compare", str(SEED_A), str(SEED_B), "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Geneva" in out.read_text(encoding="utf-8")
