"""Figures across sources: two numbers are one fact only when they count one thing (the counted
noun, the words around it, the owner named beside it); then their bounds after hedges and rounding
decide agreement or conflict. A unit alone never makes two figures one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyline.annotation.figures import MANY
from storyline.annotation.names import same_entity
from storyline.annotation.numbers import SCALES, SHORT_SCALES
from storyline.annotation.quantities import RANGE_HEDGES
from storyline.crosscheck.candidates import AGREE_SCORE, SAME_SCORE, Pair
from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.report import CONFIDENT
from storyline.crosscheck.same_figure import (
    LIGHT_VERBS,
    NO_VECTORS,
    PART_WORDS,
    PhraseVectors,
    act_classes,
    attached_person,
    figure_features,
    frame_part,
    meet,
    name_and_pronoun,
    named_owner,
    names_apart,
    narrowed_apart,
    owners_apart,
    periods,
    person_kind,
    persons_apart,
    predicate_phrase,
    probability,
    sexes_named,
    stating_line,
)
from storyline.crosscheck.units import dimension

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")

_VAGUE = re.compile(r"^\D*\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b\D*$", re.I)

MAX_SLACK = 0.1  # rounding never stretches a figure by more than a tenth

MAX_RATIO = 4.0  # a conflict between figures further apart than this is two different things

ROUNDING = 0.01  # two exact figures within 1% are one figure rounded differently

SMALL = 10  # counts below this agree by chance too often to be worth a finding

AGREE_BONUS = 0.3  # two figures of one counted thing with compatible values: seldom a coincidence

UNIT_AGREE = 0.5  # compatible figures in one unit, each the other's sole match: shown, at the threshold


def _bounds(m: Measure) -> tuple[float, float]:
    """Bounds after the hedge; a figure with neither bound is exact, one bound leaves a side open.

    An approximate hedge is only as loose as the figure's own digits allow: "about 100,000" may
    be 85,000 or 115,000, but "roughly $141 million" is written to the million and is not $139
    million, nor "some 1.5 million" 1.6 million. A range's bounds are its ends: "between six and 75
    years" holds ten years."""
    if m.low is None and m.high is None:
        return m.value, m.value
    low = m.low if m.low is not None else float("-inf")
    high = m.high if m.high is not None else float("inf")
    if m.low is not None and m.high is not None and m.low < m.value < m.high and not is_range(m):
        unit = digit_unit(m)
        if unit:
            low, high = max(low, m.value - unit), min(high, m.value + unit)
    return low, high


def is_range(m: Measure) -> bool:
    """Is the figure a range of values ("from 7 to 75 years", "between six and 75 years")?"""
    return m.quantity.hedge in RANGE_HEDGES


def _digits(m: Measure) -> tuple[str, float, float] | None:
    """(the digits as written, the scale word's factor, the factor to the dimension's base unit):
    "$43 million" → ("43", 1e6, 1), "50-minute" → ("50", 1, 60), "80 years" → ("80", 1, 60 ×
    525,960); None without digits. The scale is the one a word after the digits writes: a
    duration's value is already in minutes, and that factor is a unit's, not a rounding's ("80
    years" is written to the year, not to ten years as "80 million" is to the million)."""
    found = _DIGITS.search(m.quantity.text)
    if found is None or not m.value:
        return None
    raw = found.group(0).replace(",", "")
    written = float(raw)
    if not written:
        return None
    scale = _scale(m.quantity.text[found.end() :])
    return raw, scale, abs(m.value / (written * scale))


_SCALE_WORDS = re.compile(
    rf"^\s*-?\s*(?:(?P<short>{'|'.join(SHORT_SCALES)})\b|(?P<words>(?:(?:{'|'.join(SCALES)})\b[\s-]*)+))",
    re.I,
)


def _scale(after: str) -> float:
    """The factor of the scale words right after a figure's digits ("million", "bn", "hundred
    thousand"); 1 when none: "$43 million" → 1e6, "80 years" → 1."""
    found = _SCALE_WORDS.match(after)
    if found is None:
        return 1.0
    if found.group("short"):
        return SHORT_SCALES[found.group("short").lower()]
    factor = 1.0
    for word in re.findall(r"[a-z]+", found.group("words").lower()):
        factor *= SCALES[word]
    return factor


def _place(raw: str) -> float:
    """The place value of the last significant digit: "141" → 1, "100000" → 100000, "1.5" → 0.1."""
    if "." in raw:
        return 10.0 ** -len(raw.split(".")[1])
    return 10.0 ** (len(raw) - len(raw.rstrip("0")))


def digit_unit(m: Measure) -> float:
    """The place value of the last significant digit written, in the measure's base unit:
    "141 million" → 1 million, "100,000" → 100,000, "1.5 million" → 100,000; 0 when unknown."""
    digits = _digits(m)
    if digits is None:
        return 0.0
    raw, scale, factor = digits
    return scale * factor * _place(raw)


def precision(m: Measure) -> float:
    """How much a figure may be off by its rounding: "$43 million" may stand for $43,885,310 (a
    writer cuts to the last digit given), "100,000" for anything within half a hundred thousand;
    "100" is exact."""
    digits = _digits(m)
    if digits is None:
        return 0.0
    raw, scale, factor = digits
    place = _place(raw)
    if "." in raw:  # a decimal is rounded: "1.5 million" stands for 1.45-1.55 million, not 1.6
        return factor * scale * 0.5 * place
    if scale > 1.5:  # a scale word ("43 million"): the last digit written is the precision
        return factor * scale * place
    return factor * 0.5 * place if place >= 1000 else 0.0


def _point(m: Measure) -> bool:
    """A figure given as one value, exact or hedged both ways ("about 1.5 million"), not a range
    or an open bound ("more than 5,000")."""
    if is_range(m):
        return False
    return (m.low is None and m.high is None) or (
        m.low is not None and m.high is not None and m.low <= m.value <= m.high
    )


def _rounded(m: Measure) -> bool:
    """Is the figure written to a rounding place the writer chose: a decimal ("1.5 million"), a
    scale word or trailing zeros ("800,000")? "some 16" is a count, loose by its hedge."""
    digits = _digits(m)
    return digits is not None and ("." in digits[0] or digits[1] > 1.5 or _place(digits[0]) >= 10)


def _other_digits(ma: Measure, mb: Measure) -> bool:
    """Two figures written to the same digit with different digits there: "about 1.5 million" and
    "about 1.6 million" are two values, however loose each hedge is, as each writer chose the digit."""
    if not (_point(ma) and _point(mb)) or not (_rounded(ma) and _rounded(mb)):
        return False
    unit = digit_unit(ma)
    return bool(unit) and unit == digit_unit(mb) and abs(ma.value - mb.value) >= 0.999 * unit


def compatible(ma: Measure, mb: Measure) -> bool:
    """Can both figures hold? Bounds after hedges overlap, allowing for rounding."""
    if _other_digits(ma, mb):
        return False
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
    turn for one thing), or one's sits beside the other where the parse does not name two things:
    in "paid $13,625,777 in state and local taxes, and made $14,959,450 in charitable
    contributions" the word beside the first figure is the second's, and the taxes are no gift."""
    ca = ma.counted[:5] if ma.counted else None
    cb = mb.counted[:5] if mb.counted else None
    if ca is None and cb is None:
        return False
    if ca is None or cb is None:  # "the call lasted 50 minutes" / "a 50-minute phone call"
        beside = (ca or cb) in (mb.near if ca else ma.near) and ma.dim is not None
        return beside and not _things_apart(ma, mb)
    return _alike(ca, cb) or ((ca in mb.near or cb in ma.near) and not _things_apart(ma, mb))


_WHOLE = re.compile(r"\ball(?: of)?(?: the| its| their)?\s+$", re.I)


def whole_group(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Do both figures count a whole group ("all 42 members of the GOP caucus" / "all 42 Senate
    Republicans")? Two sentences about the same people that each give the size of a whole group
    give one group's size, whatever noun each uses for its members."""
    return all(
        _WHOLE.search(side.text, max(0, m.quantity.start - side.start - 12), m.quantity.start - side.start)
        is not None
        for side, m in ((p.a, ma), (p.b, mb))
    )


def possessors_apart(ma: Measure, mb: Measure, vectors: PhraseVectors) -> bool:
    """Is each figure's thing someone's by a possessive or a name compounded with it, and not the
    same one's ("Trump's demand" / "the Democrats' offer")? A subject alone does not say whose."""
    owned_a, owned_b = frame_part(ma, "own"), frame_part(mb, "own")
    if not (owned_a or owned_b):
        return False
    # one side's possessive against the name the other's clause is about: "Mr. Bush said his
    # average federal tax rate was 36 percent" / "the Clintons paid an effective federal tax rate
    # of 35.7 percent"
    told = bool((owned_a or named_owner(ma)) and (owned_b or named_owner(mb)))
    return told and owners_apart(ma, mb, vectors)


def _far_apart(ma: Measure, mb: Measure) -> bool:
    low, high = sorted((abs(ma.value), abs(mb.value)))
    return low == 0 or high / low > MAX_RATIO


# a number after one of these counts a part beside one already told ("three other women", "two
# more states", "another 5,000 troops", "one was killed and five others wounded"): not the whole
# another report may count
_PART_OF = re.compile(r"\b(?:others?|more|another|additional|further|extra|new)\b", re.I)


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


def number_confidence(
    p: Pair, ma: Measure, mb: Measure, same_thing: bool, vectors: PhraseVectors = NO_VECTORS
) -> float:
    """How surely two figures state one fact: the same counted thing, the same words around it
    (predicate, participants), the same people named, and sentences that say the same; the
    predicate each figure is an argument of (from the parse) adds to it when it is one and takes
    from it when it is two ("states filed" / "states have legalized")."""
    shared_context = context(ma, mb)
    named = bool(p.a.names & p.b.names)
    # the same owner named beside both figures, or said whose each is ("Bush paid an effective tax
    # rate of roughly 36 percent" / "Mr. Bush said his average federal tax rate was 36 percent")
    owned = bool(ma.owners & mb.owners) or meet(named_owner(ma), named_owner(mb))
    # sentences far apart in meaning hold figures of different facts however the nouns meet
    closeness = min(0.4, max(-0.3, p.score - 0.5))
    predicate = predicates_meet(p, ma, mb, vectors)
    score = (
        (0.3 if same_thing else 0.0)
        + 0.15 * min(shared_context, 2)
        + (0.15 if named else 0.0)
        + (0.2 if owned else 0.0)
        + closeness
        + (SAME_PREDICATE if predicate is True else 0.0)
    )
    if predicate is False:  # those who did one thing against those who did another: to check at most
        score = min(score, OTHER_ACTS)
    return max(0.0, min(1.0, score))


SAME_PREDICATE = 0.25  # both figures are arguments of one verb or event noun: one event measured
# counts of the doers of two acts, neither act told in the other sentence ("five were killed" /
# "seven were injured"): never a stated conflict (below report.CONFIDENT), as the two acts may
# still be one told in other words ("killed" / "died"), which the parse cannot tell
OTHER_ACTS = 0.45


def _mentions(side_text: str, lemmas: frozenset[str]) -> bool:
    words = {w[:5] for w in re.findall(r"[a-z]+", side_text.lower())}
    return any(lemma[:5] in words for lemma in lemmas)


def predicates_meet(p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors = NO_VECTORS) -> bool | None:
    """True when both figures hang on one predicate, False when on two (neither verb said in the
    other sentence: "filed suit" / "have legalized marijuana"), None when the parse does not tell."""
    pa, pb = frame_part(ma, "pred") - LIGHT_VERBS, frame_part(mb, "pred") - LIGHT_VERBS
    if ("modal" in frame_part(ma, "rel")) != ("modal" in frame_part(mb, "rel")):
        return None  # "should pass some 20 measures" / "have passed 40 bills": one act, two events
    if act_classes(ma) & act_classes(mb):
        return True  # one act in other words: "demand" / "requested", "donated" / "made contributions"
    if not pa or not pb:
        return None
    if meet(pa, pb) or _acts_alike(ma, mb, vectors):
        return True  # one verb, or verbs alike in meaning: "were killed" / "died"
    # a count of those who did something, or to whom it was done, is defined by what they did
    # ("Two states filed suit" / "Four states have legalized", "five were killed" / "seven were
    # injured", "the five victims were shot" / "police have named four victims"): another act
    # named elsewhere in the other sentence ("the mass shooting that killed two") is no frame of
    # its count; a sum or a length is told with many verbs ("demanded $5.7 billion" / "had
    # requested $5.7 billion"), and the other sentence saying the verb may still be its frame
    doers = "subj" in frame_part(ma, "rel") | frame_part(mb, "rel")
    if doers and ma.dim is None and mb.dim is None:
        return None if _in_frame(mb, pa) or _in_frame(ma, pb) else False
    if _mentions(p.b.text, pa) or _mentions(p.a.text, pb):
        return None  # the other sentence says it too, as another word's argument
    if doers:
        return False
    return None


def _in_frame(m: Measure, lemmas: frozenset[str]) -> bool:
    """Is one of ``lemmas`` a word of the figure's own frame (its thing, what it is of, its
    act's other arguments)? "killed in the shooting" holds the shooting as its act's argument."""
    # what the act comes from, its time, manner or observer is no word of what it counts or acts on:
    # "named four victims from Saturday's mass shooting" does not name them in the shooting
    told = ("noun:", "of:", "mod:", "subj:", "arg:", "own:")
    words = frozenset(k.split(":", 1)[1] for k in m.quantity.frame if k.startswith(told))
    return meet(words, lemmas)


def manner_apart(ma: Measure, mb: Measure) -> bool:
    """Is one figure's act narrowed by a manner the other's lacks ("three men were fatally shot" /
    "five men were shot")? Those shot fatally are a part of those shot: a part's count is no
    other value for the whole's, so the two never conflict."""
    return frame_part(ma, "how") != frame_part(mb, "how")


def same_frame_thing(ma: Measure, mb: Measure) -> bool:
    """Does the parse name one thing for both figures, whatever word heads each phrase: "made
    $14,959,450 in charitable contributions" / "donated $15 million to charity"?"""
    return meet(_things(ma), _things(mb))


def _things(m: Measure) -> frozenset[str]:
    return frame_part(m, "of") | frame_part(m, "arg") | (frame_part(m, "mod") - PART_WORDS)


def other_owners(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Is each figure someone else's? Both name an owner beside the figure, and neither owner is
    named anywhere in the other sentence ("Mr. Bush paid 35.7 percent" / "the Clintons paid 31.6")."""
    people_a = {o for o in ma.owners if o.startswith("person:")}
    people_b = {o for o in mb.owners if o.startswith("person:")}
    # only people: a group is named many ways ("the GOP caucus" / "Senate Republicans")
    return bool(people_a and people_b and not people_a & p.b.names and not people_b & p.a.names)


def observed_apart(ma: Measure, mb: Measure) -> bool:
    """Is one figure what an observer heard or saw, and the other not that observer's? "A witness
    heard around 10 or 11 shots" / "she heard at least six shots" are two witnesses' counts, and a
    witness's count is no value of the police's; both hold, as accounts, whatever they say."""
    seen_a, seen_b = "seen" in frame_part(ma, "rel"), "seen" in frame_part(mb, "rel")
    if not (seen_a or seen_b):
        return False
    return not (seen_a and seen_b and frame_part(ma, "by") & frame_part(mb, "by"))


def placed_apart(ma: Measure, mb: Measure) -> bool:
    """Are the two figures distances that place two things ("The office building is about 15 miles
    north of Detroit" / "a motorist 50 miles north of Detroit")? Each is where its own thing is."""
    at_a, at_b = frame_part(ma, "at"), frame_part(mb, "at")
    return bool(at_a and at_b) and not meet(at_a, at_b)


def only_of_kind(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Are these the only figures of their kind in two sentences that say the same thing? Then
    they state one fact, whatever noun each puts beside it ("earned roughly $141 million" /
    "reported $139 million in adjusted gross income")."""
    if p.score < SAME_SCORE or _far_apart(ma, mb):
        return False
    return sum(m.dim == ma.dim for m in p.a.measures) == 1 and sum(m.dim == mb.dim for m in p.b.measures) == 1


def _measure_link(
    p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors = NO_VECTORS
) -> tuple[bool, float] | None:
    """(conflict, confidence), or None when the two are not one measure.

    Units alone never make one measure: "two-year extension of tax cuts" and "13-month extension
    of unemployment insurance" are two durations, not one told twice."""
    if ma.dim != mb.dim or persons_apart(ma, mb):
        return None  # another dimension, or people of another sex or age ("man" / "girl")
    part_a, part_b = part_of_more(p.a.text, p.a.start, ma), part_of_more(p.b.text, p.b.start, mb)
    if part_a != part_b:
        return _part_and_whole(p, ma, mb, part_a)
    # both parts beside one already told ("five others were hurt" / "six others injured"): the
    # others of one event, weighed as any two figures
    if other_owners(p, ma, mb) or observed_apart(ma, mb) or names_apart(p, ma, mb) or placed_apart(ma, mb):
        return None
    # figures said of people by name are one fact for one person and two for two, whatever else
    # the sentences share: "21-year-old Christian Merced" / "19-year-old Justice Galarza"
    who_a, who_b = attached_person(ma), attached_person(mb)
    one_person = same_entity(who_a, who_b)
    if who_a and who_b and not one_person:
        return None
    if not compatible(ma, mb) and (
        narrowed_apart(ma, mb) or ("part" in frame_part(ma, "rel")) != ("part" in frame_part(mb, "rel"))
    ):
        # two things counted ("extension of tax cuts" / "of unemployment insurance"), or a part
        # against the whole ("four officers were shot" / "including 2 U.S. Marshals"); the same
        # value of both is seldom a coincidence, so an agreement stands on the other evidence
        return None
    same_thing, unit_and_context, confidence = _rule_evidence(p, ma, mb, vectors)
    if compatible(ma, mb):
        if is_range(ma) != is_range(mb):
            return None  # a range holds a value inside it without stating it ("ages 3 to 12" / "5-year-old")
        if ma.dim is None and max(ma.value, mb.value) < SMALL and p.score < AGREE_SCORE:
            return None  # "two leaders", "three sides": small counts agree everywhere and say little
        if occasions_told_apart(p, ma, mb):
            return None  # one value of two shootings, two games: no fact told twice
        if possessors_apart(ma, mb, vectors) and not (whole_group(p, ma, mb) or one_person):
            # each figure is someone's by a possessive, and not the same one's: "his average federal
            # tax rate was 36 percent" (Mr. Bush said) / "The Clintons' effective federal tax rate
            # for 2014 was 35.7 percent": two people's rates, however close
            return None
        if same_thing or unit_and_context:
            # one thing counted alike twice: the same value is seldom a coincidence
            return False, min(1.0, confidence + AGREE_BONUS)
        return None
    if _far_apart(ma, mb):
        return None  # figures that far apart count different things ("six" aides, "47" senators)
    if manner_apart(ma, mb):
        return None  # "fatally shot" / "shot": a part and its whole, each may be right
    if periods(ma, mb)[1]:
        # each clause gives its figure's time, and no word of it is the other's: "was paid $9.68
        # million in 2013" / "paid nearly $44 million ... from 2007 through 2014", "met for nearly
        # an hour" on one day / "three weeks left": figures of two periods (13 of 13 such judged
        # differing pairs of the tuning parts are two facts, 5 of 5 of the check parts)
        return None
    if _VAGUE.search(ma.quantity.text) or _VAGUE.search(mb.quantity.text):
        return None  # "billions of dollars", "dozens of": an order of size, not a figure to contradict
    # two differing figures are one fact when the written rules are sure of it; the fitted decision
    # (the counted thing and the predicate compared by meaning, its period, a part or a whole, the
    # rules' own evidence: ``same_figure``, fitted on judged pairs of basil-dev, gva-dev and
    # ecbplus-dev) finds more, but no threshold lets it state at the precision a reader needs (0.9
    # on held-out events), so what only it finds is listed to check. Letting it veto the rules
    # (below p 0.3) cost planted number recall (checkable 12/22 to 8/22) for no fewer false alarms
    fitted = probability(fact_features(p, ma, mb, vectors))
    rule = confidence if same_thing or unit_and_context else 0.0
    if rule == 0.0 and fitted < LINK:
        return None
    if (heads_apart(ma, mb) and not whole_group(p, ma, mb)) or occasions_apart(p, ma, mb):
        # two things counted, each named by its own noun ("96 touchdowns" / "269 yards", "six
        # leaders" / "11 members", "25 years old" / "a seven-year veteran"), or one figure told of
        # an earlier occasion the other's clause does not name ("Charles' 80-yard TD run ... two
        # weeks ago" / "an 86-yard touchdown run"): nothing shows one fact, so to check at most; a
        # whole group's size is one fact whatever each calls its members ("all 42 members of the GOP
        # caucus" / "all 42 Senate Republicans")
        return True, min(max(rule, fitted), OTHER_ACTS)
    if owners_apart(ma, mb, vectors) and not (whole_group(p, ma, mb) or one_person):
        # whose figure each is differs ("Abbott offers $10k reward" / "Crime Stoppers is offering a
        # $5,000 reward", "a 19-year-old Beverly man" / "a 21-year-old man"): 19 of 22 such judged
        # differing pairs of the tuning parts are two facts (21 of 21 of the check parts), so they
        # are listed to check at most; a whole group's size is one fact whoever names the group
        return True, min(max(rule, fitted), OTHER_ACTS)
    if name_and_pronoun(p, ma, mb):
        # "Peyton Manning passed for 364 yards and three touchdowns" / "He has 53 catches for 605
        # yards and five touchdowns": the pronoun may be another player's, so listed to check at most
        return True, min(max(rule, fitted), OTHER_ACTS)
    if not one_person and not one_age_bearer(p, ma, mb, vectors):
        # two ages are two people's unless the reports show one person: "a 15-year-old student is
        # dead" / "a 20-year-old wanted in connection to the murder ... has been located" are the
        # victim and the suspect; 30 of 31 judged differing ages of gva-dev and basil-dev are two
        # people's, so an age conflict is stated only on the same name or the same person doing
        # the same thing, and listed to check otherwise
        return True, min(max(rule, fitted), OTHER_ACTS)
    # the rules and the fit weigh evidence; whether any of it shows the two figures one fact is
    # ``one_fact_shown``'s, asked by ``compare_measures``: on reports nobody tuned on, most stated
    # figure conflicts without that proof were two facts of one story ("hold at least 240 seats" /
    # "have lost nearly 60 seats"), so such a pair is listed to check at most
    return True, max(rule, _fit_confidence(fitted))


def one_fact_shown(p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors = NO_VECTORS) -> bool:
    """Does the parse show two differing figures one fact, as a stated conflict needs? One named
    person's figure ("21-year-old Christian Merced" / "Merced, 22") or one bearer's age, or one
    thing by the rules (``_rule_evidence``) on one act: the same predicate or one in other words,
    or none on either side ("a 48-page indictment" / "a 47-page indictment"), with no doers named
    apart ("Republicans hold ... seats" / "Democrats have lost ... seats"). A noun the parse takes
    for the act is none when it is the figure's own thing ("an 11-year-old girl") or an earlier
    item of its list."""
    who_a, who_b = attached_person(ma), attached_person(mb)
    if who_a and who_b and same_entity(who_a, who_b):
        return True
    if ma.counted == "age" == mb.counted:
        return one_age_bearer(p, ma, mb, vectors)  # two ages are one fact only as one bearer's
    same_thing, unit_and_context, _ = _rule_evidence(p, ma, mb, vectors)
    if not (same_thing or unit_and_context) or listed_after(p.a, ma) or listed_after(p.b, mb):
        return False
    if one_thing_sized(p, ma, mb) and not _doers_apart(p, ma, mb):
        return True
    acts_a, acts_b = _acts(ma), _acts(mb)
    if not acts_a and not acts_b:
        return not _doers_apart(p, ma, mb)
    return (
        bool(acts_a and acts_b)
        and predicates_meet(p, ma, mb, vectors) is True
        and not _doers_apart(p, ma, mb)
    )


# a figure written as a compound modifier of the noun it sizes: "a 60-day suspension", "a 21-year
# veteran", "a 35-word statement", "a two-hour delay" (an age, "21-year-old", is ``one_age_bearer``'s)
_COMPOUND = re.compile(r"^[\w.,$]+(?:-[a-z]+)+$", re.I)


def _sized_noun(m: Measure) -> str | None:
    """The noun a figure sizes as its compound modifier ("a 60-day suspension" → suspension), when
    it names a thing, not a unit or an age."""
    if not m.counted or m.counted == "age" or not _COMPOUND.match(m.quantity.text):
        return None
    return m.counted if dimension(m.counted)[0] != m.dim else None


def _narrowing(m: Measure) -> frozenset[str]:
    """The words that narrow the noun a figure sizes: whose it is, what it is of, its modifiers."""
    return frame_part(m, "of") | frame_part(m, "own") | frame_part(m, "mod")


def one_thing_sized(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Do both figures size one thing, as what the thing is rather than what a clause does with it?
    The figure is a compound modifier of one noun on both sides, the noun's narrowing words never
    apart ("a 60-day suspension" / "a 120-day suspension", "a 21-year FBI veteran" / "a 42-year
    veteran of the FBI"); or one side's act is the noun the other's figure sizes, the act told as a
    noun ("should be suspended for 60 days" / "face a 120-day suspension", "sentenced to 20 years" /
    "a 25-year sentence"), that act no noun of another figure of its sentence (the parse hangs "20
    years in prison" of "... of a 12-year-old girl and 20 years" on "girl", no act). The clauses'
    own predicates ("was fired" / "played a role") then show nothing either way: the figure is the
    thing's."""
    na, nb = _sized_noun(ma), _sized_noun(mb)
    if na and nb:
        if not _alike(na[:5], nb[:5]):
            return False
        narrow_a, narrow_b = _narrowing(ma), _narrowing(mb)
        return not narrow_a or not narrow_b or meet(narrow_a, narrow_b)
    noun, (side, other) = (na, (p.b, mb)) if na else (nb, (p.a, ma))
    if noun is None or other.dim is None:
        return False
    nouns = frozenset(n for o in side.measures if o is not other for n in frame_part(o, "noun"))
    acts = frozenset(w for w in _acts(other) if not meet(frozenset({w}), nouns))
    return meet(frozenset({noun}), acts)


def _acts(m: Measure) -> frozenset[str]:
    """The figure's predicate words, less light verbs and the nouns of its own phrase."""
    own = frame_part(m, "noun") | ({m.counted} if m.counted else set())
    return frozenset(
        w for w in frame_part(m, "pred") - LIGHT_VERBS if not meet(frozenset({w}), frozenset(own))
    )


def listed_after(side: SentenceFacts, m: Measure) -> bool:
    """Does the parse hang the figure on an earlier item of a list it is part of ("recovered 14
    rifles, 31 magazines and 923 rounds": the rounds on "magazine"; "had 440 yards and four
    touchdowns")? Its predicate is then another counted noun of its sentence, not the list's act,
    and two such figures meet on nothing that shows one fact."""
    preds = frame_part(m, "pred") - LIGHT_VERBS
    others = frozenset(o.counted for o in side.measures if o is not m and o.counted)
    return bool(preds) and meet(preds, others)


def _doers_apart(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Does each figure's act name its doer, and neither doer is said in the other sentence?"""
    da, db = frame_part(ma, "subj") | frame_part(ma, "who"), frame_part(mb, "subj") | frame_part(mb, "who")
    da, db = da - {"-pron-"}, db - {"-pron-"}
    if not da or not db or meet(da, db):
        return False
    return not _mentions(p.b.text, da) and not _mentions(p.a.text, db)


def heads_apart(ma: Measure, mb: Measure) -> bool:
    """Does the parse head each figure with its own noun, and two nouns of two things: "96
    touchdowns" / "269 yards", "six leaders of the church" / "11 members", "25 years old" / "a
    seven-year veteran"? A unit is no such noun ("$43 million" / "nearly $44 million"), nor are
    nouns a reporter uses in turn for one thing ("troops" / "soldiers")."""
    if ma.counted and mb.counted and _alike(ma.counted[:5], mb.counted[:5]):
        return False
    nouns_a, nouns_b = _head_nouns(ma), _head_nouns(mb)
    if not nouns_a or not nouns_b or meet(nouns_a, nouns_b):
        return False
    # nouns alike in meaning are no sign of one thing: "leaders of the church" / "members of his
    # church" are near as phrases, and two sets of people
    return not any(_alike(a[:5], b[:5]) for a in nouns_a for b in nouns_b)


def _head_nouns(m: Measure) -> frozenset[str]:
    """The nouns the parse heads a figure with, less its unit, digits and scale words ("60 days",
    "$30 million" → none)."""
    return frozenset(
        n
        for n in frame_part(m, "noun")
        if n.isalpha() and n not in SCALES and (dimension(n)[0] != m.dim or m.dim is None)
    )


# the time words that place a figure on an occasion before the one reported: "two weeks ago",
# "the previous season", "earlier this year", "last season"; a year is not one ("from 2007 to
# 2014" may be the period the story is about), nor "last year" or "last week" ("Last year, the
# Clintons paid an effective federal tax rate of 35.7 percent" is the year their returns tell; a
# shooting "last week" is the one reported)
_EARLIER = frozenset({"ago", "previous", "earlier", "prior", "former"})
_LAST = frozenset({"season", "game"})


def earlier_occasion(m: Measure) -> bool:
    """Does the figure's clause place it on an earlier occasion ("two weeks ago", "last season"):
    a feat of another game or season, not the event reported?"""
    time = frame_part(m, "time")
    return bool(time & _EARLIER) or ("last" in time and bool(time & _LAST))


def occasions_apart(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Can the two figures not be shown of one occasion? One is told of an earlier occasion and the
    other's clause is silent on when, or the two are ``occasions_told_apart``. Two clauses that
    both give a time are ``periods``' to weigh."""
    ta, tb = frame_part(ma, "time"), frame_part(mb, "time")
    if (earlier_occasion(ma) and not tb) or (earlier_occasion(mb) and not ta):
        return True
    return occasions_told_apart(p, ma, mb)


def occasions_told_apart(p: Pair, ma: Measure, mb: Measure) -> bool:
    """Does the parse show two occasions (``annotation.figures``' ``occ:`` keys)? One figure is
    summed over several acts and the other not ("four people were killed ... in shootings across
    the city" / "shooting three people to death"), or each act is placed or played against names
    the other sentence never says ("in the victory at Atlanta" / "in the loss against Tampa", "in
    the Iowa poll" / "in the New Hampshire poll"): two shootings, two games, two polls. A name
    told one way and then another ("at Atlanta" / "against the Falcons") is set apart too: the
    pair is held to check, not stated."""
    occ_a, occ_b = frame_part(ma, "occ"), frame_part(mb, "occ")
    if (MANY in occ_a) != (MANY in occ_b):
        return True
    names_a, names_b = occ_a - {MANY}, occ_b - {MANY}
    if not names_a or not names_b or meet(names_a, names_b):
        return False
    return not _mentions(p.b.text, names_a) and not _mentions(p.a.text, names_b)


# nouns an age makes of itself ("a 20-year-old wanted ...", "59-year"): they name no kind of person
_AGE_NOUNS = frozenset({"old", "year"})


def one_age_bearer(p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors = NO_VECTORS) -> bool:
    """Do two figures that are not both ages, or two ages said of one kind of person doing one
    thing ("a 15-year-old student is dead" / "a 16-year-old student is dead"), tell of one bearer?
    Ages of a person by a noun alone ("the 20-year-old") or of two acts ("was killed" / "was
    arrested") may be two people's."""
    if not (ma.counted == "age" and mb.counted == "age"):
        return True
    nouns_a, nouns_b = frame_part(ma, "noun") - _AGE_NOUNS, frame_part(mb, "noun") - _AGE_NOUNS
    one_kind = bool(nouns_a and nouns_b and meet(nouns_a, nouns_b))
    acts = predicates_meet(p, ma, mb, vectors)
    if one_kind and acts is True:
        return True
    # each sentence tells of one person of a sex and an age group, the same: "the victims are a
    # 36-year-old man and two children, a 3-year-old boy and a 5-year-old girl" / "the bodies of
    # the children, a 3-year-old girl and a boy" (gva-dev 548991: one girl, her age told two ways)
    # or of one kinship noun that tells the sex only ("his 16-year-old daughter" / "his daughter,
    # 17"): one noun of one kind, the only such age in each sentence
    kind = person_kind(ma)
    told = all(kind) or (one_kind and any(kind))
    sole = told and kind == person_kind(mb) and _sole_of(p.a, ma) and _sole_of(p.b, mb)
    return sole and acts is not False


def _sole_of(side: SentenceFacts, m: Measure) -> bool:
    """Is ``m`` the only age its sentence gives of a person of its kind (sex and age group)?"""
    kind = person_kind(m)
    return sum(o.counted == "age" and person_kind(o) == kind for o in side.measures) == 1


def _fit_confidence(fitted: float) -> float:
    """The fitted probability as a conflict's confidence: stated (from ``report.CONFIDENT``) at or
    above the fit's stating line, else listed to check at most."""
    line = stating_line()
    if fitted >= line:
        return CONFIDENT + (fitted - line) * (1 - CONFIDENT) / (1 - line)
    return min(fitted, OTHER_ACTS)


LINK = 0.4  # the fitted probability from which two differing figures are listed (to check)

SAME_ACT = 0.7  # predicates this alike in meaning are one act told in other words ("killed" / "died")


def _acts_alike(ma: Measure, mb: Measure, vectors: PhraseVectors) -> bool:
    return vectors.similarity(predicate_phrase(ma), predicate_phrase(mb)) >= SAME_ACT


def _rule_evidence(
    p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors = NO_VECTORS
) -> tuple[bool, bool, float]:
    """(one counted thing, a unit with its predicate and participants around it on both sides,
    the written rules' confidence that the two are one fact)."""
    same_thing = (
        same_counted(ma, mb) or whole_group(p, ma, mb) or only_of_kind(p, ma, mb) or same_frame_thing(ma, mb)
    )
    # a unit with no counted noun ("for 60 days") is one measure only with its predicate and
    # participants around it on both sides (two words, or one and the same owner): the unit alone
    # never aligns two figures
    unit_and_context = (
        ma.dim is not None
        and not (ma.counted and mb.counted)
        and (context(ma, mb) >= 2 or (context(ma, mb) >= 1 and bool(ma.owners & mb.owners)))
    )
    return same_thing, unit_and_context, number_confidence(p, ma, mb, same_thing, vectors)


def fact_features(p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors) -> dict[str, float]:
    """The fitted decision's evidence: the frames compared by meaning (``same_figure``) beside the
    written rules' own verdict, which the fit weighs rather than trusts."""
    same_thing, unit_and_context, confidence = _rule_evidence(p, ma, mb, vectors)
    rules = {"rule": confidence, "rule_same": float(same_thing or unit_and_context)}
    return figure_features(p, ma, mb, vectors) | rules | frame_features(p, ma, mb, vectors)


def frame_features(p: Pair, ma: Measure, mb: Measure, vectors: PhraseVectors) -> dict[str, float]:
    """What the frames' structure says beside the phrases' meaning: one person or two by name, the
    predicates one act or two, one's act told in the other's frame, a manner or an observer apart."""
    who_a, who_b = attached_person(ma), attached_person(mb)
    acts = predicates_meet(p, ma, mb, vectors)
    pa, pb = frame_part(ma, "pred") - LIGHT_VERBS, frame_part(mb, "pred") - LIGHT_VERBS
    return {
        "one_person": float(bool(who_a and who_b) and same_entity(who_a, who_b)),
        "persons_apart": float(bool(who_a and who_b) and not same_entity(who_a, who_b)),
        "same_act": float(acts is True),
        "other_acts": float(acts is False),
        "in_frame": float(_in_frame(mb, pa) or _in_frame(ma, pb)),
        "manner_apart": float(manner_apart(ma, mb)),
        "seen_apart": float(observed_apart(ma, mb)),
    }


def _part_and_whole(p: Pair, ma: Measure, mb: Measure, part_a: bool) -> tuple[bool, float] | None:
    """A count of others beside one already told ("three other women" accuse him, besides her)
    against a count of the whole ("accusations of four women"): they agree when the whole is one
    more than the others, the one the story is about; no other value contradicts it, as the
    report need not say how many were told before."""
    part_b = part_of_more(p.b.text, p.b.start, mb)
    if part_a == part_b or ma.dim is not None or mb.dim is not None or not same_counted(ma, mb):
        return None
    part, whole = (ma, mb) if part_a else (mb, ma)
    # the ones already told are one, the one the story is about, unless the part's own sentence
    # counts them: "Three men were fatally shot and two others seriously wounded" is five men
    told = _told_before(p.a if part_a else p.b, part)
    if whole.value != part.value + told or (part.low, part.high) != (part.value, part.value):
        return None
    if predicates_meet(p, ma, mb) is False:
        return None
    return False, min(1.0, number_confidence(p, ma, mb, True) + AGREE_BONUS)


def _told_before(side: SentenceFacts, part: Measure) -> float:
    """How many the others of ``part`` are added to: the count its own sentence gives before it
    ("three men ... and two others"), else one, the one the story is about ("three other women")."""
    before = [
        m
        for m in side.measures
        if m.dim is None and m.quantity.end <= part.quantity.start and (m.low, m.high) == (m.value, m.value)
    ]
    return before[-1].value if before else 1.0


def frame_evidence(p: Pair, ma: Measure, mb: Measure) -> int:
    """How many parts of the two figures' frames meet (the predicate, the thing counted): of two
    figures a sentence could be paired with, the one in the same frame is its counterpart."""
    return int(predicates_meet(p, ma, mb) is True) + int(same_frame_thing(ma, mb))


def _also_told(m: Measure, others: Sequence[Measure], sexes: frozenset[str] = frozenset()) -> bool:
    """Does the other sentence give this figure of this thing too (one value, not a bound such
    as "over 10 percent")? Then its other figures of the thing are others of a list, not another
    value for this one. A figure of people of another sex that the figure's own sentence names
    too (``sexes``) is no telling of it: "three women and two men" / "three men and two women"
    tell the women two ways, "a 3-year-old boy and a 5-year-old girl" / "a 3-year-old girl and a
    boy" the girl's age."""
    return _point(m) and any(
        o.dim == m.dim
        and _point(o)
        and (same_counted(m, o) or _same_bare_measure(m, o))
        and compatible(m, o)
        and not _things_apart(m, o)
        and not (persons_apart(m, o) and person_kind(o)[0] in sexes)
        for o in others
    )


def _same_bare_measure(m: Measure, o: Measure) -> bool:
    """Two measures of one unit and value, neither naming what it counts: "sentenced to 2 years,
    with 9 months to serve" / "to 2 1/2 years, with 9 months to serve" tell the 9 months both."""
    return m.dim is not None and not m.counted and not o.counted and m.value == o.value


def _things_apart(ma: Measure, mb: Measure) -> bool:
    """Does the parse name a thing for each figure, and two different things? A word beside a
    figure is no counted thing: "gave nearly $15 million to charity" / "donated $30 million to
    charity, and paid an additional $13.6 million in state taxes" (the taxes are no other value
    of the gift that $13.6 million would fit)."""
    things_a, things_b = _things(ma), _things(mb)
    return bool(things_a and things_b) and not meet(things_a, things_b)


def compare_measures(p: Pair, vectors: PhraseVectors = NO_VECTORS) -> list[Link]:
    """Numbers of one dimension counting one thing: agree when their bounds overlap, else conflict."""
    links = []
    sexes_a, sexes_b = sexes_named(p.a.text), sexes_named(p.b.text)
    for ia, ma in enumerate(p.a.measures):
        for ib, mb in enumerate(p.b.measures):
            verdict = _measure_link(p, ma, mb, vectors)
            if verdict is None:
                continue
            conflict, confidence = verdict
            if conflict and (_also_told(ma, p.b.measures, sexes_a) or _also_told(mb, p.a.measures, sexes_b)):
                continue  # "the 6-month-old" / "an 11-month-old, the 6-month-old and ...": a list
            # a conflict is stated only with structural proof of one fact; without it, it goes to
            # the floor of the "to check" list with its evidence's confidence and the proof apart
            proven = not conflict or one_fact_shown(p, ma, mb, vectors)
            links.append(
                Link(
                    "number",
                    conflict,
                    Side.of(p.a, ma.quantity.text, measure_value(ma), "m", ia),
                    Side.of(p.b, mb.quantity.text, measure_value(mb), "m", ib),
                    p.score + 0.5 + 0.2 * context(ma, mb) + 0.2 * frame_evidence(p, ma, mb),
                    confidence,
                    proven,
                )
            )
    return links


def _written(m: Measure) -> float:
    """A duration's number as written, before its unit ("50-minute" → 50, "an hour" → 1)."""
    found = _DIGITS.search(m.quantity.text)
    return float(found.group(0).replace(",", "")) if found else 1.0


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

    def one_value(ms: Sequence[Measure]) -> bool:  # a figure a report repeats counts once
        distinct = list({(m.quantity.text, m.low, m.high, m.value): m for m in ms}.values())
        return all(compatible(m1, m2) for m1 in distinct for m2 in distinct)

    sole: dict[tuple[int, int], bool] = {}  # (source, id of the other report's figure) → one value

    def sole_in(s: int, mb: Measure) -> bool:
        if (s, id(mb)) not in sole:
            sole[(s, id(mb))] = one_value([m for _, _, m in by_source[s] if compatible(m, mb)])
        return sole[(s, id(mb))]

    links = []
    sources = sorted(by_source)
    for x, s in enumerate(sources):
        for t in sources[x + 1 :]:
            for fa, ia, ma in by_source[s]:
                match = [(fb, ib, mb) for fb, ib, mb in by_source[t] if compatible(mb, ma)]
                if not one_value([mb for _, _, mb in match]):
                    continue
                for fb, ib, mb in match:
                    if max(_written(ma), _written(mb)) < SMALL or is_range(ma) != is_range(mb):
                        continue  # "one day" / "one-day", "two years": small counts agree by chance
                    if persons_apart(ma, mb):
                        continue  # "a 26-year-old man" / "a 26-year-old woman": two people
                    if sole_in(s, mb):
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
