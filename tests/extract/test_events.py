"""Event records assembled from acts and places, on reports the team wrote."""
import pytest
from rasd.extract.events import ArticleFacts, extract_events
from rasd.extract.places import find_places
from rasd.extract.sources import find_sources
from rasd.text.segment import split_sentences, tokenize


def facts(text, **extra):
    tokens, sentences = tokenize(text), split_sentences(text)
    return ArticleFacts(text, tokens, sentences, find_places(text, tokens, sentences), **extra)


def events(text, **extra):
    return extract_events(facts(text, **extra))


def places_of(found):
    return [e.location.name_ar for e in found]


def test_one_event_per_village_of_a_list():
    found = events("قصفت المدفعية بلدتي طفس والمزيريب بريف درعا الغربي.")
    assert places_of(found) == ["طفس", "المزيريب"]
    assert {e.sub_event_type for e in found} == {"Shelling/artillery/missile attack"}


def test_the_governorate_that_locates_a_village_is_no_second_event():
    found = events("استهدفت غارة جوية قرية البارة في ريف إدلب الجنوبي.")
    assert places_of(found) == ["البارة"]


def test_the_home_town_of_the_victims_is_not_the_place():
    found = events("قتل شابان من مدينة جاسم بانفجار عبوة ناسفة في بلدة نوى.")
    assert places_of(found) == ["نوى"]


def test_headline_and_body_of_one_act_merge_into_one_event():
    text = "قصف مدفعي على بلدة طفس\n\nقصفت قوات النظام بلدة طفس بالمدفعية الثقيلة صباح اليوم."
    [event] = pipeline_events(text)
    assert event.location.name_ar == "طفس"
    assert len(event.evidence) == 2


def test_an_act_in_a_governorate_is_absorbed_by_the_same_act_in_its_village():
    text = "غارات على ريف إدلب\n\nشنت الطائرات الحربية غارات على قرية البارة جنوبي إدلب."
    assert places_of(events(text)) == ["البارة"]


def test_a_sentence_without_a_place_takes_the_place_before_it():
    text = "اعتقلت دورية أمنية شابين في مدينة جاسم. وفي وقت لاحق داهمت الدورية منزلا آخر واعتقلت صاحبه."
    found = events(text)
    assert places_of(found) == ["جاسم"]
    assert len(found[0].evidence) == 2


def test_evidence_quotes_the_sentence_that_states_the_act():
    text = "هدأت الأوضاع نسبيا. وانفجرت عبوة ناسفة على طريق بلدة نوى ظهر اليوم."
    [event] = events(text)
    quoted = [text[s.start:s.end] for s in event.evidence]
    assert quoted == ["وانفجرت عبوة ناسفة على طريق بلدة نوى ظهر اليوم."]


def test_notes_are_one_english_sentence_built_from_the_fields():
    [event] = events("انفجرت عبوة ناسفة في بلدة نوى.")
    assert event.notes.startswith("On the day of publication, Unidentified Armed Group (Syria)")
    assert "Nawa" in event.notes


def test_an_article_without_acts_has_no_events():
    assert events("عقد مجلس المحافظة اجتماعه الدوري في مدينة درعا لبحث واقع الخدمات.") == ()


def test_confidence_rises_with_a_date_and_a_toll_in_the_sentence():
    [bare] = pipeline_events("قصفت المدفعية بلدة طفس.")
    [full] = pipeline_events("قصفت المدفعية بلدة طفس اليوم ما أدى إلى مقتل مدنيين.")
    assert full.confidence > bare.confidence


def test_an_act_that_borrows_its_place_from_another_sentence_is_unlikely_enough_to_drop():
    text = "هدأ الوضع في بلدة طفس. وأفاد ناشطون بتوصل الطرفين إلى اتفاق."
    assert pipeline_events(text) == ()


def test_reported_by_names_the_source_of_the_evidence_else_the_outlet():
    text = "انفجرت عبوة ناسفة في بلدة نوى بحسب مصادر محلية.\n\nوقصفت المدفعية بلدة طفس."
    first, second = events(text, outlet="Example News", sources=find_sources(tokenize(text)))
    assert first.reported_by == ("local sources",)
    assert second.reported_by == ("local sources",)
    assert events("قصفت المدفعية بلدة طفس.", outlet="Example News")[0].reported_by == ("Example News",)


def pipeline_events(text, published="2023-03-14"):
    from rasd import process

    return process(text, published=published).events


def test_active_voice_puts_the_subject_first():
    [event] = pipeline_events("قصفت قوات النظام بلدة طفس بقذائف الهاون صباح اليوم.")
    assert event.actor1.name == "Military Forces of Syria (2000-2024)"


def test_passive_voice_finds_the_doer_after_the_trigger():
    [event] = pipeline_events("تعرضت بلدة طفس لقصف مدفعي من قوات النظام مساء أمس.")
    assert event.actor1.name == "Military Forces of Syria (2000-2024)"
    assert event.date_offset_days == -1 and event.date == "2023-03-13"


def test_a_group_named_after_a_blast_is_its_target():
    [event] = pipeline_events("انفجرت عبوة ناسفة بدورية تابعة لقوات سوريا الديمقراطية قرب بلدة الصبحة بريف دير الزور اليوم.")
    assert event.actor1.name == "Unidentified Armed Group (Syria)"
    assert event.actor2.name == "Syrian Democratic Forces"


def test_an_act_in_a_past_year_is_background():
    text = "سيطرت قوات النظام على بلدة طفس في صيف عام 2018 بعد معارك عنيفة."
    assert pipeline_events(text) == ()


def test_casualties_of_the_act_sentence_are_counted():
    [event] = pipeline_events("قتل ثلاثة مدنيين بينهم طفلان وأصيب خمسة آخرون بقصف مدفعي على بلدة طفس اليوم.")
    assert (event.fatalities, event.injuries) == (3, 5)
    assert event.actor2.name == "Civilians (Syria)"


def test_a_toll_for_two_villages_is_split_between_their_events():
    found = pipeline_events("قتل ثلاثة أطفال بانفجار لغمين في قريتي طفس والمزيريب اليوم.")
    assert sorted(e.fatalities for e in found) == [1, 2]


def test_an_anaphoric_act_adds_its_toll_to_the_event_before_it():
    text = ("استهدفت طائرة مسيرة سيارة مدنية على أطراف قرية البارة اليوم. "
            "وجاء الهجوم من جهة مواقع الجيش شرقا، وتسبب بإصابة السائق بجروح.")
    [event] = pipeline_events(text)
    assert event.injuries == 1 and len(event.evidence) == 2


def test_a_relative_clause_about_the_past_is_not_the_place_of_the_act():
    text = "فجر القيادي نفسه بحزام ناسف في بلدة عدوان أمس، حيث كان مطلوبا في مدينة طفس."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["عدوان"]


def test_a_self_detonation_counts_the_bomber():
    [event] = pipeline_events("فجر قيادي في التنظيم نفسه بحزام ناسف في بلدة عدوان أمس ما أدى إلى مقتل شاب.")
    assert event.sub_event_type == "Suicide bomb" and event.fatalities == 2


def test_a_headline_restated_by_the_body_is_not_a_second_event():
    text = "غارات على سراقب\n\nشنت الطائرات الحربية غارات على مدينة سراقب صباح اليوم."
    found = pipeline_events(text, published=None)
    assert [e.location.name_ar for e in found] == ["سراقب"]


def test_an_act_named_only_as_the_cause_of_displacement_is_no_event():
    text = "نزح آلاف السكان من مدن أريحا وسراقب نحو الحدود بسبب قصف النظام خلال الأسابيع الماضية."
    assert pipeline_events(text, published=None) == ()


def test_the_places_of_an_origin_list_are_all_origins():
    text = "قتل مدنيان من بلدات طفس والمزيريب واليادودة بانفجار لغم في بلدة نوى اليوم."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["نوى"]


def test_a_city_event_folds_into_the_same_act_in_one_of_its_quarters():
    text = "اشتباكات في القامشلي\n\nاندلعت اشتباكات عنيفة صباح اليوم في حي طي بمدينة القامشلي بين مسلحين."
    found = pipeline_events(text, published=None)
    assert [e.location.name_ar for e in found] == ["طي"]


STATEMENT_IN_THE_CITY = ("ذكرت مصادر محلية أن وجهاء من عشيرة البكارة في مدينة دمشق أصدروا بياناً اليوم "
                         "يدعو إلى إبعاد الغرباء عن أحيائهم خلال يومين.")


def test_a_city_event_is_placed_in_the_one_quarter_its_heading_names():
    found = pipeline_events("تطورات في حي القنوات\n\n" + STATEMENT_IN_THE_CITY)
    assert [(e.location.name_ar, e.location.geo_precision) for e in found] == [("حي القنوات", 1)]


def test_a_clans_notables_in_a_statement_are_their_towns_communal_group():
    [event] = pipeline_events("تطورات في حي القنوات\n\n" + STATEMENT_IN_THE_CITY)
    assert (event.actor1.name, event.actor1.type) == ("Qanawat Communal Group (Syria)", 4)
    assert event.actor2 is None  # the strangers the statement speaks of are no party to it


def test_a_clans_armed_men_in_a_clash_stay_the_clan_militia():
    found = pipeline_events("اندلعت اشتباكات عنيفة بين مسلحين من عشيرة البكارة وقوات النظام في بلدة نوى اليوم.")
    assert "Al-Bakareh Clan Militia (Syria)" in {e.actor1.name for e in found} | {e.actor2.name for e in found if e.actor2}


def test_a_city_event_stays_in_the_city_when_two_of_its_quarters_are_named_beside_it():
    found = pipeline_events("تطورات في حي القنوات\n\n" + STATEMENT_IN_THE_CITY + " وتجمع الأهالي في حي الميدان.")
    assert [e.location.name_ar for e in found] == ["دمشق"]


def test_a_place_named_in_a_recalled_clause_is_not_where_todays_act_is():
    found = pipeline_events("في ذكرى مجزرة الحولة، تظاهر المئات في مدينة إدلب اليوم.")
    assert [(e.sub_event_type, e.location.name_ar) for e in found] == [("Peaceful protest", "إدلب")]


def test_a_group_that_reports_the_act_is_not_its_doer():
    [event] = pipeline_events("أعلنت خلية الإعلام الأمني إصابة جنديين بانفجار عبوة ناسفة في قضاء الطارمية اليوم.")
    assert event.actor1.name == "Unidentified Armed Group (Iraq)"


def test_an_anaphoric_place_word_points_back_to_the_place_named_before():
    text = ("قتل شاب برصاص قوات الاحتلال الإسرائيلي خلال اقتحام مخيم جنين اليوم. "
            "واعتقلت قوات الاحتلال خمسة شبان من المخيم.")
    places = {(e.sub_event_type, e.location.name_ar) for e in pipeline_events(text)}
    assert ("Arrests", "جنين") in places


def test_a_civilian_named_with_a_nationality_stays_a_civilian():
    [event] = pipeline_events("استشهد شاب فلسطيني برصاص قوات الاحتلال الإسرائيلي في مخيم جنين اليوم.")
    assert event.event_type == "Violence against civilians"
    assert event.actor2.name == "Civilians (Palestine)"


def test_a_nationality_on_the_strike_names_its_doer():
    [event] = pipeline_events("قتل ثلاثة مدنيين جراء غارات روسية على مدينة سراقب اليوم.")
    assert event.actor1.name == "Military Forces of Russia"


def test_the_first_of_two_joined_subjects_is_the_doer():
    [event] = pipeline_events("سيطر الجيش السوري والدفاع الوطني على قرية أبو دالي اليوم بعد معارك مع تنظيم داعش.")
    assert event.actor1.name == "Military Forces of Syria (2000-2024)"
    assert event.sub_event_type == "Government regains territory"


def test_a_battle_takes_its_other_side_from_the_article():
    text = ("اندلعت معارك عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش شرق منبج. "
            "وسيطرت القوات اليوم على قرية دوشان.")
    found = [e for e in pipeline_events(text) if e.location.name_ar == "دوشان"]
    assert found and {found[0].actor1.name, found[0].actor2.name} == {
        "Syrian Democratic Forces", "Islamic State (Syria)"}


def test_where_the_fire_came_from_is_not_where_it_fell():
    text = "أصيب مدنيان اليوم بقذائف أطلقتها قوات النظام من مواقعها في تل الجموع على مدينة نوى."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["نوى"]


def test_a_raid_and_arrests_of_one_sentence_are_one_event():
    text = "داهمت دورية أمنية منازل في مدينة جاسم فجر اليوم، واعتقلت ثلاثة شبان من المدينة."
    [event] = pipeline_events(text)
    assert (event.sub_event_type, event.location.name_ar) == ("Arrests", "جاسم")


def test_a_list_of_towns_with_type_words_is_a_list_not_a_container():
    text = "داهمت دوريات أمنية مدينتي دوما وحرستا وبلدة مسرابا أمس واعتقلت عشرات الشبان."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["دوما", "حرستا", "مسرابا"]


def test_those_areas_point_back_at_the_list_of_the_other_act():
    text = ("شنت الطائرات الروسية اليوم غارات على بلدات سراقب وأريحا وجسر الشغور، "
            "وفي الوقت ذاته ألقت مروحيات النظام حاويات متفجرة فوق تلك البلدات.")
    found = pipeline_events(text)
    doers = {(e.location.name_ar, e.actor1.name) for e in found}
    assert ("سراقب", "Military Forces of Syria (2000-2024)") in doers
    assert ("سراقب", "Military Forces of Russia") in doers
    assert len(found) == 6


def test_a_quoted_list_of_destinations_is_all_destinations():
    text = ('نزح الآلاف بسبب القصف، وتوجه قسم منهم إلى منطقة "درع الفرات" و"غصن الزيتون" شمال حلب.')
    assert pipeline_events(text, published=None) == ()


def test_a_dateline_or_a_source_name_is_not_the_place_of_the_act():
    text = "في دمشق، قالت الوكالة إن الجيش سيطر اليوم على قرية أبو دالي بعد معارك مع التنظيم."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["أبو دالي"]


def test_an_earlier_act_named_in_passing_is_no_event():
    assert pipeline_events("وسبق أن اعتقلت القوات عشرات الشبان في مدينة الرقة.") == ()
    assert pipeline_events("يأتي ذلك بعد أيام من مجزرة ارتكبتها الطائرات في مدينة الأتارب.") == ()


def test_a_spot_the_gazetteer_lacks_inside_a_known_quarter_is_coded_at_the_quarter():
    text = "قتل رجل اليوم بانفجار عبوة ناسفة في حارة الجامع بقرية اليادودة غربي درعا."
    assert [e.location.name_ar for e in pipeline_events(text)] == ["اليادودة"]


def test_the_soldiers_a_toll_counts_are_victims_and_the_marked_attacker_acts():
    text = "قتل خمسة جنود صوماليين اليوم في هجوم شنته حركة الشباب على قاعدة في مدينة أفجوي."
    [event] = pipeline_events(text)
    assert event.actor1.name == "Al Shabaab"


def test_a_clash_between_two_armed_groups_is_theirs_not_a_report_of_them():
    text = "اندلعت اشتباكات مسلحة أمس بين مجموعتين مسلحتين في منطقة عين زارة جنوب العاصمة الليبية طرابلس."
    [event] = pipeline_events(text)
    assert event.actor1.name == "Unidentified Armed Group (Libya)"
    assert event.location.name_ar == "عين زارة"


def test_a_battles_other_side_is_the_group_it_fights_not_its_ally():
    text = ("سيطرت قوات سوريا الديمقراطية بدعم من طيران التحالف الدولي على قرية دوشان اليوم. "
            "وقال مصدر إن طيران التحالف الدولي نفذ غارات قرب منبج. "
            "واندلعت معارك عنيفة مع تنظيم داعش في محيط القرية.")
    [takeover] = [e for e in pipeline_events(text) if e.sub_event_type == "Non-state actor overtakes territory"]
    assert {takeover.actor1.name, takeover.actor2.name} == {"Syrian Democratic Forces", "Islamic State (Syria)"}


def test_the_doer_of_another_act_of_the_sentence_is_not_this_ones_target():
    text = ("قصفت الطائرات الروسية اليوم بلدة كفرنبل، تزامنا مع إلقاء مروحيات النظام براميل "
            "على البلدة ذاتها.")
    russian = [e for e in pipeline_events(text) if e.actor1.name == "Military Forces of Russia"]
    assert russian and all(e.actor2 is None or e.actor2.type != 1 for e in russian)


def test_an_agreement_takes_its_parties_from_the_article_when_its_sentence_names_none():
    text = ("أعلنت لجنة التفاوض في طفس أمس التوصل إلى تفاهم مع ضباط قوات النظام. "
            "وقال مصدر إنه تم التوافق على خروج عدد من المطلوبين من مدينة طفس اليوم.")
    [deal] = [e for e in pipeline_events(text) if e.sub_event_type == "Agreement"]
    # EVENTS.md section 6: the two sides of an agreement are an unordered pair
    assert {deal.actor1.name, deal.actor2.name} == {"Military Forces of Syria (2000-2024)", "Tafas Communal Group (Syria)"}


def test_a_toll_is_not_split_between_two_names_of_one_place():
    text = "وفي خان يونس، أصيب ثلاثة مواطنين اليوم بنيران مسيرة إسرائيلية استهدفت خيمة غرب المدينة."
    [event] = pipeline_events(text)
    assert event.injuries == 3


def test_unknown_drones_strike_the_group_named_after_them():
    text = "قصفت طائرات مسيرة مجهولة ليلة أمس مقرا لفصيل في الحشد الشعبي قرب مدينة القائم غربي الأنبار."
    [event] = pipeline_events(text)
    assert event.actor1.name == "Unidentified Armed Group (Iraq)"
    assert event.actor2.name == "Popular Mobilization Forces"


def test_people_arrested_from_a_town_were_arrested_there():
    [event] = pipeline_events("اعتقلت قوات الاحتلال اليوم ثلاثة شبان من بلدة جباتا الخشب بعد مداهمة منازلهم.")
    assert (event.sub_event_type, event.location.name_ar) == ("Arrests", "جباتا الخشب")


def test_a_headlines_bare_town_does_not_make_the_body_event_an_area_event():
    text = ("قصف مدفعي على نوى وعبوة تقتل شابين\n\n"
            "أصيب أربعة مدنيين صباح اليوم إثر سقوط قذائف مدفعية على الأحياء الشرقية لمدينة نوى.\n\n"
            "وقتل شابان أمس بانفجار عبوة ناسفة على الطريق بين نوى والشيخ سعد.")
    found = {(e.sub_event_type, e.date_offset_days) for e in pipeline_events(text, published=None)}
    assert ("Shelling/artillery/missile attack", 0) in found
    assert ("Remote explosive/landmine/IED", -1) in found


@pytest.mark.parametrize("dateline", ["بغداد - ", "بغداد (وكالات) – "])
def test_a_dateline_city_is_where_the_report_was_filed_not_the_place(dateline):
    text = ("هجوم على نقطة مراقبة\n\n" + dateline +
            "قتل جنديان وأصيب ثالث مساء أمس بهجوم شنه مسلحون على نقطة مراقبة في قضاء خانقين.")
    found = pipeline_events(text)
    assert [(e.location.name_ar, e.fatalities, e.injuries) for e in found] == [("خانقين", 2, 1)]


def test_an_article_whose_places_the_gazetteer_lacks_takes_the_country_it_names():
    text = ("قتل خمسة جنود صوماليين صباح اليوم في هجوم شنه مسلحون مجهولون على قاعدة عسكرية في بلدة "
            "بولوبردي وسط البلاد.")
    [event] = pipeline_events(text)
    assert event.location.country == "Somalia"
    assert event.actor1.name == "Unidentified Armed Group (Somalia)"


def test_the_force_a_toll_counts_from_is_the_target_of_a_bomb():
    [event] = pipeline_events("قتل ثلاثة من الشرطة العراقية اليوم إثر انفجار عبوة ناسفة استهدفت دوريتهم في قضاء الطارمية.")
    assert event.actor1.name == "Unidentified Armed Group (Iraq)"
    assert event.actor2.name == "Police Forces of Iraq"


def test_a_strike_after_fiima_is_not_done_by_the_previous_clauses_target():
    text = ("شن الطيران الأمريكي فجر اليوم غارات استهدفت مواقع لجماعة الحوثي في مديرية بني الحارث، "
            "فيما استهدفت غارات أخرى مواقع في محافظة الحديدة.")
    found = pipeline_events(text)
    assert {e.actor1.name for e in found} == {"Military Forces of the United States"}


def test_a_verb_after_fiima_without_its_own_subject_shares_the_earlier_one():
    text = ("توغلت قوات الاحتلال أمس في قرية الصمدانية الشرقية، فيما استهدفت بثلاث قذائف هاون "
            "الأراضي الزراعية قرب بلدة جباتا الخشب.")
    found = pipeline_events(text)
    assert {e.actor1.name for e in found} == {"Military Forces of Israel"}


def test_a_force_that_announces_its_own_act_is_its_doer():
    [event] = pipeline_events("أعلن الجيش السوداني أنه استعاد السيطرة على بلدة أم روابة بعد معارك مع قوات الدعم السريع.")
    assert (event.sub_event_type, event.actor1.name) == ("Government regains territory", "Military Forces of Sudan")


def test_a_place_that_opens_a_new_topic_is_no_dateline():
    found = pipeline_events("وفي مأرب، أعلنت القوات الحكومية مقتل ثلاثة مسلحين حوثيين بقصف مدفعي على مواقعهم اليوم.")
    assert [e.location.name_ar for e in found] == ["مأرب"]


def test_a_city_before_a_comma_and_bihasab_is_the_place_not_a_dateline():
    found = pipeline_events("شنت قوات الأمن حملة اعتقالات في محافظة الشرقية طالت 9 أشخاص من مدينة الزقازيق، بحسب منظمة حقوقية.")
    assert [e.location.name_ar for e in found] == ["الزقازيق"]


def test_looting_beside_a_killing_does_not_count_its_dead_again():
    text = "هاجمت قوات الدعم السريع أمس قرية ود النورة بولاية الجزيرة وقتلت 15 من سكانها ونهبت المنازل."
    found = pipeline_events(text)
    assert sum(e.fatalities for e in found) == 15


def test_a_topic_frame_place_gives_way_to_the_spot_its_sentence_names():
    text = "وفي خان يونس، أصيب ثلاثة مواطنين بقصف مدفعي على بلدة بني سهيلا شرقي المدينة اليوم."
    found = pipeline_events(text)
    assert [(e.location.name_ar, e.injuries) for e in found] == [("بني سهيلا", 3)]


def test_a_protest_dispersed_in_the_next_sentence_is_a_protest_with_intervention():
    text = ("تظاهر المئات من العمال اليوم أمام مبنى المحافظة في مدينة الناصرية للمطالبة برواتبهم. "
            "وهتف المحتجون ضد الحكومة قبل أن تتدخل قوات مكافحة الشغب وتفرقهم بالقوة.")
    [event] = pipeline_events(text)
    assert (event.sub_event_type, event.actor2.name) == ("Protest with intervention", "Police Forces of Iraq")


def test_settlers_burning_fields_under_army_protection_is_property_destruction_by_settlers():
    [event] = pipeline_events("أحرق مستوطنون اليوم عشرات الدونمات المزروعة بالزيتون في قرية ترمسعيا تحت حماية جيش الاحتلال.")
    assert (event.sub_event_type, event.actor1.name) == ("Looting/property destruction", "Settlers (Israel)")
    assert event.actor2 is None or event.actor2.name != "Military Forces of Israel"


def test_a_drone_said_to_belong_to_a_group_was_flown_by_it():
    [event] = pipeline_events("استهدفت طائرة مسيرة تابعة لقوات الدعم السريع فجر اليوم محطة كهرباء في مدينة كوستي.")
    assert event.actor1.name == "Rapid Support Forces"


def test_a_road_between_two_towns_named_with_a_dual_type_word_is_one_event_near_the_first():
    text = "أصيب ثلاثة جنود بانفجار عبوة ناسفة على الطريق الرابط بين قضاءي الطارمية والمشاهدة اليوم."
    [event] = pipeline_events(text)
    assert (event.location.name_ar, event.location.geo_precision, event.injuries) == ("الطارمية", 2, 3)


def test_a_bearing_from_a_city_after_a_spot_only_locates_the_spot():
    found = pipeline_events("قتل طفلان بانفجار لغم أرضي أثناء رعيهما الأغنام في منطقة الجراحي جنوبي الحديدة أمس.")
    assert [(e.location.name_ar, e.fatalities) for e in found] == [("الجراحي", 2)]
    found = pipeline_events("قصفت قوات النظام اليوم بلدتي كفرنبل والبارة في جبل الزاوية جنوبي إدلب.")
    assert "إدلب" not in [e.location.name_ar for e in found]


def test_a_date_inside_a_relative_clause_dates_the_noun_not_the_act():
    text = ("أحيا ذوو الضحايا اليوم الذكرى العاشرة للمجزرة التي ارتكبها التنظيم في آب 2015 بحق عشرات المدنيين، "
            "ونظموا وقفة أمام المقبرة في مدينة تكريت.")
    [event] = pipeline_events(text, published="2025-03-12")
    assert (event.sub_event_type, event.date_offset_days, event.location.name_ar) == ("Peaceful protest", 0, "تكريت")


def test_a_place_across_fiima_belongs_to_its_own_clauses_act():
    text = ("استشهد شابان برصاص قوات الاحتلال فجر اليوم خلال اقتحامها مدينة جنين، "
            "فيما اعتقلت القوات عشرة مواطنين خلال مداهمات في بلدتي قباطية واليامون.")
    found = {(e.sub_event_type, e.location.name_ar) for e in pipeline_events(text)}
    assert ("Arrests", "جنين") not in found and ("Arrests", "قباطية") in found


def test_a_suicide_blast_near_the_police_is_claimed_by_the_group_that_adopted_it():
    text = ("قتل تسعة أشخاص الخميس الماضي في تفجير انتحاري بسيارة مفخخة استهدف مطعما قرب مقر الشرطة "
            "في العاصمة الصومالية مقديشو، وتبنت حركة الشباب الهجوم.")
    [event] = pipeline_events(text, published="2025-04-01")
    assert (event.actor1.name, event.location.name_ar, event.location.country) == ("Al Shabaab", "مقديشو", "Somalia")


def test_those_arrested_are_civilians_unless_named():
    [event] = pipeline_events("داهمت دورية تابعة للأمن العام منزلا في بلدة الصنمين اليوم واعتقلت شابين.")
    assert event.sub_event_type == "Arrests" and event.actor2.name == "Civilians (Syria)"


def test_a_nationality_on_the_act_names_its_doer_even_inside_a_raised_toll():
    [event] = pipeline_events("ارتفعت حصيلة ضحايا القصف الإسرائيلي على بلدة بيت لاهيا اليوم إلى 17 قتيلا.")
    assert (event.actor1.name, event.fatalities) == ("Military Forces of Israel", 17)


def test_an_attack_with_no_doer_named_is_by_an_unidentified_group():
    [event] = pipeline_events("قتل جنديان اليوم في هجوم على نقطة عسكرية قرب بلدة جاسم.")
    assert event.actor1.name == "Unidentified Armed Group (Syria)"


def test_the_day_a_source_reported_yields_to_the_day_the_report_gives_the_act():
    text = ("أفاد مصدر أمني، اليوم الثلاثاء، بمقتل أربعة من عناصر الحشد الشعبي بهجوم شنه مسلحو تنظيم داعش "
            "على موقع في ناحية مكيشيفة.\\n\\nوقال المصدر إن المسلحين هاجموا الموقع في ناحية مكيشيفة مساء أمس.")
    [event] = pipeline_events(text, published="2025-10-14")
    assert (event.date_offset_days, event.fatalities) == (-1, 4)


def test_the_day_a_source_reported_dates_the_act_when_nothing_else_does():
    text = "أفاد مصدر أمني، اليوم الثلاثاء، بمقتل أربعة من عناصر الحشد الشعبي بهجوم شنه مسلحون على موقع في ناحية مكيشيفة."
    [event] = pipeline_events(text, published="2025-10-14")
    assert event.date_offset_days == 0


def test_crowds_clashing_with_each_other_are_mob_violence_and_with_police_a_violent_demonstration():
    [mob] = pipeline_events("أصيب 12 شخصا اليوم في اشتباكات بين متظاهرين عرب وأكراد في مدينة كركوك.")
    assert (mob.sub_event_type, mob.actor1.name, mob.actor2.name) == ("Mob violence", "Rioters (Iraq)", "Rioters (Iraq)")
    [demo] = pipeline_events("أصيب 12 شخصا اليوم في اشتباكات بين محتجين وقوات الأمن في مدينة كركوك.")
    assert (demo.sub_event_type, demo.actor2.name) == ("Violent demonstration", "Police Forces of Iraq")


def test_a_base_in_a_named_subdistrict_is_one_event_by_an_unidentified_group():
    text = "سقطت ثلاثة صواريخ مساء اليوم داخل قاعدة عين الأسد الجوية في ناحية البغدادي غربي محافظة الأنبار."
    [event] = pipeline_events(text)
    assert event.location.name_ar == "قاعدة عين الأسد الجوية"
    assert event.actor1.name == "Unidentified Armed Group (Iraq)"


def test_a_raid_that_ends_in_arrests_is_one_arrests_event():
    found = pipeline_events("اقتحمت قوات الاحتلال فجر اليوم مخيم نور شمس شرق طولكرم واعتقلت خمسة شبان بعد مداهمة منازلهم.")
    assert [e.sub_event_type for e in found] == ["Arrests"]


def test_a_group_that_suffered_a_strike_is_its_target():
    [event] = pipeline_events("تعرض مقر للحشد الشعبي في قضاء القائم لضربة جوية مجهولة المصدر فجر اليوم.")
    assert (event.actor1.name, event.actor2.name) == ("Unidentified Armed Group (Iraq)", "Popular Mobilization Forces")


def test_government_forces_named_without_the_article_are_the_states():
    [event] = pipeline_events("اندلعت مواجهات مسلحة بين قوات الانتقالي الجنوبي وقوات حكومية في مدينة عتق صباح اليوم.")
    assert {event.actor1.name, event.actor2.name} == {"Southern Transitional Council", "Military Forces of Yemen (Government)"}


def test_a_person_right_after_the_verb_of_a_named_subject_is_its_object():
    [event] = pipeline_events("ذكرت مصادر أن القوات الإسرائيلية اعتقلت المواطن سامر الخطيب من بلدة جباتا الخشب اليوم.")
    assert (event.sub_event_type, event.actor1.name) == ("Arrests", "Military Forces of Israel")


def test_the_group_the_arrested_are_said_to_belong_to_is_not_the_doer():
    [event] = pipeline_events("اعتقلت قوة من جهاز الأمن الوطني أمس متهما بالانتماء لداعش في قضاء بيجي.")
    assert event.actor1.name == "Police Forces of Iraq"


def test_a_drone_qualified_by_a_group_after_the_verb_was_flown_by_it():
    [event] = pipeline_events("استهدفت طائرة مسيرة حوثية الليلة الماضية مدينة المخا غرب تعز دون وقوع إصابات.")
    assert event.actor1.name == "Houthi Movement"
    assert [e.location.name_ar for e in pipeline_events("سقطت قذيفة على المدينة دون وقوع إصابات اليوم.")] != ["قوع"]


def test_a_toll_near_a_town_is_still_reported():
    text = "قتل ستة عناصر من الأمن العام في هجوم شنه مسلحون من فلول النظام على حاجز أمني قرب مدينة جبلة."
    [event] = pipeline_events(text, published="2025-03-07")
    assert (event.location.name_ar, event.location.geo_precision, event.fatalities) == ("جبلة", 2, 6)


def test_a_quarter_the_source_gave_no_governorate_is_the_place_with_its_neighbours_governorate():
    [event] = pipeline_events("هدمت جرافات الاحتلال منزلين في بلدة سلوان جنوب المسجد الأقصى اليوم.", published="2025-06-02")
    assert (event.sub_event_type, event.location.name_ar) == ("Looting/property destruction", "سلوان")
    assert event.location.lat is not None and event.location.admin1 == "West Bank"  # borrowed at build time


def test_a_foiled_attack_named_by_its_attacker_against_the_force_reporting_it():
    [event] = pipeline_events("وفي مأرب، أعلنت القوات الحكومية اليوم إحباط هجوم حوثي على مواقعها في مديرية رغوان، مؤكدة مقتل عدد من المهاجمين.")
    assert (event.sub_event_type, event.actor1.name, event.actor2.name) == (
        "Armed clash", "Houthi Movement", "Military Forces of Yemen (Government)")


def test_youths_confronting_soldiers_after_a_raid_riot_where_the_raid_was():
    text = ("اقتحمت قوات الاحتلال فجر اليوم مخيم نور شمس واعتقلت خمسة شبان. "
            "واندلعت مواجهات بين الشبان وقوات الاحتلال أصيب خلالها شاب برصاص حي. "
            "وفي الخليل، هاجم مستوطنون منازل المواطنين في بلدة سعير.")
    riots = [e for e in pipeline_events(text) if e.event_type == "Riots"]
    assert [(e.sub_event_type, e.location.name_ar, e.actor2.name) for e in riots] == [
        ("Violent demonstration", "مخيم نور شمس", "Military Forces of Israel")]


def test_a_clause_opened_by_haythu_is_the_act_not_a_description():
    text = "رصد المرصد استمرار التصعيد اليوم، حيث قصفت قوات النظام بالمدفعية بلدات كنصفرة والفطيرة وسفوهن."
    assert {e.location.name_ar for e in pipeline_events(text)} == {"كنصفرة", "الفطيرة", "سفوهن"}


def test_a_clash_between_two_factions_of_one_group_has_that_group_on_both_sides():
    [event] = pipeline_events("اندلعت اشتباكات اليوم بين فصيلين من هيئة تحرير الشام في مدينة سرمدا أسفرت عن إصابة ثلاثة مقاتلين.",
                              published="2023-05-05")
    assert event.actor1.name == event.actor2.name == "Hayat Tahrir al-Sham"


def test_the_member_a_killing_counts_is_its_victim_not_its_doer():
    [event] = pipeline_events("شهدت مدينة الرقة اليوم اغتيال عنصر من قسد برصاص مجهولين.")
    assert event.actor1.name == "Unidentified Armed Group (Syria)" and event.actor2.name == "Syrian Democratic Forces"


def test_a_strike_on_a_named_airport_is_reported_though_the_gazetteer_lacks_it():
    found = pipeline_events("تعرض مطار معيتيقة الدولي في طرابلس لقصف بالصواريخ الليلة الماضية.", published="2025-06-10")
    assert [(e.sub_event_type, e.location.name_ar) for e in found] == [("Shelling/artillery/missile attack", "معيتيقة")]


def test_where_the_victim_was_heading_is_the_place_when_nothing_else_is_named():
    found = pipeline_events("قتل شاب برصاص قناص اليوم أثناء عودته إلى بلدة كفركلا.")
    assert [e.location.name_ar for e in found] == ["كفركلا"]


def test_people_counted_by_their_nationality_are_civilians():
    [event] = pipeline_events("استشهد 15 فلسطينيا اليوم برصاص قوات الاحتلال قرب مركز لتوزيع المساعدات في رفح.")
    assert event.actor2.name == "Civilians (Palestine)"


def test_an_armed_tribal_dispute_is_a_clash():
    [event] = pipeline_events("اندلع نزاع عشائري مسلح اليوم بين عشيرتين في قضاء الشطرة أسفر عن مقتل شخصين.")
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 2)


def test_a_bearing_after_a_camp_and_its_description_only_locates_the_camp():
    found = pipeline_events("قصفت قوات الدعم السريع اليوم مخيم أبو شوك للنازحين شمالي الفاشر ما أدى لمقتل خمسة نازحين.")
    assert [(e.location.name_ar, e.fatalities) for e in found] == [("أبو شوك", 5)]


def test_migrants_shot_by_border_guards_in_an_area_named_after_a_clan():
    [event] = pipeline_events("أصيب مهاجران أفريقيان اليوم بنيران حرس الحدود السعودي في منطقة آل ثابت بمديرية قطابر.")
    assert (event.location.name_ar, event.actor1.name, event.actor2.name, event.injuries) == (
        "آل ثابت", "Military Forces of Saudi Arabia", "Civilians (Yemen)", 2)


def test_a_force_that_is_also_a_source_is_the_doer_when_no_reporting_word_introduces_it():
    [event] = pipeline_events("قصف الجيش الإسرائيلي منزلا في بلدة كفركلا جنوبي لبنان مساء اليوم.")
    assert event.actor1.name == "Military Forces of Israel"
    assert "Israeli army" in event.reported_by


def test_a_force_introduced_by_a_reporting_word_is_only_the_source():
    [event] = pipeline_events(
        "وبحسب الجيش الإسرائيلي، قصف مسلحون مدينة بنت جبيل جنوبي لبنان مساء اليوم.")
    assert event.actor1.name != "Military Forces of Israel"


def test_arrests_of_a_raid_placed_at_the_region_go_to_the_raided_town():
    text = ("نفذت قوات إسرائيلية فجر اليوم توغلا في بلدتي الرفيد والعشة في ريف القنيطرة الجنوبي، "
            "حيث اعتقلت ثلاثة رعاة بعد تفتيش منازل في ريف القنيطرة الجنوبي.")
    found = pipeline_events(text)
    assert [(e.sub_event_type, e.location.name_ar) for e in found] == [("Arrests", "الرفيد"), ("Other", "العشة")]


def test_an_attack_near_a_town_with_its_day_and_doer_is_an_event_near_the_town():
    [event] = pipeline_events("هاجم مسلحون حاجزا للشرطة قرب مدينة الفلوجة مساء اليوم.")
    assert (event.location.name_ar, event.location.geo_precision) == ("الفلوجة", 2)


def test_a_raid_in_which_gunmen_are_killed_is_a_battle_with_its_toll_not_only_arrests():
    text = ("قتلت القوات الإسرائيلية أربعة مسلحين خلال اقتحام مخيم بلاطة في نابلس اليوم، "
            "واعتقلت عددا من الشبان.")
    [event] = pipeline_events(text)
    assert (event.event_type, event.actor1.name, event.fatalities) == ("Battles", "Military Forces of Israel", 4)


def test_traded_gunfire_in_a_raid_is_one_armed_clash():
    text = "داهمت قوة إسرائيلية بلدة يعبد اليوم وتبادلت إطلاق النار مع مسلحين قبل أن تعتقل ثلاثة منهم."
    [event] = pipeline_events(text)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_cars_burnt_by_attackers_are_part_of_their_attack():
    text = "هاجم مستوطنون اليوم قرية المغير شرق رام الله، وأحرقوا ثلاث سيارات، واعتدوا على مزارع بالضرب."
    found = pipeline_events(text)
    assert [(e.event_type, e.actor1.name) for e in found] == [("Violence against civilians", "Settlers (Israel)")]


def test_a_rally_named_by_its_cause_is_a_peaceful_protest():
    [event] = pipeline_events("تجمع عشرات الموظفين أمام مقر الحكومة في مدينة بنغازي اليوم احتجاجا على تأخر رواتبهم.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_crowd_that_throws_stones_riots():
    text = "رشق محتجون غاضبون مبنى المحافظة في مدينة الديوانية بالحجارة اليوم، وأغلقوا مداخله."
    [event] = pipeline_events(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")


def test_a_group_that_announces_its_own_act_after_a_date_is_its_doer():
    text = "أعلن الجيش السوداني، مساء الثلاثاء، استعادة السيطرة على مدينة الدندر بعد معارك مع قوات الدعم السريع."
    [event] = pipeline_events(text)
    assert (event.sub_event_type, event.actor1.name) == ("Government regains territory", "Military Forces of Sudan")


def test_an_army_also_quoted_as_a_source_is_the_doer_of_the_verb_it_follows():
    text = "قصف الجيش الإسرائيلي بالمدفعية أطراف بلدة حولا جنوبي لبنان صباح اليوم."
    [event] = pipeline_events(text)
    assert event.actor1.name == "Military Forces of Israel"


def test_the_owner_of_a_vehicle_hit_by_a_bomb_is_not_the_bomber():
    text = "انفجرت عبوة ناسفة بحافلة تابعة لوزارة الدفاع العراقية قرب قضاء الطارمية اليوم، ما أدى إلى مقتل جنديين."
    [event] = pipeline_events(text)
    assert event.actor1.name != "Military Forces of Iraq"


def test_gunmen_who_raid_a_house_and_take_men_away_abduct_them():
    text = "داهم مسلحون مجهولون منزلا في مدينة الزاوية فجر اليوم واعتقلوا شقيقين واقتادوهما إلى جهة مجهولة."
    [event] = pipeline_events(text)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")


def test_a_strike_placed_in_a_named_district_is_kept():
    text = "قصفت القوات الحكومية بالمدفعية تجمعات للحوثيين في مديرية الصفراء بمحافظة صعدة."
    [event] = pipeline_events(text, published="2024-04-09")
    assert (event.sub_event_type, event.location.name_ar) == ("Shelling/artillery/missile attack", "الصفراء")


def test_the_doer_of_a_reply_by_targeting_is_the_subject_of_the_reply():
    text = "ردت سرايا القدس باستهداف دبابة إسرائيلية بقذيفة مضادة للدروع شرق مدينة خان يونس اليوم."
    [event] = pipeline_events(text, published="2024-05-01")
    assert (event.actor1.name, event.actor2.name) == ("Palestinian Islamic Jihad", "Military Forces of Israel")


def test_a_reply_in_a_second_clause_is_the_second_sides_strike():
    text = "قصفت قوات الدعم السريع حي كرري في أم درمان اليوم، فرد الجيش باستهداف تجمعاتها في منطقة الصالحة بالمدفعية."
    found = pipeline_events(text, published="2024-05-01")
    assert [(e.actor1.name, e.location.name_ar) for e in found][-1] == ("Military Forces of Sudan", "الصالحة")


def test_a_word_of_an_actors_name_is_not_a_place():
    text = "اندلعت اشتباكات بين الجيش السوداني وقوات الدعم السريع في مدينة الأبيض أمس."
    found = pipeline_events(text, published="2024-05-12")
    assert [e.location.name_ar for e in found] == ["الأبيض"]


def test_gunmen_said_to_belong_to_a_force_are_that_force():
    text = "اختطف مسلحون تابعون لقوات الدعم السريع أربعة مزارعين في مدينة الجنينة صباح اليوم."
    [event] = pipeline_events(text, published="2024-09-15")
    assert (event.actor1.name, event.actor2.name) == ("Rapid Support Forces", "Civilians (Sudan)")


def test_a_fighter_killed_in_a_raid_counts():
    text = "اقتحمت قوات الاحتلال بلدة قباطية فجر اليوم، واندلعت اشتباكات مع مسلحين، استشهد خلالها مقاوم."
    found = pipeline_events(text, published="2024-09-15")
    assert [(e.event_type, e.fatalities) for e in found] == [("Battles", 1)]


def test_protesters_who_riot_are_coded_as_rioters():
    text = "قطع محتجون الطريق الساحلي في مدينة الزاوية بالإطارات المشتعلة اليوم احتجاجا على نقص الوقود."
    [event] = pipeline_events(text, published="2024-10-01")
    assert (event.event_type, event.actor1.name) == ("Riots", "Rioters (Libya)")


def test_a_days_running_total_is_not_the_last_strikes_toll():
    text = ("شنت طائرات الاحتلال غارات على مدينة دير البلح اليوم، ما أدى إلى استشهاد 6 مواطنين. "
            "واستشهد مواطنان بقصف مدفعي على بلدة بيت حانون. "
            "وارتفع عدد الشهداء منذ فجر اليوم إلى ثمانية.")
    found = pipeline_events(text, published="2024-11-05")
    assert [e.fatalities for e in found] == [6, 2]


def test_a_newer_toll_of_a_single_strike_replaces_the_first():
    text = ("استشهد ثلاثة مواطنين بغارة إسرائيلية على منزل في بلدة جباليا اليوم. "
            "وارتفع عدد الشهداء لاحقا إلى خمسة بعد انتشال جثتين.")
    [event] = pipeline_events(text, published="2024-11-05")
    assert event.fatalities == 5


def test_a_raid_on_a_town_is_the_clash_in_its_quarter():
    text = "اقتحمت قوات الاحتلال مدينة جنين فجر اليوم، واندلعت اشتباكات مسلحة في حي الجابريات."
    found = pipeline_events(text, published="2024-11-05")
    assert [e.event_type for e in found] == ["Battles"]


def test_confrontations_of_young_men_with_one_force_are_a_riot():
    text = "أصيب ثلاثة شبان برصاص قوات الاحتلال خلال مواجهات اندلعت في بلدة بيت أمر شمال الخليل اليوم."
    [event] = pipeline_events(text, published="2024-09-15")
    assert (event.event_type, event.sub_event_type, event.actor2.name) == (
        "Riots", "Violent demonstration", "Military Forces of Israel")


def test_confrontations_between_two_armed_sides_stay_a_battle():
    text = "قتل شاب من أبناء المنطقة في مواجهات بين القوات الحكومية ومسلحي الحوثي في مديرية حيس اليوم."
    [event] = pipeline_events(text, published="2024-09-15")
    assert event.event_type == "Battles"


def test_a_bomber_who_set_off_his_car_is_counted_with_his_victims():
    text = "فجر انتحاري سيارة مفخخة قرب مركز للشرطة في مدينة كسمايو اليوم، ما أدى إلى مقتل ثلاثة شرطيين."
    [event] = pipeline_events(text, published="2024-12-01")
    assert (event.sub_event_type, event.fatalities) == ("Suicide bomb", 4)


def test_an_army_that_blows_up_houses_is_their_destroyer():
    text = "فجر الجيش الإسرائيلي عددا من المنازل في بلدة عيتا الشعب جنوبي لبنان اليوم."
    [event] = pipeline_events(text, published="2024-12-01")
    assert (event.sub_event_type, event.actor1.name) == ("Looting/property destruction", "Military Forces of Israel")


def test_armed_confrontations_with_fighters_stay_a_battle():
    text = "اندلعت مواجهات مسلحة بين قوات الاحتلال ومقاومين في مخيم الفارعة اليوم، أصيب خلالها شاب."
    [event] = pipeline_events(text, published="2024-09-15")
    assert event.event_type == "Battles"


def test_the_force_named_as_support_is_not_the_doer():
    text = "شنت قوات البيشمركة بإسناد من طيران التحالف الدولي هجوما على مواقع لداعش في قضاء مخمور اليوم، ما أسفر عن قتل ستة مسلحين."
    [event] = pipeline_events(text, published="2024-09-15")
    assert event.actor1.name != "Military Forces of the United States"


def test_unknown_killers_named_after_the_verb_make_an_attack():
    text = "قتل مسلحون مجهولون سائق أجرة وابنه في حي العسكري بمدينة البصرة الليلة الماضية."
    [event] = pipeline_events(text, published="2025-01-10")
    assert (event.sub_event_type, event.actor1.name) == ("Attack", "Unidentified Armed Group (Iraq)")


def test_the_death_a_crowd_protests_is_not_the_protests_toll():
    text = "تظاهر المئات أمام مبنى المحافظة في مدينة الأبيض اليوم تنديدا بمقتل طالب على يد مسلحين."
    [event] = pipeline_events(text, published="2025-02-03")
    assert (event.event_type, event.fatalities) == ("Protests", 0)


def test_a_group_announcing_what_its_own_fighters_did_is_the_doer():
    [event] = pipeline_events(
        "أعلنت كتائب القسام أن مقاتليها فجروا عبوة ناسفة بدبابة إسرائيلية في حي الشجاعية بمدينة غزة صباح اليوم.")
    assert (event.actor1.name, event.actor2.name) == ("Al-Qassam Brigades", "Military Forces of Israel")


def test_shelling_both_ways_during_clashes_is_the_battle():
    [event] = pipeline_events(
        "اندلعت صباح اليوم مواجهات عنيفة بين الجيش وقوات الدعم السريع في مدينة الأبيض وسط قصف مدفعي متبادل.")
    assert event.sub_event_type == "Armed clash"
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Sudan", "Rapid Support Forces"}


def test_someone_abducted_and_not_named_as_a_group_is_a_civilian():
    [event] = pipeline_events("خطف مسلحون مجهولون مهندسا من أمام منزله في مدينة سبها مساء اليوم.")
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.actor2.name == "Civilians (Libya)"


@pytest.mark.parametrize("text", [
    "تظاهر مئات الطلاب اليوم في ميدان الحرية وسط مدينة الموصل للمطالبة بتأجيل الامتحانات.",
    "تجمع عشرات المتقاعدين اليوم في ساحة النصر بمدينة البصرة احتجاجا على تأخر الرواتب.",
])
def test_a_square_or_street_the_gazetteer_lacks_is_coded_at_its_city(text):
    [event] = pipeline_events(text)
    assert event.event_type == "Protests" and event.location.geo_precision == 1
    assert event.location.name_ar in ("الموصل", "البصرة")


def test_an_attack_foiled_by_a_named_force_is_disrupted_weapons_use():
    [event] = pipeline_events("أحبطت قوات الأمن هجوما بسيارة مفخخة كان يستهدف سوقا في مدينة تكريت، وفككت العبوات.")
    assert (event.sub_event_type, event.location.name_ar) == ("Disrupted weapons use", "تكريت")


def test_a_battle_told_from_each_side_in_one_sentence_is_one_event():
    found = pipeline_events("هاجم مقاتلو حركة الشباب ثكنة للجيش الصومالي في مدينة بلدوين، فجر اليوم، "
                            "واندلعت اشتباكات عنيفة أسفرت عن مقتل 6 جنود.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 6)]


def test_a_claimant_named_after_the_attack_is_not_also_its_target():
    [event] = pipeline_events("قتل أربعة أشخاص بتفجير انتحاري استهدف مقهى في مدينة بلدوين مساء أمس، وتبنت حركة الشباب التفجير.")
    assert event.actor1.name == "Al Shabaab" and event.actor2.name == "Civilians (Somalia)"


def test_an_attack_on_homes_with_nobody_fighting_back_is_violence_against_civilians():
    [event] = pipeline_events("هاجم مستوطنون ملثمون منازل في قرية بورين جنوب نابلس مساء اليوم.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1.name, event.actor2.name) == ("Settlers (Israel)", "Civilians (Palestine)")


def test_an_attack_on_a_checkpoint_stays_a_battle():
    [event] = pipeline_events("هاجم مسلحون حاجزا للشرطة قرب مدينة الفلوجة مساء اليوم.")
    assert event.sub_event_type == "Armed clash"


def test_a_toll_dated_in_a_past_year_is_not_added_to_the_act_before_it():
    text = ("اعتقلت قوة أمنية صباح اليوم مطلوبا في قضاء الخالص.\n"
            "يذكر أن القضاء شهد في عام 2017 هجمات أسفرت عن مقتل العشرات.")
    [event] = pipeline_events(text)
    assert event.sub_event_type == "Arrests" and event.fatalities == 0


def test_a_clash_between_two_units_of_one_parent_has_it_on_both_sides():
    [event] = pipeline_events("اندلعت مساء أمس اشتباكات بين جهاز الردع واللواء 444 في حي الفرناج بطرابلس.")
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.name == event.actor2.name == "Military Forces of Libya (Government)"


def test_ground_taken_after_the_other_side_withdrew_is_the_taker_s_transfer():
    [event] = pipeline_events("بسط الجيش سيطرته على بلدة الصالحة جنوبي أم درمان اليوم بعد انسحاب قوات الدعم السريع منها.")
    assert (event.sub_event_type, event.actor1.name) == ("Non-violent transfer of territory", "Military Forces of Sudan")


def test_a_toll_of_a_war_dated_months_back_is_not_the_protest_s():
    text = ("تظاهر عشرات التجار اليوم في مدينة الأبيض رفضا لزيادة الرسوم.\n"
            "ويشهد السودان حربا منذ أبريل 2023 أودت بحياة الآلاف.")
    [event] = pipeline_events(text, published="2025-05-04")
    assert event.event_type == "Protests" and event.fatalities == 0
