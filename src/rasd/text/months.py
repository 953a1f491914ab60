"""Month and weekday names as they appear in Arabic news, mapped to numbers.

Data, not logic: the cleaner reads publication stamps with it and the date
stage reads event dates. Each name is listed as written and, where it
differs, folded (hamza on alef dropped: «أيار» → «ايار»), so a lookup works
on raw and on folded text alike. Keys are lower case.
"""
from __future__ import annotations

# Levantine and Iraqi names (Syria, Lebanon, Jordan, Palestine, Iraq).
_LEVANTINE: dict[str, int] = {
    "كانون الثاني": 1, "كانون ثاني": 1,
    "شباط": 2,
    "آذار": 3, "اذار": 3,
    "نيسان": 4,
    "أيار": 5, "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8, "اب": 8,
    "أيلول": 9, "ايلول": 9,
    "تشرين الأول": 10, "تشرين الاول": 10, "تشرين أول": 10, "تشرين اول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11,
    "كانون الأول": 12, "كانون الاول": 12, "كانون أول": 12, "كانون اول": 12,
}

# Egyptian and Gulf names (transliterated Latin months).
_EGYPTIAN: dict[str, int] = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5,
    "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7,
    "أغسطس": 8, "اغسطس": 8, "آغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}

# Maghrebi names, met in North African outlets.
_MAGHREBI: dict[str, int] = {
    "جانفي": 1,
    "فيفري": 2,
    "أفريل": 4, "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويلية": 7, "يوليوز": 7,
    "أوت": 8, "اوت": 8, "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}

# English names, for bilingual stamps such as «5 مارس / March 2019».
_ENGLISH: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

MONTHS: dict[str, int] = {**_LEVANTINE, **_EGYPTIAN, **_MAGHREBI, **_ENGLISH}

WEEKDAYS: dict[str, int] = {
    # ISO numbering: Monday is 1.
    "الاثنين": 1, "الإثنين": 1, "الأثنين": 1,
    "الثلاثاء": 2,
    "الأربعاء": 3, "الاربعاء": 3,
    "الخميس": 4,
    "الجمعة": 5, "الجمعه": 5,
    "السبت": 6,
    "الأحد": 7, "الاحد": 7,
}
