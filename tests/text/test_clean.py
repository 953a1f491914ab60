"""Dropping page chrome, a repeated title and date stamps (rasd.text.clean)."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd.text.clean import (
    CleanText,
    clean_text,
    detect_title,
    date_from_url,
    find_published_date,
    fold_line,
    is_chrome_line,
    parse_chrome_rules,
    stamp_line_date,
)
from rasd.text.months import MONTHS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TITLE = "انفجار لغم في أرض زراعية قرب خربة السنديان"
BODY = "أصيب مزارعان بجروح خطيرة صباح اليوم جراء انفجار لغم أرضي في محيط خربة السنديان."
MORE = "وقال مصدر طبي إن المصابين نقلا إلى مشفى بصرى."


def test_chrome_at_the_end_is_dropped_and_each_line_listed():
    raw = f"{TITLE}\n\n{BODY}\n\nالتعليقات (0)\n\n    0\n\n    الأكثر قراءة\n\n    💡 أهم المواضيع\n\n    ✨ أهم التصنيفات"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.removed == ("التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات")


@pytest.mark.parametrize(
    "line",
    [
        "تعليقات 3",
        "التعليقات (12)",
        "129",
        "الأكثر مشاهدة",
        "اقرأ أيضاً: مطالب بإزالة الألغام من ريف درعا",
        "إقرأ أيضا",
        "مواضيع ذات صلة",
        "أخبار ذات صلة",
        "شارك",
        "شارك القصة",
        "شارك على فيسبوك · تويتر · واتساب",
        "Facebook Twitter WhatsApp Telegram",
        "تابعونا على تلغرام",
        "اشترك في قناتنا على يوتيوب",
        "انضم إلى قناتنا على واتساب",
        "جميع الحقوق محفوظة لموقع فجر حوران",
        "© 2024 شاهد نيوز",
        "[ads2]",
        "إعلان",
        "زر الذهاب إلى الأعلى",
        "✨",
        "–",
        "\u200b",
        "الاثنين 2018/07/09",
        "الخميس ٠٣ آذار ٢٠٢٢ - ١٤:٠٥ بتوقيت غرينتش",
        "الرئيسية > محليات > عدن",
        "الرئيسية » تقارير",
        "الرئيسية",
        "النشرة البريدية",
        "سجل بريدك ليصلك كل جديد",
        "اشترك ليصلك ملخص الأخبار يوميا",
        "حجم الخط",
        "رابط مختصر: https://example.org/a1",
        "ليبيا | سياسة",
        "تابعوا آخر الأخبار عبر قناتنا على تلغرام",
        "12 مشاركة",
        "صورة أرشيفية لآليات عسكرية على طريق الساحل",
        "(صورة تعبيرية)",
        "أرسل لصديق",
        "A+ A-",
        "أضف تعليق",
        "التعليقات مغلقة.",
        "يرجى تسجيل الدخول لإضافة تعليق",
        "قد يعجبك أيضاً",
        "حمل تطبيق الموقع على هاتفك",
        "عاجل",
    ],
)
def test_chrome_lines_are_recognised(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "شارك مئات الأهالي في وقفة احتجاجية وسط نوى.",
        "اشترك في الهجوم عناصر من الفرقة الرابعة.",
        "قتل 5 مدنيين في 21 نيسان 2021",
        "المصدر: فجر حوران",
        "مداهمات في جاسم",
        "الرئيسية في حياة النازحين هي المياه والخبز، بحسب منظمات الإغاثة.",
        "سجل الأطباء عشرات الإصابات بالكوليرا في المخيم.",
        "تابع المحققون أدلة الحادث في الموقع.",
        "تابع في كلمته أمام البرلمان أن الحكومة لن تتهاون",
        "حفظ السلام مهمة القوات الدولية في الجنوب منذ عقود.",
        "عاجل: انفجار يهز وسط المدينة",
        "نشرت الوكالة صورة أرشيفية للمعبر وقالت إنه أغلق صباح اليوم أمام المسافرين بعد قصف قريب منه.",
    ],
)
def test_content_lines_are_kept(line):
    assert not is_chrome_line(line)


def test_repeated_title_is_kept_once_and_the_copy_listed():
    cleaned = clean_text(f"{TITLE}\n\n{TITLE}\n\n{BODY}")
    assert cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.title == TITLE
    assert cleaned.removed == (TITLE,)


def test_repeat_is_found_after_whitespace_normalisation():
    cleaned = clean_text(f"{TITLE}\n  {TITLE.replace(' ', '  ')}  \n{BODY}")
    assert cleaned.text == f"{TITLE}\n{BODY}"


def test_given_title_at_the_start_is_not_kept_twice():
    cleaned = clean_text(f"{TITLE}\n{TITLE}\n{BODY}", title=TITLE)
    assert cleaned.text == f"{TITLE}\n{BODY}"
    assert cleaned.title == TITLE


def test_given_title_missing_from_text_is_put_first():
    cleaned = clean_text(f"{BODY}\n{MORE}", title=TITLE)
    assert cleaned.text == f"{TITLE}\n\n{BODY}\n{MORE}"
    assert cleaned.text.index(BODY) == len(TITLE) + 2


def test_first_line_is_title_when_short_and_followed_by_a_blank_line():
    assert clean_text(f"{TITLE}\n\n{BODY}").title == TITLE


def test_first_line_is_title_when_followed_by_a_longer_paragraph():
    assert clean_text(f"{TITLE}\n{BODY}").title == TITLE


def test_sentence_first_line_is_not_a_title():
    assert clean_text(f"{BODY}\n{MORE}").title is None


def test_single_line_text_has_no_title():
    assert clean_text(TITLE).title is None


def test_blank_runs_collapse_and_trailing_spaces_go():
    cleaned = clean_text(f"\n\n{TITLE}   \n\n\n\n{BODY}  \n\n\n{MORE}\n\n")
    assert cleaned.text == f"{TITLE}\n\n{BODY}\n\n{MORE}"


def test_characters_inside_paragraphs_are_untouched():
    odd = "قُتل «رجلان»  بانفجار  عبوة… في نوى؟ (مصادر محلية)"
    assert odd in clean_text(f"{TITLE}\n\n{odd}\n").text


def test_nbsp_only_lines_are_dropped_and_listed():
    cleaned = clean_text(f"{TITLE}\n\n{BODY}\n\n\u00a0\n\n\u00a0\u00a0\n\n{MORE}")
    assert cleaned.text == f"{TITLE}\n\n{BODY}\n\n{MORE}"
    assert cleaned.removed == ("\u00a0", "\u00a0\u00a0")


def test_leading_date_stamp_is_cut_from_the_first_line():
    cleaned = clean_text(f" date 2025-10-16 فجر حوران: {BODY}\n\n{MORE}")
    assert cleaned.text == f"فجر حوران: {BODY}\n\n{MORE}"
    assert cleaned.removed == ("date 2025-10-16",)
    assert cleaned.published == "2025-10-16"


def test_leading_date_stamp_with_colon_on_its_own_line():
    cleaned = clean_text(f"date: 2021-04-21\n{TITLE}\n\n{BODY}")
    assert cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.removed == ("date: 2021-04-21",)


def test_trailing_related_headlines_are_dropped():
    raw = (
        f"{TITLE}\n\n{BODY}\n\nمقالات مشابهة\n\n"
        "  • مزارع يفقد ساقه بلغم في ريف القنيطرة\n  • حملة تطوعية لتنظيف الطرقات في نوى\n  • ا"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.removed[0] == "مقالات مشابهة"
    assert len(cleaned.removed) == 4


def test_a_list_heading_followed_by_more_article_keeps_the_article():
    raw = f"{TITLE}\n\n{BODY}\n\nاقرأ أيضا:\n\nسيناريو مشابه في جاسم\n\n{MORE}"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{TITLE}\n\n{BODY}\n\nسيناريو مشابه في جاسم\n\n{MORE}"
    assert cleaned.removed == ("اقرأ أيضا:",)


def test_scraped_page_fixture():
    cleaned = clean_text((FIXTURES / "hawran_dawn_chrome.txt").read_text(encoding="utf-8"))
    assert cleaned.title == TITLE
    assert cleaned.published == "2023-05-09"
    assert cleaned.text.startswith(TITLE + "\n\n")
    assert cleaned.text.endswith("دون خطة واضحة لإزالتها.")
    assert "[ads1]" not in cleaned.text and "حوران ©" not in cleaned.text
    assert cleaned.removed[:3] == ("date 2023-05-09", TITLE, "\u00a0")
    assert cleaned.removed[-4:] == (
        "مواضيع ذات صلة",
        "• مزارع يفقد ساقه بلغم في ريف القنيطرة",
        "• حملة تطوعية لتنظيف الطرقات في نوى",
        "• ارتفاع أسعار المازوت مع بداية الموسم",
    )


def test_bundled_example_cleans_to_title_and_six_paragraphs():
    from importlib import resources

    raw = resources.files("rasd").joinpath("data/examples/daraa_report.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.text.count("\n\n") == 6
    assert cleaned.removed[0] == cleaned.title
    assert cleaned.removed[1:] == (
        "التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات",
        "شارك على فيسبوك · تويتر · واتساب",
    )


def test_clean_text_returns_a_frozen_record():
    cleaned = clean_text(BODY)
    assert isinstance(cleaned, CleanText)
    with pytest.raises(AttributeError):
        cleaned.text = ""  # type: ignore[misc]


# --- publication date -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.shahed-news.net/news/arab/2015/09/21/shelling-nawa", "2015-09-21"),
        ("https://hawran-dawn.org/politics/2016/6/4/%D9%86%D9%88%D9%89", "2016-06-04"),
        ("https://hawran-dawn.org/a/raid-in-jasem-2025-09-17", "2025-09-17"),
        ("http://hawran-dawn.org/arabic/9765-2017-10-05-10-43-27", "2017-10-05"),
        ("https://www.shahed-news.net/view.aspx?cdate=16112025&id=96c3", "2025-11-16"),
        ("https://hawran-dawn.org/news/20250917-nawa", "2025-09-17"),
        ("https://hawran-dawn.org/news/4382941", None),
        ("https://hawran-dawn.org/article/8460/2020/x", None),
        ("https://hawran-dawn.org/news/20251399", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2021-04-21", "2021-04-21"),
        ("21/04/2021", "2021-04-21"),
        ("تاريخ النشر: 03.06.2020 | 09:15 دمشق", "2020-06-03"),
        ("الأربعاء 21 نيسان 2021", "2021-04-21"),
        ("21 أبريل 2021", "2021-04-21"),
        ("الثلاثاء 5 مارس / March 2019", "2019-03-05"),
        ("8 كانون الأول 2024", "2024-12-08"),
        ("09/08/2017 11:20PM", "2017-08-09"),
        ("وفي 21 نيسان 2021", None),
        ("دمشق / 14 أكتوبر / متابعات :", None),
    ],
)
def test_stamp_line_date(line, expected):
    assert stamp_line_date(line) == expected


def test_published_date_from_url_comes_first():
    text = f"{TITLE}\nالاثنين 2018/07/09\n{BODY}"
    assert find_published_date(text, "https://x.net/2020/01/02/a") == "2020-01-02"
    assert find_published_date(text, None) == "2018-07-09"


def test_published_date_ignores_dates_inside_sentences():
    assert find_published_date(f"{TITLE}\n\nوفي 8 كانون الأول 2024 سيطرت فصائل على المدينة.", None) is None


def test_given_published_date_wins_and_url_date_is_found_otherwise():
    assert clean_text(BODY, url="https://x.net/2015/09/21/a", published="2015-09-20").published == "2015-09-20"
    assert clean_text(BODY, url="https://x.net/2015/09/21/a").published == "2015-09-21"


def test_stamp_line_in_the_text_is_dropped_and_gives_the_date():
    cleaned = clean_text(f"السبت 7 يونيو 2025 - 06:40 بتوقيت غرينتش\n{TITLE}\n\n{BODY}")
    assert cleaned.text == f"{TITLE}\n\n{BODY}"
    assert cleaned.published == "2025-06-07"


# --- data ------------------------------------------------------------------------------


def test_months_table_has_folded_and_unfolded_spellings():
    assert MONTHS["كانون الثاني"] == MONTHS["يناير"] == 1
    assert MONTHS["أيار"] == MONTHS["ايار"] == MONTHS["مايو"] == 5
    assert MONTHS["تشرين الأول"] == MONTHS["تشرين الاول"] == MONTHS["أكتوبر"] == 10
    assert {MONTHS[name] for name in ("آب", "اب", "أغسطس", "اغسطس")} == {8}


def test_fold_line_strips_emoji_diacritics_and_folds_letters():
    assert fold_line("✨ أهمّ  التصنيفاتِ ") == "اهم التصنيفات"


def test_boilerplate_rules_parse_by_kind():
    rules = parse_chrome_rules("# comment\nlist   الأكثر قراءة\nline   \\d+\nstamp  تاريخ\n")
    assert rules == {"list": ["الأكثر قراءة"], "line": ["\\d+"], "stamp": ["تاريخ"]}


def test_boilerplate_rules_reject_an_unknown_kind():
    with pytest.raises(ValueError, match="bad rule"):
        parse_chrome_rules("drop   شارك\n")


def test_breadcrumb_above_a_doubled_title_goes_and_the_title_stays_once():
    raw = ("الرئيسية > أخبار اليمن > الحديدة\n"
           "غارة بطائرة مسيرة على مخزن وقود في الحديدة\n"
           "غارة بطائرة مسيرة على مخزن وقود في الحديدة\n\n"
           "استهدفت طائرة مسيرة فجر اليوم مخزنا للوقود قرب ميناء الحديدة، دون أن تعرف حصيلة الخسائر.")
    cleaned = clean_text(raw)
    assert cleaned.title == "غارة بطائرة مسيرة على مخزن وقود في الحديدة"
    assert cleaned.text.count("غارة بطائرة مسيرة") == 1
    assert "الرئيسية > أخبار اليمن > الحديدة" in cleaned.removed


def test_title_is_found_above_a_dateline_line():
    lines = ["اشتباكات عنيفة في أحياء جنوب طرابلس", "طرابلس - خاص",
             "اندلعت اشتباكات بالأسلحة المتوسطة مساء الأمس بين مجموعتين مسلحتين في حي صلاح الدين جنوبي العاصمة."]
    assert detect_title(lines) == "اشتباكات عنيفة في أحياء جنوب طرابلس"


def test_summary_box_with_bullets_is_dropped_with_its_heading():
    raw = ("اشتباكات بين فصيلين في مدينة الزاوية\n\n"
           "النقاط الأساسية\n\n"
           "• اشتباكات بالأسلحة المتوسطة في وسط المدينة.\n"
           "• إغلاق الطريق الساحلي أمام السيارات.\n\n"
           "اندلعت مساء أمس اشتباكات بين مجموعتين مسلحتين في وسط مدينة الزاوية، ما أدى إلى إغلاق الطريق الساحلي.")
    cleaned = clean_text(raw)
    assert "النقاط الأساسية" not in cleaned.text and "•" not in cleaned.text
    assert cleaned.text.endswith("ما أدى إلى إغلاق الطريق الساحلي.")
    assert "• إغلاق الطريق الساحلي أمام السيارات." in cleaned.removed


def test_summary_paragraph_under_its_label_is_dropped_and_the_story_kept():
    raw = ("غارة على مخزن في ميناء الحديدة\n\nفريق التحرير\n\nغارة على مخزن في ميناء الحديدة\n\n"
           "ملخص المقال\n\nإنتاج AI\n\nاستهدفت غارة مخزنا في الميناء وسط تحذيرات من تعطل الإمدادات.\n\n"
           "شنت طائرات حربية فجر اليوم غارة على مخزن للوقود في ميناء الحديدة، واندلع حريق كبير في المكان.")
    cleaned = clean_text(raw)
    assert cleaned.text == ("غارة على مخزن في ميناء الحديدة\n\n"
                            "شنت طائرات حربية فجر اليوم غارة على مخزن للوقود في ميناء الحديدة، واندلع حريق كبير في المكان.")
