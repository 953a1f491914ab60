"""Arabic names read against gazetteer rows that only have Latin names."""
import pytest

from rasd.extract.latin_names import arabic_skeleton, find_by_consonants, latin_skeleton
from rasd.extract.places import find_places
from rasd.text.segment import split_sentences, tokenize


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("الفاشر", "El Fasher"), ("كادقلي", "Kadugli"), ("أم كدادة", "Umm Keddada"),
     ("شرق النيل", "Sharq an Nil"), ("الحاج يوسف", "Al-Haj Yusuf"), ("صرواح", "Sirwah")],
)
def test_both_spellings_reduce_to_the_same_consonants(arabic, latin):
    assert arabic_skeleton(arabic) == latin_skeleton(latin)


def test_short_names_are_never_read_by_consonants():
    assert find_by_consonants("دار", "SD") is None


def test_the_governorate_the_text_names_decides_and_no_namesake_elsewhere_is_taken():
    assert find_by_consonants("كرنوي", "SD", "North Darfur").name_en == "Kornoi"
    assert find_by_consonants("كرنوي", "SD", "Kassala") is None


def test_a_sudanese_village_the_arabic_table_lacks_gets_its_point():
    text = "قصفت قوات الدعم السريع قرية كرنوي في ولاية شمال دارفور اليوم."
    [village] = [m for m in find_places(text, tokenize(text), split_sentences(text)) if "كرنوي" in m.location.name_ar]
    assert village.location.gazetteer_id and village.location.lat is not None
    assert village.location.admin1 == "North Darfur"
