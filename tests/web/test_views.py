"""What the portal computes: evidence pieces, counts, timeline, rising topics."""
from __future__ import annotations

from rasd.model import Span
from rasd.store import open_store
from rasd.web.views import counted, highlight, page, rising, timeline
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


def test_counted_and_page():
    assert counted(["Battles", None, "Riots", "Battles"]) == [{"name": "Battles", "count": 2},
                                                              {"name": "Riots", "count": 1}]
    assert page(list(range(5)), 2, 4) == {"total": 5, "limit": 2, "offset": 4, "items": [4]}


def test_timeline_and_rising_topics_of_the_newest_week(tmp_path):
    store = fill(open_store(str(tmp_path / "v.sqlite3")))
    events = store.events()
    assert timeline(events)[0] == {"day": "2023-03-12", "event_type": "Explosions/Remote violence", "count": 1}
    topics = rising(events)
    assert topics["week_end"] == "2023-03-14"
    assert topics["actors"][0] == {"name": "Civilians (Syria)", "count": 2, "change": 2}
    assert len(topics["incidents"]) == 3
    assert rising([]) == {"week_end": None, "places": [], "actors": [], "incidents": []}
    store.close()
