"""Inputs of every kind, and every bad input the issue lists: one clear error each, others still read."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading import iter_inputs, read

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEED_A = EXAMPLES / "000_c4ff50917423203a.txt"
SEED_B = EXAMPLES / "001_480647fc13891387.txt"
BODY = (
    "The river burst its banks on Sunday night after three days of heavy rain, flooding more than "
    "200 homes in the old town, the fire service said.\n\n"
    "Residents were moved to a school gymnasium, and the army sent 40 soldiers to help build "
    "barriers along the embankment, officials said on Monday."
)
HTML = f"""<!DOCTYPE html><html><head><title>River floods old town</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2023-04-02T08:15:00+02:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River floods old town</h1>
{"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) * 2))}
<p>Rescue boats on the flooded high street (Photo: Jan Novak/Reuters)</p>
</article><footer>Follow us on Twitter</footer></body></html>"""


def unreadable(path: Path) -> UnreadableInput:
    with pytest.raises(UnreadableInput) as info:
        read(path)
    assert info.value.path == str(path)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert "empty" in unreadable(p).reason


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "picture.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert "binary" in unreadable(p).reason


def test_cp1252_and_latin1_are_detected(tmp_path: Path) -> None:
    text = "Café owners in Zürich said the “new rules” were unfair.\n\n" + BODY
    for enc in ("cp1252", "latin-1"):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(
            text.replace("“", '"').replace("”", '"').encode(enc) if enc == "latin-1" else text.encode(enc)
        )
        art = read(p)
        assert "Café owners in Zürich" in art.text
        assert "\ufffd" not in art.text


def test_truncated_gzip(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(HTML.encode())[:-30])
    assert "truncated" in unreadable(p).reason


def test_gzipped_html(tmp_path: Path) -> None:
    p = tmp_path / "page.html.gz"
    p.write_bytes(gzip.compress(HTML.encode()))
    art = read(p)
    assert art.title == "River floods old town"
    assert art.source == "The Valley Courier"
    assert art.published == "2023-04-02T08:15:00+02:00"
    assert "flooding more than 200 homes" in art.text
    assert "Photo: Jan Novak" not in art.text


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        line = (BODY.replace("\n\n", " ") + "\n").encode()
        fh.write(line * (50 * 2**20 // len(line) + 1))
    assert "too large" in unreadable(p).reason


def test_json_without_text(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"title": "A headline", "date": "2021-12-31"}))
    assert "no article text" in unreadable(p).reason


def test_html_with_no_article(tmp_path: Path) -> None:
    p = tmp_path / "nav.html"
    p.write_text("<html><body><nav><a href='/'>Home</a><a href='/x'>Sport</a></nav></body></html>")
    assert "no article text" in unreadable(p).reason


def test_json_fields_and_jsonl_stream(tmp_path: Path) -> None:
    obj = {
        "headline": "River floods old town",
        "articleBody": BODY,
        "datePublished": "2023-04-02T08:15:00Z",
        "publisher": {"name": "The Valley Courier"},
        "author": ["Ann Lee", "Bo Chen"],
        "url": "https://example.org/floods",
    }
    single = tmp_path / "one.json"
    single.write_text(json.dumps(obj))
    art = read(single)
    assert (art.title, art.source, art.byline) == (
        "River floods old town",
        "The Valley Courier",
        "Ann Lee, Bo Chen",
    )
    assert art.published == "2023-04-02T08:15:00+00:00"
    assert art.text == BODY
    lines = tmp_path / "many.jsonl"
    lines.write_text(json.dumps(obj) + "\n" + "{broken\n" + json.dumps({**obj, "headline": "Second"}) + "\n")
    got = list(iter_inputs([str(lines)]))
    assert [type(x) for x in got] == [Article, UnreadableInput, Article]
    assert isinstance(got[1], UnreadableInput) and got[1].path == f"{lines}:2"
    with pytest.raises(UnreadableInput, match="several articles"):
        read(lines)


def test_directories_globs_and_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(SEED_B.read_bytes())
    (tmp_path / "a.txt").write_bytes(SEED_A.read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    got = list(iter_inputs([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "missing.txt")]))
    paths = [x.path for x in got]
    assert paths == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.txt"),
        str(tmp_path / "a.txt"),
        str(tmp_path / "missing.txt"),
    ]
    assert isinstance(got[-1], UnreadableInput)


def test_cli_json_one_object_for_one_input_array_for_several() -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["read", str(SEED_A), "--format", "json"])
    assert one.exit_code == 0
    assert json.loads(one.stdout)["schema"] == "storyline/1"
    two = runner.invoke(app, ["read", str(SEED_A), str(SEED_B), "--format", "json"])
    assert [a["path"] for a in json.loads(two.stdout)] == [str(SEED_A), str(SEED_B)]


def test_cli_reports_each_bad_input_in_one_line_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["read", str(empty), str(SEED_A), "--format", "jsonl", "--source", "X"])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert json.loads(result.stdout)["source"] == "X"
    assert result.stderr.strip() == f"storyline: {empty}: empty file"
    assert "Traceback" not in result.output


def test_user_text_in_an_error_line_is_never_markup(tmp_path: Path) -> None:
    """A path holding rich's markup ("m[/]bad.txt") is printed as written; the run goes on."""
    folder = tmp_path / "m["
    folder.mkdir()
    bad = folder / "]bad.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(app, ["read", str(bad), str(SEED_A), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"storyline: {bad}: empty file"
    assert json.loads(result.stdout)["path"] == str(SEED_A)


def test_json_nested_too_deep_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    lines = tmp_path / "deep.jsonl"
    lines.write_text('{"text": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + json.dumps({"text": BODY}) + "\n")
    result = CliRunner().invoke(app, ["read", str(deep), str(lines), str(SEED_A), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"storyline: {deep}: JSON nested too deep" in result.stderr
    assert f"storyline: {lines}:1: JSON nested too deep" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 2  # the good JSON line and the seed
    assert "Traceback" not in result.output


def test_a_lone_surrogate_escape_is_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text('{"title": "Floods \\ud800 rise", "text": ' + json.dumps(BODY)[:-1] + ' \\udfff"}')
    result = CliRunner().invoke(app, ["read", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Floods \ufffd rise"


def test_gzip_nested_deep_is_refused(tmp_path: Path) -> None:
    data = BODY.encode()
    for _ in range(50):
        data = gzip.compress(data, compresslevel=1)
    path = tmp_path / "nested.txt.gz"
    path.write_bytes(data)
    assert "nested more than" in unreadable(path).reason


def test_every_gzip_member_counts_against_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bomb cut into members expands no further than one member may."""
    from storyline.reading import decode

    monkeypatch.setattr(decode, "MAX_DECOMPRESSED", 1_000_000)
    member = gzip.compress(b"\0" * 600_000)
    path = tmp_path / "multi.txt.gz"
    path.write_bytes(member * 3)
    assert "expands past" in unreadable(path).reason
    two = tmp_path / "two.txt.gz"  # two members within the limit are one text
    two.write_bytes(gzip.compress(BODY.encode()) + gzip.compress(b"\n\nMore text followed on Monday."))
    assert read(two).text.endswith("More text followed on Monday.")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = CliRunner().invoke(app, ["read", str(fifo), str(SEED_A), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"storyline: {fifo}: not a regular file (a FIFO, socket or device)"
    assert json.loads(result.stdout)["path"] == str(SEED_A)


def test_stdin_is_read() -> None:
    result = CliRunner().invoke(app, ["read", "-", "--format", "json"], input=SEED_B.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["path"] == "<stdin>"


def test_newsapi_style_fields() -> None:
    obj = {"source": {"id": None, "name": "BBC News"}, "author": None, "title": "Floods", "content": BODY}
    art = read(json.dumps({**obj, "publishedAt": "2021-12-31T10:00:00Z"}).encode(), name="n.json")
    assert (art.source, art.published, art.byline) == ("BBC News", "2021-12-31T10:00:00+00:00", None)


def test_json_body_with_markup_becomes_paragraphs() -> None:
    body = (
        "<p>The river burst its banks on <a href='/x'>Sunday</a> night.</p><p>Residents &amp; pets left.</p>"
    )
    art = read(json.dumps({"title": "Floods", "content": body}).encode(), name="feed.json")
    assert art.text == "The river burst its banks on Sunday night.\n\nResidents & pets left."
    assert art.path == "feed.json"


def test_every_format_follows_the_json_contract(tmp_path: Path) -> None:
    from storyline.jsonschema import validate

    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"title": "Floods", "text": BODY, "date": "2023-04-02"}), encoding="utf-8")
    for path in (SEED_A, SEED_B, page, feed):
        art = read(path)
        validate(art.to_dict(), "article")
        assert dict(art.meta)["format"] in {"pasted text", "html", "json"}
