"""The cross-check tests' one way to compare texts: each text a report of its own outlet
("Outlet A", "Outlet B", …), annotated and compared with the session's models."""

from __future__ import annotations

from typing import Any

from storyline.annotation import annotate_many
from storyline.crosscheck import compare
from storyline.model import Article, Finding, Report, content_id


def compare_outlets(nlp: Any, embedder: Any, *texts: str, published: str | None = None) -> Report:
    arts = [
        Article(id=content_id(f"Outlet {i}", t), text=t, source=f"Outlet {chr(65 + i)}", published=published)
        for i, t in enumerate(texts)
    ]
    return compare(list(annotate_many(arts, nlp)), nlp=nlp, embedder=embedder)


def conflicts(report: Report, aspect: str) -> list[Finding]:
    """The conflicts of one aspect a report states or lists to check."""
    return [f for f in (*report.findings, *report.to_check) if f.kind == "conflict" and f.aspect == aspect]
