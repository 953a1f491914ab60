"""Where the shipped data lives; loaders elsewhere read through here, once."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from rasd.errors import ResourceError


def data_path(*parts: str) -> Path:
    """Path of a file shipped under rasd/data, e.g. data_path("examples", "daraa_report.txt")."""
    path = Path(str(resources.files("rasd").joinpath("data", *parts)))
    if not path.exists():
        raise ResourceError(f"missing shipped resource {'/'.join(parts)}; reinstall rasd")
    return path


def example_article_path() -> Path:
    """The invented report the README's first command runs on."""
    return data_path("examples", "daraa_report.txt")
