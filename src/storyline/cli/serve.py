"""`storyline serve`: the local web app over a story library."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli.app import app
from storyline.cli.common import report_error

GRACE_S = 2  # SIGTERM: requests still running after this are cancelled, then the adds are stopped


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
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer to this host name (repeat for several); by default only the --host "
            "address, and localhost names on loopback. Other Host headers get 400.",
        ),
    ] = None,
    no_background_checks: Annotated[
        bool,
        typer.Option(
            "--no-background-checks",
            help="Leave the cross-checks another process left owed (add --no-check) to each "
            "story's first view instead of paying them in the background.",
        ),
    ] = False,
) -> None:
    """Browse stories, add reports and cross-check them in a web browser.

    SIGTERM or Ctrl-C stops it within a few seconds: a running add stops after the article it is
    filing (run it again to add the rest) and a running compare is abandoned."""
    from storyline.cli.library import refuse_missing_library
    from storyline.extras import require

    require("web", "storyline serve")
    import uvicorn

    from storyline.web import create_app, settings_from_flags

    try:
        settings = settings_from_flags(
            db=db, max_upload_mb=max_upload_mb, allow_fetch=allow_fetch, host=host,
            allow_hosts=allow_host or (), check_owed=not no_background_checks,
        )
    except ValueError as exc:
        report_error("--allow-host", str(exc))
        raise typer.Exit(2) from None
    refuse_missing_library(db)  # after the flags: a mistyped flag is named first
    if host not in ("127.0.0.1", "localhost", "::1"):
        report_error("--host", f"listening on {host}: anyone who can reach this address can use the app")
        if host in ("0.0.0.0", "::") and not allow_host:
            report_error("--allow-host", "give the names other machines use to reach it, or they get 400")
    try:
        uvicorn.run(
            create_app(settings), host=host, port=port, log_level="warning",
            timeout_graceful_shutdown=GRACE_S,
        )
    except OSError as exc:
        report_error(f"{host}:{port}", f"cannot listen ({exc.strerror or exc})")
        raise typer.Exit(1) from exc
