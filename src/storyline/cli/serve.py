"""`storyline serve`: the local web app over a story library."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.app import app
from storyline.cli.common import report_error


@app.command("serve")
def serve_command(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="STORYLINE_DB",
            metavar="PATH|URL",
            help="Library: a SQLite file or a database URL (default ./storyline.db).",
        ),
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; keep 127.0.0.1 unless you mean to share it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_fetch: Annotated[
        bool,
        typer.Option("--allow-fetch", help="Let the add page fetch web addresses (never private ones)."),
    ] = False,
    max_upload_mb: Annotated[
        float, typer.Option("--max-upload-mb", min=0.001, help="Largest request body, in megabytes.")
    ] = 20.0,
) -> None:
    """Browse stories, add reports and cross-check them in a web browser."""
    from storyline.cli.library import refuse_missing_library
    from storyline.extras import require

    require("web", "storyline serve")
    refuse_missing_library(db)
    import uvicorn

    from storyline.web import create_app, settings_from_flags

    settings = settings_from_flags(db=db, max_upload_mb=max_upload_mb, allow_fetch=allow_fetch)
    if host not in ("127.0.0.1", "localhost", "::1"):
        report_error("--host", f"listening on {host}: anyone who can reach this address can use the app")
    try:
        uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    except OSError as exc:
        report_error(f"{host}:{port}", f"cannot listen ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
