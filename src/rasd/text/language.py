"""Which language an article is in, from its letters (no model needed for the cases Rasd meets)."""
from __future__ import annotations

import re

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ENGLISH_WORDS = re.compile(r"\b(the|and|of|in|to|was|were|is|that|for|on|with)\b", re.I)


def detect_language(text: str) -> str:
    """'ar' when most letters are Arabic («قصفت قوات النظام البلدة» → 'ar'), else 'en' or 'und'."""
    sample = text[:20000]
    arabic = len(_ARABIC_LETTER.findall(sample))
    latin = len(_LATIN_LETTER.findall(sample))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic >= latin:
        return "ar"
    return "en" if len(_ENGLISH_WORDS.findall(sample)) >= 3 else "und"
