"""What a dated telling tells (``annotation.event_phrase.told_phrase``), and how the same-event
decision reads it (``crosscheck.events``): news dates a deed by the day it was announced as often
as by the day it was done ("said Tuesday they had subpoenaed" / "issued subpoenas on Tuesday"), on
sentences of real reports (gva-dev local news, basil-dev)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from storyline.annotation import annotate_many
from storyline.annotation.event_phrase import told_phrase
from storyline.annotation.timex import find_matches
from storyline.crosscheck.candidates import Pair, overlap
from storyline.crosscheck.events import event_features, event_vectors
from storyline.crosscheck.facts import sentence_facts
from storyline.model import Article
from storyline.store.codec import annotated_from_dict

CASES = [
    # gva-dev: a spokesman's day, and what the office told then
    ("Officials with the county Prosecutor's Office said Monday the arraignment to formally charge the two "
     "suspects has not yet been scheduled.", "Monday", "the arraignment has not been scheduled"),
    ("Villanueva said Monday he doesn't know the current conditions of the survivors.", "Monday",
     "he doesn't know the conditions of the survivors"),
    # basil-dev: the committee's day of telling, and the deed it told of
    ("The leaders of the Senate intelligence committee said Tuesday they had subpoenaed two of former "
     "National Security Adviser Michael Flynn's businesses.", "Tuesday", "they had subpoenaed two"),
    # the telling after what it tells
    ("Peter Strzok has been fired for violating bureau policies, Mr. Strzok's lawyer said Wednesday.",
     "Wednesday", "Peter Strzok has been fired"),
    # no telling: the act itself is dated
    ("Police arrested Gomes on Tuesday night after a standoff.", "Tuesday night", None),
    # the date inside what is told dates the told act, not a telling
    ("The mayor said the bridge will reopen on Friday.", "Friday", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expr", "want"), CASES)
def test_a_telling_names_what_it_tells(nlp: Any, sentence: str, expr: str, want: str | None) -> None:
    doc = nlp(sentence)
    spans = [(m.start, m.end) for m in find_matches(sentence)]
    at = sentence.index(expr)
    got = told_phrase(doc, at, at + len(expr), spans)
    assert got == want if want is None else (got or "").replace("’", "'") == want


def test_the_timeline_carries_what_was_told(nlp: Any) -> None:
    text = (
        "The leaders of the Senate intelligence committee said Tuesday they had subpoenaed two of Michael "
        "Flynn's businesses. The committee issued subpoenas on Tuesday to Mr. Flynn's two firms."
    )
    (ann,) = annotate_many([Article(id="x", text=text, published="2017-05-24")], nlp)
    told = {t.text + str(t.offset[0]): t.told for t in ann.timeline}
    assert list(told.values()) == ["they had subpoenaed two of Michael Flynn's businesses", None]
    entries = ann.to_dict()["timeline"]
    assert entries[0]["told"] == told[entries[0]["text"] + str(entries[0]["offset"][0])]
    assert "told" not in entries[1]
    assert annotated_from_dict(ann.to_dict()).timeline == ann.timeline  # a library keeps it


def _act_sim(nlp: Any, embedder: Any, a: str, b: str, told: bool = True) -> float:
    """The dated acts' similarity the same-event decision weighs, with or without what is told."""
    arts = annotate_many(
        [
            Article(id=f"x{i}", text=t, source=f"Outlet {i}", published="2017-05-24")
            for i, t in enumerate((a, b))
        ],
        nlp,
    )
    (fa, fb) = [next(f for f in sentence_facts(art, i) if f.dates) for i, art in enumerate(arts)]
    if not told:
        fa, fb = (
            replace(f, dates=tuple(replace(d, time=replace(d.time, told=None)) for d in f.dates))
            for f in (fa, fb)
        )
    vectors = event_vectors([fa, fb], embedder)
    va, vb = embedder.embed([fa.text, fb.text])
    pair = Pair(fa, fb, float(va @ vb), overlap(fa, fb))
    return event_features(fa.dates[0], fb.dates[0], pair, vectors)["act_sim"]


def test_a_telling_is_compared_by_what_it_tells(nlp: Any, embedder: Any) -> None:
    """basil-dev's Flynn subpoenas: the day the committee told of them and the day it issued them
    date one act; Trump's two announcements (a delayed address, a plan to reopen the government)
    are two, though both are "Trump announced"."""
    said = ("The leaders of the Senate intelligence committee said Tuesday they had subpoenaed two of former "
            "National Security Adviser Michael Flynn's businesses.")  # fmt: skip
    issued = "The committee issued subpoenas Tuesday afternoon to Mr. Flynn's two firms."
    assert _act_sim(nlp, embedder, said, issued) > _act_sim(nlp, embedder, said, issued, told=False) + 0.1
    delay = "Trump announced Thursday that he would delay the address."
    plan = "President Donald Trump announced Friday a short-term plan that will reopen the government."
    assert _act_sim(nlp, embedder, delay, plan) < _act_sim(nlp, embedder, delay, plan, told=False)
