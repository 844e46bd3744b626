"""Quotes as the report shows them: grouped by speaker, one remark's wordings across sources side by
side, with the words one wording has and the other lacks marked.

Outlets quote the same remark in other words, reorder it, or quote part of it. A word-level diff
(difflib) shows the changed words; a moved word is not a changed one, and a partial quote inside a
longer one is the same wording, not another.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storyline.model import Finding, QuoteOccurrence, Report

SAME_REMARK = 70  # rapidfuzz token_set_ratio at or above which two quotes of a speaker are one remark
_WORD = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’.,;:!?()[]—–-…"


@dataclass(frozen=True)
class Remark:
    """One remark of a speaker as each source quotes it; ``differs`` when the wordings are not one."""

    occurrences: tuple[QuoteOccurrence, ...]
    differs: bool


@dataclass(frozen=True)
class SpeakerGroup:
    speaker: str
    key: str | None
    remarks: tuple[Remark, ...]
    affiliation: str | None = None  # the party or organisation the sources state, see ``affiliated``

    @property
    def heading(self) -> str:
        """The speaker with their affiliation, where it says more than the name: "Elijah Cummings
        (Democrat)", but "a spokesperson for Google" and "House Democrats" as they stand."""
        return with_affiliation(self.speaker, self.affiliation)


def with_affiliation(speaker: str, affiliation: str | None) -> str:
    """ "Name (affiliation)", or the name alone when it already says the affiliation: "a Republican
    senator" is of the Republican Party, "Senate Democrats" of the Democratic Party and the Senate."""
    said = _party_words(speaker)
    if not affiliation or all(_party_words(a) <= said for a in affiliation.split(",")):
        return speaker
    return f"{speaker} ({affiliation})"


_ONE_SPELLING = {"democratic": "democrat", "gop": "republican"}


def _party_words(text: str) -> set[str]:
    """The words of a name in one form: lower case, singular, "party" left out."""
    words = {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z]+", text.lower())}
    return {_ONE_SPELLING.get(w, w) for w in words} - {"party", "the"}


def affiliated(occurrences: Sequence[QuoteOccurrence]) -> str | None:
    """The affiliation most occurrences of one speaker carry (the first given, on a tie)."""
    stated = [q.affiliation for q in occurrences if q.affiliation]
    return max(stated, key=stated.count) if stated else None


def _norm_word(word: str) -> str:
    return word.strip(_EDGE_PUNCT).lower().replace("’", "'")


Marked = list[tuple[str, bool]]


def wording_diff(old: str, new: str) -> tuple[Marked, Marked]:
    """Both wordings as (words, changed) runs, for showing one above the other.

    Starts from difflib's word alignment, then unmarks a changed word the other wording also has
    among its changed words: quotes get reordered ("better avoid such mistakes in this situation"
    against "in this situation, it's better not to make such mistakes"), and a moved word is not a
    changed one. What stays marked is what one source's wording has and the other's lacks.
    """
    a, b = _WORD.findall(old), _WORD.findall(new)
    na, nb = [_norm_word(w) for w in a], [_norm_word(w) for w in b]
    changed_a, changed_b = [False] * len(a), [False] * len(b)
    matcher = difflib.SequenceMatcher(None, na, nb, False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            changed_a[i1:i2] = [True] * (i2 - i1)
            changed_b[j1:j2] = [True] * (j2 - j1)
    moved_a = {w for w, c in zip(na, changed_a, strict=True) if c}
    moved_b = {w for w, c in zip(nb, changed_b, strict=True) if c}
    flags_a = [c and w not in moved_b for w, c in zip(na, changed_a, strict=True)]
    flags_b = [c and w not in moved_a for w, c in zip(nb, changed_b, strict=True)]
    return _runs(a, flags_a), _runs(b, flags_b)


def _runs(words: list[str], flags: list[bool]) -> Marked:
    runs: Marked = []
    for word, flag in zip(words, flags, strict=True):
        if runs and runs[-1][1] == flag:
            runs[-1] = (runs[-1][0] + " " + word, flag)
        else:
            runs.append((word, flag))
    return runs


def mark_wordings(texts: Sequence[str]) -> list[Marked]:
    """Each wording marked where it differs: the first against the second, the rest against the
    first (the wording every other one is read against)."""
    if len(texts) < 2:
        return [[(t, False)] for t in texts]
    marked = [wording_diff(texts[0], texts[1])[0]]
    return marked + [wording_diff(texts[0], t)[1] for t in texts[1:]]


def quote_wordings(finding: Finding) -> list[tuple[str, Marked]]:
    """(source, marked wording) of each side of a quote conflict: its values, else its sentences."""
    pairs = [(v.source, v.text) for v in finding.values] if len(finding.values) >= 2 else []
    pairs = pairs or [(s.source, s.text) for s in finding.statements]
    return list(zip((p[0] for p in pairs), mark_wordings([p[1] for p in pairs]), strict=True))


def remark_wordings(remark: Remark) -> list[tuple[QuoteOccurrence, Marked]]:
    """Each occurrence of a remark with its words marked where the wordings differ."""
    texts = [q.text for q in remark.occurrences]
    marked = mark_wordings(texts) if remark.differs else [[(t, False)] for t in texts]
    return list(zip(remark.occurrences, marked, strict=True))


def _speaker_key(q: QuoteOccurrence) -> str | None:
    if q.speaker_key:
        return q.speaker_key
    return " ".join(q.speaker.lower().split()) if q.speaker else None


def quote_groups(report: Report) -> list[SpeakerGroup]:
    """Quotes grouped by speaker, and within a speaker into remarks quoted by one or more sources.

    Two occurrences from different sources are one remark when the cross-check tied them (a quote
    finding whose statements hold both) or when their words largely overlap. The groups quoted by
    most sources come first, unknown speakers last.
    """
    tied = _quote_ties(report)
    by_key: dict[str | None, list[QuoteOccurrence]] = {}
    for q in report.quotes:
        by_key.setdefault(_speaker_key(q), []).append(q)
    groups = []
    for key, occ in by_key.items():
        names = [q.speaker for q in occ if q.speaker]
        speaker = max(names, key=lambda n: (len(n), n)) if names else "Unattributed"
        groups.append(SpeakerGroup(speaker, key, tuple(_remarks(occ, tied)), affiliated(occ)))
    groups.sort(key=lambda g: (g.key is None, -len({q.source for r in g.remarks for q in r.occurrences})))
    return groups


def _quote_ties(report: Report) -> list[list[tuple[str, int, int]]]:
    """Per quote finding, the (source, start, end) spans of its statements."""
    return [
        [(s.source, s.start, s.end) for s in f.statements]
        for f in report.findings
        if f.aspect == "quote" and len({s.source for s in f.statements}) > 1
    ]


def _same_remark(a: QuoteOccurrence, b: QuoteOccurrence, tied: list[list[tuple[str, int, int]]]) -> bool:
    if a.source == b.source:
        return False
    for spans in tied:
        if any(s == a.source and st < a.end and a.start < e for s, st, e in spans) and any(
            s == b.source and st < b.end and b.start < e for s, st, e in spans
        ):
            return True
    return fuzz.token_set_ratio(a.text, b.text) >= SAME_REMARK


def _words(text: str) -> list[str]:
    return [w for w in (_norm_word(t) for t in _WORD.findall(text)) if w]


def _inside(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` occurs word for word in ``long``: a partial quote, not another wording."""
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _remarks(occ: Sequence[QuoteOccurrence], tied: list[list[tuple[str, int, int]]]) -> list[Remark]:
    clusters: list[list[QuoteOccurrence]] = []
    for q in occ:
        home = [c for c in clusters if any(_same_remark(x, q, tied) for x in c)]
        merged = [q] + [x for c in home for x in c]
        clusters = [c for c in clusters if c not in home] + [merged]
    out = []
    for cluster in sorted(clusters, key=lambda c: (-len({x.source for x in c}), min(map(occ.index, c)))):
        cluster.sort(key=occ.index)
        words = [_words(q.text) for q in cluster]
        differs = any(
            a.source != b.source and not (_inside(wa, wb) or _inside(wb, wa))
            for (a, wa), (b, wb) in itertools.combinations(zip(cluster, words, strict=True), 2)
        )
        out.append(Remark(tuple(cluster), differs))
    return out
