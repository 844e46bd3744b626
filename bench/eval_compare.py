#!/usr/bin/env python3
"""Planted-change evaluation of the cross-check on ../shared/data/basil-dev (25 events x 3 outlets).

For every pair of outlets reporting one event, the unmodified pair is compared first: the conflicts
it reports there are counted as false alarms (two real reports of one event that agree). Then, for
each fact the pair agrees on (a figure, a date, a quote), one change is planted in the second
report — the number, the date, the quote's words or the quote's speaker — and the pair compared
again: the change is found when a conflict of that aspect holds the changed sentence.

Not every plant is a change a reader could see: the other report may quote only another part of a
long quote, credit its quote to nobody ("After threatening to 'spill the beans', he retweeted"),
quote a title rather than speech ("Axios on HBO"), give only the year the changed weekday
falls in, or give an order of size ("hundreds of thousands") for the changed figure. A plant is
*checkable* when the other report states what was changed: the changed quote words (a word with
its neighbour) are in its sentence; its sentence holds the same quoted words credited by a
reporting verb; the new date falls outside every date it gives for the fact; its figure is a
figure, not an order of size. Recall
is printed over all plants and over the checkable ones.

The 25 events split by their order in labels.json into a tuning half (even) and a check half (odd),
so a gain made on one half can be seen to hold on the other.

    .venv/bin/python bench/eval_compare.py [--data ../shared/data/basil-dev] [--limit N] [--misses]
        [--half tune|check] [--state P] [--dates-only]

Prints per half and in all: per aspect the plants, those found and the recall (all / checkable);
then the false alarms. Every conflict stated on an unmodified pair is a false alarm unless the
hand-judged natural gold (../shared/data/natural-dev/gold.jsonl and bench/natural/gold-more.jsonl)
lists it as a real discrepancy between those two reports; and every conflict a planted run states
that is neither at the planted change nor already stated on the unmodified pair is a false alarm
too (a change must not make the rest of the report say something new). Conflicts below the
confidence threshold are not stated (they are in the report's "to check" list) and count nowhere.
The first date plant ("date@agreed") is planted only where storyline's own date agreement ties one
event in both reports, by moving the day: its denominator depends on storyline's alignment. The
second ("date@judged") is not: it plants on the hand-judged same-event date pairs of
bench/natural/date-pairs.jsonl (listed by bench/natural/date_pairs.py, judged by reading both
sentences), on each true pair whose two reports give the same date, in the second report's
sentence: a day of a month moved by three, a weekday by two, a year by two, a month written out
alone by two. Relative expressions ("last week", "today") and times of day are not planted (counted
as such). It is found when a date conflict holds the changed sentence; checkable when the new date
is not within the first report's date as storyline resolves both. Every conflict of a planted run
that does not hold the changed sentence and was not stated on the unmodified pair is a false alarm,
whatever its aspect. ``--misses`` also lists the false alarms with their confidence and the stated
date@judged plants with theirs; ``--state`` states date conflicts from another fitted probability
than ``events.STATE`` (to choose it on the tuning half: ``--half tune``).
The judged pairs whose reports give different dates (real date discrepancies) are not planted:
the count of them stated as a date conflict on the unmodified pair is printed. So is, for the
judged pairs of each kind (same event, different events), how many the unmodified pair ties by a
date finding, agreement or conflict, holding both sentences: how well dates align on the event.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

from storyline.annotation import annotate_many, load_nlp
from storyline.crosscheck import cross_check, events
from storyline.crosscheck.words import plain
from storyline.embed import Embedder
from storyline.model import AnnotatedArticle, Article, Finding, Report
from storyline.reading import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "basil-dev"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NAMES = ("Sarah Jenkins", "Thomas Whitfield")  # stand-in speakers no report names
GOLD = [
    ROOT.parent / "shared" / "data" / "natural-dev" / "gold.jsonl",
    ROOT / "bench" / "natural" / "gold-more.jsonl",
]
DATE_PAIRS = ROOT / "bench" / "natural" / "date-pairs.jsonl"
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?!\w)")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def judged_discrepancies() -> dict[str, list[dict[str, str]]]:
    """File name -> the sides of each judged discrepancy involving it (snippets per file)."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in GOLD:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            item = json.loads(line) if line.strip() else {}
            if item.get("kind") == "discrepancy":
                sides = {side["file"]: _norm(side["snippet"]) for side in item["sides"]}
                for name in sides:
                    out[name].append(sides)
    return out


def real_discrepancy(f: Finding, names: dict[str, str], gold: dict[str, list[dict[str, str]]]) -> bool:
    """Does the conflict hold two sides of one judged discrepancy (a snippet in a statement of
    that side's report)? ``names`` maps source ids to file names."""
    texts: dict[str, list[str]] = defaultdict(list)
    for st in f.statements:
        texts[names.get(st.source, "")].append(_norm(st.text))
    for file in texts:
        for sides in gold.get(file, []):
            hit = [n for n, snip in sides.items() if any(snip in t or t in snip for t in texts.get(n, []))]
            if len(hit) >= 2:
                return True
    return False


def judged_date_pairs(path: Path = DATE_PAIRS) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(file of the first report, file of the second) -> its judged pairs of dated sentences."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    if path.exists():
        for line in path.read_text().splitlines():
            item = json.loads(line) if line.strip() else {}
            if "same_event" in item:
                out[item["file_a"], item["file_b"]].append(item)
    return out


def triplets(root: Path, limit: int | None) -> list[list[Path]]:
    labels = json.loads((root / "labels.json").read_text())
    groups: dict[str, list[Path]] = defaultdict(list)
    for name, triplet in sorted(labels.items()):
        groups[triplet].append(root / name)
    return list(groups.values())[:limit]


# --- planting -----------------------------------------------------------------------------------


def _digits_changed(text: str) -> str | None:
    """The figure doubled, written the way it was ("1,200" → "2,400", "50-minute" → "100-minute")."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m is None:
        return None
    raw = m.group(0)
    value = float(raw.replace(",", "")) * 2
    new = f"{value:,.0f}" if "," in raw else (f"{value:g}" if "." in raw else str(int(value)))
    return text[: m.start()] + new + text[m.end() :]


def _open_bound(f: Finding, sid: str) -> bool:
    """Does the other report give an open bound ("more than 5,000")? No figure can contradict it."""
    return any(
        v.source != sid and isinstance(v.value, dict) and None in (v.value.get("low"), v.value.get("high"))
        for v in f.values
    )


def plant_number(ann: AnnotatedArticle, f: Finding, sid: str) -> tuple[str, int] | None:
    st = next(s for s in f.statements if s.source == sid)
    if _open_bound(f, sid):
        return None
    for q in ann.quantities:
        if st.start <= q.start < st.end and q.low is not None and q.high is not None:
            new = _digits_changed(q.text)
            if new and any(v.source == sid and v.text == q.text for v in f.values):
                return ann.text[: q.start] + new + ann.text[q.end :], q.start
    return None


def plant_date(ann: AnnotatedArticle, f: Finding, sid: str) -> tuple[str, int] | None:
    st = next(s for s in f.statements if s.source == sid)
    for t in ann.timeline:
        s, e = t.offset
        if not (st.start <= s < st.end and t.start and t.start == t.end):
            continue
        if not any(v.source == sid and v.text == t.text for v in f.values):
            continue  # only the date this finding compared
        m = re.search(r"\b(\d{1,2})\b", t.text)
        if m:
            day = int(m.group(1))
            new_day = day + 3 if day <= 25 else day - 3
            new = t.text[: m.start()] + str(new_day) + t.text[m.end() :]
        elif t.text in WEEKDAYS:
            new = WEEKDAYS[(WEEKDAYS.index(t.text) + 2) % 7]
        else:
            continue
        return ann.text[:s] + new + ann.text[e:], s
    return None


def moved_date(text: str) -> str | None:
    """The time expression with its date moved, written the way it was ("Feb. 15" -> "Feb. 18",
    "late Friday afternoon" -> "late Sunday afternoon", "2012" -> "2010", "July" -> "September");
    None for a relative expression or a time of day, which name no date to move."""
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!:)", text)
    month = _MONTH.search(text)
    if day and month:
        n = int(day.group(1))
        return text[: day.start()] + str(n + 3 if n <= 25 else n - 3) + text[day.end() :]
    weekday = re.search(r"\b(" + "|".join(WEEKDAYS) + r")\b", text)
    if weekday:
        new = WEEKDAYS[(WEEKDAYS.index(weekday.group(1)) + 2) % 7]
        return text[: weekday.start()] + new + text[weekday.end() :]
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if year:
        return text[: year.start()] + str(int(year.group(1)) - 2) + text[year.end() :]
    whole = re.fullmatch(r"(?:in |In )?(" + "|".join(MONTHS) + r")", text)
    if whole:
        i = MONTHS.index(whole.group(1))
        return text[: whole.start(1)] + MONTHS[i + 2 if i < 10 else i - 2] + text[whole.end(1) :]
    return None


def plant_judged_date(ann: AnnotatedArticle, pair: dict[str, Any]) -> tuple[str, int] | None:
    """The second report's judged time expression moved (see ``moved_date``)."""
    s, e = pair["offset_b"]
    if ann.text[s:e] != pair["time_b"]:
        return None  # the report's text is not the one judged
    new = moved_date(pair["time_b"])
    return None if new is None else (ann.text[:s] + new + ann.text[e:], s)


def _resolved(ann: AnnotatedArticle, pos: int) -> tuple[str, str] | None:
    """The dates of the expression holding ``pos`` (the judged words may be part of it: "late
    Friday afternoon" holds the judged "Friday afternoon")."""
    t = next((t for t in ann.timeline if t.offset[0] <= pos < t.offset[1] and t.start and t.end), None)
    return None if t is None or t.start is None or t.end is None else (t.start[:10], t.end[:10])


def _sentence_at(ann: AnnotatedArticle, pos: int) -> tuple[int, int]:
    return next(((s.start, s.end) for s in ann.sentences if s.start <= pos < s.end), (pos, pos + 1))


def _quote_in(ann: AnnotatedArticle, f: Finding, sid: str) -> Any:
    st = next(s for s in f.statements if s.source == sid)
    return next((q for q in ann.quotes if q.direct and st.start <= q.start < st.end), None)


def _quote_change(text: str) -> tuple[str, str] | None:
    """(new quote, the replaced word with a neighbour) or None when the quote is too short."""
    words = text.split()
    if len(words) < 6:
        return None
    lower = [i for i, w in enumerate(words) if w.isalpha() and w.islower()]
    if len(lower) < 3:
        return None
    longest = max(lower, key=lambda i: len(words[i]))
    around = " ".join(words[max(0, longest - 1) : longest + 2])
    words[longest] = "unprecedented" if words[longest] != "unprecedented" else "remarkable"
    drop = next(i for i in reversed(lower) if i != longest)
    del words[drop]
    return " ".join(words), around


def plant_quote_words(ann: AnnotatedArticle, f: Finding, sid: str) -> tuple[str, int] | None:
    """Two words of the quote changed: its longest plain word replaced, a later word dropped."""
    q = _quote_in(ann, f, sid)
    change = None if q is None else _quote_change(q.text)
    if q is None or change is None:
        return None
    return ann.text[: q.start] + change[0] + ann.text[q.end :], q.start


def plant_speaker(ann: AnnotatedArticle, f: Finding, sid: str) -> tuple[str, int] | None:
    """The speaker's name in the quoting sentence replaced by a person the report never names."""
    q = _quote_in(ann, f, sid)
    st = next(s for s in f.statements if s.source == sid)
    if q is None or not q.speaker or not q.speaker_key or not q.speaker_key.startswith("person:"):
        return None
    surname = q.speaker.split()[-1]
    sentence = ann.text[st.start : st.end]
    if surname not in sentence.replace(ann.text[q.start : q.end], ""):
        return None
    other = next(n for n in NAMES if n.split()[-1] not in ann.text)
    for name in (q.speaker, surname):
        at = sentence.find(name)
        while at != -1 and q.start - st.start <= at < q.end - st.start:
            at = sentence.find(name, at + 1)
        if at != -1:
            pos = st.start + at
            return ann.text[:pos] + other + ann.text[pos + len(name) :], pos
    return None


REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|continued|continues|"
    r"asked|declared|tweeted|according to)\b|:\s*$"
)


def _other_sentences(f: Finding, sid: str) -> list[str]:
    return [s.text for s in f.statements if s.source != sid]


_VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b", re.I)


def checkable(aspect: str, f: Finding, y: AnnotatedArticle, changed: AnnotatedArticle, pos: int) -> bool:
    """Does the other report state what the plant changed (see the module docstring)?"""
    other = _other_sentences(f, y.id)
    if aspect == "number":  # "hundreds of thousands" gives no figure a doubled one contradicts
        return not any(v.source != y.id and _VAGUE.search(v.text) for v in f.values)
    if aspect == "quote":
        q = _quote_in(y, f, y.id)
        change = _quote_change(q.text) if q is not None else None
        if change is None:
            return False
        words = plain(change[1]).split()
        pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
        return any(f" {p} " in f" {plain(t)} " for t in other for p in pairs)
    if aspect == "speaker":
        q = _quote_in(y, f, y.id)
        if q is None or all(w[:1].isupper() for w in q.text.split() if w[:1].isalpha()):
            return False  # a title or a motto, not speech
        said = plain(q.text)
        for t in other:
            outside = re.sub(r"[“\"][^”\"]*[”\"]", " ", t)
            quoted = [plain(m) for m in re.findall(r"[“\"]([^”\"]+)[”\"]?", t)]
            same = any(
                len(w.split()) >= 2 and (f" {w} " in f" {said} " or f" {said} " in f" {w} ") for w in quoted
            )
            if same and REPORTING.search(outside):
                return True
        return False
    if aspect == "date":
        t = next((t for t in changed.timeline if t.offset[0] == pos and t.start), None)
        if t is None:
            return False
        known = [v.value for v in f.values if v.source != y.id and isinstance(v.value, list)]
        return not any(lo[:10] <= (t.start or "")[:10] and (t.end or "")[:10] <= hi[:10] for lo, hi in known)
    return True


PLANTERS = {"number": plant_number, "date": plant_date, "quote": plant_quote_words, "speaker": plant_speaker}
SOURCE_ASPECT = {"number": "number", "date": "date", "quote": "quote", "speaker": "quote"}


# --- measuring ----------------------------------------------------------------------------------


def _holds(f: Finding, sid: str, span: tuple[int, int]) -> bool:
    return any(s.source == sid and s.start < span[1] and span[0] < s.end for s in f.statements)


def _at(f: Finding, aspects: tuple[str, ...], sid: str, span: tuple[int, int]) -> bool:
    return (
        f.kind == "conflict"
        and f.aspect in aspects
        and any(s.source == sid and s.start < span[1] and span[0] < s.end for s in f.statements)
    )


def found(report: Report, aspect: str, sid: str, span: tuple[int, int]) -> bool:
    """A conflict of this aspect holds a statement of the changed report over the changed span."""
    return any(_at(f, (aspect,), sid, span) for f in report.findings)


def listed_confidence(report: Report, aspect: str, sid: str, span: tuple[int, int]) -> float | None:
    """The confidence of the possible conflict at the change that the report lists to check."""
    scores = [f.confidence for f in report.to_check if _at(f, (aspect, "wording"), sid, span)]
    return max(scores) if scores else None


def weaker_at(report: Report, aspect: str, sid: str, span: tuple[int, int]) -> list[Finding]:
    """The possible conflicts at the change that the report lists to check or leaves below its
    floor (``crosscheck.floor``): the right items a fitted floor must keep listing."""
    return [f for f in (*report.to_check, *report.below_floor) if _at(f, (aspect, "wording"), sid, span)]


def check_item(half: str, origin: str, f: Finding, right: bool, event: str = "") -> dict[str, Any]:
    """One possible conflict for ``bench/fit_check_floor.py``: its event, aspect, confidence and
    whether it is a right item to check (a planted change, a judged discrepancy) or a wrong one."""
    return {
        "half": half,
        "event": event,
        "origin": origin,
        "aspect": f.aspect,
        "confidence": f.confidence,
        "proven": f.proven,
        "right": right,
    }


def stray(
    report: Report, sid: str, span: tuple[int, int], known: set[Any], aspect: str | None
) -> list[Finding]:
    """Conflicts a planted run states elsewhere: holding no sentence the plant touched, not
    already stated on the unmodified pair (same texts), and (unless ``aspect`` is None) not of
    the planted aspect."""
    return [
        f
        for f in report.findings
        if f.kind == "conflict"
        and (aspect is None or f.aspect != aspect)
        and not any(s.source == sid and s.start < span[1] and span[0] < s.end for s in f.statements)
        and _texts(f) not in known
    ]


def _texts(f: Finding) -> tuple[str | None, tuple[str, ...]]:
    return f.aspect, tuple(sorted(s.text for s in f.statements))


HALVES = ("tune", "check")
JUDGED = "date@judged"


def judged_dates(
    x: AnnotatedArticle,
    y: AnnotatedArticle,
    base: Report,
    known: set[Any],
    nlp: Any,
    embedder: Any,
    pairs: list[dict[str, Any]],
) -> dict[str, Any]:
    """Plant a moved date at each judged same-event date pair of (x, y) whose reports agree on
    the date; count the real date discrepancies (reports that disagree) the unmodified pair
    states as date conflicts, and the judged pairs, same event or not, that the unmodified pair
    ties by a date finding (agreement or conflict holding both sentences). Counters are keyed by
    aspect name ("date@judged", "*" checkable)."""
    planted: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    found_at: list[str] = []
    checked: list[dict[str, Any]] = []
    done: set[int] = set()
    for pair in pairs:
        sa, sb = _sentence_at(x, pair["offset_a"][0]), _sentence_at(y, pair["offset_b"][0])
        side = "true" if pair["same_event"] else "false"
        counts[f"judged_{side}"] += 1
        counts[f"judged_{side}_tied"] += any(
            f.aspect == "date" and f.kind != "unique" and _holds(f, x.id, sa) and _holds(f, y.id, sb)
            for f in base.findings
        )
        if not pair["same_event"]:
            continue
        if not pair.get("dates_agree", True):
            counts["judged_discrepancies"] += 1
            counts["judged_discrepancies_stated"] += any(
                _at(f, ("date",), x.id, sa) and _at(f, ("date",), y.id, sb) for f in base.findings
            )
            continue
        if pair["offset_b"][0] in done:
            continue  # the second report's expression already planted for another first sentence
        done.add(pair["offset_b"][0])
        plant = plant_judged_date(y, pair)
        if plant is None:
            counts["judged_unplantable"] += 1
            continue
        text, pos = plant
        changed = next(annotate_many([replace(y.article, id=y.id + "-planted", text=text)], nlp))
        report = cross_check([x, changed], embedder)
        span = _sentence_at(changed, pos)
        new, old = _resolved(changed, pos), _resolved(x, pair["offset_a"][0])
        # checkable when the new date is not within the first report's date ("Friday" moved
        # inside "this week", or "Feb. 15" inside "February", contradicts neither)
        fair = new is not None and old is not None and not (old[0] <= new[0] and new[1] <= old[1])
        keys = [JUDGED, JUDGED + "*"] if fair else [JUDGED]
        planted.update(keys)
        elsewhere = stray(report, changed.id, span, known, None)
        counts["judged_runs"] += 1
        counts["judged_stray"] += len(elsewhere)
        alarms.extend(f"{f.aspect} at {f.confidence:.2f}: {f.summary[:160]}" for f in elsewhere)
        if found(report, "date", changed.id, span):
            hits.update(keys)
            sure = max(f.confidence for f in report.findings if _at(f, ("date",), changed.id, span))
            found_at.append(
                f"{JUDGED}{'' if fair else ' (not checkable)'}: {pair['file_b']} @{pos}: at {sure:.2f}"
            )
            continue
        note = f"{pair['snippet_a']!r} ~ {text[pos : pos + 40]!r} (was {pair['time_b']!r})"
        weaker = weaker_at(report, "date", changed.id, span)
        if fair and weaker:
            checked.append(check_item("", JUDGED, max(weaker, key=lambda f: f.confidence), True))
        at = listed_confidence(report, "date", changed.id, span)
        if at is not None:
            listed.update(keys)
            note += f" — listed to check at {at:.2f}"
        misses.append(f"{'' if fair else 'not checkable, '}{JUDGED}: {pair['file_b']} @{pos}: {note}")
    return {
        "planted": planted,
        "hits": hits,
        "listed": listed,
        "counts": counts,
        "misses": misses,
        "alarms": alarms,
        "found_at": found_at,
        "checked": checked,
    }


def evaluate(
    paths: list[list[Path]], nlp: Any, embedder: Any, only: str | None = None, planters: bool = True
) -> dict[str, Any]:
    arts = [read(p) for group in paths for p in group]
    annotated = {a.id: a for a in annotate_many(arts, nlp)}
    planted: Counter[tuple[str, str]] = Counter()  # (half, aspect) → plants; "aspect*" checkable
    hits: Counter[tuple[str, str]] = Counter()
    listed: Counter[tuple[str, str]] = Counter()  # missed, but in the report's "to check" list
    stats: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    found_at: list[str] = []
    checked: list[dict[str, Any]] = []  # possible conflicts below CONFIDENT, for fit_check_floor.py
    by_path = {a.article.path: a for a in annotated.values()}
    gold = judged_discrepancies()
    judged_pairs = judged_date_pairs()
    for event, group in enumerate(paths):
        half = HALVES[event % 2]
        if only is not None and half != only:
            continue
        anns = [by_path[str(p)] for p in group]
        for x, y in combinations(anns, 2):
            base = cross_check([x, y], embedder, nlp)
            names = {a.id: Path(a.article.path or "").name for a in (x, y)}
            key = (names[x.id], names[y.id])
            aligned = [f for f in base.findings if f.kind != "unique"]
            stated = [f for f in aligned if f.kind == "conflict"]
            conflicts = [f for f in stated if not real_discrepancy(f, names, gold)]
            stats[half, "pairs"] += 1
            stats[half, "aligned"] += len(aligned)
            stats[half, "conflicts"] += len(conflicts)
            stats[half, "real"] += len(stated) - len(conflicts)
            stats[half, "to_check"] += len(base.to_check)
            triplet = group[0].name.rsplit("_", 1)[0]
            checked += [
                check_item(half, "control", f, real_discrepancy(f, names, gold), triplet)
                for f in (*base.to_check, *base.below_floor)
            ]
            stats[half, "pairs_with_conflict"] += bool(conflicts)
            alarms.extend(f"[{half}] {f.aspect} at {f.confidence:.2f}: {f.summary[:160]}" for f in conflicts)
            known = {_texts(f) for f in stated}
            for aspect, planter in PLANTERS.items() if planters else ():
                used: set[int] = set()
                for f in aligned:
                    if f.kind != "agree" or f.aspect != SOURCE_ASPECT[aspect]:
                        continue
                    plant = planter(y, f, y.id)
                    if plant is None or plant[1] in used:
                        continue
                    used.add(plant[1])
                    text, pos = plant
                    art: Article = replace(y.article, id=y.id + "-planted", text=text)
                    changed = next(annotate_many([art], nlp))
                    report = cross_check([x, changed], embedder, nlp)
                    fair = checkable(aspect, f, y, changed, pos)
                    keys = [(half, aspect), (half, aspect + "*")] if fair else [(half, aspect)]
                    planted.update(keys)
                    span = (pos, pos + 1)
                    if aspect == "speaker":
                        q = _quote_in(y, f, y.id)
                        span = (min(pos, q.start), max(pos + 1, q.end))
                    # a conflict elsewhere: not of the planted aspect, holding no sentence the
                    # plant touched, and not already stated on the unmodified pair (same texts)
                    elsewhere = stray(report, changed.id, span, known, aspect)
                    stats[half, "planted_runs"] += 1
                    stats[half, "stray"] += len(elsewhere)
                    alarms.extend(f"[{half}, planted] {f.aspect}: {f.summary[:160]}" for f in elsewhere)
                    if found(report, aspect, changed.id, span):
                        hits.update(keys)
                    else:
                        weaker = weaker_at(report, aspect, changed.id, span)
                        if fair and weaker:
                            surest = max(weaker, key=lambda f: f.confidence)
                            checked.append(check_item(half, aspect, surest, True, triplet))
                        vals = " | ".join(v.text[:40] for v in f.values)
                        listed_at = listed_confidence(report, aspect, changed.id, span)
                        if listed_at is not None:
                            listed.update(keys)
                            vals += f" — listed to check at {listed_at:.2f}"
                        misses.append(
                            f"[{half}{'' if fair else ', not checkable'}] {aspect}: "
                            f"{Path(y.article.path or '').name} @{pos}: "
                            f"{text[pos : pos + 50]!r} [was: {vals}]"
                        )
            judged = judged_dates(x, y, base, known, nlp, embedder, judged_pairs.get(key, []))
            for name, count in judged["counts"].items():
                stats[half, name] += count
            for name, counter in (("planted", planted), ("hits", hits), ("listed", listed)):
                counter.update({(half, k): v for k, v in judged[name].items()})
            misses.extend(f"[{half}] {m}" for m in judged["misses"])
            checked += [{**c, "half": half, "event": triplet} for c in judged["checked"]]
            found_at.extend(f"[{half}] {m}" for m in judged["found_at"])
            alarms.extend(f"[{half}, planted date@judged] {a}" for a in judged["alarms"])
    return {
        "planted": planted,
        "hits": hits,
        "listed": listed,
        "stats": stats,
        "misses": misses,
        "alarms": alarms,
        "found_at": found_at,
        "checked": checked,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="only the first N events")
    ap.add_argument("--misses", action="store_true", help="list the planted changes not found")
    ap.add_argument("--half", choices=HALVES, default=None, help="only the events of one half")
    ap.add_argument("--dates-only", action="store_true", help="plant only date@judged (no other aspect)")
    ap.add_argument(
        "--state",
        type=float,
        default=None,
        help="the fitted probability from which a date conflict is stated (events.STATE), to choose it",
    )
    ap.add_argument(
        "--dump-check",
        type=Path,
        default=None,
        help="write every possible conflict below CONFIDENT (planted: right; control: wrong unless judged"
        " real) as JSON lines, for bench/fit_check_floor.py",
    )
    opts = ap.parse_args()
    if opts.state is not None:
        events.STATE = opts.state
    if not opts.data.is_dir():
        print(f"eval_compare: {opts.data}: not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    nlp, embedder = load_nlp(), Embedder()
    res = evaluate(triplets(opts.data, opts.limit), nlp, embedder, opts.half, not opts.dates_only)
    planted, hits, stats, listed = res["planted"], res["hits"], res["stats"], res["listed"]

    def total(c: Counter[tuple[str, str]], key: str, half: str) -> int:
        return sum(v for (h, k), v in c.items() if k == key and half in (h, "all"))

    def ratio(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b if b else 0:.2f}"

    for half in (*HALVES, "all"):
        print(f"\n{half}{' (even events)' if half == 'tune' else ' (odd events)' if half == 'check' else ''}")
        print(f"  {'aspect':<12}{'all plants':>18}{'checkable plants':>22}   target")
        for aspect in (*PLANTERS, JUDGED):
            every = ratio(total(hits, aspect, half), total(planted, aspect, half))
            fair = ratio(total(hits, aspect + "*", half), total(planted, aspect + "*", half))
            also = total(listed, aspect + "*", half)
            label = "date@agreed" if aspect == "date" else aspect
            print(f"  {label:<12}{every:>18}{fair:>22}   >= 0.85   (+{also} checkable listed to check)")
        conflicts, aligned = total(stats, "conflicts", half), total(stats, "aligned", half)
        with_conflict, pairs = total(stats, "pairs_with_conflict", half), total(stats, "pairs", half)
        stray, runs = total(stats, "stray", half), total(stats, "planted_runs", half)
        print(
            f"  {'false alarms (conflicts / aligned findings, unmodified pairs)':<62}"
            f"{conflicts}/{aligned} = {conflicts / aligned if aligned else 0:.3f}   <= 0.05"
        )
        print(f"  {'unmodified pairs with any false conflict':<62}{ratio(with_conflict, pairs)}")
        print(f"  {'planted runs with a conflict elsewhere (new, not judged real)':<62}{ratio(stray, runs)}")
        print(
            f"  {'conflicts on unmodified pairs judged real discrepancies':<62}{total(stats, 'real', half)}"
        )
        print(
            f"  {'possible conflicts listed to check, unmodified pairs':<62}{total(stats, 'to_check', half)}"
        )
        judged_stray, judged_runs = total(stats, "judged_stray", half), total(stats, "judged_runs", half)
        label = "date@judged runs: new conflicts elsewhere (any aspect)"
        print(f"  {label:<62}{ratio(judged_stray, judged_runs)}")
        print(
            f"  {'date@judged pairs not planted (relative, time of day)':<62}"
            f"{total(stats, 'judged_unplantable', half)}"
        )
        real, stated = (
            total(stats, "judged_discrepancies", half),
            total(stats, "judged_discrepancies_stated", half),
        )
        print(f"  {'judged real date discrepancies stated as date conflicts':<62}{ratio(stated, real)}")
        for side, label in (
            ("true", "judged same-event pairs tied by a date finding"),
            ("false", "judged different-event pairs tied by a date finding (wrong)"),
        ):
            tied, pairs = total(stats, f"judged_{side}_tied", half), total(stats, f"judged_{side}", half)
            print(f"  {label:<62}{ratio(tied, pairs)}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    if opts.dump_check is not None:
        opts.dump_check.write_text("".join(json.dumps(c) + "\n" for c in res["checked"]))
    if opts.misses:
        print("\n".join(["missed:", *res["misses"], "alarms:", *res["alarms"], "found:", *res["found_at"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
