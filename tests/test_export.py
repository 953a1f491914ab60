"""Exports: ACLED's CSV columns, RFC 7946 GeoJSON, typed Parquet, JSON Lines."""
from __future__ import annotations

import csv
import io
import json

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq

from rasd.export import COLUMNS, event_row, geojson, incident_row, write_csv, write_parquet
from rasd.store.query import EventFilter
from tests.builders import article, place, strike

# ACLED's export columns in ACLED's order (its codebook), then Rasd's.
ACLED = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
         "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
         "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
         "notes,fatalities,tags,timestamp").split(",")

# The parts of RFC 7946 a consumer relies on: a FeatureCollection of Features whose
# geometry is null or a Point with [longitude, latitude] in range.
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "properties": {"type": ["object", "null"]},
                "geometry": {"oneOf": [{"type": "null"}, {
                    "type": "object", "required": ["type", "coordinates"],
                    "properties": {
                        "type": {"const": "Point"},
                        "coordinates": {"type": "array", "minItems": 2, "maxItems": 3, "prefixItems": [
                            {"type": "number", "minimum": -180, "maximum": 180},
                            {"type": "number", "minimum": -90, "maximum": 90}]},
                    }}]},
            }}},
    },
}


def _rows(store):
    store.save_article("k1", "h", article("r1", "غارة على سراقب", (strike(place("سراقب", "Saraqib", 35.86, 36.80), fatalities=2),)))
    store.save_article("k2", "h", article("r2", "غارة على قرية", (strike(place("قرية مجهولة", None, None, None)),)))
    return [event_row(e) for e in store.events()]


def test_csv_header_is_acled_then_rasd_extras(store):
    out = io.StringIO()
    write_csv(_rows(store), out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert header[:len(ACLED)] == ACLED
    assert header[len(ACLED):][:3] == ["article_id", "url", "outlet"]
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["iso"], row["region"], row["interaction"], row["civilian_targeting"]) == \
        ("760", "Middle East", "78", "Civilian targeting")


def test_geojson_is_valid_and_unplaced_events_have_null_geometry(store):
    collection = json.loads(json.dumps(geojson(_rows(store))))
    jsonschema.validate(collection, GEOJSON_SCHEMA, cls=jsonschema.Draft202012Validator)
    geometries = [f["geometry"] for f in collection["features"]]
    assert geometries == [{"type": "Point", "coordinates": [36.80, 35.86]}, None]


def test_parquet_reads_back_with_the_declared_types(store, tmp_path):
    path = tmp_path / "events.parquet"
    write_parquet(_rows(store), path)
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("fatalities").type == pa.int32()
    assert table.column("fatalities").to_pylist() == [2, 0]


def test_incident_rows_list_every_outlet(store):
    saraqib = place("سراقب", "Saraqib", 35.86, 36.80)
    store.save_article("k1", "h", article("r1", "غارة على سراقب", (strike(saraqib, fatalities=2),)))
    store.save_article("k2", "h", article("r2", "قصف سراقب", (strike(saraqib, fatalities=3),), outlet="outlet-b"))
    [row] = [incident_row(r) for r in store.incidents(EventFilter())]
    assert row["source"] == "outlet-a; outlet-b" and row["n_sources"] == 2
    assert (row["fatalities_low"], row["fatalities_high"]) == (2, 3)
    sources = json.loads(row["sources"])
    assert sorted(s["outlet"] for s in sources) == ["outlet-a", "outlet-b"]
    assert all(s["link_reason"] for s in sources)
