#!/usr/bin/env python3
"""What `storyline annotate` adds on top of the annotation itself: articles per second of each
output format (JSON, terminal, HTML) and of schema validation, on basil-dev articles.

    .venv/bin/python bench/bench_annotate_render.py [--data ../shared/data] [--n 40]

The articles are read and annotated once (that cost is bench_annotate.py's subject and is reported
here only for scale); each format is then rendered from the same annotated articles.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=40)
    opts = ap.parse_args()

    from storyline.annotation import annotate_many, load_nlp
    from storyline.jsonschema import validate
    from storyline.reading import read
    from storyline.render.annotated_html import render_annotated_html
    from storyline.render.annotated_terminal import render_annotated_terminal

    files = sorted(p for p in (opts.data / "basil-dev").glob("*.json") if p.name != "labels.json")
    files = [files[i % len(files)] for i in range(opts.n)]
    articles = [read(f) for f in files]
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    nlp = load_nlp()
    took, anns = timed(lambda: list(annotate_many(articles, nlp)))
    rows = [("annotate (for scale)", took)]
    dicts: list[dict[str, Any]] = []
    rows.append(("json", timed(lambda: dicts.extend(json.loads(json.dumps(a.to_dict())) for a in anns))[0]))
    rows.append(("schema validation", timed(lambda: validate(dicts, "annotated"))[0]))
    rows.append(("terminal (colour)", timed(lambda: render_annotated_terminal(anns, color=True))[0]))
    rows.append(("html", timed(lambda: render_annotated_html(anns))[0]))
    print(f"{len(anns)} articles, {words:.0f} words on average")
    print(f"{'stage':<22}{'seconds':>10}{'articles/s':>12}")
    for name, secs in rows:
        print(f"{name:<22}{secs:>10.2f}{len(anns) / secs:>12.1f}")


if __name__ == "__main__":
    main()
