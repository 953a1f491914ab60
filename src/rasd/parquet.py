"""Article records as partitioned Parquet: one row per article, the full record as JSON.

The columns a store or a dataframe filters on (id, url, outlet, published,
n_events) sit beside `record_json`, the record exactly as `rasd extract`
prints it; `position` keeps input order across partitions. Files are named
part-00000.parquet, part-00001.parquet… and written atomically, so a file
that exists is complete.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
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
    ]
)
PART_GLOB = "part-*.parquet"


def part_path(out_dir: Path, index: int) -> Path:
    """Where partition `index` lives: out_dir/part-00042.parquet."""
    return out_dir / f"part-{index:05d}.parquet"


def articles_table(articles: Iterable[Article], first_position: int) -> pa.Table:
    """A table of records with the explicit schema, positions counted from `first_position`."""
    rows = [_row(article, first_position + offset) for offset, article in enumerate(articles)]
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
