"""The pasted-page cleaner: a news page selected in a browser and pasted as text → an article.

The body is the run of lines that ``region`` chooses (the page's longest run of sentence-shaped
paragraphs, by line scores). Inside it the cleaner keeps paragraphs, subheadings and lists; the
title, standfirst, byline and dates sit just above it. Every line that is not kept as a field or
body paragraph goes to ``removed`` with its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from storyline.model import Removed
from storyline.reading.dates import find_date
from storyline.reading.extracted import Extracted
from storyline.reading.header import (
    find_header,
    lead_subtitle,
    title_far_above,
    title_near_body,
    title_repeated,
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
)
from storyline.reading.region import LIST_ITEMS, article_region, page_end

_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)


def _keep_in_body(line: Line, prev: Line | None, nxt: Line | None, listed: bool) -> bool:
    if line.kind in (Kind.PROSE, Kind.LONG, Kind.SENTENCE, Kind.ITEM):
        return True
    if line.kind is Kind.SHORT and line.words >= 2:
        # A subheading sits between paragraphs; a stray link or label does not.
        return listed or bool(prev and nxt and prev.kind is Kind.PROSE and nxt.kind is Kind.PROSE)
    return False


def _keep_lines(body: Sequence[Line], logits: npt.NDArray[np.float64]) -> list[Line]:
    """The body lines that are paragraphs, subheadings, or a list with its "...:" lead-in; not
    a box's heading set inside the body ("Related stories") nor the headlines under it.

    ``logits``: the fitted score of every line of the page less its threshold, by ``Line.pos``."""
    kept: list[Line] = []
    listed = 0
    boxed = False  # under a box's heading ("Related stories") set inside the body, until a paragraph
    bare = _bare_lists(body, logits)
    for k, line in enumerate(body):
        prev = body[k - 1] if k else None
        nxt = body[k + 1] if k + 1 < len(body) else None
        boxed = (boxed or ends_article(line.text)) and line.kind is not Kind.PROSE
        if boxed:
            continue
        opens = line.text.endswith((":", ";")) and nxt is not None and nxt.kind is not Kind.PROSE
        in_list = listed > 0 and line.kind in (Kind.SHORT, Kind.LONG, Kind.ITEM) and line.words >= 1
        opens = opens and lead_in(line)
        if opens or in_list or _keep_in_body(line, prev, nxt, id(line) in bare):
            kept.append(line)
        renews = in_list and line.kind is Kind.ITEM
        listed = LIST_ITEMS if opens or renews else (listed - 1 if in_list else 0)
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


def clean_pasted(page: str, *, context: str = "", alone: bool = True) -> Extracted:
    """Split a pasted page into title, standfirst, byline, dates, body and what was removed.

    ``alone``: the text is all there is (a paste, not a flattened HTML page), so a headline
    pasted by itself is an article."""
    lines = page_lines(page, context)
    if alone and _headline_only(lines):
        return _headline_article(lines)
    end = page_end(lines, alone=alone)
    logits = body_logits(lines[:end]) - threshold()
    i, j = article_region(lines, end, logits)
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
    # A title the page names again beats a pick it does not (a caption, a kicker, a label).
    again = title_repeated(lines, i, header.title)
    if again is not None and again is not header.subtitle:
        header = replace(header, title=again)
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
