"""Time expressions resolved to calendar intervals: the seeds' timeline, then a table of news sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXPECTED_JSON
from storyline.annotation.times import anchor_date, find_times

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

PUBLISHED = {"a": "2021-12-31", "b": "2021-12-31T11:30:00+05:30"}


@pytest.fixture(scope="module")
def seed_times(nlp: Any, seed_paths: tuple[Path, Path]) -> dict[str, list[Any]]:
    out = {}
    for key, path in zip("ab", seed_paths, strict=True):
        out[key] = find_times(nlp(path.read_text(encoding="utf-8")), PUBLISHED[key])
    return out


def test_seed_timeline_expectations_hold(seed_times: dict[str, list[Any]]) -> None:
    expected = json.loads((EXPECTED_JSON).read_text(encoding="utf-8"))["timeline"]
    for exp in expected:
        got = [(t.start, t.end) for t in seed_times[exp["source"]] if exp["text"] in t.text]
        assert (exp["start"], exp["end"]) in got, (exp, got)


def test_seed_timeline_through_read_and_annotate(nlp: Any, seed_paths: tuple[Path, Path]) -> None:
    """The production path: the reader's cleaned text and published date, the annotate main pass
    (no dependency parse), and offsets into the cleaned text."""
    from storyline.annotation import annotate_many
    from storyline.reading import read

    articles = [read(p) for p in seed_paths]
    annotated = dict(zip("ab", annotate_many(articles, nlp), strict=True))
    expected = json.loads((EXPECTED_JSON).read_text(encoding="utf-8"))["timeline"]
    for exp in expected:
        ann = annotated[exp["source"]]
        got = [(t.start, t.end) for t in ann.timeline if exp["text"] in t.text]
        assert (exp["start"], exp["end"]) in got, (exp, got)
        assert all(ann.text[t.offset[0] : t.offset[1]] == t.text for t in ann.timeline)


def test_seed_offsets_point_at_the_expression(
    seed_paths: tuple[Path, Path], seed_times: dict[str, list[Any]]
) -> None:
    text = seed_paths[1].read_text(encoding="utf-8")
    for t in seed_times["b"]:
        assert text[t.offset[0] : t.offset[1]] == t.text
        assert t.text in t.sentence


def test_seed_events_name_what_happens(seed_times: dict[str, list[Any]]) -> None:
    events = {t.text: t.event for t in seed_times["a"]}
    assert events["January 9 and 10"] == "talk"
    assert events["January 12"] == "meeting"


def test_vague_expressions_are_kept_with_a_reason(seed_times: dict[str, list[Any]]) -> None:
    vague = [t for t in seed_times["b"] if t.text in ("in recent times", "for several years")]
    assert len(vague) == 2
    assert all(t.start is None and t.end is None and t.reason for t in vague)


def test_anchor_takes_the_local_date_of_a_datetime() -> None:
    assert str(anchor_date("2021-12-31T23:30:00-05:00")) == "2021-12-31"
    assert anchor_date(None) is None
    assert anchor_date("not a date") is None


def test_without_publication_date_only_years_resolve(nlp: Any) -> None:
    doc = nlp("The treaty was signed on March 3, 2014, and talks resumed on Thursday.")
    got = {t.text: (t.start, t.reason) for t in find_times(doc, None)}
    assert got["March 3, 2014"] == ("2014-03-03", None)
    assert got["Thursday"][0] is None and got["Thursday"][1]


# (sentence, publication date, expression as written, start, end); end None means start == end.
# Publication weekdays: 2021-12-31 Fri, 2022-03-15 Tue, 2023-07-03 Mon, 2020-01-02 Thu,
# 2019-11-07 Thu, 2024-02-29 Thu, 2022-06-19 Sun.
A, B, C, D, E, F, G = (
    "2021-12-31", "2022-03-15", "2023-07-03", "2020-01-02", "2019-11-07", "2024-02-29", "2022-06-19",
)  # fmt: skip
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # weekdays: past tense → the latest on or before publication, future → the next
    ("The two leaders spoke for nearly an hour on Thursday.", A, "Thursday", "2021-12-30", None),
    ("Negotiators will meet again on Monday in Geneva.", A, "Monday", "2022-01-03", None),
    ("Officials said Tuesday that the plan had been shelved.", B, "Tuesday", "2022-03-15", None),
    ("The senate is scheduled to vote on Wednesday.", B, "Wednesday", "2022-03-16", None),
    ("Police arrested the suspect last Friday.", B, "last Friday", "2022-03-11", None),
    # a semicolon ends the clause whose verb dates a weekday; "will" dates the event it helps
    ("Thursday's meeting was cancelled; Friday's vote will go ahead.", "2009-06-10", "Friday", "2009-06-12",
     None),
    ("The company will report its earnings next Thursday.", B, "next Thursday", "2022-03-17", None),
    # "will" marks the act as coming though the day hangs off its object: the coming Monday, not
    # the day before a Tuesday report; a past cue word ("former") dates no act of the clause
    ("The company will publish its results on Monday.", B, "Monday", "2022-03-21", None),
    ("He will meet the former president on Monday.", B, "Monday", "2022-03-21", None),
    # polnear-dev breitbart 2016-09-30, read as a Saturday's report: the coming Friday
    ("The campaign says the Democratic presidential candidate will announce plans Friday for a new "
     "national program.", "2016-10-01", "Friday", "2016-10-07", None),
    (
        "The storm made landfall Sunday evening, flooding coastal towns.",
        C,
        "Sunday evening",
        "2023-07-02",
        None,
    ),
    ("Thursday's vote was delayed by a procedural dispute.", A, "Thursday", "2021-12-30", None),
    ("The minister resigned on Saturday after weeks of pressure.", D, "Saturday", "2019-12-28", None),
    ("The talks begin on Monday.", D, "Monday", "2020-01-06", None),
    ("Voters go to the polls on Sunday.", E, "Sunday", "2019-11-10", None),
    ("He was released from hospital on Wednesday.", E, "Wednesday", "2019-11-06", None),
    ("The report, released Friday, found widespread abuses.", G, "Friday", "2022-06-17", None),
    (
        "Rescue teams were still searching for survivors on Tuesday morning.",
        F,
        "Tuesday morning",
        "2024-02-27",
        None,
    ),
    ("Lavrov said Monday that Russia should not be left waiting.", A, "Monday", "2021-12-27", None),
    (
        "A senior official told reporters Wednesday that no decision had been made.",
        A,
        "Wednesday",
        "2021-12-29",
        None,
    ),
    # a present verb whose object came first looks back: "the ad follows the statement on Tuesday"
    (
        "The new campaign ad follows the senator’s statement on Tuesday criticizing the ruling.",
        A,
        "Tuesday",
        "2021-12-28",
        None,
    ),
    ("The move echoes a ruling by the appeals court on Friday.", B, "Friday", "2022-03-11", None),
    # a scheduling participle points ahead, whatever the tense of the sentence around it
    (
        "The governor appointed an interim senator to serve until a special election set for June 25.",
        B,
        "June 25",
        "2022-06-25",
        None,
    ),
    ("Officials postponed the hearing, which had been set for Friday.", B, "Friday", "2022-03-11", None),
    ("The company said it would cut 1,000 jobs by Friday.", C, "Friday", "2023-07-07", None),
    ("Sunday's election was marred by violence.", C, "Sunday", "2023-07-02", None),
    # a present perfect after the date is read whole, without a parse too ("has been identified",
    # not the news present "has"): gva-dev 773797, tmj4 on Wednesday 2017-02-15 of the shooting
    # on Saturday the 11th, not the coming one
    ("The victim of Saturday’s fatal shooting in Kenosha has been identified as 23-year-old Sean Bialas.",
     "2017-02-15", "Saturday", "2017-02-11", None),
    # a date before the noun it modifies is the noun's: the perfect after it tells the noun's story
    # ("has been scheduled"), so the month and day stay the coming ones (MEANTIME, Wikinews)
    ("A June 3 hearing has been scheduled in the bankruptcy court.", "2009-05-14", "June 3", "2009-06-03",
     None),
    ("Sunday's election is expected to be close.", B, "Sunday", "2022-03-20", None),
    # a noun of what follows an event puts the event behind a present state (polnear-dev west-journal
    # on Friday 2016-09-30, of the Monday debate; "in the wake of", "in response to" alike), not
    # behind what "will" marks as coming
    ("“The impact of Monday’s debate is still small,” wrote Cameron Easley.", "2016-09-30", "Monday",
     "2016-09-26", None),
    ("The fallout from Tuesday's vote remains uncertain.", B, "Tuesday", "2022-03-15", None),
    ("The reaction to Thursday's ruling is muted.", B, "Thursday", "2022-03-10", None),
    ("The impact of Monday's debate will be felt for weeks.", "2016-09-30", "Monday", "2016-10-03", None),
    # a past act done ahead of a possessive date's event leaves the event on either side: "ahead"
    # is no cue that it lies after the time of writing (polnear-dev wash-post 2016-09-18, a
    # Sunday's report of Friday's E.U. summit); a present or coming act ahead of it still is
    ("Ahead of Friday's meeting, France and Germany unveiled a proposal for increased cooperation.",
     "2016-09-18", "Friday", "2016-09-16", None),
    ("She is campaigning ahead of Thursday's debate.", "2011-08-09", "Thursday", "2011-08-11", None),
    ("Ahead of Friday's meeting, France and Germany will unveil a proposal.", "2016-09-18", "Friday",
     "2016-09-23", None),
    # what someone said they would do at an event is ahead, and so is an event an act going on now
    # is done ahead of (issue 14: "Wednesday's hearing" in a Tuesday's report is the next day); a
    # counterfactual past, "would have attended", is not
    ("The senator said he would attend Wednesday's hearing.", B, "Wednesday", "2022-03-16", None),
    ("Both sides are preparing ahead of Wednesday's hearing.", B, "Wednesday", "2022-03-16", None),
    ("He would have attended Wednesday's hearing.", B, "Wednesday", "2022-03-09", None),
    # a day word before a name and a common noun dates that noun: no station's name
    ("Lawmakers said Today's Senate vote was rushed.", B, "Today", "2022-03-15", None),
    ("Last Thursday's meeting ended without agreement.", A, "Last Thursday", "2021-12-30", None),
    # an event named by a possessive date stands where the act's preposition puts it, when the act's
    # own verb says its time; news present and past plans say nothing (Tuesday 2022-03-15)
    ("The committee will question the nominee at Wednesday's hearing.", B, "Wednesday", "2022-03-16", None),
    ("Voters expect the senator to win Thursday's debate.", B, "Thursday", "2022-03-17", None),
    ("The mayor will use Friday's meeting to announce the budget.", B, "Friday", "2022-03-18", None),
    ("The senator spoke at Monday's rally.", B, "Monday", "2022-03-14", None),
    (
        "The candidate is raising questions about the microphones during Monday's debate.",
        B,
        "Monday",
        "2022-03-14",
        None,
    ),
    ("The talks, which began Tuesday, will continue through Friday.", B, "Tuesday", "2022-03-15", None),
    ("The talks, which began Tuesday, will continue through Friday.", B, "Friday", "2022-03-18", None),
    (
        "The prime minister flew to Brussels on Sunday and is due back on Wednesday.",
        C,
        "Sunday",
        "2023-07-02",
        None,
    ),
    (
        "The prime minister flew to Brussels on Sunday and is due back on Wednesday.",
        C,
        "Wednesday",
        "2023-07-05",
        None,
    ),
    ("On Friday, the court rejected the appeal.", G, "Friday", "2022-06-17", None),
    # days relative to publication
    ("The ministry announced the measures yesterday.", B, "yesterday", "2022-03-14", None),
    ("The results are expected tomorrow.", B, "tomorrow", "2022-03-16", None),
    ("Protesters gathered outside parliament today.", B, "today", "2022-03-15", None),
    ("The president will address the nation tonight.", A, "tonight", "2021-12-31", None),
    ("Three people were killed in a fire last night.", C, "last night", "2023-07-02", None),
    ("Markets fell sharply this morning.", C, "this morning", "2023-07-03", None),
    ("The pipeline was shut overnight after a leak.", C, "overnight", "2023-07-02", "2023-07-03"),
    # calendar weeks, months, years, weekends (weeks run Monday to Sunday)
    ("Last week, Russia test-fired hypersonic missiles.", A, "Last week", "2021-12-20", "2021-12-26"),
    ("The bill will be debated next week.", B, "next week", "2022-03-21", "2022-03-27"),
    (
        "Inflation rose this month to its highest level in decades.",
        B,
        "this month",
        "2022-03-01",
        "2022-03-31",
    ),
    ("The central bank raised rates last month.", B, "last month", "2022-02-01", "2022-02-28"),
    ("The company plans to open a new plant next month.", A, "next month", "2022-01-01", "2022-01-31"),
    ("The new missile enters service next year.", A, "next year", "2022-01-01", "2022-12-31"),
    ("Unemployment fell last year to 3.9 percent.", D, "last year", "2019-01-01", "2019-12-31"),
    ("This year's harvest was the worst on record.", A, "This year", "2021-01-01", "2021-12-31"),
    (
        "US intelligence earlier this month determined that an offensive was planned.",
        A,
        "earlier this month",
        "2021-12-01",
        "2021-12-30",
    ),  # before the day of writing
    ("The verdict is expected later this month.", B, "later this month", "2022-03-16", "2022-03-31"),
    ("The festival takes place this weekend.", B, "this weekend", "2022-03-19", "2022-03-20"),
    ("Thousands marched through the city last weekend.", B, "last weekend", "2022-03-12", "2022-03-13"),
    ("The deal is expected to close this week.", G, "this week", "2022-06-13", "2022-06-19"),
    (
        "Early next year, the agency will publish its findings.",
        A,
        "Early next year",
        "2022-01-01",
        "2022-04-30",
    ),
    ("Late last year, the firm cut its forecast.", B, "Late last year", "2021-09-01", "2021-12-31"),
    # spans and "ago"
    ("Prices have doubled over the past year.", B, "the past year", "2021-03-15", "2022-03-15"),
    ("Cases have risen sharply in the past week.", B, "the past week", "2022-03-08", "2022-03-15"),
    ("Russia would have to decide in the next month.", A, "the next month", "2022-01-01", "2022-01-31"),
    ("Talks resume next month.", A, "next month", "2022-01-01", "2022-01-31"),
    ("Mistakes have been made over the past 30 years.", A, "the past 30 years", "1991-12-31", "2021-12-31"),
    ("Prices could rise in the next three months.", B, "the next three months", "2022-03-15", "2022-06-15"),
    ("The law was passed two years ago.", B, "two years ago", "2020-01-01", "2020-12-31"),
    ("The pair met three weeks ago in Brussels.", B, "three weeks ago", "2022-02-21", "2022-02-27"),
    ("The factory closed five days ago.", B, "five days ago", "2022-03-10", None),
    ("The pandemic struck a year ago.", B, "a year ago", "2021-01-01", "2021-12-31"),
    ("Six months ago, the town had no clinic.", C, "Six months ago", "2023-01-01", "2023-01-31"),
    (
        "Over the last two weeks, the army has advanced slowly.",
        B,
        "the last two weeks",
        "2022-03-01",
        "2022-03-15",
    ),
    # month and day without a year: the year nearest publication in the tense's direction
    (
        "Talks are scheduled for January 9 and 10 in Geneva.",
        A,
        "January 9 and 10",
        "2022-01-09",
        "2022-01-10",
    ),
    ("Talks will begin in Geneva on Jan. 10.", A, "Jan. 10", "2022-01-10", None),
    ("The two leaders last spoke Dec. 3.", A, "Dec. 3", "2021-12-03", None),
    ("The summit runs from March 3 to 5.", A, "March 3 to 5", "2022-03-03", "2022-03-05"),
    ("The conference, held Jan. 9-10, drew 3,000 delegates.", B, "Jan. 9-10", "2022-01-09", "2022-01-10"),
    ("Meetings are planned for January 12 and 13.", A, "January 12 and 13", "2022-01-12", "2022-01-13"),
    ("The attack took place on November 28.", A, "November 28", "2021-11-28", None),
    ("The election will be held on November 8.", B, "November 8", "2022-11-08", None),
    ("On Dec. 24, the rebels seized the airport.", D, "Dec. 24", "2019-12-24", None),
    ("The deadline is Jan. 15.", E, "Jan. 15", "2020-01-15", None),
    ("The strike began on October 3 and ended on October 20.", E, "October 3", "2019-10-03", None),
    ("The strike began on October 3 and ended on October 20.", E, "October 20", "2019-10-20", None),
    ("The ceasefire took effect on 21 February.", F, "21 February", "2024-02-21", None),
    ("Parliament will sit again on 4 March.", F, "4 March", "2024-03-04", None),
    # a range is one interval, a list one expression per time
    ("Voting runs from March 30 to April 2.", B, "March 30 to April 2", "2022-03-30", "2022-04-02"),
    ("The festival ran from Dec. 28 to Jan. 3.", D, "Dec. 28 to Jan. 3", "2019-12-28", "2020-01-03"),
    ("Strikes hit the plant in 1982 and 1992.", C, "1982", "1982-01-01", "1982-12-31"),
    ("Strikes hit the plant in 1982 and 1992.", C, "1992", "1992-01-01", "1992-12-31"),
    ("Ballots will be cast between March 30 and April 2.", B, "April 2", "2022-04-02", None),
    ("The bank will announce its decision on September 21.", C, "September 21", "2023-09-21", None),
    ("The museum reopened on June 1.", C, "June 1", "2023-06-01", None),
    ("The ship sank on Jan. 5.", A, "Jan. 5", "2021-01-05", None),
    ("Negotiators will return to the table on Dec. 20.", E, "Dec. 20", "2019-12-20", None),
    ("The fires started on the night of Aug. 7.", C, "Aug. 7", "2022-08-07", None),
    ("Ministers said the new rules would apply from April 6.", B, "April 6", "2022-04-06", None),
    ("The vote, originally set for Dec. 14, was postponed.", D, "Dec. 14", "2019-12-14", None),
    ("The company will hold its annual meeting on Jan. 5.", A, "Jan. 5", "2022-01-05", None),
    ("The leaders spoke on Thursday, Dec. 30, for 50 minutes.", A, "Thursday, Dec. 30", "2021-12-30", None),
    ("Hearings are set for Sept. 12, 14 and 16.", C, "Sept. 12, 14 and 16", "2023-09-12", "2023-09-16"),
    # full dates
    ("The agreement was signed on March 3, 2014, in Kyiv.", C, "March 3, 2014", "2014-03-03", None),
    ("Elections were held on 7 May 2015.", C, "7 May 2015", "2015-05-07", None),
    ("The company was registered on 2012-06-01, records show.", C, "2012-06-01", "2012-06-01", None),
    ("The report was dated 12/30/2021.", C, "12/30/2021", "2021-12-30", None),
    # a two-digit year, as US local news writes a date: the latest such year up to the year after
    # publication (gva-dev "UPDATE 2/19/17", "(05/09/16)"; ecbplus-dev "against Denver (10/23/66)";
    # MEANTIME "written in the American format, 7/8/07")
    ("UPDATE 2/19/17: The suspect was arrested.", "2017-02-20", "2/19/17", "2017-02-19", None),
    ("He ran for 201 yards against Denver (10/23/66).", "2008-11-20", "10/23/66", "1966-10-23", None),
    # a decade without century or apostrophe after a preposition of time span (ecbplus-dev "Throughout
    # the 50s", "characters of the 30s and 40s"; MEANTIME "the boxy cars of the 70s and 80s")
    # a week of a month: a Monday-to-Sunday week inside it (MEANTIME "car sales rebounded in the last
    # week of March", TimeML 2009-W13); "the last week of the season" is no date (basil-dev)
    ("Car sales rebounded in the last week of March.", "2009-04-01", "the last week of March", "2009-03-23",
     "2009-03-29"),
    ("Throughout the 50s, she appeared in leopard prints.", "2008-11-20", "the 50s", "1950-01-01",
     "1959-12-31"),
    ("It rid Detroit of the boxy cars of the 70s and 80s.", "2007-02-09", "80s", "1980-01-01", "1989-12-31"),
    ("The accord expired on Dec. 31, 2020.", B, "Dec. 31, 2020", "2020-12-31", None),
    # months
    ("Biden and Putin met in Geneva in June.", A, "June", "2021-06-01", "2021-06-30"),
    ("Negotiations are expected to resume in January.", A, "January", "2022-01-01", "2022-01-31"),
    ("The company cut 500 jobs in March.", C, "March", "2023-03-01", "2023-03-31"),
    ("The law takes effect in May.", B, "May", "2022-05-01", "2022-05-31"),
    ("Sales slumped in February.", B, "February", "2022-02-01", "2022-02-28"),
    ("Construction will start in early June.", B, "early June", "2022-06-01", "2022-06-10"),
    ("Fighting intensified in mid-March.", C, "mid-March", "2023-03-11", "2023-03-20"),
    ("Prices peaked in late October.", E, "late October", "2019-10-21", "2019-10-31"),
    ("The spring thaw in March or April makes roads impassable.", A, "March", "2022-03-01", "2022-03-31"),
    ("The spring thaw in March or April makes roads impassable.", A, "April", "2022-04-01", "2022-04-30"),
    ("Inflation hit 9.1 percent in June 2022.", C, "June 2022", "2022-06-01", "2022-06-30"),
    ("The plant closed in December of 2019.", C, "December of 2019", "2019-12-01", "2019-12-31"),
    ("Cases rose steadily between January and March.", C, "January", "2023-01-01", "2023-01-31"),
    ("Cases rose steadily between January and March.", C, "March", "2023-03-01", "2023-03-31"),
    ("Sales fell between April and June, the company said.", A, "April", "2021-04-01", "2021-04-30"),
    ("Sales fell between April and June, the company said.", A, "June", "2021-06-01", "2021-06-30"),
    # a bare season after "since" is one gone by, whatever the tense reads (polnear-dev: "have been
    # working the state since the spring", "in the works since the summer")
    ("The interview had been in the works since the summer.", "2016-05-20", "the summer", "2015-06-01",
     "2015-08-31"),
    # the day before or after a named day (polnear-dev: "on the day after Christmas", "on the day
    # after Monday's debate"; TimeBank: "the day before last Tuesday")
    ("The super PAC sent its greeting on the day after Christmas.", "2015-12-29", "the day after Christmas",
     "2015-12-26", None),
    ("He said he raised $18 million on the day after Monday's debate.", "2016-09-29", "the day after Monday",
     "2016-09-27", None),
    # the months of one yearless list fall in one run of months, whatever each alone would be
    ("Elections will be held between March and May.", "2009-05-15", "March", "2009-03-01", "2009-03-31"),
    ("The talks were held in November and January.", "2009-05-15", "November", "2008-11-01", "2008-11-30"),
    ("Lawmakers return from recess in September.", G, "September", "2022-09-01", "2022-09-30"),
    (
        "The flooding began in late January and lasted until mid-February.",
        F,
        "late January",
        "2024-01-21",
        "2024-01-31",
    ),
    (
        "The flooding began in late January and lasted until mid-February.",
        F,
        "mid-February",
        "2024-02-11",
        "2024-02-20",
    ),
    # years, decades, seasons
    ("Russia annexed Crimea in 2014.", C, "2014", "2014-01-01", "2014-12-31"),
    ("The company was founded in the 1990s.", C, "the 1990s", "1990-01-01", "1999-12-31"),
    ("Growth slowed in the early 2000s.", C, "the early 2000s", "2000-01-01", "2003-12-31"),
    ("The tax rose steadily from 2010 to 2015.", C, "2010 to 2015", "2010-01-01", "2015-12-31"),
    ("The offensive could begin as soon as early 2022.", A, "early 2022", "2022-01-01", "2022-04-30"),
    ("The law expires in late 2025.", C, "late 2025", "2025-09-01", "2025-12-31"),
    ("Construction will finish by mid-2024.", C, "mid-2024", "2024-05-01", "2024-08-31"),
    ("Sanctions imposed in 2014-15 remain in place.", C, "2014-15", "2014-01-01", "2015-12-31"),
    # quarters and halves: written year, relative year, or alone in a sentence about money
    (
        "Profits rose in the third quarter of this year.",
        A,
        "the third quarter of this year",
        "2021-07-01",
        "2021-09-30",
    ),
    (
        "Net sales for this year's third quarter were $14 million.",
        "1989-11-01",
        "this year's third quarter",
        "1989-07-01",
        "1989-09-30",
    ),
    (
        "Du Pont reported that third-quarter profit grew 19% from a year ago.",
        "1989-10-26",
        "third-quarter",
        "1989-07-01",
        "1989-09-30",
    ),
    (
        "Airbus expects deliveries to recover in the second half of next year.",
        A,
        "the second half of next year",
        "2022-07-01",
        "2022-12-31",
    ),
    (
        "GM lost $15.5 billion in the first half of 2008.",
        "2008-08-01",
        "the first half of 2008",
        "2008-01-01",
        "2008-06-30",
    ),
    ("Apple's revenue fell last quarter.", "2019-01-29", "last quarter", "2018-10-01", "2018-12-31"),
    (
        "Chandler Insurance said it expects to report third-quarter net income jumped 97%.",
        "1989-10-26",
        "third-quarter",
        "1989-07-01",
        "1989-09-30",
    ),
    (
        "Hearings are set for the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "2000-03-06",
        "2000-03-12",
    ),
    ("Profit rose 5% in the latest quarter.", "2016-10-20", "the latest quarter", "2016-07-01", "2016-09-30"),
    # a statistic reported by period, no money word beside it: a common noun's amount changes in the
    # quarter (MEANTIME "late payments on mortgages and home foreclosures ... rose in the fourth quarter")
    ("Home foreclosures rose in the fourth quarter to their highest level in years.", "2007-03-13",
     "the fourth quarter", "2006-10-01", "2006-12-31"),
    ("Unemployment fell in the second quarter, the agency said.", "2007-09-13", "the second quarter",
     "2007-04-01", "2007-06-30"),
    (
        "The airline lost $5 million in the latest fiscal year.",
        "1989-10-26",
        "the latest fiscal year",
        "1988-01-01",
        "1988-12-31",
    ),
    ("Early voting ends the Sunday before Election Day.", "2016-10-20", "Election Day", "2016-11-08", None),
    # a month or season of a year named by its shift from publication
    ("The new plant opens in October of next year.", A, "October of next year", "2022-10-01", "2022-10-31"),
    (
        "The company filed for bankruptcy in June last year.",
        "2010-03-02",
        "June last year",
        "2009-06-01",
        "2009-06-30",
    ),
    (
        "Production will resume in the spring of next year.",
        A,
        "the spring of next year",
        "2022-03-01",
        "2022-05-31",
    ),
    # clock times: the day beside them, else the day of writing
    (
        "The rocket lifted off at 16:08 UTC on Tuesday.",
        "2021-12-09",
        "16:08 UTC on Tuesday",
        "2021-12-07",
        None,
    ),
    ("Polls open at 7 a.m.", "2020-11-03", "7 a.m.", "2020-11-03", None),
    (
        "The quake struck at 2:46 p.m. local time Friday.",
        "2011-03-12",
        "2:46 p.m. local time Friday",
        "2011-03-11",
        None,
    ),
    # a clock time apart from its day: the one day its sentence names, else in a past clause the
    # day the account last named (``times_of_day``)
    (
        "The quake struck at 8:19 p.m. local time (1319 UTC) on Tuesday, the USGS said.",
        "2010-04-15",
        "8:19 p.m. local time",
        "2010-04-13",
        None,
    ),
    ("On Sunday, the ferry left port at 6:30 a.m. and sank an hour later.", "2014-04-18", "6:30 a.m.",
     "2014-04-13", None),
    ("The fire broke out on Saturday night. It was put out at 3 a.m., the brigade said.", "2017-06-20",
     "3 a.m.", "2017-06-17", None),
    ("The fire broke out on Saturday night. Firefighters will return at 9 a.m.", "2017-06-20", "9 a.m.",
     "2017-06-20", None),
    ("A vigil will be held on Saturday. Police were called at 6:30 p.m.", "2017-02-22", "6:30 p.m.",
     "2017-02-22", None),  # a past clause is not on a day after writing
    # the year of a date on the far side of the tense: a deadline pushed ahead, a ruling that is done
    (
        "Dunkin' has set Nov. 10 as the deadline for competing bids.",
        "1989-11-02",
        "Nov. 10",
        "1989-11-10",
        None,
    ),
    ("The offer was extended to Nov. 16.", "1989-10-30", "Nov. 16", "1989-11-16", None),
    # the "later" of a narrative's "three days later" counts from the narrative, not from the time of
    # writing: no cue that a date beside it lies ahead (TimeBank wsj_0585; gva-dev "informed a few
    # hours later Sunday", "About 10 days later, on Feb. 5")
    (
        "Three days later, as of Friday's close, the Nasdaq Composite was down 6%.",
        "1989-10-30",
        "Friday",
        "1989-10-27",
        None,
    ),
    (
        "They said they would appeal the decision, announced Wednesday by the commissioner.",
        "2000-01-06",
        "Wednesday",
        "2000-01-05",
        None,
    ),
    (
        "The bonds convert at a premium over Thursday's closing price.",
        "1989-10-30",
        "Thursday",
        "1989-10-26",
        None,
    ),
    ("The scars of the '80s run deep.", C, "the '80s", "1980-01-01", "1989-12-31"),
    ("In the summer of 2019, the river ran dry.", C, "the summer of 2019", "2019-06-01", "2019-08-31"),
    ("The bridge will be completed in spring 2025.", C, "spring 2025", "2025-03-01", "2025-05-31"),
    ("Last summer, wildfires destroyed 300 homes.", C, "Last summer", "2022-06-01", "2022-08-31"),
    ("The agency will decide this summer.", B, "this summer", "2022-06-01", "2022-08-31"),
    ("Next winter could bring energy shortages.", C, "Next winter", "2023-12-01", "2024-02-29"),
    ("By the end of 2023, the plant will be closed.", B, "the end of 2023", "2023-09-01", "2023-12-31"),
    ("The cathedral was rebuilt in the 13th century.", C, "the 13th century", "1200-01-01", "1299-12-31"),
    (
        "Coal powered the early twentieth century economy.",
        C,
        "the early twentieth century",
        "1900-01-01",
        "1932-12-31",
    ),
    # bare weekends and seasons, holidays, parts of the current unit
    ("The senator said over the weekend that he would run.", B, "the weekend", "2022-03-12", "2022-03-13"),
    ("Negotiators will keep talking through the weekend.", B, "the weekend", "2022-03-19", "2022-03-20"),
    # a weekend not holding the day of writing by the tense of its verb: a past clause the one just
    # gone, a future or modal one the coming one, a present the nearer of the two
    ("A 12-year-old boy is recovering from an accidental gunshot wound that happened over the weekend.",
     "2016-04-11", "the weekend", "2016-04-09", "2016-04-10"),  # gva-dev 537750_1, a Monday
    ("The president over the weekend had tweeted that Strzok and others have damaged the FBI's reputation.",
     "2018-08-13", "the weekend", "2018-08-11", "2018-08-12"),  # basil-dev, a Monday
    ("A Philadelphia man is charged with murder after shooting three people to death and seriously "
     "injuring a fourth before barricading himself inside his Kensington home this weekend.",
     "2016-04-18", "this weekend", "2016-04-16", "2016-04-17"),  # gva-dev 541996_1, a Monday
    ("Police are investigating a shooting this weekend in Kensington.", "2016-04-18", "this weekend",
     "2016-04-16", "2016-04-17"),
    ("Boehner is heading back to Ohio for the weekend.", "2012-12-13", "the weekend", "2012-12-15",
     "2012-12-16"),  # basil-dev, a Thursday
    ("Summit says that no deal has been signed yet, but the official announcement could be coming as soon "
     "as this weekend.", "2016-04-18", "this weekend", "2016-04-23", "2016-04-24"),  # ecbplus-dev 6_5ecb
    ("Police will patrol the park this weekend.", "2016-04-18", "this weekend", "2016-04-23", "2016-04-24"),
    # a verb of inquiry looks back at its object in the progressive too (gva-dev 545868_1, a Friday)
    ("St. Augustine police are investigating an apparent accidental shotgun shooting of a 15-year-old boy "
     "Thursday.", "2016-04-22", "Thursday", "2016-04-21", None),
    ("Two people were shot this weekend in Kensington.", "2016-04-22", "this weekend", "2016-04-16",
     "2016-04-17"),  # a Friday: the weekend just gone all the same
    ("The offensive is expected to begin in the spring.", A, "the spring", "2022-03-01", "2022-05-31"),
    ("The harvest failed in the autumn.", B, "the autumn", "2021-09-01", "2021-11-30"),
    ("A deal by Christmas now looks impossible.", "2012-12-13", "Christmas", "2012-12-25", None),
    ("Shops were looted on Christmas Eve.", D, "Christmas Eve", "2019-12-24", None),
    ("Fireworks lit up the sky on New Year's Eve.", D, "New Year's Eve", "2019-12-31", None),
    ("Travel peaked before Thanksgiving.", "2023-11-28", "Thanksgiving", "2023-11-23", None),
    ("Churches will be full on Easter Sunday.", "2024-03-20", "Easter Sunday", "2024-03-31", None),
    (
        "Prices will stay high until the end of the month.",
        C,
        "the end of the month",
        "2023-07-21",
        "2023-07-31",
    ),
    ("A decision is due by the end of the week.", C, "the end of the week", "2023-07-07", "2023-07-09"),
    ("Counting could continue until Friday.", "2020-11-05", "Friday", "2020-11-06", None),
    # "until" bounds a state: one a present perfect says has run up to the time of writing runs on,
    # so the day lies ahead (MEANTIME "has continued to hold all stock markets closed until Friday");
    # one a past form says ended was over before it
    ("The ministry has kept all schools in the region closed until Monday, officials said.", "2020-03-18",
     "Monday", "2020-03-23", None),
    ("Officials have extended the curfew until Saturday.", "2020-06-03", "Saturday", "2020-06-06", None),
    ("The exchange stayed shut until Friday, when trading resumed.", "2008-09-18", "Friday", "2008-09-12",
     None),
    ("Democrats won the House in the 2018 elections.", "2019-03-08", "2018", "2018-01-01", "2018-12-31"),
    ("Trump's 2016 campaign hired him.", C, "2016", "2016-01-01", "2016-12-31"),
    (
        "Pelosi said the address would not be held this Tuesday.",
        "2019-01-25",
        "this Tuesday",
        "2019-01-29",
        None,
    ),
    (
        "Leaders fear he will drive voters away from candidates running in the fall.",
        "2016-03-25",
        "the fall",
        "2016-09-01",
        "2016-11-30",
    ),
    (
        "The governor picked an aide to fill the seat until a special election in June.",
        "2013-01-30",
        "June",
        "2013-06-01",
        "2013-06-30",
    ),
    (
        "Profits fell in the third quarter of 2021.",
        B,
        "the third quarter of 2021",
        "2021-07-01",
        "2021-09-30",
    ),
    ("Sales rose in Q1 2022, the company said.", C, "Q1 2022", "2022-01-01", "2022-03-31"),
    ("The order was issued on 30/12/2021.", C, "30/12/2021", "2021-12-30", None),
    ("Talks resume early next week.", B, "early next week", "2022-03-21", "2022-03-22"),
    ("The senator says Tuesday that he will not resign.", F, "Tuesday", "2024-02-27", None),
    ("Grunge ruled the ’90s.", C, "the ’90s", "1990-01-01", "1999-12-31"),
    ("Emissions have fallen over the past decade.", B, "the past decade", "2012-03-15", "2022-03-15"),
    ("Growth was weak for much of the last decade.", B, "the last decade", "2012-03-15", "2022-03-15"),
    # a weak future (a news present, a cue, a modal) weighs the weekday ahead against the one
    # just gone by distance (gva-dev 537974_1, 549794_2; TimeBank APW20000115.0031) ...
    ("A death investigation is underway Monday in Caldwell County after a 16-year old was shot and "
     "killed.", "2016-04-12", "Monday", "2016-04-11", None),
    ("A three-year-old boy is recovering after accidentally shooting himself in the arm Wednesday.",
     "2016-04-28", "Wednesday", "2016-04-27", None),
    ("The Immigration and Naturalization Service had ruled that Elian must be returned to his father, "
     "and set Friday as the deadline for his repatriation.", "2000-01-15", "Friday", "2000-01-14", None),
    # ... a past form stays past with a noun between it and the day (gva-dev 544535_3, 547827_3)
    ("An Indianapolis mother made her first court appearance Thursday.", "2016-05-11", "Thursday",
     "2016-05-05", None),
    ("Loved ones gathered for a prayer circle in front of the market, Tuesday.", "2016-04-25", "Tuesday",
     "2016-04-19", None),
    # "last December", "next March": the month of that name before (after) the month of writing,
    # whatever the clause's tense (polnear-dev huff-post 2016-09-27; TimeBank NYT20000113.0267)
    ("It is the main tool to meet the target pledged at U.N. climate talks in Paris last December.",
     "2016-09-27", "last December", "2015-12-01", "2015-12-31"),
    ("Elian was rescued at sea on a voyage to the United States last November.", "2000-01-13",
     "last November", "1999-11-01", "1999-11-30"),
    ("The plant will close next March.", "2016-03-10", "next March", "2017-03-01", "2017-03-31"),
    ("The vote was held last June 30.", "2016-09-27", "June 30", "2016-06-30", None),
]
# Expressions kept with a reason and no dates.
UNRESOLVED: list[tuple[str, str, str]] = [
    ("Officials have made the charge repeatedly in recent times.", A, "in recent times"),
    ("The treaty was violated for several years.", A, "for several years"),
    ("Prices are likely to rise in the coming weeks.", A, "in the coming weeks"),
    ("The following week, the army withdrew.", C, "The following week"),
    ("Officials had warned for weeks that an attack was coming.", B, "for weeks"),
    ("She moved to Paris years ago.", B, "years ago"),
    ("Prices have risen over the past several months.", B, "the past several months"),
    ("The treaty was signed on Feb. 29.", B, "Feb. 29"),
    # the time of writing or its side, without a calendar (TimeML PRESENT_REF, PAST_REF, FUTURE_REF)
    ("Prices are now higher than before the war.", B, "now"),
    ("The company currently employs 4,000 people.", B, "currently"),
    ("The airline recently cut its forecast.", B, "recently"),
    ("Analysts expect more cuts in the future.", B, "in the future"),
]
# Numbers that are not time expressions.
NOT_TIMES: list[tuple[str, str]] = [
    ("About 2000 troops crossed the border.", "2000"),
    ("Germany reunited a year after the fall of the Berlin Wall.", "fall"),  # a collapse, not autumn
    ("The call lasted 50 minutes, ending after midnight.", "50 minutes"),
    ("It was the second call between the leaders.", "second"),
    ("Many people may march in protest.", "march"),
    ("The team led 21-7 after the third quarter.", "quarter"),
    ("The shops sold out of Christmas trees.", "Christmas"),
    ("The Bears scored twice in the second quarter.", "quarter"),
    ("The Colts jumped out to a 13-3 lead in the first quarter.", "quarter"),  # a team's move, not an amount
    ("The question came from reporter April Ryan and Senator John Kerry.", "April"),
    ("See wkrn.com/2017/02/26/13-year-old-dies for more.", "02/26"),  # a web address, not a date
    ("Temperatures were in the 70s and 80s all week.", "70s"),  # degrees: "in" is no span of time
    ("The victim, a man in his 30s, was taken to hospital.", "30s"),  # an age
    # the end of something else, not the week before publication (basil-dev)
    ("Bush failed to make it to the last week of the season.", "last week"),
    # a day word opening a station's or a section's name (gva-dev 773085, 773797; "Today's Woman")
    ("Stay with TODAY'S TMJ4 for further updates.", "TODAY"),
    ("Kenosha Police tell TODAY’S TMJ4 this is being investigated as an accidental shooting.", "TODAY"),
    ("In an interview with Today's Woman, the mayor spoke of her plans.", "Today"),
]


@pytest.fixture(scope="module")
def table_docs(nlp: Any) -> dict[str, Any]:
    sentences = sorted({c[0] for c in CASES} | {c[0] for c in UNRESOLVED} | {c[0] for c in NOT_TIMES})
    return dict(zip(sentences, nlp.pipe(sentences), strict=True))


@pytest.mark.parametrize(("sentence", "published", "expr", "start", "end"), CASES)
def test_time_table(
    table_docs: dict[str, Any], sentence: str, published: str, expr: str, start: str, end: str | None
) -> None:
    found = find_times(table_docs[sentence], published)
    got = {t.text: (t.start, t.end) for t in found}
    assert expr in got, f"{expr!r} not found in {sorted(got)}"
    assert got[expr] == (start, end or start)


@pytest.mark.parametrize(("sentence", "published", "expr"), UNRESOLVED)
def test_unresolved_kept_with_reason(
    table_docs: dict[str, Any], sentence: str, published: str, expr: str
) -> None:
    got = {t.text: t for t in find_times(table_docs[sentence], published)}
    assert expr in got
    assert got[expr].start is None and got[expr].end is None and got[expr].reason


@pytest.mark.parametrize(("sentence", "number"), NOT_TIMES)
def test_not_a_time(table_docs: dict[str, Any], sentence: str, number: str) -> None:
    assert not any(number in t.text for t in find_times(table_docs[sentence], A))


def test_case_count() -> None:
    assert len(CASES) + len(UNRESOLVED) >= 100


def test_time_table_without_a_parse(nlp: Any) -> None:
    """The pipeline parses only some sentences: tags and lemmas alone must resolve the same table."""
    sentences = sorted({c[0] for c in CASES})
    with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
        docs = dict(zip(sentences, nlp.pipe(sentences), strict=True))
    assert not any(d.has_annotation("DEP") for d in docs.values())
    wrong = []
    for sentence, published, expr, start, end in CASES:
        got = {t.text: (t.start, t.end) for t in find_times(docs[sentence], published)}
        if got.get(expr) != (start, end or start):
            wrong.append((expr, published, got.get(expr)))
    assert wrong == []


# (sentence, expression, event): what happens then, as the cross-check keys dated events.
EVENTS: list[tuple[str, str, str]] = [
    ("Mr Putin requested the call ahead of scheduled talks between officials on January 9 and 10 in Geneva.",
     "January 9 and 10", "talk"),
    ("Both sides are preparing for talks that will begin in Geneva on Jan. 10.", "Jan. 10", "talk"),
    ("White House officials said Thursday's call lasted 50 minutes.", "Thursday", "call"),
    ("The two leaders last spoke Dec. 3.", "Dec. 3", "speak"),
    ("Lavrov said Monday that Russia should not be left waiting.", "Monday", "say"),
    ("The leaders are not expected to take part in the January talks.", "January", "talk"),
    ("Democrats won the House in the 2018 elections.", "2018", "election"),
    ("The Geneva talks will be followed by a meeting of the council on January 12.", "January 12", "meeting"),
    ("Russia test-fired hypersonic missiles last week.", "last week", "fire"),
]  # fmt: skip


def test_events_without_a_parse(nlp: Any) -> None:
    sentences = [e[0] for e in EVENTS]
    with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
        docs = list(nlp.pipe(sentences))
    got = [{t.text: t.event for t in find_times(d, A)}.get(e[1]) for d, e in zip(docs, EVENTS, strict=True)]
    assert got == [e[2] for e in EVENTS]


def test_real_articles_resolve_consistently(nlp: Any, shared_data: Path) -> None:
    """On basil-dev articles: offsets index the text, intervals are ordered, only vague or
    event-relative expressions stay unresolved, and quantities' bounds hold their value."""
    from storyline.annotation.quantities import find_quantities

    files = sorted((shared_data / "basil-dev").glob("*_*.json"))[::8]
    arts = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    with nlp.select_pipes(disable=[p for p in ("parser",) if p in nlp.pipe_names]):
        docs = list(nlp.pipe(a["text"] for a in arts))
    resolved = unresolved = 0
    for art, doc in zip(arts, docs, strict=True):
        for t in find_times(doc, art["published"]):
            assert doc.text[t.offset[0] : t.offset[1]] == t.text and t.text in t.sentence
            if t.start is None:
                unresolved += 1
                assert t.reason
            else:
                resolved += 1
                assert t.end is not None and t.start <= t.end
        for q in find_quantities(doc):
            assert doc.text[q.start : q.end] == q.text
            assert (q.low is None or q.low <= q.value) and (q.high is None or q.value <= q.high)
    assert resolved > 50 and unresolved < resolved / 5


def test_a_bare_doc_without_tags_or_sentences(nlp: Any) -> None:
    """Tokens only (no tagger, no sentence boundaries): still found, never a crash."""
    from storyline.annotation.quantities import find_quantities

    doc = nlp.make_doc("Talks begin on Jan. 10 in Geneva, where 300 diplomats will meet for 50 minutes.")
    assert [(t.text, t.start) for t in find_times(doc, A)] == [("Jan. 10", "2022-01-10")]
    # without tags no counted noun can be named, so only the figure with a unit is kept
    assert [q.text for q in find_quantities(doc)] == ["50 minutes"]


def test_a_time_of_day_alone_is_told_from_a_dated_one() -> None:
    """The cross-check leaves out a clock time with no day beside it: its day is a default."""
    from storyline.annotation.timex import clock_only

    assert clock_only("noon") and clock_only("12:00 p.m.") and clock_only("16:08 UTC")
    assert not clock_only("Friday at 7 p.m.") and not clock_only("Friday")


# A results report names its quarter once, then refers back to it and to the same quarter a year before.
RESULTS = (
    "Acme said third-quarter profit rose 19% from a year ago. Sales in the quarter were $8 billion, up from "
    "$7 billion a year earlier. In the year-earlier period, the company earned $461 million. Net for the "
    "corresponding period last year included a $3 million gain. Year-earlier sales were flat. During the "
    "second quarter, Acme bought a plant in Scotland."
)


def test_a_reports_period_dates_its_references(nlp: Any) -> None:
    got = {t.text: (t.start, t.end) for t in find_times(nlp(RESULTS), "1989-10-26")}
    this, last = ("1989-07-01", "1989-09-30"), ("1988-07-01", "1988-09-30")
    assert got["third-quarter"] == this and got["the quarter"] == this
    backs = ("a year ago", "a year earlier", "the year-earlier period", "the corresponding period last year")
    for back in (*backs, "Year-earlier"):
        assert got[back] == last, back
    # in a results report a quarter is a fiscal one, money named beside it or not
    assert got["the second quarter"] == ("1989-04-01", "1989-06-30")


def test_a_period_reference_without_a_period(nlp: Any) -> None:
    def times(text: str) -> dict[str, Any]:
        return {t.text: t for t in find_times(nlp(text), "1989-10-26")}

    # "the quarter" about money with no quarter named before: the last one done
    assert (times("Net sales for the quarter were $14 million.")["the quarter"].start) == "1989-07-01"
    assert "the quarter" not in times("The team scored twice in the quarter.")  # sport: a period of play
    assert times("He had visited Moscow a year earlier.")["a year earlier"].reason  # relative to an event
    # with no period named, "a year ago" is that year
    assert times("A year ago, profit was $5 million.")["A year ago"].start == "1988-01-01"
    # a past clause rules out a quarter that has not begun, even through a noun
    q = times("Earnings soared 33% to a record in the fiscal first quarter.")["the fiscal first quarter"]
    assert (q.start, q.end) == ("1989-01-01", "1989-03-31")


def test_the_full_year_is_the_year_of_the_reports_period(nlp: Any) -> None:
    """"The full year", "the entire year": the year holding the period the report named (MEANTIME
    "losing US$4.8 billion in the fourth quarter of 2005 and ... $8.6 billion for the entire year"),
    else the year of writing (TimeBank "forecast an earnings increase for the full year", ecbplus-dev
    "lost running backs ... to injuries for the entire year")."""
    def times(text: str, published: str) -> dict[str, tuple[str | None, str | None]]:
        return {t.text: (t.start, t.end) for t in find_times(nlp(text), published)}

    text = "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year."
    assert times(text, "2006-01-27")["the entire year"] == ("2005-01-01", "2005-12-31")
    got = times("He forecast higher earnings for the full year.", "1989-10-30")
    assert got["the full year"] == ("1989-01-01", "1989-12-31")
    assert not [w for w in times("He worked there the whole year-round.", "1989-10-30") if "year" in w]


# A quarter a clause looks ahead to (a sure future's own time, a present expectation's object) is the
# coming one; a period of results, told after it, the one just done (ecbplus-dev "AMD's takeover deal,
# which is expected to close in the fourth quarter"; TimeBank "expects to report third-quarter net income")
AHEAD_QUARTERS: list[tuple[str, str, str]] = [
    ("Analysts expect a recovery in the fourth quarter, when sales typically rise.", "2008-02-10", "2008-Q4"),
    ("The $5 billion deal is expected to close in the fourth quarter.", "2008-02-10", "2008-Q4"),
    ("Sales will rise 5% in the fourth quarter.", "2008-02-10", "2008-Q4"),
    ("The company expects to report a net loss of $2 million in the fourth quarter.", "2008-01-10",
     "2007-Q4"),
    ("Analysts expect fourth-quarter earnings to fall 5%.", "2008-01-10", "2007-Q4"),
    ("Profit fell in the fourth quarter.", "2008-02-10", "2007-Q4"),
]


@pytest.mark.parametrize(("sentence", "published", "value"), AHEAD_QUARTERS)
def test_quarter_ahead_of_an_expectation(nlp: Any, sentence: str, published: str, value: str) -> None:
    got = [t.timeml_value for t in find_times(nlp(sentence), published) if "quarter" in t.text]
    assert got == [value]
