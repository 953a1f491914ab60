"""Word lists shipped as TSV under data/lexicon, and multi-word lookups over tokens.

A lexicon row is tab-separated; its first column is a word or a phrase as
written, folded word by word (`fold_word`) so the lookup works on
`Token.folded`. Lines starting with «#» and the header line are skipped.

Two lookups share the files:
- `PhraseTable`: exact phrases -> one value each, the first word read through
  its proclitics (dates, numbers): «وأول أمس».
- `PhraseLexicon` (`load_lexicon`): phrases -> value columns, the first word read
  through every clitic reading and every word without its article (acts,
  weapons, sources): «بالقصف المدفعي» finds «قصف مدفعي».

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
from rasd.text.segment import Token, analyze

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


WORD_MEMO_LIMIT = 200_000  # words remembered per lexicon before the memo starts afresh


@dataclass(frozen=True)
class PhraseTable(Generic[V]):
    """Phrases of folded words -> values; matches the longest phrase at a token."""

    entries: Mapping[tuple[str, ...], V]
    by_first: Mapping[str, tuple[tuple[tuple[str, ...], V], ...]] = field(init=False, repr=False)
    _first_memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

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
        folded = tokens[index].folded
        firsts = self._firsts(folded) if clitics else (folded,) if folded in self.by_first else ()
        best = None
        for first in firsts:  # most words open no phrase: no loop at all
            found = self._rest(tokens, index, first)
            if found is not None and (best is None or found[1] > best[1]):
                best = found  # the longest; the first of equals, as max() gives
        return best

    def _firsts(self, folded: str) -> tuple[str, ...]:
        """The clitic-stripped forms of a word that open some phrase, remembered per word."""
        firsts = self._first_memo.get(folded)
        if firsts is None:
            memo = self._first_memo
            if len(memo) > WORD_MEMO_LIMIT:
                memo.clear()
            firsts = memo[folded] = tuple(first for first in bare_forms(folded) if first in self.by_first)
        return firsts

    def _rest(self, tokens: tuple[Token, ...], index: int, first: str) -> tuple[V, int] | None:
        """The longest phrase opened by `first` whose other words follow tokens[index]."""
        for rest, value in self.by_first[first]:
            end = index + 1 + len(rest)
            if end <= len(tokens) and all(t.folded == w for t, w in zip(tokens[index + 1:end], rest)):
                return value, end
        return None


def sentence_index(sentences: tuple[Span, ...], offset: int) -> int:
    """Index of the sentence holding character `offset` (0 when before the first)."""
    return max(bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1, 0)


# -- phrase lexicons with clitics and articles ----------------------------------


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Tokens first..last (inclusive) matched an entry whose values are `values`."""

    first: int
    last: int
    values: tuple[str, ...]
    definite: bool  # the first word carried the article: «القصف», «بالقصف»


def bare(word: str) -> str:
    """A folded word without its article, when 2+ letters remain: «القصف» -> «قصف»."""
    return word[2:] if word.startswith("ال") and len(word) >= 4 else word


def match_key(phrase: str) -> tuple[str, ...]:
    """The matching key of a phrase: folded words without articles.

    Only a written «ال» is an article: «ألقت» keeps its «ال» («القت»), so it never meets «وقت».
    """
    return tuple(bare(fold_word(word)) if word.startswith("ال") else fold_word(word) for word in phrase.split())


@dataclass(frozen=True)
class PhraseLexicon:
    """Entries indexed by their first word; each list is longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]
    # Per word as written: its readings that open some entry (most words open none, so the
    # lookup stops at one dict access).
    _heads: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def match_at(self, tokens: tuple[Token, ...], index: int) -> PhraseMatch | None:
        """The longest entry starting at tokens[index], if any."""
        token = tokens[index]
        heads = self._heads.get((token.text, token.folded))
        if heads is None:
            if len(self._heads) > WORD_MEMO_LIMIT:
                self._heads.clear()  # a stream of millions of articles: memory stays bounded
            heads = tuple(key for key in first_word_keys(token) if key[0] in self.by_first)
            self._heads[(token.text, token.folded)] = heads
        by_first = self.by_first
        for head, definite in heads:
            for rest, values in by_first[head]:
                if _rest_matches(tokens, index + 1, rest):
                    return PhraseMatch(index, index + len(rest), values, definite)
        return None

    def find(self, tokens: tuple[Token, ...]) -> list[PhraseMatch]:
        """Every non-overlapping match, left to right."""
        found, index, heads = [], 0, self._heads
        while index < len(tokens):
            token = tokens[index]  # a word known to open no entry is passed over without a call
            match = None if heads.get((token.text, token.folded)) == () else self.match_at(tokens, index)
            if match:
                found.append(match)
                index = match.last + 1
            else:
                index += 1
        return found


def first_word_keys(token: Token) -> tuple[tuple[str, bool], ...]:
    """Readings of a phrase's first word: whole, then through proclitics (no pronoun)."""
    return _word_keys(token.text, token.folded)


@lru_cache(maxsize=65536)
def _word_keys(text: str, folded: str) -> tuple[tuple[str, bool], ...]:
    keys = [(folded, False), (bare(folded), folded.startswith("ال"))]
    for analysis in analyze(text)[1:]:
        if not analysis.enclitic:
            definite = analysis.has_article or analysis.stem.startswith("ال")
            keys += [(analysis.stem, analysis.has_article), (bare(analysis.stem), definite)]
    return tuple(dict.fromkeys(keys))


def _rest_matches(tokens: tuple[Token, ...], start: int, rest: tuple[str, ...]) -> bool:
    if start + len(rest) > len(tokens):
        return False
    return all(tokens[start + i].folded in (word, "ال" + word) for i, word in enumerate(rest))


def parse_rows(text: str) -> list[tuple[str, ...]]:
    """The data rows of a TSV lexicon: comments (#) and the header (first cell «phrase») skipped."""
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            cells = tuple(cell.strip() for cell in line.split("\t"))
            if cells[0] != "phrase":
                rows.append(cells)
    return rows


def build_lexicon(rows: list[tuple[str, ...]]) -> PhraseLexicon:
    """Index rows (phrase, value...) by the first word of the phrase's key."""
    by_first: dict[str, list] = {}
    for phrase, *values in rows:
        key = match_key(phrase)
        if key:
            by_first.setdefault(key[0], []).append((key[1:], tuple(values)))
    return PhraseLexicon({
        head: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
        for head, entries in by_first.items()
    })


@cache
def load_lexicon(name: str) -> PhraseLexicon:
    """The lexicon data/lexicon/<name>.tsv, read once per process."""
    text = data_path("lexicon", f"{name}.tsv").read_text(encoding="utf-8")
    return build_lexicon(parse_rows(text))
