"""The compare page: paste or upload 2 to 50 reports and read their cross-check; nothing is stored.

A compare holds the models while it runs, so it is bounded twice: at most ``MAX_REPORTS``
reports (reading stops at the first one past it), and a compare that cannot get the models within
``WebSettings.compare_wait_s`` (another compare, an add's batch or a story page holds them) is
answered 503 with Retry-After rather than waiting behind a queue of others.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from storyline.errors import NotEnoughReports, UnreadableInput
from storyline.model import Article, Report
from storyline.web.inputs import gather, read_inputs
from storyline.web.resources import Resources
from storyline.web.respond import error_body, page, wants_json
from storyline.web.routes.add import FORM_DOC, form_data

router = APIRouter()

COMPARE_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`{ok, report, errors}`: the cross-check as `storyline compare --format json`, "
        "and `errors: [{name, error}]` for inputs that could not be read.",
        "content": {"text/html": {}, "application/json": {}},
    },
    400: {"description": "Under 2 readable reports or over 50: `{ok: false, status, error, errors}`."},
    413: {"description": "The request body is larger than --max-upload-mb."},
    503: {"description": "The models stayed busy (another compare): try again after Retry-After s."},
}
MAX_REPORTS = 50  # the README's 2-50; a larger set is a story for the library, cross-checked once


def _form_view(resources: Resources, texts: list[str], outlets: list[str] | None = None) -> dict[str, Any]:
    """The form again, holding what the user typed when it comes back with an error."""
    boxes = list(texts) + [""] * max(0, 2 - len(texts))
    names = list(outlets or []) + [""] * max(0, len(boxes) - len(outlets or []))
    return {
        "boxes": list(zip(boxes, names, strict=False)),
        "max_upload_mb": f"{resources.settings.max_upload_bytes / 2**20:g}",
    }


@router.get("/compare", name="compare_form", summary="Compare form", responses=FORM_DOC)
@router.get("/compare.json", name="compare_form_json", summary="Compare form (JSON)", responses=FORM_DOC)
def compare_form(request: Request) -> Response:
    resources: Resources = request.app.state.resources
    view = {**_form_view(resources, []), "errors": [], "v": None}
    return page(request, "compare.html", form_data(resources, urls=False), view=view)


def read_reports(
    texts: list[str], files: list[tuple[str, bytes]], outlets: list[str]
) -> tuple[list[Article], list[dict[str, str]]]:
    """The readable reports (reading stops at ``MAX_REPORTS`` + 1), and ``{name, error}`` for each
    input that could not be read."""
    errors: list[dict[str, str]] = []
    articles: list[Article] = []
    raw = gather(texts, files, (), outlets)
    for o in read_inputs(raw, source_name=None, allow_fetch=False, max_fetch_bytes=0):
        if o.article is None:
            errors.append({"name": o.name, "error": o.error or "unreadable"})
        else:
            articles.append(o.article)
            if len(articles) > MAX_REPORTS:
                break
    return articles, errors


def cross_check(resources: Resources, articles: list[Article], errors: list[dict[str, str]]) -> Report:
    """The cross-check, models shared with the rest of the app; late read errors join ``errors``.
    Raises a 503 when the models stay busy for ``compare_wait_s``."""
    from storyline.crosscheck import compare

    def on_error(exc: UnreadableInput) -> None:
        errors.append({"name": exc.path, "error": exc.reason})

    wait = resources.settings.compare_wait_s
    if not resources.model_lock.acquire(timeout=wait):
        raise HTTPException(
            503, f"the server stayed busy cross-checking other reports for {wait:g} s: try again later",
            headers={"Retry-After": str(max(1, round(wait)))},
        )
    try:
        return compare(articles, nlp=resources.nlp(), embedder=resources.embedder(), on_error=on_error)
    finally:
        resources.model_lock.release()


@router.post("/compare", name="compare_submit", summary="Compare reports", responses=COMPARE_DOC)
@router.post("/compare.json", name="compare_submit_json", summary="Compare reports (JSON)",
             responses=COMPARE_DOC)
async def compare_submit(
    request: Request,
    text: Annotated[list[str], Form(description="pasted reports, one per field")] = [],  # noqa: B006
    outlet: Annotated[list[str], Form(description="outlet of each pasted report, in order")] = [],  # noqa: B006
    files: Annotated[list[UploadFile], File(description="txt, html, json or jsonl files")] = [],  # noqa: B006
) -> Response:
    resources: Resources = request.app.state.resources
    given = sum(1 for t in text if t.strip()) + len(files)
    if given > MAX_REPORTS:  # refused before anything is read
        return _refused(request, resources, [], [], given, [], _too_many(f"{given} were given"))
    uploads = [(f.filename or "", await f.read()) for f in files]
    articles, errors = await resources.pool.run(lambda: read_reports(text, uploads, outlet))
    if len(articles) > MAX_REPORTS:  # a JSON Lines file holds many
        too_many = _too_many("the files hold more")
        return _refused(request, resources, [], [], len(articles), errors, too_many)
    if len(articles) < 2:
        return _refused(request, resources, text, outlet, len(articles), errors)
    try:
        report = await resources.pool.run(lambda: cross_check(resources, articles, errors))
    except NotEnoughReports as exc:
        return _refused(request, resources, text, outlet, len(articles), errors, str(exc))
    from storyline.render.report_html import report_context

    view = {**_form_view(resources, []), "errors": errors, "v": report_context(report)}
    return page(request, "compare.html", {"report": report.to_dict(), "errors": errors}, view=view)


def _too_many(why: str) -> str:
    return (
        f"compare takes 2 to {MAX_REPORTS} reports and {why}: compare fewer at a time, "
        "or add them to the library, which groups them into stories"
    )


def _refused(
    request: Request, resources: Resources, texts: list[str], outlets: list[str], n: int,
    errors: list[dict[str, str]], message: str | None = None,
) -> Response:
    """The form again with a 400: too few readable reports, or ``message``."""
    msg = message or f"compare needs two readable reports; {n} could be read"
    if wants_json(request):
        return JSONResponse(error_body(400, msg, errors), status_code=400)
    shown = [{"name": "compare", "error": msg}, *errors]
    view = {**_form_view(resources, texts, outlets), "errors": shown, "v": None}
    return page(request, "compare.html", {}, view=view, status=400)
