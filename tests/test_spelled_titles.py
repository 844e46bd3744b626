"""A title abbreviated before a name ("Sen.", "Gov.", "Lt. Gov.") is the office later mentions
spell out: "the senator said" is the one senator the article named that way."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate
from storyline.model import Article


def _speaker_keys(nlp: Any, text: str) -> dict[str, str | None]:
    ann = annotate(Article(id="a", text=text), nlp)
    return {q.text.split()[0]: q.speaker_key for q in ann.quotes}


def test_the_senator_is_the_senator_named_with_the_abbreviation(nlp: Any) -> None:
    text = (
        "Sen. Marco Rubio responded first, ripping into President Barack Obama late Tuesday night.\n\n"
        "“I have been warning throughout this campaign that North Korea is run by a lunatic,” "
        "the senator said."
    )
    assert _speaker_keys(nlp, text) == {"I": "person:rubio"}


def test_a_lieutenant_governor_is_not_the_governor(nlp: Any) -> None:
    text = (
        "Gov. Rick Perry spoke in Austin on Monday. Lt. Gov. David Dewhurst stood beside him.\n\n"
        "“We will not back down,” the governor said.\n\n"
        "“Nor will we,” the lieutenant governor said."
    )
    assert _speaker_keys(nlp, text) == {"We": "person:perry", "Nor": "person:dewhurst"}


def test_two_senators_leave_the_senator_as_written(nlp: Any) -> None:
    text = "Sen. Marco Rubio and Sen. Ted Cruz spoke on Monday.\n\n“No,” the senator said."
    ann = annotate(Article(id="a", text=text), nlp)
    assert [(q.speaker, q.speaker_key) for q in ann.quotes] == [("the senator", None)]
