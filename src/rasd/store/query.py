"""Filters over stored events (date range, place, type, actor, outlet, text, changes)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasd.store.backend import LIKE_ESCAPE, Database, contains_pattern
from rasd.text.normalize import fold_word, strip_article


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `rasd events` and `rasd incidents` select; every field is optional."""

    since: str | None = None          # event day >= (ISO date)
    until: str | None = None          # event day <= (ISO date)
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None          # a part of actor1's or actor2's canonical name
    outlet: str | None = None
    text: str | None = None           # words the article must contain (Arabic folded)
    updated_since: str | None = None  # ISO time: events written after it
    include_rejected: bool = False    # events a reviewer rejected are left out unless asked for


def search_words(text: str) -> list[str]:
    """Folded words of a search, without the article: «الأتارب قصف» -> ['اتارب', 'قصف']."""
    # NUL would end an FTS5 string early (a syntax error): it is never part of a word.
    return [strip_article(word) for word in fold_word(text.replace("\x00", " ")).split() if word]


def event_where(database: Database, f: EventFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions on `events e JOIN articles a` for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    for sql, value in (
        ("e.event_date >= ?", f.since),
        ("e.event_date <= ?", f.until),
        ("lower(e.country) = lower(?)", f.country),
        ("lower(e.admin1) = lower(?)", f.admin1),
        ("lower(e.event_type) = lower(?)", f.event_type),
        ("lower(a.outlet) = lower(?)", f.outlet),
        ("e.updated_at > ?", f.updated_since),
    ):
        if value:
            clauses.append(sql)
            params.append(value)
    if f.actor:
        clauses.append(f"(lower(e.actor1) LIKE lower(?) {LIKE_ESCAPE} OR lower(e.actor2) LIKE lower(?) {LIKE_ESCAPE})")
        params += [contains_pattern(f.actor)] * 2
    if not f.include_rejected:
        clauses.append("(e.review_status IS NULL OR e.review_status <> 'rejected')")
    if f.text and (words := search_words(f.text)):
        sql, text_params = database.text_filter(words)
        clauses.append(f"e.article_key IN ({sql})")
        params += text_params
    return clauses, params
