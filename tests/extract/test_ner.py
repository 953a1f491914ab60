"""Tests of the statistical NER tagger (rasd.extract.ner) on invented news sentences."""
import pytest

from rasd.extract.ner import (
    FeatureTables,
    bilou_to_bio,
    bio_to_bilou,
    bio_to_spans,
    find_entities,
    find_entities_in_sentences,
    load_tagger,
    propagate_labels,
    sentence_features,
    split_clitics,
    tag_tokens,
)
from rasd.text.segment import tokenize


def entities(sentence: str) -> list[tuple[str, str]]:
    tokens = sentence.split()
    return [(" ".join(tokens[e.start:e.end]), e.label) for e in find_entities(tokens)]


# --- the shipped model --------------------------------------------------------


def test_person_after_title_is_per():
    found = entities("وقال الرئيس الفرنسي جاك شيراك إن بلاده ستدعم الحوار .")
    assert ("جاك شيراك", "PER") in found


def test_person_after_minister_title_is_per():
    found = entities("وأكد وزير الخارجية محمد العلي أن المفاوضات ستستأنف الأسبوع المقبل .")
    assert ("محمد العلي", "PER") in found


def test_security_council_is_org():
    found = entities("وطالب مجلس الأمن الدولي بوقف القتال في المدينة .")
    assert ("مجلس الأمن الدولي", "ORG") in found


def test_international_organisation_is_org():
    found = entities("ودعت الأمم المتحدة إلى وقف فوري لإطلاق النار .")
    assert ("الأمم المتحدة", "ORG") in found


def test_city_is_loc():
    found = entities("وسقطت قذيفتان على حي سكني في دمشق صباح أمس .")
    assert ("دمشق", "LOC") in found


def test_country_with_clitic_is_loc():
    found = entities("وعاد الوفد إلى بغداد بعد زيارة قصيرة لسوريا .")
    assert ("بغداد", "LOC") in found


def test_tags_are_bio_and_one_per_token():
    tokens = "وقال الرئيس الفرنسي جاك شيراك في باريس".split()
    tags = tag_tokens(tokens)
    assert len(tags) == len(tokens)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)


def test_empty_sentence_has_no_entities():
    assert tag_tokens([]) == []
    assert find_entities([]) == ()


def test_odd_tokens_are_tagged_without_error():
    tokens = ["", "2024", "UN", "،", "ـــ", "(", "https://example.org", "١٢٣"]
    assert len(tag_tokens(tokens)) == len(tokens)


def test_entities_of_rasd_tokens_carry_character_spans():
    text = "وقصفت الطائرات مدينة حلب ، وقال محافظ حلب حسين دياب إن القصف استهدف سوقا ."
    found = find_entities(tokenize(text))
    assert ("حلب", "LOC") in [(e.span.quote(text), e.label) for e in found]
    assert all(e.span is not None for e in found)


def test_plain_strings_give_entities_without_character_spans():
    assert all(e.span is None for e in find_entities("وصل الوفد إلى القاهرة".split()))


def test_model_loads_once():
    assert load_tagger() is load_tagger()


# --- features (no model needed) ------------------------------------------------


TABLES = FeatureTables(counts={"القاهره": 5, "دمشق": 3}, places={"دمشق": "major"})


def test_features_are_deterministic():
    tokens = "واستقبل الرئيس في القاهرة وفدا من دمشق".split()
    assert sentence_features(tokens, TABLES) == sentence_features(list(tokens), TABLES)


@pytest.mark.parametrize(
    "tokens",
    [[], [""], ["2006"], ["Reuters"], ["،", ".", "«", "»"], ["ـ"], ["a1-ب"], ["\u200f"]],
)
def test_features_handle_odd_tokens(tokens):
    features = sentence_features(tokens, TABLES)
    assert len(features) == len(tokens)
    assert all("bias" in f for f in features)


def test_features_flag_a_gazetteer_place_behind_a_clitic():
    features = sentence_features(["وفي", "ودمشق"], TABLES)
    assert "gaz=major" in features[1]


def test_features_flag_a_title_before_a_name():
    features = sentence_features(["الوزير", "سعيد"], TABLES)
    assert "-1:title" in features[1]


def test_features_flag_a_nationality_before_a_name():
    features = sentence_features(["المهاجم", "البرازيلي", "فرناندو"], TABLES)
    assert "-1:nisba" in features[2]
    assert "-2:title" in features[2]


def test_unseen_words_get_no_identity_features():
    tables = FeatureTables(lexicon={"الوزير": "O"})
    features = sentence_features(["الوزير", "سعيد"], tables)
    assert "stem=الوزير" in features[0]
    assert "unknown" in features[1]
    assert not any(f.startswith(("f=", "stem=", "bare=")) for f in features[1])


def test_split_clitics_prefers_a_known_stem():
    assert split_clitics("وبالقاهره", {"القاهره": 2}) == ("وب", "القاهره")
    assert split_clitics("ليبيا", {"ليبيا": 4}) == ("", "ليبيا")


def test_split_clitics_of_unknown_word_keeps_short_words_whole():
    assert split_clitics("فيل", {}) == ("", "فيل")
    assert split_clitics("للمدينه", {}) == ("ل", "المدينه")


def test_bio_spans_read_stray_inside_tags_as_new_entities():
    assert bio_to_spans(["O", "I-PER", "I-PER", "B-LOC", "I-ORG"]) == [
        (1, 3, "PER"), (3, 4, "LOC"), (4, 5, "ORG"),
    ]


def test_bilou_round_trip():
    tags = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert bilou_to_bio(bio_to_bilou(tags)) == tags


# --- document context -----------------------------------------------------------


CONTEXT_TABLES = FeatureTables(lexicon={"قال": "O", "الوزير": "O", "الحكومه": "O"})


def test_a_surname_found_once_is_tagged_again_nearby():
    stems = [["قال", "الوزير", "كمال", "دياب"], ["وزار", "دياب", "الحكومه"]]
    tags = [["O", "O", "B-PER", "I-PER"], ["O", "O", "O"]]
    assert propagate_labels(stems, tags, CONTEXT_TABLES)[1] == ["O", "B-PER", "O"]


def test_common_words_and_far_sentences_are_not_propagated():
    stems = [["الحكومه", "دياب"], ["قال"], ["الحكومه", "دياب"]]
    tags = [["B-ORG", "B-PER"], ["O"], ["O", "O"]]
    assert propagate_labels(stems, tags, CONTEXT_TABLES)[2] == ["O", "B-PER"]
    assert propagate_labels(stems, tags, CONTEXT_TABLES, window=1)[2] == ["O", "O"]


def test_a_name_seen_with_two_types_is_left_alone():
    stems = [["الجزيره"], ["الجزيره"], ["الجزيره"]]
    tags = [["B-ORG"], ["B-LOC"], ["O"]]
    assert propagate_labels(stems, tags, CONTEXT_TABLES)[2] == ["O"]


def test_sentences_of_an_article_share_a_name():
    article = [
        "وقال قائد الشرطة العقيد سالم الورفلي إن الهجوم وقع فجرا .".split(),
        "وأضاف الورفلي أن التحقيق بدأ .".split(),
    ]
    per_sentence = find_entities_in_sentences(article)
    assert [(e.start, e.end, e.label) for e in per_sentence[1]] == [(1, 2, "PER")]
