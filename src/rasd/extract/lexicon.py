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
from dataclasses import dataclass
from functools import cache
from typing import Generic, Iterator, Mapping, TypeVar

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


def bare_forms(folded: str) -> Iterator[str]:
    """The word itself, then without each proclitic it may carry: «وبمقتل» -> وبمقتل, مقتل."""
    yield folded
    for clitic in PROCLITICS:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 2:
            yield folded[len(clitic):]


@dataclass(frozen=True)
class PhraseTable(Generic[V]):
    """Phrases of folded words -> values; matches the longest phrase at a token."""

    entries: Mapping[tuple[str, ...], V]

    @property
    def longest(self) -> int:
        return max((len(key) for key in self.entries), default=0)

    def match(self, tokens: tuple[Token, ...], index: int, *, clitics: bool = True) -> tuple[V, int] | None:
        """(value, index after the phrase) of the longest phrase starting at tokens[index]."""
        if index >= len(tokens):
            return None
        firsts = tuple(bare_forms(tokens[index].folded)) if clitics else (tokens[index].folded,)
        for size in range(min(self.longest, len(tokens) - index), 0, -1):
            rest = tuple(token.folded for token in tokens[index + 1:index + size])
            for first in firsts:
                value = self.entries.get((first, *rest))
                if value is not None:
                    return value, index + size
        return None


def sentence_index(sentences: tuple[Span, ...], offset: int) -> int:
    """Index of the sentence holding character `offset` (0 when before the first)."""
    starts = [s.start for s in sentences]
    return max(bisect.bisect_right(starts, offset) - 1, 0)
