"""Pages that are not articles: a crawl keeps what a site served, and not everything served is news.

A notification or login wall, a video list, a weather widget or a listing still carries the page's
headline, but its body tells no story: what it says is addressed to the reader ("Your notification
has been saved", "Click here to ...") or is a run of menu lines, and it does not mention what the
headline is about. Such a page is recognised from that structure, not from its wording: too little
prose (sentences of several words, ending as sentences do, not addressed to the reader) that is
not even half the body, or a short
body that shares no content word with its headline. It is filed with the reason and never grouped:
two walls from two states otherwise look alike and become one story.
"""

from __future__ import annotations

import re

from storyline.model import Article

MIN_PROSE_WORDS = 40  # a brief of two or three real sentences has more
PROSE_SHARE = 0.5  # ... unless most of a short body is prose (a one- or two-sentence brief)
MIN_SENTENCE_WORDS = 6

_SENTENCES = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)", re.M)
# Addressed to the reader: second person, or a page control's imperative at the start.
_READER = re.compile(
    r"\byou(?:r|'ll|’ll|'re|’re)?\b|^\s*(?:click|tap|sign|log|subscribe|download|watch|share|"
    r"follow|close|enable|read more|get)\b",
    re.I,
)
_ENDS = re.compile(r"[.!?][\"”’']?\s*$")


def prose_words(text: str) -> int:
    """Words in the body's sentences that tell something: several words, ending as a sentence ends,
    not addressed to the reader."""
    total = 0
    for line in text.splitlines():
        for m in _SENTENCES.finditer(line):
            sentence = m.group().strip()
            words = sentence.split()
            if len(words) >= MIN_SENTENCE_WORDS and _ENDS.search(sentence) and not _READER.search(sentence):
                total += len(words)
    return total


def not_an_article(art: Article) -> str | None:
    """Why this page is not an article (one plain sentence), or None when it reads as one."""
    words = len(art.text.split())
    if not words:
        return "the page has no body text"
    if ("body", "headline") in art.meta:
        return None  # a headline or news alert read alone: its one line is the report
    prose = prose_words(art.text)
    if prose < MIN_PROSE_WORDS and prose < words * PROSE_SHARE:  # a one-sentence brief is all prose
        return f"only {prose} words of prose in {words}: the body is page furniture, not a report"
    return None
