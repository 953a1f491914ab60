"""Trigger words typed into ACLED event types, with modality and weapons."""
import pytest

from rasd.extract.acts import find_acts
from rasd.text.segment import split_sentences, tokenize


def acts(text):
    return find_acts(tokenize(text), split_sentences(text))


def kinds(text):
    return [(a.event_type, a.sub_event_type) for a in acts(text) if a.modality is None]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("قصفت قوات النظام بلدة المسيفرة بقذائف المدفعية صباح اليوم.", "Shelling/artillery/missile attack"),
        ("استهدفت طائرة مسيرة سيارة على طريق سراقب.", "Air/drone strike"),
        ("شن الطيران الحربي ثلاث غارات على أطراف البلدة.", "Air/drone strike"),
        ("قتل شاب بانفجار عبوة ناسفة في حي المطار.", "Remote explosive/landmine/IED"),
        ("فجر انتحاري حزامه الناسف عند حاجز للشرطة.", "Suicide bomb"),
        ("ألقت المروحيات براميل متفجرة على القرية.", "Air/drone strike"),
    ],
)
def test_strikes_are_typed_by_their_weapon(text, sub):
    assert kinds(text) == [("Explosions/Remote violence", sub)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اندلعت اشتباكات عنيفة بين الفصائل وقوات النظام على أطراف القرية.", ("Battles", "Armed clash")),
        ("اعتقلت دورية أمنية ثلاثة شبان من البلدة فجر اليوم.", ("Strategic developments", "Arrests")),
        ("اختطف مسلحون مجهولون طبيبا على طريق المطار.", ("Violence against civilians", "Abduction/forced disappearance")),
        ("خرجت مظاهرة في ساحة البلدة تطالب بالإفراج عن المعتقلين.", ("Protests", "Peaceful protest")),
        ("توغلت آليات عسكرية في أطراف القرية ثم انسحبت.", ("Strategic developments", "Other")),
        ("توصل الطرفان إلى اتفاق يقضي بوقف العمليات العسكرية.", ("Strategic developments", "Agreement")),
    ],
)
def test_each_kind_of_act_gets_its_type(text, expected):
    assert kinds(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "نفت وزارة الدفاع قصف أي منطقة سكنية.",
        "لم تقصف الطائرات المدينة منذ أسبوع.",
        "هددت الفصائل باقتحام البلدة إذا لم تسلم المطلوبين.",
        "يخشى الأهالي من تخوف تجدد القصف على القرية.",
        "طالب الوجهاء بوقف القصف عن الأحياء السكنية.",
        "قد يتعرض الحي لقصف جديد إذا فشلت المفاوضات.",
        "قد تشن القوات هجوما على البلدة خلال الأيام المقبلة.",
        "أحيا الأهالي اليوم الذكرى السنوية الخامسة لمجزرة القصف على البلدة.",
        "يعرض فيلم وثائقي جديد عن معركة المدينة في المهرجان الأسبوع المقبل.",
    ],
)
def test_denied_threatened_feared_or_demanded_acts_are_marked(text):
    found = acts(text)
    assert found and all(a.modality for a in found)


@pytest.mark.parametrize(
    "text", ["وكانت القوات قد قصفت البلدة أمس.", "وقد تم قصف البلدة بالمدفعية.", "وقد تعرض الحي لقصف عنيف صباح اليوم."]
)
def test_qad_before_a_past_verb_tells_a_done_act(text):
    assert [a.modality for a in acts(text)] == [None]


def test_an_anniversary_recalls_only_its_own_clause():
    found = acts("في ذكرى مجزرة البلدة، تظاهر المئات في الساحة الرئيسية.")
    assert [(a.act, a.modality) for a in found][-1] == ("protest", None)


def test_continuation_words_do_not_block():
    assert kinds("ولا تزال الاشتباكات مستمرة في محيط الحي.") == [("Battles", "Armed clash")]


def test_a_takeover_won_after_fighting_is_one_takeover():
    found = acts("سيطرت القوات على قريتين بعد معارك عنيفة مع التنظيم.")
    assert [a.act for a in found] == ["takeover"]


def test_a_pattern_of_acts_is_no_act():
    assert kinds("وتشهد المنطقة عمليات اغتيال متكررة منذ أشهر.") == []
    assert kinds("رغم توقيع الاتفاق عادت الفصائل إلى المنطقة.") == []


def test_a_target_without_a_weapon_is_no_strike():
    assert kinds("أطلقت الشرطة حملة تستهدف تجار المخدرات في المدينة.") == []
    assert kinds("استهدفت قذائف الهاون حي الجامعة.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]


def test_arrests_at_a_protest_make_it_a_protest_with_intervention():
    assert kinds("فرقت الشرطة المتظاهرين واعتقلت عددا منهم وسط المدينة.") == [
        ("Protests", "Protest with intervention")
    ]


def test_weapons_and_tags_are_read_from_the_sentence():
    found = acts("تحاول القوات اقتحام البلدة بقصف براجمات الصواريخ والرشاشات الثقيلة وسط حركة نزوح.")
    [act] = [a for a in found if a.modality is None]
    assert set(act.weapons) >= {"MLRS", "heavy machine gun"}
    assert set(act.tags) == {"attempted_storming", "displacement"}


def test_dawn_is_no_detonation():
    assert acts("داهمت قوة أمنية منزلا عند الساعة الثانية فجر اليوم.")[0].act == "arrest"


def test_two_strikes_of_one_sentence_in_two_clauses_are_two_acts():
    found = kinds("شنت الطائرات المسيرة غارات على أطراف المدينة، فيما قصفت المدفعية مواقع في القرية.")
    assert found == [
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ]


def test_a_warning_governs_the_clause_it_introduces():
    assert kinds("وحذر الوزير من أن استمرار القصف على البلدات سيؤدي إلى موجة نزوح.") == []
    assert kinds("قصفت المدفعية البلدة اليوم، وحذر الأهالي من نزوح جديد.") != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اغتصب عناصر من الميليشيا فتاة في القرية أمس.", ("Violence against civilians", "Sexual violence")),
        ("أنشأت القوات التركية قاعدة عسكرية جديدة قرب البلدة.", ("Strategic developments", "Headquarters or base established")),
        ("انشق قائد الكتيبة مع عشرين من عناصره اليوم.", ("Strategic developments", "Change to group/activity")),
    ],
)
def test_rarer_kinds_of_act_are_typed_too(text, expected):
    assert kinds(text)[0] == expected


def test_a_series_of_strikes_is_still_a_strike():
    assert kinds("شن الطيران سلسلة غارات على مواقع في مديرية حرض صباح اليوم.") == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


def test_a_killing_in_a_relative_clause_does_not_make_a_protest_violent():
    text = "خرجت مظاهرة في المدينة نددت بالفلتان الأمني الذي تسبب بعمليات اغتيال عديدة."
    assert ("Protests", "Peaceful protest") in kinds(text)


def test_after_days_of_looks_back_over_the_rest_of_the_sentence():
    text = "يأتي ذلك بعد أيام من مجزرة في السوق راح ضحيتها العشرات جراء استهداف السوق بالبراميل."
    assert kinds(text) == []


def test_a_foiled_ground_attack_is_a_clash_and_a_foiled_bombing_disrupted_weapons_use():
    assert kinds("أعلن الجيش إحباط هجوم للمسلحين على مواقعه قرب الحدود.")[0] == ("Battles", "Armed clash")
    assert kinds("أحبطت القوات الأمنية محاولة تفجير سيارة مفخخة.")[0] == ("Strategic developments", "Disrupted weapons use")


def test_a_position_held_for_hours_then_left_is_a_clash_not_a_takeover():
    assert kinds("سيطر المسلحون على القاعدة العسكرية لساعات قبل أن ينسحبوا منها.") == [("Battles", "Armed clash")]
    assert kinds("سيطرت القوات على البلدة بعد انسحاب المسلحين منها.")[0][1] != "Armed clash"


def test_projectiles_that_fell_are_a_strike_and_other_falls_are_not():
    assert kinds("سقطت أربعة صواريخ داخل المطار العسكري مساء اليوم.") == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")]
    assert kinds("سقطت الطائرة في منطقة زراعية.") == []


def test_a_bi_noun_after_a_violent_verb_tells_its_manner_not_a_second_act():
    found = acts("اغتال مسلحون مجهولون أمس قياديا سابقا، بإطلاق النار عليه أثناء مروره في البلدة.")
    assert [a.act for a in found] == ["killing"]
    assert [a.act for a in acts("قتل شابان بقصف مدفعي على البلدة.")] == ["shelling"]


def test_state_media_idioms_for_an_attack_are_acts():
    assert kinds("أوقعت وحدات من الجيش قتلى في صفوف الإرهابيين في محيط البلدة.")[0][0] == "Battles"
    assert kinds("يأتي ذلك بعد يومين من هجوم استهدف نقطة عسكرية في البلدة.") == []


def test_plural_and_passive_forms_of_assassination_are_killings():
    assert [a.act for a in acts("قالت مصادر إن مسلحين اغتالوا قبل يومين موظفا في منظمة إغاثية.")] == ["killing"]
    assert [a.act for a in acts("اغتيل قيادي محلي برصاص مجهولين وسط المدينة.")] == ["killing"]


def test_suicide_drones_are_drone_strikes_not_suicide_bombings():
    assert kinds("استهدفت مسيرات انتحارية مطار المدينة فجر اليوم.") == [("Explosions/Remote violence", "Air/drone strike")]
    assert kinds("فجر انتحاري حزاما ناسفا في سوق المدينة.")[0][1] == "Suicide bomb"


def test_a_strike_by_workers_is_a_protest():
    assert kinds("أضرب مئات العمال عن العمل اليوم للمطالبة بزيادة الأجور.") == [("Protests", "Peaceful protest")]


def test_freeing_people_is_a_release_not_a_takeover():
    assert [a.act for a in acts("أعلنت الشرطة تحرير 40 مهاجرا من قبضة عصابة للتهريب.")] == ["release"]
    assert [a.act for a in acts("أعلن الجيش تحرير البلدة بعد معارك عنيفة.")] == ["takeover"]


def test_wounded_by_a_forces_fire_is_a_shooting():
    assert [a.act for a in acts("أصيب مهاجران بنيران حرس الحدود قرب المنفذ.")] == ["shooting"]


def test_gunmen_named_between_the_verb_and_its_fire_shoot():
    found = acts("أطلق مسلحان ملثمان النار على سائق أجرة في الحي.")
    assert [(a.act, a.verbal, a.sub_event_type) for a in found] == [("shooting", True, "Attack")]


def test_a_far_off_fire_is_not_the_verbs_object():
    assert kinds("أطلق الوزير مبادرة جديدة، وقال إن النار تحت الرماد.") == []


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("هاجمت الجماعة ناقلة نفط في خليج عدن بصاروخين باليستيين.", "Shelling/artillery/missile attack"),
        ("تعرضت سفينة حاويات لهجوم بزورق مسير قبالة ميناء الحديدة.", "Air/drone strike"),
        ("استهدفت الجماعة سفينة شحن بصاروخ مجنح في البحر الأحمر.", "Shelling/artillery/missile attack"),
    ],
)
def test_attacks_on_ships_are_typed_by_the_missile_or_boat(text, sub):
    assert kinds(text) == [("Explosions/Remote violence", sub)]


def test_a_weapon_noun_after_a_targeting_is_its_weapon_not_a_second_act():
    found = [a for a in acts("ردت الفصائل باستهداف آلية عسكرية بقذيفة مضادة للدروع قرب المعبر.") if a.modality is None]
    assert [(a.act, a.sub_event_type) for a in found] == [("target", "Shelling/artillery/missile attack")]


def test_a_means_noun_in_a_clause_with_its_own_subject_is_its_own_act():
    found = [a.act for a in acts("قصفت الميليشيا حي الصحافة، فرد الجيش باستهداف تجمعاتها في الحي المجاور بالمدفعية.")]
    assert found == ["strike", "target"]


def test_a_court_sentence_to_death_is_no_killing():
    assert kinds("حكمت محكمة الجنايات اليوم بإعدام خمسة مدانين في قضية تفجير.") == []


def test_a_square_named_after_liberation_is_no_takeover():
    assert kinds("اعتصم مئات العمال في ميدان التحرير أمس.") == [("Protests", "Peaceful protest")]


def test_tear_gas_on_a_crowd_is_an_intervention():
    assert kinds("أطلقت الشرطة الغاز المسيل للدموع على المحتجين أمام البرلمان.") == [
        ("Protests", "Protest with intervention")]


def test_a_town_taken_after_the_other_side_withdrew_changed_hands_without_a_fight():
    assert kinds("دخلت الحركة بلدة بولو بوردي وسيطرت عليها بعد انسحاب القوات الحكومية منها.") == [
        ("Strategic developments", "Non-violent transfer of territory")]


def test_warplanes_raiding_a_house_is_an_air_strike():
    assert kinds("أغارت المقاتلات على منزل في أطراف القرية.") == [("Explosions/Remote violence", "Air/drone strike")]


def test_a_missile_brought_down_is_disrupted_weapons_use():
    assert kinds("أعلنت الدفاعات الجوية اعتراض صاروخ أطلق باتجاه المطار.") == [
        ("Strategic developments", "Disrupted weapons use")]


def test_liberation_in_a_movements_name_is_no_takeover():
    assert kinds("وصل وفد من جبهة تحرير الشرق إلى المدينة للقاء المحافظ.") == []


def test_a_road_blocked_with_burning_tyres_is_a_riot():
    assert kinds("أغلق شبان غاضبون الطريق الرئيسي بالإطارات المشتعلة.") == [("Riots", "Violent demonstration")]


def test_houses_blown_up_by_a_force_are_property_destruction():
    assert kinds("نسفت قوات الاحتلال صباح اليوم ثلاثة منازل في أطراف البلدة.") == [
        ("Strategic developments", "Looting/property destruction")]


def test_dawn_is_no_blast():
    assert kinds("وصل الوفد فجر اليوم إلى المدينة وزار عددا من المنازل المتضررة.") == []


def test_the_aircraft_of_a_supporting_side_do_not_make_a_ground_attack_an_air_strike():
    assert kinds("هاجمت القوات بإسناد من طيران التحالف مواقع التنظيم في الوادي.") == [("Battles", "Armed clash")]


def test_a_killing_an_attack_resulted_in_is_its_toll():
    assert kinds("نفذت القوات هجوما على وكر للتنظيم، ما أسفر عن قتل خمسة مسلحين.") == [("Battles", "Armed clash")]


def test_an_assassination_by_a_drone_is_a_drone_strike():
    assert kinds("اغتالت طائرة مسيرة قياديا في الفصيل بصاروخ موجه.") == [("Explosions/Remote violence", "Air/drone strike")]


def test_explosives_seized_are_disrupted_weapons_use():
    assert kinds("ضبطت الشرطة عبوات ناسفة معدة للتفجير في مزرعة مهجورة.") == [
        ("Strategic developments", "Disrupted weapons use")]


def test_a_drone_shot_down_is_disrupted_weapons_use():
    assert kinds("أسقطت الدفاعات الجوية صباح اليوم طائرة مسيرة فوق المطار.") == [
        ("Strategic developments", "Disrupted weapons use")]


def test_a_missile_or_drone_launched_with_its_launcher_between_is_a_strike():
    text = "أطلقت الجماعة صاروخين باتجاه المدينة مساء أمس."
    assert [a.sub_event_type for a in find_acts(tokenize(text), split_sentences(text))] == [
        "Shelling/artillery/missile attack"]
    text = "أطلق المسلحون مسيرة مفخخة على معسكر الجيش."
    assert [a.sub_event_type for a in find_acts(tokenize(text), split_sentences(text))] == ["Air/drone strike"]


def test_a_raid_operation_is_an_arrest_act():
    text = "نفذت دورية عملية دهم في الحي."
    assert [a.sub_event_type for a in find_acts(tokenize(text), split_sentences(text))] == ["Arrests"]
