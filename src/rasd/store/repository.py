"""The event database: articles in, events and incidents out, every change recorded.

`Store.save_article` writes one article, its events, its search entry, its
audit records and the incidents it touches in ONE transaction: a crash or an
error leaves the previous state. Incidents are kept up to date incrementally:
a new event joins the incident it links to (rasd.incidents), and replacing an
article's events dissolves the incidents they were in and links the remaining
events again.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from hashlib import sha1

from rasd.incidents import Choice, LinkEvent, choose_incident, event_day, link_event, place_key, reported_weekday
from rasd.model import Article, Event, Span
from rasd.store.backend import Database, Row, chunks, placeholders
from rasd.store.query import EventFilter, event_where
from rasd.store.reconcile import incident_record
from rasd.store.records import ArticleRef, Deletion, StoredEvent
from rasd.text.normalize import fold_word


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_id(article_key: str, seq: int) -> str:
    """A stable id: the same article and position give the same id on every machine."""
    return f"RSD{sha1(article_key.encode('utf-8')).hexdigest()[:10]}-{seq}"


def incident_id_for(anchor_event_id: str) -> str:
    return f"INC-{anchor_event_id}"


def searchable_text(article: Article) -> str:
    """Title and body folded for search: «غارةٌ على إدلب» -> «غاره علي ادلب»."""
    return fold_word(f"{article.title or ''}\n{article.text}")


class Store:
    """Articles, events, incidents, sources and the audit trail behind one Database."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def close(self) -> None:
        self.db.close()

    # --- writing ------------------------------------------------------------------

    def input_hash(self, key: str) -> str | None:
        """The hash of the input last stored under `key`, None when the article is new."""
        rows = self.db.query("SELECT input_hash FROM articles WHERE key = ?", (key,))
        return rows[0]["input_hash"] if rows else None

    def save_article(self, key: str, input_hash: str, article: Article) -> str:
        """Store or replace one article with its events, atomically; returns 'new' or 'updated'."""
        at = now_iso()
        with self.db.transaction():
            exists = self.input_hash(key) is not None
            dissolved = self._drop_events(key, at) if exists else []
            self._touch_source(article.outlet, at)
            self._write_article(key, input_hash, article, at, exists)
            new_ids = self._write_events(key, article, at)
            self._reapply_reviews(new_ids, at)
            self._relink(dissolved, at)
            for new_id in new_ids:
                self._link(new_id, at)
        return "updated" if exists else "new"

    def _reapply_reviews(self, event_ids: Sequence[str], at: str) -> None:
        """Reviewers' corrections win over a re-extraction: apply them to the new records."""
        from rasd.store.portal import reapply

        reapply(self, event_ids, at)

    def _touch_source(self, outlet: str | None, at: str) -> None:
        if outlet:
            self.db.run(
                "INSERT INTO sources (name, first_seen, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen",
                (outlet, at, at),
            )

    def _write_article(self, key: str, input_hash: str, article: Article, at: str, exists: bool) -> None:
        folded = searchable_text(article)
        values = (article.id, article.url, article.outlet, article.published, article.title,
                  article.language, input_hash, article.text, folded,
                  json.dumps(article.to_dict(), ensure_ascii=False), at)
        if exists:
            self.db.run(
                "UPDATE articles SET article_id = ?, url = ?, outlet = ?, published = ?, title = ?, "
                "language = ?, input_hash = ?, text = ?, folded = ?, record = ?, updated_at = ? WHERE key = ?",
                (*values, key),
            )
        else:
            self.db.run(
                "INSERT INTO articles (article_id, url, outlet, published, title, language, input_hash, "
                "text, folded, record, updated_at, key, created_at) "
                f"VALUES ({placeholders(13)})",
                (*values, key, at),
            )
        self.db.index_text(key, folded)
        self._audit(at, "article", key, "updated" if exists else "created", article.url)

    def _write_events(self, key: str, article: Article, at: str) -> list[str]:
        ids = []
        weekdays = article_weekdays(article)
        for seq, (event, weekday) in enumerate(zip(article.events, weekdays, strict=True), start=1):
            ids.append(event_id(key, seq))
            self.db.run(
                f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({placeholders(len(_EVENT_COLUMNS))})",
                _event_values(ids[-1], key, seq, event, article, weekday, at),
            )
            self._audit(at, "event", ids[-1], "created", None)
        return ids

    def _drop_events(self, key: str, at: str) -> list[str]:
        """Delete the article's events; return the incidents they belonged to."""
        rows = self.db.query("SELECT id, incident_id FROM events WHERE article_key = ?", (key,))
        self.db.run("DELETE FROM events WHERE article_key = ?", (key,))
        for row in rows:
            self._audit(at, "event", row["id"], "deleted", None)
        return sorted({row["incident_id"] for row in rows if row["incident_id"]})

    def _relink(self, incident_ids: Sequence[str], at: str) -> None:
        """Dissolve incidents that lost events and link their remaining events afresh."""
        for incident_id in incident_ids:
            rows = self.db.query("SELECT id FROM events WHERE incident_id = ? ORDER BY id", (incident_id,))
            self.db.run("UPDATE events SET incident_id = NULL, link_reason = NULL WHERE incident_id = ?",
                        (incident_id,))
            self.db.run("DELETE FROM incidents WHERE id = ?", (incident_id,))
            self._audit(at, "incident", incident_id, "deleted", "relinked after an article changed")
            for row in rows:
                self._link(row["id"], at)

    def _link(self, new_id: str, at: str) -> None:
        """Put one stored event into the incident it links to, or into a new one."""
        event = self._link_events(["id = ?"], [new_id])[0]
        choice = choose_incident(event, self._candidate_incidents(event))
        if choice is None:
            choice = Choice(incident_id_for(new_id), "first report")
        # updated_at moves too: a synchronised copy must learn the event's new incident.
        self.db.run("UPDATE events SET incident_id = ?, link_reason = ?, updated_at = ? WHERE id = ?",
                    (choice.incident_id, choice.reason, at, new_id))
        self._refresh_incident(choice.incident_id, at)

    def _candidate_incidents(self, event: LinkEvent) -> dict[str, list[LinkEvent]]:
        """Incidents holding an event of the same type, near in time, at the same place or nearby."""
        where = ["event_type = ?", "article_key <> ?", "incident_id IS NOT NULL", "id <> ?"]
        params: list = [event.event_type, event.article_key, event.id]
        if event.day is not None:
            where.append("(event_date IS NULL OR event_date BETWEEN ? AND ?)")
            params += [(event.day - timedelta(days=1)).isoformat(), (event.day + timedelta(days=1)).isoformat()]
        place, place_params = _place_clause(event)
        rows = self.db.query("SELECT DISTINCT incident_id FROM events WHERE "
                             + " AND ".join([*where, place]), [*params, *place_params])
        members: dict[str, list[LinkEvent]] = {row["incident_id"]: [] for row in rows}
        for incident_id, member in self._incident_members(sorted(members)):
            members[incident_id].append(member)
        return members

    def _incident_members(self, incident_ids: Sequence[str]) -> list[tuple[str, LinkEvent]]:
        found = []
        for part in chunks(list(incident_ids)):
            rows = self.db.query(
                "SELECT e.id, e.article_key, e.record, e.incident_id, e.weekday, a.published, a.text FROM events e "
                f"JOIN articles a ON a.key = e.article_key WHERE e.incident_id IN ({placeholders(len(part))}) "
                "ORDER BY e.id", part)
            found += [(row["incident_id"], _row_link_event(row)) for row in rows]
        return found

    def _link_events(self, where: list[str], params: list) -> list[LinkEvent]:
        rows = self.db.query(
            "SELECT e.id, e.article_key, e.record, e.weekday, a.published, a.text FROM events e "
            "JOIN articles a ON a.key = e.article_key WHERE " + " AND ".join(f"e.{w}" for w in where),
            params)
        return [_row_link_event(row) for row in rows]

    def _refresh_incident(self, incident_id: str, at: str) -> None:
        """Recompute the incident's reconciled record from its members."""
        # Rejected reports leave the reconciliation, unless every report was rejected.
        members = self.events(incident_id=incident_id) or self.events(
            EventFilter(include_rejected=True), incident_id=incident_id)
        record = incident_record(incident_id, members)
        values = (members[0].event.event_type, record["event_date"],
                  json.dumps(record, ensure_ascii=False), at, incident_id)
        existed = self.db.query("SELECT id FROM incidents WHERE id = ?", (incident_id,))
        if existed:
            self.db.run("UPDATE incidents SET event_type = ?, event_date = ?, record = ?, updated_at = ? "
                        "WHERE id = ?", values)
        else:
            self.db.run("INSERT INTO incidents (event_type, event_date, record, updated_at, id) "
                        "VALUES (?, ?, ?, ?, ?)", values)
        self._audit(at, "incident", incident_id, "updated" if existed else "created", None)

    def _audit(self, at: str, entity: str, entity_id: str, action: str, detail: str | None) -> None:
        self.db.run("INSERT INTO changes (at, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?)",
                    (at, entity, entity_id, action, detail))

    # --- reading ------------------------------------------------------------------

    def events(self, filters: EventFilter | None = None, incident_id: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[StoredEvent]:
        """Stored events matching `filters` (or of one incident), ordered by day then id; a page with `limit`."""
        where, params = self._event_where(filters, incident_id)
        sql = (f"SELECT e.*, {_ARTICLE_SELECT} FROM events e JOIN articles a ON a.key = e.article_key "
               + where + " ORDER BY e.event_date, e.id")
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_stored_event(row) for row in self.db.query(sql, params)]

    def _event_where(self, filters: EventFilter | None, incident_id: str | None = None) -> tuple[str, list]:
        where, params = event_where(self.db, filters or EventFilter())
        if incident_id is not None:
            where.append("e.incident_id = ?")
            params.append(incident_id)
        return (("WHERE " + " AND ".join(where)) if where else ""), params

    def tally(self, filters: EventFilter | None, *columns: str) -> list[Row]:
        """How many matching events share each value of `columns` (of TALLY_COLUMNS), as rows with `n`."""
        unknown = [c for c in columns if c not in TALLY_COLUMNS]
        if unknown:
            raise ValueError(f"cannot count by {', '.join(unknown)}")
        where, params = self._event_where(filters)
        selected = ", ".join(f"{TALLY_COLUMNS[c]} AS {c}" for c in columns) or "1 AS one"
        grouped = ", ".join(TALLY_COLUMNS[c] for c in columns)
        sql = (f"SELECT {selected}, COUNT(*) AS n, SUM(e.fatalities) AS fatalities FROM events e "
               f"JOIN articles a ON a.key = e.article_key {where}" + (f" GROUP BY {grouped}" if grouped else ""))
        return [{**row, "n": int(row["n"]), "fatalities": int(row["fatalities"] or 0)}
                for row in self.db.query(sql, params)]

    def event(self, event_id: str) -> StoredEvent | None:
        """One stored event by id, rejected or not."""
        rows = self.db.query(f"SELECT e.*, {_ARTICLE_SELECT} FROM events e JOIN articles a ON a.key = e.article_key "
                             "WHERE e.id = ?", (event_id,))
        return _stored_event(rows[0]) if rows else None

    def incidents(self, filters: EventFilter | None = None) -> list[dict]:
        """Reconciled incident records (with `updated_at`) holding an event that matches `filters`.

        `updated_since` applies to the incident itself: it changes when a report joins it.
        """
        since = filters.updated_since if filters else None
        event_filter = replace(filters, updated_since=None) if filters else None
        where, params = event_where(self.db, event_filter or EventFilter())
        rows = self.db.query(
            "SELECT DISTINCT e.incident_id FROM events e JOIN articles a ON a.key = e.article_key "
            "WHERE " + " AND ".join(["e.incident_id IS NOT NULL", *where]), params)
        ids = sorted(row["incident_id"] for row in rows)
        records = []
        for part in chunks(ids):
            rows = self.db.query(
                f"SELECT record, updated_at FROM incidents WHERE id IN ({placeholders(len(part))})"
                " AND updated_at > ?", [*part, since or ""])
            records += [{**json.loads(row["record"]), "updated_at": row["updated_at"]} for row in rows]
        return sorted(records, key=lambda r: (r["event_date"] or "", r["incident_id"]))

    def deletions(self, entity: str, since: str) -> list[Deletion]:
        """Records of `entity` deleted after `since` and not created again since."""
        rows = self.db.query(
            "SELECT entity_id, MAX(at) AS at FROM changes WHERE entity = ? AND action = 'deleted' "
            "AND at > ? GROUP BY entity_id ORDER BY entity_id", (entity, since))
        table = {"event": "events", "incident": "incidents"}[entity]
        gone = []
        for row in rows:
            if not self.db.query(f"SELECT 1 AS x FROM {table} WHERE id = ?", (row["entity_id"],)):
                gone.append(Deletion(entity, row["entity_id"], row["at"]))
        if entity == "event":
            # A reviewer's rejection takes the event out of the exports: synced copies drop it too.
            rejected = self.db.query("SELECT id, updated_at FROM events WHERE review_status = 'rejected' "
                                     "AND updated_at > ? ORDER BY id", (since,))
            gone += [Deletion(entity, row["id"], row["updated_at"]) for row in rejected]
        return gone

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        tables = ("articles", "events", "incidents", "sources", "changes")
        return {t: self.db.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in tables}

    def history(self, entity_id: str) -> list[Row]:
        """The audit trail of one record, oldest first."""
        return self.db.query("SELECT at, entity, action, detail FROM changes WHERE entity_id = ? ORDER BY id",
                             (entity_id,))


# What `Store.tally` may count events by.
TALLY_COLUMNS = {"event_type": "e.event_type", "day": "e.event_date", "admin1": "e.admin1",
                 "outlet": "a.outlet", "country": "e.country", "actor1": "e.actor1", "actor2": "e.actor2"}
# A box wider than PLACE_RADIUS_KM at any latitude Rasd covers (0.15 degree of longitude
# is 10 km up to 53 degrees north): the exact distance is checked afterwards.
BOX_DEGREES = 0.15
_EVENT_COLUMNS = ("id", "article_key", "seq", "event_type", "sub_event_type", "event_date", "actor1",
                  "actor2", "country", "admin1", "place_key", "gazetteer_id", "lat", "lon",
                  "geo_precision", "weekday", "fatalities", "record", "updated_at")
_ARTICLE_SELECT = ("a.article_id AS a_article_id, a.url AS a_url, a.outlet AS a_outlet, "
                   "a.published AS a_published, a.title AS a_title")


def article_weekdays(article: Article) -> list[int | None]:
    """Each event's weekday: named in its sentences, else the article's day plus its offset.

    «اليوم الثلاثاء» in one event and date_offset_days -2 in another make the second a Sunday.
    """
    named = [reported_weekday(article.text, e.evidence or _title_span(article)) for e in article.events]
    anchors = [(w - e.date_offset_days) % 7 for e, w in zip(article.events, named, strict=True)
               if w and e.date_offset_days is not None]
    if len(set(anchors)) != 1:
        return named
    return [w or (None if e.date_offset_days is None else (anchors[0] + e.date_offset_days - 1) % 7 + 1)
            for e, w in zip(article.events, named, strict=True)]


def _event_values(eid: str, key: str, seq: int, event: Event, article: Article, weekday: int | None,
                  at: str) -> tuple:
    loc, published = event.location, article.published
    return (eid, key, seq, event.event_type, event.sub_event_type, event_day(event, published),
            event.actor1.name if event.actor1 else None, event.actor2.name if event.actor2 else None,
            loc.country if loc else None, loc.admin1 if loc else None, place_key(loc),
            loc.gazetteer_id if loc else None, loc.lat if loc else None, loc.lon if loc else None,
            loc.geo_precision if loc else None, weekday, event.fatalities,
            json.dumps(event.to_dict(), ensure_ascii=False), at)


def _place_clause(event: LinkEvent) -> tuple[str, list]:
    """SQL narrowing candidates to the same place name, gazetteer place, a box around the point, or
    (dated events) the imprecisely placed events of the province."""
    place, params = ["place_key = ?"], [event.place_key]
    if event.gazetteer_id:
        place.append("gazetteer_id = ?")
        params.append(event.gazetteer_id)
    if event.lat is not None and event.lon is not None:
        place.append("(lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)")
        params += [event.lat - BOX_DEGREES, event.lat + BOX_DEGREES, event.lon - BOX_DEGREES, event.lon + BOX_DEGREES]
    if event.day is not None and event.admin1:
        # A dated report placing the act only in the province may be the same incident (rasd.incidents).
        imprecise = (event.geo_precision or 3) > 1
        place.append("(admin1 = ? AND event_date IS NOT NULL"
                     + (")" if imprecise else " AND (geo_precision IS NULL OR geo_precision > 1))"))
        params.append(event.admin1)
    return "(" + " OR ".join(place) + ")", params


def _title_span(article: Article) -> tuple[Span, ...]:
    """Without evidence, the first line (the headline) still often names the day."""
    end = article.text.find("\n")
    return (Span(0, end if end >= 0 else len(article.text)),)


def _row_link_event(row: Row) -> LinkEvent:
    event = Event.from_dict(json.loads(row["record"]))
    return link_event(row["id"], row["article_key"], event, row["published"], row["weekday"], row.get("text"))


def _stored_event(row: Row) -> StoredEvent:
    article = ArticleRef(row["article_key"], row["a_article_id"], row["a_url"], row["a_outlet"],
                         row["a_published"], row["a_title"])
    return StoredEvent(row["id"], article, Event.from_dict(json.loads(row["record"])), row["event_date"],
                       row["incident_id"], row["link_reason"], row["updated_at"], row.get("review_status"))
