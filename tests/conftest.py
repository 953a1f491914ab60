"""Shared fixtures: a fresh store on each back end."""
from __future__ import annotations

import os

import pytest

PG_ENV = "RASD_TEST_PG"


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=["sqlite", "postgres"])
def db_target(request, tmp_path) -> str:
    """A fresh database on each back end; PostgreSQL needs $RASD_TEST_PG (CI sets it)."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.sqlite3")
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_ENV} to a postgresql:// URL (.ci/run does)")
    _reset_postgres(url)
    return url


@pytest.fixture
def store(db_target):
    from rasd.store import open_store

    opened = open_store(db_target)
    yield opened
    opened.close()
