"""Which region of a pasted page is the body: the article's opening above an inline box stays
with it, a box of links with an end-marker heading inside the article does not end it, and the
article beats a longer run of other prose below it (readers' comments, the site's notices)."""

from __future__ import annotations

from storyline.reading.pasted import clean_pasted

_TOPICS = ["reservoir", "valley farms", "garden hoses", "water mains", "autumn rains", "the review"]


def _paragraph(k: int, topic: str = "the drought") -> str:
    """One distinct paragraph of about 230 characters, as a report's paragraph runs."""
    return (
        f"Officials said on Monday that the {_TOPICS[k % len(_TOPICS)]} would be the focus of "
        f"meeting number {k + 1} on {topic}, and that residents would be told of any change to "
        "the rules by letter before the end of the month, when the next report is due."
    )


def _text(page: str) -> str:
    ex = clean_pasted(page)
    return f"{ex.subtitle or ''}\n{ex.text}"


HEADER = ["Home", "News", "Region", "Valley told to save water as reservoir falls", "By Jane Doe"]
HEADLINES = [
    "Police search for missing hiker in national park",
    "Council approves new budget after long debate",
    "Minister resigns over expenses row",
]
SHARE = ["Facebook", "Twitter", "Email"]
INLINE_BOX = ["Advertisement", "Read more", *HEADLINES, "Play video", *SHARE, "Share this article"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy", "Terms", "Sitemap"]


def test_the_opening_above_an_inline_box_stays_with_the_body() -> None:
    # Two paragraphs, a box of links and a video set inside the article, then the rest of it:
    # the opening is a small share of the body, but it is article-shaped and sits right above.
    opening = [_paragraph(0), _paragraph(1)]
    rest = [_paragraph(k) for k in range(2, 14)]
    page = "\n\n".join([*HEADER, *opening, *INLINE_BOX, *rest, *FOOTER])
    text = _text(page)
    assert all(p in text for p in opening + rest)
    assert not any(line in text for line in INLINE_BOX)


def test_a_related_box_inside_the_article_does_not_end_it() -> None:
    # "Related stories" closes an article when a list of other stories follows it; here
    # paragraphs in a row follow the box's links and buttons: the article goes on.
    body = [_paragraph(k) for k in range(6)]
    after = [_paragraph(k, "the rationing plan") for k in range(6, 9)]
    box = ["Related stories", *HEADLINES, "Advertisement", *SHARE]
    page = "\n\n".join([*HEADER, *body, *box, *after, *FOOTER[:4]])
    text = _text(page)
    assert all(p in text for p in body + after)
    assert not any(line in text for line in box)


def _thread(posts: list[str]) -> list[str]:
    """Readers' posts as a thread pastes: the poster, the post's date and time, its text, and
    the same action line under each (``comments.thread_start`` reads that shape)."""
    return [
        line
        for k, post in enumerate(posts)
        for line in (f"reader{k}", f"{k + 3} March 2021 at 10:{10 + k} pm", post, "Reply")
    ]


def test_the_article_beats_a_longer_run_of_other_prose_below_it() -> None:
    # Readers' posts under a heading the cleaner does not know, longer than the article, below
    # the page's footer and the posting form, dated one by one as a thread is. (Closer than
    # ``_ABOVE_GAP`` lines, or under the article's dateline or byline, which joins a lede across
    # a long embed, they are joined; so are undated posts on the article's topic within
    # ``resume.MAX_GAP`` lines.)
    article = [_paragraph(k) for k in range(3)]
    posts = [_paragraph(k, "what readers think") for k in range(20, 25)]
    form = ["Follow us", "Instagram", "YouTube", "What readers think", "Name", "Email", "Website", "Post"]
    page = "\n\n".join([*HEADER[:4], *article, *FOOTER, *form, *_thread(posts)])
    text = _text(page)
    assert all(p in text for p in article)
    assert not any(p in text for p in posts)


def test_what_follows_the_sites_copyright_notice_is_no_article() -> None:
    # A dialog set after the footer (cookie settings, a sign-up overlay) pastes as paragraphs,
    # longer than a short report; the footer's notice closes the page's content.
    article = [_paragraph(k) for k in range(2)]
    overlay = [_paragraph(k, "the settings of this dialog") for k in range(30, 36)]
    notice = ["© 2021 The Valley Herald", "Settings", "Manage"]
    page = "\n\n".join([*HEADER[:4], *article, *FOOTER, *notice, *overlay])
    text = _text(page)
    assert all(p in text for p in article)
    assert not any(p in text for p in overlay)
    # A credit under a picture inside the article has the next paragraph right below it.
    body = [_paragraph(k) for k in range(8)]
    page = "\n\n".join([*HEADER, *body[:5], "© AFP", *body[5:], *FOOTER])
    assert all(p in _text(page) for p in body)


def _picture_item(n: int, heading: str) -> list[str]:
    """One entry of a listicle of places: the picture's credit, its number and heading, its
    paragraph, then the place's address and a link, as a guide pastes."""
    return [
        f"Photo: Photographer {n}",
        str(n),
        heading,
        _paragraph(n, f"the trip to {heading.lower()}"),
        f"{heading}, Main Street {n}, Valley",
        "More info",
    ]


def test_every_entry_of_a_listicle_is_joined_not_the_first_three() -> None:
    # Each entry's paragraph sits under its picture, number and heading, and over its address:
    # the entries are parts of one article, one after the other, however many there are.
    places = ["Lakeside path", "Old mill", "Hill fort", "Forest spa", "River cafe", "Castle walk", "Orchard"]
    items = [line for n, place in enumerate(places, 1) for line in _picture_item(n, place)]
    opening = [_paragraph(k, "trips out of town") for k in range(2)]
    page = "\n\n".join([*HEADER[:4], *opening, *items, *FOOTER])
    text = _text(page)
    assert all(_paragraph(n, f"the trip to {place.lower()}") in text for n, place in enumerate(places, 1))
    assert not any(line in text for line in FOOTER)


def test_the_part_below_an_embed_is_joined_past_a_longer_run_of_other_prose_further_down() -> None:
    # The article's last part under a video box; further down, past the footer and a posting
    # form, readers' posts run longer than that part. The part nearest the body is the article's.
    body = [_paragraph(k) for k in range(5)]
    last = [_paragraph(k, "the rationing plan") for k in range(5, 7)]
    posts = [_paragraph(k, "what readers think") for k in range(20, 23)]
    embed = ["Play video", *SHARE, "Watch more videos"]
    form = ["Follow us", "Instagram", "YouTube", "What readers think", "Name", "Email", "Website", "Post"]
    page = "\n\n".join([*HEADER, *body, *embed, *last, *FOOTER, *form, *_thread(posts)])
    text = _text(page)
    assert all(p in text for p in body + last)
    assert not any(p in text for p in posts)


def test_the_share_bar_repeated_under_the_article_ends_it_before_the_authors_box() -> None:
    # The site sets its share bar over the article and again under it; the author's box and the
    # site's disclaimer below that are paragraphs, near enough to pass for a last part.
    body = [_paragraph(k) for k in range(6)]
    bio = (
        "Jane Doe covers water, farming and the weather for the Valley Herald. Before joining the "
        "paper in 2015 she reported on city hall for ten years, and she lives on a farm with her "
        "family, two dogs and a small herd of goats near the reservoir. Her book on the drought "
        "of 2012 won the regional press award, and she teaches a course on reporting each spring."
    )
    page = "\n\n".join([*HEADER, *SHARE, *body, *SHARE, "Jane Doe", bio, *FOOTER])
    text = _text(page)
    assert all(p in text for p in body)
    assert bio not in text


def test_a_last_paragraph_under_a_box_of_bare_headlines_is_the_articles() -> None:
    # "Related stories" over headlines with no summary under any, then one paragraph as long as
    # the report's: the box is set inside the article, whose last paragraph follows it. The
    # box's lines are not the article, a long headline among them neither.
    body = [_paragraph(k) for k in range(5)]
    last = _paragraph(5, "the rationing plan")
    box = [
        "Related stories",
        HEADLINES[0],
        "Hoarding and price-gouging send water prices soaring in the valley",
        *HEADLINES[1:],
    ]
    page = "\n\n".join([*HEADER, *body, *box, last, *SHARE, *FOOTER])
    text = _text(page)
    assert all(p in text for p in [*body, last])
    assert not any(line in text for line in box)


def test_a_teaser_under_a_box_of_headlines_does_not_go_on_with_the_article() -> None:
    # Under "More great stories", a teaser line short beside the report's paragraphs, promos,
    # then the author's box: a list of other stories, closing the article.
    body = [_paragraph(k) for k in range(5)]
    teaser = "Here's what the valley will look like in 2030 ... right?"
    bio = "Jane Doe is a senior writer for the Valley Herald, covering water, farming and the weather."
    box = ["More great stories", *HEADLINES]
    promos = [
        "The case for a light hand with water rules, plus the latest news on the drought",
        *HEADLINES[:1],
    ]
    page = "\n\n".join([*HEADER, *body, *box, teaser, *promos, bio, "Senior Writer", *SHARE, *FOOTER])
    text = _text(page)
    assert all(p in text for p in body)
    assert teaser not in text and bio not in text
