"""The library page: stories newest first, searchable by words and names, filterable by date and source."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from storyline.store import StorySummary
from storyline.web.outlets import all_outlets, outlets_by_story
from storyline.web.resources import Resources
from storyline.web.respond import page

router = APIRouter()

LIBRARY_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Stories newest first: `{ok, stories: [{id, title, first, last, sources, "
        "outlets, articles, conflicts, pending, check_failed}], total, query, next}`; HTML unless "
        "JSON is asked for.",
        "content": {"text/html": {}, "application/json": {}},
    }
}


def summary(story: StorySummary, outlets: list[str]) -> dict[str, Any]:
    """What one library row shows; ``conflicts`` is None until the story has been cross-checked,
    ``pending`` while its check is owed (a detached checker or the server's is paying it),
    ``check_failed`` once it was given up (``store.checkfail``: its first view tries again)."""
    return {
        "id": story.id,
        "title": story.title,
        "first": story.first,
        "last": story.last,
        "articles": story.articles,
        "outlets": story.sources,
        "sources": outlets,
        "conflicts": story.conflicts,
        "pending": story.pending,
        "check_failed": story.check_failed,
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
    query: dict[str, Any] = {
        "q": q.strip(), "source": source.strip(), "since": _day(since), "until": _day(until), "offset": offset
    }
    filters: dict[str, str | None] = {
        "query": query["q"] or None,
        "since": query["since"],
        "until": query["until"],
        "source": query["source"] or None,
    }
    stories = lib.stories(**filters, limit=limit, offset=offset)
    total = lib.count_stories(**filters)
    names = outlets_by_story(lib, [s.id for s in stories])
    rows = [summary(s, names.get(s.id, [])) for s in stories]
    return {"stories": rows, "total": total, "query": query, "sources": resources.outlets(all_outlets)}


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
    nxt = _url(base, params, offset + limit) if offset + limit < data["total"] else None
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
