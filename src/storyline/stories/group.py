"""Incremental grouping: each article joins the best candidate story or starts a new one.

The score of an article against a story is the mean, over the story's most recent members, of
0.4 × document-vector cosine + 0.3 × TF-IDF cosine of words + 0.3 × TF-IDF cosine of names: vectors
say "the same kind of event", names and rare words say "this event and not another one like it".
Dates gate the match: a report published weeks away from every member is a different story,
unless it shares rare anchors with one (the victim's name, the street: a follow-up, however late);
anchors also keep look-alikes apart (both name people or streets, none shared). A near-identical
text (a wire copy) joins its original's story without scoring; a page that is no article
(``pages.py``) is a story of its own and never a candidate.

A long-running ``Grouper`` (the library's) keeps in memory only what a new article can join: the
signatures dated within ``KEEP_DAYS`` of the newest date filed, and the last ``UNDATED_KEEP``
undated ones (an undated article arriving is scored against what memory holds). Older ones are
evicted; an article dated before the window makes the caller load back what was filed within
``MAX_DAYS`` of it (``missing`` / ``reload``). So the cost and memory per article stay flat however
large the library grows. Document frequencies stay counted over everything filed (the library
keeps them in its database and hands them over when opened).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.model import content_id
from storyline.stories.index import CandidateIndex
from storyline.stories.signatures import Signature

THRESHOLD = 0.30  # mean score above which an article joins a story (measured: bench_stories.py)
WEIGHTS = (0.4, 0.3, 0.3)  # vector, words, names
CANDIDATE_STORIES = 48  # stories scored per new article
MEMBERS = 24  # most recent members an article is scored against: bounded cost per article
DAY = 86_400.0
SAME_DAYS = 3.0  # reports of one event within this many days of a member carry no date penalty
PENALTY_PER_DAY = 0.02
MAX_DAYS = 14.0
PSEUDO_DOCS = 10  # farther than this from every member: a different event, however similar
KEEP_DAYS = 2 * MAX_DAYS  # a windowed grouper keeps signatures dated this close to the newest one
UNDATED_KEEP = 5_000  # undated signatures a windowed grouper keeps (the most recently filed)
HELD_DAYS = KEEP_DAYS  # days read back for older-dated articles that memory keeps at once
EVICT_STEP_DAYS = 1.0  # evict once the window has moved this far: a batch at a time, not per article
# Anchors (the people and streets a report names, ``anchors.py``): the summed IDF of those an
# article shares with its best-matching member. Two rare ones shared (this much evidence) join a
# follow-up however late; none shared where both name some keeps look-alikes apart. Only a shared
# street adds to the score: named people recur across events (officials, reporters, a celebrity
# arrested twice), a block of a street rarely does. Fitted on the gva-dev tune half (bench_stories).
ANCHOR_STRONG = 6.0
ANCHOR_BONUS = 0.15  # added to the mean score at full street evidence
APART = 0.05  # taken off when both name people or streets and share none
BONUS_KINDS = ("s:",)
# Taken off when both name days the events happened on ("Saturday's shooting", "on April 16")
# and none is the same. Small: a long report names many days (gva tune half P 0.993 -> 1.000,
# ECB+ events 0.927 -> 0.924, BASIL unchanged).
DAY_APART = 0.03
SPECIFIC = ("p:", "s:")  # anchor kinds that tell one event from another (days only set apart)


@dataclass(frozen=True)
class Placement:
    """Where an article was filed; ``copy_of`` is the original when it is a wire copy."""

    article: str
    story: str
    copy_of: str | None
    new_story: bool


def doc_terms(
    words: Iterable[tuple[str, float]], names: Iterable[tuple[str, float]], anchors: Iterable[str] = ()
) -> set[str]:
    """The terms one article adds to the document frequencies: its words, its names as ``@name``
    (a word never starts with ``@``) and its anchors (``p:…``; a word or name holds no colon)."""
    return {t for t, _ in words} | {"@" + t for t, _ in names} | set(anchors)


class DocFreq:
    """Document frequencies of words and names over what has been filed, for IDF weights."""

    def __init__(self) -> None:
        self.n = 0
        self.df: Counter[str] = Counter()
        # Articles taken out so far (removed or replaced), a count that never goes back: the
        # library stores it beside ``n`` to tell whether memory still matches its rows.
        self.retired = 0

    def update(self, sig: Signature, sign: int = 1) -> None:
        self.n += sign
        self.retired += sign < 0
        self.df.update(dict.fromkeys(doc_terms(sig.words, sig.names, sig.anchors), sign))

    def idf(self, term: str) -> float:
        """Smoothed as if ``PSEUDO_DOCS`` unseen documents lacked the term: in a batch of two, a
        shared name still weighs, instead of every shared term getting zero weight."""
        return math.log((self.n + 1 + PSEUDO_DOCS) / (self.df.get(term, 0) + 1))


def _tfidf(terms: Iterable[tuple[str, float]], df: DocFreq, prefix: str) -> dict[str, float]:
    vec = {t: w * df.idf(prefix + t) for t, w in terms}
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _days_apart(when: float | None, story_dates: Sequence[float]) -> float:
    if when is None or not story_dates:
        return 0.0
    return min(abs(when - d) for d in story_dates) / DAY


class Grouper:
    """The incremental state: filed signatures, their stories, the candidate index, IDF counts.

    With ``keep_days`` (the library's), signatures dated more than that before the newest date
    filed are evicted from memory; ``floor`` is the date from which every filed signature is held
    (``-inf``: all of them). Without it (a batch: ``group_signatures``), everything is kept.
    """

    def __init__(self, *, threshold: float = THRESHOLD, keep_days: float | None = None) -> None:
        self.threshold = threshold
        self.index = CandidateIndex()
        self.df = DocFreq()
        self.sigs: dict[int, Signature] = {}
        self.keys: dict[str, int] = {}
        self.story_of: dict[int, str] = {}
        self.members: dict[str, list[int]] = {}
        self.copy_of: dict[int, str] = {}  # a wire copy's key → the id of the article it copies
        self._next = 0
        self._primed: set[str] = set()
        self.keep = None if keep_days is None else keep_days * DAY
        self.newest: float | None = None  # the latest publication date filed
        self.floor = -math.inf
        self._horizon = -math.inf  # where the last eviction cut
        self._held: list[tuple[float, float]] = []  # date ranges below the floor loaded back
        self._brief: set[int] = set()  # keys of the rows loaded back
        self._dated: list[tuple[float, int]] = []  # (date or filing-time newest date, key): a heap
        self._undated: deque[int] = deque()  # undated keys, in filing order
        self.evicted = 0  # signatures evicted so far (for tests and benchmarks)

    def same_shape(self, other: Grouper) -> bool:
        """Whether this grouper (unpickled from a saved library) has the attributes, down to its
        index's, that this code's groupers have, and holds each article once in its maps and its
        index: a snapshot from other code, or damaged, is not used."""
        if (
            vars(self).keys() != vars(other).keys()
            or vars(self.index).keys() != vars(other.index).keys()
            or vars(self.df).keys() != vars(other.df).keys()
            or (self.keep, self.threshold) != (other.keep, other.threshold)
            or self.index.copy_threshold != other.index.copy_threshold
        ):
            return False
        indexed = {k for k, s in self.sigs.items() if not s.not_article}
        return (
            self.keys == {s.id: k for k, s in self.sigs.items()}
            and self.story_of.keys() == self.sigs.keys()
            and self.index.indexes_exactly(indexed)
        )

    def prime(self, sigs: Iterable[Signature]) -> None:
        """Count the terms of a whole batch before filing it, so early articles get batch-wide IDF."""
        for sig in sigs:
            if sig.id not in self._primed and sig.id not in self.keys:
                self._primed.add(sig.id)
                self.df.update(sig)

    def restore(
        self, sig: Signature, story: str, copy_of: str | None = None, *, counted: bool = False
    ) -> None:
        """Put back an article filed earlier (a library being opened) without scoring it;
        ``counted``: its terms are already in the document frequencies (read from the library)."""
        if sig.id in self.keys:
            return
        key = self._remember(sig, story, counted=counted)
        if copy_of is not None:
            self.copy_of[key] = copy_of
        self._evict()

    def start_at(self, newest: float) -> None:
        """Open at the newest date of a stored library, before ``restore``-ing it: what is dated
        before the window is then only ``count``-ed, never indexed to be evicted again."""
        if self.keep is not None:
            self.newest = newest
            self.floor = self._horizon = newest - self.keep

    def holds(self, when: float | None) -> bool:
        """Whether an article published ``when`` belongs in memory (undated: the caller decides)."""
        if self.keep is None or when is None or when >= self.floor:
            return True
        return any(lo <= when < hi for lo, hi in self._held)

    def count(self, sig: Signature) -> None:
        """An article filed earlier that memory need not hold: only its terms are counted."""
        self.df.update(sig)

    def missing(self, when: float | None) -> list[tuple[float, float]]:
        """The date ranges [lo, hi) of evicted signatures that an article published ``when`` may
        join (those within ``MAX_DAYS`` of it); empty when memory holds them all. Memory holds
        at most ``HELD_DAYS`` read back: asking for more lets those go first."""
        gaps = self._gaps(when)
        if gaps and sum(b - a for a, b in self._held + gaps) > HELD_DAYS * DAY:
            gone = [k for k in self._brief if k in self.sigs]
            self._drop(gone)
            self.evicted += len(gone)
            self._held.clear()
            gaps = self._gaps(when)
        return gaps

    def trim(self) -> None:
        """Hold only what a grouper opened on the library would: forget the rows read back and
        those filed dated before the window (before it is saved; they are read back again when an
        older article needs them)."""
        if self.keep is None:
            return
        self._held.clear()
        gone = [k for k, s in self.sigs.items() if k in self._brief or not self.holds(s.published)]
        self._drop(gone)
        self.evicted += len(gone)

    def _gaps(self, when: float | None) -> list[tuple[float, float]]:
        if self.keep is None or when is None or when - MAX_DAYS * DAY >= self.floor:
            return []
        gaps = []
        lo, hi = when - MAX_DAYS * DAY, min(when + MAX_DAYS * DAY, self.floor)
        for a, b in sorted(self._held):
            if b <= lo or a >= hi:
                continue
            if a > lo:
                gaps.append((lo, a))
            lo = max(lo, b)
        if lo < hi:
            gaps.append((lo, hi))
        return gaps

    def reload(
        self, rows: Iterable[tuple[Signature, str, str | None]], spans: list[tuple[float, float]]
    ) -> None:
        """Put back the evicted (signature, story, copy_of) rows of the date ``spans`` that
        ``missing`` asked for. They stay until the window next moves on, or until more days are
        read back than memory keeps."""
        for sig, story, copy_of in rows:
            if sig.id not in self.keys:
                key = self._remember(sig, story, counted=True, brief=True)
                self._brief.add(key)
                if copy_of is not None:
                    self.copy_of[key] = copy_of
        self._held += spans

    def add(self, sig: Signature) -> Placement:
        """File one article: into its original's story, the best candidate story, or a new one."""
        if sig.id in self.keys:
            key = self.keys[sig.id]
            return Placement(sig.id, self.story_of[key], self.copy_of.get(key), False)
        if sig.id not in self._primed:
            self.df.update(sig)
        if sig.not_article:  # a wall or a listing: a story of its own, never a candidate
            story_id = content_id("story", sig.id)
            self._remember(sig, story_id, counted=True)
            self._evict()
            return Placement(sig.id, story_id, None, True)
        copies = self.index.copies(sig, self.sigs)
        if copies:
            first = min(copies)  # the earliest filed; a copy sits in its original's story
            original = self.copy_of.get(first, self.sigs[first].id)
            key = self._remember(sig, self.story_of[first], counted=True)
            self.copy_of[key] = original
            placed = Placement(sig.id, self.story_of[first], original, False)
        else:
            story, score = self._best_story(sig)
            new = story is None or score < self.threshold
            story_id = content_id("story", sig.id) if new or story is None else story
            self._remember(sig, story_id, counted=True)
            placed = Placement(sig.id, story_id, None, new)
        self._evict()
        return placed

    def remove(self, article_id: str, sig: Signature | None = None) -> None:
        """Take an article out (a new version replaces it); ``sig`` is its signature, for its
        term counts, when it may have been evicted."""
        key = self.keys.get(article_id)
        if key is None:
            if sig is not None:
                self.df.update(sig, -1)
            self._primed.discard(article_id)
            return
        self.df.update(self.sigs[key], -1)
        self._drop([key])
        self._primed.discard(article_id)

    def _drop(self, keys: list[int]) -> None:
        """Forget these keys (their term counts stay): index entries, stories, copy links."""
        touched: set[str] = set()
        for key in keys:
            sig = self.sigs.pop(key)
            if not sig.not_article:  # never indexed
                self.index.remove(key, sig)
            del self.keys[sig.id]
            touched.add(self.story_of.pop(key))
            self.copy_of.pop(key, None)
            self._brief.discard(key)
        for story in touched:
            kept = [k for k in self.members[story] if k in self.sigs]
            if kept:
                self.members[story] = kept
            else:
                del self.members[story]

    def _remember(self, sig: Signature, story: str, *, counted: bool = False, brief: bool = False) -> int:
        if not counted:
            self.df.update(sig)
        key = self._next
        self._next += 1
        self.sigs[key] = sig
        self.keys[sig.id] = key
        self.story_of[key] = story
        self.members.setdefault(story, []).append(key)
        if not sig.not_article:
            self.index.add(key, sig, brief=brief)
        if self.keep is not None:
            self._date(key, sig.published)
        return key

    def _date(self, key: int, when: float | None) -> None:
        """Queue the key for eviction: by its date, or (undated) by its turn among the undated."""
        if when is None:
            self._undated.append(key)
            while len(self._undated) > UNDATED_KEEP:
                old = self._undated.popleft()
                if old in self.sigs:
                    self._drop([old])
                    self.evicted += 1
            return
        if self.newest is None or when > self.newest:
            self.newest = when
        heapq.heappush(self._dated, (when, key))

    def _evict(self) -> None:
        """Once the newest date has moved a step, forget everything dated before the window
        (windows reloaded for older articles included)."""
        if self.keep is None or self.newest is None:
            return
        horizon = self.newest - self.keep
        if horizon - self._horizon < EVICT_STEP_DAYS * DAY:
            return
        self._horizon = horizon
        gone: list[int] = []
        while self._dated and self._dated[0][0] < horizon:
            _, key = heapq.heappop(self._dated)
            if key in self.sigs:
                gone.append(key)
        self._drop(gone)
        self.evicted += len(gone)
        self.floor = horizon
        self._held.clear()
        self._brief.clear()

    def _best_story(self, sig: Signature) -> tuple[str | None, float]:
        rarity = {t: self.df.idf("@" + t) for t, _ in sig.names}
        keys = self.index.nearest(sig) + self.index.sharing_names(sig, rarity)
        keys += self.index.sharing_anchors(sig, {a: self.df.idf(a) for a in sig.anchors})
        hits = Counter(self.story_of[k] for k in keys if k in self.story_of)
        # The stories reached most often (by vectors and by names) are scored; the rest cannot win
        # on average anyway, and the cap keeps the cost per article bounded however big the library.
        stories = [story for story, _ in hits.most_common(CANDIDATE_STORIES)]
        words = _tfidf(sig.words, self.df, "")
        names = _tfidf(sig.names, self.df, "@")
        best: tuple[str | None, float] = (None, -1.0)
        for story in sorted(stories):
            score = self._score(sig, words, names, self.members[story][-MEMBERS:])
            if score > best[1]:
                best = (story, score)
        return best

    def _score(
        self, sig: Signature, words: dict[str, float], names: dict[str, float], keys: list[int]
    ) -> float:
        others = [self.sigs[k] for k in keys if k not in self.copy_of]  # a copy counts once
        if not others:
            return -1.0
        dates = [o.published for o in others if o.published is not None]
        gap = _days_apart(sig.published, dates)
        mine = {a: self.df.idf(a) for a in sig.anchors if a.startswith(SPECIFIC)}
        evidence = max(sum(mine.get(a, 0.0) for a in o.anchors) for o in others)
        strong = evidence >= ANCHOR_STRONG
        if gap > MAX_DAYS and not strong:
            return -1.0
        wv, ww, wn = WEIGHTS
        total = 0.0
        for o in others:
            total += wv * float(np.dot(sig.vector, o.vector))
            total += ww * _cos(words, _tfidf(o.words, self.df, ""))
            total += wn * _cos(names, _tfidf(o.names, self.df, "@"))
        placed = max(sum(mine.get(a, 0.0) for a in o.anchors if a.startswith(BONUS_KINDS)) for o in others)
        score = total / len(others) + ANCHOR_BONUS * min(1.0, placed / ANCHOR_STRONG)
        if not strong:
            score -= PENALTY_PER_DAY * max(0.0, gap - SAME_DAYS)
        if evidence == 0.0 and mine and any(a.startswith(SPECIFIC) for o in others for a in o.anchors):
            score -= APART
        days = {a for a in sig.anchors if a.startswith("d:")}
        told = {a for o in others for a in o.anchors if a.startswith("d:")}
        if days and told and not days & told:  # no day in common: not the same happening
            score -= DAY_APART
        return score


def group_signatures(sigs: Sequence[Signature], *, threshold: float = THRESHOLD) -> list[Placement]:
    """Group one batch, independent of input order: filed earliest published first, then by id.

    A pure function of the batch, so blocks of a large input can be grouped apart and merged.
    """
    grouper = Grouper(threshold=threshold)
    grouper.prime(sigs)
    inf = float("inf")
    order = sorted(sigs, key=lambda s: (s.published if s.published is not None else inf, s.id))
    return [grouper.add(sig) for sig in order]
