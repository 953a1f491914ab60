from rasd.text.clitics import name_key

KNOWN = {"الجيش", "درعا"}


def test_a_merged_article_or_a_conjunction_leads_to_the_table_key():
    assert name_key("لل", "جيش", KNOWN) == "الجيش"
    assert name_key("وال", "جيش", KNOWN) == "الجيش"
    assert name_key("و", "درعا", KNOWN) == "درعا"


def test_letters_that_are_no_clitics_or_unknown_names_give_nothing():
    assert name_key("ت", "درعا", KNOWN) is None
    assert name_key("لل", "قصف", KNOWN) is None
