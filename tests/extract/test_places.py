"""The geoparser on sentences written like conflict reports."""
import pytest

from rasd.extract.gazetteer import load_gazetteer, spelling_variants
from rasd.extract.places import find_places
from rasd.text.segment import split_sentences, tokenize


def places(text):
    return find_places(text, tokenize(text), split_sentences(text))


def named(text, name):
    """The mentions whose folded name is `name`."""
    return [m for m in places(text) if m.location.name_ar.replace("أ", "ا").replace("إ", "ا") == name]


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("سقطت قذائف هاون بدرعا مساء أمس.", "درعا", "Daraa"),
        ("وصلت تعزيزات عسكرية لطفس من جهة الغرب.", "طفس", "Daraa"),
        ("وتجددت الغارات على أريحا وادلب صباح اليوم.", "ادلب", "Idlib"),
        ("اعتقلت دورية عشرة شبان في دير الزور والرقة.", "الرقة", "Raqqa"),
    ],
)
def test_place_is_found_through_clitics(text, name, admin1):
    found = named(text, name)
    assert found and found[0].location.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("انفجرت عبوة ناسفة على طريق عام في دير الزور.", "دير الزور"),
        ("خرجت مظاهرة في حي درعا البلد بعد صلاة الجمعة.", "درعا البلد"),
        ("قصفت المدفعية أطراف جسر الشغور.", "جسر الشغور"),
        ("دخلت دورية مشتركة إلى رأس العين.", "راس العين"),
    ],
)
def test_multi_word_names_are_one_mention(text, name):
    found = named(text, name)
    assert found, [m.location.name_ar for m in places(text)]
    assert " " in found[0].name_span.quote(text)


def test_countryside_of_a_governorate_is_a_region():
    mention = named("قصفت قوات النظام مواقع في ريف درعا الغربي.", "درعا")[0]
    assert mention.role == "region" and mention.location.geo_precision == 3


def test_direction_of_a_town_is_near_it():
    mention = named("سقطت صواريخ في منطقة زراعية غرب طفس.", "طفس")[0]
    assert mention.role == "direction" and mention.location.geo_precision == 2


def test_surroundings_of_a_town_are_near_it():
    mention = named("استهدفت المدفعية محيط طفس بعشرات القذائف.", "طفس")[0]
    assert mention.role == "near" and mention.location.geo_precision == 2


def test_between_two_towns_is_near_the_first():
    text = "اندلعت اشتباكات على الطريق بين طفس والمزيريب."
    mention = named(text, "طفس")[0]
    assert mention.role == "between" and mention.location.geo_precision == 2


def test_aggression_is_not_the_village_of_adwan():
    text = "أدانت الخارجية العدوان الإسرائيلي على ريف دمشق."
    assert not named(text, "عدوان") and not named(text, "العدوان")


def test_adwan_with_a_place_word_is_the_daraa_village():
    mention = named("فجر رجل نفسه في بلدة عدوان غرب درعا.", "عدوان")[0]
    assert mention.location.admin1 == "Daraa"
    assert mention.location.gazetteer_id


def test_homonym_follows_the_governorate_of_the_sentence():
    in_idlib = named("قصف الطيران قرية عدوان في ريف إدلب الجنوبي.", "عدوان")[0]
    in_daraa = named("قصف الطيران قرية عدوان في ريف درعا الغربي.", "عدوان")[0]
    assert (in_idlib.location.admin1, in_daraa.location.admin1) == ("Idlib", "Daraa")
    assert "named in the sentence" in in_idlib.reason


def test_door_is_not_the_town_of_al_bab_without_support():
    assert not named("أغلق الحارس الباب بعد خروج الزوار.", "الباب")


def test_place_type_word_alone_is_not_a_place():
    assert not named("سقطت القذائف على الأحياء الشرقية لمدينة كبيرة.", "مدينة")


def test_unknown_village_keeps_its_name_and_governorate():
    text = "توغلت قوة عسكرية في قرية خربة الزيتون بريف القنيطرة الجنوبي."
    mention = next(m for m in places(text) if m.location.gazetteer_id is None)
    assert mention.location.name_ar.startswith("خربة")
    assert mention.location.admin1 == "Quneitra"
    assert "not in the gazetteer" in mention.reason


def test_foreign_namesake_gives_way_to_the_local_village():
    text = "داهمت قوة منزلاً في قرية صيدا الحانوت بريف القنيطرة."
    mention = next(m for m in places(text) if m.location.name_ar.startswith("صيدا"))
    assert mention.location.country == "Syria" and mention.location.admin1 == "Quneitra"


def test_spans_quote_the_text():
    text = "قصفت قوات النظام بلدة نوى وقرية اليادودة بريف درعا."
    for mention in places(text):
        assert mention.span.quote(text) == mention.location.mention
        assert mention.span.start <= mention.name_span.start < mention.name_span.end <= mention.span.end


def test_compound_names_are_indexed_joined_and_apart():
    assert spelling_variants("كفر نبل") == {"كفر نبل", "كفرنبل"}
    assert load_gazetteer().lookup("كفرنبل")
