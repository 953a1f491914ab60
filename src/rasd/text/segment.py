"""Sentences, clauses, tokens and clitic readings, all with offsets into the text.

>>> text = "قصفت الطائرات بلدة كفرنبل. وقال ناشطون إن ٣ مدنيين قتلوا."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['قصفت الطائرات بلدة كفرنبل.', 'وقال ناشطون إن ٣ مدنيين قتلوا.']
>>> [(a.proclitics, a.stem, a.enclitic) for a in analyze("بريفها")][-1]
('ب', 'ريف', 'ها')
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Iterable, Iterator

from rasd.model import Span
from rasd.text.normalize import (
    ARABIC_LETTERS,
    BREAKING_DOTS,
    CONTROLS,
    fold_word,
    normalize_presentation_forms,
    remove_controls,
    remove_diacritics,
    remove_tatweel,
)

# -- character classes (data) ------------------------------------------------

# Letters as they appear in raw text: base, extended and presentation forms.
RAW_ARABIC_LETTERS = ARABIC_LETTERS + (
    "\u06ee\u06ef\u0750-\u077f\u08a0-\u08c9\ufb50-\ufd3d\ufd40-\ufdfd\ufe70-\ufefc"
)
# What may sit inside an Arabic word without being a letter: harakat,
# Quranic marks, tatweel and the zero-width (non-)joiners.
ARABIC_WORD_MARKS = (
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u08ca-\u08e1\u08e3-\u08ff\u200c\u200d"
)
DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
NUMBER_SEPARATORS = ".,\u066b\u066c"  # . , ٫ ٬
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
SENTENCE_ENDS = ".!?\u061f\u06d4\u2026"  # . ! ? ؟ ۔ …
CLOSING_MARKS = "»”’\"')]}›"
CLAUSE_SEPARATORS = "،؛;"
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Single-letter abbreviations written before a name: «د.» doctor, «أ.» ustadh.
TITLE_ABBREVIATIONS = frozenset({"د", "أ"})

_A, _M = RAW_ARABIC_LETTERS, ARABIC_WORD_MARKS
_DOT = f"[{re.escape(BREAKING_DOTS)}]"
# An Arabic word, or one broken by dots between single letters (ق.ص.ف), which
# `fold_word` joins back: the token must hold the whole broken word.
_ARABIC_WORD = (
    f"[{_A}][{_A}{_M}]*"
    f"(?:(?:{_DOT}[{_M}]*[{_A}][{_M}]*)+{_DOT}[{_M}]*[{_A}][{_A}{_M}]*)?"
)
_TOKEN = re.compile(
    f"[{DIGITS}]+(?:[{re.escape(NUMBER_SEPARATORS)}][{DIGITS}]+)*"
    f"|{_ARABIC_WORD}"
    f"|[{LATIN_LETTERS}]+(?:['’][{LATIN_LETTERS}]+)*"
    f"|[^\\s{CONTROLS}]"
)
_LINE = re.compile(f"[^{LINE_BREAKS}]+")
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]+")
_CLOSERS = re.compile(f"[{re.escape(CLOSING_MARKS)}]*")
# A URL or e-mail address, never ending on the punctuation that follows it.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s«»\"“”<>()]*[^\s«»\"“”<>().,!?؟:;،]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
# What every URL or address contains: lines without it skip the costly _URL scan.
_URL_HINT = re.compile(r"https?://|www\.|@")
_CLAUSE_END = re.compile(f"[{CLAUSE_SEPARATORS}]|(?<!\\d),|,(?!\\d)")
_FOLDED_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
_EDGE = re.compile(f"[\\s{CONTROLS}]*")
_EDGE_AT_END = re.compile(f"[\\s{CONTROLS}]*\\Z")
_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark, with its place in the text."""

    span: Span
    text: str
    folded: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word: proclitics + stem + enclitic, all folded."""

    proclitics: str
    stem: str
    enclitic: str
    has_article: bool


# -- spans ----------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> Span | None:
    """[start, end) without surrounding space and controls; None if no word is left."""
    start = _EDGE.match(text, start, end).end()
    if _ALNUM.search(text, start, end) is None:
        return None
    return Span(start, _EDGE_AT_END.search(text, start, end).start())


def _pieces(text: str, start: int, end: int, cuts: Iterable[int]) -> Iterator[Span]:
    """The trimmed, non-empty spans between consecutive cut positions."""
    for cut in (*cuts, end):
        span = _trim(text, start, cut)
        if span is not None:
            yield span
        start = cut


def _region(text: str, span: Span | None) -> Span:
    """`span`, or the whole text when None; a span past the end is a bug."""
    if span is None:
        return Span(0, len(text))
    if span.end > len(text):
        raise ValueError(f"span [{span.start}, {span.end}) beyond text of length {len(text)}")
    return span


# -- sentences --------------------------------------------------------------------


def _word_before(text: str, index: int, floor: int) -> str:
    """The letters right before `index`: «قال د.» -> «د»."""
    start = index
    while start > floor and text[start - 1].isalpha():
        start -= 1
    return text[start:index]


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """Whether the dot at `dot` closes a single-letter abbreviation (U.S., أ.ف.ب، د.)."""
    word = _word_before(text, dot, floor)
    if len(word) != 1:
        return False
    start = dot - 1
    after = text[dot + 1:dot + 2]
    in_chain = (start > floor and text[start - 1] == ".") or after.isalpha()
    return word.isascii() or in_chain or word in TITLE_ABBREVIATIONS


def _ends_sentence(text: str, match: re.Match[str], floor: int) -> bool:
    """Whether a run of sentence-end marks closes a sentence begun at `floor`.

    A lone dot does not when a Latin letter or digit follows it (3.5, sana.sy),
    after a list number at the start («1. »), or after an abbreviation.
    """
    if match.group() != ".":
        return True
    after = text[match.end():match.end() + 1]
    if after.isdigit() or (after.isascii() and after.isalpha()):
        return False
    if text[floor:match.start()].strip().isdigit():
        return False
    return not _is_abbreviation(text, match.start(), floor)


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether `index` falls in one of the (start, end) ranges, e.g. a URL."""
    return any(start <= index < end for start, end in spans)


def _sentence_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Where sentences end within one line: after the mark and any closing quotes."""
    urls = [m.span() for m in _URL.finditer(text, start, end)] if _URL_HINT.search(text, start, end) else []
    floor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _inside(urls, match.start()):
            continue
        if _ends_sentence(text, match, floor):
            floor = _CLOSERS.match(text, match.end(), end).end()
            yield floor


def _sentences(text: str, region: Span) -> Iterator[Span]:
    for line in _LINE.finditer(text, region.start, region.end):
        start, end = line.span()
        yield from _pieces(text, start, end, tuple(_sentence_cuts(text, start, end)))


def split_sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans, trimmed: «قُتل مدني. وأصيب آخر» gives two spans.

    Sentences end at . ! ? ؟ ۔ … and at every line break, never at ، or ؛.
    """
    return tuple(_sentences(text, Span(0, len(text))))


def split_clauses(text: str, span: Span | None = None) -> tuple[Span, ...]:
    """Clause spans within `span` (default: all text), cut at sentence ends and ، ؛.

    «قصفت الطائرات البلدة، وقتل مدنيان» gives two clauses.
    """
    clauses: list[Span] = []
    for sentence in _sentences(text, _region(text, span)):
        cuts = [m.end() for m in _CLAUSE_END.finditer(text, sentence.start, sentence.end)]
        clauses.extend(_pieces(text, sentence.start, sentence.end, cuts))
    return tuple(clauses)


# -- tokens -------------------------------------------------------------------------


def tokenize(text: str, span: Span | None = None) -> tuple[Token, ...]:
    """Word, number and punctuation tokens of `text` within `span`.

    «قُتل ٣ مدنيين، أمس» -> قُتل | ٣ | مدنيين | ، | أمس, each with its offsets.
    """
    region = _region(text, span)
    matches = list(_TOKEN.finditer(text, region.start, region.end))
    words = list(map(re.Match.group, matches))
    spans = _records(Span, len(matches), start=map(re.Match.start, matches), end=map(re.Match.end, matches))
    return tuple(_records(Token, len(matches), span=spans, text=words, folded=map(fold_word, words)))


def _records(cls: type, count: int, **columns: Iterable) -> list:
    """`count` records of a frozen slots dataclass, filled column by column.

    Every loop runs in C (map over the slot descriptors), which makes the
    thousands of tokens of an article twice as fast to build as calls to
    `cls(...)`; it skips `__init__`, so only pass values that need no check
    (offsets of regex matches are always a valid Span).
    """
    records = list(map(object.__new__, repeat(cls, count)))
    for name, values in columns.items():
        deque(map(getattr(cls, name).__set__, records, values), maxlen=0)
    return records


# -- clitics ------------------------------------------------------------------------

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = "س"
ARTICLE = "ال"
IMPERFECT_PREFIXES = "يتنا"  # folded: أ is ا
ENCLITICS = ("ه", "ها", "هم", "هما", "هن", "كم", "كن", "نا", "ي")
# Final letters that cannot be a pronoun, seen before folding merges them:
# «مدينة» ends in ta marbuta, not «ـه»; «على» in alef maqsura, not «ـي».
NOT_ENCLITIC = {"ة": "ه", "ى": "ي"}


@dataclass(frozen=True, slots=True)
class _Proclitics:
    surface: str
    has_article: bool
    future: bool
    count: int


def _proclitic_table() -> tuple[_Proclitics, ...]:
    """Every proclitic sequence: [و|ف] [ب|ل|ك|س] [ال], with ل + ال written لل."""
    table = []
    for conjunction in ("", *CONJUNCTIONS):
        for particle in ("", *PREPOSITIONS, FUTURE):
            for article in ("", ARTICLE):
                if particle == FUTURE and article:
                    continue
                joined = "لل" if particle == "ل" and article else particle + article
                count = sum(map(bool, (conjunction, particle, article)))
                table.append(_Proclitics(conjunction + joined, bool(article), particle == FUTURE, count))
    return tuple(p for p in table if p.count)


PROCLITICS = _proclitic_table()


def _final_letter(word: str) -> str:
    bare = remove_tatweel(remove_diacritics(remove_controls(word)))
    return normalize_presentation_forms(bare[-1:])[-1:]


def _stems(folded: str, prefix: _Proclitics, enclitic: str) -> Iterator[str]:
    """The stem left by stripping `prefix` and `enclitic`, if it is plausible.

    Before a pronoun ta marbuta is written ت: «مدينتها» also gives «مدينه».
    """
    stem = folded[len(prefix.surface):len(folded) - len(enclitic)]
    shortest = 3 if prefix.count and enclitic else 2
    if len(stem) < shortest or (prefix.future and stem[0] not in IMPERFECT_PREFIXES):
        return
    yield stem
    if enclitic and stem.endswith("ت"):
        yield stem[:-1] + "ه"


def _segmentations(folded: str, blocked: str | None) -> Iterator[tuple[int, Analysis]]:
    """Every segmentation but the whole word, each with its number of affixes."""
    no_prefix = _Proclitics("", False, False, 0)
    for prefix in (no_prefix, *PROCLITICS):
        if not folded.startswith(prefix.surface):
            continue
        for enclitic in ("", *ENCLITICS):
            if not folded.endswith(enclitic) or enclitic == blocked:
                continue
            if (prefix.has_article and enclitic) or (prefix is no_prefix and not enclitic):
                continue
            for stem in _stems(folded, prefix, enclitic):
                reading = Analysis(prefix.surface, stem, enclitic, prefix.has_article)
                yield prefix.count + bool(enclitic), reading


@lru_cache(maxsize=65536)
def analyze(word: str) -> tuple[Analysis, ...]:
    """Plausible clitic readings of `word`, the whole word first, then by affixes stripped.

    «والرقة» -> (والرقه), (و + الرقه), (وال + رقه, has_article).
    """
    folded = fold_word(word)
    if not folded:
        return ()
    whole = Analysis("", folded, "", False)
    if not _FOLDED_ARABIC_WORD.fullmatch(folded):
        return (whole,)
    readings = sorted(
        _segmentations(folded, NOT_ENCLITIC.get(_final_letter(word))),
        key=lambda item: (item[0], -len(item[1].stem)),
    )
    return (whole, *(analysis for _, analysis in readings))
