"""The patterns of time expressions in news text, and what each match means.

``find_matches(text)`` returns non-overlapping ``Match``es (longest wins) over one sentence; each
carries its kind and the pieces the resolver in ``times.py`` needs. Month names must be
capitalised ("may", "march" are verbs); "May" and "March" alone need a preposition or a
modifier before them ("in May", "since March", "early May").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.annotation.numbers import NUMBER

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_W = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
# early/mid/late, "late in 2008", "the end of": the part of the time that follows
_PART = r"(?i:early(?:\s+in)?|mid|late(?:\s+in)?|the\s+(?:end|start|beginning|middle)\s+of)"
_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|through|until|till|and|or|&)\s+|,\s*(?:and\s+|or\s+)?)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_REL_UNIT = r"(?:week|month|quarter|year|decade|weekend|spring|summer|autumn|fall|winter)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_HOLIDAY = (
    r"Christmas(?:\s+Eve|\s+Day)?|New\s+Year['’]s(?:\s+Eve|\s+Day)?|Halloween|Valentine['’]s\s+Day"
    r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Boxing\s+Day|Labor\s+Day"
    r"|Memorial\s+Day|Veterans\s+Day|Bastille\s+Day|the\s+Fourth\s+of\s+July|Election\s+Day"
)
ORDINAL_CENTURIES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}  # fmt: skip
_ORDINAL_CENTURY = "|".join(sorted(ORDINAL_CENTURIES, key=len, reverse=True))
# "October of next year", "March last year", "the spring of this year": a year named by its shift
_REL_YEAR = r"(?i:(?P<ry>this|last|next|(?:the\s+)?(?:previous|following|coming|same))\s+year)"
_OF_REL_YEAR = r"(?:\s+of)?\s+" + _REL_YEAR
# "the final quarter of 2009", "the last quarter of last year": the fourth (alone, "the last quarter"
# is the one before publication's, ``relative``)
_QORD = r"(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_HORD = r"(?i:first|second|1st|2nd|last)"
# "7:15 p.m.", "16:08 UTC", "10 a.m. EST", "noon", "midnight"
_ZONE = r"(?:UTC|GMT|Z|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT|HKT|SGT|local\s+time)"
_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
# "the morning", "mid afternoon", "the late afternoon": a part of a day that is not named
_DAY_PART_ALONE = r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]*)?(?P<dp>morning|afternoon|evening)\b"

# (kind, pattern); all are tried, then overlaps are settled longest-first.
PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>" + _Y + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    # 12/30/2021, and US local news's 2/19/17 (a two-digit year: not a path's "2017/02/13/14")
    (
        "numeric",
        r"(?<![\d/])\b(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?:(?P<y>" + _Y + r")|(?P<yy>\d\d))\b(?![/\d])",
    ),
    # January 9 and 10, Jan. 9-10, March 3 to 5, Dec. 3, 2021, Thursday, Dec. 30
    (
        "month_day",
        r"(?:\b(?P<wd>" + _W + r"),?\s+)?\b(?P<m>" + _M + r")\s+(?P<d>" + _D + r")\b"
        r"(?P<days>(?:" + _JOIN + r"(?:" + _D + r")\b(?!\s*(?:%|percent|per\s+cent)))*)"
        r"(?:(?:,\s*|\s+)(?P<y>" + _Y + r")\b|" + _OF_REL_YEAR + r")?",
    ),
    # the week of March 6 (2000)
    (
        "week_of",
        r"\b(?i:the\s+week\s+of)\s+(?P<m>" + _M + r")\s+(?P<d>" + _D + r")\b(?:,?\s+(?P<y>" + _Y + r")\b)?",
    ),
    # the last week of March, the first week of June 2021: a Monday-to-Sunday week inside the month
    (
        "week_of_month",
        r"\b(?i:the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?:full\s+)?week\s+(?:of|in))\s+(?P<m>"
        + _M + r")\b(?:,?\s+(?P<y>" + _Y + r")\b)?",
    ),
    # March 30 to April 2, Dec. 28-Jan. 3
    (
        "month_day_range",
        r"\b(?P<m>" + _M + r")\s+(?P<d>" + _D + r")" + _JOIN + r"(?P<m2>" + _M + r")\s+(?P<d2>"
        + _D + r")\b(?:(?:,\s*|\s+)(?P<y>" + _Y + r")\b)?",
    ),
    # 31 December 2021, 9-10 January, 9 and 10 January
    (
        "day_month",
        r"\b(?P<d>" + _D + r")(?P<days>(?:" + _JOIN + _D + r")*)\s+(?:of\s+)?(?P<m>" + _M + r")\b"
        r"(?:,?\s+(?P<y>" + _Y + r")\b)?",
    ),
    # last December, next March, this past June: the month of that name before (after) the month of
    # writing (TimeML: "last November" in January 2000 is 1999-11); not "the last June", "last June 30"
    (
        "month_shift",
        r"(?<![Tt]he\s)\b(?P<mshift>(?i:last|next|this\s+past|this\s+coming))\s+(?P<m>" + _M
        + r")\b(?!\s*\d)",
    ),
    # early June, mid-March 2022, June 2021, March or April
    (
        "month",
        r"(?:\b(?P<part>" + _PART + r")[\s-]+)?\b(?P<m>" + _M + r")(?P<more>(?:" + _JOIN + _M + r")*)"
        r"(?:,?\s+(?:of\s+)?(?P<y>" + _Y + r")|" + _OF_REL_YEAR + r")?\b",
    ),
    (
        "season",
        rf"\b(?:(?P<part>{_PART})[\s-]+)?(?:the\s+)?(?P<season>{_SEASON})\s+(?:(?:of\s+)?(?P<y>{_Y})|(?:of\s+)?"
        + _REL_YEAR
        + r")\b",
    ),
    # the 1990s, the early 2000s, the '90s, early in the 1990s
    (
        "decade",
        r"\b(?:(?P<part2>early|late)\s+in\s+)?(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
        r"(?P<dec>(?:1[89]|20)\d0|['’]\d0)s\b",
    ),
    # "the cars of the 70s and 80s", "throughout the 50s": a decade without its century or
    # apostrophe after a preposition of time span ("in the 70s" may be degrees, "their 30s" ages)
    (
        "decade",
        r"\b(?:of|throughout|during|since|from|until|through)\s+(?P<expr>the\s+(?P<bare>[3-9]0)s"
        r"(?:(?:\s+(?:and|or)\s+|,\s*)(?P<bare2>[3-9]0)s)?)\b(?![-–]|\s*(?:%|percent|degrees))",
    ),
    # 2014, early 2022, mid-2021, 2014-2016, 2014 and 2015
    (
        "year",
        r"(?<![\d,.$£€#])(?:\b(?P<part>" + _PART + r")[\s-]+)?\b(?P<y>" + _Y + r")"
        r"(?:(?:\s*[-–]\s*|\s+(?:to|through|and)\s+)(?P<y2>" + _Y + r"|\d\d))?\b(?![,.]?\d|\s*%)",
    ),
    # Thursday, last Friday, Thursday evening, next Monday
    (
        "weekday",
        r"(?:\b(?P<part>(?i:early|late))\s+)?"
        r"(?:\b(?P<shift>(?i:last|next|this|coming|past|the\s+previous|the\s+following))\s+)?\b(?P<w>" + _W
        + r")(?!\w)" + _TIME_OF_DAY,
    ),
    # yesterday, late yesterday, tomorrow morning, the day before yesterday, the day after tomorrow
    (
        "day_word",
        r"\b(?:(?P<part>early|late)\s+|the\s+day\s+(?P<dd>before|after)\s+(?=yesterday|today|tomorrow))?"
        r"(?P<word>yesterday|today|tomorrow|tonight|overnight)\b"
        r"(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?",
    ),
    (
        "day_part",
        r"\b(?P<shift>last|this)\s+(?P<word>night|morning|afternoon|evening)\b",
    ),
    # last week, this month, next year, earlier this month, later this year, this weekend
    (
        "relative",
        r"\b(?:(?P<side>earlier|later)\s+)?(?:(?P<part>" + _PART + r")\s+)?(?:(?P<the>the)\s+)?"
        r"(?P<shift>last|this|next|past|previous|coming|following|current|latest|most\s+recent)\s+"
        r"(?:fiscal\s+)?(?P<unit>"
        + _REL_UNIT
        + r")\b",
    ),
    # earlier in the day, later in the year: the unit of writing, on one side of the day of writing
    # late in the day, early in the year: that part of it
    ("in_the", r"\b(?P<side>earlier|later|early|late)\s+in\s+the\s+(?P<unit>day|week|month|year)\b"),
    # "started the day with a service", "ended the day 17/35", "finished the day at 5,210": the day
    # the narrative is on, else the day of writing (a day's account: a market close, a match, a visit)
    (
        "the_day",
        r"\b(?:start|began|begin|end|finish|clos|spen[dt])\w*\s+(?P<expr>the\s+(?P<unit>day))\b"
        r"(?!\s+(?:before|after|of|when|that)\b)",
    ),
    # a streak: "rose for a seventh straight session", "for the second week in a row", "the second
    # straight year that ...": the unit the narrative is on, else the unit of writing (MEANTIME
    # values "for a second consecutive day" as that day); not a season of play or a count
    (
        "streak",
        r"\b(?:(?:a|the)\s+)?(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|[2-9](?:nd|rd|th)|1\d(?:th))\s+(?:(?:straight|consecutive|successive)\s+(?P<unit>day|session|week"
        r"|month|year)|(?P<unit2>day|session|week|month|year)\s+in\s+a\s+row)\b",
    ),
    # the next day, the following morning, the prior week, that night: dated from the time the
    # narrative has reached, not from publication (``narrative``); "the next week" and "the next
    # month" are publication's (TimeML gives them the value "next week" has)
    (
        "anchored",
        r"\b(?:the\s+(?:(?P<shift>same|following|previous|prior)\s+(?P<unit>day|morning|afternoon|evening|night"
        r"|week|weekend|month|quarter|year)|(?P<shift2>next)\s+(?P<unit2>day|morning|afternoon|evening|night))"
        r"|(?P<that>that)\s+(?P<unit3>day|morning|afternoon|evening|night|week|weekend|month|year))\b",
    ),
    # "the day before", "the night after", "the year before" closing a clause: "the previous year"
    # (before a noun it is that event's: "the day before the vote")
    (
        "day_before",
        r"\bthe\s+(?P<unit>day|night|morning|evening|week|month|year)\s+(?P<dir>before|after)\b"
        r"(?=\s*(?:[,.;:!?)\"”’']|$))",
    ),
    # three weeks ago, a year ago
    ("ago", r"\b(?P<n>" + NUMBER + r")\s+(?P<unit>" + _UNIT + r")\s+ago\b"),
    # the past 30 years, the last two weeks, the next three months
    (
        "span",
        r"\bthe\s+(?P<dir>past|last|previous|next|coming|following)\s+(?P<n>" + NUMBER + r")\s+(?P<unit>"
        + _UNIT + r")\b",
    ),
    # the weekend, in the autumn, since the spring: a bare weekend or season needs a preposition
    # before it; "the fall of Saigon" is no season
    (
        "weekend",
        r"\b(?:over|during|at|on|by|for|until|through|before|after|ahead\s+of|this\s+past)\s+(?P<expr>the\s+weekend)\b",
    ),
    (
        "season_bare",
        r"\b(?P<prep>in|during|over|by|until|through|before|after|since|this\s+past)\s+(?P<expr>the\s+(?P<season>"
        + _SEASON
        + r"))\b(?![\s-]+(?!and\b|or\b)[a-z])",
    ),
    # Christmas, New Year's Eve, Thanksgiving, Easter Sunday (2019)
    (
        "holiday",
        r"\b(?P<h>" + _HOLIDAY + r")(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?P<y>" + _Y + r"))?\b"
        r"(?!['’]?s?\s+(?:trees?|shopping|cards?|part(?:y|ies)|markets?|dinners?|lights|gifts?|holidays?|season"
        r"|eggs?|break|decorations|music|carols?|truce|spirit|message|address|weekend|week|period|recess|rush"
        r"|sales|travel|specials?)\b)",
    ),
    # the 19th century, the early twentieth century
    (
        "century",
        r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<c>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century\b"
        r"|\b(?:the\s+)?(?:(?P<part2>early|mid|late)[\s-]+)?(?P<cw>" + _ORDINAL_CENTURY + r")[\s-]+century\b",
    ),
    # the third quarter of 2021, this year's third quarter, the 1988 second quarter, Q3 2021, the
    # first half of next year, H1 2021; "the third quarter" alone, often sport, needs money nearby or a
    # quarter the report named before (``periods``)
    (
        "quarter",
        r"\b(?:(?:the\s+)?(?P<y3>" + _Y + r")\s+|" + _REL_YEAR.replace("?P<ry>", "?P<ry2>")
        + r"['’]s\s+|(?P<the>the\s+))?(?:fiscal\s+)?(?:(?P<q>" + _QORD + r")[\s-]+quarter|(?P<h>" + _HORD
        + r")[\s-]+half)\b(?:\s+(?:of\s+)?(?P<y>" + _Y + r")\b|" + _OF_REL_YEAR
        + r"\b|\s+of\s+(?P<ty>the)\s+year\b)?"
        r"|\b(?-i:(?P<qh>[QH])(?P<qn>[1-4]))\s*(?P<y2>" + _Y + r")\b",
    ),
    # a report's own period named again, or the same period a year before: "the quarter", "the
    # year-ago period", "the corresponding period last year", "last year's quarter", "the 1988
    # quarter" (resolved against the period the report last named, see ``periods``)
    (
        "period_ref",
        r"\b(?:(?P<det>the|that)|(?P<back>last\s+year['’]s)|the\s+(?P<y>" + _Y + r"))\s+"
        r"(?P<mods>(?:(?:same|comparable|corresponding|year[-\s]ago|year[-\s]earlier|prior[-\s]year|fiscal)"
        r"[\s-]+)*)(?P<pu>quarter|period)\b"
        r"(?:\s+(?P<tail>a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year)\b)?",
    ),
    # "a year earlier", "year-ago net": the same period a year before
    ("year_back", r"\b(?:a\s+year\s+earlier|year[-\s](?:ago|earlier))\b"),
    # "sales for the full year", "a loss for the entire year": the year of the report's period,
    # else the year of writing ("injured for the entire year")
    ("full_year", r"\bthe\s+(?:full|entire|whole)[\s-]+(?:fiscal\s+)?year\b(?![-\s]+(?:old|long|round)\b)"),
    # two days later, a week earlier: counted from the narrative's time too ("a year
    # earlier" in results is the report's period a year before: the pattern above wins a tie)
    ("later", r"\b(?P<n>" + NUMBER + r")\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>later|earlier)\b"),
    # 7:15 p.m., 16:08 UTC, 10 a.m. EST, noon: the day of the expression next to it, else the day of writing
    (
        "clock",
        r"(?<![\d:.])\b(?:(?P<hh>1[0-2]|0?[1-9])(?::[0-5]\d)?\s*" + _AMPM + r"(?:\s+" + _ZONE + r"\b)?"
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:hours|hrs|h)\b)?\s+" + _ZONE + r"\b"
        r"|(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC)\b"
        r"|(?P<word>noon|midnight))(?![\d:])"
        # a part of the day standing alone after a preposition, as an account tells its day: "by mid
        # afternoon", "in the late afternoon", "orders placed in the morning" (not "the morning of
        # March 12", "the morning after the debate", "three o'clock in the morning")
        r"|(?:(?<=\b[Ii]n\s)|(?<=\b[Bb]y\s)|(?<=\b[Aa]t\s)|(?<=\b[Dd]uring\s))(?<!o['’]clock\sin\s)"
        + _DAY_PART_ALONE + r"(?![-\s]+(?:of|after|before|hours|yesterday|today|tomorrow)\b)",
    ),
    # "by year-end", "since year-end": business writing's 31 December, of this year unless the
    # preposition looks back
    (
        "year_end",
        r"\b(?P<prep>by|before|until|till|through|since|after|at)\s+(?P<expr>(?:the\s+)?year[-\s]end)\b(?![-\s]+\d)",
    ),
    # the end of the month, the start of the year, the middle of the week, the end of the decade
    (
        "unit_part",
        r"\b(?P<part>the\s+(?:end|start|beginning|middle)\s+of)\s+(?:the|this)\s+(?P<unit>week|month|year|decade)\b",
    ),
    # "its lowest level in six years", "the first time in more than two decades", "the highest in
    # years": the span back from the time of writing a record is measured over (kept only after a
    # superlative or "first": ``records``); "in six years" alone looks ahead and is not this
    (
        "record_span",
        r"\b(?:in|for|over)\s+(?P<expr>(?:(?:more\s+than|nearly|almost|about|at\s+least|over)\s+)?"
        r"(?:(?P<n>" + NUMBER + r")\s+(?P<unit>" + _UNIT + r")|(?P<unit2>years|decades|months|weeks)))\b"
        r"(?![-\s]+(?:ago|earlier|later|before|after|old|from|since|of)\b|['’])",
    ),
    # kept without dates: they place something in time but not on a calendar
    (
        "vague",
        r"\b(?:in\s+recent\s+(?:times|days|weeks|months|years|decades)"
        r"|in\s+the\s+(?:coming|(?:next|past|last)\s+(?:few|several|many))\s+(?:days|weeks|months|years)"
        r"|the\s+(?:coming|(?:next|past|last)\s+(?:few|several|many))\s+(?:days|weeks|months|years|decades)"
        r"|for\s+(?:(?:several|many|a\s+few|some)\s+)?(?:days|weeks|months|years|decades)"
        r"|(?:(?:several|many|a\s+few|some)\s+)?(?:days|weeks|months|years|decades)\s+ago"
        r"|in\s+the\s+near\s+future)\b",
    ),
    # the time of writing, or before or after it, named without a calendar (TimeML's PRESENT_REF,
    # PAST_REF, FUTURE_REF): kept like the vague ones above
    (
        "reference",
        r"\b(?:(?:right\s+|just\s+)?now|currently|recently|lately|nowadays|these\s+days|at\s+present"
        r"|(?:in\s+)?the\s+(?:distant\s+)?(?:future|past)"
        # "will soon", "very soon", "as soon as possible" (FUTURE_REF); not "as soon as he arrives",
        # "soon after the crash", "soon-to-be"
        r"|(?<!\bas\s)(?:very\s+|quite\s+)?soon(?!\s+(?:after|afterwards?|thereafter)\b)"
        r"|as\s+soon\s+as\s+possible"
        # "for the time being" (the time of writing), "at a later date" (after it): fixed phrases
        r"|for\s+the\s+time\s+being|(?:at|on|until|to)\s+a\s+later\s+(?:date|time|stage)"
        # "in the long term", "for the short term": ahead of the time of writing (not "short-term")
        r"|(?:in|for|over)\s+(?P<expr>the\s+(?:short|long|near)(?:er)?\s+term)"
        # "his current wife", "current market conditions": what holds at the time of writing, as
        # "currently" says (not the "current account" of a balance of payments)
        r"|(?P<cur>current)(?=\s+[a-z])(?!\s+accounts?\b))\b(?![-–])",
    ),
)
# Case-insensitive except month and weekday names, which must be capitalised.
_CI_KINDS = {"day_word", "day_part", "relative", "ago", "span", "vague", "season", "decade", "weekend",
             "season_bare", "century", "unit_part", "quarter", "reference", "period_ref",
             "year_back", "anchored", "later", "day_before", "year_end", "in_the", "the_day", "streak",
             "full_year", "record_span"}  # fmt: skip
_COMPILED = tuple((kind, re.compile(p, re.I if kind in _CI_KINDS else 0)) for kind, p in PATTERNS)
_UNITS_HINT = r"(?i:\b(?:week|month|quarter|year|decade|weekend|spring|summer|autumn|fall|winter)s?\b)"
# A cheap test per kind: most sentences hold no time expression, and most patterns are costly.
_HINTS = {
    "iso": r"\d-[01]\d-", "numeric": r"\d/\d", "month_day": _M, "month_day_range": _M, "month_shift": _M,
    "day_month": _M,
    "week_of": r"(?i:week\s+of)", "week_of_month": r"(?i:week\s+(?:of|in))", "month": _M, "season": _SEASON,
    "decade": r"\d0s\b", "year": r"(?:1[89]|20)\d\d", "weekday": _W,
    "day_word": r"(?i:yesterday|today|tomorrow|tonight|overnight)", "day_part": r"(?i:last|this)\s",
    "relative": _UNITS_HINT, "ago": r"(?i:\bago\b)", "span": r"(?i:\bthe\s)", "weekend": r"(?i:weekend)",
    "season_bare": _SEASON, "holiday": _HOLIDAY, "century": r"(?i:century)", "unit_part": _UNITS_HINT,
    "vague": r"(?i:\b(?:days|weeks|months|years|decades|times|future)\b)",
    "quarter": r"(?i:quarter|half|[QH][1-4])",
    "anchored": r"(?i:\b(?:the|that)\s)", "later": r"(?i:later|earlier)", "day_before": r"(?i:before|after)",
    "year_end": r"(?i:year[-\s]end)", "in_the": r"(?i:\bin\s+the\s)", "the_day": r"(?i:the\s+day\b)",
    "streak": r"(?i:straight|consecutive|successive|in\s+a\s+row)",
    "period_ref": r"(?i:quarter|period)", "year_back": r"(?i:year[-\s](?:ago|earlier))",
    "full_year": r"(?i:(?:full|entire|whole)[\s-]+(?:fiscal\s+)?year)",
    "record_span": r"(?i:\b(?:in|for|over)\s+(?:\S+\s+){0,3}(?:year|decade|month|week|day)s?\b)",
    "reference": r"(?i:\bnow|current|recently|lately|these\s+days|at\s+present|future|\bthe\s+past|soon"
                 r"|\sterm\b|time\s+being|later\s+(?:date|time|stage))",
    "clock": r"\d\s*(?:[ap]\.?m|[AP]M)|\d:\d\d|\d\d\s+(?:GMT|UTC)|noon|midnight|morning|afternoon|evening",
}  # fmt: skip
_HINT_RES = {k: re.compile(h, re.I if k in ("season", "season_bare") else 0) for k, h in _HINTS.items()}
# "May"/"March" alone are words too: they need one of these before them.
_BARE_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|last|next|this|early|late|mid|before|after|during"
    r"|of|between|and|or|to|since|end|start|beginning|middle)[\s-]+)$",
    re.I,
)


@dataclass(frozen=True)
class Match:
    """One time expression in a sentence: ``start``/``end`` relative to the matched text."""

    kind: str
    start: int
    end: int
    groups: dict[str, str]


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def weekday_number(name: str) -> int:
    return WEEKDAYS[name[:3].lower()]


_NAMES_WEEKDAY = re.compile(r"\b" + _W)


def names_weekday(text: str) -> bool:
    """Does the expression name a day of the week ("Friday afternoon", "last Tue.")?"""
    return _NAMES_WEEKDAY.search(text) is not None


def find_matches(text: str) -> list[Match]:
    """Every time expression in ``text``, non-overlapping, in order; the longest wins a clash.

    A list of years or months ("1982 and 1992", "between April and June") gives one match per
    time; a range ("1991 to 1997") stays one. A clock time joins the day written next to it
    ("Tuesday at 16:08 UTC" is that Tuesday).
    """
    return list(_find_matches(text))


@lru_cache(maxsize=4096)  # quantities and times both ask for the same sentences
def _find_matches(text: str) -> tuple[Match, ...]:
    found: list[tuple[Match, re.Match[str]]] = []
    for kind, rx in _COMPILED:
        if not _HINT_RES[kind].search(text):
            continue
        for m in rx.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "month" and not _month_alone_ok(text, m.start("m"), groups):
                continue
            if kind == "quarter" and groups.get("q", "").lower() == "last" and not _has_year(groups):
                continue
            if kind == "quarter" and not _quarter_ok(text, groups):
                if not (groups.get("q") or groups.get("h")):
                    continue
                groups["unsure"] = "1"  # a fiscal quarter only in a report that has named one
            if kind == "period_ref" and not _period_ref_ok(text, groups):
                continue
            if kind == "relative" and _part_of_something(text, m.end(), groups):
                continue
            span = m.span("expr") if groups.get("expr") else m.span()
            found.append((Match(kind, span[0], span[1], groups), m))
    found.sort(key=lambda x: (-(x[0].end - x[0].start), x[0].start))
    kept: list[tuple[Match, re.Match[str]]] = []
    for cand, rm in found:
        if all(cand.end <= k.start or cand.start >= k.end for k, _ in kept):
            kept.append((cand, rm))
    bounds = [b for k, rm in sorted(kept, key=lambda x: x[0].start) for b in _bounds(k, rm)]
    return tuple(_from_a_day(text, _with_clocks(text, bounds)))


def clock_only(text: str) -> bool:
    """Whether ``text`` is a time of day alone ("7 p.m.", "noon", "the morning"): its day is the day
    of writing by default, not one the report states."""
    if re.fullmatch(_DAY_PART_ALONE, text):  # found only after a preposition, which it leaves out
        return True
    return any(m.kind == "clock" and m.start == 0 and m.end == len(text) for m in _find_matches(text))


def _month_alone_ok(text: str, at: int, groups: dict[str, str]) -> bool:
    name = groups["m"].rstrip(".")
    if name not in ("May", "March") or groups.get("y") or groups.get("part"):
        return True
    return bool(_BARE_MONTH_CONTEXT.search(text[:at]))


# A quarter without a year is a fiscal one only in a sentence about money ("third-quarter profit
# rose 5%"); in sport it is a period of play ("scored twice in the second quarter").
_MONEY = re.compile(
    r"[$€£¥%]|\b(?:percent|per\s+cent|million|billion|profits?|earnings|revenues?|sales|losses|income"
    r"|results|dividends?|growth|economy|GDP|fiscal|quarterly|shares?|output|deficit)\b",
    re.I,
)


def about_money(text: str) -> bool:
    """Whether a sentence is about money (results, prices, the economy)."""
    return bool(_MONEY.search(text))


_LOOK_BACK = re.compile(r"ago|earlier|prior|corresponding")


def looks_back_a_year(groups: dict[str, str]) -> bool:
    """Whether a reference to a report's period names the same period a year before."""
    mods = groups.get("mods", "").lower()
    return bool(groups.get("back") or groups.get("tail") or _LOOK_BACK.search(mods))


def _period_ref_ok(text: str, groups: dict[str, str]) -> bool:
    """"The quarter" is a reporting period in a sentence about money ("sales in the quarter rose"),
    a period of play in sport; "the period" alone is too vague, "the year-ago period" is not."""
    if groups["pu"].lower() == "period" and not (looks_back_a_year(groups) or groups.get("y")):
        return False
    return about_money(text)


_OF = re.compile(r"\s+of\b")


def _part_of_something(text: str, end: int, groups: dict[str, str]) -> bool:
    """"The last week of the season", "the last year of his term", "the last week of March": the
    end of something else, not the week or year before publication."""
    return bool(groups.get("the")) and groups["shift"].lower() == "last" and bool(_OF.match(text, end))


def _has_year(groups: dict[str, str]) -> bool:
    return any(groups.get(k) for k in ("y", "y3", "ry", "ry2", "ty"))


def _quarter_ok(text: str, groups: dict[str, str]) -> bool:
    if groups.get("qn") or _has_year(groups):
        return True
    return bool(groups.get("q") or groups.get("h")) and bool(_MONEY.search(text))


def _bounds(m: Match, rm: re.Match[str]) -> list[Match]:
    """The match, or one match per time of a list ("1982 and 1992", "March or April", "between
    April and June"). A range written with "to", "through" or a dash stays one interval: "served
    from 1967 to 1979" is one span of time, compared whole with another report's."""
    g = m.groups
    if m.kind == "year" and g.get("y2") and _LIST.fullmatch(rm.string[rm.end("y") : rm.start("y2")]):
        y2 = g["y2"] if len(g["y2"]) == 4 else g["y"][:2] + g["y2"]
        first = {k: v for k, v in g.items() if k != "y2"}
        return [Match("year", m.start, rm.end("y"), first), Match("year", rm.start("y2"), m.end, {"y": y2})]
    if m.kind == "month_day_range" and _LIST.fullmatch(rm.string[rm.end("d") : rm.start("m2")]):
        rest = {k: g[k] for k in ("y", "ry") if g.get(k)}
        wrap = month_number(g["m2"]) < month_number(g["m"])
        first = {"m": g["m"], "d": g["d"]}
        if g.get("y"):
            first["y"] = str(int(g["y"]) - wrap)
        elif g.get("ry"):
            first["ry"] = g["ry"]
        return [Match("month_day", m.start, rm.end("d"), first),
                Match("month_day", rm.start("m2"), m.end, {"m": g["m2"], "d": g["d2"], **rest})]  # fmt: skip
    if m.kind == "decade" and g.get("bare2"):  # "the 70s and 80s"
        first = {k: v for k, v in g.items() if k != "bare2"}
        return [Match("decade", m.start, rm.end("bare") + 1, first),
                Match("decade", rm.start("bare2"), m.end, {"bare": g["bare2"]})]  # fmt: skip
    if m.kind == "month" and g.get("more"):
        at = rm.start("more")
        spans = [(rm.start("m"), rm.end("m"))]
        spans += [(at + x.start(), at + x.end()) for x in _MONTH_RX.finditer(g["more"])]
        if not all(_LIST.fullmatch(rm.string[a[1] : b[0]]) for a, b in itertools.pairwise(spans)):
            return [m]
        names = [rm.string[a:b] for a, b in spans]
        last = month_number(names[-1])
        out = []
        for i, ((a, b), name) in enumerate(zip(spans, names, strict=True)):
            one = {"m": name}
            if g.get("y"):
                one["y"] = str(int(g["y"]) - (month_number(name) > last))
            elif g.get("ry"):
                one["ry"] = g["ry"]
            else:  # "between March and May": placed in time as one list, so May is not before March
                one["lfirst"], one["llast"] = names[0], names[-1]
            if i == 0 and g.get("part"):
                one["part"] = g["part"]
            start = m.start if i == 0 else a
            out.append(Match("month", start, m.end if i == len(spans) - 1 else b, one))
        return out
    return [m]


# What joins the times of a list, not the ends of a range.
_LIST = re.compile(r"\s+(?:and|or|&)\s+|,\s*(?:(?:and|or)\s+)?")
_MONTH_RX = re.compile(_M)
_DAY_KINDS = frozenset(
    ("iso", "numeric", "month_day", "day_month", "weekday", "day_word", "day_part", "holiday", "anchored",
     "day_before")
)
_CLOCK_GAP = re.compile(r"\s*,?\s*(?:(?:on|at|of)\s+)?")


def _with_clocks(text: str, found: list[Match]) -> list[Match]:
    """Join each clock time to a day written right before or after it ("Friday at 7 p.m.")."""
    out: list[Match] = []
    for m in found:
        prev = out[-1] if out else None
        pair = {m.kind, prev.kind} if prev is not None else set()
        joined = prev is not None and _CLOCK_GAP.fullmatch(text[prev.end : m.start]) is not None
        if prev is not None and joined and "clock" in pair and pair & _DAY_KINDS:
            day = prev if prev.kind != "clock" else m
            out[-1] = Match(day.kind, prev.start, m.end, day.groups)
            continue
        out.append(m)
    return out


# "the day after Christmas", "the day before last Tuesday", "the night after Monday's debate"
_DAY_FROM = re.compile(r"(?i:\bthe\s+(?P<unit>day|night)\s+(?P<dir>before|after)\s+)$")
_NAMED_DAYS = frozenset(("iso", "numeric", "month_day", "day_month", "weekday", "holiday"))


def _from_a_day(text: str, found: list[Match]) -> list[Match]:
    """Join "the day after" to the day it counts from ("the day after Christmas" is 26 December);
    the match keeps that day's kind, its groups saying the step ("from": "1" or "-1")."""
    out = []
    for m in found:
        lead = _DAY_FROM.search(text, 0, m.start) if m.kind in _NAMED_DAYS else None
        if lead is not None:
            step = "1" if lead["dir"].lower() == "after" else "-1"
            m = Match(m.kind, lead.start(), m.end, {**m.groups, "from": step})
        out.append(m)
    return out
