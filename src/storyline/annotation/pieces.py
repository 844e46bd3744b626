"""Long texts annotated in pieces, and the pieces joined back into one ``Doc``.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000) and its memory grows with the
longest text in a batch, yet a 20 MB file is a legal input (a book-length report, a transcript
pasted whole). A text longer than ``PIECE_CHARS`` is therefore cut where a reader would pause —
a paragraph break, else a sentence boundary, else a space — each piece runs through the pipeline
like a short article, and ``Doc.from_docs`` joins the pieces with their tags, entities, sentence
starts and tensors. Cutting only at paragraph or sentence boundaries keeps the annotations the
same as on the whole text: storyline's sentence splitter and the annotators never look across a
sentence boundary, and a paragraph break always ends a sentence.
"""

from __future__ import annotations

import numpy
from spacy.tokens import Doc

from storyline.annotation.sentences import split_sentences

# About 4,000 tokens: the tagger's and NER's working memory grows with the longest text in a batch
# (a 200 KB paragraph peaked at 660 MB in 100,000-character pieces, 300 MB in these); longer news
# features take this path too, with the same annotations.
PIECE_CHARS = 20_000


def is_long(text: str) -> bool:
    """Whether ``text`` is annotated in pieces."""
    return len(text) > PIECE_CHARS


def cuts(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` pieces covering ``text`` exactly, each at most ``size`` (``PIECE_CHARS``)
    characters and at least half of it (but the last), cut at the latest paragraph break,
    sentence start or space in the second half of the window."""
    size = size or PIECE_CHARS
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut_point(text, start, start + size)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut_point(text: str, start: int, limit: int) -> int:
    low = start + max(1, (limit - start) // 2)
    newline = text.rfind("\n", low, limit)
    if newline != -1:
        return newline + 1
    # The window's first span may start mid-sentence (where the window starts); the others are
    # sentence starts, and the last one may run past the window: cut before it.
    starts = [a for a, _ in split_sentences(text[low:limit])[1:]]
    if starts:
        return low + starts[-1]
    space = max(text.rfind(" ", low, limit), text.rfind("\t", low, limit))
    return space + 1 if space != -1 else limit


def without_tensor(doc: Doc) -> Doc:
    """``doc`` without its tok2vec tensor (384 bytes a token): once a piece's sentences are
    parsed nothing reads it, and a 20 MB text holds millions of tokens."""
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc


def join(docs: list[Doc]) -> Doc:
    """The pieces as one ``Doc`` whose text is the pieces' texts end to end (no space added),
    without tensors (see ``without_tensor``)."""
    # spaCy's stub lacks ``exclude`` (spaCy 3.8 has it)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["user_data", "tensor"])  # type: ignore[call-arg]
    assert joined is not None
    return joined
