"""Reviews in the store, on SQLite and PostgreSQL: corrections win over re-extraction."""
from __future__ import annotations

import pytest

from rasd.export import event_row
from rasd.store.portal import (
    add_comment, add_review, add_user, comments_of, count_view, most_viewed, password_hash, reviews_of, setting,
)
from rasd.store.query import EventFilter
from rasd.store.reviews import ReviewError
from tests.builders import article, place, strike

SARMIN = place("سرمين", "Sarmin", 35.90, 36.72, gid="G7")
TEXT = "قصف جوي على سرمين\nاستهدفت غارة جوية بلدة سرمين شرقي إدلب فجر اليوم."


@pytest.fixture
def reviewed(store):
    add_user(store, "huda", "hash-1")
    store.save_article("k1", "h1", article("s1", TEXT, (strike(SARMIN, fatalities=1),)))
    return store


def test_a_correction_is_kept_with_who_when_and_the_old_value(reviewed):
    [stored] = reviewed.events()
    add_review(reviewed, stored.id, "huda", "correct", "fatalities", 4)
    [review] = reviews_of(reviewed, [stored.id])[stored.id]
    assert (review.user_name, review.field, review.old_value, review.new_value) == ("huda", "fatalities", 1, 4)
    [after] = reviewed.events()
    assert after.event.fatalities == 4 and after.review_status == "corrected"
    assert event_row(after)["fatalities"] == 4 and event_row(after)["review_status"] == "corrected"


def test_corrections_survive_a_re_extraction_of_the_article(reviewed):
    [stored] = reviewed.events()
    add_review(reviewed, stored.id, "huda", "correct", "location.admin1", "Aleppo")
    changed = article("s1", TEXT + "\nوأفاد ناشطون بسقوط جرحى.", (strike(SARMIN, fatalities=2),))
    assert reviewed.save_article("k1", "h2", changed) == "updated"
    [after] = reviewed.events()
    assert after.id == stored.id and after.event.fatalities == 2
    assert after.event.location.admin1 == "Aleppo"
    assert [e.id for e in reviewed.events(EventFilter(admin1="Aleppo"))] == [stored.id]


def test_associated_actors_can_be_corrected_and_are_exported(reviewed):
    [stored] = reviewed.events()
    add_review(reviewed, stored.id, "huda", "correct", "assoc_actor1", [{"name": "Hezbollah"}])
    [after] = reviewed.events()
    assert [a.name for a in after.event.assoc_actor1] == ["Hezbollah"]
    assert event_row(after)["assoc_actor_1"] == "Hezbollah"


def test_a_corrected_type_moves_the_event_between_filters(reviewed):
    [stored] = reviewed.events()
    add_review(reviewed, stored.id, "huda", "correct", "event_type", "Battles")
    add_review(reviewed, stored.id, "huda", "correct", "sub_event_type", "Armed clash")
    assert reviewed.events(EventFilter(event_type="Explosions/Remote violence")) == []
    [battle] = reviewed.events(EventFilter(event_type="Battles"))
    assert battle.event.sub_event_type == "Armed clash"


def test_rejected_events_leave_exports_unless_asked_for(reviewed):
    [stored] = reviewed.events()
    add_review(reviewed, stored.id, "huda", "reject")
    assert reviewed.events() == [] and reviewed.incidents() == []
    [kept] = reviewed.events(EventFilter(include_rejected=True))
    assert kept.review_status == "rejected"
    add_review(reviewed, stored.id, "huda", "confirm")
    assert [e.review_status for e in reviewed.events()] == ["confirmed"]


def test_a_rejection_reaches_synchronised_copies_as_a_deletion(reviewed):
    from rasd.store.export_rows import export_rows

    [stored] = reviewed.events()
    before = stored.updated_at
    add_review(reviewed, stored.id, "huda", "reject")
    rows = export_rows(reviewed, "event", EventFilter(updated_since=before))
    assert [(r["event_id_cnty"], r["deleted"]) for r in rows] == [(stored.id, True)]


def test_bad_reviews_and_comments_are_refused(reviewed):
    [stored] = reviewed.events()
    with pytest.raises(ReviewError, match="no event"):
        add_review(reviewed, "RSDnope-1", "huda", "confirm")
    with pytest.raises(ReviewError, match="unknown action"):
        add_review(reviewed, stored.id, "huda", "delete")
    with pytest.raises(ReviewError, match="unknown tag"):
        add_review(reviewed, stored.id, "huda", "correct", "tags", ["fireworks"])
    with pytest.raises(ReviewError, match="characters"):
        add_comment(reviewed, stored.id, "huda", "   ")
    assert reviews_of(reviewed, [stored.id]) == {}


def test_comments_users_settings_and_views(reviewed):
    [stored] = reviewed.events()
    add_comment(reviewed, stored.id, "huda", "المصدر لم يذكر عدد الجرحى <b>بدقة</b>")
    [comment] = comments_of(reviewed, [stored.id])[stored.id]
    assert comment["body"].endswith("<b>بدقة</b>") and comment["user_name"] == "huda"
    add_user(reviewed, "huda", "hash-2")
    assert password_hash(reviewed, "huda") == "hash-2" and password_hash(reviewed, "nobody") is None
    with pytest.raises(ReviewError):
        add_user(reviewed, " spaced ", "x")
    assert setting(reviewed, "key") == setting(reviewed, "key")
    for _ in range(3):
        count_view(reviewed, "article", "s1")
    count_view(reviewed, "incident", "INC-1")
    assert [(r["entity_id"], r["n"]) for r in most_viewed(reviewed)] == [("s1", 3), ("INC-1", 1)]
