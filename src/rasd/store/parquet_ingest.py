"""`rasd ingest` through Parquet: articles processed on a Dask cluster, or a Parquet folder, into the store.

`ingest_with_dask` skips the articles whose input the store already holds,
processes the rest on the cluster into partitioned Parquet (rasd.parquet, each
row with its store key and input hash), then saves the rows one article per
transaction, as `ingest` does. `load_parquet` does the last step alone, for a
folder `rasd extract --engine dask -o DIR` wrote, say on a cluster.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.read import RawArticle
from rasd.parquet import PART_GLOB, KeyedArticle, part_path, read_keyed
from rasd.store.ingest import IngestResult, IngestSummary, Reporter, to_process
from rasd.store.repository import Store

OnResult = Callable[[IngestResult, IngestSummary], None]


def is_parquet_folder(source: str) -> bool:
    """Whether `source` is a folder of part-*.parquet files (the Dask engine's output)."""
    path = Path(source)
    return path.is_dir() and any(path.glob(PART_GLOB))


def save_keyed(store: Store, row: KeyedArticle) -> IngestResult:
    """Save one processed article under its key unless the same input is already stored."""
    if store.input_hash(row.key) == row.input_hash:
        return IngestResult(row.article.id, "unchanged")
    try:
        return IngestResult(row.article.id, store.save_article(row.key, row.input_hash, row.article))
    except Exception as error:  # noqa: BLE001 - as in ingest_one: one bad article must not stop a batch
        return IngestResult(row.article.id, "failed", f"{type(error).__name__}: {error}")


def load_parquet(store: Store, folders: Iterable[Path], on_result: OnResult | None = None) -> IngestSummary:
    """Save every row of the Parquet `folders` into the store, in order; a row stored already is unchanged."""
    report = Reporter(IngestSummary(), on_result)
    for folder in folders:
        for row in read_keyed(Path(folder)):
            report(save_keyed(store, row))
    return report.summary


def ingest_with_dask(
    store: Store,
    items: Iterable[RawArticle | InputError],
    *,
    out_dir: Path | None = None,
    scheduler: str | None = None,
    n_workers: int | None = None,
    on_result: OnResult | None = None,
) -> IngestSummary:
    """Process the new or changed articles of `items` on a Dask cluster into Parquet under out_dir
    (a temporary folder when None), then save them into the store; no cluster starts if none is new."""
    from rasd.cluster import process_with_dask

    report = Reporter(IngestSummary(), on_result)
    pending = to_process(store, items, report)
    first = next(pending, None)
    if first is None:
        return report.summary
    with _parquet_folder(out_dir) as folder:
        run = process_with_dask(chain([first], pending), out_dir=folder, scheduler=scheduler, n_workers=n_workers)
        parts = [part_path(folder, index) for index in range(run.partitions + run.skipped_partitions)]
        for row in read_keyed(folder, parts):
            report(save_keyed(store, row))
    return report.summary


@contextmanager
def _parquet_folder(out_dir: Path | None) -> Iterator[Path]:
    """out_dir itself, kept, or a temporary folder removed on exit."""
    if out_dir is not None:
        yield Path(out_dir)
        return
    with tempfile.TemporaryDirectory(prefix="rasd-dask-") as folder:
        yield Path(folder)
