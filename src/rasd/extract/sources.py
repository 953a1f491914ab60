"""Who a report is attributed to: «بحسب المرصد السوري», «أفادت مصادر محلية», «نقلت سانا».

Sources come from data/lexicon/sources.tsv. An event is credited to the sources
named in its evidence sentences, then to those of the article, then to the
outlet that published it.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasd.extract.lexicon import load_lexicon
from rasd.model import Span
from rasd.text.segment import Token


@dataclass(frozen=True, slots=True)
class SourceMention:
    """A named source of the report and where the text names it."""

    span: Span
    name: str


def find_sources(tokens: tuple[Token, ...]) -> tuple[SourceMention, ...]:
    """Every source the text names: «وقالت مصادر محلية» -> local sources."""
    found = load_lexicon("sources").find(tokens)
    return tuple(
        SourceMention(Span(tokens[m.first].span.start, tokens[m.last].span.end), m.values[0]) for m in found
    )


def sources_for(evidence: tuple[Span, ...], sources: tuple[SourceMention, ...], outlet: str | None) -> tuple[str, ...]:
    """The sources named in the evidence, else in the whole article, else the outlet."""
    inside = [s.name for s in sources if any(e.start <= s.span.start < e.end for e in evidence)]
    names = inside or [s.name for s in sources]
    if not names and outlet:
        names = [outlet]
    return tuple(dict.fromkeys(names))
