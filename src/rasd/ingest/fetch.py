"""Fetching a URL the careful way: a timeout, retries with back-off, a user agent, a size limit.

Used only by the readers that take URLs (feeds, and the pages their items
link to); Rasd itself never goes online while it extracts.
"""
from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

from rasd.errors import InputError
from rasd.ingest.read import MAX_ARTICLE_BYTES, read_stream

# Answers worth asking again: the server is busy or broken for now.
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def _version() -> str:
    try:
        return version("rasd")
    except PackageNotFoundError:
        return "dev"


USER_AGENT = f"rasd/{_version()} (Arabic conflict-news event coder; polite feed reader)"


class FetchError(InputError):
    """A URL that could not be fetched, after the retries it deserved."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch: seconds before giving up on a silent server, retries, first back-off, identity."""

    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    user_agent: str = USER_AGENT
    max_bytes: int = MAX_ARTICLE_BYTES


DEFAULT_FETCH = FetchSettings()


def is_url(source: str) -> bool:
    """True for an http(s) address («https://example.org/feed.xml»), False for a file path."""
    return urlsplit(source).scheme in {"http", "https"}


def fetch_url(url: str, settings: FetchSettings = DEFAULT_FETCH, sleep: Callable[[float], None] = time.sleep) -> bytes:
    """The body of `url`; FetchError once the retries are spent or the answer is final (404).

    Waits backoff, 2×backoff, 4×backoff… seconds between attempts.
    """
    if not is_url(url):
        raise FetchError("only http and https addresses can be fetched", url)
    for attempt in range(settings.retries + 1):
        try:
            return _fetch_once(url, settings)
        except _Retryable as exc:
            if attempt == settings.retries:
                raise FetchError(f"{exc} (gave up after {attempt + 1} attempts)", url) from exc
            sleep(settings.backoff * 2**attempt)
    raise AssertionError("unreachable")  # the loop returns or raises


class _Retryable(Exception):
    """A failure that may pass: a timeout, a refused connection, a 5xx or 429 answer."""


def _fetch_once(url: str, settings: FetchSettings) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": settings.user_agent})
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            return read_stream(response, settings.max_bytes, url)
    except urllib.error.HTTPError as exc:
        if exc.code in RETRY_STATUS:
            raise _Retryable(f"HTTP {exc.code}") from exc
        raise FetchError(f"HTTP {exc.code} {exc.reason}", url) from exc
    except urllib.error.URLError as exc:
        raise _Retryable(f"cannot connect: {exc.reason}") from exc
    except TimeoutError as exc:
        raise _Retryable(f"no answer within {settings.timeout:g} s") from exc
    except (ConnectionError, http.client.HTTPException) as exc:
        raise _Retryable(f"connection broken: {exc!r}") from exc
