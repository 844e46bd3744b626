"""Claims and places that are not figures (issue 14): a claim's polarity read from the parse of
both sentences, and where a victim died (at the scene / at a hospital), on sentences written the
way crime reports write them (gva-dev)."""

from __future__ import annotations

from typing import Any

import pytest

from outlets import compare_outlets, conflicts


@pytest.mark.parametrize(
    ("a", "b", "differs"),
    [
        # one denies what the other asserts
        (
            "The gunman dropped his rifle when the deputy ordered him to.",
            "The gunman did not drop his rifle.",
            True,
        ),
        # both deny, one with the verb left out ("he didn't"), one with a curly apostrophe
        (
            "When the deputy told the gunman to drop his rifle, he didn’t.",
            "The gunman didn't drop his rifle.",
            False,
        ),
        ("The gunman never dropped his rifle.", "The gunman didn’t drop his rifle.", False),
        ("No one was hurt in the blast.", "Two people were hurt in the blast.", True),
    ],
)
def test_polarity_is_read_from_both_parses(nlp: Any, a: str, b: str, differs: bool) -> None:
    from storyline.crosscheck.predicates import parser, polarity_differs

    ca, cb = parser(nlp)([a, b])
    assert polarity_differs(ca, cb) is differs


def test_a_denial_both_reports_make_is_no_conflict(nlp: Any, embedder: Any) -> None:
    """A claim negated on both sides, the words around the negation told otherwise, is no
    conflict; the same sentence affirmed on one side still is."""
    denied = "The gunman didn't drop his rifle when the deputy told him to, the sheriff said."
    elided = "When the deputy told the gunman to drop his rifle, he didn’t, the sheriff said."
    assert not conflicts(compare_outlets(nlp, embedder, elided, denied), "claim")
    affirmed = "The gunman dropped his rifle when the deputy told him to, the sheriff said."
    assert conflicts(compare_outlets(nlp, embedder, affirmed, denied), "claim")


def test_where_the_victim_died(nlp: Any, embedder: Any) -> None:
    """gva-dev 774826: "taken to the hospital where he died" / "pronounced dead at the scene" is
    one death placed in two places; two named victims dying in two places (783102) are not."""
    a = "Police found a teenager shot in the chest. The victim was taken to the hospital where he died."
    b = "Police found a teenager shot in the chest. He was pronounced dead at the scene, police said."
    found = conflicts(compare_outlets(nlp, embedder, a, b), "place")
    assert len(found) == 1
    assert {v.value for v in found[0].values} == {"scene", "hospital"}
    c = "Josh Haber died at the scene, and Josh Williams died later at the hospital."
    d = "Joshua Williams, 20, died at the hospital, police said."
    e = "Josh Haber, 19, was pronounced dead at the scene."
    assert not conflicts(compare_outlets(nlp, embedder, c, d), "place")
    assert not conflicts(compare_outlets(nlp, embedder, d, e), "place")


_BROKEN_DOWN = "The victims, three women and two men, were taken to Harborview Medical Center."


@pytest.mark.xfail(
    strict=True,
    reason="since the sixteenth session a figure conflict is stated only with structural proof of one "
    "fact, and the parse hangs 'two women' on the list's first item ('three men'), not on 'taken': "
    "a right conflict lost for wrong ones gone on judged real reports (tests/test_stated_proof.py)",
)
def test_a_group_broken_down_by_sex_two_ways(nlp: Any, embedder: Any) -> None:
    """ "three women and two men" / "three men and two women": the women are counted two ways (the
    three men are no telling of the three women, as both sentences name both sexes)."""
    b = "The victims, three men and two women, were taken to Harborview Medical Center."
    assert conflicts(compare_outlets(nlp, embedder, _BROKEN_DOWN, b), "number")


def test_a_group_broken_down_by_sex(nlp: Any, embedder: Any) -> None:
    """The same breakdown in another order agrees; one girl's two ages differ; a man alone is no
    telling of one of a woman and a man."""
    a = _BROKEN_DOWN
    c = "The victims, two men and three women, were taken to Harborview Medical Center."
    assert not conflicts(compare_outlets(nlp, embedder, a, c), "number")
    # gva-dev 548991: the girl is 5 in one report, 3 in the other
    d = "The victims are a 3-year-old boy and a 5-year-old girl."
    e = "Police found the children, a 3-year-old girl and a boy, about 4."
    assert conflicts(compare_outlets(nlp, embedder, d, e), "number")
    # a man alone against a woman and a man: the other man may be another man, so nothing is said
    f = "Police said a 26-year-old man was shot in the leg on Friday night."
    g = "Police said a 26-year-old woman and a 30-year-old man were shot in the leg on Friday night."
    assert not conflicts(compare_outlets(nlp, embedder, f, g), "number")
