"""`rasd ingest` reads feeds and web archives as well as files, and `--watch` stores each feed item once."""
from __future__ import annotations

import sqlite3
from io import BytesIO

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.cli import main

REPORTS = [
    "استهدفت مدفعية النظام بلدة اليادودة بعدة قذائف صباح اليوم دون إصابات.",
    "داهمت دورية أمنية منازل في حي الكاشف واعتقلت شابين من أبنائه.",
    "انفجرت عبوة ناسفة بسيارة عسكرية على طريق مدينة نوى الغربي.",
]


def feed(*numbers: int) -> str:
    items = "".join(
        f"<item><title>تقرير {n}</title><link>https://hauran-monitor.example/r/{n}</link><guid>hm-{n}</guid>"
        f"<pubDate>Sun, 0{n + 1} Mar 2025 08:00:00 +0300</pubDate><description>{REPORTS[n]}</description></item>"
        for n in numbers
    )
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>مرصد حوران</title>'
            f"<link>https://hauran-monitor.example/</link>{items}</channel></rss>")


def write_archive(path) -> None:
    """Two article pages, a stylesheet and a 500 error page."""
    def response(writer, url, body: str, kind: str, status="200 OK"):
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=BytesIO(body.encode()), http_headers=headers)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        site = "https://south-voice.example"
        for record in (
            response(writer, f"{site}/a/1", f"<html><body><article><p>{REPORTS[0]}</p></article></body></html>",
                     "text/html; charset=utf-8"),
            response(writer, f"{site}/a/2", f"<html><body><article><p>{REPORTS[2]}</p></article></body></html>",
                     "text/html; charset=utf-8"),
            response(writer, f"{site}/site.css", "body{}", "text/css"),
            response(writer, f"{site}/a/3", "<p>خطأ</p>", "text/html", "500 Internal Server Error"),
        ):
            writer.write_record(record)


def stored_urls(db: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT key FROM articles"))


def test_a_feed_file_and_a_web_archive_ingest_with_the_right_counts(tmp_path):
    (tmp_path / "hauran.rss").write_text(feed(0, 1), encoding="utf-8")
    write_archive(tmp_path / "crawl.warc.gz")
    db, runner = str(tmp_path / "rasd.sqlite3"), CliRunner()
    first = runner.invoke(main, ["ingest", str(tmp_path / "hauran.rss"), str(tmp_path / "crawl.warc.gz"), "--db", db])
    assert first.exit_code == 0, first.output
    assert "read 4, new 4, updated 0, unchanged 0, failed 0" in first.output
    assert "web archive records: non_html 1, not_ok 1, read 2" in first.output
    assert stored_urls(db) == ["https://hauran-monitor.example/r/0", "https://hauran-monitor.example/r/1",
                               "https://south-voice.example/a/1", "https://south-voice.example/a/2"]
    again = runner.invoke(main, ["ingest", str(tmp_path), "--db", db])  # the folder holds both
    assert "read 4, new 0, updated 0, unchanged 4, failed 0" in again.output


def test_watch_stores_each_feed_item_once_across_restarts(tmp_path):
    source, state, db = tmp_path / "hauran.rss", tmp_path / "seen.txt", str(tmp_path / "rasd.sqlite3")
    runner = CliRunner()
    watch = ["ingest", str(source), "--db", db, "--watch", "60", "--state", str(state), "--rounds", "1"]
    source.write_text(feed(0, 1), encoding="utf-8")
    assert "read 2, new 2" in runner.invoke(main, watch).output
    source.write_text(feed(0, 1, 2), encoding="utf-8")  # the feed gains one item
    assert "read 1, new 1, updated 0, unchanged 0, failed 0" in runner.invoke(main, watch).output
    assert len(stored_urls(db)) == 3


def test_watch_without_a_state_file_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["ingest", "https://hauran-monitor.example/rss", "--watch", "60",
                                       "--db", str(tmp_path / "x.sqlite3")])
    assert result.exit_code == 2 and "--state" in result.output


def write_batch(path, count: int) -> None:
    import json
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            record = {"id": f"w{i}", "url": f"https://hauran-monitor.example/b/{i}", "outlet": "hauran-monitor",
                      "published": "2025-03-02", "text": REPORTS[i % len(REPORTS)] + f" (تقرير رقم {i})"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def stored_events(db: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute(
            "SELECT article_key, seq, event_type, sub_event_type, event_date, actor1, place_key, fatalities"
            " FROM events"))


def test_ingest_on_two_workers_stores_what_one_process_stores(tmp_path, monkeypatch):
    import rasd.batch
    monkeypatch.setattr(rasd.batch, "SMALL_INPUT", 4)  # so 24 articles already go to the pool
    pooled, pool_map = [], rasd.batch.WorkerPool.map
    def counting_map(pool, raws, task):
        for record in pool_map(pool, raws, task):
            pooled.append(record.id)
            yield record
    monkeypatch.setattr(rasd.batch.WorkerPool, "map", counting_map)
    write_batch(tmp_path / "batch.jsonl", 24)
    serial, parallel, runner = str(tmp_path / "one.sqlite3"), str(tmp_path / "two.sqlite3"), CliRunner()
    one = runner.invoke(main, ["ingest", str(tmp_path / "batch.jsonl"), "--db", serial, "--workers", "1"])
    two = runner.invoke(main, ["ingest", str(tmp_path / "batch.jsonl"), "--db", parallel, "--workers", "2"])
    assert "read 24, new 24, updated 0, unchanged 0, failed 0" in one.output
    assert "read 24, new 24, updated 0, unchanged 0, failed 0" in two.output, two.output
    assert stored_events(serial) == stored_events(parallel) and stored_events(serial)
    assert len(pooled) == 24  # extracted by the worker processes, not in this one
    again = runner.invoke(main, ["ingest", str(tmp_path / "batch.jsonl"), "--db", parallel, "--workers", "2"])
    assert "read 24, new 0, updated 0, unchanged 24, failed 0" in again.output


def test_an_article_that_raises_is_one_failure_in_a_parallel_ingest(tmp_path, monkeypatch):
    import rasd.batch
    from rasd.ingest.read import read_input
    from rasd.store import open_store
    from rasd.store.ingest import ingest_parallel

    real = rasd.batch.process_raw
    def fragile(raw):
        if raw.id == "w1":
            raise RuntimeError("a stage broke")
        return real(raw)
    monkeypatch.setattr(rasd.batch, "process_raw", fragile)
    write_batch(tmp_path / "batch.jsonl", 3)
    store = open_store(str(tmp_path / "rasd.sqlite3"))
    try:
        summary = ingest_parallel(store, read_input(str(tmp_path / "batch.jsonl"), "jsonl"), workers=1)
    finally:
        store.close()
    assert (summary.read, summary.new, summary.failed) == (3, 2, 1)
    assert summary.failures == [("w1", "RuntimeError: a stage broke")]
