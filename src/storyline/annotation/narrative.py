"""Dates relative to the time the narrative has reached, not to publication.

A report that tells events in order dates each from the one before: "Farkas was made a general on
May 22, 1995, and the following year he was appointed attaché", "police found him the next
morning", "two days later he was charged", "that night", "the day before". TimeML values such
expressions against that reference time; so does this module: the reference is the last expression
before it that named a calendar interval (``sets_reference``), and an expression finer than that
interval ("the next day" after "in 1995" or "in July") has none and keeps its reason: an older day
named before need not be the one the narrative counts from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from storyline.annotation import calendar as cal
from storyline.annotation.numbers import parse_number
from storyline.annotation.periods import RELATIVE
from storyline.annotation.timex import Match, weekday_number

Interval = cal.Interval
_SHIFT = {"next": 1, "following": 1, "after": 1, "later": 1, "previous": -1, "prior": -1, "before": -1,
          "earlier": -1, "same": 0}  # fmt: skip
_DAY_UNITS = {"day", "morning", "afternoon", "evening", "night", "session"}  # a trading session
# Kinds that name no time of their own the narrative could go on from: a time of day alone is the
# day of writing by default, a span runs up to publication, the rest have no calendar interval.
_NOT_REFERENCES = {"clock", "span", "record_span", "vague", "reference", "period_ref", "year_back"}
# The day (week …) an account is on: "ended the day", "earlier in the day", "a third straight day";
# with none named, the day of writing
_DAY_OF_ACCOUNT = ("in_the", "the_day", "streak")


def refers_to_narrative(m: Match) -> bool:
    """Whether an expression is dated from the narrative's reference time."""
    g = m.groups
    if m.kind in ("anchored", "later", "day_before"):
        return True
    if m.kind == "in_the":  # "earlier in the day": the narrative's day, else the day of writing
        return g["unit"].lower() == "day"
    if m.kind in ("the_day", "streak"):  # "ended the day at 8,017", "for a third straight day"
        return True
    shift = " ".join((g.get("shift") or "").lower().split())
    if m.kind == "relative":
        return bool(g.get("the")) and shift in ("following", "previous") and not g.get("side")
    return m.kind == "weekday" and shift in ("the following", "the previous")


def sets_reference(m: Match) -> bool:
    """Whether an expression, once resolved, is a time the narrative can count on from ("overnight"
    names a night across two days, not a day to count from)."""
    return m.kind not in _NOT_REFERENCES and m.groups.get("word", "").lower() != "overnight"


def resolve(m: Match, refs: Sequence[Interval]) -> Interval | str | None:
    """The interval ``m`` names counted from the latest of ``refs`` (the narrative's references,
    in text order) fine enough for it, or why it has none; None when it is then the publication's
    ("earlier in the day" with no day named before it)."""
    g = m.groups
    unit = (g.get("unit") or g.get("unit2") or g.get("unit3") or "day").lower().removesuffix("s")
    unit = "day" if unit in _DAY_UNITS else unit
    ref = refs[-1] if refs else None
    if m.kind in _DAY_OF_ACCOUNT:
        # "ended the day", "earlier in the day" name the day the account is on: the last day it named,
        # a coarser time named since being what a figure or a past fact covers ("shed 663,000 jobs in
        # March", "a speech he gave in 2011"), not where the account went
        ref = next((r for r in reversed(refs) if _fits(r, unit)), None)
    if ref is None or not _fits(ref, "day" if m.kind == "weekday" else unit):
        # "the next day" with no day named before it, or after "in July": an older day need not
        # be the one the narrative counts from
        return None if m.kind in _DAY_OF_ACCOUNT else RELATIVE
    if m.kind == "weekday":
        return _weekday(g, ref[0])
    if m.kind == "later":
        n = parse_number(g["n"])
        if n is None or n != int(n):
            return f"cannot count {g['n']!r}"
        step = int(n) * _SHIFT[g["dir"].lower()]
    elif m.kind in _DAY_OF_ACCOUNT:
        step = 0
    elif m.kind == "day_before":
        step = _SHIFT[g["dir"].lower()]
    else:
        step = 0 if g.get("that") else _SHIFT[(g.get("shift") or g.get("shift2") or "same").lower()]
    return cal.ago(ref[0], unit, -step) if unit != "weekend" else cal.relative_unit(ref[0], unit, step)


def overnight(m: Match, refs: Sequence[Interval], anchor: date | None) -> Interval | None:
    """"Overnight" in an account of a day before publication is the night before that day: a
    Monday market report on Friday's trading ("London shares were depressed initially by overnight
    losses in New York") means Thursday night, not Sunday's. None when the narrative's last time
    is no single day before publication (then the night before the day of writing)."""
    if m.kind != "day_word" or m.groups.get("word", "").lower() != "overnight" or not refs or anchor is None:
        return None
    ref = refs[-1]
    if not _fits(ref, "day") or ref[0] >= anchor:
        return None
    return ref[0] - timedelta(days=1), ref[0]


def _fits(ref: Interval, unit: str) -> bool:
    """Whether the reference lies within one ``unit`` (a day, a week …) to count from."""
    if unit == "day":
        return ref[0] == ref[1]
    holder = cal.relative_unit(ref[0], "week" if unit == "weekend" else unit, 0)
    return ref[1] <= holder[1]


def _weekday(g: dict[str, str], day: date) -> Interval:
    """"The previous Friday": the last Friday before the reference day; "the following Monday"
    the first after it."""
    wd = weekday_number(g["w"])
    if g["shift"].lower().split()[-1] == "previous":
        found = day - timedelta(days=(day.weekday() - wd) % 7 or 7)
    else:
        found = day + timedelta(days=(wd - day.weekday()) % 7 or 7)
    return found, found
