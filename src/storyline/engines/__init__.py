"""Engines run the pipeline's stages: ``local`` in this process, ``ray`` on a Ray cluster.

Both call the same stage functions (``stages``) over the same units (``units``) and group stories
with the same blocked grouping (``blocks``), so they give the same stories; ``run`` holds what the
commands do with an engine (fill the library, list stories) and the progress line they show.
"""

from __future__ import annotations

from storyline.engines.run import add_to_library, open_engine, stories_of

__all__ = ["add_to_library", "open_engine", "stories_of"]
