#!/usr/bin/env python3
"""Reading on pages nobody tuned on: the English pages of trafilatura's own evaluation set.

    .venv/bin/python bench/eval_trafilatura_set.py DIR [--seed 15] [--errors tune] [--only pasted]
        [--other] [--lost]

DIR holds ``evaldata.json`` and the pages under ``tests/eval/`` and ``tests/cache/`` of
``adbar/trafilatura`` (public; fetch it, never commit it). Each page has "with" snippets that
belong to the main text and "without" snippets that do not (navigation, footers, comments).

A page is English when its ``<html lang>`` names no other language and at least 15 % of the
words of its visible text are common English function words (some German pages say lang="en").

Every page is read two ways: as HTML (``storyline.reading.read`` on the page) and as a pasted
page, the visible text a browser's select-all and paste would give, made here with lxml the way
``../shared/data/extraction-dev/pages`` were made (script, style, noscript, template, head and
elements hidden by ``hidden`` or an inline ``display:none`` dropped; each block element on its
own line, a blank line around paragraphs and headings, whitespace collapsed). Beside them, in
the same run: trafilatura's ``extract`` with plain defaults on the HTML, and the pasted text kept
as it is (every "with" found, nothing avoided).

Scores follow trafilatura's own evaluation (tests/eval_common.py): per page, a "with" snippet
found in the whitespace-normalised text is a true positive, a "without" snippet found a false
positive; precision, recall and F1 over the summed counts, and the share of "without" avoided.
storyline's text is its standfirst and body (a standfirst is a field, and main text to the
annotators); the title is not scored there. The title of the pasted page is checked against the
set's ``title`` where it gives one.

Pages are split by a seeded hash of their URL into a tuning half and a check half; ``--errors
tune`` lists the misses of the tuning half only (the check half is for reporting). ``--other``
reads the set's pages in other languages instead (826, the same halves): a second set of sites
nobody tuned on, for the structure of pages rather than English words. ``--lost`` counts, by
half, the characters of "with" snippets the pasted reader missed, by where the cleaner put the
line holding each (above the chosen body, after it, in it): the region choice against line rules;
and, for each missed snippet below the body, what kept the nearest part below (the first run of
paragraphs under it) from being joined: a gap of more than ``_JOIN_GAP`` lines, a closing heading
("Related"), the share bar met again, a part without a paragraph or worth under ``_JOIN_SHARE`` of
the body, or no part at all; and whether the snippet lies in that gap, that part or beyond it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.errors import UnreadableInput  # noqa: E402
from storyline.reading import read, region  # noqa: E402
from storyline.reading.line_score import body_logits, threshold  # noqa: E402
from storyline.reading.lines import Kind, ends_article  # noqa: E402
from storyline.reading.pasted import _WHERE, _headline_only, clean_pasted, page_lines  # noqa: E402

_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by at be this are from have or an not but"  # noqa: SIM905
    " you his her they we has had were which their been will would there who more its also can".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li tr section article header footer aside nav blockquote figure"  # noqa: SIM905
    " figcaption pre ul ol table main form dl dt dd address fieldset details summary".split()
)
_SPACED = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"))
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _in_pre(el: Any) -> bool:
    return any(isinstance(a.tag, str) and a.tag == "pre" for a in el.iterancestors())


def paste_text(html: bytes) -> str:
    """The page's visible text as select-all and paste gives it: one block element a line."""
    import lxml.html
    from lxml import etree

    tree = lxml.html.fromstring(html)
    for el in tree.xpath("//script|//style|//noscript|//template|//head"):
        el.drop_tree()
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
            el.drop_tree()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        # A browser collapses the markup's own line breaks and runs of spaces (<pre> aside).
        if tag != "pre" and not _in_pre(el):
            el.text = _SPACE.sub(" ", el.text) if el.text else el.text
        if not _in_pre(el):
            el.tail = _SPACE.sub(" ", el.tail) if el.tail else el.tail
        if tag in _BLOCK:
            mark = "\n\n" if tag in _SPACED else "\n"
            el.text = mark + (el.text or "")
            el.tail = mark + (el.tail or "")
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
    text = etree.tostring(tree, method="text", encoding="unicode")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def english(html: bytes, pasted: str) -> bool:
    """English text (by the share of English function words) on a page not declared otherwise."""
    m = re.search(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2})", html[:20000], re.I)
    if m and m.group(1).lower() != b"en":
        return False
    words = re.findall(r"[a-z]+", pasted.lower())
    return bool(words) and sum(w in _FUNCTION_WORDS for w in words) >= 0.15 * len(words)


def half(url: str, seed: int) -> str:
    return "tune" if hashlib.sha256(f"{seed}:{url}".encode()).digest()[0] % 2 == 0 else "check"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def title_key(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


@dataclass(frozen=True)
class Page:
    url: str
    html: bytes
    pasted: str
    item: dict[str, Any]
    half: str


@dataclass(frozen=True)
class Result:
    text: str
    title: str | None = None


def load(folder: Path, seed: int, *, other: bool = False) -> list[Page]:
    """The set's English pages (``other``: the pages in other languages instead)."""
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(data):
        item = data[url]
        path = next(
            (p for sub in ("eval", "cache") if (p := folder / "tests" / sub / item["file"]).is_file()), None
        )
        if path is None:
            continue
        html = path.read_bytes()
        try:
            pasted = paste_text(html)
        except Exception:  # a page lxml cannot parse has no paste either
            continue
        if english(html, pasted) != other:
            pages.append(Page(url, html, pasted, item, half(url, seed)))
    return pages


def counts(item: dict[str, Any], text: str) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) as trafilatura's evaluation counts them."""
    got = norm(text)
    tp = sum(1 for w in item["with"] if norm(w) in got)
    fp = sum(1 for w in item["without"] if norm(w) in got)
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def storyline(name: str, data: bytes) -> Result:
    try:
        art = read(data, name=name)
    except UnreadableInput:
        return Result("")
    # A standfirst is main text to the annotators; storyline keeps it as a field beside the body.
    return Result("\n\n".join(x for x in (art.subtitle, art.text) if x), art.title)


def run(pages: list[Page], only: str | None = None) -> dict[str, list[Result]]:
    import trafilatura

    runners: dict[str, Callable[[Page], Result]] = {
        "pasted, kept as is": lambda p: Result(p.pasted),
        "pasted, storyline read": lambda p: storyline("page.txt", p.pasted.encode("utf-8")),
        "html, trafilatura defaults": lambda p: Result(trafilatura.extract(p.html) or ""),
        "html, storyline read": lambda p: storyline("page.html", p.html),
    }
    picked = {name: fn for name, fn in runners.items() if only is None or name.startswith(only)}
    return {name: [fn(p) for p in pages] for name, fn in picked.items()}


def figures(pages: list[Page], results: list[Result]) -> tuple[float, float, float, float, int]:
    tp = fp = fn = tn = 0
    for page, res in zip(pages, results, strict=True):
        a, b, c, d = counts(page.item, res.text)
        tp, fp, fn, tn = tp + a, fp + b, fn + c, tn + d
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tn / (tn + fp) if tn + fp else 1.0, fp


def title_share(pages: list[Page], results: list[Result]) -> tuple[int, int]:
    pairs = [
        (title_key(p.item.get("title")), title_key(r.title)) for p, r in zip(pages, results, strict=True)
    ]
    judged = [(gold, got) for gold, got in pairs if gold]
    return sum(1 for gold, got in judged if same_title(gold, got)), len(judged)


def same_title(gold: str, got: str) -> bool:
    """Equal as words; a long gold title may be cut short ("... complex thinkin")."""
    return got == gold or (len(gold) >= 40 and got.startswith(gold))


def lost_where(pages: list[Page]) -> Counter[str]:
    """Characters of missed "with" snippets of the pasted reader, by where the cleaner put the
    line holding each: above the body, after it, inside it, or removed as furniture and the like."""
    where = {reason: key for key, reason in _WHERE.items()}
    lost: Counter[str] = Counter()
    for page in pages:
        try:
            art = read(page.pasted.encode("utf-8"), name="page.txt")
        except UnreadableInput:
            continue
        got = norm("\n\n".join(x for x in (art.subtitle, art.text) if x))
        removed = [(norm(r.text), r.reason) for r in art.removed]
        for snippet in map(norm, page.item["with"]):
            if snippet in got:
                continue
            held = (r for t, r in removed if snippet in t or (len(t) >= 20 and t in snippet))
            reason = next(held, None)
            key = where.get(reason, "removed otherwise") if reason else "not in a removed line"
            lost[key] += len(snippet)
    return lost


def below_why(pages: list[Page]) -> Counter[str]:
    """Missed "with" snippets below the pasted body, by what kept the nearest part below unjoined
    and where the snippet lies (in the gap above that part, in it, beyond it)."""
    why: Counter[str] = Counter()
    for page in pages:
        lines = page_lines(page.pasted)
        if _headline_only(lines):
            continue
        end = region.page_end(lines, alone=True)
        i, j = region.article_region(lines, end, body_logits(lines[:end]) - threshold())
        ex = clean_pasted(page.pasted)
        got = norm("\n\n".join(x for x in (ex.subtitle, ex.text) if x))
        below = [
            pos
            for w in map(norm, page.item["with"])
            if w not in got
            for pos in [next((ln.pos for ln in lines if w in norm(ln.text)), None)]
            if pos is not None and j <= pos < end
        ]
        if not below or i == j:
            continue
        a, b = region._part_below(lines, j, end)
        gap, part = lines[j:a], lines[a:b]
        bar = {ln.text for ln in lines[:i] if ln.kind is Kind.FURNITURE}
        if a == b:
            reason = "no part below"
        elif any(ln.text in bar for ln in gap):
            reason = "share bar again"
        elif len(gap) > region._JOIN_GAP:
            reason = f"gap over {region._JOIN_GAP} lines"
        elif not region._paragraphs(part) and any(ends_article(ln.text) for ln in gap):
            reason = "closing heading"
        elif not any(ln.kind is Kind.PROSE for ln in part):
            reason = "no paragraph in the part"
        else:
            reason = "part worth too little"
        for pos in below:
            why[f"{reason}, {'in the gap' if pos < a else 'in the part' if pos < b else 'beyond'}"] += 1
    return why


def show_errors(pages: list[Page], results: dict[str, list[Result]], name: str) -> None:
    for k, page in enumerate(pages):
        res = results[name][k]
        text = norm(res.text)
        missed = [w for w in page.item["with"] if norm(w) not in text]
        kept = [w for w in page.item["without"] if norm(w) in text]
        gold = page.item.get("title")
        bad_title = bool(gold) and not same_title(title_key(gold), title_key(res.title))
        if missed or kept or (bad_title and name.startswith("pasted")):
            print(f"## {page.url}  [{page.item['file']}]")
            for w in missed:
                print(f"   missed: {w[:100]!r}")
            for w in kept:
                print(f"   kept:   {w[:100]!r}")
            if bad_title and name.startswith("pasted"):
                print(f"   title:  {res.title!r}  (gold {gold!r})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", metavar="DIR", help="holds evaldata.json and tests/eval, tests/cache")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--errors", choices=["tune"], help="list the tuning half's misses")
    ap.add_argument("--reader", default="pasted, storyline read", help="whose misses --errors lists")
    ap.add_argument("--only", choices=["pasted", "html"], help="run only the pasted or the HTML readers")
    ap.add_argument("--other", action="store_true", help="the pages in other languages than English")
    ap.add_argument("--lost", action="store_true", help="where the pasted reader's missed text lies, by half")
    opts = ap.parse_args()
    folder = Path(opts.folder)
    if not (folder / "evaldata.json").is_file():
        print(f"{folder}: no evaldata.json (fetch adbar/trafilatura's tests/ there)", file=sys.stderr)
        return 1
    pages = load(folder, opts.seed, other=opts.other)
    if opts.lost:
        for part in ("tune", "check"):
            lost = lost_where([p for p in pages if p.half == part])
            print(f"{part}: missed characters {sum(lost.values())}, {dict(lost.most_common())}")
            why = below_why([p for p in pages if p.half == part])
            print(f"{part}: missed snippets below the body {sum(why.values())}, {dict(why.most_common())}")
        return 0
    if opts.errors:
        tune = [p for p in pages if p.half == "tune"]
        show_errors(tune, run(tune), opts.reader)
        return 0
    results = run(pages, opts.only)
    print(f"{'Other' if opts.other else 'English'} pages: {len(pages)} (seed {opts.seed})")
    for part in ("tune", "check", "all"):
        idx = [k for k, p in enumerate(pages) if part == "all" or p.half == part]
        sub = [pages[k] for k in idx]
        print(f"\n{part} half ({len(sub)} pages)" if part != "all" else f"\nall ({len(sub)} pages)")
        print(f"{'':28s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'avoided':>8s} {'titles':>9s}")
        for name, res in results.items():
            picked = [res[k] for k in idx]
            p, r, f, avoid, _ = figures(sub, picked)
            ok, n = title_share(sub, picked)
            titles = f"{ok}/{n}" if name.endswith("storyline read") else ""
            print(f"{name:28s} {p:9.3f} {r:7.3f} {f:6.3f} {avoid:8.3f} {titles:>9s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
