"""The article pipeline under hostile input: no exception escapes, spans stay true, runs repeat.

CI runs a short version (few examples); `RASD_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_pipeline.py`
runs a long one.
"""
import os
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd import process
from rasd.ingest.read import read_html
from rasd.errors import InputError
from tests.reliability import record

EXAMPLES = int(os.environ.get("RASD_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words of conflict reports, so random text often holds triggers, places, actors and numbers.
WORDS = [
    "قصفت", "قوات", "النظام", "بلدة", "طفس", "اليوم", "أمس", "مقتل", "ثلاثة", "مدنيين", "غارة",
    "انفجار", "عبوة", "ناسفة", "في", "على", "ريف", "درعا", "اشتباكات", "اعتقال", "مظاهرة", "لم",
    "هدد", "عام", "2018", "٣", "،", ".", "؟", "«", "»", "(", ")", "\n", "حي", "قرية", "الحوثي", "تعز",
]
CONTROLS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2069",
            "\ufeff", "\u0640", "\u064b", "\u0651", "\ud800", "\udfff", "\x00", "\x1b"]
news_like = st.lists(st.sampled_from(WORDS + CONTROLS), min_size=1, max_size=120).map(" ".join)
any_text = st.text(min_size=1, max_size=400)
TRIED: Counter[str] = Counter()  # inputs that passed, by class, for the reliability log


@pytest.fixture(scope="module", autouse=True)
def reliability_log():
    yield
    for input_class, count in TRIED.items():
        record("inputs", input_class, count, "inputs", "no exception escaped; every span inside the text")


def assert_sound(article) -> None:
    """Every span lies inside the text and quotes what the record says it does."""
    text = article.text
    for event in article.events:
        assert event.evidence, "an event without evidence"
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(text)
        for part in (event.actor1, event.actor2, event.location):
            if part is not None and part.span is not None:
                assert 0 <= part.span.start <= part.span.end <= len(text)
                assert part.span.quote(text) == part.mention
        assert 0.0 <= event.confidence <= 1.0


@FUZZ
@given(news_like)
def test_news_like_word_salad_gives_a_sound_record(text):
    assert_sound(process(text, published="2024-06-01"))
    TRIED["news-like word salad with bidi/zero-width/NUL/surrogate controls"] += 1


@FUZZ
@given(any_text)
def test_any_unicode_gives_a_sound_record(text):
    assert_sound(process(text))
    TRIED["any Unicode text"] += 1


@FUZZ
@given(news_like)
def test_the_same_article_twice_gives_the_same_record(text):
    assert process(text, published="2024-06-01").to_dict() == process(text, published="2024-06-01").to_dict()
    TRIED["the same article twice (same record)"] += 1


@FUZZ
@given(st.integers(min_value=1, max_value=400), st.sampled_from(["<div>", "<p><b>", "<table><tr><td>", "<span"]))
def test_deep_or_truncated_html_is_an_article_or_an_input_error(depth, tag):
    html = tag * depth + "قصفت قوات النظام بلدة طفس اليوم." + "</div>" * (depth // 2)
    try:
        raw = read_html(html)
    except InputError:
        TRIED["deep or truncated HTML"] += 1
        return
    assert_sound(process(raw.text))
    TRIED["deep or truncated HTML"] += 1


def test_a_repeated_trigger_word_makes_no_pile_of_events():
    article = process("قصف " * 5000, published="2024-06-01")
    assert len(article.events) <= 1
    TRIED["one trigger word repeated 5000 times"] += 1


# CI compares 10 KB with 200 KB; the long run (RASD_FUZZ_EXAMPLES set) compares 10 KB with 1 MB.
LONG_ARTICLE_KB = 1000 if "RASD_FUZZ_EXAMPLES" in os.environ else 200


def test_time_grows_linearly_with_the_article():
    """A long article costs about its share of a short one: no catastrophic backtracking."""
    unit = "قصفت قوات النظام بلدة طفس اليوم ما أدى إلى مقتل مدني. اندلعت اشتباكات في قرية المزيريب.\n"
    process(unit)  # resources loaded
    repeat = 10_000 // len(unit.encode())
    short, long = unit * repeat, unit * (repeat * LONG_ARTICLE_KB // 10)
    started = time.perf_counter()
    process(short)
    short_seconds = time.perf_counter() - started
    started = time.perf_counter()
    process(long)
    long_seconds = time.perf_counter() - started
    size_ratio = len(long) / len(short)
    time_ratio = long_seconds / max(short_seconds, 1e-3)
    assert time_ratio < size_ratio * 2.5  # at most 2.5 times the rate
    record("inputs", f"a {LONG_ARTICLE_KB} KB article against a 10 KB one", 2, "inputs",
           f"time ratio {time_ratio:.0f} for size ratio {size_ratio:.0f} (limit {size_ratio * 2.5:.0f})")
