"""Optional parts of storyline and the pip extra each comes from.

The core install reads, annotates, compares, groups stories and keeps a SQLite library. Ray
(``--engine ray``), the PostgreSQL driver and the web app are extras, so a laptop install stays
small; a feature that needs a missing one stops with a single line naming the extra to install.
"""

from __future__ import annotations

import importlib

from storyline.errors import StorylineError

# extra → the modules it installs that storyline (or FastAPI, for forms) imports
EXTRAS: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "starlette", "uvicorn", "python_multipart"),
    "postgres": ("psycopg",),
    "ray": ("ray", "ray.data"),
}


class MissingExtra(StorylineError):
    """A feature needs an extra that is not installed; the message says how to install it."""

    def __init__(self, extra: str, feature: str) -> None:
        self.extra, self.feature = extra, feature
        super().__init__(f"{feature} needs the {extra} extra: pip install 'storyline[{extra}]'")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.extra, self.feature))


def require(extra: str, feature: str) -> None:
    """Import the extra's modules, or raise ``MissingExtra`` naming it; ``feature`` is what the
    user asked for, in their words (``storyline serve``, ``--engine ray``)."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise MissingExtra(extra, feature) from exc
