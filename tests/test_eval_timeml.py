"""bench/eval_timeml.py's reader of MEANTIME's CAT files: the text joined back from its tokens, each
DATE/TIME at the characters of its tokens, the dateline as the DCT (not scored), and the mod that
MEANTIME leaves out read from the words."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The shape of a MEANTIME file: title (sentence 0), dateline (sentence 1), body; PTB quotes.
TOKENS = [
    ("0", "Ford"), ("0", "offers"), ("0", "$"), ("0", "78"), ("0", "million"),
    ("1", "September"), ("1", "08"), ("1", ","), ("1", "2007"),
    ("2", "Ford"), ("2", "said"), ("2", "``"), ("2", "it"), ("2", "'s"), ("2", "done"), ("2", "''"),
    ("2", "in"), ("2", "late"), ("2", "2006"), ("2", "("), ("2", "7/8/07"), ("2", ")"), ("2", "."),
]  # fmt: skip


def _cat(timexes: str) -> str:
    toks = "\n".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{w.replace("&", "&amp;")}</token>'
        for i, (s, w) in enumerate(TOKENS, start=1)
    )
    head = '<?xml version="1.0" ?><Document doc_id="1" doc_name="x">'
    return f"{head}\n{toks}\n<Markables>{timexes}</Markables></Document>"


DCT = '<TIMEX3 m_id="1" type="DATE" value="2007-09-08" functionInDocument="CREATION_TIME">' + "".join(
    f'<token_anchor t_id="{i}"/>' for i in (6, 7, 8, 9)
) + "</TIMEX3>"
LATE = '<TIMEX3 m_id="2" type="DATE" value="2006"><token_anchor t_id="18"/><token_anchor t_id="19"/></TIMEX3>'
NUMERIC = '<TIMEX3 m_id="3" type="DATE" value="2007-07-08"><token_anchor t_id="21"/></TIMEX3>'
IMPLIED = '<TIMEX3 m_id="4" type="DATE" value="2058" TAG_DESCRIPTOR="2058"/>'
DURATION = '<TIMEX3 m_id="5" type="DURATION" value="P1Y"><token_anchor t_id="15"/></TIMEX3>'


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_timeml", ROOT / "bench" / "eval_timeml.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_text_golds_and_dct(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "1_Ford.xml"
    path.write_text(_cat(DCT + LATE + NUMERIC + IMPLIED + DURATION), encoding="utf-8")
    doc = bench.read_cat(path)
    body = 'Ford said "it\'s done" in late 2006 (7/8/07).'
    assert doc.text == f"Ford offers $78 million\n\nSeptember 08, 2007\n\n{body}"
    assert doc.dct == "2007-09-08"
    golds = [(g.text, g.value, g.mod) for g in doc.golds]
    assert golds == [("late 2006", "2006", "END"), ("7/8/07", "2007-07-08", "")]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.golds)


def test_a_dateline_not_marked_creation_time_is_the_dct(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "2_Ford.xml"
    path.write_text(_cat(DCT.replace("CREATION_TIME", "NONE") + LATE), encoding="utf-8")
    doc = bench.read_cat(path)
    assert doc.dct == "2007-09-08"
    assert [g.text for g in doc.golds] == ["late 2006"]


@pytest.mark.parametrize(
    ("words", "mod"),
    [("late 2006", "END"), ("the end of last year", "END"), ("early June", "START"), ("mid-2009", "MID"),
     ("the start of this year", "START"), ("later", ""), ("lately", ""), ("2006", "")],
)  # fmt: skip
def test_mod_from_the_words(bench: ModuleType, words: str, mod: str) -> None:
    assert bench._mod_of(words) == mod


def test_the_value_score_compares_the_timeml_value(bench: ModuleType, tmp_path: Path) -> None:
    """"late 2006" is right by its TimeML value (2006, mod END) though its interval, September to
    December, is not the gold's whole year; a wrong value is wrong though its interval is right."""
    path = tmp_path / "3_Ford.xml"
    path.write_text(_cat(DCT + LATE + NUMERIC), encoding="utf-8")
    doc = bench.read_cat(path)
    late, numeric = (doc.text.index(w) for w in ("late 2006", "7/8/07"))
    preds = [bench.Prediction(late, late + 9, "2006-09-01", "2006-12-31", "2006", "END"),
             bench.Prediction(numeric, numeric + 6, "2007-07-08", "2007-07-08", "2007-07-09", None)]
    s, errors = bench.Score(), []
    bench.score(doc, preds, s, errors)
    assert (s.gold, s.found, s.correct, s.mod_correct, s.interval_correct) == (2, 2, 1, 1, 1)
    assert [e.split()[:3] for e in errors] == [["wrong", "3_Ford", "'7/8/07'"]]


def test_a_reference_to_the_time_of_writing_must_be_the_same_reference(bench: ModuleType) -> None:
    """A gold PRESENT_REF is right only as PRESENT_REF, a duration only as itself; an underspecified
    gold ("1989-WXX") is right when the value given names no calendar interval either."""
    text = "Prices are now higher than in recent years and the week."
    words = (("now", "PRESENT_REF"), ("recent years", "PXY"), ("the week", "1989-WXX"))
    golds = tuple(bench.Gold(text.index(w), text.index(w) + len(w), w, v, "") for w, v in words)
    doc = bench.Document("wsj", "1989-10-30", text, golds)
    preds = [bench.Prediction(g.start, g.end, None, None, v, None)
             for g, v in zip(golds, ("PRESENT_REF", "PAST_REF", None), strict=True)]  # fmt: skip
    s, errors = bench.Score(), []
    bench.score(doc, preds, s, errors)
    assert (s.found, s.correct) == (3, 2)
    assert [e.split()[2] for e in errors] == ["'recent"]


def test_each_end_of_a_range_is_scored_by_its_own_value(bench: ModuleType) -> None:
    """TimeML dates "2009" and "2011" of "2009 to 2011" apart; storyline's one range carries both ends
    ("2009/2011"), and each gold is compared with the end on its side."""
    text = "Deliveries run from 2009 to 2011."
    golds = tuple(bench.Gold(text.index(y), text.index(y) + 4, y, y, "") for y in ("2009", "2011"))
    doc = bench.Document("mt", "2007-06-09", text, golds)
    at = text.index("2009 to 2011")
    preds = [bench.Prediction(at, at + 12, "2009-01-01", "2011-12-31", "2009/2011", None)]
    s, errors = bench.Score(), []
    bench.score(doc, preds, s, errors)
    assert (s.found, s.correct) == (2, 2)
    swapped = [bench.Prediction(at, at + 12, "2009-01-01", "2011-12-31", "2011/2009", None)]
    s = bench.Score()
    bench.score(doc, swapped, s, [])
    assert s.correct == 0
