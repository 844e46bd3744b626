"""Who said it, read from the structure of the sentence: the tag's own clause, the name a set-off
phrase describes, a list entry's signature, the author of a message, the names joined in an
appositive. Sentences written after PolNeAR's and BASIL's (outlets the rules were not written on)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation import annotate
from storyline.model import Article

CASES: list[tuple[str, str, str]] = [
    # a quotation closed by its full stop, then a lead-in to the next one: "He" is Reid, and the
    # first quotation is not handed to "He added"
    (
        'Senator Harry Reid said that Sanders had energized "many voters" who "are deeply involved in '
        'the process now." He added, "What impresses me is all these new people."',
        "deeply involved",
        "Reid",
    ),
    (
        'Senator Harry Reid said that Sanders had energized "many voters" who "are deeply involved in '
        'the process now." He added, "What impresses me is all these new people."',
        "What impresses me",
        "Reid",
    ),
    # a verb in a clause that modifies a noun after the quotation is not its tag
    (
        "While President Obama has cautioned against “a betrayal of our values” in the way the United "
        "States responds to threats, he has ordered a review of the visa program.",
        "betrayal of our values",
        "Obama",
    ),
    # the list form signs the entry, whatever verb the headline before it holds
    (
        "But polls did predict the Democratic caucus - HuffPollster: “Most pollsters fared much better "
        "with the Democratic results.”",
        "fared much better",
        "HuffPollster",
    ),
    # a long set-off description between the name and its verb
    (
        "“Very good reporter, this guy,” Trump, the GOP frontrunner and current polling leader in South "
        "Carolina after winning the New Hampshire primary, said when Boyle asked him a question.",
        "Very good reporter",
        "Trump",
    ),
    # the names joined in an appositive speak together
    (
        "“Tritium would enable weapons with a greater yield,” nuclear experts David Albright and Serena "
        "Kelleher-Vergantini of the Institute for Science and International Security wrote in September.",
        "greater yield",
        "Kelleher-Vergantini",
    ),
    # any verb tags a quotation when its subject is a noun for people
    (
        "“Will he be the next attorney general?” a Democratic staffer in the room wondered.",
        "attorney general",
        "staffer",
    ),
    # "X, whose …, said" parsed with X as the subject of the relative clause
    (
        "Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said "
        "Mr. Trump was a candidate very much in the spirit of Silicon Valley: “He's a start-up kind of guy.”",
        "start-up kind of guy",
        "Slinker",
    ),
    # a message's author named in a sentence with no speech verb: "signed by …"
    (
        "Paul Ryan has been criticised by Catholic leaders.\n\nThe latest criticism comes in a letter "
        "released Tuesday and signed by nearly 90 faculty members and priests at Georgetown.\n\nThe letter "
        "says, “We would be remiss in our duty if we did not challenge your misuse of Catholic teaching.”",
        "remiss in our duty",
        "faculty members",
    ),
]


@pytest.mark.parametrize(("text", "part", "speaker"), CASES)
def test_speaker_from_structure(nlp: Any, text: str, part: str, speaker: str) -> None:
    ann = annotate(Article(id="s", text=text), nlp)
    found = [q for q in ann.quotes if part in q.text]
    assert found, [q.text for q in ann.quotes]
    q = min(found, key=lambda q: len(q.text))
    assert q.speaker is not None and speaker in q.speaker, q
