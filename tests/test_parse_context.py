"""The cross-check parses a sentence of a report annotated in the same process from the
annotation's main pass (its tags, names and tok2vec tensor in context), by the parser alone; a
report read back from a library, not annotated here, is parsed sentence by sentence as before."""

from __future__ import annotations

from typing import Any

import numpy
import pytest

from storyline.annotation import annotate_many
from storyline.annotation import kept as kept_module
from storyline.annotation.kept import keep, kept
from storyline.crosscheck.agents import acts, shared_acts
from storyline.crosscheck.facts import sentence_facts
from storyline.crosscheck.predicates import Docs, in_articles
from storyline.model import Article, content_id

TEXT = (
    "Police said a man was shot in the leg on Main Street late Saturday. Someone approached him at a "
    "gas station and shot him in his hand, a witness said. He was found by two friends and taken to a "
    "hospital in stable condition."
)


def test_sentences_parsed_in_their_article(nlp: Any) -> None:
    """Each sentence's parse carries the main pass's tensor (no second tok2vec, tagger or NER run)
    and gives the same doers as the sentence parsed alone."""
    [ann] = annotate_many([Article(id=content_id("A", TEXT), text=TEXT, source="A")], nlp)
    main = kept(TEXT)
    assert main is not None and main.text == TEXT
    facts = sentence_facts(ann, 0)
    placed = in_articles([TEXT], [[(f.start, f.end, f.text) for f in facts]])
    assert set(placed) == {f.text for f in facts} and len(facts) == 3
    inside = Docs(nlp, placed)([f.text for f in facts])
    alone = list(nlp.pipe(f.text for f in facts))
    for f, a, b in zip(facts, inside, alone, strict=True):
        span = placed[f.text]
        assert numpy.array_equal(a.tensor, main.tensor[span.start : span.end])
        assert a.has_annotation("DEP") and [t.text for t in a] == [t.text for t in b]
        assert [(t.pos_, t.lemma_) for t in a] == [(t.pos_, t.lemma_) for t in span]  # what shared_acts reads
        assert acts(a) == acts(b)
    done = {(x.act, x.doer.text) for d in inside for x in acts(d)}
    assert done == {("approach", "Someone"), ("shoot", "Someone"), ("find", "two friends")}


def test_what_is_not_kept_is_parsed_alone(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text not annotated here, a span off its tokens, a Doc without its tensor, the oldest
    articles past the token budget: not placed."""
    assert in_articles(["Never annotated here."], [[(0, 5, "Never")]]) == {}
    [_] = annotate_many([Article(id=content_id("B", TEXT), text=TEXT, source="B")], nlp)
    assert in_articles([TEXT], [[(1, 6, "olice")]]) == {}
    bare = "A doc from the tokenizer alone has no tensor."
    keep(bare, nlp.make_doc(bare))
    assert kept(bare) is None
    monkeypatch.setattr(kept_module, "KEPT_TOKENS", 40)  # one of the texts below (26 tokens), not two
    first, second = (f"{n} was shot in the arm on Main Street, police said. " * 2 for n in ("Smith", "Jones"))
    list(annotate_many([Article(id=content_id(t, t), text=t, source="C") for t in (first, second)], nlp))
    assert kept(first) is None and kept(second) is not None


def test_only_acts_another_report_tells_are_parsed(nlp: Any) -> None:
    """A sentence whose verbs no other report has tells no act to compare: left unparsed, from the
    tags alone, whether its report was annotated here or is parsed sentence by sentence."""
    other = "A passer-by found the man near the store. Officers closed the road for hours."
    arts = [Article(id=content_id(s, t), text=t, source=s) for s, t in (("A", TEXT), ("B", other))]
    anns = list(annotate_many(arts, nlp))
    facts = [sentence_facts(a, i) for i, a in enumerate(anns)]
    told = [[(f.start, f.end, f.text) for f in fs] for fs in facts]
    for placed in (in_articles([TEXT, other], told), {}):
        kept_a, kept_b = shared_acts(facts, Docs(nlp, placed))
        assert [f.text for f in kept_a] == [facts[0][2].text]  # "He was found by two friends"
        assert [f.text for f in kept_b] == [facts[1][0].text]
