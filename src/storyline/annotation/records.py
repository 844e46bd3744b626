"""A record measured over a span back from the time of writing: "its lowest level in six years",
"the first time in more than two decades", "the highest in years".

News measures a record, a first or a worst against the span that ends at the time of writing: the
span is the past six years (TimeML's duration P6Y; "in years" PXY, a span of unknown length).
Without a superlative or "first" before it, "in six years" looks ahead ("will reopen in six years")
or counts a duration ("jailed for six years"), and is no such span.
"""

from __future__ import annotations

from typing import Any

# Words that make the noun they modify a record ("the first increase", "a record high").
_FIRSTS = {"first", "record"}
_REACH = 8  # tokens back from the span to its superlative: "the biggest one-day drop in"


def after_a_record(doc: Any, start: int) -> bool:
    """Whether a superlative (tagged JJS/RBS) or "first" stands within a few tokens before the span
    at character ``start``, in its sentence with no conjunction or verb but "be" between them ("the
    highest it has been in years")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for tok in reversed(doc[max(0, span.start - _REACH) : span.start]):
        if tok.is_sent_end or tok.text in (";", ":") or tok.tag_ == "CC":
            return False
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ not in ("be", "have"):
            return False  # "the first suspect was jailed for six years": the span is the verb's
        if tok.tag_ in ("JJS", "RBS") or tok.lower_ in _FIRSTS:
            return True
    return False

