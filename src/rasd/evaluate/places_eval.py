"""How often the geoparser finds and resolves the place of each gold event.

A gold event counts as found when some place mention of its article
resolves to the same name (folded as the scorer folds it) and the same
admin1. This is the figure of issue 3; `rasd places --gold` prints it.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.evaluate.run import raw_from_gold
from rasd.evaluate.score import fold_place_name
from rasd.extract.places import PlaceMention
from rasd.pipeline import Doc, run_stages, start_doc


@dataclass(frozen=True, slots=True)
class PlaceMiss:
    article_id: str
    name_ar: str
    admin1: str | None
    candidates: tuple[str, ...]   # what the geoparser made of mentions of that name


@dataclass(frozen=True, slots=True)
class PlaceScore:
    events: int
    found: int
    misses: tuple[PlaceMiss, ...]

    @property
    def rate(self) -> float:
        return self.found / self.events if self.events else 0.0


def _same_admin1(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()


def _check_event(article_id: str, gold: dict, mentions: tuple[PlaceMention, ...]) -> PlaceMiss | None:
    name = fold_place_name(gold.get("name_ar"))
    same_name = [m for m in mentions if fold_place_name(m.location.name_ar) == name]
    if any(_same_admin1(m.location.admin1, gold.get("admin1")) for m in same_name):
        return None
    seen = tuple(f"{m.location.name_ar} ({m.location.admin1})" for m in same_name)
    return PlaceMiss(article_id, gold.get("name_ar") or "", gold.get("admin1"), seen)


def place_mentions(record: dict) -> tuple[PlaceMention, ...]:
    doc: Doc = run_stages(start_doc(raw_from_gold(record)))
    return doc.places


def score_places(gold_records: list[dict]) -> PlaceScore:
    """The share of gold events whose place the geoparser finds and resolves."""
    events, misses = 0, []
    for record in gold_records:
        mentions = place_mentions(record)
        for event in record.get("events") or ():
            events += 1
            miss = _check_event(str(record["id"]), event.get("location") or {}, mentions)
            if miss:
                misses.append(miss)
    return PlaceScore(events, events - len(misses), tuple(misses))
