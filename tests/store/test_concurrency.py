"""Two ingests and one `rasd serve` taking reviews write the same database at once.

Nothing is lost (every review, comment and article stored, each article once) and no
«database is locked» reaches a user: both ingests exit 0, every write answers 201.
Runs on SQLite and, with $RASD_TEST_PG, on PostgreSQL.
"""
from __future__ import annotations

import subprocess

import httpx2
import pytest

from rasd.store import open_store
from tests.reliability import backend_of, record
from tests.store.test_crash_safety import ingest_command, write_batch
from tests.web.conftest import sign_in
from tests.web.portal_data import fill, portal_articles
from tests.web.test_browser import free_port, rasd_command, wait_until_up

BATCH = 30  # articles, the same ones given to both ingests at once
MIN_WRITES = 24  # reviews and comments posted, at least, while the ingests run


def stored_counts(db: str) -> dict[str, int]:
    store = open_store(db)
    try:
        articles = store.db.query("SELECT COUNT(*) AS n, COUNT(DISTINCT key) AS k FROM articles")[0]
        reviews = store.db.query("SELECT COUNT(*) AS n FROM reviews")[0]["n"]
        comments = store.db.query("SELECT COUNT(*) AS n FROM comments")[0]["n"]
    finally:
        store.close()
    return {"articles": articles["n"], "keys": articles["k"], "reviews": reviews, "comments": comments}


@pytest.fixture
def served(db_target, tmp_path):
    """`rasd serve` over the portal's invented articles on `db_target`, with its log."""
    fill(open_store(db_target)).close()
    port, log = free_port(), tmp_path / "serve.log"
    with log.open("wb") as errors:
        process = subprocess.Popen([*rasd_command(), "serve", "--db", db_target, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/api/session", process, log)
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def post_writes(client: httpx2.Client, csrf: str, event_ids: list[str], n: int) -> tuple[int, int, list[str]]:
    """One review or comment after another; (reviews, comments, unexpected answers)."""
    reviews = comments = 0
    problems = []
    headers = {"X-CSRF-Token": csrf}
    for i in range(n):
        target = event_ids[i % len(event_ids)]
        if i % 2:
            response = client.post(f"/api/events/{target}/comments", headers=headers,
                                   json={"body": f"تعليق رقم {i}: المصدر محلي"})
            comments += response.status_code == 201
        else:
            response = client.post(f"/api/events/{target}/reviews", headers=headers, json={"action": "confirm"})
            reviews += response.status_code == 201
        if response.status_code != 201:
            problems.append(f"{response.status_code} {response.text[:200]}")
    return reviews, comments, problems


def test_two_ingests_and_the_portal_write_at_once_and_lose_nothing(db_target, served, tmp_path):
    base, log = served
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_batch(first, 0, BATCH)
    write_batch(second, 0, BATCH)
    before = stored_counts(db_target)
    with httpx2.Client(base_url=base, timeout=60) as client:
        csrf = sign_in(client)
        event_ids = [e["event_id_cnty"] for e in client.get("/api/events").json()["items"]]
        ingests = [subprocess.Popen(ingest_command(batch, db_target), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for batch in (first, second)]
        reviews = comments = 0
        problems: list[str] = []
        while any(run.poll() is None for run in ingests) or reviews + comments < MIN_WRITES:
            done = post_writes(client, csrf, event_ids, 4)
            reviews, comments, problems = reviews + done[0], comments + done[1], problems + done[2]
        outputs = [run.communicate(timeout=240) for run in ingests]
    for run, (_, stderr) in zip(ingests, outputs):
        assert run.returncode == 0, stderr
        assert "locked" not in stderr.lower() and "failed" not in stderr.lower(), stderr
    assert problems == []
    served_log = log.read_text(encoding="utf-8", errors="replace")
    assert "locked" not in served_log.lower() and "Traceback" not in served_log
    after = stored_counts(db_target)
    expected_articles = len(portal_articles()) + BATCH
    assert (after["articles"], after["keys"]) == (expected_articles, expected_articles)
    assert after["reviews"] - before["reviews"] == reviews
    assert after["comments"] - before["comments"] == comments
    record("concurrency", "2 ingests + rasd serve taking reviews, one database", reviews + comments + BATCH * 2,
           "writes", f"{reviews} reviews and {comments} comments stored, {expected_articles} articles once each, "
           "no «locked»", articles_lost=0, backend=backend_of(db_target))
