"""The model's rule lemmatizer with a memo that works.

spaCy's ``Lemmatizer`` keeps a cache keyed by (word, POS, morphology), but builds a morphology
object for every token to make the key and skips the cache on its commonest path (a base form:
every singular noun). That is a tenth of the main pass. The lemma is a function of those three
values alone, so this component reads them as one array, looks each token up in its own memo and
asks the lemmatizer only for triples it has not seen. Same lemmas, token for token
(``tests/test_pipeline.py`` compares them with a plain pipeline's).

A triple not seen yet is slow too: the rules test each candidate form with ``form in index``, and
the index is a list of up to 57,000 words (about 0.1 ms per token). The lists are wrapped in
``IndexList``, still a list (the tables serialise as before) whose ``in`` is a set lookup.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from storyline.annotation.swap import swap_in

MEMO_SIZE = 200_000  # (word, POS, morphology) triples remembered before the memo starts over


class IndexList(list[str]):
    """A lemma index as the lookups table stores it, with a set's ``in``."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._words


class MemoLemmatizer:
    """Sets the wrapped rule lemmatizer's lemmas through a memo by (word, POS, morphology)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index):
                if not isinstance(index[pos], IndexList):
                    index[pos] = IndexList(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer.mode != "rule" or not len(doc):
            return self.lemmatizer(doc)
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue  # set by the attribute ruler's exceptions
            key = (orth, pos, morph)
            found = self.memo.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(self.memo) >= MEMO_SIZE:
                    self.memo.clear()
                self.memo[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], cast(Any, lemmas.reshape(-1, 1).astype(numpy.uint64)))
        return doc


@Language.factory("storyline_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer | Lemmatizer:
    """Built from the pipeline's own lemmatizer, which ``speed_up`` keeps as ``_lemmatizer``."""
    lemmatizer = nlp.get_pipe("_" + name)
    assert isinstance(lemmatizer, Lemmatizer)
    return MemoLemmatizer(lemmatizer)


def speed_up(nlp: Language) -> None:
    """Swap the pipeline's ``lemmatizer`` for the memoised one, keeping its name and place."""
    swap_in(nlp, "lemmatizer", Lemmatizer, "storyline_lemmatizer")
