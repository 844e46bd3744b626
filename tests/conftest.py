"""Shared fixtures: the bundled seeds, the development data (skipped when absent), models loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


# A plain `add` checks in its own process here, as `add --wait` (``engines.checker.MODE_ENV``):
# no detached checker outlives the test that started it, burning CI's CPU under the next tests.
# tests/test_background_checks.py takes it away to test the detached checker itself.
os.environ["STORYLINE_CHECKS"] = "wait"


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


@pytest.fixture(scope="module")
def cli(nlp: Any, embedder: Any) -> Iterator[Any]:
    """A CLI runner whose commands reuse the session's models instead of loading their own."""
    from typer.testing import CliRunner

    import storyline.annotation
    import storyline.embed

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(storyline.annotation, "load_nlp", lambda: nlp)
        mp.setattr(storyline.embed, "Embedder", lambda: embedder)
        yield CliRunner()


CHROMIUM = Path("/usr/bin/chromium")  # Debian's; never a browser Playwright downloads
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium through Playwright; skipped only when it is missing outside CI."""
    if not CHROMIUM.exists() and not os.environ.get("CI"):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
