"""Transcript turns as quotations, through the whole annotation pipeline."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate
from storyline.model import Article

INTERVIEW = (
    'Sunday on ABC, Senator Ann Lee (D-OR) said the farm bill was "dead on arrival."\n\n'
    "Partial transcript as follows:\n\n"
    "MARK HOLT: The bill passed the House on Friday. What happens next?\n\n"
    "LEE: Well, I think the Senate will not take it up. It has no votes.\n\n"
    "(BEGIN VIDEO CLIP.)\n\n"
    "HOLT: Some farmers say it will pass.\n\n"
    "How do you answer them?\n\n"
    "LEE: They are wrong."
)


def test_each_turn_is_a_quote_of_the_person_its_label_names(nlp: Any) -> None:
    ann = annotate(Article(id="t", text=INTERVIEW), nlp)
    said = {q.text: (q.speaker, q.speaker_key) for q in ann.quotes}
    assert said["The bill passed the House on Friday. What happens next?"] == ("Mark Holt", "person:holt")
    assert said["Well, I think the Senate will not take it up. It has no votes."] == ("Ann Lee", "person:lee")
    assert said["How do you answer them?"] == ("Mark Holt", "person:holt")  # a turn carried on
    assert said["They are wrong."] == ("Ann Lee", "person:lee")
    assert "(BEGIN VIDEO CLIP.)" not in said
    for q in ann.quotes:
        assert INTERVIEW[q.start : q.end] == q.text


def test_labels_of_page_furniture_are_no_turns(nlp: Any) -> None:
    text = (
        "Police said a man was shot on Main Street on Tuesday.\n\n"
        "RAW VIDEO: Scene of the shooting\n\n"
        "VIDEO: Chief Ann Lee speaks about the shooting\n\n"
        "UPDATE: The victim, Mark Holt, has died."
    )
    ann = annotate(Article(id="t", text=text), nlp)
    assert not [q for q in ann.quotes if q.cue and q.cue.endswith(":")]
