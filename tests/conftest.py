"""Shared fixtures: the bundled seeds, the development data (skipped when absent), models loaded once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_A = EXAMPLES / "000_c4ff50917423203a.txt"
SEED_B = EXAMPLES / "001_480647fc13891387.txt"
# What a careful reader finds in the two seeds (shared/seeds/expected.json): the acceptance check's
# own folder, beside links to the seeds, so `storyline read examples/*` reads only reports.
EXPECTED_JSON = ROOT / "tests" / "acceptance" / "seeds" / "expected.json"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_paths() -> tuple[Path, Path]:
    return SEED_A, SEED_B


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not here")
    return SHARED_DATA


@pytest.fixture(scope="session")
def nlp() -> Any:
    from storyline.annotation import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def embedder() -> Any:
    from storyline.embed import Embedder

    return Embedder()
