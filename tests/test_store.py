"""The library on real reports, the same suite on SQLite and on a real PostgreSQL server.

PostgreSQL comes from STORYLINE_TEST_PG (scripts/test starts one with scripts/pg-start), else this
module starts one itself; it is skipped only when PostgreSQL is not installed and CI is not set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import select, text

from storyline.model import AnnotatedArticle
from storyline.store import Library, NotInLibrary
from storyline.store.schema import VERSION

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    url = os.environ.get("STORYLINE_TEST_PG")
    if url:
        yield url
        return
    try:
        out = subprocess.run(
            [str(ROOT / "scripts" / "pg-start")], capture_output=True, text=True, timeout=120
        )
    except OSError as exc:
        out = subprocess.CompletedProcess([], 1, "", str(exc))
    if out.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required on CI: {out.stderr.strip()}")
        pytest.skip(f"PostgreSQL is not installed here: {out.stderr.strip()}")
    yield out.stdout.strip()
    started = re.search(r"server in (\S+)", out.stderr)
    if started:  # the server this module started goes with it
        subprocess.run(
            [str(ROOT / "scripts" / "pg-start"), "--stop", started.group(1)], timeout=60, check=False
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "lib.db")
        return
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def annotated(nlp: Any, seed_paths: tuple[Path, Path], shared_data: Path) -> list[AnnotatedArticle]:
    """The two seeds and two BASIL triplets, annotated once for the module."""
    from storyline.annotation import annotate_many
    from storyline.reading import read

    files = sorted((shared_data / "basil-dev").glob("*.json"))[:6]
    return list(annotate_many([read(p) for p in (*seed_paths, *files)], nlp))


def test_add_files_reports_into_stories_and_is_idempotent(
    db_url: str, annotated: list[AnnotatedArticle], nlp: Any, embedder: Any
) -> None:
    with Library(db_url) as lib:
        first = lib.add_articles(annotated, nlp=nlp, embedder=embedder, crosscheck=False)
        assert [r.status for r in first] == ["created"] * len(annotated)
        again = lib.add_articles(annotated, nlp=nlp, embedder=embedder, crosscheck=False)
        assert [r.status for r in again] == ["existing"] * len(annotated)
        assert [r.story_id for r in again] == [r.story_id for r in first]
        summaries = lib.stories()
        assert len(summaries) == 3  # the seeds' call, two BASIL events
        assert sorted(s.articles for s in summaries) == [2, 3, 3]
        assert lib.count_stories() == 3
        seeds = lib.stories(query="putin")
        assert len(seeds) == 1 and seeds[0].sources == 2
        assert lib.stories(since="2021-01-01")[0].id == seeds[0].id
        assert lib.stories(until="2000-01-01") == []


def test_show_reuses_stored_annotations(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=None, embedder=embedder, crosscheck=False)
        story = lib.stories()[0]
        stored = lib.story(story.id[:8])  # a unique prefix is enough
        assert [a.to_dict() for a in stored.articles] == [a.to_dict() for a in annotated[:2]]
        report = lib.report(story.id, nlp=None, embedder=embedder)  # nlp=None: nothing re-annotated
        assert {s.id for s in report.sources} == {a.id for a in annotated[:2]}
        conflicts = sum(1 for f in report.findings if f.kind == "conflict")
        assert lib.stories()[0].conflicts is None  # report() only reads
        checked = lib.check(story.id, nlp=None, embedder=embedder)
        assert checked is not None and checked.to_dict() == report.to_dict()
        assert lib.stories()[0].conflicts == conflicts


def _sentence_vectors(lib: Library) -> dict[str, Any]:
    from storyline.store.codec import vectors_from_bytes
    from storyline.store.schema import articles

    with lib.engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.sentence_vectors)).all()
    return {r.id: vectors_from_bytes(r.sentence_vectors) for r in rows}


def test_sentence_vectors_wait_for_a_second_report(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Filing embeds only the title and lead: a story's sentences are embedded and stored when a
    second report makes it worth a cross-check, then read back, not embedded again."""
    from storyline.store import vectors

    first, second = annotated[:2]
    with Library(db_url) as lib:
        lib.add_articles([first], nlp=None, embedder=embedder)  # checked: one report, nothing to compare
        assert {i: len(v) for i, v in _sentence_vectors(lib).items()} == {first.id: 0}
        lib.add_articles([second], nlp=None, embedder=embedder)  # the same story: checked, stored
        assert lib.due() == [] and lib.stories()[0].conflicts is not None
        stored = _sentence_vectors(lib)
        assert {i: len(v) for i, v in stored.items()} == {a.id: len(a.sentences) for a in (first, second)}
        assert vectors.provide(lib.engine, [first, second], embedder) == 0
    embedder.forget()  # computed afresh, the vectors are those stored (float16: to three decimals)
    fresh = embedder.embed(vectors.sentence_texts(second))
    kept = ~np.isnan(stored[second.id][:, 0])  # NaN: a sentence the check had no need to embed
    assert kept.sum() > len(kept) // 2
    assert float((fresh[kept] * stored[second.id][kept]).sum(axis=1).min()) > 0.999


def test_a_story_an_add_left_uncounted_is_counted_by_the_next_add(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """An add killed after filing and before counting (``crosscheck=False`` files exactly that far)
    leaves the story owed a cross-check; re-running the add, though every article is stored,
    counts it. A later change drops the count again and owes a new check."""
    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=None, embedder=embedder, crosscheck=False)
        (story,) = lib.stories()
        assert story.conflicts is None and lib.due() == [story.id]
        lib.report(story.id, nlp=None, embedder=embedder)
        assert lib.due() == [story.id]  # reading a report pays nothing
    with Library(db_url) as lib:  # the next run, in a new process
        again = lib.add_articles(annotated[:2], nlp=None, embedder=embedder)
        assert [r.status for r in again] == ["existing", "existing"]
        counted = lib.stories()[0].conflicts
        assert counted is not None and counted >= 1 and lib.due() == []
        # A report joining another story owes that story a check and leaves this one counted.
        lib.add_articles(annotated[2:4], nlp=None, embedder=embedder, crosscheck=False)
        assert story.id not in lib.due() and len(lib.due()) == 1
        assert lib.story(story.id).conflicts == counted
        lib.remove(annotated[1].id)  # the story changes: its count is stale, dropped, owed
        assert lib.story(story.id).conflicts is None and story.id in lib.due()
        assert lib.check_due(nlp=None, embedder=embedder) == 2
        assert lib.due() == [] and lib.story(story.id).conflicts is None  # one report: nothing to count


def test_new_version_of_a_url_and_remove(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    base = annotated[2]
    old = replace(base, article=replace(base.article, url="https://example.org/story-1"))
    text = base.text + "\n\nThis article has been updated with a correction."
    art = replace(old.article, text=text, id=old.article.id + "v2")
    new = AnnotatedArticle(article=art, sentences=old.sentences)
    with Library(db_url) as lib:
        (r1,) = lib.add_articles([old], nlp=None, embedder=embedder, crosscheck=False)
        (r2,) = lib.add_articles([new], nlp=None, embedder=embedder, crosscheck=False)
        assert (r1.status, r2.status) == ("created", "new-version")
        assert r2.story_id == r1.story_id
        stored = lib.story(r2.story_id)
        assert [a.id for a in stored.articles] == [new.id]  # only the current version
        versions = [(d["id"], d["version"], d["current"]) for d in lib.export()]
        assert versions == [(old.id, 1, False), (new.id, 2, True)]
        assert lib.remove(new.id) == "article"
        assert list(lib.export()) == []  # every version of the URL goes
        assert lib.stories() == []
        with pytest.raises(NotInLibrary):
            lib.story(r2.story_id)


def test_remove_story_and_unknown_ids(db_url: str, annotated: list[AnnotatedArticle], embedder: Any) -> None:
    with Library(db_url) as lib:
        lib.add_articles(annotated[:5], nlp=None, embedder=embedder, crosscheck=False)
        target = lib.stories(query="putin")[0]
        assert lib.remove(target.id) == "story"
        assert {d["story"] for d in lib.export()} == {s.id for s in lib.stories()}
        assert len(list(lib.export())) == 3
        with pytest.raises(NotInLibrary, match="no story or article"):
            lib.remove("ffffffffffff")


def test_reopening_keeps_grouping_and_schema_version(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    with Library(db_url) as lib:
        lib.add_articles(annotated[:4], nlp=None, embedder=embedder, crosscheck=False)
    with Library(db_url) as lib:  # a fresh process would rebuild its index from the stored signatures
        results = lib.add_articles(annotated[4:], nlp=None, embedder=embedder, crosscheck=False)
        with lib.engine.connect() as conn:
            from storyline.store.schema import current_version

            assert current_version(conn) == VERSION
        assert not any(r.new_story for r in results[:1])  # the triplet's third report joins its story
        assert len(lib.stories()) == 3


def test_export_lines_are_annotated_json(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=None, embedder=embedder, crosscheck=False)
        lines = [json.loads(json.dumps(d)) for d in lib.export()]
    assert [d["id"] for d in lines] == [a.id for a in annotated[:2]]
    assert all(d["schema"] == "storyline/1" and d["sentences"] for d in lines)


def test_bad_library_location_is_one_library_error(tmp_path: Path) -> None:
    from storyline.errors import LibraryError

    with pytest.raises(LibraryError, match="does not exist"):
        Library(tmp_path / "missing" / "lib.db")
    with pytest.raises(LibraryError):
        Library("postgresql://nobody@127.0.0.1:1/none").stories()


def test_batch_filing_is_idempotent(db_url: str, annotated: list[AnnotatedArticle], embedder: Any) -> None:
    from storyline.store.prepare import prepare_many

    prepared = list(prepare_many(annotated[2:8], nlp=None, embedder=embedder))
    with Library(db_url) as lib:
        first = lib.file_many(prepared)
        assert [r.status for r in first] == ["created"] * 6
        retried = lib.file_many(prepared + prepared[:1])  # a retried task, with a duplicate inside
        assert [r.status for r in retried] == ["existing"] * 7
        assert [r.story_id for r in retried[:6]] == [r.story_id for r in first]
        assert len(list(lib.export())) == 6 and len(lib.stories()) == 2


def test_search_finds_a_person_named_only_in_the_text(
    db_url: str, annotated: list[AnnotatedArticle], nlp: Any, embedder: Any
) -> None:
    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=nlp, embedder=embedder, crosscheck=False)
        # Ushakov, the Kremlin aide, is in neither seed's title
        assert [s.articles for s in lib.stories(query="Ushakov")] == [2]
        assert [s.articles for s in lib.stories(query="ushakov putin")] == [2]
        assert lib.stories(query="Ushakov Zircon Nobodyelse") == []


def _signed(arts: list[Any], embedder: Any) -> list[Any]:
    """Articles ready to file without annotating them: what the grouping reads is the signature."""
    from storyline.store.filing import Prepared
    from storyline.stories.signatures import sign_many

    return [
        Prepared(AnnotatedArticle(article=a), s) for a, s in zip(arts, sign_many(arts, embedder), strict=True)
    ]


def test_old_signatures_leave_memory_and_come_back_for_an_older_article(
    db_url: str, shared_data: Path, embedder: Any
) -> None:
    """The library's grouper holds only the recent weeks; an article dated back in time still
    joins its story (the evicted window is read back from the database), before and after reopening."""
    from storyline.reading import read

    folder = shared_data / "basil-dev"
    event = sorted(folder.glob("*_[123].json"))
    a1, a2, a3 = (read(p) for p in event[:3])  # one event, three outlets
    other = read(event[3])  # another event
    a1 = replace(a1, published="2030-01-01")
    filler = replace(other, published="2030-03-01")  # moves the window: a1 falls out of it
    a2 = replace(a2, published="2030-01-03")  # dated before the window, two days after a1
    a3 = replace(a3, published="2030-02-20")  # in the window, seven weeks after a1
    with Library(db_url) as lib:
        (r1,) = lib.file_many(_signed([a1], embedder))
        lib.file_many(_signed([filler], embedder))
        grouper = lib._grouper
        assert grouper is not None and a1.id not in grouper.keys and grouper.evicted >= 1
        (r2,) = lib.file_many(_signed([a2], embedder))
        assert r2.story_id == r1.story_id and not r2.new_story  # a1 was read back to be joined
        (r3,) = lib.file_many(_signed([a3], embedder))
        # seven weeks later, but naming the same people: a follow-up, found by its anchors
        assert r3.story_id == r1.story_id and not r3.new_story
    copy = replace(
        a1,
        id="copy" + a1.id,
        source="another outlet",
        url=None,
        published="2030-01-02",
        text="NEW YORK (AP) — " + a1.text,
    )
    undated = replace(filler, id="undated" + filler.id, source="a third outlet", url=None, published=None)
    undated = replace(undated, text="LONDON (Reuters) — " + filler.text)
    with Library(db_url) as lib:  # reopened: the grouper holds the recent weeks only
        grouper = lib._load_grouper()
        assert filler.id in grouper.keys and a3.id in grouper.keys
        assert a1.id not in grouper.keys and a2.id not in grouper.keys
        (rc, ru) = lib.file_many(_signed([copy, undated], embedder))
        assert a1.id in grouper.keys  # read back for the copy
        assert (rc.story_id, rc.copy_of) == (r1.story_id, a1.id)  # found among the reloaded rows
        assert ru.copy_of == filler.id  # undated: matched against the current window
        assert sorted(s.articles for s in lib.stories()) == [2, 4]


def test_story_counts_kept_without_reading_a_large_story(
    db_url: str, shared_data: Path, embedder: Any
) -> None:
    """Past ``TITLE_SAMPLE`` members, filing updates a story's counts from the new article alone;
    they must equal a full recount."""
    from storyline.reading import read
    from storyline.store.filing import TITLE_SAMPLE, refresh_story
    from storyline.store.schema import stories

    base = read(sorted((shared_data / "basil-dev").glob("*_1.json"))[0])
    n = TITLE_SAMPLE + 8
    when = {n - 6: "2029-12-30", n - 3: "2030-02-05T10:00:00+00:00"}  # past the sample: new first, last
    copies = [
        replace(
            base,
            id=f"c{i}" + base.id,
            url=None,
            source=None if i % 9 == 0 else f"outlet{i % 7}",
            title=None if i % 5 == 0 else f"{base.title} ({i})",
            published=when.get(i, None if i % 11 == 0 else f"2030-01-{10 + i % 10:02d}"),
            text=f"CITY{i} (AP) — " + base.text,
        )
        for i in range(n)
    ]
    with Library(db_url) as lib:
        results = [lib.file(p) for p in _signed(copies, embedder)]
        assert len({r.story_id for r in results}) == 1
        story = results[0].story_id
        with lib.engine.begin() as conn:
            kept = conn.execute(stories.select().where(stories.c.id == story)).one()._asdict()
            refresh_story(conn, story)
            full = conn.execute(stories.select().where(stories.c.id == story)).one()._asdict()
    kept.pop("updated"), full.pop("updated")
    assert kept == full
    assert (full["articles"], full["sources"], full["first"], full["last"]) == (
        n,
        7,
        "2029-12-30",
        "2030-02-05",
    )


def _term_counts(lib: Library) -> tuple[dict[str, int], dict[str, int]]:
    """The document frequencies stored in ``term_counts``, and a recount from the current rows
    (the count of retirements beside them is no document frequency)."""
    from collections import Counter

    from storyline.store.filing import terms_of_row
    from storyline.store.schema import ARTICLES, RETIRED, articles, term_counts

    with lib.engine.connect() as conn:
        rows = conn.execute(select(term_counts.c.term, term_counts.c.n))
        stored = {t: n for t, n in rows if t != RETIRED}
        recount: Counter[str] = Counter()
        for terms in conn.execute(select(articles.c.terms).where(articles.c.current)).scalars():
            recount.update(terms_of_row(terms))
            recount[ARTICLES] += 1
    return stored, dict(recount)


def _grouper_counts(lib: Library) -> dict[str, int]:
    df = lib._load_grouper().df
    return {"": df.n, **{t: n for t, n in df.df.items() if n}} if df.n else {}


def test_stored_term_counts_equal_a_recount(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """The document frequencies kept in the database move with every add, new version and remove,
    and a reopened library's grouper reads exactly them."""
    base = annotated[2]
    old = replace(base, article=replace(base.article, url="https://example.org/story-1"))
    art = replace(old.article, text=base.text + "\n\nUpdated with a correction.", id=base.id + "v2")
    new = AnnotatedArticle(article=art, sentences=old.sentences)
    with Library(db_url) as lib:
        lib.add_articles([old, *annotated[3:7]], nlp=None, embedder=embedder, crosscheck=False)
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] == 5 and len(recount) > 100
        assert _grouper_counts(lib) == stored
        again = lib.add_articles([old, *annotated[3:7]], nlp=None, embedder=embedder, crosscheck=False)
        assert {r.status for r in again} == {"existing"}
        assert _term_counts(lib) == (stored, recount)  # a re-add changes nothing
        (r,) = lib.add_articles([new], nlp=None, embedder=embedder, crosscheck=False)
        assert r.status == "new-version"
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] == 5 and recount == _grouper_counts(lib)
        lib.remove(annotated[3].id)
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] == 4
        assert _grouper_counts(lib) == stored
    with Library(db_url) as lib:
        assert _grouper_counts(lib) == _term_counts(lib)[0]
        lib.remove(lib.stories()[0].id)
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] < 4
        for s in lib.stories():
            lib.remove(s.id)
        assert _term_counts(lib) == ({}, {})


def test_a_schema_2_library_gets_its_counts_and_opens(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """A library made before ``term_counts`` (schema 2) has it built from its rows when opened."""
    from sqlalchemy import text

    from storyline.store.schema import current_version, schema_version

    with Library(db_url) as lib:
        lib.add_articles(annotated[:4], nlp=None, embedder=embedder, crosscheck=False)
        expected = _term_counts(lib)[1]
        with lib.engine.begin() as conn:  # back to schema 2, as an older storyline left it
            conn.execute(text("DROP TABLE term_counts"))
            conn.execute(schema_version.update().values(version=2))
    with Library(db_url) as lib:
        with lib.engine.connect() as conn:
            assert current_version(conn) == VERSION == 10
        stored, recount = _term_counts(lib)
        assert stored == recount == expected and recount[""] == 4
        assert _grouper_counts(lib) == stored
        results = lib.add_articles(annotated[4:], nlp=None, embedder=embedder, crosscheck=False)
        assert not results[0].new_story  # the triplet's third report joins its story
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] == len(annotated)


def test_a_schema_3_library_gets_check_due_and_marks_no_old_story(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Opening a library made before ``check_due`` adds the column; its old uncounted stories are
    not marked (they may be a Ray add's, left to ``show``), its new changes are."""
    from sqlalchemy import text

    from storyline.store.schema import schema_version

    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=None, embedder=embedder, crosscheck=False)
        with lib.engine.begin() as conn:
            conn.execute(text("ALTER TABLE stories DROP COLUMN check_due"))
            conn.execute(schema_version.update().values(version=3))
    with Library(db_url) as lib:
        assert lib.due() == [] and lib.stories()[0].conflicts is None
        lib.add_articles(annotated[2:4], nlp=None, embedder=embedder, crosscheck=False)
        assert len(lib.due()) == 1


def test_an_open_library_sees_another_process_remove_and_add(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Two handles on one library, as the web app and a terminal `storyline remove` are: what one
    removes, the other's in-memory grouping forgets before it files again, so a near-copy of a
    removed report starts a story of its own instead of pointing at a report that is gone."""
    base = annotated[0]
    copy = AnnotatedArticle(
        article=replace(base.article, text=base.text + "\n\nUpdated.", id=base.article.id + "c"),
        sentences=base.sentences,
    )
    with Library(db_url) as web, Library(db_url) as terminal:
        (first,) = web.add_articles([base], nlp=None, embedder=embedder, crosscheck=False)
        terminal.add_articles(annotated[2:4], nlp=None, embedder=embedder, crosscheck=False)
        assert len(web.stories()) == 2  # the other handle's add is listed at once
        assert terminal.remove(first.story_id) == "story"
        (again,) = web.add_articles([copy], nlp=None, embedder=embedder, crosscheck=False)
        assert again.copy_of is None and again.new_story
        assert web.story(again.story_id).story.articles[0].copy_of is None
        assert _grouper_counts(web) == _term_counts(web)[0]
        assert len(terminal.stories()) == 2


def _stored_reports(lib: Library) -> dict[str, str]:
    from storyline.store.schema import story_reports

    with lib.engine.connect() as conn:
        return dict(conn.execute(select(story_reports.c.story_id, story_reports.c.members)).all())


def test_a_checked_story_keeps_its_report_for_its_first_view(
    db_url: str, annotated: list[AnnotatedArticle], nlp: Any, embedder: Any
) -> None:
    """The check an add pays stores the report; read back it equals one computed afresh, with the
    annotated articles put back (the page quotes from them), and ``report`` serves it."""
    from storyline.crosscheck import compare

    with Library(db_url) as lib:
        lib.add_articles(annotated[:2], nlp=nlp, embedder=embedder)
        (story,) = lib.stories()
        stored = lib.story(story.id)
        kept = lib.stored_report(stored)
        assert kept is not None and list(_stored_reports(lib)) == [story.id]
        fresh = compare(list(stored.articles), nlp=nlp, embedder=embedder)
        assert kept == fresh and kept.to_dict() == fresh.to_dict()
        assert [a.to_dict() for a in kept.articles] == [a.to_dict() for a in fresh.articles]
        assert kept.to_check == fresh.to_check and [f.score for f in kept.findings] == [
            f.score for f in fresh.findings
        ]
        assert lib.report(story.id).to_dict() == fresh.to_dict()  # no model given: none needed
        assert story.conflicts == sum(1 for f in kept.findings if f.kind == "conflict")


def test_a_stored_report_goes_when_its_story_changes_and_comes_back_with_the_next_check(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Filing a report into the story (here by another process) deletes the stored report in the
    same transaction; the next check stores the report of all its members. Removing a member, or
    the story, removes it too; one made by another storyline is not served."""
    from sqlalchemy import update

    from storyline.store.schema import story_reports

    triplet = annotated[2:5]  # three reports of one BASIL event
    with Library(db_url) as web, Library(db_url) as terminal:
        terminal.add_articles(triplet[:2], nlp=None, embedder=embedder)
        (story,) = terminal.stories()
        first = web.stored_report(web.story(story.id))
        assert first is not None and len(first.sources) == 2
        terminal.add_articles(triplet[2:], nlp=None, embedder=embedder, crosscheck=False)
        now = web.story(story.id)
        assert len(now.articles) == 3 and _stored_reports(web) == {}
        assert web.stored_report(now) is None
        assert len(web.report(story.id, nlp=None, embedder=embedder).sources) == 3  # computed
        assert _stored_reports(web) == {}  # report() only reads
        assert terminal.check_due(nlp=None, embedder=embedder) == 1
        again = web.stored_report(now)
        assert again is not None and {s.id for s in again.sources} == {a.id for a in triplet}
        with web.engine.begin() as conn:  # as if an older storyline had stored it
            conn.execute(update(story_reports).values(made_by="0.0.1 0000"))
        assert web.stored_report(now) is None
        web.check(story.id, nlp=None, embedder=embedder)
        assert web.stored_report(now) is not None
        web.remove(triplet[2].id)
        assert web.stored_report(web.story(story.id)) is None and _stored_reports(web) == {}
        web.check_due(nlp=None, embedder=embedder)
        assert len(_stored_reports(web)) == 1
        web.remove(story.id)
        assert _stored_reports(web) == {}


def _open_window(lib: Library) -> tuple[Any, bool]:
    """The grouper a new filer on ``lib`` would get, and whether it came from the saved window."""
    from storyline.store import filing

    with lib.engine.connect() as conn:
        grouper, _, saved = filing.open_grouper(conn)
    return grouper, saved is not None


def _stories_of(grouper: Any) -> dict[str, str]:
    return {sig_id: grouper.story_of[key] for sig_id, key in grouper.keys.items()}


def test_reopening_uses_the_saved_window_and_finds_what_a_rebuild_finds(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """A library closed after filing keeps its grouping window; the next filer starts from it
    instead of rebuilding the vector index, and it holds and finds exactly what a rebuild would."""
    from storyline.store import filing
    from storyline.store.schema import grouper_snapshot

    with Library(db_url) as lib:
        lib.add_articles(annotated[:6], nlp=None, embedder=embedder, crosscheck=False)
    with Library(db_url) as lib:
        with lib.engine.connect() as conn:
            (mark,) = conn.execute(select(grouper_snapshot.c.mark)).one()
            rebuilt, seen = filing.build_grouper(conn)
        assert mark == seen
        saved, used = _open_window(lib)
        assert used and _stories_of(saved) == _stories_of(rebuilt)
        assert (saved.df.n, saved.df.df) == (rebuilt.df.n, rebuilt.df.df)
        for sig in rebuilt.sigs.values():  # the same candidates, article for article
            assert _candidates(saved, sig) == _candidates(rebuilt, sig)


def _candidates(grouper: Any, sig: Any) -> tuple[list[str], list[str]]:
    """The ids of the nearest vectors and of the near-copies the grouper's index finds for ``sig``."""
    ids = {k: s.id for k, s in grouper.sigs.items()}
    copies = sorted(ids[k] for k in grouper.index.copies(sig, grouper.sigs))
    return [ids[k] for k in grouper.index.nearest(sig)], copies


def test_filing_after_reopening_groups_alike_with_the_saved_or_a_rebuilt_window(
    tmp_path: Path, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Two libraries filed alike, one reopened from its saved window and one rebuilt: the same
    stories (the window is stored the same way in PostgreSQL)."""
    from storyline.store.prepare import prepare_many

    prepared = list(prepare_many(annotated, nlp=None, embedder=embedder))
    stories = []
    for name, keep in (("saved.db", True), ("rebuilt.db", False)):
        with Library(tmp_path / name) as lib:
            lib.file_many(prepared[:4])
        if not keep:
            with Library(tmp_path / name) as lib, lib.engine.begin() as conn:
                conn.execute(text("DELETE FROM grouper_snapshot"))
        with Library(tmp_path / name) as lib:
            lib.file_many(prepared[4:])
            assert _open_window(lib)[1] is keep
            stories.append({d["id"]: d["story"] for d in lib.export()})
    assert stories[0] == stories[1] and len(set(stories[0].values())) == 3


def test_a_window_outdated_by_another_library_is_rebuilt(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """Another process adding is caught up from the saved window; another process removing, even
    when a later filing takes the removed row's place (SQLite reuses the highest seq), makes the
    next open rebuild, so no removed article is ever a candidate."""
    from storyline.store.schema import articles

    def seq_of(lib: Library, article_id: str) -> int:
        with lib.engine.connect() as conn:
            return int(conn.execute(select(articles.c.seq).where(articles.c.id == article_id)).scalar_one())

    # dated within days of each other: every one is held in the window
    annotated = [
        replace(a, article=replace(a.article, published=f"2030-01-0{i + 1}")) for i, a in enumerate(annotated)
    ]
    with Library(db_url) as lib:
        lib.add_articles(annotated[:5], nlp=None, embedder=embedder, crosscheck=False)
    with Library(db_url) as other:  # adds one: too few to save the window again at close
        other.add_articles([annotated[5]], nlp=None, embedder=embedder, crosscheck=False)
    grouper, used = _open_window(lib)
    assert used and annotated[5].id in grouper.keys  # caught up from the saved window

    last = seq_of(lib, annotated[5].id)
    Library(db_url).remove(annotated[5].id)  # the article filed last
    grouper, used = _open_window(lib)
    assert not used and annotated[5].id not in grouper.keys and len(grouper.keys) == 5
    killed = Library(db_url)  # files, then dies before closing: the old window stays stored
    killed.add_articles([annotated[6]], nlp=None, embedder=embedder, crosscheck=False)
    killed.engine.dispose()
    if lib.engine.dialect.name == "sqlite":
        assert seq_of(lib, annotated[6].id) == last  # the removed row's seq, taken again
    grouper, used = _open_window(lib)
    assert not used and annotated[5].id not in grouper.keys and annotated[6].id in grouper.keys
    assert grouper.df.retired == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "format", "foreign"])
def test_a_damaged_window_is_rebuilt_without_a_word(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any, tmp_path: Path, damage: str
) -> None:
    """A snapshot that cannot be read, is of another format, or would build something else than a
    grouper (a pickle that runs code) is ignored: the window is rebuilt from the rows."""
    import pickle

    from storyline.store.schema import grouper_snapshot

    marker = tmp_path / "ran"

    class Foreign:
        def __reduce__(self) -> tuple[Any, ...]:
            return (Path.touch, (marker,))

    with Library(db_url) as lib:
        lib.add_articles(annotated[:4], nlp=None, embedder=embedder, crosscheck=False)
    with Library(db_url) as lib, lib.engine.begin() as conn:
        blob = conn.execute(select(grouper_snapshot.c.state)).scalar_one()
        values: dict[str, Any] = {
            "garbage": {"state": b"not a grouper"},
            "truncated": {"state": blob[: len(blob) // 2]},
            "format": {"format": 0},
            "foreign": {"state": pickle.dumps(Foreign())},
        }[damage]
        conn.execute(grouper_snapshot.update().values(**values))
    with Library(db_url) as lib:
        grouper, used = _open_window(lib)
        assert not used and grouper.df.n == 4 and not marker.exists()
        results = lib.add_articles(annotated[4:], nlp=None, embedder=embedder, crosscheck=False)
        assert not results[0].new_story  # the triplet's third report joins its story
    with Library(db_url) as lib:  # saved again on close: used from then on
        assert _open_window(lib)[1]


def test_replicated_rows_keep_the_counts_and_open_from_the_saved_window(
    db_url: str,
    annotated: list[AnnotatedArticle],
    embedder: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """bench/bench_library_open.py --build grows a library by writing its rows again through
    ``filing.write_row``: the stored counts must stay those of a recount, each round must repeat
    the seed's stories and wire copies, each slice of articles gets its line of filing cost (the
    server's too on PostgreSQL), and the window rebuilt at the first open must be the one the next
    open reads back."""
    import importlib.util

    from storyline.store.schema import articles

    spec = importlib.util.spec_from_file_location("bench_library_open", ROOT / "bench/bench_library_open.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)  # its dataclass looks itself up there
    spec.loader.exec_module(bench)
    base = annotated[2]
    text = base.text + "\n\nThe Associated Press contributed to this report."
    wire = AnnotatedArticle(
        replace(base.article, id=base.id + "w", text=text, source="Wire", url=None), base.sentences
    )
    with Library(db_url) as lib:
        lib.add_articles([*annotated[:6], wire], nlp=None, embedder=embedder, crosscheck=False)
        seed_stories = {s.id: s.articles for s in lib.stories()}
    capsys.readouterr()
    bench.build(db_url, 7 + 3 * 7, per_day=10, vary=bench.Vary(), slice_=10)
    slices = [line for line in capsys.readouterr().out.splitlines() if line.startswith("slice ")]
    assert [line.split(":")[0] for line in slices] == ["slice 8-10", "slice 11-20", "slice 21-28"]
    assert all(("server" in line) == db_url.startswith("postgresql") for line in slices)
    with Library(db_url) as lib:
        stored, recount = _term_counts(lib)
        assert stored == recount and recount[""] == 28
        sizes = sorted(s.articles for s in lib.stories())
        assert sizes == sorted(list(seed_stories.values()) * 4)
        with lib.engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.copy_of)).all()
        replicas = {r.id for r in rows if bench.MARK in (r.title or "")}
        copied = [bench.MARK in (r.title or "") for r in rows if r.copy_of]
        assert len(replicas) == 21 and copied.count(True) == 3 * copied.count(False) > 0
        rebuilt, used = _open_window(lib)
        assert not used and replicas <= set(rebuilt.keys)  # the stream starts after the seeds
    with Library(db_url) as lib:
        lib._load_grouper()  # the first open rebuilds; its close saves the window
    with Library(db_url) as lib:
        saved, used = _open_window(lib)
        assert used and _stories_of(saved) == _stories_of(rebuilt)


def test_window_only_saves_the_window_that_built_rows_and_a_first_open_save(
    db_url: str,
    tmp_path: Path,
    annotated: list[AnnotatedArticle],
    embedder: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bench/bench_library_open.py --window-only stores, without the replicas' rows, the counts
    and the saved window that ``--build`` and a first open leave: the same articles held in the
    same stories, the same document frequencies (replicas dated before the window counted only),
    and an open reads it back instead of rebuilding."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_library_open", ROOT / "bench/bench_library_open.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, bench)
    spec.loader.exec_module(bench)
    built = str(tmp_path / "built.db")
    for url in (built, db_url):
        with Library(url) as lib:
            lib.add_articles(annotated[:6], nlp=None, embedder=embedder, crosscheck=False)
    n = 6 + 8 * 6  # 48 replicas a day apart: the first 20 fall before the 28-day window
    bench.build(built, n, per_day=1, vary=bench.Vary(), slice_=n)
    with Library(built) as lib:
        lib._load_grouper()  # rebuilt, saved on close
    with Library(built) as lib:
        reference, _ = _open_window(lib)
    bench.window_only(db_url, n, per_day=1, vary=bench.Vary())
    with Library(db_url) as lib:
        saved, used = _open_window(lib)
    assert used and len(saved.sigs) < n - 20
    assert _stories_of(saved) == _stories_of(reference)
    assert (saved.df.n, saved.df.df) == (reference.df.n, reference.df.df)


def test_one_checker_at_a_time_and_a_detached_one_pays_the_rest(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """The checker lock on SQLite (a file lock) and PostgreSQL (an advisory lock): while one
    handle holds it another checks nothing and leaves the stories owed; once it is free the
    detached checker (``check_in_background``: a process of its own) checks them and stores the
    reports the library reads back."""
    import time

    from storyline.store.checklock import CheckLock, taken

    with Library(db_url) as lib, Library(db_url) as other:
        lib.add_articles(annotated[:5], nlp=None, embedder=embedder, crosscheck=False)
        owed = set(lib.due())
        assert len(owed) == 2 and all(s.pending for s in lib.stories())
        lock = CheckLock(lib.url, lib.engine)
        assert lock.acquire(0) and taken(other.url, other.engine)
        assert other.check_due(nlp=None, embedder=embedder, wait=0) == 0 and set(other.due()) == owed
        lock.release()
        assert not taken(other.url, other.engine)
        assert other.check_in_background() is not None
        deadline = time.monotonic() + 600
        while other.due() or taken(other.url, other.engine):
            assert time.monotonic() < deadline, "the detached checker did not finish"
            time.sleep(0.2)
        for summary in lib.stories():
            assert not summary.pending and summary.conflicts is not None
            assert lib.stored_report(lib.story(summary.id)) is not None


def test_failed_checks_are_counted_and_given_up(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """On SQLite and PostgreSQL: a story with two tries begun and never settled (checkers killed
    in it) is given up before a third with ``checkfail.STOPPED``, the other is checked; a
    checker whose models cannot load stores its error with each owed story, counting no try;
    ``retry_failed`` owes them again, and a stored check clears the count."""
    from sqlalchemy import update

    from storyline.store import checkfail
    from storyline.store.schema import stories

    with Library(db_url) as lib:
        lib.add_articles(annotated[:5], nlp=None, embedder=embedder, crosscheck=False)
        first, second = lib.due()
        with lib.engine.begin() as conn:
            conn.execute(update(stories).where(stories.c.id == first).values(check_tries=checkfail.MAX_TRIES))
        assert lib.check_due(nlp=None, embedder=embedder) == 1 and lib.due() == []
        assert lib.failed_checks() == [(first, checkfail.STOPPED)]
        by_id = {s.id: s for s in lib.stories()}
        assert by_id[first].check_failed and not by_id[second].check_failed
        assert lib.retry_failed() == 1 and lib.due() == [first]
        lib.note_fault("the models cannot load: OSError: none")  # no try counted: not its fault
        assert lib.due() == [first] and lib.failed_checks() == []
        (noted,) = [s for s in lib.stories() if s.id == first]
        assert noted.pending and noted.check_error == "the models cannot load: OSError: none"
        assert lib.check_due(nlp=None, embedder=embedder) == 1
        (checked,) = [s for s in lib.stories() if s.id == first]
        assert checked.conflicts is not None and checked.check_error is None
        with lib.engine.connect() as conn:
            assert conn.execute(select(stories.c.check_tries).where(stories.c.id == first)).scalar() == 0


def test_a_story_view_stores_its_check_under_the_lock(
    db_url: str, annotated: list[AnnotatedArticle], embedder: Any
) -> None:
    """On SQLite and PostgreSQL: a story page's view of an owed story (``report_for_view``) makes
    the report in memory while another checker holds the library's lock, and once it is free
    checks and stores it as the checker does: the same report, no longer owed."""
    from storyline.store import checklock

    with Library(db_url) as lib:
        lib.add_articles(annotated[:5], nlp=None, embedder=embedder, crosscheck=False)
        owed = lib.due()
        stored = lib.story(owed[0])
        lock = checklock.CheckLock(lib.url, lib.engine)
        assert lock.acquire(0)
        try:
            held = lib.report_for_view(stored, nlp=None, embedder=embedder)
            assert lib.due() == owed and lib.stored_report(stored) is None
        finally:
            lock.release()
        made = lib.report_for_view(stored, nlp=None, embedder=embedder)
        kept = lib.stored_report(lib.story(owed[0]))
        assert lib.due() == owed[1:] and kept is not None
        assert kept.to_dict() == made.to_dict() == held.to_dict()
