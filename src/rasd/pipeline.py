"""The ordered stages that turn one raw article into an Article record.

A stage is a pure function Doc -> Doc; `STAGES` lists them in order and
`run_stages` is the loop. Resources a stage needs are loaded once, lazily,
by the stage's own module (rasd.resources), so a worker process pays for
them once.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from rasd.extract.actors import ActorMention, article_country, find_actors
from rasd.extract.dates import TimeMention, find_time_expressions
from rasd.extract.events import ArticleFacts, extract_events
from rasd.extract.numbers import CasualtyMention, find_casualties
from rasd.extract.places import PlaceMention, find_places
from rasd.extract.sources import find_sources
from rasd.ingest.read import RawArticle, scrub_surrogates, text_id
from rasd.model import Article, Span
from rasd.text.clean import clean_text
from rasd.text.language import detect_language
from rasd.text.normalize import FoldedText, fold
from rasd.text.segment import Token, split_sentences, tokenize


@dataclass(frozen=True, slots=True)
class Doc:
    """The in-flight article: the record being built plus the annotations of earlier stages."""

    article: Article
    folded: FoldedText | None = None
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    casualties: tuple[CasualtyMention, ...] = ()


Stage = Callable[[Doc], Doc]


def segment(doc: Doc) -> Doc:
    """Fold the text for matching and cut it into sentences and tokens."""
    text = doc.article.text
    return replace(doc, folded=fold(text), sentences=split_sentences(text), tokens=tokenize(text))


def locate(doc: Doc) -> Doc:
    """Find and resolve every place the article names (rasd.extract.places)."""
    return replace(doc, places=find_places(doc.article.text, doc.tokens, doc.sentences))


def name_actors(doc: Doc) -> Doc:
    """Find every actor and resolve it to its canonical name (rasd.extract.actors)."""
    article = doc.article
    actors = find_actors(article.text, doc.tokens, doc.sentences, published=article.published,
                         country=_main_country(doc), places=doc.places)
    return replace(doc, actors=actors)


def date_times(doc: Doc) -> Doc:
    """Resolve every time expression against the publication date (rasd.extract.dates)."""
    times = find_time_expressions(doc.article.text, doc.tokens, doc.sentences, published=doc.article.published)
    return replace(doc, times=times)


def count_casualties(doc: Doc) -> Doc:
    """Read every statement of people killed or injured (rasd.extract.numbers)."""
    return replace(doc, casualties=find_casualties(doc.article.text, doc.tokens, doc.sentences))


def detect_events(doc: Doc) -> Doc:
    """Turn the acts of the article into event records (rasd.extract.events)."""
    article = doc.article
    facts = ArticleFacts(
        text=article.text, tokens=doc.tokens, sentences=doc.sentences, places=doc.places,
        actors=doc.actors, times=doc.times, casualties=doc.casualties,
        published=article.published, country=_main_country(doc), outlet=article.outlet,
        sources=find_sources(doc.tokens), title_sentences=_title_sentences(article, doc.sentences),
    )
    return replace(doc, article=replace(article, events=extract_events(facts)))


def _title_sentences(article: Article, sentences: tuple[Span, ...]) -> frozenset[int]:
    """The sentences of the headline the cleaned text starts with."""
    title = (article.title or "").strip()
    if not title or not article.text.startswith(title):
        return frozenset()
    return frozenset(i for i, s in enumerate(sentences) if s.end <= len(title))


def _main_country(doc: Doc) -> str | None:
    """The country the article's places and country-bound groups say, else the one it names most
    («مقديشو» is not in the gazetteer, «جنود صوماليين» still says Somalia)."""
    return article_country(doc.places, doc.tokens)


STAGES: tuple[Stage, ...] = (segment, locate, name_actors, date_times, count_casualties, detect_events)


def start_doc(raw: RawArticle) -> Doc:
    """Clean the raw text and open the record every later stage fills in."""
    raw = scrub_surrogates(raw)
    cleaned = clean_text(raw.text, title=raw.title, url=raw.url, published=raw.published)
    language = detect_language(cleaned.text)
    warnings = list(raw.warnings)
    if language != "ar":
        warnings.append(f"not Arabic text (language: {language}); no events extracted")
    article = Article(
        id=raw.id,
        text=cleaned.text,
        url=raw.url,
        outlet=raw.outlet,
        published=raw.published or cleaned.published,
        title=cleaned.title,
        boilerplate_removed=cleaned.removed,
        language=language,
        warnings=tuple(warnings),
    )
    return Doc(article=article)


def run_stages(doc: Doc, stages: tuple[Stage, ...] = STAGES) -> Doc:
    """Apply each stage in order; non-Arabic articles stop after cleaning."""
    if doc.article.language != "ar":
        return doc
    for stage in stages:
        doc = stage(doc)
    return doc


def process_raw(raw: RawArticle) -> Article:
    """One raw article in, one clean Article record (with its events) out."""
    return run_stages(start_doc(raw)).article


def process(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Article:
    """Process article text given as a string: `process("قصفت قوات النظام ...", published="2021-07-29")`."""
    raw = RawArticle(
        id=id or text_id(text), text=text, url=url, outlet=outlet, published=published, title=title
    )
    return process_raw(raw)
