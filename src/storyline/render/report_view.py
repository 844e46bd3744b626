"""What every report renderer shows, computed once from a Report: plain data the renderers lay out.

The order is the issue's: brief, conflicts, each source's unique additions ranked, agreements, quotes
grouped by speaker, the merged timeline. Renderers differ only in layout, so the choices (which
source gets which letter, how findings rank, which quotes are one remark) live here, in one place,
and the terminal, Markdown and HTML views of a report never disagree.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import PurePath
from typing import Any

from rapidfuzz import fuzz

from storyline.model import Finding, QuoteOccurrence, Report, SourceRef, TimelineEntry

SAME_REMARK = 70  # rapidfuzz token_set_ratio at or above which two quotes of a speaker are one remark
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’.,;:!?()[]—–-…"


@dataclass(frozen=True)
class SourceLabel:
    """How a source is named on screen: a short letter for citations and its outlet name."""

    id: str
    letter: str
    name: str
    index: int
    ref: SourceRef


@dataclass(frozen=True)
class Remark:
    """One remark of a speaker as each source quotes it; ``differs`` when the wordings are not one."""

    occurrences: tuple[QuoteOccurrence, ...]
    differs: bool


@dataclass(frozen=True)
class SpeakerGroup:
    speaker: str
    key: str | None
    remarks: tuple[Remark, ...]


@dataclass(frozen=True)
class TimelineRow:
    """Entries of all sources that fall on one interval; ``conflict`` when any is in a date conflict."""

    start: str | None
    end: str | None
    label: str
    entries: tuple[TimelineEntry, ...]
    conflict: bool


@dataclass(frozen=True)
class Sections:
    conflicts: tuple[Finding, ...]
    unique: tuple[tuple[SourceLabel, tuple[Finding, ...]], ...]
    agreements: tuple[Finding, ...]


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
        name = ref.source or (PurePath(ref.path).stem if ref.path else None) or ref.title or ref.id[:8]
        out[ref.id] = SourceLabel(ref.id, letter(i), name, i, ref)
    return out


def source_hue(index: int) -> int:
    """A hue per source for chips and timeline marks, far apart for the first few sources."""
    return (205 + index * 137) % 360


def finding_hues(findings: Sequence[Finding]) -> dict[str, int]:
    """A hue per finding that aligns statements across sources (golden-angle steps stay distinct)."""
    aligned = [f for f in findings if f.kind != "unique"]
    return {f.id: int(40 + i * 137.508) % 360 for i, f in enumerate(aligned)}


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
    return Sections(conflicts, unique, tuple(agree))


def wire_copies(labels: dict[str, SourceLabel]) -> list[tuple[SourceLabel, SourceLabel]]:
    """(copy, original) pairs: outlets that ran the same wire text count once."""
    return [
        (lab, labels[lab.ref.copy_of])
        for lab in labels.values()
        if lab.ref.copy_of and lab.ref.copy_of in labels
    ]


# --- word-level difference of two wordings -----------------------------------------------------


def _norm_word(word: str) -> str:
    return word.strip(_EDGE_PUNCT).lower().replace("’", "'")


Marked = list[tuple[str, bool]]


def wording_diff(old: str, new: str) -> tuple[Marked, Marked]:
    """Both wordings as (words, changed) runs, for showing one above the other.

    Starts from difflib's word alignment, then unmarks a changed word the other wording also has
    among its changed words: quotes get reordered ("better avoid such mistakes in this situation"
    against "in this situation, it's better not to make such mistakes"), and a moved word is not a
    changed one. What stays marked is what one source's wording has and the other's lacks.
    """
    a, b = _WORD.findall(old), _WORD.findall(new)
    na, nb = [_norm_word(w) for w in a], [_norm_word(w) for w in b]
    changed_a, changed_b = [False] * len(a), [False] * len(b)
    matcher = difflib.SequenceMatcher(None, na, nb, False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            changed_a[i1:i2] = [True] * (i2 - i1)
            changed_b[j1:j2] = [True] * (j2 - j1)
    moved_a = {w for w, c in zip(na, changed_a, strict=True) if c}
    moved_b = {w for w, c in zip(nb, changed_b, strict=True) if c}
    flags_a = [c and w not in moved_b for w, c in zip(na, changed_a, strict=True)]
    flags_b = [c and w not in moved_a for w, c in zip(nb, changed_b, strict=True)]
    return _runs(a, flags_a), _runs(b, flags_b)


def _runs(words: list[str], flags: list[bool]) -> Marked:
    runs: Marked = []
    for word, flag in zip(words, flags, strict=True):
        if runs and runs[-1][1] == flag:
            runs[-1] = (runs[-1][0] + " " + word, flag)
        else:
            runs.append((word, flag))
    return runs


def mark_wordings(texts: Sequence[str]) -> list[Marked]:
    """Each wording marked where it differs: the first against the second, the rest against the
    first (the wording every other one is read against)."""
    if len(texts) < 2:
        return [[(t, False)] for t in texts]
    marked = [wording_diff(texts[0], texts[1])[0]]
    return marked + [wording_diff(texts[0], t)[1] for t in texts[1:]]


def quote_wordings(finding: Finding) -> list[tuple[str, Marked]]:
    """(source, marked wording) of each side of a quote conflict: its values, else its sentences."""
    pairs = [(v.source, v.text) for v in finding.values] if len(finding.values) >= 2 else []
    pairs = pairs or [(s.source, s.text) for s in finding.statements]
    return list(zip((p[0] for p in pairs), mark_wordings([p[1] for p in pairs]), strict=True))


def remark_wordings(remark: Remark) -> list[tuple[QuoteOccurrence, Marked]]:
    """Each occurrence of a remark with its words marked where the wordings differ."""
    texts = [q.text for q in remark.occurrences]
    marked = mark_wordings(texts) if remark.differs else [[(t, False)] for t in texts]
    return list(zip(remark.occurrences, marked, strict=True))


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


# --- quotes and timeline -------------------------------------------------------------------------


def _speaker_key(q: QuoteOccurrence) -> str | None:
    if q.speaker_key:
        return q.speaker_key
    return " ".join(q.speaker.lower().split()) if q.speaker else None


def quote_groups(report: Report) -> list[SpeakerGroup]:
    """Quotes grouped by speaker, and within a speaker into remarks quoted by one or more sources.

    Two occurrences from different sources are one remark when the cross-check tied them (a quote
    finding whose statements hold both) or when their words largely overlap. The groups quoted by
    most sources come first, unknown speakers last.
    """
    tied = _quote_ties(report)
    by_key: dict[str | None, list[QuoteOccurrence]] = {}
    for q in report.quotes:
        by_key.setdefault(_speaker_key(q), []).append(q)
    groups = []
    for key, occ in by_key.items():
        names = [q.speaker for q in occ if q.speaker]
        speaker = max(names, key=lambda n: (len(n), n)) if names else "Unattributed"
        groups.append(SpeakerGroup(speaker, key, tuple(_remarks(occ, tied))))
    groups.sort(key=lambda g: (g.key is None, -len({q.source for r in g.remarks for q in r.occurrences})))
    return groups


def _quote_ties(report: Report) -> list[list[tuple[str, int, int]]]:
    """Per quote finding, the (source, start, end) spans of its statements."""
    return [
        [(s.source, s.start, s.end) for s in f.statements]
        for f in report.findings
        if f.aspect == "quote" and len({s.source for s in f.statements}) > 1
    ]


def _same_remark(a: QuoteOccurrence, b: QuoteOccurrence, tied: list[list[tuple[str, int, int]]]) -> bool:
    if a.source == b.source:
        return False
    for spans in tied:
        if any(s == a.source and st < a.end and a.start < e for s, st, e in spans) and any(
            s == b.source and st < b.end and b.start < e for s, st, e in spans
        ):
            return True
    return fuzz.token_set_ratio(a.text, b.text) >= SAME_REMARK


def _words(text: str) -> list[str]:
    return [w for w in (_norm_word(t) for t in _WORD.findall(text)) if w]


def _inside(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` occurs word for word in ``long``: a partial quote, not another wording."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _remarks(occ: Sequence[QuoteOccurrence], tied: list[list[tuple[str, int, int]]]) -> list[Remark]:
    clusters: list[list[QuoteOccurrence]] = []
    for q in occ:
        home = [c for c in clusters if any(_same_remark(x, q, tied) for x in c)]
        merged = [q] + [x for c in home for x in c]
        clusters = [c for c in clusters if c not in home] + [merged]
    out = []
    for cluster in sorted(clusters, key=lambda c: (-len({x.source for x in c}), min(map(occ.index, c)))):
        cluster.sort(key=occ.index)
        words = [_words(q.text) for q in cluster]
        differs = any(
            a.source != b.source and not (_inside(wa, wb) or _inside(wb, wa))
            for (a, wa), (b, wb) in itertools.combinations(zip(cluster, words, strict=True), 2)
        )
        out.append(Remark(tuple(cluster), differs))
    return out


def timeline_rows(report: Report) -> list[TimelineRow]:
    """Entries of every source merged on their interval, in date order; undated ones last."""
    rows: dict[tuple[str | None, str | None], list[TimelineEntry]] = {}
    for t in report.timeline:
        rows.setdefault((t.start, t.end), []).append(t)
    ordered = sorted(rows, key=lambda k: (k[0] is None, k[0] or "", k[1] or ""))
    return [
        TimelineRow(s, e, date_label(s, e), tuple(rows[(s, e)]), any(t.conflict for t in rows[(s, e)]))
        for s, e in ordered
    ]


def events_of(row: TimelineRow) -> list[str]:
    """The distinct events a row's entries name, in order."""
    return list(dict.fromkeys((t.event or t.text).strip() for t in row.entries))
