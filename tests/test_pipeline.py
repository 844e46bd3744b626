"""The annotation pipeline end to end on the seeds: offsets, entities, keys and the seed quotes."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXPECTED_JSON
from storyline.annotation import annotate, annotate_many
from storyline.model import AnnotatedArticle, Article
from storyline.reading import read

EXPECTED = EXPECTED_JSON


@pytest.fixture(scope="module")
def seeds(seed_paths: tuple[Path, Path], nlp: Any) -> dict[str, AnnotatedArticle]:
    arts = [read(p) for p in seed_paths]
    a, b = annotate_many(arts, nlp)
    return {"a": a, "b": b}


def test_offsets_point_into_the_text(seeds: dict[str, AnnotatedArticle]) -> None:
    for ann in seeds.values():
        text = ann.text
        assert ann.sentences and ann.entities and ann.quotes
        for s in ann.sentences:
            assert text[s.start : s.end] == text[s.start : s.end].strip() != ""
        for e in ann.entities:
            assert text[e.start : e.end] == e.text
        for q in ann.quotes:
            assert text[q.start : q.end] == q.text


def test_sentences_in_order_without_overlap(seeds: dict[str, AnnotatedArticle]) -> None:
    for ann in seeds.values():
        ends = [(s.start, s.end) for s in ann.sentences]
        assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(ends))


def test_seed_quotes_have_their_speakers(seeds: dict[str, AnnotatedArticle]) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["quotes"]
    for exp in expected:
        found = [q for q in seeds[exp["source"]].quotes if exp["text"] in q.text]
        assert found, f"quote not found: {exp['text']!r}"
        speakers = [q.speaker or "" for q in found]
        assert any(alt.lower() in s.lower() for s in speakers for alt in exp["speaker"]), (
            exp["text"],
            speakers,
        )


def test_one_key_for_putin_however_named(seeds: dict[str, AnnotatedArticle]) -> None:
    for ann in seeds.values():
        keys = {e.key for e in ann.entities if "Putin" in e.text and e.label == "PERSON"}
        assert keys == {"person:putin"}


def test_keys_match_across_the_seeds(seeds: dict[str, AnnotatedArticle]) -> None:
    keys_a = {e.key for e in seeds["a"].entities}
    keys_b = {e.key for e in seeds["b"].entities}
    for key in ("person:putin", "person:biden", "person:ushakov", "name:geneva", "name:united_states"):
        assert key in keys_a and key in keys_b, key


def test_direct_and_indirect_quotes(seeds: dict[str, AnnotatedArticle]) -> None:
    quotes = seeds["a"].quotes
    pifer = [q for q in quotes if q.speaker == "Steven Pifer"]
    assert pifer and not pifer[0].direct and pifer[0].text.startswith("the Biden administration could")
    assert pifer[0].speaker_key == "person:pifer"
    psaki = [q for q in quotes if "urged Russia" in q.text]
    assert psaki[0].direct and psaki[0].cue == "said" and psaki[0].speaker_key == "person:psaki"


def test_role_descriptions_kept_as_written(seeds: dict[str, AnnotatedArticle]) -> None:
    speakers = {q.speaker for q in seeds["a"].quotes} | {q.speaker for q in seeds["b"].quotes}
    assert "White House officials" in speakers
    assert "a senior administration official" in speakers
    # the statement's author is its speaker, keyed like any organisation (issue 15)
    statement = [q for q in seeds["b"].quotes if "respond decisively" in q.text]
    assert [(q.speaker, q.speaker_key) for q in statement] == [("White House", "name:white_house")]


def test_annotate_one_and_empty_text(nlp: Any) -> None:
    ann = annotate(Article(id="x", text="Nothing was said. Nobody came."), nlp)
    assert [(s.start, s.end) for s in ann.sentences] == [(0, 17), (18, 30)]
    assert ann.quotes == ()
    empty = annotate(Article(id="e", text=""), nlp)
    assert empty.sentences == () and empty.entities == () and empty.quotes == ()


def test_to_dict_has_the_contract_fields(seeds: dict[str, AnnotatedArticle]) -> None:
    d = seeds["b"].to_dict()
    q = d["quotes"][0]
    assert set(q) == {"text", "speaker", "speaker_key", "direct", "cue", "start", "end", "affiliation"}
    assert set(d["entities"][0]) == {"text", "label", "key", "start", "end"}


_PIECES = st.sampled_from(
    [
        "said",
        "told reporters",
        "according to",
        "he said",
        "“",
        "”",
        '"',
        "'",
        "’",
        "‘",
        "\n\n",
        "Mr. Smith",
        "John Smith",
        "the official",
        ":",
        ",",
        ".",
        "?",
        "as he put it",
        "which said",
        "Gen.",
        "U.S.",
        "—",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_annotates_with_exact_offsets(nlp: Any, parts: list[str]) -> None:
    text = " ".join(parts)
    ann = annotate(Article(id="h", text=text), nlp)
    for s in ann.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for q in ann.quotes:
        assert text[q.start : q.end] == q.text
    for e in ann.entities:
        assert text[e.start : e.end] == e.text


def test_several_processes_give_the_same_result(seed_paths: tuple[Path, Path], nlp: Any) -> None:
    arts = [read(p) for p in seed_paths] * 2
    one = list(annotate_many(arts, nlp))
    two = list(annotate_many(arts, nlp, n_process=2, batch_size=1))
    assert one == two


def test_fast_attribute_ruler_gives_the_rulers_result(seed_paths: tuple[Path, Path], nlp: Any) -> None:
    import spacy

    from storyline.annotation.attributes import FastAttributes
    from storyline.annotation.pipeline import MODEL_NAMES

    plain = next(spacy.load(n) for n in MODEL_NAMES if spacy.util.is_package(n))
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributes)
    texts = [p.read_text(encoding="utf-8") for p in seed_paths]
    texts.append("I ain't gonna do it, y'all. Let's go. There is a cat. It gets better. He got ta go.")

    def attrs(doc: Any) -> list[tuple[str, ...]]:
        return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]

    for disable in ([], ["parser"]):
        ours = [attrs(d) for d in nlp.pipe(texts, disable=[*disable, "storyline_sentences"])]
        theirs = [attrs(d) for d in plain.pipe(texts, disable=disable)]
        assert ours == theirs


@pytest.mark.parametrize(
    ("trans1", "trans2", "with_out"), [(False, False, False), (True, False, True), (False, True, True)]
)
def test_blas_products_equal_thincs_on_one_thread(
    nlp: Any, trans1: bool, trans2: bool, with_out: bool
) -> None:
    import numpy
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_info

    from storyline.annotation.blas import BlasOps

    ner_ops = {type(node.ops) for node in nlp.get_pipe("ner").model.walk()}
    assert ner_ops == {BlasOps}
    rng = numpy.random.default_rng(7)
    x = rng.random((300, 96) if not trans1 else (96, 300), dtype=numpy.float32)
    y = rng.random((96, 64) if not trans2 else (64, 96), dtype=numpy.float32)
    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    out = numpy.empty((300, 64), dtype=numpy.float32) if with_out else None
    ours = BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    theirs = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert ours.shape == (300, 64)
    assert numpy.allclose(ours, theirs, rtol=1e-5, atol=1e-4)
    if with_out:
        assert ours is out
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_sentence_docs_equal_span_as_doc_across_names(seed_paths: tuple[Path, Path], nlp: Any) -> None:
    import numpy

    from storyline.annotation.pipeline import _ARRAY_HEAD, MAIN_PASS_OFF, sentence_docs

    doc = nlp(seed_paths[0].read_text(encoding="utf-8")[:3000], disable=list(MAIN_PASS_OFF))
    assert any(len(e) > 1 for e in doc.ents)
    # Sentences, and windows of 5 tokens that start and end inside multi-word names.
    spans = [*doc.sents, *(doc[i : i + 5] for i in range(0, len(doc) - 5, 3))]
    ours = sentence_docs(doc, spans)
    theirs = [s.as_doc(array_head=_ARRAY_HEAD) for s in spans]

    def view(d: Any) -> tuple[Any, ...]:
        toks = [(t.text_with_ws, t.tag_, t.pos_, str(t.morph), t.lemma_, t.ent_iob_, t.ent_type_) for t in d]
        return toks, [(e.start, e.end, e.label_) for e in d.ents]

    assert [view(d) for d in ours] == [view(d) for d in theirs]
    assert all(numpy.array_equal(a.tensor, b.tensor) for a, b in zip(ours, theirs, strict=True))
    cut = [d for d, s in zip(ours, spans, strict=True) if s[0].ent_iob_ == "I"]
    assert cut and all(d[0].ent_iob_ == "" for d in cut)  # a name cut at the start is left unannotated


def test_doc_text_is_the_docs_text_built_once(nlp: Any) -> None:
    from storyline.annotation.doctext import KEY, doc_text

    doc = nlp.make_doc("Gen. Milley said on Dec. 3 that “nothing is off the table.” ")
    assert KEY not in doc.user_data
    assert doc_text(doc) == doc.text
    assert doc.user_data[KEY] == doc.text and doc_text(doc) is doc.user_data[KEY]


def test_a_verbless_sentence_around_according_to_ends(nlp: Any) -> None:
    """Headline-style sentences with no verb ("The storm, according to officials, a disaster …")
    once sent the search for the clause "according to" hangs on up past the root for ever: spaCy
    hands out a new Token for each ``.head``, so an identity test never saw the root."""
    for text in (
        "The storm, according to officials, a disaster for the region.",
        "Ten dead, according to police, and dozens more hurt in the blast.",
    ):
        ann = annotate(Article(id="v", text=text), nlp)
        assert ann.sentences
        for q in ann.quotes:
            assert text[q.start : q.end] == q.text
