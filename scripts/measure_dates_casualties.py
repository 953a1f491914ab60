"""How often the date and casualty readers find what gold events say, on a gold file.

For each gold event, the evidence sentences are the cleaned-text sentences
its quoted evidence overlaps. Printed shares:
  date: some TimeMention in the evidence sentences has the gold date_offset_days;
        and a simple rule (first mention in the evidence, else the article's
        first day mention, else 0) gives it
  fatalities / injuries: some CasualtyMention of that kind in the evidence
        sentences has the gold figure (gold 0 killed / null injured: none states a figure);
        fatal>0 and injured# restrict these to the events whose gold gives a figure
  event_time, event_date, precision, event_fatal, event_injur: what dates.event_time and
        numbers.event_casualties give for the event equals gold (exact)
Usage: python scripts/measure_dates_casualties.py ../shared/eval/dev.jsonl [-v]
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rasd.evaluate.run import raw_from_gold, read_jsonl_records
from rasd.extract.dates import TimeMention, event_time, find_time_expressions
from rasd.extract.numbers import CasualtyMention, event_casualties, find_casualties
from rasd.model import Span
from rasd.pipeline import Doc, segment, start_doc
from rasd.text.normalize import fold


@dataclass
class Tally:
    total: int = 0
    hit: int = 0

    def add(self, ok: bool) -> None:
        self.total, self.hit = self.total + 1, self.hit + ok

    def __str__(self) -> str:
        share = self.hit / self.total if self.total else 0.0
        return f"{self.hit}/{self.total} = {share:.1%}"


def evidence_sentences(doc: Doc, quotes: list[str]) -> set[int]:
    """Indices of the sentences the quoted evidence overlaps (matched on folded text)."""
    folded = doc.folded
    found = set()
    for quote in quotes:
        key = fold(quote.strip(' "“”«»')).text[:60]
        at = folded.text.find(key) if key else -1
        if at < 0:
            continue
        start, end = folded.to_source(at, min(at + len(fold(quote).text), len(folded.text)))
        found |= {i for i, s in enumerate(doc.sentences) if s.start < end and start < s.end}
    return found


def rule_offset(times: tuple[TimeMention, ...], sentences: set[int]) -> int | None:
    """First mention in the evidence, else the article's first relative day, else 0."""
    inside = [t for t in times if t.sentence in sentences and t.offset_days is not None]
    if inside:
        return inside[0].offset_days
    days = [t for t in times if t.kind in ("relative", "weekday") and t.offset_days is not None]
    return days[0].offset_days if days else 0


def casualty_ok(casualties: tuple[CasualtyMention, ...], sentences: set[int], kind: str, gold) -> bool:
    figures = {c.count for c in casualties if c.sentence in sentences and c.kind == kind}
    figures.discard(None)
    if gold in (0, None):
        return not figures
    return gold in figures


def tally_dates(tallies, times, sentences, event, published) -> bool:
    """Count the date figures of one event; whether the rule found its offset."""
    gold = event.get("date_offset_days")
    if gold is None:
        return True
    tallies["date_any"].add(any(t.offset_days == gold for t in times if t.sentence in sentences))
    tallies["date_rule"].add(rule_offset(times, sentences) == gold)
    chosen = event_time(times, sentences, published=published)
    tallies["event_time"].add(chosen.offset_days == gold)
    tallies["precision"].add(chosen.precision == event.get("time_precision"))
    if event.get("date"):
        tallies["event_date"].add(chosen.date == event["date"])
    return chosen.offset_days == gold


def tally_casualties(tallies, casualties, sentences, event) -> bool:
    """Count the casualty figures of one event; whether both kinds were found."""
    ok_f = casualty_ok(casualties, sentences, "killed", event.get("fatalities"))
    ok_i = casualty_ok(casualties, sentences, "injured", event.get("injuries"))
    tallies["fatalities"].add(ok_f)
    tallies["injuries"].add(ok_i)
    if event.get("fatalities"):
        tallies["fatal>0"].add(ok_f)
    if event.get("injuries") is not None:
        tallies["injured#"].add(ok_i)
    fatalities, injuries = event_casualties(casualties, sentences)
    tallies["event_fatal"].add(fatalities == event.get("fatalities"))
    tallies["event_injur"].add(injuries == event.get("injuries"))
    return ok_f and ok_i


def main(path: str, verbose: bool) -> None:
    names = ("date_any", "date_rule", "event_time", "event_date", "precision", "fatalities", "injuries", "fatal>0",
             "injured#", "event_fatal", "event_injur")
    tallies = {name: Tally() for name in names}
    for record in read_jsonl_records(Path(path)):
        doc = segment(start_doc(raw_from_gold(record)))
        text, published = doc.article.text, doc.article.published
        times = find_time_expressions(text, doc.tokens, doc.sentences, published=published)
        casualties = find_casualties(text, doc.tokens, doc.sentences)
        for event in record.get("events") or ():
            sentences = evidence_sentences(doc, event.get("evidence") or [])
            date_ok = tally_dates(tallies, times, sentences, event, published)
            toll_ok = tally_casualties(tallies, casualties, sentences, event)
            if verbose and not date_ok:
                got = [(t.offset_days, t.kind, t.span.quote(text)) for t in times]
                print(record["id"], "gold offset", event.get("date_offset_days"), "got", got)
            if verbose and not toll_ok:
                got = [(c.kind, c.count, c.span.quote(text)) for c in casualties if c.sentence in sentences]
                print(record["id"], "gold", event.get("fatalities"), event.get("injuries"), "got", got)
    for name, tally in tallies.items():
        print(f"{name:11} {tally}")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
