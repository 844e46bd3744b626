"""Who speaks for an organisation: the spokesperson credit line news writes to name the person
who reads an institution's words ("White House press secretary Jen Psaki said", "Dmitry Peskov,
the Kremlin spokesman,", "Ned Price, a spokesman for the State Department").

One outlet credits a statement to the organisation ("a White House statement said"), another to
the person who read it out: the same words from one source, not two speakers. Only the article
that names the person says they speak for the organisation, so the test reads that article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the roles whose words are the organisation's, not their own: a "secretary" of state speaks for
# herself, a press secretary for the office
_ROLE = r"(?i:(?:chief\s+|deputy\s+)?(?:spokes(?:man|woman|person)|press\s+(?:secretary|officer)))"
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}"  # the first names before the surname
_POSS = r"(?:[’']s)?"
_FEW = r"(?:[a-z]+\s+){0,2}"  # "chief", "top", "national security council"


def _patterns(org: str, surname: str) -> list[re.Pattern[str]]:
    o, s = re.escape(org), re.escape(surname)
    return [
        # "White House press secretary Jen Psaki", "Kremlin spokesman Dmitry Peskov"
        re.compile(rf"\b{o}{_POSS}\s+{_FEW}{_ROLE}\s+{_NAME}{s}\b"),
        # "Jen Psaki, the White House press secretary", "Peskov, Putin's spokesman" (not: no org)
        re.compile(rf"\b{s},\s+(?:the|a|an)\s+{_FEW}{o}{_POSS}\s+{_FEW}{_ROLE}\b"),
        # "Ned Price, a spokesman for the State Department"
        re.compile(rf"\b{s},\s+(?:the|a|an)\s+{_FEW}{_ROLE}\s+(?:for|at|of)\s+(?:the\s+)?{o}\b"),
        # "a spokesman for the Pentagon, John Kirby, said"
        re.compile(rf"{_ROLE}\s+(?:for|at|of)\s+(?:the\s+)?{o},?\s+{_NAME}{s}\b"),
    ]


def speaks_for(person: str, org: str, sentences: Iterable[str]) -> bool:
    """Do these sentences (the person's article) name ``person`` as ``org``'s spokesperson?"""
    org = re.sub(r"^(?:[Tt]he)\s+", "", org.strip())
    words = person.split()
    if not org or not words:
        return False
    patterns = _patterns(org, words[-1])
    return any(p.search(text) for text in sentences for p in patterns)
