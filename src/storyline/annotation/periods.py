"""A report's own period and the expressions that refer back to it.

Results are reported by period: a report names its quarter or half once ("third-quarter profit
rose 19%") and then refers to it ("sales in the quarter", "the latest quarter") and to the same
period a year before ("up from $3 million a year earlier", "in the year-ago period", "the
corresponding period last year", "last year's quarter"). Those references are dated by the period
the report last named before them; "a year ago" in a sentence about money is the same period a year
before, as it is in the comparisons of results; "the full year" is the year holding the period.

Without a period named earlier, "the quarter" in a sentence about money is the last one done
before publication (a report comes after its quarter), and the rest are relative to some other
event, so they keep a reason and no dates.
"""

from __future__ import annotations

from datetime import date

from storyline.annotation import calendar as cal
from storyline.annotation.numbers import parse_number
from storyline.annotation.timex import Match, about_money, looks_back_a_year

Interval = cal.Interval
RELATIVE = "relative to another event, not to publication"


def sets_period(m: Match, iv: Interval | None) -> bool:
    """Whether a resolved expression names a report's period: a quarter or a half ("the third
    quarter", "Q3 2021", "the latest quarter")."""
    if iv is None:
        return False
    return m.kind == "quarter" or (m.kind == "relative" and m.groups.get("unit", "").lower() == "quarter")


def refers_back(m: Match, sentence: str) -> bool:
    """Whether an expression is dated by the report's period rather than on its own."""
    if m.kind in ("period_ref", "year_back", "full_year"):
        return True
    if m.kind != "ago" or not about_money(sentence):
        return False
    unit = m.groups.get("unit", "").lower().rstrip("s")
    return unit == "year" and parse_number(m.groups.get("n", "")) == 1


def resolve_back(m: Match, period: Interval | None, anchor: date | None) -> Interval | str | None:
    """The interval a reference to the report's period names, or why it has none; None for "a
    year ago" and "the full year" when the report named no period (they are then dated on their own)."""
    g = m.groups
    if m.kind == "full_year":  # "the entire year" after "the fourth quarter of 2005": 2005
        return None if period is None else cal.relative_unit(period[0], "year", 0)
    if m.kind == "ago" and period is None:
        return None
    if period is None:
        if m.kind != "period_ref" or g["pu"].lower() != "quarter" or g.get("y"):
            return RELATIVE
        if anchor is None:
            return "no publication date to resolve it against"
        period = cal.relative_unit(anchor, "quarter", -1)  # "the quarter": the last one done
    if m.kind == "period_ref" and g.get("y"):
        return _in_year(period, int(g["y"]))
    if m.kind in ("year_back", "ago") or looks_back_a_year(g):
        return _in_year(period, period[0].year - 1)
    return period


def _in_year(period: Interval, year: int) -> Interval:
    shift = 12 * (year - period[0].year)
    return cal.add_months(period[0], shift), cal.month_end(*_year_month(cal.add_months(period[1], shift)))


def _year_month(d: date) -> tuple[int, int]:
    return d.year, d.month
