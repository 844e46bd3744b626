"""What's new: the stories that gained reports since a time and the conflicts those reports
brought (the page), and the same conflicts as an Atom feed for a feed reader.

Both only read. The CLI's last look (``storyline changes``) can be asked for with ``since=last``
but is never moved from here: a GET changes nothing.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from storyline.model import content_id
from storyline.store import whatsnew
from storyline.web.resources import Resources
from storyline.web.respond import page

router = APIRouter()

DEFAULT_SINCE = "7d"
FEED_ENTRIES = 100  # the latest conflicts; a reader keeps the ones it has seen
SHOWN = 100  # stories on the HTML page; its JSON twin lists all

WHATSNEW_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Stories that gained reports since `since`, those with new conflicts first: "
        "`{ok, since, stories: [{story, title, new_story, new_reports, outlets, reports, checked, "
        "new_conflicts: [{id, story, aspect, summary, statements: [{article, outlet, text}], arrived}]}]}`; "
        "`since` is null for everything. HTML unless JSON is asked for.",
        "content": {"text/html": {}, "application/json": {}},
    },
    400: {"description": "`since` is not a span, a day or `last`."},
}
FEED_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An Atom 1.0 feed of new conflicts, newest first: one entry per conflict with a "
        "stable id, the filing time of its newest report, the story and aspect as title, the statements "
        "and their outlets as summary, and a link to the story page.",
        "content": {"application/atom+xml": {}},
    },
    400: {"description": "`since` is not a span, a day or `last`."},
}
SinceQuery = Annotated[str, Query(description="1d, 12h, 30m, 2w, a day (2026-12-01) or `last`")]


def _since(resources: Resources, spec: str) -> float:
    engine = resources.library().engine
    try:
        return whatsnew.parse_since(spec, now=time.time(), last_look=whatsnew.last_look(engine))
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


def whatsnew_data(resources: Resources, since: float) -> dict[str, Any]:
    news = whatsnew.changes_since(resources.library().engine, since)
    return {"since": whatsnew.iso(since) if since else None, "stories": [n.to_dict() for n in news]}


@router.get("/whats-new", name="whatsnew_page", summary="What's new", responses=WHATSNEW_DOC)
@router.get("/whats-new.json", name="whatsnew_json", summary="What's new (JSON)", responses=WHATSNEW_DOC)
def whatsnew_page(request: Request, since: SinceQuery = DEFAULT_SINCE) -> Response:
    resources: Resources = request.app.state.resources
    data = whatsnew_data(resources, _since(resources, since))
    json_url = request.url_for("whatsnew_json").include_query_params(since=since)
    view = {
        "asked": since,
        "spans": ["1d", "7d", "30d", "last"],
        "shown": SHOWN,
        "json_url": str(json_url),
        "feed_url": str(request.url_for("conflicts_feed")),
    }
    return page(request, "whatsnew.html", data, view=view)


@router.get(
    "/feeds/conflicts.atom", name="conflicts_feed", summary="New conflicts (Atom)", responses=FEED_DOC
)
def conflicts_feed(request: Request, since: SinceQuery = "") -> Response:
    from storyline.render.conflicts_atom import conflicts_feed as atom

    resources: Resources = request.app.state.resources
    lib = resources.library()
    start = _since(resources, since) if since else 0.0
    found = whatsnew.new_conflicts(lib.engine, start, None if since else FEED_ENTRIES)
    story = str(request.url_for("story_page", story_id="_"))[:-1]
    body = atom(
        found,
        feed_id=content_id(lib.url),
        self_url=str(request.url),
        story_url=lambda story_id: f"{story}{story_id}",
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")
