"""The title of a pasted page is the line the page names again in another structure (its
breadcrumbs, a "previous / next" bar, the heading of its comments), not a label or a kicker
nearer the body that the page names nowhere else; a button set under every embed is no title."""

from __future__ import annotations

from storyline.reading.header import title_repeated
from storyline.reading.pasted import clean_pasted, page_lines


def _step(k: int) -> str:
    """A paragraph of a recipe blog's post, of about 200 characters."""
    return (
        f"Im Schritt {k + 1} rührst du die Butter mit dem Zucker schaumig, gibst die Eier nach und "
        "nach dazu und hebst zuletzt das Mehl unter, bis ein glatter Teig entsteht, der nicht mehr "
        "am Löffel klebt."
    )


TITLE = "Apfelkuchen mit Streuseln vom Blech"
TOP = ["Startseite", "Rezepte", "Kuchen", f"Startseite > Kuchen > {TITLE}", TITLE]
KICKER = "Omas bestes Rezept für den Herbst"
END = ["Teilen", "Facebook", "Pinterest", f"3 Gedanken zu „{TITLE}“", "Kommentar schreiben"]


def test_the_line_the_page_names_again_is_the_title() -> None:
    page = [*TOP, KICKER, "Lesezeit 4 Minuten", *(_step(k) for k in range(5)), *END]
    assert clean_pasted("\n\n".join(page)).title == TITLE


def test_a_notice_set_under_every_embed_is_no_title() -> None:
    # The headline is named nowhere else; an embed's notice is set over the body and again under
    # each embed in it. (Set only twice, once above and once below, it would be taken: a miss.)
    notice = "Dieser Inhalt ist leider nicht verfügbar"
    body = [_step(k) for k in range(6)]
    page = ["Startseite", "Kuchen", TITLE, "Von Anna Beispiel", notice, "Foto: Anna Beispiel"]
    page += [*body[:2], notice, *body[2:4], notice, *body[4:], "Impressum"]
    lines = page_lines("\n\n".join(page))
    i = next(ln.pos for ln in lines if ln.text == body[0])
    title = next(ln for ln in lines if ln.text == TITLE)
    assert title_repeated(lines, i, title) is None
    assert title_repeated(lines, i, None) is None
    # Named again in a breadcrumb, the headline is the title the page repeats.
    lines = page_lines("\n\n".join([f"Startseite > {TITLE}", *page]))
    assert title_repeated(lines, i + 1, None) is title_repeated(lines, i + 1, lines[6]) is lines[3]
