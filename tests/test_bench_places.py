"""The place throughput measurement."""
from rasd.bench_places import place_throughput


def test_throughput_counts_text_and_mentions():
    text = "قصفت المدفعية بلدة طفس بريف درعا الغربي، وسقطت قذائف على نوى."
    figures = place_throughput([text, text], repeat=2)
    assert figures["documents"] == 4 and figures["mentions"] >= 8
    assert figures["megabytes"] == len(text.encode("utf-8")) * 4 / 1e6
    assert figures["mb_per_second"] > 0 and figures["find_mb_per_second"] >= figures["mb_per_second"]
    assert figures["match_mb_per_second"] > 0  # timed apart, so it is never 0 when measured
