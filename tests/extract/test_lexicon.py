"""Lexicon loading and multi-word lookups over tokens."""
from rasd.extract.lexicon import PhraseTable, bare_forms, lexicon_rows, phrase_key
from rasd.text.segment import tokenize


def test_phrase_key_folds_each_word():
    assert phrase_key("أول أمس") == ("اول", "امس")


def test_bare_forms_strip_proclitics_but_keep_short_words():
    assert bare_forms("وبمقتل") == ("وبمقتل", "مقتل", "بمقتل")
    assert bare_forms("في") == ("في",)


def test_longest_phrase_wins_and_reports_its_end():
    table = PhraseTable({("امس",): -1, ("امس", "الاول"): -2})
    tokens = tokenize("سقطت القذائف أمس الأول على الحي")
    assert table.match(tokens, 2) == (-2, 4)


def test_clitics_on_the_first_word_only_when_allowed():
    table = PhraseTable({("امس",): -1})
    tokens = tokenize("وأمس")
    assert table.match(tokens, 0) == (-1, 1)
    assert table.match(tokens, 0, clitics=False) is None


def test_rows_skip_comments_and_header():
    rows = lexicon_rows("hijri_months")
    assert rows[0] == ("محرم", "1")
    assert all(not row[0].startswith("#") for row in rows)
