"""Following live sources: what ``storyline watch`` does, one module per step.

    source address ──http (conditional, polite)──▶ bytes ──feeds──▶ entries (+ child feeds)
        entries ──urls (canonical)──▶ new addresses ──http (robots.txt, per-host delay)──▶ pages
        pages ──engines.run (the same path as ``add``)──▶ library ──check_due──▶ cross-checks

What was seen is kept in the library (``store.watchlist``), so a pass killed half-way resumes
without fetching a page twice.
"""
