"""The library page: stories newest first, searchable by words and names, filterable by date and source."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from storyline.model import Story
from storyline.web.resources import Resources
from storyline.web.respond import page

router = APIRouter()

LIBRARY_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Stories newest first: `{ok, stories: [{id, title, first, last, sources, "
        "outlets, articles, conflicts}], total, query, next}`; HTML unless JSON is asked for.",
        "content": {"text/html": {}, "application/json": {}},
    }
}


def summary(story: Story, conflicts: int | None) -> dict[str, Any]:
    """What one library row shows; ``conflicts`` is None until the story's cross-check has run."""
    outlets = list(dict.fromkeys(a.source or "unknown" for a in story.articles))
    return {
        **story.to_dict(),
        "sources": outlets,
        "outlets": len(outlets),
        "articles": len(story.articles),
        "conflicts": conflicts,
    }


def _day(value: str | None) -> str | None:
    """An ISO day from a form field, or None; a bad value is ignored rather than an error page."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def library_data(
    resources: Resources, *, q: str, source: str, since: str, until: str, offset: int
) -> dict[str, Any]:
    lib = resources.library()
    limit = resources.settings.page_size
    query = {
        "q": q.strip(), "source": source.strip(), "since": _day(since), "until": _day(until), "offset": offset
    }
    stories = lib.stories(
        query=query["q"] or None,
        since=query["since"],
        until=query["until"],
        source=query["source"] or None,
        limit=limit + 1,
        offset=offset,
    )
    more = len(stories) > limit
    rows = [summary(s, conflict_count(resources, s)) for s in stories[:limit]]
    return {"stories": rows, "query": query, "more": more, "sources": all_sources(lib)}


def conflict_count(resources: Resources, story: Story) -> int | None:
    """Conflicts of a story from the library's stored count, else from a report already computed."""
    lib = resources.library()
    counter = getattr(lib, "conflict_count", None)
    if counter is not None:
        count = counter(story.id)
        if count is not None:
            return int(count)
    report = resources.cached_report(report_key(story))
    if report is None:
        return None
    return sum(1 for f in report.findings if f.kind == "conflict")


def report_key(story: Story) -> tuple[str, ...]:
    return (story.id, *sorted(a.id for a in story.articles))


def all_sources(lib: Any) -> list[str]:
    lister = getattr(lib, "sources", None)
    return sorted(str(s) for s in lister()) if lister is not None else []


@router.get("/", name="library_page", summary="Library", responses=LIBRARY_DOC)
@router.get("/index.json", name="library_json", summary="Library (JSON)", responses=LIBRARY_DOC)
def library_page(
    request: Request,
    q: Annotated[str, Query(description="words or names to search for")] = "",
    source: Annotated[str, Query(description="only stories this outlet reported")] = "",
    since: Annotated[str, Query(description="first day, YYYY-MM-DD")] = "",
    until: Annotated[str, Query(description="last day, YYYY-MM-DD")] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    resources: Resources = request.app.state.resources
    data = library_data(resources, q=q, source=source, since=since, until=until, offset=offset)
    limit = resources.settings.page_size
    params = {k: v for k, v in data["query"].items() if v and k != "offset"}
    base = str(request.url_for("library_page"))
    nxt = _url(base, params, offset + limit) if data.pop("more") else None
    prev = _url(base, params, max(offset - limit, 0)) if offset else None
    data["next"] = nxt
    view = {
        "all_sources": data["sources"],
        "max_outlets": max([r["outlets"] for r in data["stories"]] + [1]),
        "next_url": nxt,
        "prev_url": prev,
        "json_url": _url(str(request.url_for("library_json")), params, offset),
    }
    return page(request, "library.html", data, view=view)


def _url(base: str, params: dict[str, Any], offset: int) -> str:
    from urllib.parse import urlencode

    full = {**params, **({"offset": offset} if offset else {})}
    return f"{base}?{urlencode(full)}" if full else base
