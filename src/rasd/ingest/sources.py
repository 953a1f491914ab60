"""One door for every kind of source: article files, JSON Lines, feeds (files or URLs), web archives.

`read_source(source)` picks the reader from the source itself (an http(s)
address is a feed; a .warc or .warc.gz file, or one starting with «WARC/», is
an archive; XML whose root is <rss>, <feed> or <rdf:RDF> is a feed) unless
`kind` says which, and yields RawArticle and InputError values like every reader.
"""
from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.feeds import read_feed
from rasd.ingest.fetch import DEFAULT_FETCH, FetchSettings, is_url
from rasd.ingest.read import RawArticle, read_input
from rasd.ingest.warc import read_warc

SOURCE_KINDS = ("auto", "text", "html", "jsonl", "feed", "warc")
_FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)


def source_kind(source: str) -> str:
    """'feed', 'warc' or 'auto' (left to rasd.ingest.read) for a path or URL («https://…/rss» → 'feed')."""
    if is_url(source):
        return "feed"
    path = Path(source)
    if path.name.lower().endswith((".warc", ".warc.gz")):
        return "warc"
    head = _head(path)
    if head.startswith(b"WARC/"):
        return "warc"
    return "feed" if _FEED_ROOT.match(head.lstrip(b"\xef\xbb\xbf")) else "auto"


def _head(path: Path, size: int = 2048) -> bytes:
    """The first bytes of a file (of its content when gzipped); empty when it cannot be read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
        if head.startswith(b"\x1f\x8b"):
            with gzip.open(path, "rb") as handle:
                return handle.read(size)
        return head
    except (OSError, EOFError):
        return b""


def read_source(
    source: str,
    kind: str = "auto",
    *,
    tally: Counter | None = None,
    fetch_pages: bool = False,
    settings: FetchSettings = DEFAULT_FETCH,
) -> Iterator[RawArticle | InputError]:
    """The articles of any source; `tally` counts what a web archive skipped (see rasd.ingest.warc)."""
    if kind not in SOURCE_KINDS:
        raise ValueError(f"unknown source kind {kind!r}; one of {', '.join(SOURCE_KINDS)}")
    if kind == "auto":
        kind = source_kind(source) if source != "-" else "auto"
    if kind == "feed":
        return read_feed(source, fetch_pages=fetch_pages, settings=settings)
    if kind == "warc":
        return read_warc(source, tally)
    return read_input(source, kind)
