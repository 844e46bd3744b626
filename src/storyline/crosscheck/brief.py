"""The brief: the story told by its best-corroborated statements, each citing its sources."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import BriefLine, Finding, Statement

MAX_LINES = 6
# A sentence that opens on one of these leans on the sentence before it in its own report.
_LEANING = frozenset(str.split("he she it they him her them his its their this that these those such then"))


def standalone(statements: Sequence[Statement]) -> Statement:
    """The first statement that reads on its own: a brief line out of its report cannot say who
    "He" is, and another source often names the person in the same sentence."""
    for st in statements:
        words = st.text.lstrip("“\"'‘(").split()
        if words and words[0].lower().strip(",.;:") not in _LEANING:
            return st
    return statements[0]


def brief(
    findings: Sequence[Finding], sources: Sequence[str], *, limit: int = MAX_LINES
) -> tuple[BriefLine, ...]:
    """Statements that most independent sources agree on, told in the first source's order.

    Each line is one source's sentence as written (the earliest given source whose sentence reads
    on its own, see ``standalone``), so the brief quotes rather than invents; a sentence already
    used is not repeated.
    """
    agreed = [f for f in findings if f.kind == "agree" and len({s.source for s in f.statements}) > 1]
    agreed.sort(key=lambda f: (-f.independent, -f.score, f.statements[0].start))
    used: set[tuple[str, int]] = set()
    picked: list[tuple[int, int, Finding]] = []
    order = {sid: i for i, sid in enumerate(sources)}
    for f in agreed:
        lead = f.statements[0]
        if (lead.source, lead.start) in used:
            continue
        used.update((s.source, s.start) for s in f.statements)
        picked.append((order[lead.source], lead.start, f))
        if len(picked) == limit:
            break
    picked.sort(key=lambda p: (p[0], p[1]))
    return tuple(
        BriefLine(standalone(f.statements).text, tuple(dict.fromkeys(s.source for s in f.statements)))
        for _, _, f in picked
    )
