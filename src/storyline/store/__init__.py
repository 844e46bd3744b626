"""The story library: SQLite by default (WAL, busy timeout), PostgreSQL by URL (psycopg 3).

    from storyline.store import Library
    with Library("storyline.db") as lib:
        lib.add_articles(articles, nlp=nlp, embedder=embedder)

Tables and migrations: ``schema``; AnnotatedArticle ⇄ JSON: ``codec``; filing one article in one
transaction: ``filing``; model work before filing: ``prepare``.
"""

from __future__ import annotations

from storyline.store.library import Library, NotInLibrary
from storyline.store.records import AddResult, StoredStory, StorySummary

__all__ = ["AddResult", "Library", "NotInLibrary", "StoredStory", "StorySummary"]
