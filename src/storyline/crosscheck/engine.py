"""The cross-check itself: annotated reports in, Report out.

facts per sentence → candidate pairs (keys + vectors) → typed links → groups across sources →
findings (agree / conflict / unique) → brief, quotes, timeline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from storyline.crosscheck.addresses import (
    compare_addresses,
    compare_crossings,
    compare_street_types,
    finer_grain,
)
from storyline.crosscheck.age_lists import compare_age_lists
from storyline.crosscheck.agents import compare_agents
from storyline.crosscheck.align import best_claim_links, group_links, mutual_best
from storyline.crosscheck.candidates import Pair, candidate_pairs, sentence_vectors
from storyline.crosscheck.corroborate import find_copies, origins
from storyline.crosscheck.counterparts import drop_inexact_counterparts, one_act, open_bound
from storyline.crosscheck.death_places import compare_death_places
from storyline.crosscheck.decide import decide
from storyline.crosscheck.events import event_phrases, series_dates
from storyline.crosscheck.facts import Measure, SentenceFacts, sentence_facts
from storyline.crosscheck.links import Link, Side, figures_of, is_figure
from storyline.crosscheck.measures import compatible, is_range, sole_counterparts
from storyline.crosscheck.one_fact import one_bearer, one_fact
from storyline.crosscheck.participants import compare_person_kinds, compare_weapons
from storyline.crosscheck.partitive import one_subset
from storyline.crosscheck.predicates import (
    Docs,
    Parser,
    default_nlp,
    in_articles,
    one_polarity,
    one_predication,
    parser,
    same_words,
    shared_act,
)
from storyline.crosscheck.quotes import compare_quotes, quote_facts
from storyline.crosscheck.report import (
    CONFIDENT,
    agree_threshold,
    assemble,
    finding_of,
    outlet_names,
    source_refs,
    unique_finding,
)
from storyline.crosscheck.roles import compare_roles
from storyline.crosscheck.same_figure import NO_VECTORS, PhraseVectors, embed_phrases, figure_phrases
from storyline.crosscheck.wounds import compare_wounds, one_wound
from storyline.model import AnnotatedArticle, Finding, Report

UNIQUE_SCORE = 0.5  # a sentence whose best counterpart scores below this is told by one source only
MIN_UNIQUE_WORDS = 6  # shorter lines are headings or furniture, not statements


def all_links(
    articles: Sequence[AnnotatedArticle],
    facts: Sequence[SentenceFacts],
    pairs: Sequence[Pair],
    parse: Parser,
    vectors: PhraseVectors = NO_VECTORS,
    nlp: Any = None,
) -> list[Link]:
    """Typed links of every candidate pair, of every pair of quotes, of people's roles and of
    where a victim died (``death_places``, parsed with ``nlp``, the default pipeline if None).

    An agreement too unsure to state is left out before grouping, so it cannot pull a statement
    into (and lower the confidence of) a group that holds without it; sentences whose quotes
    differ, or that give one person different roles, do not agree as claims; sentences agree as
    claims only when they make one predication (``predicates``)."""
    series = series_dates(facts)  # each report read whole: the acts it dates as a series
    decided = one_act(((p, ln) for p in pairs for ln in decide(p, vectors, series)), vectors)
    links = finer_grain(one_polarity(one_predication(decided, parse), parse))
    linked = {(ln.a.key, ln.b.key) for ln in links if ln.aspect == "number"}
    links += [
        ln for ln in _one_person_each(sole_counterparts(facts), facts) if (ln.a.key, ln.b.key) not in linked
    ]
    claims = best_claim_links(ln for ln in links if ln.aspect == "claim")
    facts_linked = mutual_best(ln for ln in links if ln.aspect in ("number", "date", "place"))
    facts_linked = _drop_crossed_figures(facts_linked, facts)
    facts_linked = _drop_quoted_values(_drop_other_bounds(facts_linked, facts), facts)
    facts_linked = drop_inexact_counterparts(facts_linked, facts)
    facts_linked, ranged = _other_ranges(facts_linked, facts, pairs)
    by_source: list[list[SentenceFacts]] = [[] for _ in articles]
    for f in facts:
        by_source[f.source].append(f)
    quotes_by_source = [[q for f in fs for q in f.quotes] for fs in by_source]
    texts = [a.text for a in articles]
    placed = in_articles(texts, [[(f.start, f.end, f.text) for f in fs] for fs in by_source])
    docs = Docs(nlp if nlp is not None else default_nlp(), placed)  # each sentence parsed once below
    # best per part of a quote; a quote's occasion read from its speech verb's parse
    quoted = compare_quotes(quote_facts(quotes_by_source), by_source, parse, docs)
    quoted += compare_roles(articles, by_source)
    quoted += compare_death_places(by_source, docs)
    # a sentence inside a quote another source words differently agrees with that source on
    # nothing: the quote's span may hold several sentences ("I think it's unpatriotic. And yes, I
    # think it's corrupt." / "... corrupt and evidence of collusion")
    differing: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for ln in quoted:
        if ln.conflict:
            for side, other in ((ln.a, ln.b), (ln.b, ln.a)):
                differing[(side.source, other.source)].append((side.start, side.end))

    def differs(side: Side, other: Side) -> bool:
        spans = differing[(side.source, other.source)]
        return any(start < side.end and side.start < end for start, end in spans)

    told = participants(articles, by_source, pairs, docs)
    apart = _set_apart([ln for _, ln in decided] + quoted + told) | ranged
    claims = [
        ln
        for ln in claims
        if not (differs(ln.a, ln.b) or differs(ln.b, ln.a)) and (ln.conflict or _sentences(ln) not in apart)
    ]
    # a figure or a date agreed between two sentences that a listed conflict sets at odds would
    # show the sentences' discrepancy as corroborated ("Cyrus Vance, then a district attorney,
    # declined ... in 2015" / "then an assistant district attorney, declined ... in 2015")
    shown = _set_apart(facts_linked + quoted + told) | ranged
    facts_linked = [ln for ln in facts_linked if ln.conflict or _sentences(ln) not in shown]
    return [
        ln
        for ln in one_wound(
            one_subset(one_fact(facts_linked + claims + quoted + told, facts), facts, docs), facts, docs
        )
        if ln.conflict or ln.confidence >= agree_threshold(ln.aspect)
    ]


def participants(
    articles: Sequence[AnnotatedArticle],
    by_source: Sequence[Sequence[SentenceFacts]],
    pairs: Sequence[Pair],
    docs: Docs,
) -> list[Link]:
    """Who and what took part, and where, told incompatibly: a person's kind, the weapon, the
    wound's site, who did an act, the address, the crossing or the street's type
    (``participants``, ``wounds``, ``agents``, ``addresses``); and a group's ages told as a list
    (``age_lists``)."""
    texts = [a.text for a in articles]
    return [
        *compare_person_kinds(pairs, texts, docs),
        *compare_weapons(by_source),
        *compare_wounds(by_source, docs),
        *compare_agents(by_source, docs),
        *compare_addresses(pairs),
        *compare_crossings(by_source, docs),
        *compare_street_types(by_source),
        *compare_age_lists(pairs),
    ]


# the aspects whose conflicts are two values of one thing, so their sentences state no one fact
VALUE_ASPECTS = frozenset({"number", "date", "role", "claim", "quote", "speaker"})


def _set_apart(links: Sequence[Link]) -> set[tuple[int, int, int, int]]:
    """The sentence pairs (source, start of each) that some comparison finds at odds: a figure, a
    date, a role, a polarity or quoted words that differ, stated or to check, and even where a
    better match elsewhere keeps it from being stated. A place is left out: told without a
    gazetteer, "Massachusetts Gov. Deval Patrick" against a "BOSTON —" dateline is no place
    conflict (a place read from the parse, sure enough to state, is one), and a cosmetic wording
    variant is no difference of value. Two such sentences state no one claim, however alike:
    "Cyrus Vance, then a district attorney" / "then an assistant district attorney", "1.5
    million women" / "1.6 million women" (issue 14: held-out
    discrepancies shown as agreements)."""
    # a value the other sentence gives too is told there; its conflict with another of that
    # sentence's values is a cross pairing ("2 1/2 years, with 9 months" / "2 1/2 years ... 9
    # months"), not two values of one thing
    told = {
        (x.key, y.source, y.start) for ln in links if not ln.conflict for x, y in ((ln.a, ln.b), (ln.b, ln.a))
    }
    out = set()
    for ln in links:
        placed = ln.aspect == "place" and ln.confidence >= CONFIDENT
        if ln.conflict and (ln.aspect in VALUE_ASPECTS or placed):
            a, b = (ln.a.source, ln.a.start), (ln.b.source, ln.b.start)
            if (ln.a.key, *b) in told or (ln.b.key, *a) in told:
                continue
            out |= {(*a, *b), (*b, *a)}
    return out


def _sentences(ln: Link) -> tuple[int, int, int, int]:
    """The link's two sentences (source, start of each), as ``_set_apart`` holds them."""
    return (ln.a.source, ln.a.start, ln.b.source, ln.b.start)


def _one_person_each(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Agreements by the unit alone (``sole_counterparts``) between ages only where each report
    gives that age in one sentence: an age is a person's, and a crime story's "A 25-year-old woman
    was shot in the neck" and "Another 25-year-old woman was shot in her face" are two women, not
    one figure told twice (gva-dev)."""
    told: dict[tuple[int, float], set[int]] = defaultdict(set)
    for f in facts:
        for m in f.measures:
            if m.counted == "age":
                told[(f.source, m.value)].add(f.index)
    figure = figures_of(facts)

    def once(side: Side) -> bool:
        m = figure(side)
        return m.counted != "age" or len(told[(side.key[0], m.value)]) == 1

    return [ln for ln in links if once(ln.a) and once(ln.b)]


def _one_claim_retold(parse: Parser) -> Callable[[Side, Side], bool]:
    """May two sentences of one report stand in one claim agreement, one claim told twice? Only
    when they tell one act themselves (``shared_act``, or one holds the other's words): each
    resembling the other report's sentence is not enough, or a long sentence that several of
    one report's sentences each resemble gathers them into a grab-bag of facts (issue 14). "Putin
    had not decided whether to invade" and "Putin has not yet decided to order the invasion" (the
    seeds' report b) tell one denial twice."""

    def retold(x: Side, y: Side) -> bool:
        if x.key[2:] != ("s",) or y.key[2:] != ("s",):
            return True
        return same_words(x.text, y.text) or shared_act(*parse([x.text, y.text]))

    return retold


def _one_value_retold(facts: Sequence[SentenceFacts]) -> Callable[[Side, Side], bool]:
    """May two figures of one report stand in one agreement, one figure told twice? Only when
    both give one value: "nearly $44 million" and "between $19 and $22 million" are two sums,
    though "tens of millions of dollars" in the other report agrees with each; a report rounds
    its own figure ("nearly an hour" / "50 minutes") but does not retell it as an open bound, so
    Charles's "runs of 80 or more yards" is not Hillis's "101 yards" told again (ecbplus-dev),
    though another report's "101" fits both."""
    figure = figures_of(facts)
    same_bearer = one_bearer(facts)

    def retold(x: Side, y: Side) -> bool:
        if not same_bearer(x, y):
            return False
        if not (is_figure(x) and is_figure(y)):
            return True
        ma, mb = figure(x), figure(y)
        return compatible(ma, mb) and (ma.value == mb.value or not (open_bound(ma) or open_bound(mb)))

    return retold


def _drop_crossed_figures(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Number conflicts between two figures both sources give: when each report also states the
    other's figure of the same counted thing ("60 votes" and "51 votes" in both), the two figures
    count different things that the sentences happened to pair, not one fact the reports disagree
    on."""
    figure = figures_of(facts)
    by_source: dict[int, list[Measure]] = defaultdict(list)
    for f in facts:
        by_source[f.source].extend(f.measures)

    def measure(ln: Link) -> tuple[Measure, Measure]:
        return figure(ln.a), figure(ln.b)

    def gives(source: int, m: Measure) -> bool:  # the same figure of the same counted thing
        return any(o.dim == m.dim and o.counted == m.counted and compatible(o, m) for o in by_source[source])

    out = []
    for ln in links:
        if ln.aspect == "number" and ln.conflict:
            ma, mb = measure(ln)
            if gives(ln.a.source, mb) and gives(ln.b.source, ma):
                continue
        out.append(ln)
    return out


def _drop_other_bounds(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Number agreements whose two figures state no one value, though both may hold: two bounds
    with different values on one side ("a reward of up to $5,000" / "of up to $10,000"), a floor
    and a ceiling more than ``BOUND_SPREAD`` times apart ("could be sentenced to up to 119 years"
    / "at least 45 years in prison before being eligible for release", ecbplus-dev; not "more
    than 100 mph" / "up to 120 mph"), or a
    bound and a figure more than ``BOUND_SPREAD`` times away from it ("more than 3,000 employees"
    / "15,000 employees"): a writer bounds a figure by a round number near it, so "more than 100"
    is 120, not 15,000."""
    measure = figures_of(facts)

    def bound(m: Measure) -> float | None:  # the one end of a figure written as a bound
        return m.high if m.low is None else m.low if m.high is None else None

    def far(x: float, y: float) -> bool:
        return min(x, y) <= 0 or max(x, y) > BOUND_SPREAD * min(x, y)

    def other_values(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        ba, bb = bound(ma), bound(mb)
        if ba is not None and bb is not None:
            same_side = (ma.low is None) == (mb.low is None)
            return ba != bb if same_side else far(ba, bb)
        if ba is not None or bb is not None:
            edge, other = (ba, mb) if ba is not None else (bb, ma)
            return edge is not None and far(edge, other.value)
        return False

    return [ln for ln in links if ln.aspect != "number" or ln.conflict or not other_values(ln)]


def _other_ranges(
    links: Sequence[Link], facts: Sequence[SentenceFacts], pairs: Sequence[Pair] = ()
) -> tuple[list[Link], set[tuple[int, int, int, int]]]:
    """The links less the number agreements between two ranges with other ends, and the sentence
    pairs that hold them, or (of the candidate ``pairs``) that each give a range of one dimension,
    with other ends, neither giving the other's. A range is told by its ends: "sentences of
    between six and 75 years" and "sentences ranging from 7 to 75 years" overlap, but give two
    values of one span (ecbplus-dev), so neither the span nor anything else the two sentences
    share ("seven men have been convicted") is shown agreed: their values differ (issue 14:
    compatible values only)."""
    measure = figures_of(facts)

    def other_ends(ln: Link) -> bool:
        ma, mb = measure(ln.a), measure(ln.b)
        return is_range(ma) and is_range(mb) and (ma.low, ma.high) != (mb.low, mb.high)

    dropped = [ln for ln in links if ln.aspect == "number" and not ln.conflict and other_ends(ln)]
    apart = {(ln.a.source, ln.a.start, ln.b.source, ln.b.start) for ln in dropped}

    def spans(f: SentenceFacts) -> set[tuple[str | None, float | None, float | None]]:
        return {(m.dim, m.low, m.high) for m in f.measures if is_range(m)}

    for p in pairs:
        ra, rb = spans(p.a), spans(p.b)
        if ra and rb and not ra & rb and {d for d, _, _ in ra} & {d for d, _, _ in rb}:
            apart.add((p.a.source, p.a.start, p.b.source, p.b.start))
    return [ln for ln in links if ln not in dropped], apart | {(c, d, a, b) for a, b, c, d in apart}


def _drop_quoted_values(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """Agreements on a figure or a day that both reports give inside quoted words ("you don't need
    to be in the pew every Sunday", "my visit to Mexico today", "leaving an 11-year-old with a
    loaded rifle"): the words are the speaker's, and the quote's own agreement already sets them
    side by side; told again as a fact, one remark would be shown twice."""
    lookup = {(f.source, f.index): f for f in facts}

    def quoted(side: Side) -> bool:
        source, index, kind, i = side.key
        f = lookup[(source, index)]
        at = f.measures[i].quantity.start if kind == "m" else f.dates[i].time.offset[0]
        return any(q.direct and q.start <= at < q.end for q in f.quotes)

    return [
        ln
        for ln in links
        if ln.conflict or ln.aspect not in ("number", "date") or not (quoted(ln.a) and quoted(ln.b))
    ]


BOUND_SPREAD = 2.0  # how far beyond its bound a figure may lie and still be the figure bounded


def unique_sentences(
    facts: Sequence[SentenceFacts], pairs: Sequence[Pair], links: Sequence[Link]
) -> list[SentenceFacts]:
    """Sentences with no counterpart in any other source: no statement or quote link, and no
    candidate that comes close."""
    best: dict[tuple[int, int], float] = defaultdict(float)
    for p in pairs:
        for f in (p.a, p.b):
            best[(f.source, f.index)] = max(best[(f.source, f.index)], p.score)
    covered = {
        (side.source, side.start)
        for ln in links
        if ln.aspect in ("claim", "quote", "speaker")
        for side in (ln.a, ln.b)
    }
    return [
        f
        for f in facts
        if best[(f.source, f.index)] < UNIQUE_SCORE
        and (f.source, f.start) not in covered
        and len(f.text.split()) >= MIN_UNIQUE_WORDS
    ]


def _conflicting_times(
    links: Sequence[Link], facts: Sequence[SentenceFacts]
) -> set[tuple[int, tuple[int, int]]]:
    """The time expressions the timeline marks as in conflict: those of stated date conflicts
    only, so the timeline never says what the findings do not (an unsure one is to check)."""
    lookup = {(f.source, f.index): f for f in facts}
    out = set()
    for ln in links:
        if ln.aspect == "date" and ln.conflict and ln.confidence >= CONFIDENT:
            for side in (ln.a, ln.b):
                source, index, _, i = side.key
                out.add((source, lookup[(source, index)].dates[i].time.offset))
    return out


def cross_check(articles: Sequence[AnnotatedArticle], embedder: Any, nlp: Any = None) -> Report:
    """Compare annotated reports of one story; ``nlp`` parses the sentences that may agree as
    claims (the default English pipeline is loaded when it is not given)."""
    facts = [f for i, a in enumerate(articles) for f in sentence_facts(a, i)]
    vecs = sentence_vectors(facts, embedder)
    pairs = candidate_pairs(facts, vecs)
    vectors = embed_phrases(figure_phrases(facts) | event_phrases(facts), embedder)
    parse = parser(nlp)  # one parse of each claim sentence, for the links and their grouping
    links = all_links(articles, facts, pairs, parse, vectors, nlp)
    copy_of = find_copies(articles)
    refs = source_refs(articles, copy_of)
    ids, outlets, origin = [r.id for r in refs], outlet_names(refs), origins(articles, copy_of)
    one_value, one_claim = _one_value_retold(facts), _one_claim_retold(parse)
    groups = group_links(links, lambda x, y: one_value(x, y) and one_claim(x, y))
    findings: list[Finding] = [finding_of(g, ids, outlets, origin) for g in groups]
    findings += [unique_finding(f, ids, outlets) for f in unique_sentences(facts, pairs, links)]
    return assemble(articles, refs, findings, _conflicting_times(links, facts))
