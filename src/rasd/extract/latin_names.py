"""Read an Arabic place name against the gazetteer rows that have only Latin names.

Most Sudanese villages and half the Yemeni ones have no Arabic name in the
sources, so «قرية أم كدادة» cannot be found by its letters. Both spellings are
reduced to a consonant skeleton (data/lexicon/consonant_classes.tsv): vowels,
ع, و and ي (often vowels), the article and doubled letters are dropped, and
letters that spellings confuse share a class (ط/ت/t, ق/ك/ج/g/q/k). A name of
three or more consonants that matches one row of the governorate the text puts
it in (or, with none, of the article's country) is that row.
"""
from __future__ import annotations

import gzip
import re
from functools import cache

from rasd.extract.gazetteer import Place, _to_float
from rasd.extract.lexicon import parse_rows
from rasd.resources import data_path
from rasd.text.normalize import fold_word

MIN_CONSONANTS = 3
LATIN_ARTICLE = re.compile(r"^(?:a|e)[lrsdtzn]h?[\s'’`]+")  # «al », «el », «ash »: per word
ARABIC_ARTICLE = "ال"


@cache
def consonant_classes() -> tuple[dict[int, str], re.Pattern[str], dict]:
    """(Arabic letter table, Latin digraph pattern, Latin digraph -> class plus "" -> single-letter
    table), from the shipped table."""
    text = data_path("lexicon", "consonant_classes.tsv").read_text(encoding="utf-8")
    arabic, latin = {}, {}
    for script, letters, *rest in parse_rows(text):
        target = rest[0] if rest else ""
        if script == "ar":
            arabic[ord(fold_word(letters))] = target
        else:
            latin[letters] = target
    digraphs = sorted((k for k in latin if len(k) > 1), key=len, reverse=True)
    singles = {ord(c): latin.get(c, "") for c in "abcdefghijklmnopqrstuvwxyz"}  # vowels, w, y -> ""
    return arabic, re.compile("|".join(digraphs)), {**{k: v for k, v in latin.items() if len(k) > 1}, "": singles}


DOUBLED = re.compile(r"(.)\1+")
NOT_LETTERS = re.compile(r"[^a-z]")


def arabic_skeleton(name: str) -> str:
    """«الفاشر» -> "FCR": the article, vowels-in-waiting (ا و ي ع) and a final «ة/ه» dropped."""
    arabic, _, _ = consonant_classes()
    words = [w[2:] if w.startswith(ARABIC_ARTICLE) and len(w) > 3 else w for w in fold_word(name).split()]
    letters = "".join(word[:-1] if word.endswith("ه") and len(word) > 2 else word for word in words)
    return DOUBLED.sub(r"\1", letters.translate(arabic))


def latin_skeleton(name: str) -> str:
    """"El Fasher" -> "FCR": the article, vowels, w and y dropped, digraphs read as one."""
    _, digraphs, latin = consonant_classes()
    words = re.split(r"[\s\-]+", name.lower().strip())
    text = NOT_LETTERS.sub("", "".join(LATIN_ARTICLE.sub("", w + " ") for w in words if w))
    text = digraphs.sub(lambda m: latin[m.group()], text)  # digraphs become their (upper-case) class
    return DOUBLED.sub(r"\1", text.translate(latin[""]))


@cache
def latin_table() -> tuple[bytes, ...]:
    """The rows of data/gazetteer/latin_places.tsv.gz as UTF-8 lines, read once (a row is decoded
    and split only when it is used: as tuples of column strings the table held 32 MB, as lines 5)."""
    raw = gzip.decompress(data_path("gazetteer", "latin_places.tsv.gz").read_bytes())
    return tuple(line for line in raw.splitlines()[1:] if line)


def latin_row(position: int) -> list[str]:
    """The columns of one row of `latin_table()`."""
    return latin_table()[position].decode("utf-8").split("\t")


@cache
def latin_index() -> dict[tuple[str, str], tuple[int, ...]]:
    """(country code, skeleton) -> row positions in `latin_table()`."""
    index: dict[tuple[str, str], list[int]] = {}
    for position in range(len(latin_table())):
        row = latin_row(position)
        for key in row[12].split("|"):  # precomputed by scripts/build_gazetteer.py
            if len(key) >= MIN_CONSONANTS:
                index.setdefault((row[1], key), []).append(position)
    return {key: tuple(rows) for key, rows in index.items()}


def _place(position: int) -> Place:
    """A gazetteer Place with no Arabic name (nor admin3: the Latin rows stop at admin2)."""
    row = latin_row(position)
    return Place(row[0], row[1], "", row[2], row[4], _to_float(row[5]), _to_float(row[6]),
                 row[7], row[8], row[9], row[10], "", "", int(row[11] or 0))


def find_by_consonants(name_ar: str, country_code: str | None, admin1: str | None = None) -> Place | None:
    """The one Latin-named row an Arabic name reads as, in the country (and governorate) given.

    find_by_consonants("الفاشر", "SD") -> El Fasher; None when no row or several rows fit.
    """
    key = arabic_skeleton(name_ar)
    if not country_code or len(key) < MIN_CONSONANTS:
        return None
    rows = [_place(position) for position in latin_index().get((country_code, key), ())]
    if admin1:  # the governorate the text puts it in decides; no namesake elsewhere
        rows = [r for r in rows if admin1 in (r.admin1_en, r.admin1_ar)]
    if len({r.id for r in rows}) == 1:
        return rows[0]
    top = max((RANK.get(r.feature_class, 0) for r in rows), default=0)
    best = [r for r in rows if RANK.get(r.feature_class, 0) == top]
    return best[0] if top >= RANK["town"] and len({r.id for r in best}) == 1 else None


# A bigger kind of place wins a tie of spellings when it is the only one of its kind:
# news names towns and districts far more often than the villages that share their consonants.
RANK = {"capital": 5, "city": 4, "district": 3, "town": 3, "village": 1, "locality": 1, "neighbourhood": 0}
