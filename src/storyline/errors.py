"""Errors storyline raises, all under one root so the CLI and the web app catch one thing.

    StorylineError
    ├── UnreadableInput(path, reason)   a user's input cannot be read: one line, the run goes on
    │   └── SkippedRecord               an archive record deliberately not read (a request, an
    │                                   image...): counted in the run's summary, not an error
    ├── NotEnoughReports                compare needs two readable reports
    ├── CheckFailed                     a story's cross-check raised (its error is stored with it)
    ├── ModelsUnavailable               the spaCy pipeline or the sentence model cannot load
    ├── LibraryError                    the story library cannot be opened, migrated or written
    ├── EngineError                     an engine (e.g. a Ray cluster) cannot be reached or failed
    └── MissingExtra (storyline.extras) a feature needs a pip extra that is not installed

Misuse of the Python API (wrong argument types) raises the usual ``TypeError``/``ValueError``.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Root of every error that is the user's or the environment's, not a bug."""


class UnreadableInput(StorylineError):
    """An input that cannot become an article; the message names the input and the problem."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        # Failures travel between processes (Ray workers): rebuild from the fields, not the message.
        return (type(self), (self.path, self.reason))


class SkippedRecord(UnreadableInput):
    """A record of an archive that is not an article by design; ``reason`` is a short slug."""

    def __init__(self, path: str, reason: str, record: str = "") -> None:
        self.record = record
        super().__init__(path, reason)

    def __reduce__(self) -> tuple[type, tuple[str, ...]]:
        return (type(self), (self.path, self.reason, self.record))


class NotEnoughReports(StorylineError):
    """Fewer than two readable reports were given to compare."""


class CheckFailed(StorylineError):
    """A story's cross-check raised; the message is the error stored with the story (the checker
    counts and gives it up, ``store.checkfail``; ``--verbose`` or the checker's log has the
    traceback)."""


class ModelsUnavailable(StorylineError):
    """The models cannot load (a missing or broken install, no memory): the machine's fault, so
    no story is charged a try for it."""


class LibraryError(StorylineError):
    """The story library (SQLite or PostgreSQL) cannot be opened, migrated or written."""


class EngineError(StorylineError):
    """An engine failed as a whole, e.g. a Ray cluster that cannot be reached."""
