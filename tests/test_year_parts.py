"""Parts of a year named in business writing: "by year-end", "since year-end", "the second half of
the year", a half named in a sentence about money ("profit rose in the first half"); a half of a
match is no time."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation.times import find_times

# "year-end" after a preposition: business writing's 31 December (TimeBank wsj_0006 "complete the
# transaction by year-end", wsj_0586 "the percentage change is since year-end"; basil-dev "before
# year-end")
YEAR_END = [
    ("It expects to complete the transaction by year-end.", "1989-11-02", "year-end", "1989-12-31"),
    ("The percentage change is since year-end.", "1989-10-30", "year-end", "1988-12-31"),
    ("We have a lot of cards on the tax issue before year end.", "2017-10-05", "year end", "2017-12-31"),
]


@pytest.mark.parametrize(("text", "published", "expr", "day"), YEAR_END)
def test_year_end_is_the_last_day_of_a_year(nlp: Any, text: str, published: str, expr: str, day: str) -> None:
    got = {t.text: (t.start, t.end) for t in find_times(nlp(text), published)}
    assert got.get(expr) == (day, day), got


# ecbplus-dev: "AMD … in the second half of the year, the company said"; TimeBank wsj: "posted a
# 38% jump in pretax profit for the first half"; "of the year" is the year of writing
HALVES = [
    ("AMD will offer systems in the second half of the year, the company said.", "2012-03-01",
     "the second half of the year", "2012-07-01", "2012-12-31"),
    ("Sales rose in the first quarter of the year.", "2009-05-15", "the first quarter of the year",
     "2009-01-01", "2009-03-31"),
    ("The company posted a 38% jump in pretax profit for the first half.", "1989-10-27", "the first half",
     "1989-01-01", "1989-06-30"),
]
# gva-dev / ecbplus-dev sports reports: a half of a match
NOT_HALVES = [
    "He was hurt by the knee last week against the Bears and didn't play in the second half.",
    "Indy led 13-3 at the half, but Kansas City opened up the second half in a big way.",
]


@pytest.mark.parametrize(("text", "published", "expr", "start", "end"), HALVES)
def test_a_half_or_quarter_of_the_year(
    nlp: Any, text: str, published: str, expr: str, start: str, end: str
) -> None:
    got = {t.text: (t.start, t.end) for t in find_times(nlp(text), published)}
    assert got.get(expr) == (start, end), got


@pytest.mark.parametrize("text", NOT_HALVES)
def test_a_half_of_a_match_is_no_time(nlp: Any, text: str) -> None:
    assert not any("half" in t.text for t in find_times(nlp(text), "2016-11-20"))
