"""Anchors: the specific things a report names that tell one event from another like it.

Local news tells look-alike events in the same words ("a man was shot and killed Saturday night");
what differs is who (the victim's or suspect's full name), where at street level ("the 3600 block
of 48th Street", "on Conley Street") and when the event happened (the day a follow-up refers back
to: "the April 16 shooting", "Saturday's shooting" read against the publication date). Follow-ups
weeks later repeat exactly these, so they key a report to its event however late it comes, and two
reports that each name a different victim, street or day are different events however alike their
words. Anchors are plain strings with a kind prefix: ``p:`` a person's full name, ``s:`` a street,
``d:`` an ISO date the text refers to.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from storyline.stories.signatures import normalise

MAX_ANCHORS = 40  # per article: the body names a handful of people, streets and days
FORWARD_DAYS = 60  # a month and day this far after publication is still this year's (a hearing)

_CAP = r"[A-Z][a-z’'\-]+"
# Two or three capitalised words, optionally a middle initial: how a report names a person.
_PERSON = re.compile(rf"\b({_CAP}(?:\s+[A-Z]\.)?(?:\s+{_CAP}){{1,2}})\b(?!\s+(?:{_CAP}))")
_STREET_TYPES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Place|Pl|Court|Ct|Parkway|Pkwy|"
    "Highway|Hwy|Terrace|Way|Circle|Pike|Trail"
)
_STREET = re.compile(
    rf"\b(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?"  # "E. Westmoreland" = "Westmoreland"
    rf"((?:\d+(?:st|nd|rd|th)|{_CAP})(?:\s+{_CAP}){{0,2}})\s+(?:{_STREET_TYPES})\b\.?"
)
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
         "aug august", "sep sept september", "oct october", "nov november", "dec december")
    )
    for m in names.split()
}
_MONTH_DAY = re.compile(
    r"\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(\d{4}))?\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# Words that make a capitalised run no person: places, institutions, page controls and furniture.
_NOT_PERSON = frozenset(
    """police department county city state news street avenue road hospital center centre school
    university college church park court office sheriff district police's county's app store
    facebook twitter instagram google images photo video copyright rights reserved north south east
    west new san los las fort saint st mount lake river high middle elementary regional medical
    memorial national international general services crime stoppers read share more the
    corporation corp group inc llc company press post media project force association foundation
    network watch click tap sign log subscribe download follow close get advertisement transcript
    copy related caption image breaking update original story""".split()  # noqa: SIM905 - a word list reads better as text
)

# Titles and roles written before a name ("Detective Eric Morris", "Sgt. Wanda Miglio").
_ROLES = frozenset(
    """officer detective sgt sergeant lt lieutenant capt captain chief deputy inspector trooper
    agent sheriff judge attorney prosecutor gov governor mayor dr mr mrs ms firefighter executive
    spokesman spokeswoman coroner commissioner president senator rep director""".split()  # noqa: SIM905
)


def _published(published: float | None) -> date | None:
    return None if published is None else datetime.fromtimestamp(published, UTC).date()


def _month_day(month: str, day: str, year: str | None, pub: date | None) -> date | None:
    """A month and day as written, in the stated year, else in the publication's year unless that
    puts it months ahead (a report refers back: "the Dec. 30 shooting" read in January is last
    year's; "a hearing on March 5" read in February is this year's)."""
    m, d = _MONTHS[month.lower().rstrip(".")], int(day)
    try:
        if year:
            return date(int(year), m, d)
        if pub is None:
            return None
        when = date(pub.year, m, d)
        return when if when <= pub + timedelta(days=FORWARD_DAYS) else date(pub.year - 1, m, d)
    except ValueError:
        return None


def _weekday(name: str, pub: date | None) -> date | None:
    """A bare weekday in a news report is the latest such day on or before publication."""
    if pub is None:
        return None
    back = (pub.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return pub - timedelta(days=back)


def anchors(title: str | None, text: str, published: float | None) -> tuple[str, ...]:
    """The article's anchors, in order of first mention, at most ``MAX_ANCHORS``."""
    body = f"{title or ''}\n{text}"
    pub = _published(published)
    found: dict[str, None] = {}
    for m in _PERSON.finditer(text):  # not the title: headlines capitalise every word
        words = [w for w in m.group(1).split() if len(w) > 2 or not w.endswith(".")]
        while words and words[0].lower().rstrip(".") in _ROLES:
            words = words[1:]
        low = [w.lower().strip(".") for w in words]
        if len(words) < 2 or any(w in _NOT_PERSON or w in _WEEKDAYS or w in _MONTHS for w in low):
            continue
        found["p:" + normalise(f"{words[0]} {words[-1]}")] = None  # middle names come and go
    for m in _STREET.finditer(body):
        found["s:" + normalise(m.group(1))] = None
    for m in _MONTH_DAY.finditer(body):
        when = _month_day(m.group(1), m.group(2), m.group(3), pub)
        if when is not None:
            found["d:" + when.isoformat()] = None
    for m in _WEEKDAY.finditer(body):
        when = _weekday(m.group(1), pub)
        if when is not None:
            found["d:" + when.isoformat()] = None
    return tuple(list(found)[:MAX_ANCHORS])
