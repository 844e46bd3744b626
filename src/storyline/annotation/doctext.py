"""A Doc's text and token offsets, built once.

``Doc.text`` joins every token's text anew at each call: about a millisecond per news article,
and the annotators need the text several times per article. ``Doc.char_span`` is cheap on an
article but the annotators call it once per sentence, which made a book-length text quadratic.
The first call keeps the text (or the tokens' start offsets) in the Doc's ``user_data``
(storyline never changes a Doc's tokens after the tokenizer made them).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Span

KEY = "storyline_text"
STARTS = "storyline_token_starts"


def doc_text(doc: Any) -> str:
    """``doc.text``, computed at most once per Doc."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)


def char_tokens(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that overlap characters ``start:end`` (``char_span`` with ``"expand"``), found by
    bisection; an empty span when ``start == end``, ``None`` when a longer range holds no token."""
    starts = doc.user_data.get(STARTS)
    if starts is None:
        starts = doc.user_data[STARTS] = doc.to_array([IDX]).reshape(-1)
    first = max(0, int(numpy.searchsorted(starts, start, side="right")) - 1)
    if first < len(doc) and doc[first].idx + len(doc[first]) <= start:
        first += 1  # the token before ``start`` ends before it (a space lies between)
    last = int(numpy.searchsorted(starts, end, side="left"))
    if start == end:
        return doc[first:first]  # an empty span where ``start`` is: nothing lies before a name there
    return doc[first:last] if first < last else None
