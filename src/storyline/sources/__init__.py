"""Following live sources: what ``storyline watch`` does, one module per step.

    source address ──http (conditional, robots.txt, per-host delay)──▶ bytes ──feeds──▶ entries
        entries ──urls (canonical)──▶ new addresses ──http (robots.txt, per-host delay)──▶ pages
        pages ──engines.run (the same path as ``add``)──▶ library ──check_due──▶ cross-checks

What was seen is kept in the library (``store.watchlist``), so a pass killed half-way resumes
without fetching a page twice. An OPML list or a sitemap index yields child sources, read the
same way. Every address asked, redirects included, is checked against its own host's robots.txt.
"""
