"""The records the store hands out: stored events with their article, and deletions."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasd.model import Event


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Where an event was reported."""

    key: str
    article_id: str
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored: the record, its article, its day and its incident."""

    id: str
    article: ArticleRef
    event: Event
    day: str | None
    incident_id: str | None
    link_reason: str | None
    updated_at: str
    review_status: str | None = None  # confirmed, corrected or rejected by a reviewer


@dataclass(frozen=True, slots=True)
class Deletion:
    """A record removed at `at` (for --updated-since copies)."""

    entity: str
    entity_id: str
    at: str


def unique(values: Iterable[str | None]) -> list[str]:
    """Values in first-seen order, without repeats or blanks."""
    return list(dict.fromkeys(v for v in values if v))
