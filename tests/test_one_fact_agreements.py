"""An agreement is one fact: one act with its participants, and values that do not differ. Two
statements that share a number but count the doers of two acts, and two sentences that some
comparison sets at odds (a figure, a role), are never set in agreement (issue 14: on held-out
reports 9 of 17 real discrepancies were shown as agreements)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from outlets import compare_outlets
from storyline.crosscheck import compare
from storyline.crosscheck.claims import is_title
from storyline.model import Finding, Report


def agreements(report: Report, aspect: str | None = None) -> list[Finding]:
    return [f for f in report.findings if f.kind == "agree" and aspect in (None, f.aspect)]


def holding(findings: list[Finding], *words: str) -> list[Finding]:
    """The findings with a statement holding each of ``words``."""
    return [f for f in findings if all(any(w in s.text for s in f.statements) for w in words)]


def test_one_number_of_two_acts_is_no_agreement(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: the ships pirates hold and the warships patrolling the lanes are a dozen each,
    two counts of two acts; the same count of one act agrees (the three shot in one house)."""
    a = "Pirates holding about a dozen ships and nearly 300 crewmen in safe havens on the Somali coast."
    b = "Dozen of warships of several countries are also patrolling the shipping lanes in the Gulf of Aden."
    assert not agreements(compare_outlets(nlp, embedder, a, b), "number")
    c = "Police said three people were shot to death inside the home on Sunday morning."
    d = "Three people were shot to death inside a home in Kensington, police said."
    agreed = agreements(compare_outlets(nlp, embedder, c, d), "number")
    assert [{v.text.lower() for v in f.values} for f in agreed] == [{"three"}]


def test_sentences_giving_one_person_two_offices_agree_on_nothing(nlp: Any, embedder: Any) -> None:
    """basil-dev, held out: "then a district attorney" / "then an assistant district attorney" is
    a role discrepancy, so the two sentences are no claim agreement however alike the rest."""
    told = "declined to bring charges against the producer in 2015."
    a = f"Cyrus Vance, then a district attorney, {told}"
    b = f"Cyrus Vance, then an assistant district attorney, {told}"
    report = compare_outlets(nlp, embedder, a, b)
    assert not holding(agreements(report), "then a district", "then an assistant")
    roles = [f for f in (*report.findings, *report.to_check) if f.aspect == "role"]
    assert roles and all(f.kind == "conflict" for f in roles)


def test_sentences_giving_two_figures_of_one_thing_agree_on_nothing(nlp: Any, embedder: Any) -> None:
    """basil-dev, held out: "1.5 million women" / "1.6 million women" in sentences otherwise alike
    is a discrepancy, never an agreement of the sentences."""
    a = "The lawsuit was filed on behalf of 1.5 million women who worked at the company's stores."
    b = "The lawsuit was filed on behalf of 1.6 million women who worked at the company's stores."
    report = compare_outlets(nlp, embedder, a, b)
    assert not holding(agreements(report), "1.5 million", "1.6 million")


def test_template_lines_with_other_identifiers_agree_on_nothing(nlp: Any, embedder: Any) -> None:
    """gva-dev: two pages' tip lines or share links are one template with another telephone
    number or short link each; the same template with the same number agrees."""
    a = "Anyone with information is asked to contact the Garner Police Department at 919-772-8810."
    b = "Anyone with information is asked to contact the Garner Police Department at 919-890-7318."
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b)), "772-8810", "890-7318")
    assert holding(agreements(compare_outlets(nlp, embedder, a, a)), "772-8810")
    c = "Read or Share this story: http://on.jsonl.in/2kE2PWJ"
    d = "Read or Share this story: http://on.jsonl.in/2lh69dt"
    assert not agreements(compare_outlets(nlp, embedder, c, d))


def test_a_question_agrees_with_no_statement(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev: "But why did AMD buy SeaMicro?" asks; it states neither the price nor the
    purchase, so it is in no agreement with the sentence that does."""
    a = "But why did AMD buy SeaMicro for $334 million in cash and stock?"
    b = "AMD will pay $334 million in cash and stock for SeaMicro, a Silicon Valley startup."
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b), "claim"), "why did AMD")


def test_an_age_and_a_bound_of_ages_agree_on_nothing(nlp: Any, embedder: Any) -> None:
    """gva-dev: "a 5-year-old girl" is one child's age, "2 children each under 10 years old" a
    limit of two: no agreement on the figure."""
    a = "An arrest has been made in the fatal shooting Saturday of a 5-year-old girl at the apartments."
    b = "Police said 2 children each under 10 years old were shot inside an apartment."
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b), "number"), "5-year-old", "under 10")


def test_a_station_number_is_no_figure(nlp: Any, embedder: Any) -> None:
    """gva-dev: "7 Action News" names a station; two reports telling it agree on no figure."""
    a = "Detroit police tell 7 Action News someone in an SUV fired a single shot at close range."
    b = "Investigators tell 7 Action News the teenager was shot and killed on the east side."
    found = agreements(compare_outlets(nlp, embedder, a, b), "number")
    assert not [f for f in found if any(v.text == "7" for v in f.values)]


def test_a_part_of_a_group_counted_under_two_acts_is_no_agreement(nlp: Any, embedder: Any) -> None:
    """gva-dev 771826: "two of the intruders" who exchanged gunfire and two who were armed and
    demanded belongings are two subsets, not one figure; the same part under the same act agrees,
    and so does a figure told whole beside a part (gva-dev 783102: the same two people)."""
    a = "At that point, at least two of the intruders exchanged gunfire with the people inside the apartment."
    b = (
        "At least two of the intruders were armed with a gun and demanded the people inside the "
        "apartment give up their belongings."
    )
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b)), "intruders", "intruders")
    c = "Police said two of the three victims died at the hospital on Sunday."
    d = "Two of the three victims died at a local hospital, police said."
    agreed = agreements(compare_outlets(nlp, embedder, c, d), "number")
    assert any({v.text.lower() for v in f.values} == {"two"} for f in agreed)
    e = (
        "The department also released the names of two individuals who were taken to the hospital — "
        "43-year-old April Trent and 20-year-old Bryce Hendrickson, who both had surgery Saturday night."
    )
    f = (
        "Two of the victims had surgery Saturday night — Bryce Hendrickson and 43-year-old April Trent "
        "(Vokes) — the other victim is 17-year-old John Shivley."
    )
    agreed = agreements(compare_outlets(nlp, embedder, e, f), "number")
    assert any({v.text.lower() for v in f.values} == {"two"} for f in agreed)


def test_wounds_at_different_body_parts_are_no_agreement(nlp: Any, embedder: Any) -> None:
    """gva-dev 544535: a 2-year-old "with a gunshot wound to the shoulder" and one "suffering from
    a single gunshot wound to the chest" share an age and an act, but the wound differs (or the
    victims do): no agreement on them. Told at the same part, they still agree."""
    a = "When officers arrived, they found a 2-year-old child with a gunshot wound to the shoulder."
    b = (
        "When officers arrived on scene, they say they found the unresponsive 2-year-old boy "
        "suffering from a single gunshot wound to the chest."
    )
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b)), "shoulder")
    c = a.replace("shoulder", "chest")
    assert holding(agreements(compare_outlets(nlp, embedder, c, b), "number"), "2-year-old")
    # a room is where she was shot, not a wound's site (gva-dev 774294): the age still agrees
    d = "A 10-year-old girl was shot in the head when a bullet flew through the window of her house."
    e = "A 10-year-old girl, who was shot in her living room, is out of the hospital."
    assert holding(agreements(compare_outlets(nlp, embedder, d, e), "number"), "living room")


def test_a_bound_is_no_figure_its_own_report_gives_exactly(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 29: a report that tells "an 86-yard touchdown run" itself does not hedge it as
    "three runs of 80 or more yards" (a record's bound, told of a season): the other report's "86
    yard rushing touchdown" agrees with the bound only where nothing else gives the 86."""
    a = "Charles kicked off the second half with an 86 yard rushing touchdown."
    bound = (
        "Charles joined Chris Johnson and Barry Sanders as the only players with three runs of 80 or "
        "more yards in a season."
    )
    exact = "Charles' big day included an 86-yard touchdown run on the first play of the second half."
    report = compare_outlets(nlp, embedder, a, f"{exact} {bound}")
    assert not holding(agreements(report, "number"), "80 or more")


def test_two_ranges_with_other_ends_agree_on_nothing(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 36: "sentences of between six and 75 years" and "sentences ranging from 7 to 75
    years" overlap but give two spans, so neither the span nor the "seven" both sentences tell is
    shown agreed; the same span told with other words agrees."""
    a = (
        "Thus far, seven men have been tried and convicted of sexual assault and bigamy, among other "
        "crimes, and have received sentences of between six and 75 years."
    )
    b = (
        "Seven of the men have been convicted and have received sentences ranging from 7 to 75 years; "
        "another goes on trial this month."
    )
    assert not agreements(compare_outlets(nlp, embedder, a, b), "number")
    c = b.replace("from 7 to 75", "from six to 75")
    assert holding(agreements(compare_outlets(nlp, embedder, a, c), "number"), "75 years")


def test_sentences_giving_two_spans_agree_on_nothing(nlp: Any, embedder: Any, shared_data: Path) -> None:
    """ecbplus-dev 36, the real reports: "seven men have been tried and convicted ... sentences of
    between six and 75 years" and "Seven of the men have been convicted and have received sentences
    ranging from 7 to 75 years" give the span two ways, so their "seven" is not shown agreed."""
    files = [shared_data / "ecbplus-dev" / f"36_{n}ecbplus.txt" for n in (11, 7)]
    report = compare(files, nlp=nlp, embedder=embedder)
    assert agreements(report), "the two reports agree on other facts"
    assert not holding(agreements(report, "number"), "six and 75 years", "7 to 75 years")


def test_one_person_put_in_two_places_of_one_kind_is_no_agreement(nlp: Any, embedder: Any) -> None:
    """gva-dev 541996: one report finds the woman on the kitchen floor, the other on the dining
    room floor; the sentences disagree on where she lay, so they are no claim agreement. Told in
    the same room, they agree."""
    a = (
        "Another man was found on the dining room floor with a shotgun wound to his head, and a "
        "woman was found lying on the kitchen floor with a shotgun wound to the head."
    )
    b = "Another man and a woman were found face-down on the dining room floor with shotgun wounds."
    assert not holding(agreements(compare_outlets(nlp, embedder, a, b), "claim"), "kitchen floor")
    c = a.replace("kitchen floor", "dining room floor")
    assert holding(agreements(compare_outlets(nlp, embedder, c, b), "claim"), "face-down")


def test_a_title_in_quotation_marks_is_no_quoted_remark(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 6: "The Hunger Games" in quotation marks names a film; the other sentence naming
    it tells no paraphrase of a remark, so the pay and the sticking points are no claim agreement.
    Quoted words a speaker said are no title, nor is a title's small word a remark's."""
    a = (
        "According to THR, two major sticking points are salary (Ross apparently wants a raise) and "
        "schedule, with The Hunger Games set to begin filming in August."
    )
    b = 'Ross was reportedly paid $3 million to write and direct "The Hunger Games."'
    assert not agreements(compare_outlets(nlp, embedder, a, b), "claim")
    assert is_title("The Golden Compass,") and is_title("the Bishop of Bountiful")
    assert not is_title("complete rupture") and not is_title("It can make her strong again")


def test_a_decade_in_words_is_no_figure(nlp: Any, embedder: Any) -> None:
    """ecbplus-dev 4: "in the nineteen fifties" names a decade, not nineteen of anything; a
    sentence's count in words stays a figure."""
    from storyline.annotation import annotate_many
    from storyline.crosscheck.facts import sentence_facts
    from storyline.model import Article, content_id

    text = "Her photographs appeared in men's magazines in the nineteen fifties. Nineteen people were hurt."
    art = Article(id=content_id("x", text), text=text, source="X")
    facts = sentence_facts(next(iter(annotate_many([art], nlp))), 0)
    assert [[m.quantity.text.lower() for m in f.measures] for f in facts] == [[], ["nineteen"]]
