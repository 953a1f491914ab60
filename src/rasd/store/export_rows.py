"""The rows `rasd events` / `rasd incidents` write: current records, then deletions when syncing."""
from __future__ import annotations

from typing import Any

from rasd.export import deletion_row, event_row, incident_row
from rasd.store.query import EventFilter
from rasd.store.repository import Store


def export_rows(store: Store, kind: str, filters: EventFilter) -> list[dict[str, Any]]:
    """Rows of `kind` ('event' or 'incident') matching `filters`, plus deletions since updated_since."""
    if kind == "event":
        rows = [event_row(stored) for stored in store.events(filters)]
    else:
        rows = [incident_row(record) for record in store.incidents(filters)]
    if filters.updated_since:
        rows += [deletion_row(d) for d in store.deletions(kind, filters.updated_since)]
    return rows
