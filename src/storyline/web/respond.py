"""One computed page, two renderings: HTML from a template, or its JSON twin.

A request wants JSON when its path ends in ``.json`` or its ``Accept`` header prefers
``application/json`` over HTML (datasette's ``.json`` twins). Every error, in either form, has one
shape: ``{ok: false, status, error, errors}``.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates


def make_templates() -> Jinja2Templates:
    """Templates with autoescape forced on for every file: article text is hostile input.

    The report renderer's templates sit behind ours, so pages include its macros
    (``report_macros.html.j2``) with the helper globals they expect.
    """
    from storyline.render.report_html import environment as report_environment

    folder = resources.files("storyline.web") / "templates"
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(str(folder)), jinja2.PackageLoader("storyline.render", "templates")]
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # packaged templates do not change under a running server
    )
    env.globals.update(report_environment().globals)
    return Jinja2Templates(env=env)


def wants_json(request: Request) -> bool:
    """True for a ``.json`` path or an Accept header that ranks JSON above HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    if "application/json" not in accept:
        return False
    if "text/html" not in accept:
        return True
    return accept.index("application/json") < accept.index("text/html")


def error_body(status: int, error: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"ok": False, "status": status, "error": error, "errors": errors or []}


def page(
    request: Request,
    template: str,
    data: dict[str, Any],
    *,
    view: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    """Answer with ``data`` as JSON, or render ``template`` with ``data`` plus the HTML-only ``view``."""
    if wants_json(request):
        return JSONResponse({"ok": True, **data}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    context = {**data, **(view or {})}
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(
    request: Request, status: int, error: str, errors: list[dict[str, Any]] | None = None
) -> Response:
    """The one error answer: JSON ``error_body`` or the HTML error page with the same fields."""
    body = error_body(status, error, errors)
    if wants_json(request):
        return JSONResponse(body, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", body, status_code=status)
