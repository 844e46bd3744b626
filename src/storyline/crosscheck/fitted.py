"""Decisions fitted on hand-judged pairs (``bench/fit_date_events.py``, ``bench/fit_same_figure.py``):
a logistic regression whose weights ship as JSON beside the code that computes its features."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt


@functools.cache
def _weights(path: Path) -> tuple[tuple[str, ...], npt.NDArray[np.float64], float]:
    fitted = json.loads(path.read_text())
    return tuple(fitted["features"]), np.array(fitted["weights"], dtype=np.float64), float(fitted["bias"])


def probability(path: Path, features: Sequence[str], feats: Mapping[str, float], fitter: str) -> float:
    """The fitted probability for ``feats``; weights fitted on other features are refused, naming
    the ``fitter`` that makes them again."""
    names, weights, bias = _weights(path)
    if list(names) != list(features):
        raise RuntimeError(f"{path.name} was fitted on other features: run {fitter}")
    x = np.array([feats[k] for k in features], dtype=np.float64)
    return float(1.0 / (1.0 + np.exp(-(x @ weights + bias))))
