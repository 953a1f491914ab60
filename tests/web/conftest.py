"""A portal over invented articles: an API client per test, one `rasd serve` and one browser per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.store import open_store
from rasd.web.app import create_app
from tests.web.portal_data import fill

CHROMIUM = os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SKIP_REASON = "BROWSER TESTS SKIPPED"


@pytest.fixture
def portal_store(db_target):
    """The invented articles on each back end (PostgreSQL when $RASD_TEST_PG is set)."""
    store = fill(open_store(db_target))
    yield store
    store.close()


@pytest.fixture
def client(portal_store):
    with TestClient(create_app(portal_store)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, shared by every browser test (one Playwright per process)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{SKIP_REASON}: no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(f"{SKIP_REASON}: the playwright package is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def sign_in(client, name: str = "huda", password: str = "correct-horse-7"):
    """Sign in through the API; returns the CSRF token for writes."""
    csrf = client.get("/api/session").json()["csrf"]
    response = client.post("/api/session", json={"name": name, "password": password},
                           headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200, response.text
    return response.json()["csrf"]


def pytest_terminal_summary(terminalreporter):
    """Say it loudly when the browser tests could not run."""
    skipped = terminalreporter.stats.get("skipped", [])
    reasons = {str(report.longrepr[2]) for report in skipped if "BROWSER TESTS SKIPPED" in str(report.longrepr)}
    for reason in sorted(reasons):
        terminalreporter.write_line(f"!! {reason}", yellow=True, bold=True)
