"""Wire-copy detection on real text: seeds, BASIL reports, and copies made the way outlets make them."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.model import Article, content_id
from storyline.stories import find_copies
from storyline.stories.signatures import minhash, normalise, shingles


def _article(text: str, published: str | None = None, source: str = "x") -> Article:
    return Article(id=content_id(source, text), text=text, source=source, published=published)


def _basil(shared: Path, n: int) -> list[Article]:
    files = sorted((shared / "basil-dev").glob("*.json"))[:n]
    out = []
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        out.append(_article(d["text"], d.get("published"), d.get("source", "x")))
    return out


def _restyle(text: str) -> str:
    """What a second outlet does to an agency story: new dateline, typographic quotes, last paragraph cut."""
    paras = text.split("\n\n")
    body = "\n\n".join(paras[:-1]) if len(paras) > 3 else text
    return "LONDON (Reuters) - " + body.replace('"', "“").replace("  ", " ")


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("Café, “Kremlin”  SAYS!") == "cafe kremlin says"
    assert shingles("one two") == {b"one two"}
    assert minhash("A b, c d e f.").jaccard(minhash("a B c d e F")) == 1.0


def test_seeds_are_independent_reports_not_copies(seed_paths: tuple[Path, Path]) -> None:
    a, b = (_article(p.read_text(encoding="utf-8"), source=p.stem) for p in seed_paths)
    assert find_copies([a, b]) == {}


def test_restyled_copy_points_at_earliest(shared_data: Path) -> None:
    originals = _basil(shared_data, 9)
    base = originals[4]
    late = _article(_restyle(base.text), "2099-01-02", "outlet-b")
    later = _article(base.text.replace(". ", ".  "), "2099-01-03", "outlet-c")
    early = Article(id=base.id, text=base.text, source=base.source, published="2000-01-01")
    # The copies come first in the input: the earliest-published article is still the original.
    found = find_copies([late, later, *originals[:4], early, *originals[5:]])
    assert found == {late.id: early.id, later.id: early.id}


def test_undated_copies_point_at_first_given(shared_data: Path) -> None:
    base = _basil(shared_data, 1)[0]
    first = _article(base.text, None, "a")
    second = _article(_restyle(base.text), None, "b")
    assert find_copies([first, second]) == {second.id: first.id}
    # Same-event reports by different outlets (a BASIL triplet) are not copies.
    assert find_copies(_basil(shared_data, 6)) == {}


def test_threshold_controls_how_near(shared_data: Path) -> None:
    base = _basil(shared_data, 1)[0]
    paras = base.text.split("\n\n")
    half = "\n\n".join(paras[: len(paras) // 2])
    a, b = _article(base.text, "2020-01-01", "a"), _article(half, "2020-01-02", "b")
    assert find_copies([a, b], threshold=0.8) == {}
    assert find_copies([a, b], threshold=0.3) == {b.id: a.id}


def test_many_articles_through_minhash_agree_with_the_exact_check(seed_paths: tuple[Path, Path]) -> None:
    """Past a handful of articles find_copies estimates Jaccard with MinHash LSH: it finds every
    clear copy the exact check finds, and nothing far from the threshold (estimates are ±0.05)."""
    import random

    from storyline.reading import read
    from storyline.stories.copies import EXACT_UP_TO, _exact_copies, published_key

    paras = [p for s in seed_paths for p in read(s).text.split("\n\n") if len(p) > 80]
    rng = random.Random(3)
    arts = [
        _article("\n\n".join(rng.sample(paras, 6)), f"2021-12-{1 + i % 28:02d}", f"o{i}") for i in range(60)
    ]
    arts += [_article(_restyle(a.text), "2021-12-30", f"copy{i}") for i, a in enumerate(arts[:15])]
    assert len(arts) > EXACT_UP_TO
    by_id = {a.id: a for a in arts}

    def jaccard(x: str, y: str) -> float:
        a, b = shingles(by_id[x].text), shingles(by_id[y].text)
        return len(a & b) / len(a | b)

    order = sorted(range(len(arts)), key=lambda i: (published_key(arts[i].published), i))
    exact = _exact_copies(arts, order, 0.8)
    estimated = find_copies(arts)
    clear = {k: v for k, v in exact.items() if jaccard(k, v) >= 0.9}
    assert len(clear) >= 3
    assert all(estimated.get(k) == v for k, v in clear.items())
    assert all(jaccard(k, v) >= 0.7 for k, v in estimated.items())
