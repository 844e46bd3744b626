"""Long texts: annotated in pieces with the same result as whole, and sentence splitting linear."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from conftest import SEED_A, SEED_B
from storyline.annotation import annotate_many, pieces
from storyline.annotation.sentences import split_sentences
from storyline.model import Article


def _seed_text() -> str:
    from storyline.reading import read

    return "\n\n".join(read(p).text for p in (SEED_A, SEED_B))


def test_cuts_cover_the_text_at_paragraph_and_sentence_breaks() -> None:
    text = _seed_text()
    spans = pieces.cuts(text, size=2000)
    assert len(spans) > 5
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == prev_b for (_, prev_b), (a, _) in itertools.pairwise(spans))
    assert all(b - a <= 2000 for a, b in spans)
    sentence_starts = {a for a, _ in split_sentences(text)}
    # every cut falls where a paragraph or a sentence starts, never inside a word
    for _, b in spans[:-1]:
        assert text[b - 1] == "\n" or b in sentence_starts


def test_one_paragraph_without_stops_is_cut_at_spaces() -> None:
    text = "word " * 1000
    spans = pieces.cuts(text, size=700)
    assert all(text[b - 1] == " " for _, b in spans[:-1])
    assert "".join(text[a:b] for a, b in spans) == text
    assert [b - a for a, b in pieces.cuts("x" * 2500, size=1000)] == [1000, 1000, 500]


def test_pieces_annotate_like_the_whole_text(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seeds annotated in pieces of 2,000 characters give the same sentences, names, quotes,
    figures and dates (with the same offsets) as annotated whole."""
    article = Article(id="both", text=_seed_text(), published="2021-12-08")
    whole = next(annotate_many([article], nlp))
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)
    cut = next(annotate_many([article], nlp))
    assert len(pieces.cuts(article.text, 2000)) > 5
    assert cut.sentences == whole.sentences
    assert cut.entities == whole.entities
    assert cut.quotes == whole.quotes and len(whole.quotes) > 10
    assert cut.quantities == whole.quantities
    assert cut.timeline == whole.timeline


def test_text_over_spacy_limit_is_annotated(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text over the model's ``max_length`` (spaCy refuses it whole: error E088) between two
    short ones: all three annotated, in order, with offsets into the long text. The limits are
    lowered for the test (1,000,000 and 20,000 in use) to keep it quick."""
    monkeypatch.setattr(nlp, "max_length", 40_000)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 10_000)
    sentence = 'Mayor Ana Ruiz said on Tuesday that "the bridge will reopen" after 14 months. '
    long_text = (sentence * 20 + "\n\n") * 40
    assert len(long_text) > nlp.max_length
    short = Article(id="a", text=sentence)
    out = list(annotate_many([short, Article(id="long", text=long_text), short], nlp))
    assert [a.id for a in out] == ["a", "long", "a"]
    big = out[1]
    assert len(big.sentences) == 20 * 40
    assert big.sentences[-1].end == len(long_text.rstrip())
    assert len(big.quotes) == 20 * 40
    last = big.quotes[-1]
    assert long_text[last.start : last.end] == "the bridge will reopen"
    assert (last.speaker, last.speaker_key) == (out[0].quotes[0].speaker, out[0].quotes[0].speaker_key)
    assert "Ana Ruiz" in str(last.speaker)


def test_a_megabyte_paragraph_splits_whole() -> None:
    """A 1 MB paragraph is split (the splitter once rescanned the paragraph at each full stop,
    hours for this one; ``bench/bench_long.py`` times it)."""
    unit = "Dr. Smith met the U.S. team on Dec. 3 in Washington. They agreed, he said. "
    text = unit * 14000
    spans = split_sentences(text)
    assert len(spans) == 2 * 14000
    assert spans[-1][1] == len(text.rstrip())
