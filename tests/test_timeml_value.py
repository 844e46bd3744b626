"""Each resolved date carries TimeML's value and mod beside its interval: "late 2006" is
September to December for the cross-check and value 2006 with mod END as TimeML writes it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from storyline.annotation import calendar as cal
from storyline.annotation.times import find_times
from storyline.annotation.timex import clock_only
from storyline.store.codec import _time

D = date


@pytest.mark.parametrize(
    ("interval", "unit", "part", "want"),
    [
        ((D(2006, 9, 1), D(2006, 12, 31)), "year", "late", ("2006", "END")),
        ((D(2006, 7, 1), D(2006, 9, 30)), None, None, ("2006-Q3", None)),
        ((D(2006, 1, 1), D(2006, 6, 30)), None, None, ("2006-H1", None)),
        ((D(2006, 3, 20), D(2006, 3, 26)), None, None, ("2006-W12", None)),
        ((D(2006, 3, 25), D(2006, 3, 26)), None, None, ("2006-W12-WE", None)),
        ((D(2000, 2, 7), D(2000, 2, 9)), "week", "early", ("2000-W06", "START")),  # "earlier this week"
        ((D(2006, 6, 1), D(2006, 8, 31)), None, None, ("2006-SU", None)),
        ((D(1997, 12, 1), D(1998, 2, 28)), None, None, ("1997-WI", None)),
        ((D(1990, 1, 1), D(1993, 12, 31)), "decade", "early", ("199", "START")),
        ((D(1800, 1, 1), D(1899, 12, 31)), None, None, ("18", None)),
        ((D(2009, 5, 1), D(2009, 8, 31)), "year", "mid", ("2009", "MID")),
        # a range or a list of days is no one unit: TimeML gives it no single value
        ((D(1991, 1, 1), D(1997, 12, 31)), None, None, (None, None)),
        ((D(2021, 1, 9), D(2021, 1, 10)), "day", None, (None, None)),  # a Saturday and Sunday
        ((D(2006, 9, 1), D(2007, 1, 31)), "year", None, (None, None)),
    ],
)
def test_timeml_value_of_an_interval(
    interval: cal.Interval, unit: cal.Unit | None, part: cal.Part | None, want: tuple[str | None, str | None]
) -> None:
    assert cal.timeml_value(interval, unit, part) == want


# Sentences of MEANTIME (Wikinews) and TimeBank, and of the dev sets, with their publication date:
# TimeML's value for each, where storyline's interval is only part of that value's unit or the
# unit itself
SENTENCES = [
    ("The Romanian government bought back the car maker in late 2006 for US$51 million.", "2007-09-08",
     "late 2006", ("2006-09-01", "2006-12-31"), "2006", "END"),
    ("He fought pancreatic cancer in 2004 and took six months off in early 2009.", "2011-01-17",
     "early 2009", ("2009-01-01", "2009-04-30"), "2009", "START"),
    ("Ford said it posted a net profit of US$997 million in the third quarter of this year.", "2009-11-03",
     "the third quarter of this year", ("2009-07-01", "2009-09-30"), "2009-Q3", None),
    ("A plan to bail out the auto companies failed to pass the Senate this week.", "2008-12-13",
     "this week", ("2008-12-08", "2008-12-14"), "2008-W50", None),
    ("Its holding is expected to increase to 57% by the end of this year.", "2011-05-29",
     "the end of this year", ("2011-09-01", "2011-12-31"), "2011", "END"),
    ("Prices rose sharply earlier this month, traders said.", "1989-10-27",
     "earlier this month", ("1989-10-01", "1989-10-26"), "1989-10", "START"),
    ("The plant will close later this week.", "2000-02-16",
     "later this week", ("2000-02-17", "2000-02-20"), "2000-W07", "END"),
    ("Police were called to the house Friday evening.", "2000-02-20",
     "Friday evening", ("2000-02-18", "2000-02-18"), "2000-02-18TEV", None),
    ("The deal was signed Tuesday at 7:15 p.m.", "2000-02-20",
     "Tuesday at 7:15 p.m.", ("2000-02-15", "2000-02-15"), "2000-02-15T19:15", None),
    ("Fares have doubled over the past 30 years.", "2000-02-20",
     "the past 30 years", ("1970-02-20", "2000-02-20"), "P30Y", None),
    # a range: TimeML dates each end apart, so the value names both (ISO 8601's "start/end")
    ("Talks were held on January 9 and 10.", "2021-01-20",
     "January 9 and 10", ("2021-01-09", "2021-01-10"), "2021-01-09/2021-01-10", None),
    ("Aer Lingus will take delivery of the aircraft from 2009 to 2011.", "2007-06-09",
     "2009 to 2011", ("2009-01-01", "2011-12-31"), "2009/2011", None),
    ("The fund grew every quarter from March to May 2009.", "2009-07-01",
     "March to May 2009", ("2009-03-01", "2009-05-31"), "2009-03/2009-05", None),
    # a record measured back from the time of writing (MEANTIME 121225's headline, and the forms
    # TimeBank writes: "the lowest figure for almost two decades" P20Y, "the first time in years" PXY)
    ("The Dow closed at its lowest level in six years on Friday.", "2009-02-20",
     "six years", ("2003-02-20", "2009-02-20"), "P6Y", None),
    # without a publication date the span keeps its length, and no interval
    ("The Dow closed at its lowest level in six years.", None, "six years", (None, None), "P6Y", None),
    ("It was the biggest one-day drop in more than two decades.", "2009-02-20",
     "more than two decades", ("1989-02-20", "2009-02-20"), "P20Y", None),
    ("Unemployment is the highest it has been in years.", "2009-02-20", "years", (None, None), "PXY", None),
    ("The company is now looking for a buyer.", "2000-02-20", "now", (None, None), "PRESENT_REF", None),
    ("The company recently sold its stake.", "2000-02-20", "recently", (None, None), "PAST_REF", None),
    ("A decision is expected in the near future.", "2000-02-20",
     "in the near future", (None, None), "FUTURE_REF", None),
    # a year's last quarter by its ordinal, and "the last quarter" a reporting period, not 3 months back
    ("Ford posted a profit of $868 million in the final quarter of 2009.", "2010-01-28",
     "the final quarter of 2009", ("2009-10-01", "2009-12-31"), "2009-Q4", None),
    ("Revenue rose 4% in the last quarter, the company said.", "2010-01-28",
     "the last quarter", ("2009-10-01", "2009-12-31"), "2009-Q4", None),
    ("Profit fell in the last half of 2009.", "2010-01-28",
     "the last half of 2009", ("2009-07-01", "2009-12-31"), "2009-H2", None),
    # early/late in a unit, and a day word's part of the day or two days off
    ("The Dow gave up its gains late in the day.", "2008-10-20",
     "late in the day", ("2008-10-20", "2008-10-20"), "2008-10-20", "END"),
    ("Home sales slowed early in the year.", "2008-10-20",
     "early in the year", ("2008-01-01", "2008-04-30"), "2008", "START"),
    ("Officials said late yesterday that the border would reopen.", "2008-10-20",
     "late yesterday", ("2008-10-19", "2008-10-19"), "2008-10-19", "END"),
    ("He arrived yesterday morning.", "2008-10-20",
     "yesterday morning", ("2008-10-19", "2008-10-19"), "2008-10-19TMO", None),
    ("The talks collapsed the day before yesterday.", "2008-10-20",
     "the day before yesterday", ("2008-10-18", "2008-10-18"), "2008-10-18", None),
    ("The troops will leave the day after tomorrow.", "2009-03-20",
     "the day after tomorrow", ("2009-03-22", "2009-03-22"), "2009-03-22", None),
    # a weekday written with the date fixes the year (25 April 1998 was a Saturday, 1997's a Friday),
    # whatever the tense: an editorial dated ahead of the report
    ("The Times said in an editorial on Saturday, April 25, that the court took a detour.", "1998-04-24",
     "Saturday, April 25", ("1998-04-25", "1998-04-25"), "1998-04-25", None),
    # the wire services' clock ("0600 GMT"), a US zone written short, a range across two months
    ("The ship sailed at 0600 GMT on Tuesday, officials said.", "2009-06-10",
     "0600 GMT on Tuesday", ("2009-06-09", "2009-06-09"), "2009-06-09T06:00", None),
    ("Trading resumed at 3 p.m. ET.", "2009-06-10",
     "3 p.m. ET", ("2009-06-10", "2009-06-10"), "2009-06-10T15:00", None),
    ("The tournament runs from June 29 to July 12.", "2009-06-10",
     "June 29 to July 12", ("2009-06-29", "2009-07-12"), "2009-06-29/2009-07-12", None),
    ("The agency wants every plant shut by the end of the decade.", "2009-06-10",
     "the end of the decade", ("2007-01-01", "2009-12-31"), "200", "END"),
    # "late in 2008", "early in the 1990s": the part of the time as "late 2008" names it
    ("The plant opened late in 2008.", "2009-06-10",
     "late in 2008", ("2008-09-01", "2008-12-31"), "2008", "END"),
    ("Shares peaked early in the 1990s.", "2009-06-10",
     "early in the 1990s", ("1990-01-01", "1993-12-31"), "199", "START"),
    # fixed phrases for the time of writing and after it
    ("The plan will stay in place for the time being.", "2009-06-10",
     "for the time being", (None, None), "PRESENT_REF", None),
    ("Talks will resume at a later date.", "2009-06-10", "at a later date", (None, None), "FUTURE_REF", None),
    # a results report's quarter before the one it names
    ("Net income rose 5% in the third quarter of 1989 from the previous quarter.", "1989-10-27",
     "the previous quarter", ("1989-04-01", "1989-06-30"), "1989-Q2", None),
    # "prior" counts from the narrative's time as "previous" does
    ("Talks began on March 3, 2009, after a draft had been agreed the prior week.", "2009-03-20",
     "the prior week", ("2009-02-23", "2009-03-01"), "2009-W09", None),
    # a part of the day alone: the day the account tells (the narrative's last day in a past
    # clause), else the day of writing, as a lone clock time
    ("By mid-afternoon, rescuers had pulled 12 people from the rubble.", "2009-06-10",
     "mid-afternoon", ("2009-06-10", "2009-06-10"), "2009-06-10TAF", "MID"),
    ("The fire broke out on Saturday. Crews had it under control in the late afternoon.", "2009-06-10",
     "the late afternoon", ("2009-06-06", "2009-06-06"), "2009-06-06TAF", "END"),
    # "the year before", "the week before" closing a clause: the previous one, counted from the
    # narrative's time as "the day before" is
    ("The plant reopened in 2005. It had been shut down the year before.", "2009-06-10",
     "the year before", ("2004-01-01", "2004-12-31"), "2004", None),
    ("The strike began on March 3. Talks had broken down the week before.", "2009-06-10",
     "the week before", ("2009-02-23", "2009-03-01"), "2009-W09", None),
    # markets' "ahead of the weekend" on a Friday: the weekend to come
    ("Investors cashed in gains ahead of the weekend.", "2009-06-12",
     "the weekend", ("2009-06-13", "2009-06-14"), "2009-W24-WE", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expr", "interval", "value", "mod"), SENTENCES)
def test_an_expression_carries_its_interval_and_its_timeml_value(
    nlp: Any, text: str, published: str | None, expr: str, interval: tuple[str | None, str | None],
    value: str | None, mod: str | None,
) -> None:  # fmt: skip
    found = find_times(nlp(text), published)
    (t,) = [t for t in found if t.text == expr]
    assert ((t.start, t.end), t.timeml_value, t.mod) == (interval, value, mod)


def test_a_range_names_its_two_ends_and_no_part_of_one_unit() -> None:
    assert cal.timeml_range((D(1991, 1, 1), D(1997, 12, 31)), "year") == "1991/1997"
    assert cal.timeml_range((D(2021, 3, 30), D(2021, 4, 2)), "day") == "2021-03-30/2021-04-02"
    assert cal.timeml_range((D(2006, 9, 1), D(2007, 1, 31)), "year") is None  # late 2006 to January
    assert cal.timeml_range((D(2006, 1, 1), D(2006, 12, 31)), "year") is None  # one year


def test_the_annotate_json_carries_the_value_and_reads_back(nlp: Any) -> None:
    (t,) = find_times(nlp("The car maker was bought back in late 2006."), "2007-09-08")
    d = t.to_dict()
    assert (d["start"], d["end"], d["timeml_value"], d["mod"]) == ("2006-09-01", "2006-12-31", "2006", "END")
    assert _time(d) == t


@pytest.mark.parametrize(
    "text",
    ["The plant will reopen in six years.", "The first suspect was jailed for six years.",
     "Prices rose over a year ago, and fell."],
)  # fmt: skip
def test_a_span_with_no_record_before_it_is_no_record_span(nlp: Any, text: str) -> None:
    """"In six years" ahead, or a sentence's length under a verb, is not a span back to the present."""
    values = [t.timeml_value or "" for t in find_times(nlp(text), "2009-02-20")]
    assert not any(v.startswith("P") for v in values)


@pytest.mark.parametrize(
    "text",
    ["The minister will fly home in the morning.", "She spoke at the morning meeting of the board.",
     "He woke at three o'clock in the morning.", "The blaze began on the morning of June 2."],
)  # fmt: skip
def test_a_part_of_the_day_that_is_no_day_of_its_own_is_not_dated(nlp: Any, text: str) -> None:
    """Which morning lies ahead is not said; a day part that qualifies a noun, a clock or a date is
    no time of its own."""
    assert not [t for t in find_times(nlp(text), "2009-06-10") if "morning" in t.text]


def test_a_part_of_the_day_is_a_time_of_day_for_the_cross_check() -> None:
    """Its day is only the day of writing by default: the cross-check compares no such date."""
    assert clock_only("the late afternoon") and clock_only("mid-afternoon")
    assert not clock_only("the morning of June 2")
