"""The sources page: the feeds, sitemaps and OPML lists `storyline watch` follows, read-only.

Following and unfollowing stay in the CLI (`storyline sources add|remove`): the web app never
fetches an address a visitor names beyond the add form's guarded fetch, and GETs never write.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from storyline.store import watchlist
from storyline.web.resources import Resources
from storyline.web.respond import page

router = APIRouter()

SOURCES_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Followed sources in the order they were added: `{ok, sources: [{url, kind, "
        "name, parent, checked, entries}]}`; `checked` is an ISO time (UTC) or null when never read; "
        "HTML unless JSON is asked for.",
        "content": {"text/html": {}, "application/json": {}},
    }
}


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat(timespec="seconds") if stamp else None


def sources_data(resources: Resources) -> dict[str, Any]:
    engine = resources.library().engine
    seen = watchlist.entries_seen(engine)
    rows = [
        {
            "url": s.url,
            "kind": s.kind,
            "name": s.title,
            "parent": s.parent,
            "checked": _iso(s.checked),
            "entries": seen.get(s.url, 0),
        }
        for s in watchlist.followed(engine)
    ]
    return {"sources": rows}


@router.get("/sources", name="sources_page", summary="Followed sources", responses=SOURCES_DOC)
@router.get("/sources.json", name="sources_json", summary="Followed sources (JSON)", responses=SOURCES_DOC)
def sources_page(request: Request) -> Response:
    resources: Resources = request.app.state.resources
    view = {"json_url": str(request.url_for("sources_json"))}
    return page(request, "sources.html", sources_data(resources), view=view)
