"""Whether an article's own prose resumes below an interruption, from the page's structure.

Pages set boxes inside their articles: an author's bio, a promo, a list, a "Related" block, a
newsletter sign-up. Past it the article goes on, or the page goes on to other things (readers'
posts, other stories' summaries, the site's notices). The shape of the interruption and of the
run of prose after it tells the two apart, not any one site's words: how long the gap runs and
what fills it (short lines, a closing heading, the share bar again, another story's dateline),
the fitted line score (``line_score``) of the gap and of the run, the run's worth, paragraphs,
length and punctuation beside the body's, how much page follows it, and above all whether it
goes on with the body's topic (the share of its content words that the body uses too). A
logistic regression over those, fitted by ``bench/fit_resume.py`` on the tuning halves of
trafilatura's evaluation set (English and other languages) and extraction-dev, decides.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from storyline.reading.lines import Kind, Line, ends_article

WEIGHTS_FILE = Path(__file__).with_name("resume.json")
FEATURES = (
    *("gap_lines", "gap_short", "gap_closing", "gap_bar", "gap_header", "gap_logit"),
    *("part_share", "part_paragraphs", "part_shaped", "part_length", "part_terminal", "part_logit"),
    *("topic", "rest"),
)
# Lines between the body and a run of prose that could still be the article's: past a recipe's
# ingredients, a tag cloud or a video box. Readers' posts further down go on with the topic as
# often as the article does; ``comments.thread_start`` stops the walk at a thread of them (at 12
# lines and no thread rule, English tune / check 0.945 / 0.845; at 40 with it, 0.948 / 0.857).
MAX_GAP = 40
_WORD = re.compile(r"[^\W\d_]{4,}")  # content words, roughly, in any alphabetic script
_CLIP = 3.0


def _words(run: Sequence[Line]) -> set[str]:
    return {w.lower() for ln in run if ln.kind is Kind.PROSE for w in _WORD.findall(ln.text)}


def _median(run: Sequence[Line]) -> float:
    sizes = sorted(len(ln.text) for ln in run if ln.kind is Kind.PROSE)
    return float(sizes[len(sizes) // 2]) if sizes else 1.0


def _ratio(a: float, b: float) -> float:
    return max(-_CLIP, min(_CLIP, math.log(max(a, 1.0) / max(b, 1.0))))


def features(
    lines: Sequence[Line],
    body: tuple[int, int],
    part: tuple[int, int],
    logits: npt.NDArray[np.float64],
    worth: tuple[float, float],
    shaped: bool,
) -> npt.NDArray[np.float64]:
    """One row of ``FEATURES`` for the run ``lines[part]`` below the body ``lines[body]``.

    ``logits``: the fitted line score of each line of the page's text, by ``Line.pos``;
    ``worth``: the run's and the body's line-class scores; ``shaped``: two paragraphs in a row."""
    (i, j), (a, b) = body, part
    gap, run, above = lines[j:a], lines[a:b], lines[i:j]
    prose = [ln for ln in run if ln.kind is Kind.PROSE]
    bar = {ln.text for ln in lines[:i] if ln.kind is Kind.FURNITURE}
    words = _words(run)
    return np.array(
        [
            math.log1p(len(gap)),
            sum(ln.kind in (Kind.SHORT, Kind.FURNITURE) for ln in gap) / max(len(gap), 1),
            float(any(ends_article(ln.text) for ln in gap)),
            float(any(ln.text in bar for ln in gap)),
            float(any(ln.kind in (Kind.DATE, Kind.BYLINE) for ln in gap)),
            float(np.clip(np.mean(logits[j:a]), -_CLIP, _CLIP)) if a > j else 0.0,
            _ratio(*worth),
            math.log1p(len(prose)),
            float(shaped),
            _ratio(_median(run), _median(above)),
            sum(ln.terminal for ln in run) / max(len(run), 1),
            float(np.clip(np.mean([logits[ln.pos] for ln in prose]), -_CLIP, _CLIP)) if prose else -_CLIP,
            len(words & _words(above)) / max(len(words), 1),
            (len(logits) - b) / max(len(logits), 1),
        ]
    )


@functools.cache
def _fitted() -> tuple[npt.NDArray[np.float64], float]:
    """The weights and bias (less the chosen threshold) that ``bench/fit_resume.py --write`` stored."""
    fitted = json.loads(WEIGHTS_FILE.read_text())
    if list(fitted["features"]) != list(FEATURES):
        raise RuntimeError(f"{WEIGHTS_FILE.name} was fitted on other features: run bench/fit_resume.py")
    return np.array(fitted["weights"], dtype=np.float64), float(fitted["bias"])


def resumes(row: npt.NDArray[np.float64]) -> bool:
    """Whether the fitted score calls the run the article going on."""
    weights, bias = _fitted()
    return float(row @ weights + bias) > 0
