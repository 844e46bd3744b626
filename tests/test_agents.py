"""Who did one act (issue 14): one report's doer one person, the other's two (gva-dev 779987),
the victim against someone else, two named people; and what is no conflict: a word for anyone
("police"), a report that tells of several doers of the act. Sentences written the way local
crime reports write them."""

from __future__ import annotations

from typing import Any

from outlets import compare_outlets
from storyline.crosscheck.agents import acts
from storyline.model import Finding, Report


def doers(report: Report) -> list[Finding]:
    """The doer conflicts a report lists: never stated, always to check."""
    assert not [f for f in report.findings if f.kind == "conflict" and f.aspect == "claim"]
    return [f for f in report.to_check if f.aspect == "claim" and f.kind == "conflict"]


def test_found_by_one_person_or_by_two(nlp: Any, embedder: Any) -> None:
    """gva-dev 779987; the second report's "by" phrase hangs on the canal in the parse."""
    one = (
        "Detectives believe she was there a short time before she was found by a person out looking for her."
    )
    two = "She was found hours later in a dry canal east of the school by two friends out looking for her."
    found = doers(compare_outlets(nlp, embedder, one, two))
    assert {v.text for f in found for v in f.values} == {"a person", "two friends"}
    police = "She was found hours later in a dry canal east of the school by police."
    assert not doers(compare_outlets(nlp, embedder, one, police))


def test_shot_himself_or_shot_by_someone(nlp: Any, embedder: Any) -> None:
    """The victim against someone told as another; a report telling both accounts is left out."""
    other = "Someone approached the man at a gas station and shot him in the hand, police said."
    itself = "Police said the man accidentally shot himself in the hand at a gas station."
    assert doers(compare_outlets(nlp, embedder, other, itself))
    both = itself + " The man first told officers that someone shot him in the hand."
    assert not doers(compare_outlets(nlp, embedder, other, both))


def test_doers_read_from_the_parse(nlp: Any) -> None:
    """A subject shared by two verbs is the doer of both; a pronoun or a collective tells no doer."""
    [shot] = [a for a in acts(nlp("Someone approached him and shot him in his hand.")) if a.act == "shoot"]
    assert (shot.doer.count, shot.undergoer) == (1, ("m", None))
    assert not acts(nlp("He shot her in the leg."))
    assert not acts(nlp("She was hit by a 2013 Toyota Camry, which then fled."))  # a model year, no count
    assert not acts(nlp("Police found the girl in a ditch."))
