"""A Doc's text, built once.

``Doc.text`` joins every token's text anew at each call: about a millisecond per news article,
and the annotators need the text several times per article. The first call keeps it in the
Doc's ``user_data`` (storyline never changes a Doc's tokens after the tokenizer made them).
"""

from __future__ import annotations

from typing import Any

KEY = "storyline_text"


def doc_text(doc: Any) -> str:
    """``doc.text``, computed at most once per Doc."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return str(text)
