"""The shipped place table, loaded once and indexed by folded Arabic name.

The table (data/gazetteer/places.tsv.gz) is compiled by
scripts/build_gazetteer.py. Keys are folded with rasd.text.normalize, so
«إدلب» and «ادلب» or «حماة» and «حماه» find the same rows; names that start
with the article are also indexed without it, so «للرقة» (ل + ال + رقة) is found.
"""
from __future__ import annotations

import csv
import gc
import gzip
import hashlib
import io
import os
import pickle
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import ahocorasick
import platformdirs

from rasd.resources import data_path
from rasd.text.clitics import NAME_PREFIXES
from rasd.text.clitics import name_key as clitic_key
from rasd.text.normalize import fold_word

COUNTRY_NAMES = {
    "SY": "Syria", "IQ": "Iraq", "LB": "Lebanon", "JO": "Jordan", "PS": "Palestine",
    "YE": "Yemen", "LY": "Libya", "SD": "Sudan", "EG": "Egypt", "SO": "Somalia",
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

    def __hash__(self) -> int:
        return hash(self.id)  # ids are unique; hashing 14 fields made every cache lookup slow

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
    """Place rows (Place fields, tab-joined), an index from folded name key to row positions, and
    two automatons: of the one-word names (`automaton`) and of the names of several words (`phrases`)."""

    rows: tuple[str, ...]
    by_key: dict[str, tuple[int, ...]]
    automaton: ahocorasick.Automaton
    phrases: ahocorasick.Automaton

    @cached_property
    def places(self) -> tuple[Place, ...]:
        return tuple(_place_of_line(row) for row in self.rows)

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called `name` (any spelling that folds alike): lookup("حماه")."""
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> tuple[Place, ...]:
        """Every place under an already folded key: lookup_key("حماه")."""
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = tuple(_place_of_line(self.rows[i]) for i in self.by_key.get(key, ()))
        return found

    @cached_property
    def word_names(self) -> WordNames:
        """The one-word names in each folded word, worked out once per word: word_names["وللرقه"]."""
        return WordNames(self.automaton, self.by_key)

    @cached_property
    def _made(self) -> dict[str, tuple[Place, ...]]:
        """Places already made, by key (rows become Place objects only when a text names them)."""
        return {}


class WordNames(dict):
    """Folded word -> keys of the one-word names it holds behind its clitics, in automaton order:
    «وللرقه» -> ("الرقه",), «الحلبي» -> () (a name inside a longer word does not count).

    A dict whose misses scan the word once, so a text's words are looked up in one C loop
    (map(word_names.__getitem__, words)); cleared past 200,000 words (a few MB).
    """

    def __init__(self, automaton: ahocorasick.Automaton, by_key: dict[str, tuple[int, ...]]) -> None:
        super().__init__()
        self.automaton, self.by_key = automaton, by_key

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) > 200_000:
            self.clear()
        names = self[word] = tuple(self._scan(word))
        return names

    def _scan(self, word: str):
        for end, found in self.automaton.iter(word + " "):
            prefix = word[:end - len(found)]
            if prefix in NAME_PREFIXES:
                key = clitic_key(prefix, found, self.by_key)
                if key:
                    yield key


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


PLACE_COLUMNS = ("id", "country_code", "name_ar", "name_en", "feature_class", "lat", "lon",
                 "admin1_ar", "admin1_en", "admin2_ar", "admin2_en", "admin3_ar", "admin3_en", "population")


def _place_line(row: dict[str, str]) -> str:
    """The Place fields of one table row as one tab-joined line (one string unpickles fast)."""
    return "\t".join(row[column] for column in PLACE_COLUMNS)


def _place_of_line(line: str) -> Place:
    (id_, country, name_ar, name_en, feature, lat, lon,
     a1_ar, a1_en, a2_ar, a2_en, a3_ar, a3_en, population) = line.split("\t")
    return Place(id_, country, name_ar, name_en, feature, _to_float(lat), _to_float(lon),
                 a1_ar, a1_en, a2_ar, a2_en, a3_ar, a3_en, int(population or 0))


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


def _index(names_of_rows: list[list[str]]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for position, names in enumerate(names_of_rows):
        keys = {v for name in names for v in spelling_variants(name_key(name))}
        for key in keys:
            if len(key) >= 2:
                index.setdefault(key, []).append(position)
    return {key: tuple(positions) for key, positions in index.items()}


def _automaton(keys, phrases: bool) -> ahocorasick.Automaton:
    """Every key of one word (or of several), and every key without its article, each followed
    by a space so that a hit always ends a word (search the text with a space after it); the value
    is the form. Apart, the text's words need no scan for names of several words and back."""
    automaton = ahocorasick.Automaton()
    for key in keys:
        for form in (key, strip_article_key(key)):
            if form and (" " in form) == phrases:
                automaton.add_word(form + " ", form)
    automaton.make_automaton()
    return automaton


# Bump when the index built from the same table changes (keys, variants, automaton values).
INDEX_VERSION = "5"


def build_gazetteer(raw: bytes) -> Gazetteer:
    """Parse the gzipped table and index every name and alternate (the slow path, ~1.5 s)."""
    rows, names = [], []
    text = gzip.decompress(raw).decode("utf-8")
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        rows.append(_place_line(row))
        names.append([row["name_ar"], *(row["alt_ar"].split("|") if row["alt_ar"] else [])])
    by_key = _index(names)
    return Gazetteer(rows=tuple(rows), by_key=by_key, automaton=_automaton(by_key, False),
                     phrases=_automaton(by_key, True))


def cache_file(raw: bytes) -> Path:
    """Where the index of this exact table is cached: <user cache>/rasd/gazetteer-<hash>.pickle."""
    digest = hashlib.sha256(raw + INDEX_VERSION.encode()).hexdigest()[:20]
    root = os.environ.get("RASD_CACHE_DIR") or platformdirs.user_cache_dir("rasd")
    return Path(root) / f"gazetteer-{digest}.pickle"


def _read_cache(path: Path) -> Gazetteer | None:
    gc.disable()  # ~100k objects at once; collecting while they arrive only costs time
    try:
        rows, by_key, automaton, phrases = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        return None  # absent or damaged: rebuild
    finally:
        gc.enable()
    return Gazetteer(rows=rows, by_key=by_key, automaton=automaton, phrases=phrases)


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically; an unwritable cache directory only costs speed."""
    payload = pickle.dumps((gazetteer.rows, gazetteer.by_key, gazetteer.automaton, gazetteer.phrases), protocol=5)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(payload)
        os.replace(partial, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an index of an older table or version
    except OSError:
        return


@cache
def load_gazetteer() -> Gazetteer:
    """The shipped table, from the cached index when there is one (read-only, safe to share)."""
    raw = data_path("gazetteer", "places.tsv.gz").read_bytes()
    path = cache_file(raw)
    gazetteer = _read_cache(path)
    if gazetteer is None:
        gazetteer = build_gazetteer(raw)
        _write_cache(path, gazetteer)
    gc.freeze()  # the table lives as long as the process: keep the collector from walking it
    return gazetteer
