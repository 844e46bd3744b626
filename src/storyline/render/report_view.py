"""What every report renderer shows, computed once from a Report: plain data the renderers lay out.

The order is the issue's: brief, conflicts, each source's unique additions ranked, agreements, quotes
grouped by speaker (``quote_view``), the merged timeline. Renderers differ only in layout, so the
choices (which source gets which letter, how findings rank, how a date reads) live here, in one
place, and the terminal, Markdown and HTML views of a report never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from storyline.model import Finding, Report, SourceRef, TimelineEntry

LONG_FILE_NAME = 12  # characters: a file name longer than this is cited by its letter ("[A]")
UNIQUE_HUES = (38, 88)  # the yellows the HTML keeps for what only one source says


@dataclass(frozen=True)
class SourceLabel:
    """How a source is named on screen: a short letter for citations and its outlet name."""

    id: str
    letter: str
    name: str
    index: int
    ref: SourceRef
    # the name is a long file name (no outlet known): running text says "[A]", the legend maps it
    abbreviated: bool = False

    @property
    def short(self) -> str:
        """What running text calls the source: its outlet, or its letter for a long file name."""
        return f"[{self.letter}]" if self.abbreviated else self.name


@dataclass(frozen=True)
class TimelineRow:
    """Entries of all sources that fall on one interval; ``conflict`` when any is in a date conflict."""

    start: str | None
    end: str | None
    label: str
    entries: tuple[TimelineEntry, ...]
    conflict: bool
    written: tuple[TimelineEntry, ...] = ()  # each source's wording once ("[A] Thursday", not twice)


@dataclass(frozen=True)
class Sections:
    conflicts: tuple[Finding, ...]
    unique: tuple[tuple[SourceLabel, tuple[Finding, ...]], ...]
    agreements: tuple[Finding, ...]
    to_check: tuple[Finding, ...] = ()  # possible conflicts too unsure to state, surest first
    below_floor: int = 0  # possible conflicts below the fitted floor, not listed (``floor_note``)


def letter(index: int) -> str:
    """A, B, … Z, then AA, AB …: short enough to cite inline."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def source_labels(report: Report) -> dict[str, SourceLabel]:
    """One label per source id, in the order the sources were given."""
    out: dict[str, SourceLabel] = {}
    for i, ref in enumerate(report.sources):
        stem = PurePath(ref.path).stem if ref.path else None
        name = ref.source or stem or ref.title or ref.id[:8]
        long_file = name == stem and len(name) > LONG_FILE_NAME
        out[ref.id] = SourceLabel(ref.id, letter(i), name, i, ref, long_file)
    return out


def plain_summaries(report: Report, labels: dict[str, SourceLabel]) -> dict[str, str]:
    """Each finding's summary (the findings and those to check), by finding id, with each long
    file name (a source without an outlet is named by its file) replaced by the source's letter,
    which the report's legend maps back."""
    from storyline.crosscheck.report import outlet_names  # what the summaries called each source

    said = outlet_names(report.sources)
    swaps = sorted(
        ((said[lab.index], lab.short) for lab in labels.values() if lab.abbreviated),
        key=lambda pair: -len(pair[0]),
    )
    out = {}
    for f in (*report.findings, *report.to_check):
        text = f.summary
        for name, short in swaps:
            text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w])", short, text)
        out[f.id] = text
    return out


def source_hue(index: int) -> int:
    """A hue per source for chips and timeline marks, far apart for the first few sources."""
    return (205 + index * 137) % 360


def finding_hues(findings: Sequence[Finding]) -> dict[str, int]:
    """A hue per finding that aligns statements across sources. Golden-angle steps keep neighbours
    apart; yellows are skipped, as they belong to the statements only one source makes."""
    out: dict[str, int] = {}
    step = 0
    for f in findings:
        if f.kind == "unique":
            continue
        hue = int(200 + step * 137.508) % 360
        while UNIQUE_HUES[0] <= hue <= UNIQUE_HUES[1]:
            step += 1
            hue = int(200 + step * 137.508) % 360
        out[f.id] = hue
        step += 1
    return out


def sections(report: Report, labels: dict[str, SourceLabel]) -> Sections:
    """Findings split by kind: conflicts as the engine ordered them, unique ranked per source,
    agreements by how many independent sources back them."""
    conflicts = tuple(f for f in report.findings if f.kind == "conflict")
    agree = sorted(
        (f for f in report.findings if f.kind == "agree"),
        key=lambda f: (-f.independent, -len({s.source for s in f.statements})),
    )
    per_source: dict[str, list[Finding]] = {sid: [] for sid in labels}
    for f in report.findings:
        if f.kind == "unique" and f.statements:
            per_source.setdefault(f.statements[0].source, []).append(f)
    unique = tuple(
        (labels[sid], tuple(sorted(found, key=lambda f: -f.score)))
        for sid, found in per_source.items()
        if found and sid in labels
    )
    to_check = tuple(sorted(report.to_check, key=lambda f: -f.confidence))
    return Sections(conflicts, unique, tuple(agree), to_check, len(report.below_floor))


def check_score(f: Finding) -> str:
    """A to-check item's score as shown: its confidence, and "unproven" for a conflict the parse
    shows no proof of (``Finding.proven``): a sure-looking 0.95 is listed to check for that reason."""
    return f"{f.confidence:.2f}" + ("" if f.proven else " unproven")


def floor_note(n: int) -> str:
    """The line that says the "to check" list stops at a floor, and how to see past it."""
    return f"{n} weaker difference{'s' if n != 1 else ''} not shown; --all shows {'them' if n != 1 else 'it'}"


def wire_copies(labels: dict[str, SourceLabel]) -> list[tuple[SourceLabel, SourceLabel]]:
    """(copy, original) pairs: outlets that ran the same wire text count once."""
    return [
        (lab, labels[lab.ref.copy_of])
        for lab in labels.values()
        if lab.ref.copy_of and lab.ref.copy_of in labels
    ]


def split_marks(text: str, marks: Sequence[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, marked) runs, marking the first occurrence of each of ``marks``:
    the compared value inside its sentence, so the eye finds it."""
    spans = []
    for mark in marks:
        at = text.find(mark) if mark else -1
        if at >= 0:
            spans.append((at, at + len(mark)))
    runs: list[tuple[str, bool]] = []
    pos = 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        if s > pos:
            runs.append((text[pos:s], False))
        runs.append((text[s:e], True))
        pos = e
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs


# --- values --------------------------------------------------------------------------------------


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_label(start: str | None, end: str | None) -> str:
    """An interval as a reader says it: "9–10 Jan 2022", "Jun 2021", "Jan–Apr 2022", "2014"."""
    s, e = _iso_day(start), _iso_day(end or start)
    if s is None or e is None:
        return start or "undated"
    if s == e:
        return f"{s.day} {s:%b %Y}"
    if s.day == 1 and (e + timedelta(days=1)).day == 1:  # whole months
        return _months_label(s, e)
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {s:%b %Y}"
    if s.year == e.year:
        return f"{s.day} {s:%b} – {e.day} {e:%b %Y}"
    return f"{s.day} {s:%b %Y} – {e.day} {e:%b %Y}"


def _months_label(s: date, e: date) -> str:
    if (s.month, e.month) == (1, 12):
        return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s:%b %Y}"
    if s.year == e.year:
        return f"{s:%b}–{e:%b %Y}"
    return f"{s:%b %Y} – {e:%b %Y}"


def _num(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return f"{x:,}" if isinstance(x, int | float) else str(x)


def value_label(value: Any) -> str:
    """A normalised value in words: an interval as dates, a number with its unit and bounds."""
    if isinstance(value, list | tuple) and len(value) == 2 and all(_iso_day(v) for v in value):
        return date_label(str(value[0]), str(value[1]))
    if isinstance(value, dict):
        if "start" in value and _iso_day(value.get("start")):
            return date_label(value.get("start"), value.get("end"))
        if "value" in value:
            return _number_label(value)
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return "" if value is None else _num(value)


def _number_label(value: dict[str, Any]) -> str:
    low, high, unit = value.get("low"), value.get("high"), value.get("unit")
    core = _num(value["value"])
    if low is not None and high is not None and low != high:
        core = f"{_num(low)}–{_num(high)}"
    elif low is None and high is not None:
        core = f"≤ {_num(high)}"
    elif high is None and low is not None:
        core = f"≥ {_num(low)}"
    return f"{core} {unit}" if unit else core


# --- timeline ----------------------------------------------------------------------------------


def timeline_rows(report: Report) -> list[TimelineRow]:
    """Entries of every source merged on their interval, in date order; undated ones last."""
    rows: dict[tuple[str | None, str | None], list[TimelineEntry]] = {}
    for t in report.timeline:
        rows.setdefault((t.start, t.end), []).append(t)
    ordered = sorted(rows, key=lambda k: (k[0] is None, k[0] or "", k[1] or ""))
    out = []
    for s, e in ordered:
        entries = rows[(s, e)]
        conflict = any(t.conflict for t in entries)
        out.append(TimelineRow(s, e, date_label(s, e), tuple(entries), conflict, _written(entries)))
    return out


def _written(entries: list[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    """One entry per source and wording, a conflicting one first: a source that says "Thursday"
    four times, or "next month" and "the next month", is cited once."""
    first: dict[tuple[str, str], TimelineEntry] = {}
    for t in sorted(entries, key=lambda t: not t.conflict):
        first.setdefault((t.source, wording_key(t.text)), t)
    return tuple(sorted(first.values(), key=entries.index))


def wording_key(text: str) -> str:
    """A time expression's wording, less case, spacing and a leading article: "the next month" and
    "next month" name one month the same way."""
    words = text.casefold().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def event_words(t: TimelineEntry) -> str:
    """What a timeline entry dates, in words: the event phrase, else its head word, else the date."""
    return (t.what or t.event or t.text).strip()


def events_of(row: TimelineRow) -> list[str]:
    """The distinct events a row's entries name, in order (each once, whatever its case)."""
    seen: dict[str, str] = {}
    for t in row.entries:
        words = event_words(t)
        seen.setdefault(" ".join(words.casefold().split()), words)
    return list(seen.values())
