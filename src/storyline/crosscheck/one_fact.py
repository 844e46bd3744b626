"""Agreements that state one fact: what two alike sentences must not differ in before their
agreement is told.

An agreement says that every statement in it states the fact agreed on, with a compatible value
(issue 14). Three kinds of pair look alike and state no one fact:

- sentences that give different identifiers: a tip line's telephone number, a page's short link,
  an update stamp's clock time ("Read or Share this story: http://on.jsonl.in/2kE2PWJ" /
  "…/2lh69dt", "Updated: Feb 6, 2017 - 3:44 PM" / "- 3:25 PM"): the words are the outlet's
  template, the values are what differs;
- a question the writer asks ("But why did AMD buy SeaMicro?") asserts nothing, so it agrees with
  no statement (only with the same question), however many of the story's words it shares;
- an age against an open bound ("a 5-year-old girl" / "2 children each under 10 years old"): an
  age is told exactly, and a bound tells a group's, not the person's; and within one report, an
  age said of a person by name and one said of no one named ("shot 17-year-old Derrick Green" /
  "shot three times by a 17-year-old") are two people's, not one age told twice; nor is the
  unnamed one the named one's counterpart in another report, when that report names the person
  with that age elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyline.crosscheck.facts import Measure, SentenceFacts
from storyline.crosscheck.links import Link, Side, figures_of, is_figure
from storyline.crosscheck.same_figure import attached_person

# identifiers a template line carries: a web address, an e-mail, a telephone number, a clock time
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_PHONE = re.compile(r"(?<!\d)(?:\(?\d{3}\)?[\s.-]*)?\d{3}[\s.-]+\d{4}(?!\d)")
_CLOCK = re.compile(r"\b(\d{1,2}:\d\d)\s*([ap])\.?m\b|\b(\d{1,2})\s*([ap])\.m\.", re.I)
ALL_KINDS = frozenset({"url", "email", "phone", "clock"})
NAMES = frozenset({"url", "email", "phone"})
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def identifiers(text: str) -> dict[str, frozenset[str]]:
    """The identifiers a sentence gives, by kind, written without spacing or case."""
    out = {}
    for kind, pattern in (("url", _URL), ("email", _EMAIL), ("clock", _CLOCK)):
        found = frozenset(
            re.sub(r"[\s.]", "", m.group(0)).lower().rstrip(",;)") for m in pattern.finditer(text)
        )
        if found:
            out[kind] = found
    bare = _EMAIL.sub(" ", _URL.sub(" ", text))
    phones = frozenset(re.sub(r"\D", "", m.group(0))[-7:] for m in _PHONE.finditer(bare))
    if phones:
        out["phone"] = phones
    return out


def identifiers_apart(a: str, b: str, kinds: frozenset[str] = ALL_KINDS) -> bool:
    """Do the two sentences give an identifier of one of these kinds each, none in common?"""
    ia, ib = identifiers(a), identifiers(b)
    return any(kind in ib and kind in kinds and not ia[kind] & ib[kind] for kind in ia)


def asks(text: str) -> bool:
    """Is the sentence a question the writer asks (not one quoted)?"""
    return _QUOTED.sub("", text).rstrip().rstrip("”\"'’)").endswith("?")


def one_fact(links: Sequence[Link], facts: Sequence[SentenceFacts]) -> list[Link]:
    """The links less the agreements that state no one fact (see the module); conflicts stay."""
    figure = figures_of(facts)

    def measure(side: Side) -> Measure | None:
        return figure(side) if is_figure(side) else None

    # the ages each report says of a person by name: (source, age, person)
    named_ages = {
        (f.source, m.value, who) for f in facts for m in f.measures if _age(m) and (who := attached_person(m))
    }

    def other_person(x: Measure, y: Measure, y_source: int) -> bool:
        """``x`` is said of a person by name, ``y`` of no one named, and ``y``'s report gives
        that person's age elsewhere: ``y`` is someone else of the same age."""
        who = attached_person(x)
        return bool(who) and attached_person(y) is None and (y_source, y.value, who) in named_ages

    def states_apart(ln: Link) -> bool:
        # two figures may agree in sentences that time their events apart; a date or a claim not
        if identifiers_apart(ln.a.text, ln.b.text, ALL_KINDS if ln.aspect in ("date", "claim") else NAMES):
            return True
        if ln.aspect == "claim" and asks(ln.a.text) != asks(ln.b.text):
            return True  # a question agrees with the same question only (a teaser both pages run)
        ma, mb = measure(ln.a), measure(ln.b)
        if ma is None or mb is None:
            return False
        if _age(ma) and _age(mb) and (other_person(ma, mb, ln.b.source) or other_person(mb, ma, ln.a.source)):
            return True
        return ages_apart(ma, mb)

    return [ln for ln in links if ln.conflict or not states_apart(ln)]


def _age(m: Measure) -> bool:
    return m.counted == "age"


def _open(m: Measure) -> bool:
    return m.low is None or m.high is None


def ages_apart(ma: Measure, mb: Measure) -> bool:
    """An age against an open bound of ages: a person's exact age is not a group's limit."""
    return _age(ma) and _age(mb) and _open(ma) != _open(mb)


def one_bearer(facts: Sequence[SentenceFacts]) -> Callable[[Side, Side], bool]:
    """May two ages of one report stand in one agreement as one age told twice? Only when both
    are said of one person by name, or neither is (``attached_person``): "shot 17-year-old
    Derrick Green" and "was shot three times by a 17-year-old" are two people of one age."""
    figure = figures_of(facts)

    def retold(x: Side, y: Side) -> bool:
        if not (is_figure(x) and is_figure(y)):
            return True
        mx, my = figure(x), figure(y)
        if not (_age(mx) and _age(my)):
            return True
        return attached_person(mx) == attached_person(my)

    return retold
