"""Review values: typed, checked against the taxonomy, applied newest last."""
from __future__ import annotations

import pytest

from rasd.store.reviews import Review, ReviewError, corrected, get_field, parse_value, set_field, status_of


def review(action: str, field: str | None = None, value=None, rid: int = 1) -> Review:
    return Review(rid, "E1", "huda", "2024-01-01T00:00:00Z", action, field, None, value)


def test_values_typed_as_text_become_the_field_type():
    assert parse_value("fatalities", " 4 ") == 4
    assert parse_value("location.lat", "35.93") == 35.93
    assert parse_value("weapons", "هاون؛ drone; artillery") == ["هاون؛ drone", "artillery"]
    assert parse_value("tags", "displacement، siege") == ["displacement", "siege"]
    assert parse_value("date", "2024-02-03") == "2024-02-03"
    assert parse_value("injuries", "") is None
    assert parse_value("assoc_actor1", "Hezbollah; Fatemiyoun") == [{"name": "Hezbollah"}, {"name": "Fatemiyoun"}]


@pytest.mark.parametrize("field, raw, message", [
    ("fatalities", "ثلاثة", "whole number"),
    ("fatalities", "", "cannot be empty"),
    ("date", "03/02/2024", "YYYY-MM-DD"),
    ("event_type", "Massacre", "unknown event_type"),
    ("sub_event_type", "Bombing", "unknown sub_event_type"),
    ("actor1.colour", "x", "unknown field"),
    ("notes", "x" * 501, "longer than"),
])
def test_bad_values_are_refused_with_a_reason(field, raw, message):
    with pytest.raises(ReviewError, match=message):
        parse_value(field, raw)


def test_set_field_creates_a_missing_actor_and_leaves_the_original_alone():
    record = {"event_type": "Battles", "actor2": None}
    changed = set_field(record, "actor2.name", "Hayat Tahrir al-Sham")
    assert changed["actor2"] == {"name": "Hayat Tahrir al-Sham"} and record["actor2"] is None
    assert get_field(changed, "actor2.name") == "Hayat Tahrir al-Sham"


def test_the_newest_correction_of_a_field_wins_and_status_follows_the_last_action():
    done = [review("correct", "fatalities", 2, 1), review("correct", "fatalities", 5, 2), review("confirm", rid=3)]
    assert corrected({"fatalities": 1}, done) == {"fatalities": 5}
    assert status_of(done) == "confirmed"
    assert status_of([*done, review("reject", rid=4)]) == "rejected"
    assert status_of([]) is None
