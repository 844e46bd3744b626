"""Who, what and where, told incompatibly (issue 14): the same person told as two kinds, the
weapon, the wound's site, the address or the crossing; and a street against the area it lies in,
which is no conflict. Sentences written the way local crime reports write them (gva-dev)."""

from __future__ import annotations

from typing import Any

import pytest

from outlets import compare_outlets, conflicts
from storyline.crosscheck.addresses import addresses, compare_street_types, streets
from storyline.crosscheck.facts import sentence_facts
from storyline.model import Finding


def values(found: list[Finding]) -> set[str]:
    return {str(v.value) for f in found for v in f.values}


def test_a_boy_and_a_man_shot_in_the_leg(nlp: Any, embedder: Any) -> None:
    """gva-dev 778788: one act, one body part, one day; one report's victim a boy, the other's a
    man. The same kind, or a report that tells of a boy and a man, is no conflict."""
    boy = "A boy was shot in the leg in the 1900 block of Payson Street Monday afternoon."
    man = "A man was shot in the leg in the Mondawmin area on Monday afternoon, police said."
    found = conflicts(compare_outlets(nlp, embedder, boy, man), "claim")
    assert values(found) == {"boy", "man"}
    teen = "A boy was shot in the leg in the Mondawmin area on Monday afternoon, police said."
    assert not conflicts(compare_outlets(nlp, embedder, boy, teen), "claim")
    both = man + " A boy was also hurt when he fell."
    assert not conflicts(compare_outlets(nlp, embedder, boy, both), "claim")


def test_a_rifle_against_a_shotgun(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 18: one report's gunman brought a rifle, another's a shotgun: listed to check.
    A report that names both kinds (two guns) says nothing against either."""
    rifle = "Police said the shooter, a former employee, brought a rifle into the building."
    shotgun = "Officers found a 12-gauge pump-action shotgun and three live shells in his car."
    report = compare_outlets(nlp, embedder, rifle, shotgun)
    assert values([f for f in report.to_check if f.aspect == "claim"]) == {"rifle", "shotgun"}
    assert not [f for f in report.findings if f.kind == "conflict"]  # never stated
    both = "Officers found a shotgun and a hunting rifle in his car."
    assert not conflicts(compare_outlets(nlp, embedder, rifle, both), "claim")


def test_one_leg_against_both_legs(nlp: Any, embedder: Any) -> None:
    """gva-dev 770636: "a gunshot wound to the left leg" / "shot an 11-year-old in his legs"; a
    report that tells of "the leg" and "his legs" (two victims) is left out."""
    one = "A child had been taken to a hospital after receiving a gunshot wound to the left leg."
    two = "Investigators believe a toddler accidentally shot an 11-year-old in his legs."
    assert conflicts(compare_outlets(nlp, embedder, one, two), "claim")
    same = "Investigators believe a toddler accidentally shot an 11-year-old in the leg."
    assert not conflicts(compare_outlets(nlp, embedder, one, same), "claim")
    mixed = "A man was shot in the leg. A 29-year-old was shot in his legs."
    assert not conflicts(compare_outlets(nlp, embedder, one, mixed), "claim")


def test_house_numbers_and_blocks() -> None:
    """An address is a number on a street told as one (a block, a direction, a type); a date or a
    count is not."""
    assert [(a.street, a.low, a.high) for a in addresses("found lying on 313 North Seminary Monday")] == [
        ("seminary", 313, 313)
    ]
    block = addresses("in the 1900 block of N. Payson Street")
    assert [(a.street, a.low, a.high) for a in block] == [("payson", 1900, 1999)]
    assert not addresses("on Feb. 13 North Carolina police said 15 Republicans voted")
    # a numbered road by its name or its initials (gva-dev 537750); a street's number is no road's
    road = addresses("in the 29500 block of Weld County Road 20 just north of Keenesburg")
    assert [(a.street, a.low) for a in road] == [("wcr 20", 29500)]
    assert [a.street for a in addresses("in the 29000 block of WCR 20 Sunday")] == ["wcr 20"]
    assert [a.street for a in addresses("in the 1900 block of N. Payson St. 2 people were shot")] == [
        "payson"
    ]


def test_two_house_numbers_on_one_street(nlp: Any, embedder: Any) -> None:
    """gva-dev 774330: "313 North Seminary" / "312 North Seminary" is stated; a house number in
    the block another report gives is the same place."""
    a = "Police found Hamilton lying in the middle of the road on 313 North Seminary Monday night."
    b = "Arriving, they found Hamilton lying in the middle of the road in front of 312 North Seminary."
    report = compare_outlets(nlp, embedder, a, b)
    assert [f for f in report.findings if f.kind == "conflict" and f.aspect == "place"]
    c = "Police found Hamilton lying in the middle of the road in the 300 block of North Seminary."
    assert not conflicts(compare_outlets(nlp, embedder, a, c), "place")


def test_two_crossings_for_one_home(nlp: Any, embedder: Any) -> None:
    """gva-dev 782709: the home near one crossing or another is listed to check; a crossing said
    of something else (where the media gather) is not set against the home's."""
    a = "A teenager was found shot at a home. The home is located near 46th Avenue and Dusty Lane."
    b = "Deputies responded to a home near 51st Avenue and Estrella Drive around 8 p.m. Friday."
    assert conflicts(compare_outlets(nlp, embedder, a, b), "place")
    c = "Deputies responded to a shooting. Media stage will be 51st Avenue and Estrella Drive."
    assert not conflicts(compare_outlets(nlp, embedder, a, c), "place")


@pytest.mark.parametrize("area", ["the Mondawmin area", "Baltimore"])
def test_a_street_inside_an_area_is_no_conflict(nlp: Any, embedder: Any, area: str) -> None:
    """gva-dev 778788: "the 1900 block of Payson Street" lies in the Mondawmin area of Baltimore:
    a street against an area is the same place at a finer grain."""
    a = "A man was shot in the leg in the 1900 block of Payson Street on Monday afternoon."
    b = f"A man was shot in the leg in {area} on Monday afternoon, police said."
    assert not conflicts(compare_outlets(nlp, embedder, a, b), "place")


def test_one_street_told_by_two_types(nlp: Any) -> None:
    """gva-dev 780664: "1311 Reese Avenue" / "on Reese Street": one street told wrong, or two of
    one name; listed to check. The same type written short, or a name that goes on ("Kansas
    Highway Patrol"), is none."""
    from storyline.annotation import annotate_many
    from storyline.model import Article

    def facts(*texts: str) -> list[list[Any]]:
        arts = [Article(id=f"a{i}", text=t, source=f"Outlet {i}") for i, t in enumerate(texts)]
        return [list(sentence_facts(a, i)) for i, a in enumerate(annotate_many(arts, nlp))]

    avenue = "Officers responded to a call at 1311 Reese Avenue earlier Wednesday morning."
    street = "Police said it happened on Reese Street near Cottonwood Road, around 9:30."
    [link] = compare_street_types(facts(avenue, street))
    assert (link.a.value, link.b.value, link.confidence < 0.6) == ("avenue", "street", True)
    short = "Police said it happened on Reese Ave. near Cottonwood Road, around 9:30."
    assert not compare_street_types(facts(avenue, short))
    assert not streets(facts("The Kansas Highway Patrol is assisting.")[0])


def test_wounds_in_two_regions_of_the_body(nlp: Any, embedder: Any) -> None:
    """gva-dev 773790: "struck his daughter in the mouth" / "was shot in the back": listed to
    check, never stated. Parts of one region told loosely (the face / the head, gva-dev 541769;
    the thigh / the leg, 784263) and two victims of other ages (781864) are no conflict."""
    mouth = "One bullet struck his daughter in the mouth, police said."
    back = "Loved ones said Mya Verner was shot in the back while trying to run for help."
    report = compare_outlets(nlp, embedder, mouth, back)
    assert values([f for f in report.to_check if f.aspect == "claim"]) == {"the mouth", "the back"}
    assert not [f for f in report.findings if f.kind == "conflict"]
    face = "Police said the man shot his daughter in the face inside the home."
    head = "Police said the man shot his daughter in the head inside the home."
    assert not conflicts(compare_outlets(nlp, embedder, face, head), "claim")
    thigh = "The detective accidentally shot himself in the thigh during training."
    leg = "The detective accidentally shot himself in the leg during training."
    assert not conflicts(compare_outlets(nlp, embedder, thigh, leg), "claim")
    five = "The cause of death for 5-year-old Kason Guyton was a gunshot wound to the back."
    seven = "The 7-year-old brother suffering from a gunshot wound to the leg has been released."
    assert not conflicts(compare_outlets(nlp, embedder, five, seven), "claim")
