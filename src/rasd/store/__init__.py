"""The local event database: SQLite by default, PostgreSQL for a postgresql:// URL."""
from __future__ import annotations

from rasd.store.backend import default_target, open_database
from rasd.store.query import EventFilter
from rasd.store.records import StoredEvent
from rasd.store.repository import Store


def open_store(target: str | None = None) -> Store:
    """The store at `target` (path, ':memory:' or URL; default $RASD_DB or the user data dir), migrated."""
    return Store(open_database(target))


__all__ = ["EventFilter", "Store", "StoredEvent", "default_target", "open_store"]
