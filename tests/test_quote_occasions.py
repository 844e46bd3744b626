"""A speaker's occasions: two remarks said on occasions the reports name apart are not one remark
quoted two ways; a remark that may be another one (a refrain, another sentence of one speech, an
occasion only one report names) is to check, not a stated conflict."""

from __future__ import annotations

from typing import Any

import pytest

from outlets import compare_outlets
from storyline.crosscheck.occasions import occasion_of, other_occasions, speech_verb
from storyline.crosscheck.predicates import parser
from storyline.crosscheck.quotes import QuoteFact, refrain, two_sentences
from storyline.crosscheck.words import plain
from storyline.model import Quote, Report


def _occasion(nlp: Any, sentence: str, cue: str) -> Any:
    doc = nlp(sentence)
    quoted = [(sentence.find("“"), sentence.rfind("”") + 1)] if "“" in sentence else []
    verb = speech_verb(doc, cue, quoted)
    assert verb is not None
    return occasion_of(verb, quoted)


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        (
            ("“He is not welcome,” Fox told CNN.", "told"),
            ("“He is not welcome,” Fox said in a statement.", "said"),
            True,
        ),
        (
            ("“He is not welcome,” Fox told CNN.", "told"),
            ("“He is not welcome,” Fox told Fox News.", "told"),
            True,
        ),
        (
            ("“He is not welcome,” Fox told CNN.", "told"),
            ("“He is not welcome,” Fox said in an interview with CNN on Tuesday.", "said"),
            False,
        ),
        (
            ("“We are done,” Cruz told reporters.", "told"),
            ("“We are done,” Cruz said at a news conference in Wisconsin.", "said"),
            False,
        ),
        (
            ("“We are done,” Cruz tweeted.", "tweeted"),
            ("In a statement, Cruz said, “we are done.”", "said"),
            False,
        ),
        (("“We are done,” Cruz tweeted.", "tweeted"), ("“We are done,” Cruz told reporters.", "told"), True),
        # an occasion only one report names says nothing of the other's
        (("“We are done,” Cruz said.", "said"), ("“We are done,” Cruz told reporters.", "told"), False),
        # a person addressed is an audience but no medium: a hearing's colleague, an interviewer
        (
            ("“We are done,” Conaway said to Mr. Schiff.", "said"),
            ("“We are done,” Conaway told CNN.", "told"),
            False,
        ),
    ],
)
def test_occasions_named_apart(nlp: Any, a: tuple[str, str], b: tuple[str, str], apart: bool) -> None:
    assert other_occasions(_occasion(nlp, *a), _occasion(nlp, *b)) is apart


def _run(nlp: Any, embedder: Any, *texts: str) -> Report:
    return compare_outlets(nlp, embedder, *texts, published="2017-01-26")


def _quote_findings(report: Report) -> tuple[list[str], list[str]]:
    """The ids of the quote conflicts stated, and of those listed to check."""
    stated = [f.id for f in report.findings if f.kind == "conflict" and f.aspect == "quote"]
    listed = [f.id for f in report.to_check if f.aspect == "quote"]
    return stated, listed


LEAD = "Former Mexican President Vicente Fox criticized the planned visit of President Trump on Thursday.\n\n"


def test_one_remark_on_one_occasion_quoted_two_ways_conflicts(nlp: Any, embedder: Any) -> None:
    a = LEAD + "“We don’t want him. We reject his visit,” Fox told CNN."
    b = LEAD + "“We don’t want him. We reject his message,” Fox said in an interview with CNN."
    assert _quote_findings(_run(nlp, embedder, a, b))[0]


def test_a_statement_and_an_interview_are_two_remarks(nlp: Any, embedder: Any) -> None:
    a = LEAD + "“We don’t want him. We reject his visit,” Fox told CNN."
    b = LEAD + "“We don’t want him. We reject his message,” Fox said in a statement."
    assert _quote_findings(_run(nlp, embedder, a, b)) == ([], [])


def test_a_refrain_ties_the_other_line_to_no_instance(nlp: Any, embedder: Any) -> None:
    """basil-dev b7021938: Schiff's "You might think it's O.K." said again and again; fox quotes one
    instance, nyt several: the difference is to check, not a stated conflict."""
    lead = "Representative Adam Schiff answered the Republicans on the committee on Thursday.\n\n"
    a = lead + "“You might think that’s okay that they lied about the meeting,” Schiff said."
    b = lead + (
        "Schiff continued: “You might think that it’s O.K. that the adviser met the ambassador in secret. "
        "And you might think it’s O.K. he lied about it to the F.B.I. I don’t think that’s O.K.”"
    )
    stated, listed = _quote_findings(_run(nlp, embedder, a, b))
    assert not stated and listed


def _fact(source: int, text: str) -> QuoteFact:
    quote = Quote(text, "Pat Smith", "person:smith", True, "said", 0, len(text))
    return QuoteFact(source, 0, quote, plain(text))


def test_two_whole_sentences_asserting_different_acts_are_perhaps_two_remarks(nlp: Any) -> None:
    parse = parser(nlp)
    a = _fact(0, "The governor is holding our teachers and their pay hostage.")
    b = _fact(1, "Our teachers deserve better than a governor who cuts their pay.")
    assert two_sentences(a, b, *parse([a.quote.text, b.quote.text]))
    # a phrase taken from inside a sentence may be the same remark reworded
    c = _fact(1, "holds our teachers and their pay hostage")
    assert not two_sentences(a, c, *parse([a.quote.text, c.quote.text]))
    # the same act: one sentence worded two ways
    d = _fact(1, "The governor is holding our teachers hostage with their pay.")
    assert not two_sentences(a, d, *parse([a.quote.text, d.quote.text]))


def test_a_refrain_is_words_a_report_gives_twice() -> None:
    once = _fact(0, "You might think that’s okay that they lied about the meeting")
    twice = _fact(
        1, "You might think that it’s O.K. that he met them. And you might think it’s O.K. he lied about it."
    )
    other = _fact(1, "You might think that it’s O.K. that he met them in secret at the embassy.")
    assert refrain(once, twice, [once, twice])
    assert not refrain(once, other, [once, other])
