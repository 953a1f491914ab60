"""`rasd ingest`: counts printed, idempotent reruns, and a killed run resumed without duplicates."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from click.testing import CliRunner

from rasd.cli import main

ARTICLES = 150


def _write_batch(path, count=ARTICLES):
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            record = {"id": f"b{i}", "url": f"https://news.example/{i}", "outlet": "news.example",
                      "text": f"قصفت قوات النظام بلدة رقم {i} في ريف حماة الشمالي صباح اليوم، ما أدى إلى دمار واسع."}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _article_count(db):
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT COUNT(*), COUNT(DISTINCT key) FROM articles").fetchone()
        except sqlite3.OperationalError:  # not created yet
            return (0, 0)


def test_ingest_twice_prints_matching_counts(tmp_path):
    batch, db = tmp_path / "batch.jsonl", str(tmp_path / "rasd.sqlite3")
    _write_batch(batch, 5)
    (tmp_path / "folder" / "deep").mkdir(parents=True)
    (tmp_path / "folder" / "deep" / "page.txt").write_text("اشتباكات عنيفة في ريف درعا الغربي.", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(batch), str(tmp_path / "folder"), "--db", db])
    second = runner.invoke(main, ["ingest", str(batch), str(tmp_path / "folder"), "--db", db])
    assert first.output.strip() == "read 6, new 6, updated 0, unchanged 0, failed 0"
    assert second.output.strip() == "read 6, new 0, updated 0, unchanged 6, failed 0"
    assert _article_count(db) == (6, 6)


def test_a_killed_ingest_resumes_without_duplicates(tmp_path):
    batch, db = tmp_path / "batch.jsonl", str(tmp_path / "rasd.sqlite3")
    _write_batch(batch)
    command = [sys.executable, "-m", "rasd.cli", "ingest", str(batch), "--db", db, "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _article_count(db)[0] < 10 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored_before = _article_count(db)[0]
    assert 0 < stored_before < ARTICLES, "the run was not killed halfway"
    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    assert rerun.stdout.strip() == (f"read {ARTICLES}, new {ARTICLES - stored_before}, updated 0, "
                                    f"unchanged {stored_before}, failed 0")
    assert _article_count(db) == (ARTICLES, ARTICLES)
