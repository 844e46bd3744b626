"""Request-body size limit as pure ASGI middleware.

Starlette's form parser spools uploads to disk but never stops reading, so the limit is enforced
on the raw body: a declared ``Content-Length`` over the limit is refused before anything is read,
and a chunked body is counted as it streams.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    """Raised inside ``receive`` when a streamed body passes the limit. An HTTPException, so that
    FastAPI's body parser passes it on as a 413 instead of a generic parse error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_message(limit))


def too_large_message(limit: int) -> str:
    mb = limit / (1024 * 1024)
    return (
        f"the upload is larger than the limit of {mb:g} MB; send fewer or smaller files, "
        "or start the server with a larger --max-upload-mb"
    )


class UploadLimit:
    """Answers 413 with the project's error shape when a request body passes ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = too_large_message(self.limit)
        if _wants_html(scope):
            from markupsafe import escape

            body = (
                "<!doctype html><meta charset=utf-8><title>Upload too large</title>"
                f"<p role=alert>{escape(message)}</p><p><a href=/add>Back to the add page</a></p>"
            ).encode()
            ctype = b"text/html; charset=utf-8"
        else:
            payload: dict[str, Any] = {"ok": False, "status": 413, "error": message, "errors": []}
            body = json.dumps(payload).encode()
            ctype = b"application/json"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _wants_html(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    if path.endswith(".json"):
        return False
    for key, value in scope.get("headers", []):
        if key == b"accept":
            return b"text/html" in value
    return False
