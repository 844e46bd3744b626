"""One remark or two, and differences a fact-checker can trust: two sentences of one speaker that
share the small words of his speech are two remarks, not one quoted two ways; a compound written
open or closed is a cosmetic variant; a speaker the annotation read from a pronoun far from the
name is no ground for a stated speaker conflict."""

from __future__ import annotations

from typing import Any

from outlets import compare_outlets
from storyline.crosscheck.quotes import content_match, wording_change
from storyline.crosscheck.report import CONFIDENT
from storyline.crosscheck.words import plain
from storyline.model import Report


def _run(nlp: Any, embedder: Any, *texts: str) -> Report:
    return compare_outlets(nlp, embedder, *texts, published="2016-11-30")


def _stated(report: Report, aspect: str) -> list[str]:
    return [f.summary for f in report.findings if f.kind == "conflict" and f.aspect == aspect]


def test_the_content_words_decide_what_a_quote_says() -> None:
    # the small words of one speech in order, what each says apart
    assert (
        content_match(plain("There’s a whole lot of anger"), plain("I think there’s a lot of soul-searching"))
        < 0.5
    )
    # one remark, one word changed: most of what it says is there
    assert (
        content_match(
            plain("We don’t want him. We reject his visit"), plain("We don’t want him. We reject his message")
        )
        > 0.5
    )


def test_two_sentences_sharing_a_speechs_small_words_are_two_remarks(nlp: Any, embedder: Any) -> None:
    """BASIL 79bf99c6 (batch 9's tuning half): an anonymous Democrat's "There’s a whole lot of
    anger" and Maloney's "I think there’s a lot of soul-searching" share most of their words in
    order, none of what they say; and BASIL 3ae35b16: two whole sentences of one speech asserting
    different acts."""
    lead = "House Democrats met on Wednesday after the leadership vote.\n\n"
    a = lead + "“There’s a whole lot of anger,” said one Democrat who opposed her."
    b = lead + "“I think there’s a lot of soul-searching,” said Representative Carolyn Maloney of New York."
    assert not _stated(_run(nlp, embedder, a, b), "quote")
    lead = "President Trump declared a national emergency on Friday.\n\n"
    a = lead + "“We’re talking about an invasion of our country,” Trump said."
    b = lead + "“We have an invasion of drugs and criminals coming into our country,” Trump said."
    assert not _stated(_run(nlp, embedder, a, b), "quote")


def test_a_short_remark_with_two_words_changed_is_still_stated(nlp: Any, embedder: Any) -> None:
    """Half of a short sentence's content words changed on one occasion is one remark misquoted."""
    lead = "Former Mexican President Vicente Fox criticized the planned visit on Thursday.\n\n"
    a = lead + "“He is not welcome to Mexico,” Fox told CNN."
    b = lead + "“He is not unprecedented Mexico,” Fox told CNN."
    assert _stated(_run(nlp, embedder, a, b), "quote")


def test_a_compound_written_open_or_closed_is_cosmetic() -> None:
    cosmetic, only_a, only_b = wording_change(
        "We will protect health care for every family", "We will protect healthcare for every family"
    )
    assert cosmetic and only_a == ["health", "care"] and only_b == ["healthcare"]
    assert wording_change("She never sent a classified e-mail", "She never sent a classified email")[0]
    # a word that carries meaning is never a spelling
    assert not wording_change("We will not cut it", "We will cut it")[0]


def test_a_speaker_read_from_a_pronoun_far_off_is_no_stated_conflict(nlp: Any, embedder: Any) -> None:
    a = (
        "Senator John Carver spoke to the farmers on Monday.\n\n"
        "The drought has cut the harvest by a third, the state's figures show.\n\n"
        "Prices of feed have doubled since the spring.\n\n"
        "He added: “We will keep fighting for the farmers of this state until the rain comes.”"
    )
    b = (
        "Governor Mary Holt spoke to the farmers on Monday.\n\n"
        "“We will keep fighting for the farmers of this state until the rain comes,” Holt said."
    )
    report = _run(nlp, embedder, a, b)
    assert not _stated(report, "speaker")
    # named in the quote's own sentence on both sides, the two speakers are a stated conflict
    a_named = a.replace("He added:", "Carver added:")
    found = [
        f for f in _run(nlp, embedder, a_named, b).findings if f.aspect == "speaker" and f.kind == "conflict"
    ]
    assert found and all(f.confidence >= CONFIDENT for f in found)
