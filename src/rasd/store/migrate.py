"""Versioned schema migrations: numbered SQL files per dialect, applied once each, in order."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from rasd.store.backend import Database

_NAME = re.compile(r"^(\d{4})_(\w+)\.sql$")
_CREATE_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""


def migration_files(dialect: str) -> list[tuple[int, str, Path]]:
    """(version, name, path) of every migration shipped for `dialect`, oldest first."""
    folder = Path(str(resources.files("rasd.store").joinpath("migrations", dialect)))
    found = [(_NAME.match(p.name), p) for p in folder.iterdir()]
    return sorted((int(m.group(1)), m.group(2), p) for m, p in found if m)


def schema_version(database: Database) -> int:
    database.run(_CREATE_TABLE)
    rows = database.query("SELECT MAX(version) AS version FROM schema_migrations")
    return rows[0]["version"] or 0


def migrate(database: Database) -> list[int]:
    """Apply the migrations newer than the database's version, under a lock, in one transaction.

    Two processes opening a new database at once («rasd ingest» twice, or with «rasd serve»)
    must not both create the tables: the second waits for the lock and finds them made.
    """
    applied = []
    with database.transaction():
        if database.dialect == "postgres":
            database.run("SELECT pg_advisory_xact_lock(%s)" % MIGRATION_LOCK)
        current = schema_version(database)
        for version, name, path in migration_files(database.dialect):
            if version <= current:
                continue
            database.script(path.read_text(encoding="utf-8"))
            database.run(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat()),
            )
            applied.append(version)
    return applied


MIGRATION_LOCK = 7_272_023  # an arbitrary key of PostgreSQL's advisory locks, Rasd's own
