#!/usr/bin/env python3
"""Compile ../shared/data/gazetteer into the compact place table Rasd ships.

Keeps only what the geoparser uses: rows with an Arabic name (or an Arabic
alternate name), the Arabic alternates, coordinates rounded to 5 decimals
(about 1 m), the admin chain and population. Writes
src/rasd/data/gazetteer/places.tsv.gz, deterministic for the same input.

Rows with no Arabic name at all (most of Sudan, half of Yemen) go to a second
table, data/gazetteer/latin_places.tsv.gz, with their Latin names: Rasd reads an
Arabic name it cannot find against their consonants («الفاشر» ~ "El Fasher").
Usage: python scripts/build_gazetteer.py [--source DIR] [--out FILE] [--latin-out FILE]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
from pathlib import Path

from rasd.extract.latin_names import latin_skeleton  # the consonant keys are precomputed here

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = ROOT / "src" / "rasd" / "data" / "gazetteer" / "places.tsv.gz"
DEFAULT_LATIN_OUT = ROOT / "src" / "rasd" / "data" / "gazetteer" / "latin_places.tsv.gz"
LATIN_COLUMNS = (
    "id", "country_code", "name_en", "alt_en", "feature_class", "lat", "lon",
    "admin1_ar", "admin1_en", "admin2_ar", "admin2_en", "population", "keys",
)
MAX_LATIN_ALTERNATES = 4
# Classes of place an event can be at; abandoned or destroyed places and campuses are left out.
LATIN_CLASSES = frozenset({"city", "capital", "town", "village", "locality", "neighbourhood", "district"})

COLUMNS = (
    "id", "country_code", "name_ar", "name_en", "alt_ar", "feature_class", "lat", "lon",
    "admin1_ar", "admin1_en", "admin2_ar", "admin2_en", "admin3_ar", "admin3_en", "population",
)
ARABIC = re.compile(r"[\u0600-\u06FF]")
# Files read in this order; the curated supplement comes after the country files.
SUPPLEMENTS = ("supplement_SY_aliases.csv",)
# Curated rows kept in this repository, with approximate town coordinates: a country the shared
# gazetteer lacks (Somalia: regions, main towns, Mogadishu's districts) and places its sources
# leave out (Jerusalem, West Bank and Gaza refugee camps).
REPO_SUPPLEMENTS = tuple(ROOT / "scripts" / "data" / f"supplement_{code}.csv" for code in ("SO", "PS"))


def source_files(source: Path) -> list[Path]:
    files = sorted(source.glob("gazetteer_*.csv"))
    return files + [source / name for name in SUPPLEMENTS if (source / name).exists()] + list(REPO_SUPPLEMENTS)


def arabic_alternates(row: dict[str, str]) -> list[str]:
    """Arabic-script alternate names, without the primary name, in source order."""
    seen = {row["name_ar"]}
    names = []
    for name in row["alt_names"].split("|"):
        name = name.strip()
        if name and ARABIC.search(name) and name not in seen:
            seen.add(name)
            names.append(name)
    return names


# Type words some sources write into the name itself («مديرية رغوان», «قضاء الهادي»); news names
# the place without them as often as with them, so the bare name is added as an alternate.
TYPE_PREFIXES = ("مديرية", "ناحية", "قضاء", "عزلة")  # not «قرية X» (X is often a common word) nor «مركز X»


def bare_alternates(names: list[str]) -> list[str]:
    """The names without a leading type word, for those that have one: «مديرية رغوان» -> «رغوان»."""
    bare = []
    for name in names:
        head, _, rest = name.partition(" ")
        if head in TYPE_PREFIXES and rest and rest not in names and rest not in bare:
            bare.append(rest)
    return bare


def round_coordinate(value: str) -> str:
    return f"{float(value):.5f}" if value else ""


def compact_row(row: dict[str, str]) -> list[str] | None:
    """The shipped columns of one source row, or None when it has no Arabic name at all."""
    alternates = arabic_alternates(row)
    name_ar = row["name_ar"] if ARABIC.search(row["name_ar"]) else ""
    if not name_ar and not alternates:
        return None
    if not name_ar:
        name_ar, alternates = alternates[0], alternates[1:]
    alternates += bare_alternates([name_ar, *alternates])
    return [
        row["id"], row["country_code"], name_ar, row["name_en"], "|".join(alternates),
        row["feature_class"], round_coordinate(row["lat"]), round_coordinate(row["lon"]),
        row["admin1_ar"], row["admin1_en"], row["admin2_ar"], row["admin2_en"],
        row["admin3_ar"], row["admin3_en"], row["population"],
    ]


def latin_row(row: dict[str, str]) -> list[str] | None:
    """The Latin-named columns of a row with no Arabic name, or None for the others."""
    if ARABIC.search(row["name_ar"]) or arabic_alternates(row) or row["feature_class"] not in LATIN_CLASSES:
        return None
    alternates = [a.strip() for a in row["alt_names"].split("|") if a.strip() and a.strip() != row["name_en"]]
    alternates = alternates[:MAX_LATIN_ALTERNATES]
    keys = sorted({latin_skeleton(name) for name in [row["name_en"], *alternates]})
    return [
        row["id"], row["country_code"], row["name_en"], "|".join(alternates),
        row["feature_class"], round_coordinate(row["lat"]), round_coordinate(row["lon"]),
        row["admin1_ar"], row["admin1_en"], row["admin2_ar"], row["admin2_en"], row["population"],
        "|".join(k for k in keys if k),
    ]


def compile_rows(source: Path, shape=compact_row):
    """`shape` of every source row it keeps (compact_row: Arabic-named; latin_row: Latin-only)."""
    for path in source_files(source):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                compact = shape(row)
                if compact:
                    yield compact


NEIGHBOUR_DEGREES = 0.25  # grid cell; a row with no governorate takes that of the nearest row within one cell


def with_borrowed_admin1(rows: list[list[str]]) -> list[list[str]]:
    """Rows the source leaves without a governorate take the admin1 of the nearest row of the same
    country that has one (within about 25 km), so an event there still has its admin hierarchy.
    A country's row keeps none: its centroid lies in some governorate, but «اليمن» is not in it."""
    grid: dict[tuple[str, int, int], list[list[str]]] = {}
    for row in rows:
        if row[9] and row[6] and row[7]:
            grid.setdefault(_cell(row), []).append(row)
    return [_borrowed(row, grid) if _borrows(row) else row for row in rows]


def _borrows(row: list[str]) -> bool:
    """A place row with coordinates and no governorate (not a country's own row)."""
    return not row[9] and bool(row[6] and row[7]) and row[5] != "country"


def _cell(row: list[str]) -> tuple[str, int, int]:
    return row[1], int(float(row[6]) // NEIGHBOUR_DEGREES), int(float(row[7]) // NEIGHBOUR_DEGREES)


def _borrowed(row: list[str], grid: dict) -> list[str]:
    country, y, x = _cell(row)
    near = [other for dy in (-1, 0, 1) for dx in (-1, 0, 1) for other in grid.get((country, y + dy, x + dx), ())]
    if not near:
        return row
    lat, lon = float(row[6]), float(row[7])
    nearest = min(near, key=lambda o: ((float(o[6]) - lat) ** 2 + (float(o[7]) - lon) ** 2, o[0]))
    if ((float(nearest[6]) - lat) ** 2 + (float(nearest[7]) - lon) ** 2) ** 0.5 > NEIGHBOUR_DEGREES:
        return row
    return row[:8] + nearest[8:10] + row[10:]


def write_table(rows, out: Path, columns: tuple[str, ...] = COLUMNS) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical between builds of the same data.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--latin-out", type=Path, default=DEFAULT_LATIN_OUT)
    args = parser.parse_args()
    count = write_table(with_borrowed_admin1(list(compile_rows(args.source))), args.out)
    print(f"wrote {count} places to {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    count = write_table(compile_rows(args.source, latin_row), args.latin_out, LATIN_COLUMNS)
    print(f"wrote {count} Latin-named places to {args.latin_out} ({args.latin_out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
