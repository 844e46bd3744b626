"""Engines run the pipeline's stages: ``local`` in this process, ``ray`` on a Ray cluster.

Both call the same stage functions (``stages``) over the same units (``units``) and group stories
with the same blocked grouping (``blocks``), so they give the same stories; ``run`` holds what the
commands do with an engine (fill the library, list stories) and the progress line they show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.engines.run import add_to_library, open_engine, stories_of

__all__ = ["add_to_library", "open_engine", "stories_of"]


def __getattr__(name: str) -> Any:
    """``run``'s names, imported on first use: the detached checker (``engines.checker``, a
    module of this package) starts without reading's and the stages' imports."""
    if name in __all__:
        from storyline.engines import run

        return getattr(run, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
