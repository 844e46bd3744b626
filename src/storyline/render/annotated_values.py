"""What a highlighted span of an annotated article means, in words both renderers show.

The terminal and the HTML page of ``storyline annotate`` show the same spans with the same notes
(a date's interval, a quantity's bounds, a quote's speaker) and the same summaries (names with
their mentions, quotes by speaker, the timeline in date order), so both build them here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from storyline.model import AnnotatedArticle, Entity, Quantity, Quote, TimeExpr
from storyline.render.quote_view import with_affiliation

# Labels whose meaning the quantities and the timeline already show, with resolved values:
# highlighting them as names too would only repeat the same words in a vaguer colour.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

LABEL_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
    "LAW": "law",
    "PRODUCT": "product",
    "WORK_OF_ART": "work",
    "LANGUAGE": "language",
}

# One colour per class of span, shared by the terminal and the page; names not listed are "name".
_ENTITY_CLASS = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Outer kinds first: a quote holds names, numbers and dates; a name may hold a number.
KIND_ORDER = {"quote": 0, "entity": 1, "quantity": 2, "date": 3}


@dataclass(frozen=True)
class Mark:
    """A span to highlight: ``kind`` is quote|entity|quantity|date, ``label`` the finer class."""

    kind: str
    label: str
    start: int
    end: int
    note: str


def style_key(m: Mark) -> str:
    """The colour class of a mark: its kind, or for a name its class of name."""
    return _ENTITY_CLASS.get(m.label, "name") if m.kind == "entity" else m.kind


def kind_name(m: Mark) -> str:
    """The word a reader sees for a mark's kind: 'person', 'place', 'quote', 'date'..."""
    return LABEL_NAMES.get(m.label, m.label.lower()) if m.kind == "entity" else m.kind


def fmt_num(x: float) -> str:
    """100000.0 → '100,000'; 0.25 → '0.25': integers print as integers, with separators."""
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def interval(t: TimeExpr) -> str:
    if t.start is None and t.end is None:
        return f"not resolved: {t.reason}" if t.reason else "not resolved"
    if t.start == t.end or t.end is None:
        return str(t.start)
    if t.start is None:
        return f"until {t.end}"
    return f"{t.start} to {t.end}"


def bounds(q: Quantity) -> str:
    low = None if q.low is None else fmt_num(q.low)
    high = None if q.high is None else fmt_num(q.high)
    if low is not None and low == high:
        return f"exactly {low}"
    if low is not None and high is not None:
        return f"{low} to {high}"
    if low is not None:
        return f"at least {low}"
    if high is not None:
        return f"at most {high}"
    return "no bounds"


def quantity_note(q: Quantity) -> str:
    head = fmt_num(q.value) + (f" {q.unit}" if q.unit else "")
    if q.counted and q.counted != q.unit:
        head += f" ({q.counted})" if q.unit else f" {q.counted}"
    parts = [head, bounds(q)]
    if q.hedge:
        parts.append(f"hedge “{q.hedge}”")
    return " · ".join(parts)


def speaker_name(q: Quote) -> str:
    """The speaker as shown over their quotes, with the affiliation the article states."""
    return with_affiliation(q.speaker, q.affiliation) if q.speaker else "(speaker unknown)"


def quote_note(q: Quote) -> str:
    who = f"said by {speaker_name(q)}" if q.speaker else "speaker unknown"
    if q.speaker_key and q.speaker_key != q.speaker:
        who += f" ({q.speaker_key})"
    parts = [who, "direct quote" if q.direct else "reported speech"]
    if q.cue:
        parts.append(f"cue “{q.cue}”")
    return " · ".join(parts)


def entity_note(e: Entity) -> str:
    return f"key {e.key}"


def time_note(t: TimeExpr) -> str:
    note = interval(t)
    what = t.what or t.event
    return f"{note} · {what}" if what else note


def marks(ann: AnnotatedArticle) -> list[Mark]:
    """Every span worth highlighting, outer kinds first at equal offsets; bad offsets are dropped."""
    out = [
        Mark("quote", "direct" if q.direct else "indirect", q.start, q.end, quote_note(q)) for q in ann.quotes
    ]
    out += [
        Mark("entity", e.label, e.start, e.end, entity_note(e))
        for e in ann.entities
        if e.label not in NUMERIC_LABELS
    ]
    out += [Mark("quantity", "quantity", q.start, q.end, quantity_note(q)) for q in ann.quantities]
    out += [Mark("date", "date", t.offset[0], t.offset[1], time_note(t)) for t in ann.timeline]
    n = len(ann.text)
    good = [m for m in out if 0 <= m.start < m.end <= n]
    good.sort(key=lambda m: (m.start, -m.end, KIND_ORDER[m.kind]))
    return good


_NAME_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}


@dataclass(frozen=True)
class NameRow:
    """One person, organisation or place: its canonical key, how often and how it is written."""

    label: str
    key: str
    mentions: int
    forms: tuple[str, ...]  # most frequent first

    @property
    def kind(self) -> str:
        return LABEL_NAMES.get(self.label, self.label.lower())


def names(ann: AnnotatedArticle) -> list[NameRow]:
    """Named things by key: people first, then organisations, places, groups; most mentioned first."""
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for e in ann.entities:
        if e.label not in NUMERIC_LABELS:
            forms[(e.label, e.key)][" ".join(e.text.split())] += 1
    rows = [
        NameRow(label, key, seen.total(), tuple(f for f, _ in seen.most_common()))
        for (label, key), seen in forms.items()
    ]
    rows.sort(key=lambda r: (_NAME_ORDER.get(r.label, 9), -r.mentions, r.key))
    return rows


def quotes_by_speaker(ann: AnnotatedArticle) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped by speaker (by key when named), speakers in the order they first speak."""
    groups: dict[str, list[Quote]] = {}
    for q in sorted(ann.quotes, key=lambda q: q.start):
        groups.setdefault(q.speaker_key or speaker_name(q), []).append(q)
    return [(speaker_name(qs[0]), qs) for qs in groups.values()]


def in_date_order(ann: AnnotatedArticle) -> list[TimeExpr]:
    """The timeline by start then end date; expressions that could not be resolved come last."""
    return sorted(ann.timeline, key=lambda t: (t.start is None, t.start or "", t.end or "", t.offset[0]))


__all__ = [
    "LABEL_NAMES",
    "NUMERIC_LABELS",
    "Mark",
    "NameRow",
    "bounds",
    "entity_note",
    "fmt_num",
    "in_date_order",
    "interval",
    "kind_name",
    "marks",
    "names",
    "quantity_note",
    "quote_note",
    "quotes_by_speaker",
    "speaker_name",
    "style_key",
    "time_note",
]
