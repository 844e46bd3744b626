"""Which run of lines of a pasted page is the article: the region choice of the pasted cleaner.

The body of a news page is its longest run of sentence-shaped paragraphs; navigation, promos and
related-story lists are runs of short unpunctuated lines. So we score each line (prose gains by
its length, furniture loses) and take the highest-scoring contiguous run as the body
(maximum-sum segment), widened where a per-line score fitted on other sites' pages
(``line_score``) finds more body next to it, joined to the parts of it an embed split off, and
cut at readers' comments, the site's footer and a closing "Related" heading. Choosing the region
is one job apart from what the cleaner keeps inside it (``pasted``): a change here moves whole
runs of lines in or out, and is judged by the lines it loses above and after the body.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storyline.reading.comments import thread_start
from storyline.reading.header import opens_article
from storyline.reading.lines import Kind, Line, ends_article, lead_in, opens_comments
from storyline.reading.resume import MAX_GAP, features, resumes

# Line scores for finding the body. A paragraph earns its length; every furniture line costs
# about a short sentence, so a related-links block of a few lines splits body from footer, while
# a lone caption or "Advertisement" inside the body does not.
_COST = {
    Kind.ITEM: 0.0,
    Kind.SHORT: -45.0,
    Kind.FURNITURE: -60.0,
    Kind.DATE: -40.0,
    Kind.BYLINE: -40.0,
    Kind.CAPTION: -25.0,
}
_MAX_GAIN = 600.0
_MAX_GAP = 4
LIST_ITEMS = 15  # at most this many short lines after a "...:" lead-in count as its list
_JOIN_GAP = 8  # at most this many lines between two parts of one body
_LEDE_GAP = 60  # ... or this many when the part above opens under the article's dateline
_HEADER_GAP = 3  # lines between the dateline or byline and the first paragraph (a caption, buttons)
_JOIN_SHARE = 0.2  # ... and the part is worth at least this share of the body
_ABOVE_GAP = 12  # ... or this many above it when the part is article-shaped (two paragraphs in a row)
_FIRST_SHARE = 0.5  # an article-shaped run above the body worth this share of it is the article
_TAIL_SHARE = 0.25  # at most this share of the body's prose may follow a heading that ends it
_BOX_LINKS = 3  # links under the heading of a box set inside the article ("Read more", a headline)
_PROSE_BEFORE_COMMENTS = 300  # characters of paragraphs before a "Comments" heading counts as one


def _gain(line: Line) -> float:
    if line.kind is Kind.PROSE:
        return min(float(len(line.text)), _MAX_GAIN)
    if line.kind is Kind.LONG:
        return 0.0  # a standfirst or subheading inside the body, or a list of other headlines
    if line.kind is Kind.SENTENCE:
        return 0.5 * len(line.text)
    return _COST[line.kind]


def body_span(lines: Sequence[Line]) -> tuple[int, int]:
    """Indices [i, j) into ``lines`` of the maximum-sum run of line scores.

    Consecutive non-paragraph lines cost more and more: one caption or subheading between
    paragraphs is normal, but a headline-byline-date block before each short summary is a list
    of other stories.
    """
    best, best_i, best_j = 0.0, 0, 0
    for start, j, run in _runs(lines):
        if run > best or (run == best > 0 and start == best_i and lines[j].kind is Kind.ITEM):
            # A list closing the body earns nothing but belongs to it: its typed entries extend it.
            best, best_i, best_j = run, start, j + 1
    return best_i, best_j


def _tail_run(lines: Sequence[Line]) -> int:
    """Where the maximum-sum run that ends on the last of ``lines`` starts (``len(lines)`` if none)."""
    last = deque(_runs(lines), maxlen=1)
    return last[0][0] if last and last[0][2] > 0 else len(lines)


def _runs(lines: Sequence[Line]) -> Iterator[tuple[int, int, float]]:
    """For each line j, the start and score of the maximum-sum run of line scores ending on it."""
    run, start, gap, listed = 0.0, 0, 0, 0
    for j, line in enumerate(lines):
        if run <= 0:
            run, start = 0.0, j
        gain = _gain(line)
        # After a lead-in that ends with a colon, short lines are the items of its list.
        if listed and line.kind is Kind.ITEM:
            listed = LIST_ITEMS  # a numbered or bulleted entry renews the list ("3) ...", a link)
        elif listed and line.kind in (Kind.SHORT, Kind.LONG, Kind.FURNITURE) and gain < 0:
            gain, listed = 0.0, listed - 1
        else:
            listed = 0
        if run > 0 and line.text.endswith(":") and lead_in(line):
            gain, listed = 0.0, LIST_ITEMS
        gap = gap + 1 if gain < 0 else (gap if gain == 0 else 0)
        run += gain * min(gap, _MAX_GAP) if gain < 0 else gain
        yield start, j, run


def _score(lines: Sequence[Line]) -> float:
    return sum(max(_gain(ln), 0.0) for ln in lines)


def _joined(lines: Sequence[Line], i: int, j: int, end: int) -> tuple[int, int]:
    """The body with the parts of it that an embed split off: a video player, a newsletter box
    or a share bar between two runs of paragraphs costs more than one paragraph earns, so the
    maximum-sum run keeps only the larger part. A run of paragraphs a few lines away, worth a
    good share of the body, with no closing heading ("Related", "Comments") between, is the
    same article. The parts are taken nearest first on each side, as many as there are: a
    listicle's entries (a picture, a number and a heading over each entry's paragraph) follow
    one another, and the best run further down is more often readers' posts than the article."""
    best = _score(lines[i:j])
    # The site's share bar stands over the article and again under it: past it come the author's
    # box and the site's notices, paragraphs near enough to pass for a last part.
    bar = {ln.text for ln in lines[:i] if ln.kind is Kind.FURNITURE}
    # Each part found lies beyond the body joined so far, so both walks end.
    while True:
        a, b = _part_below(lines, j, end)
        closed = any(ln.text in bar for ln in lines[j:a])
        typical = _typical(lines[i:j])
        if closed or not _joinable(lines, a, b, lines[j:a], best, closing=True, typical=typical):
            break
        j = b
    while True:
        a, b = _part_above(lines, i)
        if not _joinable(lines, a, b, lines[b:i], best, closing=False):
            break
        i = a
    return i, j


def _resumed(lines: Sequence[Line], i: int, j: int, end: int, logits: npt.NDArray[np.float64]) -> int:
    """Where the body ``lines[i:j]`` ends with the nearest run of prose below it, up to
    ``MAX_GAP`` lines down, that the fitted score (``resume``) calls the article going on past
    an interruption (an author's bio, a promo, a list, a sign-up box): ``j`` when none is.
    ``_joined``'s rules stop at the first part they refuse; this asks that part and the ones
    beyond it in turn, and none past a thread of readers' posts (``comments``)."""
    end = thread_start(lines, j, end)
    a, b = _part_below(lines, j, end)
    while a < b and a - j <= MAX_GAP:
        worth = (_score(lines[a:b]), _score(lines[i:j]))
        row = features(lines, (i, j), (a, b), logits[:end], worth, _paragraphs(lines[a:b]))
        if _goes_on(row, (j, a, b)):
            return b
        a, b = _part_below(lines, b, end)
    return j


def _goes_on(row: npt.NDArray[np.float64], spans: tuple[int, int, int]) -> bool:
    """The fitted decision on a run below the body (``spans``: the body's end, the run's start and
    end; ``bench/fit_resume.py`` puts the gold answer here while it collects its rows)."""
    return resumes(row)


def _part_above(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """The run of line scores that ends on the last paragraph above ``lines[i]``: the part of the
    article nearest the body, not the best run anywhere above it (a sidebar, the navigation)."""
    b = next((k + 1 for k in range(i - 1, -1, -1) if lines[k].kind in (Kind.PROSE, Kind.SENTENCE)), 0)
    return _tail_run(lines[:b]), b


def _part_below(lines: Sequence[Line], j: int, end: int) -> tuple[int, int]:
    """The run of line scores that starts on the first paragraph below ``lines[j - 1]``: the part
    of the article nearest the body, not the best run anywhere below it (comments, a footer)."""
    a = next((k for k in range(j, end) if lines[k].kind in (Kind.PROSE, Kind.SENTENCE)), end)
    return a, a + _head_run(lines[a:end])


def _head_run(lines: Sequence[Line]) -> int:
    """Where the maximum-sum run that starts on the first of ``lines`` ends (0 if none)."""
    best, stop = 0.0, 0
    for start, j, run in _runs(lines):
        if start > 0:
            break
        if run > best:
            best, stop = run, j + 1
    return stop


def _joinable(
    lines: Sequence[Line],
    a: int,
    b: int,
    gap: Sequence[Line],
    best: float,
    *,
    closing: bool,
    typical: float = 0.0,
) -> bool:
    """Whether the run ``lines[a:b]``, ``gap`` away from the body scoring ``best``, belongs to it.

    ``closing``: the run follows the body, so a heading that closes articles ("Related", "More
    on X:") in the gap ends it there, unless the run is article-shaped (two paragraphs in a row:
    a list of other stories alternates headlines and summaries), as under an inline box of
    links. Above the body such a heading only titles a box of links set inside the article (most
    of the article follows it, as ``_cut_tail`` says). Below the body one paragraph may be a part
    (the next slide of a slideshow, a last paragraph under an embed); above it, one paragraph is
    more likely the standfirst under the headline; below it, past a box of bare headlines, a
    paragraph of the body's ``typical`` length goes on with the article (``_bare_box``). An
    article-shaped part above, under an inline
    box, an ad or a video of up to ``_ABOVE_GAP`` short lines, is the article's opening however
    short it is beside the rest: the pages' other prose runs (related stories, comments, footers)
    lie below the article, not above it."""
    shaped = _paragraphs(lines[a:b])
    opening = shaped and not closing
    limit = _LEDE_GAP if not closing and _under_dateline(lines, a) else _ABOVE_GAP if opening else _JOIN_GAP
    boxed = closing and not shaped and any(ends_article(ln.text) for ln in gap)
    closed = boxed and not (a < b and _bare_box(gap, lines[a], typical))
    return not (
        a == b
        or len(gap) > limit
        or closed
        or any(ln.kind in (Kind.PROSE, Kind.SENTENCE) for ln in gap)
        or sum(1 for ln in lines[a:b] if ln.kind is Kind.PROSE) < (1 if closing else 2)
        or _score(lines[a:b]) < (0.0 if opening else _JOIN_SHARE) * best
    )


_BOX_ENTRIES = 2  # headlines under a box's heading that make it a box of links, not a list of stories
_OWN_KIND = 0.5  # a paragraph this share of the body's median paragraph or longer is of the body's kind


def _typical(run: Sequence[Line]) -> float:
    """The median length of the paragraphs of ``run`` (0 when it has none)."""
    sizes = sorted(len(ln.text) for ln in run if ln.kind is Kind.PROSE)
    return float(sizes[len(sizes) // 2]) if sizes else 0.0


def _bare_box(gap: Sequence[Line], after: Line, typical: float) -> bool:
    """Whether the gap ends on a box of links set inside the article, with the article going on
    under it: a closing heading ("Related stories") over headlines alone, no summary under any of
    them, then a paragraph of the body's own kind (``typical``: the body's median paragraph). A
    list of other stories gives each headline its summary, and a teaser under a box ("Here's
    what 2030 will look like ... right?") is short beside the report's paragraphs."""
    heads = [k for k, ln in enumerate(gap) if ends_article(ln.text)]
    entries = gap[heads[-1] + 1 :] if heads else []
    return (
        len(entries) >= _BOX_ENTRIES
        and all(ln.kind in (Kind.SHORT, Kind.LONG) for ln in entries)
        and after.kind is Kind.PROSE
        and len(after.text) >= _OWN_KIND * typical
    )


def _box_then_prose(lines: Sequence[Line], k: int, j: int, typical: float) -> bool:
    """Whether the closing heading ``lines[k]`` heads a box of bare headlines that a paragraph
    of the body ``lines[:j]`` of its ``typical`` length follows (``_bare_box``)."""
    after = next((m for m in range(k + 1, j) if lines[m].kind is Kind.PROSE), None)
    return after is not None and _bare_box(lines[k:after], lines[after], typical)


def _paragraphs(run: Sequence[Line]) -> bool:
    """Whether the run is article-shaped: two paragraphs in a row somewhere in it."""
    return any(x.kind is y.kind is Kind.PROSE for x, y in pairwise(run))


def _under_dateline(lines: Sequence[Line], a: int) -> bool:
    """Whether ``lines[a]`` opens the article: its dateline or byline sits right above it. The
    lede under the header is the article's however long a video carousel below it runs."""
    return any(ln.kind in (Kind.DATE, Kind.BYLINE) for ln in lines[max(0, a - _HEADER_GAP) : a])


def _comments_start(lines: Sequence[Line]) -> int:
    """Where readers' comments begin, once some article prose has been seen (else the end)."""
    after = _after_prose(lines)
    return next((k for k in range(after, len(lines)) if opens_comments(lines[k].text)), len(lines))


# The site's notice: "© 2020 CBS Interactive Inc.", "Copyright ⓒ Entermedia.co.kr", "All rights reserved".
_FOOTER_NOTICE = re.compile(r"[©ⓒ]|^copyright\b|\ball rights reserved\b", re.I)


def _footer_start(lines: Sequence[Line]) -> int:
    """Where the page's footer starts: its last copyright notice in the page's second half, once
    article prose was seen (else the end). What follows it (a cookie dialog, a sign-up overlay,
    the site's legal notes) is no article, however long it runs."""
    prose = 0
    last = len(lines)
    for k, line in enumerate(lines):
        footer = 2 * k >= len(lines) and prose >= _PROSE_BEFORE_COMMENTS
        # A credit under a picture inside the article ("© AFP") has a paragraph right below it.
        follows = any(ln.kind is Kind.PROSE for ln in lines[k + 1 : k + 3])
        if footer and not follows and line.words <= 16 and _FOOTER_NOTICE.search(line.text):
            last = k
        if line.kind is Kind.PROSE:
            prose += len(line.text)
    return last


def _cut_tail(lines: Sequence[Line], i: int, j: int) -> int:
    """End the body at a closing heading ("Related", "Tags:") when little prose follows it.

    Mid-article link boxes ("Read more" above a headline) are followed by most of the article,
    so they do not end it; nor does a box of bare headlines with a paragraph of the body's kind
    under it (``_bare_box``).
    """
    total = sum(len(ln.text) for ln in lines[i:j] if ln.kind is Kind.PROSE)
    typical = _typical(lines[i:j])
    seen = 0
    for k in range(i, j):
        closes = ends_article(lines[k].text) and not _resumes(lines[k + 1 : j])
        closes = closes and not _box_then_prose(lines, k, j, typical)
        if closes and seen >= (1 - _TAIL_SHARE) * total:
            return k
        if lines[k].kind is Kind.PROSE:
            seen += len(lines[k].text)
    return j


_ABOVE_HEADER = 0.25  # at most this share of the body's prose above a headline-and-dateline in it


def _header_inside(lines: Sequence[Line], i: int, j: int) -> int:
    """Where the body starts when the article's own header lies inside the run: a headline over
    its dateline or byline, under a little prose that is something else (the author's bio in a
    blog's sidebar, the end of another story). The first such header counts, and only when no
    date or byline comes before it in the run."""
    total = _score(lines[i:j])
    for k in range(i + 1, j):
        if lines[k].kind in (Kind.DATE, Kind.BYLINE):
            if not opens_article(lines, k) or _score(lines[i:k]) > _ABOVE_HEADER * total:
                return i
            return next((m for m in range(k + 1, j) if lines[m].kind is Kind.PROSE), i)
    return i


def _resumes(after: Sequence[Line]) -> bool:
    """Whether the article goes on after a link box: two paragraphs in a row within a few lines
    of its heading. A list of other stories alternates headlines and one-paragraph summaries."""
    near = after[: _BOX_LINKS + 2]
    return any(a.kind is b.kind is Kind.PROSE for a, b in pairwise(near))


def _body(lines: Sequence[Line], logits: npt.NDArray[np.float64]) -> tuple[int, int]:
    """The body: the run of paragraphs by the line classes' scores (``body_span``), widened to
    the run of lines that the fitted score (``line_score``) calls body where the two overlap.

    The classes' costs were set on a few sites and cut bodies short on others (a lede set as a
    headline-sized line, paragraphs with no full stop); the fitted score weighs the same shapes
    and the lines around each one, learnt on other sites' pages."""
    i, j = body_span(lines)
    if i == j:
        return i, j
    length = np.sqrt([min(len(ln.text), _MAX_GAIN) for ln in lines])
    a, b = fitted_run(logits[: len(lines)] * length)
    # A body opens and closes on a paragraph (or closes on a list's entry): the headline right
    # above the lede, or a link under the last paragraph, scores as body by its neighbours.
    while a < min(i, b) and lines[a].kind is not Kind.PROSE:
        a += 1
    while b > max(j, a) and lines[b - 1].kind not in (Kind.PROSE, Kind.ITEM):
        b -= 1
    return (min(i, a), max(j, b)) if a < b and a <= j and b >= i else (i, j)


def _first_run(lines: Sequence[Line], i: int, j: int, logits: npt.NDArray[np.float64]) -> tuple[int, int]:
    """The article comes first: a page's other runs of prose (readers' comments, a list of other
    stories with their summaries, the site's legal and cookie notices) follow it. So a run above
    the body ``lines[i:j]`` with two paragraphs or more, worth ``_FIRST_SHARE`` of the body, is
    the article, and the longer run below it one of those."""
    while i > 0:
        a, b = _body(lines[:i], logits)
        if a == b or _score(lines[a:b]) < _FIRST_SHARE * _score(lines[i:j]):
            break
        if sum(1 for ln in lines[a:b] if ln.kind is Kind.PROSE) < 2:
            break
        if _joinable(lines, a, b, lines[b:i], _score(lines[i:j]), closing=False):
            break  # the article's opening, above an embed: ``_joined`` puts the two together
        i, j = a, b
    return i, j


def fitted_run(gains: npt.NDArray[np.float64]) -> tuple[int, int]:
    """Indices [a, b) of the maximum-sum run of ``gains`` (empty when none is positive)."""
    best, best_a, best_b, run, start = 0.0, 0, 0, 0.0, 0
    for k, g in enumerate(gains):
        if run <= 0:
            run, start = 0.0, k
        run += float(g)
        if run > best:
            best, best_a, best_b = run, start, k + 1
    return best_a, best_b


def _after_prose(lines: Sequence[Line]) -> int:
    """The line after which ``_PROSE_BEFORE_COMMENTS`` characters of paragraphs have been seen."""
    prose = 0
    for k, line in enumerate(lines):
        if prose >= _PROSE_BEFORE_COMMENTS:
            return k
        if line.kind is Kind.PROSE:
            prose += len(line.text)
    return len(lines)


def page_end(lines: Sequence[Line], *, alone: bool) -> int:
    """Where the page's own text ends: at readers' comments (under their heading, or a thread of
    dated posts, ``comments``), and on a paste at the site's footer.

    ``alone``: the text is all there is (a paste, not a flattened HTML page)."""
    end = _comments_start(lines)
    end = thread_start(lines, min(_after_prose(lines), end), end)
    # A flattened HTML page is a second opinion beside trafilatura's, which knows the footer.
    return _footer_start(lines[:end]) if alone else end


def article_region(lines: Sequence[Line], end: int, logits: npt.NDArray[np.float64]) -> tuple[int, int]:
    """Indices [i, j) into ``lines`` of the article's body, within ``lines[:end]`` (``page_end``).

    ``logits``: the fitted score of every line less its threshold (``line_score``), by ``Line.pos``."""
    i, j = _body(lines[:end], logits)
    i, j = _first_run(lines, i, j, logits)
    i, j = _joined(lines, i, j, end) if i < j else (i, j)
    while i < j and (b := _resumed(lines, i, j, end, logits)) > j:
        i, j = _joined(lines, i, b, end)
    j = _cut_tail(lines, i, j)
    return _header_inside(lines, i, j), j
