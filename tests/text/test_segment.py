"""Tests for rasd.text.segment: sentences, clauses, tokens and clitic readings."""
import pickle
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Span
from rasd.text.segment import Analysis, Token, analyze, split_clauses, split_sentences, tokenize


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def clauses(text, span=None):
    return [text[s.start:s.end] for s in split_clauses(text, span)]


def surfaces(text, span=None):
    return [token.text for token in tokenize(text, span)]


def readings(word):
    return [(a.proclitics, a.stem, a.enclitic) for a in analyze(word)]


# -- sentences -------------------------------------------------------------------


def test_split_sentences_at_period():
    text = "قصفت الطائرات بلدة التمانعة. وقال ناشطون إن مدنيين قتلوا."
    assert sentences(text) == ["قصفت الطائرات بلدة التمانعة.", "وقال ناشطون إن مدنيين قتلوا."]


def test_split_sentences_at_arabic_question_mark():
    text = "هل توقف القصف على الحي؟ لا يزال مستمراً"
    assert sentences(text) == ["هل توقف القصف على الحي؟", "لا يزال مستمراً"]


def test_split_sentences_at_exclamation_mark():
    assert sentences("انفجار ضخم! وتصاعد الدخان") == ["انفجار ضخم!", "وتصاعد الدخان"]


def test_split_sentences_at_arabic_full_stop():
    assert sentences("دخلت القوات البلدة۔ ثم انسحبت") == ["دخلت القوات البلدة۔", "ثم انسحبت"]


def test_split_sentences_at_ellipsis():
    assert sentences("استمر القصف… وفر السكان") == ["استمر القصف…", "وفر السكان"]


def test_split_sentences_keeps_run_of_marks_together():
    assert sentences("أين ذهبوا؟! لا أحد يعرف") == ["أين ذهبوا؟!", "لا أحد يعرف"]


def test_split_sentences_not_at_arabic_comma_or_semicolon():
    text = "قتل مدنيان، وأصيب ثلاثة؛ بحسب الدفاع المدني"
    assert sentences(text) == [text]


def test_split_sentences_at_line_break_without_mark():
    text = "اشتباكات في ريف حماة\nغارات على جسر الشغور"
    assert sentences(text) == ["اشتباكات في ريف حماة", "غارات على جسر الشغور"]


def test_split_sentences_not_at_decimal_point():
    text = "ارتفعت نسبة النزوح 3.5 بالمئة خلال أسبوع."
    assert sentences(text) == [text]


def test_split_sentences_not_after_latin_initials():
    text = "وأعلنت القوات U.S. أنها نفذت الغارة."
    assert sentences(text) == [text]


def test_split_sentences_not_inside_url():
    text = "نشر الخبر على https://example.org/news?id=7 مساء أمس. ولم يعلق أحد"
    assert sentences(text) == ["نشر الخبر على https://example.org/news?id=7 مساء أمس.", "ولم يعلق أحد"]


def test_split_sentences_not_inside_domain_name():
    text = "ونقل موقع sana.sy عن مصدر عسكري قوله"
    assert sentences(text) == [text]


def test_split_sentences_after_closing_guillemet():
    text = "قال القائد: «انسحبنا من التلة.» ثم أغلق الهاتف."
    assert sentences(text) == ["قال القائد: «انسحبنا من التلة.»", "ثم أغلق الهاتف."]


def test_split_sentences_after_closing_curly_quote():
    text = "وأضاف “لن نتراجع!” وغادر"
    assert sentences(text) == ["وأضاف “لن نتراجع!”", "وغادر"]


def test_split_sentences_after_closing_straight_quote():
    text = 'وكتب "القصف مستمر." ثم حذف المنشور'
    assert sentences(text) == ['وكتب "القصف مستمر."', "ثم حذف المنشور"]


def test_split_sentences_after_closing_parenthesis():
    text = "(قتل عنصران من الفصيل.) وأصيب آخرون"
    assert sentences(text) == ["(قتل عنصران من الفصيل.)", "وأصيب آخرون"]


def test_split_sentences_at_period_without_following_space():
    assert sentences("قصف على درعا.وقال ناشط") == ["قصف على درعا.", "وقال ناشط"]


def test_split_sentences_not_after_title_abbreviation():
    text = "وقال د. سامر إن المشفى خرج عن الخدمة."
    assert sentences(text) == [text]


def test_split_sentences_not_inside_arabic_letter_abbreviation():
    text = "ونقلت أ.ف.ب عن شهود أن الاشتباك استمر ساعتين."
    assert sentences(text) == [text]


def test_split_sentences_not_after_list_number():
    text = "1. غارة على معرة النعمان\n2. قصف على سراقب"
    assert sentences(text) == ["1. غارة على معرة النعمان", "2. قصف على سراقب"]


def test_split_sentences_trims_surrounding_whitespace():
    text = "  \u200fقتل مدني.   وجرح آخر  "
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == ["قتل مدني.", "وجرح آخر"]


def test_split_sentences_trims_no_break_spaces_and_controls_at_the_end():
    text = "سقطت قذيفة على السوق\u00a0\u200f\u2003.\u200b وانفجرت سيارة\u202c\u00a0"
    assert sentences(text) == ["سقطت قذيفة على السوق\u00a0\u200f\u2003.", "وانفجرت سيارة"]


def test_split_sentences_not_at_question_mark_inside_url():
    text = "نشر الخبر على https://example.com/؟p=12 وقال المصدر إن القصف استمر."
    assert sentences(text) == [text]


def test_split_sentences_drops_empty_sentences():
    assert sentences("\n\n  ...  \nقصف.\n!\n") == ["قصف."]


def test_split_sentences_of_empty_text_is_empty():
    assert split_sentences("") == ()


# -- clauses -----------------------------------------------------------------------


def test_split_clauses_at_arabic_comma_and_semicolon():
    text = "قصفت المدفعية القرية، وقتل مدنيان؛ ونزحت عائلات."
    assert clauses(text) == ["قصفت المدفعية القرية،", "وقتل مدنيان؛", "ونزحت عائلات."]


def test_split_clauses_also_at_sentence_end():
    assert clauses("غارة جوية. ثم قصف، ونزوح") == ["غارة جوية.", "ثم قصف،", "ونزوح"]


def test_split_clauses_keeps_thousands_comma():
    text = "نزح 1,200 شخص، بحسب الأمم المتحدة"
    assert clauses(text) == ["نزح 1,200 شخص،", "بحسب الأمم المتحدة"]


def test_split_clauses_within_span():
    text = "مقدمة. قتل جندي، وأسر آخر. خاتمة"
    span = split_sentences(text)[1]
    assert clauses(text, span) == ["قتل جندي،", "وأسر آخر."]


# -- tokens -------------------------------------------------------------------------


def test_tokenize_gives_spans_quoting_each_token():
    text = "قصفت الطائرات بلدة كفرنبل"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قصفت", "الطائرات", "بلدة", "كفرنبل"]
    assert all(text[t.span.start:t.span.end] == t.text for t in tokens)


def test_tokenize_gives_offsets_of_second_word():
    assert tokenize("قتل مدني")[1].span == Span(4, 8)


def test_tokenize_splits_arabic_punctuation():
    text = "قتل مدني، وجرح آخر؛ فمن المسؤول؟"
    assert surfaces(text) == ["قتل", "مدني", "،", "وجرح", "آخر", "؛", "فمن", "المسؤول", "؟"]


def test_tokenize_keeps_decimal_numbers():
    assert surfaces("3.5 و٣٫٥") == ["3.5", "و", "٣٫٥"]


def test_tokenize_keeps_thousands_separators():
    assert surfaces("١٢٬٥٠٠ و12,500") == ["١٢٬٥٠٠", "و", "12,500"]


def test_tokenize_separates_number_from_final_period():
    assert surfaces("عام 2015.") == ["عام", "2015", "."]


def test_tokenize_keeps_diacritics_and_tatweel_in_word():
    assert surfaces("قُتِلَ الجنـــود") == ["قُتِلَ", "الجنـــود"]


def test_tokenize_folds_each_token():
    assert [t.folded for t in tokenize("إدلبُ ٢٠١٥")] == ["ادلب", "2015"]


def test_tokenize_builds_ordinary_tokens():
    text = "سقطت قذيفة على حي الكلاسة"
    tokens = tokenize(text, Span(5, len(text)))
    assert tokens[0] == Token(Span(5, 10), "قذيفة", "قذيفه")
    assert pickle.loads(pickle.dumps(tokens)) == tokens and hash(tokens[0].span) == hash(Span(5, 10))
    with pytest.raises(FrozenInstanceError):
        tokens[0].text = "مدفع"


def test_tokenize_keeps_dotted_word_as_one_token():
    tokens = tokenize("استهدف ق.ص.ف المدينة")
    assert [t.text for t in tokens] == ["استهدف", "ق.ص.ف", "المدينة"]
    assert tokens[1].folded == "قصف"


def test_tokenize_splits_dotted_sentence_end():
    assert surfaces("درعا.وقال") == ["درعا", ".", "وقال"]


def test_tokenize_keeps_latin_words():
    assert surfaces("صواريخ HIMARS أمريكية") == ["صواريخ", "HIMARS", "أمريكية"]


def test_tokenize_skips_bidi_controls():
    assert surfaces("\u200fقصف\u200f \u202bالحي") == ["قصف", "الحي"]


def test_tokenize_within_span():
    text = "مقدمة. قتل جندي"
    tokens = tokenize(text, Span(7, len(text)))
    assert [(t.text, t.span) for t in tokens] == [("قتل", Span(7, 10)), ("جندي", Span(11, 15))]


def test_tokenize_rejects_span_beyond_text():
    with pytest.raises(ValueError):
        tokenize("قصف", Span(0, 10))


@settings(max_examples=200)
@given(st.text(alphabet="قصف الحي،؛؟.·ـَ٣٫5x\u200f\n«»", max_size=30))
def test_tokens_are_ordered_and_quote_the_text(text):
    tokens = tokenize(text)
    assert all(text[t.span.start:t.span.end] == t.text for t in tokens)
    assert all(a.span.end <= b.span.start for a, b in zip(tokens, tokens[1:]))


# -- clitics ------------------------------------------------------------------------


def test_analyze_puts_whole_word_first():
    assert analyze("وبدرعا")[0] == Analysis("", "وبدرعا", "", False)


def test_analyze_strips_conjunction_and_preposition():
    assert ("وب", "درعا", "") in readings("وبدرعا")


def test_analyze_orders_fewer_affixes_first():
    assert readings("وبدرعا") == [("", "وبدرعا", ""), ("و", "بدرعا", ""), ("وب", "درعا", "")]


def test_analyze_strips_preposition_lam():
    assert ("ل", "طفس", "") in readings("لطفس")


def test_analyze_folds_alef_after_conjunction():
    assert ("و", "ادلب", "") in readings("وإدلب")


def test_analyze_strips_conjunction_and_article():
    assert Analysis("وال", "رقه", "", True) in analyze("والرقة")


def test_analyze_reads_lam_lam_as_preposition_and_article():
    assert Analysis("لل", "مدينه", "", True) in analyze("للمدينة")


def test_analyze_strips_preposition_and_enclitic():
    assert ("ب", "ريف", "ها") in readings("بريفها")


def test_analyze_strips_conjunction_and_object_pronoun():
    assert ("ف", "قصفو", "ها") in readings("فقصفوها")


def test_analyze_keeps_short_preposition_word_whole():
    assert readings("بل") == [("", "بل", "")]


def test_analyze_keeps_short_negation_whole():
    assert readings("لم") == [("", "لم", "")]


def test_analyze_requires_three_letter_stem_with_both_affixes():
    assert ("ب", "يد", "ه") not in readings("بيده")


def test_analyze_strips_future_before_imperfect_verb():
    assert ("س", "يقصف", "") in readings("سيقصف")


def test_analyze_keeps_future_sin_before_other_letters():
    assert all(a.proclitics != "س" for a in analyze("سكان"))


def test_analyze_never_combines_article_and_enclitic():
    assert all(not (a.has_article and a.enclitic) for a in analyze("الوجوه"))


def test_analyze_does_not_read_ta_marbuta_as_pronoun():
    assert all(a.enclitic != "ه" for a in analyze("مدينة"))


def test_analyze_does_not_read_alef_maqsura_as_pronoun():
    assert all(a.enclitic != "ي" for a in analyze("مستشفى"))


def test_analyze_reads_final_ha_as_pronoun():
    assert ("", "قصف", "ه") in readings("قصفه")


def test_analyze_restores_ta_marbuta_before_pronoun():
    assert ("", "مدينه", "ها") in readings("مدينتها")


def test_analyze_returns_whole_word_for_number():
    assert readings("٢٠١٥") == [("", "2015", "")]


def test_analyze_of_empty_word_is_empty():
    assert analyze("") == ()


def test_analyze_is_cached():
    assert analyze("بريفها") is analyze("بريفها")
