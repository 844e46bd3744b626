#!/usr/bin/env python3
"""How well storyline dates the DATE and TIME expressions of a TimeML corpus, per half.

Reads a folder of TimeML files (``.tml``: TimeBank and AQUAINT of the public TempEval-3
training data, "TBAQ-cleaned"; never copied into the project), runs what ``annotate`` runs on each
document's TEXT with the document creation time as the publication date, and scores every gold
DATE/TIME expression:

- found: a predicted expression overlaps it (recall = found / gold);
- correct: found, and the TimeML value storyline gives an overlapping prediction (its
  ``timeml_value``: "late 2006" is 2006 with mod END, "later this week" that ISO week, "the third
  quarter" 2006-Q3; of a range "1991/1997", the end on the gold's side) names the calendar interval
  the gold ``value`` names ("1998-Q3" is July to September, "1998-W32" that ISO week,
  "1998-08-07TMO" that day, so "2000-W6" and "2000-W06" agree);
  a gold PRESENT_REF, PAST_REF, FUTURE_REF or duration ("P1W") is correct when the value given is
  the same; one with no calendar interval ("1998-XX", "1989-WXX") when the value given has none
  either. Value accuracy = correct / found.
- "+mod" accuracy: correct, and the mod right too (START, MID or END, or none where the gold has
  none of them).
- interval accuracy: the interval storyline resolves the expression to (what the cross-check
  compares: "late 2006" is September to December) equals the gold value's. This was the value
  score before the sessions that gave each expression its TimeML value too.

Documents are split in two by a seeded shuffle of their ids: tune on half A, report half B too.
The data: ``data/TBAQ-cleaned`` of the public GitHub repository jspotter/TempEval-3 (183 TimeBank
and 73 AQUAINT documents); keep it outside the project, e.g. under /tmp.

A second corpus, different in outlet and style: the English MEANTIME corpus (NewsReader; 120
Wikinews articles, CC BY 4.0, ``meantime_newsreader_english_oct15/intra-doc_annotation``, in CAT
format, e.g. from the public GitHub repository qiangning/StructTempRel-EMNLP17 under ``data/``): the
folder holds ``.xml`` files instead of ``.tml``; 302 DATE/TIME expressions besides the 120 datelines.

    .venv/bin/python bench/eval_timeml.py /tmp/TBAQ-cleaned            # both halves
    .venv/bin/python bench/eval_timeml.py /tmp/TBAQ-cleaned --errors A # list half A's misses
    .venv/bin/python bench/eval_timeml.py /tmp/meantime_newsreader_english_oct15/intra-doc_annotation
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = 15
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

Interval = tuple[date, date]


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    value: str
    mod: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: str
    text: str
    golds: tuple[Gold, ...]


def read_timeml(path: Path) -> Document:
    """The TEXT of a TimeML file without its tags, and its DATE/TIME expressions as offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.S)
    body = raw[raw.index("<TEXT>") + 6 : raw.index("</TEXT>")]
    out: list[str] = []
    golds: list[Gold] = []
    open_at: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        out.append(html.unescape(body[pos : m.start()]))
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        here = sum(map(len, out))
        if not m.group(1):
            open_at = here, dict(_ATTR.findall(m.group(3)))
        elif open_at is not None:
            start, attrs = open_at
            if attrs.get("type") in ("DATE", "TIME"):
                text = "".join(out)[start:here]
                golds.append(Gold(start, here, text, attrs.get("value", ""), attrs.get("mod", "")))
            open_at = None
    out.append(html.unescape(body[pos:]))
    return Document(path.stem, dct.group(1) if dct else "", "".join(out), tuple(golds))


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d"}
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "#"}
_PTB_QUOTES = {"``": '"', "''": '"'}
_MOD_WORDS = re.compile(r"(?i)(?:the\s+)?(early|mid|late|start|beginning|middle|end)\b(?:\s+of\b)?")


def read_cat(path: Path) -> Document:
    """A MEANTIME (NewsReader, CAT format) file: its tokens joined back into text, its DATE/TIME.

    CAT keeps tokens, not the text: they are joined with a space except before closing punctuation
    and after opening brackets and currency signs, quotation marks pairwise; the title (sentence 0)
    and the dateline (sentence 1) are paragraphs of their own. The creation time (the dateline; two
    files do not mark it CREATION_TIME) is the DCT and not scored; an expression without tokens (a
    time only implied) is not scored.
    """
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, prev_sentence, prev, quote_open = 0, "0", "", False
    dateline: set[str] = set()
    for tok in root.iter("token"):
        word = _PTB_QUOTES.get((tok.text or "").strip(), (tok.text or "").strip())
        sentence = tok.get("sentence", "")
        if not word:
            continue
        if sentence == "1":
            dateline.add(tok.get("t_id", ""))
        if parts and sentence != prev_sentence and prev_sentence in ("0", "1"):
            sep = "\n\n"
        elif not parts or word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            sep = ""
        elif word == '"':
            sep = "" if quote_open else " "
        else:
            sep = "" if prev == '"' and quote_open else " "
        if word == '"':
            quote_open = not quote_open
        parts.append(sep)
        length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        prev, prev_sentence = word, sentence
    text = "".join(parts)
    dct, golds = "", []
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id", "") for a in tx.iter("token_anchor") if a.get("t_id") in offsets]
        spans = [offsets[i] for i in ids]
        if tx.get("functionInDocument") == "CREATION_TIME" or (ids and set(ids) <= dateline):
            dct = tx.get("value", "")[:10]
            continue
        if not spans or tx.get("type") not in ("DATE", "TIME"):
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        words = text[start:end]
        golds.append(Gold(start, end, words, tx.get("value", ""), tx.get("mod") or _mod_of(words)))
    return Document(path.stem, dct, text, tuple(sorted(golds, key=lambda g: g.start)))


def _mod_of(words: str) -> str:
    """MEANTIME has no ``mod``: "late 2006" is value 2006 alone. The mod TimeML would give it, read
    from the words, so that "+mod acc" checks storyline's mod of "late 2006" (END) as on TBAQ."""
    m = _MOD_WORDS.match(words)
    return {"early": "START", "start": "START", "beginning": "START", "mid": "MID", "middle": "MID",
            "late": "END", "end": "END"}[m[1].lower()] if m else ""  # fmt: skip


def read_any(path: Path) -> Document:
    return read_cat(path) if path.suffix == ".xml" else read_timeml(path)


def value_interval(value: str) -> Interval | None:
    """The calendar interval a TIMEX3 value names, or None (PRESENT_REF, "1998-XX", durations)."""
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            return _month(int(m[1]), int(m[2]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            q = int(m[2])
            return _month(int(m[1]), 3 * q - 2, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            h = int(m[2])
            return _month(int(m[1]), 6 * h - 5, 6 * h)
        if m := re.fullmatch(r"(\d{4})-W(\d\d?)(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (
                monday, monday + timedelta(days=6))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            first, last = _SEASONS[m[2]]
            y = int(m[1])
            return _month(y, first, 12) if first > last else _month(y, first, last)
        if m := re.fullmatch(r"(\d{3})X?", v):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d\d)X?X?", v):
            return date(max(1, int(m[1]) * 100), 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _month(year: int, first: int, last: int) -> Interval:
    nxt = date(year + (last == 12), last % 12 + 1, 1)
    return date(year, first, 1), nxt - timedelta(days=1)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    correct: int = 0
    mod_correct: int = 0
    interval_correct: int = 0

    def row(self, name: str) -> str:
        rec = self.found / self.gold if self.gold else 0.0
        acc = self.correct / self.found if self.found else 0.0
        mod = self.mod_correct / self.found if self.found else 0.0
        interval = self.interval_correct / self.found if self.found else 0.0
        per_gold = self.correct / self.gold if self.gold else 0.0
        return (f"| {name:<22} | {self.gold:>4} | {self.found:>5} | {self.correct:>7} | {rec:>6.3f} "
                f"| {acc:>9.3f} | {mod:>9.3f} | {interval:>8.3f} | {per_gold:>12.3f} |")


@dataclass(frozen=True)
class Prediction:
    start: int
    end: int
    first: str | None  # the interval, ISO dates
    last: str | None
    value: str | None  # the TimeML value and mod
    mod: str | None


_PARTS = ("START", "MID", "END")
_NAMED_NO_DATE = re.compile(r"(?:PRESENT|PAST|FUTURE)_REF|P[\dX.]+[A-Z]+")


def end_value(p: Prediction, g: Gold) -> str:
    """The value ``p`` gives the gold span: of a range ("1991/1997": TimeML dates each end of "1991
    to 1997" apart), the end on the gold's side of the prediction."""
    first, _, last = (p.value or "").partition("/")
    if not last:
        return first
    return first if g.start - p.start <= p.end - g.end else last


def score(doc: Document, preds: list[Prediction], s: Score, errors: list[str]) -> None:
    for g in doc.golds:
        s.gold += 1
        hits = [p for p in preds if p.start < g.end and g.start < p.end]
        label = f"{doc.name} {g.text!r} value={g.value}{' mod=' + g.mod if g.mod else ''} (dct {doc.dct})"
        if not hits:
            errors.append(f"missed  {label}")
            continue
        s.found += 1
        want = value_interval(g.value)
        if _NAMED_NO_DATE.fullmatch(g.value):  # PRESENT_REF, P6Y: the same words, or wrong
            right = [p for p in hits if p.value == g.value]
        else:
            right = [p for p in hits if value_interval(end_value(p, g)) == want]
        intervals = [(date.fromisoformat(p.first), date.fromisoformat(p.last)) if p.first and p.last else None
                     for p in hits]  # fmt: skip
        s.interval_correct += want in intervals
        shown = [(doc.text[p.start : p.end], p.value, p.mod) for p in hits]
        if not right:
            errors.append(f"wrong   {label} → {shown}")
            continue
        s.correct += 1
        if any((p.mod if p.mod in _PARTS else "") == (g.mod if g.mod in _PARTS else "") for p in right):
            s.mod_correct += 1
        else:
            errors.append(f"mod     {label} → {shown}")


def halves(paths: list[Path]) -> dict[str, list[Path]]:
    """Documents in two halves by a seeded shuffle of their sorted ids."""
    ids = sorted(paths, key=lambda p: p.name)
    random.Random(SEED).shuffle(ids)
    mid = len(ids) // 2
    return {"A": sorted(ids[:mid]), "B": sorted(ids[mid:])}


def run(nlp: Any, docs: list[Document]) -> tuple[Score, list[str]]:
    from storyline.annotation.doctext import doc_text
    from storyline.annotation.pipeline import MAIN_PASS_OFF, parse_selected
    from storyline.annotation.sentences import sentence_spans
    from storyline.annotation.times import find_times

    s, errors = Score(), []
    off = [p for p in MAIN_PASS_OFF if p in nlp.pipe_names]
    for doc, main in zip(docs, nlp.pipe((d.text for d in docs), disable=off), strict=True):
        parsed = parse_selected(main, nlp, sentence_spans(main), doc_text(main))  # as annotate does
        preds = [Prediction(*t.offset, t.start, t.end, t.timeml_value, t.mod)
                 for t in find_times(main, doc.dct, parsed)]  # fmt: skip
        score(doc, preds, s, errors)
    return s, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="a folder of .tml files, or of MEANTIME CAT .xml files")
    ap.add_argument("--errors", choices=("A", "B"), help="list the misses and wrong values of one half")
    args = ap.parse_args()
    paths = sorted(args.folder.rglob("*.tml")) or sorted(args.folder.rglob("*.xml"))
    if not paths:
        print(f"{args.folder}: no .tml or CAT .xml files found", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    from storyline.annotation import load_nlp

    nlp = load_nlp()
    print("| half (documents)       | gold | found | correct | recall | value acc | +mod acc  | interval | correct/gold |"  # noqa: E501
          "\n|------------------------|------|-------|---------|--------|-----------|-----------|----------|--------------|")
    for name, part in halves(paths).items():
        s, errors = run(nlp, [read_any(p) for p in part])
        print(s.row(f"{name} ({len(part)} docs)"))
        if args.errors == name:
            print("\n".join(f"    {e}" for e in errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
