"""ACLED's `iso` code and region of a country, from the shipped table data/countries.tsv."""
from __future__ import annotations

import csv
from functools import cache

from rasd.resources import data_path
from rasd.text.normalize import fold_word


@cache
def _table() -> dict[str, tuple[int, str]]:
    with open(data_path("countries.tsv"), encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        table = {}
        for row in rows:
            value = (int(row["iso"]), row["region"])
            table[row["name"].casefold()] = value
            table[fold_word(row["name_ar"])] = value
        return table


def country_codes(country: str | None) -> tuple[int | None, str | None]:
    """(ISO 3166 numeric, ACLED region) of a country named in English or Arabic: "Syria" -> (760, "Middle East")."""
    if not country:
        return None, None
    return _table().get(country.casefold()) or _table().get(fold_word(country)) or (None, None)
