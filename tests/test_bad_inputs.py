"""A corpus of bad inputs, made small in tmp_path, run through the real command line with a good
report after them: each refused input is one stderr line naming it, inputs that are real articles
in an unusual dress are read, nothing prints a traceback, and the good report is always read."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from test_warc import rewrite_length, write_warc

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ENV.pop("STORYLINE_DB", None)

GOOD = (
    "A dam failed on Tuesday after three days of heavy rain, officials said, forcing thousands of"
    " residents to leave their homes.\n\nRescue workers were searching for missing people, and no"
    " deaths had been reported by the evening, the regional governor told reporters."
)
CHINESE = (
    "北京时间周二凌晨，一座水坝在连续三天暴雨后决堤，当地官员表示已有数千名居民被疏散。\n\n"
    "救援人员正在现场搜寻失踪者，目前尚无人员伤亡的报告。省政府已启动紧急预案。"
)


def _bomb() -> bytes:
    """A gzip that would expand past the 100 MB limit, made without holding the expansion."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    return b"".join([*(z.compress(zeros) for _ in range(110)), z.flush()])


def _nested_gzip(layers: int) -> bytes:
    data = GOOD.encode()
    for _ in range(layers):
        data = gzip.compress(data)
    return data


def _short_length_warc(tmp: Path) -> bytes:
    data = write_warc(tmp / "source.warc", 3, gz=False).read_bytes()
    return rewrite_length(data, 5, lambda n: str(n - 150).encode())


def _xhtml() -> bytes:
    body = "".join(f"<p>{p}</p>" for p in GOOD.split("\n\n"))
    return (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>Dam fails</title></head><body>{body}<p>Caf\u00e9 owners helped.</p></body></html>"
    ).encode("latin-1")


@dataclass(frozen=True)
class Case:
    """One bad input: its file name, how to make its bytes, and the problem it must be refused
    with (``None``: it is a real article and must be read)."""

    name: str
    make: Callable[[Path], bytes]
    problem: str | None
    text: str = "dam failed"  # what its article holds, when it is read


CASES = [
    Case("empty.txt", lambda t: b"", "empty file"),
    Case("binary.bin", lambda t: bytes(range(256)) * 8, "binary data"),
    Case("latin1.json", lambda t: '{"text": "Caf\u00e9 owners said"}'.encode("latin-1"), "invalid JSON"),
    Case("cp1252.txt", lambda t: (GOOD + " \u201cWe lost everything.\u201d").encode("cp1252"), None),
    Case("truncated.txt.gz", lambda t: gzip.compress(GOOD.encode() * 20)[:200], "truncated gzip"),
    Case("bomb.txt.gz", lambda t: _bomb(), "expands past"),
    Case("nested.txt.gz", lambda t: _nested_gzip(6), "nested more than"),
    Case("deep.json", lambda t: b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
    Case(
        "surrogate.json",
        lambda t: json.dumps({"text": GOOD + " \\ud800"}).encode().replace(b"\\\\", b"\\"),
        None,
    ),
    Case("m[/]bad.txt", lambda t: b"\x00\x01\x02" * 100, "binary data"),
    Case("short.warc", _short_length_warc, "corrupt record <urn:uuid:"),
    Case("utf16le.txt", lambda t: GOOD.encode("utf-16-le"), None),
    Case("utf16be.html", lambda t: f"<html><body><p>{GOOD}</p></body></html>".encode("utf-16-be"), None),
    Case("utf16bom.txt", lambda t: codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), None),
    Case("decl.xhtml", lambda t: _xhtml(), None, "Café owners"),
    Case("deep.html", lambda t: ("<div>" * 3000 + f"<p>{GOOD}</p>" + "</div>" * 3000).encode(), None),
    Case("unclosed.html", lambda t: ("<html><body>" + "<div><span>" * 2000 + GOOD).encode(), None),
    Case("deepbody.json", lambda t: json.dumps({"text": "<div>" * 3000 + f"<p>{GOOD}</p>"}).encode(), None),
    Case("markup.json", lambda t: b'{"text": "<div><p> </p></div>"}', "markup with no words"),
    Case("brace.txt", lambda t: ("{Updated} " + GOOD).encode(), None),
    Case("footnote.txt", lambda t: ("[1] " + GOOD).encode(), None),
    Case("chinese.txt", lambda t: CHINESE.encode(), None, "水坝"),
]


def storyline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storyline", *args], capture_output=True, text=True, env=ENV, timeout=120
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for case in CASES:
        (folder / case.name).parent.mkdir(exist_ok=True)  # "m[/]bad.txt" is ]bad.txt in m[
        (folder / case.name).write_bytes(case.make(folder))
    (folder / "source.warc").unlink()
    (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def run(corpus: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, dict[str, object]]]:
    """One ``read`` of every bad input in turn, the good report last."""
    fifo = corpus / "fifo.txt"
    os.mkfifo(fifo)
    paths = [str(corpus / c.name) for c in CASES] + [str(fifo), str(corpus / "zz-good.txt")]
    result = storyline("read", *paths, "--format", "jsonl")
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    return result, {Path(str(a["path"]).split(" ")[0]).name: a for a in articles}


def test_no_traceback_and_the_good_report_is_read(run: tuple[subprocess.CompletedProcess[str], dict]) -> None:
    result, articles = run
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1  # some inputs were refused
    assert "zz-good.txt" in articles and "dam failed" in articles["zz-good.txt"]["text"]
    assert any("fifo.txt: not a regular file" in line for line in result.stderr.splitlines())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_input_is_refused_in_one_line_or_read(
    case: Case, run: tuple[subprocess.CompletedProcess[str], dict]
) -> None:
    result, articles = run
    lines = [line for line in result.stderr.splitlines() if f"{case.name}:" in line]
    if case.problem is None:
        assert case.name in articles, result.stderr
        assert case.text in str(articles[case.name]["text"])
        assert not [line for line in lines if "written in Chinese" not in line]
    else:
        assert len(lines) == 1, result.stderr
        assert case.problem in lines[0]


def test_the_warc_records_after_a_corrupt_one_are_read(
    run: tuple[subprocess.CompletedProcess[str], dict],
) -> None:
    result, _ = run
    urls = {json.loads(line)["url"] for line in result.stdout.splitlines()}
    assert {"https://news.example.com/story-0", "https://news.example.com/story-2"} <= urls


def test_chinese_is_read_with_one_line_saying_annotation_is_english_only(
    run: tuple[subprocess.CompletedProcess[str], dict],
) -> None:
    result, _ = run
    lines = [line for line in result.stderr.splitlines() if "chinese.txt" in line]
    assert len(lines) == 1 and "English only" in lines[0]


def test_articles_in_an_unusual_dress_exit_zero(corpus: Path) -> None:
    read = [c.name for c in CASES if c.problem is None and c.name != "chinese.txt"]
    result = storyline("read", *(str(corpus / n) for n in read), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(read)
    assert result.stderr == ""


def test_annotate_goes_on_past_bad_inputs(corpus: Path) -> None:
    names = ["binary.bin", "m[/]bad.txt", "deep.json", "short.warc"]
    names += ["chinese.txt", "utf16le.txt", "zz-good.txt"]
    result = storyline("annotate", *(str(corpus / n) for n in names), "--format", "json")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1
    for name in names[:3]:
        assert sum(f"{name}:" in line for line in result.stderr.splitlines()) == 1, result.stderr
    annotated = {Path(a["path"].split(" ")[0]).name for a in json.loads(result.stdout)}
    assert {"chinese.txt", "utf16le.txt", "zz-good.txt"} <= annotated


GOOD_2 = (
    "The dam gave way on Tuesday after three days of rain, the regional governor said, and thousands"
    " of people left their homes.\n\nNo deaths had been reported by Tuesday evening, officials said."
)


@pytest.mark.parametrize("command", ["add", "compare"])
def test_add_and_compare_go_on_past_every_refused_input(corpus: Path, tmp_path: Path, command: str) -> None:
    """Every input the reader refuses, then two good reports: one line for each refused input,
    status 1, no traceback, and both good reports filed or compared."""
    refused = [c.name for c in CASES if c.problem]
    (tmp_path / "good-2.txt").write_text(GOOD_2, encoding="utf-8")
    good = [str(corpus / "zz-good.txt"), str(tmp_path / "good-2.txt")]
    inputs = [str(corpus / n) for n in refused] + good
    if command == "add":
        result = storyline("add", *inputs, "--db", str(tmp_path / "lib.db"))
    else:
        result = storyline("compare", *inputs, "--format", "json")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    for name in refused:
        assert sum(f"{name}:" in line for line in lines) == 1, (name, result.stderr)
    if command == "add":
        listed = storyline("export", "--db", str(tmp_path / "lib.db"))
        paths = [json.loads(row)["path"] for row in listed.stdout.splitlines()]
        assert {Path(p).name for p in paths} >= {"zz-good.txt", "good-2.txt"}, listed.stderr
    else:
        sources = [Path(s["path"]).name for s in json.loads(result.stdout)["sources"]]
        assert {"zz-good.txt", "good-2.txt"} <= set(sources)
