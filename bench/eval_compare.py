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

Prints per half and in all: per aspect the plants, those found and the recall (all / checkable);
then the false alarms. Every conflict stated on an unmodified pair is a false alarm unless the
hand-judged natural gold (../shared/data/natural-dev/gold.jsonl and bench/natural/gold-more.jsonl)
lists it as a real discrepancy between those two reports; and every conflict a planted run states
that is neither at the planted change nor already stated on the unmodified pair is a false alarm
too (a change must not make the rest of the report say something new). Conflicts below the
confidence threshold are not stated (they are in the report's "to check" list) and count nowhere.
Dates are planted only where a date agreement ties one event in both reports (the agreement needs
the event itself, not an equal weekday), by moving the day.
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
from storyline.crosscheck import cross_check
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


def _texts(f: Finding) -> tuple[str | None, tuple[str, ...]]:
    return f.aspect, tuple(sorted(s.text for s in f.statements))


HALVES = ("tune", "check")


def evaluate(paths: list[list[Path]], nlp: Any, embedder: Any) -> dict[str, Any]:
    arts = [read(p) for group in paths for p in group]
    annotated = {a.id: a for a in annotate_many(arts, nlp)}
    planted: Counter[tuple[str, str]] = Counter()  # (half, aspect) → plants; "aspect*" checkable
    hits: Counter[tuple[str, str]] = Counter()
    listed: Counter[tuple[str, str]] = Counter()  # missed, but in the report's "to check" list
    stats: Counter[tuple[str, str]] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    by_path = {a.article.path: a for a in annotated.values()}
    gold = judged_discrepancies()
    for event, group in enumerate(paths):
        half = HALVES[event % 2]
        anns = [by_path[str(p)] for p in group]
        for x, y in combinations(anns, 2):
            base = cross_check([x, y], embedder, nlp)
            names = {a.id: Path(a.article.path or "").name for a in (x, y)}
            aligned = [f for f in base.findings if f.kind != "unique"]
            stated = [f for f in aligned if f.kind == "conflict"]
            conflicts = [f for f in stated if not real_discrepancy(f, names, gold)]
            stats[half, "pairs"] += 1
            stats[half, "aligned"] += len(aligned)
            stats[half, "conflicts"] += len(conflicts)
            stats[half, "real"] += len(stated) - len(conflicts)
            stats[half, "to_check"] += len(base.to_check)
            stats[half, "pairs_with_conflict"] += bool(conflicts)
            alarms.extend(f"[{half}] {f.aspect}: {f.summary[:160]}" for f in conflicts)
            known = {_texts(f) for f in stated}
            for aspect, planter in PLANTERS.items():
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
                    stray = [
                        f
                        for f in report.findings
                        if f.kind == "conflict"
                        and f.aspect != aspect
                        and not any(
                            s.source == changed.id and s.start < span[1] and span[0] < s.end
                            for s in f.statements
                        )
                        and _texts(f) not in known
                    ]
                    stats[half, "planted_runs"] += 1
                    stats[half, "stray"] += len(stray)
                    alarms.extend(f"[{half}, planted] {f.aspect}: {f.summary[:160]}" for f in stray)
                    if found(report, aspect, changed.id, span):
                        hits.update(keys)
                    else:
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
    return {
        "planted": planted,
        "hits": hits,
        "listed": listed,
        "stats": stats,
        "misses": misses,
        "alarms": alarms,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=None, help="only the first N events")
    ap.add_argument("--misses", action="store_true", help="list the planted changes not found")
    opts = ap.parse_args()
    if not opts.data.is_dir():
        print(f"eval_compare: {opts.data}: not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    nlp, embedder = load_nlp(), Embedder()
    res = evaluate(triplets(opts.data, opts.limit), nlp, embedder)
    planted, hits, stats, listed = res["planted"], res["hits"], res["stats"], res["listed"]

    def total(c: Counter[tuple[str, str]], key: str, half: str) -> int:
        return sum(v for (h, k), v in c.items() if k == key and half in (h, "all"))

    def ratio(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b if b else 0:.2f}"

    for half in (*HALVES, "all"):
        print(f"\n{half}{' (even events)' if half == 'tune' else ' (odd events)' if half == 'check' else ''}")
        print(f"  {'aspect':<10}{'all plants':>20}{'checkable plants':>22}   target")
        for aspect in PLANTERS:
            every = ratio(total(hits, aspect, half), total(planted, aspect, half))
            fair = ratio(total(hits, aspect + "*", half), total(planted, aspect + "*", half))
            also = total(listed, aspect + "*", half)
            print(f"  {aspect:<10}{every:>20}{fair:>22}   >= 0.85   (+{also} checkable listed to check)")
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
    print(f"({time.perf_counter() - t0:.0f} s)")
    if opts.misses:
        print("\n".join(["missed:", *res["misses"], "alarms:", *res["alarms"]]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
