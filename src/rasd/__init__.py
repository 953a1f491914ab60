"""Rasd: Arabic conflict news in, ACLED-grade event records out."""
from rasd.model import Actor, Article, Event, Location, Span

__all__ = ["Actor", "Article", "Event", "Location", "Span", "process", "process_many"]
__version__ = "0.1.0"


def process(text: str, **metadata) -> Article:
    """Clean one article and extract its events (see rasd.pipeline.process)."""
    from rasd.pipeline import process as _process

    return _process(text, **metadata)


def process_many(raws, *, workers: int | None = None, checkpoint=None):
    """Process many RawArticle values on worker processes, in input order (see rasd.batch.process_many)."""
    from rasd.batch import process_many as _process_many

    return _process_many(raws, workers=workers, checkpoint=checkpoint)
