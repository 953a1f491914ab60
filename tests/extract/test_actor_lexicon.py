"""The shipped actor lexicon holds together: every form points at a known actor, role and country."""
from rasd.extract.actor_lexicon import form_key, load_actor_lexicon, nationality_forms

ROLES = {"name", "owner", "anaphor", "clan", "communal"}


def test_every_form_names_a_known_actor_role_and_country():
    lexicon = load_actor_lexicon()
    categories = {row.category for row in lexicon.rows.values()}
    for key, readings in lexicon.readings.items():
        for reading in readings:
            assert reading.role in ROLES, key
            assert reading.scope <= set(lexicon.countries), (key, reading.scope)
            if reading.actor in ("-", "*"):
                continue
            if reading.actor.startswith("@"):
                category, _, country = reading.actor[1:].partition("/")
                assert category in categories and (not country or country in lexicon.countries), key
            else:
                assert all(i in lexicon.rows for i in reading.actor.split("|")), (key, reading.actor)


def test_every_category_has_a_template_for_countries_without_their_own_row():
    lexicon = load_actor_lexicon()
    for category in {row.category for row in lexicon.rows.values() if row.category}:
        assert lexicon.slot(category, "Mauritania", "2020-01-01") is not None, category


def test_syrian_state_rows_split_on_8_december_2024():
    lexicon = load_actor_lexicon()
    before = lexicon.slot("state_military", "Syria", "2024-12-07").name
    after = lexicon.slot("state_military", "Syria", "2024-12-08").name
    assert (before, after) == ("Military Forces of Syria (2000-2024)", "Military Forces of Syria (2024-)")


def test_keys_fold_spelling_variants_together():
    assert form_key("ميليشيا  أسد") == form_key("ميليشيا اسد")
    assert form_key("الإسرائيلية") in nationality_forms("إسرائيلي")
