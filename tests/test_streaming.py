"""Inputs of any length are read in pieces: JSON Lines planned as runs of lines, standard input
spooled past one document's limit, annotation consuming its input as it goes."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.engines.units import plan_units, read_unit
from storyline.errors import UnreadableInput
from storyline.model import Article
from storyline.reading import iter_inputs
from storyline.reading.inputs import stdin_blob
from storyline.reading.jsonin import LINES_PER_PART, jsonl_parts, read_jsonl_part
from storyline.reading.sniff import Blob, ReadOptions

SENTENCE = "Mayor Ana Ruiz said on Tuesday that the bridge will reopen after {n} months."


def _jsonl(path: Path, n: int, *, extra: dict[int, str] | None = None) -> Path:
    lines = [json.dumps({"title": f"Bridge {i}", "text": SENTENCE.format(n=i)}) for i in range(1, n + 1)]
    for at, line in (extra or {}).items():
        lines[at - 1] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _described(items: list[Any]) -> list[tuple[str, str]]:
    return [
        ("error", f"{x.path}: {x.reason}") if isinstance(x, UnreadableInput) else ("article", x.text)
        for x in items
    ]


def test_jsonl_parts_read_like_the_whole_file(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "x" * 5000})
    path = _jsonl(tmp_path / "news.jsonl", 30, extra={4: "", 9: "{not json", 17: long_line})
    options = ReadOptions(max_bytes=2000)
    blob = Blob.from_path(path)
    parts = list(jsonl_parts(blob, options))
    assert [first for _, first, _ in parts] == list(range(1, 31, LINES_PER_PART))
    assert sum(count for *_, count in parts) == 30
    pieces = [x for off, first, count in parts for x in read_jsonl_part(blob, options, off, first, count)]
    whole = list(iter_inputs([str(path)], options=options))
    assert _described(pieces) == _described(whole)
    errors = [x for x in pieces if isinstance(x, UnreadableInput)]
    assert [e.path for e in errors] == [f"{path}:9", f"{path}:17"]
    assert "invalid JSON" in errors[0].reason and "longer than" in errors[1].reason
    assert sum(isinstance(x, Article) for x in pieces) == 27  # 30 lines, one blank, two refused


def test_a_jsonl_file_is_planned_as_runs_of_lines(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "news.jsonl", 20)
    units = list(plan_units([str(path)], ReadOptions()))
    assert all(u.kind == "jsonl-lines" for u in units)  # type: ignore[union-attr]
    assert len(units) == -(-20 // LINES_PER_PART)
    read = [a for u in units for a in read_unit(u, ReadOptions())]  # type: ignore[arg-type]
    assert [a.title for a in read] == [f"Bridge {i}" for i in range(1, 21)]  # type: ignore[union-attr]
    assert read[4].path == f"{path}:5"  # type: ignore[union-attr]


def test_stdin_past_the_limit_is_spooled_not_held(tmp_path: Path) -> None:
    small = stdin_blob(io.BytesIO(b'{"text": "One line."}\n'), limit=1000)
    assert small.data is not None and small.path is None
    data = _jsonl(tmp_path / "in.jsonl", 50).read_bytes()
    big = stdin_blob(io.BytesIO(data), limit=1000)
    assert big.data is None and big.path is not None and big.name == "<stdin>"
    assert big.path.read_bytes() == data
    from storyline.reading.sniff import read_blob

    assert len(list(read_blob(big, ReadOptions(max_bytes=1000)))) == 50


def test_annotation_consumes_its_input_as_it_goes(nlp: Any) -> None:
    """Annotated articles come out before the input ends: the input here fails after 400 articles
    and the first ones are out before it is read to the end (a million-line file is not held
    whole; two worker processes read a few batches ahead)."""
    from storyline.cli.annotate import annotate_all

    seen: list[str] = []

    def articles() -> Iterator[Article]:
        for i in range(400):
            seen.append(str(i))
            yield Article(id=str(i), text=SENTENCE.format(n=i))
        raise RuntimeError("input ended badly")

    out = annotate_all(articles())
    first = [next(out).id for _ in range(3)]
    assert first == ["0", "1", "2"]
    assert len(seen) < 400  # not everything was read before the first result came out
    with pytest.raises(RuntimeError):
        list(out)
