"""The main-pass Docs of the articles annotated last in this process, by their text, for the
cross-check that follows (``compare``, an add's check, the web app).

The main pass has tagged, lemmatised and named every token of an article and holds its tok2vec
tensor, so the cross-check's parse of any of its sentences costs only the parser over a sentence
Doc cut from it (``pipeline.sentence_docs``), a fifth of running the whole pipeline on the
sentence alone. Kept by text, not by object: a library reads an article's annotation back as a
new object, and one text gives one main pass. A long article, annotated piece by piece without
its tensor (``pieces``), is not kept.
"""

from __future__ import annotations

from collections import OrderedDict

from spacy.tokens import Doc

RECENT = 32  # articles kept: a compare's reports or an add's batch; about half a MB each
_docs: OrderedDict[str, Doc] = OrderedDict()


def keep(text: str, doc: Doc) -> None:
    """Keep an article's main-pass ``doc`` (of ``text``) while it is among the last annotated."""
    if doc.tensor is None or not doc.tensor.size:
        return
    _docs[text] = doc
    _docs.move_to_end(text)
    while len(_docs) > RECENT:  # the oldest first; popitem is one step for the web app's threads
        try:
            _docs.popitem(last=False)
        except KeyError:  # another thread emptied it meanwhile
            break


def kept(text: str) -> Doc | None:
    """The main-pass Doc of an article with this text annotated lately in this process, or None."""
    return _docs.get(text)
