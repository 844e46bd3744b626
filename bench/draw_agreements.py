#!/usr/bin/env python3
"""The seeded draw of a held-out batch of bench/eval_agreements.py, so a batch can be drawn again
(and checked) rather than taken on trust: events of gva-dev and ecbplus-dev no earlier batch holds.

    .venv/bin/python bench/draw_agreements.py --batch 5

With ``random.Random(f"storyline-agreements-{N}")``: batch 4 took every unused gva-dev incident
with 3+ reports (its first three files), then ``rng.sample`` of 11 of the sorted unused 2-report
ones; from batch 5 on (no unused 3+ incident is left) ``rng.sample`` of 16 of the sorted unused
incidents with 2+ reports. Then 8 ecbplus-dev events by ``rng.sample`` over the sorted list,
and for each of them, in sorted order, ``rng.sample`` of 3 of its sorted files in no earlier batch
(named ``<event>-b<N>``: new reports of a judged event are an event of their own); from batch 7
on the events are sampled among those with 3+ such files only (6ecb had none left); from batch 8
on, when no more than 16 unused incidents are left, every one of them is taken (no sample, so the
rng draws the ecbplus-dev events first). Batch 9 is drawn from BASIL's triplets outside
../shared (``--basil-rest DIR``, DIR/articles/<year>/: bench/basil_rest.py), of the years 2015-2019
only (2010-2014 are kept for another batch): ``rng.sample`` of 8 of the sorted triplet ids, all three
reports of each, named ``<triplet>-b9``. Batch 10 is drawn the same way from the 2015-2019 triplets
no earlier batch holds (``rng.sample`` of 8 of the sorted 27 left, ``<triplet>-b10``), and batch 11
from those neither 9 nor 10 holds (8 of the sorted 19 left, ``<triplet>-b11``), and batch 12
from those none of 9, 10 and 11 holds (8 of the sorted 11 left, ``<triplet>-b12``). Prints one
``{event, data, files, batch}`` line per event; batches 4 to 12 so drawn are the batches judged.

    .venv/bin/python bench/draw_agreements.py --batch 12 --basil-rest /tmp/basil_rest
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import basil_rest
from eval_agreements import DATA, JUDGED

GVA_EVENTS = 16
ECB_EVENTS = 8
ECB_FILES = 3
BASIL_BATCHES = (9, 10, 11, 12)  # the batches drawn from BASIL's triplets outside ../shared
BASIL_YEARS = range(2015, 2020)
BASIL_EVENTS = 8


def grouped(labels: dict[str, Any], key: str | None) -> dict[str, list[str]]:
    """Event -> its files, from a data set's labels.json (the label itself, or its `key`)."""
    events: dict[str, list[str]] = {}
    for name, label in labels.items():
        events.setdefault(label[key] if key else label, []).append(name)
    return events


def draw(batch: int, judged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of one batch, drawn from those no earlier batch holds."""
    earlier = [j for j in judged if j.get("batch", 1) < batch]
    used_events = {j["event"] for j in earlier if j["data"] == "gva-dev"}
    used_files = {f for j in earlier if j["data"] == "ecbplus-dev" for f in j["files"]}
    rng = random.Random(f"storyline-agreements-{batch}")
    incidents = grouped(json.loads((DATA / "gva-dev" / "labels.json").read_text()), None)
    unused = {i: sorted(fs) for i, fs in incidents.items() if i not in used_events and len(fs) >= 2}
    if batch == 4:
        gva = [(i, fs[:3]) for i, fs in sorted(unused.items()) if len(fs) >= 3]
        two = sorted(i for i, fs in unused.items() if len(fs) == 2)
        gva += [(i, unused[i]) for i in rng.sample(two, GVA_EVENTS - len(gva))]
    elif len(unused) > GVA_EVENTS:
        gva = [(i, unused[i]) for i in rng.sample(sorted(unused), GVA_EVENTS)]
    else:  # batch 8 on: fewer than GVA_EVENTS unused incidents are left, so all of them
        gva = sorted(unused.items())
    lines = [{"event": i, "data": "gva-dev", "files": fs, "batch": batch} for i, fs in gva]
    topics = grouped(json.loads((DATA / "ecbplus-dev" / "labels.json").read_text()), "event")
    if batch >= 7:  # by batch 7 some events have fewer than ECB_FILES unused reports left
        topics = {t: fs for t, fs in topics.items() if len(set(fs) - used_files) >= ECB_FILES}
    for event in sorted(rng.sample(sorted(topics), ECB_EVENTS)):
        free = sorted(f for f in topics[event] if f not in used_files)
        files = sorted(rng.sample(free, ECB_FILES))
        lines.append({"event": f"{event}-b{batch}", "data": "ecbplus-dev", "files": files, "batch": batch})
    return lines


def draw_basil(batch: int, root: Path, judged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events of a batch drawn from BASIL's triplets under ``root`` that no earlier batch
    holds (every report of each)."""
    used = {
        f
        for j in judged
        if j["data"] == basil_rest.DATA_NAME and j.get("batch", 1) < batch
        for f in j["files"]
    }
    found = {t: fs for t, fs in basil_rest.triplets(root, BASIL_YEARS).items() if not used & set(fs)}
    rng = random.Random(f"storyline-agreements-{batch}")
    return [
        {"event": f"{t}-b{batch}", "data": basil_rest.DATA_NAME, "files": found[t], "batch": batch}
        for t in rng.sample(sorted(found), BASIL_EVENTS)
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int, required=True, help="the batch to draw (4 on)")
    ap.add_argument("--basil-rest", type=Path, default=None, help="BASIL's other triplets (batches 9-12)")
    opts = ap.parse_args()
    judged = [json.loads(ln) for ln in JUDGED.read_text().splitlines() if ln.strip()]
    if opts.batch in BASIL_BATCHES:
        if opts.basil_rest is None or not (opts.basil_rest / "articles").is_dir():
            print(f"draw_agreements: batch {opts.batch} needs --basil-rest DIR (DIR/articles/<year>/)")
            return 2
        lines = draw_basil(opts.batch, opts.basil_rest, judged)
    else:
        lines = draw(opts.batch, judged)
    for line in lines:
        print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
