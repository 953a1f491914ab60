"""RSS and Atom feeds (files or URLs) to raw articles, and a watcher that polls them.

Each feed item becomes a RawArticle: its content (or summary) reduced to text,
or, with `fetch_pages`, the page it links to read as HTML. One bad item is an
`InputError` value in the stream, never the end of the run. `watch_feeds`
polls feeds on an interval and yields each item once, remembering the items
it has seen in a small state file.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.ingest.fetch import DEFAULT_FETCH, FetchError, FetchSettings, fetch_url, is_url
from rasd.ingest.read import (
    MAX_ARTICLE_BYTES,
    RawArticle,
    decode_bytes,
    outlet_from_url,
    read_html,
    read_limited,
    text_id,
)

DEFAULT_INTERVAL = 300.0  # seconds between two polls of the same feeds


def load_feed(source: str, settings: FetchSettings = DEFAULT_FETCH) -> Any:
    """The parsed feed at a path or http(s) URL; InputError when it is not RSS or Atom."""
    import feedparser

    data = fetch_url(source, settings) if is_url(source) else read_limited(Path(source), MAX_ARTICLE_BYTES)
    # Bytes, never the source string: given a string, feedparser would fetch it itself.
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise InputError(f"not a readable RSS or Atom feed ({reason})", source)
    return parsed


def read_feed(
    source: str, *, fetch_pages: bool = False, settings: FetchSettings = DEFAULT_FETCH
) -> Iterator[RawArticle | InputError]:
    """The items of one feed as raw articles; an unreadable feed or item comes out as InputError.

    An item «<item><title>قصف على جاسم</title><description>قصفت قوات النظام…</description></item>»
    gives RawArticle(text='قصفت قوات النظام…', title='قصف على جاسم', …).
    """
    try:
        parsed = load_feed(source, settings)
    except InputError as error:
        yield error
        return
    for entry in parsed.entries:
        yield _catch_item(entry, parsed.feed, fetch_pages, settings)


def _catch_item(entry, feed, fetch_pages: bool, settings: FetchSettings) -> RawArticle | InputError:
    try:
        return article_from_entry(entry, feed, fetch_pages=fetch_pages, settings=settings)
    except InputError as error:
        return error


def item_key(entry) -> str:
    """What identifies a feed item across polls: its guid, else its link, else its title."""
    return entry.get("id") or entry.get("link") or entry.get("title") or ""


def article_from_entry(
    entry, feed, *, fetch_pages: bool = False, settings: FetchSettings = DEFAULT_FETCH
) -> RawArticle:
    """One feed item as a RawArticle; InputError (or FetchError) when it has no text."""
    link = entry.get("link") or None
    source = link or item_key(entry) or "feed item"
    page = _page_article(link, settings, source) if fetch_pages and link else None
    text = page.text if page else _entry_text(entry, link, source)
    return RawArticle(
        id=text_id(link or item_key(entry) or text),
        text=text,
        url=link,
        outlet=outlet_from_url(link) or feed.get("title") or None,
        published=entry_date(entry) or (page.published if page else None),
        title=(entry.get("title") or "").strip() or (page.title if page else None),
        warnings=page.warnings if page else (),
    )


def _page_article(link: str, settings: FetchSettings, source: str) -> RawArticle:
    text, warnings = decode_bytes(fetch_url(link, settings), source)
    page = read_html(text, url=link, source=source)
    return replace(page, warnings=warnings + page.warnings)


def _entry_text(entry, link: str | None, source: str) -> str:
    """The item's longest content block (or its summary) as text; feed HTML is read like a page."""
    blocks = [c.get("value") or "" for c in entry.get("content") or ()] + [entry.get("summary") or ""]
    html = max(blocks, key=len).strip()
    if not html:
        raise InputError("feed item has no text", source)
    if "<" not in html:
        return html
    try:
        return read_html(html, url=link, source=source).text
    except InputError:
        return _all_text(html, source)


def _all_text(html: str, source: str) -> str:
    """Every text node of a fragment too short for main-text extraction («<b>قصف</b> على جاسم»)."""
    import lxml.html

    text = lxml.html.fromstring(html).text_content().strip()
    if not text:
        raise InputError("feed item has no text", source)
    return text


def entry_date(entry) -> str | None:
    """The item's publication (else update) date as YYYY-MM-DD, from the parsed feed date."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


# --- watching ----------------------------------------------------------------------------


class SeenItems:
    """The keys of the feed items already read, one per line in a state file (append, fsync)."""

    def __init__(self, path: Path):
        self.path = path
        lines = path.read_text(encoding="utf-8").split("\n")[:-1] if path.exists() else []
        self.keys = set(lines)

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def add(self, key: str) -> None:
        """Remember `key` durably (a line break inside a key would split it, so it is flattened)."""
        key = " ".join(key.split())
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(key + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.keys.add(key)


def new_items(
    source: str, seen: SeenItems, *, fetch_pages: bool = False, settings: FetchSettings = DEFAULT_FETCH
) -> Iterator[RawArticle | InputError]:
    """The items of a feed not seen before; each is remembered once read (or found to have no text).

    An item whose page could not be fetched is not remembered: the next poll tries it again.
    """
    try:
        parsed = load_feed(source, settings)
    except InputError as error:
        yield error
        return
    for entry in parsed.entries:
        key = " ".join(item_key(entry).split())
        if not key or key in seen:
            continue
        item = _catch_item(entry, parsed.feed, fetch_pages, settings)
        if not isinstance(item, FetchError):
            seen.add(key)
        yield item


def watch_feeds(
    sources: Iterable[str],
    state: Path,
    *,
    interval: float = DEFAULT_INTERVAL,
    rounds: int | None = None,
    fetch_pages: bool = False,
    settings: FetchSettings = DEFAULT_FETCH,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[RawArticle | InputError]:
    """Poll `sources` every `interval` seconds (for ever, or `rounds` times) and yield each new item once."""
    sources = tuple(sources)
    seen = SeenItems(state)
    done = 0
    while rounds is None or done < rounds:
        for source in sources:
            yield from new_items(source, seen, fetch_pages=fetch_pages, settings=settings)
        done += 1
        if rounds is None or done < rounds:
            sleep(interval)
