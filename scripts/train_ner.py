"""Train Rasd's named-entity recogniser and score it on the ANERcorp CAMeL test split.

Reads ANERcorp train (CC BY-SA 4.0) and the Wojood sample text (MIT) under --data
(default ../shared/data/ner) and Rasd's shipped place table, builds the feature
tables (word counts, word clusters, place names, entity lexicon), trains a CRF with
python-crfsuite and a small character-CNN + BiLSTM network with torch
(scripts/train_ner_net.py; `pip install -e '.[train]'`), and writes, under
src/rasd/data/ner/:

    anercorp-crf.crfsuite.gz     the CRF model
    anercorp-crf.tables.json.gz  the tables the features consult
    anercorp-net.npz.gz          the network's weights, which Rasd runs with numpy

Rasd adds the two models' log-probabilities (rasd.extract.ner_net.NetModel.combine).
Never reads the ANERcorp test split for training, nor CLEANANERCorp (GPL-3.0) or
the cross-dialectal sets (evaluation only). Deterministic: the same data give
byte-identical files (checked: a rebuild matched the shipped files). About 14 CPU minutes
(3 for the tables and the CRF, 11 for the network).

    python scripts/train_ner.py                  # train on all of train, score the test files
    python scripts/train_ner.py --dev --reg "0.15,0.05 0.05,0.02"
                                                 # tune: hold out the last 10% of train
    python scripts/train_ner.py --no-net         # the CRF alone (no torch needed)
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pycrfsuite
from scipy import sparse
from scipy.cluster.vq import kmeans2

from rasd.text.normalize import fold_word
from rasd.evaluate.ner_eval import read_conll, score_spans
from rasd.extract.gazetteer import load_gazetteer
from rasd.extract.ner import (
    CLUSTER_MIN_COUNT,
    MODEL_NAME,
    NET_NAME,
    TABLES_NAME,
    FeatureTables,
    NerTagger,
    bio_to_bilou,
    bio_to_spans,
    sentence_features,
    split_clitics,
)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))  # train_ner_net, imported when the network is trained
ANERCORP_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
WOJOOD_TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
ACE_TYPES = {"PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "VEH": "O", "WEA": "O"}
PLACE_CLASS = {
    "country": "major", "capital": "major", "governorate": "major", "province": "major",
    "city": "major", "district": "minor", "subdistrict": "minor", "town": "minor",
}
CLUSTER_SIZES = (32, 128, 512)


# --- data ------------------------------------------------------------------


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Rewrite each I-X that does not continue an X entity as B-X (gold files have a few)."""
    out = ["O"] * len(tags)
    for start, end, kind in bio_to_spans(tags):
        out[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return out


def load_labelled(path: Path, tag_map: dict[str, str]) -> list[tuple[list[str], list[str]]]:
    """Sentences of a gold file with types renamed (unlisted types dropped) and BIO repaired."""
    keep = {**{k: "O" for k in _types_in(path)}, **tag_map}
    return [(toks, repair_bio(tags)) for toks, tags in read_conll(path, keep)]


def _types_in(path: Path) -> set[str]:
    return {tag.partition("-")[2] for _, tags in read_conll(path) for tag in tags if tag != "O"}


def load_wojood_nested(path: Path) -> list[tuple[list[str], list[str]]]:
    """Wojood sentences keeping, per token, the outermost layer whose type maps to ours."""
    sentences, toks, layers = [], [], []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        if not line.strip():
            if toks:
                sentences.append((toks, repair_bio(_outermost(layers))))
                toks, layers = [], []
            continue
        token, *tags = line.split("\t")
        toks.append(token)
        layers.append([t for t in tags if t == "O" or t.partition("-")[2] in WOJOOD_TYPES])
    return sentences


def _outermost(layers: list[list[str]]) -> list[str]:
    out = []
    for tags in layers:
        tag = next((t for t in tags if t != "O"), "O")
        prefix, _, label = tag.partition("-")
        out.append("O" if tag == "O" else f"{prefix}-{WOJOOD_TYPES[label]}")
    return out


def read_gazetteer() -> Iterable[tuple[str, str]]:
    """(folded name key, feature class) of every name in Rasd's shipped place table."""
    gazetteer = load_gazetteer()
    for key, positions in sorted(gazetteer.by_key.items()):
        for position in positions:
            yield key, gazetteer.places[position].feature_class


# --- tables ----------------------------------------------------------------


def build_places(gazetteer: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Folded place name -> 'major' / 'minor' / 'village' (the most important class wins)."""
    rank = {"major": 0, "minor": 1, "village": 2}
    places: dict[str, str] = {}
    for name, feature_class in gazetteer:
        key = " ".join(name.split())
        kind = PLACE_CLASS.get(feature_class, "village")
        if len(key) >= 2 and rank[kind] < rank.get(places.get(key, ""), 3):
            places[key] = kind
    return places


def build_counts(texts: Iterable[Sequence[str]], places: dict[str, str]) -> dict[str, int]:
    """Folded word frequencies of the unlabelled text; every place-name word counts once more."""
    counts = Counter(fold_word(t) for toks in texts for t in toks)
    counts.update(w for name in places for w in name.split())
    return {w: n for w, n in counts.items() if w}


def stems_of(tokens: Sequence[str], counts: dict[str, int]) -> list[str]:
    """Folded, clitic-split stems of a sentence (the unit clusters and the lexicon are keyed on)."""
    return [split_clitics(fold_word(t), counts)[1] for t in tokens]


def build_lexicon(sentences, counts) -> tuple[dict[str, str], dict[str, str]]:
    """How training tagged each stem ("PER:hi", "ORG:lo", "O") and each entity's run of stems."""
    kinds: dict[str, Counter] = defaultdict(Counter)
    phrase_kinds: dict[str, Counter] = defaultdict(Counter)
    for toks, tags in sentences:
        stems = stems_of(toks, counts)
        for stem, tag in zip(stems, tags):
            kinds[stem][tag.partition("-")[2] or "O"] += 1
        for start, end, kind in bio_to_spans(tags):
            if end - start <= 6:
                phrase_kinds[" ".join(stems[start:end])][kind] += 1
    return ({stem: _lexicon_value(c) for stem, c in kinds.items()},
            {phrase: _majority(c) for phrase, c in phrase_kinds.items()})


def _majority(counter: Counter) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _lexicon_value(counter: Counter) -> str:
    entity = Counter({k: n for k, n in counter.items() if k != "O"})
    if not entity:
        return "O"
    kind = _majority(entity)
    return f"{kind}:{'hi' if entity[kind] * 2 >= sum(counter.values()) else 'lo'}"


def build_clusters(texts: Sequence[Sequence[str]], min_count: int = CLUSTER_MIN_COUNT,
                   dims: int = 80) -> dict[str, str]:
    """Stem -> 'a-b-c': k-means cluster ids at three sizes over PPMI-SVD context vectors."""
    vocab = sorted(w for w, n in Counter(w for s in texts for w in s).items() if n >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    vectors = _svd_vectors(_cooccurrence(texts, index), dims)
    levels = [_kmeans(vectors, k, seed) for seed, k in enumerate(CLUSTER_SIZES)]
    return {w: "-".join(str(level[i]) for level in levels) for w, i in index.items()}


def _cooccurrence(texts, index, window: int = 2) -> sparse.csr_matrix:
    rows, cols = [], []
    for sent in texts:
        ids = [index.get(w, -1) for w in sent]
        for i, a in enumerate(ids):
            if a < 0:
                continue
            for d in range(1, window + 1):
                for j in (i - d, i + d):
                    if 0 <= j < len(ids) and ids[j] >= 0:
                        rows.append(a)
                        cols.append(ids[j] + (len(index) if j > i else 0))  # left/right contexts
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(index), 2 * len(index)))


def _svd_vectors(counts: sparse.csr_matrix, dims: int) -> np.ndarray:
    """Unit-length rows of a randomized truncated SVD of the (smoothed) PPMI matrix."""
    counts = counts.tocoo()
    total = counts.sum()
    row = np.asarray(counts.sum(axis=1)).ravel()
    col = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    pmi = np.log(counts.data * col.sum() / (row[counts.row] * col[counts.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (counts.row[keep], counts.col[keep])), shape=counts.shape)
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(ppmi @ rng.standard_normal((ppmi.shape[1], dims + 20)))
    for _ in range(3):
        q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    b = (ppmi.T @ q).T
    u_b, s, _ = np.linalg.svd(b, full_matrices=False)
    vectors = (q @ u_b[:, :dims]) * np.sqrt(s[:dims])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    _, labels = kmeans2(vectors, k, iter=20, minit="++", seed=np.random.default_rng(seed))
    return labels


# --- features and training -------------------------------------------------


def contiguous_folds(n: int, k: int) -> list[range]:
    """k contiguous blocks of range(n): neighbouring sentences share articles, so keep them together."""
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [range(bounds[i], bounds[i + 1]) for i in range(k)]


def jackknife_features(sentences, base: FeatureTables, folds: int) -> list[list[list[str]]]:
    """Features of the training sentences as unseen text would get them.

    Each fold sees the lexicon of the other folds and word counts without its
    own words: a name met in one article only is then as new to the features
    as a name in tomorrow's news (no count, no cluster, no lexicon entry).
    """
    feats: list = [None] * len(sentences)
    for fold in contiguous_folds(len(sentences), folds):
        counts = counts_without(base.counts, [sentences[i][0] for i in fold])
        others = [s for i, s in enumerate(sentences) if i not in fold]
        tables = FeatureTables(counts, base.clusters, base.places, *build_lexicon(others, counts))
        for i in fold:
            feats[i] = sentence_features(sentences[i][0], tables)
    return feats


def counts_without(counts: dict[str, int], texts: Iterable[Sequence[str]]) -> dict[str, int]:
    """The word counts less the words of ``texts`` (which they include)."""
    held_out = Counter(fold_word(t) for toks in texts for t in toks)
    return {w: n - held_out[w] for w, n in counts.items() if n > held_out[w]}


def train_crf(features, sentences, model_path: Path, args, c1: float, c2: float) -> float:
    """Train the CRF, write the model file and return the training time in seconds."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, (_, tags) in zip(features, sentences):
        trainer.append(xseq, bio_to_bilou(tags) if args.bilou else tags)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": args.iterations,
        "feature.possible_transitions": True, "feature.minfreq": args.minfreq,
    })
    start = time.process_time()
    trainer.train(str(model_path))
    return time.process_time() - start


# --- main ------------------------------------------------------------------


def load_corpora(data: Path, args):
    """Labelled training sentences and the unlabelled texts for counts and clusters."""
    train = load_labelled(data / "anercorp_camel/train.conll", ANERCORP_TYPES)
    extra = []
    if args.wojood:
        extra = [s for split in ("train", "dev") for s in
                 load_wojood_nested(data / f"wojood_sample/{split}.nested.tsv")]
    newsfane = []
    if args.newsfane:  # the same text as ANERcorp train, clitics split: no new words, and counts
        newsfane = [toks for toks, _ in read_conll(data / "newsfane_gold/train.no_anercorp_test.conll")]
    wojood_text = [toks for split in ("train", "dev", "test") for toks, _ in
                   read_conll(data / f"wojood_sample/{split}.conll")]
    return train, extra, newsfane, wojood_text


def label_free_tables(texts, args) -> tuple[dict, dict, dict]:
    """Word counts, clusters and places: built from text alone (cached with --cache while tuning)."""
    if args.cache and args.cache.exists():
        return pickle.loads(args.cache.read_bytes())
    places = build_places(read_gazetteer())
    counts = build_counts(texts, places)
    clusters = build_clusters([stems_of(t, counts) for t in texts]) if args.clusters else {}
    if args.cache:
        args.cache.write_bytes(pickle.dumps((counts, clusters, places)))
    return counts, clusters, places


def build_tables(train, newsfane, wojood_text, args) -> FeatureTables:
    """Counts, places and clusters (label-free) plus the lexicon of the labelled training part."""
    texts = [t for t, _ in train] + newsfane + wojood_text
    counts, clusters, places = label_free_tables(texts, args)
    lexicon, phrases = build_lexicon(train, counts) if args.lexicon else ({}, {})
    return FeatureTables(counts, clusters, places if args.use_gazetteer else {}, lexicon, phrases)


def evaluate(model: bytes, tables: FeatureTables, sentences, net=None):
    tagger = NerTagger(model, tables, net)
    return score_spans([tags for _, tags in sentences], [tagger.tag(toks) for toks, _ in sentences])


def eval_sets(data: Path, args):
    sets = [("anercorp test.conll (official)", data / "anercorp_camel/test.conll", None),
            ("anercorp test.restored.conll", data / "anercorp_camel/test.restored.conll", None)]
    if args.eval_extra:
        sets += [("cleananercorp test (eval only)", data / "cleananercorp/test.conll", None),
                 ("syrian cross-dialectal (eval only; ACE)", data / "arabic_cross_dialectal/syrian.test.conll",
                  ACE_TYPES)]
    return [(name, read_conll(path, tag_map)) for name, path, tag_map in sets]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=REPO.parent / "shared/data/ner")
    p.add_argument("--out", type=Path, default=REPO / "src/rasd/data/ner")
    p.add_argument("--cache", type=Path, help="tuning only: keep the label-free tables in this pickle")
    p.add_argument("--dev", action="store_true", help="hold out the last 10%% of train; write nothing")
    p.add_argument("--reg", default="0.15,0.05", metavar="C1,C2[ C1,C2...]",
                   help="L1 and L2 regularisation; with --dev, several pairs are each trained and scored")
    p.add_argument("--iterations", type=int, default=200)
    p.add_argument("--folds", type=int, default=10, help="jackknife folds for the lexicon and counts")
    p.add_argument("--minfreq", type=float, default=0)
    p.add_argument("--no-clusters", dest="clusters", action="store_false")
    p.add_argument("--no-lexicon", dest="lexicon", action="store_false")
    p.add_argument("--no-gazetteer", dest="use_gazetteer", action="store_false")
    p.add_argument("--bio", dest="bilou", action="store_false", help="train on BIO, not BILOU tags")
    p.add_argument("--newsfane", action="store_true", help="add NewsFANE text to counts and clusters")
    p.add_argument("--wojood", action="store_true", help="add the Wojood sample (mapped) to training")
    p.add_argument("--no-net", dest="net", action="store_false",
                   help="CRF only: skip the neural tagger (training it needs torch)")
    p.add_argument("--net-epochs", type=int, default=20)
    p.add_argument("--eval-extra", action="store_true", help="also score cleananercorp and Syrian tests")
    return p.parse_args(argv)


def training_features(labelled, tables: FeatureTables, args) -> list[list[list[str]]]:
    """Attributes of every training sentence (jackknifed when the lexicon is used)."""
    if args.lexicon:
        return jackknife_features(labelled, tables, args.folds)
    return [sentence_features(toks, tables) for toks, _ in labelled]


def write_tables(tables: FeatureTables, out: Path) -> None:
    """The feature tables as gzipped JSON, byte-identical for the same data."""
    text = json.dumps(tables.to_json(), ensure_ascii=False, separators=(",", ":"))
    (out / TABLES_NAME).write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def regularisations(spec: str) -> list[tuple[float, float]]:
    """"0.1,0.01 0.5,0.05" -> [(0.1, 0.01), (0.5, 0.05)]."""
    return [tuple(float(x) for x in pair.split(",")) for pair in spec.split()]


def train_and_score(features, labelled, tables, evals, args, c1: float, c2: float, net=None) -> None:
    """Train one model and print its scores; outside --dev, ship it gzipped."""
    out = Path("/tmp/ner-dev") if args.dev else args.out
    out.mkdir(parents=True, exist_ok=True)
    model_path = out / f"ner-{c1}-{c2}.crfsuite"
    seconds = train_crf(features, labelled, model_path, args, c1, c2)
    model = model_path.read_bytes()
    if not args.dev:
        (out / MODEL_NAME).write_bytes(gzip.compress(model, compresslevel=9, mtime=0))
        model_path.unlink()
    print(f"\nc1={c1} c2={c2}: CRF trained in {seconds:.0f}s CPU; model {len(model) / 1e6:.2f} MB, "
          f"gzipped {len(gzip.compress(model, compresslevel=9)) / 1e6:.2f} MB", flush=True)
    for name, sentences in evals:
        print(f"{name}, CRF alone\n{evaluate(model, tables, sentences).format_table()}", flush=True)
        if net is not None:
            print(f"{name}, CRF + network\n{evaluate(model, tables, sentences, net).format_table()}", flush=True)


def train_network(train, tables: FeatureTables, args):
    """The neural tagger combined with the CRF, trained on the ANERcorp part (needs torch), or None."""
    if not args.net:
        return None
    from train_ner_net import write_net

    out = Path("/tmp/ner-dev") if args.dev else args.out
    return write_net(train, tables, out / NET_NAME, args.net_epochs, log=lambda m: print(m, flush=True))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.process_time()
    train, extra, newsfane, wojood_text = load_corpora(args.data, args)
    if args.dev:
        Path("/tmp/ner-dev").mkdir(exist_ok=True)
        cut = round(len(train) * 0.9)
        train, evals = train[:cut], [("held-out last 10% of train", train[cut:])]
    else:
        evals = eval_sets(args.data, args)
    tables = build_tables(train, newsfane, wojood_text, args)
    print(f"tables: {len(tables.counts)} words, {len(tables.clusters)} clustered, "
          f"{len(tables.places)} places, {len(tables.lexicon)} lexicon entries", flush=True)
    features = training_features(train + extra, tables, args)
    print(f"features built ({time.process_time() - started:.0f}s CPU)", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    write_tables(tables, Path("/tmp/ner-dev") if args.dev else args.out)
    net = train_network(train, tables, args)
    for c1, c2 in regularisations(args.reg)[: None if args.dev else 1]:
        train_and_score(features, train + extra, tables, evals, args, c1, c2, net)
    print(f"\ntotal {time.process_time() - started:.0f}s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
