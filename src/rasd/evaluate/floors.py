"""Quality floors: the dev-set figures CI may not let fall (STYLE.md habit 10).

The floors live in a TOML file in the repository («quality_floors.toml»); only an
explicit change to that file lowers one.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from rasd.evaluate.score import Report


def read_floors(path: Path) -> dict[str, float]:
    """The [floors] table of a TOML file: metric name -> lowest allowed value."""
    with open(path, "rb") as handle:
        floors = tomllib.load(handle).get("floors", {})
    return {str(name): float(value) for name, value in floors.items()}


def floor_failures(report: Report, floors: dict[str, float]) -> list[str]:
    """One message per figure under its floor (an unknown or undefined figure fails too)."""
    failures = []
    figures = report.to_dict()
    for name, floor in sorted(floors.items()):
        value = figures.get(name)
        if not isinstance(value, (int, float)):
            failures.append(f"{name}: no such figure (floor {floor})")
        elif value + 1e-9 < floor:
            failures.append(f"{name}: {value:.3f} is below its floor {floor:.3f}")
    return failures
