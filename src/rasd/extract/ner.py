"""Statistical named-entity recogniser: PER, ORG, LOC and MISC as ANERcorp defines them.

A linear-chain CRF (python-crfsuite) over hand-built token features, combined with
a small neural tagger (``rasd.extract.ner_net``, run by numpy): their per-token tag
probabilities are added in log space and decoded as one valid tag sequence. The
features are defined once, here, and used both by ``scripts/train_ner.py`` and at run time.
Besides the model, the tagger reads *feature tables* built by the same script:
word counts (to validate clitic stripping), word clusters, place names from the
gazetteer and an entity lexicon. Both files ship in ``rasd/data/ner/`` (CC BY-SA 4.0,
see SOURCES.md there) and are loaded once per process, on first use.

>>> [(e.start, e.end, e.label) for e in find_entities("وقال الرئيس الفرنسي جاك شيراك في باريس".split())]
[(3, 5, 'PER'), (6, 7, 'LOC')]

``find_entities_in_sentences`` does the same for the sentences of one article and
then shares names between nearby sentences (a surname met once is a person again).
"""
from __future__ import annotations

import functools
import gzip
import json
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import pycrfsuite

from rasd.model import Span
from rasd.resources import data_path
from rasd.text.normalize import fold_word, strip_article
from rasd.text.segment import Token

if TYPE_CHECKING:  # ner_net builds on this module's features, so it is imported where used
    from rasd.extract.ner_net import NetModel

__all__ = [
    "FeatureTables",
    "Entity",
    "NerTagger",
    "bio_to_spans",
    "find_entities",
    "find_entities_in_sentences",
    "propagate_labels",
    "load_tagger",
    "sentence_features",
    "split_clitics",
    "tag_sentences",
    "tag_tokens",
]

MODEL_NAME = "anercorp-crf.crfsuite.gz"
TABLES_NAME = "anercorp-crf.tables.json.gz"
NET_NAME = "anercorp-net.npz.gz"
CUES_NAME = "cue_words.tsv"
CLUSTER_MIN_COUNT = 3  # a word is clustered when seen this often in the unlabelled text
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")

# Proclitics, on folded text: conjunction, then preposition, then the article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_ARTICLE = "ال"
_MIN_STEM = 2


def _clitic_candidates(word: str) -> list[tuple[str, str]]:
    """All (proclitics, stem) readings of a folded word, the unsplit one first."""
    out = [("", word)]
    conjs = [""] + [c for c in _CONJ if word.startswith(c)]
    for conj in conjs:
        rest = word[len(conj):]
        preps = [""] + [p for p in _PREP if rest.startswith(p)]
        for prep in preps:
            stem = rest[len(prep):]
            if prep == "ل" and stem.startswith("ل"):
                stem = "ا" + stem  # لل = ل + ال, the article's alef is elided
            if (conj or prep) and len(stem) >= _MIN_STEM:
                out.append((conj + prep, stem))
    return out


def _heuristic_split(word: str) -> tuple[str, str]:
    """Conservative stripping for unknown words: a conjunction, then a preposition before ال."""
    clitics = ""
    if word[:1] in _CONJ and len(word) >= 5:
        clitics, word = word[0], word[1:]
    if word.startswith("لل") and len(word) >= 5:
        return clitics + "ل", "ا" + word[1:]
    if word[:1] in _PREP and word[1:3] == _ARTICLE and len(word) >= 5:
        return clitics + word[0], word[1:]
    return clitics, word


def split_clitics(word: str, counts: Mapping[str, int]) -> tuple[str, str]:
    """Split leading و ف ب ل ك (and لل) off a folded word, choosing the reading seen most often.

    >>> split_clitics("وبالقاهره", {"القاهره": 9})
    ('وب', 'القاهره')
    """
    best, best_count = ("", word), counts.get(word, 0)
    for clitics, stem in _clitic_candidates(word)[1:]:
        n = counts.get(stem, 0)
        if n > best_count:
            best, best_count = (clitics, stem), n
    if best_count == 0:
        return _heuristic_split(word)
    return best


# --- cue words (data) --------------------------------------------------------


@functools.cache
def cue_words() -> Mapping[str, frozenset[str]]:
    """Folded cue word -> the kinds it belongs to (title, orghead, loccue, say), from data/ner."""
    kinds: dict[str, set[str]] = {}
    for line in data_path("ner", CUES_NAME).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, words = line.partition("\t")
            for word in words.split():
                kinds.setdefault(fold_word(word), set()).add(kind)
    return MappingProxyType({word: frozenset(k) for word, k in kinds.items()})


# --- feature tables --------------------------------------------------------


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class FeatureTables:
    """Read-only lookup tables the features consult (built by scripts/train_ner.py).

    ``lexicon`` maps a stem to how it was tagged in training ("PER:hi", "ORG:lo", "O");
    ``phrases`` maps a space-joined run of stems to the entity type it was tagged with;
    ``places`` maps a folded gazetteer name to its class (major / minor / village).
    """

    counts: Mapping[str, int] = field(default_factory=dict)
    clusters: Mapping[str, str] = field(default_factory=dict)
    places: Mapping[str, str] = field(default_factory=dict)
    lexicon: Mapping[str, str] = field(default_factory=dict)
    phrases: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: Mapping) -> FeatureTables:
        """Tables from their JSON form (the inverse of ``to_json``)."""
        return cls(**{name: _frozen(data[name]) for name in _TABLE_NAMES})

    def to_json(self) -> dict:
        """A JSON-serialisable copy, keys sorted so the file is deterministic."""
        return {name: dict(sorted(getattr(self, name).items())) for name in _TABLE_NAMES}


_TABLE_NAMES = ("counts", "clusters", "places", "lexicon", "phrases")
_MAX_PHRASE_WORDS = 6


# --- token analysis --------------------------------------------------------

_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")


def word_shape(token: str) -> str:
    """A coarse class of the token's characters: 'ar', 'lat', 'num', 'punct', mixes joined by '+'."""
    kinds = [
        name
        for name, pattern in (("ar", _ARABIC), ("lat", _LATIN), ("num", _DIGIT))
        if pattern.search(token)
    ]
    if not kinds:
        return "punct" if token else "empty"
    return "+".join(kinds)


@dataclass(frozen=True)
class _Token:
    folded: str
    clitics: str
    stem: str  # clitics removed, article kept
    bare: str  # article removed too
    shape: str
    known: bool  # its stem was seen in the labelled training text


def _identity(tok: _Token) -> list[str]:
    """The token's own word forms, only for words training has seen.

    Training computes them fold by fold (jackknife), so rare names lose them
    there as unseen names do at run time, and the model learns to tag names
    from context, affixes and clusters rather than from memory.
    """
    if not tok.known:
        return ["unknown"]
    return [f"f={tok.folded}", f"stem={tok.stem}", f"bare={tok.bare}"]


def _analyse(token: str, tables: FeatureTables) -> _Token:
    folded = fold_word(token)
    clitics, stem = split_clitics(folded, tables.counts) if folded else ("", "")
    known = not tables.lexicon or stem in tables.lexicon
    return _Token(folded, clitics, stem, strip_article(stem), word_shape(folded), known)


def _phrase_marks(stems: Sequence[str], table: Mapping[str, str], min_words: int) -> list[str]:
    """BIO marks ("B-<value>", "I-<value>", "O") of the longest runs of stems found in a table."""
    marks = ["O"] * len(stems)
    i = 0
    while i < len(stems):
        for n in range(min(_MAX_PHRASE_WORDS, len(stems) - i), min_words - 1, -1):
            value = table.get(" ".join(stems[i:i + n]))
            if value:
                marks[i:i + n] = [f"B-{value}"] + [f"I-{value}"] * (n - 1)
                i += n - 1
                break
        i += 1
    return marks


def _frequency_band(count: int) -> str:
    # 0 and 1 share a band: every training word has been seen at least once
    for limit, band in ((1, "0-1"), (4, "2-4"), (19, "5-19"), (99, "20-99")):
        if count <= limit:
            return band
    return "100+"


# --- features --------------------------------------------------------------

_CLUSTER_LEVELS = ("a", "b", "c")


def _affixes(word: str) -> list[str]:
    feats = []
    for n in range(1, 5):
        if len(word) > n:
            feats += [f"p{n}={word[:n]}", f"s{n}={word[-n:]}"]
    return feats


def _char_trigrams(word: str) -> list[str]:
    padded = f"<{word}>"
    return [f"g3={padded[i:i + 3]}" for i in range(len(padded) - 2)]


def _cluster_feats(prefix: str, stem: str, tables: FeatureTables, levels: int = 3) -> list[str]:
    # A word too rare in the counts gets no cluster, as in training (where counts are jackknifed).
    path = tables.clusters.get(stem) if tables.counts.get(stem, 0) >= CLUSTER_MIN_COUNT else None
    if path is None:
        return [f"{prefix}c=none"]
    ids = path.split("-")
    return [f"{prefix}c{name}={cid}" for name, cid in zip(_CLUSTER_LEVELS[:levels], ids)]


def _lookup_feats(prefix: str, tok: _Token, tables: FeatureTables) -> list[str]:
    """Gazetteer, lexicon and trigger flags of one token, named with a position prefix."""
    feats = [f"{prefix}lex={tables.lexicon.get(tok.stem, 'unseen')}"]
    place = tables.places.get(tok.stem) or tables.places.get(tok.bare)
    if place:
        feats.append(f"{prefix}gaz={place}")
    cues = cue_words()
    kinds = cues.get(tok.stem, frozenset()) | cues.get(tok.folded, frozenset())
    feats += [f"{prefix}{kind}" for kind in sorted(kinds)]
    if _is_nisba(tok.stem):
        feats.append(f"{prefix}nisba")
    return feats


def _is_nisba(stem: str) -> bool:
    """A definite relative adjective, often a nationality before a name: «البرازيلي», «الفرنسيه»."""
    return stem.startswith(_ARTICLE) and len(stem) >= 6 and stem.endswith(("ي", "يه"))


def _token_feats(tok: _Token, tables: FeatureTables) -> list[str]:
    """Features of the token itself."""
    feats = [
        "bias",
        *_identity(tok),
        f"cl={tok.clitics}",
        f"shape={tok.shape}",
        f"len={min(len(tok.bare), 8)}",
        f"art={tok.stem.startswith(_ARTICLE)}",
        f"freq={_frequency_band(tables.counts.get(tok.stem, 0))}",
    ]
    feats += _affixes(tok.bare)
    feats += _char_trigrams(tok.bare)
    feats += _cluster_feats("", tok.stem, tables)
    feats += _lookup_feats("", tok, tables)
    return feats


def _seen_stem(tok: _Token) -> str:
    return tok.stem if tok.known else "<unk>"


def _context_feats(toks: Sequence[_Token], i: int, tables: FeatureTables) -> list[str]:
    """Features of the neighbours within two tokens, and a few conjunctions."""
    feats = []
    for d in (-2, -1, 1, 2):
        j = i + d
        if not 0 <= j < len(toks):
            feats.append(f"{d}:pad")
            continue
        tok = toks[j]
        feats += [f"{d}:stem={_seen_stem(tok)}", f"{d}:shape={tok.shape}"]
        feats += _cluster_feats(f"{d}:", tok.stem, tables, levels=2)
        feats += _lookup_feats(f"{d}:", tok, tables)
        if abs(d) == 1:
            feats += [f"{d}:s2={tok.bare[-2:]}", f"{d}:cl={tok.clitics}"]
    stem = [_seen_stem(toks[j]) if 0 <= j < len(toks) else "<pad>" for j in range(i - 2, i + 3)]
    feats += [
        f"-1|0={stem[1]}|{stem[2]}",
        f"0|1={stem[2]}|{stem[3]}",
        f"-1|1={stem[1]}|{stem[3]}",
        f"-2|-1={stem[0]}|{stem[1]}",
        f"1|2={stem[3]}|{stem[4]}",
    ]
    return feats


def sentence_features(tokens: Sequence[str], tables: FeatureTables) -> list[list[str]]:
    """The CRF attribute list of each token of one sentence.

    >>> len(sentence_features(["زار", "الوزير", "دمشق"], FeatureTables()))
    3
    """
    toks = [_analyse(t, tables) for t in tokens]
    stems = [t.stem for t in toks]
    places = _phrase_marks(stems, tables.places, min_words=2)
    phrases = _phrase_marks(stems, tables.phrases, min_words=1)
    out = []
    for i, tok in enumerate(toks):
        feats = _token_feats(tok, tables) + _context_feats(toks, i, tables)
        feats += [f"gazspan={places[i]}", f"phrase={phrases[i]}"]
        if i == 0:
            feats.append("BOS")
        if i == len(toks) - 1:
            feats.append("EOS")
        out.append(feats)
    return out


# --- BIO spans -------------------------------------------------------------


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end exclusive, type) from BIO tags, read the way conlleval reads them.

    An ``I-X`` after ``O`` or after another type opens a new entity.

    >>> bio_to_spans(["B-PER", "I-PER", "O", "I-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    spans: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start is not None and not continues:
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, label
    return spans


def bio_to_bilou(tags: Sequence[str]) -> list[str]:
    """Mark entity ends (L-) and single-token entities (U-): the scheme the CRF is trained on.

    >>> bio_to_bilou(["B-PER", "I-PER", "O", "B-LOC"])
    ['B-PER', 'L-PER', 'O', 'U-LOC']
    """
    out = ["O"] * len(tags)
    for start, end, kind in bio_to_spans(tags):
        if end - start == 1:
            out[start] = f"U-{kind}"
        else:
            out[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 2) + [f"L-{kind}"]
    return out


def bilou_to_bio(tags: Sequence[str]) -> list[str]:
    """Back from BILOU to BIO: L- becomes I-, U- becomes B-.

    >>> bilou_to_bio(["B-PER", "L-PER", "O", "U-LOC"])
    ['B-PER', 'I-PER', 'O', 'B-LOC']
    """
    rename = {"L": "I", "U": "B"}
    return [f"{rename.get(t[0], t[0])}{t[1:]}" if t != "O" else t for t in tags]


# --- the tagger ------------------------------------------------------------


class NerTagger:
    """A loaded CRF model, its feature tables and, if given, the neural tagger combined with it.

    Safe to share between threads.
    """

    def __init__(self, model: bytes, tables: FeatureTables, net: NetModel | None = None):
        self.tables = tables
        self.net = net
        self._model = model  # crfsuite reads the model from this buffer without copying it
        self._crf = pycrfsuite.Tagger()
        self._crf.open_inmemory(model)
        self._labels = frozenset(self._crf.labels())
        self._lock = threading.Lock()  # a crfsuite tagger holds per-call state

    def stem(self, word: str) -> str:
        """The folded, clitic-stripped stem the features use: «وبالقاهرة» -> «القاهره»."""
        return split_clitics(fold_word(word), self.tables.counts)[1]

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags for one tokenised sentence."""
        if not tokens:
            return []
        features = sentence_features(tokens, self.tables)
        if self.net is None:
            with self._lock:
                return bilou_to_bio(self._crf.tag(features))
        return bilou_to_bio(self.net.combine(self.crf_marginals(features), tokens, self.tables))

    def crf_marginals(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens, len(TAGS)) probability of each BILOU tag at each token, by the CRF alone."""
        from rasd.extract.ner_net import TAGS

        with self._lock:
            self._crf.set(features)
            return np.array([[self._crf.marginal(tag, i) if tag in self._labels else 0.0 for tag in TAGS]
                             for i in range(len(features))])


@functools.cache
def load_tagger() -> NerTagger:
    """The shipped NER model and its tables, loaded once per process."""
    tables = json.loads(gzip.decompress(data_path("ner", TABLES_NAME).read_bytes()))
    from rasd.extract.ner_net import NetModel

    net_path = data_path("ner", NET_NAME)
    net = NetModel.from_bytes(gzip.decompress(net_path.read_bytes())) if net_path.exists() else None
    return NerTagger(gzip.decompress(data_path("ner", MODEL_NAME).read_bytes()),
                     FeatureTables.from_json(tables), net)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: tokens [start, end) of the sentence, its type, and its characters if known."""

    start: int
    end: int
    label: str  # PER, ORG, LOC or MISC
    span: Span | None = None  # set when the tokens were rasd Token objects


def _words(tokens: Sequence[Token | str]) -> list[str]:
    return [token if isinstance(token, str) else token.text for token in tokens]


def tag_tokens(tokens: Sequence[Token | str]) -> list[str]:
    """BIO tags (B-PER, I-ORG, O, ...) for the tokens of one sentence.

    >>> tag_tokens(["استقبل", "الرئيس", "ميشال", "عون", "في", "بيروت"])
    ['O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC']
    """
    return load_tagger().tag(_words(tokens))


def _char_span(tokens: Sequence[Token | str], start: int, end: int) -> Span | None:
    first, last = tokens[start], tokens[end - 1]
    if isinstance(first, str) or isinstance(last, str):
        return None
    return Span(first.span.start, last.span.end)


def find_entities(tokens: Sequence[Token | str]) -> tuple[Entity, ...]:
    """The named entities of one sentence, given as rasd Tokens (spans filled in) or strings.

    >>> find_entities("وقال الرئيس جاك شيراك في باريس".split())
    (Entity(start=2, end=4, label='PER', span=None), Entity(start=5, end=6, label='LOC', span=None))
    """
    return tuple(
        Entity(start, end, label, _char_span(tokens, start, end))
        for start, end, label in bio_to_spans(tag_tokens(tokens))
    )


# --- document context ------------------------------------------------------

CONTEXT_WINDOW = 20  # sentences either side that share their names (about one article)


def _name_votes(stems: Sequence[str], tags: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """(stems, type) of each one-word entity, and of the last word (surname) of each person.

    Longer names are not shared: on held-out ANERcorp that lowered F1.
    """
    return [((stems[end - 1],), label) for start, end, label in bio_to_spans(tags)
            if end - start == 1 or label == "PER"]


def _may_propagate(name: tuple[str, ...], tables: FeatureTables) -> bool:
    """Whether a name may take a type found elsewhere: not one short, common or cue word."""
    if len(name) > 1:
        return True
    return len(name[0]) >= 3 and tables.lexicon.get(name[0]) != "O" and name[0] not in cue_words()


def _unambiguous(votes: Iterable[tuple[tuple[str, ...], str]], tables: FeatureTables) -> dict:
    """Name -> type, for the names found with a single type that may be propagated."""
    kinds: dict[tuple[str, ...], set[str]] = {}
    for name, label in votes:
        kinds.setdefault(name, set()).add(label)
    return {name: next(iter(k)) for name, k in kinds.items() if len(k) == 1 and _may_propagate(name, tables)}


def _tag_mentions(stems: Sequence[str], tags: Sequence[str], names: Mapping) -> list[str]:
    """The tags with every untagged run of stems that is a known name tagged as it (longest first)."""
    out, i = list(tags), 0
    longest = max((len(name) for name in names), default=0)
    while i < len(stems):
        for n in range(min(longest, len(stems) - i), 0, -1):
            label = names.get(tuple(stems[i:i + n]))
            if label and all(tag == "O" for tag in out[i:i + n]):
                out[i:i + n] = [f"B-{label}"] + [f"I-{label}"] * (n - 1)
                i += n - 1
                break
        i += 1
    return out


def propagate_labels(stems: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                     tables: FeatureTables, window: int = CONTEXT_WINDOW) -> list[list[str]]:
    """Tag the untagged mentions of names the tagger found in nearby sentences.

    A reader who met «رامسفيلد» as a person two sentences ago knows the bare
    «رامسفيلد» is one too; a name tagged with two different types is left alone.
    """
    votes = [_name_votes(s, t) for s, t in zip(stems, tags)]
    out = []
    for i, (sentence, sentence_tags) in enumerate(zip(stems, tags)):
        near = (v for sentence_votes in votes[max(0, i - window):i + window + 1] for v in sentence_votes)
        out.append(_tag_mentions(sentence, sentence_tags, _unambiguous(near, tables)))
    return out


def tag_sentences(sentences: Sequence[Sequence[Token | str]], window: int = CONTEXT_WINDOW) -> list[list[str]]:
    """BIO tags of consecutive sentences of one text, names shared across ``window`` sentences."""
    tagger = load_tagger()
    words = [_words(s) for s in sentences]
    tags = [tagger.tag(w) for w in words]
    stems = [[tagger.stem(word) for word in sentence] for sentence in words]
    return propagate_labels(stems, tags, tagger.tables, window)


def find_entities_in_sentences(sentences: Sequence[Sequence[Token | str]],
                               window: int = CONTEXT_WINDOW) -> tuple[tuple[Entity, ...], ...]:
    """The entities of each sentence of one article, each sentence helped by its neighbours.

    >>> find_entities_in_sentences([["قال", "الوزير", "كمال", "دياب"], ["وأضاف", "دياب"]])[1]
    (Entity(start=1, end=2, label='PER', span=None),)
    """
    return tuple(
        tuple(Entity(start, end, label, _char_span(tokens, start, end)) for start, end, label in bio_to_spans(tags))
        for tokens, tags in zip(sentences, tag_sentences(sentences, window))
    )
