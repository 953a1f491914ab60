"""Run extraction over a gold file and score it (EVENTS.md section 6)."""
from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from rasd.evaluate.score import Report, score_articles
from rasd.ingest.read import RawArticle
from rasd.pipeline import process_raw


def read_jsonl_records(path: Path) -> list[dict]:
    """Every JSON object of a JSON Lines file, in order (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def raw_from_gold(record: dict) -> RawArticle:
    """The article as a scraper would hand it over: gold events are not passed on."""
    return RawArticle(
        id=str(record["id"]),
        text=record.get("text") or "",
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=record.get("published"),
        title=record.get("title"),
    )


def predict(gold: list[dict]) -> tuple[list[dict], float]:
    """Extract every gold article afresh; return the records and the seconds it took."""
    start = time.perf_counter()
    predicted = [process_raw(raw_from_gold(record)).to_dict() for record in gold]
    return predicted, time.perf_counter() - start


def confident_only(records: list[dict], min_confidence: float) -> list[dict]:
    """The records with only the events of at least `min_confidence` (for the calibration check)."""
    return [{**r, "events": [e for e in r.get("events") or () if (e.get("confidence") or 0) >= min_confidence]}
            for r in records]


def evaluate_file(gold_path: Path, predictions_path: Path | None = None, min_confidence: float = 0.0) -> Report:
    """Score a prediction file against gold, or run extraction when none is given; events below
    `min_confidence` are left out first."""
    gold = read_jsonl_records(gold_path)
    if predictions_path is not None:
        return score_articles(gold, confident_only(read_jsonl_records(predictions_path), min_confidence))
    predicted, seconds = predict(gold)
    report = score_articles(gold, confident_only(predicted, min_confidence))
    return replace(report, articles_per_second=len(gold) / seconds if seconds > 0 else None)
