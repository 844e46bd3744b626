"""Build a large WARC for the scale benchmarks by recombining real news pages.

Pages come from ../shared/data/extraction-dev/html (45 real article pages). Each generated page is
one real page whose paragraphs are partly swapped with paragraphs of other pages and whose numbers
are varied, so no two pages are identical but every page is still real HTML with real furniture.
Request records, image responses and metadata records are interleaved, as in a crawl.

    .venv/bin/python bench/make_warc.py --pages 10000 --out bench/out/crawl.warc.gz
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import re
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
HTML_DIR = ROOT.parent / "shared" / "data" / "extraction-dev" / "html"
PARA = re.compile(rb"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)
NUMBER = re.compile(rb"\b\d{1,3}(?:,\d{3})*\b")


def load_pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(HTML_DIR.glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"no pages in {HTML_DIR}")
    return pages


def vary(page: bytes, pool: list[bytes], rng: random.Random) -> bytes:
    """Swap about a third of the paragraphs for others and nudge the numbers."""

    def swap(m: re.Match[bytes]) -> bytes:
        body = rng.choice(pool) if rng.random() < 0.33 else m.group(2)
        return m.group(1) + body + m.group(3)

    out = PARA.sub(swap, page)
    return NUMBER.sub(lambda m: str(int(m.group().replace(b",", b"")) + rng.randint(1, 9)).encode(), out)


def write_warc(out: Path, *, pages: int, seed: int = 7, originals: list[bytes] | None = None) -> None:
    """Write ``pages`` recombined pages, with requests and images interleaved as in a crawl.
    ``originals`` are the pages to recombine (default: the extraction-dev pages)."""
    rng = random.Random(seed)
    originals = originals if originals is not None else load_pages()
    pool = [m.group(2) for p in originals for m in PARA.finditer(p) if len(m.group(2)) > 80]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(pages):
            url = f"https://news.example.org/{i // 1000}/story-{i}.html"
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            w.write_record(w.create_warc_record(url, "request", payload=request))
            day = 1 + i % 28
            headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Date", f"Mon, {day:02d} Mar 2021 08:00:00 GMT"),
                ],
                protocol="HTTP/1.1",
            )
            body = io.BytesIO(vary(rng.choice(originals), pool, rng))
            w.write_record(w.create_warc_record(url, "response", payload=body, http_headers=headers))
            if i % 10 == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                jpeg = io.BytesIO(b"\xff\xd8" * 64)
                w.write_record(w.create_warc_record(url + ".jpg", "response", payload=jpeg, http_headers=img))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "crawl.warc.gz")
    ap.add_argument("--seed", type=int, default=7)
    opts = ap.parse_args()
    write_warc(opts.out, pages=opts.pages, seed=opts.seed)
    print(f"wrote {opts.pages} pages to {opts.out} ({opts.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
