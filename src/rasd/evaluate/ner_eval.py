"""Entity-level scores of the NER tagger on a CoNLL file, counted the way conlleval counts them.

An entity counts as correct when its tokens and its type both match the gold exactly
(micro-averaged over every type in the file). `rasd ner-eval FILE` prints the table.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rasd.extract.ner import bio_to_spans

__all__ = ["NerReport", "Score", "evaluate_ner", "read_conll", "score_spans"]

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path, tag_map: Mapping[str, str] | None = None) -> list[Sentence]:
    """Sentences of a ``token<TAB>tag`` file as (tokens, tags); ``tag_map`` renames entity types.

    A type mapped to ``"O"`` is dropped (its tokens become ``O``): {"GPE": "LOC", "VEH": "O"}.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*Path(path).read_text(encoding="utf-8").split("\n"), ""]:
        if line.strip():
            token, _, tag = line.rpartition("\t")
            tokens.append(token)
            tags.append(_rename(tag.strip(), tag_map))
        elif tokens:
            sentences.append((tokens, tags))
            tokens, tags = [], []
    return sentences


def _rename(tag: str, tag_map: Mapping[str, str] | None) -> str:
    if tag == "O" or not tag_map:
        return tag
    prefix, _, label = tag.partition("-")
    label = tag_map.get(label, label)
    return "O" if label == "O" else f"{prefix}-{label}"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of correct, guessed and gold entities, with precision, recall and F1."""

    correct: int
    guessed: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.guessed if self.guessed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "gold": self.gold,
                "guessed": self.guessed, "correct": self.correct}


@dataclass(frozen=True, slots=True)
class NerReport:
    """Micro-averaged and per-type scores of one tagged file."""

    micro: Score
    types: Mapping[str, Score]

    def to_dict(self) -> dict:
        return {"micro": self.micro.to_dict(), "types": {k: s.to_dict() for k, s in self.types.items()}}

    def format_table(self) -> str:
        """One row per type, then the micro average: type, P, R, F1, gold count."""
        rows = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for kind, s in [*self.types.items(), ("micro", self.micro)]:
            rows.append(f"{kind:<6} {s.precision:6.4f} {s.recall:6.4f} {s.f1:6.4f} {s.gold:6d}")
        return "\n".join(rows)


def score_spans(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> NerReport:
    """Exact-match entity scores of predicted against gold BIO sequences, sentence by sentence.

    >>> score_spans([["B-PER", "I-PER", "O"]], [["B-PER", "O", "O"]]).micro.f1
    0.0
    """
    correct, guessed, expected = Counter(), Counter(), Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        gold_spans, pred_spans = set(bio_to_spans(gold_tags)), set(bio_to_spans(pred_tags))
        expected.update(kind for _, _, kind in gold_spans)
        guessed.update(kind for _, _, kind in pred_spans)
        correct.update(kind for _, _, kind in gold_spans & pred_spans)
    kinds = sorted(set(expected) | set(guessed))
    micro = Score(sum(correct.values()), sum(guessed.values()), sum(expected.values()))
    return NerReport(micro, {k: Score(correct[k], guessed[k], expected[k]) for k in kinds})


def evaluate_ner(conll_path: str | Path, tag_map: Mapping[str, str] | None = None,
                 context: bool = False) -> NerReport:
    """Tag every sentence of a gold CoNLL file with the shipped model and score it.

    With ``context``, the file is read as running text: names found in nearby
    sentences are shared (rasd.extract.ner.tag_sentences), as within an article.
    """
    from rasd.extract.ner import tag_sentences, tag_tokens

    sentences = read_conll(conll_path, tag_map)
    tokens = [words for words, _ in sentences]
    predicted = tag_sentences(tokens) if context else [tag_tokens(words) for words in tokens]
    return score_spans([tags for _, tags in sentences], predicted)
