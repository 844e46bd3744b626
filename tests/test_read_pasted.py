"""The pasted-page cleaner on pages we write ourselves, and the nothing-is-lost property."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import storyline
from storyline.errors import UnreadableInput
from storyline.reading import line_score
from storyline.reading.dates import find_date
from storyline.reading.lines import Kind, classify, copyright_holder, ends_article, is_caption
from storyline.reading.pasted import clean_pasted, page_lines, removed_reasons
from storyline.reading.region import fitted_run
from storyline.stories.pages import not_an_article

PARAS = [
    "The city council voted 7 to 2 on Tuesday to approve a new budget that raises spending on road "
    "repairs by 12 percent, the largest increase in a decade.",
    "Mayor Ana Ruiz said the plan would be paid for by a small rise in parking fees and by delaying "
    "two building projects until next year.",
    "“We cannot keep patching the same potholes every spring,” Ruiz told reporters after the vote.",
    "Opponents argued that the parking fees would hurt small businesses in the city centre, which are "
    "still recovering from the closures of the past two years.",
    "The budget takes effect on July 1 and will be reviewed again in the autumn, officials said.",
]

PAGE = "\n\n".join(
    [
        "Home",
        "News",
        "Sport",
        "Subscribe",
        "City council approves record road repair budget",
        "By Jane Doe",
        "Published 3 March 2022, 14:05 GMT",
        "Share on Facebook",
        PARAS[0],
        PARAS[1],
        "Council members debate the budget on Tuesday (Photo: John Smith/Reuters)",
        PARAS[2],
        "Advertisement",
        PARAS[3],
        PARAS[4],
        "Most read",
        "Storm closes schools across the region",
        "Five things to do this weekend",
        "© 2022 The Daily Example. All rights reserved.",
    ]
)


def test_body_fields_and_removed_on_a_written_page() -> None:
    ex = clean_pasted(PAGE)
    assert ex.title == "City council approves record road repair budget"
    assert ex.byline == "Jane Doe"
    assert ex.published == "2022-03-03T14:05:00+00:00"
    assert ex.text.split("\n\n") == PARAS
    assert ex.source == "The Daily Example"
    reasons = {r.text: r.reason for r in ex.removed}
    assert "caption" in reasons["Council members debate the budget on Tuesday (Photo: John Smith/Reuters)"]
    assert "Advertisement" in reasons
    assert "Storm closes schools across the region" in reasons


def test_read_text_view_says_why_lines_were_removed() -> None:
    from storyline.cli.read import render_text

    art = storyline.read(PAGE.encode(), name="page.txt")
    counts = removed_reasons(art.removed)
    assert "1 caption" in counts and "1 byline" in counts and "1 date line" in counts
    assert sum(int(part.split(" ")[0]) for part in counts.split(", ")) == len(art.removed)
    assert f"removed: {len(art.removed)} lines ({counts})" in render_text(art).splitlines()


def test_line_classes_come_from_shape() -> None:
    assert classify(0, PARAS[0]).kind is Kind.PROSE
    assert classify(0, "Follow us on Twitter").kind is Kind.FURNITURE
    assert (
        classify(0, "Subscribe to The Daily Example and stay smart about your city.").kind is Kind.FURNITURE
    )
    assert ends_article("Related stories") and ends_article("More Great WIRED Stories")
    assert not ends_article("Related talks will take place in Geneva next month.")
    assert classify(0, "Last Updated : 4 March 2022, 09:10 IST").kind is Kind.DATE
    assert classify(0, "By Jane Doe and John Roe").kind is Kind.BYLINE
    # A wire dateline opens a report even when the line ends in a colon.
    assert (
        classify(0, "HAYWARD, Calif. (AP) — The Latest on the stabbing on a commuter train:").kind
        is Kind.PROSE
    )
    assert is_caption("Rescue workers search the rubble in Kahramanmaras (AP Photo/Emrah Gurel)")
    assert is_caption("Protesters gather outside parliament (The Guardian via Getty Images)")
    assert is_caption("Photo: Reuters")
    # A sentence that mentions an agency is still a sentence.
    assert not is_caption("The Associated Press (AP) reported the figures on Monday.")
    assert copyright_holder("Copyright © 2021 Deccan Herald. All rights reserved") == "Deccan Herald"


def test_standfirst_between_title_and_body() -> None:
    page = "\n\n".join(
        [
            "Menu",
            "Storm leaves thousands without power across the north",
            "Engineers expect most homes to be reconnected by the weekend as winds ease",
            "12 January 2023",
            *PARAS,
        ]
    )
    ex = clean_pasted(page)
    assert ex.title == "Storm leaves thousands without power across the north"
    assert ex.subtitle == "Engineers expect most homes to be reconnected by the weekend as winds ease"
    assert ex.published == "2023-01-12"
    assert ex.text.startswith(PARAS[0])


def test_ist_is_irish_on_an_irish_page() -> None:
    page = "Headline about the budget here\n\nPublished 3 March 2022, 14:05 IST\n\n" + "\n\n".join(PARAS)
    assert clean_pasted(page).published == "2022-03-03T14:05:00+05:30"
    assert clean_pasted(page, context="https://www.irishtimes.com").published == "2022-03-03T14:05:00+01:00"


_line = st.one_of(
    st.sampled_from([*PARAS, "Share", "Watch the latest videos here:", "Photo: AP", "Follow Us :"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_line, max_size=25))
def test_every_line_ends_up_in_the_article_or_removed(lines: list[str]) -> None:
    ex = clean_pasted("\n".join(lines))
    kept = [ex.title or "", ex.subtitle or "", ex.text]
    removed = [r.text for r in ex.removed]
    for line in lines:
        # Lines are compared as the cleaner sees them: stripped, with str.splitlines' breaks.
        for piece in re.split(r"\r\n|\r|\n", line):
            piece = piece.strip()
            if piece:
                # A drop cap's letter is joined to its paragraph, so a piece may sit inside a line.
                assert any(piece in k for k in kept + removed), piece


def test_bylines_copyrights_and_two_dates_on_one_line() -> None:
    from storyline.reading.lines import byline_name

    assert byline_name("By Kashmira Gander On 11/13/19 at 4:00 PM EST") == "Kashmira Gander"
    assert byline_name("Bill Hoppe | Special to the Pioneer Press") == "Bill Hoppe"
    assert byline_name("Posted by Vortex") == "Vortex"
    assert copyright_holder("Copyright © 2019 by Snopes Media Group Inc.") == "Snopes Media Group Inc"
    assert copyright_holder("© 2019 and Reprint Permissions") is None
    page = "\n\n".join(
        [
            "Council approves the road repair budget after a long debate",
            "PUBLISHED: November 19, 2019 at 5:10 pm | UPDATED: November 19, 2019 at 7:41 pm",
            *PARAS,
        ]
    )
    ex = clean_pasted(page)
    assert (ex.published, ex.updated) == ("2019-11-19T17:10:00", "2019-11-19T19:41:00")


def test_header_with_name_byline_and_a_list_of_other_headlines() -> None:
    page = "\n\n".join(
        [
            "Most Popular",
            "Storm closes schools across the whole region on Monday",
            "Five things to do in the city this weekend with children",
            "Council member resigns after a long dispute over the budget",
            *PARAS,
        ]
    )
    assert clean_pasted(page).title is None  # three headlines in a row are links, not a header
    page = "\n\n".join(
        [
            "Council approves record road repair budget",
            "Jane Doe",
            "March 3, 2022 2:05 pm ET",
            "Share",
            "Copy link",
            "Link copied!",
            *PARAS,
        ]
    )
    ex = clean_pasted(page)
    assert (ex.title, ex.byline) == ("Council approves record road repair budget", "Jane Doe")
    assert ex.published == "2022-03-03T14:05:00-05:00"
    assert {r.text: r.reason for r in ex.removed}["Jane Doe"].startswith("byline")


def test_a_list_after_its_lead_in_stays_but_a_follow_us_block_does_not() -> None:
    page = "\n\n".join(
        [
            PARAS[0],
            "The budget pays for three things:",
            "- road repairs in the old town",
            "- two new cycle lanes",
            PARAS[1],
            "Follow us:",
            "Facebook",
            "Twitter",
            PARAS[2],
        ]
    )
    text = clean_pasted(page).text
    assert (
        "The budget pays for three things:\n\n- road repairs in the old town\n\n- two new cycle lanes" in text
    )
    assert "Follow us" not in text and "Facebook" not in text


def test_a_headline_pasted_alone_is_an_article_but_a_label_is_not(tmp_path: Path) -> None:
    alert = "Russia and Ukraine agree a ceasefire in the east, Kremlin says"
    ex = clean_pasted(f"{alert}\n\nDec. 30, 2021 11:30 ET\n")
    assert (ex.title, ex.text, ex.published) == (alert, alert, "2021-12-30T11:30:00-05:00")
    p = tmp_path / "alert.txt"
    p.write_text(alert + "\n")
    art = storyline.read(p)
    assert art.text == alert and not_an_article(art) is None
    label = tmp_path / "label.txt"
    label.write_text("Page not found\n")
    with pytest.raises(UnreadableInput, match="no article text"):
        storyline.read(label)
    # A flattened HTML page holding only a heading is still no article.
    assert clean_pasted(alert, alone=False).text == ""


def test_two_digit_years_in_datelines() -> None:
    page = "\n\n".join(
        ["City council approves record road repair budget", "Published 3/3/22 14:05 GMT", *PARAS]
    )
    assert clean_pasted(page).published == "2022-03-03T14:05:00+00:00"
    assert find_date("Updated 30.12.21, 11:30 IST").iso == "2021-12-30T11:30:00+05:30"  # type: ignore[union-attr]
    assert find_date("Posted Dec. 30, '21").iso == "2021-12-30"  # type: ignore[union-attr]
    assert find_date("on 4/7/98").iso == "1998-04-07"  # type: ignore[union-attr]
    assert find_date("version 1.2.3.4 of the app") is None


def test_a_drop_cap_is_joined_to_its_paragraph() -> None:
    first = PARAS[0]
    page = "\n\n".join(["City council approves record road repair budget", first[0], first[1:], *PARAS[1:]])
    ex = clean_pasted(page)
    assert ex.text.startswith(first) and ex.title == "City council approves record road repair budget"


def test_a_numbered_listicle_keeps_every_entry() -> None:
    entries = [
        ("1. Ana Ruiz", "Mayor since 2019. She ran on road repairs. Her budget passed 7 to 2 this week"),
        (
            "2.Tom Berg",
            "Council member for the old town. He voted against. He wants the parking fees cut first",
        ),
        (
            "3. Lena Ott",
            "Head of the traders' association. Small shops fear the fees. She has asked for a delay",
        ),
    ]
    lines = [PARAS[0], PARAS[1], "The three people to watch"]
    for head, about in entries:
        lines += [head, about]
    page = "\n\n".join([*lines, "Share", "Most read", "Other story one", "Other story two"])
    text = clean_pasted(page).text
    for head, about in entries:
        assert head in text and about in text
    assert "Most read" not in text


def test_labelled_credits_close_a_caption() -> None:
    assert is_caption("The telescope will measure faint pulsars. Credit: Ou Dongqu/Xinhua")
    assert is_caption("Courtesy of Forests News")
    assert not is_caption("The council gave credit to the volunteers who cleared the snow.")


def test_kicker_headline_and_standfirst_above_the_dateline_are_a_header() -> None:
    page = "\n\n".join(
        [
            "Home",
            "Sign in",
            "'We cannot keep patching the same potholes'",
            "City council approves record road repair budget",
            "The mayor says the plan is paid for by parking fees, but traders warn the fees will hurt"
            " small shops in the centre",
            "By Jane Doe 3 March 2022, 14:05 GMT",
            *PARAS,
        ]
    )
    ex = clean_pasted(page)
    assert ex.title == "City council approves record road repair budget"
    assert ex.subtitle is not None and ex.subtitle.startswith("The mayor says")


def test_a_bare_title_above_a_post_and_a_question_headline_as_first_paragraph() -> None:
    post = "\n\n".join(
        ["Blog", "About", "Contact", "Home » Blog » Road Repairs", "Patching Road Budgets", *PARAS]
    )
    ex = clean_pasted(post)
    assert ex.title == "Patching Road Budgets" and ex.text.startswith(PARAS[0])
    assert "Home » Blog" not in ex.text
    asked = "\n\n".join(["Newsletter", "Can a city pay for its roads with parking fees?", *PARAS])
    ex = clean_pasted(asked)
    assert ex.title == "Can a city pay for its roads with parking fees?" and ex.text.startswith(PARAS[0])


def test_a_body_split_by_a_video_embed_is_joined() -> None:
    embed = ["Video: the council debate", "Share", "Tweet", "Email", "Watch more videos"]
    page = "\n\n".join(
        ["City council approves record road repair budget", PARAS[0], PARAS[1], *embed, *PARAS[2:]]
    )
    text = clean_pasted(page).text
    assert all(p in text for p in PARAS) and "Tweet" not in text


def test_a_promo_under_the_last_paragraph_and_the_footer_notice_are_not_the_report() -> None:
    page = "\n\n".join(
        [
            "City council approves record road repair budget",
            *PARAS,
            "For the latest stories and breaking news download the City Herald app for iOS and Android.",
            "To view the full story, please subscribe to the City Herald.",
            "© 2022 City Herald Media Inc. All Rights Reserved.",
        ]
    )
    ex = clean_pasted(page)
    assert ex.text.endswith(PARAS[-1]) and "City Herald" not in ex.text
    # A sentence that only mentions a download, or the reader, stays.
    last = "For other systems, or if you want to install from source, see the general download page."
    assert clean_pasted("\n\n".join([*PARAS, last])).text.endswith(last)


def test_a_link_box_above_the_main_part_of_the_body_does_not_cut_the_lede_off() -> None:
    title = "City council approves record road repair budget"
    boxes = [
        ["More on the budget:", "Council to vote on road plan", "Parking fees explained"],
        ["City news, delivered daily", "Email", "Sign up", "Related", "Parking fees explained"],
    ]
    for box in boxes:
        ex = clean_pasted("\n\n".join([title, PARAS[0], PARAS[1], *box, *PARAS[2:]]))
        assert ex.text.split("\n\n") == PARAS and ex.title == title


def test_a_read_more_box_near_the_end_does_not_end_the_article() -> None:
    last = [
        "The council meets again on Thursday to set the new parking fees for the city centre streets.",
        "Residents can comment on the plan until the end of the month, the city clerk said on Tuesday.",
    ]
    page = "\n\n".join(
        [
            "City council approves record road repair budget",
            *PARAS,
            "Read more",
            "Parking fees explained",
            *last,
        ]
    )
    assert clean_pasted(page).text.split("\n\n") == [*PARAS, *last]
    # A box of other stories (headline, one-paragraph summary) still closes it.
    others = [
        "Related",
        "Storm closes schools across the region",
        last[0],
        "Five things to do this weekend",
        last[1],
    ]
    assert clean_pasted("\n\n".join([*PARAS, *others])).text.split("\n\n") == PARAS


def test_the_sites_notices_to_its_readers_are_not_the_report() -> None:
    notices = [
        "We welcome reader comments on the top stories of the day. Please keep comments civil and on topic.",
        "Disclosure: when you buy through links on our site, we may earn an affiliate commission.",
    ]
    ex = clean_pasted("\n\n".join(["City council approves record road repair budget", *PARAS, *notices]))
    assert ex.text.split("\n\n") == PARAS
    # The same words quoted in a report are someone's statement, which stays.
    quoted = "“Please keep comments civil, or we will close them,” the council told readers of its website."
    assert classify(0, quoted).kind is Kind.PROSE
    assert classify(0, notices[1]).kind is Kind.FURNITURE
    box = (
        "Missing out on the latest? Enter your email below to receive our announcements direct to your inbox."
    )
    assert classify(0, box).kind is Kind.FURNITURE


def test_a_question_headline_above_its_dateline_and_a_sentence_standfirst_below_the_headline() -> None:
    question = "Can a city pay for its roads with parking fees?"
    ex = clean_pasted("\n\n".join(["Newsletter", question, "Written by Jane Doe on March 3, 2022", *PARAS]))
    assert ex.title == question and ex.text.split("\n\n") == PARAS
    headline = "City council approves record road repair budget"
    deck = "The plan raises spending on repairs by a tenth, paid for by parking fees."
    page = "\n\n".join(["Menu", "Cities", headline, deck, "Jane Doe", "3 March 2022", "Share", *PARAS])
    ex = clean_pasted(page)
    assert (ex.title, ex.subtitle) == (headline, deck) and ex.text.split("\n\n") == PARAS


def test_the_headline_touches_the_byline_block_and_a_video_title_under_the_share_bar_does_not() -> None:
    headline = "City council approves record road repair budget"
    deck = "Parking fees will pay for the largest rise in road spending in a decade"
    video = "Drone footage shows the potholes on Main Street"
    share = ["Share", "Tweet", "Email", "Adjust text size"]
    page = [headline, deck, "By Jane Doe", "Political Editor", "3 March 2022", *share, video, *PARAS]
    ex = clean_pasted("\n\n".join(["Menu", "Cities", *page]))
    assert (ex.title, ex.subtitle) == (headline, deck) and ex.text.split("\n\n") == PARAS
    # A section link above the dateline is shorter than the headline set right below it.
    page = ["Eye on the City", "City Herald March 3, 2022, 7:57 AM", headline, *share, video, *PARAS]
    assert clean_pasted("\n\n".join(page)).title == headline
    # A kicker over the headline is a few words; a deck under it is no shorter than the headline.
    page = ["Posted in City, Roads, News", headline, "By Jane Doe", "3 March 2022", *share, video, *PARAS]
    assert (clean_pasted("\n\n".join(page)).title, clean_pasted("\n\n".join(page)).subtitle) == (
        headline,
        None,
    )
    page = [headline, "New, 15 comments", deck, "By Jane Doe 3 March 2022", *share, *PARAS]
    assert (clean_pasted("\n\n".join(page)).title, clean_pasted("\n\n".join(page)).subtitle) == (
        headline,
        deck,
    )


def test_a_long_numbered_list_closing_the_article_keeps_every_entry_and_its_links() -> None:
    lead = "Here are the deals on last century's toys that are worth a look before the weekend ends:"
    entries = []
    for n in range(1, 21):
        entries.append(
            f"{n}) Lego Star Wars {75180 + n} Resistance Bomber set with twelve minifigures and a stand"
        )
        entries.append(f"http://amzn.to/2iJF{n:03d}")
    page = "\n\n".join([*PARAS[:3], lead, *entries, "Leave a comment", "Search", "Privacy"])
    text = clean_pasted(page).text
    # The last entry's link is the one line lost: nothing that belongs to the body follows it.
    assert text.split("\n\n") == [*PARAS[:3], lead, *entries[:-1]]
    assert classify(0, entries[0]).kind is Kind.ITEM


def test_the_lede_under_the_dateline_is_joined_across_a_long_video_carousel() -> None:
    carousel = ["What to watch next"]
    for n in range(24):  # 49 lines: past ``resume.MAX_GAP``, within ``region._LEDE_GAP``
        carousel += [f"Storm number {n} closes schools across the region", "City Herald Video"]
    head = ["City council approves record road repair budget", "3 March 2022"]
    ex = clean_pasted("\n\n".join([*head, PARAS[0], PARAS[1], *carousel, *PARAS[2:]]))
    assert ex.text.split("\n\n") == PARAS
    # Without the dateline above it, parts that far apart (beyond the fitted score's reach) are
    # not one article; the first is the article (a page's other prose follows the article).
    ex = clean_pasted("\n\n".join([PARAS[0], PARAS[1], *carousel, *PARAS[2:]]))
    assert ex.text.split("\n\n") == PARAS[:2]


def test_a_slideshow_keeps_each_slides_paragraph() -> None:
    slides = [PARAS[0] + " " + PARAS[1], PARAS[3], PARAS[2], PARAS[4]]
    page = ["City council approves record road repair budget", "Road repairs explained"]
    for n, para in enumerate(slides, 1):
        page += [
            "Image credit: City Herald",
            "Agencies",
            f"{n}/4",
            ["The vote", "Fees", "Why", "Next"][n - 1],
            para,
        ]
    assert clean_pasted("\n\n".join(page)).text.split("\n\n") == slides


def test_a_reprint_notice_is_furniture_but_a_report_of_trespass_is_not() -> None:
    reprint = "© 2022 City Herald. This article is the copyrighted property of the City Herald."
    assert classify(0, reprint).kind is Kind.FURNITURE
    notice = "The material on this site may not be reproduced without permission."
    assert classify(0, notice).kind is Kind.FURNITURE
    crime = "The man entered the council offices without permission on Tuesday night, the police said."
    assert classify(0, crime).kind is Kind.PROSE


def test_fitted_line_score_puts_paragraphs_above_navigation() -> None:
    # The shipped weights (bench/fit_line_score.py): every paragraph of the written page is more
    # likely body than any navigation link, byline or share button around it.
    lines = page_lines(PAGE)
    logits = dict(zip((ln.text for ln in lines), line_score.body_logits(lines), strict=True))
    furniture = ("Home", "News", "Subscribe", "By Jane Doe", "Share on Facebook")
    assert min(logits[p] for p in PARAS) > max(logits[f] for f in furniture)
    assert min(logits[p] for p in PARAS) > line_score.threshold()


def test_fitted_run_is_the_maximum_sum_run() -> None:
    assert fitted_run(np.array([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0])) == (1, 4)
    assert fitted_run(np.array([-1.0, -2.0])) == (0, 0)


def test_weights_fitted_on_other_features_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "line_score.json"
    stale.write_text(json.dumps({"features": ["log_words"], "weights": [1.0], "bias": 0.0}))
    monkeypatch.setattr(line_score, "WEIGHTS_FILE", stale)
    line_score._fitted.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="fit_line_score"):
            line_score.body_logits(page_lines(PAGE))
    finally:
        line_score._fitted.cache_clear()


def test_a_headline_over_its_standfirst_over_the_dateline_under_topic_tags() -> None:
    standfirst = (
        "The council has unveiled a plan to raise spending on road repairs by 12 percent, paid for "
        "by parking fees, and to review it again in the autumn once the first repairs are done."
    )
    tags = ["Politics", "Roads & Transport", "City budget", "Local government"]
    title = "City council approves record road repair budget"
    head = ["Advertise", title, standfirst, "March 3, 2022 Ana Ruiz"]
    # The lead photo's caption written as a sentence, its credit and a share button: the walk up
    # from the lede takes the caption for a standfirst and stops at the real one above it.
    photo = [
        "Road crews repaired more than 4,000 potholes across the city last spring, a record.",
        "Image: City Herald",
        "Share",
    ]
    ex = clean_pasted("\n\n".join([*head, *tags, *photo, *PARAS]))
    assert ex.title == title
    assert ex.subtitle == standfirst and ex.text.split("\n\n") == PARAS


def test_a_one_word_tag_between_a_posts_title_and_its_text_is_passed_over() -> None:
    nav = ["Toggle navigation", "Bio", "Blog", "Contact"]
    ex = clean_pasted("\n\n".join([*nav, "Pothole budgets", "blog", *PARAS]))
    assert ex.title == "Pothole budgets" and ex.text.split("\n\n") == PARAS
    # A menu label, not a title, when the tag is all that stands above the text.
    ex = clean_pasted("\n\n".join([*nav, "blog", *PARAS]))
    assert ex.title is None


def test_the_headline_over_a_byline_block_past_a_video_playlist_is_the_title() -> None:
    playlist = ["JUST WATCHED"]
    for n in range(14):
        playlist += [f"Storm number {n} closes schools across the region"]
    head = [
        "Follow City Herald",
        "City council approves record road repair budget",
        "By Ana Ruiz, City Herald",
        "Updated 2010 GMT March 14, 2021",
    ]
    ex = clean_pasted("\n\n".join([*head, *playlist, *PARAS]))
    assert ex.title == "City council approves record road repair budget"
    assert ex.text.split("\n\n") == PARAS
    # A labelled byline, the share bar and the lead photo's caption between headline and block.
    shared = [
        "City council approves record road repair budget",
        "Share this:",
        "Click to share on Facebook (Opens in new window)",
        "Click to share on Twitter (Opens in new window)",
        "More",
        "Analysis by Ana Ruiz, City Herald",
        "Updated 2010 GMT March 14, 2021",
    ]
    ex = clean_pasted("\n\n".join([*shared, *playlist, *PARAS]))
    assert ex.title == "City council approves record road repair budget"


def test_a_video_caption_over_the_lede_gives_way_to_the_headline_over_the_dateline() -> None:
    share = [f"Share this with {n}" for n in ("Facebook", "Messenger", "Twitter", "Email", "WhatsApp")]
    page = [
        "US & Canada",
        "City council approves record road repair budget",
        "10 April 2020",
        *share * 4,
        "Close share panel",
        "Related Topics",
        "Media playback is unsupported on your device",
        "Media captionDrone footage shows road crews at work across the city",
        *PARAS,
    ]
    ex = clean_pasted("\n\n".join(page))
    assert ex.title == "City council approves record road repair budget"
    assert ex.text.split("\n\n") == PARAS


def test_a_headline_over_its_deck_over_the_lead_photos_staff_credited_caption() -> None:
    caption = "Mayor Ana Ruiz speaks after the council vote on the road budget. (Matt Stone/City Herald)"
    assert is_caption(caption)
    assert not is_caption("The council met on Tuesday. (It meets again in May.)")
    page = [
        "Local News |",
        "City council approves record road repair budget",
        "Parking fees to pay for the biggest repair plan in a decade",
        caption,
        "By Grace Hall | ghall@cityherald.com",
        "PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.",
        *PARAS,
    ]
    ex = clean_pasted("\n\n".join(page))
    assert ex.title == "City council approves record road repair budget"
    assert ex.subtitle == "Parking fees to pay for the biggest repair plan in a decade"
    assert ex.text.split("\n\n") == PARAS


HOWTO = [
    "Most distributions ship a version of OpenSSL that is recent enough, so this step is optional "
    "for many readers who only want the tunnel working by tonight.",
    "The latest release can be built from source instead: the tarball from the project's site is "
    "unpacked in a scratch directory and built there in a few minutes.",
]
STEPS = [
    "cd to the directory containing the tarball",
    "tar zxvf openssl-3.0.7.tar.gz",
    "rm openssl-3.0.7.tar.gz",
    "cd openssl-3.0.7",
]
AFTER = [
    "At this point you configure and build the library. It does not use the standard autoconf "
    "program, so the options differ from what most packages take.",
    "When the build finishes, run the test suite before installing, since a failed test usually "
    "means a missing compiler flag rather than a broken release.",
]


def test_a_list_set_without_bullets_inside_the_body_is_kept() -> None:
    # A how-to's steps (or a recipe's ingredients) pasted from an <ol> lose their numbers: short
    # lines in a row among the paragraphs are the article's list, not links.
    page = ["Home", "Guides", "Building a TLS tunnel with stunnel", "By Jane Doe", *HOWTO, *STEPS, *AFTER]
    page += ["Share on Facebook", "About us", "Contact"]
    ex = clean_pasted("\n\n".join(page))
    assert ex.text.split("\n\n") == [*HOWTO, *STEPS, *AFTER]


def test_a_box_of_links_inside_the_body_is_not_a_list() -> None:
    # The same short lines under a box's heading are other stories' headlines.
    links = ["Council delays vote on bus lanes", "Parking fees to rise in spring", "Mayor names new deputy"]
    page = ["Home", "City council approves record road repair budget", "By Jane Doe", *PARAS[:3]]
    page += ["Related stories", *links, *PARAS[3:], "Share on Facebook", "About us", "Contact"]
    ex = clean_pasted("\n\n".join(page))
    assert ex.text.split("\n\n") == PARAS
