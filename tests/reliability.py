"""The hardening tests' log: one JSON line per passed check to $RASD_RELIABILITY_LOG.

`scripts/reliability_report.py` turns the file into docs/reliability.md. Without the
variable nothing is written. A test records only after its assertions passed, so every
line is a check that held.
"""
from __future__ import annotations

import json
import os
from datetime import UTC, datetime

LOG_ENV = "RASD_RELIABILITY_LOG"
PARTS = ("inputs", "crashes", "concurrency", "attacks", "xss")


def record(part: str, check: str, tried: int, unit: str, outcome: str, *, refused: int = 0,
           articles_lost: int = 0, backend: str = "-") -> None:
    """Append what one check tried (`tried` `unit`) and what happened, when the log is on."""
    path = os.environ.get(LOG_ENV)
    if not path:
        return
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}")
    line = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "part": part, "check": check,
            "tried": tried, "unit": unit, "outcome": outcome, "refused": refused,
            "articles_lost": articles_lost, "backend": backend}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def backend_of(db_target: str) -> str:
    return "postgres" if db_target.startswith("postgresql") else "sqlite"
