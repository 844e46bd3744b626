"""Units brought to one scale per dimension, so "nearly an hour" and "50 minutes" can be compared."""

from __future__ import annotations

from storyline.crosscheck.words import stem

# unit word → (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1.0),
    "sec": ("duration", 1.0),
    "minute": ("duration", 60.0),
    "min": ("duration", 60.0),
    "hour": ("duration", 3600.0),
    "hr": ("duration", 3600.0),
    "day": ("duration", 86400.0),
    "week": ("duration", 7 * 86400.0),
    "month": ("duration", 30.4 * 86400.0),
    "year": ("duration", 365.25 * 86400.0),
    "decade": ("duration", 3652.5 * 86400.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "%": ("percent", 1.0),
    "percentage point": ("points", 1.0),
    "point": ("points", 1.0),
    "$": ("usd", 1.0),
    "usd": ("usd", 1.0),
    "dollar": ("usd", 1.0),
    "us$": ("usd", 1.0),
    "£": ("gbp", 1.0),
    "gbp": ("gbp", 1.0),
    "pound": ("gbp", 1.0),
    "€": ("eur", 1.0),
    "eur": ("eur", 1.0),
    "euro": ("eur", 1.0),
    "rupee": ("inr", 1.0),
    "rs": ("inr", 1.0),
    "inr": ("inr", 1.0),
    "mile": ("length", 1609.344),
    "km": ("length", 1000.0),
    "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "m": ("length", 1.0),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "kg": ("mass", 1.0),
    "kilogram": ("mass", 1.0),
    "ton": ("mass", 1000.0),
    "tonne": ("mass", 1000.0),
    "pound weight": ("mass", 0.4536),
}


def dimension(unit: str | None) -> tuple[str | None, float]:
    """The dimension of a unit and its factor to the base unit; (None, 1.0) for plain counts."""
    if not unit:
        return None, 1.0
    u = unit.strip().lower().rstrip(".")
    if u in _UNITS:
        return _UNITS[u]
    for cand in (u.rstrip("s"), u[:-2] if u.endswith("es") else u, stem(u)):
        if cand in _UNITS:
            return _UNITS[cand]
    # An unknown unit is its own dimension: two numbers compare only when they share it.
    return stem(u), 1.0
