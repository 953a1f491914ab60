"""The portal's tables: reviewers, reviews and their corrections, comments, page views, settings.

Every function takes the Store and does its writes in one transaction.
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from rasd.model import Event
from rasd.store.backend import Row, chunks, placeholders
from rasd.store.repository import Store, now_iso
from rasd.store.reviews import (
    ACTIONS,
    Review,
    ReviewError,
    check_tags,
    corrected,
    event_columns,
    get_field,
    status_of,
)

MAX_COMMENT_CHARS = 4000
MAX_NAME_CHARS = 64


# --- users ---------------------------------------------------------------------------

def add_user(store: Store, name: str, password_hash: str) -> None:
    """Create a reviewer, or replace the password of an existing one."""
    if not name or len(name) > MAX_NAME_CHARS or not name.isprintable() or name.strip() != name:
        raise ReviewError(f"a user name is 1 to {MAX_NAME_CHARS} printable characters without outer spaces")
    with store.db.transaction():
        store.db.run("INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash",
                     (name, password_hash, now_iso()))


def password_hash(store: Store, name: str) -> str | None:
    rows = store.db.query("SELECT password_hash FROM users WHERE name = ?", (name,))
    return rows[0]["password_hash"] if rows else None


def setting(store: Store, name: str, make: Any = lambda: secrets.token_hex(32)) -> str:
    """A stored setting (the session key), created by `make()` the first time it is asked for."""
    rows = store.db.query("SELECT value FROM settings WHERE name = ?", (name,))
    if rows:
        return rows[0]["value"]
    with store.db.transaction():
        store.db.run("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                     (name, make()))
    return store.db.query("SELECT value FROM settings WHERE name = ?", (name,))[0]["value"]


# --- reviews -------------------------------------------------------------------------

def reviews_of(store: Store, event_ids: Sequence[str]) -> dict[str, list[Review]]:
    """Every review of each event, oldest first."""
    found: dict[str, list[Review]] = {}
    for part in chunks(list(event_ids)):
        rows = store.db.query(f"SELECT * FROM reviews WHERE event_id IN ({placeholders(len(part))}) ORDER BY id",
                              part)
        for row in rows:
            found.setdefault(row["event_id"], []).append(_review(row))
    return found


def _review(row: Row) -> Review:
    return Review(row["id"], row["event_id"], row["user_name"], row["at"], row["action"], row["field"],
                  _loads(row["old_value"]), _loads(row["new_value"]))


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def add_review(store: Store, event_id: str, user: str, action: str, field: str | None = None,
               value: Any = None) -> Review:
    """Record a confirmation, a rejection or a one-field correction, and apply it to the event."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; one of: {', '.join(ACTIONS)}")
    if action == "correct" and not field:
        raise ReviewError("a correction names the field it corrects")
    if field == "tags":
        check_tags(value or [])
    at = now_iso()
    with store.db.transaction():
        record = _record(store, event_id)
        old = get_field(record, field) if action == "correct" else None
        store.db.run(
            "INSERT INTO reviews (event_id, user_name, at, action, field, old_value, new_value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (event_id, user, at, action, field if action == "correct" else None,
             json.dumps(old, ensure_ascii=False), json.dumps(value, ensure_ascii=False)))
        reapply(store, [event_id], at)
    return reviews_of(store, [event_id])[event_id][-1]


def _record(store: Store, event_id: str) -> dict[str, Any]:
    rows = store.db.query("SELECT record FROM events WHERE id = ?", (event_id,))
    if not rows:
        raise ReviewError(f"no event {event_id!r}")
    return json.loads(rows[0]["record"])


def reapply(store: Store, event_ids: Sequence[str], at: str) -> None:
    """Write every event's corrections and status over its stored record; refresh its incident.

    Corrections set values, so applying them again to a corrected record changes nothing,
    and applying them to a record re-extracted by an ingest restores them.
    """
    reviews = reviews_of(store, event_ids)
    for event_id, done in reviews.items():
        rows = store.db.query(
            "SELECT e.record, e.incident_id, a.published FROM events e JOIN articles a ON a.key = e.article_key "
            "WHERE e.id = ?", (event_id,))
        if not rows:
            continue
        event = Event.from_dict(corrected(json.loads(rows[0]["record"]), done))
        columns = {**event_columns(event, rows[0]["published"]), "review_status": status_of(done),
                   "updated_at": at}
        store.db.run(f"UPDATE events SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                     (*columns.values(), event_id))
        if rows[0]["incident_id"]:
            store._refresh_incident(rows[0]["incident_id"], at)


# --- comments ------------------------------------------------------------------------

def add_comment(store: Store, event_id: str, user: str, body: str) -> int:
    """Store one comment on an event; returns its id."""
    body = body.strip()
    if not body or len(body) > MAX_COMMENT_CHARS:
        raise ReviewError(f"a comment is 1 to {MAX_COMMENT_CHARS} characters")
    with store.db.transaction():
        _record(store, event_id)
        store.db.run("INSERT INTO comments (event_id, user_name, at, body) VALUES (?, ?, ?, ?)",
                     (event_id, user, now_iso(), body))
        # Read inside the transaction (one writer at a time): another reviewer's comment cannot slip in between.
        rows = store.db.query("SELECT MAX(id) AS id FROM comments WHERE event_id = ?", (event_id,))
    return rows[0]["id"]


def comments_of(store: Store, event_ids: Sequence[str]) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {}
    for part in chunks(list(event_ids)):
        rows = store.db.query(
            f"SELECT id, event_id, user_name, at, body FROM comments WHERE event_id IN ({placeholders(len(part))}) "
            "ORDER BY id", part)
        for row in rows:
            found.setdefault(row["event_id"], []).append(row)
    return found


# --- views ---------------------------------------------------------------------------

def count_view(store: Store, entity: str, entity_id: str) -> None:
    """Count one reading of an article or incident page today."""
    day = datetime.now(UTC).date().isoformat()
    with store.db.transaction():
        store.db.run("INSERT INTO views (entity, entity_id, day, n) VALUES (?, ?, ?, 1) "
                     "ON CONFLICT (entity, entity_id, day) DO UPDATE SET n = views.n + 1",
                     (entity, entity_id, day))


def most_viewed(store: Store, days: int = 30, limit: int = 10) -> list[Row]:
    """The most read articles and incidents of the last `days` days."""
    since = (datetime.now(UTC).date() - timedelta(days=days)).isoformat()
    return store.db.query(
        "SELECT entity, entity_id, SUM(n) AS n FROM views WHERE day >= ? GROUP BY entity, entity_id "
        "ORDER BY n DESC, entity_id LIMIT ?", (since, limit))
