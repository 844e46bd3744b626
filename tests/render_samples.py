"""Reports built by hand from real seed sentences, with real offsets, for the renderer tests.

The renderers must not wait for the cross-check engine: these Reports hold what a careful reader
finds in the two seeds (expected.json), every statement a whole sentence of the seed text at its
true offsets, so the side-by-side view and the citations are exercised on real news text.
"""

from __future__ import annotations

import re
from pathlib import Path

from storyline.model import (
    AnnotatedArticle,
    Article,
    BriefLine,
    Finding,
    QuoteOccurrence,
    Report,
    SourceRef,
    Statement,
    TimelineEntry,
    Value,
    content_id,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = (ROOT / "examples" / "000_c4ff50917423203a.txt", ROOT / "examples" / "001_480647fc13891387.txt")
_SENT_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n+")


def article(text: str, source: str, title: str, published: str) -> AnnotatedArticle:
    art = Article(id=content_id(text), text=text, source=source, title=title, published=published)
    return AnnotatedArticle(article=art)


def sentence_of(text: str, fragment: str) -> tuple[int, int]:
    """The offsets of the whole sentence holding ``fragment``."""
    at = text.index(fragment)
    start, end = 0, len(text)
    for m in _SENT_END.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at + len(fragment):
            end = m.start()
            break
    return start, end


def statement(ann: AnnotatedArticle, fragment: str) -> Statement:
    s, e = sentence_of(ann.text, fragment)
    return Statement(ann.id, ann.text[s:e], s, e)


def finding(
    kind: str, aspect: str | None, summary: str, *parts: tuple[AnnotatedArticle, str], **kw: object
) -> Finding:
    stmts = tuple(statement(a, frag) for a, frag in parts)
    fid = content_id(kind, summary, *(s.text for s in stmts))
    return Finding(fid, kind, aspect, summary, stmts, **kw)  # type: ignore[arg-type]


def quote(ann: AnnotatedArticle, words: str, speaker: str | None, key: str | None) -> QuoteOccurrence:
    at = ann.text.index(words)
    return QuoteOccurrence(ann.id, words, speaker, key, True, at, at + len(words))


def when(
    ann: AnnotatedArticle, text: str, start: str, end: str, event: str, conflict: bool = False
) -> TimelineEntry:
    at = ann.text.index(text)
    s, e = sentence_of(ann.text, text)
    return TimelineEntry(ann.id, text, start, end, (at, at + len(text)), ann.text[s:e], event, conflict)


def seed_articles() -> tuple[AnnotatedArticle, AnnotatedArticle]:
    a_text, b_text = (p.read_text(encoding="utf-8") for p in SEEDS)
    a = article(a_text, "The Independent", "Putin warns of complete rupture of ties with US", "2021-12-31")
    b = article(
        b_text, "Deccan Herald", "Putin warns Biden of ‘complete rupture’", "2021-12-31T11:30:00+05:30"
    )
    return a, b


def seed_report() -> Report:
    """What the seeds agree on, where they conflict and what each adds, as a reader finds it."""
    a, b = seed_articles()
    geneva_a, geneva_b = "January 9 and 10 in Geneva", "Geneva on Jan. 10"
    quote_a = "we would better avoid more such mistakes in this situation"
    quote_b = "it’s better not to make such mistakes"
    conflicts = (
        finding(
            "conflict",
            "date",
            "A puts the Geneva talks on 9–10 January, B has them begin on 10 January.",
            (a, geneva_a),
            (b, geneva_b),
            values=(
                Value(a.id, "January 9 and 10", ["2022-01-09", "2022-01-10"]),
                Value(b.id, "Jan. 10", ["2022-01-10", "2022-01-10"]),
            ),
        ),
        finding(
            "conflict",
            "quote",
            "Ushakov's account of Putin's warning is quoted in different words.",
            (a, quote_a),
            (b, quote_b),
            values=(Value(a.id, quote_a, quote_a.split()), Value(b.id, quote_b, quote_b.split())),
        ),
    )
    agree = (
        finding(
            "agree",
            "number",
            "Russia has about 100,000 troops near Ukraine.",
            (a, "an estimated 100,000 troops"),
            (b, "100,000 or so troops"),
            independent=2,
            values=(
                Value(a.id, "an estimated 100,000 troops", {"value": 100000, "unit": "troops"}),
                Value(b.id, "100,000 or so troops", {"value": 100000, "unit": "troops"}),
            ),
        ),
        finding(
            "agree",
            "number",
            "The call lasted 50 minutes.",
            (a, "call lasted 50 minutes"),
            (b, "50-minute phone call"),
            independent=2,
        ),
        finding(
            "agree",
            "claim",
            "Putin warned of a complete rupture of ties.",
            (a, "complete rupture of ties between the nations"),
            (b, "could result in a “complete rupture”"),
            independent=2,
        ),
    )
    unique = (
        finding(
            "unique",
            None,
            "Russia test-fired Zircon missiles.",
            (a, "Russia test-fired Zircon hypersonic missiles"),
            score=0.9,
        ),
        finding(
            "unique",
            None,
            "Steven Pifer on the draft.",
            (a, "Steven Pifer, who served as US ambassador"),
            score=0.7,
        ),
        finding(
            "unique",
            None,
            "Biden said a nuclear war cannot be won.",
            (b, "“it’s impossible to win” a nuclear war"),
            score=0.8,
        ),
        finding("unique", None, "Lavrov on endless talks.", (b, "But Lavrov said Monday"), score=0.6),
    )
    quotes = (
        quote(
            a,
            "would be a colossal mistake that would entail grave consequences",
            "Yuri Ushakov",
            "yuri ushakov",
        ),
        quote(a, quote_a, "Mr Ushakov", "yuri ushakov"),
        quote(b, quote_b, "Ushakov", "yuri ushakov"),
        quote(b, "positive background", "Yuri Ushakov", "yuri ushakov"),
        quote(a, "urged Russia to de-escalate tensions with Ukraine", "Jen Psaki", "jen psaki"),
        quote(b, "The administration’s in a tight spot", "Charap", "samuel charap"),
        quote(b, "set the sort of tone and tenor for the diplomatic engagements", None, None),
    )
    timeline = (
        when(a, "January 9 and 10", "2022-01-09", "2022-01-10", "talks in Geneva", conflict=True),
        when(b, "Jan. 10", "2022-01-10", "2022-01-10", "talks begin in Geneva", conflict=True),
        when(a, "January 12", "2022-01-12", "2022-01-12", "Russia-Nato Council meeting"),
        when(a, "January 13", "2022-01-13", "2022-01-13", "OSCE negotiations in Vienna"),
        when(a, "June", "2021-06-01", "2021-06-30", "Biden and Putin met in Geneva"),
        when(b, "Monday", "2021-12-27", "2021-12-27", "Lavrov spoke"),
        when(b, "2014", "2014-01-01", "2014-12-31", "annexation of Crimea"),
    )
    brief = (
        BriefLine(
            "Putin warned Biden that new sanctions could rupture ties between the two countries.",
            (a.id, b.id),
        ),
        BriefLine(
            "The leaders spoke for 50 minutes as Russia massed about 100,000 troops near Ukraine.",
            (a.id, b.id),
        ),
    )
    sources = tuple(
        SourceRef(x.id, str(p), x.article.source, x.article.title, x.article.published)
        for x, p in zip((a, b), SEEDS, strict=True)
    )
    return Report(sources, brief, conflicts + agree + unique, quotes, timeline, articles=(a, b))


def refs(*arts: AnnotatedArticle) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(x.id, None, x.article.source, x.article.title, x.article.published) for x in arts)


HOSTILE = (
    '<script>alert("x")</script> The minister spoke. '
    '<img src=x onerror="alert(1)"> Talks begin on Jan. 10 in Geneva. '
    '<a href="javascript:alert(2)">click</a> was posted. '
    '" onmouseover="alert(3)" data-x=" she said.\n\n'
    "</textarea><svg onload=alert(4)> ended ]]> <!-- here --> &amp; there."
)


def hostile_report() -> Report:
    """Article text, names, summaries and dates built to break out of HTML, SVG and Markdown."""
    a = article(HOSTILE, '<b onclick="alert(5)">Evil Times</b>', "<script>alert(6)</script>", "2021-12-31")
    b = article(HOSTILE.replace("Jan. 10", "Jan. 9"), "Fair Post", "javascript:alert(7)", "2021-12-31")
    dates = (Value(a.id, "Jan. 10", ["2022-01-10"] * 2), Value(b.id, "Jan. 9", ["2022-01-09"] * 2))
    conflict = finding(
        "conflict",
        "date",
        '<img src=y onerror="alert(8)"> dates differ',
        (a, "Talks begin on Jan. 10"),
        (b, "Talks begin on Jan. 9"),
        values=dates,
    )
    words = (
        Value(a.id, '<script>alert("x")</script>', None),
        Value(b.id, '<a href="javascript:alert(2)">', None),
    )
    quote_conflict = finding(
        "conflict", "quote", "wording", (a, "<script>alert"), (b, "<a href"), values=words
    )
    unique = finding("unique", None, "<svg onload=alert(9)>", (a, "</textarea><svg onload=alert(4)>"))
    quotes = (
        quote(a, '<script>alert("x")</script>', "<i onmouseover=alert(10)>Al</i>", "al"),
        quote(b, '<a href="javascript:alert(2)">click</a>', "Al", "al"),
    )
    s, e = sentence_of(a.text, "Jan. 10")
    timeline = (
        when(a, "Jan. 10", "2022-01-10", "2022-01-10", "<script>alert(11)</script> talks", conflict=True),
        when(b, "Jan. 9", "2022-01-09", "2022-01-09", '"/><script>alert(12)</script>', conflict=True),
    )
    brief = (BriefLine(a.text[s:e], (a.id, b.id)),)
    return Report(refs(a, b), brief, (conflict, quote_conflict, unique), quotes, timeline, articles=(a, b))
