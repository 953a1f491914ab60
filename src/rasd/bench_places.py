"""How fast the place stage runs: MB of article text per second on one core.

`place_throughput(texts)` times tokenising, sentence splitting and
`find_places` over the texts (and, apart, the name-matching pass alone: the
automaton and clitic checks over the tokens, which `find_places` runs first
before it weighs context and resolves each name), after loading the stage's tables once (gazetteer,
Latin names, cue lexicons: their load time is reported apart, as every worker
pays it once and not per article). Speeds are per core: bytes over the CPU time this process
spent (time.process_time), which other load on the machine does not inflate;
the wall-clock time is reported beside them. A whole-pipeline benchmark can
call it per stage.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from rasd.extract.gazetteer import load_gazetteer
from rasd.extract.places import find_places, load_place_resources, match_names
from rasd.text.segment import split_sentences, tokenize


@dataclass(frozen=True, slots=True)
class PlaceThroughput:
    documents: int
    megabytes: float          # UTF-8 bytes of text, / 1e6
    mentions: int
    seconds: float            # CPU seconds: tokenising + sentences + find_places
    find_seconds: float       # CPU seconds of find_places alone
    match_seconds: float      # CPU seconds of match_names alone (timed in a separate call)
    wall_seconds: float       # wall-clock time of the whole run
    load_seconds: float       # first load of the stage's tables in this process (~0 if already loaded)

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0

    @property
    def find_mb_per_second(self) -> float:
        return self.megabytes / self.find_seconds if self.find_seconds else 0.0

    @property
    def match_mb_per_second(self) -> float:
        return self.megabytes / self.match_seconds if self.match_seconds else 0.0

    @property
    def wall_mb_per_second(self) -> float:
        return self.megabytes / self.wall_seconds if self.wall_seconds else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "mb_per_second": self.mb_per_second,
                "find_mb_per_second": self.find_mb_per_second,
                "match_mb_per_second": self.match_mb_per_second, "wall_mb_per_second": self.wall_mb_per_second}


def _timed_load() -> float:
    started = time.perf_counter()
    load_place_resources()
    return time.perf_counter() - started


def measure_places(texts: Sequence[str], repeat: int = 1) -> PlaceThroughput:
    """Time the place stage over `texts` (each `repeat` times) on this one core."""
    load_seconds = _timed_load()
    total = find_total = match_total = 0.0
    mentions, wall_started, gazetteer = 0, time.perf_counter(), load_gazetteer()
    for _ in range(repeat):
        for text in texts:
            started = time.process_time()
            tokens, sentences = tokenize(text), split_sentences(text)
            found_at = time.process_time()
            mentions += len(find_places(text, tokens, sentences))
            ended = time.process_time()
            total, find_total = total + ended - started, find_total + ended - found_at
            match_names(tokens, gazetteer)
            match_total += time.process_time() - ended
    wall = time.perf_counter() - wall_started - match_total
    size = sum(len(text.encode("utf-8")) for text in texts) * repeat / 1e6
    return PlaceThroughput(len(texts) * repeat, size, mentions, total, find_total, match_total, wall, load_seconds)


def place_throughput(texts: Sequence[str], repeat: int = 1) -> dict:
    """The place stage's speed as a dict: place_throughput(["قصف على ريف درعا"])["mb_per_second"]."""
    return measure_places(texts, repeat).to_dict()
