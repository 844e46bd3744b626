"""Calendar rules that turn a parsed time expression into an interval of dates.

Pure date arithmetic, no text: ``times.py`` finds the expressions and calls these. Conventions
(documented once, here):

- A week runs Monday to Sunday (ISO); a weekend is its Saturday and Sunday.
- "early"/"mid"/"late" a year: Jan–Apr, May–Aug, Sep–Dec; a month: days 1–10, 11–20, 21–end;
  a decade: years 0–3, 4–6, 7–9. "the end of"/"the start of" are the same as "late"/"early".
- Seasons are meteorological (northern hemisphere): spring Mar–May, summer Jun–Aug, autumn
  Sep–Nov, winter Dec–Feb (the winter "of" a year starts in its December).
- A date without a year is placed in the year that puts it nearest the publication date, where
  a date on the wrong side of the sentence's tense costs more: ``Direction`` carries the tense
  and how sure we are of it (a verb that governs the date directly is sure; a verb reached
  through a noun, as in "talks ... on January 9", is not).
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Interval = tuple[date, date]
Tense = Literal["past", "future"]
Part = Literal["early", "mid", "late"]

# How much a candidate on the wrong side of the tense costs, per day of distance.
_PENALTY_WEAK = 3.0
_PENALTY_STRONG = 1000.0

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class Direction:
    """The tense of the clause holding an expression: past, future or unknown (None)."""

    tense: Tense | None = None
    strong: bool = False


UNKNOWN = Direction()


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> Interval:
    return date(year, month, 1), month_end(year, month)


def year_interval(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_interval(day: date) -> Interval:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    """``day`` shifted by whole months, clamped to the last day of the target month."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def part_of(interval: Interval, part: Part | None) -> Interval:
    """The early, middle or late third of a year, month or decade (see the module docstring)."""
    if part is None:
        return interval
    start, end = interval
    if (end - start).days > 400:  # a decade: years 0-3, 4-6, 7-9
        y0 = start.year
        spans = {"early": (y0, y0 + 3), "mid": (y0 + 4, y0 + 6), "late": (y0 + 7, y0 + 9)}
        a, b = spans[part]
        return date(a, 1, 1), date(b, 12, 31)
    if (end - start).days > 40:  # a year
        y = start.year
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(y, months[0], 1), month_end(y, months[1])
    days = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[part]
    return start.replace(day=days[0]), start.replace(day=min(days[1], end.day))


def season_interval(year: int, season: str) -> Interval:
    first, last = SEASONS[season]
    if first > last:  # winter crosses the new year
        return date(year, first, 1), month_end(year + 1, last)
    return date(year, first, 1), month_end(year, last)


def _cost(candidate: Interval, anchor: date, direction: Direction) -> float:
    start, end = candidate
    if start <= anchor <= end:
        return 0.0
    future = start > anchor
    days = (start - anchor).days if future else (anchor - end).days
    side: Tense = "future" if future else "past"
    if direction.tense is None or direction.tense == side:
        return float(days)
    return days * (_PENALTY_STRONG if direction.strong else _PENALTY_WEAK)


def nearest(candidates: list[Interval], anchor: date, direction: Direction) -> Interval:
    """The candidate nearest ``anchor``, a candidate against the tense costing more."""
    return min(candidates, key=lambda c: _cost(c, anchor, direction))


def place_in_year(
    anchor: date, make: Callable[[int], Interval], direction: Direction
) -> Interval | None:
    """Put a yearless date (``make(year)`` builds it) in the year nearest ``anchor`` by tense."""
    cands = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(make(year))
        except ValueError:  # 29 February in a common year, 31 April
            continue
    return nearest(cands, anchor, direction) if cands else None


def weekday_date(anchor: date, weekday: int, direction: Direction, shift: str | None = None) -> date:
    """The day named ``weekday`` (0 = Monday) near ``anchor``.

    Past: the most recent such day on or before the anchor (a Thursday report's "on Thursday" is
    that day); future: the next on or after it. With no tense, the past one: news mostly reports.
    ``shift`` "last"/"next" excludes the anchor's own day; "this" means the anchor's week.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift == "last":
        return anchor - timedelta(days=back or 7)
    if shift == "next":
        return anchor + timedelta(days=ahead or 7)
    if shift == "this":
        return week_interval(anchor)[0] + timedelta(days=weekday)
    past, future = anchor - timedelta(days=back), anchor + timedelta(days=ahead)
    return future if direction.tense == "future" else past


def relative_unit(anchor: date, unit: str, shift: int) -> Interval:
    """The calendar week/month/year/weekend ``shift`` units from the one holding ``anchor``."""
    if unit == "week":
        start = week_interval(anchor)[0] + timedelta(weeks=shift)
        return start, start + timedelta(days=6)
    if unit == "weekend":
        sat = week_interval(anchor)[0] + timedelta(weeks=shift, days=5)
        return sat, sat + timedelta(days=1)
    if unit == "month":
        first = add_months(anchor.replace(day=1), shift)
        return month_interval(first.year, first.month)
    if unit == "year":
        return year_interval(anchor.year + shift)
    if unit == "day":
        day = anchor + timedelta(days=shift)
        return day, day
    raise ValueError(f"unknown calendar unit {unit!r}")


def span_back(anchor: date, unit: str, count: int) -> Interval:
    """"The past ``count`` units": from that far back up to the anchor."""
    return _shift(anchor, unit, -count), anchor


def span_ahead(anchor: date, unit: str, count: int) -> Interval:
    """"The next ``count`` units": from the anchor to that far ahead."""
    return anchor, _shift(anchor, unit, count)


def ago(anchor: date, unit: str, count: int) -> Interval:
    """"``count`` units ago", at the precision of the unit (a week ago is that week)."""
    day = _shift(anchor, unit, -count)
    if unit == "day":
        return day, day
    return relative_unit(day, "year" if unit == "decade" else unit, 0)


def _shift(anchor: date, unit: str, count: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=count)
    if unit == "week":
        return anchor + timedelta(weeks=count)
    if unit == "month":
        return add_months(anchor, count)
    if unit == "year":
        return add_months(anchor, 12 * count)
    if unit == "decade":
        return add_months(anchor, 120 * count)
    raise ValueError(f"unknown calendar unit {unit!r}")
