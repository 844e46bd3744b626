"""Annotated articles written by hand for the renderer tests: real news sentences with the spans a
careful reader marks, so the renderers are tested whatever the annotators find on a given day."""

from __future__ import annotations

from storyline.model import (
    AnnotatedArticle,
    Article,
    Entity,
    Quantity,
    Quote,
    Sentence,
    TimeExpr,
    content_id,
)

TEXT = (
    "Further US sanctions “would be a colossal mistake that would entail grave consequences,” said "
    "Mr Putin’s foreign affairs adviser Yuri Ushakov, who briefed reporters in Moscow.\n\n"
    "Mr Putin requested the call ahead of talks on January 9 and 10 in Geneva. White House officials "
    "said Thursday’s call lasted 50 minutes. Russia has massed an estimated 100,000 troops near "
    "Ukraine since June.\n\n"
    "Ushakov said the talks could begin “by January 10 <script>alert(1)</script> at the latest”, "
    'adding <img src=x onerror=alert(1)> that <a href="javascript:alert(1)">nothing</a> was '
    "agreed for next year or later."
)


def at(phrase: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``phrase`` (fails loudly when it is absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _sentence_of(start: int) -> str:
    left = max(TEXT.rfind(". ", 0, start) + 2, TEXT.rfind("\n", 0, start) + 1)
    right = TEXT.find(".", start)
    return TEXT[left : right + 1]


def _time(
    phrase: str, start: str | None, end: str | None, event: str | None, reason: str | None = None
) -> TimeExpr:
    s, e = at(phrase)
    return TimeExpr(phrase, start, end, (s, e), _sentence_of(s), event, reason)


def _quote(phrase: str, speaker: str | None, key: str | None, direct: bool, cue: str | None) -> Quote:
    s, e = at(phrase)
    return Quote(phrase, speaker, key, direct, cue, s, e)


def _entity(phrase: str, label: str, key: str, nth: int = 0) -> Entity:
    s, e = at(phrase, nth)
    return Entity(phrase, label, key, s, e)


def _sentences() -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(TEXT):
        if ch == "." and (i + 1 == len(TEXT) or TEXT[i + 1] in " \n"):
            out.append(Sentence(start, i + 1))
            start = i + 2
            while start < len(TEXT) and TEXT[start] in " \n":
                start += 1
    return tuple(out)


def ushakov_article() -> AnnotatedArticle:
    """Quotes holding names and dates, a crossing span, hostile markup in the text itself."""
    article = Article(
        id=content_id(TEXT),
        text=TEXT,
        path="tests/hand-written.txt",
        source="Hand <Written> & Co",
        title="Putin <b>warns</b> of “complete rupture”",
        published="2021-12-31",
    )
    q1, q2 = at("would be a colossal mistake that would entail grave consequences,")
    q3, q4 = at("by January 10 <script>alert(1)</script> at the latest")
    return AnnotatedArticle(
        article=article,
        sentences=_sentences(),
        entities=(
            _entity("US", "GPE", "united states"),
            _entity("Mr Putin", "PERSON", "vladimir putin"),
            _entity("Yuri Ushakov", "PERSON", "yuri ushakov"),
            _entity("Moscow", "GPE", "moscow"),
            _entity("Mr Putin", "PERSON", "vladimir putin", nth=1),
            _entity("Geneva", "GPE", "geneva"),
            _entity("White House", "ORG", "white house"),
            _entity("Russia", "GPE", "russia"),
            _entity("Ushakov", "PERSON", "yuri ushakov", nth=1),
            # A name the tagger runs past the closing quote: it crosses the quote's end.
            Entity(TEXT[q2 - 12 : q2 + 6], "ORG", "grave consequences", q2 - 12, q2 + 6),
        ),
        quotes=(
            Quote(TEXT[q1:q2], "Yuri Ushakov", "yuri ushakov", True, "said", q1, q2),
            Quote(TEXT[q3:q4], "Ushakov", "yuri ushakov", True, "said", q3, q4),
            _quote("nothing", None, None, True, None),
        ),
        quantities=(
            _quantity("50 minutes", 50, 50, 50, "minute", "call", None),
            _quantity(
                "an estimated 100,000 troops", 100_000, 90_000, 110_000, None, "troops", "an estimated"
            ),
        ),
        timeline=(
            _time("January 9 and 10", "2022-01-09", "2022-01-10", "talks"),
            _time("Thursday", "2021-12-30", "2021-12-30", "call"),
            _time("June", "2021-06-01", "2021-06-30", "massed"),
            _time("January 10", "2022-01-10", "2022-01-10", "begin"),
            _time("next year", "2022-01-01", "2022-12-31", "agreed"),
            _time("later", None, None, None, "no point in time to count from"),
        ),
    )


def _quantity(
    phrase: str,
    value: float,
    low: float | None,
    high: float | None,
    unit: str | None,
    counted: str | None,
    hedge: str | None,
) -> Quantity:
    s, e = at(phrase)
    return Quantity(phrase, value, low, high, unit, counted, hedge, s, e)
