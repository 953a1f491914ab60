"""The store on SQLite and on PostgreSQL: atomic writes, idempotent ingest, search, sync."""
from __future__ import annotations

import pytest

from rasd.ingest.read import RawArticle
from rasd.store.migrate import migrate, migration_files, schema_version
from rasd.store.query import EventFilter
from rasd.store.repository import event_id
from tests.builders import article, place, strike

ATARIB = place("الأتارب", "Al-Atarib", 36.14, 36.83, gid="G1")


def test_events_read_back_as_written(store):
    written = article("r1", "غارات روسية على الأتارب\nقصفت طائرات حربية مدينة الأتارب.", (strike(ATARIB, fatalities=3),))
    assert store.save_article("k1", "h1", written) == "new"
    [stored] = store.events()
    assert stored.event == written.events[0]
    assert stored.article.url == written.url and stored.day == "2023-03-14"


def test_a_changed_article_replaces_its_events_and_is_recorded(store):
    first = article("r1", "قصف الأتارب", (strike(ATARIB, fatalities=2), strike(ATARIB, day="2023-03-13")))
    store.save_article("k1", "h1", first)
    second = article("r1", "قصف الأتارب وارتفاع الحصيلة", (strike(ATARIB, fatalities=5),))
    assert store.save_article("k1", "h2", second) == "updated"
    assert [e.event.fatalities for e in store.events()] == [5]
    assert store.counts()["articles"] == 1
    assert [row["action"] for row in store.history("k1")] == ["created", "updated"]


def test_a_failure_inside_a_write_leaves_nothing_half_stored(store, monkeypatch):
    def crash(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store, "_link", crash)
    with pytest.raises(RuntimeError):
        store.save_article("k1", "h1", article("r1", "قصف الأتارب", (strike(ATARIB),)))
    counts = store.counts()
    assert counts["articles"] == counts["events"] == counts["changes"] == 0


def test_ingesting_the_same_articles_twice_stores_them_once(store):
    from rasd.pipeline import process_raw
    from rasd.store.ingest import ingest

    raws = [RawArticle(id=f"x{i}", text=f"قصفت طائرات حربية بلدة رقم {i} في ريف إدلب صباح اليوم.",
                       url=f"https://news.example/{i}") for i in range(3)]
    first = ingest(store, raws, process_raw)
    again = ingest(store, raws + [raws[0]], process_raw)
    assert (first.new, first.unchanged) == (3, 0)
    assert (again.read, again.new, again.unchanged) == (4, 0, 4)
    assert store.counts()["articles"] == 3


def test_a_bad_article_is_counted_with_its_reason_and_the_batch_goes_on(store):
    from rasd.errors import InputError
    from rasd.pipeline import process_raw
    from rasd.store.ingest import ingest

    items = [InputError("empty file", "a.txt"), RawArticle(id="ok", text="اشتباكات في ريف حماة.")]
    summary = ingest(store, items, process_raw)
    assert (summary.read, summary.new, summary.failed) == (2, 1, 1)
    assert "empty file" in summary.failures[0][1]


def test_search_matches_arabic_whatever_the_spelling(store):
    text = "قصفت الطائرات الحربية مدينةَ إدلبَ وبالأتارب سقط جرحى"
    store.save_article("k1", "h1", article("r1", text, (strike(ATARIB),)))
    store.save_article("k2", "h2", article("r2", "مظاهرة في السويداء", (strike(place("السويداء", "As-Suwayda", None, None)),)))
    for query in ("ادلب", "الاتارب", "مدينة إدلب"):
        assert [e.article.article_id for e in store.events(EventFilter(text=query))] == ["r1"], query


def test_filters_select_by_day_place_type_actor_and_outlet(store):
    store.save_article("k1", "h1", article("r1", "قصف الأتارب", (strike(ATARIB, day="2023-03-10"),)))
    store.save_article("k2", "h2", article("r2", "قصف سرمدا", (strike(place("سرمدا", "Sarmada", 36.18, 36.72),
                                                             actor="Military Forces of Syria (2000-2024)"),),
                                           outlet="outlet-b"))
    assert _ids(store, EventFilter(since="2023-03-12")) == ["r2"]
    assert _ids(store, EventFilter(actor="russia")) == ["r1"]
    assert _ids(store, EventFilter(outlet="outlet-b", admin1="idlib", country="Syria")) == ["r2"]
    assert _ids(store, EventFilter(event_type="Battles")) == []


def test_updated_since_lists_new_records_and_deletions(store):
    store.save_article("k1", "h1", article("r1", "قصف الأتارب", (strike(ATARIB), strike(ATARIB, day="2023-03-12"))))
    mark = store.events()[0].updated_at
    store.save_article("k1", "h2", article("r1", "قصف الأتارب", (strike(ATARIB),)))
    changed = store.events(EventFilter(updated_since=mark))
    deleted = store.deletions("event", mark)
    assert [e.id for e in changed] == [event_id("k1", 1)]
    assert [d.entity_id for d in deleted] == [event_id("k1", 2)]


def test_migrations_are_applied_once(store):
    latest = migration_files(store.db.dialect)[-1][0]
    assert schema_version(store.db) == latest
    assert migrate(store.db) == []


def _ids(store, filters):
    return [e.article.article_id for e in store.events(filters)]



def test_search_indexes_exist_after_migration(store):
    if store.db.dialect == "sqlite":
        rows = store.db.query("SELECT name FROM sqlite_master WHERE type = 'index'")
    else:
        rows = store.db.query("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'events'")
    assert {"events_type_place", "events_gazetteer"} <= {row["name"] for row in rows}


def test_incidents_updated_since_include_dissolved_ones(store):
    store.save_article("k1", "h1", article("r1", "قصف الأتارب", (strike(ATARIB),)))
    store.save_article("k2", "h1", article("r2", "غارة على الأتارب", (strike(ATARIB),), outlet="outlet-b"))
    [before] = store.incidents(EventFilter())
    mark = before["updated_at"]
    store.save_article("k2", "h2", article("r2", "مظاهرة في الأتارب", ()))
    assert [i["incident_id"] for i in store.incidents(EventFilter(updated_since=mark))] == [before["incident_id"]]
    assert [len(i["sources"]) for i in store.incidents(EventFilter())] == [1]


def test_tally_counts_events_by_columns_in_sql(store):
    store.save_article("k1", "h1", article("r1", "قصف الأتارب", (strike(ATARIB, fatalities=2), strike(ATARIB, day="2023-03-13"))))
    store.save_article("k2", "h2", article("r2", "قصف الأتارب", (strike(ATARIB, fatalities=1),), outlet="outlet-b"))
    assert store.tally(None) == [{"one": 1, "n": 3, "fatalities": 3}]
    by_day = sorted((r["day"], r["n"]) for r in store.tally(None, "day"))
    assert by_day == [("2023-03-13", 1), ("2023-03-14", 2)]
    by_outlet = sorted((r["outlet"], r["n"]) for r in store.tally(EventFilter(since="2023-03-14"), "outlet"))
    assert by_outlet == [("outlet-a", 1), ("outlet-b", 1)]
    with pytest.raises(ValueError, match="cannot count by"):
        store.tally(None, "record")


def test_events_come_in_pages(store):
    store.save_article("k1", "h1", article("r1", "قصف الأتارب", tuple(strike(ATARIB, day=f"2023-03-1{d}") for d in range(4))))
    days = [e.day for e in store.events(limit=2, offset=1)]
    assert days == ["2023-03-11", "2023-03-12"]


def test_search_words_with_quotes_or_operators_are_plain_text(store):
    store.save_article("k1", "h1", article("r1", 'قصف "الأتارب" صباحاً', (strike(ATARIB),)))
    assert len(store.events(EventFilter(text='"الأتارب'))) == 1
    assert store.events(EventFilter(text='NEAR(قصف "x')) == []
