"""Filing one prepared article into the library: one transaction per article.

Inside the transaction the grouper first catches up with rows other processes filed, then the
article is checked against what is stored (same content → existing; same URL, new content → a new
version), placed, and written with its story's counts and the document frequencies
(``term_counts``). A crash between transactions loses nothing
filed before it; a crash inside one leaves nothing half-stored.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, Text, cast, func, null, or_, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storyline.model import AnnotatedArticle, content_id
from storyline.store import reports, snapshot
from storyline.store.codec import dumps_annotated, signature_columns, signature_from_row
from storyline.store.records import AddResult
from storyline.store.schema import ARTICLES, RETIRED, anchor_postings, articles, stories, term_counts
from storyline.stories.group import (
    KEEP_DAYS,
    SPECIFIC,
    UNDATED_KEEP,
    DocFreq,
    Grouper,
    Placement,
    doc_terms,
)
from storyline.stories.index import ANCHORS_PER_QUERY, POSTINGS
from storyline.stories.signatures import Signature, normalise
from storyline.stories.titles import representative_title

SIGNATURE_COLUMNS = (
    articles.c.seq,
    articles.c.id,
    articles.c.story_id,
    articles.c.copy_of,
    articles.c.minhash,
    articles.c.vector,
    articles.c.terms,
    articles.c.published_ts,
)
TITLE_SAMPLE = 50  # members looked at when choosing a story's title
# Every change to a story's members makes its conflict count and stored report stale: both are
# dropped and a cross-check is owed, in the same transaction, so an add killed before counting
# leaves a mark to repair; the failed tries of the story as it stood are forgotten.
OWED: dict[str, Any] = {"conflicts": None, "check_due": True, "check_tries": 0, "check_error": None}
RARE_ANCHOR = 50  # articles naming an anchor, above which it leads back to nothing in particular


@dataclass(frozen=True, eq=False)
class Prepared:
    """An article ready to file: annotated and signed. Its sentence vectors are computed when its
    story is first cross-checked (``vectors.provide``)."""

    annotated: AnnotatedArticle
    signature: Signature


def content_hash(ann: AnnotatedArticle) -> str:
    """Idempotency key: the title and body after normalising case, accents and punctuation."""
    return content_id(normalise(ann.article.title or ""), normalise(ann.text))


def catch_up(conn: Connection, grouper: Grouper, seen: int) -> int:
    """Put rows filed since ``seq`` ``seen`` (by any process) into the grouper; the new high mark.
    Rows dated before its window only have their terms counted."""
    rows = conn.execute(
        select(*SIGNATURE_COLUMNS)
        .where(articles.c.seq > seen, articles.c.current)
        .order_by(articles.c.seq)
        .execution_options(yield_per=1000)
    )
    for row in rows:
        seen = max(seen, int(row.seq))
        if row.id in grouper.keys:
            continue
        sig = signature_from_row(row)
        if grouper.holds(row.published_ts):
            grouper.restore(sig, row.story_id, row.copy_of)
        else:
            grouper.count(sig)
    return seen


def open_grouper(conn: Connection) -> tuple[Grouper, int, int | None]:
    """The library's grouper, its high mark, and the high mark of the saved snapshot it came from
    (None: rebuilt).

    The snapshot, when no retirement outdated it, caught up with the rows filed after it; else
    rebuilt: the recent weeks (and the last undated articles) in memory and the document
    frequencies read from ``term_counts``. Only the rows memory holds are read."""
    saved = snapshot.load(conn, stored_counts(conn)[1])
    if saved is not None:
        grouper, mark = saved
        seen = catch_up(conn, grouper, mark)
        if not retired_elsewhere(conn, grouper):
            return grouper, seen, mark
    grouper, seen = build_grouper(conn)
    return grouper, seen, None


def build_grouper(conn: Connection) -> tuple[Grouper, int]:
    """The library's grouper rebuilt from its rows, and the high mark (``open_grouper``)."""
    grouper = Grouper(keep_days=KEEP_DAYS)
    seen = read_counts(conn, grouper.df)
    current = articles.c.current
    newest = conn.execute(select(func.max(articles.c.published_ts)).where(current)).scalar()
    undated_from = conn.execute(
        select(articles.c.seq)
        .where(current, articles.c.published_ts.is_(None))
        .order_by(articles.c.seq.desc())
        .offset(UNDATED_KEEP - 1)
        .limit(1)
    ).scalar()
    held = articles.c.published_ts.is_(None) & (articles.c.seq >= int(undated_from or 0))
    if newest is not None:
        grouper.start_at(float(newest))
        held = held | (articles.c.published_ts >= grouper.floor)
    else:
        held = held | articles.c.published_ts.is_not(None)
    rows = conn.execute(
        select(*SIGNATURE_COLUMNS)
        .where(articles.c.seq <= seen, current, held)
        .order_by(articles.c.seq)
        .execution_options(yield_per=1000)
    )
    for row in rows:  # counted already: their terms are in term_counts
        grouper.restore(signature_from_row(row), row.story_id, row.copy_of, counted=True)
    return grouper, catch_up(conn, grouper, seen)


def read_counts(conn: Connection, df: DocFreq) -> int:
    """Load the stored document frequencies into ``df``; returns the high mark they cover. One
    statement, so one snapshot: rows filed after the counts were read lie above the mark and are
    counted by ``catch_up``."""
    mark = select(cast(null(), Text), func.coalesce(func.max(articles.c.seq), 0))
    seen = 0
    df.n, df.df, df.retired = 0, Counter(), 0
    for term, n in conn.execute(select(term_counts.c.term, term_counts.c.n).union_all(mark)):
        if term is None:
            seen = int(n)
        elif term == ARTICLES:
            df.n = int(n)
        elif term == RETIRED:
            df.retired = int(n)
        else:
            df.df[term] = int(n)
    return seen


def terms_of_row(terms: str) -> set[str]:
    """``doc_terms`` of a stored row's ``terms`` column."""
    d = json.loads(terms)
    return doc_terms(d["w"], d["n"], d.get("a", ()))


def count_terms(conn: Connection, plus: Iterable[set[str]] = (), minus: Iterable[set[str]] = ()) -> None:
    """Move the stored document frequencies, in the caller's transaction, by the articles that
    became current (``plus``) and those that stopped being current (``minus``), each given by its
    ``doc_terms``. Increments are UPSERTs, so the counts stay exact whoever files; a count that
    reaches zero is deleted."""
    delta: Counter[str] = Counter()
    for terms in plus:
        delta.update(terms)
        delta[ARTICLES] += 1
    for terms in minus:
        delta.subtract(terms)
        delta[ARTICLES] -= 1
        delta[RETIRED] += 1
    changed = sorted((t, n) for t, n in delta.items() if n)  # sorted: one lock order
    if not changed:
        return
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        stmt = (pg_insert if dialect == "postgresql" else sqlite_insert)(term_counts)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[term_counts.c.term], set_={"n": term_counts.c.n + stmt.excluded.n}
            ),
            [{"term": t, "n": n} for t, n in changed],
        )
    else:  # no UPSERT known for this database: update, then insert what was not there
        for t, n in changed:
            done = conn.execute(
                term_counts.update().where(term_counts.c.term == t).values(n=term_counts.c.n + n)
            )
            if not done.rowcount:
                conn.execute(term_counts.insert().values(term=t, n=n))
    gone = [t for t, n in changed if n < 0]
    for start in range(0, len(gone), 500):
        conn.execute(
            term_counts.delete().where(
                term_counts.c.term.in_(gone[start : start + 500]), term_counts.c.n <= 0
            )
        )


def reload_window(conn: Connection, grouper: Grouper, when: float | None) -> None:
    """Load back the stored rows the grouper evicted that an article published ``when`` may join."""
    spans = grouper.missing(when)
    if not spans:
        return
    dated = articles.c.published_ts
    rows = conn.execute(
        select(*SIGNATURE_COLUMNS)
        .where(or_(*((dated >= lo) & (dated < hi) for lo, hi in spans)), articles.c.current)
        .order_by(articles.c.seq)
        .execution_options(yield_per=1000)
    )
    grouper.reload(((signature_from_row(r), r.story_id, r.copy_of) for r in rows), spans)


def reload_anchored(conn: Connection, grouper: Grouper, sig: Signature) -> None:
    """Load back the stored rows, however old, that name the article's rarest people or streets
    (the most recent ``POSTINGS`` per anchor): how a follow-up finds its event once the date window
    has moved on. Bounded: a few indexed look-ups per article, whatever the library's size; an
    anchor named by more than ``RARE_ANCHOR`` articles (a mayor, a main road) is not looked up,
    and only rows memory does not hold are read in full."""
    rare = [a for a in sig.anchors if a.startswith(SPECIFIC) and grouper.df.df.get(a, 0) <= RARE_ANCHOR]
    rare.sort(key=lambda a: -grouper.df.idf(a))
    seqs: set[int] = set()
    for anchor in rare[:ANCHORS_PER_QUERY]:
        seqs.update(
            conn.execute(
                select(anchor_postings.c.seq)
                .where(anchor_postings.c.anchor == anchor)
                .order_by(anchor_postings.c.seq.desc())
                .limit(POSTINGS)
            ).scalars()
        )
    if not seqs:
        return
    found = conn.execute(select(articles.c.seq, articles.c.id).where(articles.c.seq.in_(sorted(seqs)))).all()
    absent = sorted(r.seq for r in found if r.id not in grouper.keys)
    if not absent:
        return
    rows = conn.execute(select(*SIGNATURE_COLUMNS).where(articles.c.seq.in_(absent), articles.c.current))
    grouper.reload(((signature_from_row(r), r.story_id, r.copy_of) for r in rows), [])


def post_anchors(conn: Connection, seq: int, sig: Signature) -> None:
    """Index the new row under its people and streets."""
    found = sorted({a for a in sig.anchors if a.startswith(SPECIFIC)})
    if found:
        conn.execute(anchor_postings.insert(), [{"anchor": a, "seq": seq} for a in found])


def lock(conn: Connection) -> None:
    """Serialise filers. SQLite already holds its write lock (BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(5150002)"))


def file_one(conn: Connection, item: Prepared, grouper: Grouper) -> tuple[AddResult, int | None]:
    """File one article; returns the result and the new row's seq (None when nothing was written)."""
    ann, sig = item.annotated, item.signature
    art = ann.article
    h = content_hash(ann)
    found = conn.execute(
        select(articles.c.id, articles.c.story_id, articles.c.copy_of).where(
            (articles.c.content_hash == h) | (articles.c.id == art.id)
        )
    ).first()
    if found is not None:
        return AddResult(found.id, found.story_id, "existing", art.path, found.copy_of), None
    version, status, place = 1, "created", None
    replaced: list[Signature] = []
    reload_window(conn, grouper, sig.published)
    if art.url:
        old = conn.execute(
            select(articles.c.version, *SIGNATURE_COLUMNS).where(
                articles.c.url == art.url, articles.c.current
            )
        ).all()
        if old:  # the same page, changed: it stays in its story as the new current version
            version, status = max(r.version for r in old) + 1, "new-version"
            conn.execute(articles.update().where(articles.c.url == art.url).values(current=False))
            replaced = [signature_from_row(r) for r in old]
            for r, old_sig in zip(old, replaced, strict=True):
                grouper.remove(r.id, old_sig)
            grouper.restore(sig, old[0].story_id, old[0].copy_of)
            place = Placement(art.id, old[0].story_id, old[0].copy_of, False)
    if place is None:
        reload_anchored(conn, grouper, sig)
        place = grouper.add(sig)
    seq = write_row(conn, item, place, h, version)
    count_terms(
        conn,
        plus=[doc_terms(sig.words, sig.names, sig.anchors)],
        minus=[doc_terms(o.words, o.names, o.anchors) for o in replaced],
    )
    if status == "created":
        count_in(conn, place.story, art.source, art.published)
    else:
        refresh_story(conn, place.story)
    result = AddResult(
        art.id, place.story, status, art.path, place.copy_of, place.new_story, sig.not_article  # type: ignore[arg-type]
    )
    return result, seq


def write_row(conn: Connection, item: Prepared, place: Placement, h: str, version: int = 1) -> int | None:
    """Write a placed article's row (content hash ``h``) and index it under its anchors; its
    seq. The terms' counts and the story's are the caller's (``file_one``; the bulk builder of
    ``bench/bench_library_open.py`` counts a batch at once)."""
    ann, sig = item.annotated, item.signature
    art = ann.article
    seq = conn.execute(
        articles.insert().values(
            id=art.id,
            content_hash=h,
            story_id=place.story,
            url=art.url,
            version=version,
            current=True,
            copy_of=place.copy_of,
            path=art.path,
            source=art.source,
            title=art.title,
            published=art.published,
            added=time.time(),
            annotated=dumps_annotated(ann),
            **signature_columns(sig),
        )
    ).inserted_primary_key
    if not seq:
        return None
    post_anchors(conn, int(seq[0]), sig)
    return int(seq[0])


def refresh_story(conn: Connection, story_id: str) -> None:
    """Recount a story's articles, sources and dates, choose its title, owe it a cross-check;
    drop it when empty."""
    current = (articles.c.story_id == story_id) & articles.c.current
    n, sources, first, last = conn.execute(
        select(
            func.count(),
            func.count(func.distinct(articles.c.source)),
            func.min(articles.c.published),
            func.max(articles.c.published),
        ).where(current)
    ).one()
    reports.forget(conn, story_id)  # stale from now on: the next check stores the new one
    if not n:
        conn.execute(stories.delete().where(stories.c.id == story_id))
        return
    sample = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.vector)  # the title needs only vectors
        .where(current)
        .order_by(articles.c.seq)
        .limit(TITLE_SAMPLE)
    ).all()
    title = _title(sample)
    now = time.time()
    values: dict[str, Any] = {
        "title": title,
        "first": first[:10] if first else None,
        "last": last[:10] if last else None,
        "articles": n,
        "sources": sources,
        "updated": now,
        **OWED,
    }
    if conn.execute(select(stories.c.id).where(stories.c.id == story_id)).first() is None:
        conn.execute(stories.insert().values(id=story_id, created=now, **values))
    else:
        conn.execute(stories.update().where(stories.c.id == story_id).values(**values))


def count_in(conn: Connection, story_id: str, source: str | None, published: str | None) -> None:
    """``refresh_story`` after one new article (the last filed) joined the story, without reading
    the whole story: the counts and dates move by that article alone, and the title, chosen from
    the first ``TITLE_SAMPLE`` members, can only change while the story has no more than that."""
    row = conn.execute(
        select(stories.c.articles, stories.c.sources, stories.c.first, stories.c.last).where(
            stories.c.id == story_id
        )
    ).first()
    if row is None or row.articles + 1 <= TITLE_SAMPLE:
        refresh_story(conn, story_id)
        return
    day = published[:10] if published else None
    sources = row.sources
    if source is not None:
        others = conn.execute(
            select(articles.c.seq)
            .where(articles.c.story_id == story_id, articles.c.current, articles.c.source == source)
            .limit(2)
        ).all()
        sources += len(others) == 1  # only the new article has this source
    values: dict[str, Any] = {
        "articles": row.articles + 1,
        "sources": sources,
        "first": min(d for d in (row.first, day) if d) if row.first or day else None,
        "last": max(d for d in (row.last, day) if d) if row.last or day else None,
        "updated": time.time(),
        **OWED,
    }
    conn.execute(stories.update().where(stories.c.id == story_id).values(**values))
    reports.forget(conn, story_id)


def _title(rows: Sequence[Any]) -> str | None:
    from storyline.model import Article

    arts = [Article(id=r.id, text="", title=r.title) for r in rows]
    sigs = [Signature(r.id, None, b"", np.frombuffer(bytes(r.vector), np.float32), (), ()) for r in rows]
    return representative_title(arts, sigs)


def retired_elsewhere(conn: Connection, grouper: Grouper) -> bool:
    """Whether another process removed or replaced articles since the grouper caught up.

    ``catch_up`` sees additions (rows above the high mark) but not removals nor old versions made
    non-current, which would leave memory grouping new reports with what is gone. Every retirement
    lowers the stored count of current articles below what memory counted (memory only ever adds
    what others filed) and raises the stored count of retirements (``RETIRED``, which also catches
    a removal followed by a filing that took the removed row's seq), so two primary-key reads
    tell, at a flat cost per filing."""
    return stored_counts(conn) != (grouper.df.n, grouper.df.retired)


def stored_counts(conn: Connection) -> tuple[int, int]:
    """The stored number of current articles and of retirements."""
    rows = conn.execute(
        select(term_counts.c.term, term_counts.c.n).where(term_counts.c.term.in_([ARTICLES, RETIRED]))
    )
    found = {r.term: int(r.n) for r in rows}
    return found.get(ARTICLES, 0), found.get(RETIRED, 0)


def file_items(
    engine: Any, items: Sequence[Prepared], grouper: Grouper, seen: int
) -> tuple[list[AddResult], Grouper, int]:
    """File items in one transaction (a batch from a cluster worker, or one article from ``add``);
    returns the results, the grouper (reopened when another process removed articles) and the new
    high mark. Keyed by content hash: a retried batch stores nothing twice."""
    out = []
    with engine.begin() as conn:
        lock(conn)
        seen = catch_up(conn, grouper, seen)
        if retired_elsewhere(conn, grouper):
            grouper, seen = build_grouper(conn)
        for item in items:
            result, seq = file_one(conn, item, grouper)
            out.append(result)
            seen = max(seen, seq or 0)
    return out, grouper, seen
