"""One record per incident: the fields its reports agree on, and every report listed."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rasd.incidents import most_common, reconcile_fatalities
from rasd.model import Actor, Event, Location
from rasd.store.records import StoredEvent, unique


def incident_record(incident_id: str, members: Sequence[StoredEvent]) -> dict[str, Any]:
    """The reconciled incident (JSON shape): fatalities as the most reported figure with its range."""
    events = [m.event for m in members]
    figure, low, high = reconcile_fatalities([e.fatalities for e in events])
    return {
        "incident_id": incident_id,
        "event_type": events[0].event_type,
        "sub_event_type": most_common(e.sub_event_type for e in events),
        "event_date": _earliest_common_day([m.day for m in members]),
        "time_precision": min(e.time_precision for e in events),
        **_actors(events),
        "location": _best_location(events),
        "fatalities": figure,
        "fatalities_low": low,
        "fatalities_high": high,
        "injuries": _injuries(events),
        "weapons": unique(w for e in events for w in e.weapons),
        "tags": unique(t for e in events for t in e.tags),
        "reported_by": unique(r for e in events for r in e.reported_by),
        "notes": next((e.notes for e in events if e.notes), ""),
        "sources": [_source(m) for m in members],
    }


def _earliest_common_day(days: Sequence[str | None]) -> str | None:
    """The day most reports give; on a tie the earliest."""
    known = [d for d in days if d]
    counts = Counter(known)
    return min(known, key=lambda d: (-counts[d], d)) if known else None


def _actors(events: Sequence[Event]) -> dict[str, Any]:
    """Actor fields of the report that names the most of them."""
    richest = max(events, key=lambda e: sum(a is not None for a in (e.actor1, e.actor2)))
    return {
        "actor1": _actor(richest.actor1),
        "actor2": _actor(richest.actor2),
        "assoc_actor1": [{"name": n} for n in unique(a.name for e in events for a in e.assoc_actor1)],
        "assoc_actor2": [{"name": n} for n in unique(a.name for e in events for a in e.assoc_actor2)],
    }


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    return {"name": actor.name, "name_ar": actor.name_ar, "type": actor.type} if actor else None


def _best_location(events: Sequence[Event]) -> dict[str, Any] | None:
    """The most precise location that has coordinates, else the most precise one."""
    located = [e.location for e in events if e.location]
    if not located:
        return None
    best: Location = min(located, key=lambda loc: (loc.lat is None, loc.geo_precision or 9))
    record = best.to_dict()
    record.pop("span", None)
    return record


def _injuries(events: Sequence[Event]) -> int | None:
    figures = [e.injuries for e in events if e.injuries is not None]
    return reconcile_fatalities(figures)[0] if figures else None


def _source(member: StoredEvent) -> dict[str, Any]:
    return {
        "event_id": member.id,
        "article_id": member.article.article_id,
        "url": member.article.url,
        "outlet": member.article.outlet,
        "published": member.article.published,
        "event_date": member.day,
        "fatalities": member.event.fatalities,
        "link_reason": member.link_reason,
    }
