"""bytes → Article was reading; this stage is Article → AnnotatedArticle.

``load_nlp()`` once, then ``annotate_many(articles, nlp)`` (batches through ``nlp.pipe``) or
``annotate(article, nlp=nlp)``.
"""

from __future__ import annotations

from storyline.annotation.pipeline import annotate, annotate_many, load_nlp

__all__ = ["annotate", "annotate_many", "load_nlp"]
