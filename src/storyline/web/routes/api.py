"""The API page: every endpoint and its JSON twin, drawn from the OpenAPI schema FastAPI builds.

FastAPI's own /docs and /redoc pages load their scripts from a CDN, which an offline laptop cannot
reach, so the app serves the schema at /openapi.json and lays it out here itself.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from storyline.web.respond import page

router = APIRouter()


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per path and method: summary, parameters and the documented answers."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {"name": p["name"], "in": p["in"], "description": p.get("description", "")}
                for p in op.get("parameters", [])
            ]
            body: dict[str, Any] = op.get("requestBody", {}).get("content", {})
            first: dict[str, Any] = next(iter(body.values()), {})
            form: dict[str, Any] = first.get("schema", {})
            responses = [
                {"status": code, "description": r.get("description", "").replace("`", "")}
                for code, r in op.get("responses", {}).items()
                if code != "422"
            ]
            rows.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "params": params, "form": form.get("$ref", "").rsplit("/", 1)[-1], "responses": responses,
            })
    return rows


@router.get("/api", name="api_page", summary="This list of endpoints", include_in_schema=False)
@router.get("/api.json", name="api_json", include_in_schema=False)
def api_page(request: Request) -> Response:
    schema = request.app.openapi()
    data = {"openapi": "/openapi.json", "endpoints": endpoints(schema)}
    return page(request, "api.html", data)
