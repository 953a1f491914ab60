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
