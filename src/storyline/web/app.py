"""The app factory: ``create_app(settings)`` wires routes, templates, static files and error pages.

Nothing loads at import. Models load once per app, on first use (``Resources``); tests hand in
models they already hold. Every error, HTML or JSON, goes through ``respond.error_page``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources as pkg_resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline.errors import LibraryError, NotEnoughReports, StorylineError, UnreadableInput
from storyline.web.guard import RequestGuard
from storyline.web.limits import UploadLimit
from storyline.web.resources import Resources
from storyline.web.respond import error_page, make_templates
from storyline.web.routes import add, api, compare, library, sources, story, whatsnew
from storyline.web.settings import WebSettings

DESCRIPTION = """Browse stories, add reports and cross-check them.

Every page has a JSON twin: add `.json` to its path (`/index.json`, `/stories/{id}.json`,
`/jobs/{id}.json`) or send `Accept: application/json`. Errors are `{ok: false, status, error, errors}`.

Only the host names the server was started for are answered (else 400). A POST whose `Origin`,
`Referer` or `Sec-Fetch-Site` names another site is refused (403); a program that sends none of
them, such as curl, needs no token.
"""


# Scripts only from this server and no inline script: a missed escape still could not run code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(settings: WebSettings | None = None, *, nlp: Any = None, embedder: Any = None) -> FastAPI:
    """A storyline web app over the library at ``settings.db_url``."""
    settings = settings or WebSettings()
    res = Resources(settings, nlp=nlp, embedder=embedder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.check_owed:
            res.owed.start()
        yield
        res.close()

    # No /docs or /redoc: they load Swagger UI and ReDoc from a CDN. /api lays the schema out offline.
    app = FastAPI(
        title="storyline", description=DESCRIPTION, version=_version(), lifespan=lifespan,
        docs_url=None, redoc_url=None,
    )
    app.state.resources = res
    app.state.templates = make_templates()
    static = pkg_resources.files("storyline.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for module in (library, story, add, compare, whatsnew, sources, api):
        app.include_router(module.router)
    _report_assets(app)
    app.state.templates.env.globals["links"] = _links(app)
    _error_handlers(app)
    app.add_middleware(UploadLimit, limit=settings.max_upload_bytes)
    app.add_middleware(RequestGuard, allowed_hosts=settings.allowed_hosts)  # runs before UploadLimit

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin: other sites learn nothing, and our own form posts carry their Origin (guard.py)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app


def _links(app: FastAPI) -> dict[str, str]:
    """Every link the templates use, as paths worked out once: a url_for per link per request
    costs more than the rest of a page, since Starlette's reverse lookup walks every route."""
    path = app.url_path_for
    return {
        "library": path("library_page"),
        "add": path("add_form"),
        "add_submit": path("add_submit"),
        "add_submit_json": path("add_submit_json"),
        "compare": path("compare_form"),
        "compare_submit": path("compare_submit"),
        "compare_submit_json": path("compare_submit_json"),
        "story": path("story_page", story_id="_")[:-1],
        "report_css": path("report_asset", name="report.css"),
        "report_js": path("report_asset", name="report.js"),
        "style_css": path("static", path="/style.css"),
        "app_js": path("static", path="/app.js"),
        "api": path("api_page"),
        "sources": path("sources_page"),
        "whatsnew": path("whatsnew_page"),
    }


REPORT_ASSETS = {"report.css": "text/css", "report.js": "text/javascript"}


def _report_assets(app: FastAPI) -> None:
    """Serve the report renderer's stylesheet and script, so pages share its look and highlighting."""
    folder = pkg_resources.files("storyline.render") / "templates"
    cache = {name: (folder / name).read_bytes() for name in REPORT_ASSETS}

    @app.get("/assets/{name}", name="report_asset", include_in_schema=False)
    def report_asset(name: str) -> Response:
        if name not in cache:
            raise StarletteHTTPException(404, f"no asset {name!r}")
        headers = {"Cache-Control": "max-age=3600"}
        return Response(cache[name], media_type=REPORT_ASSETS[name], headers=headers)


def _version() -> str:
    from storyline import __version__

    return __version__


def _status_of(exc: StorylineError) -> int:
    if isinstance(exc, UnreadableInput | NotEnoughReports):
        return 400
    if isinstance(exc, LibraryError):
        return 503
    return 500


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = error_page(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # Retry-After of a busy compare
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": ".".join(str(p) for p in e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()
        ]
        return error_page(request, 422, "the request is not valid: see errors", errors)

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        return error_page(request, _status_of(exc), str(exc))
