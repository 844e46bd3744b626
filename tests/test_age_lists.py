"""A group's ages told as a list (issue 14: real discrepancies never linked): "two women -- 68 and
48-years-old" / "who were 61 and 48 years old" (ecbplus-dev 32), "two girls, ages 12 and 15" /
"aged 15 and 12" (ecbplus-dev 36), "two boys, ages 15 and 16" / "a 15-year-old and a 16-year-old"
(gva-dev 767259). The quantities read no figure from such a list, so nothing compared them."""

from __future__ import annotations

from typing import Any

from outlets import compare_outlets
from storyline.annotation import annotate_many
from storyline.crosscheck.age_lists import age_lists
from storyline.crosscheck.facts import sentence_facts
from storyline.model import Article, Finding

BODIES = (
    "Gary Gomes, 35, will face murder and kidnapping charges after police found the bodies of two "
    "women -- 68 and 48-years-old -- inside an Independent Street apartment."
)
KILLED = "The names of the women killed, who were 61 and 48 years old, have not been released."


def ages(found: list[Finding]) -> list[set[str]]:
    """The values of the findings on age lists (not the other figures: "two boys" / "three boys")."""
    return [
        {v.text for v in f.values}
        for f in found
        if any(isinstance(v.value, dict) and "ages" in v.value for v in f.values)
    ]


def test_lists_read_from_real_sentences(nlp: Any) -> None:
    """Each way news writes a group's ages; a range is no list, a lone age no list."""
    text = (
        f"{BODIES} {KILLED} He is accused of sexually assaulting two girls, ages 12 and 15. "
        "Two teenagers, a 15-year-old and a 16-year-old, were shot. "
        "She was between 15 and 25 years old when she died. A 63-year-old woman was shot."
    )
    (art,) = annotate_many([Article(id="ages", text=text, source="Outlet A")], nlp)
    facts = sentence_facts(art, 0)
    assert [x.ages for f in facts for x in age_lists(f)] == [(68, 48), (61, 48), (12, 15), (15, 16)]


def test_a_hedged_age_a_range_and_two_equal_lists(nlp: Any) -> None:
    """"15 or 16 years old" is one person's age told with a hedge, "between the ages of 5 and 12" a
    range; two groups of the same ages in one sentence are two lists, each where it is written."""
    text = (
        "The suspect was described as 15 or 16 years old. The camp takes children between the ages "
        "of 5 and 12 years old. Police found two boys, ages 15 and 16, and two girls, ages 15 and 16."
    )
    (art,) = annotate_many([Article(id="ages", text=text, source="Outlet A")], nlp)
    found = [x for f in sentence_facts(art, 0) for x in age_lists(f)]
    assert [x.ages for x in found] == [(15, 16), (15, 16)]
    assert found[0].at != found[1].at and found[0].sentence == found[1].sentence


def test_one_age_apart_is_listed_never_stated(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 32: the same two women, one age apart, a possible conflict (the number floor
    keeps it below the list today); never a stated conflict."""
    report = compare_outlets(nlp, embedder, BODIES, KILLED)
    assert ages(list(report.to_check + report.below_floor)) == [
        {"68 and 48-years-old", "61 and 48 years old"}
    ]
    assert not [f for f in report.findings if f.kind == "conflict"]


def test_the_same_ages_in_any_order_agree(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 36 tells the girls' ages in two orders; gva-dev 767259 with an age word for each
    boy. Lists of other lengths say nothing of each other."""
    one = "Jeffs is accused of sexually assaulting two girls, ages 12 and 15, he took as brides."
    other = "Jeffs was convicted of sexually assaulting two girls, aged 15 and 12, that he took as brides."
    report = compare_outlets(nlp, embedder, one, other)
    assert {"ages 12 and 15", "aged 15 and 12"} in ages([f for f in report.findings if f.kind == "agree"])
    boys = "Police confirmed two boys, ages 15 and 16, were shot as they were walking home."
    teens = "Two teenagers, a 15-year-old and a 16-year-old, were shot as they were walking home."
    report = compare_outlets(nlp, embedder, boys, teens)
    assert {"ages 15 and 16", "15-year-old and a 16-year-old"} in ages(list(report.findings))
    three = "Police confirmed three boys, ages 15, 16 and 17, were shot as they were walking home."
    report = compare_outlets(nlp, embedder, boys, three)
    assert not ages(list(report.findings + report.to_check + report.below_floor))


def test_two_groups_of_the_same_ages(nlp: Any, embedder: Any) -> None:
    """gva-dev 775531: one report tells two pairs of an 18- and a 19-year-old (the dead, the
    wounded); the other's pair agrees with the telling most like its own only. A series told with
    commas is one list (gva-dev 773635: the same three men in two orders agree)."""
    dead = "An 18-year-old and a 19-year-old were each shot in the head and pronounced dead at the scene."
    both = (
        "An 18-year-old man and 19-year-old man suffered gunshot wounds to the head and were "
        "pronounced dead on the scene. A 19-year-old man and 18-year-old man also suffered gunshot "
        "wounds and were transferred to area hospitals in critical condition."
    )
    report = compare_outlets(nlp, embedder, dead, both)
    assert ages(list(report.findings)) == [
        {"18-year-old and a 19-year-old", "18-year-old man and 19-year-old"}
    ]
    one = (
        "Police said three males, a 30-year-old Lorain man, a 21-year-old Lorain man and a 34-year-old, ran."
    )
    other = (
        "Police said three males, a 21-year-old Lorain man, a 30-year-old Lorain man and a 34-year-old, ran."
    )
    report = compare_outlets(nlp, embedder, one, other)
    assert len(ages(list(report.findings))) == 1
    assert not ages(list(report.to_check + report.below_floor))
