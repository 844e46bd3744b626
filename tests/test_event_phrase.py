"""The event a date belongs to, named by the clause's core (predicate, subject, main argument), on
sentences of real reports (the seeds, ecbplus-dev and gva-dev local news)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation.event_phrase import event_phrase, told_phrase
from storyline.annotation.pipeline import annotate
from storyline.annotation.timex import find_matches
from storyline.model import Article

CASES = [
    # the subject and the manner of a verb without an object
    ("Biden and Putin spoke by phone on Thursday.", "Thursday", "Biden and Putin spoke by phone"),
    # an object is kept, a preposition that is a time is not
    ("When police arrested Gomes on Tuesday night, he was barricaded inside the apartment.", "Tuesday night",
     "police arrested Gomes"),
    # passive with its agent-less argument
    ("Pierre Thomas was placed on injured reserve by the New Orleans Saints on Wednesday, meaning he won't "
     "play.", "Wednesday", "Pierre Thomas was placed on injured reserve"),
    # a relative clause: the nouns it describes act ("who met" → the pair)
    ("Mr Biden and Mr Putin, who met in Geneva in June to discuss an array of tensions, are not expected to "
     "take part in the January talks.", "June", "Mr Biden and Mr Putin met in Geneva"),
    # a date inside a noun phrase dates that noun, without the date itself
    ("Mr Biden and Mr Putin, who met in Geneva in June to discuss an array of tensions, are not expected to "
     "take part in the January talks.", "January", "the talks"),
    # the medium of a telling dates the telling: its teller is the act (ecbplus-dev 36_11ecbplus)
    ("In his testimony on Friday, Jeffs said there was no crime.", "Friday", "Jeffs said"),
    ("White House officials said Thursday's call lasted 50 minutes.", "Thursday", "the call"),
    # raising: the subject of "is expected" decides
    ("The head coach is expected to return to work on Monday after months away.", "Monday",
     "The head coach is expected to return to work"),
    # a hyphenated modifier stays whole; a long part is cut to its head and the words before it
    ("An Opteron-based solution from the company should arrive by the end of the year, the chief executive "
     "said.", "the end of the year", "An Opteron-based solution should arrive"),
    ("The bill, which the Senate passed on Tuesday, goes to the House.", "Tuesday",
     "The bill the Senate passed"),
    # a verb without an object names its act by the infinitive it takes: two reports tell one act
    # with two such verbs ("refused to step down" / "vowed to remain in the race"), not a preposition
    ("The senator on Tuesday refused to step down from his race despite calls to quit.", "Tuesday",
     "The senator refused to step down from his race"),
    ("The president agreed on Friday to reopen the federal government for three weeks.", "Friday",
     "The president agreed to reopen the federal government"),
    # a reporting verb is named with its speaker, not with what was said
    ("Coach Sean Payton announced it himself on Wednesday, revealing that Thomas had been placed on IR.",
     "Wednesday", "Coach Sean Payton announced it"),
    # a clause "when" opens after a comma names the date by what happened then (basil-dev
    # 7a97de89, gva-dev 546022, ecbplus-dev 36_3ecbplus)
    ("The latest controversy really dates back to January, when LePage claimed that drug dealers come "
     "into Maine.", "January", "LePage claimed"),
    ("The rampage began Friday evening, when sheriff deputies responded to a home at about 8 p.m. and "
     "found three victims.", "Friday evening", "sheriff deputies responded to a home"),
    ("Prosecutors relied on information found after a traffic stop in Nevada in 2006, when Jeffs was "
     "arrested.", "2006", "Jeffs was arrested"),
    # without a comma, after a state the main clause holds (gva-dev 778314, 12_4ecb) ...
    ("The group was still in the car about 12:45 a.m. when a black sedan pulled up across the street.",
     "12:45 a.m.", "a black sedan pulled up across the street"),
    # ... but a main clause that tells an act keeps its date (gva-dev 772387)
    ("A woman was shot at a Dunkin Donuts in Coconut Creek Saturday morning when a man accidentally "
     "dropped his gun at the store, police said.", "Saturday morning", "A woman was shot at a Dunkin Donuts"),
    # a telling through a medium ("in a statement", "in a press release", "at a news conference") is
    # the telling (basil-dev 2a3fde8a, ecbplus-dev 36_10ecbplus)
    ("Strzok attorney Aitan Goelman said in a statement Monday that his client was fired Friday afternoon.",
     "Monday", "Strzok attorney Aitan Goelman said"),
    ("Matt Smith, the county attorney in Mohave County, Az. said in a press release Wednesday that he had "
     "heard about the charges.", "Wednesday", "Matt Smith said"),
    # an instrument is no medium, nor a time a telling is placed in (basil-dev df6a55fb, gva-dev 778314)
    ("The Senate committee responded with two additional subpoenas on Tuesday targeting Flynn's "
     "businesses.", "Tuesday", "two additional subpoenas"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expr", "want"), CASES)
def test_the_event_is_the_clause_core(nlp: Any, sentence: str, expr: str, want: str) -> None:
    doc = nlp(sentence)
    spans = [(m.start, m.end) for m in find_matches(sentence)]
    at = sentence.index(expr)
    assert (at, at + len(expr)) in spans
    assert event_phrase(doc, at, at + len(expr), spans) == want


def test_no_parse_no_phrase(nlp: Any) -> None:
    text = "Biden and Putin spoke by phone on Thursday."
    doc = nlp(text, disable=["parser"])
    assert event_phrase(doc, text.index("Thursday"), len(text) - 1) is None


def test_annotate_names_each_dated_event_in_words(nlp: Any) -> None:
    text = (
        "Russia warned on Thursday of a complete rupture in relations. Talks between the two sides "
        "will begin in Geneva on January 10. Sales rose sharply last year, the company said."
    )
    ann = annotate(Article(id="x", text=text, published="2021-12-31"), nlp)
    what = {t.text: t.what for t in ann.timeline}
    assert what["Thursday"] == "Russia warned of a complete rupture in relations"
    assert what["January 10"] == "Talks between the two sides will begin in Geneva"
    assert what["last year"] == "Sales rose"
    assert ann.to_dict()["timeline"][0]["what"] == what["Thursday"]


def test_a_when_clause_tells_what_its_telling_told(nlp: Any) -> None:
    """basil-dev 7a97de89: the date is named by a telling, so what it told is the deed another report
    dates ("In January, he said drug dealers ... are getting Maine's white women pregnant")."""
    sentence = (
        "The latest controversy really dates back to January, when LePage claimed that drug dealers come "
        "into Maine."
    )
    doc = nlp(sentence)
    spans = [(m.start, m.end) for m in find_matches(sentence)]
    at = sentence.index("January")
    assert told_phrase(doc, at, at + len("January"), spans) == "drug dealers come into Maine"
