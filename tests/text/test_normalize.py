"""Tests for rasd.text.normalize: the fold and the way back to the original."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import (
    FoldedText,
    fold,
    fold_word,
    join_broken_words,
    lowercase_latin,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_digits,
    normalize_hamza_carriers,
    normalize_presentation_forms,
    normalize_ta_marbuta,
    remove_controls,
    remove_diacritics,
    remove_tatweel,
    strip_article,
)
# Characters the fold treats specially, mixed with plain letters and spaces.
ARABIC = "ابتجدرسصعفقلمنهوي"
SPECIAL = (
    "أإآٱىةؤئءـ"              # hamza forms, maqsura, ta marbuta, tatweel
    "\u064b\u064e\u0651\u0652\u0670\u06da"  # harakat, superscript alef, Quranic mark
    "٠١٢٣٩۰۴۹٬٪"              # both digit sets and number signs
    "\u200b\u200c\u200f\u202b\u2067\ufeff\u061c\u00ad"  # zero-width and bidi
    "ﻗﺼﻒﻻﷲﷺﹰ"                # presentation forms, ligatures, isolated haraka
    "QRİ \u00a0\n،؟"          # Latin, spaces, Arabic punctuation
    "😀"                      # beyond the BMP
)
# Dots (٫ folds to one) join letters across characters, so exact span
# round trips are only checked on text without them.
DOTS = ".·٫"
no_dot_text = st.text(alphabet=ARABIC + SPECIAL, max_size=24)
any_fold_text = st.text(alphabet=ARABIC + SPECIAL + DOTS, max_size=24)


# -- character classes ---------------------------------------------------------


def test_normalize_alef_folds_hamza_and_madda_forms():
    assert normalize_alef("أإآٱ") == "اااا"


def test_fold_folds_alef_forms_in_place_names():
    assert fold_word("إدلب") == "ادلب"
    assert fold_word("آمنة") == "امنه"


def test_normalize_alef_maqsura_gives_ya():
    assert normalize_alef_maqsura("على مشفى") == "علي مشفي"


def test_normalize_ta_marbuta_gives_ha():
    assert normalize_ta_marbuta("الرقة") == "الرقه"


def test_normalize_hamza_carriers_alone_keeps_alef_hamza():
    assert normalize_hamza_carriers("أسئلة المسؤول") == "أسيلة المسوول"


def test_fold_folds_hamza_carriers():
    assert fold_word("رئيس") == fold_word("رييس")
    assert fold_word("مسؤول") == fold_word("مسوول")


def test_fold_keeps_lone_hamza():
    assert fold_word("سماء") == "سماء"


def test_remove_tatweel_deletes_stretch():
    assert remove_tatweel("الجيـــش") == "الجيش"


def test_remove_diacritics_deletes_harakat():
    assert remove_diacritics("قَصَفَتْ الطّائراتُ") == "قصفت الطائرات"


def test_remove_diacritics_deletes_superscript_alef_and_quranic_marks():
    assert remove_diacritics("هٰذا\u06da") == "هذا"


def test_normalize_digits_converts_arabic_indic_digits():
    assert normalize_digits("قتل ١٢ شخصاً عام ٢٠١٥") == "قتل 12 شخصاً عام 2015"


def test_normalize_digits_converts_persian_digits():
    assert normalize_digits("۱۲۳۴۵۶۷۸۹۰") == "1234567890"


def test_fold_converts_arabic_decimal_separator():
    assert fold_word("٣٫٥") == "3.5"


def test_remove_controls_deletes_zero_width_and_bidi_marks():
    text = "\u202bقص\u200cف\u200f الجيش\u2066\u2069\ufeff\u061c\u00ad"
    assert remove_controls(text) == "قصف الجيش"


def test_normalize_presentation_forms_gives_base_letters():
    assert normalize_presentation_forms("ﻗﺼﻒ ﺍﻟﺠﻴﺶ") == "قصف الجيش"


def test_fold_expands_lam_alef_ligature():
    folded = fold("ﻻ")
    assert folded.text == "لا"
    assert folded.source == (0, 0, 1)


def test_fold_drops_isolated_haraka_form():
    assert fold_word("ب\ufe70") == "ب"


def test_lowercase_latin_leaves_arabic():
    assert lowercase_latin("ISIS في سوريا") == "isis في سوريا"


def test_fold_maps_no_break_space_to_space():
    assert fold_word("ريف\u00a0حلب") == "ريف حلب"


# -- words broken to dodge filters ---------------------------------------------------


def test_fold_joins_word_broken_by_dots():
    assert fold_word("ق.ص.ف") == "قصف"


def test_fold_joins_word_broken_by_middle_dots():
    assert fold_word("ق·ص·ف") == "قصف"


def test_fold_joins_word_broken_by_tatweel():
    assert fold_word("قـــصـــف") == "قصف"


def test_fold_joins_dotted_word_with_diacritics():
    assert fold_word("قَ.صَ.فَ") == "قصف"


def test_join_broken_words_keeps_sentence_dot():
    assert join_broken_words("درعا.وقال") == "درعا.وقال"


def test_fold_keeps_single_dot_abbreviation():
    assert fold_word("ق.م") == "ق.م"


def test_fold_keeps_decimal_point():
    assert fold_word("3.5.1") == "3.5.1"


# -- offsets ----------------------------------------------------------------------------


def test_fold_source_has_entry_per_char_and_end():
    folded = fold("قَصف")
    assert folded.text == "قصف"
    assert folded.source == (0, 2, 3, 4)


def test_fold_of_unchanged_text_maps_identically():
    assert fold("قصف 12").source == (0, 1, 2, 3, 4, 5, 6)


def test_to_source_maps_word_after_diacritics():
    text = "قَصَفَتْ إدلبَ"
    start, end = fold(text).to_source(5, 9)
    assert text[start:end] == "إدلبَ"


def test_to_source_includes_trailing_tanween():
    text = "صباحاً أمس"
    assert fold(text).to_source(0, 5) == (0, 6)


def test_to_source_covers_dots_of_broken_word():
    text = "استهدف ق.ص.ف الحي"
    folded = fold(text)
    start = folded.text.index("قصف")
    s, e = folded.to_source(start, start + 3)
    assert text[s:e] == "ق.ص.ف"


def test_to_source_of_empty_span_is_empty():
    assert fold("قَصف").to_source(1, 1) == (2, 2)


def test_to_source_rejects_span_outside_text():
    with pytest.raises(ValueError):
        fold("قصف").to_source(2, 5)


def test_to_source_without_original_uses_next_index():
    assert FoldedText("قصف", (0, 1, 2, 3)).to_source(0, 3) == (0, 3)


def test_fold_keeps_characters_beyond_bmp():
    assert fold("😀 قصف").text == "😀 قصف"


def _aligned(source: tuple[int, ...], index: int) -> bool:
    """Whether a folded index does not cut through one original character's expansion."""
    return index in (0, len(source) - 1) or source[index - 1] != source[index]


@settings(max_examples=300)
@given(any_fold_text)
def test_fold_word_equals_fold_text(text):
    assert fold_word(text) == fold(text).text


@given(st.text(max_size=40))
def test_fold_word_equals_fold_text_on_any_unicode(text):
    assert fold_word(text) == fold(text).text


@settings(max_examples=300)
@given(any_fold_text)
def test_fold_source_is_monotonic_and_ends_at_length(text):
    source = fold(text).source
    assert len(source) == len(fold(text).text) + 1
    assert list(source) == sorted(source)
    assert source[-1] == len(text)


@settings(max_examples=300)
@given(any_fold_text)
def test_every_folded_char_comes_from_its_source(text):
    folded = fold(text)
    for index, char in enumerate(folded.text):
        assert char in fold_word(text[folded.source[index]])


@settings(max_examples=200)
@given(no_dot_text)
def test_original_slice_of_folded_span_folds_back(text):
    folded = fold(text)
    for i in range(len(folded.text) + 1):
        for j in range(i, len(folded.text) + 1):
            if _aligned(folded.source, i) and _aligned(folded.source, j):
                start, end = folded.to_source(i, j)
                assert fold_word(text[start:end]) == folded.text[i:j]


# -- article -------------------------------------------------------------------------------


def test_strip_article_drops_leading_article():
    assert strip_article("الرقه") == "رقه"


def test_strip_article_keeps_two_letter_remainder():
    assert strip_article("الحي") == "حي"


def test_strip_article_keeps_word_when_one_letter_would_remain():
    assert strip_article("الي") == "الي"


def test_strip_article_keeps_word_without_article():
    assert strip_article("ادلب") == "ادلب"
