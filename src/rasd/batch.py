"""Many articles at once: a process pool on one machine, a checkpoint to resume a killed run.

`process_many(raws, workers=4)` runs `rasd.pipeline.process_raw` over an
iterable of raw articles in worker processes that each load every resource
once, and yields the records in input order. `write_jsonl` writes them to a
JSON Lines file with a checkpoint (ids done and the output size, appended
and fsynced), so that a run killed halfway and started again does no article
twice and loses none. The Dask engine lives in `rasd.distributed`.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from rasd.errors import RasdError
from rasd.ingest.read import RawArticle
from rasd.model import Article
from rasd.pipeline import process, process_raw

CHUNK_SIZE = 16          # articles per task: enough to hide the cost of sending one
TASKS_PER_WORKER = 4     # tasks in flight per worker: keeps workers busy, memory bounded
SMALL_INPUT = 256        # fewer articles than this run in-process: a pool costs more than it saves
COMMIT_EVERY = 32        # records written between two checkpoint commits (two fsyncs)
# Processed once by every worker so that each stage loads its resources before real work.
WARM_UP_TEXT = "قصفت قوات النظام بلدة جاسم في ريف درعا الشمالي أمس، ما أدى إلى مقتل مدنيين."


class CheckpointError(RasdError):
    """A checkpoint that does not fit the output it describes."""


def default_workers() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def load_resources() -> None:
    """Load every shipped resource the stages use; run once in each worker (pool initializer)."""
    from rasd.extract.places import load_place_resources

    load_place_resources()
    # Stages added later load their own resources on first use: one article wakes them all.
    process(WARM_UP_TEXT, id="warm-up", published="2024-01-01")


def process_chunk(raws: tuple[RawArticle, ...]) -> tuple[Article, ...]:
    """Process a chunk of raw articles in order (the task a worker runs)."""
    return tuple(process_raw(raw) for raw in raws)


@dataclass(frozen=True, slots=True)
class FailedArticle:
    """An article the pipeline raised on, in place of its record (for callers that go on)."""

    id: str
    reason: str


def process_or_fail(raw: RawArticle) -> Article | FailedArticle:
    """The record of `raw`, or why it could not be made: one bad article must not stop a batch."""
    try:
        return process_raw(raw)
    except Exception as error:  # noqa: BLE001 - reported per article by the caller
        return FailedArticle(raw.id, f"{type(error).__name__}: {error}")


def process_chunk_or_fail(raws: tuple[RawArticle, ...]) -> tuple[Article | FailedArticle, ...]:
    """`process_chunk` that returns a FailedArticle where an article raised."""
    return tuple(process_or_fail(raw) for raw in raws)


def chunked(items: Iterable, size: int) -> Iterator[tuple]:
    """Consecutive tuples of `size` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def _worker_ready(_: int) -> int:
    time.sleep(0.05)  # long enough for every worker to take one
    return os.getpid()


class WorkerPool:
    """Worker processes that loaded every resource at start; `map` keeps input order."""

    def __init__(self, workers: int, chunk_size: int = CHUNK_SIZE):
        self.workers = workers
        self.chunk_size = chunk_size
        # spawn: safe whatever threads the parent runs (a Dask client, a web server).
        context = multiprocessing.get_context("spawn")
        self._executor: Executor = ProcessPoolExecutor(workers, mp_context=context, initializer=load_resources)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def warm(self) -> None:
        """Wait until the workers have started and loaded their resources."""
        list(self._executor.map(_worker_ready, range(self.workers)))

    def map(self, raws: Iterable[RawArticle], task=process_chunk) -> Iterator[Article]:
        """Records of `raws`, in input order, with a bounded number of tasks in flight."""
        window = self.workers * TASKS_PER_WORKER
        pending: deque = deque()
        for chunk in chunked(raws, self.chunk_size):
            pending.append(self._executor.submit(task, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def process_many(
    raws: Iterable[RawArticle], *, workers: int | None = None, checkpoint: Path | str | None = None
) -> Iterator[Article]:
    """Process many raw articles on `workers` processes (default: the cores), in input order.

    With a checkpoint, ids it lists are skipped and each record is marked done
    once the caller asks for the next one (in groups of COMMIT_EVERY); articles
    the caller had not seen marked when killed are processed again (use `write_jsonl` for exactly once). Worker
    processes are spawned: a script calling this needs `if __name__ == "__main__":`.
    """
    if checkpoint is None:
        yield from _process_ordered(raws, workers or default_workers())
        return
    with Checkpoint(Path(checkpoint)) as marks:
        todo = (raw for raw in raws if raw.id not in marks.done)
        handled: list[str] = []
        try:
            for article in _process_ordered(todo, workers or default_workers()):
                yield article
                handled.append(article.id)
                if len(handled) >= COMMIT_EVERY:
                    marks.mark(handled)
                    handled.clear()
        finally:
            marks.mark(handled)  # also when the caller stops early: what it took and moved past


def process_many_or_fail(raws: Iterable[RawArticle], *, workers: int | None = None
                         ) -> Iterator[Article | FailedArticle]:
    """`process_many` that yields a FailedArticle where an article raised, and goes on."""
    yield from _process_ordered(raws, workers or default_workers(), or_fail=True)


def _process_ordered(raws: Iterable[RawArticle], workers: int, or_fail: bool = False) -> Iterator[Article]:
    one, chunk_task = (process_or_fail, process_chunk_or_fail) if or_fail else (process_raw, process_chunk)
    raws = iter(raws)  # a list would start again from its first item after the head is taken
    head = list(islice(raws, SMALL_INPUT)) if workers > 1 else []
    if workers <= 1 or len(head) < SMALL_INPUT:
        yield from map(one, chain(head, raws))
        return
    with WorkerPool(workers) as pool:
        yield from pool.map(chain(head, raws), chunk_task)


# --- checkpoint ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    """What a checkpoint says is done: the ids, and the output size when they were committed."""

    done: frozenset[str]
    output_size: int | None = None  # None: the checkpoint records no output size (process_many's)


def read_checkpoint(path: Path) -> Progress:
    """The ids and output size a checkpoint records; a line cut short by a kill is ignored.

    Each line is «id<TAB>output size in bytes» (the size may be missing).
    """
    if not path.exists():
        return Progress(frozenset())
    done, size = set(), None
    for line in path.read_bytes().decode("utf-8").split("\n")[:-1]:
        article_id, _, offset = line.partition("\t")
        done.add(article_id)
        size = int(offset) if offset else size
    return Progress(frozenset(done), size)


class Checkpoint:
    """An append-only file of ids done; each commit is flushed and fsynced."""

    def __init__(self, path: Path):
        self.path = path
        progress = read_checkpoint(path)
        self.done = set(progress.done)
        self.output_size = progress.output_size
        self._file: BinaryIO = path.open("ab")

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(self, *exc_info) -> None:
        self._file.close()

    def mark(self, ids: list[str], output_size: int | None = None) -> None:
        """Record `ids` as done (with the output size that holds them) and fsync."""
        if not ids:
            return
        suffix = f"\t{output_size}" if output_size is not None else ""
        lines = "".join(f"{article_id}{suffix}\n" for article_id in ids)
        self._file.write(lines.encode("utf-8"))
        _sync(self._file)
        self.done.update(ids)


def _sync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


# --- JSON Lines output, exactly once ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch run did: records written now, and input ids skipped as already done."""

    written: int
    skipped: int


def write_jsonl(
    raws: Iterable[RawArticle],
    output: Path,
    *,
    workers: int | None = None,
    checkpoint: Path | None = None,
) -> BatchSummary:
    """Process `raws` into a JSON Lines file of records; with a checkpoint, resume where a killed run stopped.

    On resume the output is cut back to the size the checkpoint last committed,
    which drops records written after it (they are done again) and any line cut
    short, so every id ends up exactly once.
    """
    if checkpoint is None:
        with output.open("wb") as out:
            written = _write_records(process_many(raws, workers=workers), out)
        return BatchSummary(written, 0)
    with Checkpoint(checkpoint) as marks, _open_resumed(output, marks) as out:
        todo = _SkipDone(raws, marks.done)
        written = _write_committed(process_many(todo, workers=workers), out, marks)
    return BatchSummary(written, todo.skipped)


class _SkipDone:
    """The raw articles whose id is neither done nor seen earlier in this run; counts the others."""

    def __init__(self, raws: Iterable[RawArticle], done: set[str]):
        self._raws = raws
        self._seen = set(done)
        self.skipped = 0

    def __iter__(self) -> Iterator[RawArticle]:
        for raw in self._raws:
            if raw.id in self._seen:
                self.skipped += 1
                continue
            self._seen.add(raw.id)
            yield raw


def _open_resumed(output: Path, marks: Checkpoint) -> BinaryIO:
    """The output opened for appending after its last committed record (what follows is cut off)."""
    committed = marks.output_size or 0
    size = output.stat().st_size if output.exists() else 0
    if marks.done and marks.output_size is None:
        raise CheckpointError(f"{marks.path} records no output size (not written by a run with an output file)")
    if size < committed:
        raise CheckpointError(
            f"the checkpoint records {committed} bytes of output but {output} has {size}; "
            "remove the checkpoint to start again"
        )
    handle = output.open("r+b" if output.exists() else "wb")
    handle.truncate(committed)
    handle.seek(committed)
    return handle


def _write_records(articles: Iterable[Article], out: BinaryIO) -> int:
    count = 0
    for article in articles:
        out.write(record_line(article))
        count += 1
    return count


def _write_committed(articles: Iterable[Article], out: BinaryIO, marks: Checkpoint) -> int:
    count, batch = 0, []
    for article in articles:
        out.write(record_line(article))
        batch.append(article.id)
        count += 1
        if len(batch) >= COMMIT_EVERY:
            _commit(out, marks, batch)
    _commit(out, marks, batch)
    return count


def _commit(out: BinaryIO, marks: Checkpoint, batch: list[str]) -> None:
    """Make the records durable first, then record their ids: a kill between the two redoes them."""
    if not batch:
        return
    _sync(out)
    marks.mark(batch, out.tell())
    batch.clear()


def record_line(article: Article) -> bytes:
    """One article record as a line of JSON (UTF-8, Arabic unescaped)."""
    return (json.dumps(article.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
