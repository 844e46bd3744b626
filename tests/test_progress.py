"""The progress line: a bar with done/total and the time left when the number of reports is known
before reading, a count otherwise, nothing when stderr is not a terminal."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any

from rich.console import Console

from conftest import EXAMPLES, SEED_A, SEED_B
from storyline.engines.run import progress_line
from storyline.engines.units import count_reports
from storyline.reading.sniff import ReadOptions
from test_warc import write_warc

OPTIONS = ReadOptions()


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=120, color_system=None), out


def test_reports_are_counted_by_the_plan_without_reading_a_page(tmp_path: Path) -> None:
    assert count_reports([str(EXAMPLES)], OPTIONS) == 2
    missing = str(tmp_path / "missing.txt")
    assert count_reports([str(SEED_A), missing, "https://example.org/a"], OPTIONS) == 3  # each one line
    assert count_reports([str(SEED_A), "-"], OPTIONS) is None  # stdin can be read only once
    warc = write_warc(tmp_path / "pages.warc.gz", 3)  # 3 pages, 9 records skipped by design
    assert count_reports([str(SEED_A), str(warc)], OPTIONS) == 4
    lines = tmp_path / "reports.jsonl"
    lines.write_text("\n".join(json.dumps({"title": "t", "text": f"Body {i}."}) for i in range(3)) + "\n")
    assert count_reports([str(lines)], OPTIONS) == 3


def test_a_total_counted_beside_the_work_fills_in_the_bar() -> None:
    console, out = _terminal()
    counting = threading.Event()

    def count() -> int:
        counting.set()
        return 2

    with progress_line(console, None, "filed", count) as tick:
        assert counting.wait(5)
        time.sleep(0.2)  # the count's thread sets the total after it returns
        tick()
        tick()
    assert "2/2" in out.getvalue()


def test_a_known_total_shows_a_bar_with_done_of_total_and_time_left() -> None:
    console, out = _terminal()
    with progress_line(console, None, "annotating", 3) as tick:
        tick()
        tick(failed=True)  # an input that could not be read still moves the bar to its end
        tick()
    shown = out.getvalue()
    assert "3/3" in shown and "eta" in shown and "annotating" in shown


def test_without_a_total_failures_are_not_counted_as_done() -> None:
    console, out = _terminal()
    with progress_line(console, None, "filed") as tick:
        tick()
        tick(failed=True)
        tick()
    assert "filed 2 (" in out.getvalue() and "filed 3" not in out.getvalue()


def test_a_file_holding_more_reports_than_counted_grows_the_total() -> None:
    console, out = _terminal()
    with progress_line(console, None, "reading", 1) as tick:
        tick()
        tick()
    assert "2/2" in out.getvalue()


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    out = io.StringIO()
    with progress_line(Console(file=out, force_terminal=False), None, "reading", 2) as tick:
        tick()
        tick(failed=True)
    assert out.getvalue() == ""


def test_compare_reports_each_report_annotated(nlp: Any, embedder: Any) -> None:
    from storyline.crosscheck import compare

    heard: list[int] = []
    compare([SEED_A, SEED_B], nlp=nlp, embedder=embedder, progress=lambda: heard.append(1))
    assert len(heard) == 2


def test_each_stage_rate_shows_as_written_not_read_as_markup() -> None:
    from storyline.engines.local import LocalEngine

    engine = LocalEngine()
    engine.clock.add("decode", 0.5, 10)
    console, out = _terminal()
    with progress_line(console, engine, "filed") as tick:
        tick()
    assert "[decode 20/s]" in out.getvalue()
