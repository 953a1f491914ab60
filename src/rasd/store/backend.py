"""The one interface every storage back end offers, and how a target picks one.

A back end is a thin adapter over a DB-API connection: SQL is written once with
`?` placeholders, results come back as dicts, writes run inside `transaction()`
(all or nothing), and the few things SQL dialects disagree on (full-text
search) are methods. `open_database` chooses SQLite for a path and PostgreSQL
for a `postgresql://` URL.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

Row = dict[str, Any]
DB_ENV = "RASD_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
LIKE_ESCAPE = "ESCAPE '\\'"  # after `col LIKE ?` with a `contains_pattern` parameter


def contains_pattern(word: str) -> str:
    """A LIKE pattern matching `word` anywhere, its % and _ literal: «100%» -> '%100\\%%'."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Database(Protocol):
    """What the store needs from a back end."""

    dialect: str

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def run(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def script(self, sql: str) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def index_text(self, key: str, folded: str | None) -> None: ...

    def text_filter(self, words: Sequence[str]) -> tuple[str, list[Any]]: ...

    def close(self) -> None: ...


def default_target() -> str:
    """$RASD_DB, else rasd.sqlite3 in the platform's user data directory."""
    from platformdirs import user_data_dir

    return os.environ.get(DB_ENV) or str(Path(user_data_dir("rasd", appauthor=False)) / "rasd.sqlite3")


def is_postgres(target: str) -> bool:
    return target.startswith(POSTGRES_SCHEMES)


def open_database(target: str | None = None) -> Database:
    """Connect to `target` (a file path, ':memory:' or a postgresql:// URL) and migrate it."""
    from rasd.store.migrate import migrate

    target = target or default_target()
    if is_postgres(target):
        from rasd.store.postgres import PostgresDatabase

        database: Database = PostgresDatabase(target)
    else:
        from rasd.store.sqlite import SqliteDatabase

        database = SqliteDatabase(target)
    migrate(database)
    return database


def placeholders(count: int) -> str:
    """'?, ?, ?' for three values."""
    return ", ".join("?" * count)


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Slices of at most `size` items, to keep IN (...) lists under driver limits."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
