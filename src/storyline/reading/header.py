"""The header of a pasted page: title, standfirst and byline, found just above the body.

News pages stack them in a few familiar ways (headline, standfirst, byline, dateline; or
headline, dateline, standfirst) among share buttons and section links. We look back from the
first body paragraph, skip the furniture, and take headline-shaped lines; a run of them is a list
of links to other stories, and a bare name beside the dateline is the byline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.reading.dates import find_date
from storyline.reading.lines import Kind, Line

TITLE_WORDS = 16
_STANDFIRST_WORDS = 60
_STANDFIRST_MIN = 12
# The nouns of news-site navigation and buttons ("Business News", "Enlarge Image", "Next Post").
_SECTION_WORDS = frozenset({
    "image", "images", "photo", "photos", "gallery", "news", "post", "posts", "review", "reviews",
    "video", "videos", "next", "previous", "more", "home", "menu", "section", "business", "opinion",
    "sport", "sports", "world", "politics", "technology", "tech", "health", "science", "entertainment",
    "lifestyle", "travel", "culture", "local", "national", "international", "live", "latest", "top",
    "breaking", "story", "stories", "article", "articles", "enlarge", "close", "open", "print", "email",
    "share", "comments", "edit", "sign", "subscribe", "search", "contact", "about", "advertise", "cars",
    "car", "weather", "traffic", "podcast", "podcasts", "newsletter", "newsletters", "events", "jobs",
    "deals", "shop", "store", "markets", "money", "economy", "style", "food",
})  # fmt: skip
# Two to four capitalised words, particles allowed: "Anna Menin", "Ana de la Cruz".
_NAME = re.compile(
    r"(?:[A-Z][\w'’.-]+|de|da|van|von|der|la|le|bin|al)(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|der|la|le|bin|al)){1,3}"
)
_LABELLED_BYLINE = re.compile(r"^\w+(?:\s\w+)?\s+by\s+[A-Z]")  # "Analysis by Chris Cillizza, CNN"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_RULED = re.compile(r"[-=_*~]{4,}")
# Words a headline does not end on: it would go on ("Roasted Chicken with Oriental Rice with").
_OPEN_ENDS = frozenset("a an the of with by for to and or from in at on into".split())  # noqa: SIM905
HEADER_REACH = 20  # how many lines above the body the title, standfirst and dates may sit


@dataclass(frozen=True)
class Header:
    title: Line | None
    subtitle: Line | None
    byline: Line | None


def _asks(line: Line) -> bool:
    """A short question or exclamation: headlines end that way, standfirsts rarely."""
    return line.words <= TITLE_WORDS and line.text.rstrip("\"”’' ").endswith(("?", "!"))


def _headline(line: Line) -> bool:
    """Shaped like a headline: a few words to a long line, no full stop, starts with a capital.

    A short run of capitalised words alone ("Adam Clark Estes", "Health Marijuana Weed") is a
    name or a section label, a line half of numbers is a count (reading time, comments), and a
    clock time marks a dateline, not a headline.
    """
    t = line.text
    words = t.split()
    if len(words) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    if 2 * sum(w[:1].isdigit() for w in words) >= len([w for w in words if w[:1].isalnum()]):
        return False  # a count or a figure label ("21 minutes - 4312 words", "12 Comments 3 Shares")
    if _RULED.search(t) or words[-1].lower() in _OPEN_ENDS:
        return False  # a menu ruled with dashes; a label cut before what it introduces ("... with")
    return (
        (line.kind in (Kind.SHORT, Kind.LONG) or _asks(line))
        and 3 <= line.words <= 40
        and not _CLOCK.search(t)
        and find_date(t) is None
        and not t.endswith((".", ":", ",", ";"))
        and (t[0].isupper() or t[0].isdigit() or t[0] in "\"“‘'" or not t[0].isascii())
    )


def opens_article(lines: Sequence[Line], k: int) -> bool:
    """Whether ``lines[k]`` is an article's dateline or byline right under its headline, set
    apart from any text above it by a label, a button or a caption (a line of a paragraph or
    an embedded post right above is the end of that text, not a headline)."""
    return (
        k > 1
        and lines[k].kind in (Kind.DATE, Kind.BYLINE)
        and _headline(lines[k - 1])
        and lines[k - 2].kind in (Kind.SHORT, Kind.FURNITURE, Kind.CAPTION)
    )


def _name_beside_date(lines: Sequence[Line], i: int) -> Line | None:
    """A bare name right above or below the dateline is the byline ("David Ehrlich", then a date)."""
    for pos in range(i - 1, max(0, i - HEADER_REACH) - 1, -1):
        line = lines[pos]
        if line.kind is Kind.SHORT and _NAME.fullmatch(line.text) and not _labels(line.text):
            near = lines[max(0, pos - 1) : pos + 2]
            if any(n.kind is Kind.DATE for n in near):
                return line
    return None


def _labels(text: str) -> bool:
    """Whether a capitalised line holds a section or button word, so it is no person's name."""
    return any(w.lower().strip(".") in _SECTION_WORDS for w in text.split())


def _link_list(cands: list[Line], dated: bool) -> bool:
    """Three headline-shaped lines in a row are a list of links to other stories, not a header,
    unless the article's dateline or byline sits right below them: then they are its kicker,
    headline and standfirst (lists of other stories carry no dateline of this article)."""
    return len(cands) == 3 and cands[0].pos - cands[2].pos == 2 and not dated


_SIGNED = re.compile(r"^(?:by|written by|posted by)\s+[A-Z]", re.I)
_BLOCK = 5  # lines of a byline-and-date block ("By", "Jane Doe", "Political Editor", "@jane", date)


def _dateline_block(lines: Sequence[Line], i: int) -> tuple[int, int] | None:
    """Positions [a, b) of the article's byline-and-date block nearest above the body: its date
    or byline line with the bare names, job titles and handles set beside it."""
    low = max(0, i - HEADER_REACH)
    anchor = next((k for k in range(i - 1, low - 1, -1) if lines[k].kind in (Kind.DATE, Kind.BYLINE)), None)
    if anchor is None:
        return None

    # A byline that names the author ("By Jane Doe - 3 May") leaves no bare name to set above it.
    signed = bool(_SIGNED.match(lines[anchor].text))

    def part(line: Line) -> bool:
        return (
            line.kind in (Kind.DATE, Kind.BYLINE)
            or (line.kind is Kind.SHORT and not _headline(line) and not signed)
            or bool(_LABELLED_BYLINE.match(line.text))
        )

    a = anchor
    while a - 1 >= low and anchor - (a - 1) < _BLOCK and part(lines[a - 1]):
        a -= 1
    b = anchor + 1
    while b < i and b - anchor < _BLOCK and lines[b].kind in (Kind.DATE, Kind.BYLINE):
        b += 1
    return a, b


def _title_by_dateline(lines: Sequence[Line], i: int) -> tuple[Line, Line | None] | None:
    """The headline set right against the article's byline-and-date block, with its deck.

    Between that block and the body, news pages put share bars, text-size buttons and the lead
    photo's caption or video title, all of which may be headline-shaped; the headline itself
    touches the block: right above it (under a deck no shorter than itself when two are
    stacked), or right below it."""
    block = _dateline_block(lines, i)
    if block is None:
        return None
    a, b = block
    while a > 0 and lines[a - 1].kind is Kind.CAPTION:
        a -= 1  # the lead photo's caption set between the headline and the byline
    found: tuple[Line, Line | None] | None = None
    above = lines[a - 1] if a > 0 else None
    # The headline over a deck, past a comment count or share button between them.
    upper = next((ln for ln in reversed(lines[max(0, a - 3) : a - 1]) if ln.kind is not Kind.FURNITURE), None)
    if above is not None and upper is not None and _headline(upper) and _deck(above, upper):
        found = (upper, above)
    elif above is not None and (_headline(above) or _short_title(above, lines[a:b])):
        found = (above, None)
    below = lines[b] if b < i else None
    if below is not None and _headline(below) and (found is None or below.words > found[0].words):
        found = (below, None)  # a section link above the dateline is shorter than the headline
    return found


def _short_title(line: Line, block: Sequence[Line]) -> bool:
    """A title of a few capitalised words ("Managing Python Environments") over a block whose
    byline names the author ("By John Walk - January 10, 2020"): with the name given there, the
    line over it is no name, and no section label either when it holds no section word."""
    words = line.text.split()
    return (
        line.kind is Kind.SHORT
        and 2 <= len(words) <= 4
        and any(_SIGNED.match(ln.text) for ln in block)
        and not _labels(line.text)
        and not any(c.isdigit() for c in line.text)
        and not line.text.endswith((".", ":", ",", ";"))
    )


_KICKER_WORDS = 5  # a kicker or section label over a headline ("National / Crime & Legal") is this short


def _deck(line: Line, headline: Line) -> bool:
    """A standfirst under its headline: a sentence, or a headline-shaped line no shorter than a
    headline above it that is a full clause, not a kicker."""
    if line.kind in (Kind.PROSE, Kind.SENTENCE):
        return line.words <= _STANDFIRST_WORDS
    return _headline(line) and line.words >= headline.words > _KICKER_WORDS


def find_header(lines: Sequence[Line], i: int) -> Header:
    """Title, standfirst and byline among the lines just above the body (``lines[i]``)."""
    header = _find_header(lines, i)
    anchored = _title_by_dateline(lines, i)
    if anchored is None or header.title is anchored[0]:
        return header
    if header.title is None:
        # A headline over its standfirst over the dateline, with the topic tags between them and
        # the body: the walk up from the body stops at the standfirst, the block still holds it.
        title, deck = anchored
        return Header(title, deck or header.subtitle, header.byline)
    block = _dateline_block(lines, i)
    if header.title is anchored[1] or (block is not None and header.title.pos >= block[1]):
        # The pick lies under the block (a button, the share bar, a caption): ``_title_by_dateline``
        # already weighed the line right under it against the headline over it.
        title, deck = anchored
        return Header(title, deck or header.subtitle, header.byline)
    return header


def _find_header(lines: Sequence[Line], i: int) -> Header:
    """Title, standfirst and byline among the lines just above the body (``lines[i]``)."""
    cands: list[Line] = []
    byline: Line | None = None
    standfirst: Line | None = None
    dated = False
    dated_below = False  # a dateline or byline below the first headline-shaped line
    for line in reversed(lines[max(0, i - HEADER_REACH) : i]):
        dated = dated or line.kind in (Kind.DATE, Kind.BYLINE)
        if not cands and line.kind in (Kind.DATE, Kind.BYLINE):
            dated_below = True
        if line.kind in (Kind.PROSE, Kind.SENTENCE) and not _asks(line):
            # A headline written as a sentence still sits right above the dateline or byline,
            # unless a headline sits right above it: then it is the standfirst.
            if dated and not cands and line.words <= TITLE_WORDS and standfirst is None:
                above = lines[line.pos - 1] if line.pos else None
                if above is not None and _headline(above):
                    standfirst = line
                    cands.append(above)
                    break
                cands.append(line)
            elif line.kind is Kind.SENTENCE:
                continue  # a stray short sentence among the buttons ("Link copied!")
            elif standfirst is None and not cands and line.words <= _STANDFIRST_WORDS:
                standfirst = line  # a one-paragraph standfirst, if a headline sits above it
                continue
            break
        if line.kind is Kind.BYLINE and byline is None:
            byline = line
        elif _headline(line):
            cands.append(line)
            if len(cands) == 3:
                break
    byline = byline or _name_beside_date(lines, i)
    if not cands or _link_list(cands, dated_below):
        return Header(None, None, byline)
    if standfirst is not None:
        return Header(cands[0], standfirst, byline)
    near, far = cands[0], cands[1] if len(cands) > 1 else None
    if (
        far is not None
        and near.words >= _STANDFIRST_MIN
        and near.words >= 1.3 * far.words
        and near.pos - far.pos <= 3
    ):
        # The nearer line is a standfirst when it is clearly longer than a headline right above it.
        return Header(far, near, byline)
    return Header(cands[0], None, byline)


def lead_subtitle(body: list[Line]) -> Line | None:
    """An unpunctuated long first line of the body is the standfirst, not a paragraph; so is an
    unpunctuated first line the body then tells again word for word (tabloids set the lede's
    second sentence above it as the deck), however much it reads like running text."""
    if not body or body[0].terminal:
        return None
    first = body[0]
    if first.kind is Kind.LONG:
        return first
    again = " ".join(" ".join(ln.text.split()) for ln in body[1:])
    return first if len(body) > 1 and " ".join(first.text.split()) in again else None


_NEAR = 3  # lines between a bare title and the first paragraph (a date, a byline, buttons)
_SKIPPED = (Kind.DATE, Kind.BYLINE, Kind.FURNITURE, Kind.CAPTION)


def _title_case(line: Line) -> bool:
    words = [w for w in line.text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _tag(line: Line) -> bool:
    """A one-word topic tag or category set between a post's title and its text ("blog",
    "Healthcare"): no title is one word, and no byline either."""
    return line.kind is Kind.SHORT and line.words == 1


def title_near_body(lines: Sequence[Line], i: int) -> Line | None:
    """A title the headline shapes miss, for a page whose header gave none.

    Blogs and docs set a short title right above the text ("Performant Python", "Peanut Butter
    Truffles": a few capitalised words, which elsewhere are names or menu labels), or set the
    headline as the first paragraph when it ends as a sentence ("How does the brain turn
    unconscious information into conscious thought?"). A line of menu words, or a name beside
    a dateline (a byline), is neither.
    """
    first = lines[i] if i < len(lines) else None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (
        first is not None
        and nxt is not None
        and nxt.kind in (Kind.PROSE, Kind.DATE, Kind.BYLINE)
        and first.words <= TITLE_WORDS
        and (_asks(first) or _title_case(first))
    ):
        return first
    seen, tagged = 0, False
    for pos in range(i - 1, max(0, i - HEADER_REACH) - 1, -1):
        line = lines[pos]
        if line.kind in _SKIPPED or (_tag(line) and not tagged):
            tagged = tagged or _tag(line)  # one tag; a run of one-word lines is a menu
            continue
        seen += 1
        if seen > _NEAR or line.kind is not Kind.SHORT:
            return None
        near = lines[max(0, pos - 1) : pos + 2]
        if 2 <= line.words <= 4 and not _labels(line.text) and not any(n.kind is Kind.DATE for n in near):
            return line
        return None
    return None


_FAR_REACH = 60  # lines of video carousel or link boxes between an article's header and its lede
_OVER_BLOCK = 12  # share buttons, the lead photo's caption and a "More" button over the block


def title_far_above(lines: Sequence[Line], i: int) -> Line | None:
    """The headline of an article whose header sits beyond the reach of ``find_header``.

    Video pages and news sites set a playlist or a box of other stories' headlines between the
    article's byline-and-date block and its first paragraph, so the walk up from the body meets
    only their headlines. The article's own headline sits over its block: right above it, or
    above the share buttons and lead photo caption set over the byline."""
    low = max(0, i - _FAR_REACH)
    anchor = next((k for k in range(i - 1, low - 1, -1) if lines[k].kind in (Kind.DATE, Kind.BYLINE)), None)
    if anchor is None:
        return None
    pos = anchor
    while pos > 0 and lines[pos - 1].kind in (Kind.DATE, Kind.BYLINE):
        pos -= 1
    for k in range(pos - 1, max(-1, pos - 1 - _OVER_BLOCK), -1):
        line = lines[k]
        if line.kind in (Kind.FURNITURE, Kind.CAPTION) or _tag(line) or _LABELLED_BYLINE.match(line.text):
            continue
        return line if _headline(line) else None
    return None


_REPEAT_REACH = 8  # lines above the body where a title the page repeats may sit
_SHORTER = 0.75  # a repeated line this share of the pick's words or more may replace it
_WORDS = re.compile(r"\w+")


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _repeated(lines: Sequence[Line], line: Line, i: int) -> bool:
    """Whether the page names ``line`` again in another structure: inside a longer line (a
    breadcrumb "Home > News > X", "X | Site", a comments heading "4 thoughts on “X”") or below the
    body's start (the post's link in a "previous / next" bar, "Leave a reply to X"). A menu's
    label repeated in the footer is one word; a title is more."""
    key = _key(line.text)
    if len(key.split()) < 2:
        return False
    keys = [_key(other.text) for other in lines]
    # Not inside a paragraph: a pull quote or a kicker the article's text tells again.
    inside = any(
        f" {key} " in f" {again} " and again != key and not lines[k].terminal for k, again in enumerate(keys)
    )
    # A button or an embed's notice is set again under each embed; a title once more, below.
    again = [k for k, other in enumerate(keys) if other == key and k != line.pos]
    return inside or (len(again) == 1 and again[0] >= i)


def title_repeated(lines: Sequence[Line], i: int, title: Line | None) -> Line | None:
    """The title the page repeats, for a page whose title pick it does not repeat.

    Blogs, shops and CMS pages name the post again in their breadcrumbs, their "previous / next"
    bar or the heading of their comments, in any language; a caption, a reading-time label or a
    kicker picked as the title is named nowhere else. The headline-shaped line nearest above the
    body (``lines[i]``) that the page repeats so is taken, unless the pick is repeated too."""
    if title is not None and _repeated(lines, title, i):
        return None
    # A section label, a poster's name or a translator's credit is shorter than a headline.
    least = _SHORTER * title.words if title is not None else 0
    for line in reversed(lines[max(0, i - _REPEAT_REACH) : i]):
        if _headline(line) and line.words >= least and _repeated(lines, line, i):
            return line
    return None
