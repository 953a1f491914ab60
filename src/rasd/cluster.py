"""The Dask engine: the same pure processing function on a cluster, output as partitioned Parquet.

`process_with_dask(raws, out_dir=…)` starts a LocalCluster of worker processes
(or joins the scheduler at `scheduler`, e.g. "tcp://10.0.0.5:8786"), sends
partitions of raw articles to the workers, each of which loads every resource
once (a worker plugin) and returns a table of records; the client writes each
table as one Parquet file. Partitions already written are skipped, so a
killed run started again picks up where it stopped.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from rasd.batch import chunked, default_workers, load_resources, process_chunk
from rasd.ingest.read import RawArticle
from rasd.parquet import articles_table, part_path, write_partition
from rasd.store.ingest import article_key, input_hash

PARTITION_SIZE = 256       # articles per task and per Parquet file
PARTITIONS_PER_WORKER = 2  # partitions in flight per worker: the client holds no more than this


@dataclass(frozen=True, slots=True)
class DaskSummary:
    """What a Dask run did: partitions and articles written now, partitions found already written."""

    partitions: int
    articles: int
    skipped_partitions: int


def process_partition(index: int, raws: tuple[RawArticle, ...], first_position: int) -> tuple[int, pa.Table]:
    """The task a worker runs: one partition of raw articles to a table of records, each with its store key."""
    identities = [(article_key(raw), input_hash(raw)) for raw in raws]
    return index, articles_table(process_chunk(raws), first_position, identities)


def resource_plugin():
    """A worker plugin that loads every resource when a worker starts."""
    from distributed import WorkerPlugin

    class LoadResources(WorkerPlugin):
        """Loads every shipped resource when a worker starts, so no task pays for it."""

        def setup(self, worker) -> None:
            load_resources()

    return LoadResources()


@contextmanager
def dask_client(scheduler: str | None = None, n_workers: int | None = None) -> Iterator:
    """A client of the cluster at `scheduler`, or of a LocalCluster of single-threaded worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    # One thread per worker: the pipeline is pure Python, so threads would share one core.
    # Quiet logs: a worker's last heartbeat racing the shutdown is logged as an ERROR with a traceback.
    with LocalCluster(n_workers=n_workers or default_workers(), threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
        yield client


def process_with_dask(
    raws: Iterable[RawArticle],
    *,
    out_dir: Path,
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int = PARTITION_SIZE,
) -> DaskSummary:
    """Process `raws` on a Dask cluster into out_dir/part-NNNNN.parquet (rasd.parquet), resumably."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with dask_client(scheduler, n_workers) as client:
        client.register_plugin(resource_plugin(), name="rasd-resources")
        return run_partitions(client, raws, out_dir, partition_size)


def run_partitions(client, raws: Iterable[RawArticle], out_dir: Path, partition_size: int) -> DaskSummary:
    """Send the partitions not yet in out_dir to `client`'s workers, a few at a time, and write each result."""
    from distributed import as_completed

    window = max(1, len(client.scheduler_info()["workers"])) * PARTITIONS_PER_WORKER
    running, tally = as_completed(), {"partitions": 0, "articles": 0, "skipped": 0}
    for index, chunk in enumerate(chunked(raws, partition_size)):
        if part_path(out_dir, index).exists():
            tally["skipped"] += 1
            continue
        running.add(client.submit(process_partition, index, chunk, index * partition_size, pure=False))
        while running.count() >= window:
            _write_next(running, out_dir, tally)
    while not running.is_empty():
        _write_next(running, out_dir, tally)
    return DaskSummary(tally["partitions"], tally["articles"], tally["skipped"])


def _write_next(running, out_dir: Path, tally: dict) -> None:
    index, table = next(running).result()
    write_partition(table, out_dir, index)
    tally["partitions"] += 1
    tally["articles"] += table.num_rows
