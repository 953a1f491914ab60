"""Rasd: Arabic conflict news in, ACLED-grade event records out."""
from rasd.model import Actor, Article, Event, Location, Span

__all__ = ["Actor", "Article", "Event", "Location", "Span", "process"]
__version__ = "0.1.0"


def process(text: str, **metadata) -> Article:
    """Clean one article and extract its events (see rasd.pipeline.process)."""
    from rasd.pipeline import process as _process

    return _process(text, **metadata)
