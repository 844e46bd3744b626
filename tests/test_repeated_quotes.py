"""Words an article quotes twice are one speaker's: a pull quote set apart from the body, or a
lede's quotation told again in full, takes the speaker the article names for the other."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate
from storyline.model import Article


def _speakers(nlp: Any, text: str, part: str) -> list[str | None]:
    ann = annotate(Article(id="a", text=text), nlp)
    return [q.speaker_key for q in ann.quotes if part in q.text]


def test_a_pull_quote_is_the_speaker_named_in_the_body(nlp: Any) -> None:
    text = (
        "On its face, Clinton’s critique is a typical Democratic line of attack on tax cuts for the rich.\n\n"
        '"I worry that we may see a resurgence of Democrats singing the virtues of balanced budgets as '
        "Clinton tries to distinguish herself from Trump’s irresponsible tax cuts.\n"
        'Dean Baker, Center for Economic and Policy Research."\n\n'
        "But Clinton’s broadside against printing money leaves room to spend.\n\n"
        "“I worry that we may see a resurgence of Democrats singing the virtues of balanced budgets as "
        "Clinton tries to distinguish herself from Trump’s irresponsible tax cuts,” said Dean Baker, "
        "co-director of the Center for Economic and Policy Research, a liberal think tank."
    )
    assert _speakers(nlp, text, "resurgence") == ["person:baker", "person:baker"]
