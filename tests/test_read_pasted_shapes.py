"""Line shapes of pasted pages from sites nobody tuned on: invisible characters, paragraphs cut
at a line break, picture credits, and lines shaped like a headline that are none."""

from __future__ import annotations

import pytest

from storyline.reading.lines import Kind, classify
from storyline.reading.pasted import clean_pasted, page_lines

PARAS = [
    "Water levels in the reservoir fell to their lowest point in twenty years this week, the "
    "regional water authority said on Monday.",
    "Farmers in the valley have been told to expect cuts to their allowance for the rest of the "
    "season, and the authority asked households to limit garden watering.",
    "The authority said it would review the restrictions at the end of the month, when forecasters "
    "expect the first autumn rains to arrive.",
]


# Lines by their kind: furniture and captions by their shape, and the sentences that share their words
LINES: dict[Kind, list[str]] = {
    Kind.SENTENCE: [
        # Recipe and social-media editors put U+2063 after every line: still a sentence.
        "Stir fry to mix well.\u2063",
        "Followed by all the seasoning.\u2063",
        # Fiction and interviews set short replies one a line.
        "“Greetings.”",
        '"No!"',
    ],
    Kind.CAPTION: [
        "Photograph by Ed Marshall, Redonda Restoration Programme",
        "Photograph by",
        "Illustration by Jane Doe",
    ],
    Kind.FURNITURE: [
        # a call for readers' submissions, a disclaimer about the page
        "Submit your letter to the editor via this form. Read more Letters to the Editor.",
        "Submit your photos and videos of the storm to our newsroom.",
        "NOTE: The advertising disclaimer below does not apply to this article, nor any other one.",
        "Advertising Disclosure",
    ],
    Kind.PROSE: [
        # a sentence that starts like a credit, a report of a submission or of a disclosure
        "Photographs by the hundred were posted online by fans after the match.",
        "The council asked residents to submit a letter of objection before the hearing on Friday.",
        "The company's disclosure of advertising revenue fell in the third quarter, analysts said.",
    ],
    Kind.SHORT: ["Next."],  # a bare "Next." is still a button
}


@pytest.mark.parametrize(("line", "kind"), [(line, kind) for kind, lines in LINES.items() for line in lines])
def test_a_line_is_classified_by_its_shape(line: str, kind: Kind) -> None:
    assert classify(0, line).kind is kind


def test_an_invisible_character_alone_on_a_line_is_no_line() -> None:
    # A zero-width space or a byte-order mark alone is no line; U+2063 after a sentence stays with it.
    page = "Heat the oil in a wok.\u2063\n\u200b\n\ufeff\nAdd the noodles and stir.\u2063\n"
    texts = [ln.text for ln in page_lines(page)]
    assert texts == ["Heat the oil in a wok.\u2063", "Add the noodles and stir.\u2063"]


def test_a_long_lower_case_line_without_its_full_stop_is_a_paragraph() -> None:
    # A <br> inside the paragraph cut it mid-sentence; the glued "work.Dolphin" is one word.
    cut = (
        "The resort is yet again exercising its commitment as a good corporate citizen by doing its "
        "part to assist local non-profit organizations by donating much needed supplies to assist in "
        "their community work.The centre recently donated medical supplies to assist the shelter for"
    )
    assert classify(0, cut).kind is Kind.PROSE
    # A run of link labels as long is capitalised: no paragraph.
    labels = "Home News Sport Business Travel Culture Weather Video Live Opinion"
    menu = " ".join([labels] * 3) + " Contact, About"
    assert classify(0, menu).kind is not Kind.PROSE


def test_a_lede_cut_at_a_line_break_is_kept_with_the_body() -> None:
    lede = (
        "The regional water authority is yet again asking every household in the valley to use less "
        "water as the dry summer drags on.It is doing its part by repairing leaking mains in three "
        "towns before the end of the month with the work paid for by the"
    )
    page = "\n\n".join(
        ["Home", "WATER AUTHORITY ASKS VALLEY TO SAVE WATER", "Share |", "April 21, 2022", lede, *PARAS]
    )
    ex = clean_pasted(page)
    assert lede in f"{ex.subtitle}\n{ex.text}"
    assert ex.title == "WATER AUTHORITY ASKS VALLEY TO SAVE WATER"


def test_counts_menus_and_cut_labels_are_no_headline() -> None:
    def title(*header: str) -> str | None:
        return clean_pasted("\n\n".join(["Menu", *header, *PARAS])).title

    # A reading-time label under the byline-and-date block, below a short title.
    count = "21 minutes - 4312 words"
    assert title("Managing Reservoir Levels", "By John Walk - January 10, 2020", count) != count
    # A wiki's action menu, ruled with dashes, right above the text.
    menu = "More Actions: Raw Text Print View ------------------------ Check Spelling Like Pages Site Map"
    assert title("Reservoir levels fall to a twenty-year low", menu) != menu
    # A recipe card's label that runs on into the ingredients list is no headline.
    assert title("Roasted Chicken with Oriental Rice with", "1 large or 1200 g whole chicken") != (
        "Roasted Chicken with Oriental Rice with"
    )


def test_a_button_under_the_dateline_gives_way_to_the_headline_over_it() -> None:
    # A recipe post: the "Jump to Recipe" and "Print Recipe" buttons pasted as one line.
    headline = "Vegan Styled Char Kway Teow (Stir Fry Flat Rice Noodles)"
    page = "\n\n".join(["SHOP", headline, "September 28, 2020", "Jump to RecipePrint Recipe", *PARAS])
    assert clean_pasted(page).title == headline


def test_a_headline_over_its_date_inside_the_run_opens_the_article() -> None:
    # A blog's sidebar bio, set as sentences, runs into the post: the post starts at its header.
    bio = [
        "I created a platform for contributing to open source, and I write about performance.",
        "I help maintain two web servers and an asset library.",
    ]
    headline = "Pair With Me: A Linter Rule that Detects Duplicate Allocations"
    page = "\n\n".join([*bio, "© Jane Roe", headline, "09 Oct 2018", "Twitter", "Reddit", *PARAS])
    ex = clean_pasted(page)
    assert ex.title == headline
    assert bio[0] not in ex.text
    assert ex.text.startswith(PARAS[0])


def test_a_short_title_over_a_signed_byline_is_the_title() -> None:
    # Three capitalised words alone are usually a name or a section; over "By <name> - <date>"
    # the name is given, so they are the title. Over a bare date they still are not.
    signed = ["Menu", "Managing Python Environments", "By John Walk - January 10, 2020", *PARAS]
    assert clean_pasted("\n\n".join(signed)).title == "Managing Python Environments"
    bare = ["Menu", "Adam Clark Estes", "January 10, 2020", *PARAS]
    assert clean_pasted("\n\n".join(bare)).title != "Adam Clark Estes"


def test_a_deck_the_body_tells_again_is_the_standfirst_not_a_paragraph() -> None:
    # Tabloids set the lede's second sentence, without its full stop, above the text as the deck;
    # at 30 words it reads like running text, yet the body says it again word for word.
    deck = (
        "The reservoir, which serves three towns and their farms in the valley, fell to its lowest "
        "level in twenty years, the regional water authority said, after a summer with almost no rain"
    )
    title = "Reservoir at a twenty-year low"
    page = "\n".join([title, "10 Jun 2013 09:10", deck, PARAS[1], deck + ".", PARAS[2]])
    got = clean_pasted(page)
    assert got.text.count("lowest level in twenty years") == 1
    assert any(r.reason == "standfirst repeated in the body" for r in got.removed)
