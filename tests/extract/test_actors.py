"""The actor resolver on sentences written like conflict reports of every framing."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.extract.actors import find_actors, resolve_actor, romanize
from rasd.text.segment import split_sentences, tokenize

OLD_SYRIA = "Military Forces of Syria (2000-2024)"
NEW_SYRIA = "Military Forces of Syria (2024-)"


def actors(text, **context):
    return find_actors(text, tokenize(text), split_sentences(text), **context)


def names(text, **context):
    return [m.actor.name for m in actors(text, **context) if m.kind != "person"]


@pytest.mark.parametrize(
    "text",
    [
        "قصفت ميليشيا أسد بلدة الحراك بقذائف الهاون مساء أمس.",          # opposition
        "ولاحقت عصابات الأسد الشبان على حاجز المدخل الشمالي.",          # opposition
        "وقصفت مروحيات النظام مواقع في ريف حماة الشمالي.",              # opposition, possessor
        "واستهدفت وحدات من جيشنا الباسل تجمعات الإرهابيين في المنطقة.",  # state media
        "وأعلن الجيش العربي السوري استعادة السيطرة على التلال المحيطة.",  # state media
        "وقال المرصد إن قوات النظام السوري تقدمت نحو البلدة.",          # monitor
        "وشنت القوات الحكومية السورية هجوماً على المدينة.",            # pan-Arab, neutral
    ],
)
def test_same_state_forces_under_every_framing(text):
    assert OLD_SYRIA in names(text, published="2019-05-02")


def test_mention_keeps_the_words_and_their_span_through_clitics():
    text = "واعتقلت دورية لقوات الأسد ثلاثة شبان."
    mention = next(m for m in actors(text) if m.kind == "state")
    assert mention.actor.mention == "لقوات الأسد"
    assert text[mention.span.start:mention.span.end] == "لقوات الأسد"
    assert mention.actor.type == 1 and mention.sentence == 0


def test_december_2024_switch_follows_the_date():
    text = "انتشر الجيش السوري في أحياء المدينة."
    assert names(text, published="2023-03-01") == [OLD_SYRIA]
    assert names(text, published="2025-02-10") == [NEW_SYRIA]


def test_no_date_reads_before_the_switch_unless_new_vocabulary_is_used():
    assert names("انتشر الجيش السوري في أحياء المدينة.") == [OLD_SYRIA]
    text = "اشتبك عناصر الأمن العام مع فلول النظام قرب جبلة، وانتشر الجيش السوري في المنطقة."
    found = names(text)
    assert "Police Forces of Syria (2024-)" in found
    assert "Assad Loyalist Militia (Syria)" in found
    assert NEW_SYRIA in found


def test_loyalists_are_a_militia_after_the_switch():
    actor = resolve_actor("فلول النظام البائد", published="2025-03-07")
    assert actor.name == "Assad Loyalist Militia (Syria)" and actor.type == 3


@pytest.mark.parametrize(
    ("mention", "name", "type_"),
    [
        ("الفرقة الرابعة", OLD_SYRIA, 1),
        ("عناصر من الحرس الجمهوري", OLD_SYRIA, 1),
        ("فرع الأمن العسكري", "Police Forces of Syria (2000-2024)", 1),
        ("دورية تابعة للمخابرات الجوية", "Police Forces of Syria (2000-2024)", 1),
    ],
)
def test_unit_is_its_parent_actor(mention, name, type_):
    actor = resolve_actor(mention, published="2020-01-15")
    assert (actor.name, actor.type) == (name, type_)


def test_generic_unit_takes_the_group_it_belongs_to():
    assert resolve_actor("الشرطة العسكرية التابعة لقسد").name == "Syrian Democratic Forces"
    assert resolve_actor("الشرطة العسكرية").name == OLD_SYRIA


def test_unidentified_gunmen():
    text = "أطلق مسلحون مجهولون النار على سيارة مدنية في ريف درعا الغربي."
    mention = next(m for m in actors(text) if m.kind == "unidentified")
    assert mention.actor.name == "Unidentified Armed Group (Syria)" and mention.actor.type == 3
    assert mention.actor.mention == "مسلحون مجهولون"


def test_blank_mention_is_an_unidentified_group_of_the_country():
    assert resolve_actor("", country="Iraq").name == "Unidentified Armed Group (Iraq)"


def test_civilians_in_every_form():
    text = "قتل طفل وامرأة وأصيب ثلاثة مدنيين، وهرع الأهالي لإسعاف راعي أغنام."
    civilians = [m for m in actors(text) if m.kind == "civilians"]
    assert {m.actor.name for m in civilians} == {"Civilians (Syria)"}
    assert len(civilians) == 5 and all(m.actor.type == 7 for m in civilians)


def test_protesters():
    assert resolve_actor("المتظاهرين").name == "Protesters (Syria)"
    assert resolve_actor("المحتجون", country="Iraq").type == 6


def test_clan_with_its_name():
    text = "اندلعت اشتباكات بين أبناء عشيرة الشعيطات ومسلحين من بلدة مجاورة."
    clan = next(m for m in actors(text) if m.kind == "clan")
    assert clan.actor.name == "Al-Sha'itat Clan Militia (Syria)" and clan.actor.type == 4


def test_communal_body_of_its_town():
    text = "وقال وجهاء بلدة طفس إن المفاوضات مستمرة."
    body = next(m for m in actors(text) if m.kind == "communal")
    assert body.actor.name == "Tafas Communal Group (Syria)"


def test_person_with_role_affiliation_and_kunya():
    text = "اغتيل القيادي السابق في الجيش الحر سامر الحوراني الملقب أبو عزام قرب منزله."
    person = next(m for m in actors(text) if m.kind == "person")
    assert person.person == "سامر الحوراني" and person.kunya == "أبو عزام"
    assert person.actor.name == "Opposition Rebels (Syria)"


def test_person_known_only_by_kunya():
    text = "وأعلن تنظيم داعش مقتل زعيم التنظيم في البادية (أبو حفص الأنصاري) بغارة."
    person = next(m for m in actors(text) if m.kind == "person")
    assert person.person == "أبو حفص الأنصاري" and person.actor.name == "Islamic State (Syria)"


def test_civilian_named_by_title():
    text = "قتل المواطن خالد سليمان برصاص قناص."
    person = next(m for m in actors(text) if m.kind == "person")
    assert person.person == "خالد سليمان" and person.actor.name == "Civilians (Syria)"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("أعلن الحوثيون استهداف سفينة في البحر الأحمر.", "Houthi Movement", 2),
        ("وشنت ميليشيا الحوثي هجوماً على مواقع الجيش الوطني في مأرب.", "Houthi Movement", 2),
        ("وقالت جماعة أنصار الله إن طائراتها المسيرة أصابت أهدافها.", "Houthi Movement", 2),
        ("سيطرت قوات الدعم السريع على مدينة الفاشر بعد معارك عنيفة.", "Rapid Support Forces", 2),
        ("وأحرق الجنجويد عشرات المنازل في القرية.", "Rapid Support Forces", 2),
        ("قصف جيش الاحتلال منزلاً في خان يونس.", "Military Forces of Israel", 8),
        ("وشن العدو الإسرائيلي غارة على بلدة عيتا الشعب في جنوب لبنان.", "Military Forces of Israel", 8),
        ("وأعلنت كتائب القسام تفجير آلية عسكرية شرق رفح.", "Al-Qassam Brigades", 2),
        ("هاجمت حركة الشباب قاعدة للجيش الصومالي.", "Al Shabaab", 2),
        ("وفجر تنظيم داعش عبوة ناسفة في كركوك.", "Islamic State (Iraq)", 2),
    ],
)
def test_actors_outside_syria(text, name, type_):
    found = [m.actor for m in actors(text)]
    assert any(a.name == name and a.type == type_ for a in found), found


def test_the_state_of_the_article_country():
    text = "اعتقلت القوات الأمنية خمسة مطلوبين في الموصل."
    assert names(text) == ["Police Forces of Iraq"]
    assert resolve_actor("الجيش", country="Lebanon").name == "Military Forces of Lebanon"


def test_sanaa_framing_names_the_houthis_the_yemeni_army():
    assert resolve_actor("الجيش واللجان الشعبية", country="Yemen").name == "Houthi Movement"
    assert resolve_actor("الجيش الوطني", country="Yemen").name == "Military Forces of Yemen (Government)"


def test_foreign_forces_by_their_adjective():
    assert resolve_actor("الطائرات الحربية الروسية").name == "Military Forces of Russia"
    israel = resolve_actor("ثلاث آليات عسكرية إسرائيلية", country="Syria")
    assert israel.name == "Military Forces of Israel" and israel.type == 8


def test_a_state_is_type_1_at_home_and_8_abroad():
    assert resolve_actor("الجيش التركي", country="Turkey").type == 1
    assert resolve_actor("الجيش التركي", country="Syria").type == 8
    assert resolve_actor("الجيش العراقي", country="Syria").type == 8


def test_anaphor_refers_to_the_last_named_actor():
    text = "هاجمت قوات سوريا الديمقراطية قرية في ريف الرقة. وقالت القوات إنها اعتقلت عشرة أشخاص."
    anaphor = next(m for m in actors(text) if m.actor.mention == "القوات")
    assert anaphor.actor.name == "Syrian Democratic Forces" and anaphor.sentence == 1


def test_possessor_alone_is_no_actor():
    assert resolve_actor("النظام الداخلي للجمعية") is None


def test_romanize_clan_names():
    assert romanize("المسالمة") == "Al-Masalmeh"


def test_anaphor_prefers_the_actor_the_article_is_about():
    text = ("سيطرت قوات سوريا الديمقراطية على قرية في ريف الحسكة بدعم من القوات الأمريكية. "
            "وأكدت قوات سوريا الديمقراطية مقتل عشرة من عناصر داعش. وقالت القوات إنها فككت ألغاماً.")
    anaphor = [m for m in actors(text) if m.actor.mention == "القوات"]
    assert anaphor and anaphor[0].actor.name == "Syrian Democratic Forces"


@pytest.mark.parametrize(
    ("mention", "country", "name"),
    [
        ("الغارات الجوية", "Palestine", "Military Forces of Israel"),
        ("غارات جوية", "Yemen", "Military Forces of Saudi Arabia"),
        ("غارات جوية", "Syria", OLD_SYRIA),
        ("غارات روسية", "Syria", "Military Forces of Russia"),
        ("بغارات التحالف الدولي", "Syria", "Military Forces of the United States"),
    ],
)
def test_unattributed_air_strikes_belong_to_who_flies_there(mention, country, name):
    assert resolve_actor(mention, country=country, published="2019-10-10").name == name


def test_weapon_noun_is_the_instrument_of_the_group_before_it():
    text = "قصفت ميليشيا الحوثي بالمدفعية أحياء سكنية في مدينة تعز."
    artillery = next(m for m in actors(text) if m.actor.mention == "بالمدفعية")
    assert artillery.actor.name == "Houthi Movement"


def test_common_nouns_need_their_military_noun():
    assert resolve_actor("الهيئة العامة للمساحة") is None
    assert resolve_actor("عناصر الهيئة", published="2022-04-01").name == "Hayat Tahrir al-Sham"
    assert resolve_actor("الحركة الثقافية") is None


def test_un_forces_are_foreign_everywhere():
    assert resolve_actor("قوات اليونيفيل", country="Lebanon").type == 8


def test_police_of_a_country_named_by_its_adjective():
    assert resolve_actor("الشرطة المصرية").name == "Police Forces of Egypt"
    assert resolve_actor("طيران الاحتلال الروسي").name == "Military Forces of Russia"


@pytest.mark.parametrize(
    ("mention", "country", "name"),
    [
        ("الميليشيات الانقلابية", "Yemen", "Houthi Movement"),      # government framing
        ("هجوم حوثي", "Yemen", "Houthi Movement"),
        ("مسيرات البرهان", "Sudan", "Military Forces of Sudan"),   # RSF framing
        ("الميليشيا المتمردة", "Sudan", "Rapid Support Forces"),    # army framing
    ],
)
def test_each_side_names_the_other(mention, country, name):
    assert resolve_actor(mention, country=country).name == name


def test_soldiers_named_by_nationality():
    soldiers = resolve_actor("ثلاثة عسكريين لبنانيين", country="Lebanon")
    assert soldiers.name == "Military Forces of Lebanon" and soldiers.type == 1
    assert resolve_actor("جنود إسرائيليون", country="Lebanon").type == 8


def test_general_security_before_the_switch_is_the_idlib_one_of_hts():
    assert resolve_actor("جهاز الأمن العام", published="2022-08-01").name == "Hayat Tahrir al-Sham"
    assert resolve_actor("جهاز الأمن العام", published="2025-08-01").name == "Police Forces of Syria (2024-)"


def test_person_whose_name_is_also_a_village():
    text = "قتل القيادي في حزب الله علي حسن المعروف بأبي جعفر بغارة إسرائيلية."
    person = next(m for m in actors(text, country="Lebanon") if m.kind == "person")
    assert (person.person, person.kunya, person.actor.name) == ("علي حسن", "أبي جعفر", "Hezbollah")


def test_a_place_after_a_title_is_no_name():
    text = "وفجر أمير التنظيم بحمص نفسه بحزام ناسف."
    assert not [m for m in actors(text) if m.kind == "person"]


def test_internal_security_forces_were_the_kurdish_ones_before_the_switch():
    assert resolve_actor("قوى الأمن الداخلي", published="2021-06-01", country="Syria").name == "Asayish"
    late = resolve_actor("قوى الأمن الداخلي", published="2025-06-01", country="Syria")
    assert late.name == "Police Forces of Syria (2024-)"
    assert resolve_actor("قوى الأمن الداخلي", country="Lebanon").name == "Police Forces of Lebanon"


PIECES = ["قوات", "النظام", "لقسد", "عشيرة", "وجهاء", "القيادي", "في", "أبو", "عزام", "الملقب", "«", "»",
          "(", ")", "،", ".", "مسلحون", "مجهولون", "طائرات", "روسية", "القوات", "بالمدفعية", "درعا", "طفس", "x", "٣"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_any_word_salad_gives_spans_that_quote_the_text(pieces):
    text = " ".join(pieces)
    for mention in actors(text):
        assert text[mention.span.start:mention.span.end] == mention.actor.mention
        assert mention.actor.name and mention.actor.type in range(1, 9)


def test_a_dual_of_clans_names_both():
    found = names("اندلعت اشتباكات بين مسلحين من قبيلتي الزوية والتبو في مدينة الكفرة.", country="Libya")
    assert found == ["Al-Zouieh Clan Militia (Libya)", "Al-Tabou Clan Militia (Libya)"]


def test_forces_named_by_their_nationality_do_not_take_the_group_after_them():
    found = names("قصفت الطائرات التركية مواقع لحزب العمال الكردستاني في منطقة الزاب.", country="Iraq")
    assert found[0] == "Military Forces of Turkey" and "PKK: Kurdistan Workers Party" in found


# -- framings of outlets outside Syria ------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("اقتحمت قوات دفاع شبوة مقرا حكوميا في مدينة عتق.", "Yemen", "Southern Transitional Council"),
        ("تقدمت العمالقة نحو مركز المديرية بعد معارك طاحنة.", "Yemen", "Military Forces of Yemen (Government)"),
        ("قال مصدر إن طيران العدوان شن سلسلة غارات على المحافظة.", "Yemen", "Military Forces of Saudi Arabia"),
        ("استهدف العدوان الأمريكي البريطاني ميناء الحديدة بعدة صواريخ.", "Yemen", "Military Forces of the United States"),
        ("هاجمت ميليشيا التمرد سوق البلدة ونهبت المحال.", "Sudan", "Rapid Support Forces"),
        ("أعلنت حركة العدل والمساواة انضمامها إلى القتال.", "Sudan", "JEM: Justice and Equality Movement"),
        ("داهم جهاز الردع منزلا في حي سوق الجمعة.", "Libya", "Military Forces of Libya (Government)"),
        ("أعلنت القيادة العامة للقوات المسلحة العربية الليبية وصول تعزيزات.", "Libya", "Libyan National Army"),
        ("لاحقت فرقة الرد السريع مطلوبين في أطراف المدينة.", "Iraq", "Police Forces of Iraq"),
        ("قتلت القوات الأمنية ثلاثة إرهابيين في كهف بالصحراء.", "Iraq", "Islamic State (Iraq)"),
        ("تبنت المقاومة الإسلامية في العراق قصف قاعدة حرير.", "Iraq", "Islamic Resistance in Iraq"),
        ("قضت قوات إنفاذ القانون على خمسة تكفيريين في وسط سيناء.", "Egypt", "Islamic State (Egypt)"),
        ("قضت قوات إنفاذ القانون على خمسة تكفيريين في وسط سيناء.", "Egypt", "Military Forces of Egypt"),
        ("أطلق عناصر من عرين الأسود النار على حاجز عسكري.", "Palestine", "Lions' Den"),
        ("اعتدت عصابات المستوطنين على قاطفي الزيتون.", "Palestine", "Settlers (Israel)"),
        ("هاجم المستعمرون مزارعين في أراضيهم شرق القرية.", "Palestine", "Settlers (Israel)"),
        ("أطلق الجيش قنابل الغاز صوب منازل القرية.", "Palestine", "Military Forces of Israel"),
        ("حلق الطيران الحربي على علو منخفض فوق القرى الحدودية.", "Lebanon", "Military Forces of Israel"),
        ("تصدى الجيش الوطني لهجوم شنه الخوارج على بلدة ساحلية.", "Somalia", "Al Shabaab"),
        ("تصدى الجيش الوطني لهجوم شنه الخوارج على بلدة ساحلية.", "Somalia", "Military Forces of Somalia"),
        ("قصفت أفريكوم مواقع في جنوب البلاد.", "Somalia", "Military Forces of the United States"),
        ("نشرت القوات الكينية دبابات على الحدود.", "Somalia", "Military Forces of Kenya"),
    ],
)
def test_framings_of_outlets_outside_syria(text, country, expected):
    assert expected in names(text, country=country, published="2023-06-01")


def test_the_army_in_lebanon_is_lebanese_but_in_palestine_israeli():
    text = "انتشر الجيش على مداخل البلدة."
    assert names(text, country="Lebanon") == ["Military Forces of Lebanon"]
    israel = actors(text, country="Palestine")[0].actor
    assert (israel.name, israel.type) == ("Military Forces of Israel", 8)


def test_al_shabaab_in_somalia_but_young_men_elsewhere():
    text = "هاجم الشباب ثكنة عند الفجر."
    assert names(text, country="Somalia") == ["Al Shabaab"]
    assert names(text, country="Yemen") == ["Civilians (Yemen)"]


def test_country_named_by_a_nationality_when_no_place_tells():
    found = actors("طردت القوات الحكومية الصومالية مقاتلي الحركة من قريتين.")
    assert [(m.actor.name, m.actor.type) for m in found] == [("Military Forces of Somalia", 1), ("Al Shabaab", 2)]


def test_a_place_named_after_a_lion_is_not_assad_outside_syria():
    text = "سقطت طائرة مسيرة قرب قاعدة عين الأسد غرب البلاد."
    assert OLD_SYRIA not in names(text, country="Iraq")
    assert OLD_SYRIA in names("وحلقت مروحيات الأسد فوق القرى.", country="Syria", published="2016-01-01")


def test_strikes_right_after_a_group_are_that_groups():
    assert names("شن الطيران الإسرائيلي غارات على ريف القنيطرة.", country="Syria", published="2025-04-01") == [
        "Military Forces of Israel", "Military Forces of Israel"]
    assert names("شنت طائرات روسية غارات على أطراف البلدة.", country="Syria", published="2016-04-01") == [
        "Military Forces of Russia", "Military Forces of Russia"]
    found = names("وشنت الطائرات الحربية غارات على أطراف البلدة.", country="Syria", published="2016-04-01")
    assert found == [OLD_SYRIA, OLD_SYRIA]  # nobody named: each noun is the state's own


def test_soldiers_killed_by_an_attack_are_not_its_doers():
    found = names("قتل جنديان بهجوم لتنظيم القاعدة في وادي عبيدة.", country="Yemen")
    assert found == ["Military Forces of Yemen (Government)", "AQAP: Al Qaeda in the Arabian Peninsula"]
    assert names("هاجم مسلحون من تنظيم القاعدة نقطة أمنية.", country="Yemen")[0] == "AQAP: Al Qaeda in the Arabian Peninsula"


def test_an_activist_named_is_a_civilian_person():
    text = "اغتال مسلحون مجهولون الناشط سامر الحديثي أمام منزله."
    person = next(m for m in actors(text, country="Iraq") if m.kind == "person")
    assert (person.person, person.actor.name) == ("سامر الحديثي", "Civilians (Iraq)")


def test_a_group_inside_a_persons_name_is_no_group():
    found = actors("استشهد الشاب سالم أبو حماس برصاص قوات الاحتلال قرب الحاجز.", country="Palestine")
    assert [m.actor.name for m in found if m.kind != "person"] == ["Military Forces of Israel"]
    person = next(m for m in found if m.kind == "person")
    assert person.actor.name == "Civilians (Palestine)" and person.kunya == "أبو حماس"


def test_nusra_is_the_tahrir_al_sham_after_its_merger():
    assert resolve_actor("جبهة النصرة", published="2014-03-01", country="Syria").name == "Jabhat al-Nusra"
    assert resolve_actor("جبهة النصرة", published="2018-03-01", country="Syria").name == "Hayat Tahrir al-Sham"


def test_single_soldiers_and_conscripts_are_the_states():
    found = names("قتل مجند وأصيب شرطيان في هجوم على كمين.", country="Egypt")
    assert found == ["Military Forces of Egypt", "Police Forces of Egypt"]


def test_occupation_with_a_nationality_is_that_countrys():
    assert names("قصف الاحتلال السعودي قرى حدودية.", country="Yemen") == ["Military Forces of Saudi Arabia"]
    assert names("قصف الاحتلال قرى حدودية.", country="Lebanon") == ["Military Forces of Israel"]


def test_soldiers_in_palestine_are_israels_and_named_once():
    found = actors("أطلق جنود الاحتلال قنابل الصوت على المصلين.", country="Palestine")
    assert [(m.actor.mention, m.actor.name) for m in found] == [
        ("جنود الاحتلال", "Military Forces of Israel"), ("المصلين", "Civilians (Palestine)")]
    assert names("أصيب جنديان بعملية إطلاق نار قرب المستوطنة.", country="Palestine") == ["Military Forces of Israel"]


def test_a_crowd_right_after_the_security_forces_stays_a_crowd():
    found = actors("فرقت قوات الأمن المحتجين بخراطيم المياه.", country="Iraq")
    assert [(m.actor.mention, m.actor.name) for m in found] == [
        ("قوات الأمن", "Police Forces of Iraq"), ("المحتجين", "Protesters (Iraq)")]


def test_national_army_factions_join_the_new_army_in_2025():
    assert resolve_actor("فرقة السلطان مراد", published="2022-02-01", country="Syria").name == "Syrian National Army"
    assert resolve_actor("فرقة السلطان مراد", published="2025-07-01", country="Syria").name == NEW_SYRIA


def test_remnants_are_the_armys_allies_in_sudan_and_assads_in_syria():
    assert names("اتهمت قوات الدعم السريع الفلول بقصف السوق.", country="Sudan") == [
        "Rapid Support Forces", "Military Forces of Sudan"]
    assert names("هاجم الفلول حاجزا قرب القرداحة.", country="Syria", published="2025-03-01") == [
        "Assad Loyalist Militia (Syria)"]


@pytest.mark.parametrize(
    ("mention", "country", "name"),
    [
        ("سلطات صنعاء", "Yemen", "Houthi Movement"),
        ("مسلحين حوثيين", "Yemen", "Houthi Movement"),
        ("القوات الموالية للحكومة", "Yemen", "Military Forces of Yemen (Government)"),
        ("البحرية الأمريكية", "Yemen", "Military Forces of the United States"),
        ("قوات الاحتياطي المركزي", "Sudan", "Police Forces of Sudan"),
        ("قوات الجيش الليبي", "Libya", "Libyan National Army"),
        ("القوات التابعة لحكومة الوحدة", "Libya", "Military Forces of Libya (Government)"),
        ("فصائل مسلحة موالية لإيران", "Iraq", "Popular Mobilization Forces"),
        ("قوات الأمن الفلسطيني", "Palestine", "Police Forces of Palestine"),
    ],
)
def test_one_mention_of_another_countrys_outlets(mention, country, name):
    assert resolve_actor(mention, country=country, published="2023-05-01").name == name


def test_the_yemeni_army_is_the_governments_unless_told_in_sanaas_words():
    assert names("استعاد الجيش اليمني مواقع في مديرية صرواح من الحوثيين.", country="Yemen") == [
        "Military Forces of Yemen (Government)", "Houthi Movement"]
    assert names("أفشل الجيش اليمني زحفا لمرتزقة العدوان نحو التباب المحيطة.", country="Yemen") == [
        "Houthi Movement", "Military Forces of Yemen (Government)"]
    # a bare «العدوان» is anybody's word, not a mark of Sanaa's outlets
    assert names("ندد الجيش اليمني بالعدوان الحوثي على الأحياء.", country="Yemen")[0] == "Military Forces of Yemen (Government)"


def test_groups_bound_to_a_country_outvote_one_place_of_a_shared_name():
    from rasd.extract.actors import article_country
    from rasd.extract.places import find_places

    text = "هاجم الجيش الوطني مواقع الحوثيين في منطقة الكسارة وقتل عددا منهم."
    tokens, sentences = tokenize(text), split_sentences(text)
    assert article_country(find_places(text, tokens, sentences), tokens) == "Yemen"
    assert article_country((), tokenize("انتشرت قوات الأمن في الشوارع.")) is None


def test_a_group_word_after_abu_is_a_family_name():
    text = "استشهد محمود أبو حماس وأصيب سعيد أبو الجيش برصاص قوات الاحتلال."
    assert names(text, country="Palestine") == ["Military Forces of Israel"]


def test_a_named_group_beats_a_generic_noun_of_the_same_length():
    found = names("تقدمت وحدات من الجيش الوطني الليبي نحو الحقول النفطية.", country="Libya")
    assert found == ["Libyan National Army"]


def test_two_forces_joined_by_and_keep_their_own_names():
    found = names("طوقت القوات الأمنية والحشد الشعبي القرية بحثا عن الخلية.", country="Iraq")
    assert found == ["Police Forces of Iraq", "Popular Mobilization Forces"]


def test_members_in_the_plural_are_no_named_person():
    found = actors("قال شهود إن عناصر من الدعم السريع داهموا السوق ونهبوا المحال.", country="Sudan")
    assert not [m for m in found if m.kind == "person"]
    assert [m.actor.name for m in found] == ["Rapid Support Forces"]


def test_allied_aircraft_are_the_first_nationality_named():
    found = names("قصفت طائرات أمريكية وبريطانية مواقع قرب الميناء.", country="Yemen")
    assert found == ["Military Forces of the United States"]


def test_a_rank_between_the_group_and_the_name_is_skipped():
    text = "قال المتحدث باسم الجيش الليبي اللواء خالد المحجوب إن الطريق أعيد فتحه."
    person = next(m for m in actors(text, country="Libya") if m.kind == "person")
    assert (person.person, person.actor.name) == ("خالد المحجوب", "Libyan National Army")
    text = "توعد قائد قوات الدعم السريع الفريق أول حامد الطاهر بمواصلة الهجوم."
    person = next(m for m in actors(text, country="Sudan") if m.kind == "person")
    assert (person.person, person.actor.name) == ("حامد الطاهر", "Rapid Support Forces")


def test_the_bare_army_follows_the_outlets_side_in_yemen():
    sanaa = "أعلنت القوات المسلحة إسقاط طائرة تجسس ردا على العدوان السعودي الأمريكي."
    assert names(sanaa, country="Yemen")[0] == "Houthi Movement"
    aden = "أعلنت القوات المسلحة إسقاط طائرة مسيرة أطلقها الحوثيون."
    assert names(aden, country="Yemen")[0] == "Military Forces of Yemen (Government)"


def test_militias_called_irans_are_iraqi_factions_in_iraq():
    assert resolve_actor("المليشيات المدعومة من إيران", country="Iraq").name == "Popular Mobilization Forces"
    assert resolve_actor("الميليشيات الإيرانية", country="Syria", published="2019-01-01").name == "Military Forces of Iran"


def test_a_form_that_means_another_group_elsewhere_does_not_vote_for_a_country():
    found = actors("قصفت الميليشيات الإيرانية قرية شرقي البلاد.", published="2019-01-01")
    assert [m.actor.name for m in found] == ["Military Forces of Iran"]


def test_a_nationality_after_a_verb_does_not_requalify_a_force_that_has_one():
    text = "قوات تركية تعتقل عراقيين قرب الحدود"
    assert names(text, country="Iraq")[0] == "Military Forces of Turkey"


def test_a_side_joined_by_and_is_not_taken_into_the_military_noun_before_it():
    text = "دارت معارك بين قوات الجيش والحوثيين شمال المدينة"
    assert names(text, country="Yemen") == ["Military Forces of Yemen (Government)", "Houthi Movement"]


def test_a_model_name_between_aircraft_and_their_nationality_is_skipped():
    assert "Military Forces of Jordan" in names("أغارت مقاتلات F-16 الأردنية على مخزن للأسلحة.", country="Syria")
