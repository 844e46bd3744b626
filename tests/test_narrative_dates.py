"""Dates counted from the time the narrative has reached ("the next morning", "two days later",
"that night", "the following year", "ended the day at"), and "current", "soon" as the time of
writing. The sentences are written after reports in gva-dev, ecbplus-dev, TimeBank and MEANTIME."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation.times import find_times

# (text, published, expression, start, end); start None: kept without dates.
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # TimeBank APW19980418.0210
    ("On May 22, 1995, Farkas was made a brigadier general, and the following year he was appointed "
     "military attache.", "1998-04-18", "the following year", "1996-01-01", "1996-12-31"),
    # gva-dev: "appeared for arraignment the next morning", "He was arrested two days later."
    ("Hoston robbed a man on Dec. 1. He appeared for arraignment the next morning.", "2016-02-10",
     "the next morning", "2015-12-02", "2015-12-02"),
    ("Police said the woman was stabbed on March 3. He was arrested two days later.", "2016-03-10",
     "two days later", "2016-03-05", "2016-03-05"),
    # the narrative moves on: counted from the last day named, itself counted
    ("The suspect was arrested on Tuesday. He appeared in court the next morning and was charged "
     "two days later.", "2016-04-01", "two days later", "2016-04-01", "2016-04-01"),
    # gva-dev: "came to the Sheriff's office on Tuesday ... was arrested there later that night"
    ("McVay came to the Sheriff's office on Tuesday for questioning and was arrested there later that "
     "night.", "2016-03-31", "that night", "2016-03-29", "2016-03-29"),
    # gva-dev: "officers found ... the day before"; the clause ends on it
    ("Two men were shot on Sunday. A woman had been wounded the day before.", "2016-04-04",
     "the day before", "2016-04-02", "2016-04-02"),
    # ecbplus-dev: "returned to the office the following week", "the following week against Atlanta"
    ("He returned to action on October 30 and scored a touchdown the following week.", "2008-11-20",
     "the following week", "2008-11-03", "2008-11-09"),
    # TimeBank wsj_0586: "down 4.5% from the previous Friday"; an "overnight" after the day named is
    # no day to count from
    ("The index closed at 2082.1 on Oct. 27, after overnight losses, down 4.5% from the previous "
     "Friday.", "1989-10-30", "the previous Friday", "1989-10-20", "1989-10-20"),
    # "overnight" in an account of a day before publication is the night before that day (TimeBank
    # wsj_0586, a Monday's report on Friday's London trading: "depressed initially by overnight
    # losses in New York" is Thursday night); with no day named, or today named, the night before
    # the day of writing
    ("Tokyo stocks fell sharply on Friday. Shares were depressed early by overnight losses on Wall "
     "Street.", "1989-10-30", "overnight", "1989-10-26", "1989-10-27"),
    ("European shares opened lower on Tuesday after overnight losses in New York.", "2009-03-10",
     "overnight", "2009-03-09", "2009-03-10"),
    ("Asian markets slid overnight as oil prices rose.", "2009-03-10", "overnight", "2009-03-09",
     "2009-03-10"),
    # gva-dev: "was expected to be home by 4 p.m. that day": the clock joins the narrative's day
    ("Police said the girl was last seen on Feb. 16. She was expected home by 4 p.m. that day.",
     "2017-02-21", "4 p.m. that day", "2017-02-16", "2017-02-16"),
    # "earlier in the day": the narrative's day (polnear-dev "During a national security speech earlier
    # in the day, Trump attacked Clinton"), else the day of writing; "later in the week", "later in
    # the year" (gva-dev, ecbplus-dev) the rest of the unit of writing, as "later this week"
    ("Trump spoke in Ohio on Monday. Earlier in the day, he met donors.", "2016-10-12",
     "Earlier in the day", "2016-10-10", "2016-10-10"),
    ("During a speech earlier in the day, Trump attacked Clinton.", "2016-10-12", "earlier in the day",
     "2016-10-12", "2016-10-12"),
    ("Light rainfall is in the forecast for Detroit later in the week.", "2016-10-12", "later in the week",
     "2016-10-13", "2016-10-16"),
    # "started the day", "ended the day at": a day's account (a visit, a match, a market close) on
    # the narrative's day, else the day of writing; basil-dev "Louisa, started the day with a service",
    # ecbplus-dev "He ended the day 17/35 for 205 yards", MEANTIME "finish the day at a level of"
    ("The FTSE rose on Monday. The index gained 48 points to finish the day at 5,210.", "2009-10-13",
     "the day", "2009-10-12", "2009-10-12"),
    ("The first lady started the day with a service at St. John's Church.", "2017-01-20", "the day",
     "2017-01-20", "2017-01-20"),
    # a coarser time named since the day (a figure's period, a past fact) does not move the account
    # off it: MEANTIME "posted gains on Friday ... shed 663,000 jobs in March ... ending the day at
    # 8,017"; polnear-dev "vied for the title of commander in chief Wednesday ... the 2011 raid ...
    # During a national security speech earlier in the day"; basil-dev "Friday morning ... in 2009
    # ... started the day with a service"
    ("Stock indexes posted gains on Friday. The economy shed 663,000 jobs in March. The Dow gained 39 "
     "points, ending the day at 8,017.", "2009-04-04", "the day", "2009-04-03", "2009-04-03"),
    ("Trump and Clinton vied for the title of commander in chief Wednesday. Clinton stressed her support "
     "of the 2011 raid. During a national security speech earlier in the day, Trump attacked Clinton.",
     "2016-09-08", "earlier in the day", "2016-09-07", "2016-09-07"),
    ("Trump arrived at Blair House on Friday morning. Obama took office in 2009. The first lady started "
     "the day with a service.", "2017-01-21", "the day", "2017-01-20", "2017-01-20"),
    # a streak ("for a seventh straight session", "for the second week in a row", "the second
    # straight year that"): the unit the narrative is on, else the unit of writing; ecbplus-dev "rose
    # for a seventh straight session", "For the second week in a row he did not turn the ball over",
    # extraction-dev "It's the second straight year that Bush failed", MEANTIME "for a second
    # consecutive day"
    ("Stocks across the globe rose on Tuesday for a seventh straight session.", "2009-04-02",
     "a seventh straight session", "2009-03-31", "2009-03-31"),
    ("US stocks log gains for fourth week in a row", "2009-04-04", "fourth week in a row", "2009-03-30",
     "2009-04-05"),
    ("Trading on Russia's stock markets has been suspended for a second consecutive day.", "2008-09-17",
     "a second consecutive day", "2008-09-17", "2008-09-17"),
    ("It's the second straight year that Bush failed to make the cut.", "2017-06-02",
     "the second straight year", "2017-01-01", "2017-12-31"),
    # nothing named before, or nothing fine enough: kept with its reason
    ("The following week, the army withdrew.", "2022-03-15", "The following week", None, None),
    ("The plant opened in 1995, and the next day it was closed.", "2022-03-15", "the next day", None, None),
    # basil-dev: a day named before the month the narrative has moved to is not the one it counts from
    ("Voters went to the polls on Nov. 8. Cruz spoke at the convention in July. At a tense breakfast "
     "the following morning, Cruz said he would not back Trump.", "2016-09-26", "the following morning",
     None, None),
    # "current" before a noun: what holds at the time of writing (TimeML PRESENT_REF), as
    # "currently"; gva-dev: "the current conditions of the survivors", TimeBank: "his current wife"
    ("He does not know the current conditions of the survivors.", "2016-03-31", "current", None, None),
    ("Castro said Gonzalez would travel with his current wife.", "2000-03-30", "current", None, None),
    # "soon", "in the long term": ahead of the time of writing (FUTURE_REF); TimeBank "the federal
    # budget will soon move", gva-dev "will soon be charged", polnear-dev "in the long term"
    ("Officials said the budget will soon move from deficit into surplus.", "1998-02-27", "soon", None,
     None),
    ("He wanted to present details of the plan to governments very soon.", "2009-11-05", "very soon",
     None, None),
    ("The aid will secure the plant for the long term.", "2006-05-05", "the long term", None, None),
]
NOT_TIMES: list[tuple[str, str]] = [
    ("He said that night vision goggles were used.", "that night"),  # a conjunction, not "that night"
    ("A gunman opened fire the day before the vote.", "the day before"),  # the vote's day, not ours
    ("The current account deficit widened.", "current"),
    ("The swimmer was swept away by a strong current.", "current"),
    ("He will leave as soon as his father arrives.", "soon"),  # a conjunction, not a time
    ("He was killed soon after being captured.", "soon"),  # the capture's time, not ours
    ("The soon-to-be president spoke.", "soon"),
    ("The company has a long-term plan.", "term"),
    ("He spent the day before the vote in Ohio.", "the day"),  # the vote's day
    ("The team finished last for the third consecutive season.", "season"),  # a season of play
    ("He won for the second time in a row.", "time"),  # no unit of the calendar
]


@pytest.fixture(scope="module")
def docs(nlp: Any) -> dict[str, Any]:
    texts = sorted({c[0] for c in CASES} | {c[0] for c in NOT_TIMES})
    return dict(zip(texts, nlp.pipe(texts), strict=True))


@pytest.mark.parametrize(("text", "published", "expr", "start", "end"), CASES)
def test_dated_from_the_narrative(
    docs: dict[str, Any], text: str, published: str, expr: str, start: str | None, end: str | None
) -> None:
    got = {t.text: t for t in find_times(docs[text], published)}
    assert expr in got, f"{expr!r} not found in {sorted(got)}"
    assert (got[expr].start, got[expr].end) == (start, end)
    assert (got[expr].reason is None) == (start is not None)


@pytest.mark.parametrize(("text", "words"), NOT_TIMES)
def test_not_a_narrative_time(docs: dict[str, Any], text: str, words: str) -> None:
    assert not any(words in t.text for t in find_times(docs[text], "2016-03-31"))

