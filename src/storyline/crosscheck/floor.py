"""The floor of the "to check" list: a possible conflict is listed only when it is more likely a
right item to check (a real difference of one fact) than a wrong one (two figures of different
people or things, two acts' dates).

A fitted probability (``bench/fit_check_floor.py``, weights in ``check_floor.json``) of the
finding's confidence, its proof and its aspect: the confidence alone ranks items of one aspect, but
not across aspects (a quote's 0.4 is more often right than a figure's 0.4), nor a conflict whose
evidence is sure but whose parse shows no one fact (``Finding.proven``: "hold 240 seats" / "have
lost 60 seats", and a figure changed in a sentence told in other words) from a proven one. A wrong
item listed costs the reader a look, a right one left out a difference unseen: weighed alike, an
item is listed from a probability of one half.
"""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from pathlib import Path
from typing import get_args

from storyline.crosscheck.fitted import probability
from storyline.model import Aspect, Finding, Report

WEIGHTS_FILE = Path(__file__).with_name("check_floor.json")
# the aspects with their own term: every aspect a finding may have (``model.Aspect``); one the fit
# saw no judged item of is not floored (``listed``)
ASPECTS: tuple[Aspect, ...] = get_args(Aspect)
FEATURES = ("confidence", "unproven", *(f"aspect:{a}" for a in ASPECTS))
LISTED = 0.5  # a wrong item listed and a right one left out cost alike


def check_features(f: Finding) -> dict[str, float]:
    """The features the floor weighs: the finding's confidence, its proof and its aspect."""
    return {
        "confidence": f.confidence,
        "unproven": float(not f.proven),
        **{f"aspect:{a}": float(f.aspect == a) for a in ASPECTS},
    }


def right_to_check(f: Finding) -> float:
    """How likely the possible conflict is a right item to check (``check_floor.json``)."""
    return probability(WEIGHTS_FILE, FEATURES, check_features(f), "bench/fit_check_floor.py --write")


@functools.cache
def _floored() -> frozenset[str]:
    """The aspects the fit saw judged items of (``check_floor.json``'s ``floored``)."""
    return frozenset(json.loads(WEIGHTS_FILE.read_text()).get("floored", ()))


def listed(f: Finding) -> bool:
    """Is the possible conflict worth a reader's look: at or above the fitted floor? An aspect the
    fit saw no judged item of (a place without a gazetteer, a role) is listed as before: no
    evidence says its items are more often wrong."""
    return f.aspect not in _floored() or right_to_check(f) >= LISTED


def show_all(report: Report) -> Report:
    """The report with every possible conflict listed to check, those below the floor last."""
    return replace(report, to_check=report.to_check + report.below_floor, below_floor=())
