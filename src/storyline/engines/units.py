"""The plan of a run: inputs cut into units a worker can read by itself.

A file is one unit; a WARC archive is one unit per HTML response record, found by a scan that
inflates the archive but parses no HTML, and a JSON Lines file on disk one unit per run of lines
(``jsonin.LINES_PER_PART``), found by a scan that parses no JSON: only (path, offset) pairs
travel to workers, never page bytes, and a million-line file is filed as it is read. Records
skipped by design (requests, images...) and a truncated archive's break are reported by the
scan, on the driver, exactly as ``iter_inputs`` reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from storyline.errors import SkippedRecord, UnreadableInput
from storyline.model import Article
from storyline.reading.fetch import is_url
from storyline.reading.inputs import expand_all
from storyline.reading.jsonin import jsonl_parts, looks_like_jsonl, read_jsonl_part
from storyline.reading.sniff import Blob, ReadOptions, read_blob
from storyline.reading.warc import Skipped, WarcPage, iter_warc, read_record_at, sniff_warc
from storyline.reading.warc import page_article as warc_page_article
from storyline.reading.warc import skip_error as warc_skip_error


@dataclass(frozen=True)
class Unit:
    """One input a worker can read alone: a whole blob, one record of an archive on disk, or a
    run of lines of a JSON Lines file on disk (``line`` the first, ``count`` of them)."""

    name: str
    kind: Literal["blob", "warc-record", "jsonl-lines"]
    blob: Blob | None = None
    offset: int = 0
    line: int = 0
    count: int = 0


def plan_units(specs: Sequence[str], options: ReadOptions) -> Iterator[Unit | UnreadableInput]:
    """Units in input order; failures and skipped records yielded in their place."""
    for item in expand_all(specs, options):
        if isinstance(item, UnreadableInput):
            yield item
        elif item.path is not None and sniff_warc(item):
            yield from _warc_units(item)
        elif item.path is not None and looks_like_jsonl(item):
            yield from _jsonl_units(item, options)
        else:
            yield Unit(item.name, "blob", blob=item)


def count_reports(specs: Sequence[str], options: ReadOptions) -> int | None:
    """How many reports the inputs hold, counted by the plan's own scan (a file one, each HTML
    page of a WARC archive one, each line of a JSON Lines file one, a URL or an input that cannot
    be opened one; records skipped by design none), reading no page and parsing nothing; None
    when stdin is among them (it can be read only once)."""
    if "-" in specs:
        return None
    urls = sum(1 for spec in specs if is_url(spec))
    total = 0
    for unit in plan_units([spec for spec in specs if not is_url(spec)], options):
        if isinstance(unit, Unit):
            total += unit.count if unit.kind == "jsonl-lines" else 1
        elif not isinstance(unit, SkippedRecord):
            total += 1
    return urls + total


def units_of(
    specs: Sequence[str], options: ReadOptions, on_error: Callable[[UnreadableInput], None]
) -> Iterator[Unit]:
    """The units alone; failures and skipped records go to ``on_error`` as the plan meets them."""
    for unit in plan_units(specs, options):
        if isinstance(unit, UnreadableInput):
            on_error(unit)
        else:
            yield unit


def _jsonl_units(blob: Blob, options: ReadOptions) -> Iterator[Unit | UnreadableInput]:
    try:
        for offset, line, count in jsonl_parts(blob, options):
            yield Unit(blob.name, "jsonl-lines", blob=blob, offset=offset, line=line, count=count)
    except UnreadableInput as exc:
        yield exc


def _warc_units(blob: Blob) -> Iterator[Unit | UnreadableInput]:
    assert blob.path is not None
    for rec in iter_warc(blob.path):
        if isinstance(rec, Skipped):
            yield warc_skip_error(blob.name, rec)
        elif rec.offset is None:  # an archive gzipped as one stream: records cannot be re-read alone
            yield Unit(blob.name, "blob", blob=blob)
            return
        else:
            yield Unit(
                blob.name,
                "warc-record",
                blob=Blob(name=blob.name, head=b"", path=blob.path),
                offset=rec.offset,
            )


def read_unit(unit: Unit, options: ReadOptions) -> list[Article | UnreadableInput]:
    """Every article in one unit (several for a JSON Lines blob), failures in their place."""
    try:
        if unit.kind == "warc-record":
            assert unit.blob is not None and unit.blob.path is not None
            rec = read_record_at(unit.blob.path, unit.offset)
            if isinstance(rec, WarcPage):
                return [warc_page_article(unit.name, rec, options)]
            return [warc_skip_error(unit.name, rec)]
        assert unit.blob is not None
        if unit.kind == "jsonl-lines":
            return list(read_jsonl_part(unit.blob, options, unit.offset, unit.line, unit.count))
        return list(read_blob(unit.blob, options))
    except UnreadableInput as exc:
        return [exc]
