"""Time expressions of an article, resolved against its publication date.

Relative days («أمس», «أول أمس», «فجر اليوم», «الليلة الماضية», «قبل
يومين»), weeks and months («الأسبوع الماضي», «الشهر الفائت»), weekday names
(«الخميس»: the last Thursday not after publication; «الخميس الماضي»: the one
before it), explicit dates in Levantine, Egyptian and Maghrebi month names
(«12 آب», «5 حزيران/يونيو 2019») and Hijri dates («3 رمضان 1445 هـ»), and
far-past years («منذ عام 2018», «صيف 2018») that mark background. Words are
data: data/lexicon/time_words.tsv, hijri_months.tsv and rasd.text.months.

When the publication date is unknown, relative words still give offsets; a
full date named with one («اليوم الأربعاء 17 أيلول 2025») tells the
publication date, and a weekday named with one («اليوم الأحد», «أمس الخميس»)
the weekday of publication, which then resolves the article's other weekday
names; failing both, a weekday leading the article is taken as the day of
publication (news convention). `event_time` picks one date for an event.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Iterable

from hijridate import Gregorian, Hijri

from rasd.extract.lexicon import PhraseTable, bare_forms, lexicon_rows, phrase_key, sentence_index
from rasd.extract.numbers import count_markers, read_count
from rasd.model import Span
from rasd.text.months import MONTHS, WEEKDAYS
from rasd.text.normalize import fold_word
from rasd.text.segment import Token

YEARS = range(1900, 2101)
HIJRI_YEARS = range(1343, 1501)   # the span the Umm al-Qura tables cover
HIJRI_MARKS = frozenset({"ه", "هـ"})
GREGORIAN_MARKS = frozenset({"م"})
ARTICLE_TOKEN = "ال"   # «الـ» cut from its number: «الـ48 ساعة»
OF = "من"
WEEK = 2   # ACLED precision of a weekday whose week is unknown
MONTH_SEPARATORS = frozenset({"/", "-", "(", ")", "،"})
NUMERIC_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})|(\d{4})([./-])(\d{1,2})\6(\d{1,2})")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression, with the day it names relative to publication."""

    span: Span
    offset_days: int | None   # event day minus publication day; None when unknown
    date: str | None          # ISO date when it can be known
    precision: int            # ACLED time_precision: 1 day, 2 week, 3 month
    kind: str                 # relative | period | weekday | explicit | month | ago | year | past_year
    sentence: int
    weekday: int | None = None   # ISO weekday the text names (Monday 1), if any
    year: int | None = None      # the year a year-only mention names


@dataclass(frozen=True, slots=True)
class _Found:
    """A time expression on tokens[first:last], before it is resolved."""

    first: int
    last: int
    kind: str
    precision: int = 1
    offset: int | None = None
    weekday: int | None = None
    direction: int = 0                     # -1 «الماضي», +1 «المقبل», 0 for a bare weekday
    day: tuple[int | None, int, int] | None = None   # (year, month, day) as written
    hijri: bool = False
    year: int | None = None
    years_back: int = 0                    # «العام الماضي» 1
    months_back: int | None = None         # «3 من الشهر الجاري» 0, «... الماضي» 1


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    precision: int


@cache
def time_words() -> dict[str, PhraseTable[_Word]]:
    """Role -> table of folded phrases, from data/lexicon/time_words.tsv."""
    roles: dict[str, dict[tuple[str, ...], _Word]] = {}
    for phrase, role, value, precision in lexicon_rows("time_words"):
        roles.setdefault(role, {})[phrase_key(phrase)] = _Word(int(value), int(precision))
    return {role: PhraseTable(entries) for role, entries in roles.items()}


@cache
def month_names() -> PhraseTable[int]:
    """Gregorian month names of every region (rasd.text.months), folded."""
    return PhraseTable({phrase_key(name): number for name, number in MONTHS.items()})


@cache
def hijri_month_names() -> PhraseTable[int]:
    """Hijri month names (data/lexicon/hijri_months.tsv), folded."""
    return PhraseTable({phrase_key(name): int(number) for name, number in lexicon_rows("hijri_months")})


@cache
def weekday_names() -> dict[str, int]:
    """Folded weekday name -> ISO weekday."""
    return {fold_word(name): number for name, number in WEEKDAYS.items()}


def _match(role: str, tokens: tuple[Token, ...], index: int) -> tuple[_Word, int] | None:
    """The time word of `role` at tokens[index] and the index after it: «أول أمس» -> (-2, +2)."""
    table = time_words().get(role)
    return table.match(tokens, index) if table else None


def _number(tokens: tuple[Token, ...], index: int, allowed: range) -> int | None:
    """The integer a digit token at `index` writes, if it lies in `allowed`."""
    if index < len(tokens) and tokens[index].folded.isdigit() and int(tokens[index].folded) in allowed:
        return int(tokens[index].folded)
    return None


# -- reading expressions ----------------------------------------------------------


def _weekday_at(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """(ISO weekday, index after it) for a weekday name at `index`: «والخميس» -> (4, ...)."""
    if index >= len(tokens):
        return None
    for form in bare_forms(tokens[index].folded):
        if form in weekday_names():
            return weekday_names()[form], index + 1
    return None


def _after_prefixes(tokens: tuple[Token, ...], index: int) -> int:
    """The index after the day-part words that open a time expression: «مساء يوم» ..."""
    while (prefix := _match("prefix", tokens, index)) is not None:
        index = prefix[1]
    return index


def _skip(tokens: tuple[Token, ...], index: int, words: frozenset[str]) -> int:
    """The index after any tokens at `index` whose folded form is in `words`."""
    while index < len(tokens) and tokens[index].folded in words:
        index += 1
    return index


def _year_after(tokens: tuple[Token, ...], index: int, hijri: bool) -> tuple[int | None, int]:
    """An optional year after a month, with its era mark: «2019م», «1445 هـ»."""
    year = _number(tokens, index, HIJRI_YEARS if hijri else YEARS)
    if year is None:
        return None, index
    return year, _skip(tokens, index + 1, HIJRI_MARKS if hijri else GREGORIAN_MARKS)


def _second_month(tokens: tuple[Token, ...], index: int) -> int:
    """The index after a second name of the same month: «حزيران/يونيو», «آب (أغسطس)»."""
    after = _skip(tokens, index, MONTH_SEPARATORS)
    if after > index and (other := month_names().match(tokens, after, clitics=False)):
        return _skip(tokens, other[1], frozenset({")"}))
    return index


def _month_after(tokens: tuple[Token, ...], first: int, index: int, day: int) -> _Found | None:
    """The month after a day at tokens[index], with an optional year: «آب 2021», «رمضان», «الشهر الجاري»."""
    index += index < len(tokens) and tokens[index].folded == OF
    for table, hijri in ((month_names(), False), (hijri_month_names(), True)):
        month = table.match(tokens, index, clitics=False)
        if month is not None:
            end = _second_month(tokens, month[1]) if not hijri else month[1]
            year, end = _year_after(tokens, end, hijri)
            return _Found(first, end, "explicit", day=(year, month[0], day), hijri=hijri)
    back = _match("this_month", tokens, index)
    if back is not None:
        return _Found(first, back[1], "explicit", day=(None, 0, day), months_back=back[0].value)
    return None


def _day_month(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A day and a month, Gregorian, Hijri or named from publication: «12 آب 2021», «3 من الشهر الجاري»."""
    day = _number(tokens, index, range(1, 32))
    return _month_after(tokens, index, index + 1, day) if day is not None else None


def _numeric_date(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A date in digits, day first or ISO: «12/8/2021», «2021-08-12»."""
    last, joined = index, ""
    while last < min(index + 5, len(tokens)):
        if last > index and tokens[last].span.start != tokens[last - 1].span.end:
            break
        joined, last = joined + tokens[last].folded, last + 1
        match = NUMERIC_DATE.fullmatch(joined)
        if match and match.group(1):
            return _Found(index, last, "explicit", day=(int(match[4]), int(match[3]), int(match[1])))
        if match:
            return _Found(index, last, "explicit", day=(int(match[5]), int(match[7]), int(match[8])))
    return None


def _ordinal_day(tokens: tuple[Token, ...], index: int) -> tuple[int, int] | None:
    """(day, index of the «من» after it) of an ordinal day: «الخامس عشر من», «الحادي والعشرين من»."""
    day, end = 0, index
    while (word := _match("ordinal", tokens, end)) is not None and day + word[0].value <= 31:
        day, end = day + word[0].value, word[1]
    if not 1 <= day <= 31 or end >= len(tokens) or tokens[end].folded != OF:
        return None
    return day, end


def _ordinal_date(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A date with an ordinal day: «في الخامس عشر من آب 2021», «الأول من رمضان»."""
    ordinal = _ordinal_day(tokens, index)
    return _month_after(tokens, index, ordinal[1], ordinal[0]) if ordinal else None


def _explicit(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A written date: «12 آب», «12/8/2021», «الثاني عشر من آب»."""
    return _day_month(tokens, index) or _numeric_date(tokens, index) or _ordinal_date(tokens, index)


def _with_weekday_and_date(tokens: tuple[Token, ...], found: _Found) -> _Found:
    """Extend a mention over a weekday and a date after it: «أمس الخميس 12 آب»."""
    weekday = _weekday_at(tokens, _skip(tokens, found.last, frozenset({"،", ","})))
    if weekday is not None:
        found = replace(found, last=weekday[1], weekday=weekday[0])
    date = _explicit(tokens, _skip(tokens, found.last, frozenset({"،", ","})))
    if date is not None and (weekday is not None or found.kind == "weekday"):
        found = replace(found, last=date.last, day=date.day, hijri=date.hijri)
    return found


def _relative(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A day or span named relative to publication: «أول أمس», «الأسبوع الماضي»."""
    for kind, role in (("relative", "day"), ("period", "period")):
        found = _match(role, tokens, index)
        if found is not None:
            word, end = found
            relative = _Found(index, end, kind, word.precision, offset=word.value)
            return _with_weekday_and_date(tokens, relative) if kind == "relative" else relative
    return None


def _weekday(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A weekday, maybe with a date or with «الماضي/المقبل»: «الخميس 12 آب», «الخميس الماضي»."""
    weekday = _weekday_at(tokens, index)
    if weekday is None:
        return None
    found = _Found(index, weekday[1], "weekday", weekday=weekday[0])
    dated = _with_weekday_and_date(tokens, found)
    if dated.day is not None:
        return replace(dated, kind="explicit")
    for direction, role in ((-1, "past"), (1, "next")):
        marker = _match(role, tokens, found.last)
        if marker is not None:
            return replace(found, last=marker[1], direction=direction)
    return found


def _ago(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A count of units back from publication: «قبل ثلاثة أيام», «منذ يومين», «قبل أيام»."""
    ago = _match("ago", tokens, index)
    if ago is None:
        return None
    start = (count_markers().match(tokens, ago[1], clitics=False) or (None, ago[1]))[1]
    few = _match("few", tokens, start)
    if few is not None:   # «قبل أيام»: no day known, unless it is hours
        offset = 0 if few[0].value == 0 else None
        return _Found(index, few[1], "ago", few[0].precision, offset=offset)
    count = read_count(tokens, start)
    unit = _match("unit", tokens, count.end if count else start)
    if unit is None or (count is not None and count.vague):
        return None
    word, end = unit
    return _Found(index, end, "ago", word.precision, offset=-(count.value if count else 1) * word.value)


def _hours(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """«الـ48 ساعة الماضية», «الساعات الـ24 الماضية»: that day (0) or, past 24 hours, two (-1, precision 2)."""
    lead = _match("hours", tokens, index)
    start = lead[1] if lead else index
    if start >= len(tokens) or tokens[start].folded != ARTICLE_TOKEN:
        return None
    hours = _number(tokens, start + 1, range(1, 169))
    unit = _match("hours", tokens, start + 2)
    recent = _match("recent", tokens, unit[1] if unit else start + 2)
    if hours is None or not (lead or unit) or recent is None:
        return None
    return _Found(index, recent[1], "period", 1 if hours <= 24 else 2, offset=0 if hours <= 24 else -1)


def _years_ago(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """«العام الماضي»: the year before publication's, known when the publication date is."""
    back = _match("years_ago", tokens, index)
    return _Found(index, back[1], "year", 3, years_back=back[0].value) if back else None


def _year(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A year named alone, after «عام», «منذ», «صيف»...: «منذ عام 2018»."""
    lead = _match("year", tokens, index)
    year = _number(tokens, lead[1], YEARS) if lead else None
    if year is None:
        return None
    end = _skip(tokens, lead[1] + 1, GREGORIAN_MARKS)
    return _Found(index, end, "year", 3, year=year)


def _month(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """A month without a day: «شهر آب», «مطلع يناير», «حزيران 2019», «حزيران الماضي» (precision 3)."""
    lead = _match("month", tokens, index)
    start = lead[1] if lead else index
    month = month_names().match(tokens, start, clitics=False)
    if month is None:
        return None
    end = _second_month(tokens, month[1])
    year, end = _year_after(tokens, end, False)
    past = _match("past", tokens, end)
    if year is None and past is None and start == index:
        return None
    end = past[1] if past else end
    return _Found(index, end, "month", 3, day=(year, month[0], 1))


READERS = (_relative, _weekday, _explicit, _ago, _hours, _years_ago, _year, _month)


def _expression_at(tokens: tuple[Token, ...], index: int) -> _Found | None:
    """The time expression starting at tokens[index], its day-part words included.

    The readers try the token itself first: «منتصف» opens «منتصف 2018» as well as «منتصف ليل أمس».
    """
    for start in dict.fromkeys((index, _after_prefixes(tokens, index))):
        for read in READERS:
            found = read(tokens, start)
            if found is not None:
                return replace(found, first=index)
    return None


@cache
def _opening_words() -> frozenset[str]:
    """Folded words a time expression may open with (a digit may too)."""
    tables = [*time_words().values(), month_names(), hijri_month_names()]
    return frozenset({key[0] for table in tables for key in table.entries} | set(weekday_names()) | {ARTICLE_TOKEN})


def _may_open(token: Token) -> bool:
    """Whether a time expression may start at the token (a cheap filter before the readers)."""
    return _may_open_word(token.folded)


@lru_cache(maxsize=65536)
def _may_open_word(folded: str) -> bool:
    """Whether a time expression may start with the folded word: «وأمس» yes, «قصفت» no."""
    return folded[:1].isdigit() or any(f in _opening_words() for f in bare_forms(folded))


def read_expressions(tokens: tuple[Token, ...]) -> list[_Found]:
    """Every time expression of the tokens, left to right, none overlapping."""
    found, index = [], 0
    while index < len(tokens):
        expression = _expression_at(tokens, index) if _may_open(tokens[index]) else None
        if expression is None:
            index += 1
        else:
            found.append(expression)
            index = expression.last
    return found


# -- resolving against publication ----------------------------------------------------


def _weekday_offset(weekday: int, published_weekday: int, direction: int) -> int:
    """Days from publication to the weekday named: bare -6..0, «الماضي» -7..-1, «المقبل» 1..7."""
    if direction > 0:
        return (weekday - published_weekday - 1) % 7 + 1
    if direction < 0:
        return -((published_weekday - weekday - 1) % 7) - 1
    return -((published_weekday - weekday) % 7)


def _safe_date(year: int, month: int, day: int, hijri: bool) -> dt.date | None:
    """The Gregorian date of a written date, or None when it does not exist."""
    try:
        if hijri:
            return Hijri(year, month, day).to_gregorian()
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _written_date(found: _Found, published: dt.date | None) -> dt.date | None:
    """The date a written day names; a missing year is the latest not after publication."""
    year, month, day = found.day
    if year is not None:
        return _safe_date(year, month, day, found.hijri)
    if published is None:
        return None
    if found.months_back is not None:
        months = published.year * 12 + published.month - 1 - found.months_back
        return _safe_date(months // 12, months % 12 + 1, day, False)
    this_year = Gregorian.fromdate(published).to_hijri().year if found.hijri else published.year
    for candidate in (this_year, this_year - 1):
        date = _safe_date(candidate, month, day, found.hijri)
        if date is not None and date <= published:
            return date
    return None


def _offset(found: _Found, published: dt.date | None, published_weekday: int | None) -> int | None:
    """Event day minus publication day, from the words, the written date or the weekday."""
    if found.offset is not None:
        return found.offset
    if found.day is not None and published is not None:
        date = _written_date(found, published)
        return (date - published).days if date else None
    if found.weekday is not None and published_weekday is not None:
        return _weekday_offset(found.weekday, published_weekday, found.direction)
    return None


def _date(found: _Found, offset: int | None, published: dt.date | None) -> str | None:
    """The ISO date of the expression, when the text and the publication date give it."""
    if found.day is not None:
        date = _written_date(found, published)
        return date.isoformat() if date else None
    if offset is not None and published is not None:
        return (published + dt.timedelta(days=offset)).isoformat()
    return None


def _year_of(found: _Found, published: dt.date | None) -> int | None:
    """The year a year-only mention names: written, or counted back from publication."""
    if found.years_back and published is not None:
        return published.year - found.years_back
    return found.year


def _kind(found: _Found, published: dt.date | None) -> str:
    """A year-only mention before the publication year (or with none known) is «past_year»."""
    year = _year_of(found, published)
    if found.kind == "year" and (found.years_back or published is None or year < published.year):
        return "past_year"
    return found.kind


def publication_weekday(found: list[_Found]) -> int | None:
    """The weekday of publication the text tells, when the publication date is unknown.

    From «اليوم الأحد», «أمس الخميس» (the most frequent if several disagree); else, when
    the article's first time expression is a bare weekday («الأربعاء», «مساء الثلاثاء 24
    أيار»), news convention: the lead reports the day it is published.
    """
    votes = Counter(
        (f.weekday - f.offset - 1) % 7 + 1
        for f in found
        if f.kind == "relative" and f.weekday is not None and f.offset is not None
    )
    if votes:
        return votes.most_common(1)[0][0]
    lead = next((f for f in found if f.kind in ("relative", "weekday", "explicit")), None)
    if lead is not None and lead.weekday is not None and lead.direction == 0:
        return lead.weekday if lead.kind == "weekday" or lead.day[0] is None else None
    return None


def publication_date(found: list[_Found]) -> dt.date | None:
    """The publication day a full date named with «اليوم/أمس» tells: «اليوم الأربعاء 17 أيلول 2025»."""
    for item in found:
        if item.kind == "relative" and item.offset is not None and item.day and item.day[0] is not None:
            date = _written_date(item, None)
            if date is not None:
                return date - dt.timedelta(days=item.offset)
    return None


def _parse_published(published: str | None) -> dt.date | None:
    """The date of an ISO publication stamp («2024-03-10», «2024-03-10T08:00Z»); None if unreadable."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_time_expressions(
    text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...], *, published: str | None
) -> tuple[TimeMention, ...]:
    """Every time expression of the text, resolved against `published` (ISO date or None).

    «قصفت الطائرات البلدة فجر أمس» with published 2024-03-10 -> offset -1, date 2024-03-09.
    """
    found = read_expressions(tokens)
    day = _parse_published(published) or publication_date(found)
    weekday = day.isoweekday() if day else publication_weekday(found)
    mentions = []
    for item in found:
        span = Span(tokens[item.first].span.start, tokens[item.last - 1].span.end)
        offset = _offset(item, day, weekday)
        precision = WEEK if item.kind == "weekday" and offset is None else item.precision
        mentions.append(TimeMention(
            span, offset, _date(item, offset, day), precision, _kind(item, day),
            sentence_index(sentences, span.start), item.weekday, _year_of(item, day),
        ))
    return tuple(mentions)




# -- one date per event ----------------------------------------------------------------

# Kinds that place an event in time; year-only mentions only mark background.
EVENT_KINDS = frozenset({"relative", "period", "weekday", "explicit", "month", "ago"})
# Kinds that may stand for the whole article when an event's sentences name no time.
ARTICLE_KINDS = frozenset({"relative", "weekday", "explicit"})


@dataclass(frozen=True, slots=True)
class EventTime:
    """The date fields of one event (EVENTS.md section 3) and the mention they came from."""

    offset_days: int | None
    date: str | None
    precision: int
    mention: TimeMention | None


def _dated(mention: TimeMention) -> bool:
    """Whether the mention places its day (an offset or a date)."""
    return mention.offset_days is not None or mention.date is not None


def event_time(
    mentions: tuple[TimeMention, ...], sentences: Iterable[int], *, published: str | None
) -> EventTime:
    """The time of an event stated in `sentences`: its own first dated mention (unknown when
    its only mention cannot be resolved), else the article's first day mention, else the
    publication day (offset 0).

    «قصفت الطائرات البلدة أمس» -> offset -1; a sentence without time words in an
    article that opens with «صباح اليوم» -> offset 0.
    """
    inside = set(sentences)
    own = [m for m in mentions if m.sentence in inside and m.kind in EVENT_KINDS]
    own = [m for m in own if _dated(m)] or own[:1]   # an unresolved «الثلاثاء» leaves the day unknown
    article = [m for m in mentions if m.kind in ARTICLE_KINDS and _dated(m)]
    chosen = (own or article or [None])[0]
    if chosen is not None:
        return EventTime(chosen.offset_days, chosen.date, chosen.precision, chosen)
    day = _parse_published(published)
    return EventTime(0, day.isoformat() if day else None, 1, None)
