"""How well incident links agree with a gold file's `incident_hint`s (pairwise F1 over articles).

Two articles are gold-linked when they carry the same non-empty incident_hint,
and predicted-linked when an event of one and an event of the other fall in
one incident. Also counted: incidents that join two different villages
(precise places that are not one gazetteer place and lie more than a town's
radius apart), which must never happen; a town and its quarter are one place.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from rasd.evaluate.run import raw_from_gold, read_jsonl_records
from rasd.evaluate.score import fold_place_name, haversine_km
from rasd.incidents import SAME_TOWN_KM
from rasd.model import Event, Location
from rasd.pipeline import process_raw
from rasd.store import Store, open_store
from rasd.store.ingest import article_key, input_hash

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class LinkScore:
    """Pairwise link figures and the pairs behind them."""

    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    false_links: tuple[Pair, ...]
    missed_links: tuple[Pair, ...]
    cross_place: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.true_pairs / self.predicted_pairs if self.predicted_pairs else 0.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def hint_pairs(records: list[dict]) -> set[Pair]:
    """Article pairs that share an incident_hint."""
    groups: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record.get("incident_hint"):
            groups[record["incident_hint"]].append(str(record["id"]))
    return {tuple(sorted(p)) for ids in groups.values() for p in combinations(ids, 2)}


def linked_pairs(store: Store) -> set[Pair]:
    """Article pairs that have events in one incident."""
    by_incident: dict[str, set[str]] = defaultdict(set)
    for stored in store.events():
        by_incident[stored.incident_id].add(stored.article.article_id)
    return {tuple(sorted(p)) for ids in by_incident.values() for p in combinations(sorted(ids), 2)}


def cross_place_incidents(store: Store) -> list[str]:
    """Incidents holding two events at different villages: precise, and not one town or one place."""
    members: dict[str, list[Location]] = defaultdict(list)
    for stored in store.events():
        loc = stored.event.location
        if loc and loc.geo_precision == 1:
            members[stored.incident_id].append(loc)
    return sorted(i for i, places in members.items()
                  if any(different_villages(a, b) for a, b in combinations(places, 2)))


def different_villages(a: Location, b: Location) -> bool:
    """Two precise places that are neither one gazetteer place nor one town (within SAME_TOWN_KM)."""
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km((a.lat, a.lon), (b.lat, b.lon)) > SAME_TOWN_KM
    return fold_place_name(a.name_ar) != fold_place_name(b.name_ar)


def store_gold_file(store: Store, records: list[dict], gold_events: bool) -> None:
    """Store each article of a gold file, with its gold events or with extracted ones."""
    for record in records:
        raw = raw_from_gold(record)
        article = process_raw(raw)
        if gold_events:
            events = tuple(Event.from_dict(e, article.text) for e in record.get("events") or ())
            article = replace(article, events=events)
        store.save_article(article_key(raw), input_hash(raw), article)


def score_links(gold_path: Path, gold_events: bool = False, target: str = ":memory:") -> LinkScore:
    """Link the articles of `gold_path` in a scratch store and compare with their hints."""
    records = read_jsonl_records(gold_path)
    store = open_store(target)
    try:
        store_gold_file(store, records, gold_events)
        gold, predicted = hint_pairs(records), linked_pairs(store)
        cross = tuple(cross_place_incidents(store))
    finally:
        store.close()
    return LinkScore(len(gold), len(predicted), len(gold & predicted),
                     tuple(sorted(predicted - gold)), tuple(sorted(gold - predicted)), cross)
