"""The local web app behind ``storyline serve``: library, story, add and compare pages, each with a
JSON twin, over the same library and cross-check the CLI uses.

    from storyline.web import WebSettings, create_app
    app = create_app(WebSettings(db_url="sqlite:///news.db"))
"""

from __future__ import annotations

from storyline.web.app import create_app
from storyline.web.settings import WebSettings, settings_from_flags

__all__ = ["WebSettings", "create_app", "settings_from_flags"]
