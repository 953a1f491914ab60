"""`rasd ingest`: read files, folders, JSON Lines and HTML pages into the store, idempotently.

An article is keyed by its URL (or the hash of its text when it has none).
The same input twice is stored once; a changed input replaces the article and
its events in one transaction, and the change is in the audit trail. Each
article is its own transaction, so an ingest killed halfway resumes where it
stopped when run again.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.fetch import is_url
from rasd.ingest.read import RawArticle, read_input
from rasd.ingest.sources import read_source
from rasd.model import Article
from rasd.store.repository import Store

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".rss", ".atom",
                              ".warc"})
ARCHIVE_ENDINGS = (".warc.gz",)
STATUSES = ("new", "updated", "unchanged", "failed")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one input article."""

    source: str
    status: str
    reason: str | None = None


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run, with the reason for each failure."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: IngestResult) -> None:
        self.read += 1
        setattr(self, result.status, getattr(self, result.status) + 1)
        if result.status == "failed":
            self.failures.append((result.source, result.reason or "unknown"))


def article_files(path: Path) -> Iterator[Path]:
    """The file itself, or every article file under a folder (recursively, hidden ones skipped)."""
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
        known = child.suffix.lower() in ARTICLE_SUFFIXES or child.name.lower().endswith(ARCHIVE_ENDINGS)
        if child.is_file() and not hidden and known:
            yield child


def read_sources(
    sources: Iterable[str], input_format: str = "auto", tally: Counter | None = None
) -> Iterator[RawArticle | InputError]:
    """Raw articles (or the reason one could not be read) from paths, folders, feeds (files or
    URLs), web archives or '-'; `tally` counts the archive records skipped."""
    for source in sources:
        if source == "-":
            yield from read_input(source, input_format)
            continue
        if input_format in ("feed", "warc") or is_url(source):
            yield from read_source(source, input_format, tally=tally)
            continue
        for path in article_files(Path(source)):
            yield from read_source(str(path), input_format, tally=tally)


def article_key(raw: RawArticle) -> str:
    """The identity of an article: its URL, else the hash of its text."""
    if raw.url:
        return raw.url.strip()
    return "sha256:" + hashlib.sha256(raw.text.encode("utf-8")).hexdigest()


def input_hash(raw: RawArticle) -> str:
    """A hash of everything read for the article: it changes when the article does."""
    fields = [raw.text, raw.title, raw.published, raw.outlet, raw.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def ingest_one(store: Store, raw: RawArticle, process: Callable[[RawArticle], Article]) -> IngestResult:
    """Extract and store one article unless the same input is already stored."""
    key, digest = article_key(raw), input_hash(raw)
    if store.input_hash(key) == digest:
        return IngestResult(raw.id, "unchanged")
    try:
        article = process(raw)
        return IngestResult(raw.id, store.save_article(key, digest, article))
    except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch; its reason is reported
        return IngestResult(raw.id, "failed", f"{type(error).__name__}: {error}")


def ingest(
    store: Store,
    items: Iterable[RawArticle | InputError],
    process: Callable[[RawArticle], Article],
    on_result: Callable[[IngestResult, IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store every readable article of `items`; count and explain the rest."""
    summary = IngestSummary()
    for item in items:
        if isinstance(item, InputError):
            result = IngestResult(item.source or "?", "failed", str(item))
        else:
            result = ingest_one(store, item, process)
        summary.add(result)
        if on_result is not None:
            on_result(result, summary)
    return summary


@dataclass(frozen=True, slots=True)
class Reporter:
    """Adds each result to the summary and passes it on to the caller's callback."""

    summary: IngestSummary
    on_result: Callable[[IngestResult, IngestSummary], None] | None = None

    def __call__(self, result: IngestResult) -> None:
        self.summary.add(result)
        if self.on_result is not None:
            self.on_result(result, self.summary)


def to_process(store: Store, items: Iterable[RawArticle | InputError], report: Reporter) -> Iterator[RawArticle]:
    """The raw articles whose input the store does not hold yet; the others are reported as they pass."""
    for item in items:
        if isinstance(item, InputError):
            report(IngestResult(item.source or "?", "failed", str(item)))
        elif store.input_hash(article_key(item)) == input_hash(item):
            report(IngestResult(item.id, "unchanged"))
        else:
            yield item


def ingest_parallel(
    store: Store,
    items: Iterable[RawArticle | InputError],
    workers: int,
    on_result: Callable[[IngestResult, IngestSummary], None] | None = None,
) -> IngestSummary:
    """`ingest` with the extraction on `workers` processes; the store is written here only,
    one article per transaction, in input order, so a killed run resumes as the serial one."""
    from rasd.batch import FailedArticle, process_many_or_fail

    report = Reporter(IngestSummary(), on_result)
    waiting: deque[tuple[str, str]] = deque()  # (key, input hash) of each article sent, in order

    def to_extract() -> Iterator[RawArticle]:
        for raw in to_process(store, items, report):
            waiting.append((article_key(raw), input_hash(raw)))
            yield raw

    for record in process_many_or_fail(to_extract(), workers=workers):
        key, digest = waiting.popleft()
        if isinstance(record, FailedArticle):
            report(IngestResult(record.id, "failed", record.reason))
            continue
        try:
            report(IngestResult(record.id, store.save_article(key, digest, record)))
        except Exception as error:  # noqa: BLE001 - as in ingest_one
            report(IngestResult(record.id, "failed", f"{type(error).__name__}: {error}"))
    return report.summary
