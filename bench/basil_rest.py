"""BASIL triplets outside ../shared (the held-out ones, e.g. /tmp/basil_rest): found by year and
copied into basil-dev's layout, so `storyline compare` reads them as it reads basil-dev.

The rest of BASIL is kept in the repository's own layout, ``DIR/articles/<year>/<triplet>_<n>.json``
with ``body-paragraphs`` (lists of sentences) and ``date``; basil-dev is ``{title, published,
source, url, text}``, paragraphs separated by a blank line, a paragraph's sentences joined by
spaces (../shared/data/README.md). The copies go to a temporary folder, never into the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA_NAME = "basil-rest"  # the ``data`` of a judged event drawn from such a folder


def triplets(root: Path, years: range) -> dict[str, list[str]]:
    """Triplet id -> its sorted file names, for the triplets of the given years under ``root``."""
    found: dict[str, list[str]] = {}
    for year in years:
        for path in sorted((root / "articles" / str(year)).glob("*_*.json")):
            found.setdefault(path.stem.rsplit("_", 1)[0], []).append(path.name)
    return found


def copy_as_basil_dev(root: Path, name: str, out: Path) -> Path:
    """The file ``name`` (any year) written to ``out`` in basil-dev's layout; its path there."""
    raw = next((root / "articles").glob(f"*/{name}"), None)
    if raw is None:
        raise FileNotFoundError(f"{name} is under no year of {root / 'articles'}")
    return as_basil_dev(raw, out)


def as_basil_dev(raw: Path, out: Path) -> Path:
    """One BASIL article file written to ``out`` in basil-dev's layout, under its own name."""
    obj = json.loads(raw.read_text(encoding="utf-8"))
    paras = [" ".join(p) if isinstance(p, list) else str(p) for p in obj["body-paragraphs"]]
    article = {
        "title": obj.get("title", ""),
        "published": obj.get("date"),
        "source": obj.get("source"),
        "url": obj.get("url"),
        "text": "\n\n".join(p for p in paras if p.strip()),
    }
    target = out / raw.name
    target.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    return target
