"""Arabic normalisation for matching that keeps the way back to the original text.

The character maps are data (camel_tools style): each one is a small table,
and one engine, `str.translate`, runs them. `fold` composes every map into a
single table and records, for each folded character, where it came from, so
a match found in folded text is reported as a span of the original:

>>> folded = fold("قصفَتْ إدلبُ")
>>> folded.text
'قصفت ادلب'
>>> folded.to_source(5, 9)  # «إدلبُ», its damma included
(7, 12)

The hamza carriers ؤ and ئ are folded to و and ي in `fold` as well: every
lexicon and gazetteer key goes through the same `fold_word`, so the fold only
has to agree with itself, and folding them lets the spellings that drop the
hamza meet the full ones («رئيس» and «رييس», «مسؤول» and «مسوول»).
`normalize_hamza_carriers` applies that map alone.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field
from itertools import chain
from typing import Iterable, Mapping

# -- character maps (data) ---------------------------------------------------


def _chars(*ranges: tuple[int, int]) -> str:
    """Every character of the inclusive code-point ranges, as one string."""
    return "".join(chr(c) for first, last in ranges for c in range(first, last + 1))


ALEF_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
ALEF_MAQSURA_MAP = {"ى": "ي"}
TA_MARBUTA_MAP = {"ة": "ه"}
HAMZA_CARRIER_MAP = {"ؤ": "و", "ئ": "ي"}
# Persian keyboards put these in Arabic text; they read as the Arabic letters.
PERSIAN_LETTER_MAP = {"ی": "ي", "ک": "ك", "ۀ": "ه"}
DIGIT_MAP = dict(zip(_chars((0x0660, 0x0669), (0x06F0, 0x06F9)), "0123456789" * 2))
NUMBER_SIGN_MAP = {"٫": ".", "٬": ",", "٪": "%"}
TATWEEL = "\u0640"
DIACRITICS = _chars((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
CONTROLS = _chars(
    (0x00AD, 0x00AD), (0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2060), (0x2066, 0x2069), (0xFEFF, 0xFEFF),
)
# Unicode space separators other than the plain space (no-break, thin, ...).
SPACES = "\u00a0\u1680" + _chars((0x2000, 0x200A)) + "\u202f\u205f\u3000"
PRESENTATION_FORMS = _chars((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
LATIN = _chars((0x0041, 0x005A), (0x00C0, 0x024F))
# Dots people put between letters to dodge keyword filters: ق.ص.ف, ق·ص·ف.
BREAKING_DOTS = ".\u00b7\u2022\u2027\u2219\u22c5"
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06fc\u06ff"


def _deletions(chars: str) -> dict[str, str]:
    return dict.fromkeys(chars, "")


def _presentation_map() -> dict[str, str]:
    """Arabic presentation forms to base letters (NFKC), isolated harakat kept bare."""
    table = {}
    for char in PRESENTATION_FORMS:
        base = unicodedata.normalize("NFKC", char)
        if base != char:
            table[char] = base.strip(" ")  # ﹰ is NFKC " ً": drop the carrier space
    return table


def _latin_case_map() -> dict[str, str]:
    return {c: c.lower() for c in LATIN if c.lower() != c}


SPACE_MAP = dict.fromkeys(SPACES, " ")
CONTROL_MAP = _deletions(CONTROLS)
TATWEEL_MAP = _deletions(TATWEEL)
DIACRITIC_MAP = _deletions(DIACRITICS)
PRESENTATION_MAP = _presentation_map()
LATIN_CASE_MAP = _latin_case_map()

# The order matters only for expansions: a presentation form first becomes
# base letters, which the later maps then fold like any other letter.
FOLD_MAPS: tuple[Mapping[str, str], ...] = (
    PRESENTATION_MAP, SPACE_MAP, CONTROL_MAP, TATWEEL_MAP, DIACRITIC_MAP,
    ALEF_MAP, ALEF_MAQSURA_MAP, TA_MARBUTA_MAP, HAMZA_CARRIER_MAP,
    PERSIAN_LETTER_MAP, DIGIT_MAP, NUMBER_SIGN_MAP, LATIN_CASE_MAP,
)

# -- the engine --------------------------------------------------------------


def _compose(maps: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """One map equal to applying `maps` in order, keeping only changed characters."""
    maps = tuple(maps)
    result = {}
    for char in set(chain.from_iterable(maps)):
        out = char
        for table in maps:
            out = "".join(table.get(c, c) for c in out)
        if out != char:
            result[char] = out
    return result


def _translation_table(mapping: Mapping[str, str]) -> tuple[int | str, ...]:
    """A tuple indexed by code point: faster in `str.translate` than a dict.

    Characters beyond the BMP raise IndexError, which translate reads as
    "unchanged", so they pass through.
    """
    table: list[int | str] = list(range(0x10000))
    for char, out in mapping.items():
        table[ord(char)] = out
    return tuple(table)


_FOLD = _compose(FOLD_MAPS)
_FOLD_TABLE = _translation_table(_FOLD)
# Characters whose folded form is not exactly one character: only these
# need the slow, offset-tracking path.
_RESIZING = re.compile("[" + re.escape("".join(sorted(c for c, o in _FOLD.items() if len(o) != 1))) + "]+")
# Deleted characters that belong to the letter before them: a span ending on
# that letter extends over them, so «صباحاً» is quoted whole.
_ATTACHED = frozenset(DIACRITICS + TATWEEL)
# Matched from the first dot (the letter before it is a lookbehind): the scan
# then only stops at dots, which keeps `fold_word` fast on long texts.
_BROKEN_WORD = re.compile(
    f"(?<=[{ARABIC_LETTERS}])[{re.escape(BREAKING_DOTS)}][{ARABIC_LETTERS}]"
    f"(?:[{re.escape(BREAKING_DOTS)}][{ARABIC_LETTERS}])+"
)
_DOT_DELETION = str.maketrans(_deletions(BREAKING_DOTS))


# -- single-purpose helpers ----------------------------------------------------

_TABLES = {
    name: str.maketrans(table)
    for name, table in {
        "alef": ALEF_MAP, "alef_maqsura": ALEF_MAQSURA_MAP, "ta_marbuta": TA_MARBUTA_MAP,
        "hamza_carriers": HAMZA_CARRIER_MAP, "digits": DIGIT_MAP, "tatweel": TATWEEL_MAP,
        "diacritics": DIACRITIC_MAP, "controls": CONTROL_MAP,
        "presentation_forms": PRESENTATION_MAP, "latin_case": LATIN_CASE_MAP,
    }.items()
}


def normalize_alef(text: str) -> str:
    """Fold the hamza and madda alef forms to bare alef: «إدلب» -> «ادلب»."""
    return text.translate(_TABLES["alef"])


def normalize_alef_maqsura(text: str) -> str:
    """Fold alef maqsura to ya: «على» -> «علي»."""
    return text.translate(_TABLES["alef_maqsura"])


def normalize_ta_marbuta(text: str) -> str:
    """Fold ta marbuta to ha: «الرقة» -> «الرقه»."""
    return text.translate(_TABLES["ta_marbuta"])


def normalize_hamza_carriers(text: str) -> str:
    """Fold hamza on waw and on ya to the bare letters: «مسؤول» -> «مسوول»."""
    return text.translate(_TABLES["hamza_carriers"])


def normalize_digits(text: str) -> str:
    """Turn Arabic-Indic and Persian digits into ASCII: «٢٠١٥» -> «2015»."""
    return text.translate(_TABLES["digits"])


def remove_tatweel(text: str) -> str:
    """Delete the tatweel stretch: «قـــصـــف» -> «قصف»."""
    return text.translate(_TABLES["tatweel"])


def remove_diacritics(text: str) -> str:
    """Delete harakat, superscript alef and Quranic marks: «قَصَفَ» -> «قصف»."""
    return text.translate(_TABLES["diacritics"])


def remove_controls(text: str) -> str:
    """Delete zero-width, bidi and soft-hyphen characters: «قص<ZWNJ>ف» -> «قصف»."""
    return text.translate(_TABLES["controls"])


def normalize_presentation_forms(text: str) -> str:
    """Replace Arabic presentation forms by base letters: «ﻗﺼﻒ» -> «قصف»."""
    return text.translate(_TABLES["presentation_forms"])


def lowercase_latin(text: str) -> str:
    """Lowercase Latin letters, leaving Arabic as it is: «ISIS في» -> «isis في»."""
    return text.translate(_TABLES["latin_case"])


def join_broken_words(text: str) -> str:
    """Drop dots put between single letters: «ق.ص.ف» -> «قصف»; «درعا.وقال» stays."""
    return _BROKEN_WORD.sub(lambda m: m.group().translate(_DOT_DELETION), text)


# -- the full fold ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text with, for each character, its index in the original.

    `source` has len(text) + 1 entries, the last one being len(original).
    """

    text: str
    source: tuple[int, ...]
    original: str = field(default="", repr=False)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded span [start, end) to the original span it came from.

        The end reaches past diacritics and tatweel attached to the last
        letter, so a match on «صباحا» quotes «صباحاً» whole.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside folded text of length {len(self.text)}")
        if start == end:
            return self.source[start], self.source[start]
        last = self.source[end - 1] + 1
        while last < len(self.original) and self.original[last] in _ATTACHED:
            last += 1
        return self.source[start], last


def _source_offsets(text: str) -> tuple[int, ...]:
    """For each character that `text` folds to, its index in `text`, plus len(text).

    Runs of characters that fold one-to-one are added as ranges; only the
    characters that fold to nothing or to several are looked at one by one.
    """
    source: list[int] = []
    done = 0
    for match in _RESIZING.finditer(text):
        start, stop = match.span()
        source.extend(range(done, start))
        for index in range(start, stop):
            source.extend([index] * len(_FOLD[text[index]]))
        done = stop
    source.extend(range(done, len(text) + 1))
    return tuple(source)


def _fold_chars(text: str) -> FoldedText:
    """Apply the character maps, tracking offsets only around resizing characters."""
    if _RESIZING.search(text):
        source = _source_offsets(text)
    else:
        source = tuple(range(len(text) + 1))
    return FoldedText(text.translate(_FOLD_TABLE), source, text)


def _drop_positions(folded: FoldedText, drop: list[int]) -> FoldedText:
    """The folded text without the characters at the sorted positions `drop`."""
    bounds = list(zip([-1, *drop], [*drop, len(folded.text)]))
    text = "".join(folded.text[a + 1:b] for a, b in bounds)
    source = chain.from_iterable(folded.source[a + 1:b] for a, b in bounds)
    return FoldedText(text, (*source, folded.source[-1]), folded.original)


def _join_broken_words(folded: FoldedText) -> FoldedText:
    """`join_broken_words` on folded text, keeping the offsets."""
    drop = [
        index
        for match in _BROKEN_WORD.finditer(folded.text)
        for index in range(match.start(), match.end())
        if folded.text[index] in BREAKING_DOTS
    ]
    return _drop_positions(folded, drop) if drop else folded


def fold(text: str) -> FoldedText:
    """Fold `text` for matching and keep each character's original offset.

    «وقَصَفَتْ الطائرات ق.ص.ف» -> «وقصفت الطايرات قصف», with source offsets.
    """
    return _join_broken_words(_fold_chars(text))


@lru_cache(maxsize=262144)
def fold_word(text: str) -> str:
    """The text of `fold(text)` without offsets, for lexicon and gazetteer keys.

    «بِإدلبَ» -> «بادلب».
    """
    return join_broken_words(text.translate(_FOLD_TABLE))


def strip_article(word: str) -> str:
    """Drop a leading ال from a folded word when 2+ letters remain: «الرقه» -> «رقه»."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word
