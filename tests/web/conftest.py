"""A portal over invented articles: an API client per test, one `rasd serve` and one browser per session."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rasd.store import open_store
from rasd.web.app import create_app
from tests.web.portal_data import fill


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
