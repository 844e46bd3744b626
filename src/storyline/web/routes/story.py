"""The story page: the cross-check of one story's reports, and its JSON twin.

The cross-check is the one stored when the story last changed (``add``, ``watch`` and this app's
adds check every story they change, ``store/reports.py``), so a first view reads it and runs no
model. A story checked by no one yet (an add's checks still owed, a library made before stored
reports, a newer storyline, a Ray add, a check given up) is checked here from the stored
annotations and vectors, as the checker checks, and stored (``Library.report_for_view``: the one
GET that writes, and only what a checker would), so `list`, every process and the next view see
it; while another checker holds the library's lock it is made in memory only. An add elsewhere
that found the lock held by a view started no checker: the background checks (``web/owed.py``)
find its stories at their next look. Either way the report is kept in the app's cache, keyed by
the story's article versions.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from storyline.errors import CheckFailed, NotEnoughReports
from storyline.model import Report
from storyline.store import NotInLibrary, StoredStory
from storyline.stories.development import development
from storyline.web.resources import Resources, report_key
from storyline.web.respond import page, wants_json

router = APIRouter()

STORY_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`{ok, story, development, report, note}`: the story (as `storyline stories "
        "--format json`), its reports by publication day (`{day, gap, gap_label, articles}`, "
        "earliest first, undated last; `gap`: days since the previous day) and its cross-check "
        "(as `storyline compare --format json`; null, with a `note`, while the story has a "
        "single report).",
        "content": {"text/html": {}, "application/json": {}},
    },
    404: {"description": "No story with this id: `{ok: false, status, error, errors}`."},
}


def story_report(resources: Resources, stored: StoredStory) -> Report:
    """The story's cross-check: from memory, else as stored by its last check (no model loads),
    else checked once per set of article versions and stored (``Library.report_for_view``)."""
    key = report_key(stored)
    report = resources.cached_report(key)
    if report is None:
        report = resources.library().stored_report(stored)
        if report is not None:
            resources.remember_report(key, report)
    if report is None:
        with resources.model_lock:
            report = resources.cached_report(key)
            if report is None:
                report = resources.library().report_for_view(
                    stored, nlp=resources.nlp(), embedder=resources.embedder()
                )
                resources.remember_report(key, report)
    return report


def story_data(
    resources: Resources, story_id: str
) -> tuple[dict[str, Any], Report | None, tuple[str, ...]]:
    try:
        stored = resources.library().story(story_id)
    except NotInLibrary as exc:
        raise HTTPException(404, str(exc)) from exc
    report: Report | None = None
    note = None
    if len(stored.articles) < 2:
        note = "This story has a single report so far: add another report of it to cross-check them."
    else:
        try:
            report = story_report(resources, stored)
        except (NotEnoughReports, CheckFailed) as exc:
            note = str(exc)
        except NotInLibrary as exc:  # removed between its read and its check
            raise HTTPException(404, str(exc)) from exc
    data = {
        "story": stored.story.to_dict(),
        "development": [d.to_dict() for d in development(stored.story.articles)],
        "report": report.to_dict() if report else None,
        "note": note,
    }
    return data, report, report_key(stored)


@router.get("/stories/{story_id}", name="story_page", summary="Story", responses=STORY_DOC)
@router.get("/stories/{story_id}.json", name="story_json", summary="Story (JSON)", responses=STORY_DOC)
async def story_page(request: Request, story_id: str) -> Response:
    from storyline.render.report_html import report_context

    resources: Resources = request.app.state.resources
    data, report, key = await resources.pool.run(lambda: story_data(resources, story_id))
    if wants_json(request):
        return page(request, "story.html", data)
    view: dict[str, Any] = {
        "v": await resources.pool.run(lambda: resources.report_view(key, report, report_context))
        if report
        else None,
        "json_url": str(request.url_for("story_json", story_id=story_id)),
    }
    return page(request, "story.html", data, view=view)
