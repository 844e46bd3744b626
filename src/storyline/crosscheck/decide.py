"""Typed comparisons of the facts in a candidate pair: numbers by bounds, dates by event and
interval, claims by polarity, whole statements by meaning.

Agreement is easy to grant and conflict hard: a conflict needs evidence that both facts are the same
fact (the same counted thing, the same event at the same place) and values that cannot both hold.
"""

from __future__ import annotations

import re

from storyline.crosscheck.candidates import Pair
from storyline.crosscheck.facts import DatedEvent, Measure
from storyline.crosscheck.links import Link, Side

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_VAGUE = re.compile(r"^\D*\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b\D*$", re.I)
MAX_SLACK = 0.1  # rounding never stretches a figure by more than a tenth
MAX_RATIO = 4.0  # a conflict between figures further apart than this is two different things
ROUNDING = 0.01  # two exact figures within 1% are one figure rounded differently
COARSE_DAYS = 4  # an interval longer than this is a coarse expression ("next week", "in January")
AGREE_SCORE = 0.62  # pair score above which two sentences state the same thing
SMALL = 10  # counts below this agree by chance too often to be worth a finding
CLAIM_SCORE = 0.5  # pair score above which a shared distinctive word and name make one claim
DENIAL_SCORE = 0.45  # pair score above which one person not doing one act is one claim
MEASURE_SCORE = 0.45  # pair score above which two figures of one kind are taken as one figure
NEGATIVE_VERBS = frozenset({"refus", "deny", "deni", "reject", "declin", "fail", "dismiss", "oppos"})


def _bounds(m: Measure) -> tuple[float, float]:
    """Bounds after the hedge; a figure with neither bound is exact, one bound leaves a side open."""
    if m.low is None and m.high is None:
        return m.value, m.value
    return (m.low if m.low is not None else float("-inf"), m.high if m.high is not None else float("inf"))


def precision(m: Measure) -> float:
    """How much a figure may be off by its rounding: "$43 million" may stand for $43,885,310 (a
    writer cuts to the last digit given), "100,000" for anything within half a hundred thousand;
    "100" is exact."""
    found = _DIGITS.search(m.quantity.text)
    if found is None:
        return 0.0
    raw = found.group(0).replace(",", "")
    written = float(raw)
    if not written:
        return 0.0
    q = m.quantity
    scale = abs(q.value / written)  # "million" and the like
    factor = abs(m.value / q.value) if q.value else 1.0  # to the dimension's base unit
    if "." in raw:
        return factor * scale * 10.0 ** -len(raw.split(".")[1])
    zeros = len(raw) - len(raw.rstrip("0"))
    if scale > 1.5:  # a scale word ("43 million"): the last digit written is the precision
        return factor * scale * 10.0**zeros
    return factor * 0.5 * 10.0**zeros if zeros >= 3 else 0.0


def compatible(ma: Measure, mb: Measure) -> bool:
    """Can both figures hold? Bounds after hedges overlap, allowing for rounding."""
    la, ha = _bounds(ma)
    lb, hb = _bounds(mb)
    top = max(abs(ma.value), abs(mb.value))
    slack = min(max(ROUNDING * top, precision(ma), precision(mb)), MAX_SLACK * top)
    return la <= hb + slack and lb <= ha + slack


def measure_value(m: Measure) -> dict[str, object]:
    q = m.quantity
    return {"value": q.value, "low": q.low, "high": q.high, "unit": q.unit, "counted": q.counted}


# nouns a reporter uses in turn for one counted thing, to avoid repeating a word ("16 House-passed
# measures" / "15 bills"); keyed by the first five letters of the stem, as counted words are
_COUNTED_ALIKE = {
    w: i
    for i, group in enumerate(
        (
            ("bill", "measu"),
            ("troop", "soldi"),
            ("peopl", "perso", "indiv"),
            ("death", "fatal"),
            ("child", "kid"),
            ("vote", "ballo"),
            ("vehic", "car"),
        )
    )
    for w in group
}


def _alike(a: str, b: str) -> bool:
    return a == b or (a in _COUNTED_ALIKE and _COUNTED_ALIKE[a] == _COUNTED_ALIKE.get(b))


def same_counted(ma: Measure, mb: Measure) -> bool:
    """Do both figures count one thing? The counted words meet (or are words a reporter uses in
    turn for one thing), or one's sits beside the other."""
    ca = ma.counted[:5] if ma.counted else None
    cb = mb.counted[:5] if mb.counted else None
    if ca is None or cb is None:
        return False
    return _alike(ca, cb) or ca in mb.near or cb in ma.near


_WHOLE = re.compile(r"\ball(?: of)?(?: the| its| their)?\s+$", re.I)


def _whole_group(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Do both figures count a whole group ("all 42 members of the GOP caucus" / "all 42 Senate
    Republicans")? Two sentences about the same people that each give the size of a whole group
    give one group's size, whatever noun each uses for its members."""
    return all(
        _WHOLE.search(side.text, max(0, m.quantity.start - side.start - 12), m.quantity.start - side.start)
        is not None
        for side, m in ((p.a, ma), (p.b, mb))
    )


def _far_apart(ma: Measure, mb: Measure) -> bool:
    low, high = sorted((abs(ma.value), abs(mb.value)))
    return low == 0 or high / low > MAX_RATIO


def _measure_link(p: Pair, ma: Measure, mb: Measure) -> bool | None:
    """True for a conflict, False for agreement, None when the two are not one measure."""
    if ma.dim != mb.dim:
        return None
    same_thing = same_counted(ma, mb) or _whole_group(p, ma, mb)
    unit_only = ma.dim is not None and ma.counted is None and mb.counted is None
    if compatible(ma, mb):
        if ma.dim is None and max(ma.value, mb.value) < SMALL:
            # "two leaders", "three sides": small counts agree everywhere and say little
            return False if same_thing and p.score >= AGREE_SCORE else None
        return False if same_thing or unit_only or p.score >= MEASURE_SCORE else None
    if _far_apart(ma, mb):
        return None  # figures that far apart count different things ("six" aides, "47" senators)
    if _VAGUE.search(ma.quantity.text) or _VAGUE.search(mb.quantity.text):
        return None  # "billions of dollars", "dozens of": an order of size, not a figure to contradict
    context = len(ma.near & mb.near)
    named = bool(p.a.names & p.b.names) or p.score >= MEASURE_SCORE
    if (same_thing or context >= 2) and named:
        return True
    return True if context >= 1 and p.score >= AGREE_SCORE - 0.07 else None


def compare_measures(p: Pair) -> list[Link]:
    """Numbers of one dimension counting one thing: agree when their bounds overlap, else conflict."""
    links = []
    for ia, ma in enumerate(p.a.measures):
        for ib, mb in enumerate(p.b.measures):
            verdict = _measure_link(p, ma, mb)
            if verdict is None:
                continue
            same_thing = same_counted(ma, mb)
            links.append(
                Link(
                    "number",
                    verdict,
                    Side.of(p.a, ma.quantity.text, measure_value(ma), "m", ia),
                    Side.of(p.b, mb.quantity.text, measure_value(mb), "m", ib),
                    p.score + (0.5 if same_thing else 0.0) + 0.2 * len(ma.near & mb.near),
                )
            )
    return links


def same_event(da: DatedEvent, db: DatedEvent, p: Pair) -> float:
    """How surely two time expressions date one event; 0 when they may be different events.

    One's event word must appear at the other (its event or the words around it), and the places
    named beside them must not differ; a shared place, or shared names in similar sentences,
    confirms it.
    """
    words_a, words_b = da.event | da.near, db.event | db.near
    if not (da.event & words_b or db.event & words_a):
        return 0.0
    shared = words_a & words_b
    if da.places and db.places and not da.places & db.places:
        return 0.0
    if da.places & db.places:
        return 1.0 + 0.1 * len(shared)
    if p.a.names & p.b.names and p.cos >= 0.55 and len(shared) >= 2:
        return 0.5 + 0.1 * len(shared)
    return 0.0


def dates_conflict(da: DatedEvent, db: DatedEvent) -> bool:
    """Different days for one event; a coarse expression holding a precise one is no conflict."""
    if (da.first, da.last) == (db.first, db.last):
        return False
    a_coarse, b_coarse = da.days > COARSE_DAYS, db.days > COARSE_DAYS
    if a_coarse and da.first <= db.first and db.last <= da.last:
        return False
    if b_coarse and db.first <= da.first and da.last <= db.last:
        return False
    if a_coarse and b_coarse:
        return da.last < db.first or db.last < da.first
    return True


def interval(d: DatedEvent) -> list[str]:
    return [d.first.isoformat(), d.last.isoformat()]


def _told_too(d: DatedEvent, others: tuple[DatedEvent, ...]) -> bool:
    """Does the other sentence give this date as well? Then it does not contradict it: "said Monday
    that he was fired Friday" against "was fired Friday"."""
    return any(not dates_conflict(d, o) for o in others)


def compare_dates(p: Pair) -> list[Link]:
    """Each time expression against its best-matching one in the other sentence.

    Two dates that may not be one event's make no finding when they differ: they are not shown as
    agreeing, and a conflict needs sure evidence that they date one event."""
    links = []
    for ia, da in enumerate(p.a.dates):
        scored = [(same_event(da, db, p), ib, db) for ib, db in enumerate(p.b.dates)]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            continue
        strength, ib, db = max(scored, key=lambda s: s[0])
        # A conflict needs the event itself on both sides (one's event word beside the other's
        # date, both ways, counts: "on Tuesday refused to step down" / "continued his refusal to
        # step down Tuesday"), or the same place beside both dates, or several words around both
        # dates in sentences that say the same about the same people.
        crossed = bool(da.event & (db.event | db.near) and db.event & (da.event | da.near))
        sure = bool(da.event & db.event or da.places & db.places) or (
            bool(p.a.names & p.b.names)
            and (crossed or (len(da.near & db.near) >= 2 and p.score >= AGREE_SCORE))
        )
        differ = dates_conflict(da, db)
        if differ and not sure:
            continue
        both_hold = da.bound or db.bound or _told_too(da, p.b.dates) or _told_too(db, p.a.dates)
        if differ and both_hold:
            continue
        conflict = differ
        links.append(
            Link(
                "date",
                conflict,
                Side.of(p.a, da.time.text, interval(da), "d", ia),
                Side.of(p.b, db.time.text, interval(db), "d", ib),
                strength,
            )
        )
    return links


def _similar_length(a: str, b: str) -> bool:
    la, lb = len(a.split()), len(b.split())
    return max(la, lb) <= 1.5 * min(la, lb)


def same_denial(p: Pair) -> bool:
    """Both sentences say the same person has not done the same act ("had yet to determine
    whether" / "had not decided whether"): a specific claim even in other words, where the
    shared words (the person, the act) are too common in the story to be distinctive."""
    people = {n for n in p.a.names & p.b.names if n.startswith("person:")}
    return bool(p.score >= DENIAL_SCORE and people and p.a.negated & p.b.negated)


def compare_claims(p: Pair) -> list[Link]:
    """Two sentences that say the same thing (agree), or the same thing with opposite polarity.

    Close in meaning is enough; somewhat close needs a distinctive word both use as well, or the
    same person denied the same act (``same_denial``).
    """
    distinctive = p.score >= CLAIM_SCORE and p.rare >= 1 and p.a.names & p.b.names
    if p.score < AGREE_SCORE and not distinctive and not same_denial(p):
        return []
    flipped = (p.a.negated - p.b.negated) & p.b.stems | (p.b.negated - p.a.negated) & p.a.stems
    negative = (p.a.stems | p.b.stems) & NEGATIVE_VERBS
    alike = p.cos >= 0.75 and p.overlap >= 0.8 and _similar_length(p.a.text, p.b.text)
    quoted = any(q.direct for q in p.a.quotes + p.b.quotes)  # quoted words are compared as quotes
    conflict = bool(flipped) and not negative and alike and not quoted
    if flipped and not conflict and not negative:
        return []  # one denies what the other affirms, in other words: not the same claim either
    value_a = "negated" if flipped & p.a.negated else "affirmed"
    value_b = "negated" if flipped & p.b.negated else "affirmed"
    return [
        Link(
            "claim",
            conflict,
            Side.of(p.a, p.a.text if conflict else "", value_a if conflict else None, "s"),
            Side.of(p.b, p.b.text if conflict else "", value_b if conflict else None, "s"),
            p.score,
        )
    ]


def decide(p: Pair) -> list[Link]:
    """Every typed comparison of one candidate pair."""
    return compare_measures(p) + compare_dates(p) + compare_claims(p)
