"""Article records as partitioned Parquet: one row per article, the full record as JSON.

The columns a store or a dataframe filters on (id, url, outlet, published,
n_events) sit beside `record_json`, the record exactly as `rasd extract`
prints it; `position` keeps input order across partitions; `key` and
`input_hash` (computed from the raw article, null in files written before
they existed) let `rasd ingest` load the rows into the store idempotently. Files are named
part-00000.parquet, part-00001.parquet… and written atomically, so a file
that exists is complete.
"""
from __future__ import annotations

import json
import os
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from rasd.model import Article

SCHEMA = pa.schema(
    [
        pa.field("position", pa.int64(), nullable=False),  # place in the input, from 0
        pa.field("id", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("published", pa.string()),                # YYYY-MM-DD
        pa.field("n_events", pa.int32(), nullable=False),
        pa.field("record_json", pa.string(), nullable=False),
        pa.field("key", pa.string()),                      # the store's key (rasd.store.ingest.article_key)
        pa.field("input_hash", pa.string()),               # rasd.store.ingest.input_hash of the raw article
    ]
)
PART_GLOB = "part-*.parquet"


def part_path(out_dir: Path, index: int) -> Path:
    """Where partition `index` lives: out_dir/part-00042.parquet."""
    return out_dir / f"part-{index:05d}.parquet"


@dataclass(frozen=True, slots=True)
class KeyedArticle:
    """A record read back from Parquet with the store key and input hash it is saved under."""

    key: str
    input_hash: str
    article: Article


def articles_table(
    articles: Iterable[Article], first_position: int, identities: Sequence[tuple[str, str]] | None = None
) -> pa.Table:
    """A table of records with the explicit schema, positions counted from `first_position`;
    `identities` gives each article's (key, input hash), in the same order."""
    rows = [_row(article, first_position + offset) for offset, article in enumerate(articles)]
    for row, (key, digest) in zip(rows, identities or ()):
        row["key"], row["input_hash"] = key, digest
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _row(article: Article, position: int) -> dict:
    return {
        "position": position,
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "n_events": len(article.events),
        "record_json": json.dumps(article.to_dict(), ensure_ascii=False),
    }


def write_partition(table: pa.Table, out_dir: Path, index: int) -> Path:
    """Write one partition atomically (a temporary file renamed into place)."""
    path = part_path(out_dir, index)
    partial = path.with_name(f".{path.name}.partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, path)
    return path


def read_records(out_dir: Path) -> Iterator[dict]:
    """The article records (as `rasd extract` prints them) of every partition, in input order."""
    for path in sorted(Path(out_dir).glob(PART_GLOB)):
        table = pq.read_table(path, columns=["position", "record_json"]).sort_by("position")
        for text in table.column("record_json").to_pylist():
            yield json.loads(text)


def read_articles(out_dir: Path) -> Iterator[Article]:
    """The Article records of a partitioned Parquet output, in input order (to load into the store)."""
    return (Article.from_dict(record) for record in read_records(out_dir))


def read_keyed(out_dir: Path, parts: Iterable[Path] | None = None) -> Iterator[KeyedArticle]:
    """The records of `parts` (default: every partition of out_dir) with their key and input hash, in order."""
    for path in sorted(parts if parts is not None else Path(out_dir).glob(PART_GLOB)):
        table = pq.read_table(path).sort_by("position")
        names = set(table.column_names)
        keys = table.column("key").to_pylist() if "key" in names else [None] * table.num_rows
        hashes = table.column("input_hash").to_pylist() if "input_hash" in names else [None] * table.num_rows
        for text, key, digest in zip(table.column("record_json").to_pylist(), keys, hashes):
            yield _keyed(text, key, digest)


def _keyed(record_json: str, key: str | None, digest: str | None) -> KeyedArticle:
    """A row as a KeyedArticle; a row written without a key is keyed by URL, else by its cleaned text."""
    article = Article.from_dict(json.loads(record_json))
    if key is None:
        key = article.url.strip() if article.url else "sha256:" + _sha256(article.text)
    return KeyedArticle(key, digest or "record:" + _sha256(record_json), article)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
