"""From whatever an article arrives as (a file, stdin, JSON Lines, an HTML page) to text.

Bytes are decoded here (BOM, UTF-8, UTF-16, Windows-1256), HTML pages are
reduced to their main text with trafilatura, and every input a user could
hand over by mistake (empty, binary, too large, undecodable) becomes an
`InputError` with a message meant for them. Nothing is cleaned here; that is
`rasd.text.clean`.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from rasd.errors import InputError

MB = 1024 * 1024
MAX_ARTICLE_BYTES = 10 * MB
INPUT_FORMATS = ("auto", "text", "html", "jsonl")

# Share of bytes that may be bad in a UTF-8 file before it is not UTF-8 at all.
MAX_BAD_UTF8_SHARE = 0.01
# Share of control bytes (other than tab, newline, CR, form feed) that marks binary.
MAX_CONTROL_SHARE = 0.02
# A Windows-1256 reading is believed when nearly all its non-ASCII letters are
# Arabic (markup and Latin words are ASCII, so they do not count against it)...
MIN_ARABIC_SHARE = 0.9
# ...and it has a few Arabic letters at all.
MIN_ARABIC_LETTERS = 3

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F}
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_CANNOT_DECODE = "cannot decode: not UTF-8, UTF-16 or Windows-1256"
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|meta|title)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
# Site navigation, header and footer: with favor_recall, trafilatura would
# otherwise return a menu as the "main text" of a page without an article.
_PAGE_FRAME = (
    "//nav",
    "//*[@role='navigation']",
    "//header[not(ancestor::article)]",
    "//footer[not(ancestor::article)]",
)
_BRAND_TLDS = frozenset({"fm", "tv"})
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu"})


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before cleaning: raw text plus what came with it."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()


# --- bytes to text ---------------------------------------------------------------


def decode_bytes(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode an article's bytes to text, with warnings; InputError when they are not text.

    b'\\xef\\xbb\\xbf\\xd9\\x82\\xd8\\xb5\\xd9\\x81' → ('قصف', ()); Windows-1256 b'\\xde\\xd5\\xdd' → ('قصف', (...,)).
    """
    if not data.strip():
        raise InputError("empty input", source)
    if kind := binary_kind(data[:64]):
        raise InputError(f"input looks binary ({kind}), not text or HTML", source)
    text, warnings = _decode(data, source)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty input", source)
    return text, warnings


def binary_kind(head: bytes) -> str | None:
    """The kind of binary file a known magic number announces (b'%PDF-1.7' → 'PDF document')."""
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def _decode(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom):], encoding, source), ()
    if encoding := utf16_without_bom(data):
        return _decode_strict(data, encoding, source), (f"decoded as {encoding.upper()} (no byte order mark)",)
    if b"\x00" in data:
        raise InputError("input looks binary (NUL bytes), not text or HTML", source)
    if control_share(data) > MAX_CONTROL_SHARE:
        raise InputError("input looks binary (control bytes), not text or HTML", source)
    return _decode_8bit(data, source)


def _decode_8bit(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    text, bad = decode_utf8_lenient(data)
    legacy = data.decode("cp1256", errors="replace")
    legacy_ok = is_plausibly_arabic(legacy)
    # A Windows-1256 page with little Arabic can have under 1% bad UTF-8 bytes;
    # it is Windows-1256 when that reading finds clearly more Arabic.
    if bad <= len(data) * MAX_BAD_UTF8_SHARE and not (legacy_ok and _more_arabic(legacy, text)):
        noun = "sequence" if bad == 1 else "sequences"
        return text, (f"{bad} invalid UTF-8 byte {noun} replaced",)
    if legacy_ok:
        return legacy, ("decoded as Windows-1256",)
    raise InputError(_CANNOT_DECODE, source)


def _decode_strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(_CANNOT_DECODE, source) from exc


def _more_arabic(legacy: str, utf8: str) -> bool:
    return len(_ARABIC_LETTER.findall(legacy)) > 2 * len(_ARABIC_LETTER.findall(utf8))


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit at odd or even offsets only, else None.

    «قصف درعا» in UTF-16-LE has a NUL after each space: b'\\x20\\x00' → 'utf-16-le'.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    half = len(sample) // 2
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul >= 0.1 and even_nul <= 0.01:
        return "utf-16-le"
    if even_nul >= 0.1 and odd_nul <= 0.01:
        return "utf-16-be"
    return None


def control_share(data: bytes) -> float:
    """Share of control bytes other than tab, newline, CR and form feed (text is near 0)."""
    sample = data[:65536]
    return sum(1 for b in sample if b in _CONTROL_BYTES) / len(sample)


def decode_utf8_lenient(data: bytes) -> tuple[str, int]:
    """UTF-8 with bad sequences replaced by U+FFFD, and how many were replaced."""
    text = data.decode("utf-8", errors="replace")
    return text, text.count("\ufffd") - data.count("\ufffd".encode())


def is_plausibly_arabic(text: str) -> bool:
    """True when nearly all non-ASCII letters are Arabic («<p>قصف</p>» → True, «café» → False)."""
    foreign = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    arabic = sum(1 for ch in foreign if _ARABIC_LETTER.match(ch))
    return arabic >= MIN_ARABIC_LETTERS and arabic >= MIN_ARABIC_SHARE * len(foreign)


# --- files and streams ---------------------------------------------------------------


def read_article_file(
    path: Path | str, input_format: str = "auto", max_bytes: int = MAX_ARTICLE_BYTES
) -> RawArticle:
    """Read one article from a text or HTML file; InputError for anything else.

    A file holding «<html>…<p>قصفت قوات النظام…</p>…» is read as HTML when input_format is 'auto'.
    """
    path = Path(path)
    source = str(path)
    data = read_limited(path, max_bytes)
    return article_from_bytes(data, source, input_format, article_id=path.stem)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing it by size before reading when it is too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_large(size, max_bytes, str(path))
        with path.open("rb") as handle:
            return read_stream(handle, max_bytes, str(path))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", str(path)) from exc


def read_stream(handle: BinaryIO, max_bytes: int, source: str) -> bytes:
    """At most max_bytes from a stream; InputError when there is more."""
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes, source)
    return data


def too_large(size: int, max_bytes: int, source: str | None, line: int | None = None) -> InputError:
    """The error for input over the size limit (sizes in MB, 1 MB = 2**20 bytes)."""
    return InputError(f"input too large: {size / MB:.1f} MB, limit {max_bytes / MB:g} MB", source, line)


def article_from_bytes(data: bytes, source: str, input_format: str, article_id: str | None = None) -> RawArticle:
    """A RawArticle from the bytes of one text or HTML article."""
    _check_format(input_format, ("auto", "text", "html"))
    text, warnings = decode_bytes(data, source)
    if input_format == "html" or (input_format == "auto" and looks_like_html(text)):
        article = read_html(text, source=source)
    else:
        article = RawArticle(id=article_id or text_id(text), text=text)
    return replace(article, id=article_id or article.id, warnings=warnings + article.warnings)


def looks_like_html(text: str) -> bool:
    """True when an HTML tag opens the text («<!DOCTYPE html>…», «<p>قصف…</p>»)."""
    head = text.lstrip()[:1000]
    return head.startswith("<") and bool(_HTML_START.search(head))


def read_input(
    path_or_dash: str, input_format: str, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | InputError]:
    """Articles from a path or '-' (stdin bytes); bad input comes out as InputError values.

    input_format is 'auto', 'text', 'html' or 'jsonl'; 'auto' reads a file whose
    first line is a JSON object («{"text": "قصف…"}») as JSON Lines.
    """
    _check_format(input_format, INPUT_FORMATS)
    if path_or_dash == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, input_format)
    elif input_format == "jsonl" or (input_format == "auto" and _is_jsonl_file(Path(path_or_dash))):
        yield from _read_jsonl_file(Path(path_or_dash))
    else:
        yield _catch(lambda: read_article_file(path_or_dash, input_format))


def _is_jsonl_file(path: Path) -> bool:
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        return True
    try:
        with path.open("rb") as handle:
            return looks_like_jsonl(handle.readline(MAX_ARTICLE_BYTES))
    except OSError:
        return False  # read_article_file reports it


def _read_stdin(stdin: BinaryIO, input_format: str) -> Iterator[RawArticle | InputError]:
    if input_format == "jsonl":
        yield from read_jsonl(stdin, "<stdin>")
        return
    try:
        data = read_stream(stdin, MAX_ARTICLE_BYTES, "<stdin>")
    except InputError as exc:
        yield exc
        return
    if input_format == "auto" and looks_like_jsonl(data):
        yield from read_jsonl(data.splitlines(), "<stdin>")
    else:
        yield _catch(lambda: article_from_bytes(data, "<stdin>", input_format))


def _read_jsonl_file(path: Path) -> Iterator[RawArticle | InputError]:
    try:
        with path.open("rb") as handle:
            yield from read_jsonl(handle, str(path))
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", str(path))


def looks_like_jsonl(data: bytes) -> bool:
    """True when the first line is a JSON object (b'{"id": "a1", "text": "…"}\\n…')."""
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _catch(read: Callable[[], RawArticle]) -> RawArticle | InputError:
    try:
        return read()
    except InputError as exc:
        return exc


def _check_format(input_format: str, allowed: tuple[str, ...]) -> None:
    if input_format not in allowed:
        raise ValueError(f"input_format must be one of {', '.join(allowed)}, not {input_format!r}")


# --- JSON Lines ---------------------------------------------------------------------


def read_jsonl(lines: Iterable[str | bytes], source: str) -> Iterator[RawArticle | InputError]:
    """One RawArticle per JSON line; a bad line yields an InputError naming it and reading goes on.

    '{"id": "a1", "text": "قصفت قوات النظام بلدة جاسم"}' → RawArticle(id='a1', …).
    """
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            if len(line) > MAX_ARTICLE_BYTES:
                yield too_large(len(line), MAX_ARTICLE_BYTES, source, number)
                continue
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                yield InputError("line is not valid UTF-8", source, number)
                continue
        if line.strip().lstrip("\ufeff"):
            yield _catch(lambda: parse_jsonl_record(line, source, number))


def parse_jsonl_record(line: str, source: str, number: int) -> RawArticle:
    """A RawArticle from one JSON Lines record with id, url, outlet, published, title, text."""
    try:
        record = json.loads(line.lstrip("\ufeff"))
    except ValueError as exc:
        raise InputError(f"not valid JSON ({getattr(exc, 'msg', exc)})", source, number) from exc
    if not isinstance(record, dict):
        raise InputError("not a JSON object", source, number)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string in the record', source, number)
    if not text.strip():
        raise InputError("empty input", source, number)
    published, warnings = parse_published(record.get("published"))
    return RawArticle(
        id=_text_or_none(record.get("id")) or text_id(text),
        text=text,
        url=_text_or_none(record.get("url")),
        outlet=_text_or_none(record.get("outlet")),
        published=published,
        title=_text_or_none(record.get("title")),
        warnings=warnings,
    )


def parse_published(value: object) -> tuple[str | None, tuple[str, ...]]:
    """An ISO date or datetime as YYYY-MM-DD ('2021-04-21T10:00:00Z' → '2021-04-21'); else None and a warning."""
    if value is None or value == "":
        return None, ()
    if isinstance(value, str) and (match := _ISO_DATE.fullmatch(value.strip())):
        if iso := _valid_date(*(int(part) for part in match.groups())):
            return iso, ()
    return None, (f"published date {value!r} is not an ISO date; ignored",)


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _text_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def text_id(text: str) -> str:
    """A stable id for an article without one: the first 12 hex digits of the text's SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(raw: RawArticle) -> RawArticle:
    """Replace lone surrogates (half a UTF-16 pair, not text) by U+FFFD, keeping every offset."""
    count = len(LONE_SURROGATE.findall(raw.text))
    if not count:
        return raw
    text = LONE_SURROGATE.sub("\ufffd", raw.text)
    note = f"{count} lone surrogate character(s) replaced by U+FFFD"
    return replace(raw, text=text, warnings=(*raw.warnings, note))


# --- HTML -----------------------------------------------------------------------------


def read_html(html: str, url: str | None = None, source: str | None = None) -> RawArticle:
    """The main text, title, date and outlet of an HTML page; InputError when it has no main text.

    A page whose <article> holds «<p>قصفت قوات النظام بلدة جاسم…</p>» gives that paragraph as text.
    """
    document = _extract(html, url)
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise InputError("HTML page has no main text", source)
    page_url = url or document.url
    return RawArticle(
        id=text_id(page_url or text),
        text=text,
        url=page_url,
        outlet=outlet_from_url(page_url or document.hostname) or document.sitename or None,
        published=parse_published(document.date)[0],
        title=(document.title or "").strip() or None,
    )


def _extract(html: str, url: str | None):
    import trafilatura
    from lxml.etree import LxmlError

    # trafilatura refuses a bare fragment («<p>…</p>») unless "html" shows in its first bytes.
    if "html" not in html[:50].lower():
        html = f"<html><body>{html}</body></html>"
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_recall=True,
            prune_xpath=list(_PAGE_FRAME),
        )
    except (ValueError, TypeError, LxmlError, RecursionError):
        return None


def outlet_from_url(url: str | None) -> str | None:
    """A short outlet name from a URL or host name («https://www.syriahr.com/…» → 'syriahr')."""
    if not url:
        return None
    host = (urlsplit(url).hostname if "//" in url else url.split("/")[0].lower()) or ""
    labels = [label for label in host.split(".") if label]
    if labels[:1] in (["www"], ["m"], ["amp"]):
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in _BRAND_TLDS:
        return ".".join(labels[-2:])
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else None)
