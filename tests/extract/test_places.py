"""The geoparser on sentences written like conflict reports."""
import pytest

from rasd.extract.gazetteer import load_gazetteer, spelling_variants
from rasd.extract.place_cues import cue_of, cue_positions
from rasd.extract.places import find_places, match_names
from rasd.text.normalize import fold_word
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


def test_dignity_and_a_farm_are_words_not_places():
    text = "رفع المحتجون لافتات تطالب بالخبز والكرامة، ثم اقتحم مسلحون مزرعة قرب المدينة."
    assert not named(text, "الكرامة") and not named(text, "مزرعة")


def test_a_town_named_dignity_with_a_place_word_is_still_found():
    assert named("قصفت طائرات مسيرة بلدة الكرامة في ريف الرقة الشرقي.", "الكرامة")


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


# -- lists, names the table lacks, context ------------------------------------------


def unknown(text):
    return {m.location.name_ar: m for m in places(text) if m.location.gazetteer_id is None}


def test_plural_type_word_governs_its_whole_list():
    text = "سيطرت الفصائل على قرى تل الزعتر، وكفر سالم الصغير، والمريجات وخربة العنز شرقي حمص."
    names = unknown(text)
    assert {"تل الزعتر", "كفر سالم الصغير", "المريجات", "خربة العنز"} <= set(names)
    assert all(names[n].location.admin1 == "Homs" for n in ("المريجات", "خربة العنز"))


def test_list_of_one_village_word_runs_on_after_and():
    names = unknown("اندلعت مواجهات في قرية أم الصفا وطويل الحليب بريف السويداء الشرقي.")
    assert {"أم الصفا", "طويل الحليب"} <= set(names)


def test_list_stops_at_an_ordinary_word():
    names = unknown("دخلت القوات بلدة خربة الزيتون وقتلت ثلاثة مسلحين في ريف حمص.")
    assert "قتلت" not in " ".join(names) and "ثلاثة" not in " ".join(names)


def test_comma_after_a_singular_type_word_ends_the_list():
    names = unknown("اقتحمت دورية مدينة نوى، وجرت اشتباكات في محيطها.")
    assert not any(name.startswith("جرت") for name in names)


def test_quarters_of_a_named_city_take_its_governorate_and_point():
    text = "سقطت قذائف على أحياء الزهراء والصاخور وتل الشيح في مدينة حلب."
    names = unknown(text)
    aleppo = next(m for m in places(text) if m.location.name_ar == "حلب")
    assert names["تل الشيح"].location.admin1 == "Aleppo"  # the table has it only in Homs
    quarter = names["الصاخور"]
    assert quarter.location.admin1 == "Aleppo" and quarter.kind == "neighbourhood"
    assert (quarter.location.lat, quarter.location.lon) == (aleppo.location.lat, aleppo.location.lon)


def test_quarter_names_in_quotation_marks():
    found = {m.location.name_ar: m for m in places("تظاهر العشرات في حي “الدرعية” و“الثكنة” وسط مدينة الرقة.")}
    assert {"الدرعية", "الثكنة"} <= set(found)
    assert found["الثكنة"].location.admin1 == "Raqqa" and found["الثكنة"].kind == "neighbourhood"


def test_namesake_in_another_governorate_gives_way_to_a_local_quarter():
    # the gazetteer knows «باب الفرج» only as a village of Al-Hasakah
    text = "أصيب مدنيون بقذائف على حي باب الفرج في مدينة حلب القديمة."
    mention = next(m for m in places(text) if m.location.name_ar == "باب الفرج")
    assert mention.location.admin1 == "Aleppo" and mention.location.gazetteer_id is None


def test_homonym_follows_a_governorate_named_elsewhere_in_the_article():
    text = ("تواصلت المعارك في ريف حماة الشرقي منذ أسبوع.\n\n"
            "وأعلن الجيش السيطرة على قرى رسم العبد وجروح وسط البادية.")
    mention = next(m for m in places(text) if m.location.name_ar == "رسم العبد")
    assert mention.location.admin1 == "Hama" and "named in the article" in mention.reason


def test_known_name_with_a_word_the_table_lacks_is_the_longer_name():
    text = "توغلت آليات عسكرية في قرية صيدا الجولان بريف القنيطرة الجنوبي."
    mention = next(m for m in places(text) if m.location.name_ar.startswith("صيدا"))
    assert mention.location.name_ar == "صيدا الجولان"
    assert mention.location.admin1 == "Quneitra" and mention.location.lat is not None


def test_name_headed_by_its_own_type_word():
    names = unknown("انفجرت عبوة ناسفة على طريق المطاحن في الريف الشمالي لدرعا.")
    assert "طريق المطاحن" in names and names["طريق المطاحن"].location.admin1 == "Daraa"


def test_area_word_needs_a_definite_name():
    assert not unknown("انتشرت الحرائق في مناطق واسعة من ريف اللاذقية.")


def test_iraqi_quarter_follows_baghdad():
    mention = named("انفجرت عبوة لاصقة في حي الغزالية ببغداد.", "الغزالية")[0]
    assert mention.location.country == "Iraq" and mention.location.admin1 == "Baghdad"


def test_unknown_yemeni_village_takes_the_governorate_around_it():
    names = unknown("قصفت الطائرات قرية بني سحيم الأعلى في محافظة حجة.")
    village = names["بني سحيم الأعلى"].location
    assert (village.country, village.admin1) == ("Yemen", "Hajjah")


# -- relative expressions -----------------------------------------------------------


def test_north_of_a_city_is_near_it():
    mention = named("دارت معارك عنيفة شمالي حلب طوال الليل.", "حلب")[0]
    assert mention.role == "direction" and mention.location.geo_precision == 2


def test_both_ends_of_between_are_near():
    text = "قطع مسلحون الطريق بين نوى والشيخ مسكين صباحاً."
    second = named(text, "الشيخ مسكين")[0]
    assert second.role == "between" and second.location.geo_precision == 2


def test_outskirts_of_the_city_refer_back_to_it():
    text = "دخلت القوات مدينة إنخل، ثم اندلعت اشتباكات على أطراف المدينة."
    mention = next(m for m in places(text) if m.location.mention == "أطراف المدينة")
    assert fold_word(mention.location.name_ar) == fold_word("إنخل") and mention.location.geo_precision == 2
    assert mention.role == "near"


def test_near_the_border_is_placed_in_the_governorate_around():
    text = "انفجر لغم قرب الحدود الأردنية بريف درعا الشرقي."
    mention = next(m for m in places(text) if m.kind == "border")
    assert mention.location.name_ar == "الحدود الأردنية"
    assert mention.location.admin1 == "Daraa" and mention.location.geo_precision == 2


# -- common-word traps -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("تحدث جاسم عن رحلته الطويلة إلى الجامعة.", "جاسم"),
        ("زار الشاب حماه في المستشفى بعد العملية.", "حماه"),
        ("صعد الجنود إلى تل مرتفع يطل على الوادي.", "تل"),
        ("تتميز الأغنية بالرقة والعذوبة.", "الرقة"),
        ("طرق الجار الباب بقوة في منتصف الليل.", "الباب"),
    ],
)
def test_common_word_alone_is_no_place(text, name):
    assert not named(text, name) and not unknown(text)


def test_common_words_with_a_place_word_are_places():
    assert named("نزح الأهالي من مدينة جاسم بريف درعا الشمالي.", "جاسم")[0].location.admin1 == "Daraa"
    assert named("قصفت الطائرات ريف حماة الغربي.", "حماة")[0].location.admin1 == "Hama"
    assert named("تقدمت القوات نحو مدينة الباب شرق حلب.", "الباب")[0].location.admin1 == "Aleppo"


def test_a_cue_confirms_a_common_word_across_the_article():
    text = "خرج المتظاهرون في الرقة مساء السبت. وتشهد أرياف الرقة توتراً منذ أيام."
    assert len(named(text, "الرقة")) == 2


# -- other countries -------------------------------------------------------------------


def test_country_adjective_picks_the_homonym():
    libya = named("دارت معارك عنيفة جنوب طرابلس الليبية.", "طرابلس")[0]
    lebanon = named("اندلعت اشتباكات في طرابلس اللبنانية ليلاً.", "طرابلس")[0]
    assert (libya.location.country, lebanon.location.country) == ("Libya", "Lebanon")


def test_city_named_like_its_province_lies_in_it():
    mention = named("سقطت قذائف على مدينة الحديدة صباح الأحد.", "الحديدة")[0]
    assert mention.location.admin1 == "Al Hudaydah"


def test_a_country_name_is_the_country():
    mention = named("تصاعدت المواجهات غربي اليمن خلال الأسبوع.", "اليمن")[0]
    assert mention.kind == "country" and mention.location.geo_precision == 2


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("قتل جندي في مديرية الصفراء بمحافظة صعدة.", "الصفراء", "Sa`dah"),
        ("فجر انتحاري نفسه في قضاء تلعفر غرب الموصل.", "تلعفر", "Ninawa"),
        ("هاجم مسلحون قرية نائية في ولاية شمال دارفور.", "شمال دارفور", "North Darfur"),
    ],
)
def test_district_and_state_words_of_other_countries(text, name, admin1):
    assert named(text, name)[0].location.admin1 == admin1


def test_city_word_keeps_a_city_against_a_village_of_the_sentence_governorate():
    text = "شنت الطائرات غارات على محافظة حجة، وسقطت قذائف على مدينة تعز مساءً."
    mention = named(text, "تعز")[0]
    assert mention.location.admin1 == "Ta`izz" and mention.kind == "city"


def test_quarter_belongs_to_the_city_named_nearest():
    text = "قصفت الطائرات مديرية حرض بمحافظة حجة، فيما أصيب مدنيون في حي الجحملية شرقي مدينة تعز."
    quarter = next(m for m in places(text) if "الجحملية" in m.location.name_ar)
    assert quarter.location.admin1 == "Ta`izz"


def test_valley_named_with_an_ordinary_word():
    mention = next(m for m in places("دمرت غارة وكراً للمسلحين في وادي الشاي جنوب كركوك.") if m.kind == "natural")
    assert mention.location.name_ar == "وادي الشاي" and mention.location.admin1 == "Kirkuk"


def test_ordinary_words_that_name_villages_need_support():
    text = "أصدرت الإدارة الذاتية بياناً يطالب بالحرية للمعتقلين في مدينة القامشلي."
    found = {m.location.name_ar for m in places(text)}
    assert found == {"القامشلي"}, found


def test_a_foreign_province_is_not_read_into_a_syrian_article():
    text = "قال مدير المرصد لقناة الجزيرة إن القصف استهدف مدينة درعا."
    assert not named(text, "الجزيرة") and named(text, "درعا")


def test_relative_word_before_a_type_word_sets_the_precision():
    west = named("سقطت قذائف صاروخية غرب مدينة إزرع مساء الخميس.", "ازرع")[0]
    assert west.role == "direction" and west.location.geo_precision == 2
    assert west.location.mention.startswith("غرب")
    both = [m for m in places("قصفت المدفعية أطراف بلدتي كفركلا والخيام.") if m.kind != "border"]
    assert [m.location.geo_precision for m in both] == [2, 2]


def test_countryside_without_a_name_is_that_of_the_governorate_named():
    text = "قصفت المدفعية بلدة الحراك بريف درعا، واستهدفت الغارات مزارع بالريف الغربي."
    mention = next(m for m in places(text) if m.location.mention == "بالريف الغربي")
    assert mention.location.admin1 == "Daraa" and mention.location.geo_precision == 3
    assert len(named("سيطرت الفصائل على الريف الشرقي لحماة.", "حماة")) == 1


def test_local_sources_and_relative_pronouns_are_no_places():
    text = "قالت مصادر محلية إن قوات النظام داهمت مدينة نوى، الذين يتخذهم النظام ذريعة."
    assert {m.location.name_ar for m in places(text)} == {"نوى"}


def test_areas_of_a_governorate_are_a_region():
    mention = named("تشهد مناطق درعا توتراً أمنياً منذ أشهر.", "درعا")[0]
    assert mention.role == "region" and mention.location.geo_precision == 3


def test_squares_streets_and_parks_are_named_with_their_head_word():
    square = unknown("احتشد المتظاهرون في ساحة السير تعج بالهتافات بمدينة السويداء.")
    assert "ساحة السير" in square and square["ساحة السير"].location.admin1 == "As-Suwayda"
    streets = {m.location.name_ar: m for m in places("سقطت قذيفة على شارعي النيل والقوتلي وسط مدينة حمص.")}
    assert streets["النيل"].location.gazetteer_id is None and streets["النيل"].location.admin1 == "Homs"


def test_definite_word_after_a_definite_noun_is_an_adjective():
    text = "نشرت القوات قناصة على الأبنية المرتفعة في مدينة القامشلي."
    assert {m.location.name_ar for m in places(text)} == {"القامشلي"}


def test_a_bare_name_repeats_the_quarter_named_before():
    text = "انفجرت عبوة في حي الجلاء بمدينة حلب. وقال شهود إن الانفجار هز الجلاء بأكمله."
    bare = [m for m in places(text) if m.location.name_ar == "الجلاء"]
    assert len(bare) == 2 and {m.location.admin1 for m in bare} == {"Aleppo"}


# -- robustness ------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["قرية", "حي", "أحياء", "قرى", "ريف", "غرب", "بين", "محيط", "أطراف", "المدينة", "درعا", "وطفس",
         "حلب", "الجديدة", "عدوان", "الباب", "مدينة", "الحدود", "الأردنية", "،", "و", ".", "“", "”",
         "سوحا", "وقتل", "اليوم", "الريف", "الشرقي", "لحماة", "طريق", "السد", "حاجزاً", "في"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_any_word_salad_gives_well_formed_mentions(words):
    text = " ".join(words)
    for mention in places(text):
        assert mention.span.quote(text) == mention.location.mention
        assert mention.span.start <= mention.name_span.start < mention.name_span.end <= mention.span.end
        assert mention.location.geo_precision in (1, 2, 3) and mention.location.name_ar.strip()


def test_text_without_arabic_places_gives_nothing():
    assert places("") == () and places("Shelling hit the outskirts of the town.") == ()


def test_crossings_roads_and_junctions_are_near_their_place():
    crossing = named("أغلقت السلطات معبر جابر الحدودي أمام الشاحنات.", "جابر")
    road = unknown("نصب مسلحون حاجزاً على طريق المسلخ في ريف حمص.")
    junction = named("انفجرت عبوة عند مفرق قرية عدوان غرب درعا.", "عدوان")[0]
    assert all(m.location.geo_precision == 2 for m in crossing)
    assert road["طريق المسلخ"].location.geo_precision == 2
    assert junction.role == "near" and junction.location.geo_precision == 2


def test_a_town_and_its_countryside_is_near_the_town():
    mention = named("قصفت الطائرات مدينة سراقب وريفها بعشرات الغارات.", "سراقب")[0]
    assert mention.role == "near" and mention.location.geo_precision == 2


def test_a_namesake_next_to_the_city_named_is_the_place():
    mention = named("اندلعت اشتباكات في منطقة جنزور غرب العاصمة طرابلس الليبية.", "جنزور")[0]
    assert mention.location.country == "Libya" and mention.location.gazetteer_id is not None


def test_an_adjective_after_a_plural_type_word_is_no_place():
    found = [m.location.name_ar for m in places("قصفت قوات الدعم السريع أحياء سكنية في مدينة الفاشر.")]
    assert found == ["الفاشر"]
    assert [m.location.name_ar for m in places("وقصفت المدفعية قرى سوحا والبويضة.")] == ["سوحا", "البويضة"]


def test_a_bearing_and_country_after_a_village_keep_it_in_that_country():
    text = ("قصفت طائرة مسيرة مبنى في حارة حريك بالضاحية الجنوبية لبيروت. "
            "كما استهدفت مسيرة سيارة على طريق بلدة عيتا الشعب جنوبي لبنان.")
    [mention] = named(text, "عيتا الشعب")
    assert mention.location.admin1 == "Nabatieh"


def test_a_type_word_that_is_part_of_the_name_stays_in_it():
    assert [m.location.name_ar for m in places("سقطت قذيفة في حارة حريك صباح اليوم.")] == ["حارة حريك"]


def test_an_ambush_is_no_village():
    found = [m.location.name_ar for m in places("قتل جنديان في كمين نصبه مسلحون قرب بلدة جاسم.")]
    assert "كمين" not in found and "جاسم" in found


def test_an_indefinite_adjective_after_a_singular_type_word_is_no_place():
    found = [m.location.name_ar for m in places("سقطت قذيفة على حي سكني في مديرية صالة شرق مدينة تعز.")]
    assert "سكني" not in found and "صالة" in found


def test_the_capital_word_picks_the_city_not_its_province():
    [mention] = [m for m in places("اعتقلت قوة أمنية خمسة ناشطين في العاصمة صنعاء اليوم.") if "صنعاء" in m.location.name_ar]
    assert (mention.kind, mention.location.geo_precision) == ("capital", 1)


def test_the_capital_word_governs_a_name_the_gazetteer_lacks_past_a_country_adjective():
    found = [m.location.name_ar for m in places("انفجرت سيارة مفخخة في العاصمة الصومالية مقديشو الأسبوع الماضي.")]
    assert found == ["مقديشو"]


def test_cue_positions_are_the_tokens_carrying_a_cue_word():
    tokens = tokenize("تقدمت القوات غرب بلدة الصنمين وبريف درعا الشمالي")
    assert [tokens[i].text for i in cue_positions(tokens)] == ["غرب", "بلدة", "وبريف", "الشمالي"]


def matched_keys(text):
    return [(m.first, m.last, m.key) for m in match_names(tokenize(text), load_gazetteer())]


def test_names_are_matched_behind_stacked_clitics_and_across_words():
    assert matched_keys("وصل الوفد إلى حلب وللرقة ودير الزور") == [
        (3, 3, "حلب"), (4, 4, "الرقه"), (5, 6, "دير الزور")]


def test_a_name_inside_a_longer_word_is_not_matched():
    keys = [key for _, _, key in matched_keys("كتب الصحفي الحلبي عن حلبة السباق وعن المحرقة")]
    assert "حلب" not in keys and "الرقه" not in keys and "رقه" not in keys


def test_cue_words_are_read_through_clitics_and_pronouns_but_not_inside_other_words():
    cues = [cue_of(token) for token in tokenize("بالريف لمدينتهم الحيوي تلفاز")]
    assert cues == [("region", "countryside"), ("type", "city"), None, None]


def test_the_countryside_of_a_town_is_near_it_and_of_a_governorate_is_the_region():
    [town] = [m for m in places("تعرضت قرى في ريف مدينة الفاشر لقصف مدفعي.") if m.location.name_ar == "الفاشر"]
    assert town.location.geo_precision == 2
    [province] = [m for m in places("تعرضت قرى في ريف محافظة إدلب لقصف مدفعي.") if "إدلب" in m.location.name_ar]
    assert province.location.geo_precision == 3


def test_a_verb_after_and_in_a_list_of_names_ends_the_list():
    found = [m.location.name_ar for m in places("رصدت وحدات الجيش تحركات على محور كنصفرة وتعاملت معها بالأسلحة المناسبة.")]
    assert found == ["كنصفرة"]


def test_the_name_as_written_is_kept_when_the_row_lacks_only_the_article():
    names = [m.location.name_ar for m in places("وانفجرت عبوة ناسفة في الميادين صباح اليوم.")]
    assert "الميادين" in names


def test_an_everyday_noun_with_a_pronoun_after_a_type_word_is_no_place():
    found = [m.location.name_ar for m in places("انسحب المسلحون إلى ما تبقى من مناطق سيطرتهم قرب البادية.")]
    assert "سيطرتهم" not in found


def test_a_camp_known_only_by_the_subdistrict_of_its_name_is_near_its_centre():
    [camp] = [m for m in places("سقطت قذائف على مخيم الهول بريف الحسكة.") if m.location.name_ar == "الهول"]
    assert camp.location.geo_precision == 2


def test_a_common_word_behind_a_preposition_is_not_confirmed_by_a_cue():
    found = [m.location.name_ar for m in places("أسفر القصف عن إصابة أحد المزارعين وإصابة المزارع بجروح طفيفة.")]
    assert "جروح" not in found


def test_an_unknown_quarter_lies_in_the_city_named_beside_it_not_where_a_namesake_is():
    [quarter] = [m for m in places("أصيبت طفلة برصاص قناص في حي الروضة شرقي مدينة تعز.") if m.location.name_ar == "الروضة"]
    assert quarter.location.admin1 == "Ta`izz"


def test_a_bearing_from_a_common_word_names_no_village_but_from_a_city_it_does():
    found = [m.location.name_ar for m in places("هدمت الجرافات منزلين في بلدة سلوان جنوب المسجد الأقصى. ودارت معارك شرق حماة.")]
    assert "المسجد" not in found and "حماة" in found


def test_a_nickname_of_two_hyphened_names_is_no_place():
    found = [m.location.name_ar for m in places('تصاعد القصف في منطقة "بوتين-أردوغان" على بلدات كنصفرة والفطيرة.')]
    assert "بوتين" not in found and "كنصفرة" in found


def test_an_unknown_list_name_ends_before_a_bi_al_phrase():
    found = [m.location.name_ar for m in places("قصفت قوات النظام بلدات كنصفرة والفطيرة وسفوهن بالمدفعية.")]
    assert found == ["كنصفرة", "الفطيرة", "سفوهن"]


def test_an_acts_verb_after_and_ends_a_list_of_villages():
    found = [m.location.name_ar for m in places("اقتحمت القوات قرية التكينة بولاية الجزيرة ونهبت الممتلكات واعتدت على السكان.")]
    assert "نهبت الممتلكات" not in found and "التكينة" in found


def test_a_two_letter_word_is_a_place_only_after_a_place_word():
    found = [m.location.name_ar for m in places("استهدفت المسيرات محطة كهرباء أم دباكر في مدينة كوستي.")]
    assert found == ["كوستي"]


# -- other countries' news -------------------------------------------------------------


def only(text, name):
    found = named(text, name)
    assert found, [(m.location.name_ar, m.location.admin1) for m in places(text)]
    return found[0]


def test_a_country_adjective_picks_the_country_of_a_name_several_countries_share():
    # «الحسينية» is a district in Egypt and a quarter of Baghdad: the adjective decides.
    text = "قتل رجل بهجوم مسلح في منطقة الحسينية بعد يوم من زيارة وفد حكومي إلى العاصمة العراقية."
    assert only(text, "الحسينية").location.admin1 == "Baghdad"


def test_a_country_named_in_a_bearing_has_no_governorate():
    mention = only("شنت طائرات مسيرة غارات على مواقع غربي اليمن.", "اليمن")
    assert mention.location.admin1 is None and mention.kind == "country"


def test_the_sea_off_a_coast_is_near_the_town():
    mention = only("غرق قارب يقل مهاجرين قبالة سواحل طبرق شرقي ليبيا.", "طبرق")
    assert mention.location.geo_precision == 2 and mention.location.admin1 == "Al Butnan"


def test_a_displacement_camp_word_heads_a_camp_name_but_a_training_camp_names_nothing():
    mention = only("قصفت قوات الدعم السريع معسكر أبوشوك للنازحين شمالي مدينة الفاشر.", "ابوشوك")
    assert mention.location.admin1 == "North Darfur" and mention.location.geo_precision == 1
    text = "نقل الجرحى إلى معسكر التدريب التابع للواء في مدينة مأرب."
    assert [m.location.name_ar for m in places(text)] == ["مأرب"]


def test_a_city_word_makes_a_district_row_the_city_itself():
    mention = only("قتل جنديان في مدينة مأرب.", "مارب")
    assert mention.role == "place" and mention.location.geo_precision == 1


def test_a_district_word_gives_only_the_district_unless_the_district_is_a_quarter_of_a_named_city():
    rural = only("عثر على جثث في قضاء تلعفر غربي الموصل.", "تلعفر")
    assert rural.location.geo_precision == 3 and rural.location.admin1 == "Ninawa"
    sudan = only("اندلعت اشتباكات في محلية الدلنج بولاية جنوب كردفان.", "الدلنج")
    assert sudan.location.geo_precision == 3
    urban = only("قتل شرطي في مديرية الشيخ عثمان بمدينة عدن.", "الشيخ عثمان")
    assert urban.location.geo_precision == 1 and urban.location.admin1 == "`Adan"


def test_a_quarter_named_by_a_common_word_lies_in_the_city_of_the_sentence():
    mention = only("سقطت قذيفة على حي السلام في مدينة الحديدة.", "السلام")
    assert mention.location.admin1 == "Al Hudaydah" and mention.location.lat is not None


def test_an_ordinary_word_holds_no_name_behind_a_clitic():
    # «باب» is a door, not «ب» + «إب» (Ibb)
    text = "وقف المسلحون عند باب المسجد في مدينة تعز."
    assert [m.location.name_ar for m in places(text)] == ["تعز"]


def test_a_gate_quarter_after_a_place_word_is_one_name():
    mention = only("انفجرت عبوة في منطقة باب المعظم وسط بغداد.", "باب المعظم")
    assert mention.location.admin1 == "Baghdad"


def test_a_bridge_named_by_a_city_is_near_that_city_but_a_road_between_two_is_near_neither():
    mention = only("انفجرت سيارة مفخخة قرب جسر الناصرية.", "الناصرية")
    assert mention.location.geo_precision == 2 and mention.location.admin1 == "Dhi-Qar"
    text = "نصب مسلحون حاجزا على طريق الموصل - دهوك."
    assert not any(m.location.name_ar == "الموصل" and m.role == "near" for m in places(text))


def test_somali_towns_regions_and_mogadishu_districts_resolve():
    town = only("هاجم مسلحو حركة الشباب مدينة جوهر بإقليم شبيلي الوسطى.", "جوهر")
    assert town.location.admin1 == "Middle Shabelle" and town.location.country == "Somalia"
    quarter = only("انفجرت عبوة في مديرية ورطيغلي بمقديشو.", "ورطيغلي")
    assert quarter.location.admin1 == "Banadir"


def test_definite_outskirts_with_adjectives_before_a_lam_place_are_near_it():
    mention = only("اقتحمت قوات الاحتلال الأطراف الجنوبية لبلدة يطا فجر اليوم.", "يطا")
    assert mention.role == "near" and mention.location.geo_precision == 2
    assert mention.location.mention.startswith("الأطراف")
    school = only("سقطت قذيفة على المدرسة الشرقية لبلدة يطا.", "يطا")  # a school is no outskirts
    assert school.location.geo_precision == 1


def test_a_subdistrict_word_puts_the_event_in_the_small_unit_near_its_town():
    text = "قتل شخص في اشتباك عشائري في ناحية الحيدرية."
    mention = next(m for m in places(text) if "الحيدرية" in m.location.name_ar)
    assert mention.location.geo_precision == 2 and mention.location.country == "Iraq"


def test_a_name_after_an_outlet_or_unit_word_is_part_of_that_name():
    assert places("أعلنت سرايا القدس قصف مواقع للاحتلال بالصواريخ.") == ()
    assert not named("قال مراسل قناة الجزيرة إن القصف استمر حتى الفجر.", "الجزيرة")
    # in Jordan «لواء» is a district, not a brigade
    assert only("أصيب شرطيان خلال مداهمة في لواء الرمثا.", "الرمثا").location.admin1 == "Irbid"


def test_jerusalem_and_refugee_camps_the_sources_lack_resolve():
    assert only("اقتحم مستوطنون باحات المسجد في القدس صباح اليوم.", "القدس").location.admin1 == "West Bank"
    camp = only("اعتقلت قوات الاحتلال ثلاثة شبان من مخيم الجلزون شمال رام الله.", "الجلزون")
    assert camp.location.lat is not None and camp.location.geo_precision == 1


def test_a_name_an_adjective_puts_in_another_country_is_no_place_and_no_context():
    text = "سقطت قذائف على موقع المالكية الإسرائيلي ردا على قصف بلدة حولا."
    assert not named(text, "المالكية")
    assert only(text, "حولا").location.country == "Lebanon"


def test_a_street_named_after_a_province_is_a_street_of_the_city_around():
    text = "أصيب شاب قرب شارع صلاح الدين في مدينة غزة."
    assert all(m.location.admin1 == "Gaza Strip" for m in places(text))
    assert {m.location.name_ar for m in places(text)} == {"شارع صلاح الدين", "غزة"}


def test_a_definite_word_behind_lil_describes_the_noun_before_it():
    text = "صدر بيان عن المكتب الإعلامي التابع للحرس الثوري في طهران."
    assert not named(text, "الثوري")


def test_the_lands_of_a_village_are_near_it():
    mention = only("أضرم مستوطنون النار في أراضي قرية بورين.", "بورين")
    assert mention.location.geo_precision == 2


def test_a_persons_name_is_no_village_unless_a_place_word_says_so():
    assert places("لقي أحمد صالح وعلي حسن مصرعهما برصاص مسلحين في سوق المدينة.") == ()
    village = only("قصفت المدفعية قرية علي حسن شرقي الحلة.", "علي حسن")
    assert village.location.admin1 == "Babil"


def test_a_refinery_named_by_its_town_is_near_the_town():
    mention = only("اندلعت اشتباكات قرب مصفاة بيجي شمال تكريت.", "بيجي")
    assert mention.location.geo_precision == 2 and mention.location.admin1 == "Sala ad-Din"


def test_a_valley_or_mountain_with_an_indefinite_name_is_one_feature_but_a_plain_road_is_none():
    valley = only("قتل شاب خلال مطاردة مهربين في وادي خالد بقضاء عكار.", "وادي خالد")
    assert valley.location.admin1 == "Akkar" and valley.role == "near"
    assert not any(m.location.name_ar.startswith("طريق") for m in places("انفجرت عبوة على طريق عام في المنطقة."))


def test_an_island_or_mountain_named_by_a_town_is_near_that_town():
    island = only("أصيب صياد بنيران زورق قبالة جزيرة كمران.", "كمران")
    assert island.location.geo_precision == 2 and island.location.admin1 == "Al Hudaydah"
    mountain = only("قصفت الطائرات مخابئ للمسلحين في جبل سنجار.", "سنجار")
    assert mountain.location.geo_precision == 2 and mountain.location.admin1 == "Ninawa"


def test_an_area_named_after_a_district_is_a_small_region():
    mention = only("قتل جنديان في هجوم على مواقع بمنطقة رغوان شمال غرب مأرب.", "رغوان")
    assert mention.location.geo_precision == 2


def test_the_capital_named_only_by_its_countrys_adjective_is_that_capital():
    mention = only("قتل شخصان بانفجار عبوة لاصقة في العاصمة العراقية مساء أمس.", "بغداد")
    assert mention.location.admin1 == "Baghdad" and mention.location.geo_precision == 1
    south = only("سقطت قذائف على أحياء جنوبي العاصمة السودانية.", "الخرطوم")
    assert south.role == "direction" and south.location.geo_precision == 2
    # the name itself follows: one mention of it, no second one for the words before it
    assert [m.location.name_ar for m in places("شنت طائرات غارات على العاصمة اليمنية صنعاء.")] == ["صنعاء"]


def test_an_unknown_town_an_adjective_puts_in_a_neighbouring_country_is_not_placed_at_home():
    text = "فر آلاف المدنيين من مدينة الجنينة إلى بلدة أدري التشادية بعد هجمات دامية."
    assert [m.location.name_ar for m in places(text)] == ["الجنينة"]


def test_unknown_subdistricts_and_districts_keep_the_precision_of_their_type_word():
    subdistrict = only("قتل شرطي في ناحية الورديات جنوب كركوك.", "الورديات")
    assert subdistrict.location.geo_precision == 2 and subdistrict.location.admin1 == "Kirkuk"
    district = only("قتل جندي في مديرية الحصينات بمحافظة مأرب.", "الحصينات")
    assert district.location.geo_precision == 3


def test_local_the_adjective_is_no_sudanese_locality():
    assert places("جرت انتخابات محلية هادئة وأكدت شركات محلية تعافي الأسواق.") == ()
    assert only("قصفت مسيرة قرية تابعة لمحلية الدلنج.", "الدلنج").location.geo_precision == 3


def test_the_perpetrator_is_no_border_crossing_but_a_named_crossing_is_one():
    assert named("اعتقلت الشرطة منفذ الهجوم في مدينة الموصل.", "الهجوم") == []
    crossing = only("أغلقت السلطات العراقية منفذ طريبيل الحدودي أمام المسافرين.", "طريبيل")
    assert crossing.location.geo_precision == 2 and crossing.location.admin1 == "Al-Anbar"


@pytest.mark.parametrize(("text", "name"), [
    ("داهمت القوة حي الصفصاف ببعلبك فجر اليوم.", "الصفصاف"),
    ("قصفت المدفعية قرية المنصورية بقذائف الهاون.", "المنصورية"),
])
def test_an_unknown_name_stops_at_a_place_behind_a_preposition_or_at_a_weapon(text, name):
    names = [m.location.name_ar for m in find_places(text, tokenize(text), split_sentences(text))]
    assert names[0] == name


def test_a_settlement_word_confirms_a_name_the_gazetteer_lacks():
    text = "سقطت قذائف على مستوطنة كريات شمونة اليوم."
    [mention] = find_places(text, tokenize(text), split_sentences(text))
    assert (mention.location.name_ar, mention.location.geo_precision) == ("كريات شمونة", 1)
