"""The clitics a known name may carry in running text, shared by the place and actor matchers.

A matcher finds «جيش» inside «للجيش» or «درعا» inside «ودرعا»; `name_key` says which
entry of its table that match stands for, once the letters before it are accounted for.
"""
from __future__ import annotations

from collections.abc import Container

# Letters that may stand before a name: conjunctions and prepositions, alone or stacked.
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# The same with the article («وال»), and «لل» where ل + ال merge.
ARTICLE_PREFIXES = frozenset({p + "ال" for p in PROCLITICS} | {"لل", "ولل", "فلل"})
# Every run of letters `name_key` may accept before a name: a matcher can drop other hits unseen.
NAME_PREFIXES = PROCLITICS | ARTICLE_PREFIXES


def name_key(prefix: str, found: str, known: Container[str]) -> str | None:
    """The key of `known` a match stands for: ("لل", "جيش") -> "الجيش", ("و", "درعا") -> "درعا"."""
    if prefix in ARTICLE_PREFIXES and not found.startswith("ال"):
        key = "ال" + found
        return key if key in known else None
    if prefix in PROCLITICS and found in known:
        return found
    return None
