"""Tables of the library and the ordered migrations that build them.

``schema_version`` holds one row; ``migrate`` applies every migration above it, each in its own
transaction, so a library made by an older storyline is brought up to date when opened.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from storyline.errors import LibraryError

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text),
    Column("first", String(40)),
    Column("last", String(40)),
    Column("articles", Integer, nullable=False, default=0),
    Column("sources", Integer, nullable=False, default=0),
    Column("conflicts", Integer),  # None until counted, and again once the story changes
    # A cross-check is owed: set in the transaction that changes the story, cleared when its
    # conflicts are counted. An add killed before counting leaves it set for the next add to do.
    Column("check_due", Boolean, nullable=False, default=False),
    # Checks of the story as it stands that were begun and never stored (a crash, a kill), and
    # the last one's error: after ``checkfail.MAX_TRIES`` the check is given up and reported, not
    # retried forever. Both are cleared when the story changes or a check is stored.
    Column("check_tries", Integer, nullable=False, default=0),
    Column("check_error", Text),
    Column("created", Float, nullable=False),
    Column("updated", Float, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("content_hash", String(32), nullable=False, unique=True),
    Column("story_id", String(32), nullable=False, index=True),
    Column("url", Text, index=True),
    Column("version", Integer, nullable=False, default=1),
    Column("current", Boolean, nullable=False, default=True),
    Column("copy_of", String(32)),
    Column("path", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(40)),
    Column("published_ts", Float),
    Column("added", Float, nullable=False),
    Column("annotated", Text, nullable=False),  # AnnotatedArticle as JSON (codec.py)
    Column("minhash", LargeBinary, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # document vector, float32
    Column("terms", Text, nullable=False),  # sparse word and name weights as JSON
    Column("sentence_vectors", LargeBinary),  # one float16 row per sentence, in sentence order
)
Index("articles_story_current", articles.c.story_id, articles.c.current)
by_date = Index("articles_published_ts", articles.c.published_ts)  # a date window read back
by_filing = Index("articles_added", articles.c.added)  # what was filed since a time (``changes``)

# The grouper's document frequencies: how many current articles hold each term (words, and names
# as "@name"), and under ARTICLES how many current articles there are. Written in the same
# transaction as the rows they count (filing.count_terms), so opening a library reads them in one
# query instead of counting every stored article's terms.
term_counts = Table(
    "term_counts",
    metadata,
    Column("term", Text, primary_key=True),
    Column("n", Integer, nullable=False),
)
ARTICLES = ""  # the row of term_counts that counts the current articles: no term is empty
# The row that counts retirements (articles removed, or replaced by a new version) since schema 8:
# it only grows, so a saved grouping window can tell whether any of its rows may be gone. No term
# starts with a colon (an anchor's kind comes before its colon).
RETIRED = ":retired"

# The keyed way in for follow-ups: which articles name a person or a street (``stories.anchors``).
# A report weeks after its event finds the event's rows here instead of in a date window.
anchor_postings = Table(
    "anchor_postings",
    metadata,
    Column("anchor", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
)

# What ``storyline watch`` follows (``parent`` set for the feeds an OPML list or a sitemap index
# names), with the validators of its last response for a conditional request next time.
sources = Table(
    "sources",
    metadata,
    Column("url", Text, primary_key=True),
    Column("kind", String(16)),
    Column("title", Text),
    Column("parent", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("added", Float, nullable=False),
    Column("checked", Float),
)

# Every entry address a source listed, by canonical URL, and what became of it: written as each
# page is filed, so a pass killed half-way fetches none of them again.
source_entries = Table(
    "source_entries",
    metadata,
    Column("url", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("status", String(16), nullable=False),  # filed | disallowed | failed
    Column("article_id", String(32)),
    Column("tries", Integer, nullable=False, default=1),
    Column("reason", Text),
    Column("seen", Float, nullable=False),
)

# Every conflict a cross-check found, so "what changed" is read back without cross-checking again.
# ``finding_id`` is content-based (the statements' sources and words), so it stays one row when
# stories merge; ``arrived`` is when the newest report among its statements was filed (a conflict
# is new since a time when one of its reports is), ``found`` when a cross-check first stored it.
conflicts = Table(
    "conflicts",
    metadata,
    Column("finding_id", String(64), primary_key=True),
    Column("story_id", String(32), nullable=False, index=True),
    Column("aspect", String(32)),
    Column("summary", Text, nullable=False),
    Column("statements", Text, nullable=False),  # [{article, outlet, text}] as JSON
    Column("arrived", Float, nullable=False, index=True),
    Column("found", Float, nullable=False),
)

# Each story's cross-check as ``Library.check`` made it (``store/reports.py``), so a story page's
# first view reads it instead of computing it. ``members`` digests the article versions it was made
# from and ``made_by`` the storyline that made it: a report whose story or code has changed since is
# never served. Filing deletes the row in the transaction that changes the story.
story_reports = Table(
    "story_reports",
    metadata,
    Column("story_id", String(32), primary_key=True),
    Column("members", String(40), nullable=False),
    Column("made_by", String(80), nullable=False),
    Column("report", LargeBinary, nullable=False),  # zlib-compressed JSON
    Column("made", Float, nullable=False),
)

# The grouping window a filer ended with (``snapshot.py``), so opening a large library does not
# rebuild it: one row, the pickled grouper with the high mark and retirements it covers.
grouper_snapshot = Table(
    "grouper_snapshot",
    metadata,
    Column("format", Integer, nullable=False),
    Column("mark", Integer, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("retired", Integer, nullable=False),
    Column("state", LargeBinary, nullable=False),
)

# Named moments a user or a command needs again, such as the last look of ``storyline changes``.
marks = Table(
    "marks",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("at", Float, nullable=False),
)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[stories, articles])


def _v2(conn: Connection) -> None:
    by_date.create(conn, checkfirst=True)


def _v3(conn: Connection) -> None:
    """The document frequencies, counted once from the stored rows."""
    from storyline.store.filing import terms_of_row  # filing imports this module

    metadata.create_all(conn, tables=[term_counts])
    counts: Counter[str] = Counter()
    rows = conn.execute(select(articles.c.terms).where(articles.c.current).execution_options(yield_per=1000))
    for row in rows:
        counts.update(terms_of_row(row.terms))
        counts[ARTICLES] += 1
    items = [{"term": t, "n": n} for t, n in sorted(counts.items())]
    for start in range(0, len(items), 5000):
        conn.execute(term_counts.insert(), items[start : start + 5000])


def _v4(conn: Connection) -> None:
    """``stories.check_due``. Older stories are not marked: a NULL count there may be a Ray add's,
    left to ``show`` on purpose, and marking them would cross-check a whole archive on the next add."""
    if "check_due" not in {c["name"] for c in inspect(conn).get_columns("stories")}:
        conn.execute(text("ALTER TABLE stories ADD COLUMN check_due BOOLEAN NOT NULL DEFAULT FALSE"))


def _v5(conn: Connection) -> None:
    """The anchor postings (rows filed before anchors existed have none: nothing to read back)."""
    metadata.create_all(conn, tables=[anchor_postings])


def _v6(conn: Connection) -> None:
    """The sources ``watch`` follows and the entries it has seen."""
    metadata.create_all(conn, tables=[sources, source_entries])


def _v7(conn: Connection) -> None:
    """The conflicts found, the marks and the articles by filing time. Stories checked before hold
    no rows until their next check, which dates each conflict by its reports, so old conflicts
    never show up as new."""
    metadata.create_all(conn, tables=[conflicts, marks])
    by_filing.create(conn, checkfirst=True)


def _v8(conn: Connection) -> None:
    """The saved grouping window. Retirements are counted from here on (none before is needed:
    no window was saved before)."""
    metadata.create_all(conn, tables=[grouper_snapshot])


def _v9(conn: Connection) -> None:
    """The stored cross-checks. Stories checked before hold none: their first view computes the
    report, as before, until their next check stores it."""
    metadata.create_all(conn, tables=[story_reports])


def _v10(conn: Connection) -> None:
    """``stories.check_tries`` and ``check_error``: no story had a failed check counted before."""
    have = {c["name"] for c in inspect(conn).get_columns("stories")}
    if "check_tries" not in have:
        conn.execute(text("ALTER TABLE stories ADD COLUMN check_tries INTEGER NOT NULL DEFAULT 0"))
    if "check_error" not in have:
        conn.execute(text("ALTER TABLE stories ADD COLUMN check_error TEXT"))


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10]
VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    return int(conn.execute(select(schema_version.c.version)).scalar() or 0)


def migrate(engine: Engine) -> int:
    """Bring the library to ``VERSION``; returns the version found before."""
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # one migrator at a time
                conn.execute(text("SELECT pg_advisory_xact_lock(5150001)"))
            metadata.create_all(conn, tables=[schema_version])
            found = current_version(conn)
            if found > VERSION:
                raise LibraryError(f"the library is at schema {found}, newer than this storyline ({VERSION})")
            for number in range(found, VERSION):
                MIGRATIONS[number](conn)
            if found == 0:
                conn.execute(schema_version.insert().values(version=VERSION))
            elif found < VERSION:
                conn.execute(schema_version.update().values(version=VERSION))
            return found
    except SQLAlchemyError as exc:
        raise LibraryError(f"cannot open or migrate the library: {exc.__class__.__name__}: {exc}") from exc
