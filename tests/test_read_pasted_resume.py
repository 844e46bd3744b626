"""The article's own prose resumes below an interruption set inside it (an author's box, a
newsletter sign-up, a list of links), more than the rules' few lines below the body: the fitted
score (``reading/resume.py``) joins the run that goes on with the body's topic, and leaves a run
of other stories' prose under a closing heading alone."""

from __future__ import annotations

import numpy as np

from storyline.reading import region, resume
from storyline.reading.pasted import clean_pasted, page_lines

_PLACES = ["reservoir", "valley farms", "garden hoses", "water mains", "autumn rains", "pumping station"]


def _report(k: int) -> str:
    """A paragraph of a report on the drought, of about 230 characters."""
    return (
        f"Engineers said the {_PLACES[k % len(_PLACES)]} had lost a third of its water since June, "
        f"and the drought order number {k + 1} would limit hosepipes, sprinklers and the filling of "
        "ponds until the reservoir recovers after the autumn rains."
    )


HEADER = ["Home", "News", "Valley told to save water as reservoir falls", "By Jane Doe", "12 August 2021"]
INTERRUPTION = [
    "About the author",
    "Jane Doe covers the environment for the Valley Herald.",
    "Get our newsletter",
    "Sign up",
    "Email address",
    "Subscribe",
    "Follow us",
    "Facebook",
    "Twitter",
    "Instagram",
    "Advertisement",
]
FOOTER = ["About us", "Contact", "Careers", "Privacy", "Terms", "Sitemap"]


def _text(page: str) -> str:
    ex = clean_pasted(page)
    return f"{ex.subtitle or ''}\n{ex.text}"


SECTIONS = [
    "Valley Herald",
    "Weather",
    "Traffic",
    "Schools",
    "Sport",
    "Business",
    "Opinion",
    "Obituaries",
    "Puzzles",
]
SITE = [
    *FOOTER,
    "Advertise with us",
    "Jobs",
    "Newsletters",
    "Archive",
    "Help",
    "Accessibility",
    "Cookie settings",
]
SITE += ["Press", "Apps", "RSS", "Contact the newsroom", "Corrections", "Ethics", "Awards"]


def test_the_report_resumes_past_a_box_of_section_links() -> None:
    # Ten short lines (a box of the site's sections) cut the report's last two paragraphs off,
    # more than the rules' eight lines below it; they go on with its topic, and the site's
    # footer follows them.
    body = [_report(k) for k in range(12)]
    rest = [_report(k) for k in range(12, 14)]
    page = "\n\n".join([*HEADER, *body, *SECTIONS, "Events", *rest, *SITE])
    text = _text(page)
    assert all(p in text for p in body + rest)
    assert not any(line in text for line in SECTIONS + SITE)


def test_other_stories_under_a_closing_heading_are_not_joined() -> None:
    body = [_report(k) for k in range(5)]
    others = [
        "A striker scored twice as the county side won the cup final in front of a record crowd of"
        " supporters on Saturday, ending a wait of forty years for the trophy.",
        "The museum will open a new gallery of medieval coins and jewellery next spring, its director"
        " announced, after a donation from a collector's family.",
    ]
    page = "\n\n".join([*HEADER, *body, *INTERRUPTION, "More stories", *others, *FOOTER])
    text = _text(page)
    assert all(p in text for p in body)
    assert not any(p in text for p in others)


def test_the_topic_share_tells_the_bodys_words_from_another_storys() -> None:
    lines = page_lines("\n\n".join([*HEADER, *[_report(k) for k in range(5)], *INTERRUPTION, _report(6)]))
    logits = np.zeros(len(lines))
    j = len(HEADER) + 5
    a = j + len(INTERRUPTION)
    row = resume.features(lines, (len(HEADER), j), (a, a + 1), logits, (230.0, 1150.0), shaped=False)
    assert row[resume.FEATURES.index("topic")] > 0.8
    # The same run with another story's words shares none of the body's.
    lines = page_lines(
        "\n\n".join(
            [*HEADER, *[_report(k) for k in range(5)], *INTERRUPTION, "Coins and jewellery go on show."]
        )
    )
    row = resume.features(lines, (len(HEADER), j), (a, a + 1), logits, (30.0, 1150.0), shaped=False)
    assert row[resume.FEATURES.index("topic")] == 0.0
    assert resume.MAX_GAP > region._JOIN_GAP
