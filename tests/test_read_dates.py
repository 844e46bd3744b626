"""Publication dates as pages print them → ISO 8601 with the right offset."""

from __future__ import annotations

import pytest

from storyline.reading.dates import find_date, ist_region, normalise_date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 31 December 2021, 11:30 IST", "2021-12-31T11:30:00+05:30"),
        ("Last Updated : 31 December 2021, 12:17 IST", "2021-12-31T12:17:00+05:30"),
        ("31 December 2021", "2021-12-31"),
        ("Fri 31 Dec 2021 11.30 GMT", "2021-12-31T11:30:00+00:00"),
        ("Sat 3 Jul 2021 09.05 BST", "2021-07-03T09:05:00+01:00"),
        ("Jul. 4, 2020 at 3:05 p.m. EDT", "2020-07-04T15:05:00-04:00"),
        ("January 5, 2020 at 5 p.m. PST", "2020-01-05T17:00:00-08:00"),
        # "ET" follows daylight saving of the date itself.
        ("Updated 11:30 AM ET, Fri December 31, 2021", "2021-12-31T11:30:00-05:00"),
        ("Updated 11:30 AM ET, Mon June 7, 2021", "2021-06-07T11:30:00-04:00"),
        ("12 March 2022 14:00 CET", "2022-03-12T14:00:00+01:00"),
        ("2021-12-31T11:30:00Z", "2021-12-31T11:30:00+00:00"),
        ("2021-12-31 18:00 +0530", "2021-12-31T18:00:00+05:30"),
        ("December 31, 2021 10:00 UTC+3", "2021-12-31T10:00:00+03:00"),
        ("Posted at 3:21 PM ET, 01/5/2011", "2011-01-05T15:21:00-05:00"),
        ("31.12.2021", "2021-12-31"),
        ("Reuters November 18, 2019 11:03 PM", "2019-11-18T23:03:00"),
        # Day-first datelines of European and Latin American sites, the month in their language.
        ("Veröffentlicht am 19. Dezember 2022 von Heiko", "2022-12-19"),
        ("Le 30 septembre 2018 à 14:05", "2018-09-30T14:05:00"),
        ("Por Adriano Fernandes | 5 de mayo de 2022", "2022-05-05"),
        ("Pubblicato il 12 settembre 2019", "2019-09-12"),
        ("19. September 2022", "2022-09-19"),
        # Inline elements pasted glued: a theme's published and updated times, the label before.
        ("Posted on January 5, 2020January 6, 2020", "2020-01-05"),
        ("Posted onJanuary 5, 2020", "2020-01-05"),
        ("Veröffentlicht am 19. Dezember 202219. Dezember 2022", "2022-12-19"),
        ("Posted on28. Juli 201928. Juli 2019AuthorAndreas K", "2019-07-28"),
        ("5 January 2020by Jane Doe", "2020-01-05"),
    ],
)
def test_lines_become_iso(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found.iso == iso


def test_ist_depends_on_the_page() -> None:
    line = "Published 3 March 2022, 14:05 IST"
    assert find_date(line, context="https://www.thehindu.com")
    assert ist_region("https://www.irishtimes.com/news") == "ireland"
    assert ist_region("The Times of Israel") == "israel"
    assert find_date(line, context="www.rte.ie").iso == "2022-03-03T14:05:00+01:00"  # type: ignore[union-attr]
    assert find_date(line, context="haaretz.com").iso == "2022-03-03T14:05:00+02:00"  # type: ignore[union-attr]


def test_no_date_and_impossible_dates() -> None:
    assert find_date("Follow us on Twitter") is None
    assert find_date("Top 10 Movies 2020") is None  # a count and a year, no day of a month
    assert find_date("Liebeshoroskop Januar 2023") is None
    assert find_date("COVID19 March 2020") is None  # a code's digits are no day
    assert find_date("31 February 2021") is None
    assert normalise_date("") is None
    assert normalise_date("2021-12-31") == "2021-12-31"
    assert normalise_date("2021-12-31T10:00:00+01:00") == "2021-12-31T10:00:00+01:00"
    assert normalise_date("Friday, 31 December 2021") == "2021-12-31"


def test_placeholder_dates_and_same_instants() -> None:
    from storyline.reading.dates import same_instant

    assert normalise_date("0001-01-01T00:00:00+00:00") is None
    assert normalise_date("2019-11-20T01:50:59.403000") == "2019-11-20T01:50:59"
    assert same_instant("2019-11-18T21:21:03+00:00", "2019-11-18T16:21:03-05:00")
    assert not same_instant("2019-11-18T21:21:03+00:00", "2019-11-18T21:21:03+01:00")
    assert not same_instant(None, "2019-11-18")


def test_a_foreign_dateline_is_no_headline() -> None:
    # A dateline in another language under a blog post's title: read as a date, it is the
    # published date and no longer a headline-shaped line nearer the text than the title.
    from storyline.reading.pasted import clean_pasted

    para = (
        "Es ist irgendwie schon faszinierend, wie sich Ansichten innerhalb von zwölf Monaten ändern "
        "können, und wie wenig man davon im Voraus ahnt, wenn man im Dunklen losläuft."
    )
    page = "\n\n".join(
        ["Startseite", "Impressum", "Laufen im Winter: Von kalt zu warm in zwölf Monaten",
         "Veröffentlicht am 10. Februar 2019 von Heiko", para, para.replace("zwölf", "zehn"),
         para.replace("Dunklen", "Regen")]
    )  # fmt: skip
    ex = clean_pasted(page)
    assert ex.title == "Laufen im Winter: Von kalt zu warm in zwölf Monaten"
    assert ex.published == "2019-02-10"
