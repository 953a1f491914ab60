"""Reviewers' verdicts on events: confirm, reject, or correct one field; corrections win.

A correction is kept with who made it, when, the old value and the new one. It is
stored by event id, not inside the event, so that re-extracting the article (which
drops and re-creates its events under the same ids) cannot lose it: `reapply`
writes every correction over the fresh record again. Filters and exports read the
corrected columns, and rejected events leave the exports.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasd.errors import RasdError
from rasd.incidents import event_day, place_key
from rasd.model import EVENT_TYPES, TAGS, Event

ACTIONS = ("confirm", "reject", "correct")
STATUS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}
MAX_VALUE_CHARS = 500
ACTOR_FIELDS = {"name": str, "name_ar": str, "type": int, "mention": str}
LOCATION_FIELDS = {"name_ar": str, "name_en": str, "admin1": str, "admin2": str, "admin3": str,
                   "country": str, "lat": float, "lon": float, "geo_precision": int}
TOP_FIELDS = {"event_type": str, "sub_event_type": str, "date": "date", "date_offset_days": int,
              "time_precision": int, "fatalities": int, "injuries": int, "weapons": list, "tags": list,
              "reported_by": list, "notes": str, "assoc_actor1": "actors", "assoc_actor2": "actors"}
SUB_EVENT_TYPES = frozenset(s for subs in EVENT_TYPES.values() for s in subs)
_INT = re.compile(r"^-?\d{1,7}$")


class ReviewError(RasdError):
    """A review that cannot be applied: unknown field, bad value, unknown event."""


@dataclass(frozen=True, slots=True)
class Review:
    """One reviewer's action on one event."""

    id: int
    event_id: str
    user_name: str
    at: str
    action: str
    field: str | None
    old_value: Any
    new_value: Any


def correctable_fields() -> list[str]:
    """Every field path a reviewer may correct, e.g. 'fatalities', 'actor1.name', 'location.admin1'."""
    actors = [f"{side}.{name}" for side in ("actor1", "actor2") for name in ACTOR_FIELDS]
    return [*TOP_FIELDS, *actors, *(f"location.{name}" for name in LOCATION_FIELDS)]


def field_type(path: str) -> Any:
    head, _, leaf = path.partition(".")
    if head in ("actor1", "actor2") and leaf:
        return ACTOR_FIELDS.get(leaf)
    if head == "location" and leaf:
        return LOCATION_FIELDS.get(leaf)
    return None if leaf else TOP_FIELDS.get(head)


def parse_value(path: str, raw: str) -> Any:
    """The typed value of a correction typed as text: ('fatalities', ' 4 ') -> 4; '' clears it."""
    kind = field_type(path)
    if kind is None:
        raise ReviewError(f"unknown field {path!r}; correctable: {', '.join(correctable_fields())}")
    if len(raw) > MAX_VALUE_CHARS:
        raise ReviewError(f"value of {path} is longer than {MAX_VALUE_CHARS} characters")
    text = raw.strip()
    if kind in (list, "actors"):
        parts = [part.strip() for part in re.split(r"[;,،]", text) if part.strip()]
        return [{"name": part} for part in parts] if kind == "actors" else parts
    if not text:
        if path in ("event_type", "sub_event_type", "fatalities"):
            raise ReviewError(f"{path} cannot be empty")
        return None
    return _typed(path, kind, text)


def _typed(path: str, kind: Any, text: str) -> Any:
    if kind is int:
        if not _INT.match(text):
            raise ReviewError(f"{path} must be a whole number, not {text!r}")
        return int(text)
    if kind is float:
        try:
            return float(text)
        except ValueError:
            raise ReviewError(f"{path} must be a number, not {text!r}") from None
    if kind == "date":
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ReviewError(f"{path} must be a date YYYY-MM-DD, not {text!r}") from None
    _check_vocabulary(path, text)
    return text


def _check_vocabulary(path: str, text: str) -> None:
    if path == "event_type" and text not in EVENT_TYPES:
        raise ReviewError(f"unknown event_type {text!r}; one of: {', '.join(EVENT_TYPES)}")
    if path == "sub_event_type" and text not in SUB_EVENT_TYPES:
        raise ReviewError(f"unknown sub_event_type {text!r}")


def check_tags(tags: Sequence[str]) -> None:
    unknown = [t for t in tags if t not in TAGS]
    if unknown:
        raise ReviewError(f"unknown tag(s) {', '.join(unknown)}; one of: {', '.join(TAGS)}")


def get_field(record: dict[str, Any], path: str) -> Any:
    """The value at `path` of an event record: get_field(r, 'actor1.name')."""
    head, _, leaf = path.partition(".")
    value = record.get(head)
    if leaf:
        return (value or {}).get(leaf)
    return value


def set_field(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the record with `path` set (an absent actor or location is created)."""
    head, _, leaf = path.partition(".")
    copy = dict(record)
    if leaf:
        inner = dict(copy.get(head) or ({"name": ""} if head != "location" else {"name_ar": ""}))
        inner[leaf] = value
        copy[head] = inner
    else:
        copy[head] = value
    return copy


def corrected(record: dict[str, Any], reviews: Sequence[Review]) -> dict[str, Any]:
    """The record with every correction applied, oldest first (so the newest wins)."""
    for review in reviews:
        if review.action == "correct" and review.field:
            record = set_field(record, review.field, review.new_value)
    return record


def status_of(reviews: Sequence[Review]) -> str | None:
    """The event's review status: that of the newest action, None when never reviewed."""
    return STATUS[reviews[-1].action] if reviews else None


def event_columns(event: Event, published: str | None) -> dict[str, Any]:
    """The indexed columns of `events` that a corrected record changes."""
    loc = event.location
    return {
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "event_date": event_day(event, published),
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "country": loc.country if loc else None, "admin1": loc.admin1 if loc else None,
        "place_key": place_key(loc), "gazetteer_id": loc.gazetteer_id if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None, "fatalities": event.fatalities,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }
