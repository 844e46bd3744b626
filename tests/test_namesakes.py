"""A bare surname two named people share: the first introduced, or by the other honorific the other."""

from __future__ import annotations

from storyline.annotation.namesakes import principal_keys
from storyline.model import Entity


def _people(text: str, names: list[tuple[str, str]]) -> list[Entity]:
    out, at = [], 0
    for name, key in names:
        start = text.index(name, at)
        out.append(Entity(name, "PERSON", key, start, start + len(name)))
        at = start + len(name)
    return out


def test_bare_surname_is_the_first_introduced() -> None:
    text = "Ted Cruz spoke. His wife, Heidi Cruz, listened. Mr. Cruz said no. Cruz left."
    heidi = "person:cruz:heidi"  # as names.py keys a bare surname: by the latest full name before it
    names = [("Ted Cruz", "person:cruz:ted"), ("Heidi Cruz", heidi), ("Cruz", heidi), ("Cruz", heidi)]
    ents = _people(text, names)
    assert [e.key for e in principal_keys(text, ents)] == [
        "person:cruz:ted",
        "person:cruz:heidi",
        "person:cruz:ted",
        "person:cruz:ted",
    ]


def test_other_honorific_is_the_other_namesake() -> None:
    text = "Hillary Clinton spoke. Bill Clinton followed. Mrs. Clinton smiled. Mr. Clinton waved."
    names = [("Hillary Clinton", "person:clinton:hillary"), ("Bill Clinton", "person:clinton:bill")]
    names += [("Clinton", "person:clinton:bill"), ("Clinton", "person:clinton:bill")]
    keys = [e.key for e in principal_keys(text, _people(text, names))]
    assert keys[2:] == ["person:clinton:hillary", "person:clinton:bill"]


def test_unshared_surnames_are_left_alone() -> None:
    text = "Mike Pence spoke. Pence left."
    ents = _people(text, [("Mike Pence", "person:pence"), ("Pence", "person:pence")])
    assert principal_keys(text, ents) == ents
