"""Which events from different articles describe the same incident, and why.

Two events link when they share an event_type, a place (the same gazetteer
place or folded Arabic name, or within 10 km when one of them is only
approximately placed), days at most one apart (or a day that one report does
not give), and actors that do not contradict each other. An incident holds at
most one event per article, and a new event joins an incident only when it
links to every event already in it, so chains of near neighbours (A near B
near C) never merge two villages. Everything here is pure; rasd.store calls it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from rasd.evaluate.score import fold_place_name, haversine_km
from rasd.model import Actor, Event, Location, Span
from rasd.text.months import WEEKDAYS
from rasd.text.normalize import fold_word
from rasd.text.segment import tokenize

PLACE_RADIUS_KM = 10.0
# Two precisely placed, differently named places closer than this are one town
# and its quarter («حي طي» in «القامشلي»); farther, they are two villages.
SAME_TOWN_KM = 2.0
MAX_DAY_GAP = 1
REGION_PRECISION = 3
# Actor names that identify nobody in particular: they never contradict a named actor.
GENERIC_ACTOR_PREFIXES = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True, slots=True)
class LinkEvent:
    """The parts of a stored event that decide links."""

    id: str
    article_key: str
    event_type: str
    day: date | None
    actors: frozenset[str]
    place_key: str
    gazetteer_id: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    weekday: int | None = None  # ISO weekday the report names («أمس الخميس» -> 4)


@dataclass(frozen=True, slots=True)
class Choice:
    """The incident an event joins and the reason for the link."""

    incident_id: str
    reason: str


def event_day(event: Event, published: str | None) -> str | None:
    """The event's ISO day: its own date, else publication day plus date_offset_days."""
    if event.date:
        return event.date[:10]
    if published and event.date_offset_days is not None:
        day = _parse_day(published)
        return (day + timedelta(days=event.date_offset_days)).isoformat() if day else None
    return None


def place_key(location: Location | None) -> str:
    """The folded Arabic name that identifies a place: «حي الزهراء» -> «زهراء»."""
    return fold_place_name(location.name_ar) if location else ""


def specific_actors(actors: Iterable[Actor | None]) -> frozenset[str]:
    """Canonical names of the actors that identify someone (not «Unidentified ...»)."""
    names = (a.name for a in actors if a and a.name)
    return frozenset(n for n in names if not n.startswith(GENERIC_ACTOR_PREFIXES))


@cache
def _folded_weekdays() -> dict[str, int]:
    return {fold_word(name): number for name, number in WEEKDAYS.items()}


def reported_weekday(text: str, evidence: Sequence[Span]) -> int | None:
    """The one weekday the event's sentences name: «قصف ... صباح اليوم الخميس» -> 4; None if none or several."""
    names = _folded_weekdays()
    found = set()
    for span in evidence:
        for token in tokenize(span.quote(text)):
            word = token.folded
            number = names.get(word) or (names.get(word[1:]) if word[:1] in "وفب" else None)
            if number:
                found.add(number)
    return found.pop() if len(found) == 1 else None


def link_event(
    event_id: str, article_key: str, event: Event, published: str | None, weekday: int | None = None
) -> LinkEvent:
    """The linking view of one event of one article."""
    loc = event.location
    day = event_day(event, published)
    return LinkEvent(
        id=event_id,
        article_key=article_key,
        event_type=event.event_type,
        day=_parse_day(day),
        actors=specific_actors((event.actor1, event.actor2)),
        place_key=place_key(loc),
        gazetteer_id=loc.gazetteer_id if loc else None,
        admin1=loc.admin1 if loc else None,
        country=loc.country if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        weekday=weekday,
    )


def same_place(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why `a` and `b` are at one place, or None when they are not (or cannot be told)."""
    if REGION_PRECISION in (a.geo_precision, b.geo_precision) or not (a.place_key and b.place_key):
        return None
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return f"same gazetteer place {a.gazetteer_id}"
    if a.place_key == b.place_key and _agrees(a.admin1, b.admin1) and _agrees(a.country, b.country):
        return f"same place name «{a.place_key}»"
    return _near(a, b)


def _near(a: LinkEvent, b: LinkEvent) -> str | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    km = haversine_km((a.lat, a.lon), (b.lat, b.lon))
    both_precise = a.geo_precision == 1 and b.geo_precision == 1
    limit = SAME_TOWN_KM if both_precise else PLACE_RADIUS_KM
    return f"{km:.1f} km apart" if km <= limit else None


def _agrees(first: str | None, second: str | None) -> bool:
    """Unknown on either side, or the same name (case aside)."""
    return not (first and second) or first.casefold() == second.casefold()


def same_time(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why the two days are compatible, or None when they are too far apart.

    Without both dates, the weekdays the reports name must be at most a day apart.
    """
    if a.day is None or b.day is None:
        return _same_weekday(a, b)
    gap = abs((a.day - b.day).days)
    if gap > MAX_DAY_GAP:
        return None
    return f"same day {a.day}" if gap == 0 else f"days {min(a.day, b.day)} and {max(a.day, b.day)}"


def _same_weekday(a: LinkEvent, b: LinkEvent) -> str | None:
    first, second = _weekday(a), _weekday(b)
    if first is None or second is None:
        return "the day is not known in both reports"
    gap = min((first - second) % 7, (second - first) % 7)
    return f"weekdays {first} and {second} (ISO)" if gap <= MAX_DAY_GAP else None


def _weekday(event: LinkEvent) -> int | None:
    return event.day.isoweekday() if event.day else event.weekday


def same_actors(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why the actors agree (a shared named actor, or one report naming none), else None."""
    if not a.actors or not b.actors:
        return "actors do not conflict"
    shared = sorted(a.actors & b.actors)
    return f"shared actor {shared[0]}" if shared else None


def link_reason(a: LinkEvent, b: LinkEvent) -> str | None:
    """Why `a` and `b` are one incident, or None when they are not."""
    if a.article_key == b.article_key or a.event_type != b.event_type:
        return None
    parts = []
    for check in (same_place, same_time, same_actors):
        part = check(a, b)
        if part is None:
            return None
        parts.append(part)
    return f"{a.event_type}; " + "; ".join(parts)


def choose_incident(event: LinkEvent, incidents: dict[str, Sequence[LinkEvent]]) -> Choice | None:
    """The largest incident every member of which links to `event` (ties: the smallest id)."""
    best: tuple[int, str, str] | None = None
    for incident_id, members in sorted(incidents.items()):
        reasons = [link_reason(event, member) for member in members]
        if not members or None in reasons:
            continue
        if best is None or len(members) > best[0]:
            best = (len(members), incident_id, f"with {members[0].id}: {reasons[0]}")
    return Choice(best[1], best[2]) if best else None


def reconcile_fatalities(figures: Sequence[int]) -> tuple[int, int, int]:
    """(figure, lowest, highest): the figure most reports give, the lower on a tie.

    A zero means "no deaths reported", so it counts only when every report says it.
    """
    reported = [f for f in figures if f > 0] or [0]
    counts = Counter(reported)
    figure = min(reported, key=lambda f: (-counts[f], f))
    return figure, min(reported), max(reported)


def most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value; on a tie the one seen first."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
