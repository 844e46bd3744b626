"""The date decision with each whole report in view (``events.series_dates``): an act a report
dates on two or more different days, or marks as recurring anywhere, is a series there, and another
report's other day for it is an occurrence, not a conflict; an act each report dates once keeps the
pair's decision."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate_many
from storyline.crosscheck import compare
from storyline.crosscheck.events import series_dates
from storyline.crosscheck.facts import sentence_facts
from storyline.model import Article, Finding, Report, content_id


def reports(nlp: Any, *dated_texts: tuple[str, str]) -> list[Any]:
    """Annotated reports, each with its own publication date."""
    arts = [
        Article(id=content_id(f"Outlet {i}", t), text=t, source=f"Outlet {i}", published=day)
        for i, (t, day) in enumerate(dated_texts)
    ]
    return list(annotate_many(arts, nlp))


def date_conflicts(report: Report) -> list[Finding]:
    return [f for f in (*report.findings, *report.to_check) if f.kind == "conflict" and f.aspect == "date"]


# gva-dev 780071: one report dates the shooter's arrest Thursday; a later one tells his record,
# two arrests of the same man on other days (the arrest for the killing and an earlier one)
THURSDAY = (
    "Allegheny County Police arrested Mr. Hoston on Thursday and charged him with homicide and carrying "
    "a firearm without a license in the death of Jihad, a former Sto-Rox High School basketball player.",
    "2017-02-23",
)
RECORD = (
    "Mr. Hoston told investigators the gun accidentally went off on Feb. 21. He was arrested two days later."
    "\n\nAccording to court records, Mr. Hoston was arrested Nov. 22 following a traffic stop, and officers "
    "discovered an outstanding warrant stemming from an incident in August.",
    "2017-03-04",
)


def test_an_act_a_report_dates_on_several_days_is_a_series(nlp: Any, embedder: Any) -> None:
    """gva-dev 780071: "arrested two days later" and "arrested Nov. 22" in one report are two
    arrests of one man, so the other report's "arrested ... on Thursday" contradicts neither; the
    same Nov. 22 arrest told alone, the report's only date of the act, is still a conflict."""
    assert date_conflicts(compare(reports(nlp, THURSDAY, RECORD), nlp=nlp, embedder=embedder)) == []
    once = (RECORD[0].split("\n\n")[1], RECORD[1])
    report = compare(reports(nlp, THURSDAY, once), nlp=nlp, embedder=embedder)
    assert [{v.text for v in f.values} for f in date_conflicts(report)] == [{"Thursday", "Nov. 22"}]


def test_a_sitting_marked_again_later_in_the_report_makes_a_series(nlp: Any, embedder: Any) -> None:
    """gva-dev 783102: "arraigned in court last Thursday" opens the report and "Hamad appears in
    court again on Thursday" closes it: the court's sittings over the case are a series in that
    report, so another report's "arraigned Monday" is another sitting. Without the closing line
    the two arraignments are one act dated two ways."""
    monday = (
        "Hamad, 47, of state Route 46, was arraigned Monday in Trumbull County Common Pleas Court on two "
        "counts of aggravated murder and three counts of attempted murder.",
        "2017-02-27",
    )
    lead = ("Nasser Hamad was arraigned in court last Thursday, where he butted heads with the prosecutor. "
            "Hamad's new attorney was by his side.")  # fmt: skip
    closing = "\n\nNow he has filed seven motions to the court.\n\nHamad appears in court again on Thursday."
    again = (lead + closing, "2017-03-08")
    assert date_conflicts(compare(reports(nlp, monday, again), nlp=nlp, embedder=embedder)) == []
    report = compare(reports(nlp, monday, (lead, again[1])), nlp=nlp, embedder=embedder)
    assert [{v.text for v in f.values} for f in date_conflicts(report)] == [{"Monday", "last Thursday"}]


def series_of(nlp: Any, text: str, day: str) -> set[str]:
    """The time expressions ``series_dates`` puts in a series in one report."""
    (ann,) = reports(nlp, (text, day))
    facts = sentence_facts(ann, 0)
    keys = series_dates(facts)
    return {d.time.text for f in facts for i, d in enumerate(f.dates) if (0, f.index, i) in keys}


def test_series_are_told_by_recurrence_or_by_days_apart(nlp: Any) -> None:
    """ecbplus-dev 18: "his next court hearing April 19" makes Wednesday's arraignment one sitting
    of several; gva-dev 780071: a man's two arrests are a series of one act; gva-dev 778743: one
    arrest retold on its one day is none."""
    hearing = ("A not guilty plea was entered during Wednesday's arraignment. The judge ordered him held "
               "without bond pending his next court hearing April 19.")  # fmt: skip
    assert series_of(nlp, hearing, "2013-03-13") == {"Wednesday", "April 19"}
    assert series_of(nlp, RECORD[0], RECORD[1]) == {"two days later", "Nov. 22"}
    retold = ("Police arrested a teenage gunman Wednesday night for the fatal shooting of a 15-year-old boy "
              "in Brooklyn, cops said. Cops arrested Zidon Wednesday and charged him with murder, assault "
              "and criminal possession of a weapon.")  # fmt: skip
    assert series_of(nlp, retold, "2017-02-16") == set()


def test_two_days_within_a_week_are_one_act_told_twice(nlp: Any) -> None:
    """gva-dev 780071 with the earlier arrest moved to four days before the later one, as
    eval_compare plants a changed day: within a week a report's two days for one act are a
    retelling resolved apart, a slip or a changed day the other report must show, not a series."""
    near = RECORD[0].replace("Nov. 22", "Feb. 19")
    assert series_of(nlp, near, RECORD[1]) == set()
