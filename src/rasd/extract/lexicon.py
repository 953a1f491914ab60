"""Word lists shipped as TSV under data/lexicon, and multi-word lookups over tokens.

A lexicon row is tab-separated; its first column is a word or a phrase as
written, which is folded word by word (`fold_word`) so the lookup works on
`Token.folded`. Lines starting with «#» and the header line (the first
other line) are skipped.

>>> from rasd.text.segment import tokenize
>>> table = PhraseTable({("اول", "امس"): -2, ("امس",): -1})
>>> tokens = tokenize("قصفت الطائرات البلدة أول أمس")
>>> table.match(tokens, 3)
(-2, 5)
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Generic, Mapping, TypeVar

from rasd.model import Span
from rasd.resources import data_path
from rasd.text.normalize import fold_word
from rasd.text.segment import Token

V = TypeVar("V")

# Proclitics a lexicon word may carry in running text, longest first:
# «وأمس», «بالأمس» (with the article: the table lists «الامس» itself), «لمقتل».
PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


@cache
def lexicon_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of data/lexicon/<name>.tsv after its header line, each a tuple of its columns."""
    path = data_path("lexicon", f"{name}.tsv")
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]
    return tuple(rows[1:])


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The folded words of a lexicon phrase: «أول أمس» -> ("اول", "امس")."""
    return tuple(fold_word(word) for word in phrase.split())


@lru_cache(maxsize=65536)
def bare_forms(folded: str) -> tuple[str, ...]:
    """The word itself, then without each proclitic it may carry: «وبمقتل» -> وبمقتل, مقتل."""
    stripped = (
        folded[len(clitic):]
        for clitic in PROCLITICS
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2
    )
    return (folded, *stripped)


@dataclass(frozen=True)
class PhraseTable(Generic[V]):
    """Phrases of folded words -> values; matches the longest phrase at a token."""

    entries: Mapping[tuple[str, ...], V]
    by_first: Mapping[str, tuple[tuple[tuple[str, ...], V], ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        groups: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for key, value in self.entries.items():
            groups.setdefault(key[0], []).append((key[1:], value))
        ordered = {first: tuple(sorted(rest, key=lambda item: -len(item[0]))) for first, rest in groups.items()}
        object.__setattr__(self, "by_first", ordered)

    def match(self, tokens: tuple[Token, ...], index: int, *, clitics: bool = True) -> tuple[V, int] | None:
        """(value, index after the phrase) of the longest phrase starting at tokens[index]."""
        if index >= len(tokens):
            return None
        firsts = bare_forms(tokens[index].folded) if clitics else (tokens[index].folded,)
        found = [self._rest(tokens, index, first) for first in firsts if first in self.by_first]
        found = [item for item in found if item is not None]
        return max(found, key=lambda item: item[1]) if found else None

    def _rest(self, tokens: tuple[Token, ...], index: int, first: str) -> tuple[V, int] | None:
        """The longest phrase opened by `first` whose other words follow tokens[index]."""
        for rest, value in self.by_first[first]:
            end = index + 1 + len(rest)
            if end <= len(tokens) and all(t.folded == w for t, w in zip(tokens[index + 1:end], rest)):
                return value, end
        return None


def sentence_index(sentences: tuple[Span, ...], offset: int) -> int:
    """Index of the sentence holding character `offset` (0 when before the first)."""
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)
