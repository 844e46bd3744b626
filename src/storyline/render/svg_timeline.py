"""The merged timeline drawn as inline SVG: one row per interval, in date order, sources marked.

A story's dates range from years back ("in 2014") to the next few days, so a linear time axis would
crush the days that matter into one pixel. Rows are evenly spaced in date order instead, and a long
gap between two rows is drawn as a break on the spine that says how long it is. Rows in a date
conflict are red and joined by a bracket, so the disagreement is visible at a glance. Every piece of
text is escaped here (the SVG is built as a string, outside Jinja's autoescape).
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from storyline.model import Finding, TimelineEntry
from storyline.render.report_view import SourceLabel, TimelineRow, events_of, source_hue, wording_key

WIDTH = 720
ROW = 40
GAP = 22  # extra height of a break between rows far apart in time
TOP = 14
SPINE_X = 170
TEXT_X = 188
CHAR_W = 8.0  # generous width of a 13–15px sans-serif character, for cutting long event names
DATE_CHAR_W = 8.2  # width of a bold 13px character in the date column
BREAK_DAYS = 45
LANES = 12  # up to this many sources, each has its own lane of letters
LANE_W = 18


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(str(iso)[:10]) if iso else None
    except ValueError:
        return None


def gap_words(days: int) -> str:
    """How long a gap is, as a reader would say it."""
    if days >= 730:
        return f"{round(days / 365.25)} years later"
    if days >= 60:
        return f"{round(days / 30.44)} months later"
    return f"{round(days / 7)} weeks later"


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)].rstrip() + "…"


def _rows_in_conflict(rows: list[TimelineRow], findings: tuple[Finding, ...]) -> list[tuple[int, int]]:
    """Index ranges of rows tied by one date conflict: an entry belongs to a finding when its
    position lies inside one of the finding's statements from the same source."""
    spans = []
    for f in findings:
        if f.kind != "conflict" or f.aspect != "date":
            continue
        hit = [
            i
            for i, row in enumerate(rows)
            for t in row.entries
            if t.conflict
            and any(s.source == t.source and s.start <= t.offset[0] < s.end for s in f.statements)
        ]
        if len(set(hit)) > 1:
            spans.append((min(hit), max(hit)))
    return spans


def _chips(entries: tuple[TimelineEntry, ...], labels: dict[str, SourceLabel], y: float) -> str:
    """Source letters in fixed lanes (one per source, so a source's marks line up down the rows);
    past ``LANES`` sources the letters simply follow one another."""
    present = {t.source for t in entries}
    out: list[str] = []
    for lab in labels.values():
        if lab.id not in present:
            continue
        lane = lab.index if len(labels) <= LANES else len(out)
        fill = f"hsl({source_hue(lab.index)},60%,38%)"
        x = TEXT_X + lane * LANE_W
        out.append(f'<text x="{x}" y="{y}" class="tl-src" fill="{fill}">{escape(lab.letter)}</text>')
    return "".join(out)


def _event_x(labels: dict[str, SourceLabel]) -> float:
    return TEXT_X + min(len(labels), LANES) * LANE_W + 10


def _event_line(row: TimelineRow, room: int) -> str:
    """What happens, then how the sources wrote the date, in grey, as far as the room allows."""
    events = _cut("; ".join(events_of(row)), room)
    wordings = {wording_key(t.text): t.text for t in reversed(row.written or row.entries)}
    written = " / ".join(f"“{w}”" for w in reversed(wordings.values()))
    left = room - len(events) - 3
    tail = f'<tspan class="tl-written"> — {escape(_cut(written, left))}</tspan>' if left > 6 else ""
    return f"{escape(events)}{tail}"


def _date_text(row: TimelineRow, colour: str, y: float) -> str:
    label = ("≠ " if row.conflict else "") + row.label
    room = SPINE_X - 24 - 6
    # a label too long for its column is squeezed to fit rather than cut: every digit matters
    fit = f' textLength="{room}" lengthAdjust="spacingAndGlyphs"' if len(label) * DATE_CHAR_W > room else ""
    return (
        f'<text x="{SPINE_X - 24}" y="{y + 4.5}" text-anchor="end" class="tl-date" fill="{colour}"{fit}>'
        f"{escape(label)}</text>"
    )


def _row_svg(row: TimelineRow, y: float, labels: dict[str, SourceLabel]) -> str:
    colour = "#c0262d" if row.conflict else "#33415c"
    x = _event_x(labels)
    tip = "\n".join(
        f"{labels[t.source].letter if t.source in labels else t.source}: {t.text} — {t.sentence}"
        for t in row.entries
    )
    dot = (
        f'<circle cx="{SPINE_X}" cy="{y}" r="7" fill="#fff" stroke="{colour}" stroke-width="3"/>'
        if row.conflict
        else f'<circle cx="{SPINE_X}" cy="{y}" r="5" fill="{colour}"/>'
    )
    return (
        f'<g class="tl-row{" tl-conflict" if row.conflict else ""}" tabindex="0">'
        f"<title>{escape(tip)}</title>"
        f'<rect x="0" y="{y - ROW / 2}" width="{WIDTH}" height="{ROW}" class="tl-band"/>'
        f"{_date_text(row, colour, y)}{dot}"
        f'<text x="{x}" y="{y + 4.5}" class="tl-event" fill="{colour}">'
        f"{_event_line(row, int((WIDTH - x - 10) / CHAR_W))}</text>"
        f"{_chips(row.entries, labels, y + 4.5)}</g>"
    )


def timeline_svg(
    rows: list[TimelineRow], labels: dict[str, SourceLabel], findings: tuple[Finding, ...] = ()
) -> Markup:
    """The SVG element for the dated rows; an empty Markup when nothing is dated."""
    dated = [r for r in rows if _day(r.start)]
    if not dated:
        return Markup("")
    parts: list[str] = []
    ys: list[float] = []
    y = TOP + ROW / 2
    prev: date | None = None
    for row in dated:
        start = _day(row.start)
        assert start is not None
        if prev is not None and (start - prev).days > BREAK_DAYS:
            mid = y - ROW / 2 + GAP / 2 - 2
            words = escape(gap_words((start - prev).days))
            parts.append(f'<text x="{SPINE_X + 14}" y="{mid + 4}" class="tl-gap">{words}</text>')
            parts.append(
                f'<line x1="{SPINE_X - 6}" y1="{mid - 3}" x2="{SPINE_X + 6}" y2="{mid + 1}" class="tl-cut"/>'
            )
            parts.append(
                f'<line x1="{SPINE_X - 6}" y1="{mid + 1}" x2="{SPINE_X + 6}" y2="{mid + 5}" class="tl-cut"/>'
            )
            y += GAP
        ys.append(y)
        parts.append(_row_svg(row, y, labels))
        prev = _day(row.end) or start
        y += ROW
    height = y - ROW / 2 + TOP
    brackets = [
        f'<path d="M{SPINE_X - 9} {ys[a]}h-7V{ys[b]}h7" class="tl-bracket"/>'
        for a, b in _rows_in_conflict(dated, findings)
    ]
    spine = f'<line x1="{SPINE_X}" y1="{ys[0]}" x2="{SPINE_X}" y2="{ys[-1]}" class="tl-spine"/>'
    return Markup(
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'width="{WIDTH}" height="{height:g}" role="img" aria-labelledby="tl-title">'
        f'<title id="tl-title">Timeline of the story, {len(dated)} dates</title>'
        f"{spine}{''.join(brackets)}{''.join(parts)}</svg>"
    )
