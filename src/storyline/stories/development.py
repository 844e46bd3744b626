"""A story's development in time: its reports grouped by publication day, with the gaps between.

Local news tells one event over weeks or months (incident, victim named, arrest, charges,
sentencing); read by day with "… 41 days later" between, the story reads top to bottom as it
happened. Reports without a date cannot be placed and come last, under their own heading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from storyline.model import StoryArticle


@dataclass(frozen=True)
class Day:
    """The reports of one publication day (``day`` None: the undated ones); ``gap`` is the number
    of days since the previous dated day (None for the first and for the undated)."""

    day: str | None
    gap: int | None
    articles: tuple[StoryArticle, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day,
            "gap": self.gap,
            "gap_label": None if self.gap is None else gap_label(self.gap),
            "articles": [a.to_dict() for a in self.articles],
        }


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:  # a date the reader kept but could not normalise: cannot be placed
        return None


def development(members: Iterable[StoryArticle]) -> tuple[Day, ...]:
    """The members by day, earliest first (stable within a day), the undated last."""
    by_day: dict[date, list[StoryArticle]] = {}
    undated: list[StoryArticle] = []
    for a in members:
        when = _day(a.published)
        (undated if when is None else by_day.setdefault(when, [])).append(a)
    out: list[Day] = []
    previous: date | None = None
    for when in sorted(by_day):
        gap = None if previous is None else (when - previous).days
        out.append(Day(when.isoformat(), gap, tuple(by_day[when])))
        previous = when
    if undated:
        out.append(Day(None, None, tuple(undated)))
    return tuple(out)


def gap_label(gap: int) -> str:
    """The marker between two days: "… the next day", "… 32 days later"."""
    return "… the next day" if gap == 1 else f"… {gap} days later"


def development_text(days: tuple[Day, ...], *, markdown: bool = False) -> str:
    """The development as plain text (``storyline show``) or Markdown."""
    lines = ["## Development", ""] if markdown else ["Development"]
    for d in days:
        if d.gap is not None:
            lines += [f"*{gap_label(d.gap)}*", ""] if markdown else [f"  {gap_label(d.gap)}"]
        heading = d.day or "undated"
        lines += [f"**{heading}**", ""] if markdown else [f"  {heading}"]
        for a in d.articles:
            what = a.title or a.path or a.id
            source = a.source or "unknown outlet"
            lines.append(f"- {source}: {what}" if markdown else f"    {source:<18} {what}")
        if markdown:
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
