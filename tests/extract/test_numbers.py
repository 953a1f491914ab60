"""Counts and casualty tolls on sentences written like conflict reports."""
import pytest
from hypothesis import given, strategies as st

from rasd.extract.numbers import event_casualties, find_casualties, parse_count, read_count
from rasd.text.segment import split_sentences, tokenize

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def tolls(text):
    """(kind, count, victims) of each casualty mention of `text`."""
    return [(m.kind, m.count, m.victims) for m in find_casualties(text, tokenize(text), split_sentences(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17 جريحا", (17, 1, False)),
        ("١٧ جريحا", (17, 1, False)),
        ("ثلاثة مدنيين", (3, 1, False)),
        ("ستة عشر عنصرا", (16, 2, False)),
        ("اثنا عشر شخصا", (12, 2, False)),
        ("سبعة وثلاثون قتيلا", (37, 2, False)),
        ("مئة وخمسة وعشرون", (125, 3, False)),
        ("ثلاثة آلاف وخمسمئة نازح", (3500, 3, False)),
        ("40 ألف نازح", (40000, 2, False)),
        ("أكثر من 20 قتيلا", (20, 3, True)),
        ("ما لا يقل عن ٩ أشخاص", (9, 5, True)),
        ("نحو ثمانين جريحا", (80, 2, False)),
        ("عشرات الجرحى", (12, 1, False)),
        ("مئات العائلات", (100, 1, False)),
    ],
)
def test_count_is_parsed_with_its_end_and_bound(text, expected):
    assert parse_count(tokenize(text), 0) == expected


def test_vague_words_are_flagged_vague():
    count = read_count(tokenize("العديد من المسلحين"), 0)
    assert (count.value, count.end, count.vague) == (10, 2, True)


def test_words_that_are_not_counts_give_none():
    for text in ("عدد القتلى", "قصف عنيف", "3.5 كيلومتر"):
        assert parse_count(tokenize(text), 0) is None, text


@given(st.integers(min_value=1, max_value=999), st.booleans())
def test_any_number_in_digits_parses_back(number, indic):
    written = str(number).translate(ARABIC_INDIC) if indic else str(number)
    assert parse_count(tokenize(f"{written} مدنيين"), 0) == (number, 1, False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أفاد ناشطون بمقتل ١١ مدنيا على الأقل في غارة على البلدة.", [("killed", 11, "مدني")]),
        ("قُتل شاب برصاص قناص في حي المنشية.", [("killed", 1, "شاب")]),
        ("استشهد طفلان بانفجار لغم قرب المدرسة.", [("killed", 2, "طفل")]),
        ("قتل ثلاثة عناصر وأصيب سبعة آخرون في كمين.", [("killed", 3, "عنصر"), ("injured", 7, None)]),
        ("خلّف الانفجار 5 قتلى و12 جريحا.", [("killed", 5, None), ("injured", 12, None)]),
        ("وأسفر القصف عن قتيل وجريح في صفوف المدنيين.", [("killed", 1, None), ("injured", 1, None)]),
        ("وأكدت المصادر أن ٦ مدنيين قتلوا في الغارة.", [("killed", 6, "مدني")]),
        ("وذكر مصدر طبي أن مزارعين أصيبا بجروح.", [("injured", 2, "مزارع")]),
        ("أدى القصف إلى إصابة طفلين اثنين.", [("injured", 2, "طفل")]),
        ("قتل 9 مدنيين بينهم ثلاثة أطفال وامرأة بغارة جوية على البلدة.", [("killed", 9, "مدني")]),
        ("قتل عنصران وجرح ثالث في الهجوم على الحاجز.", [("killed", 2, "عنصر"), ("injured", 1, None)]),
        ("قتلت امرأة وطفلها بقذيفة سقطت على منزلهما.", [("killed", 2, "امراه")]),
        ("عثر الأهالي على جثتي شابين على طريق القرية.", [("killed", 2, None)]),
        ("شنت القوات هجوما على المخيم قتل خلاله 40 شخصا.", [("killed", 40, "شخص")]),
        ("أصيب مسعفان برصاص القوات خلال محاولتهما إسعاف جريح.", [("injured", 2, "مسعف")]),
        ("انتشلت فرق الإنقاذ جثث سبعة أشخاص من تحت الأنقاض.", [("killed", 7, None)]),
        ("قتل شاب وأصيب آخر برصاص قناص.", [("killed", 1, "شاب"), ("injured", 1, None)]),
        ("أسفر القصف عن مقتل 14 شخصا بينهم طفلان وإصابة 20 آخرين.", [("killed", 14, "شخص"), ("injured", 20, None)]),
    ],
)
def test_casualty_forms(text, expected):
    assert tolls(text) == expected


def test_vague_deaths_take_acled_value_and_vague_injuries_are_unknown():
    text = "قتل عدد من المسلحين وجرح العشرات في الاشتباكات."
    assert [(k, c) for k, c, _ in tolls(text)] == [("killed", 10), ("injured", None)]


def test_dozens_of_dead_count_twelve():
    assert tolls("سقط عشرات القتلى في القصف.")[0][:2] == ("killed", 12)


def test_injured_without_number_is_unknown():
    assert tolls("قتل مدني وأصيب آخرون بجروح.") == [("killed", 1, "مدني"), ("injured", None, None)]


def test_at_least_marks_the_figure_as_a_floor():
    text = "قتل 8 أشخاص على الأقل بانفجار سيارة مفخخة."
    (mention,) = find_casualties(text, tokenize(text), split_sentences(text))
    assert (mention.count, mention.lower_bound) == (8, True)
    assert mention.span.quote(text) == "قتل 8 أشخاص على الأقل"


def test_raised_toll_is_marked_revised():
    text = "قتل 4 مدنيين في القصف. ثم ارتفع عدد القتلى إلى 7 بعد وفاة جرحى."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    revised = [m for m in mentions if m.revised]
    assert [(m.kind, m.count, m.sentence) for m in revised] == [("killed", 7, 1)]


def test_raised_toll_of_injured_takes_its_noun():
    text = "ارتفعت حصيلة الجرحى إلى 30 جريحا."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert [(m.kind, m.count, m.revised) for m in mentions] == [("injured", 30, True)]


def test_one_figure_for_killed_and_injured_gives_one_death():
    assert tolls("أدى الانفجار إلى مقتل وإصابة 9 أشخاص.") == [("killed", 1, None), ("injured", None, None)]


def test_negated_casualties_are_not_reported():
    assert tolls("واقتصرت الأضرار على الماديات دون وقوع إصابات.") == []


def test_count_of_people_detained_is_not_a_toll():
    assert tolls("اعتقلت الدورية 5 شبان من البلدة.") == []


def test_time_words_between_verb_and_count_are_skipped():
    assert tolls("قتل، مساء أمس الجمعة، خمسة وعشرون مسلحا.") == [("killed", 25, "مسلح")]


def test_pronoun_on_a_trigger_counts_its_victims():
    assert tolls("اقتحم المسلحون المنزل ما أدى إلى مقتلهما.") == [("killed", 2, None)]
    assert tolls("أطلق عناصر الحاجز النار على سائق ما أدى لإصابته بجروح.") == [("injured", 1, None)]


def test_a_building_hit_is_not_an_injury():
    assert tolls("استهدفت القذيفة خزان المياه وأدت إلى إصابته بشكل مباشر.") == []


def test_singular_victim_before_the_verb_counts_one():
    assert tolls("وذكر الدفاع المدني أن رجلا أصيب بشظايا القذيفة.") == [("injured", 1, "رجل")]


def test_killed_or_injured_split_is_not_a_count():
    assert tolls("وسقط ضحية الغارات عشرات المدنيين بين قتيل وجريح.") == []


def test_object_of_met_their_death_is_not_a_second_toll():
    assert tolls("ولقي أربعة مدنيين مصرعهم في القصف.") == [("killed", 4, "مدني")]


def test_one_of_a_group_before_a_singular_verb_counts_one():
    assert tolls("وقال إن أحد عناصره قتل خلال المواجهات.") == [("killed", 1, "عنصر")]


def test_plural_victims_before_a_singular_verb_are_not_counted():
    assert tolls("وقال المصدر إن المدنيين قتل معظمهم في القصف.") == []


def test_total_toll_reads_its_kind_from_the_noun_before_the_number():
    assert tolls("وبلغ عدد الجرحى ١٥ بحسب مصدر طبي.") == [("injured", 15, None)]


def test_total_without_casualty_noun_is_not_a_toll():
    assert tolls("وبلغ عدد النازحين 300 عائلة.") == []


def test_one_of_the_victims_refers_back():
    assert tolls("وكان أحد الضحايا يعمل في الدفاع المدني.") == []


def test_took_the_lives_of_counts_the_killed():
    assert tolls("وأودى الانفجار بحياة 4 عمال في المصنع.") == [("killed", 4, "عامل")]


def test_bodies_found_are_deaths():
    assert tolls("عثر الأهالي على جثتين قرب السد.") == [("killed", 2, None)]


def test_relation_nouns_outside_the_lexicon_are_counted():
    assert tolls("استشهد فلسطينيان برصاص الجنود.") == [("killed", 2, "فلسطيني")]
    assert tolls("قتل 3 يمنيين بانفجار لغم.") == [("killed", 3, "يمني")]


def test_plural_in_construct_finds_its_lemma():
    assert tolls("أعلن التنظيم مقتل 6 من مقاتليه.") == [("killed", 6, "مقاتل")]


def test_active_assassination_verb_counts_its_object():
    assert tolls("اغتال مسلحون مجهولون ضابطا في الشرطة.") == [("killed", 1, "ضابط")]


def test_pronoun_on_an_active_verb_counts_its_victims():
    assert tolls("اعتقل التنظيم شابين ثم أعدمهما.") == [("killed", 2, None)]


def test_count_after_a_phrase_of_place():
    assert tolls("وقتل في الغارة على السوق ما لا يقل عن ٩ مدنيين.") == [("killed", 9, "مدني")]


def test_count_after_a_phrase_needs_victims():
    assert tolls("وأصيب في الهجوم الذي شنته 4 طائرات مسيرة.") == []


def test_vague_count_before_a_definite_casualty_noun_is_a_toll():
    assert tolls("وتحدث الأهالي عن مئات القتلى تحت الأنقاض.") == [("killed", 100, None)]


def test_raised_toll_carries_both_kinds():
    text = "قتل 9 أشخاص وأصيب 30 في التفجير. وارتفعت حصيلة ضحايا التفجير في السوق الشعبي وسط المدينة، مساء اليوم، إلى 14 قتيلا و41 جريحا."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert [(m.kind, m.count) for m in mentions if m.revised] == [("killed", 14), ("injured", 41)]
    assert event_casualties(mentions, [0, 1]) == (14, 41)


def test_event_figures_take_the_lower_of_two_sources():
    text = "قتل 12 جنديا في الكمين. وأعلنت وزارة الدفاع مقتل 10 جنود وإصابة 4 آخرين."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert event_casualties(mentions, [0, 1]) == (10, 4)


def test_event_figures_prefer_a_number_to_a_vague_count():
    text = "قتل عدد من العناصر وأصيب آخرون. وقال مصدر إن 3 عناصر قتلوا."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert event_casualties(mentions, [0, 1]) == (3, None)


def test_event_without_tolls_has_no_deaths_and_unknown_injuries():
    text = "قصفت المدفعية أطراف البلدة. وقتل مدني في قرية مجاورة."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert event_casualties(mentions, [0]) == (0, None)


def test_raised_toll_second_kind_may_carry_its_conjunction():
    text = "وارتفع عدد ضحايا الانفجار إلى 11 قتيلا ونحو ثلاثين جريحا."
    mentions = find_casualties(text, tokenize(text), split_sentences(text))
    assert [(m.kind, m.count, m.revised) for m in mentions] == [("killed", 11, True), ("injured", 30, True)]


UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]


def in_words(number):
    """Standard written form, units before tens: 345 -> «ثلاثمئة وخمسة وأربعون»."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    if tens == 1:
        below = "عشرة" if units == 0 else f"{UNITS[units] if units > 2 else ('أحد' if units == 1 else 'اثنا')} عشر"
    else:
        below = " و".join(part for part in (UNITS[units], TENS[tens]) if part)
    return " و".join(part for part in (HUNDREDS[hundreds], below) if part)


@given(st.integers(min_value=1, max_value=999))
def test_any_number_in_words_parses_back(number):
    words = in_words(number)
    tokens = tokenize(f"{words} مدنيين")
    assert parse_count(tokens, 0) == (number, len(tokens) - 1, False), words


def test_things_hit_are_not_injured():
    assert tolls("أعلن الفصيل استهداف رتل وإصابة 3 آليات عسكرية.") == []


def test_victims_counted_after_the_named_subject_of_an_active_verb():
    assert tolls("قتلت وحدات الجيش الخاصة خمسة إرهابيين في كمين ليلي.") == [("killed", 5, "ارهابي")]


def test_a_count_after_a_verb_that_names_no_victims_is_no_toll():
    assert tolls("قتلت قوات الأمن في المواجهات الأخيرة أكثر من 3 ساعات في المطاردة.") == []


def test_a_toll_not_announced_is_no_toll():
    assert tolls("ولم تعلن الجهات الرسمية عن وقوع ضحايا في الاشتباكات.") == []


def test_the_victims_of_an_active_killing_are_its_object_not_its_subject():
    assert tolls("قتل مسلحون ملثمون شابا وشقيقه قرب السوق.") == [("killed", 2, "شاب")]


def test_a_victim_named_after_the_subject_of_an_assassination():
    assert tolls("اغتالت طائرة مسيرة قياديا في الفصيل بصاروخ موجه.") == [("killed", 1, "قيادي")]


def test_gunmen_described_by_a_clause_are_the_killers_and_the_object_is_the_toll():
    assert tolls("اغتال مسلحون ملثمون يستقلون سيارة رباعية الدفع طبيبا أمام عيادته.") == [("killed", 1, "طبيب")]
    assert tolls("قتل مهاجمون يرتدون زيا مدنيا أربعة حراس في المصنع.")[0][:2] == ("killed", 4)
