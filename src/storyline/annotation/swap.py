"""Putting storyline's faster version of a model component in that component's place."""

from __future__ import annotations

from spacy.language import Language


def swap_in(nlp: Language, name: str, kind: type, factory: str) -> None:
    """Replace the component ``name`` (when it is a ``kind``) by ``factory``'s, keeping its name and
    place. The original stays in the pipeline as ``_<name>`` while the factory builds its
    replacement from it (``nlp.get_pipe("_" + name)``), then leaves."""
    current = nlp.get_pipe(name) if name in nlp.component_names else None
    if not isinstance(current, kind):
        return
    nlp.rename_pipe(name, "_" + name)
    nlp.add_pipe(factory, name=name, after="_" + name)
    nlp.remove_pipe("_" + name)
