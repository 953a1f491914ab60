"""How often the actor resolver names each gold event's actor1 canonically.

Two figures (issue 4): `resolver`, the share of gold events whose actor1
mention `resolve_actor` turns into the gold canonical name (with the
article's date and the event's country); and `found`, the stricter share
where `find_actors` over the whole article yields a mention of that name
inside the gold evidence. `rasd actors --gold` prints both.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rasd.evaluate.run import raw_from_gold
from rasd.extract.actors import ActorMention, find_actors, resolve_actor
from rasd.model import Event, Span
from rasd.pipeline import Doc, run_stages, start_doc


@dataclass(frozen=True, slots=True)
class ActorMiss:
    article_id: str
    mention: str
    gold: str
    resolved: str | None      # what resolve_actor made of the gold mention
    found: bool               # whether find_actors had the gold name in the evidence


@dataclass(frozen=True, slots=True)
class ActorScore:
    events: int
    resolved: int
    found: int
    misses: tuple[ActorMiss, ...]

    @property
    def resolver_rate(self) -> float:
        return self.resolved / self.events if self.events else 0.0

    @property
    def found_rate(self) -> float:
        return self.found / self.events if self.events else 0.0


def doc_country(doc: Doc) -> str | None:
    """The country most of the article's places are in, as the event stage passes it."""
    counts = Counter(m.location.country for m in doc.places if m.location.country)
    return counts.most_common(1)[0][0] if counts else None


def doc_actors(doc: Doc) -> tuple[ActorMention, ...]:
    """find_actors over a processed document, with its date and the country of its places."""
    article = doc.article
    return find_actors(article.text, doc.tokens, doc.sentences,
                       published=article.published, country=doc_country(doc), places=doc.places)


def _in_evidence(mentions: tuple[ActorMention, ...], name: str, evidence: tuple[Span, ...]) -> bool:
    def inside(span: Span) -> bool:
        return not evidence or any(e.start <= span.start and span.end <= e.end for e in evidence)
    return any(m.actor.name == name and inside(m.span) for m in mentions)


def _check(record: dict, event: dict, doc: Doc, mentions) -> ActorMiss | None:
    gold = event.get("actor1") or {}
    name, mention = gold.get("name") or "", gold.get("mention") or ""
    country = (event.get("location") or {}).get("country") or record.get("country")
    resolved = resolve_actor(mention, published=record.get("published"), country=country)
    evidence = Event.from_dict(event, doc.article.text).evidence
    found = _in_evidence(mentions, name, evidence)
    if resolved and resolved.name == name and found:
        return None
    return ActorMiss(str(record["id"]), mention, name, resolved.name if resolved else None, found)


def score_actors(gold_records: list[dict]) -> ActorScore:
    """Both shares over every gold event of the records."""
    events = resolved = found = 0
    misses = []
    for record in gold_records:
        doc = run_stages(start_doc(raw_from_gold(record)))
        mentions = doc_actors(doc)
        for event in record.get("events") or ():
            events += 1
            miss = _check(record, event, doc, mentions)
            resolved += miss is None or miss.resolved == miss.gold
            found += miss is None or miss.found
            if miss:
                misses.append(miss)
    return ActorScore(events, resolved, found, tuple(misses))
