"""Dates and places across sources: two time expressions are one fact only when they date one
event (its word, its people and place, each report's own publication date); then their intervals
decide agreement or conflict. The same event placed in two places is listed to check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from storyline.annotation.speakers import SPEECH_LEMMAS
from storyline.annotation.tense import FUTURE_MARKS
from storyline.annotation.timex import names_weekday
from storyline.crosscheck import fitted
from storyline.crosscheck.candidates import AGREE_SCORE, SAME_SCORE, Pair
from storyline.crosscheck.facts import DatedEvent, SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.crosscheck.same_figure import NO_VECTORS, PhraseVectors, embed_phrases
from storyline.crosscheck.words import REPORTING, content_stems, plain, stem, tokens

WEIGHTS_FILE = Path(__file__).with_name("date_events.json")

COARSE_DAYS = 4  # an interval longer than this is a coarse expression ("next week", "in January")

PLACE_CONFIDENCE = 0.5  # without a gazetteer, "in Seattle" / "in Washington" may be one place: to check

PLACE_COS = 0.5  # sentences this alike, about one event with the same people

LEAD = 0.2  # the top fifth of a report: its lead and the paragraphs that tell the news itself


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
    # no one named beside either date, so no participant to differ: the event word and its
    # predicate in like sentences ("parties will hold primaries in mid May" / "the primary would
    # be held on April 30"); a name elsewhere in the sentence ("the election board said") is who
    # tells it, not who takes part
    if not (da.actors or db.actors) and p.cos >= 0.55 and len(shared) >= 2:
        return 0.5
    return 0.0


FEATURES = [
    "event_both",  # the same event word (or act) at both dates
    "event_one",  # one's event word among the other's words
    "crossed",  # each one's event word among the other's words
    "shared_words",  # words around both dates, up to 5 (scaled to 0..1)
    "names_shared",  # names both sentences give, up to 3 (scaled)
    "actor_missing",  # one names a doer beside its date that the other sentence never names
    "actors_shared",  # the same doer named beside both dates
    "people_differ",  # both sentences name people, none the same
    "places_shared",
    "places_differ",  # both place their date, in no common place
    "cos",  # the sentences' vector similarity
    "overlap",  # share of content words in common
    "explicit",  # dates written out (0, 0.5, 1): a weekday is resolved, and may be resolved wrongly
    "sole_dates",  # each sentence gives one date only
    "bound",  # one date is one end of a span ("since 2012")
    "weekdays",  # both name a day of the week: the days of one news cycle, which its reports retell
    "act_sim",  # the vector similarity of the two dated acts with their participants (``act_phrase``)
    "act_words",  # content words both dated acts share: the verb, its subject, its object (up to 3)
    "lead",  # both sentences open their reports: the news a report leads with is the story's event
    "mutual",  # each sentence is the other's nearest dated sentence in its report (``Pair.nearest``)
    "nearest",  # one of them is
    "act_names",  # a participant named in both dated acts ("Paul R. LePage declared" / "LePage said")
    "act_people_differ",  # both dated acts name people, none the same
    "says_one",  # one dated act is a saying and the other is not: the day it was told, the day it was done
    "deed_same",  # the dated acts are one act ("said they had subpoenaed" / "issued subpoenas"), not
    # only a shared object ("joined the agency" / "left the agency")
    "deeds_named",  # the parse names both dated deeds (a predicate at each date)
    "told_act",  # what one dated telling tells against the other's dated act (``told_similarity``)
]

# the stems of the verbs that tell what someone said ("declared", "criticized" is no saying)
_SAYING = frozenset(stem(w) for w in SPEECH_LEMMAS | REPORTING)


def event_vectors(
    facts: Iterable[SentenceFacts], embedder: Any, vectors: PhraseVectors = NO_VECTORS
) -> PhraseVectors:
    """``vectors`` with those of every dated act of ``facts`` added ("Mr. Akin refused",
    "Romney released a statement"), embedded in one batch: the act with its participants, as the
    parse names it, says what happened on a date better than the whole sentence around it."""
    return embed_phrases(event_phrases(facts), embedder, vectors)


def event_phrases(facts: Iterable[SentenceFacts]) -> set[str]:
    """Every dated act of ``facts`` as the parse names it, a telling with what it tells
    (``act_phrase``), and each part alone (``told_similarity``)."""
    return {p for f in facts for d in f.dates for p in (act_phrase(d), d.time.what, d.time.told) if p}


def told_similarity(da: DatedEvent, db: DatedEvent, vectors: PhraseVectors) -> float:
    """How alike what one dated telling tells is to the other's dated act, or to what the other
    tells: one report dates the day a thing was told ("The leaders said Tuesday they had
    subpoenaed two of Flynn's businesses", "Fox said Wednesday the invitation was a mistake"), the
    other the day it was done ("issued subpoenas Tuesday", "Fox on Wednesday criticized Peña
    Nieto for inviting Trump"), and the telling's own verb says nothing of the deed; 0 when
    neither dated act is a telling."""
    told_a, told_b = da.time.told, db.time.told
    what_a, what_b = da.time.what or "", db.time.what or ""
    pairs = [(told_a, what_b), (what_a, told_b), (told_a, told_b)]
    return max((vectors.similarity(x, y) for x, y in pairs if x and y), default=0.0)


def _act_words(d: DatedEvent) -> frozenset[str]:
    return frozenset(w[:5] for w in content_stems(d.time.what or "", drop=REPORTING))


def _act_names(d: DatedEvent, f: SentenceFacts) -> dict[str, str]:
    """The names of ``f`` that the dated act holds (its subject, its object, as the parse gives
    them), surname to kind: a name ("person:nieto:pena") matches by every word of its surname; a
    surname alone ("LePage said") may be tagged as no person, so names meet by surname."""
    words = {w.lower() for w in tokens(d.time.what or "")}
    out = {}
    for n in f.names:
        kind, _, rest = n.partition(":")
        surname = rest.split(":")[0]
        if surname and set(surname.split("_")) <= words:
            out[surname] = kind
    return out


def _act(d: DatedEvent) -> str | None:
    """The act done on the date, without what it was done to: the first lemma of its deed
    (``TimeExpr.deed``: the predicate's verb or noun, a telling by the act it tells, a light verb
    by its object), cut to five letters of its stem, so a verb meets its noun ("subpoenaed" /
    "subpoenas", "refused" / "his refusal"); "joined the agency" / "left the agency" share the
    agency, not the act."""
    words = (d.time.deed or "").split()
    return stem(words[0])[:5] if words else None


def _says(d: DatedEvent) -> bool:
    """Is the dated act a saying ("LePage said", "Fox declared")?"""
    return any(stem(w) in _SAYING for w in tokens(d.time.what or ""))


def event_features(
    da: DatedEvent, db: DatedEvent, p: Pair, vectors: PhraseVectors = NO_VECTORS
) -> dict[str, float]:
    """What says two time expressions date one event, as numbers; never their values (a real
    discrepancy changes those, and must still be found)."""
    words_a, words_b = da.event | da.near, db.event | db.near
    people_a = {n for n in p.a.names if n.startswith("person:")}
    people_b = {n for n in p.b.names if n.startswith("person:")}
    named_a, named_b = _act_names(da, p.a), _act_names(db, p.b)
    acted_a = {n for n, kind in named_a.items() if kind == "person"}
    acted_b = {n for n, kind in named_b.items() if kind == "person"}
    act_a, act_b = _act(da), _act(db)
    same_act = act_a is not None and act_a == act_b
    return {
        "event_both": float(bool(da.event & db.event)),
        "event_one": float(bool(da.event & words_b or db.event & words_a)),
        "crossed": float(bool(da.event & words_b and db.event & words_a)),
        "shared_words": min(len(words_a & words_b), 5) / 5,
        "names_shared": min(len(p.a.names & p.b.names), 3) / 3,
        "actor_missing": float(bool(da.actors - p.b.names or db.actors - p.a.names)),
        "actors_shared": float(bool(da.actors & db.actors)),
        "people_differ": float(bool(people_a and people_b and not people_a & people_b)),
        "places_shared": float(bool(da.places & db.places)),
        "places_differ": float(bool(da.places and db.places and not da.places & db.places)),
        "cos": p.cos,
        "overlap": p.overlap,
        "explicit": (explicit(da) + explicit(db)) / 2,
        "sole_dates": float(len(p.a.dates) == 1 and len(p.b.dates) == 1),
        "bound": float(da.bound or db.bound),
        "weekdays": float(names_weekday(da.time.text) and names_weekday(db.time.text)),
        "act_sim": vectors.similarity(act_phrase(da), act_phrase(db)),
        "act_words": min(len(_act_words(da) & _act_words(db)), 3) / 3,
        "lead": float(max(p.a.position, p.b.position) <= LEAD),
        "mutual": float(p.nearest == 2),
        "nearest": float(p.nearest >= 1),
        "act_names": float(bool(named_a.keys() & named_b.keys())),
        "act_people_differ": float(bool(acted_a and acted_b and not named_a.keys() & named_b.keys())),
        "says_one": float(_says(da) != _says(db) and not same_act),
        "deed_same": float(same_act),
        "deeds_named": float(act_a is not None and act_b is not None),
        "told_act": told_similarity(da, db, vectors),
    }


def act_phrase(d: DatedEvent) -> str:
    """The dated act as the parse names it (``TimeExpr.what``), a telling with what it tells
    (``TimeExpr.told``): news dates a deed by the day it was announced as often as by the day it
    was done, so "The leaders said they had subpoenaed two of Flynn's businesses" retells "the top
    Republican issued subpoenas", while "Trump announced" alone is every announcement of the story
    ("announced that he would delay the address" / "announced a short-term plan")."""
    return " ".join(p for p in (d.time.what, d.time.told) if p)


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


def _coarse(d: DatedEvent) -> bool:
    """An interval that does not name its day: a long one, or a weekend ("over the weekend" holds
    the "Saturday night" another report gives)."""
    return d.days > COARSE_DAYS or "weekend" in d.time.text.lower()


def dates_conflict(da: DatedEvent, db: DatedEvent) -> bool:
    """Different days for one event; a coarse expression holding a precise one is no conflict,
    but two spans written in the same unit ("1967 to 1979", "1966 to 1978") differ at their ends."""
    if (da.first, da.last) == (db.first, db.last):
        return False
    if _span_of_units(da) and _span_of_units(db) and _grain(da) == _grain(db):
        return True
    a_coarse, b_coarse = _coarse(da), _coarse(db)
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
    """Does the other sentence give this date as well, or its very words? Then it does not
    contradict it: "said Monday that he was fired Friday" against "was fired Friday"; "incidents
    in August and December" against "an incident in August", where the one "August" was resolved
    ahead and the other back (the resolution differs, not the reports, as with the same words)."""
    return any(not dates_conflict(d, o) or plain(d.time.text) == plain(o.time.text) for o in others)


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


def compare_dates(p: Pair, vectors: PhraseVectors = NO_VECTORS, series: Series = frozenset()) -> list[Link]:
    """Each time expression against its best-matching one in the other sentence.

    Two dates that may not be one event's make no finding when they differ: they are not shown as
    agreeing, and a conflict needs sure evidence that they date one event. The same words ("on
    Wednesday", "on Wednesday") are never a conflict: when they resolve apart, the resolution
    differs (two publication dates, a tense misread), not the reports. ``series`` holds the dates
    whose act its report tells as a series (``series_dates``): their dates are occurrences."""
    links = []
    for ia, da in enumerate(p.a.dates):
        scored = [(same_event(da, db, p), ib, db) for ib, db in enumerate(p.b.dates)]
        scored = [s for s in scored if s[0] > 0]
        if not scored and _only_dates(p, da):
            scored = [(0.5, 0, p.b.dates[0])]
        if not scored:
            # no rule ties them: the fitted decision may, for a conflict only, and as sure as it is
            link = _fitted_link(p, ia, da, vectors, series)
            if link is not None:
                links.append(link)
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
        if differ and _both_hold(p, da, db, series):
            continue
        if differ and not sure:
            # the rules tie the dates too loosely to say they conflict: one act told with two verbs
            # ("refused to step down" / "vowed to remain in the race") is the fitted decision's
            link = _fitted_link(p, ia, da, vectors, series)
            if link is not None:
                links.append(link)
            continue
        conf = date_confidence(p, da, db, crossed)
        if differ:  # the fitted decision may be surer than the rules' tally ("refused" / "his refusal")
            conf = max(conf, fitted_confidence(_probability(event_features(da, db, p, vectors))))
        links.append(_date_link(p, ia, da, ib, db, differ, strength, conf))
    return links


# the word before a date that makes it one exact end of a span: "since 2005", "open until Feb. 15"
_SPAN_END = re.compile(r"\b(since|from|until|till|through)\s+(?:the\s+)?$", re.I)
_SIDE = {"since": "start", "from": "start", "until": "end", "till": "end", "through": "end"}


def _end_of_span(d: DatedEvent, f: SentenceFacts) -> str | None:
    """Which exact end of a span a bound date gives ("start", "end"), or None for another bound
    ("before", "by", "after": a date the event only keeps clear of)."""
    s = d.time.offset[0] - f.start
    m = _SPAN_END.search(f.text, max(0, s - 20), s) if d.bound and 0 <= s <= len(f.text) else None
    return _SIDE[m.group(1).lower()] if m else None


def _same_end(p: Pair, da: DatedEvent, db: DatedEvent) -> bool:
    """Both give the same end of a span ("funded until Feb. 15" / "open the government through
    Feb. 18", "paid taxes since 2005" / "since 2007"), or one gives the whole span and the other
    its start ("paid $43 million in federal taxes since 2007" / "from 2007 to 2014"): news retells a
    deadline or a start so, and two different days for it contradict each other."""
    side_a, side_b = _end_of_span(da, p.a), _end_of_span(db, p.b)
    if side_a is not None and side_a == side_b:
        return True
    return (side_a == "start" and _span_of_units(db)) or (side_b == "start" and _span_of_units(da))


def _both_hold(p: Pair, da: DatedEvent, db: DatedEvent, series: Series = frozenset()) -> bool:
    """Two differing dates that do not contradict each other: one end of a span (unless both give
    the same end), a date the other sentence gives too, or the same words resolved apart (two
    publication dates, a tense misread), a done act's date against a coming one's, two steps of
    a criminal case (the deed and the arrest for it), or an act one report tells as a series."""
    return (
        ((da.bound or db.bound) and not _same_end(p, da, db))
        or _told_too(da, p.b.dates)
        or _told_too(db, p.a.dates)
        or plain(da.time.text) == plain(db.time.text)
        or _same_weekday(da, db)
        or _said_apart(da, db)
        or _said_apart(db, da)
        or _told_later(da, db)
        or _told_later(db, da)
        or _past_and_coming(da, db)
        or _court_step(da) != _court_step(db)
        or _recurring(da, p.a)
        or _recurring(db, p.b)
        or _key(p.a, da) in series
        or _key(p.b, db) in series
    )


# a dated mention of an act in a report: (source, sentence index, the date's index in its sentence)
DateKey = tuple[int, int, int]
Series = frozenset[DateKey]


def _key(f: SentenceFacts, d: DatedEvent) -> DateKey:
    return (f.source, f.index, f.dates.index(d))


def series_dates(facts: Iterable[SentenceFacts]) -> Series:
    """The dated mentions whose act their report tells as a series, the report read whole: it dates
    the act (the same act word, the same people) on days more than ``SERIES_APART`` apart ("He was
    arrested two days later", "Mr. Hoston was arrested Nov. 22 following a traffic stop"), or
    marks a mention of it as recurring anywhere (``_recurring``: "Hamad appears in court again on
    Thursday" three paragraphs after "arraigned in court last Thursday"). Its dates are then
    occurrences, not one fact told two ways: another report's other day for it is no conflict. A
    report that dates the act once, or on days within a week, leaves the decision to the pair."""
    by_source: dict[int, list[tuple[SentenceFacts, DatedEvent]]] = defaultdict(list)
    for f in facts:
        by_source[f.source].extend((f, d) for d in f.dates if d.event and not d.bound)
    out = set()
    for mentions in by_source.values():
        marked = [_recurring(d, f, plural=False) for f, d in mentions]
        acts = [_act_of(d) for _, d in mentions]
        words = [_words_of(d) for _, d in mentions]
        people = [_people(f) for f, _ in mentions]
        for i, (f, d) in enumerate(mentions):
            same = [k for k in range(len(mentions)) if _one_act(acts[i], people[i], acts[k], people[k])]
            told = [
                e for k, (_, e) in enumerate(mentions) if _one_act(words[i], people[i], words[k], people[k])
            ]
            if any(marked[k] for k in same) or _dated_apart(told):
                out.add(_key(f, d))
    return frozenset(out)


# The sittings of a court over one case (an arraignment, a hearing, an appearance in court): crime
# reports tell each as the case's next sitting ("Hamad appears in court again on Thursday", gva-dev
# 783102; "held without bond pending his next court hearing April 19", ecbplus-dev 18; "Her next
# hearing is scheduled for June 16", gva-dev), so a sitting marked as recurring makes every sitting
# of that report one of a series, whatever word each is told with. Two sittings on two days with no
# such mark are two steps (an arraignment and the hearing set after it), not a series.
_SITTINGS = frozenset({"arrai", "hear"})
SITTING = "court sitting"


def _words_of(d: DatedEvent) -> frozenset[str]:
    """The act a date is of, by its event words."""
    return frozenset(v.lstrip("~")[:5] for v in d.event)


def _act_of(d: DatedEvent) -> frozenset[str]:
    """The act a date is of, by its event words and ``SITTING`` for a sitting of a court
    ("arraigned", "hearing", "appears in court")."""
    words = _words_of(d)
    if words & _SITTINGS or ("appea" in words and "court" in d.near):
        return words | {SITTING}
    return words


def _one_act(
    act_a: frozenset[str], people_a: frozenset[str], act_b: frozenset[str], people_b: frozenset[str]
) -> bool:
    """Do two dated mentions of one report, by their acts (``_act_of`` or ``_words_of``) and the
    people their sentences name (``_people``), name one act done by the same people: the people
    one sentence names are all named by the other ("Mr. Hoston was arrested Nov. 22" / "He was
    arrested two days later"); "Lieberman met with Trump Wednesday afternoon" and "Trump also met
    Wednesday with McCabe, Keating" are two meetings, "A grand jury was scheduled to meet
    Wednesday, said Edward Magee" and "Holder spent Wednesday meeting with officials" two acts."""
    return bool(act_a & act_b) and (people_a <= people_b or people_b <= people_a)


def _people(f: SentenceFacts) -> frozenset[str]:
    """The people a sentence names, by surname."""
    return frozenset(n.split(":")[1] for n in f.names if n.startswith("person:"))


# How far apart two dates of one act by the same people in one report must lie to be two
# occurrences (a man's arrest in November and his arrest in February, gva-dev 780071) rather than
# one act told twice: within a week a report's two days for it are a retelling resolved apart
# ("Friday" / "Friday afternoon" against two anchors), a slip, or a changed day the other report
# must show as a conflict (a planted weekday moves by two), not a series.
SERIES_APART = 7


def _dated_apart(dates: Sequence[DatedEvent]) -> bool:
    """Are two of one act's dates in one report more than ``SERIES_APART`` days apart, not one day
    written or resolved two ways (the same words, the same weekday)?"""
    return any(
        dates_conflict(x, y)
        and (max(x.first, y.first) - min(x.last, y.last)).days > SERIES_APART
        and plain(x.time.text) != plain(y.time.text)
        and not _same_weekday(x, y)
        for i, x in enumerate(dates)
        for y in dates[i + 1 :]
    )


# An act told as one of a series, by a mark on the act (an adverb of repetition or frequency, an
# ordinal or "another" before its word or before "time"): "appears in court again on Thursday",
# "their latest attempt", "marks the second time in a week", "met for the first time in weeks",
# "three times", "each year", "another arraignment"; or by its word in the plural over a span
# longer than a day ("speeches in 2014", "incidents in August and December"). Two dates of a
# series are two of its occurrences (two sittings of a court, two meetings of the same men, two
# years' speeches), never one act dated two ways. A plural dated to one day is one burst ("the
# shootings on Saturday"); "another" or an ordinal before a person counts people, not acts
# ("another 25-year-old woman was shot"), and an ordinal joined by a hyphen is a degree
# ("second-degree murder").
_REPEATED = re.compile(
    r"\b(?:again|anew|repeatedly|latest|twice|thrice)\b"
    r"|\b(?:\d+|two|three|four|five|six|several|many|multiple|numerous)\s+times\b"
    r"|\b(?:each|every)\s+(?:other\s+)?(?:day|week|month|year|night|morning|afternoon|evening|weekend|"
    r"season|spring|summer|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
_NTH = re.compile(r"^(?:another|first|second|third|fourth|fifth|last|next)$", re.I)
# words that open or join a noun phrase: the word before a plural noun, never before a verb in -s
_BEFORE_PLURAL = frozenset(
    (
        "and", "or", "of", "for", "from", "in", "on", "at", "by", "with", "the", "these", "those",
        "its", "his", "her", "their", "our", "several", "many", "multiple", "numerous", "some",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    )
)  # fmt: skip
# words before and after the act and its date within which a mark of recurrence counts: "again
# appeared in court Monday", "appears in court again on Thursday", "on Thursday evening in their
# latest attempt", "on IR Wednesday, the second time"; "born again Christian, died Thursday" is
# no second death
SERIES_BEFORE, SERIES_AFTER = 1, 4


def _recurring(d: DatedEvent, f: SentenceFacts, plural: bool = True) -> bool:
    """Is the dated act told as recurring (``_REPEATED``, an ordinal or "another" before the act's
    word or "time", the act's noun in the plural over more than a day)? Looked for among the words
    from the act's word nearest the date to the date, and a word before and a few after them.
    ``plural=False`` leaves out the plural noun: it makes its own span hold several occurrences,
    but says nothing of the act's other dates ("the formal round of talks next month" is one
    round of the talks another sentence dates "Jan. 10": talks, negotiations are one event's
    name)."""
    s = d.time.offset[0] - f.start
    if not 0 <= s <= len(f.text):
        return False
    e = s + len(d.time.text)
    spans = list(re.finditer(r"\S+", f.text))
    words = [w.group().strip(".,;:!?()\"“”'’").lower() for w in spans]
    stems = {v.lstrip("~") for v in d.event}
    acts = [i for i, w in enumerate(words) if any(w.startswith(st) for st in stems)]
    at = [i for i, w in enumerate(spans) if w.start() < e and s < w.end()]
    if not at:
        return False
    lo, hi = at[0], at[-1]
    act = min(acts, key=lambda i: min(abs(i - lo), abs(i - hi))) if acts else None
    if act is not None:
        lo, hi = min(lo, act), max(hi, act)
    lo, hi = max(0, lo - SERIES_BEFORE), min(len(words), hi + SERIES_AFTER + 1)
    if _REPEATED.search(" ".join(words[lo:hi])):
        return True
    heads = set(acts) | {i for i, w in enumerate(words) if w in ("time", "times")}
    # an ordinal stands one or two words before its head ("another arraignment", "his next court
    # hearing April 19")
    if any(_NTH.match(words[i]) and {i + 1, i + 2} & heads for i in range(max(0, lo - 1), hi)):
        return True
    return plural and act is not None and d.days > 1 and _plural_noun(words, act, d)


def _plural_noun(words: list[str], i: int, d: DatedEvent) -> bool:
    """Is ``words[i]`` the act's noun in the plural ("speeches", "incidents")? Its lemma with an -s,
    after a word that opens or joins a noun phrase (a verb in -s follows its subject instead)."""
    lemma = (d.time.event or "").lower()
    forms = (lemma + "s", lemma + "es", lemma[:-1] + "ies" if lemma.endswith("y") else lemma + "s")
    plural = words[i] in forms
    before = words[i - 1] if i > 0 else ""
    return plural and (before in _BEFORE_PLURAL or before.isdigit())


# The steps of a criminal case, each its own event with its own date, by the stem of the act's
# word: crime reports date the deed ("was shot Monday afternoon") and then each step the courts and
# the police take over it ("arrested a teenage gunman Wednesday night for the fatal shooting",
# "his trial began last Thursday", "is headed to trial", "Police have charged him this
# morning" against "Police were called by neighbours Saturday"); on the judged date pairs of
# basil-dev, gva-dev and ecbplus-dev the 6 that pair a step with another act are none one event
# ("indicted" is left out: its stem is "indicated"'s).
_COURT_STEPS = {
    "arres": "arrest", "custo": "arrest", "surre": "arrest", "charg": "charge",
    "arrai": "arraign", "plead": "plea", "plea": "plea", "trial": "trial",
    "convi": "verdict", "acqui": "verdict", "verdi": "verdict", "sente": "sentence",
}  # fmt: skip


def _court_step(d: DatedEvent) -> str | None:
    """The step of a criminal case the dated act is, if it is one ("arrested", "arraignment")."""
    steps = sorted(_COURT_STEPS[w] for w in (v.lstrip("~")[:5] for v in d.event) if w in _COURT_STEPS)
    return steps[0] if steps else None


def _past_and_coming(da: DatedEvent, db: DatedEvent) -> bool:
    """An act told as coming, its date ahead of both reports' days of writing and its phrase marked
    so ("will be arraigned Thursday", "is scheduled to appear in court on May 4"), and an act on or
    before both days ("was arraigned Monday morning"): two occurrences, a court's two sittings, a
    vigil held and one planned, not one event dated two ways. A date placed ahead only by a weak
    reading of its verb ("continued his refusal to step down Thursday") is no such act."""
    if da.written is None or db.written is None:
        return False
    first, last = sorted((da.written, db.written))
    return any(
        coming.first > last and done.last <= first and _act_holds(coming, FUTURE_MARKS)
        for coming, done in ((da, db), (db, da))
    )


def _act_holds(d: DatedEvent, words: frozenset[str]) -> bool:
    """Does the dated act, as the parse names it, hold one of ``words``: a mark of what is to come
    ("will be arraigned", "is scheduled to appear"), a reporting verb ("announced ... Wednesday")?"""
    return bool(words.intersection(tokens((d.time.what or "").lower())))


def _said_apart(said: DatedEvent, other: DatedEvent) -> bool:
    """A day of the news cycle on which something was said ("announced the election date
    Wednesday") and a date written out for an act that is no saying ("the general election
    slated for June 25"): the day it was told and the day of what was told are two facts. On the
    hand-judged date pairs (basil-dev, gva-dev, ecbplus-dev) 24 pairs are so, none the same event."""
    says = _act_holds(said, REPORTING) and not _act_holds(other, REPORTING)
    return says and not explicit(said) and explicit(other)


def _told_later(telling: DatedEvent, other: DatedEvent) -> bool:
    """A telling of a thing done ("said Monday that his client was fired Friday afternoon") dated
    after the other report's date for an act that is no telling ("was fired late Friday
    afternoon"): a deed is told on its day or after it, so the telling's later day is no other day
    for the deed. A telling of what is to come ("said Friday he will support a bill") is not so."""
    told = telling.time.told
    if not told or other.time.told:
        return False
    coming = bool(FUTURE_MARKS.intersection(tokens(told.lower())))
    return not coming and other.last < telling.first


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _same_weekday(da: DatedEvent, db: DatedEvent) -> bool:
    """Both name one day of the week ("Thursday" / "8:30 p.m. Thursday night"): two reports of one
    news cycle mean one day by it, so days resolved apart come from the resolution (publication
    dates a day apart, a tense misread), as with the same words."""
    a, b = _WEEKDAY.search(da.time.text), _WEEKDAY.search(db.time.text)
    return bool(a and b and a[1].lower() == b[1].lower())


def _date_link(
    p: Pair, ia: int, da: DatedEvent, ib: int, db: DatedEvent, differ: bool, strength: float, conf: float
) -> Link:
    return Link(
        "date",
        differ,
        Side.of(p.a, da.time.text, interval(da), "d", ia, about=da.time.event or ""),
        Side.of(p.b, db.time.text, interval(db), "d", ib, about=db.time.event or ""),
        strength,
        conf,
    )


LINK = 0.4  # the fitted same-event probability from which two differing dates are listed (to check)
# the fitted probability from which two differing dates are stated as a conflict, chosen on the
# tuning half of the basil-dev events (bench/eval_compare.py --dates-only --half tune --state P
# --misses --dump-check F), a false alarm weighing more than a missed plant. With a telling compared
# by what it tells (``act_phrase``) the tuning half's highest false date conflict scores 0.525 and
# its first planted one above it 0.597, so 0.56 would state one more plant there (and one more on
# the check half), but on ecbplus-dev (8 topics, every report of a topic compared) it states two
# more date conflicts, both of different acts ("combined" in "the 1950s" / "photographed" in 2003):
# kept at 0.65, where no false date conflict of the unmodified pairs scores.
STATE = 0.65


def fitted_confidence(prob: float) -> float:
    """The fitted probability on the report's confidence scale, where ``STATE`` meets the
    threshold from which a conflict is stated (``report.CONFIDENT``); the order is kept."""
    from storyline.crosscheck.report import CONFIDENT  # the report's summaries import this module

    if prob >= STATE:
        return CONFIDENT + (prob - STATE) * (1 - CONFIDENT) / (1 - STATE)
    return prob * CONFIDENT / STATE


def _probability(feats: dict[str, float]) -> float:
    """How likely two time expressions date one event, by a logistic regression fitted on
    hand-judged date pairs (tuning half of the basil-dev events; both halves' figures are in
    ``date_events.json``)."""
    return fitted.probability(WEIGHTS_FILE, FEATURES, feats, "bench/fit_date_events.py")


def _fitted_link(
    p: Pair, ia: int, da: DatedEvent, vectors: PhraseVectors, series: Series = frozenset()
) -> Link | None:
    """A date conflict the hand-written rules do not see, when the fitted decision says the two
    expressions likely date one event; its confidence is that probability, so an unsure one is
    listed to check rather than stated. Agreements are left to the rules: a date both reports
    give says little, and a wrong agreement hides a difference."""
    scored = [(event_features(da, db, p, vectors), ib, db) for ib, db in _partners(da, p.b.dates)]
    if not scored:
        return None
    prob, feats, ib, db = max(((_probability(f), f, ib, db) for f, ib, db in scored), key=lambda s: s[0])
    if prob < LINK or not dates_conflict(da, db) or _both_hold(p, da, db, series):
        return None
    # each names its act and neither's is at the other: "joined the agency in 2015" / "left the
    # agency in 2019" share their doer and object, which the fitted weights count for one event;
    # both giving one end of a span is one deadline told with two verbs ("keep the government
    # open until Feb. 15" / "open the government through Feb. 15")
    one_act = feats["event_one"] or feats["deed_same"] or (da.bound and db.bound and _same_end(p, da, db))
    if da.event and db.event and not one_act:
        return None
    return _date_link(p, ia, da, ib, db, True, prob, fitted_confidence(prob))


def _partners(da: DatedEvent, dates: tuple[DatedEvent, ...]) -> list[tuple[int, DatedEvent]]:
    """The other sentence's dates the fitted decision may tie to ``da``: those written in its unit
    (a day against a day, a year against a year). Reports retell one act's date in one unit; a
    date in another unit dates another fact of the sentence ("Fox on Wednesday criticized" / "Fox,
    Mexico's president from 2000 to 2006, said on Wednesday"; "went out Sunday night to a concert"
    / "filed for divorce in 2013"), and a written-out date would otherwise win on the fitted weight
    of written dates alone. The rules still compare dates of two units."""
    return [(i, d) for i, d in enumerate(dates) if _grain(d) == _grain(da)]


def _only_dates(p: Pair, da: DatedEvent) -> bool:
    """Two sentences that say the same thing, each with one date written out: one event's date,
    whatever verb each uses for it ("served from 1967 to 1979" / "held the seat from 1966 to 1978").
    Other verbs at two single dates may be two events of one person's story ("joined the agency in
    2015" / "left the agency in 2019"): only a span (a tenure, a term) or the same act is one fact."""
    db = p.b.dates[0] if len(p.b.dates) == 1 else None
    return (
        db is not None
        and p.score >= SAME_SCORE
        and len(p.a.dates) == 1
        and explicit(da)
        and explicit(db)
        and (bool(da.event & db.event) or (_span_of_units(da) and _span_of_units(db)))
    )


def compare_places(p: Pair) -> list[Link]:
    """The same event placed in different places: one event word dated alike in both sentences,
    with the same people (or no one named), and places named beside it that share none. Without a
    gazetteer a city and its state look like two places, so these are always listed to check."""
    if not (any(d.places for d in p.a.dates) and any(d.places for d in p.b.dates)):
        return []
    people_a = {n for n in p.a.names if n.startswith("person:")}
    people_b = {n for n in p.b.names if n.startswith("person:")}
    same_people = bool(people_a & people_b) or not (people_a or people_b)
    if not (same_people and p.cos >= PLACE_COS):
        return []
    words_a, words_b = set(tokens(p.a.text.lower())), set(tokens(p.b.text.lower()))
    links = []
    for ia, da in enumerate(p.a.dates):
        for ib, db in enumerate(p.b.dates):
            if not (da.places and db.places and da.event & db.event) or da.places & db.places:
                continue
            if dates_conflict(da, db):
                continue
            # a place the other sentence names too (elsewhere in it) is no disagreement
            if any(_place_word(x) in words_b for x in da.places) or any(
                _place_word(x) in words_a for x in db.places
            ):
                continue
            links.append(
                Link(
                    "place",
                    True,
                    Side.of(
                        p.a, _places_label(da.places), sorted(da.places), "p", ia, about=da.time.event or ""
                    ),
                    Side.of(
                        p.b, _places_label(db.places), sorted(db.places), "p", ib, about=db.time.event or ""
                    ),
                    p.score,
                    PLACE_CONFIDENCE,
                )
            )
    return links


def _place_word(key: str) -> str:
    return key.split(":")[-1].split("_")[-1]


def _places_label(keys: frozenset[str]) -> str:
    """The places as a reader names them: "name:new_york" → "New York"."""
    return ", ".join(sorted(k.split(":")[-1].replace("_", " ").title() for k in keys))
