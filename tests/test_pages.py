"""numpy stops asking for huge pages once the pipeline loads (``annotation/pages.py``)."""

from __future__ import annotations

import numpy._core.multiarray as multiarray

from storyline.annotation.pages import small_pages


def test_small_pages_turns_numpy_hugepage_hint_off() -> None:
    before = multiarray._set_madvise_hugepage(True)  # type: ignore[attr-defined]
    try:
        small_pages()
        assert multiarray._set_madvise_hugepage(False) is False  # type: ignore[attr-defined]
    finally:
        multiarray._set_madvise_hugepage(before)  # type: ignore[attr-defined]
