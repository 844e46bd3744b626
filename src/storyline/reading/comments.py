"""Where readers' posts start below an article, from the shape of a thread, not its words.

A thread of readers' posts (or replies, or a forum's) repeats one shape: a line naming the
poster, a line dating the post ("17 September 2020 18:21", "2. November 2018 um 14:02 Uhr"),
the post's text, then the same action line under each post ("Reply", "Antworten", "Report").
A list of other stories has dated entries too, but it is no article either. The article's own
text dates itself once, at its head; two dated entries close together, each over a paragraph,
with one short line repeated between them, are a thread in any language. Headings that open a
thread ("3 Comments", "Leave a reply") are ``lines.opens_comments``. A thread ends the page's
own text (``region.page_end``) and the walk for the article's prose past an interruption
(``region._resumed``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from storyline.reading.lines import Kind, Line

_POST = (Kind.PROSE, Kind.SENTENCE, Kind.LONG)
_HEAD_TO_TEXT = 2  # lines from a post's date to its text (a "said:" line, a quoted name)
_NEAR = 12  # lines between two posts' dates: a post and its action lines
_BEFORE = 2  # the poster's name (and an avatar's label) above the first date
_AFTER = 4  # the last post's text and action line below its date
_ACTION_WORDS = 3  # an action line ("Reply", "Report abuse", "Like") is this short


def _heads(lines: Sequence[Line], a: int, b: int) -> list[int]:
    """Date lines in ``lines[a:b]`` with a post's text right under them."""
    return [
        k
        for k in range(a, b)
        if lines[k].kind is Kind.DATE
        and any(ln.kind in _POST for ln in lines[k + 1 : min(b, k + 1 + _HEAD_TO_TEXT)])
    ]


def thread_start(lines: Sequence[Line], a: int, b: int) -> int:
    """Where the first thread of posts in ``lines[a:b]`` starts (``b`` when there is none)."""
    for x, y in pairwise(_heads(lines, a, b)):
        if y - x > _NEAR:
            continue
        # The poster's name sits over the date; a paragraph there is the text the thread follows.
        start = x
        while start > max(a, x - _BEFORE) and lines[start - 1].kind not in _POST:
            start -= 1
        window = lines[start : min(b, y + _AFTER)]
        actions = Counter(ln.text for ln in window if ln.words <= _ACTION_WORDS and ln.kind is not Kind.DATE)
        if actions and max(actions.values()) >= 2:
            return start
    return b
