"""Train the small neural NER tagger (character CNN + BiLSTM) that Rasd runs with numpy.

Needs torch (training only: `pip install torch`); run by scripts/train_ner.py, or alone
to tune it on the held-out last 10% of ANERcorp train:

    python scripts/train_ner_net.py --dev --cache /tmp/ner-tables.pkl

Deterministic on CPU: one thread, fixed seeds, data in file order.
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rasd.extract.ner import FeatureTables, bilou_to_bio, bio_to_bilou  # noqa: E402
from rasd.extract.ner_net import (  # noqa: E402
    CLUSTER_SIZES, N_FLAGS, TAGS, NetInputs, NetModel, NetVocab, combine_viterbi, encode_sentence, net_log_probs,
)

TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


class Net(nn.Module):
    """The network whose weights ner_net.net_log_probs reads (same names, same order)."""

    def __init__(self, vocab: NetVocab, word_dim=64, char_dim=24, filters=64, hidden=128):
        super().__init__()
        self.word_emb = nn.Embedding(len(vocab.words) + 2, word_dim)
        self.clitic_emb = nn.Embedding(len(vocab.clitics) + 2, 8)
        self.char_emb = nn.Embedding(len(vocab.chars) + 2, char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dim, filters, 3, padding=1)
        dims = (8, 16, 16)
        for k, (size, dim) in enumerate(zip(CLUSTER_SIZES, dims)):
            setattr(self, f"cluster_emb{k}", nn.Embedding(size + 1, dim))
        self.drop = nn.Dropout(0.5)
        self.lstm = nn.LSTM(word_dim + 8 + filters + sum(dims) + N_FLAGS, hidden,
                            batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, len(TAGS))

    def forward(self, words, clitics, chars, clusters, flags, lengths):
        b, t, c = chars.shape
        emb = self.char_emb(chars.view(b * t, c)).transpose(1, 2)
        conv = self.char_conv(emb).masked_fill((chars.view(b * t, 1, c) == 0), -1e4)
        char_feats = torch.relu(conv.max(dim=2).values).view(b, t, -1)
        cl = [getattr(self, f"cluster_emb{k}")(clusters[:, :, k]) for k in range(3)]
        x = torch.cat([self.word_emb(words), self.clitic_emb(clitics), char_feats, *cl, flags], dim=2)
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
        return self.out(self.drop(h))


def build_vocab(sentences, tables: FeatureTables, min_count: int = 2) -> NetVocab:
    """Stems seen min_count times in the labelled text, every clitic string and character seen."""
    from rasd.extract.ner import _analyse

    toks = [_analyse(t, tables) for words, _ in sentences for t in words]
    stems = Counter(t.stem for t in toks)
    chars = Counter(c for t in toks for c in t.folded)
    ids = lambda keys: {k: i + 2 for i, k in enumerate(sorted(keys))}  # noqa: E731
    return NetVocab(ids(s for s, n in stems.items() if n >= min_count),
                    ids({t.clitics for t in toks}), ids(c for c, n in chars.items() if n >= 2))


def _padded(arrays: Sequence[np.ndarray], length: int, fill: int = 0) -> torch.Tensor:
    """Arrays of different first dimensions stacked into one tensor, padded to ``length`` rows."""
    pad = [np.pad(a, [(0, length - len(a))] + [(0, 0)] * (a.ndim - 1), constant_values=fill) for a in arrays]
    return torch.from_numpy(np.stack(pad))


def _batch(items: Sequence[tuple[NetInputs, np.ndarray]]):
    """Padded input tensors, lengths and gold tag ids (-101, ignored, on padding) of a batch."""
    t = max(len(tags) for _, tags in items)
    inputs = [x for x, _ in items]
    fields = [_padded([getattr(x, name) for x in inputs], t) for name in ("words", "clitics", "chars", "clusters",
                                                                         "flags")]
    gold = _padded([tags for _, tags in items], t, fill=-101)
    return (*fields, torch.tensor([len(tags) for _, tags in items]), gold)


def _drop_words(words: torch.Tensor, singletons: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Replace words seen rarely in training by the unknown id half of the time."""
    drop = torch.rand(words.shape, generator=gen) < 0.5
    return torch.where(drop & singletons[words], torch.ones_like(words), words)


def train_net(sentences, tables: FeatureTables, epochs: int = 20, seed: int = 0, log=print, after_epoch=None):
    """Train the network on (tokens, BIO tags) sentences; returns (vocab, weights as numpy arrays)."""
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    vocab = build_vocab(sentences, tables)
    data = [(encode_sentence(w, tables, vocab), np.array([TAG_INDEX[t] for t in bio_to_bilou(tags)]))
            for w, tags in sentences]
    rare = _rare_ids(sentences, tables, vocab)
    net = Net(vocab)
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    gen = torch.Generator().manual_seed(seed)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-101)
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(data), generator=gen).tolist()
        total, started = 0.0, time.process_time()
        for i in range(0, len(order), 32):
            words, clitics, chars, clusters, flags, lengths, gold = _batch([data[j] for j in order[i:i + 32]])
            logits = net(_drop_words(words, rare, gen), clitics, chars, clusters, flags, lengths)
            loss = loss_fn(logits.reshape(-1, len(TAGS)), gold.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        log(f"epoch {epoch + 1}: loss {total:.1f} ({time.process_time() - started:.0f}s CPU)")
        if after_epoch:
            after_epoch(epoch + 1, vocab, net)
    return vocab, {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}


def _rare_ids(sentences, tables, vocab: NetVocab) -> torch.Tensor:
    from rasd.extract.ner import _analyse

    counts = Counter(_analyse(t, tables).stem for words, _ in sentences for t in words)
    rare = torch.zeros(len(vocab.words) + 2, dtype=torch.bool)
    for stem, i in vocab.words.items():
        rare[i] = counts[stem] <= 2
    return rare


def weights_as_numpy(weights: dict) -> dict:
    """Rename torch's parameter names to the ones net_log_probs reads."""
    rename = {"word_emb.weight": "word_emb", "clitic_emb.weight": "clitic_emb", "char_emb.weight": "char_emb",
              **{f"cluster_emb{k}.weight": f"cluster_emb{k}" for k in range(3)}}
    return {rename.get(k, k): v for k, v in weights.items()}


def tag_with_net(sentences, tables, vocab, weights) -> list[list[str]]:
    return [bilou_to_bio(combine_viterbi(net_log_probs(encode_sentence(w, tables, vocab), weights)))
            for w in sentences]


def write_net(sentences, tables: FeatureTables, path: Path, epochs: int = 20, log=print) -> NetModel:
    """Train the network on all the labelled sentences and ship it gzipped (byte-identical per data)."""
    vocab, weights = train_net(sentences, tables, epochs, log=log)
    model = NetModel(vocab, weights_as_numpy(weights))
    path.write_bytes(gzip.compress(model.to_bytes(), compresslevel=9, mtime=0))
    return model


def main(argv=None) -> int:
    import pickle

    from train_ner import ANERCORP_TYPES, build_lexicon, load_labelled
    from rasd.evaluate.ner_eval import score_spans

    p = argparse.ArgumentParser()
    p.add_argument("--data", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared/data/ner")
    p.add_argument("--cache", type=Path, required=True)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--save", type=Path)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    train = load_labelled(args.data / "anercorp_camel/train.conll", ANERCORP_TYPES)
    cut = round(len(train) * 0.9)
    train, dev = train[:cut], train[cut:]
    counts, clusters, places = pickle.loads(args.cache.read_bytes())
    tables = FeatureTables(counts, clusters, places, *build_lexicon(train, counts))
    def save(epoch, vocab, net):
        if args.save and epoch % 4 == 0:
            weights = weights_as_numpy({k: v.detach().numpy().copy() for k, v in net.state_dict().items()})
            Path(f"{args.save}.{epoch}").write_bytes(pickle.dumps((vocab, weights)))

    vocab, weights = train_net(train, tables, args.epochs, args.seed, after_epoch=save)
    weights = weights_as_numpy(weights)
    pred = tag_with_net([w for w, _ in dev], tables, vocab, weights)
    print(score_spans([t for _, t in dev], pred).format_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
