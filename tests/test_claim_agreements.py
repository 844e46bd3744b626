"""A claim agreement states one fact: the classes of wrong agreement found on the third judged set
(bench/natural/agreements-more.jsonl, batch 2: gva-dev and ecbplus-dev reports), each checked on
the real sentences that showed it and on a sentence pair that must still agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from outlets import compare_outlets
from storyline.crosscheck import compare
from storyline.model import Finding, Report


def agreements(report: Report, aspect: str) -> list[Finding]:
    return [f for f in report.findings if f.kind == "agree" and f.aspect == aspect]


def test_a_relative_clause_saying_who_someone_is_is_not_the_claim(nlp: Any, embedder: Any) -> None:
    """gva-dev: two remarks of one woman, each introduced by the same words on who she is ("whose
    daughter is married to ..."), are two remarks; what the sentences assert is what she said.
    (The same rule drops "Bill Adgate, who works at LPL Financial" told twice, ecbplus-dev, which
    happened to be one fact in other words: the match was on who he is, not on what he said.)"""
    a = (
        "Diana Krieger, whose daughter is married to Ulmschneider's brother, told The Washington Post "
        "that he was a caring man who had dreamed of being a firefighter since high school."
    )
    b = (
        "\u201cHe wanted to help others,\u201d said Diana Krieger, whose daughter is married to "
        "Ulmschneider's brother."
    )
    assert not agreements(compare_outlets(nlp, embedder, a, b), "claim")
    # the same act told by both still agrees, a relative clause beside it or not
    c = "The man, who lived alone, was released from police custody on Saturday evening, police said."
    d = "The man was released from police custody Saturday evening, officials said."
    assert agreements(compare_outlets(nlp, embedder, c, d), "claim")
    # a "where" clause may carry the news itself (ecbplus-dev)
    e = "Johnson was taken to Hennepin County Medical Center in Minneapolis, where she died."
    f = "She died an hour later at Hennepin County Medical Center."
    assert agreements(compare_outlets(nlp, embedder, e, f), "claim")


def test_alike_sentences_with_one_figure_told_otherwise_do_not_agree(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: "sentenced to 2 years, with 9 months to serve" / "to 2 1/2 years, with 9 months
    to serve": the nine months pair the two lists of durations up, so the sentence's length is one
    thing given two values, and the two sentences state no one fact; with the same lengths they
    agree."""
    a = "He was sentenced to 2 years, with 9 months to serve in that case."
    b = "He was sentenced to 2 1/2 years, with 9 months to serve in that case."
    assert not agreements(compare_outlets(nlp, embedder, a, b), "claim")
    c = "He was sentenced to 2 1/2 years in that case, with 9 months to serve."
    assert agreements(compare_outlets(nlp, embedder, b, c), "claim")


def test_an_act_still_to_come_is_not_the_act_done(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 43: "AMD has acquired SeaMicro" and "AMD will continue to sell SeaMicro servers"
    are two acts of one doer, alike as the sentences read; one act in other words, told in one
    tense by both, still agrees (a jury "found ... guilty" / "convicted")."""
    a = (
        "In an unprecedented move that suggests that there might be life in the old dog yet, AMD has "
        "acquired SeaMicro, a company that builds high-density, low-power servers using Intel CPUs."
    )
    b = 'AMD will continue to sell SeaMicro servers based on Intel processors "for now," Lu said.'
    assert not agreements(compare_outlets(nlp, embedder, a, b), "claim")
    c = "A San Antonio jury has found polygamist leader Warren Jeffs guilty on both charges on Thursday."
    d = "A Texas jury convicted polygamist sect leader Warren Jeffs of child sexual assault Thursday."
    assert agreements(compare_outlets(nlp, embedder, c, d), "claim")


def test_a_wish_meets_a_wish_not_a_deed(nlp: Any, embedder: Any) -> None:
    """The conditional of politeness ("would like", "would love", "would prefer") is a wish now,
    not an act to come ("Lionsgate would like a November 2013 release date", ecbplus-dev; "he
    would like to mandate automatic voter registration", basil-dev; "a toy he would love to play
    on", gva-dev). Told as "wants" it is the same wish; told as done it is another fact, a deed,
    though the verb and its object are the same."""
    a = "Apparently, Lionsgate would like a November 2013 release date for the sequel."
    b = "Lionsgate wants a November 2013 release date for the sequel."
    assert agreements(compare_outlets(nlp, embedder, a, b), "claim")
    c = (
        "The senator said on Thursday that he would like to mandate automatic voter registration "
        "across the country."
    )
    d = "The senator mandated automatic voter registration across the state on Thursday."
    assert not agreements(compare_outlets(nlp, embedder, c, d), "claim")


def test_a_verb_completed_by_two_acts_is_two_claims(nlp: Any, embedder: Any, shared_data: Path) -> None:
    """ecbplus-dev 21: "is expected to appear in court" and "is expected to face charges" share the
    verb and its subject, but what is expected is the act each completes it with: two claims (a
    court date next Monday, charges on Friday), though both reports tell of one arrest."""
    files = [shared_data / "ecbplus-dev" / f"21_{n}ecb.txt" for n in (4, 6)]
    report = compare(files, nlp=nlp, embedder=embedder)
    assert [f for f in report.findings if f.kind == "agree"], "the two reports agree on other facts"
    assert not [
        f
        for f in agreements(report, "claim")
        if {"appear in court", "face charges"}
        <= {w for s in f.statements for w in ("appear in court", "face charges") if w in s.text}
    ]
