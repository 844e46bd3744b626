"""The story page: the cross-check of one story's reports, and its JSON twin."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from storyline.errors import NotEnoughReports
from storyline.model import Report, Story
from storyline.web.resources import Resources
from storyline.web.respond import page
from storyline.web.routes.library import report_key
from storyline.web.story_view import story_view

router = APIRouter()

STORY_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`{ok, story, report}`: the story (as `storyline stories --format json`) and "
        "its cross-check (as `storyline compare --format json`; null with a `note` when the story "
        "has a single report).",
        "content": {"text/html": {}, "application/json": {}},
    },
    404: {"description": "No story with this id: `{ok: false, status, error, errors}`."},
}


def story_report(resources: Resources, story: Story) -> Report:
    """The story's cross-check, computed once per set of articles and then served from memory."""
    key = report_key(story)
    report = resources.cached_report(key)
    if report is None:
        with resources.model_lock:
            report = resources.cached_report(key)
            if report is None:
                report = resources.library().report(
                    story.id, nlp=resources.nlp(), embedder=resources.embedder()
                )
                resources.remember_report(key, report)
    return report


def story_data(resources: Resources, story_id: str) -> tuple[dict[str, Any], Report | None]:
    story = resources.library().story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r} in this library")
    try:
        report: Report | None = story_report(resources, story)
    except NotEnoughReports:
        report = None
    data: dict[str, Any] = {"story": story.to_dict(), "report": report.to_dict() if report else None}
    if report is None:
        data["note"] = "This story has a single report so far: add another report of it to cross-check."
    return data, report


@router.get("/stories/{story_id}", name="story_page", summary="Story", responses=STORY_DOC)
@router.get("/stories/{story_id}.json", name="story_json", summary="Story (JSON)", responses=STORY_DOC)
def story_page(request: Request, story_id: str) -> Response:
    resources: Resources = request.app.state.resources
    data, report = story_data(resources, story_id)
    view: dict[str, Any] = {
        "view": story_view(report) if report else None,
        "report_obj": report,
        "json_url": str(request.url_for("story_json", story_id=story_id)),
    }
    view.setdefault("note", data.get("note", ""))
    return page(request, "story.html", data, view=view)
