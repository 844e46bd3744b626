"""The pasted-page cleaner: a news page selected in a browser and pasted as text → an article.

The body of a news page is its longest run of sentence-shaped paragraphs; navigation, promos and
related-story lists are runs of short unpunctuated lines. So we score each line (prose gains by
its length, furniture loses) and take the highest-scoring contiguous run as the body
(maximum-sum segment), widened where a per-line score fitted on other sites' pages
(``line_score``) finds more body next to it. The title, standfirst, byline and dates sit just
above the body. Every line that is not kept as a field or body paragraph goes to ``removed`` with
its reason.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from storyline.model import Removed
from storyline.reading.dates import find_date
from storyline.reading.extracted import Extracted
from storyline.reading.header import (
    find_header,
    lead_subtitle,
    opens_article,
    title_far_above,
    title_near_body,
)
from storyline.reading.line_score import body_logits, threshold
from storyline.reading.lines import (
    INVISIBLE,
    Kind,
    Line,
    byline_name,
    calls_to_action,
    classify,
    copyright_holder,
    ends_article,
    lead_in,
    opens_comments,
)

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
_LIST_ITEMS = 15  # at most this many short lines after a "...:" lead-in count as its list
_JOINS = 3  # parts of a body split off by embeds joined back, on each side
_JOIN_GAP = 8  # at most this many lines between two parts of one body
_LEDE_GAP = 60  # ... or this many when the part above opens under the article's dateline
_HEADER_GAP = 3  # lines between the dateline or byline and the first paragraph (a caption, buttons)
_JOIN_SHARE = 0.2  # ... and the part is worth at least this share of the body
_ABOVE_GAP = 12  # ... or this many above it when the part is article-shaped (two paragraphs in a row)
_FIRST_SHARE = 0.5  # an article-shaped run above the body worth this share of it is the article
_TAIL_SHARE = 0.25  # at most this share of the body's prose may follow a heading that ends it
_BOX_LINKS = 3  # links under the heading of a box set inside the article ("Read more", a headline)
_PROSE_BEFORE_COMMENTS = 300  # characters of paragraphs before a "Comments" heading counts as one
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)


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
            listed = _LIST_ITEMS  # a numbered or bulleted entry renews the list ("3) ...", a link)
        elif listed and line.kind in (Kind.SHORT, Kind.LONG, Kind.FURNITURE) and gain < 0:
            gain, listed = 0.0, listed - 1
        else:
            listed = 0
        if run > 0 and line.text.endswith(":") and lead_in(line):
            gain, listed = 0.0, _LIST_ITEMS
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
    same article."""
    best = _score(lines[i:j])
    for _ in range(_JOINS):
        a, b = body_span(lines[j:end])
        a, b = a + j, b + j
        if not _joinable(lines, a, b, lines[j:a], best, closing=True):
            break
        j = b
    for _ in range(_JOINS):
        a, b = _part_above(lines, i)
        if not _joinable(lines, a, b, lines[b:i], best, closing=False):
            break
        i = a
    return i, j


def _part_above(lines: Sequence[Line], i: int) -> tuple[int, int]:
    """The run of line scores that ends on the last paragraph above ``lines[i]``: the part of the
    article nearest the body, not the best run anywhere above it (a sidebar, the navigation)."""
    b = next((k + 1 for k in range(i - 1, -1, -1) if lines[k].kind in (Kind.PROSE, Kind.SENTENCE)), 0)
    return _tail_run(lines[:b]), b


def _joinable(
    lines: Sequence[Line], a: int, b: int, gap: Sequence[Line], best: float, *, closing: bool
) -> bool:
    """Whether the run ``lines[a:b]``, ``gap`` away from the body scoring ``best``, belongs to it.

    ``closing``: the run follows the body, so a heading that closes articles ("Related", "More
    on X:") in the gap ends it there, unless the run is article-shaped (two paragraphs in a row:
    a list of other stories alternates headlines and summaries), as under an inline box of
    links. Above the body such a heading only titles a box of links set inside the article (most
    of the article follows it, as ``_cut_tail`` says). Below the body one paragraph may be a part
    (the next slide of a slideshow, a last paragraph under an embed); above it, one paragraph is
    more likely the standfirst under the headline. An article-shaped part above, under an inline
    box, an ad or a video of up to ``_ABOVE_GAP`` short lines, is the article's opening however
    short it is beside the rest: the pages' other prose runs (related stories, comments, footers)
    lie below the article, not above it."""
    shaped = _paragraphs(lines[a:b])
    opening = shaped and not closing
    limit = _LEDE_GAP if not closing and _under_dateline(lines, a) else _ABOVE_GAP if opening else _JOIN_GAP
    return not (
        a == b
        or len(gap) > limit
        or any(
            (closing and not shaped and ends_article(ln.text)) or ln.kind in (Kind.PROSE, Kind.SENTENCE)
            for ln in gap
        )
        or sum(1 for ln in lines[a:b] if ln.kind is Kind.PROSE) < (1 if closing else 2)
        or _score(lines[a:b]) < (0.0 if opening else _JOIN_SHARE) * best
    )


def _paragraphs(run: Sequence[Line]) -> bool:
    """Whether the run is article-shaped: two paragraphs in a row somewhere in it."""
    return any(x.kind is y.kind is Kind.PROSE for x, y in pairwise(run))


def _under_dateline(lines: Sequence[Line], a: int) -> bool:
    """Whether ``lines[a]`` opens the article: its dateline or byline sits right above it. The
    lede under the header is the article's however long a video carousel below it runs."""
    return any(ln.kind in (Kind.DATE, Kind.BYLINE) for ln in lines[max(0, a - _HEADER_GAP) : a])


def _comments_start(lines: Sequence[Line]) -> int:
    """Where readers' comments begin, once some article prose has been seen (else the end)."""
    prose = 0
    for k, line in enumerate(lines):
        if prose >= _PROSE_BEFORE_COMMENTS and opens_comments(line.text):
            return k
        if line.kind is Kind.PROSE:
            prose += len(line.text)
    return len(lines)


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
    so they do not end it.
    """
    total = sum(len(ln.text) for ln in lines[i:j] if ln.kind is Kind.PROSE)
    seen = 0
    for k in range(i, j):
        closes = ends_article(lines[k].text) and not _resumes(lines[k + 1 : j])
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


def _keep_in_body(line: Line, prev: Line | None, nxt: Line | None, listed: bool) -> bool:
    if line.kind in (Kind.PROSE, Kind.LONG, Kind.SENTENCE, Kind.ITEM):
        return True
    if line.kind is Kind.SHORT and line.words >= 2:
        # A subheading sits between paragraphs; a stray link or label does not.
        return listed or bool(prev and nxt and prev.kind is Kind.PROSE and nxt.kind is Kind.PROSE)
    return False


def _keep_lines(body: Sequence[Line], logits: npt.NDArray[np.float64]) -> list[Line]:
    """The body lines that are paragraphs, subheadings, or a list with its "...:" lead-in.

    ``logits``: the fitted score of every line of the page less its threshold, by ``Line.pos``."""
    kept: list[Line] = []
    listed = 0
    bare = _bare_lists(body, logits)
    for k, line in enumerate(body):
        prev = body[k - 1] if k else None
        nxt = body[k + 1] if k + 1 < len(body) else None
        opens = line.text.endswith((":", ";")) and nxt is not None and nxt.kind is not Kind.PROSE
        in_list = listed > 0 and line.kind in (Kind.SHORT, Kind.LONG, Kind.ITEM) and line.words >= 1
        opens = opens and lead_in(line)
        if opens or in_list or _keep_in_body(line, prev, nxt, id(line) in bare):
            kept.append(line)
        renews = in_list and line.kind is Kind.ITEM
        listed = _LIST_ITEMS if opens or renews else (listed - 1 if in_list else 0)
    return kept


_BARE_ITEMS = 3  # short lines in a row that make a list set without bullets


def _bare_lists(body: Sequence[Line], logits: npt.NDArray[np.float64]) -> set[int]:
    """The ids of the short lines that make a list set without bullets or numbers inside the body.

    The steps of a how-to ("cd to the directory containing the tarball"), a recipe's ingredients or
    a glossary's terms paste as short lines, one an entry, among the paragraphs. Three or more in a
    row that the fitted score calls body on average, not under a box's heading ("Related"), are a
    list; one or two short lines there are a caption or a link to another story."""
    out: set[int] = set()
    k = 0
    while k < len(body):
        m = k
        while m < len(body) and body[m].kind is Kind.SHORT:
            m += 1
        run = body[k:m]
        boxed = k > 0 and body[k - 1].kind is Kind.FURNITURE
        if len(run) >= _BARE_ITEMS and not boxed and float(np.mean([logits[ln.pos] for ln in run])) > 0:
            out.update(id(ln) for ln in run)
        k = max(m, k + 1)
    return out


_REASONS = {
    Kind.CAPTION: "photo caption or credit",
    Kind.FURNITURE: "page furniture (share, follow, promo, navigation)",
    Kind.DATE: "date line (moved to metadata)",
    Kind.BYLINE: "byline (moved to metadata)",
}
_WHERE = {
    "above": "above the article (navigation, other stories' headlines)",
    "in": "short line inside the body that is not a paragraph",
    "after": "after the article (related stories, comments, footer)",
    "none": "no article body found on the page",
}


# What each reason is called when removed lines are only counted (`read`'s text view): one and many.
_COUNTED = {
    _REASONS[Kind.CAPTION]: ("caption", "captions"),
    _REASONS[Kind.FURNITURE]: ("page furniture", "page furniture"),
    _REASONS[Kind.DATE]: ("date line", "date lines"),
    _REASONS[Kind.BYLINE]: ("byline", "bylines"),
    _WHERE["above"]: ("line above the article", "lines above the article"),
    _WHERE["in"]: ("short line in the body", "short lines in the body"),
    _WHERE["after"]: ("line after the article", "lines after the article"),
    _WHERE["none"]: ("line of a page with no body", "lines of a page with no body"),
    "title repeated": ("repeated title", "repeated titles"),
    "standfirst repeated in the body": ("repeated standfirst", "repeated standfirsts"),
}


def removed_reasons(removed: Sequence[Removed]) -> str:
    """Why lines were removed, counted, most first: "6 page furniture, 2 captions, 1 byline". A
    reason without a short name is counted by its own words up to any parenthesis."""
    counts = Counter(r.reason for r in removed)
    parts = []
    for reason, n in counts.most_common():
        one, many = _COUNTED.get(reason) or (reason.split(" (")[0],) * 2
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def _where(line: Line, lines: Sequence[Line], i: int, j: int) -> str:
    if i == j:
        return "none"
    if line.index < lines[i].index:
        return "above"
    return "after" if line.index > lines[j - 1].index else "in"


def _reason(line: Line, where: str) -> str:
    return _REASONS.get(line.kind) or _WHERE[where]


def _dated(lines: Sequence[Line], line: Line) -> bool:
    """Whether a date or byline line sits within two lines of ``line``: a headline touches its
    article's byline-and-date block."""
    near = lines[max(0, line.pos - 2) : line.pos + 3]
    return any(n.kind in (Kind.DATE, Kind.BYLINE) for n in near)


def _pick_dates(lines: Sequence[Line], i: int) -> tuple[Line | None, Line | None]:
    """The published and updated date lines: labelled ones first, else the nearest above the body."""
    dated = [ln for ln in lines if ln.kind is Kind.DATE]
    updated = next((ln for ln in dated if ln.updated), None)
    labelled = [ln for ln in dated if re.search(r"\b(?:published|posted)\b", ln.text, re.I)]
    above = [ln for ln in dated if ln.index < lines[i].index and not ln.updated] if lines else []
    published = labelled[0] if labelled else (above[-1] if above else None)
    if published is None:
        published = next((ln for ln in dated if not ln.updated), None) or updated
    return published, updated


def _iso(line: Line | None, context: str, *, updated: bool = False) -> str | None:
    """The date of a date line; for "Published ... | Updated ..." the one after the label asked for."""
    if line is None:
        return None
    label = _UPDATED_LABEL.search(line.text) if updated else None
    found = (label and find_date(line.text[label.start() :], context=context)) or find_date(
        line.text, context=context
    )
    return found.iso if found else None


def _join_drop_caps(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A drop cap (the first letter of an article set large, in its own element) pastes as a line
    of one capital letter above the rest of its word: "T" then "urkey, Poland and ...". It is
    joined back to its paragraph."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(numbered):
        n, text = numbered[k]
        nxt = numbered[k + 1][1] if k + 1 < len(numbered) else ""
        if len(text) == 1 and text.isupper() and nxt[:1].islower():
            out.append((n, text + nxt))
            k += 2
            continue
        out.append((n, text))
        k += 1
    return out


_HEADLINE_LINES = 2  # a headline, perhaps with its dateline or one short deck
_HEADLINE_WORDS = 5  # "Putin, Biden speak by phone"; fewer is a label ("Page not found")


def _headline_only(lines: Sequence[Line]) -> bool:
    """A news alert or a headline pasted alone: a line or two that are no page furniture.

    A page has dozens of lines; an alert ("Biden and Putin to speak by phone on Thursday") is
    one, and it states a claim a report can be checked against."""
    content = [ln for ln in lines if ln.kind is not Kind.DATE]
    return (
        0 < len(content) <= _HEADLINE_LINES
        and len(lines) - len(content) <= 1
        and all(ln.kind in (Kind.SHORT, Kind.LONG, Kind.SENTENCE, Kind.PROSE) for ln in content)
        and content[0].words >= _HEADLINE_WORDS
        and content[0].kind is not Kind.PROSE
    )


def _headline_article(lines: Sequence[Line]) -> Extracted:
    """The alert's headline is both its title and its text; a date line beside it dates it."""
    content = [ln for ln in lines if ln.kind is not Kind.DATE]
    dated = next((ln for ln in lines if ln.kind is Kind.DATE), None)
    removed = (Removed(dated.text, _REASONS[Kind.DATE]),) if dated else ()
    return Extracted(
        text="\n\n".join(ln.text for ln in content),
        title=content[0].text,
        published=dated.date.iso if dated and dated.date else None,
        removed=removed,
        meta=(
            ("format", "pasted text"),
            ("date_source", "dateline" if dated else "none"),
            ("body", "headline"),
        ),
    )


def page_lines(page: str, context: str = "") -> list[Line]:
    """The page's non-blank lines, each put in its class (a drop cap joined to its paragraph)."""
    raw = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # A line of nothing but invisible characters (a zero-width space between paragraphs) is blank.
    numbered = _join_drop_caps([(n, t.strip()) for n, t in enumerate(raw) if t.strip().strip(INVISIBLE)])
    return [classify(n, t, context, pos=k) for k, (n, t) in enumerate(numbered)]


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


def clean_pasted(page: str, *, context: str = "", alone: bool = True) -> Extracted:
    """Split a pasted page into title, standfirst, byline, dates, body and what was removed.

    ``alone``: the text is all there is (a paste, not a flattened HTML page), so a headline
    pasted by itself is an article."""
    lines = page_lines(page, context)
    if alone and _headline_only(lines):
        return _headline_article(lines)
    end = _comments_start(lines)
    # A flattened HTML page is a second opinion beside trafilatura's, which knows the footer.
    end = _footer_start(lines[:end]) if alone else end
    logits = body_logits(lines[:end]) - threshold()
    i, j = _body(lines[:end], logits)
    i, j = _first_run(lines, i, j, logits)
    i, j = _joined(lines, i, j, end) if i < j else (i, j)
    j = _cut_tail(lines, i, j)
    i = _header_inside(lines, i, j)
    body = list(lines[i:j])
    header = find_header(lines, i)
    # The headline over the article's byline-and-date block beats a headline-shaped line nearer
    # the body that touches no such block (a video's caption over the lede).
    far = title_far_above(lines, i)
    if far is not None and (
        header.title is None or (far.pos < header.title.pos and not _dated(lines, header.title))
    ):
        header = replace(header, title=far)
    if header.title is None and (bare := title_near_body(lines, i)) is not None:
        header = replace(header, title=bare)
        if body and bare.pos == body[0].pos:
            body = body[1:]
    subtitle = header.subtitle or lead_subtitle(body)
    if subtitle is not None and body and subtitle is body[0]:
        body = body[1:]
    kept = _keep_lines(body, logits)
    while kept and calls_to_action(kept[-1].text):
        kept.pop()  # the site's promo under the last paragraph, not the report
    published, updated = _pick_dates(lines, i)
    text = "\n\n".join(ln.text for ln in kept)
    removed: list[Removed] = []
    norm_text = " ".join(text.split())
    if subtitle is not None and " ".join(subtitle.text.split()) in norm_text:
        removed.append(Removed(subtitle.text, "standfirst repeated in the body"))
        repeated, subtitle = subtitle, None
    else:
        repeated = None
    # Date and byline lines are reworded into fields, so they stay in ``removed`` verbatim too.
    used = {id(x) for x in (header.title, subtitle, repeated) if x is not None}
    used.update(id(x) for x in kept)
    source = None
    for line in lines:
        source = copyright_holder(line.text) or source  # the last one: the page footer
        if id(line) not in used:
            where = _where(line, lines, i, j)
            title_again = header.title is not None and line.text == header.title.text
            reason = _REASONS[Kind.BYLINE] if line is header.byline else _reason(line, where)
            removed.append(Removed(line.text, "title repeated" if title_again else reason))
    # Zone abbreviations resolve against the page's outlet and title too ("IST" on an Irish page).
    context = f"{context} {source or ''} {header.title.text if header.title else ''}"
    return Extracted(
        text=text,
        title=header.title.text if header.title else None,
        subtitle=subtitle.text if subtitle else None,
        byline=byline_name(header.byline.text) if header.byline else None,
        published=(pub := _iso(published, context)),
        updated=None if (upd := _iso(updated, context, updated=True)) == pub else upd,
        source=source,
        removed=tuple(removed),
        meta=(("format", "pasted text"), ("date_source", "dateline" if published else "none")),
    )
