"""`changes`: what the library gained since a time or since the last look — the stories that got
new reports, and the conflicts those reports brought — on the terminal, as JSON or as an Atom feed."""

from __future__ import annotations

import time
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from storyline.cli.app import app
from storyline.cli.common import dump_json, report_error, write_output
from storyline.cli.library import DbOption, _open

if TYPE_CHECKING:
    from storyline.store import Library
    from storyline.store.whatsnew import NewConflict, StoryNews

ATOM_ENTRIES = 100  # a feed reader needs the latest; the rest it has read already
SHOWN = 50  # stories on the terminal (a first look at a large library); ``--format json`` lists all


class ChangesFormat(StrEnum):
    terminal = "terminal"
    json = "json"
    atom = "atom"


@app.command("changes")
def changes_command(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="WHEN",
            help="A span back from now (1d, 12h, 30m, 2w), a day or time in UTC (2026-12-01,"
            " 2026-12-01T08:00) or 'last', the last look (the default; everything the first time)."
            " The Atom feed's default is its latest 100 conflicts.",
        ),
    ] = None,
    db: DbOption = None,
    fmt: Annotated[
        ChangesFormat,
        typer.Option(
            "--format",
            "-f",
            help="terminal: story by story; json: the same for programs; atom: an Atom 1.0 feed of"
            " the new conflicts for a feed reader.",
        ),
    ] = ChangesFormat.terminal,
    base_url: Annotated[
        str,
        typer.Option("--base-url", metavar="URL", help="The web app's address, for the Atom entries' links."),
    ] = "http://127.0.0.1:8000",
) -> None:
    """What changed: the stories that gained reports since a time, with the outlets of the new
    reports and the conflicts they brought (aspect and summary). A terminal or JSON look is
    remembered in the library as the last look; the Atom feed leaves it where it is."""
    from storyline.store import whatsnew

    if not base_url.lower().startswith(("http://", "https://")):
        report_error("--base-url", f"{base_url!r} is not an http:// or https:// address")
        raise typer.Exit(2)
    now = time.time()
    with _open(db) as lib:
        last = whatsnew.last_look(lib.engine)
        spec = since if since is not None else ("" if fmt is ChangesFormat.atom else "last")
        try:
            start = whatsnew.parse_since(spec, now=now, last_look=last) if spec else 0.0
        except ValueError as exc:
            report_error("--since", str(exc))
            raise typer.Exit(2) from None
        if fmt is ChangesFormat.atom:
            limit = None if spec else ATOM_ENTRIES
            write_output(_atom(lib, whatsnew.new_conflicts(lib.engine, start, limit), base_url), None)
            return
        news = whatsnew.changes_since(lib.engine, start)
        whatsnew.mark_look(lib.engine, now)
    if fmt is ChangesFormat.json:
        body = {"since": whatsnew.iso(start) if start else None, "stories": [n.to_dict() for n in news]}
        write_output(dump_json(body), None)
        return
    first_look = spec == "last" and last is None
    write_output(_terminal(news, start, first_look), None)


def _terminal(news: list[StoryNews], start: float, first_look: bool) -> str:
    from storyline.store.whatsnew import iso, outlets_line

    if first_look or not start:
        when = "in the library" + (" (first look)" if first_look else "")
    else:
        when = f"since {iso(start)[:16].replace('T', ' ')} UTC"
    if not news:
        return f"nothing new {when}"
    n = sum(len(s.conflicts) for s in news)
    lines = [
        f"{len(news)} stor{'y' if len(news) == 1 else 'ies'} changed {when},"
        f" {n} new conflict{'' if n == 1 else 's'}"
    ]
    for s in news[:SHOWN]:
        title = f"\u201c{s.title}\u201d" if s.title else f"story {s.story_id[:12]}"
        k = len(s.outlets)
        gained = "new story" if s.new_story else f"+{k} report{'' if k == 1 else 's'}"
        outlets = f" from {outlets_line(s.outlets)}" if s.outlets else ""
        lines.append(f"{title}  [{s.story_id}]")
        lines.append(f"  {gained}{outlets}, {s.reports} in all")
        for c in s.conflicts:
            lines.append(f"  - {c.aspect or 'conflict'}: {c.summary}")
        if not s.checked:
            lines.append(
                f"  its conflicts are not known yet: `storyline show {s.story_id[:12]}` cross-checks it"
            )
    if len(news) > SHOWN:
        lines.append(f"and {len(news) - SHOWN} more stories (`--format json` lists all)")
    return "\n".join(lines)


def _atom(lib: Library, found: list[NewConflict], base_url: str) -> str:
    from storyline.model import content_id
    from storyline.render.conflicts_atom import conflicts_feed

    base = base_url.rstrip("/")
    feed = conflicts_feed(
        found,
        feed_id=content_id(lib.url),
        self_url=f"{base}/feeds/conflicts.atom",
        story_url=lambda story: f"{base}/stories/{story}",
    )
    return feed.decode("utf-8").rstrip("\n")
