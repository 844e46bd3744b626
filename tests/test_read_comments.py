"""Readers' posts below an article are found by the shape of a thread (the poster, the post's
date, its text, one action line repeated under each post), in any language, and the cleaner
joins no run of prose past them however well it goes on with the article's topic."""

from __future__ import annotations

from storyline.reading.comments import thread_start
from storyline.reading.pasted import clean_pasted, page_lines


def _report(k: int) -> str:
    """A paragraph of a report on a rail strike, of about 220 characters."""
    return (
        f"Der Verband sagte am Montag, dass der Streik Nummer {k + 1} den Fernverkehr und die "
        "Regionalzüge im ganzen Land treffen werde, und dass Reisende ihre Fahrten verschieben "
        "oder ihre Tickets bis Ende des Monats erstatten lassen könnten."
    )


def _post(name: str, day: int, text: str) -> list[str]:
    return [f"{name} sagt:", f"{day}. November 2022 um 14:0{day % 10} Uhr", text, "Antworten"]


HEADER = ["Startseite", "Verkehr", "Bahnstreik trifft Fernverkehr im ganzen Land", "Von Anna Beispiel"]
# Posts that go on with the article's words (readers quote it), as long as its paragraphs.
POSTS = [_report(k).replace("Der Verband sagte", f"Leser {k} meint") for k in range(20, 23)]


def test_a_thread_is_found_by_its_shape_and_the_article_is_not() -> None:
    article = [*HEADER, "14. November 2022", *(_report(k) for k in range(4))]
    thread = [line for n, post in enumerate(POSTS) for line in _post(f"Leser{n}", 14 + n, post)]
    lines = page_lines("\n\n".join([*article, "3 Kommentare", *thread]))
    start = thread_start(lines, 0, len(lines))
    assert lines[start].text in ("3 Kommentare", "Leser0 sagt:")
    # The article dates itself once, at its head: no thread there.
    alone = page_lines("\n\n".join(article))
    assert thread_start(alone, 0, len(alone)) == len(alone)


def test_posts_on_the_articles_topic_past_a_long_box_are_not_joined() -> None:
    body = [_report(k) for k in range(5)]
    box = ["Teilen", "Facebook", "Twitter", "E-Mail", "Drucken", "Mehr zum Thema", "Newsletter", "Anmelden"]
    box += ["Kommentar schreiben", "Name", "E-Mail-Adresse", "Website", "Absenden"]
    thread = [line for n, post in enumerate(POSTS) for line in _post(f"Leser{n}", 14 + n, post)]
    ex = clean_pasted("\n\n".join([*HEADER, "14. November 2022", *body, *box, *thread]))
    assert all(p in ex.text for p in body)
    assert not any(p in ex.text for p in POSTS)


def test_a_thread_right_under_the_article_ends_the_page_without_a_heading() -> None:
    # No "Comments" heading, no box: the first post's name and date follow the last paragraph.
    body = [_report(k) for k in range(4)]
    thread = [line for n, post in enumerate(POSTS) for line in _post(f"Leser{n}", 14 + n, post)]
    ex = clean_pasted("\n\n".join([*HEADER, "14. November 2022", *body, *thread]))
    assert all(p in ex.text for p in body)
    assert not any(p in ex.text for p in POSTS)
