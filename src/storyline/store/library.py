"""The story library: articles filed into stories in SQLite (default) or PostgreSQL.

    with Library("storyline.db") as lib:
        results = lib.add_articles(articles, nlp=nlp, embedder=embedder)
        for s in lib.stories(query="earthquake"):
            report = lib.report(s.id, nlp=nlp, embedder=embedder)  # reads only; check() stores

The CLI (``storyline add/list/show/remove/export``) and the web app call these methods.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, delete, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from storyline.errors import CheckFailed, LibraryError, NotEnoughReports, UnreadableInput
from storyline.model import AnnotatedArticle, Article, Report, Story, StoryArticle
from storyline.store import checkfail, checklock, checkpool, filing, reports, snapshot, vectors, whatsnew
from storyline.store.codec import loads_annotated
from storyline.store.engine import open_engine, resolve_url
from storyline.store.records import AddResult, StoredStory, StorySummary
from storyline.store.schema import anchor_postings, articles, migrate, stories
from storyline.stories.group import Grouper

log = logging.getLogger(__name__)

BATCH = 16  # articles annotated and signed together before filing
VECTOR_STORIES = 64  # stories whose sentences are embedded together before they are checked
IDLE_ROUNDS = 3  # rounds of owed checks that settle nothing before ``check_due`` gives up


class NotInLibrary(LibraryError, KeyError):
    """No story or article with that id (or unique id prefix) is stored."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not in the library"


class Library:
    """One open library; a context manager. Not shared between threads: open one per thread.

    Other processes may add and remove while it is open (a web app beside a terminal): every read
    queries the database, and filing catches up with their additions and reopens its in-memory
    grouping when they removed or replaced articles (``filing.retired_elsewhere``)."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.url = resolve_url(db)
        self.engine: Engine = open_engine(db)
        migrate(self.engine)
        self._grouper: Grouper | None = None
        self._seen = 0
        self._saved: int | None = None  # the high mark of the stored snapshot of ``_grouper``

    def close(self) -> None:
        """Close, saving the grouping window when it moved well past the saved one (``snapshot``)."""
        if self._grouper is not None and (
            self._saved is None or self._seen - self._saved >= snapshot.SAVE_AFTER
        ):
            self._save_window()
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    def add_articles(
        self,
        items: Iterable[Article | AnnotatedArticle],
        *,
        nlp: Any,
        embedder: Any,
        progress: Callable[[AddResult], None] | None = None,
        crosscheck: bool = True,
        on_error: Callable[[UnreadableInput], None] | None = None,
    ) -> list[AddResult]:
        """Annotate (plain Articles), sign and file each article, one transaction per article.

        Content already stored is skipped before any model runs, so re-running an interrupted
        add only does the rest. With ``crosscheck`` the stories that changed are compared again
        so ``stories()`` can show their number of conflicts, with any story an earlier add left
        uncounted (``check_due``). An article that cannot be prepared
        goes to ``on_error`` (raised when None) and the others are still filed.
        """
        results: list[AddResult] = []
        batch: list[Article | AnnotatedArticle] = []
        for item in chain(items, [None]):  # streamed: a directory of thousands stays small
            if item is not None:
                batch.append(item)
            if len(batch) == BATCH or (item is None and batch):
                fresh = self._unstored(batch, results, progress)
                for prepared in _prepare(fresh, nlp, embedder, on_error):
                    results.append(self.file(prepared))
                    if progress is not None:
                        progress(results[-1])
                batch = []
        if crosscheck:
            self.check_due(nlp=nlp, embedder=embedder)
        return results

    def add(
        self,
        sources: Iterable[str | Path],
        *,
        source_name: str | None = None,
        on_error: Callable[[UnreadableInput], None] | None = None,
        progress: Callable[[AddResult], None] | None = None,
        wait: bool = True,
    ) -> list[AddResult]:
        """What ``storyline add`` does: read files, directories, URLs or WARC archives, file each
        report into a story, then cross-check the stories that changed: here (``wait``: their
        reports are stored when it returns), or in the detached checker (``check_in_background``;
        here for a library in memory). An unreadable input is raised unless ``on_error`` takes
        it; archive records skipped by design (requests, images) are dropped. ``progress`` also
        hears of reports stored already."""
        from storyline.engines.run import add_to_library, open_engine, raise_unreadable
        from storyline.engines.stages import load_models
        from storyline.reading.sniff import ReadOptions

        models = load_models()
        runner = open_engine("local", models=models)
        try:
            specs = [str(s) for s in sources]
            options = ReadOptions(source_name=source_name)
            results = add_to_library(self, specs, runner, options, on_error or raise_unreadable, progress)
        finally:
            runner.close()
        if wait or not checklock.shared(self.url):
            self.check_due(nlp=models["nlp"], embedder=models["embedder"])
        else:
            self.check_in_background()
        return results

    def file(self, item: filing.Prepared) -> AddResult:
        """File one prepared article in its own transaction (what ``add_articles`` does)."""
        return self.file_many([item])[0]

    def file_many(self, items: Sequence[filing.Prepared]) -> list[AddResult]:
        """File prepared articles in one transaction: all or none are stored. For bulk loaders
        (a cluster writing batches); re-filing the same batch stores nothing twice."""
        grouper = self._load_grouper()
        try:
            results, self._grouper, self._seen = filing.file_items(self.engine, items, grouper, self._seen)
            if self._grouper is not grouper:  # rebuilt (another process retired rows): save it
                self._saved = None
        except SQLAlchemyError as exc:
            self._grouper = None  # the in-memory index may hold what was rolled back: reload
            where = ", ".join(i.annotated.article.path or i.annotated.id for i in items[:3])
            raise LibraryError(f"cannot store {where}: {exc}") from exc
        except BaseException:
            self._grouper = None
            raise
        return results

    def remove(self, ident: str) -> Literal["article", "story"]:
        """Remove a story (all its articles and versions) or one article (all its versions)."""
        kind, full = self.resolve(ident)
        with self._write() as conn:
            filing.lock(conn)  # the document frequencies move: one writer at a time
            if kind == "story":
                gone = articles.c.story_id == full
            else:
                row = conn.execute(
                    select(articles.c.story_id, articles.c.url).where(articles.c.id == full)
                ).one()
                gone = articles.c.id == full
                if row.url:
                    gone = or_(gone, articles.c.url == row.url)
            terms = conn.execute(select(articles.c.terms).where(gone, articles.c.current)).scalars()
            filing.count_terms(conn, minus=[filing.terms_of_row(t) for t in terms])
            postings = anchor_postings.c.seq.in_(select(articles.c.seq).where(gone))
            conn.execute(delete(anchor_postings).where(postings))
            if kind == "story":
                conn.execute(delete(articles).where(gone))
                conn.execute(delete(stories).where(stories.c.id == full))
                whatsnew.forget_story(conn, full)
                reports.forget(conn, full)
            else:
                conn.execute(update(articles).where(articles.c.copy_of == full).values(copy_of=None))
                conn.execute(delete(articles).where(gone))
                filing.refresh_story(conn, row.story_id)
        self._grouper = None  # reopened on the next add (the counts come from term_counts)
        return kind

    # --- reading ---------------------------------------------------------------------------

    def resolve(self, ident: str) -> tuple[Literal["article", "story"], str]:
        """The kind and full id of a story or article id, or of a unique prefix of one."""
        with self.engine.connect() as conn:
            for kind, col in (("story", stories.c.id), ("article", articles.c.id)):
                if conn.execute(select(col).where(col == ident)).first() is not None:
                    return kind, ident  # type: ignore[return-value]
            if len(ident) >= 4:
                hits = [
                    (kind, str(r[0]))
                    for kind, col in (("story", stories.c.id), ("article", articles.c.id))
                    for r in conn.execute(select(col).where(col.startswith(ident, autoescape=True)).limit(2))
                ]
                if len(hits) == 1:
                    return hits[0]  # type: ignore[return-value]
                if len(hits) > 1:
                    raise NotInLibrary("more than one story or article starts so: give more of the id")
        raise NotInLibrary(f"no story or article with that id in {self.url}")

    def stories(
        self,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories, most recently reported first. ``query`` matches words of any member's title;
        ``since``/``until`` (ISO dates) bound the publication dates; ``source`` an outlet."""
        stmt = self._filtered(select(stories), query, since, until, source)
        stmt = stmt.order_by(stories.c.last.desc(), stories.c.updated.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [_summary(r) for r in conn.execute(stmt)]

    def count_stories(
        self,
        query: str | None = None,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
    ) -> int:
        """How many stories ``stories`` would list without a limit (for paging)."""
        stmt = self._filtered(select(func.count()).select_from(stories), query, since, until, source)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar() or 0)

    def story(self, story_id: str) -> StoredStory:
        """A stored story with the current version of each of its articles, earliest first."""
        kind, full = self.resolve(story_id)
        if kind != "story":
            raise NotInLibrary("is an article, not a story")
        with self.engine.connect() as conn:
            srow = conn.execute(select(stories).where(stories.c.id == full)).one()
            rows = conn.execute(
                select(
                    articles.c.annotated, articles.c.copy_of, articles.c.published_ts, articles.c.seq
                ).where(articles.c.story_id == full, articles.c.current)
            ).all()
        rows = sorted(
            rows, key=lambda r: (r.published_ts if r.published_ts is not None else float("inf"), r.seq)
        )
        anns = tuple(loads_annotated(r.annotated) for r in rows)
        members = tuple(
            StoryArticle(
                a.id, a.article.path, a.article.source, a.article.title, a.article.published, r.copy_of
            )
            for a, r in zip(anns, rows, strict=True)
        )
        story = Story(full, srow.title, srow.first, srow.last, members)
        return StoredStory(story=story, articles=anns, conflicts=srow.conflicts)

    def article(self, article_id: str) -> AnnotatedArticle:
        """One stored article (any version) by id or unique id prefix."""
        kind, full = self.resolve(article_id)
        if kind != "article":
            raise NotInLibrary("is a story, not an article")
        with self.engine.connect() as conn:
            return loads_annotated(
                conn.execute(select(articles.c.annotated).where(articles.c.id == full)).scalar_one()
            )

    def report(self, story_id: str, *, nlp: Any = None, embedder: Any = None) -> Report:
        """The cross-check of a story: the one its last ``check`` stored when the story has not
        changed since (``stored_report``), else computed from its stored annotations and sentence
        vectors (no re-annotation; the sentence model loads when no ``embedder`` is given). Reads
        only: what it computes stays in memory; ``check`` and ``report_for_view`` (a story page's)
        store the report, its vectors and its number of conflicts."""
        stored = self.story(story_id)
        found = self.stored_report(stored)
        return found if found is not None else self._report(stored, nlp, embedder, store=False)

    def stored_report(self, stored: StoredStory) -> Report | None:
        """The report ``check`` stored for this story as it now stands (the same article versions,
        the same storyline), or None: no model runs. ``stored`` is what ``story`` gave."""
        if len(stored.articles) < 2:
            return None
        return reports.read(self.engine, stored.id, stored.articles)

    def report_for_view(self, stored: StoredStory, *, nlp: Any, embedder: Any) -> Report:
        """The cross-check a story's page shows (the web app's, ``show``): the stored one, else
        made now and stored as the checker stores it (``checkpool.checked``, then its report,
        count and vectors, or its failure), so the next view, `list` and every other process
        read it. A story whose check was given up is stored as checked when it now passes, and
        left given up when it fails. Under the library's checker lock, tried once: while
        another checker holds it (it stores what it owes), the report is made in memory only.

        Raises ``NotEnoughReports`` (fewer than two usable reports), ``CheckFailed`` (the check
        raised; its error is stored as a checker's is: an owed story is charged a try)."""
        found = self.stored_report(stored)
        if found is not None:
            return found
        if len(stored.articles) < 2:
            raise NotEnoughReports("a story of one report has nothing to compare")
        lock = checklock.CheckLock(self.url, self.engine)
        if not lock.acquire(0):
            return self._report(stored, nlp, embedder, store=False)
        made: list[Report | checkfail.Failed | None] = []
        try:
            self._check_group([stored.id], nlp, embedder, 0, lambda _id, m: made.append(m), owed_only=False)
        finally:
            lock.release()
        if not made:
            raise NotInLibrary(f"no story {stored.id} in {self.url}")
        if isinstance(made[0], checkfail.Failed):
            raise CheckFailed(f"its cross-check failed: {made[0].error}")
        if made[0] is None:
            raise NotEnoughReports("fewer than two of the story's reports can be compared")
        return made[0]

    def _report(
        self, stored: StoredStory, nlp: Any, embedder: Any, *, store: bool, provided: Collection[str] = ()
    ) -> Report:
        from storyline.crosscheck import compare

        if embedder is None:
            from storyline.embed import Embedder

            embedder = Embedder()
        # one report is not compared: its vectors would go unused; ``provided``: members whose
        # vectors ``check_due`` has just put in the cache
        if len(stored.articles) >= 2 and not all(a.id in provided for a in stored.articles):
            vectors.provide(self.engine, stored.articles, embedder, store=store)
        return compare(list(stored.articles), nlp=nlp, embedder=embedder)

    def check(
        self, story_id: str, *, nlp: Any, embedder: Any, provided: Collection[str] = ()
    ) -> Report | None:
        """Cross-check a story and store the report (``reports``, for its page), its number of
        conflicts for ``stories`` and its members' sentence vectors (``vectors.provide``), paying
        the cross-check it is owed; None for a story of fewer than two usable reports (nothing to
        count).

        The report and count are stored only if the story did not change meanwhile (another
        process filing into it): otherwise the check stays owed and the next one does the new
        members. ``provided``: articles whose sentence vectors are already in the embedder's
        cache (embedded by the caller beforehand)."""
        row = self._owed_row(story_id)
        report = None
        if row.articles >= 2:
            report = self._counted(self.story(row.id), nlp, embedder, provided)
        self._keep_check(row, report)
        return report

    def _owed_row(self, story_id: str) -> Any:
        """The story's id, number of articles and last change, read before it is checked."""
        kind, full = self.resolve(story_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(*OWED_COLUMNS).where(stories.c.id == full)).first()
        if kind != "story" or row is None:
            raise NotInLibrary(f"no story {story_id} in {self.url}")
        return row

    def _counted(
        self, stored: StoredStory, nlp: Any, embedder: Any, provided: Collection[str]
    ) -> Report | None:
        """The story's cross-check, stored vectors included; None when fewer than two of its
        reports are usable (nothing to count, nothing owed)."""
        try:
            return self._report(stored, nlp, embedder, store=True, provided=provided)
        except NotEnoughReports:
            return None

    def _keep_check(self, row: Any, report: Report | None) -> bool:
        """Store the report and its number of conflicts and settle the check owed, unless the
        story changed since ``row`` was read (another process filed into it): then it stays owed
        (False)."""
        with self._write() as conn:
            return _kept(conn, row, report)

    def _settle_alone(self) -> int:
        """Settle, in one transaction, the owed checks of stories of one report: they compare
        nothing (no model runs), so no checker need start for them; how many."""
        owned = stories.c.check_due & (stories.c.articles < 2)
        cols = (stories.c.id, stories.c.updated)  # what _kept reads
        with self._write() as conn:
            return sum(_kept(conn, row, None) for row in conn.execute(select(*cols).where(owned)).all())

    def due(self) -> list[str]:
        """The stories owed a cross-check (changed by an add that has not counted them yet, or by
        ``remove``), oldest change first."""
        stmt = select(stories.c.id).where(stories.c.check_due).order_by(stories.c.updated)
        with self.engine.connect() as conn:
            return [str(r[0]) for r in conn.execute(stmt)]

    def check_due(
        self,
        *,
        nlp: Any,
        embedder: Any,
        on_report: Callable[[str, Report | None], None] | None = None,
        wait: float | None = None,
        on_given_up: Callable[[str, str], None] | None = None,
    ) -> int:
        """``check`` every story owed one, oldest change first: those this add changed and any
        an add killed before counting left behind; ``on_report`` is handed each story's
        cross-check (``watch`` names the new conflicts from it), ``on_given_up`` the id and error
        of each story whose check is given up (its last try failed), so every owed story is told
        once (``storyline check``'s progress). Returns how many were checked.

        Done under the library's checker lock (``checklock``), looking again after letting it go:
        ``wait`` is how long to wait for another checker (None: until it is done). When it is
        still at work after that, nothing is checked here: it checks what is owed now."""
        told = _teller(on_report, on_given_up)
        lock = checklock.CheckLock(self.url, self.engine)
        done = idle = 0
        # A round settles nothing only when another process filed into every story meanwhile
        # (its own try of the lock may have failed): look again, a few times.
        while idle < IDLE_ROUNDS and self.due():
            if not lock.acquire(wait):
                break
            try:
                checked = self._check_owed(nlp, embedder, told)
            finally:
                lock.release()
            done += checked
            idle = 0 if checked else idle + 1
        return done

    def _check_owed(self, nlp: Any, embedder: Any, told: Told) -> int:
        """The stories owed a check now, checked in groups (``VECTOR_STORIES``; one that failed
        before alone, ``checkfail.batches``, which gives up those a checker died in at their last
        try: logged and told here); how many were settled."""
        owed = self.due()
        workers = checkpool.processes(len(owed), embedder)
        with self._write() as conn:
            groups, stopped = checkfail.batches(conn, owed, VECTOR_STORIES)
        for story_id, failure in stopped:
            log.error("story %s: cross-check failed (given up): %s", story_id, failure.error)
            told(story_id, failure)
        # a group too small to fork for (a story retried alone) is checked here, as its size says
        small = checkpool.MIN_STORIES
        return sum(
            self._check_group(ids, nlp, embedder, workers if len(ids) >= small else 0, told)
            for ids in groups
        )

    def _check_group(
        self,
        story_ids: Sequence[str],
        nlp: Any,
        embedder: Any,
        workers: int,
        told: Told,
        *,
        counted: bool = False,
        owed_only: bool = True,
    ) -> int:
        """Check one group of owed stories, each try counted first (``checkfail.begin``), each
        report stored as it comes; how many were settled. When the group fails as a whole (its
        vectors, a worker that died), the stories not stored yet are checked each alone, so only
        the one at fault has its failure stored. ``counted``: their try is counted already;
        ``owed_only`` False: a story owed nothing (given up, or its stored report stale) is
        checked too, with no try counted (``report_for_view``)."""
        if not counted:
            with self._write() as conn:
                checkfail.begin(conn, story_ids)
        rows: list[Any] = []
        settled: set[str] = set()
        done = 0
        try:
            rows, stored = self._group(story_ids, owed_only)  # read with their tries counted
            self._provide_vectors([s for s in stored if s is not None], embedder)
            for row, made in zip(rows, checkpool.reports(stored, nlp, embedder, workers), strict=True):
                done += self._settle(row, made, told)
                settled.add(row.id)
        except Exception as exc:  # its members unreadable, its vectors, a worker that died
            failure = checkfail.Failed(f"{exc.__class__.__name__}: {exc}", traceback.format_exc())
        except BaseException:  # Ctrl-C, a stopping process: no failure of the stories left
            with self._write() as conn:
                checkfail.take_back(conn, [i for i in story_ids if i not in settled])
            raise
        else:
            return done
        if len(story_ids) > 1:  # out of the handler: each alone, its own traceback unchained
            left = [i for i in story_ids if i not in settled]
            return done + sum(
                self._check_group([i], nlp, embedder, 0, told, counted=True, owed_only=owed_only)
                for i in left
            )
        try:
            row = rows[0] if rows else self._owed_row(story_ids[0])
        except NotInLibrary:  # removed meanwhile: nothing to tell
            return done
        if row.check_due or not owed_only:
            self._settle(row, failure, told)
        return done

    def _settle(
        self,
        row: Any,
        made: Report | checkfail.Failed | None,
        told: Told,
    ) -> int:
        """Store one story's check (1) or its failure (0, logged); ``told`` hears either."""
        if isinstance(made, checkfail.Failed):
            with self._write() as conn:
                gave_up = checkfail.failed(conn, row, made)
            then = "given up" if gave_up else "to be tried again, alone"
            log.error("story %s: cross-check failed (%s): %s", row.id, then, made.error)
            log.debug("story %s: the failed check's traceback:\n%s", row.id, made.detail)
            told(str(row.id), replace(made, given_up=gave_up))
            return 0
        kept = self._keep_check(row, made)
        told(str(row.id), made)
        return int(kept)

    def check_owed_story(self, story_id: str, *, nlp: Any, embedder: Any) -> Report | None:
        """Check one owed story as ``check_due`` does (for a caller that checks one at a time, as
        the web app's background checks): its try counted, its failure stored and logged, not
        raised, so one story that fails never stops the others; its report, or None (fewer
        than two usable reports, failed, removed or checked meanwhile)."""
        made: list[Report | checkfail.Failed | None] = [None]
        self._check_group([story_id], nlp, embedder, 0, lambda _id, report: made.__setitem__(0, report))
        return None if isinstance(made[0], checkfail.Failed) else made[0]

    def note_fault(self, error: str) -> None:
        """Store ``error`` with every story owed a check, counting no try (``checkfail.note_fault``):
        the checker could check none (its models cannot load), which is no story's fault; they
        stay owed, so two such runs give nothing up."""
        owed = self.due()
        with self._write() as conn:
            for start in range(0, len(owed), 500):
                checkfail.note_fault(conn, owed[start : start + 500], error)

    def failed_checks(self, story_id: str | None = None) -> list[tuple[str, str]]:
        """The stories whose cross-check was given up (``store.checkfail``; or only
        ``story_id``, when it was), with the error."""
        with self.engine.connect() as conn:
            return checkfail.given_up(conn, story_id)

    def retry_failed(self) -> int:
        """Owe again the cross-checks given up; how many."""
        with self._write() as conn:
            return checkfail.retry(conn)

    def check_in_background(self) -> int | None:
        """Start the detached checker of the owed stories (``engines.checker``) and return its
        pid; None when none is owed or a checker is at work (it sees them). The stories of one
        report are settled here first (nothing to compare). Raises
        ``RuntimeError`` for a library no other process can reach (in memory): check here."""
        from storyline.engines import checker

        if not checklock.shared(self.url):
            raise RuntimeError(f"{self.url}: no other process can check this library")
        self._settle_alone()  # a stream's usual story: no checker (nor its models) for them
        if not self.due():
            return None
        return checker.start(self.url, self.engine)

    def _group(
        self, story_ids: Sequence[str], owed_only: bool = True
    ) -> tuple[list[Any], list[StoredStory | None]]:
        """The owed stories still here (any of them, not ``owed_only``), each read as ``check``
        reads it: its row, then its members (None for a story of fewer than two)."""
        rows: list[Any] = []
        stored: list[StoredStory | None] = []
        for story_id in story_ids:
            try:
                row = self._owed_row(story_id)
                if owed_only and not row.check_due:  # checked meanwhile (a `show`)
                    continue
                story = self.story(row.id) if row.articles >= 2 else None
            except NotInLibrary:  # removed by another process meanwhile
                continue
            rows.append(row)
            stored.append(story)
        return rows, stored

    def waive_checks(self, story_ids: Iterable[str]) -> None:
        """Leave these stories uncounted on purpose (a Ray add leaves the cross-check to
        ``show``), so the next local add does not compare a whole archive on one machine."""
        ids = sorted(set(story_ids))
        with self._write() as conn:
            for start in range(0, len(ids), 500):
                conn.execute(
                    update(stories).where(stories.c.id.in_(ids[start : start + 500])).values(check_due=False)
                )

    def export(self) -> Iterator[dict[str, Any]]:
        """Every stored article version as its annotated JSON plus ``story``, ``copy_of``,
        ``version`` and ``current``, in the order filed."""
        with self.engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=500).execute(
                select(
                    articles.c.annotated,
                    articles.c.story_id,
                    articles.c.copy_of,
                    articles.c.version,
                    articles.c.current,
                ).order_by(articles.c.seq)
            )
            for r in rows:
                d = loads_annotated(r.annotated).to_dict()
                d.update(story=r.story_id, copy_of=r.copy_of, version=r.version, current=bool(r.current))
                yield d

    # --- internals -------------------------------------------------------------------------

    def _write(self) -> Any:
        return self.engine.begin()

    def _load_grouper(self) -> Grouper:
        if self._grouper is None:
            with self.engine.connect() as conn:
                self._grouper, self._seen, self._saved = filing.open_grouper(conn)
        return self._grouper

    def _save_window(self) -> None:
        """Store the grouper for the next open. Only a shortcut: when it cannot be written (a
        read-only library, a full disk) the next open rebuilds it, as it did before."""
        if self._grouper is None:
            return
        try:
            with self._write() as conn:
                snapshot.save(conn, self._grouper, self._seen)
        except SQLAlchemyError:
            return
        self._saved = self._seen

    def _unstored(
        self,
        batch: Sequence[Article | AnnotatedArticle],
        results: list[AddResult],
        progress: Callable[[AddResult], None] | None,
    ) -> list[Article | AnnotatedArticle]:
        """The items whose id is not stored yet; the others are reported as existing."""
        ids = [(it.article if isinstance(it, AnnotatedArticle) else it).id for it in batch]
        with self.engine.connect() as conn:
            stored = {
                r.id: r
                for r in conn.execute(
                    select(articles.c.id, articles.c.story_id, articles.c.copy_of).where(
                        articles.c.id.in_(ids)
                    )
                )
            }
        fresh = []
        for it, ident in zip(batch, ids, strict=True):
            if ident in stored:
                art = it.article if isinstance(it, AnnotatedArticle) else it
                res = AddResult(ident, stored[ident].story_id, "existing", art.path, stored[ident].copy_of)
                results.append(res)
                if progress is not None:
                    progress(res)
            else:
                fresh.append(it)
        return fresh

    def _provide_vectors(self, found: Sequence[StoredStory], embedder: Any) -> set[str]:
        """Embed the needed sentences of these stories' members that have no stored vector, in one
        batch (the sentences of many stories sort into batches of nearly one length: basil-dev's
        25 stories, 11.6 s in one batch, 16.2 s story by story), and put all their vectors in the
        embedder's cache, and the vectors of the phrases their checks compare
        (``vectors.provide_phrases``); the ids of the members provided."""
        if getattr(embedder, "remember", None) is None:
            return set()
        stories = [s.articles for s in found if len(s.articles) >= 2]
        todo = vectors.owed(self.engine, stories)
        vectors.settle(self.engine, todo, vectors.embed(embedder, todo), embedder)
        vectors.provide_phrases(stories, embedder)
        return {a.id for a in todo.members}

    def _filtered(
        self, stmt: Any, query: str | None, since: str | None, until: str | None, source: str | None
    ) -> Any:
        if since:
            stmt = stmt.where(stories.c.last >= since[:10])
        if until:
            stmt = stmt.where(stories.c.first <= until[:10])
        if source:
            outlet = select(articles.c.story_id).where(func.lower(articles.c.source) == source.lower())
            stmt = stmt.where(stories.c.id.in_(outlet))
        for word in (query or "").split():
            # every word, in the story's or a member's title, or among a member's names and key
            # words (``terms``: what grouping weighs, so a person named only in the text is found)
            found = select(articles.c.story_id).where(
                or_(
                    articles.c.title.icontains(word, autoescape=True),
                    articles.c.terms.icontains(f'"{word.lower()}', autoescape=True),
                )
            )
            stmt = stmt.where(or_(stories.c.title.icontains(word, autoescape=True), stories.c.id.in_(found)))
        return stmt


def _prepare(
    items: Sequence[Article | AnnotatedArticle],
    nlp: Any,
    embedder: Any,
    on_error: Callable[[UnreadableInput], None] | None,
) -> list[filing.Prepared]:
    """The batch prepared together; when that fails, one by one, so one bad article costs only itself."""
    from storyline.store.prepare import prepare_many

    try:
        return list(prepare_many(items, nlp=nlp, embedder=embedder))
    except Exception:
        if len(items) == 1:
            raise
    out: list[filing.Prepared] = []
    for it in items:
        try:
            out += prepare_many([it], nlp=nlp, embedder=embedder)
        except Exception as exc:  # an annotator or model failure on this article's text
            art = it.article if isinstance(it, AnnotatedArticle) else it
            problem = UnreadableInput(
                art.path or art.id, f"cannot be annotated: {exc.__class__.__name__}: {exc}"
            )
            if on_error is None:
                raise problem from exc
            on_error(problem)
    return out


# Hears each story's check as it is settled: its report (None: fewer than two usable reports) or
# its failure (``Failed.given_up`` when it was the last try)
Told = Callable[[str, Report | checkfail.Failed | None], None]


def _teller(
    on_report: Callable[[str, Report | None], None] | None, on_given_up: Callable[[str, str], None] | None
) -> Told:
    """The ``Told`` of ``check_due``'s callers: reports to ``on_report``, checks given up to
    ``on_given_up``; a failure to be tried again is told to neither."""

    def told(story_id: str, made: Report | checkfail.Failed | None) -> None:
        if not isinstance(made, checkfail.Failed):
            if on_report is not None:
                on_report(story_id, made)
        elif made.given_up and on_given_up is not None:
            on_given_up(story_id, made.error)

    return told


# what a check reads of a story before it runs (``_kept`` and ``checkfail.failed`` read them back)
OWED_COLUMNS = (
    stories.c.id, stories.c.articles, stories.c.updated, stories.c.check_due, stories.c.check_tries
)


def _kept(conn: Any, row: Any, report: Report | None) -> bool:
    """Store a story's report and number of conflicts and settle its check, unless it changed
    since ``row`` was read; whether it was settled."""
    conflicts = None if report is None else sum(1 for f in report.findings if f.kind == "conflict")
    counted = conn.execute(
        update(stories)
        .where(stories.c.id == row.id, stories.c.updated == row.updated)
        .values(conflicts=conflicts, check_due=False, check_tries=0, check_error=None)
    )
    if counted.rowcount:  # the conflicts themselves, for `changes` and the Atom feed
        whatsnew.record_conflicts(conn, row.id, report)
        reports.keep(conn, row.id, report)
    return bool(counted.rowcount)


def _summary(r: Any) -> StorySummary:
    return StorySummary(
        r.id,
        r.title,
        r.first,
        r.last,
        r.articles,
        r.sources,
        r.conflicts,
        r.updated,
        bool(r.check_due),
        r.check_error,
    )
