"""`rasd bench`: how fast the pipeline runs and how much memory it needs, stage by stage.

The corpus is built from the bundled example article(s) and the team's test
fixtures (paragraphs and sentences shuffled into articles of 1-3 KB, some
with a repeated title and page chrome), or read from a path. The figures:
articles per second per core and MB of text per second for cleaning, for
each stage of `rasd.pipeline.STAGES` (whatever it holds) and for the full
extraction; a baseline that only reads and folds the same text; peak memory;
and the speed-up of 2 workers over 1 on the process pool and on a Dask
LocalCluster.
"""
from __future__ import annotations

import ast
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rasd import pipeline
from rasd.batch import WorkerPool, default_workers, load_resources
from rasd.errors import RasdError
from rasd.ingest.read import MB, RawArticle, read_article_file, read_input, read_jsonl
from rasd.resources import data_path
from rasd.text.clean import clean_text
from rasd.text.normalize import fold
from rasd.text.segment import split_sentences

DEFAULT_ARTICLES = 1000
MIN_BYTES, MAX_BYTES = 1024, 3072
CHROME_SHARE = 0.3        # articles given a repeated title and trailing page chrome
REPEATS = 3              # worker runs per setting; the best counts (other programs only slow a run down)
MIN_PARAGRAPH = 40        # characters: shorter lines are titles or chrome
OUTLETS = ("enabbaladi", "syriahr", "shaam", "alsumaria", "almasirah", "libyaobserver", "hiiraan")
TARGETS = {"articles_per_second_per_core": 300, "peak_rss_mb": 400, "speedup_2_workers": 1.7,
           "ratio_to_baseline": 25, "serve_start_seconds": 3}
SERVE_ARTICLES = 50       # articles stored before `rasd serve` is timed


@dataclass(frozen=True, slots=True)
class Timing:
    """One measured pass: its name, the seconds it took, the articles and MB of text it handled."""

    name: str
    seconds: float
    articles: int
    mb: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def mb_per_second(self) -> float:
        return self.mb / self.seconds if self.seconds else float("inf")

    def to_dict(self) -> dict[str, float]:
        return {"seconds": round(self.seconds, 4), "articles_per_second_per_core": round(self.articles_per_second, 1),
                "mb_per_second": round(self.mb_per_second, 3)}


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Every figure `rasd bench` prints."""

    corpus: str
    articles: int
    mb: float
    resource_seconds: float
    stages: tuple[Timing, ...]
    full: Timing
    baseline: Timing
    peak_rss_mb: float
    peak_rss_worker_mb: float | None
    speedup_2_workers: float | None
    speedup_2_workers_dask: float | None
    load_average: float = 0.0  # of the machine over the last minute when the run ended
    serve_start_seconds: float | None = None  # `rasd serve` until its first answer

    @property
    def ratio_to_baseline(self) -> float:
        return self.full.seconds / self.baseline.seconds if self.baseline.seconds else float("inf")

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "articles": self.articles,
            "mb": round(self.mb, 3),
            "cores": default_workers(),
            "resource_load_seconds": round(self.resource_seconds, 3),
            "articles_per_second_per_core": round(self.full.articles_per_second, 1),
            "mb_per_second": round(self.full.mb_per_second, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_rss_worker_mb": _round(self.peak_rss_worker_mb, 1),
            "speedup_2_workers": _round(self.speedup_2_workers, 2),
            "speedup_2_workers_dask": _round(self.speedup_2_workers_dask, 2),
            "ratio_to_baseline": round(self.ratio_to_baseline, 2),
            "load_average": round(self.load_average, 2),
            "serve_start_seconds": _round(self.serve_start_seconds, 2),
            "stages": {t.name: t.to_dict() for t in self.stages},
            "full": self.full.to_dict(),
            "baseline": self.baseline.to_dict(),
            "targets": TARGETS,
        }

    def format_table(self) -> str:
        """The figures as a table a person reads."""
        rows = [f"{'pass':<28}{'articles/s/core':>16}{'MB/s':>9}{'share':>8}"]
        staged = sum(timing.seconds for timing in self.stages) or 1.0
        for timing in (*self.stages, self.full, self.baseline):
            share = f"{timing.seconds / staged:>7.0%}" if timing in self.stages else ""
            rows.append(f"{timing.name:<28}{timing.articles_per_second:>16,.0f}{timing.mb_per_second:>9.2f} {share}")
        return "\n".join([self._header(), "", *rows, "", *self._summary()])

    def _header(self) -> str:
        return (f"corpus: {self.corpus}: {self.articles} articles, {self.mb:.2f} MB of text "
                f"(mean {self.mb * 1024 / max(self.articles, 1):.1f} KB); resources loaded in "
                f"{self.resource_seconds:.2f} s; {default_workers()} core(s), load average {self.load_average:.1f}; "
                "rates per core in CPU time")

    def _summary(self) -> list[str]:
        worker = f", {self.peak_rss_worker_mb:.0f} MB largest pool worker" if self.peak_rss_worker_mb else ""
        return [
            f"full extraction: {self.full.articles_per_second:,.0f} articles/s/core "
            f"(target >= {TARGETS['articles_per_second_per_core']})",
            f"full / baseline (read + fold): {self.ratio_to_baseline:.1f}x (target <= {TARGETS['ratio_to_baseline']}x)",
            f"peak memory: {self.peak_rss_mb:.0f} MB this process, every resource loaded{worker} "
            f"(target <= {TARGETS['peak_rss_mb']} MB per worker)",
            f"speed-up of 2 workers over 1: process pool {_times(self.speedup_2_workers)}, "
            f"Dask LocalCluster {_times(self.speedup_2_workers_dask)} (target >= {TARGETS['speedup_2_workers']}x)",
            *self._serve_line(),
            *self._busy_note(),
        ]

    def _serve_line(self) -> list[str]:
        if self.serve_start_seconds is None:
            return []
        return [f"rasd serve: first answer {self.serve_start_seconds:.2f} s after start, {SERVE_ARTICLES} articles "
                f"stored (target < {TARGETS['serve_start_seconds']} s)"]

    def _busy_note(self) -> list[str]:
        """A warning when other programs competed for the cores the 2-worker runs needed."""
        if self.load_average <= default_workers() or self.speedup_2_workers is None:
            return []
        return [f"note: the machine was busy (load average {self.load_average:.1f} on {default_workers()} cores); "
                "the speed-ups understate what idle cores give"]


def _round(value: float | None, digits: int) -> float | None:
    return round(value, digits) if value is not None else None


def _times(value: float | None) -> str:
    return f"{value:.2f}x" if value is not None else "not measured"


# --- the corpus ---------------------------------------------------------------------------


def tests_dir() -> Path | None:
    """The team's tests and fixtures, when running from a source checkout (they are not in the wheel)."""
    path = Path(__file__).resolve().parents[2] / "tests"
    return path if (path / "fixtures").is_dir() else None


def seed_texts() -> list[str]:
    """The texts the corpus is made from: bundled examples, fixture articles, Arabic sentences of the tests."""
    paths = sorted(data_path("examples").glob("*.txt"))
    folder = tests_dir()
    if folder:
        paths += sorted(p for p in (folder / "fixtures").iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    texts = []
    for path in paths:
        items = read_input(str(path), "auto") if path.suffix == ".jsonl" else [_read_quietly(path)]
        texts += [item.text for item in items if isinstance(item, RawArticle)]
    return texts + (test_sentences(folder) if folder else [])


def _read_quietly(path: Path) -> RawArticle | RasdError:
    try:
        return read_article_file(path)
    except RasdError as error:
        return error


def test_sentences(folder: Path) -> list[str]:
    """The Arabic sentences the team wrote into its test modules (string literals of 40+ characters)."""
    found = []
    for path in sorted(folder.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [node.value for node in ast.walk(tree) if _is_arabic_sentence(node)]
    return found


def _is_arabic_sentence(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or len(node.value) < MIN_PARAGRAPH:
        return False
    return sum(1 for ch in node.value if "\u0621" <= ch <= "\u064a") > len(node.value) / 2


@dataclass(frozen=True, slots=True)
class Pieces:
    """What articles are assembled from: body sentences, titles, page-chrome lines."""

    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    chrome: tuple[str, ...]


def split_pieces(texts: Iterable[str]) -> Pieces:
    """Clean each seed text, then keep its sentences, its title and the chrome lines it dropped."""
    sentences, titles, chrome = set(), set(), set()
    for text in texts:
        cleaned = clean_text(text)
        chrome.update(line for line in cleaned.removed if line != cleaned.title)
        titles.update([cleaned.title] if cleaned.title else [])
        for line in cleaned.text.split("\n"):
            if len(line) >= MIN_PARAGRAPH and line != cleaned.title:
                sentences.update(span.quote(line).strip() for span in split_sentences(line))
    return Pieces(*(tuple(sorted(x for x in group if x)) for group in (sentences, titles, chrome)))


def build_corpus(count: int = DEFAULT_ARTICLES, seed: int = 0) -> list[RawArticle]:
    """`count` articles of 1-3 KB of shuffled seed sentences, some with a repeated title and chrome."""
    pieces = split_pieces(seed_texts())
    if not pieces.sentences:
        raise RasdError("no seed text to build a benchmark corpus from; give a CORPUS path")
    rng = random.Random(seed)
    return [_make_article(rng, pieces, number) for number in range(count)]


def _make_article(rng: random.Random, pieces: Pieces, number: int) -> RawArticle:
    paragraphs = _body(rng, pieces.sentences, rng.randint(MIN_BYTES, MAX_BYTES))
    title = rng.choice(pieces.titles) if pieces.titles else None
    if title and rng.random() < CHROME_SHARE:
        paragraphs = [title, *paragraphs, *rng.sample(pieces.chrome, min(3, len(pieces.chrome)))]
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    return RawArticle(id=f"bench-{number:06d}", text="\n\n".join(paragraphs), title=title,
                      outlet=rng.choice(OUTLETS), published=published.isoformat())


def _body(rng: random.Random, sentences: tuple[str, ...], target: int) -> list[str]:
    """Shuffled sentences up to about `target` bytes (never past MAX_BYTES once MIN_BYTES is reached)."""
    chosen, size = [], 0
    for sentence in _shuffled_forever(rng, sentences):
        cost = len(sentence.encode("utf-8")) + 1
        if size >= target or (size >= MIN_BYTES and size + cost > MAX_BYTES):
            break
        chosen.append(sentence)
        size += cost
    return _paragraphs(rng, chosen)


def _shuffled_forever(rng: random.Random, items: tuple[str, ...]):
    while True:
        order = list(items)
        rng.shuffle(order)
        yield from order


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    """Sentences grouped into paragraphs of one to three."""
    paragraphs = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return paragraphs


def read_corpus(path: str, limit: int | None = None) -> list[RawArticle]:
    """The readable articles of a file (JSON Lines, text or HTML), at most `limit` of them."""
    articles = [item for item in read_input(path, "auto") if isinstance(item, RawArticle)]
    if not articles:
        raise RasdError(f"{path}: no readable article to benchmark")
    return articles[:limit] if limit else articles


# --- the measurements ---------------------------------------------------------------------

# Rates per core are measured in CPU time of this (single-threaded) process, so that other
# programs sharing the machine do not lower them; the 1-vs-2 worker runs need wall time.
cpu_clock = time.process_time


def text_mb(raws: Iterable[RawArticle]) -> float:
    """MB (2**20 bytes) of UTF-8 text in `raws`."""
    return sum(len(raw.text.encode("utf-8")) for raw in raws) / MB


def _jsonl_lines(raws: list[RawArticle]) -> list[bytes]:
    import json

    fields = ("id", "url", "outlet", "published", "title", "text")
    return [json.dumps({f: getattr(r, f) for f in fields}, ensure_ascii=False).encode("utf-8") for r in raws]


def time_pass(name: str, lines: list[bytes], work: Callable[[RawArticle], object], mb: float) -> Timing:
    """CPU time to read `lines` as JSON Lines and apply `work` to every article read."""
    start = cpu_clock()
    count = 0
    for item in read_jsonl(lines, "bench corpus"):
        if isinstance(item, RawArticle):
            work(item)
            count += 1
    return Timing(name, cpu_clock() - start, count, mb)


def time_stages(raws: list[RawArticle], mb: float) -> tuple[Timing, ...]:
    """CPU seconds spent cleaning and in each stage of `pipeline.STAGES`, over all of `raws`."""
    seconds = {"clean": 0.0} | {stage.__name__: 0.0 for stage in pipeline.STAGES}
    for raw in raws:
        start = cpu_clock()
        doc = pipeline.start_doc(raw)
        seconds["clean"] += cpu_clock() - start
        for stage in pipeline.STAGES:
            start = cpu_clock()
            doc = pipeline.run_stages(doc, (stage,))  # the loop's own rules (non-Arabic text stops)
            seconds[stage.__name__] += cpu_clock() - start
    return tuple(Timing(f"stage {name}", spent, len(raws), mb) for name, spent in seconds.items())


def pool_seconds(raws: list[RawArticle], workers: int) -> float:
    """Best wall time of a warm process pool of `workers` over `raws` (start-up not counted)."""
    with WorkerPool(workers) as pool:
        pool.warm()
        return min(_wall(lambda: sum(1 for _ in pool.map(raws))) for _ in range(REPEATS))


def dask_seconds(raws: list[RawArticle], workers: int) -> float:
    """Best wall time of a warm Dask LocalCluster of `workers` processes over `raws`, Parquet written."""
    from rasd.cluster import dask_client, resource_plugin, run_partitions

    partition = max(16, len(raws) // (8 * workers))
    with dask_client(None, workers) as client, tempfile.TemporaryDirectory() as out:
        client.register_plugin(resource_plugin(), name="rasd-resources")
        runs = (Path(out) / str(n) for n in range(REPEATS))
        return min(_wall(lambda: run_partitions(client, raws, _made(next(runs)), partition))
                   for _ in range(REPEATS))


def _made(folder: Path) -> Path:
    folder.mkdir()
    return folder


def _wall(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def speedup(seconds: Callable[[list[RawArticle], int], float], raws: list[RawArticle]) -> float | None:
    """How many times faster 2 workers are than 1 (None on a single core)."""
    if default_workers() < 2:
        return None
    return seconds(raws, 1) / seconds(raws, 2)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB of this process (or of its largest finished child)."""
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KB


def serve_start_seconds(raws: list[RawArticle], limit_s: float = 60.0) -> float:
    """Seconds from starting `rasd serve` on a database of some of `raws` to its first answer."""
    from rasd.store import open_store
    from rasd.store.ingest import ingest

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite3")
        store = open_store(db)
        ingest(store, raws[:SERVE_ARTICLES], pipeline.process_raw)
        store.close()
        port = free_port()
        command = [sys.executable, "-m", "rasd.cli", "serve", "--db", db, "--port", str(port)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return seconds_until_up(f"http://127.0.0.1:{port}/api/session", process, limit_s)
        finally:
            process.terminate()
            process.wait(timeout=10)


def free_port() -> int:
    """A TCP port on 127.0.0.1 free right now (the benchmark's and the tests' servers listen on it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seconds_until_up(url: str, process: subprocess.Popen, limit_s: float) -> float:
    """Seconds until a started server answers `url`; RasdError if it exits or takes over `limit_s`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit_s and process.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.02)
    raise RasdError(f"rasd serve did not answer {url} within {limit_s:.0f} s")


def run_bench(raws: list[RawArticle], corpus: str, *, pools: bool = True, dask: bool = True,
              serve: bool = True) -> BenchReport:
    """Measure every figure of `rasd bench` on `raws`."""
    start = time.perf_counter()
    load_resources()
    resource_seconds = time.perf_counter() - start
    mb, lines = text_mb(raws), _jsonl_lines(raws)
    # The full pass goes first, with cold caches as a real run starts (the stage pass runs warm).
    full = time_pass("full extraction", lines, pipeline.process_raw, mb)
    baseline = time_pass("baseline: read + fold", lines, lambda raw: fold(raw.text), mb)
    stages = time_stages(raws, mb)
    peak = peak_rss_mb()
    pool_speedup = speedup(pool_seconds, raws) if pools else None
    worker_peak = peak_rss_mb(resource.RUSAGE_CHILDREN) if pools else None
    dask_speedup = speedup(dask_seconds, raws) if dask else None
    serve_seconds = serve_start_seconds(raws) if serve else None
    return BenchReport(corpus, len(raws), mb, resource_seconds, stages, full, baseline, peak,
                       worker_peak, pool_speedup, dask_speedup, os.getloadavg()[0], serve_seconds)
