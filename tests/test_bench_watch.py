"""The volume benchmark's site (bench/bench_watch.py --feeds): its pages must be distinct (watch
skips a repeated content hash, so a repeat would be counted as filed work never done), each event
must keep several pages (else no story forms), and its feeds must list every page once as watch
reads them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from storyline.sources.feeds import parse_listing
from storyline.sources.urls import canonical_url
from watch_site import bench_watch


def test_volume_pages_are_distinct_and_events_keep_several(shared_data: Path) -> None:
    bench = bench_watch()
    for count in (200, 5000):
        pages, labels = bench.volume_pages(shared_data, count, 0)
        assert len(pages) == len(set(pages)) == len(labels) == count
        per_event = Counter(labels)
        assert min(per_event.values()) >= 2
        assert len(per_event) == min(133, -(-count // bench.PAGES_PER_EVENT))


def test_feeds_list_every_page_once_as_watch_reads_them() -> None:
    bench = bench_watch()
    base = "http://127.0.0.1:8123"
    paths = [f"/o{i % 4:02d}/a{i // 4:04d}" for i in range(40)]
    seen: list[str] = []
    kinds = set()
    for k in range(4):
        listing = parse_listing(bench.feed_xml(base, k, paths[k::4]), f"feed{k}", base)
        kinds.add(listing.kind)
        seen += [canonical_url(e.url) for e in listing.entries]
    assert kinds == {"rss", "atom"}
    assert sorted(seen) == sorted(canonical_url(base + p) for p in paths)
