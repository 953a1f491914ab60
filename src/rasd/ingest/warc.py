"""Web archives (WARC and WARC.gz) to raw articles, counting what was skipped.

Every HTML response in the archive is read like a page (`read_html`); other
records are counted, not read: `non_html` (images, scripts, feeds…), `empty`
(no body), `not_ok` (an HTTP status other than 200), `other` (requests,
metadata, warcinfo). A page without main text is an `InputError` value.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.read import MAX_ARTICLE_BYTES, RawArticle, decode_bytes, read_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
CONTENT_RECORDS = frozenset({"response", "resource"})


def read_warc(path: Path | str, tally: Counter | None = None) -> Iterator[RawArticle | InputError]:
    """The HTML pages of a WARC or WARC.gz file as raw articles; `tally` counts each outcome.

    A response record for «https://example.org/news/1» holding «<p>قصفت قوات النظام…</p>»
    gives RawArticle(url='https://example.org/news/1', text='قصفت قوات النظام…').
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    tally = tally if tally is not None else Counter()
    try:
        with Path(path).open("rb") as stream:
            for record in ArchiveIterator(stream):
                if item := _read_record(record, tally):
                    yield item
    except (OSError, ArchiveLoadFailed) as exc:
        tally["unreadable"] += 1
        yield InputError(f"cannot read web archive: {exc}", str(path))


def _read_record(record, tally: Counter) -> RawArticle | InputError | None:
    """The article of one record, or None (and a count) when it is not an HTML page."""
    if (skip := skip_reason(record)) is not None:
        tally[skip] += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    if not body.strip():
        tally["empty"] += 1
        return None
    try:
        article = page_article(body, url, _charset(record))
    except InputError as error:
        tally["no_text"] += 1
        return error
    tally["read"] += 1
    return article


def skip_reason(record) -> str | None:
    """Why a record is not read as a page ('other', 'not_ok', 'non_html'), or None when it is."""
    if record.rec_type not in CONTENT_RECORDS:
        return "other"
    if record.http_headers is not None and record.http_headers.get_statuscode() != "200":
        return "not_ok"
    return None if _media_type(record) in HTML_TYPES else "non_html"


def _content_type(record) -> str:
    headers = record.http_headers or record.rec_headers
    return headers.get_header("Content-Type") or ""


def _media_type(record) -> str:
    return _content_type(record).split(";")[0].strip().lower()


def _charset(record) -> str | None:
    for param in _content_type(record).split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower() or None
    return None


def page_article(body: bytes, url: str | None, charset: str | None) -> RawArticle:
    """An archived page's bytes as a RawArticle: the declared charset first, else Rasd's own guess."""
    if len(body) > MAX_ARTICLE_BYTES:
        raise InputError("archived page over the 10 MB limit", url)
    text, warnings = _decode(body, url, charset)
    page = read_html(text, url=url, source=url)
    return replace(page, warnings=warnings + page.warnings)


def _decode(body: bytes, url: str | None, charset: str | None) -> tuple[str, tuple[str, ...]]:
    if charset:
        try:
            return body.decode(charset), ()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: guess as for any file
    return decode_bytes(body, url or "WARC record")
