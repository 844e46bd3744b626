"""`storyline annotate` end to end, in process: formats, input errors, and the seed expectations
for quotes and the timeline read from the command's own JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import storyline.annotation
from conftest import EXPECTED_JSON, SEED_A, SEED_B
from storyline.cli import app
from storyline.jsonschema import span_errors, validate

EXPECTED = json.loads((EXPECTED_JSON).read_text(encoding="utf-8"))
SEEDS = {"a": SEED_A, "b": SEED_B}


@pytest.fixture(scope="module")
def cli(nlp: Any) -> Iterator[CliRunner]:
    """A runner whose commands reuse the session's spaCy pipeline instead of loading their own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storyline.annotation, "load_nlp", lambda: nlp)
        yield CliRunner()


@pytest.fixture(scope="module")
def seeds_json(cli: CliRunner) -> list[dict[str, Any]]:
    result = cli.invoke(app, ["annotate", str(SEED_A), str(SEED_B), "--format", "json"])
    assert result.exit_code == 0, result.output
    out: list[dict[str, Any]] = json.loads(result.stdout)
    return out


def norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def test_json_of_one_seed_is_one_valid_object(cli: CliRunner, seeds_json: list[dict[str, Any]]) -> None:
    result = cli.invoke(app, ["annotate", str(SEED_A), "--format", "json"])
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert isinstance(obj, dict)
    validate(obj, "annotated")
    assert span_errors(obj) == []
    assert obj == seeds_json[0]


def test_json_of_several_inputs_is_an_array_in_input_order(seeds_json: list[dict[str, Any]]) -> None:
    assert [Path(a["path"]).name for a in seeds_json] == [SEED_A.name, SEED_B.name]
    validate(seeds_json, "annotated")
    for art in seeds_json:
        assert span_errors(art) == [], art["path"]
        assert art["sentences"], "every article has sentences"


def test_jsonl_prints_one_object_a_line(cli: CliRunner, seeds_json: list[dict[str, Any]]) -> None:
    result = cli.invoke(app, ["annotate", str(SEED_B), str(SEED_A), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [json.loads(x) for x in lines] == [seeds_json[1], seeds_json[0]]


def test_bad_inputs_are_reported_and_the_rest_annotated(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    args = ["annotate", str(missing), str(SEED_A), str(binary), "--format", "json"]
    result = cli.invoke(app, args)
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2, errors
    assert errors[0].startswith(f"storyline: {missing}: ") and errors[1].startswith(f"storyline: {binary}: ")
    assert "Traceback" not in result.output
    arts = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in arts] == [SEED_A.name]


def test_terminal_is_the_default_and_goes_to_a_file(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    result = cli.invoke(app, ["annotate", str(SEED_B), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    shown = out.read_text(encoding="utf-8")
    assert "\x1b[" not in shown, "a file gets no colour codes"
    assert "Putin warns Biden" in shown  # the title
    assert "President Vladimir Putin warned President Joe Biden" in shown  # the text
    assert max(len(line) for line in shown.splitlines()) <= 100


def test_html_page_goes_to_a_file(cli: CliRunner, tmp_path: Path, seeds_json: list[dict[str, Any]]) -> None:
    out = tmp_path / "a.html"
    result = cli.invoke(app, ["annotate", str(SEED_A), str(SEED_B), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<article ") == 2
    marks = len(re.findall(r"<mark [^>]*tabindex", page))
    spans = sum(len(a["quotes"]) + len(a["quantities"]) + len(a["timeline"]) for a in seeds_json)
    assert marks >= spans, "every quote, quantity and date is a focusable mark"


def test_stdin_is_an_input(cli: CliRunner, seeds_json: list[dict[str, Any]]) -> None:
    result = cli.invoke(app, ["annotate", "-", "-f", "json"], input=SEED_B.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout)
    assert obj["text"] == seeds_json[1]["text"] and obj["quotes"] == seeds_json[1]["quotes"]


def test_html_keeps_real_articles_text(cli: CliRunner, shared_data: Path, tmp_path: Path) -> None:
    from test_annotated_render import PageParser

    files = [str(f) for f in sorted((shared_data / "basil-dev").glob("*_*.json"))[:3]]
    page, data = tmp_path / "p.html", tmp_path / "p.jsonl"
    for fmt, out in (("html", page), ("jsonl", data)):
        assert cli.invoke(app, ["annotate", *files, "-f", fmt, "-o", str(out)]).exit_code == 0
    arts = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    assert "".join(parser.texts) == "".join(a["text"] for a in arts)
    focusable = [a for t, a in parser.tags if t == "mark" and "tabindex" in a]
    assert len(focusable) >= sum(len(a["quotes"]) + len(a["timeline"]) for a in arts)


def test_archive_pages_are_annotated_and_skipped_records_counted(cli: CliRunner, tmp_path: Path) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        "<html><head><title>Dam fails after storm</title></head><body><article><p>A dam failed on "
        "Tuesday after three days of rain, the mayor, Ana Ruiz, said. “We lost 40 homes,” she said.</p>"
        "</article></body></html>"
    ).encode()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        url = "https://news.example.com/dam"
        w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        head = [("Content-Type", "text/html; charset=utf-8"), ("Date", "Wed, 05 Jan 2022 10:00:00 GMT")]
        http = StatusAndHeaders("200 OK", head, protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=http))
    result = cli.invoke(app, ["annotate", str(path), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "skipped 1 archive records" in result.stderr
    art = json.loads(result.stdout)  # one input, one article: one object, as `read` prints it
    validate(art, "annotated")
    assert span_errors(art) == []
    assert art["url"] == url and "dam failed" in art["text"].lower()
    assert any("lost 40 homes" in q["text"] for q in art["quotes"])


def test_unwritable_output_is_one_line(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "a.html"
    result = cli.invoke(app, ["annotate", str(SEED_A), "--format", "html", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(out.parent) in result.stderr
    assert "Traceback" not in result.output


def test_python_api_gives_the_same_json(nlp: Any, seeds_json: list[dict[str, Any]]) -> None:
    from storyline.annotation import annotate
    from storyline.reading import read

    assert annotate(read(SEED_A), nlp).to_dict() == seeds_json[0]


# --- acceptance: the seed expectations for quotes and the timeline, in annotate's own output -----


def _by_source(seeds_json: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return next(a for a in seeds_json if Path(a["path"]).name == SEEDS[key].name)


@pytest.mark.parametrize("want", EXPECTED["quotes"], ids=lambda q: f"{q['source']}:{q['text'][:32]}")
def test_seed_quote_and_speaker(seeds_json: list[dict[str, Any]], want: dict[str, Any]) -> None:
    quotes = _by_source(seeds_json, want["source"])["quotes"]
    text = norm(want["text"])
    cands = [
        q
        for q in quotes
        if text in norm(q["text"]) or (len(norm(q["text"])) >= 8 and norm(q["text"]) in text)
    ]
    assert cands, f"quote not found among {[q['text'][:40] for q in quotes]}"
    speakers = [q["speaker"] for q in cands]
    assert any(q and any(w.lower() in q.lower() for w in want["speaker"]) for q in speakers), speakers


@pytest.mark.parametrize("want", EXPECTED["timeline"], ids=lambda t: f"{t['source']}:{t['text']}")
def test_seed_timeline(seeds_json: list[dict[str, Any]], want: dict[str, Any]) -> None:
    timeline = _by_source(seeds_json, want["source"])["timeline"]
    cands = [t for t in timeline if norm(want["text"]).lower() in norm(t["text"]).lower()]
    assert cands, f"expression not in the timeline: {[t['text'] for t in timeline]}"
    got = [(t["start"], t["end"]) for t in cands]
    assert (want["start"], want["end"]) in got, got
