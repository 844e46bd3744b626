"""Calendar rules that turn a parsed time expression into an interval of dates.

Pure date arithmetic, no text: ``times.py`` finds the expressions and calls these. Conventions
(documented once, here):

- A week runs Monday to Sunday (ISO); a weekend is its Saturday and Sunday.
- "early"/"mid"/"late" a year: Jan–Apr, May–Aug, Sep–Dec; a month: days 1–10, 11–20, 21–end;
  a week: Mon–Tue, Wed–Thu, Fri–Sun; a decade: years 0–3, 4–6, 7–9; a century: years 0–32,
  33–65, 66–99. "the end of"/"the start of" are the same as "late"/"early".
- "the 19th century" is 1800–1899 (as news uses it), not 1801–1900.
- Holidays without a date are placed like a month and day; the movable ones follow US usage
  (Thanksgiving the fourth Thursday of November, Labor Day, Memorial Day, Election Day the Tuesday
  after the first Monday of November) and Western Easter.
- Seasons are meteorological (northern hemisphere): spring Mar–May, summer Jun–Aug, autumn
  Sep–Nov, winter Dec–Feb (the winter "of" a year starts in its December).
- A weekday is the latest one on or before publication in a past (or tenseless) clause, the
  next on or after it in a future one: a Thursday report's "on Thursday" is that day. "last
  Friday"/"next Friday" exclude the publication day itself. "the past week" is the 7 days up to
  publication; "last week" the calendar week before.
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
    # read from a present tense ("takes place", "is charged"): news uses it both for what is
    # scheduled and for what has just happened, so its "future" is the weakest reading
    present: bool = False
    # the verb's own form says it ("will publish its results on Thursday"), though the date hangs
    # off a noun between them: weak for a month or a year, which the noun may date apart from the
    # act, but a day of the week in a clause of what will be done is the coming one
    marked: bool = False


UNKNOWN = Direction()


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``th ``weekday`` (0 = Monday) of a month; ``n`` -1 is the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date:
    """The date of a holiday news writes without a date (US ones where the US and others differ)."""
    key = " ".join(name.lower().replace("’", "'").split())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
             "veterans day": (11, 11), "bastille day": (7, 14), "the fourth of july": (7, 4)}  # fmt: skip
    if key in fixed:
        return date(year, *fixed[key])
    if key.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if key == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if key == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if key == "election day":  # US: the Tuesday after the first Monday in November
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    offsets = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
    if key in offsets:
        return easter(year) + timedelta(days=offsets[key])
    raise ValueError(f"unknown holiday {name!r}")


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
    if (end - start).days > 4000:  # a century: years 0-32, 33-65, 66-99
        y0 = start.year
        a, b = {"early": (0, 32), "mid": (33, 65), "late": (66, 99)}[part]
        return date(y0 + a, 1, 1), date(y0 + b, 12, 31)
    if (end - start).days > 400:  # a decade: years 0-3, 4-6, 7-9
        y0 = start.year
        spans = {"early": (y0, y0 + 3), "mid": (y0 + 4, y0 + 6), "late": (y0 + 7, y0 + 9)}
        a, b = spans[part]
        return date(a, 1, 1), date(b, 12, 31)
    if (end - start).days > 40:  # a year
        y = start.year
        months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(y, months[0], 1), month_end(y, months[1])
    if (end - start).days < 10:  # a week: Monday-Tuesday, Wednesday-Thursday, Friday-Sunday
        a, b = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}[part]
        return start + timedelta(days=a), start + timedelta(days=b)
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
    A weak future (a cue word, a modal, a news present) weighs the two by distance as a yearless
    month is weighed (``nearest``): a Saturday's "set Friday as the deadline" is the day before,
    not six days ahead, and a Tuesday's "an investigation is underway Monday" the day before. A
    weak past stays past: a past form is past even when a noun stands between it and the day
    ("made her first court appearance Thursday", "gathered for a prayer circle ..., Tuesday"); so
    does a future its verb marks (``Direction.marked``: "will publish its results on Thursday").
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
    if direction.tense == "future" and not (direction.strong or direction.marked):
        return nearest([(past, past), (future, future)], anchor, direction)[0]
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
    if unit == "quarter":
        year, q = divmod(anchor.year * 4 + (anchor.month - 1) // 3 + shift, 4)
        return date(year, 3 * q + 1, 1), month_end(year, 3 * q + 3)
    if unit == "year":
        return year_interval(anchor.year + shift)
    if unit == "decade":  # the calendar decade: "last decade" in 2021 is the 2010s
        y0 = anchor.year // 10 * 10 + 10 * shift
        return date(y0, 1, 1), date(y0 + 9, 12, 31)
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
    if unit == "quarter":
        return add_months(anchor, 3 * count)
    if unit == "year":
        return add_months(anchor, 12 * count)
    if unit == "decade":
        return add_months(anchor, 120 * count)
    raise ValueError(f"unknown calendar unit {unit!r}")


# TimeML's form of a date: the calendar unit an expression names, written as ISO 8601 writes it
# ("2006", "2006-Q3", "2006-W12", "2006-W12-WE", "199" for the 1990s, "18" for the 19th century),
# with early/mid/late as the unit's ``mod`` ("late 2006" is 2006 with mod END).
Unit = Literal["day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade", "century"]
UNITS: tuple[Unit, ...] = ("day", "weekend", "week", "month", "quarter", "half", "season", "year", "decade",
                           "century")  # fmt: skip
_MODS = {"early": "START", "mid": "MID", "late": "END"}
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def unit_holding(day: date, unit: Unit) -> Interval:
    """The calendar ``unit`` (a week, a quarter, a season …) that holds ``day``."""
    if unit in ("day", "week", "weekend", "month", "year"):
        return relative_unit(day, unit, 0)
    if unit in ("quarter", "half"):
        size = 3 if unit == "quarter" else 6
        first = (day.month - 1) // size * size + 1
        return date(day.year, first, 1), month_end(day.year, first + size - 1)
    if unit == "season":
        first = (day.month // 3 * 3) or 12  # December, January and February are winter
        return season_interval(day.year - (day.month < 3), _season_of(first))
    span = 10 if unit == "decade" else 100
    y0 = day.year // span * span
    return date(max(1, y0), 1, 1), date(y0 + span - 1, 12, 31)


def _season_of(first_month: int) -> str:
    return next(name for name, (first, _) in SEASONS.items() if first == first_month)


def unit_of(interval: Interval) -> Unit | None:
    """The calendar unit ``interval`` is exactly (a day, a weekend, a month …), or None (a range)."""
    return next((u for u in UNITS if unit_holding(interval[0], u) == interval), None)


def timeml_value(
    interval: Interval, unit: Unit | None = None, part: Part | None = None
) -> tuple[str | None, str | None]:
    """TimeML's ``value`` and ``mod`` of an interval: the ``unit`` that holds it (by default the unit it
    is) and early/mid/late as START/MID/END. "Late 2006" (September–December) is ("2006", "END"),
    "later this week" that week, "the third quarter" "2006-Q3"; an interval that is no one unit ("1991
    to 1997", "January 9 and 10") has no value. TimeML compares dates by value, storyline by interval:
    an expression carries both."""
    unit = unit or unit_of(interval)
    if unit is None:
        return None, None
    holder = unit_holding(interval[0], unit)
    if interval[1] > holder[1]:
        return None, None
    return _written(holder[0], unit), _MODS[part] if part else None


def timeml_range(interval: Interval, unit: Unit) -> str | None:
    """A range of whole ``unit``s ("1991 to 1997", "March 3 to 5") in ISO 8601's interval form, its
    two ends as TimeML writes each ("1991/1997", "2021-03-03/2021-03-05"): TimeML dates each end of a
    range apart, and the value of each end is here. None when the interval is one unit or does not
    start and end on the unit's bounds."""
    first, last = unit_holding(interval[0], unit), unit_holding(interval[1], unit)
    if first == last or first[0] != interval[0] or last[1] != interval[1]:
        return None
    return f"{_written(first[0], unit)}/{_written(last[0], unit)}"


def _written(start: date, unit: Unit) -> str:
    if unit == "day":
        return start.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if unit in ("quarter", "half"):
        return f"{start.year:04d}-{unit[0].upper()}{(start.month - 1) // (3 if unit == 'quarter' else 6) + 1}"
    if unit == "season":
        return f"{start.year:04d}-{_SEASON_CODES[start.month]}"
    if unit == "year":
        return f"{start.year:04d}"
    return f"{start.year // 10:03d}" if unit == "decade" else f"{start.year // 100:02d}"
