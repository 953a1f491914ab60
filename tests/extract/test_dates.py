"""Time expressions on sentences written like conflict reports."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from rasd.extract.dates import event_time, find_time_expressions
from rasd.text.segment import split_sentences, tokenize

SUNDAY = "2024-03-10"


def times(text, published=SUNDAY):
    return find_time_expressions(text, tokenize(text), split_sentences(text), published=published)


def only(text, published=SUNDAY):
    (mention,) = times(text, published)
    return mention


@pytest.mark.parametrize(
    ("text", "quoted", "offset"),
    [
        ("قصفت المدفعية أطراف البلدة اليوم.", "اليوم", 0),
        ("سقطت قذائف على الحي أمس.", "أمس", -1),
        ("اندلعت اشتباكات عنيفة يوم أمس.", "يوم أمس", -1),
        ("داهمت دورية المنازل أول أمس.", "أول أمس", -2),
        ("انفجرت عبوة على الطريق فجر اليوم.", "فجر اليوم", 0),
        ("استهدفت مسيرة سيارة مساء أمس.", "مساء أمس", -1),
        ("سمعت انفجارات الليلة الماضية في المدينة.", "الليلة الماضية", -1),
        ("وكانت القوات قد انسحبت قبل يومين.", "قبل يومين", -2),
        ("تتواصل الغارات منذ ثلاثة أيام.", "منذ ثلاثة أيام", -3),
        ("قتل الشاب قبل ٤ أيام.", "قبل ٤ أيام", -4),
        ("وقعت الحادثة بالأمس قرب الجسر.", "بالأمس", -1),
    ],
)
def test_relative_days(text, quoted, offset):
    mention = only(text)
    assert (mention.span.quote(text), mention.offset_days, mention.precision) == (quoted, offset, 1)


def test_relative_day_gives_date_from_publication():
    assert only("سقطت قذائف على الحي أمس.").date == "2024-03-09"


def test_relative_day_without_publication_keeps_offset():
    mention = only("سقطت قذائف على الحي أمس.", None)
    assert (mention.offset_days, mention.date) == (-1, None)


def test_today_with_weekday_is_one_mention():
    mention = only("قصفت الطائرات البلدة صباح اليوم الأحد.")
    assert (mention.span.quote("قصفت الطائرات البلدة صباح اليوم الأحد."), mention.offset_days, mention.weekday) == (
        "صباح اليوم الأحد", 0, 7)


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("هاجم مسلحون حاجزا يوم الخميس.", -3),
        ("هاجم مسلحون حاجزا الأحد.", 0),
        ("هاجم مسلحون حاجزا يوم الأحد الماضي.", -7),
        ("هاجم مسلحون حاجزا الخميس الفائت.", -3),
        ("ستعقد الهدنة يوم الثلاثاء المقبل.", 2),
    ],
)
def test_weekday_resolves_against_publication_day(text, offset):
    mention = only(text)
    assert (mention.kind, mention.offset_days) == ("weekday", offset)


def test_weekday_leading_an_undated_article_is_the_publication_day():
    assert only("هاجم مسلحون حاجزا يوم الخميس.", None).offset_days == 0


def test_weekday_after_a_relative_lead_is_unknown_without_publication():
    text = "قصفت المدفعية البلدة أمس. والخميس، انفجر لغم بسيارة."
    yesterday, thursday = times(text, None)
    assert (thursday.offset_days, thursday.precision) == (None, 2)
    assert event_time(times(text, None), [1], published=None).offset_days is None


def test_dated_weekdays_of_an_undated_article_count_from_its_lead():
    text = "قتل شاب مساء الثلاثاء 14 أيار. وكان مسلحون خطفوه يوم السبت 11 أيار."
    assert [m.offset_days for m in times(text, None)] == [0, -3]


def test_weekday_resolves_through_a_today_anchor_when_publication_is_unknown():
    text = "قتل مدني صباح اليوم السبت. وكانت الطائرات قصفت البلدة يوم الخميس الماضي."
    anchor, weekday = times(text, None)
    assert (anchor.offset_days, weekday.offset_days) == (0, -2)


def test_yesterday_with_weekday_anchors_too():
    text = "اعتقلت الدورية شابين أمس الثلاثاء، وكانت داهمت القرية الأحد."
    _, sunday = times(text, None)
    assert sunday.offset_days == -3


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("قصفت الطائرات المدينة في 3 شباط.", "2024-02-03"),
        ("قصفت الطائرات المدينة في 3 فبراير 2023.", "2023-02-03"),
        ("قصفت الطائرات المدينة في 20 آب.", "2023-08-20"),
        ("قصفت الطائرات المدينة في 7 حزيران/يونيو 2022.", "2022-06-07"),
        ("قصفت الطائرات المدينة في 9 تشرين الأول.", "2023-10-09"),
        ("قصفت الطائرات المدينة بتاريخ 14/1/2024.", "2024-01-14"),
        ("قصفت الطائرات المدينة بتاريخ 2023/11/30.", "2023-11-30"),
        ("قصفت الطائرات المدينة في 22 من تموز.", "2023-07-22"),
    ],
)
def test_explicit_dates(text, date):
    mention = only(text)
    assert (mention.kind, mention.date, mention.precision) == ("explicit", date, 1)


def test_explicit_date_offset_counts_from_publication():
    assert only("قصفت الطائرات المدينة في 3 آذار.").offset_days == -7


def test_weekday_with_date_is_one_explicit_mention():
    text = "هاجم التنظيم نقطة عسكرية الجمعة 8 آذار."
    mention = only(text)
    assert (mention.span.quote(text), mention.kind, mention.date, mention.weekday) == (
        "الجمعة 8 آذار", "explicit", "2024-03-08", 5)


def test_hijri_date_is_converted():
    mention = only("وقعت المجزرة في 20 شعبان 1445 هـ.")
    assert (mention.kind, mention.date) == ("explicit", "2024-03-01")


def test_hijri_date_without_year_takes_the_publication_year():
    assert only("وقعت المجزرة في 20 شعبان.").date == "2024-03-01"


@pytest.mark.parametrize(
    ("text", "offset", "precision"),
    [
        ("شنت الطائرات غارات خلال الأسبوع الماضي.", -7, 2),
        ("شنت الطائرات غارات خلال الأسبوع الفائت.", -7, 2),
        ("شنت الطائرات غارات خلال اليومين الماضيين.", -1, 2),
        ("شنت الطائرات غارات خلال الشهر الماضي.", -30, 3),
    ],
)
def test_periods_carry_their_precision(text, offset, precision):
    mention = only(text)
    assert (mention.offset_days, mention.precision) == (offset, precision)


@pytest.mark.parametrize("text", ["تخضع البلدة لاتفاق التسوية منذ عام 2018.", "نزح الأهالي في صيف 2018."])
def test_far_past_year_is_flagged(text):
    mention = only(text)
    assert (mention.kind, mention.year, mention.offset_days) == ("past_year", 2018, None)


def test_year_of_publication_is_not_past():
    assert only("تصاعدت الهجمات منذ مطلع عام 2024.").kind == "year"


def test_month_name_alone_is_a_month():
    mention = only("قصفت الطائرات البلدة مرارا خلال شهر كانون الثاني.")
    assert (mention.kind, mention.precision, mention.date) == ("month", 3, "2024-01-01")


def test_words_that_only_look_like_dates_are_ignored():
    assert times("قتل 5 عناصر وأصيب أب وابنه في صفوف القوات.") == ()


def test_sentence_index_is_reported():
    text = "قصفت المدفعية البلدة. وقتل مدني أمس."
    assert [m.sentence for m in times(text)] == [1]


def test_an_undated_report_counts_days_from_the_first_written_date():
    text = "قتل شاب برصاص مجهولين مساء الاثنين 16 آذار. وكان شاب آخر قد قتل يوم الجمعة 13 آذار."
    first, second = [m for m in find_time_expressions(text, tokenize(text), split_sentences(text), published=None)
                     if m.kind == "explicit"]
    assert (first.offset_days, second.offset_days) == (0, -3)
    assert first.date is None  # the year is unknown


def test_day_before_yesterday_in_other_spellings():
    assert [m.offset_days for m in times("قصف قبل أمس، ثم الليلة قبل الماضية.")] == [-2, -2]


def test_year_lead_that_is_also_a_day_part():
    assert only("تراجعت الهجمات منذ منتصف 2019.").kind == "past_year"
    assert only("دوت انفجارات منتصف الليلة الماضية.").offset_days == -1


@pytest.mark.parametrize(
    ("text", "quoted", "offset", "precision"),
    [
        ("شنت المقاتلات 30 غارة خلال الـ24 ساعة الماضية.", "الـ24 ساعة الماضية", 0, 1),
        ("شنت المقاتلات 30 غارة في الساعات الـ72 الأخيرة.", "الساعات الـ72 الأخيرة", -1, 2),
    ],
)
def test_counts_of_hours(text, quoted, offset, precision):
    mention = only(text)
    assert (mention.span.quote(text), mention.offset_days, mention.precision) == (quoted, offset, precision)


def test_event_time_takes_the_first_dated_mention_of_its_sentences():
    text = "قصفت الطائرات القرية صباح اليوم. وكانت المدفعية استهدفتها أول أمس."
    chosen = event_time(times(text), [1], published=SUNDAY)
    assert (chosen.offset_days, chosen.date, chosen.precision) == (-2, "2024-03-08", 1)


def test_event_time_falls_back_to_the_article_day_then_publication():
    text = "قصفت الطائرات القرية مساء أمس. واستهدفت المدفعية الطريق العام."
    assert event_time(times(text), [1], published=SUNDAY).offset_days == -1
    plain = "استهدفت المدفعية الطريق العام."
    chosen = event_time(times(plain), [0], published=SUNDAY)
    assert (chosen.offset_days, chosen.date, chosen.mention) == (0, SUNDAY, None)


def test_event_time_ignores_background_years():
    text = "في البلدة الخاضعة للتسوية منذ عام 2018 هاجم مسلحون حاجزا أمس."
    assert event_time(times(text), [0], published=SUNDAY).offset_days == -1


WEEKDAY_NAMES = {1: "الاثنين", 2: "الثلاثاء", 3: "الأربعاء", 4: "الخميس", 5: "الجمعة", 6: "السبت", 7: "الأحد"}


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(1, 7), st.booleans())
def test_weekday_lands_on_its_day_and_never_after_publication(published, weekday, past):
    text = f"هاجم مسلحون حاجزا يوم {WEEKDAY_NAMES[weekday]}{' الماضي' if past else ''}."
    mention = only(text, published.isoformat())
    assert dt.date.fromisoformat(mention.date).isoweekday() == weekday
    assert (-7 <= mention.offset_days <= -1) if past else (-6 <= mention.offset_days <= 0)


@given(st.dates(min_value=dt.date(2000, 3, 1), max_value=dt.date(2030, 12, 31)), st.integers(1, 28), st.integers(1, 12))
def test_date_without_year_is_never_after_publication(published, day, month):
    month_name = {1: "يناير", 2: "فبراير", 3: "مارس", 4: "أبريل", 5: "مايو", 6: "يونيو", 7: "يوليو",
                  8: "أغسطس", 9: "سبتمبر", 10: "أكتوبر", 11: "نوفمبر", 12: "ديسمبر"}[month]
    mention = only(f"قصفت الطائرات البلدة في {day} {month_name}.", published.isoformat())
    date = dt.date.fromisoformat(mention.date)
    assert (date.month, date.day) == (month, day)
    assert -366 <= mention.offset_days <= 0


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("اقتحمت القوات البلدة في الخامس من شباط.", "2024-02-05"),
        ("اقتحمت القوات البلدة في الخامس عشر من كانون الثاني.", "2024-01-15"),
        ("اقتحمت القوات البلدة في الحادي والعشرين من أيلول 2023.", "2023-09-21"),
        ("اقتحمت القوات البلدة في الأول من رمضان 1444.", "2023-03-23"),
    ],
)
def test_ordinal_days(text, date):
    mention = only(text)
    assert (mention.kind, mention.date) == ("explicit", date)


def test_last_year_is_background():
    mention = only("كانت البلدة قد شهدت اشتباكات مماثلة العام الماضي.")
    assert (mention.kind, mention.year) == ("past_year", 2023)
    assert only("شهدت البلدة اشتباكات العام الماضي.", None).kind == "past_year"


def test_a_few_days_ago_has_no_day():
    mention = only("نزحت العائلات قبل أيام من القرية.")
    assert (mention.offset_days, mention.precision) == (None, 2)
    assert only("سقطت القذائف قبل ساعات.").offset_days == 0


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("انسحبت الدورية في 4 من الشهر الجاري.", "2024-03-04"),
        ("انسحبت الدورية في السابع من الشهر الماضي.", "2024-02-07"),
        ("انسحبت الدورية يوم 6 الجاري.", "2024-03-06"),
        ("انسحبت الدورية في الثاني من الشهر الحالي.", "2024-03-02"),
    ],
)
def test_day_of_the_current_or_last_month(text, date):
    assert only(text).date == date


def test_day_of_the_month_without_publication_is_unknown():
    mention = only("انسحبت الدورية في 4 من الشهر الجاري.", None)
    assert (mention.kind, mention.date, mention.offset_days) == ("explicit", None, None)


def test_full_date_named_with_today_tells_the_publication_date():
    text = "اقتحمت القوات البلدة اليوم الخميس 7 آذار 2024. وكانت قصفتها أمس."
    today, yesterday = times(text, None)
    assert (today.date, today.offset_days) == ("2024-03-07", 0)
    assert (yesterday.date, yesterday.offset_days) == ("2024-03-06", -1)
