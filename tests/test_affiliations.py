"""The speaker's affiliation on quotes: the party or organisation the article states, read through
the real pipeline (spaCy parse and NER) on news sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation import annotate
from storyline.annotation.affiliations import party_tag
from storyline.model import Article, QuoteOccurrence
from storyline.render.quote_view import SpeakerGroup, affiliated, with_affiliation

CASES: list[tuple[str, str, str | None]] = [
    # a party tag after the name, in commas or brackets
    ("“It is a failure,” said Rep. Elijah Cummings, D-Md., on Tuesday.", "failure", "Democratic Party"),
    ("“They are reading it,” Rep. Jerrold Nadler (D-N.Y.) said.", "reading", "Democratic Party"),
    # an appositive: a party member, an "of/for" organisation after the role noun
    ("“This is bad,” said Sen. John Cornyn, a Republican from Texas.", "bad", "Republican Party"),
    (
        "“We are serious,” said Bill Hennessy, a founder of the St. Louis Tea Party.",
        "serious",
        "St. Louis Tea Party",
    ),
    ("“This is bad,” said Dmitry Peskov, the Kremlin spokesman.", "bad", "Kremlin"),
    # a title before the name
    ("White House press secretary Josh Earnest said, “This is not true.”", "not true", "White House"),
    ("Democratic Sen. Chris Murphy of Connecticut said, “No deal.”", "No deal", "Democratic Party"),
    # stated once, in a sentence that holds no quote, and carried to the person's later quotes
    (
        "NAACP President Benjamin Jealous spoke on Tuesday.\n\n“We have an issue,” Jealous said.",
        "issue",
        "NAACP",
    ),
    # a description that is the speaker states it in its own words
    ("“We disclose user data,” a spokesperson for Google said.", "disclose", "Google"),
    ("“We disclose user data,” a Microsoft spokesperson said.", "disclose", "Microsoft"),
    ("“No comment,” Pentagon officials said.", "No comment", "Pentagon"),
    ("“This is bad,” said a Republican senator.", "bad", "Republican Party"),
    # the speaker is the body: it is its own affiliation
    ("“We will vote no,” House Democrats said in a statement.", "vote no", "House Democrats"),
    ("“We will vote no,” the White House said.", "vote no", "White House"),
    # an age or the name's own "of" phrase may stand before the appositive; another name may not
    ("“It is over,” said Maria Lopez, 52, a spokeswoman for the Sierra Club.", "over", "Sierra Club"),
    (
        "“We have a deal,” said Sen. Tom Udall of New Mexico, the Senate's No. 3 Democrat.",
        "deal",
        "Democratic Party, Senate",
    ),
    ("“We have a deal,” said Tom Udall and Ann Berg, the Sierra Club's chairwoman.", "deal", None),
    # a tie that is no post: a school one went to, a prize one won
    ("“It was fine,” said Peter Hall, 48, a graduate of Georgetown University.", "fine", None),
    ("“It was fine,” said Anna Berg, the winner of the Pulitzer Prize.", "fine", None),
    # a party after any noun: a body of its members
    ("“This is bad,” a chorus of prominent Republicans said.", "bad", "Republican Party"),
    ("“We will vote no,” close to three dozen House Democrats said.", "vote no", "House Democrats"),
    # an office's place is the government its holder speaks for: a formal title, capitalised
    # before the name, or a flat parse of one; an occupation is not an office
    (
        "“This contraband has been heavily trafficked into our state,” Nebraska Attorney General"
        " Jon Bruning said at a news conference in Lincoln.",
        "contraband",
        "Nebraska",
    ),
    ("“We are looking into it,” Dallas Police Chief David Brown said.", "looking", "Dallas"),
    (
        "“I am very frustrated,” said Scotts Bluff County Sheriff Mark Overman.",
        "frustrated",
        "Scotts Bluff County",
    ),
    ("“We are looking into it,” Colorado officials said.", "looking", "Colorado"),
    ("“It was a loss,” said Texas businessman John Smith.", "loss", None),
    # a private lawyer or a team's captain speaks for no city
    ("“He is innocent,” Houston attorney Rusty Hardin said.", "innocent", None),
    ("“We played hard,” said Houston captain J.J. Watt.", "played hard", None),
    # not an office held no longer, a seat a place elects someone to, or a dateline
    ("“We will act,” said former Texas Gov. Rick Perry.", "act", None),
    ("“We will act,” said Ohio Gov. John Kasich.", "act", "Ohio"),
    ("“We will act,” the Vermont senator said.", "act", None),
    ("JERUSALEM — Israeli Prime Minister Benjamin Netanyahu said, “We will act.”", "act", None),
    ("“It is a fine day,” said Florida Republican Marco Rubio.", "fine day", "Republican Party"),
    # a capitalised word opening the sentence that NER took into the organisation's name
    (
        "Fellow St. Louis Tea Party organizer Dana Loesch accused the NAACP of morphing into a"
        " political organization.\n\n“They no longer prioritize civil rights,” she told Fox News.",
        "civil rights",
        "St. Louis Tea Party",
    ),
    # where someone is from is no side: a nationality, a home state
    ("“This is bad,” said Ivan Petrov, a Russian journalist.", "bad", None),
    ("“The roads are closed,” said Maria Lopez, a teacher from Ohio.", "roads", None),
]


@pytest.mark.parametrize(("text", "part", "affiliation"), CASES)
def test_quote_affiliation(nlp: Any, text: str, part: str, affiliation: str | None) -> None:
    ann = annotate(Article(id="a", text=text), nlp)
    quote = next(q for q in ann.quotes if part in q.text)
    assert quote.affiliation == affiliation, (quote.speaker, quote.affiliation)
    assert quote.to_dict()["affiliation"] == affiliation


def test_party_tag_needs_the_letter_and_state_right_after_the_name() -> None:
    text = "Ryan (R-WI) said; Cummings, D-Md., said; Smith, who voted no, said"
    assert party_tag(text, text.index(" (R-WI)")) == "Republican Party"
    assert party_tag(text, text.index(", D-Md.")) == "Democratic Party"
    assert party_tag(text, text.index(", who")) is None


def test_heading_names_the_affiliation_once() -> None:
    assert with_affiliation("Elijah Cummings", "Democratic Party") == "Elijah Cummings (Democratic Party)"
    assert with_affiliation("a Republican senator", "Republican Party") == "a Republican senator"
    assert with_affiliation("Senate Democrats", "Democratic Party, Senate") == "Senate Democrats"
    assert with_affiliation("a spokesperson for Google", "Google") == "a spokesperson for Google"
    assert with_affiliation("House Democrats", "House Democrats") == "House Democrats"
    occ = [
        QuoteOccurrence("s1", "No.", "Jealous", "person:jealous", True, 0, 3, "NAACP"),
        QuoteOccurrence("s2", "No.", "Jealous", "person:jealous", True, 0, 3, None),
    ]
    group = SpeakerGroup("Ben Jealous", "person:jealous", (), affiliated(occ))
    assert group.heading == "Ben Jealous (NAACP)"
