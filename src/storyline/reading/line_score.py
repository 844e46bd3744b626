"""How likely each line of a pasted page is article body, from the page's structure alone.

A body is a run of long, sentence-shaped lines; page furniture is short, Title Case, repeated, and
sits among other short lines. A logistic regression over those shapes (the line's own and its
neighbours') gives each line a log-odds of being body; ``bench/fit_line_score.py`` fits it on pages
of other sites than the ones it is checked on and stores the weights beside this module.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.reading.lines import Kind, Line, ends_sentence

WEIGHTS_FILE = Path(__file__).with_name("line_score.json")

_KINDS = (
    Kind.PROSE,
    Kind.LONG,
    Kind.SENTENCE,
    Kind.ITEM,
    Kind.DATE,
    Kind.BYLINE,
    Kind.CAPTION,
    Kind.FURNITURE,
)
_NEAR = 3  # neighbours on each side whose shape tells what run a line sits in
_WIDE = 12  # ... and the wider window whose prose tells whether it is the page's main text
FEATURES = (
    "log_words",
    "terminal",
    "capital_start",
    "title_share",
    "digit_share",
    "separators",
    "commas",
    "sentences",
    "repeated",
    "position",
    *(f"kind_{k.value}" for k in _KINDS),
    "near_log_words",
    "near_terminal",
    "near_short",
    "prev_terminal",
    "next_terminal",
    "wide_prose",
    "prose_above",
)

_SEPARATOR = re.compile(r"[|•·»›/]|\s[-–—]\s")
_STOP = re.compile(r"[a-z0-9)][.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_WORDS = 200.0


def _own(line: Line, repeats: int) -> list[float]:
    """The line's own shape: length, sentence end, capitals, digits, separators, punctuation."""
    text = line.text
    words = _WORD.findall(text)
    n = max(len(words), 1)
    title = sum(1 for w in words if w[0].isupper()) / n
    digits = sum(c.isdigit() for c in text) / max(len(text), 1)
    return [
        math.log1p(min(line.words, _MAX_WORDS)),
        float(ends_sentence(text)),
        float(text[0].isupper() or text[0] in "\"“‘'"),
        title,
        digits,
        min(len(_SEPARATOR.findall(text)), 3) / 3,
        min(text.count(",") / n, 0.5),
        math.log1p(len(_STOP.findall(text))),
        float(repeats > 1),
    ]


def features(lines: Sequence[Line]) -> npt.NDArray[np.float64]:
    """One row of ``FEATURES`` per line."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    repeats = Counter(ln.text for ln in lines)
    own = np.array([_own(ln, repeats[ln.text]) for ln in lines], dtype=np.float64)
    kinds = np.array([[float(ln.kind is k) for k in _KINDS] for ln in lines], dtype=np.float64)
    logw, term = own[:, 0], own[:, 1]
    short = np.array([float(ln.kind in (Kind.SHORT, Kind.FURNITURE)) for ln in lines])
    prose = np.array([float(len(ln.text)) if ln.kind is Kind.PROSE else 0.0 for ln in lines])
    total = max(prose.sum(), 1.0)
    after, before = np.zeros(n), np.zeros(n)
    after[:-1], before[1:] = term[1:], term[:-1]
    ctx = np.column_stack(
        [
            np.arange(n) / max(n - 1, 1),
            _near_mean(logw),
            _near_mean(term),
            _near_mean(short),
            before,
            after,
            _window_sum(prose, _WIDE) / total,
            (np.cumsum(prose) - prose) / total,
        ]
    )
    return np.hstack([own, ctx[:, :1], kinds, ctx[:, 1:]])


def _window_sum(values: npt.NDArray[np.float64], width: int) -> npt.NDArray[np.float64]:
    """The sum of ``values`` within ``width`` places of each (itself included)."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    at = np.arange(len(values))
    return sums[np.minimum(at + width + 1, len(values))] - sums[np.maximum(at - width, 0)]


def _near_mean(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The mean of ``values`` over the ``_NEAR`` neighbours on each side (itself left out)."""
    count = _window_sum(np.ones(len(values)), _NEAR) - 1
    return np.divide(_window_sum(values, _NEAR) - values, count, out=np.zeros(len(values)), where=count > 0)


@functools.cache
def _fitted() -> tuple[npt.NDArray[np.float64], float, float]:
    """The weights, bias and threshold that ``bench/fit_line_score.py --write`` stored."""
    if not WEIGHTS_FILE.is_file():
        raise RuntimeError(f"{WEIGHTS_FILE.name} is missing: run bench/fit_line_score.py --write")
    fitted = json.loads(WEIGHTS_FILE.read_text())
    if list(fitted["features"]) != list(FEATURES):
        raise RuntimeError(f"{WEIGHTS_FILE.name} was fitted on other features: run bench/fit_line_score.py")
    weights = np.array(fitted["weights"], dtype=np.float64)
    return weights, float(fitted["bias"]), float(fitted.get("threshold", 0.0))


def threshold() -> float:
    """The log-odds above which a line counts as body (chosen on the tuning pages)."""
    return _fitted()[2]


def body_logits(lines: Sequence[Line]) -> npt.NDArray[np.float64]:
    """Each line's fitted log-odds of being article body."""
    weights, bias, _ = _fitted()
    return features(lines) @ weights + bias
