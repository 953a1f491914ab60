"""Phrase lexicons matched through clitics and the article."""
from rasd.extract.lexicon import PhraseTable, bare_forms, build_lexicon, lexicon_rows, match_key, parse_rows, phrase_key
from rasd.text.segment import tokenize

ROWS = parse_rows(
    "# a comment\n"
    "phrase\tvalue\n"
    "عبوة ناسفة\tIED\n"
    "عبوة\tdevice\n"
    "قصف\tstrike\n"
)


def matches(text):
    lexicon = build_lexicon(ROWS)
    tokens = tokenize(text)
    return [(tokens[m.first].text, tokens[m.last].text, m.values[0], m.definite) for m in lexicon.find(tokens)]


def test_header_and_comments_are_not_entries():
    assert [row[0] for row in ROWS] == ["عبوة ناسفة", "عبوة", "قصف"]


def test_longest_phrase_wins():
    assert matches("انفجرت عبوة ناسفة قرب السوق") == [("عبوة", "ناسفة", "IED", False)]


def test_first_word_is_read_through_proclitics_and_article():
    found = matches("وبالقصف تضررت المدرسة، ثم انفجرت بعبوة أخرى")
    assert ("وبالقصف", "وبالقصف", "strike", True) in found
    assert ("بعبوة", "بعبوة", "device", False) in found


def test_later_words_match_with_or_without_the_article():
    assert matches("انفجار العبوة الناسفة") == [("العبوة", "الناسفة", "IED", True)]


def test_match_key_folds_and_drops_articles():
    assert match_key("السيارة المُفخّخة") == ("سياره", "مفخخه")



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
