"""The store's commands: events and incidents exports with filters, and link-eval."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.export import COLUMNS
from rasd.store import open_store
from tests.builders import article, place, strike

SARAQIB = place("سراقب", "Saraqib", 35.86, 36.80, gid="G3")


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "rasd.sqlite3")
    store = open_store(path)
    store.save_article("k1", "h", article("r1", "غارة روسية على سراقب\nقتل مدنيان في سراقب", (strike(SARAQIB, fatalities=2),)))
    store.save_article("k2", "h", article("r2", "قصف جوي يستهدف سراقب", (strike(SARAQIB, fatalities=3),), outlet="outlet-b"))
    store.close()
    return path


def _run(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_events_csv_has_every_column_and_one_row_per_event(db):
    rows = list(csv.DictReader(io.StringIO(_run("events", "--db", db, "--format", "csv"))))
    assert len(rows) == 2 and list(rows[0]) == list(COLUMNS)
    assert {r["outlet"] for r in rows} == {"outlet-a", "outlet-b"}


def test_filters_reach_the_export(db):
    lines = _run("events", "--db", db, "--outlet", "outlet-b", "--search", "قصف جوي").splitlines()
    assert [json.loads(line)["article_id"] for line in lines] == ["r2"]
    assert _run("events", "--db", db, "--since", "2023-03-15") == ""


def test_incidents_merge_the_two_reports(db):
    [feature] = json.loads(_run("incidents", "--db", db, "--format", "geojson"))["features"]
    assert feature["geometry"]["coordinates"] == [36.80, 35.86]
    assert feature["properties"]["n_sources"] == 2 and feature["properties"]["fatalities_high"] == 3


def test_parquet_needs_an_output_file(db, tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output
    _run("events", "--db", db, "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 2


def test_updated_since_reports_deletions(db):
    store = open_store(db)
    store.save_article("k2", "h2", article("r2", "تصحيح: لا قصف على سراقب", ()))
    store.close()
    rows = [json.loads(line) for line in _run("events", "--db", db, "--updated-since", "2000-01-01").splitlines()]
    assert [(r["article_id"], r["deleted"]) for r in rows] == [("r1", False), (None, True)]
