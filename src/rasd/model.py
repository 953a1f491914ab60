"""The records Rasd passes between stages and prints (EVENTS.md sections 3 and 4).

Every record is a frozen dataclass; `to_dict()` gives the JSON shape with the
field names of EVENTS.md, `from_dict()` reads it back (gold files included,
where evidence is quoted text instead of offsets).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

TAGS = ("displacement", "siege", "reinforcements", "hostage", "attempted_storming", "curfew")

# ACLED inter codes (EVENTS.md section 3).
INTER_CODES = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) of the cleaned article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def quote(self, text: str) -> str:
        return text[self.start:self.end]

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> Span:
        return cls(int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor named canonically (ACTORS.md), with the words the text used."""

    name: str
    name_ar: str | None = None
    type: int | None = None
    mention: str = ""
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none_span(asdict(self), self.span)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Actor | None:
        if not data:
            return None
        return cls(
            name=data.get("name") or "",
            name_ar=data.get("name_ar"),
            type=data.get("type"),
            mention=data.get("mention") or "",
            span=_span_or_none(data.get("span")),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """A place resolved in the gazetteer, with ACLED's geo_precision (1 town, 2 near, 3 region)."""

    name_ar: str
    name_en: str | None = None
    gazetteer_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    mention: str = ""
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none_span(asdict(self), self.span)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        if not data:
            return None
        known = {f.name for f in fields(cls)} - {"span"}
        values = {k: v for k, v in data.items() if k in known}
        values.setdefault("name_ar", "")
        return cls(**values, span=_span_or_none(data.get("span")))


@dataclass(frozen=True, slots=True)
class Event:
    """One act by one actor (or pair) at one place on one day (EVENTS.md section 1)."""

    event_type: str
    sub_event_type: str
    date: str | None = None
    date_offset_days: int | None = None
    time_precision: int = 1
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor1: tuple[Actor, ...] = ()
    assoc_actor2: tuple[Actor, ...] = ()
    location: Location | None = None
    fatalities: int = 0
    injuries: int | None = None
    weapons: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    notes: str = ""
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date,
            "date_offset_days": self.date_offset_days,
            "time_precision": self.time_precision,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actor1": [a.to_dict() for a in self.assoc_actor1],
            "assoc_actor2": [a.to_dict() for a in self.assoc_actor2],
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "weapons": list(self.weapons),
            "tags": list(self.tags),
            "reported_by": list(self.reported_by),
            "evidence": [s.to_dict() for s in self.evidence],
            "notes": self.notes,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str = "") -> Event:
        """Read an event; quoted evidence (gold files) is located in `text`."""
        return cls(
            event_type=data.get("event_type") or "",
            sub_event_type=data.get("sub_event_type") or "",
            date=data.get("date"),
            date_offset_days=data.get("date_offset_days"),
            time_precision=data.get("time_precision") or 1,
            actor1=Actor.from_dict(data.get("actor1")),
            actor2=Actor.from_dict(data.get("actor2")),
            assoc_actor1=_actors(data.get("assoc_actor1")),
            assoc_actor2=_actors(data.get("assoc_actor2")),
            location=Location.from_dict(data.get("location")),
            fatalities=data.get("fatalities") or 0,
            injuries=data.get("injuries"),
            weapons=tuple(data.get("weapons") or ()),
            tags=tuple(data.get("tags") or ()),
            reported_by=tuple(data.get("reported_by") or ()),
            evidence=tuple(_evidence_spans(data.get("evidence") or (), text)),
            notes=data.get("notes") or "",
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One processed article: cleaned text (all offsets refer to it) and its events."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    boilerplate_removed: tuple[str, ...] = ()
    language: str | None = None
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "text": self.text,
            "boilerplate_removed": list(self.boilerplate_removed),
            "language": self.language,
            "events": [e.to_dict() for e in self.events],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        text = data.get("text") or ""
        return cls(
            id=str(data.get("id") or ""),
            text=text,
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            title=data.get("title"),
            boilerplate_removed=tuple(data.get("boilerplate_removed") or ()),
            language=data.get("language"),
            events=tuple(Event.from_dict(e, text) for e in data.get("events") or ()),
            warnings=tuple(data.get("warnings") or ()),
        )


def _drop_none_span(data: dict[str, Any], span: Span | None) -> dict[str, Any]:
    data["span"] = span.to_dict() if span else None
    return data


def _span_or_none(data: dict[str, int] | None) -> Span | None:
    return Span.from_dict(data) if data else None


def _actors(items: list[dict[str, Any]] | None) -> tuple[Actor, ...]:
    return tuple(a for a in (Actor.from_dict(item) for item in items or ()) if a)


def _evidence_spans(items, text: str):
    """Offsets stay offsets; a quoted string becomes the span of its first occurrence."""
    for item in items:
        if isinstance(item, dict):
            yield Span.from_dict(item)
        elif isinstance(item, str) and item and (start := text.find(item)) >= 0:
            yield Span(start, start + len(item))
