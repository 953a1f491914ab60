"""Invented articles and events for the store, incident and export tests."""
from __future__ import annotations

from rasd.model import Actor, Article, Event, Location, Span


def place(name_ar: str, name_en: str, lat: float | None, lon: float | None, precision: int = 1,
          gid: str | None = None, admin1: str = "Idlib") -> Location:
    return Location(name_ar=name_ar, name_en=name_en, gazetteer_id=gid, admin1=admin1, country="Syria",
                    lat=lat, lon=lon, geo_precision=precision)


def strike(location: Location, day: str | None = "2023-03-14", fatalities: int = 0,
           actor: str = "Military Forces of Russia", offset: int | None = None,
           evidence: tuple[Span, ...] = ()) -> Event:
    return Event(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date=day,
        date_offset_days=offset, actor1=Actor(actor, type=8), actor2=Actor("Civilians (Syria)", type=7),
        location=location, fatalities=fatalities, evidence=evidence,
    )


def article(article_id: str, text: str, events: tuple[Event, ...] = (), outlet: str = "outlet-a",
            published: str | None = "2023-03-14") -> Article:
    return Article(id=article_id, text=text, url=f"https://{outlet}.example/{article_id}", outlet=outlet,
                   published=published, title=text.split("\n")[0], language="ar", events=events)
