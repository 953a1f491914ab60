"""The SQLite back end (stdlib sqlite3): WAL journal, a busy timeout, FTS5 search."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rasd.errors import RasdError
from rasd.store.backend import LIKE_ESCAPE, Row, contains_pattern

BUSY_TIMEOUT_MS = 10_000
MIN_FTS_WORD = 3  # the trigram tokenizer cannot match shorter strings


class SqliteDatabase:
    """One connection in autocommit mode; `transaction()` opens BEGIN IMMEDIATE ... COMMIT."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise RasdError(f"cannot open database {path}: {error}") from error
        self._conn.row_factory = sqlite3.Row
        self._depth = 0
        self._conn.execute("PRAGMA journal_mode=WAL")
        # With WAL, NORMAL never corrupts; a power cut may lose the last commits, which a rerun re-ingests.
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA foreign_keys=ON")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [dict(row) for row in self._conn.execute(sql, tuple(params))]

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, tuple(params))

    def script(self, sql: str) -> None:
        """Run several statements (a migration) inside the current transaction."""
        for statement in _statements(sql):
            self._conn.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def index_text(self, key: str, folded: str | None) -> None:
        """Replace the search entry of one article (None removes it)."""
        self._conn.execute("DELETE FROM articles_fts WHERE key = ?", (key,))
        if folded is not None:
            self._conn.execute("INSERT INTO articles_fts (key, folded) VALUES (?, ?)", (key, folded))

    def text_filter(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """SQL selecting article keys whose folded text contains every word."""
        long_words = [w for w in words if len(w) >= MIN_FTS_WORD]
        short_words = [w for w in words if len(w) < MIN_FTS_WORD]
        clauses, params = [], []
        if long_words:
            clauses.append("key IN (SELECT key FROM articles_fts WHERE articles_fts MATCH ?)")
            # Each word is one FTS5 string: a double quote inside it is doubled, never syntax.
            params.append(" AND ".join('"' + w.replace('"', '""') + '"' for w in long_words))
        for word in short_words:
            clauses.append(f"folded LIKE ? {LIKE_ESCAPE}")
            params.append(contains_pattern(word))
        sql = "SELECT key FROM articles WHERE " + " AND ".join(clauses or ["1 = 1"])
        return sql, params

    def close(self) -> None:
        self._conn.close()


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (they hold no semicolons inside strings)."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
