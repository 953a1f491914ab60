"""The PostgreSQL back end (psycopg 3): the same SQL as SQLite, `?` rewritten to `%s`."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rasd.errors import RasdError
from rasd.store.backend import LIKE_ESCAPE, Row, contains_pattern

_PLACEHOLDER = re.compile(r"\?")
# Writers take this transaction-level advisory lock, one at a time as on SQLite (BEGIN IMMEDIATE):
# two ingests of the same article would otherwise both see it missing and both INSERT it.
WRITE_LOCK = 0x72617364  # "rasd"


class PostgresDatabase:
    """One autocommit connection; `transaction()` is psycopg's (savepoints when nested), one writer at a time."""

    dialect = "postgres"

    def __init__(self, url: str) -> None:
        import psycopg
        from psycopg.rows import dict_row

        try:
            self._conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as error:
            raise RasdError(f"cannot connect to PostgreSQL: {error}") from error
        self._depth = 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self._conn.execute(_to_pyformat(sql), _without_nul(params)).fetchall())

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(_to_pyformat(sql), _without_nul(params))

    def script(self, sql: str) -> None:
        self._conn.execute(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together; the outermost one waits for the write lock first."""
        with self._conn.transaction():
            if not self._depth:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1

    def index_text(self, key: str, folded: str | None) -> None:
        """Nothing to do: search reads articles.folded directly."""

    def text_filter(self, words: Sequence[str]) -> tuple[str, list[Any]]:
        """SQL selecting article keys whose folded text contains every word."""
        clauses = [f"folded LIKE ? {LIKE_ESCAPE}"] * len(words) or ["1 = 1"]
        return "SELECT key FROM articles WHERE " + " AND ".join(clauses), [contains_pattern(w) for w in words]

    def close(self) -> None:
        self._conn.close()


def _without_nul(params: Sequence[Any]) -> tuple[Any, ...]:
    """PostgreSQL text cannot hold NUL: drop it from string parameters (a search for 'x\\0' is one for 'x')."""
    return tuple(p.replace("\x00", "") if isinstance(p, str) else p for p in params)


def _to_pyformat(sql: str) -> str:
    """'a = ?' -> 'a = %s' (a literal % is doubled first)."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))
