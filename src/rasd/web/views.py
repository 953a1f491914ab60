"""What the portal shows, computed from the store: pages of records, counts, highlighted text.

Pure functions over StoredEvent lists, plus the few reads the store does not offer
(an article by id, an incident's reports with their texts).
"""
from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from rasd.export import event_row
from rasd.model import Article, Span
from rasd.store import EventFilter, Store, StoredEvent
from rasd.store.backend import Row
from rasd.store.portal import most_viewed

RISING_DAYS = 7


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of article text and the events (by index in the table) whose evidence covers it."""

    text: str
    events: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored, with its key and events."""

    key: str
    article: Article
    events: tuple[StoredEvent, ...]


def highlight(text: str, spans_by_event: Sequence[Sequence[Span]]) -> list[Piece]:
    """Cut `text` at every evidence boundary: «قصف. اشتباك.» with event 0 on [0, 4) -> 3 pieces."""
    cuts = {0, len(text)}
    for spans in spans_by_event:
        cuts.update(min(max(p, 0), len(text)) for s in spans for p in (s.start, s.end))
    bounds = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(bounds):
        covering = tuple(i for i, spans in enumerate(spans_by_event)
                         if any(s.start <= start and end <= s.end for s in spans))
        pieces.append(Piece(text[start:end], covering))
    return pieces


def page(items: Sequence[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of a list with its total, in the API's envelope."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": list(items[offset:offset + limit])}


def event_item(stored: StoredEvent) -> dict[str, Any]:
    """An event for the API: its ACLED-style row, its full record and its article's title."""
    return {**event_row(stored), "title": stored.article.title, "record": stored.event.to_dict()}


def tallied(store: Store, filters: EventFilter | None, column: str, limit: int | None = None) -> list[dict[str, Any]]:
    """[{'name', 'count'}] of the matching events by one column, counted in SQL, most frequent first."""
    rows = [r for r in store.tally(filters, column) if r[column]]
    ranked = sorted(rows, key=lambda r: (-r["n"], r[column]))
    return [{"name": r[column], "count": r["n"]} for r in ranked][:limit]


def timeline_of(store: Store, filters: EventFilter | None) -> list[dict[str, Any]]:
    """Events per day and type, counted in SQL: [{'day', 'event_type', 'count'}], oldest first."""
    rows = [r for r in store.tally(filters, "day", "event_type") if r["day"]]
    return sorted(({"day": r["day"], "event_type": r["event_type"], "count": r["n"]} for r in rows),
                  key=lambda r: (r["day"], r["event_type"]))


def recent_events(store: Store, filters: EventFilter | None, days: int = 2 * RISING_DAYS) -> list[StoredEvent]:
    """The matching events of the newest `days` days that have events (what `rising` compares)."""
    dated = [r["day"] for r in store.tally(filters, "day") if r["day"]]
    if not dated:
        return []
    start = (date.fromisoformat(max(dated)) - timedelta(days=days - 1)).isoformat()
    base = filters or EventFilter()
    return store.events(replace(base, since=max(start, base.since or start)))


def actor_names(store: Store) -> list[str]:
    """Every actor name stored, most frequent first (for the filter's suggestions)."""
    counts: Counter = Counter()
    for column in ("actor1", "actor2"):
        counts.update({r[column]: r["n"] for r in store.tally(None, column) if r[column]})
    return sorted(counts, key=lambda name: (-counts[name], name))


def places_of(events: Sequence[StoredEvent]) -> list[dict[str, Any]]:
    """Each place events happened at, with its admin1, coordinates and count."""
    found: dict[tuple, dict[str, Any]] = {}
    for stored in events:
        loc = stored.event.location
        if loc is None:
            continue
        key = (loc.gazetteer_id or loc.name_ar, loc.admin1)
        entry = found.setdefault(key, {"name_ar": loc.name_ar, "name_en": loc.name_en, "admin1": loc.admin1,
                                       "country": loc.country, "gazetteer_id": loc.gazetteer_id,
                                       "lat": loc.lat, "lon": loc.lon, "count": 0})
        entry["count"] += 1
    return sorted(found.values(), key=lambda p: (-p["count"], p["name_ar"]))


def actors_of(events: Sequence[StoredEvent]) -> list[dict[str, Any]]:
    """Each canonical actor with its Arabic name, inter code and number of events."""
    found: dict[str, dict[str, Any]] = {}
    for stored in events:
        for actor in (stored.event.actor1, stored.event.actor2):
            if actor and actor.name:
                entry = found.setdefault(actor.name, {"name": actor.name, "name_ar": actor.name_ar,
                                                      "type": actor.type, "count": 0})
                entry["count"] += 1
    return sorted(found.values(), key=lambda a: (-a["count"], a["name"]))


def rising(events: Sequence[StoredEvent], days: int = RISING_DAYS, limit: int = 5) -> dict[str, list]:
    """Places, actors and incidents with more events in the newest week than the week before."""
    dated = [s for s in events if s.day]
    if not dated:
        return {"week_end": None, "places": [], "actors": [], "incidents": []}
    end = max(date.fromisoformat(s.day) for s in dated)
    start, before = end - timedelta(days=days - 1), end - timedelta(days=2 * days - 1)
    week = [s for s in dated if date.fromisoformat(s.day) >= start]
    prior = [s for s in dated if before <= date.fromisoformat(s.day) < start]
    return {"week_end": end.isoformat(),
            "places": _rise(week, prior, _place_name, limit),
            "actors": _rise(week, prior, _actor_names, limit),
            "incidents": _labelled(_rise(week, prior, lambda s: [s.incident_id], limit), week)}


def _labelled(incidents: list[dict[str, Any]], events: Sequence[StoredEvent]) -> list[dict[str, Any]]:
    """Each incident with a readable label: its type, place and day."""
    labels = {}
    for stored in events:
        place = _place_name(stored)
        labels.setdefault(stored.incident_id, " · ".join(
            v for v in (stored.event.event_type, place[0] if place else None, stored.day) if v))
    return [{**entry, "label": labels.get(entry["name"], entry["name"])} for entry in incidents]


def _place_name(stored: StoredEvent) -> list[str | None]:
    loc = stored.event.location
    return [loc.name_ar or loc.name_en] if loc else []


def _actor_names(stored: StoredEvent) -> list[str | None]:
    return [a.name for a in (stored.event.actor1, stored.event.actor2) if a]


def _rise(week, prior, names, limit: int) -> list[dict[str, Any]]:
    now = Counter(n for s in week for n in names(s) if n)
    then = Counter(n for s in prior for n in names(s) if n)
    ranked = sorted(now, key=lambda n: (-(now[n] - then[n]), -now[n], n))
    return [{"name": n, "count": now[n], "change": now[n] - then[n]} for n in ranked if now[n] > then[n]][:limit]


def article_by_id(store: Store, article_id: str) -> StoredArticle | None:
    """The stored article with this id (the newest when several share it) and its events."""
    rows = store.db.query("SELECT key, record FROM articles WHERE article_id = ? ORDER BY updated_at DESC",
                          (article_id,))
    return _stored_article(store, rows[0]) if rows else None


def article_by_key(store: Store, key: str) -> StoredArticle | None:
    rows = store.db.query("SELECT key, record FROM articles WHERE key = ?", (key,))
    return _stored_article(store, rows[0]) if rows else None


def _stored_article(store: Store, row: Row) -> StoredArticle:
    record = json.loads(row["record"])
    article = Article.from_dict({**record, "events": []})
    rows = store.db.query("SELECT id FROM events WHERE article_key = ? ORDER BY seq", (row["key"],))
    return StoredArticle(row["key"], article, tuple(store.event(r["id"]) for r in rows))


def articles_list(store: Store, outlet: str | None = None, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """One page of stored articles (of one outlet), newest first, with their number of events."""
    where, params = ("WHERE lower(a.outlet) = lower(?)", [outlet]) if outlet else ("", [])
    total = store.db.query(f"SELECT COUNT(*) AS n FROM articles a {where}", params)[0]["n"]
    rows = store.db.query(
        "SELECT a.article_id, a.url, a.outlet, a.published, a.title, COUNT(e.id) AS n_events "
        f"FROM articles a LEFT JOIN events e ON e.article_key = a.key {where} "
        "GROUP BY a.key, a.article_id, a.url, a.outlet, a.published, a.title "
        "ORDER BY a.published DESC, a.article_id LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": int(total), "limit": limit, "offset": offset, "items": rows}


def incident_record(store: Store, incident_id: str) -> dict[str, Any] | None:
    rows = store.db.query("SELECT record, updated_at FROM incidents WHERE id = ?", (incident_id,))
    return {**json.loads(rows[0]["record"]), "updated_at": rows[0]["updated_at"]} if rows else None


def quotes(text: str, spans: Sequence[Span]) -> list[str]:
    """The evidence sentences of an event, as text."""
    return [s.quote(text) for s in spans]


def viewed_items(store: Store) -> list[dict[str, Any]]:
    """The most read articles and incidents, each with a readable label (title, or type and place)."""
    items = []
    for row in most_viewed(store):
        label = row["entity_id"]
        if row["entity"] == "article" and (found := article_by_id(store, row["entity_id"])):
            label = found.article.title or label
        elif row["entity"] == "incident" and (record := incident_record(store, row["entity_id"])):
            place = (record.get("location") or {}).get("name_ar")
            label = " · ".join(v for v in (record["event_type"], place, record["event_date"]) if v)
        items.append({**row, "n": int(row["n"]), "label": label})
    return items
