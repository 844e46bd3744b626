#!/usr/bin/env python3
"""Quote speakers on BASIL's own annotations, scored per half: basil-dev or BASIL's other triplets.

    .venv/bin/python bench/eval_basil_speakers.py DIR [--data ../shared/data/basil-dev]
        [--half tune|check|both] [--verbose]
    .venv/bin/python bench/eval_basil_speakers.py BASIL/annotations --articles BASIL/articles
        --years 2010-2014 [--half tune|check|both]

DIR holds BASIL's phrase annotations (``launchnlp/BASIL`` ``annotations/<year>/<triplet>_<n>_ann.json``,
the year folders or their files); they are not part of the project and must not be committed. The
articles are basil-dev's (``--data``) or, with ``--articles``, BASIL's own ``articles/<year>/`` files,
turned into basil-dev's form (paragraphs apart by a blank line, sentences joined by a space) in a
temporary folder, so the triplets basil-dev lacks are read as basil-dev's are. ``--years`` keeps the
year folders in a range (the triplets of other years are kept for someone else's check). Each
entry with ``"quote": "yes"`` is a quoted phrase and its ``speaker``. The phrase is found in the
article text (BASIL's offsets count from the start of its sentence: of several occurrences, the one
whose sentence would start ``start`` characters earlier is taken).

Gold speakers fall in three kinds, scored apart because they ask different things:
  person   a name ('Rick_Perry', 'Trump'): right when storyline's speaker holds the gold's last word
           (the surname, PolNeAR's key word) and any first name it gives is the gold's ('Melania
           Trump' is not 'Donald_Trump'); ``surname`` counts the surname alone
  group    a plural body ('House_Democrats', 'GOP_committee_members', 'protestors'; the gold's
           last word tagged plural), matched word by word on storyline's speaker phrase and key,
           each word without its plural 's' and in one spelling ('GOP' is 'Republican',
           'Democratic' 'Democrat', 'protestor' 'protester'): right when the phrase holds the
           gold's head noun ('Democrats' for 'House_Democrats') or all of its modifiers ('Every
           Republican on the House Intelligence Committee' for 'GOP_committee_members'); ``full``
           asks for the head noun and every modifier
  unnamed  BASIL's 'other_anti' / 'other_pro' / 'other_neutral' (someone outside its target
           list, often a named person): not scored for who; counted, with how many got a speaker
           at all and how many were credited to one of the article's named gold speakers (wrong)
Affiliation, a separate figure (never folded into ``accuracy``): BASIL often credits a group
('Democratic_Lawmakers', 'the White House') where the text quotes one named member, and storyline
names the person as the article gives them, with the party or organisation the article states for
them in the quote's ``affiliation``. ``affiliation`` is the share of covered group quotes whose
affiliation the group judge above accepts; ``either`` those whose speaker or affiliation it accepts.
For person golds ``either`` counts those right by the speaker or, read as a name, by the
affiliation (BASIL's 'NAACP' for a quote of its president).
Coverage: a storyline quote overlaps the phrase (score-polnear's ``cover``). The nearest-name
baseline (score-polnear's ``near``: nearest capitalised name outside quotation marks in the
paragraph) is scored on the same spans. The triplets that hold a quoted phrase (sorted) are shuffled
with ``random.Random(15)`` and cut in two: ``tune`` is looked at, ``check`` is not (of BASIL's 40
triplets of 2010-2014, 37 hold one: 18 tune, 19 check).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import basil_rest
from eval_polnear import SHARED, annotate_files, scorer

SEED = 15


def halves(triplets: list[str]) -> dict[str, list[str]]:
    """The seeded split by event: ``tune`` (looked at) and ``check`` (never looked at)."""
    order = sorted(triplets)
    random.Random(SEED).shuffle(order)
    cut = len(order) // 2
    return {"tune": sorted(order[:cut]), "check": sorted(order[cut:])}


def locate(phrase: str, text: str, in_sentence: int) -> tuple[int, int] | None:
    """(start, end) of the annotated phrase in the article text, spacing flexible."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    if not body:
        return None
    found = [(m.start(), m.end()) for m in re.finditer(body, text)]
    if not found:
        return None

    def opens_sentence(at: int) -> bool:
        before = text[:at].rstrip(" ")
        return at >= 0 and (not before or before[-1] in ".?!\n”\"'’")

    fitting = [f for f in found if opens_sentence(f[0] - in_sentence)]
    return (fitting or found)[0]


def kind_of(gold: str, nlp: Any) -> str:
    if gold.startswith("other_"):
        return "unnamed"
    last = nlp(gold.replace("_", " "))[-1]
    return "group" if last.tag_ in ("NNS", "NNPS") else "person"


def in_years(folder: Path, years: tuple[int, int] | None, suffix: str) -> list[Path]:
    """The ``*suffix`` files of a folder or of its year folders, those years in range only."""
    paths = sorted(folder.glob(f"*{suffix}")) + sorted(folder.glob(f"*/*{suffix}"))
    if years is None:
        return paths
    return [p for p in paths if p.parent.name.isdigit() and years[0] <= int(p.parent.name) <= years[1]]


def basil_articles(articles: Path, years: tuple[int, int] | None, out: Path) -> None:
    """BASIL's ``articles/<year>/*.json`` written to ``out`` in basil-dev's form, as the judged
    agreement batches read them (``basil_rest``)."""
    for path in in_years(articles, years, ".json"):
        basil_rest.as_basil_dev(path, out)


def gold_spans(anns: list[Path], data: Path, nlp: Any) -> list[dict[str, Any]]:
    spans = []
    for path in anns:
        art = path.name.replace("_ann.json", ".json")
        if not (data / art).is_file():
            continue
        text = json.loads((data / art).read_text(encoding="utf-8"))["text"]
        ann = json.loads(path.read_text(encoding="utf-8"))
        for p in ann.get("phrase-level-annotations", []):
            if p.get("quote") != "yes" or not p.get("speaker"):
                continue
            at = locate(p["txt"], text, int(p.get("start", 0)))
            spans.append(
                {
                    "file": art,
                    "triplet": ann.get("triplet-uuid") or art.rsplit("_", 1)[0],
                    "txt": p["txt"],
                    "gold": p["speaker"],
                    "kind": kind_of(p["speaker"], nlp),
                    "start": at[0] if at else -1,
                    "end": at[1] if at else -1,
                }
            )
    return spans


TITLES = frozenset(
    str.split(
        """the former president vice sen senator rep representative gov governor mr mrs ms dr
    secretary speaker chairman"""
    )
)


_SPELLINGS = {"gop": "republican", "democratic": "democrat", "protestor": "protester"}


def _one_spelling(word: str) -> str:
    """A group word in one form: singular, and one spelling of a party or a variant."""
    w = word[:-1] if word.endswith("s") and len(word) > 3 and not word.endswith("ss") else word
    return _SPELLINGS.get(w, w)


def judge(span: dict[str, Any], speaker: str | None, key: str | None) -> tuple[bool, bool]:
    """(right, surname found) for a guess of the span's speaker, (right, full) for a group. A
    person is right when the guess holds the gold's surname and, where it gives a first name
    (titles and initials aside), the gold's first name: 'Melania Trump' is not 'Donald_Trump',
    'Adam B. Schiff' is 'Adam_Schiff'."""
    words = span["gold"].replace("_", " ").lower().split()
    said = f"{speaker or ''} | {key or ''}".lower()
    if span["kind"] == "group":
        held = {_one_spelling(w) for w in re.findall(r"[a-z]+", said)}
        head, mods = _one_spelling(words[-1]), [_one_spelling(w) for w in words[:-1]]
        has_mods = bool(mods) and all(m in held for m in mods)
        return head in held or has_mods, head in held and (has_mods or not mods)
    surname = bool(speaker or key) and re.search(rf"\b{re.escape(words[-1])}\b", said) is not None
    given = [w for w in re.findall(r"[\w.'’-]+", (speaker or "").lower()) if w.rstrip(".") not in TITLES]
    before = given[: given.index(words[-1])] if words[-1] in given else []
    before = before[len(before) - before[::-1].index("and") :] if "and" in before else before  # "X and Y"
    first = [w for w in before if not w.endswith(".")][:1]
    first_ok = not first or len(words) < 2 or first[0] == words[0]
    return surname and first_ok, surname


def score(sp: Any, data: Path, spans: list[dict[str, Any]], verbose: int) -> str:
    files = sorted({s["file"] for s in spans})
    anns = annotate_files(data, files)
    texts = {f: json.loads((data / f).read_text(encoding="utf-8"))["text"] for f in files}
    tally: dict[str, list[int]] = {k: [0] * 9 for k in ("person", "group", "unnamed")}
    named: dict[str, set[str]] = {}  # article → its named gold persons
    for s in spans:
        if s["kind"] == "person":
            named.setdefault(s["file"], set()).add(s["gold"])
    lost = 0
    for s in spans:
        if s["start"] < 0:
            lost += 1
            continue
        t = tally[s["kind"]]  # spans, covered, right, surname, baseline, any speaker
        t[0] += 1
        _, near = sp.baseline_guesses(texts[s["file"]], s, {})
        t[4] += judge(s, near, near)[0] if s["kind"] != "unnamed" else 0
        ann = anns.get(s["file"])
        quotes = [q.to_dict() for q in ann.quotes] if ann else []
        q = sp.cover(s, quotes, texts[s["file"]], ann.article.text if ann else None)
        if q is None:
            if verbose and s["kind"] != "unnamed":
                print(f"  {s['file'][:38]} gold={s['gold']} NOT COVERED {s['txt'][:90]!r}")
            continue
        right, surname = judge(s, q.get("speaker"), q.get("speaker_key"))
        affiliated = bool(q.get("affiliation")) and judge(s, q.get("affiliation"), None)[0]
        t[1] += 1
        t[2] += right
        t[3] += surname
        t[5] += bool(q.get("speaker"))
        t[7] += affiliated  # spans, covered, right, surname, baseline, any speaker, as target, ↓
        t[8] += right or affiliated
        if s["kind"] == "unnamed":  # credited to a target BASIL did not name as the speaker
            as_person = {**s, "kind": "person"}
            t[6] += any(
                judge({**as_person, "gold": g}, q.get("speaker"), q.get("speaker_key"))[0]
                for g in named.get(s["file"], ())
            )
        if verbose and ((s["kind"] != "unnamed" and not right) or verbose > 1):
            print(
                f"  {s['file'][:38]} gold={s['gold']} got={q.get('speaker')!r}/{q.get('speaker_key')!r} "
                f"affiliation={q.get('affiliation')!r} "
                f"near={near!r}\n     {s['txt'][:100]!r}"
            )
    p, g, u = tally["person"], tally["group"], tally["unnamed"]

    def r(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    return (
        f"triplets={len({s['triplet'] for s in spans})} quotes={len(spans)} not_found={lost} | "
        f"person n={p[0]} accuracy={r(p[2], p[1])} surname={r(p[3], p[1])} coverage={r(p[1], p[0])} "
        f"baseline_near={r(p[4], p[0])} either={r(p[8], p[1])} | group n={g[0]} accuracy={r(g[2], g[1])} "
        f"full={r(g[3], g[1])} coverage={r(g[1], g[0])} baseline_near={r(g[4], g[0])} "
        f"affiliation={r(g[7], g[1])} either={r(g[8], g[1])} | unnamed n={u[0]} covered={u[1]} "
        f"with_speaker={u[5]} as_target={u[6]}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", type=Path, help="BASIL *_ann.json files, or its annotations/ with year folders")
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "basil-dev")
    ap.add_argument("--articles", type=Path, help="BASIL's articles/ (year folders), not --data")
    ap.add_argument("--years", help="keep these year folders only, e.g. 2010-2014")
    ap.add_argument("--half", choices=("tune", "check", "both"), default="tune")
    ap.add_argument("-v", "--verbose", action="count", default=0)
    args = ap.parse_args()
    years = tuple(int(y) for y in args.years.split("-")) if args.years else None
    span = (years[0], years[-1]) if years else None
    anns = in_years(args.dir, span, "_ann.json")
    if not anns:
        sys.exit(f"eval_basil_speakers: no *_ann.json files in {args.dir} (or its year folders)")
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if args.articles:
            data = Path(tmp)
            basil_articles(args.articles, span, data)
        if not data.is_dir() or not any(data.glob("*.json")):
            sys.exit(f"eval_basil_speakers: no articles in {args.articles or args.data}")
        run(anns, data, args.half, args.verbose)


def run(anns: list[Path], data: Path, half: str, verbose: int) -> None:
    """Score each asked half of the annotated quotes found in the articles of ``data``."""
    from storyline.annotation.pipeline import load_nlp

    spans = gold_spans(anns, data, load_nlp())
    split = halves(sorted({s["triplet"] for s in spans}))
    sp = scorer()
    for name in ("tune", "check") if half == "both" else (half,):
        part = [s for s in spans if s["triplet"] in split[name]]
        print(f"{name}: {score(sp, data, part, verbose)}")


if __name__ == "__main__":
    main()
