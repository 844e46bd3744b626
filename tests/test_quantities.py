"""Quantities with hedges, units and counted things, on news sentences written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.annotation.numbers import parse_number, vague_range
from storyline.annotation.quantities import find_quantities

N = None
# (sentence, text as found, value, low, high, unit, counted, hedge)
CASES: list[tuple[str, str, float, float | None, float | None, str | None, str | None, str | None]] = [
    ("Russia has moved an estimated 100,000 troops toward Ukraine.", "an estimated 100,000", 100_000, 85_000,
     115_000, N, "troops", "an estimated"),
    ("He has massed 100,000 or so troops on the border.",
     "100,000 or so", 100_000, 85_000, 115_000, N, "troops",
     "or so"),
    ("White House officials said the call lasted 50 minutes.",
     "50 minutes", 50, 50, 50, "minutes", "minutes", N),
    ("The exchange came during a 50-minute phone call.", "50-minute", 50, 50, 50, "minutes", "minutes", N),
    # a whole number with a common fraction, as prison terms and waits are written
    ("He was sentenced to 2 1/2 years in prison.", "2 1/2 years", 1_314_900, 1_314_900, 1_314_900, "minutes",
     "minutes", N),
    ("She was sentenced to 2½ years.", "2½ years", 1_314_900, 1_314_900, 1_314_900, "minutes", "minutes", N),
    ("Voters waited 1-1/2 hours in line.", "1-1/2 hours", 90, 90, 90, "minutes", "minutes", N),
    ("The two leaders spoke frankly for nearly an hour.", "nearly an hour", 60, 48, 60, "minutes", "minutes",
     "nearly"),
    ("More than 100 people were arrested overnight.", "More than 100", 100, 100, N, N, "people", "more than"),
    ("At least 12 civilians were killed in the attack.",
     "At least 12", 12, 12, N, N, "civilians", "at least"),
    ("Up to 5,000 workers could lose their jobs.", "Up to 5,000", 5000, N, 5000, N, "workers", "up to"),
    ("The company will cut about 1,200 jobs.", "about 1,200", 1200, 1020, 1380, N, "jobs", "about"),
    ("Between 20 and 30 protesters gathered outside.", "Between 20 and 30", 25, 20, 30, N, "protesters",
     "between"),
    ("The storm destroyed 20-30 homes.", "20-30", 25, 20, 30, N, "homes", "range"),
    ("The government pledged $1.2 billion in aid.", "$1.2 billion", 1.2e9, 1.2e9, 1.2e9, "USD", "dollars", N),
    ("The start-up raised £3.5m from investors.", "£3.5m", 3.5e6, 3.5e6, 3.5e6, "GBP", "pounds", N),
    ("The EU fined the firm €4.3 billion.", "€4.3 billion", 4.3e9, 4.3e9, 4.3e9, "EUR", "euros", N),
    ("The US has provided hundreds of millions of dollars in aid.",
     "hundreds of millions of dollars", 2e8, 2e8,
     999_999_999, "USD", "dollars", N),
    ("Unemployment fell to 3.9 percent last month.", "3.9 percent", 3.9, 3.9, 3.9, "%", N, N),
    ("Turnout was 67% in the first round.", "67%", 67, 67, 67, "%", N, N),
    ("Support for the party rose by two percentage points.", "two percentage points", 2, 2, 2,
     "percentage points", N, N),
    ("Two US officials briefed reporters on the talks.", "Two", 2, 2, 2, N, "officials", N),
    ("A dozen ambulances were sent to the scene.", "A dozen", 12, 12, 12, N, "ambulances", N),
    ("Thousands of people marched through the capital.", "Thousands", 2000, 2000, 9999, N, "people", N),
    ("Tens of thousands of refugees crossed the border.", "Tens of thousands", 20_000, 20_000, 99_999, N,
     "refugees", N),
    ("Some 300 families were evacuated from the valley.", "Some 300", 300, 255, 345, N, "families", "some"),
    ("Almost 40 percent of voters backed the plan.",
     "Almost 40 percent", 40, 32, 40, "%", "voters", "almost"),
    ("Roughly 2.5 million people still lack power.",
     "Roughly 2.5 million", 2.5e6, 2.125e6, 2.875e6, N, "people",
     "roughly"),
    ("The trial lasted three weeks.", "three weeks", 30_240, 30_240, 30_240, "minutes", "minutes", N),
    ("The flight to Kabul took two hours.", "two hours", 120, 120, 120, "minutes", "minutes", N),
    ("A 12-year-old boy was among the injured.", "12-year-old", 12, 12, 12, "years", "age", N),
    ("Fewer than 50 lawmakers voted against the bill.", "Fewer than 50", 50, N, 50, N, "lawmakers",
     "fewer than"),
    ("The rally drew more than 10,000 supporters.", "more than 10,000", 10_000, 10_000, N, N, "supporters",
     "more than"),
    ("Police fired 1,000-plus rounds during the siege.", "1,000-plus", 1000, 1000, N, N, "rounds", "plus"),
    ("Nearly 200 flights were cancelled at Heathrow.", "Nearly 200", 200, 160, 200, N, "flights", "nearly"),
    ("The plan would cost $4 trillion in total.", "$4 trillion", 4e12, 4e12, 4e12, "USD", "dollars", N),
    ("Half a million people signed the petition.", "Half a million", 5e5, 5e5, 5e5, N, "people", N),
    ("Facebook says it has 2.9 billion monthly users.", "2.9 billion", 2.9e9, 2.9e9, 2.9e9, N, "users", N),
    ("The strike lasted 10 days.", "10 days", 14_400, 14_400, 14_400, "minutes", "minutes", N),
    ("Prices rose 5 to 7 percent in March.", "5 to 7 percent", 6, 5, 7, "%", N, "range"),
    ("Officials said as many as 400 soldiers were killed.", "as many as 400", 400, N, 400, N, "soldiers",
     "as many as"),
    ("The plane carried 150 passengers and six crew members.", "150", 150, 150, 150, N, "passengers", N),
    ("The plane carried 150 passengers and six crew members.", "six", 6, 6, 6, N, "members", N),
    ("Rebels hold two hundred and fifty hostages.", "two hundred and fifty", 250, 250, 250, N, "hostages", N),
    ("The company lost 3,500 dollars a day.", "3,500 dollars", 3500, 3500, 3500, "USD", "dollars", N),
    ("The fire burned for just over 12 hours.", "just over 12 hours", 720, 720, 792, "minutes", "minutes",
     "just over"),
    ("At least one person was killed in the blast.", "At least one", 1, 1, N, N, "person", "at least"),
    ("Five hundred and eighty-four days after his launch, he won.", "Five hundred and eighty-four days",
     840_960, 840_960, 840_960, "minutes", "minutes", N),
    ("About 60 House Democrats boycotted the ceremony.", "About 60", 60, 51, 69, N, "democrats", "about"),
    ("McCain and Graham, two of the strongest Republican critics, objected.", "two", 2, 2, 2, N, "critics",
     N),
    ("The quake struck at a depth of 10 km.", "10 km", 10, 10, 10, "km", "km", N),
    ("Police seized 200 pounds of cocaine.", "200 pounds", 90.718474, 90.718474, 90.718474, "kg", "kg", N),
    ("The project will cost Rs 500 crore.", "Rs 500 crore", 5e9, 5e9, 5e9, "INR", "rupees", N),
    ("Output rose by 1.2 million barrels a day.", "1.2 million barrels", 1.2e6, 1.2e6, 1.2e6, "barrels",
     "barrels", N),
    ("Turnout rose from 20 to 30 percent.", "from 20 to 30 percent", 25, 20, 30, "%", N, "range"),
    ("Estimates range from $1.2 to 1.5 billion.", "from $1.2 to 1.5 billion", 1.35e9, 1.2e9, 1.5e9, "USD",
     "dollars", "range"),
    ("About two-thirds of voters backed the plan.", "About two-thirds", 66.6666666667, 56.6666666667,
     76.6666666667, "%", "voters", "about"),
    ("Half of the 100 senators were absent.", "Half", 50, 50, 50, "%", "senators", N),
    ("Russia has deployed 10 battalion tactical groups.", "10", 10, 10, 10, N, "groups", N),
]  # fmt: skip
# Ranges of values are one figure with two bounds, the ends each with its own unit too (gva-dev
# 541769, ecbplus-dev 36_11ecbplus, polnear-dev); an age told by the word before it; "-years-old"
RANGES: list[tuple[str, str, float, float | None, float | None, str | None, str | None, str | None]] = [
    ("An initial investigation revealed that Tahirah Phillips was in the front bedroom of the home with "
     "her father and her siblings ranging in age from seven months to 13-years-old.",
     "from seven months to 13-years-old", 6.7916666667, 7 / 12, 13, "years", "age", "range"),
    ("All seven of those who have been prosecuted were convicted, receiving prison sentences of between "
     "six and 75 years.", "between six and 75 years", 21_301_380, 3_155_760, 39_447_000, "minutes", "minutes",
     "between"),
    ("In May, the unemployment rate for blacks ages 16 to 24 was 18.", "16 to 24", 20, 16, 24, "years", "age",
     "range"),
    ("Public option would allow individuals ages 55 to 65 to buy into Medicare directly.", "55 to 65", 60, 55,
     65, "years", "age", "range"),
    ("The male victim is 21-years-old.", "21-years-old", 21, 21, 21, "years", "age", N),
    ("Esther Williams, the swimming champion turned actress, has died peacefully in her sleep aged 91.",
     "91", 91, 91, 91, "years", "age", N),
]  # fmt: skip
CASES += RANGES
# Numbers that are not quantities: dates, years, clock times, ordinals, names, scores.
NOT_QUANTITIES: list[tuple[str, str]] = [
    ("The talks begin in Geneva on January 10.", "10"),
    ("Russia annexed Crimea in 2014.", "2014"),
    ("The vote starts at 10:30 a.m. local time.", "10"),
    ("Polls close at 8 p.m.", "8"),
    ("It was the second call between the leaders this month.", "second"),
    ("Two F-16 jets were scrambled.", "16"),
    ("Allies invoked Article 5 of the treaty.", "5"),
    ("COVID-19 cases rose sharply.", "19"),
    ("Manchester United won 3-1 at home.", "3"),
    ("No one was hurt in the blast.", "one"),
    ("One of the officials said talks would continue.", "One"),
    ("The Biden administration has attempted a two-track approach.", "two"),
    ("One concern of civil libertarians is the cost.", "One"),
    ("Almost a year ago, the president spoke here.", "a year"),
    # a list of ages is no age of one (gva-dev); a bound before "age" is no age of anyone
    ("He ushered the children — ages 3, 10 and 13 — inside.", "3"),
    ("Jeffs is believed to have 78 wives, 24 of them under age 17, according to prosecutors.", "17"),
]


@pytest.fixture(scope="module")
def docs(nlp: Any) -> dict[str, Any]:
    sentences = sorted({c[0] for c in CASES} | {c[0] for c in NOT_QUANTITIES})
    return dict(zip(sentences, nlp.pipe(sentences), strict=True))


def _approx(x: float | None) -> Any:
    return None if x is None else pytest.approx(x, rel=1e-6)


@pytest.mark.parametrize(("sentence", "text", "value", "low", "high", "unit", "counted", "hedge"), CASES)
def test_quantity_table(
    docs: dict[str, Any],
    sentence: str,
    text: str,
    value: float,
    low: float | None,
    high: float | None,
    unit: str | None,
    counted: str | None,
    hedge: str | None,
) -> None:
    found = {q.text: q for q in find_quantities(docs[sentence])}
    assert text in found, f"{text!r} not in {sorted(found)}"
    q = found[text]
    assert sentence[q.start : q.end] == text
    assert (q.value, q.low, q.high) == (_approx(value), _approx(low), _approx(high))
    assert (q.unit, q.counted, q.hedge) == (unit, counted, hedge)


@pytest.mark.parametrize(("sentence", "number"), NOT_QUANTITIES)
def test_not_a_quantity(docs: dict[str, Any], sentence: str, number: str) -> None:
    assert not any(number in q.text for q in find_quantities(docs[sentence]))


def test_seed_quantities_compare(nlp: Any, seed_paths: tuple[Path, Path]) -> None:
    """The seeds' aligned figures: bounds that overlap, durations in one unit."""
    a, b = (find_quantities(nlp(p.read_text(encoding="utf-8"))) for p in seed_paths)
    troops_a = next(q for q in a if q.counted == "troops")
    troops_b = next(q for q in b if q.counted == "troops")
    assert troops_a.hedge == "an estimated" and troops_b.hedge == "or so"
    assert troops_a.low is not None and troops_b.high is not None and troops_a.low <= troops_b.high
    hour = next(q for q in a if q.text == "nearly an hour")
    minutes = next(q for q in b if q.text == "50-minute")
    assert hour.unit == minutes.unit == "minutes"
    assert hour.low is not None and hour.high is not None and hour.low <= minutes.value <= hour.high
    money = next(q for q in b if q.unit == "USD")
    assert money.low == 2e8 and money.text == "hundreds of millions of dollars"


@pytest.mark.parametrize(
    ("text", "value"),
    [("100,000", 1e5), ("1.2 billion", 1.2e9), ("twenty-five", 25), ("a dozen", 12), ("half a million", 5e5),
     ("two and a half million", 2.5e6), ("3bn", 3e9), ("seven", 7), ("not a number", None)],
)  # fmt: skip
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_vague_range() -> None:
    assert vague_range("hundreds of millions") == (2e8, 999_999_999)
    assert vague_range("dozens") == (24, 99)
    assert vague_range("forty") is None


def test_case_count() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        (
            "Trump agreed on Friday to reopen the government for three weeks while talks went on.",
            "three weeks",
        ),
        ("Unemployment fell to its lowest level in six years, the department said.", "six years"),
        ("The bureau said that Mr. Strzok should be suspended for 60 days and demoted.", "60 days"),
    ],
)
def test_a_span_of_time_is_still_a_count(nlp: Any, sentence: str, figure: str) -> None:
    """A span is a time and a count at once: the time patterns that read "in six years" as the span
    a record is measured over must not hide the figure two reports can differ on."""
    assert figure in [q.text for q in find_quantities(nlp(sentence))]
