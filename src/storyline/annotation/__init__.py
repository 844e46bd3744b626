"""bytes → Article was reading; this stage is Article → AnnotatedArticle.

``load_nlp()`` once, then ``annotate_many(articles, nlp)`` (batches through ``nlp.pipe``) or
``annotate(article, nlp=nlp)``. ``key_for(name, label)`` and ``same_entity(a, b)`` compare names
and keys across documents (key format in ``names``); ``split_sentences(text)`` is the splitter.
"""

from __future__ import annotations

from storyline.annotation.names import key_for, same_entity
from storyline.annotation.pipeline import annotate, annotate_many, ensure_annotated, load_nlp
from storyline.annotation.sentences import split_sentences

__all__ = [
    "annotate",
    "annotate_many",
    "ensure_annotated",
    "key_for",
    "load_nlp",
    "same_entity",
    "split_sentences",
]
