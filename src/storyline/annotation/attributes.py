"""The model's attribute ruler (tag → POS and morphology, plus word exceptions), made fast.

spaCy's ``attribute_ruler`` runs its ~180 patterns through the general ``Matcher``, which costs
about a sixth of the whole main pass on news text — more than the tagger. Its patterns are almost
all one token long and keyed on the tag or the lower-case word, so an index by tag and word finds
the few that can match a token, the rules that can start at a token are remembered by its
(tag, word, dependency, space) so a word seen before costs one lookup, and the matches are applied
in the order the ruler's own ``set_annotations`` applies them, without a ``Span`` each: the result
is the ruler's, token for token (``tests/test_pipeline.py`` checks that). Patterns this matcher
does not understand make it hand the doc to the ruler as is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from storyline.annotation.swap import swap_in

View = tuple[str, str, str, bool]  # a token's tag, lower-case form, dependency label, is-space
Predicate = Callable[[View], bool]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
MEMO_SIZE = 200_000  # distinct token views remembered; news vocabulary stays far below it


def _test(attr: str, want: Any) -> Predicate | None:
    if attr not in _FIELDS:
        return None
    f = _FIELDS[attr]
    if not isinstance(want, dict):
        return lambda v: bool(v[f] == want)
    if set(want) == {"IN"}:
        allowed = set(want["IN"])
        return lambda v: v[f] in allowed
    if set(want) == {"NOT_IN"}:
        banned = set(want["NOT_IN"])
        return lambda v: v[f] not in banned
    if set(want) == {"REGEX"}:
        rx = re.compile(want["REGEX"])
        return lambda v: rx.search(str(v[f])) is not None
    return None


def _compile(token_pattern: dict[str, Any]) -> Predicate | None:
    tests = [_test(attr, want) for attr, want in token_pattern.items()]
    if any(t is None for t in tests):
        return None
    checks = [t for t in tests if t is not None]
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)


def _keys(token_pattern: dict[str, Any], attr: str) -> list[str] | None:
    want = token_pattern.get(attr)
    if isinstance(want, str):
        return [want]
    if isinstance(want, dict) and set(want) == {"IN"}:
        return [str(w) for w in want["IN"]]
    return None


class FastAttributes:
    """Finds the attribute ruler's matches by index; sets them with the ruler itself."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.ok = True
        self.index: dict[tuple[str | None, str | None], list[int]] = {}  # (tag, lower) → rules
        self.rest: list[int] = []
        self.rules: list[tuple[int, list[Predicate]]] = []  # (ruler key, one test per token)
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}  # token attrs → rules starting there
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for key, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                preds = [_compile(tp) for tp in pattern]
                if not pattern or any(p is None or "OP" in tp for p, tp in zip(preds, pattern, strict=True)):
                    self.ok = False
                    return
                self._add(len(self.rules), pattern[0])
                self.rules.append((key, [p for p in preds if p is not None]))

    def _add(self, n: int, first: dict[str, Any]) -> None:
        tags, lowers = _keys(first, "TAG"), _keys(first, "LOWER")
        if tags is None and lowers is None:
            self.rest.append(n)
            return
        any_tag: list[str | None] = [None]
        for tag in any_tag if tags is None else list[str | None](tags):
            for low in any_tag if lowers is None else list[str | None](lowers):
                self.index.setdefault((tag, low), []).append(n)

    def __call__(self, doc: Doc) -> Doc:
        if not self.ok:
            return self.ruler(doc)
        strings = self.ruler.vocab.strings
        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        views: dict[int, View] = {}

        def view(j: int) -> View:
            if j not in views:
                tag, lower, dep, space = rows[j]
                tag_, dep_ = strings[tag] if tag else "", strings[dep] if dep else ""
                views[j] = (tag_, strings[lower], dep_, bool(space))
            return views[j]

        found: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            starts = self.memo.get(row)
            if starts is None:
                starts = self._starting_at(view(i))
                if len(self.memo) >= MEMO_SIZE:
                    self.memo.clear()
                self.memo[row] = starts
            for n in starts:
                key, preds = self.rules[n]
                end = i + len(preds)
                rest = enumerate(preds[1:], 1)
                if end == i + 1 or (end <= len(rows) and all(p(view(i + k)) for k, p in rest)):
                    found.add((key, i, end))
        # The ruler's own set_annotations, without a Span per match: rules in key order, each
        # setting its attributes on the token its index names (later rules win, as in spaCy).
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for key, start, end in sorted(found):
            index = indices[key]
            set_token_attrs(doc[(start if index >= 0 else end) + index], attrs[key])
        return doc

    def _starting_at(self, v: View) -> tuple[int, ...]:
        """The rules whose first token test passes on a token with view ``v``."""
        get = self.index.get
        cands = get((v[0], None), []) + get((v[0], v[1]), []) + get((None, v[1]), []) + self.rest
        return tuple(n for n in cands if self.rules[n][1][0](v))


@Language.factory("storyline_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes | AttributeRuler:
    """Built from the pipeline's own ruler, which ``speed_up`` keeps as ``_attribute_ruler``."""
    ruler = nlp.get_pipe("_" + name)
    assert isinstance(ruler, AttributeRuler)
    fast = FastAttributes(ruler)
    return fast if fast.ok else ruler


def speed_up(nlp: Language) -> None:
    """Swap the pipeline's ``attribute_ruler`` for the indexed one, keeping its name and place."""
    swap_in(nlp, "attribute_ruler", AttributeRuler, "storyline_attributes")
