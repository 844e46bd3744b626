"""Roles across sources: the same person given incompatible titles ("then a district attorney" /
"then an assistant district attorney", "FBI Director" / "Deputy FBI Director").

News gives a person's role once, in two ways: a title before the name ("Deputy Director David
Bowdich") or an appositive after it ("Cyrus Vance, then a district attorney,"). Two reports
disagree on a role when both give the same office (the same head noun) and one ranks it with a
word that makes it another office (assistant, deputy, vice, acting …, ``QUALIFIERS``). Titles
that differ otherwise ("senator" / "lawmaker", "official" / "agent") are descriptions in other
words, not a conflict; "former" is a matter of when, not of which office.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.annotation.roles import QUALIFIERS
from storyline.crosscheck.facts import SentenceFacts
from storyline.crosscheck.links import Link, Side
from storyline.model import AnnotatedArticle

# ", then a district attorney," / ", the bureau's deputy director." — the role right after a name
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:(?:then|now|currently)\s+)?(?:a|an|the|[A-Z][\w.]*[’']s)\s+"
    r"([a-z][\w .-]{2,50}?)(?=\s*(?:,|\.|;|\bwho\b|$))"
)
# "Deputy FBI Director David Bowdich": capitalised title words right before a name
_TITLE = re.compile(r"((?:[A-Z][\w.-]*\s+){1,4})$")
_NOT_TITLE = frozenset(
    {"The", "A", "An", "And", "But", "In", "On", "At", "When", "After", "Mr.", "Ms.", "Mrs."}
)
_FILLER = frozenset({"of", "the", "for", "to", "and", "then", "now"})
ROLE_CONFIDENCE = 0.75  # one person, one office, and a rank word only one report gives


@dataclass(frozen=True)
class Role:
    person: str  # entity key
    words: tuple[str, ...]  # lower-case words of the role, as written
    text: str
    sentence: SentenceFacts

    @property
    def head(self) -> str:
        return self.words[-1]

    @property
    def ranks(self) -> frozenset[str]:
        return frozenset(w for w in self.words if w in QUALIFIERS)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z]+", text.lower()) if w not in _FILLER)


def roles_of(article: AnnotatedArticle, facts: Sequence[SentenceFacts]) -> list[Role]:
    """Every role the article gives a named person, in its sentence (``facts``: the article's
    sentences, in order)."""
    text = article.text
    starts = [f.start for f in facts]  # the sentences in text order
    out = []
    for e in article.entities:
        if e.label != "PERSON" or not e.key:
            continue
        at = bisect_right(starts, e.start) - 1
        if at < 0 or e.start >= facts[at].end:
            continue
        sentence = facts[at]
        after = _APPOSITIVE.match(text[e.end : min(sentence.end, e.end + 80)])
        if after:
            words = _words(after.group(1))
            if words:
                out.append(Role(e.key, words, after.group(1), sentence))
        before = _TITLE.search(text[max(sentence.start, e.start - 60) : e.start])
        if before:
            titled = [w for w in before.group(1).split() if w not in _NOT_TITLE]
            words = _words(" ".join(titled))
            if words and any(w in QUALIFIERS or len(words) > 1 for w in words):
                out.append(Role(e.key, words, " ".join(titled), sentence))
    return out


def _conflict(a: Role, b: Role) -> bool:
    """One office, ranked differently: the same head noun, and a rank word on one side only
    whose office the other does not give ("assistant district attorney" / "district attorney")."""
    if a.head != b.head or a.ranks == b.ranks:
        return False
    office_a = [w for w in a.words if w not in QUALIFIERS]
    office_b = [w for w in b.words if w not in QUALIFIERS]
    shorter, longer = sorted((office_a, office_b), key=len)
    return longer[-len(shorter) :] == shorter


def compare_roles(
    articles: Sequence[AnnotatedArticle], sentences: Sequence[Sequence[SentenceFacts]]
) -> list[Link]:
    """Role conflicts between every two sources, one per person and pair of roles; ``sentences``
    holds each article's sentence facts, in order."""
    by_source = [roles_of(a, facts) for a, facts in zip(articles, sentences, strict=True)]
    links = []
    for i, ra in enumerate(by_source):
        for rb in by_source[i + 1 :]:
            for a in ra:
                for b in rb:
                    if a.person == b.person and _conflict(a, b):
                        links.append(
                            Link(
                                "role",
                                True,
                                Side.of(a.sentence, a.text, " ".join(a.words), "r", a.person, a.words),
                                Side.of(b.sentence, b.text, " ".join(b.words), "r", b.person, b.words),
                                1.0,
                                ROLE_CONFIDENCE,
                            )
                        )
    return links
