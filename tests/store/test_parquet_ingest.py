"""`rasd ingest --engine dask` and `rasd ingest DIR` of Parquet: the same stored events as one process."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main

distributed = pytest.importorskip("distributed")

ARTICLES = (
    {"id": "d1", "url": "https://north.example/1", "outlet": "north.example", "published": "2024-03-02",
     "text": "قتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف مدفعي لقوات النظام على بلدة سرمين شرقي إدلب أمس."},
    {"id": "d2", "url": "https://iraq.example/7", "outlet": "iraq.example", "published": "2024-03-03",
     "text": "فجر انتحاري حزامه الناسف وسط سوق شعبي في مدينة الرمادي، ما أسفر عن مقتل أربعة أشخاص."},
    {"id": "d3", "outlet": "yemen.example", "published": "2024-03-04",
     "text": "اندلعت اشتباكات بين قوات الحكومة اليمنية وجماعة الحوثي في مديرية حيس جنوبي الحديدة صباح اليوم."},
    {"id": "d4", "url": "https://libya.example/2", "published": "2024-03-05",
     "text": "تظاهر العشرات أمام مقر الحكومة في طرابلس للمطالبة بصرف الرواتب المتأخرة."},
    {"id": "d5", "url": "https://sudan.example/9", "outlet": "sudan.example", "published": "2024-03-06",
     "text": "شنت طائرة مسيرة غارة على مواقع لقوات الدعم السريع قرب مدينة الأبيض في شمال كردفان."},
)


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def _write_jsonl(path, articles=ARTICLES):
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def _rasd(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def _stored_events(db: str) -> list[dict]:
    """The exported events, without the write time that differs between two runs."""
    rows = [json.loads(line) for line in _rasd("events", "--db", db, "--format", "jsonl").splitlines()]
    for row in rows:
        row.pop("timestamp")
    return sorted(rows, key=lambda row: row["event_id_cnty"])


def test_dask_ingest_stores_the_same_events_as_one_process(scheduler, tmp_path):
    source = _write_jsonl(tmp_path / "in.jsonl")
    local_db, dask_db = str(tmp_path / "local.sqlite3"), str(tmp_path / "dask.sqlite3")
    local = _rasd("ingest", source, "--db", local_db)
    on_dask = _rasd("ingest", source, "--db", dask_db, "--engine", "dask", "--scheduler", scheduler)
    assert on_dask == local == "read 5, new 5, updated 0, unchanged 0, failed 0"
    events = _stored_events(dask_db)
    assert {row["article_id"] for row in events} >= {"d1", "d2", "d3"}
    assert events == _stored_events(local_db)


def test_second_dask_ingest_is_unchanged_and_a_changed_article_updated(scheduler, tmp_path):
    source, db, kept = _write_jsonl(tmp_path / "in.jsonl"), str(tmp_path / "rasd.sqlite3"), tmp_path / "parquet"
    dask = ("--db", db, "--engine", "dask", "--scheduler", scheduler, "--parquet", str(kept))
    _rasd("ingest", source, *dask)
    assert sorted(p.name for p in kept.iterdir()) == ["part-00000.parquet"]
    assert _rasd("ingest", source, *dask) == "read 5, new 0, updated 0, unchanged 5, failed 0"
    changed = [dict(ARTICLES[0], text=ARTICLES[0]["text"].replace("ثلاثة", "ستة"))] + list(ARTICLES[1:])
    again = ("--db", db, "--engine", "dask", "--scheduler", scheduler)
    assert _rasd("ingest", _write_jsonl(tmp_path / "in2.jsonl", changed), *again) == (
        "read 5, new 0, updated 1, unchanged 4, failed 0")
    assert {row["fatalities"] for row in _stored_events(db) if row["article_id"] == "d1"} == {6}


def test_ingest_loads_the_parquet_folder_extract_wrote(scheduler, tmp_path):
    source, out = _write_jsonl(tmp_path / "in.jsonl"), tmp_path / "out"
    local_db, loaded_db = str(tmp_path / "local.sqlite3"), str(tmp_path / "loaded.sqlite3")
    _rasd("extract", source, "--engine", "dask", "--scheduler", scheduler, "-o", str(out))
    _rasd("ingest", source, "--db", local_db)
    assert _rasd("ingest", str(out), "--db", loaded_db) == "read 5, new 5, updated 0, unchanged 0, failed 0"
    assert _stored_events(loaded_db) == _stored_events(local_db)
    assert _rasd("ingest", str(out), "--db", loaded_db) == "read 5, new 0, updated 0, unchanged 5, failed 0"
    assert _rasd("ingest", source, "--db", loaded_db) == "read 5, new 0, updated 0, unchanged 5, failed 0"


def test_a_parquet_folder_is_not_mixed_with_other_sources(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00000.parquet").write_bytes(b"")
    source = _write_jsonl(tmp_path / "in.jsonl")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "out"), source, "--db", str(tmp_path / "x.sqlite3")])
    assert result.exit_code == 2
    assert "ingest it on its own" in result.stderr


def test_scheduler_needs_the_dask_engine(tmp_path):
    source = _write_jsonl(tmp_path / "in.jsonl")
    result = CliRunner().invoke(main, ["ingest", source, "--scheduler", "tcp://127.0.0.1:8786",
                                       "--db", str(tmp_path / "x.sqlite3")])
    assert result.exit_code == 2
    assert "need --engine dask" in result.stderr
