"""The reading package's public names are all real, and the top-level API reads like the CLI."""

from __future__ import annotations

from pathlib import Path

import storyline
import storyline.reading as reading

SEED_A = Path(__file__).resolve().parent.parent / "examples" / "000_c4ff50917423203a.txt"


def test_exported_members_exist() -> None:
    assert len(set(reading.__all__)) == len(reading.__all__)
    for name in reading.__all__:
        assert getattr(reading, name) is not None


def test_top_level_read_is_the_reading_read() -> None:
    assert storyline.read(SEED_A) == reading.read(SEED_A)
    assert storyline.read(SEED_A.read_bytes(), name="a.txt").path == "a.txt"


def test_formats_are_a_registry_tried_in_order() -> None:
    names = [f.name for f in reading.FORMATS]
    assert names.index("gzip") < names.index("html") < names.index("text") == len(names) - 1
