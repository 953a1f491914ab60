"""A small neural tagger (character CNN + BiLSTM) run by numpy, to combine with the CRF.

``scripts/train_ner.py`` trains it with torch and saves its weights as arrays;
at run time numpy alone computes, for each token, the probability of every
BILOU tag. ``combine_viterbi`` then adds its log-probabilities to the CRF's
(marginals) and finds the best tag sequence that is valid BILOU.

The inputs of a token are the same for training and tagging (``encode_sentence``):
its clitic-stripped stem, its clitics, its characters, its word clusters and a
few flags (gazetteer place, cue word, nisba, script).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import io
import json

import numpy as np

from rasd.extract.ner import FeatureTables, _analyse, _is_nisba, cue_words

__all__ = ["NetInputs", "NetModel", "NetVocab", "NetWeights", "TAGS", "combine_viterbi", "encode_sentence",
           "net_log_probs"]

TYPES = ("LOC", "MISC", "ORG", "PER")
TAGS = ("O", *(f"{p}-{t}" for t in TYPES for p in "BILU"))
CUE_KINDS = ("loccue", "orghead", "say", "title")
PLACE_KINDS = ("major", "minor", "village")
SHAPES = ("ar", "lat", "num")
N_FLAGS = len(CUE_KINDS) + len(PLACE_KINDS) + len(SHAPES) + 2  # + nisba, article
CLUSTER_SIZES = (32, 128, 512)
MAX_CHARS = 20  # longer words keep their first characters only
UNK, PAD = 1, 0


@dataclass(frozen=True)
class NetVocab:
    """Id of each stem, clitic string and character (0 is padding, 1 unknown)."""

    words: Mapping[str, int]
    clitics: Mapping[str, int]
    chars: Mapping[str, int]


@dataclass(frozen=True)
class NetInputs:
    """The encoded tokens of one sentence: ids and flags, one row per token."""

    words: np.ndarray  # (T,) stem ids
    clitics: np.ndarray  # (T,) clitic-string ids
    chars: np.ndarray  # (T, C) character ids, 0-padded
    clusters: np.ndarray  # (T, 3) cluster ids at three sizes, 0 for none
    flags: np.ndarray  # (T, N_FLAGS) 0/1


def _flags(stem: str, bare: str, folded: str, shape: str, tables: FeatureTables) -> list[float]:
    cues = cue_words().get(stem, frozenset()) | cue_words().get(folded, frozenset())
    place = tables.places.get(stem) or tables.places.get(bare)
    return ([float(k in cues) for k in CUE_KINDS] + [float(k == place) for k in PLACE_KINDS]
            + [float(s in shape.split("+")) for s in SHAPES]
            + [float(_is_nisba(stem)), float(stem.startswith("ال"))])


def _cluster_ids(stem: str, tables: FeatureTables) -> list[int]:
    path = tables.clusters.get(stem) if tables.counts.get(stem, 0) >= 3 else None
    return [int(c) + 1 for c in path.split("-")] if path else [0, 0, 0]


def encode_sentence(tokens: Sequence[str], tables: FeatureTables, vocab: NetVocab) -> NetInputs:
    """The network's inputs for one sentence: «وبالقاهرة» gives the stem «القاهره» and clitics «وب»."""
    toks = [_analyse(t, tables) for t in tokens]
    chars = np.zeros((len(toks), MAX_CHARS), dtype=np.int64)
    for i, tok in enumerate(toks):
        ids = [vocab.chars.get(c, UNK) for c in tok.folded[:MAX_CHARS]]
        chars[i, :len(ids)] = ids
    return NetInputs(
        np.array([vocab.words.get(t.stem, UNK) for t in toks], dtype=np.int64),
        np.array([vocab.clitics.get(t.clitics, UNK) for t in toks], dtype=np.int64),
        chars,
        np.array([_cluster_ids(t.stem, tables) for t in toks], dtype=np.int64).reshape(-1, 3),
        np.array([_flags(t.stem, t.bare, t.folded, t.shape, tables) for t in toks], dtype=np.float32)
        .reshape(-1, N_FLAGS),
    )


# --- forward pass ------------------------------------------------------------

NetWeights = Mapping[str, np.ndarray]


def _char_features(chars: np.ndarray, w: NetWeights) -> np.ndarray:
    """Max-pooled width-3 convolution over each word's characters (padding ignored)."""
    emb = w["char_emb"][chars]  # (T, C, E); the padding row is zero
    kernel, bias = w["char_conv.weight"], w["char_conv.bias"]  # (F, E, 3), (F,)
    padded = np.pad(emb, ((0, 0), (1, 1), (0, 0)))
    out = sum(np.einsum("tce,fe->tcf", padded[:, k:k + chars.shape[1]], kernel[:, :, k]) for k in range(3)) + bias
    out = np.where((chars > 0)[:, :, None], out, -np.inf)
    return np.maximum(out.max(axis=1), 0.0)  # ReLU after pooling equals pooling after ReLU


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _lstm(x: np.ndarray, w: NetWeights, suffix: str) -> np.ndarray:
    """One direction of a torch nn.LSTM layer (gates i, f, g, o) over rows of x."""
    w_ih, w_hh = w[f"lstm.weight_ih_l0{suffix}"], w[f"lstm.weight_hh_l0{suffix}"]
    gates_x = x @ w_ih.T + w[f"lstm.bias_ih_l0{suffix}"] + w[f"lstm.bias_hh_l0{suffix}"]
    hidden = w_hh.shape[1]
    h, c, out = np.zeros(hidden, np.float32), np.zeros(hidden, np.float32), []
    for g in gates_x:
        i, f, cell, o = np.split(g + w_hh @ h, 4)
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(cell)
        h = _sigmoid(o) * np.tanh(c)
        out.append(h)
    return np.stack(out)


def net_log_probs(inputs: NetInputs, w: NetWeights) -> np.ndarray:
    """(T, len(TAGS)) log-probabilities of each tag for each token."""
    clusters = [w[f"cluster_emb{k}"][inputs.clusters[:, k]] for k in range(3)]
    x = np.concatenate([w["word_emb"][inputs.words], w["clitic_emb"][inputs.clitics],
                        _char_features(inputs.chars, w), *clusters, inputs.flags], axis=1).astype(np.float32)
    h = np.concatenate([_lstm(x, w, ""), _lstm(x[::-1], w, "_reverse")[::-1]], axis=1)
    logits = h @ w["out.weight"].T + w["out.bias"]
    logits -= logits.max(axis=1, keepdims=True)
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


# --- decoding ----------------------------------------------------------------


def _allowed(prev: str, tag: str) -> bool:
    """Whether BILOU tag ``tag`` may follow ``prev`` («B-PER» is followed by «I-PER» or «L-PER»)."""
    open_prev = prev[0] in "BI"
    if tag[0] in "IL":
        return open_prev and prev[2:] == tag[2:]
    return not open_prev


def _transition_mask() -> np.ndarray:
    return np.array([[0.0 if _allowed(a, b) else -np.inf for b in TAGS] for a in TAGS])


def combine_viterbi(scores: np.ndarray) -> list[str]:
    """The valid BILOU sequence with the highest summed score; scores is (T, len(TAGS)).

    >>> s = np.full((2, len(TAGS)), -5.0); s[0, TAGS.index("B-PER")] = 0; s[1, TAGS.index("O")] = 0
    >>> s[1, TAGS.index("L-PER")] = -1
    >>> combine_viterbi(s)  # B-PER then O is no valid sequence
    ['B-PER', 'L-PER']
    """
    trans = _transition_mask()
    start = np.array([0.0 if t[0] in "OBU" else -np.inf for t in TAGS])
    end = np.array([0.0 if t[0] in "OLU" else -np.inf for t in TAGS])
    best, back = scores[0] + start, []
    for row in scores[1:]:
        total = best[:, None] + trans
        back.append(total.argmax(axis=0))
        best = total.max(axis=0) + row
    path = [int((best + end).argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return [TAGS[i] for i in reversed(path)]


# --- the shipped model ---------------------------------------------------------

NET_SHARE = 0.5  # the network's share of the combined score (the CRF has the rest)
O_PENALTY = 1.0  # subtracted from the score of O: both models miss more names than they invent


@dataclass(frozen=True)
class NetModel:
    """The network's vocabulary and weights, and how much it counts beside the CRF."""

    vocab: NetVocab
    weights: NetWeights
    share: float = NET_SHARE
    o_penalty: float = O_PENALTY

    def log_probs(self, tokens: Sequence[str], tables: FeatureTables) -> np.ndarray:
        """(T, len(TAGS)) log-probabilities of the tags of one tokenised sentence."""
        return net_log_probs(encode_sentence(tokens, tables, self.vocab), self.weights)

    def combine(self, crf_marginals: np.ndarray, tokens: Sequence[str], tables: FeatureTables) -> list[str]:
        """BILOU tags from the CRF's marginals and the network's probabilities, mixed in log space."""
        crf = np.log(np.maximum(crf_marginals, 1e-9))
        scores = (1 - self.share) * crf + self.share * self.log_probs(tokens, tables)
        scores[:, TAGS.index("O")] -= self.o_penalty
        return combine_viterbi(scores)

    def to_bytes(self) -> bytes:
        """An .npz archive (float16 weights, the vocabulary as JSON); the same model gives the same bytes."""
        vocab = {"words": self.vocab.words, "clitics": self.vocab.clitics, "chars": self.vocab.chars,
                 "share": self.share, "o_penalty": self.o_penalty}
        arrays = {name: w.astype(np.float16) for name, w in sorted(self.weights.items())}
        buffer = io.BytesIO()
        np.savez(buffer, vocab=np.array(json.dumps(vocab, ensure_ascii=False, sort_keys=True)), **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> NetModel:
        """The model from ``to_bytes``' archive (weights back in float32)."""
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            vocab = json.loads(str(archive["vocab"]))
            weights = {name: archive[name].astype(np.float32) for name in archive.files if name != "vocab"}
        return cls(NetVocab(vocab["words"], vocab["clitics"], vocab["chars"]), weights, vocab["share"],
                   vocab["o_penalty"])
