"""Multi-word phrase lexicons matched over tokens, through clitics and the article.

A lexicon is a TSV file under data/lexicon/: the first column is a phrase as
written («عبوة ناسفة»), the others are its values. Matching folds both sides
(rasd.text.normalize.fold_word), reads the first word through its proclitics
(«بعبوة» -> «عبوة», «والقصف» -> «قصف») and drops the article of every word, so
«السيارة المفخخة» finds the entry «سيارة مفخخة». Longest phrase wins.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.resources import data_path
from rasd.text.normalize import fold_word
from rasd.text.segment import Token, analyze


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


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The matching key of a phrase: folded words without articles.

    Only a written «ال» is an article: «ألقت» keeps its «ال» («القت»), so it never meets «وقت».
    """
    return tuple(bare(fold_word(word)) if word.startswith("ال") else fold_word(word) for word in phrase.split())


@dataclass(frozen=True)
class PhraseLexicon:
    """Entries indexed by their first word; each list is longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]

    def match_at(self, tokens: tuple[Token, ...], index: int) -> PhraseMatch | None:
        """The longest entry starting at tokens[index], if any."""
        for head, definite in first_word_keys(tokens[index]):
            for rest, values in self.by_first.get(head, ()):
                if _rest_matches(tokens, index + 1, rest):
                    return PhraseMatch(index, index + len(rest), values, definite)
        return None

    def find(self, tokens: tuple[Token, ...]) -> list[PhraseMatch]:
        """Every non-overlapping match, left to right."""
        found, index = [], 0
        while index < len(tokens):
            match = self.match_at(tokens, index)
            if match:
                found.append(match)
                index = match.last + 1
            else:
                index += 1
        return found


def first_word_keys(token: Token) -> list[tuple[str, bool]]:
    """Readings of a phrase's first word: whole, then through proclitics (no pronoun)."""
    keys = [(token.folded, False), (bare(token.folded), token.folded.startswith("ال"))]
    for analysis in analyze(token.text)[1:]:
        if not analysis.enclitic:
            definite = analysis.has_article or analysis.stem.startswith("ال")
            keys += [(analysis.stem, analysis.has_article), (bare(analysis.stem), definite)]
    return keys


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
        key = phrase_key(phrase)
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
