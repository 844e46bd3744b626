"""The main-pass Docs of the articles annotated last in this process, by their text, for the
cross-check that follows (``compare``, an add's check, the web app).

The main pass has tagged, lemmatised and named every token of an article and holds its tok2vec
tensor, so the cross-check's parse of any of its sentences costs only the parser over a sentence
Doc cut from it (``pipeline.sentence_docs``), a fifth of running the whole pipeline on the
sentence alone. Kept by text, not by object: a library reads an article's annotation back as a
new object, and one text gives one main pass. A long article, annotated piece by piece without
its tensor (``pieces``), is not kept; the oldest go past ``KEPT_TOKENS``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from spacy.tokens import Doc

KEPT_TOKENS = 64_000  # about 40 MB (600 bytes a token): an add's batch of news, e.g. basil-dev's 76 reports
_docs: OrderedDict[str, Doc] = OrderedDict()
_tokens = 0
_lock = threading.Lock()  # the web app annotates in its worker threads


def keep(text: str, doc: Doc) -> None:
    """Keep an article's main-pass ``doc`` (of ``text``) while it is among the last annotated."""
    global _tokens
    if doc.tensor is None or not doc.tensor.size:
        return
    with _lock:
        if text in _docs:
            _tokens -= len(_docs.pop(text))
        _docs[text] = doc
        _tokens += len(doc)
        while _tokens > KEPT_TOKENS and len(_docs) > 1:  # the oldest first
            _tokens -= len(_docs.popitem(last=False)[1])


def kept(text: str) -> Doc | None:
    """The main-pass Doc of an article with this text annotated lately in this process, or None."""
    return _docs.get(text)
