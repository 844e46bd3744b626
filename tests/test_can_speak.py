"""No speaker that cannot speak (issue 15): a quote goes to a person, a group or a source that
stands for its author, never to narration's subject ("His criticism … was …:"), a subheading
("Signs of a late swing were there all along - More from X:"), an abstract noun that governs the
quotation ("His father's death drives him “…”") or a demonstrative ("That suggests …"). Sentences
written for these tests in the forms met in PolNeAR's tuning halves; names are made up."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation import annotate
from storyline.model import Article, Quote

CASES: list[tuple[str, str, str | None]] = [
    # narration before a colon: its subject is no speaker; the source "according to" names is
    ("His criticism, according to an interview with a local paper at the time, was the mayor's "
     "choice of deputy: “It was a mistake from the start.”", "mistake from the start", "an interview"),
    ("The bias begins to show when one looks at how the site rated this claim on June 11:\n\n"
     "“Mostly false.”", "Mostly false", None),
    # a list's subheading, then "More from X:": X speaks
    ("Signs of a late swing were there all along - More from Mark Blumenthal and Ariel Edwards: "
     "“Data collected by our firm confirm that both issues were in play.”", "Data collected",
     "Ariel Edwards"),
    ("What that means for the fall - More from Jeffrey Jones: “The partisanship of the state is a "
     "starting point.”", "partisanship of the state", "Jeffrey Jones"),
    # an abstract noun that governs the quotation is no one: the person the paragraph is about
    ("Kevin Marsh grew up in Ohio. His father's sudden death from a heart attack drives him “to have "
     "purpose,” and he finds that in government work.", "to have purpose", "Kevin Marsh"),
    # a thing a relative clause or a participle hangs on is no speaker either
    ("Pastor Ann Wells said the city lost a voice that said “love is stronger than fear.”",
     "love is stronger", "Ann Wells"),
    ("Hillary Clinton spoke last. She closed the debate with a reference to the new film, remarking, "
     "“May the Force be with you.”", "May the Force", "Hillary Clinton"),
    # who can speak still does: accounts that post stand for their authors
    ("Some Twitter accounts linked to the group put the location on their profile as “the province of "
     "the caliphate.”", "province of the caliphate", "accounts"),
]  # fmt: skip


def _quote_with(quotes: tuple[Quote, ...], part: str) -> Quote | None:
    found = [q for q in quotes if part in q.text]
    return min(found, key=lambda q: len(q.text)) if found else None


@pytest.mark.parametrize(("text", "part", "speaker"), CASES)
def test_speaker_can_speak(nlp: Any, text: str, part: str, speaker: str | None) -> None:
    q = _quote_with(annotate(Article(id="s", text=text), nlp).quotes, part)
    assert q is not None
    if speaker is None:
        assert q.speaker is None, q
    else:
        assert q.speaker is not None and speaker in q.speaker, q


def test_demonstrative_reports_nothing(nlp: Any) -> None:
    """ "That suggests …" is the writer's inference, not anyone's indirect quote."""
    text = "The department kept its files on paper. That suggests a lack of confidence in its systems."
    quotes = annotate(Article(id="d", text=text), nlp).quotes
    assert not any(q.speaker and q.speaker.lower() == "that" for q in quotes), quotes
