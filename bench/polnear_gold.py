#!/usr/bin/env python3
"""A PolNeAR split (train, say) as a polnear-dev-like folder, for checking quote speakers on more text.

    .venv/bin/python bench/polnear_gold.py PolNeAR/data train OUT
    .venv/bin/python bench/polnear_gold.py PolNeAR/data train OUT --part 0:150 --seed 7

Reads ``<data>/<split>/text/*.txt`` and ``attributions/*.ann`` of a PolNeAR checkout (public:
networkdynamics/PolNeAR; never commit the data) and writes ``OUT/<doc>.json`` ({title, published,
source, text}; the text without its title line, as ../shared/data/polnear-dev has it) and
``OUT/gold.json`` in the same shape, for ``bench/eval_polnear.py --data OUT`` or score-polnear. Only
attributions whose content is a direct quotation (it starts or ends with a quotation mark, or lies
between two) and whose source holds a capitalised word are kept; the key is the last capitalised word
of the source before any comma, "who", "of" or "at" ("Brent Bozell III, founder of …" → "Bozell").
This approximates the dev gold (on data/dev it agrees on 316 of the 344 spans, keys on 306); it
keeps some description sources ("a South Carolina Democrat" → "Democrat"). Each document takes the
first annotator's file in sorted order. ``--part`` keeps articles a:b of a seeded shuffle.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

QUOTE_MARKS = "“”\"‘’'«»"
NOT_KEYS = frozenset(
    str.split(
        """the a an he she they it we i you his her their this that these those who which one mr mrs
    ms dr sen rep gov president only another jr ii iii sr some many most several"""
    )
)


def _spans(ann: str, cut: int) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, str]]]:
    """Text-bound spans (id → fragments, moved by ``cut``) and relations (role → span id)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, ranges = parts[1].split(" ", 1)
            spans[parts[0]] = [
                (int(a) - cut, int(b) - cut) for a, b in (r.split() for r in ranges.split(";"))
            ]
        elif parts[0].startswith("E"):
            rels.append(dict(kv.split(":", 1) for kv in parts[1].split()[1:]))
    return spans, rels


def _how(body: str, start: int, end: int) -> str | None:
    txt = body[start:end]
    if txt[:1] in QUOTE_MARKS:
        return "starts"
    if txt.rstrip(" .,")[-1:] in QUOTE_MARKS:
        return "ends"
    if body[:start].rstrip()[-1:] in QUOTE_MARKS and body[end:].lstrip()[:1] in QUOTE_MARKS:
        return "inside"
    return None


def _key(source: str) -> str | None:
    head = re.split(r",| who | of | at | \(", source)[0]
    words = [
        w for w in re.findall(r"[\w’'.-]+", head) if w[:1].isupper() and w.lower().strip(".") not in NOT_KEYS
    ]
    return words[-1].rstrip(".").removesuffix("’s").removesuffix("'s") if words else None


def convert(data: Path, split: str, out: Path) -> list[dict[str, Any]]:
    meta = {}
    for line in (data / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        meta[f[1]] = f
    annotator: dict[str, str] = {}
    for f in sorted((data / split / "attributions").glob("*.ann")):
        annotator.setdefault(f.stem[:-5], f.stem[-4:])
    out.mkdir(parents=True, exist_ok=True)
    gold: list[dict[str, Any]] = []
    for name, who in sorted(annotator.items()):
        raw = (data / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        cut = raw.find("\n\n") + 2
        body = raw[cut:]
        m = meta.get(name, [""] * 6)
        doc = {"title": raw[: cut - 2], "published": m[5], "source": m[4], "text": body}
        (out / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
        spans, rels = _spans(
            (data / split / "attributions" / f"{name}_{who}.ann").read_text(encoding="utf-8"), cut
        )
        for rel in rels:
            if "Content" not in rel or "Source" not in rel:
                continue
            frags = spans[rel["Content"]]
            start, end = frags[0][0], frags[-1][1]
            how = _how(body, start, end) if start >= 0 else None
            source = " ".join(body[a:b] for a, b in spans[rel["Source"]])
            key = _key(source)
            if how is None or key is None:
                continue
            gold.append(
                {"file": f"{name}.json", "start": start, "end": end, "txt": body[start:end], "how": how,
                 "key": key, "source": source, "fragments": [list(f) for f in frags], "annotator": who,
                 "outlet": name.split("_")[0]}
            )  # fmt: skip
    return gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="a PolNeAR checkout's data folder")
    ap.add_argument("split", help="train, dev or test")
    ap.add_argument("out", type=Path)
    ap.add_argument("--part", default=None, help="a:b, articles of a seeded shuffle")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not (args.data / args.split / "attributions").is_dir():
        raise SystemExit(f"polnear_gold: no {args.split}/attributions in {args.data}")
    gold = convert(args.data, args.split, args.out)
    if args.part:
        files = sorted({g["file"] for g in gold})
        random.Random(args.seed).shuffle(files)
        a, b = (int(x) for x in args.part.split(":"))
        keep = set(files[a:b])
        gold = [g for g in gold if g["file"] in keep]
        for f in args.out.glob("*.json"):
            if f.name not in keep:
                f.unlink()
    (args.out / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    print(f"{len(gold)} quotations in {len({g['file'] for g in gold})} articles → {args.out}")


if __name__ == "__main__":
    main()
