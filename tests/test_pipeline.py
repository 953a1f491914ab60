"""The pipeline as a whole: one raw article in, one record out."""
from rasd import process


def test_lone_surrogates_are_replaced_and_said_not_raised():
    article = process("قصفت قوات النظام \ud800 بلدة طفس اليوم.", published="2024-01-01")
    assert "\ud800" not in article.text
    assert any("surrogate" in warning for warning in article.warnings)
    assert [e.location.name_ar for e in article.events] == ["طفس"]


def test_evidence_spans_lie_inside_the_text_and_processing_is_repeatable():
    text = "قصف مدفعي على طفس\n\nقصفت قوات النظام بلدة طفس بالمدفعية اليوم ما أدى إلى مقتل مدني."
    first, second = process(text, published="2024-01-01"), process(text, published="2024-01-01")
    assert first.to_dict() == second.to_dict()
    for event in first.events:
        for span in event.evidence:
            assert 0 <= span.start < span.end <= len(first.text)


def test_the_bundled_example_gives_its_events():
    from rasd.ingest.read import read_article_file
    from rasd.pipeline import process_raw
    from rasd.resources import example_article_path

    article = process_raw(read_article_file(example_article_path()))
    found = {(e.sub_event_type, e.location.name_ar, e.date_offset_days) for e in article.events}
    assert ("Shelling/artillery/missile attack", "نوى", 0) in found
    assert ("Remote explosive/landmine/IED", "نوى", -1) in found
    assert ("Arrests", "جاسم", 0) in found
    assert not any(e.date_offset_days is not None and e.date_offset_days < -30 for e in article.events)
