"""Typed comparisons of the facts in a candidate pair: numbers by bounds, dates by event and
interval, claims by polarity, whole statements by meaning.

Agreement is easy to grant and conflict hard: a conflict needs evidence that both facts are the same
fact (the same counted thing, the same event at the same place) and values that cannot both hold.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache

from storyline.crosscheck.candidates import Pair
from storyline.crosscheck.facts import DatedEvent, Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.words import MONTHS_AND_DAYS, NEGATORS, STOP, plain, stem, tokens

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
AGREE_BONUS = 0.3  # two figures of one counted thing with compatible values: seldom a coincidence
UNIT_AGREE = 0.5  # compatible figures in one unit, each the other's sole match: shown, at the threshold


def _written(m: Measure) -> float:
    """The number as written, before its unit or scale ("50-minute" → 50, "an hour" → 1,
    "$5.7 billion" → 5.7 billion: a scale word is part of the figure)."""
    found = _DIGITS.search(m.quantity.text)
    if found is None:
        return 1.0
    written = float(found.group(0).replace(",", ""))
    q = m.quantity
    scale = abs(q.value / written) if written and q.unit not in ("minutes",) else 1.0
    return written * scale


def sole_counterparts(facts: Sequence[SentenceFacts]) -> list[Link]:
    """Agreements between durations that name no counted thing in common, where each is the
    other's only compatible duration in its report, counting a figure a report repeats once
    ("spoke for nearly an hour" / "a 50-minute phone call", the one call). The unit alone never
    makes a conflict; here it makes an agreement only when no other figure could be the
    counterpart. Sums are left out: a story holds many, and two of them agree by chance
    ("earned approximately $30 million" / "donated $30 million")."""
    by_source: dict[int, list[tuple[SentenceFacts, int, Measure]]] = defaultdict(list)
    for f in facts:
        for i, m in enumerate(f.measures):
            closed = (m.low is None) == (m.high is None)  # exact, or hedged both ways; not "at least"
            if m.dim == "duration" and closed and not _VAGUE.search(m.quantity.text):
                by_source[f.source].append((f, i, m))
    links = []
    sources = sorted(by_source)
    for x, s in enumerate(sources):
        for t in sources[x + 1 :]:
            for fa, ia, ma in by_source[s]:
                match = [
                    (fb, ib, mb) for fb, ib, mb in by_source[t] if mb.dim == ma.dim and compatible(mb, ma)
                ]
                if not match or not all(compatible(m1, m2) for _, _, m1 in match for _, _, m2 in match):
                    continue
                for fb, ib, mb in match:
                    if max(_written(ma), _written(mb)) < SMALL:
                        continue  # "one day" / "one-day", "two years": small counts agree by chance
                    back = [m for _, _, m in by_source[s] if m.dim == mb.dim and compatible(m, mb)]
                    if all(compatible(m1, m2) for m1 in back for m2 in back):
                        links.append(
                            Link(
                                "number",
                                False,
                                Side.of(fa, ma.quantity.text, measure_value(ma), "m", ia),
                                Side.of(fb, mb.quantity.text, measure_value(mb), "m", ib),
                                0.5,
                                UNIT_AGREE,
                            )
                        )
    return links


NEGATIVE_VERBS = frozenset({"refus", "deny", "deni", "reject", "declin", "fail", "dismiss", "oppos"})


def _bounds(m: Measure) -> tuple[float, float]:
    """Bounds after the hedge; a figure with neither bound is exact, one bound leaves a side open.

    An approximate hedge is only as loose as the figure's own digits allow: "about 100,000" may
    be 85,000 or 115,000, but "roughly $141 million" is written to the million and is not $139
    million, nor "some 1.5 million" 1.6 million."""
    if m.low is None and m.high is None:
        return m.value, m.value
    low = m.low if m.low is not None else float("-inf")
    high = m.high if m.high is not None else float("inf")
    if m.low is not None and m.high is not None and m.low < m.value < m.high:
        unit = digit_unit(m)
        if unit:
            low, high = max(low, m.value - unit), min(high, m.value + unit)
    return low, high


def digit_unit(m: Measure) -> float:
    """The place value of the last significant digit written, in the measure's base unit:
    "141 million" → 1 million, "100,000" → 100,000, "1.5 million" → 100,000; 0 when unknown."""
    found = _DIGITS.search(m.quantity.text)
    q = m.quantity
    if found is None or not q.value:
        return 0.0
    raw = found.group(0).replace(",", "")
    written = float(raw)
    if not written:
        return 0.0
    scale = abs(q.value / written) * (abs(m.value / q.value) if q.value else 1.0)
    if "." in raw:
        return scale * 10.0 ** -len(raw.split(".")[1])
    return scale * 10.0 ** (len(raw) - len(raw.rstrip("0")))


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
    if "." in raw:  # a decimal is rounded: "1.5 million" stands for 1.45-1.55 million, not 1.6
        return factor * scale * 0.5 * 10.0 ** -len(raw.split(".")[1])
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
    # within the rounding, strictly: "50,000" rounds 54,999 but not 55,000
    return (la <= hb or la < hb + slack) and (lb <= ha or lb < ha + slack)


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
    if ca is None and cb is None:
        return False
    if ca is None or cb is None:  # "the call lasted 50 minutes" / "a 50-minute phone call"
        return (ca or cb) in (mb.near if ca else ma.near) and ma.dim is not None
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


# a number after one of these counts a part beside one already told ("three other women", "two
# more states", "another 5,000 troops"): not the whole another report may count
_PART_OF = re.compile(r"\b(?:other|more|another|additional|further|extra|new)\b", re.I)


def part_of_more(side_text: str, side_start: int, m: Measure) -> bool:
    """Is the figure a part added to others ("three other women": her and three others)?"""
    at, end = m.quantity.start - side_start, m.quantity.end - side_start
    before = side_text[max(0, at - 12) : at]
    after = side_text[end : end + 25].split()[:2]
    return bool(re.search(r"\b(?:another|additional|further|extra)\s*$", before, re.I)) or any(
        _PART_OF.fullmatch(w.strip(",.;:")) for w in after
    )


def context(ma: Measure, mb: Measure) -> int:
    """Words around both figures other than the counted thing itself: the predicate and the
    participants that make two figures of one noun one fact ("states filed" is not "states have
    legalized")."""
    counted = {c[:5] for c in (ma.counted, mb.counted) if c}
    return len((ma.near & mb.near) - counted)


def number_confidence(p: Pair, ma: Measure, mb: Measure, same_thing: bool) -> float:
    """How surely two figures state one fact: the same counted thing, the same words around it
    (predicate, participants), the same people named, and sentences that say the same."""
    shared_context = context(ma, mb)
    named = bool(p.a.names & p.b.names)
    owned = bool(ma.owners & mb.owners)  # the same owner named beside both figures
    # sentences far apart in meaning hold figures of different facts however the nouns meet
    closeness = min(0.4, max(-0.3, p.score - 0.5))
    score = (
        (0.3 if same_thing else 0.0)
        + 0.15 * min(shared_context, 2)
        + (0.15 if named else 0.0)
        + (0.2 if owned else 0.0)
        + closeness
    )
    return max(0.0, min(1.0, score))


def other_owners(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Is each figure someone else's? Both name an owner beside the figure, and neither owner is
    named anywhere in the other sentence ("Mr. Bush paid 35.7 percent" / "the Clintons paid 31.6")."""
    people_a = {o for o in ma.owners if o.startswith("person:")}
    people_b = {o for o in mb.owners if o.startswith("person:")}
    # only people: a group is named many ways ("the GOP caucus" / "Senate Republicans")
    return bool(people_a and people_b and not people_a & p.b.names and not people_b & p.a.names)


def _measure_link(p: Pair, ma: Measure, mb: Measure) -> tuple[bool, float] | None:
    """(conflict, confidence), or None when the two are not one measure.

    Units alone never make one measure: "two-year extension of tax cuts" and "13-month extension
    of unemployment insurance" are two durations, not one told twice."""
    if ma.dim != mb.dim:
        return None
    if part_of_more(p.a.text, p.a.start, ma) or part_of_more(p.b.text, p.b.start, mb):
        return None
    if other_owners(p, ma, mb):
        return None
    same_thing = same_counted(ma, mb) or _whole_group(p, ma, mb) or _only_of_kind(p, ma, mb)
    # a unit with no counted noun ("for 60 days") is one measure only with its predicate and
    # participants around it on both sides (two words, or one and the same owner): the unit alone
    # never aligns two figures
    unit_and_context = (
        ma.dim is not None
        and not (ma.counted and mb.counted)
        and (context(ma, mb) >= 2 or (context(ma, mb) >= 1 and bool(ma.owners & mb.owners)))
    )
    confidence = number_confidence(p, ma, mb, same_thing)
    if compatible(ma, mb):
        if ma.dim is None and max(ma.value, mb.value) < SMALL and p.score < AGREE_SCORE:
            return None  # "two leaders", "three sides": small counts agree everywhere and say little
        if same_thing or unit_and_context:
            # one thing counted alike twice: the same value is seldom a coincidence
            return False, min(1.0, confidence + AGREE_BONUS)
        return None
    if not (same_thing or unit_and_context):
        return None
    if _far_apart(ma, mb):
        return None  # figures that far apart count different things ("six" aides, "47" senators)
    if _VAGUE.search(ma.quantity.text) or _VAGUE.search(mb.quantity.text):
        return None  # "billions of dollars", "dozens of": an order of size, not a figure to contradict
    # one noun and nothing else in common is weak evidence of one fact ("two heartland states
    # filed suit" / "four states have legalized"): the confidence says so, and such a pair is
    # listed to check, never stated
    return True, confidence


def compare_measures(p: Pair) -> list[Link]:
    """Numbers of one dimension counting one thing: agree when their bounds overlap, else conflict."""
    links = []
    for ia, ma in enumerate(p.a.measures):
        for ib, mb in enumerate(p.b.measures):
            verdict = _measure_link(p, ma, mb)
            if verdict is None:
                continue
            conflict, confidence = verdict
            links.append(
                Link(
                    "number",
                    conflict,
                    Side.of(p.a, ma.quantity.text, measure_value(ma), "m", ia),
                    Side.of(p.b, mb.quantity.text, measure_value(mb), "m", ib),
                    p.score + 0.5 + 0.2 * context(ma, mb),
                    confidence,
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
    if da.actors - p.b.names or db.actors - p.a.names:
        return 0.0  # one side names a doer the other never names: "when Mr. Bush released his returns"
    shared = words_a & words_b
    if da.places and db.places and not da.places & db.places:
        return 0.0
    if da.places & db.places:
        return 1.0 + 0.1 * len(shared)
    # the same people, and the event word with its arguments around both dates ("the tabloid
    # published a story … claiming Cruz had extramarital affairs" / "story published Friday that
    # alleged Cruz has had extramarital affairs"), or with fewer words in like sentences
    if p.a.names & p.b.names and (len(shared) >= 3 or (p.cos >= 0.55 and len(shared) >= 2)):
        return 0.5 + 0.1 * len(shared)
    # no one named on either side, so no participant to differ: the event word and its predicate
    # in like sentences ("parties will hold primaries in mid May" / "the primary would be held on
    # April 30")
    if not (p.a.names or p.b.names) and p.cos >= 0.55 and len(shared) >= 2:
        return 0.5
    return 0.0


def _grain(d: DatedEvent) -> str:
    """The unit an interval is written in: whole years, whole months, or days."""
    if (d.first.month, d.first.day, d.last.month, d.last.day) == (1, 1, 12, 31):
        return "year"
    if d.first.day == 1 and (d.last + timedelta(days=1)).day == 1:
        return "month"
    return "day"


def _span_of_units(d: DatedEvent) -> bool:
    """A span of several years or months written out ("from 1967 to 1979"): its ends are facts."""
    grain = _grain(d)
    if grain == "year":
        return d.last.year > d.first.year
    if grain == "month":
        return (d.last.year, d.last.month) != (d.first.year, d.first.month)
    return False


def dates_conflict(da: DatedEvent, db: DatedEvent) -> bool:
    """Different days for one event; a coarse expression holding a precise one is no conflict,
    but two spans written in the same unit ("1967 to 1979", "1966 to 1978") differ at their ends."""
    if (da.first, da.last) == (db.first, db.last):
        return False
    if _span_of_units(da) and _span_of_units(db) and _grain(da) == _grain(db):
        return True
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


_EXPLICIT = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def explicit(d: DatedEvent) -> bool:
    """Does the expression name its date ("January 10", "1967", "May 2017")? A weekday or "last
    month" is resolved against the publication date and the tense, and may be resolved wrongly."""
    return _EXPLICIT.search(d.time.text) is not None


def date_confidence(p: Pair, da: DatedEvent, db: DatedEvent, crossed: bool) -> float:
    """How surely two time expressions date one event, from the event itself: the same event
    word at both, the same place, the event words crossed, the same people, sentences that say
    the same; a date the reader resolves (a weekday) is less sure than one written out."""
    score = (
        (0.3 if da.event & db.event else 0.0)
        + (0.25 if da.places & db.places else 0.0)
        + (0.15 if crossed else 0.0)
        + (0.1 if p.a.names & p.b.names else 0.0)
        + 0.1 * min(len(da.near & db.near), 2)
        + (0.1 if p.score >= AGREE_SCORE else 0.0)
        + (0.2 if p.score >= SAME_SCORE else 0.0)
        + 0.1 * (explicit(da) + explicit(db))
    )
    return min(1.0, score)


def compare_dates(p: Pair) -> list[Link]:
    """Each time expression against its best-matching one in the other sentence.

    Two dates that may not be one event's make no finding when they differ: they are not shown as
    agreeing, and a conflict needs sure evidence that they date one event. The same words ("on
    Wednesday", "on Wednesday") are never a conflict: when they resolve apart, the resolution
    differs (two publication dates, a tense misread), not the reports."""
    links = []
    for ia, da in enumerate(p.a.dates):
        scored = [(same_event(da, db, p), ib, db) for ib, db in enumerate(p.b.dates)]
        scored = [s for s in scored if s[0] > 0]
        if not scored and _only_dates(p, da):
            scored = [(0.5, 0, p.b.dates[0])]
        if not scored:
            continue
        strength, ib, db = max(scored, key=lambda s: s[0])
        # A conflict needs the event itself on both sides (one's event word beside the other's
        # date, both ways, counts: "on Tuesday refused to step down" / "continued his refusal to
        # step down Tuesday"), or the same place beside both dates, or several words around both
        # dates in sentences that say the same about the same people.
        crossed = bool(da.event & (db.event | db.near) and db.event & (da.event | da.near))
        sure = (
            bool(da.event & db.event or da.places & db.places)
            or _only_dates(p, da)
            or (
                bool(p.a.names & p.b.names)
                and (crossed or (len(da.near & db.near) >= 2 and p.score >= AGREE_SCORE))
            )
        )
        differ = dates_conflict(da, db)
        if differ and not sure:
            continue
        both_hold = da.bound or db.bound or _told_too(da, p.b.dates) or _told_too(db, p.a.dates)
        if differ and (both_hold or _same_words(da.time.text, db.time.text)):
            continue
        links.append(
            Link(
                "date",
                differ,
                Side.of(p.a, da.time.text, interval(da), "d", ia),
                Side.of(p.b, db.time.text, interval(db), "d", ib),
                strength,
                date_confidence(p, da, db, crossed),
            )
        )
    return links


def _only_dates(p: Pair, da: DatedEvent) -> bool:
    """Two sentences that say the same thing, each with one date written out: one event's date,
    whatever verb each uses for it ("served from 1967 to 1979" / "held the seat from 1966 to 1978")."""
    return (
        p.score >= SAME_SCORE
        and len(p.a.dates) == 1
        and len(p.b.dates) == 1
        and explicit(da)
        and explicit(p.b.dates[0])
    )


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _similar_length(a: str, b: str) -> bool:
    la, lb = len(a.split()), len(b.split())
    return max(la, lb) <= 1.5 * min(la, lb)


BESIDE = 3  # words between a person's name and the act it does, in a plain clause


def _beside(f: SentenceFacts, person: str, words: frozenset[str] | None) -> bool:
    """Does one of ``words`` (stems) follow the person's name within ``BESIDE`` words, or a
    negation when ``words`` is None? "Mr Putin requested", "a call that Putin requested",
    "Putin had not decided": the name is the subject of the act, not a passer-by in the sentence
    (nor its object: "reminding Mr. Trump", "people who attack my wife, Cruz said")."""
    surname = person.split(":")[-1].split("_")[-1]
    toks = tokens(f.text.lower())
    at = [i for i, t in enumerate(toks) if t.replace("’s", "").replace("'s", "") == surname]
    for i in at:
        near = toks[i + 1 : i + BESIDE + 1]
        if words is None and any(t in NEGATORS or t.endswith("n't") or t == "yet" for t in near):
            return True
        if words is not None and any(stem(t) in words for t in near):
            return True
    return False


def _people(p: Pair) -> set[str]:
    return {n for n in p.a.names & p.b.names if n.startswith("person:")}


def same_act(p: Pair) -> bool:
    """The same person doing the same distinctive act in both sentences, in other words around
    it: the shared rare word stands beside the person's name in both ("Mr Putin requested the
    call" / "a 50-minute phone call that Putin requested")."""
    if p.score < CLAIM_SCORE or not p.rare_words:
        return False
    people = _people(p)
    acts = _lower_stems(p.a.text) & _lower_stems(p.b.text) & p.rare_words if people else frozenset()
    return any(_beside(p.a, n, acts) and _beside(p.b, n, acts) for n in people) if acts else False


@lru_cache(maxsize=8192)
def _lower_stems(text: str) -> frozenset[str]:
    """Stems of the words a sentence writes in lower case: acts and things, not names, titles or
    days ("requested", "rupture"; not "Aitan", "Speaker", "Friday")."""
    return frozenset(stem(t) for t in tokens(text) if t.islower() and t not in MONTHS_AND_DAYS)


def same_denial(p: Pair) -> bool:
    """Both sentences say the same person has not done the same act ("had yet to determine
    whether" / "had not decided whether"): a specific claim even in other words, where the
    shared words (the person, the act) are too common in the story to be distinctive. The
    negation must stand beside the name on both sides."""
    if p.score < DENIAL_SCORE or not (p.a.negated & p.b.negated):
        return False
    return any(_beside(p.a, n, None) and _beside(p.b, n, None) for n in _people(p))


def quoted_words_told(p: Pair) -> bool:
    """One sentence quotes words the other states as its own ("could result in a “complete
    rupture”" / "could lead to a complete rupture of ties"), about the same person: a
    paraphrase of one remark."""
    if p.score < CLAIM_SCORE or not _people(p):
        return False
    for quoted, other in ((p.a, p.b), (p.b, p.a)):
        if _QUOTED.search(other.text):
            continue
        for q in _QUOTED.findall(quoted.text):
            words = [w for w in plain(q).split() if w not in STOP]
            if len(words) >= 2 and f" {' '.join(words)} " in f" {plain(other.text)} ":
                return True
    return False


_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")


def values_differ(p: Pair) -> bool:
    """Do the two sentences give different values for something both state: a figure of the same
    counted thing, or a date of the same event? Then they do not state one fact, however alike."""
    for ma in p.a.measures:
        for mb in p.b.measures:
            if (
                ma.dim == mb.dim
                and not compatible(ma, mb)
                and (same_counted(ma, mb) or _only_of_kind(p, ma, mb))
            ):
                return True
    for da in p.a.dates:
        for db in p.b.dates:
            one = same_event(da, db, p) > 0 or (explicit(da) and explicit(db) and p.score >= SAME_SCORE)
            if one and dates_conflict(da, db) and not (da.bound or db.bound):
                return True
    return False


SAME_SCORE = 0.75  # pair score above which two sentences say the same thing, in other words


def _only_of_kind(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Are these the only figures of their kind in two sentences that say the same thing? Then
    they state one fact, whatever noun each puts beside it ("earned roughly $141 million" /
    "reported $139 million in adjusted gross income")."""
    if p.score < SAME_SCORE or _far_apart(ma, mb):
        return False
    return [m.dim for m in p.a.measures].count(ma.dim) == 1 and [m.dim for m in p.b.measures].count(
        mb.dim
    ) == 1


STRUCTURAL = 0.7  # a claim shown by its structure (same act or denial by one person, a quote told)


def claim_confidence(p: Pair) -> float:
    """How surely two sentences state one claim, from their closeness in meaning and words.

    Fitted on the tuning half of the judged dev events: of the claim pairs scoring 0.70 or more,
    1 in 30 was judged not one fact, against a third between 0.62 and 0.70; distinctive words and
    shared names did not separate them (bench/natural, bench/eval_natural.py)."""
    return max(0.0, min(1.0, 0.5 + 2.5 * (p.score - AGREE_SCORE)))


def compare_claims(p: Pair) -> list[Link]:
    """Two sentences that say the same thing (agree), or the same thing with opposite polarity.

    Close in meaning is enough; somewhat close needs a distinctive word both use as well, or the
    same person denied the same act (``same_denial``).
    """
    structural = same_act(p) or same_denial(p) or quoted_words_told(p)
    if p.score < AGREE_SCORE and not structural:
        return []
    if values_differ(p):
        return []  # alike, but not one fact: "50,000 pages" / "55,000 pages" is no agreement
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
            max(claim_confidence(p), STRUCTURAL if structural else 0.0),
        )
    ]


PLACE_CONFIDENCE = 0.5  # without a gazetteer, "in Seattle" / "in Washington" may be one place: to check


def compare_places(p: Pair) -> list[Link]:
    """The same event placed in different places: one event word dated alike in both sentences,
    with the same people (or no one named), and places named beside it that share none. Without a
    gazetteer a city and its state look like two places, so these are always listed to check."""
    links = []
    for ia, da in enumerate(p.a.dates):
        for ib, db in enumerate(p.b.dates):
            if not (da.places and db.places) or da.places & db.places or dates_conflict(da, db):
                continue
            people_a = {n for n in p.a.names if n.startswith("person:")}
            people_b = {n for n in p.b.names if n.startswith("person:")}
            same_people = bool(people_a & people_b) or not (people_a or people_b)
            if not (da.event & db.event and same_people and p.cos >= PLACE_COS):
                continue
            names_a = set(tokens(p.a.text.lower()))
            names_b = set(tokens(p.b.text.lower()))
            # a place the other sentence names too (elsewhere in it) is no disagreement
            if any(_place_word(x) in names_b for x in da.places) or any(
                _place_word(x) in names_a for x in db.places
            ):
                continue
            links.append(
                Link(
                    "place",
                    True,
                    Side.of(
                        p.a, ", ".join(sorted(_place_label(x) for x in da.places)), sorted(da.places), "p", ia
                    ),
                    Side.of(
                        p.b, ", ".join(sorted(_place_label(x) for x in db.places)), sorted(db.places), "p", ib
                    ),
                    p.score,
                    PLACE_CONFIDENCE,
                )
            )
    return links


PLACE_COS = 0.5  # sentences this alike, about one event with the same people


def _place_word(key: str) -> str:
    return key.split(":")[-1].split("_")[-1]


def _place_label(key: str) -> str:
    return key.split(":")[-1].replace("_", " ").title()


def decide(p: Pair) -> list[Link]:
    """Every typed comparison of one candidate pair."""
    return compare_measures(p) + compare_dates(p) + compare_places(p) + compare_claims(p)
