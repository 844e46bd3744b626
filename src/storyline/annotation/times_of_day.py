"""The day of a clock time written apart from its day.

News writes a time of day beside the day it falls on, but not always next to it: "the quake struck
at 8:30 p.m. local time (1330 UTC) on Tuesday", "on Tuesday, the plane took off at 10:15 a.m.", or
in the next sentence of an account, "The earthquake struck on Saturday. It hit at 4:53 p.m.". A
clock time joined to its day ("Tuesday at 8:30 p.m.") is one expression already (``timex``); one
standing alone is on the one day its sentence names, else, in a past clause, on the day the
narrative last named (what happened at 4:53 p.m. happened on the day being told), else on the day
of writing ("polls close at 8 p.m.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storyline.annotation import calendar as cal
from storyline.model import TimeExpr

Interval = cal.Interval


def clock_day(
    sentence_times: Sequence[Interval],
    last_ref: Interval | None,
    direction: cal.Direction,
    written: date | None,
) -> date | None:
    """The day a lone clock time falls on: the one day among the other times of its sentence
    (``sentence_times``), else, where its sentence names no other time, the narrative's last time
    before it when that is a day, the clause is past and the day not after ``written``; None: the
    day of writing."""
    days = {iv for iv in sentence_times if iv[0] == iv[1]}
    if len(days) == 1:
        return next(iter(days))[0]
    if sentence_times or last_ref is None or last_ref[0] != last_ref[1] or direction.tense != "past":
        return None
    return last_ref[0] if written is None or last_ref[0] <= written else None  # no past after writing


def on_day(expr: TimeExpr, day: date) -> TimeExpr:
    """The clock time ``expr`` moved to ``day``, its TimeML value too ("2009-05-12T20:30")."""
    value = expr.timeml_value
    if value is not None and len(value) >= 10:
        value = day.isoformat() + value[10:]
    return replace(expr, start=day.isoformat(), end=day.isoformat(), timeml_value=value)
