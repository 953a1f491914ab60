"""Tests of the neural NER tagger's inputs, numpy forward pass, decoding and storage (rasd.extract.ner_net)."""
import numpy as np

from rasd.extract.ner import FeatureTables, load_tagger, tag_tokens
from rasd.extract.ner_net import (
    CUE_KINDS,
    N_FLAGS,
    PLACE_KINDS,
    TAGS,
    NetModel,
    NetVocab,
    combine_viterbi,
    encode_sentence,
    net_log_probs,
)

TABLES = FeatureTables(counts={"القاهره": 5, "دمشق": 4}, places={"دمشق": "major"}, clusters={"دمشق": "3-40-300"})
VOCAB = NetVocab(words={"القاهره": 2, "دمشق": 3, "الوفد": 4}, clitics={"": 2, "و": 3, "وب": 4},
                 chars={c: i + 2 for i, c in enumerate("ابتدشفقلمهوير")})


def tiny_model(seed: int = 0, hidden: int = 4, filters: int = 5) -> NetModel:
    """A randomly initialised network with the shipped layout and small sizes."""
    rng = np.random.default_rng(seed)
    dims = {"word_emb": (5, 6), "clitic_emb": (5, 8), "char_emb": (16, 3), "cluster_emb0": (33, 8),
            "cluster_emb1": (129, 16), "cluster_emb2": (513, 16)}
    weights = {name: rng.normal(size=shape).astype(np.float32) for name, shape in dims.items()}
    weights["char_emb"][0] = 0  # the padding row
    weights["char_conv.weight"] = rng.normal(size=(filters, 3, 3)).astype(np.float32)
    weights["char_conv.bias"] = rng.normal(size=filters).astype(np.float32)
    width = 6 + 8 + filters + 8 + 16 + 16 + N_FLAGS
    for suffix in ("", "_reverse"):
        weights[f"lstm.weight_ih_l0{suffix}"] = rng.normal(size=(4 * hidden, width)).astype(np.float32)
        weights[f"lstm.weight_hh_l0{suffix}"] = rng.normal(size=(4 * hidden, hidden)).astype(np.float32)
        weights[f"lstm.bias_ih_l0{suffix}"] = rng.normal(size=4 * hidden).astype(np.float32)
        weights[f"lstm.bias_hh_l0{suffix}"] = rng.normal(size=4 * hidden).astype(np.float32)
    weights["out.weight"] = rng.normal(size=(len(TAGS), 2 * hidden)).astype(np.float32)
    weights["out.bias"] = rng.normal(size=len(TAGS)).astype(np.float32)
    return NetModel(VOCAB, weights)


def is_valid_bilou(tags: list[str]) -> bool:
    previous = "O"
    for tag in [*tags, "O"]:
        open_before = previous[0] in "BI"
        continues = tag[0] in "IL"
        if open_before != continues or (continues and tag[2:] != previous[2:]):
            return False
        previous = tag
    return True


# --- inputs --------------------------------------------------------------------


def test_encoding_strips_clitics_before_looking_up_the_stem():
    inputs = encode_sentence(["وبالقاهرة", "ودمشق"], TABLES, VOCAB)
    assert inputs.words.tolist() == [2, 3]
    assert inputs.clitics.tolist() == [4, 3]


def test_encoding_flags_a_gazetteer_place_and_its_clusters():
    inputs = encode_sentence(["زار", "الوفد", "دمشق"], TABLES, VOCAB)
    assert inputs.clusters[2].tolist() == [4, 41, 301]
    assert inputs.clusters[0].tolist() == [0, 0, 0]  # a word with no cluster
    major = len(CUE_KINDS) + PLACE_KINDS.index("major")
    assert inputs.flags[:, major].tolist() == [0, 0, 1]


def test_encoding_handles_odd_tokens():
    tokens = ["", "2024", "UN", "،", "ـــ", "https://example.org"]
    inputs = encode_sentence(tokens, TABLES, VOCAB)
    assert inputs.words.shape == (len(tokens),) and inputs.flags.shape == (len(tokens), N_FLAGS)


# --- forward pass ----------------------------------------------------------------


def test_forward_pass_gives_a_distribution_per_token():
    inputs = encode_sentence("وقال محافظ دمشق إن القصف استهدف سوقا".split(), TABLES, VOCAB)
    log_probs = net_log_probs(inputs, tiny_model().weights)
    assert log_probs.shape == (7, len(TAGS))
    assert np.allclose(np.exp(log_probs).sum(axis=1), 1.0, atol=1e-5)


def test_forward_pass_reads_both_directions():
    model = tiny_model()
    first = net_log_probs(encode_sentence(["زار", "الوفد", "دمشق"], TABLES, VOCAB), model.weights)
    second = net_log_probs(encode_sentence(["زار", "الوفد", "القاهرة"], TABLES, VOCAB), model.weights)
    assert not np.allclose(first[0], second[0])  # the first token sees the last one


# --- decoding --------------------------------------------------------------------


def test_viterbi_never_returns_a_broken_entity():
    rng = np.random.default_rng(3)
    for length in (1, 2, 5, 12):
        assert is_valid_bilou(combine_viterbi(rng.normal(size=(length, len(TAGS)))))


def test_viterbi_follows_the_scores_when_they_are_valid():
    scores = np.full((3, len(TAGS)), -5.0)
    for i, tag in enumerate(["B-ORG", "L-ORG", "U-LOC"]):
        scores[i, TAGS.index(tag)] = 0.0
    assert combine_viterbi(scores) == ["B-ORG", "L-ORG", "U-LOC"]


def test_penalising_o_lets_an_uncertain_name_through():
    model = tiny_model()
    tokens = ["وصل", "سامر"]
    crf = np.full((2, len(TAGS)), 0.01)
    crf[:, 0], crf[1, TAGS.index("U-PER")] = 0.6, 0.3
    flat = NetModel(model.vocab, {**model.weights, "out.weight": model.weights["out.weight"] * 0,
                                  "out.bias": model.weights["out.bias"] * 0}, share=0.5)
    assert flat.combine(crf, tokens, TABLES)[1] == "U-PER"
    assert NetModel(flat.vocab, flat.weights, share=0.5, o_penalty=0.0).combine(crf, tokens, TABLES)[1] == "O"


# --- storage and the shipped model ------------------------------------------------


def test_model_bytes_round_trip_and_are_deterministic():
    model = tiny_model()
    data = model.to_bytes()
    assert data == tiny_model().to_bytes()
    back = NetModel.from_bytes(data)
    assert back.vocab == model.vocab and (back.share, back.o_penalty) == (model.share, model.o_penalty)
    inputs = encode_sentence(["زار", "دمشق"], TABLES, VOCAB)
    assert np.allclose(net_log_probs(inputs, back.weights), net_log_probs(inputs, model.weights), atol=0.05)


def test_shipped_tagger_combines_the_network_with_the_crf():
    assert load_tagger().net is not None
    tags = tag_tokens("وقال رئيس الوزراء العراقي نوري المالكي في بغداد".split())
    assert tags[4:6] == ["B-PER", "I-PER"] and tags[7] == "B-LOC"
