"""Phrase lexicons matched through clitics and the article."""
from rasd.extract.lexicon import build_lexicon, match_key, parse_rows
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
