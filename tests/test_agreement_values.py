"""An agreement on a figure states one value: bounds that pin no one value, and one report's two
different figures set in one agreement, are no agreement (the classes found on the second judged
set, bench/natural/agreements-more.jsonl: gva-dev and ecbplus-dev reports)."""

from __future__ import annotations

from typing import Any

from outlets import compare_outlets
from storyline.model import Finding, Report


def number_agreements(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.kind == "agree" and f.aspect == "number"]


def test_a_ceiling_and_a_floor_far_apart_agree_on_no_value(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: the most a conviction can bring ("up to 119 years") and the least the convict
    serves before parole ("at least 45 years") are two facts; a floor and a ceiling near each
    other bound one figure ("more than 100 mph" / "up to 120 mph", the speed of one chase)."""
    a = "Jeffs could be sentenced to up to 119 years in prison, prosecutors said."
    b = "Jeffs will have to spend at least 45 years in prison before being eligible for release."
    assert not number_agreements(compare_outlets(nlp, embedder, a, b))
    c = "Deputies chased him at speeds of more than 100 mph before he finally pulled over."
    d = "Deputies chased him for 30 miles at speeds up to 120 mph before he finally pulled over."
    agreed = number_agreements(compare_outlets(nlp, embedder, c, d))
    assert [{v.text for v in f.values} for f in agreed] == [{"more than 100", "up to 120"}]


def test_one_report_retells_its_figure_with_the_same_number(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: "three runs of 80 or more yards" (Charles) fits the other report's "101 yards"
    (Hillis) as a bound, but the first report's own "101 yards" is that figure: its "80 or more"
    is another fact, not the figure told twice."""
    a = (
        "Charles joined Chris Johnson and Barry Sanders as the only players with three runs of 80 or "
        "more yards in a season.\n\nPeyton Hillis added 101 yards on the ground for the Chiefs, who had "
        "352 yards rushing in a losing effort."
    )
    b = "Jamaal Charles had 226 yards on 22 carries, and Peyton Hillis ran for 101 yards."
    for f in number_agreements(compare_outlets(nlp, embedder, a, b)):
        texts = {v.text for v in f.values}
        assert not ("101" in texts and any("80" in t for t in texts)), texts


def test_a_report_may_round_its_own_figure(nlp: Any, embedder: Any) -> None:
    """Seed a: "nearly an hour" and "lasted 50 minutes" are one call told twice, rounded once;
    both agree with the other report's "50-minute phone call" (only an open bound is no
    retelling)."""
    a = (
        "The two leaders spoke frankly for nearly an hour on Thursday amid growing alarm over the "
        "troop build-up.\n\nWhite House officials said Thursday's call lasted 50 minutes."
    )
    b = "The exchange came during a 50-minute phone call that Putin requested."
    agreed = number_agreements(compare_outlets(nlp, embedder, a, b))
    assert any({"nearly an hour", "50 minutes"} <= {v.text for v in f.values} for f in agreed), agreed
