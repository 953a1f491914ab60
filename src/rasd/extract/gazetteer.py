"""The shipped place table, loaded once and indexed by folded Arabic name.

The table (data/gazetteer/places.tsv.gz) is compiled by
scripts/build_gazetteer.py. Keys are folded with rasd.text.normalize, so
«إدلب» and «ادلب» or «حماة» and «حماه» find the same rows; names that start
with the article are also indexed without it, so «للرقة» (ل + ال + رقة) is found.
"""
from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import cache

import ahocorasick

from rasd.resources import data_path
from rasd.text.normalize import fold_word

COUNTRY_NAMES = {
    "SY": "Syria", "IQ": "Iraq", "LB": "Lebanon", "JO": "Jordan", "PS": "Palestine",
    "YE": "Yemen", "LY": "Libya", "SD": "Sudan", "EG": "Egypt",
}
# Larger settlements first when nothing else tells homonyms apart.
FEATURE_RANK = {
    "country": 9, "capital": 8, "governorate": 7, "province": 7, "city": 6, "district": 5,
    "town": 4, "subdistrict": 3, "neighbourhood": 3, "village": 2, "locality": 1, "campus": 1,
    "abandoned_place": 0, "destroyed_place": 0,
}
ADMIN_CLASSES = frozenset({"country", "governorate", "province", "district", "subdistrict"})


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row: a named place with coordinates and its admin chain."""

    id: str
    country_code: str
    name_ar: str
    name_en: str
    feature_class: str
    lat: float | None
    lon: float | None
    admin1_ar: str
    admin1_en: str
    admin2_ar: str
    admin2_en: str
    admin3_ar: str
    admin3_en: str
    population: int

    @property
    def country(self) -> str:
        return COUNTRY_NAMES.get(self.country_code, self.country_code)

    @property
    def rank(self) -> int:
        return FEATURE_RANK.get(self.feature_class, 1)

    @property
    def is_admin_unit(self) -> bool:
        return self.feature_class in ADMIN_CLASSES


@dataclass(frozen=True)
class Gazetteer:
    """Places plus an index from folded name key to place positions, and an automaton over keys."""

    places: tuple[Place, ...]
    by_key: dict[str, tuple[int, ...]]
    automaton: ahocorasick.Automaton

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called `name` (any spelling that folds alike): lookup("حماه")."""
        return tuple(self.places[i] for i in self.by_key.get(name_key(name), ()))


def name_key(name: str) -> str:
    """The folded, space-normalised key of a place name: «دير الزّور» -> "دير الزور"."""
    return " ".join(fold_word(name).split())


def strip_article_key(key: str) -> str | None:
    """The key without its leading article, when one is there and 2+ letters remain."""
    if key.startswith("ال") and len(key.split(" ")[0]) > 3:
        return key[2:]
    return None


def _to_float(value: str) -> float | None:
    return float(value) if value else None


def _read_rows():
    raw = gzip.decompress(data_path("gazetteer", "places.tsv.gz").read_bytes()).decode("utf-8")
    return csv.DictReader(io.StringIO(raw), delimiter="\t")


def _place_from_row(row: dict[str, str]) -> Place:
    return Place(
        id=row["id"], country_code=row["country_code"], name_ar=row["name_ar"],
        name_en=row["name_en"], feature_class=row["feature_class"],
        lat=_to_float(row["lat"]), lon=_to_float(row["lon"]),
        admin1_ar=row["admin1_ar"], admin1_en=row["admin1_en"],
        admin2_ar=row["admin2_ar"], admin2_en=row["admin2_en"],
        admin3_ar=row["admin3_ar"], admin3_en=row["admin3_en"],
        population=int(row["population"] or 0),
    )


# Name heads written both joined and apart: «كفرنبل» and «كفر نبل», «ديرالزور» rarely, «عين ترما».
COMPOUND_HEADS = ("كفر", "دير", "عين", "تل", "بيت", "ابو", "ام", "جب", "خربه", "راس", "بير")


def spelling_variants(key: str) -> set[str]:
    """A key and its joined/apart compound spelling: "كفر نبل" <-> "كفرنبل"."""
    variants = {key}
    for head in COMPOUND_HEADS:
        if key.startswith(head + " ") and len(key) > len(head) + 2:
            variants.add(head + key[len(head) + 1:])
        elif key.startswith(head) and len(key) > len(head) + 2 and key[len(head)] != " ":
            variants.add(head + " " + key[len(head):])
    return variants


def _index(places: tuple[Place, ...], alternates: list[list[str]]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for position, (place, names) in enumerate(zip(places, alternates)):
        keys = {v for name in [place.name_ar, *names] for v in spelling_variants(name_key(name))}
        for key in keys:
            if len(key) >= 2:
                index.setdefault(key, []).append(position)
    return {key: tuple(positions) for key, positions in index.items()}


def _automaton(keys) -> ahocorasick.Automaton:
    """Every key, and every key without its article; the value is the string found."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        for form in (key, strip_article_key(key)):
            if form:
                automaton.add_word(form, form)
    automaton.make_automaton()
    return automaton


@cache
def load_gazetteer() -> Gazetteer:
    """Read the shipped table once per process (read-only afterwards, safe to share)."""
    places, alternates = [], []
    for row in _read_rows():
        places.append(_place_from_row(row))
        alternates.append(row["alt_ar"].split("|") if row["alt_ar"] else [])
    frozen = tuple(places)
    by_key = _index(frozen, alternates)
    return Gazetteer(places=frozen, by_key=by_key, automaton=_automaton(by_key))
