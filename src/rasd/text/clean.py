"""Page chrome out, article in: the first text stage.

`clean_text` drops the lines a scraper brings along with an article (comment
counters, «الأكثر قراءة», share buttons, copyright, date stamps, a repeated
title, a trailing list of other headlines) and lists each one it dropped.
The phrases live in `rasd/data/boilerplate.txt`, not here. Lines it keeps
are kept character for character apart from surrounding spaces, because
every later stage reports offsets into the text this stage returns.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from importlib import resources
from urllib.parse import unquote

from rasd.text.months import MONTHS, WEEKDAYS

TITLE_MAX_CHARS = 200
HEADLINE_MAX_CHARS = 150
STAMP_MAX_CHARS = 80
YEARS = range(1990, 2100)


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaned article text (title first), its title, and what was dropped."""

    text: str
    title: str | None
    removed: tuple[str, ...]
    published: str | None


@dataclass(frozen=True, slots=True)
class ChromeRules:
    """The compiled rules of boilerplate.txt."""

    line: re.Pattern[str]
    list_heading: re.Pattern[str]
    summary_heading: re.Pattern[str]
    stamp_words: frozenset[str]


def clean_text(
    raw: str, title: str | None = None, url: str | None = None, published: str | None = None
) -> CleanText:
    """Drop page chrome and a repeated title, keeping the title once on the first line.

    «عنوان\\n\\nعنوان\\n\\nنص الخبر.\\n\\nالتعليقات (0)» → text «عنوان\\n\\nنص الخبر.»,
    removed («عنوان», «التعليقات (0)»).
    """
    raw_lines = normalize_newlines(raw).split("\n")
    lines, stamp = split_leading_stamp([line.strip() for line in raw_lines])
    invisible = find_invisible_lines(raw_lines)
    dropped = find_chrome_lines(lines)
    dropped |= find_trailing_list(lines, dropped)
    dropped |= find_summary_boxes(lines, dropped)
    dropped |= find_repeated_title(lines, dropped)
    kept = [line for i, line in enumerate(lines) if i not in dropped]
    kept, title = place_title(kept, title)
    removed = [lines[i] or raw_lines[i].strip(" \t") for i in sorted(dropped | invisible)]
    return CleanText(
        text=join_paragraphs(kept),
        title=title,
        removed=((stamp,) if stamp else ()) + tuple(removed),
        published=published or find_published_date(raw, url),
    )


def normalize_newlines(text: str) -> str:
    """Turn CRLF and CR line ends into LF («أ\\r\\nب» → «أ\\nب»)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def join_paragraphs(lines: list[str]) -> str:
    """Join kept lines, leaving at most one blank line between paragraphs."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# --- chrome lines ------------------------------------------------------------


def find_chrome_lines(lines: list[str]) -> set[int]:
    """Indices of lines that are page chrome («الأكثر قراءة», «تعليقات 3», «💡», a lone date)."""
    return {i for i, line in enumerate(lines) if line and is_chrome_line(line)}


def is_chrome_line(line: str) -> bool:
    """True for a line that is chrome as a whole («شارك على فيسبوك · تويتر» → True)."""
    folded = fold_line(line)
    if not any(ch.isalnum() for ch in folded):
        return True
    rules = load_chrome_rules()
    if rules.line.fullmatch(folded) or rules.list_heading.fullmatch(folded):
        return True
    return stamp_line_date(line) is not None


def find_invisible_lines(raw_lines: list[str]) -> set[int]:
    """Indices of lines made only of invisible spaces such as NBSP («\\xa0»); plain blank lines are not listed."""
    return {i for i, line in enumerate(raw_lines) if line.strip(" \t") and not line.strip()}


def find_trailing_list(lines: list[str], dropped: set[int]) -> set[int]:
    """Indices of the related-headline list after a heading such as «مقالات ذات صلة» at the end."""
    rules = load_chrome_rules()
    for i, line in enumerate(lines):
        if i in dropped and rules.list_heading.fullmatch(fold_line(line)):
            tail = [j for j in range(i + 1, len(lines)) if lines[j] and j not in dropped]
            if all(is_headline_like(lines[j]) for j in tail):
                return set(tail)
    return set()


BULLETS = ("•", "-", "*", "▪", "◾", "●", "–", "·")


def find_summary_boxes(lines: list[str], dropped: set[int]) -> set[int]:
    """A summary box the page puts over or under the story («ملخص المقال», «النقاط الأساسية»):
    its heading, the bullet lines after it, or else its one paragraph. It restates the story,
    so every act in it would be counted twice."""
    rules, boxes = load_chrome_rules(), set()
    for i, line in enumerate(lines):
        if not line or not rules.summary_heading.fullmatch(fold_line(line)):
            continue
        boxes.add(i)
        body = [j for j in range(i + 1, len(lines)) if lines[j] and j not in dropped]
        bullets = list(itertools.takewhile(lambda j: lines[j].startswith(BULLETS), body))
        boxes.update(bullets or body[:1])
    return boxes


def is_headline_like(line: str) -> bool:
    """True for a short line with no closing full stop («• انفجار لغم في ريف حماة»)."""
    return len(line) <= HEADLINE_MAX_CHARS and not line.endswith((".", "۔", ":"))


# --- title ---------------------------------------------------------------------


def find_repeated_title(lines: list[str], dropped: set[int]) -> set[int]:
    """Indexes of the later copies of the opening line («عنوان\n\nعنوان», or again under a byline)."""
    filled = [i for i, line in enumerate(lines) if line and i not in dropped]
    if not filled:
        return set()
    opening = _squash(lines[filled[0]])
    return {i for i in filled[1:] if _squash(lines[i]) == opening}


def place_title(lines: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Keep the given title once at the top, or find the title in the opening line."""
    opening = [_squash(line) for line in lines if line][:3]
    if title and title.strip():
        title = title.strip()
        if _squash(title) in opening:
            return lines, title
        return [title, "", *lines], title
    return lines, detect_title(lines)


def detect_title(lines: list[str]) -> str | None:
    """The first line when it reads as a headline: short, no full stop, a longer paragraph next
    (a short byline or dateline such as «عدن - خاص» may stand between)."""
    filled = [i for i, line in enumerate(lines) if line]
    if len(filled) < 2:
        return None
    first = lines[filled[0]]
    if len(first) >= TITLE_MAX_CHARS or first.endswith((".", "۔", ":", "،", ",")):
        return None
    if filled[1] > filled[0] + 1 or any(len(lines[i]) > len(first) for i in filled[1:3]):
        return first
    return None


def _squash(line: str) -> str:
    return " ".join(line.split())


# --- date stamps and publication date ---------------------------------------------

_LEADING_STAMP = re.compile(
    r"^date\s*:?\s*(\d{4}-\d{1,2}-\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[-–—|:]\s+|\s+|$)",
    re.IGNORECASE,
)


def split_leading_stamp(lines: list[str]) -> tuple[list[str], str | None]:
    """Cut a scraper's «date 2025-10-16» stamp off the first line; return it apart."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or not (match := _LEADING_STAMP.match(lines[first])):
        return lines, None
    stamp = " ".join(lines[first][: match.end()].split()).rstrip(" -–—|:")
    rest = lines[first][match.end():].strip()
    return [*lines[:first], rest, *lines[first + 1:]], stamp


def find_published_date(text: str, url: str | None) -> str | None:
    """Publication date (YYYY-MM-DD) from the URL or a date stamp line of the text.

    «https://x.net/2015/09/21/a» → '2015-09-21'; a line «السبت 21 نيسان 2021» → '2021-04-21'.
    """
    if url and (found := date_from_url(url)):
        return found
    lines = [line.strip() for line in normalize_newlines(text).split("\n")]
    first = next((line for line in lines if line), "")
    if match := _LEADING_STAMP.match(first):
        if found := _iso(*(int(p) for p in match.group(1).split("-"))):
            return found
    return next((found for line in lines if (found := stamp_line_date(line))), None)


_URL_DATES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$|[^\d])"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(r"cdate=(\d{2})(\d{2})(\d{4})(?!\d)", re.IGNORECASE), "dmy"),
    (re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"), "ymd"),
)


def date_from_url(url: str) -> str | None:
    """A date written into a URL path («/2015/09/21/», «-2025-09-17», «cdate=16112025», «20250917»)."""
    url = unquote(url)
    for pattern, order in _URL_DATES:
        for match in pattern.finditer(url):
            parts = [int(p) for p in match.groups()]
            y, m, d = parts if order == "ymd" else parts[::-1]
            if found := _iso(y, m, d):
                return found
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    if year not in YEARS:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_pattern() -> str:
    names = sorted({fold_line(name) for name in MONTHS}, key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


@functools.cache
def _text_dates() -> tuple[tuple[re.Pattern[str], str], ...]:
    month = _month_pattern()
    return (
        (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
        (re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"), "dmy"),
        (
            re.compile(
                rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({month})(?:\s*[/(-]\s*(?:{month})\s*\)?)?\s*[,،]?\s*(\d{{4}})(?!\d)",
                re.IGNORECASE,
            ),
            "dMy",
        ),
    )


def find_text_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first full date in a short text, with its match in the folded text.

    «الاثنين 2018/07/09» → '2018-07-09'; «21 نيسان 2021» → '2021-04-21'.
    """
    folded = fold_line(text)
    for pattern, order in _text_dates():
        for match in pattern.finditer(folded):
            if found := _date_from_match(match, order):
                return found, match
    return None


def _date_from_match(match: re.Match[str], order: str) -> str | None:
    a, b, c = match.groups()
    if order == "ymd":
        return _iso(int(a), int(b), int(c))
    if order == "dMy":
        return _iso(int(c), _month_number(b), int(a))
    # Arabic outlets write day/month/year; fall back to month/day/year when the month overflows.
    return _iso(int(c), int(b), int(a)) or _iso(int(c), int(a), int(b))


@functools.cache
def _folded_months() -> dict[str, int]:
    return {fold_line(name).lower(): number for name, number in MONTHS.items()}


def _month_number(name: str) -> int:
    return _folded_months().get(" ".join(name.lower().split()), 0)


_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|ص|م)?(?![\w])", re.IGNORECASE)


def stamp_line_date(line: str) -> str | None:
    """The date of a line that is only a date stamp, else None.

    «السبت 7 يونيو 2025 - 06:40 بتوقيت غرينتش» → '2025-06-07'; «وقتل 5 في 21 نيسان 2021» → None.
    """
    if len(line) > STAMP_MAX_CHARS or not (found := find_text_date(line)):
        return None
    iso, match = found
    folded = match.string
    before, after = _stamp_words(folded[: match.start()]), _stamp_words(folded[match.end():])
    known = _known_stamp_words()
    unknown_before = [w for w in before if w not in known]
    unknown_after = [w for w in after if w not in known]
    return iso if not unknown_before and len(unknown_after) <= 1 else None


def _stamp_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", _TIME.sub(" ", text))]


@functools.cache
def _known_stamp_words() -> frozenset[str]:
    weekdays = {fold_line(w).lower() for w in WEEKDAYS}
    months = {w for name in _folded_months() for w in name.split()}
    return load_chrome_rules().stamp_words | weekdays | months


# --- folding and rules -------------------------------------------------------------

_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
_DECORATION = frozenset({"So", "Sk", "Cf", "Co", "Cs", "Me"})
_KEEP_SYMBOLS = frozenset("©")


def fold_line(line: str) -> str:
    """A matching key for a line: no emoji or diacritics, folded letters, single spaces.

    «✨ أهمّ  التصنيفات» → «اهم التصنيفات». Used only for matching, never for output.
    """
    return " ".join(fold_letters(line.translate(_UNDECORATE)).split())


def fold_letters(text: str) -> str:
    """Drop diacritics and tatweel and fold hamza forms, alef maqsura, teh marbuta («أيّار» → «ايار»)."""
    return _DIACRITICS.sub("", text).translate(_LETTER_FOLD)


def _is_decoration(ch: str) -> bool:
    # Variation selectors are nonspacing marks (Mn) but belong to emoji.
    return unicodedata.category(ch) in _DECORATION or "\ufe00" <= ch <= "\ufe0f"


class _Undecorate(dict):
    """A `str.translate` table that drops decoration characters, filled in as characters appear."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        value = None if char not in _KEEP_SYMBOLS and _is_decoration(char) else code
        self[code] = value
        return value


_UNDECORATE = _Undecorate()


@functools.cache
def load_chrome_rules() -> ChromeRules:
    """Compile `rasd/data/boilerplate.txt` once."""
    text = resources.files("rasd").joinpath("data/boilerplate.txt").read_text(encoding="utf-8")
    rules = parse_chrome_rules(text)
    return ChromeRules(
        line=_compile(rules.get("line", [])),
        list_heading=_compile(rules.get("list", [])),
        summary_heading=_compile(rules.get("summary", [])),
        stamp_words=frozenset(fold_line(w).lower() for w in rules.get("stamp", [])),
    )


def parse_chrome_rules(text: str) -> dict[str, list[str]]:
    """Rules by kind from the boilerplate file format («list   الأكثر قراءة» → {'list': [...]})."""
    rules: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(" ")
        if kind not in {"line", "list", "summary", "stamp"} or not pattern.strip():
            raise ValueError(f"boilerplate.txt: bad rule {raw!r}")
        rules.setdefault(kind, []).append(pattern.strip())
    return rules


def _compile(patterns: list[str]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{fold_letters(p)})" for p in patterns) or r"(?!)"
    return re.compile(joined, re.IGNORECASE)
