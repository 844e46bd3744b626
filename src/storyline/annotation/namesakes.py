"""Which of two people with one surname a bare surname means ("Mr. Cruz" where the article names
Ted Cruz and Heidi Cruz).

News introduces the person a story is about first, in full, and then calls them by surname alone
or with an honorific ("Mr. Cruz", "Trump"); a relative or namesake brought in later is named in
full or by first name each time ("his wife, Heidi Cruz", "Melania"). So a bare surname is the
first-introduced of its namesakes. Where the article uses both honorifics with the surname ("Mrs.
Clinton" … "Mr. Clinton"), the first honorific used goes with the first-introduced person and the
other honorific with the next one. ``names`` keys such a mention by the latest full name before it,
which credits the story's subject's words to whoever was mentioned last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyline.annotation.names import person_parts
from storyline.model import Entity

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")


def _honorific(text: str, e: Entity) -> str | None:
    """ "m" or "f" for a mention led by an honorific, in its text or just before it."""
    m = re.match(r"(Mr|Mrs|Ms|Miss)\b", e.text) or _HONORIFIC.search(text[max(0, e.start - 6) : e.start])
    if m is None:
        return None
    return "m" if m.group(1) == "Mr" else "f"


def principal_keys(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities, with each bare-surname mention of a surname shared by several named people
    keyed as the namesake it means (see the module docstring); all other entities unchanged."""
    full: dict[str, list[str]] = {}  # surname → keys of its people, in order of introduction
    bare: list[tuple[int, str, str | None]] = []  # (index, surname, honorific gender)
    for n, e in enumerate(entities):
        if e.label != "PERSON" or e.key.count(":") != 2:
            continue  # only qualified keys ("person:cruz:ted") have namesakes
        surname, first = person_parts(e.text)
        if first is not None:
            keys = full.setdefault(surname, [])
            if e.key not in keys:
                keys.append(e.key)
        else:
            bare.append((n, surname, _honorific(text, e)))
    first_gender: dict[str, str] = {}
    for _, surname, gender in bare:
        if gender is not None:
            first_gender.setdefault(surname, gender)
    out = list(entities)
    for n, surname, gender in bare:
        keys = full.get(surname, [])
        if len(keys) < 2:
            continue
        other = gender is not None and gender != first_gender.get(surname, gender)
        out[n] = replace(out[n], key=keys[1] if other else keys[0])
    return out
