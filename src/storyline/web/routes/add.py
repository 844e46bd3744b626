"""The add page: pasted text, uploaded files and (with --allow-fetch) addresses into the library.

An add is a background job (``storyline.web.jobs``): the form answers at once with a page that
shows progress and, when done, where each input landed or why it could not be added.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from storyline.web.inputs import RawInput, ReadOutcome, gather, read_inputs
from storyline.web.jobs import FileOutcome, JobState, Progress, Work
from storyline.web.landing import Landed, add_to_library
from storyline.web.resources import Resources
from storyline.web.respond import page, wants_json

router = APIRouter()

ADD_DOC: dict[int | str, dict[str, Any]] = {
    202: {"description": "The add job started: `{ok, job: {id, status, ...}, url}`; poll `url`."},
    303: {"description": "HTML form posts are redirected to the job page."},
    413: {"description": "The request body is larger than --max-upload-mb."},
}
JOB_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`{ok, job: {id, status: queued|running|done|failed, stage, done, total, "
        "percent, files: [{name, article_id, title, source, story_id, story_title, error}], error, "
        "checked}}`; `checked`: stories this add cross-checked (0 when a later queued add does it, "
        "once for the whole queue)",
        "content": {"text/html": {}, "application/json": {}},
    },
    404: {"description": "No such job (jobs are kept in memory while the server runs)."},
}


FORM_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The form, or as JSON what it accepts: `{ok, fields, max_upload_bytes, allow_fetch}`.",
        "content": {"text/html": {}, "application/json": {}},
    }
}


def form_data(resources: Resources, *, urls: bool) -> dict[str, Any]:
    """What the add and compare forms accept, for their JSON twins."""
    fields = {
        "text": "a pasted report (repeat the field for several)",
        "outlet": "the outlet of each pasted report, in the same order (optional)",
        "files": "txt, html, json or jsonl files (repeat for several)",
    }
    if urls:
        fields["urls"] = "web addresses, one per line (only with --allow-fetch; never private ones)"
        fields["source"] = "outlet of the files when a page does not say (optional)"
    return {
        "fields": fields,
        "max_upload_bytes": resources.settings.max_upload_bytes,
        "allow_fetch": resources.settings.allow_fetch,
    }


@router.get("/add", name="add_form", summary="Add form", responses=FORM_DOC)
@router.get("/add.json", name="add_form_json", summary="Add form (JSON)", responses=FORM_DOC)
def add_form(request: Request) -> Response:
    resources: Resources = request.app.state.resources
    view = {
        "allow_fetch": resources.settings.allow_fetch,
        "max_upload_mb": f"{resources.settings.max_upload_bytes / 2**20:g}",
    }
    return page(request, "add.html", form_data(resources, urls=True), view=view)


async def _files(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    return [(f.filename or "", await f.read()) for f in files]


def add_work(resources: Resources, raw: list[RawInput], source: str) -> Work:
    """The job: read every input, then add the readable ones in batches, reporting progress."""

    def work(progress: Progress) -> tuple[FileOutcome, ...]:
        settings = resources.settings
        outcomes: list[ReadOutcome] = []
        for i, item in enumerate(raw, start=1):
            outcomes.extend(
                read_inputs([item], source_name=source, allow_fetch=settings.allow_fetch,
                            max_fetch_bytes=settings.max_fetch_bytes)
            )
            progress.update(stage="reading", done=i)
        articles = [o.article for o in outcomes if o.article is not None]
        total = len(articles)
        progress.update(stage="annotating and grouping into stories", done=0, total=total)

        def on_filed(n: int) -> None:
            progress.update(done=n)

        landed = add_to_library(resources, articles, on_filed, progress)
        return tuple(_outcome(o, landed) for o in outcomes)

    return work


def _outcome(o: ReadOutcome, landed: Landed) -> FileOutcome:
    if o.article is None:
        return FileOutcome(o.name, error=o.error)
    story_id, story_title, status = landed.get(o.article.id, (None, None, "not filed"))
    art = o.article
    return FileOutcome(o.name, art.id, art.title, art.source, story_id, story_title, status=status)


@router.post("/add", name="add_submit", summary="Add reports", status_code=202, responses=ADD_DOC)
@router.post("/add.json", name="add_submit_json", summary="Add reports (JSON)", status_code=202,
             responses=ADD_DOC)
async def add_submit(
    request: Request,
    text: Annotated[list[str], Form(description="pasted reports, one per field")] = [],  # noqa: B006
    outlet: Annotated[list[str], Form(description="outlet of each pasted report, in order")] = [],  # noqa: B006
    files: Annotated[list[UploadFile], File(description="txt, html, json or jsonl files")] = [],  # noqa: B006
    urls: Annotated[str, Form(description="web addresses, one per line (needs --allow-fetch)")] = "",
    source: Annotated[str, Form(description="outlet name when a page does not say")] = "",
) -> Response:
    resources: Resources = request.app.state.resources
    raw = gather(text, await _files(files), urls.splitlines(), outlet)
    if not raw:
        raise HTTPException(400, "nothing to add: paste a report or choose files")
    if any(r.url for r in raw) and not resources.settings.allow_fetch:
        raise HTTPException(400, "fetching web addresses is off: start the server with --allow-fetch")
    job = resources.jobs.submit(add_work(resources, raw, source.strip()), total=len(raw))
    url = str(request.url_for("job_page", job_id=job.id))
    if wants_json(request):
        return JSONResponse({"ok": True, "job": job.to_dict(), "url": url + ".json"}, status_code=202)
    return RedirectResponse(url, status_code=303)


def _job(resources: Resources, job_id: str) -> JobState:
    job = resources.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no add job {job_id!r}: jobs are forgotten when the server restarts")
    return job


@router.get("/jobs/{job_id}", name="job_page", summary="Add job", responses=JOB_DOC)
@router.get("/jobs/{job_id}.json", name="job_json", summary="Add job (JSON)", responses=JOB_DOC)
def job_page(request: Request, job_id: str) -> Response:
    job = _job(request.app.state.resources, job_id)
    data: dict[str, Any] = {"job": job.to_dict()}
    view = {"job": job, "json_url": str(request.url_for("job_json", job_id=job_id))}
    return page(request, "job.html", data, view=view)
