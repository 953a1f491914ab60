"""What the portal computes: evidence pieces, counts, timeline, rising topics."""
from __future__ import annotations

from rasd.model import Span
from rasd.store import open_store
from rasd.store.portal import count_view
from rasd.web.views import actor_names, highlight, page, recent_events, rising, tallied, timeline_of, viewed_items
from tests.web.portal_data import fill


def test_highlight_cuts_the_text_at_every_evidence_boundary():
    text = "قصف على البلدة. اشتباكات في الريف. هدوء حذر."
    first, second = Span(0, 15), Span(16, 34)
    pieces = highlight(text, [(first,), (first, second)])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.events) for p in pieces] == [
        ("قصف على البلدة.", (0, 1)), (" ", ()), ("اشتباكات في الريف.", (1,)), (" هدوء حذر.", ())]


def test_highlight_survives_spans_past_the_end():
    assert [p.text for p in highlight("غارة", [(Span(2, 99),)])] == ["غا", "رة"]


def test_page():
    assert page(list(range(5)), 2, 4) == {"total": 5, "limit": 2, "offset": 4, "items": [4]}


def test_timeline_and_rising_topics_of_the_newest_week(tmp_path):
    store = fill(open_store(str(tmp_path / "v.sqlite3")))
    assert timeline_of(store, None)[0] == {"day": "2023-03-12", "event_type": "Explosions/Remote violence", "count": 1}
    assert tallied(store, None, "admin1") == [{"name": "Aleppo", "count": 2}, {"name": "Daraa", "count": 1},
                                               {"name": "Idlib", "count": 1}]
    assert actor_names(store)[0] == "Civilians (Syria)"
    topics = rising(recent_events(store, None))
    assert topics["week_end"] == "2023-03-14"
    assert topics["actors"][0] == {"name": "Civilians (Syria)", "count": 2, "change": 2}
    assert len(topics["incidents"]) == 3
    assert topics["incidents"][0]["label"] == "Explosions/Remote violence · الأتارب · 2023-03-14"
    assert rising([]) == {"week_end": None, "places": [], "actors": [], "incidents": []}
    store.close()


def test_most_read_items_carry_a_title_or_a_label(tmp_path):
    store = fill(open_store(str(tmp_path / "v.sqlite3")))
    incident = store.incidents()[0]["incident_id"]
    for entity, entity_id in (("article", "battle-tafas"), ("article", "battle-tafas"), ("incident", incident)):
        count_view(store, entity, entity_id)
    assert [(v["label"], v["n"]) for v in viewed_items(store)] == [
        ("اشتباكات في طفس", 2), ("Explosions/Remote violence · سراقب · 2023-03-12", 1)]
    store.close()
