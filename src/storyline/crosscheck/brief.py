"""The brief: the story told by its best-corroborated statements, each citing its sources."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.model import BriefLine, Finding

MAX_LINES = 6


def brief(
    findings: Sequence[Finding], sources: Sequence[str], *, limit: int = MAX_LINES
) -> tuple[BriefLine, ...]:
    """Statements that most independent sources agree on, told in the first source's order.

    Each line is one source's sentence as written (the earliest given source that has it), so the
    brief quotes rather than invents; a sentence already used is not repeated.
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
        BriefLine(f.statements[0].text, tuple(dict.fromkeys(s.source for s in f.statements)))
        for _, _, f in picked
    )
