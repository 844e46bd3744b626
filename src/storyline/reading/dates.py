"""Publication dates as pages print them → ISO 8601.

A time with a zone ("11:30 IST", "3:05 p.m. EDT", "+0100") becomes an ISO datetime with its UTC
offset; a date alone stays a plain date (we never invent midnight). Zone abbreviations are
ambiguous: IST is India (+05:30) unless the page is Irish (+01:00) or Israeli (+02:00); "ET"/"PT"
follow daylight saving of the date itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# Day-first dates with the month named in another language ("19. Dezember 2022", "30 septembre
# 2018", "5 de mayo de 2022"): European sites print their datelines so, and a dateline read as a
# headline takes the title's place. Months are a closed class; these are the languages of western
# Europe's and Latin America's news pages.
_FOREIGN_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            "januar jänner janvier janv enero gennaio janeiro januari",
            "februar feber février févr febrero febbraio fevereiro februari",
            "märz mars marzo março maart",
            "avril aprile abril",
            "mai mayo maggio maio mei",
            "juni juin junio giugno junho",
            "juli juillet juil julio luglio julho",
            "août agosto augustus",
            "septembre septiembre setiembre settembre setembro",
            "oktober okt octobre octubre ottobre outubro",
            "novembre noviembre novembro",
            "dezember dez décembre déc diciembre dicembre dezembro",
        ),
        start=1,
    )
    for name in names.split()
}
_ANY_MONTH = "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + "|" + _MONTH
_YEAR = r"(?:19|20)\d\d"
# A paste glues inline elements together: a theme's published and updated times ("January 5,
# 2020January 6, 2020", "19. Dezember 202219. Dezember 2022") and the label before them ("Posted
# onJanuary 5", "Posted on28. Juli"). A day starts after a lower-case letter too, a month name after a
# lower-case letter when it is capitalised, and a year ends before a letter or the next day.
_DAY_START = r"(?<!\d)(?-i:(?<![A-Z]))"  # not a code's digits ("COVID19 March 2020")
_MONTH_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"
_YEAR_END = r"(?:(?!\d)|(?=[0-3]?\d[.\s]))"

_DATE_RES = (
    # 2021-12-31T11:30:00+05:30, 2021-12-31 11:30, 2021/12/31
    re.compile(
        r"\b(?P<y>" + _YEAR + r")[-/](?P<mn>[01]?\d)[-/](?P<d>[0-3]?\d)"
        r"(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
        r"\s?(?P<z>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"
    ),
    # 31 December 2021, 31 Dec. 2021, 31st of December, 2021
    re.compile(
        _DAY_START
        + r"(?P<d>"
        + _DAY
        + r")\s+(?:of\s+)?(?P<m>"
        + _MONTH
        + r")[,\s]+(?P<y>"
        + _YEAR
        + r")"
        + _YEAR_END,
        re.I,
    ),
    # December 31, 2021, Dec. 31 2021
    re.compile(
        _MONTH_START
        + r"(?P<m>"
        + _MONTH
        + r")\s+(?P<d>"
        + _DAY
        + r")(?:,\s*|\s+)(?P<y>"
        + _YEAR
        + r")"
        + _YEAR_END,
        re.I,
    ),
    # 12/31/2021 (US, month first), 31.12.2021 (day first); a part over 12 settles it either way.
    # Datelines shorten the year too: 12/31/21, 31.12.21 (never a third dotted part: "1.2.3.4").
    re.compile(
        r"(?<![\d/.])(?P<na>[0-3]?\d)(?P<sep>[/.])(?P<nb>[0-3]?\d)(?P=sep)(?P<y>" + _YEAR + r"|\d\d)"
        r"(?![\d/]|\.\d)"
    ),
    # Dec. 31, '21 and 31 Dec '21: a month name with an apostrophe year
    re.compile(r"\b(?P<m>" + _MONTH + r")\s+(?P<d>" + _DAY + r"),?\s+['’](?P<y>\d\d)\b", re.I),
    re.compile(r"\b(?P<d>" + _DAY + r")\s+(?P<m>" + _MONTH + r"),?\s+['’](?P<y>\d\d)\b", re.I),
    # 19. Dezember 2022, 30 septembre 2018, 5 de mayo de 2022, 19. September 2022
    re.compile(
        _DAY_START
        + r"(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<fm>"
        + _ANY_MONTH
        + r")\.?,?\s+(?:de\s+)?(?P<y>"
        + _YEAR
        + r")"
        + _YEAR_END,
        re.I,
    ),
)
_TIME_RE = re.compile(
    r"(?<![\d:.])(?P<H>[0-2]?\d)(?:[:.](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?)?\s*"
    r"(?P<ap>(?i:[ap]\.?\s?m)\b\.?)?\s*"
    r"(?:\(?(?P<z>(?:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d\d)?|[+-][01]\d:?[0-5]\d|[A-Z]{2,5})\)?)?"
    r"(?![\d/-])",
)

# Fixed offsets in minutes. Abbreviations whose offset depends on the date map to a tz name below.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "CET": 60, "WAT": 60, "WEST": 60,
    "CEST": 120, "EET": 120, "SAST": 120, "CAT": 120, "EEST": 180, "MSK": 180, "EAT": 180,
    "AST": -240, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "NST": -210, "NDT": -150,
    "PKT": 300, "NPT": 345, "BDT": 360, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480,
    "PHT": 480, "AWST": 480, "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "ACDT": 630,
    "AEDT": 660, "NZST": 720, "NZDT": 780,
}  # fmt: skip
_DST_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles", "UK": "Europe/London",
}  # fmt: skip
_PLAUSIBLE_YEARS = (1990, 2100)
_IST = {"india": 330, "ireland": 60, "israel": 120}

_IRISH = re.compile(r"\.ie\b|irish|ireland|dublin|\bRTÉ\b", re.I)
_ISRAELI = re.compile(r"\.il\b|israel|jerusalem|tel aviv|haaretz", re.I)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: the ISO value and the span of the line it came from."""

    iso: str
    start: int
    end: int
    has_time: bool


def ist_region(context: str) -> str:
    """Which country's IST a page means, judged from its address, outlet and title."""
    if _IRISH.search(context):
        return "ireland"
    if _ISRAELI.search(context):
        return "israel"
    return "india"


def _zone(abbr: str | None, day: date, context: str) -> tzinfo | None:
    if not abbr:
        return None
    a = abbr.replace(" ", "").upper()
    if a == "IST":
        return timezone(timedelta(minutes=_IST[ist_region(context)]))
    if a in _ZONES:
        return timezone(timedelta(minutes=_ZONES[a]))
    if a in _DST_ZONES:
        return ZoneInfo(_DST_ZONES[a])
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d\d)?", a)
    if m:
        mins = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return timezone(timedelta(minutes=mins if m.group(1) == "+" else -mins))
    return None


def _numeric(a: int, b: int, sep: str) -> tuple[int, int]:
    """(month, day) of a numeric date: a part over 12 is the day, else "/" means month first."""
    if a > 12 or (b <= 12 and sep == "."):
        return b, a
    return a, b


def _ymd(m: re.Match[str]) -> date | None:
    gd = m.groupdict()
    if gd.get("na"):
        month, day = _numeric(int(gd["na"]), int(gd["nb"]), gd["sep"])
    else:
        named = (gd.get("fm") or gd.get("m") or "").lower().rstrip(".")
        month = int(gd["mn"]) if gd.get("mn") else _FOREIGN_MONTHS.get(named) or MONTHS.get(named[:3], 0)
        day = int(re.match(r"\d+", gd["d"]).group())  # type: ignore[union-attr]
    try:
        return date(_full_year(gd["y"]), month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    """A two-digit year is this century's unless that lies more than a year ahead ('99 → 1999)."""
    year = int(text)
    if len(text) > 2:
        return year
    year += 2000
    return year if year <= date.today().year + 1 else year - 100


def _time(
    text: str, day: date, context: str, zone_hint: str | None
) -> tuple[int, int, int, tzinfo | None] | None:
    """The first clock time in ``text`` (needs minutes or am/pm to count as a time)."""
    for t in _TIME_RE.finditer(text):
        if t.group("M") is None and not t.group("ap"):
            continue
        hour, minute, sec = int(t.group("H")), int(t.group("M") or 0), int(t.group("S") or 0)
        ap = (t.group("ap") or "").lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 23:
            continue
        tz = _zone(t.group("z"), day, context) or _zone(zone_hint, day, context)
        return hour, minute, sec, tz
    return None


def find_date(text: str, *, context: str = "") -> FoundDate | None:
    """The first calendar date in ``text``, with the clock time and zone printed beside it."""
    best: re.Match[str] | None = None
    for rx in _DATE_RES:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    day = _ymd(best)
    if day is None:
        return None
    gd = best.groupdict()
    if gd.get("H"):
        clock: tuple[int, int, int, tzinfo | None] | None = (
            int(gd["H"]), int(gd["M"]), int(gd.get("S") or 0), _zone(gd.get("z"), day, context)
        )  # fmt: skip
    else:
        rest = text[: best.start()] + " | " + text[best.end() :]
        clock = _time(rest, day, context, None)
    if clock is None:
        return FoundDate(day.isoformat(), best.start(), best.end(), False)
    hour, minute, sec, tz = clock
    dt = datetime(day.year, day.month, day.day, hour, minute, sec)
    if tz is not None:
        dt = dt.replace(tzinfo=tz)
        dt = dt.replace(tzinfo=timezone(dt.utcoffset() or timedelta(0)))
    return FoundDate(dt.isoformat(), best.start(), best.end(), True)


def normalise_date(value: str | None, *, context: str = "") -> str | None:
    """Any date string a page or a JSON field gives → ISO 8601 (None when there is no date)."""
    if not value or not value.strip():
        return None
    v = value.strip()
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        found = find_date(v, context=context)
        return found.iso if found else None
    if not _PLAUSIBLE_YEARS[0] <= dt.year <= _PLAUSIBLE_YEARS[1]:
        return None  # placeholder dates in page metadata ("0001-01-01T00:00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v
    return dt.replace(microsecond=0).isoformat()


def same_instant(a: str | None, b: str | None) -> bool:
    """Whether two ISO values name the same moment (or the same day, for plain dates)."""
    if not a or not b:
        return False
    try:
        da, db = datetime.fromisoformat(a), datetime.fromisoformat(b)
    except ValueError:
        return a == b
    if (da.tzinfo is None) != (db.tzinfo is None):
        return da.replace(tzinfo=None) == db.replace(tzinfo=None)
    return da == db
