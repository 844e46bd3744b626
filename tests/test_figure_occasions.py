"""Two differing figures are stated as a conflict only when nothing shows two things or two
occasions: each named by its own noun (touchdowns / yards, leaders / members, an age / a tenure),
one told of an earlier game the other's clause does not name, a tally of several shootings
against one shooting's count, or two acts placed or played against names the other sentence
never says (two games, two polls, two towns' shootings), they are at most to check; the same
value of two occasions is no agreement."""

from __future__ import annotations

from typing import Any

from storyline.crosscheck.measures import (
    OTHER_ACTS,
    earlier_occasion,
    heads_apart,
    occasions_apart,
    occasions_told_apart,
)
from test_same_figure import _measure, _pair, _run, _stated


def test_two_nouns_counted_are_two_things(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev (FLDS trial, Saints running backs) and gva-dev (an officer's age and tenure):
    figures headed by two nouns of two things are no values of one fact; one noun is."""
    leaders = "Seven indictments, nine charges and six leaders of the church now face trial in Texas."
    members = "Jeffs and 11 members of his church were charged in 2008 by Texas authorities."
    assert heads_apart(_measure(nlp, leaders, "six"), _measure(nlp, members, "11"))
    assert not _stated(_run(nlp, embedder, leaders, members))
    age = "The officer was 25 years old at the time of the shooting."
    tenure = "The officer is a seven-year veteran of the bureau."
    assert heads_apart(_measure(nlp, age, "25"), _measure(nlp, tenure, "seven"))
    scored = "He finished his college career with 96 touchdowns."
    rushed = "He finished his college career with 269 yards."
    assert heads_apart(_measure(nlp, scored, "96"), _measure(nlp, rushed, "269"))
    # a whole group's size is one fact whatever each report calls its members
    caucus = "All 42 members of the GOP caucus are sending the letter to the president."
    senators = "The letter was signed by all 48 Senate Republicans and sent to the president."
    assert heads_apart(_measure(nlp, caucus, "42"), _measure(nlp, senators, "48"))
    report = _run(nlp, embedder, caucus, senators)
    listed = (*report.findings, *report.to_check, *report.below_floor)
    told = [f for f in listed if f.aspect == "number" and f.kind == "conflict"]
    assert told and all(f.confidence > OTHER_ACTS for f in told)  # weighed, not held to check
    five, four = "Five people were injured in the shooting.", "Four people were injured in the shooting."
    assert not heads_apart(_measure(nlp, five, "Five"), _measure(nlp, four, "Four"))
    assert _stated(_run(nlp, embedder, five, four), "Five people", "Four people")


def test_a_feat_of_an_earlier_game_is_another_occasion(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev (Chiefs): the 80-yard run two weeks ago is no other length of this game's
    86-yard run; "last season" places a figure as well, a year alone or "last year" does not (the
    period the story is about)."""
    now = "Charles cut into the deficit on the first play of the half with an 86-yard touchdown run."
    then = "Charles broke an 80-yard touchdown run on the opening play of the game two weeks ago."
    ma, mb = _measure(nlp, now, "86"), _measure(nlp, then, "80")
    assert earlier_occasion(mb) and occasions_apart(_pair(nlp, now, then), ma, mb)
    assert not _stated(_run(nlp, embedder, now, then))
    last = _measure(nlp, "He ran for 1,200 yards last season, a team record.", "1,200")
    assert earlier_occasion(last)
    span = _measure(nlp, "The couple earned $139 million in income from 2007 to 2014.", "$139")
    assert not earlier_occasion(span)
    # basil-dev (the Clintons' returns): "last year" is the year the returns tell, the story's own
    paid = "Last year, the Clintons paid an effective federal tax rate of 35.7 percent."
    assert not earlier_occasion(_measure(nlp, paid, "35.7"))


def test_one_daughter_told_two_ways(nlp: Any, embedder: Any) -> None:
    """gva-dev: a kinship noun tells the sex only, yet one daughter, the only one each sentence
    ages, told 16 and 17 is one person's age told two ways."""
    a = "Police said his 16-year-old daughter was shot in the leg during the argument."
    b = "Police said his 17-year-old daughter was taken to a hospital with a wound to the leg."
    assert _stated(_run(nlp, embedder, a, b), "16-year-old", "17-year-old")
    # a daughter and a son are two people, whatever the sentences share
    son = "Police said his 17-year-old son was taken to a hospital with a wound to the leg."
    report = _run(nlp, embedder, a, son)
    assert not [f for f in (*report.findings, *report.to_check) if f.aspect == "number"]


def test_a_measure_both_sentences_tell_is_no_other_value(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: "2 years, with 9 months to serve" / "2 1/2 years, with 9 months to serve": the
    sentence differs, the 9 months both tell are no other value for it."""
    a = "He was sentenced to 2 years, with 9 months to serve in that case."
    b = "He was sentenced to 2 1/2 years, with 9 months to serve in that case."
    report = _run(nlp, embedder, a, b)
    values = [{v.text for v in f.values} for f in _stated(report)]
    assert {"2 years", "2 1/2 years"} in values
    assert not [v for v in values if "9 months" in v]


def _told_apart(nlp: Any, a: tuple[str, str], b: tuple[str, str]) -> bool:
    """``occasions_told_apart`` of the figure ``a[1]`` of sentence ``a[0]`` and ``b[1]`` of ``b[0]``."""
    return occasions_told_apart(_pair(nlp, a[0], b[0]), _measure(nlp, *a), _measure(nlp, *b))


def test_a_tally_of_several_shootings_is_no_count_of_one(nlp: Any, embedder: Any) -> None:
    """gva-dev (Philadelphia, a weekend's tally beside the triple homicide): "four people were killed
    ... and seven injured in shootings across the city" sums several shootings; the trailing phrase
    is said of both joined verbs. A count of one shooting is stated against a count of that one."""
    tally = (
        "Authorities said four people were killed and seven injured in shootings across the city "
        "Saturday and Sunday."
    )
    one = "A Philadelphia man is charged with murder after shooting three people to death."
    pair = _pair(nlp, tally, one)
    four, three = _measure(nlp, tally, "four"), _measure(nlp, one, "three")
    assert occasions_told_apart(pair, four, three)
    assert not _stated(_run(nlp, embedder, tally, one))
    five, four_hurt = "Five people were injured in the shooting.", "Four people were injured in the shooting."
    assert not _told_apart(nlp, (five, "Five"), (four_hurt, "Four"))
    # an act's own plural thing is what the figure is of, no several occasions
    earned = "The company reported $2 billion in earnings for the quarter."
    assert "*many" not in {k.split(":", 1)[1] for k in _measure(nlp, earned, "$2").quantity.frame}


def test_two_games_or_two_towns_named_apart(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev (NFL): a figure of the victory at Atlanta and one of the game against Tampa are
    two games' figures, differing or alike; gva-dev: a shooting in one town and one in another. A
    name the other sentence says too (the same opponent) shows nothing apart."""
    atlanta = "In the team's victory at Atlanta, he had 102 yards from scrimmage and a touchdown."
    tampa = "In the loss against Tampa, he had 63 yards from scrimmage and a touchdown."
    assert _told_apart(nlp, (atlanta, "102"), (tampa, "63"))
    report = _run(nlp, embedder, atlanta, tampa)
    assert not _stated(report)
    alike = tampa.replace("63", "102")
    report = _run(nlp, embedder, atlanta, alike)
    assert not [f for f in report.findings if f.aspect == "number" and "102" in f.summary]
    again = "He had 63 yards from scrimmage in the victory at Atlanta, his best game."
    assert not _told_apart(nlp, (atlanta, "102"), (again, "63"))
    halifax = "Five people were injured in the shooting at a bar in Halifax."
    dayton = "Four people were injured in the shooting at a bar in Dayton."
    assert _told_apart(nlp, (halifax, "Five"), (dayton, "Four"))


def test_a_tally_over_counted_occasions_is_no_count_of_one(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev (INS Sukanya's seizures; the Saints' backs): "923 rounds ... in their five
    operations so far" sums five operations, "716 yards in 12 games" a season; neither is a value of
    one operation's or one game's figure. A plural counted by a number is several occasions; a
    figure that counts the occasions themselves ("played in 10 games") is no tally of them."""
    tally = (
        "In their five operations so far, the personnel on board the warship have confiscated 923 "
        "rounds of ammunition, he said."
    )
    one = "During the operation, about 300 rounds of ammunition were found and confiscated."
    assert _told_apart(nlp, (tally, "923"), (one, "about 300"))
    assert not _stated(_run(nlp, embedder, tally, one))
    season = "He rushed for 716 yards in 12 games and had a team-leading five rushing touchdowns."
    game = "He rushed for 102 yards in the victory and had a touchdown."
    assert _told_apart(nlp, (season, "716"), (game, "102"))
    played = _measure(nlp, "Bush played in 10 games before his knee surgery.", "10")
    assert "*many" not in {k.split(":", 1)[1] for k in played.quantity.frame}
