"""The command line behaves the way Python and Unix users expect: readable help, quiet exits on a
closed pipe, plain text on a pipe, libraries never created by a typo, one line for a missing extra."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED_A, SEED_B
from storyline.cli import app

runner = CliRunner()
COMMANDS = [
    "read",
    "annotate",
    "compare",
    "stories",
    "add",
    "list",
    "show",
    "remove",
    "export",
    "changes",
    "serve",
]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ENV.pop("STORYLINE_DB", None)


def storyline(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``python -m storyline ARGS`` from this source tree, output captured through pipes."""
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], capture_output=True, text=True, env=ENV, **kwargs
    )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_reads_like_a_click_tool(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "<bool>" not in text and "<str>" not in text and "list[" not in text
    assert not re.search(r"\{\w+\}", text), "typer's {paths} placeholders"
    assert not [line for line in text.splitlines() if line != line.rstrip()], "trailing spaces"
    assert not re.search(r"[╭│╰]", text), "boxes"
    if command:
        assert re.search(rf"^Usage: storyline {command} \[OPTIONS\]", text, re.M)


def test_help_keeps_format_choices_whole_and_names_placeholders() -> None:
    text = runner.invoke(app, ["compare", "--help"]).stdout
    assert "-f, --format [terminal|markdown|json|html]" in text
    assert "-o, --output FILE" in text
    assert "Usage: storyline compare [OPTIONS] FILE..." in text
    listing = runner.invoke(app, ["list", "--help"]).stdout
    assert "--db PATH|URL" in listing and "STORYLINE_DB" in listing
    top = runner.invoke(app, ["--help"]).stdout
    assert "..." not in top.split("Commands:")[1], "a command's summary cut short"


def test_python_dash_m_gives_the_version_from_the_package_metadata() -> None:
    result = storyline("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"storyline {importlib.metadata.version('storyline')}"


@pytest.mark.parametrize(
    "args",
    [
        ["read", str(SEED_A)],
        ["read", "--format", "jsonl", str(SEED_A), str(SEED_B)],
        ["compare", str(SEED_A), str(SEED_B)],
    ],
    ids=["read", "read-jsonl", "compare"],
)
def test_a_closed_pipe_ends_quietly_with_status_0(args: list[str]) -> None:
    """`storyline ... | head`: the reader has gone before anything is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


@pytest.mark.parametrize(
    "args",
    [["compare", str(SEED_A), str(SEED_B)], ["annotate", str(SEED_B)]],
    ids=["compare", "annotate"],
)
def test_no_colour_codes_or_trailing_spaces_on_a_pipe(args: list[str]) -> None:
    result = storyline(*args)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stdout
    assert len(result.stdout) > 500
    padded = [line for line in result.stdout.splitlines() if line != line.rstrip()]
    assert not padded, padded[:3]


def test_no_progress_line_when_stderr_is_not_a_terminal() -> None:
    result = storyline("stories", str(SEED_A), str(SEED_B))
    assert result.returncode == 0
    assert "reports" in result.stdout
    assert result.stderr == ""


LIBRARY_READERS = [
    ["list"],
    ["show", "abc123"],
    ["remove", "abc123"],
    ["export"],
    ["changes"],
    ["serve", "--port", "0"],
]


@pytest.mark.parametrize("args", LIBRARY_READERS, ids=lambda a: a[0])
def test_a_mistyped_db_is_refused_not_created(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"storyline: {db}: {_no_library()}"]
    assert not db.exists()


@pytest.mark.parametrize("args", LIBRARY_READERS, ids=lambda a: a[0])
def test_storyline_db_is_honoured_by_every_library_command(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "from-env.db"
    result = runner.invoke(app, args, env={"STORYLINE_DB": str(db)})
    assert result.exit_code == 2
    assert str(db) in result.stderr and "no library" in result.stderr


def test_add_creates_the_library_storyline_db_names(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["add", str(tmp_path / "nothing.txt")], env={"STORYLINE_DB": str(db)})
    assert result.exit_code == 1  # the one input is missing
    assert db.exists()
    listed = runner.invoke(app, ["list"], env={"STORYLINE_DB": str(db)})
    assert listed.exit_code == 0 and "no stories" in listed.stdout


def _no_library() -> str:
    return "no library here (`storyline add PATH... --db FILE` creates one)"


def test_output_file_is_named_on_stderr_unless_quiet(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    said = runner.invoke(app, ["read", str(SEED_A), "--format", "json", "-o", str(out)])
    assert said.exit_code == 0 and said.stdout == ""
    assert re.fullmatch(rf"storyline: wrote {re.escape(str(out))} \([\d,]+ bytes\)\n", said.stderr)
    quiet = runner.invoke(app, ["--quiet", "read", str(SEED_A), "--format", "jsonl", "-o", str(out)])
    assert quiet.exit_code == 0 and quiet.stderr == "" and out.read_text().count("\n") == 1


def test_verbose_shows_the_debug_log_with_its_module(tmp_path: Path) -> None:
    args = ["compare", str(SEED_A), str(tmp_path / "missing.txt")]
    verbose = runner.invoke(app, ["--verbose", *args]).stderr
    assert "storyline.cli: inputs: 2; articles read: 1; failed: 1" in verbose
    assert "articles read" not in runner.invoke(app, args).stderr


def test_read_of_a_missing_file_prints_nothing_on_stdout(tmp_path: Path) -> None:
    result = runner.invoke(app, ["read", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"storyline: {tmp_path / 'missing.txt'}: no such file or directory\n"


def test_compare_names_a_repeated_input_and_counts_what_it_read(tmp_path: Path) -> None:
    twice = runner.invoke(app, ["compare", str(SEED_A), str(SEED_A)])
    assert twice.exit_code == 2
    assert f"storyline: {SEED_A}: given twice; it is compared once" in twice.stderr
    missing = tmp_path / "missing.txt"
    one = runner.invoke(app, ["compare", str(SEED_A), str(missing)])
    assert one.exit_code == 2
    assert one.stderr.splitlines() == [
        f"storyline: {missing}: no such file or directory",
        "storyline: compare needs at least two readable reports; read 1 from 2 inputs",
    ]


BLOCK = "import sys; sys.modules.update({{m: None for m in {mods!r}}}); sys.argv[0] = 'storyline'; "
RUN = "from storyline.cli import main; sys.argv[1:] = {args!r}; main()"


@pytest.mark.parametrize(
    ("blocked", "args", "extra"),
    [
        (["fastapi", "uvicorn"], ["serve"], "web"),
        (["ray"], ["stories", str(SEED_A), "--engine", "ray"], "ray"),
        (["psycopg"], ["list", "--db", "postgresql://nobody@127.0.0.1:1/none"], "postgres"),
    ],
    ids=["web", "ray", "postgres"],
)
def test_a_missing_extra_is_one_line_naming_it(blocked: list[str], args: list[str], extra: str) -> None:
    """The module is made unimportable (``sys.modules[name] = None``), as if the extra were absent."""
    code = BLOCK.format(mods=blocked) + RUN.format(args=args)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("storyline: ") and f"pip install 'storyline[{extra}]'" in lines[0]


def test_the_core_commands_import_no_extra() -> None:
    """read, annotate and compare never import Ray, the PostgreSQL driver or the web stack."""
    extras = ["ray", "psycopg", "fastapi", "starlette", "uvicorn", "python_multipart", "pandas", "pyarrow"]
    code = (
        "import sys; from storyline.cli import main; sys.argv[1:] = ['--help']\n"
        "try: main()\nexcept SystemExit: pass\n"
        f"print(sorted(m for m in {extras!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


@pytest.mark.slow
def test_core_install_in_a_fresh_environment() -> None:
    """CI (`.ci/run`) sets STORYLINE_TEST_CORE_INSTALL: `pip install .` with no extras into a new
    virtual environment, then read, annotate and compare on the examples (needs the package index)."""
    if not os.environ.get("STORYLINE_TEST_CORE_INSTALL"):
        pytest.skip("set STORYLINE_TEST_CORE_INSTALL=1 to install the core package from the index")
    result = subprocess.run(
        [str(ROOT / "scripts" / "core-install-check")], capture_output=True, text=True, timeout=3600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "read, annotate and compare work" in result.stdout
