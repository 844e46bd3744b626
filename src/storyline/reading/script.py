"""Counting words in scripts written without spaces between them.

Chinese and Japanese run words together, so splitting on spaces finds one "word" per sentence and
a whole news report looks like a navigation bar. A Chinese or Japanese word is about two
characters long, so two characters of these scripts count as one word.
"""

from __future__ import annotations

import re

# Han ideographs (with extension A and compatibility forms), hiragana, katakana, CJK punctuation
# and full-width forms: the writing systems of Chinese and Japanese news.
_UNSPACED = re.compile(
    "[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Words split by spaces, plus two characters of Chinese or Japanese for each word in them."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + unspaced // CHARS_PER_WORD


def unspaced_share(text: str) -> float:
    """The share of the non-space characters that are Chinese or Japanese."""
    letters = len(text) - sum(map(str.isspace, text))
    return len(_UNSPACED.findall(text)) / letters if letters else 0.0
