"""One plain sentence per finding, naming the outlets and the values a reader needs at a glance."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.crosscheck.align import Group
from storyline.crosscheck.links import Side
from storyline.crosscheck.quotes import read_alike, wording_change, words_as_written

MAX_QUOTE = 90


def _short(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _names(sides: Sequence[Side], outlets: Sequence[str]) -> str:
    seen: list[str] = []
    for s in sides:
        if outlets[s.source] not in seen:
            seen.append(outlets[s.source])
    if len(seen) <= 2:
        return " and ".join(seen)
    return ", ".join(seen[:-1]) + " and " + seen[-1]


def _versions(g: Group, outlets: Sequence[str], fmt: str = "“{}”") -> str:
    parts = [f"{outlets[s.source]} {fmt.format(_short(s.value_text, 60))}" for s in g.sides]
    return ", ".join(parts[:-1]) + " against " + parts[-1] if len(parts) > 1 else parts[0]


def _word_diff(a: str, b: str) -> str:
    """The words that differ, as the aligned diff of the two quotes finds them, and whether one
    quote is a part of the other (the diff then sets the shorter against the part it quotes);
    said in words when no word differs, never as an empty pair."""
    _, only_a, only_b = wording_change(a, b)
    said = []
    if only_a or only_b:
        said.append(f"“{' '.join(only_a[:6]) or '—'}” / “{' '.join(only_b[:6]) or '—'}”")
    # the words the diff aligned, one to one when it set the whole quotes against each other
    if len(words_as_written(a)) - len(only_a) != len(words_as_written(b)) - len(only_b):
        said.append("one quote is part of the other")
    return f" ({'; '.join(said or ['the same words, punctuated differently'])})"


def _most_alike_differing(sides: Sequence[Side]) -> tuple[str, str]:
    """The two wordings (of different sources) whose difference is a swap of words rather than
    one quoting more than the other, and smallest: the difference a reader should see first."""
    best: tuple[tuple[int, int], str, str] | None = None
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if a.source == b.source:
                continue
            _, only_a, only_b = wording_change(a.value_text, b.value_text)
            if not only_a and not only_b and a.value_text == b.value_text:
                continue
            # a swap of words first, then words one has, then what only looks different: a
            # clitic or spelling ("I’m" / "I"), punctuation, one quote part of the other
            tier = 2 if read_alike(only_a, only_b) else 0 if only_a and only_b else 1
            rank = (tier, len(only_a) + len(only_b))
            if best is None or rank < best[0]:
                best = (rank, a.value_text, b.value_text)
    return (best[1], best[2]) if best else (sides[0].value_text, sides[-1].value_text)


def _event(sides: Sequence[Side]) -> str:
    """What the dated values belong to: each annotated event word once, as the first sentence
    holding it words it ("talk" → "talks"); "" when none is known."""
    named: dict[str, str] = {}
    for s in sides:
        if not s.about or s.about.lower() in named:
            continue
        stem = s.about.lower().removesuffix("e")  # "decide" → "decid": "decided", "decision"
        words = re.findall(r"[\w’'-]+", s.text)
        word = next((w for w in words if w.lower().startswith(stem) and len(w) <= len(s.about) + 4), s.about)
        named[s.about.lower()] = word
    return " / ".join(f"“{w}”" for w in list(named.values())[:2])


def conflict_summary(g: Group, outlets: Sequence[str]) -> str:
    """Say what differs and how each source puts it."""
    if g.aspect == "number":
        return f"The figures differ: {_versions(g, outlets)}."
    if g.aspect == "date":
        event = _event(g.sides)
        what = f"give different days for {event}" if event else "place this on different days"
        return f"The sources {what}: {_versions(g, outlets)}."
    if g.aspect in ("quote", "wording"):
        diff = _word_diff(*_most_alike_differing(g.sides)) if len(g.sides) > 1 else ""
        if g.aspect == "wording":
            return f"The same remark, worded slightly differently{diff}: {_versions(g, outlets)}."
        return f"The same remark is quoted in different words{diff}: {_versions(g, outlets)}."
    if g.aspect == "role":
        return f"The same person is given different roles: {_versions(g, outlets, '{}')}."
    if g.aspect == "place":
        event = _event(g.sides)
        what = f"place {event} in different places" if event else "place this in different places"
        return f"The sources {what}: {_versions(g, outlets, '{}')}."
    if g.aspect == "speaker":
        who = ", ".join(f"{outlets[s.source]} credits {s.value_text or 'nobody named'}" for s in g.sides)
        return f"The same words are credited to different people: {who}."
    told = _PARTICIPANT.get(str(g.sides[0].key[2]) if len(g.sides[0].key) > 2 else "")
    if g.aspect == "claim" and told:
        return f"{told}: {_versions(g, outlets)}."
    return f"The sources contradict each other: {_versions(g, outlets, '{}')}."


# what a conflict on a participant of the incident is about, by its key (``participants``, ``wounds``)
_PARTICIPANT = {
    "kind": "The sources describe the same person differently",
    "weapon": "The sources name different weapons",
    "wound": "The sources place the wound differently",
}


def agree_summary(g: Group, outlets: Sequence[str]) -> str:
    """Say who agrees on what."""
    who = _names(g.sides, outlets)
    if g.aspect == "number":
        return f"{who} agree on the figure: {_versions(g, outlets).replace(' against ', ', ')}."
    if g.aspect == "date":
        return f"{who} agree on the date: {_versions(g, outlets).replace(' against ', ', ')}."
    if g.aspect in ("quote", "speaker"):
        # the words every source quotes: the shortest version (the others hold it, or differ
        # from it only in transcription)
        words = g.sides[0].value_text
        if g.aspect == "quote":
            words = min((s.value_text for s in g.sides if s.value_text), key=len, default=words)
        return f"{who} quote the same words: “{_short(words)}”."
    return f"{who} report the same: {_short(g.sides[0].text)}"


def unique_summary(outlet: str, text: str) -> str:
    return f"Only {outlet} reports: {_short(text)}"
