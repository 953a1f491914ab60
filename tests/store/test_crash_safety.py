"""The store under crashes and concurrent writers: whole articles only, none lost, none twice.

Each run kills `rasd ingest` with SIGKILL at a random point; after every kill the
SQLite file must open, pass its integrity check and hold only whole articles
(every stored article with all its events), and a rerun must finish with every
article exactly once. Two ingests writing the same file at once must both
finish without «database is locked».
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.reliability import record

TOWNS = ["طفس", "نوى", "جاسم", "داعل", "المزيريب", "اليادودة", "إنخل", "الحراك", "بصرى الشام", "الصنمين"]
ARTICLES = 60
KILL_RUNS = 3


def write_batch(path, first: int, count: int) -> None:
    """Articles of one event each: a shelling of a town of Daraa on a given day."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(first, first + count):
            town = TOWNS[i % len(TOWNS)]
            text = f"قصفت قوات النظام بالمدفعية الثقيلة بلدة {town} في ريف درعا صباح اليوم، بحسب مصادر محلية. رقم التقرير {i}."
            record = {"id": f"r{i}", "url": f"https://daraa.example/{i}", "outlet": "daraa.example",
                      "published": "2021-07-29", "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest_command(batch, db) -> list[str]:
    return [sys.executable, "-m", "rasd.cli", "ingest", str(batch), "--db", str(db), "--no-progress"]


def counts(db) -> tuple[int, int, int]:
    """(articles, distinct keys, events), zeros before the schema exists."""
    with sqlite3.connect(db) as conn:
        try:
            articles, keys = conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone()
            events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        except sqlite3.OperationalError:
            return 0, 0, 0
    return articles, keys, events


def events_per_article(db) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.key, COUNT(e.id) FROM articles a LEFT JOIN events e ON e.article_key = a.key GROUP BY a.key"
        ).fetchall()
    return dict(rows)


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The events each article gets when its ingest is never interrupted."""
    folder = tmp_path_factory.mktemp("reference")
    batch, db = folder / "batch.jsonl", folder / "rasd.sqlite3"
    write_batch(batch, 0, ARTICLES)
    subprocess.run(ingest_command(batch, db), check=True, capture_output=True)
    return events_per_article(db)


def kill_when(process, db, stored: int, limit: float = 60.0) -> None:
    """SIGKILL the ingest once `stored` articles are in, or at the deadline."""
    deadline = time.monotonic() + limit
    while counts(db)[0] < stored and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_repeated_kills_leave_only_whole_articles_and_a_rerun_stores_each_once(tmp_path, reference):
    batch, db = tmp_path / "batch.jsonl", tmp_path / "rasd.sqlite3"
    write_batch(batch, 0, ARTICLES)
    rng = random.Random(20261130)
    for _ in range(KILL_RUNS):
        process = subprocess.Popen(ingest_command(batch, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        kill_when(process, db, counts(db)[0] + rng.randint(1, ARTICLES // KILL_RUNS))
        assert integrity(db) == "ok"
        stored = events_per_article(db)
        assert all(stored[key] == reference[key] for key in stored), "an article was stored without all its events"
    rerun = subprocess.run(ingest_command(batch, db), capture_output=True, text=True, check=True)
    assert rerun.stdout.strip().startswith(f"read {ARTICLES}, new ")
    articles, keys, _ = counts(db)
    assert (articles, keys) == (ARTICLES, ARTICLES)
    assert events_per_article(db) == reference
    record("crashes", f"SIGKILL of rasd ingest at a random point, {ARTICLES} articles, then a rerun", KILL_RUNS,
           "kills", f"integrity ok after each kill, only whole articles; the rerun stored each of {ARTICLES} once",
           articles_lost=ARTICLES - articles, backend="sqlite")


def test_two_ingests_on_one_file_both_finish_and_lose_nothing(tmp_path):
    first, second, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "rasd.sqlite3"
    write_batch(first, 0, 40)
    write_batch(second, 20, 40)  # 20 articles in both
    runs = [subprocess.Popen(ingest_command(batch, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for batch in (first, second)]
    outputs = [run.communicate(timeout=240) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs):
        assert run.returncode == 0, stderr
        assert "locked" not in stderr.lower()
    assert counts(db)[:2] == (60, 60)
    record("concurrency", "2 ingests of 40 articles (20 shared) on one SQLite file", 80, "articles",
           "both exit 0, no «locked», 60 articles once each", articles_lost=60 - counts(db)[0], backend="sqlite")
