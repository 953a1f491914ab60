"""Stored events and incidents as ACLED-style CSV, GeoJSON, Parquet and JSON Lines.

Rows carry ACLED's columns in ACLED's export order, then Rasd's extras. The
names `event_date`, `latitude` and `longitude` are the ones QGIS, Kepler.gl and
Datasette recognise. A row for a record deleted since `--updated-since` has
only its id and `deleted` = true.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from rasd.model import Actor, Event
from rasd.countries import country_codes
from rasd.store.records import Deletion, StoredEvent

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
RASD_COLUMNS = (
    "article_id", "url", "outlet", "incident_id", "date_offset_days", "injuries", "weapons",
    "reported_by", "confidence", "evidence", "location_ar", "gazetteer_id", "link_reason",
    "fatalities_low", "fatalities_high", "n_sources", "sources", "deleted", "review_status",
)
COLUMNS = ACLED_COLUMNS + RASD_COLUMNS
FORMATS = ("csv", "geojson", "parquet", "jsonl")
LIST_SEPARATOR = "; "
# ACLED's disorder_type: by event type, with two sub-event types that straddle two kinds.
DISORDER_TYPES = {
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
               "fatalities", "timestamp", "date_offset_days", "injuries", "fatalities_low",
               "fatalities_high", "n_sources")
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")


def event_row(stored: StoredEvent) -> dict[str, Any]:
    """One ACLED-style row for one stored event."""
    event, loc = stored.event, stored.event.location
    return {
        **_common(stored.id, stored.day, event, stored.updated_at),
        **_place(loc.to_dict() if loc else None),
        "source": stored.article.outlet,
        "notes": event.notes,
        "fatalities": event.fatalities,
        "article_id": stored.article.article_id,
        "url": stored.article.url,
        "outlet": stored.article.outlet,
        "incident_id": stored.incident_id,
        "date_offset_days": event.date_offset_days,
        "injuries": event.injuries,
        "weapons": LIST_SEPARATOR.join(event.weapons),
        "reported_by": LIST_SEPARATOR.join(event.reported_by),
        "confidence": event.confidence,
        "evidence": json.dumps([s.to_dict() for s in event.evidence]),
        "link_reason": stored.link_reason,
        "n_sources": 1,
        "deleted": False,
        "review_status": stored.review_status,
    }


def incident_row(record: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row for one reconciled incident (store.incidents() record)."""
    event = Event.from_dict({**record, "evidence": []})
    sources = record["sources"]
    return {
        **_common(record["incident_id"], record["event_date"], event, record["updated_at"]),
        **_place(record.get("location")),
        "source": LIST_SEPARATOR.join(dict.fromkeys(s["outlet"] for s in sources if s["outlet"])),
        "notes": record.get("notes") or "",
        "fatalities": record["fatalities"],
        "url": LIST_SEPARATOR.join(s["url"] for s in sources if s["url"]),
        "outlet": LIST_SEPARATOR.join(dict.fromkeys(s["outlet"] for s in sources if s["outlet"])),
        "incident_id": record["incident_id"],
        "injuries": record.get("injuries"),
        "weapons": LIST_SEPARATOR.join(record.get("weapons") or ()),
        "reported_by": LIST_SEPARATOR.join(record.get("reported_by") or ()),
        "link_reason": LIST_SEPARATOR.join(s["link_reason"] or "" for s in sources),
        "fatalities_low": record["fatalities_low"],
        "fatalities_high": record["fatalities_high"],
        "n_sources": len(sources),
        "sources": json.dumps(sources, ensure_ascii=False),
        "deleted": False,
    }


def deletion_row(deletion: Deletion) -> dict[str, Any]:
    """The row that tells a synchronised copy to drop a record."""
    return {"event_id_cnty": deletion.entity_id, "timestamp": _epoch(deletion.at), "deleted": True}


def _common(record_id: str, day: str | None, event: Event, updated_at: str) -> dict[str, Any]:
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    return {
        "event_id_cnty": record_id,
        "event_date": day,
        "year": int(day[:4]) if day else None,
        "time_precision": event.time_precision,
        "disorder_type": DISORDER_BY_SUB_EVENT.get(event.sub_event_type)
        or DISORDER_TYPES.get(event.event_type, "Political violence"),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _name(event.actor1),
        "assoc_actor_1": LIST_SEPARATOR.join(a.name for a in event.assoc_actor1),
        "inter1": inter1,
        "actor2": _name(event.actor2),
        "assoc_actor_2": LIST_SEPARATOR.join(a.name for a in event.assoc_actor2),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "tags": LIST_SEPARATOR.join(event.tags),
        "timestamp": _epoch(updated_at),
    }


def _place(loc: dict[str, Any] | None) -> dict[str, Any]:
    loc = loc or {}
    iso, region = country_codes(loc.get("country"))
    return {
        "iso": iso,
        "region": region,
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "admin3": loc.get("admin3"),
        "location": loc.get("name_en") or loc.get("name_ar"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "location_ar": loc.get("name_ar"),
        "gazetteer_id": loc.get("gazetteer_id"),
    }


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def _inter(actor: Actor | None) -> int | None:
    return actor.type if actor else None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit code, lower inter first: (1, 7) -> 17; one actor alone -> 10 * inter."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _epoch(iso_time: str) -> int:
    return int(datetime.fromisoformat(iso_time.replace("Z", "+00:00")).timestamp())


def complete(row: dict[str, Any]) -> dict[str, Any]:
    """Every column present, in order (absent ones are None)."""
    return {column: row.get(column) for column in COLUMNS}


# --- writers --------------------------------------------------------------------------

def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """ACLED's columns then Rasd's; lists joined with '; ', missing values empty."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in complete(row).items()})


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(complete(row), ensure_ascii=False) + "\n")


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection; a row without coordinates gets a null geometry."""
    return {"type": "FeatureCollection", "features": [_feature(complete(row)) for row in rows]}


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row["latitude"], row["longitude"]
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": row["event_id_cnty"], "geometry": geometry, "properties": row}


def write_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    json.dump(geojson(rows), out, ensure_ascii=False)
    out.write("\n")


def parquet_schema():
    """The declared Parquet schema: ints as int32/int64, coordinates as float64, dates as date32."""
    import pyarrow as pa

    types = {c: pa.string() for c in COLUMNS}
    types.update({c: pa.int32() for c in INT_COLUMNS})
    types.update({c: pa.float64() for c in FLOAT_COLUMNS})
    types.update({"timestamp": pa.int64(), "event_date": pa.date32(), "deleted": pa.bool_()})
    return pa.schema([pa.field(c, types[c]) for c in COLUMNS])


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> None:
    """Write the rows to a Parquet file with `parquet_schema()`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    rows = [complete(row) for row in rows]
    columns = {c: [_parquet_value(c, row[c]) for row in rows] for c in COLUMNS}
    pq.write_table(pa.table(columns, schema=schema), path)


def _parquet_value(column: str, value: Any) -> Any:
    from datetime import date

    if column == "event_date" and value:
        return date.fromisoformat(value)
    if column in INT_COLUMNS or column in FLOAT_COLUMNS or column == "deleted":
        return value
    return None if value is None else str(value)


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO | None, path: Path | None) -> None:
    """Write `rows` in `fmt` to `path` (required for Parquet) or to `out`."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet needs an output file (--output FILE)")
        write_parquet(rows, path)
        return
    writer = {"csv": write_csv, "geojson": write_geojson, "jsonl": write_jsonl}[fmt]
    if path is None:
        writer(rows, out)
        return
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer(rows, handle)
