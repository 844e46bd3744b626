"""News-robust sentence boundaries, on sentences written the way news is."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from storyline.annotation.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gen. Mark Milley spoke first. He left early.", ["Gen. Mark Milley spoke first.", "He left early."]),
        ("Mr. Smith met Mrs. Jones. They talked.", ["Mr. Smith met Mrs. Jones.", "They talked."]),
        ("Mr Putin spoke. Dr. Ana Ruiz replied.", ["Mr Putin spoke.", "Dr. Ana Ruiz replied."]),
        ("They last spoke Dec. 3. So they met again.", ["They last spoke Dec. 3.", "So they met again."]),
        (
            "The vote is on Jan. 10 in Geneva. It may slip.",
            ["The vote is on Jan. 10 in Geneva.", "It may slip."],
        ),
        ("The U.S. military is large. It is costly.", ["The U.S. military is large.", "It is costly."]),
        (
            "Troops returned to the U.S. The war was over.",
            ["Troops returned to the U.S.", "The war was over."],
        ),
        ("He works for Acme Corp. in Ohio.", ["He works for Acme Corp. in Ohio."]),
        ("She joined Apple Inc. She left in 2019.", ["She joined Apple Inc.", "She left in 2019."]),
        ("John F. Kennedy was shot in 1963.", ["John F. Kennedy was shot in 1963."]),
        ("“Why now?” she asked. Nobody replied.", ["“Why now?” she asked.", "Nobody replied."]),
        ("“We won,” he said. “We won big.”", ["“We won,” he said.", "“We won big.”"]),
        ("It is over. “Not yet,” she said.", ["It is over.", "“Not yet,” she said."]),
        ("He paused... then went on.", ["He paused... then went on."]),
        ("Sales rose 4.5 percent. Profits fell.", ["Sales rose 4.5 percent.", "Profits fell."]),
        (
            "He visited No. 10 on Monday. No. It was Tuesday.",
            ["He visited No. 10 on Monday.", "No.", "It was Tuesday."],
        ),
        (
            "The plan — which Sen. Warren opposed — passed. It goes to the House.",
            ["The plan — which Sen. Warren opposed — passed.", "It goes to the House."],
        ),
        ("Kyiv fell silent — then the sirens began.", ["Kyiv fell silent — then the sirens began."]),
        ("WASHINGTON — The Senate voted. It was close.", ["WASHINGTON — The Senate voted.", "It was close."]),
        (
            "A headline without a stop\n\nThe body begins here.",
            ["A headline without a stop", "The body begins here."],
        ),
        ("first line\nsecond line", ["first line", "second line"]),
        ("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."]),
        ("(The vote was 52-48.) Debate resumes.", ["(The vote was 52-48.)", "Debate resumes."]),
        (
            "He cited the 2015 accord (signed in Paris). Others did not.",
            ["He cited the 2015 accord (signed in Paris).", "Others did not."],
        ),
        (
            "Lt. Col. Alexander Vindman testified. Rep. Adam Schiff asked questions.",
            ["Lt. Col. Alexander Vindman testified.", "Rep. Adam Schiff asked questions."],
        ),
        (
            '"Why can\'t he run?" Akin continued. He left.',
            ['"Why can\'t he run?" Akin continued.', "He left."],
        ),
        ("“Is it over?” Mr. Fox asked. No.", ["“Is it over?” Mr. Fox asked.", "No."]),
        ("He asked “why?” Then he left.", ["He asked “why?”", "Then he left."]),
        # a quotation closed by its own full stop, then a new sentence that opens like a tag
        (
            "She said “the question is the timing.” Gov. Pat McCrory said it would be “improper.”",
            ["She said “the question is the timing.”", "Gov. Pat McCrory said it would be “improper.”"],
        ),
        ("“We won.” Trump said. It was late.", ["“We won.” Trump said.", "It was late."]),
        (
            "“Could any judge pass?” Senate Majority Leader Mitch McConnell, R-Ky., asked. No.",
            ["“Could any judge pass?” Senate Majority Leader Mitch McConnell, R-Ky., asked.", "No."],
        ),
        # after a question or exclamation, a name and a past-tense verb are a tag, whatever the verb
        (
            "“Would you sign it?” Hannity pressed. “Maybe next year?”",
            ["“Would you sign it?” Hannity pressed.", "“Maybe next year?”"],
        ),
        ("“Is it over?” Police arrived at noon.", ["“Is it over?”", "Police arrived at noon."]),
        # "Del." is a delegate's title, and Delaware's abbreviation that may end a sentence
        (
            "“No,” said Del. Stacey Plaskett of the Virgin Islands.",
            ["“No,” said Del. Stacey Plaskett of the Virgin Islands."],
        ),
        ("He was born in Dover, Del. He left.", ["He was born in Dover, Del.", "He left."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_trimmed_and_ordered() -> None:
    text = "  One here.   Two there.\n\n  Three.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["One here.", "Two there.", "Three."]
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(spans))


def test_pipeline_doc_follows_the_rules(nlp: Any) -> None:
    doc = nlp("Gen. Mark Milley spoke. He left.\n\nA new paragraph")
    assert [s.text.strip() for s in doc.sents] == ["Gen. Mark Milley spoke.", "He left.", "A new paragraph"]
