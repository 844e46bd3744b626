"""What was done at a date (``annotation.event_phrase.deed_lemmas``), and how the same-event
decision weighs it (``crosscheck.events``): reports of one deed name it with other words around
it, one by the day it was told and one by the day it was done ("said Tuesday they had subpoenaed"
/ "issued subpoenas on Tuesday"), on sentences of real reports (basil-dev, gva-dev)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.annotation import annotate_many
from storyline.annotation.event_phrase import deed_lemmas
from storyline.annotation.timex import find_matches
from storyline.crosscheck.candidates import Pair, overlap
from storyline.crosscheck.events import event_features, event_vectors
from storyline.crosscheck.facts import sentence_facts
from storyline.model import Article
from storyline.store.codec import annotated_from_dict

CASES = [
    # basil-dev's Flynn subpoenas, told three ways: a noun, a telling, a light verb with its object
    ("The Senate committee responded with two additional subpoenas on Tuesday targeting Flynn's businesses.",
     "Tuesday", "subpoena"),
    ("The leaders of the Senate intelligence committee said Thursday they had subpoenaed two of former "
     "National Security Adviser Michael Flynn's businesses.", "Thursday", "subpoena"),
    ("The top Republican and Democrat on the Senate Intelligence Committee issued subpoenas Thursday "
     "afternoon to Mr. Flynn's two firms.", "Thursday afternoon", "subpoena"),
    # the verb it takes: basil-dev's Akin, and a telling whose deed has a preposition's object
    ("But Mr. Akin on Tuesday refused to step down from his race.", "Tuesday", "refuse step race"),
    ("Flynn's lawyer said on Monday that Flynn would not comply with subpoenas from the committee.",
     "Monday", "comply subpoena"),
    # gva-dev: the deed told after the telling
    ("Peter Strzok has been fired for violating bureau policies, Mr. Strzok's lawyer said Wednesday.",
     "Wednesday", "fire"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expr", "want"), CASES)
def test_a_date_names_what_was_done(nlp: Any, sentence: str, expr: str, want: str) -> None:
    doc = nlp(sentence)
    spans = [(m.start, m.end) for m in find_matches(sentence)]
    at = sentence.index(expr)
    assert deed_lemmas(doc, at, at + len(expr), spans) == want


def test_the_timeline_carries_the_deed(nlp: Any) -> None:
    text = "The committee issued subpoenas on Tuesday to Mr. Flynn's two firms. It rained."
    (ann,) = annotate_many([Article(id="x", text=text, published="2017-05-24")], nlp)
    (entry,) = ann.to_dict()["timeline"]
    assert entry["deed"] == "subpoena"
    assert annotated_from_dict(ann.to_dict()).timeline == ann.timeline  # a library keeps it


def _features(nlp: Any, embedder: Any, a: str, b: str) -> dict[str, float]:
    arts = annotate_many(
        [
            Article(id=f"x{i}", text=t, source=f"Outlet {i}", published="2017-05-24")
            for i, t in enumerate((a, b))
        ],
        nlp,
    )
    (fa, fb) = [next(f for f in sentence_facts(art, i) if f.dates) for i, art in enumerate(arts)]
    va, vb = embedder.embed([fa.text, fb.text])
    pair = Pair(fa, fb, float(va @ vb), overlap(fa, fb))
    return event_features(fa.dates[0], fb.dates[0], pair, event_vectors([fa, fb], embedder))


def test_the_day_told_and_the_day_done_meet_on_the_deed(nlp: Any, embedder: Any) -> None:
    """The committee's telling and its issuing share the deed, so the telling is not held against
    them as a saying beside an act; Akin's refusal and Huckabee's radio show do not."""
    said = CASES[1][0]
    issued = CASES[2][0]
    feats = _features(nlp, embedder, said, issued)
    assert (feats["deed_same"], feats["deeds_named"], feats["says_one"]) == (1.0, 1.0, 0.0)
    refused = CASES[3][0]
    show = "Akin told Mike Huckabee on his radio show Tuesday afternoon that he's staying in."
    feats = _features(nlp, embedder, refused, show)
    assert feats["deed_same"] == 0.0
