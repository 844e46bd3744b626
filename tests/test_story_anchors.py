"""Stories that hold together over time, on real local news (gva-dev, the half grouping is tuned on):
follow-ups join their event weeks later by the people and streets they name, look-alike events
days apart stay apart, and a page that holds no article is recognised and groups with nothing."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from storyline.model import AnnotatedArticle, Article, Story
from storyline.reading import iter_inputs, read
from storyline.stories import group_articles
from storyline.stories.anchors import anchors
from storyline.stories.copies import published_key
from storyline.stories.pages import not_an_article

SPLIT_SEED = 16  # bench/bench_stories.py's tune/check split of gva-dev


def _tune_half(folder: Path) -> list[str]:
    """The file names of gva-dev's tune half, split by incident as bench_stories.py splits it."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    incidents = sorted(set(labels.values()))
    random.Random(SPLIT_SEED).shuffle(incidents)
    tune = set(incidents[: len(incidents) // 2])
    return sorted(n for n, inc in labels.items() if inc in tune)


@pytest.fixture(scope="module")
def gva(shared_data: Path) -> dict[str, Article]:
    folder = shared_data / "gva-dev"
    if not folder.is_dir():
        pytest.skip("gva-dev is not here")
    return {name: read(folder / name) for name in _tune_half(folder)}


@pytest.fixture(scope="module")
def grouped(gva: dict[str, Article], embedder: Any) -> dict[str, str]:
    """File name → story id, the whole tune half grouped at once."""
    stories: list[Story] = group_articles(list(gva.values()), embedder=embedder)
    story_of = {a.id: s.id for s in stories for a in s.articles}
    return {name: story_of[art.id] for name, art in gva.items()}


def _anchors(art: Article) -> tuple[str, ...]:
    return anchors(art.title, art.text, published_key(art.published))


def test_anchors_name_people_streets_and_the_day_of_the_event(gva: dict[str, Article]) -> None:
    # "Gino Nicolas, 24, was pronounced dead" ... "in the 1100 block of Conley Street" ...
    # "Saturday night", in a report published on Sunday 17 April 2016
    first = _anchors(gva["541987_1.json"])
    assert {"p:gino nicolas", "s:conley", "d:2016-04-16"} <= set(first)
    # a week later: "struck by gunfire April 16 at The Landings at Carver Park on Conley Street"
    later = _anchors(gva["541987_2.json"])
    assert {"p:gino nicolas", "s:conley", "d:2016-04-16"} <= set(later)
    # a title before a name is no part of it: "Detective Sgt. Crystal Leblanc", "Sgt. Crystal Leblanc"
    assert "p:crystal leblanc" in _anchors(gva["768573_1.json"])
    assert "p:crystal leblanc" in _anchors(gva["768573_2.json"])


def test_follow_ups_join_their_event_weeks_later(grouped: dict[str, str]) -> None:
    # Howland, Ohio: the victims named on 26 February; the trial put off, 30 March (32 days on)
    assert grouped["783102_3.json"] == grouped["783102_4.json"]
    # Orlando: the shooting on 16 April; a wounded woman dies a week later, same victims named
    assert grouped["541987_1.json"] == grouped["541987_2.json"]


def test_look_alike_events_days_apart_stay_apart(grouped: dict[str, str]) -> None:
    # Philadelphia, 18 April 2016, the same outlet: a father charged over his daughter's death,
    # and a man who killed three in Kensington — different people, different streets
    assert grouped["541769_3.json"] != grouped["541996_1.json"]
    assert grouped["541769_3.json"] != grouped["541996_2.json"]
    # a teen shot by an officer in Osceola, Arkansas, and four shot in Newport News, Virginia
    assert grouped["781995_3.json"] != grouped["783963_1.json"]


def test_a_notification_wall_is_no_article_and_groups_with_nothing(
    gva: dict[str, Article], grouped: dict[str, str], shared_data: Path
) -> None:
    wall = gva["541858_2.json"]  # "Close Get email notifications on <reporter> daily!"
    reason = not_an_article(wall)
    assert reason is not None and "prose" in reason
    assert sum(story == grouped["541858_2.json"] for story in grouped.values()) == 1
    assert not_an_article(gva["541858_1.json"]) is None  # the real report of the same incident
    # no real report is taken for a page: every BASIL article, every ECB+ one (briefs of one
    # sentence included), and the rest of the tune half
    for folder in ("basil-dev", "ecbplus-dev"):
        paths = [str(p) for p in sorted((shared_data / folder).glob("*_*"))]
        arts = [a for a in iter_inputs(paths) if isinstance(a, Article)]  # the reader refuses a few
        assert len(arts) > 0.9 * len(paths)
        assert [a.path for a in arts if not_an_article(a)] == []
    flagged = [name for name, art in gva.items() if not_an_article(art)]
    assert flagged == ["541858_2.json"]


def test_read_says_when_a_page_is_no_article(gva: dict[str, Article]) -> None:
    from storyline.cli.read import read_dict

    assert read_dict(gva["541858_2.json"])["not_article"]
    assert read_dict(gva["541858_1.json"])["not_article"] is None


def test_library_finds_an_evicted_event_by_its_anchors(
    gva: dict[str, Article], embedder: Any, tmp_path: Path
) -> None:
    """Filed in date order, the Howland trial report (30 March) comes when the February reports
    have left the library's 28-day window: only the anchor postings lead back to them."""
    from storyline.store import Library
    from storyline.store.filing import Prepared
    from storyline.stories.signatures import sign_many

    arts = sorted(gva.values(), key=lambda a: (published_key(a.published), a.id))
    items = [
        Prepared(AnnotatedArticle(article=a), s) for a, s in zip(arts, sign_many(arts, embedder), strict=True)
    ]
    with Library(str(tmp_path / "lib.db")) as lib:
        results = {r.path: r for r in lib.file_many(items)}
        grouper = lib._grouper
        assert grouper is not None and grouper.evicted > 0
    path = {name: str(a.path) for name, a in gva.items()}
    trial, named = results[path["783102_4.json"]], results[path["783102_3.json"]]
    assert trial.story_id == named.story_id and not trial.new_story
    wall = results[path["541858_2.json"]]
    assert wall.new_story and wall.not_article
