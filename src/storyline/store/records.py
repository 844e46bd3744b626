"""What the library hands back: results of an add, story summaries, a stored story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyline.model import AnnotatedArticle, Story

Status = Literal["created", "existing", "new-version"]


@dataclass(frozen=True)
class AddResult:
    """One article's fate in ``Library.add_articles``.

    ``created``: stored for the first time; ``existing``: the same content was already stored
    (nothing written); ``new-version``: a changed version of a stored URL, kept beside the old one,
    which stops being current. ``new_story`` says whether it started a story; ``not_article`` why
    the page holds no article (a wall, a listing: filed in a story of its own, never grouped).
    """

    article_id: str
    story_id: str
    status: Status
    path: str | None = None
    copy_of: str | None = None
    new_story: bool = False
    not_article: str | None = None


@dataclass(frozen=True)
class StorySummary:
    """A line of ``storyline list``: ``conflicts`` is None until the story has been cross-checked;
    ``pending`` while a check is owed (a detached checker's or the next add's to pay);
    ``check_error`` once a check failed (``store.checkfail``)."""

    id: str
    title: str | None
    first: str | None
    last: str | None
    articles: int
    sources: int
    conflicts: int | None
    updated: float
    pending: bool = False
    check_error: str | None = None  # the last failed check's; with ``pending`` False, given up

    @property
    def check_failed(self) -> bool:
        """Whether the story's check was given up (``store.checkfail``): it failed every try."""
        return self.check_error is not None and not self.pending

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "first": self.first,
            "last": self.last,
            "articles": self.articles,
            "sources": self.sources,
            "conflicts": self.conflicts,
            "pending": self.pending,
            "check_failed": self.check_failed,
            "check_error": self.check_error,
        }


@dataclass(frozen=True)
class StoredStory:
    """A story as filed: its ``Story`` (JSON contract) and the current version of each article,
    annotations included, in the story's order."""

    story: Story
    articles: tuple[AnnotatedArticle, ...]
    conflicts: int | None = None

    @property
    def id(self) -> str:
        return self.story.id
