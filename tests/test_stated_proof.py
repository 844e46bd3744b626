"""A conflict is stated only with proof that both statements are one fact; what lacks it is listed
to check at most. Real sentences of judged events whose stated conflicts were wrong."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate_many
from storyline.crosscheck import compare
from storyline.model import Article, Finding, Report, content_id

# gva-dev 771472: one gun, reported stolen "more than 20 years ago" (written 2017-02-09) and "in
# 1995" the next day: the hedged distance back bounds the date, and 1995 lies inside it
STOLEN_AGO = (
    "Police say the teen was shot with a .380 caliber semi-automatic handgun which was reported stolen "
    "in Sharon, Pennsylvania more than 20 years ago."
)
STOLEN_1995 = (
    "Sanford is charged with receiving stolen property because the teen was shot with a .380 caliber "
    "semi-automatic handgun police say was reported stolen in Sharon, Pennsylvania in 1995."
)


def _compare(nlp: Any, embedder: Any, *sides: tuple[str, str, str]) -> Report:
    arts = [
        Article(id=content_id(src, text), text=text, source=src, published=day) for src, text, day in sides
    ]
    return compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)


def _all(report: Report, aspect: str) -> list[Finding]:
    found = (*report.findings, *report.to_check, *report.below_floor)
    return [f for f in found if f.kind == "conflict" and f.aspect == aspect]


def test_a_hedged_distance_back_holds_the_year_inside_it(nlp: Any, embedder: Any) -> None:
    report = _compare(
        nlp, embedder, ("wfmj.com", STOLEN_AGO, "2017-02-09"), ("wkbn.com", STOLEN_1995, "2017-02-10")
    )
    assert not _all(report, "date")


# ecbplus-dev 36: the age of the girl Jeffs assaulted against his prison term, hung by the parse on
# "girl" in both sentences (judged wrong when stated, batch 1): a noun of the figure's own phrase
# is no act that shows the two one fact
AGE = (
    "The jury made its decision on the same day that the prosecution played a tape recording of what it "
    "alleged was Jeffs sexually assaulting the 11-year old girl."
)
TERM = (
    "The jury sentenced Jeffs to life in prison for aggravated sexual assault of a 12-year-old girl and 20 "
    "years in prison for the sexual assault of a 15-year-old girl."
)
# ecbplus-dev 12: one boarding's haul against the warship's five operations', each a list whose
# later items the parse hangs on the item before ("31 magazines" on "rifles")
ONE_HAUL = (
    "During the operation, six AK-47 rifles, 12 magazines and about 300 rounds of ammunition were found "
    "and confiscated."
)
FIVE_HAULS = (
    "In their five operations so far, the personnel on board the warship have confiscated 14 AK-47 Rifles, "
    "31 magazines and 923 rounds of ammunition, he said."
)


def _stated_numbers(report: Report, values: set[str]) -> list[Finding]:
    return [f for f in report.findings if f.kind == "conflict" and {v.text for v in f.values} & values]


def test_an_age_and_a_prison_term_are_not_stated_one_fact(nlp: Any, embedder: Any) -> None:
    report = _compare(nlp, embedder, ("ibtimes", AGE, "2011-08-04"), ("reuters", TERM, "2011-08-09"))
    assert not _stated_numbers(report, {"11-year", "20 years"})


def test_items_of_two_lists_are_not_stated_one_fact(nlp: Any, embedder: Any) -> None:
    report = _compare(nlp, embedder, ("ndtv", ONE_HAUL, "2011-11-11"), ("zee", FIVE_HAULS, "2011-11-11"))
    assert not _stated_numbers(report, {"12", "31", "about 300", "923"})
