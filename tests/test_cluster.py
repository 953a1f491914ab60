"""The Dask engine on a LocalCluster of two worker processes: same records as one process, resumable."""
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.cluster import process_with_dask
from rasd.ingest.read import RawArticle
from rasd.parquet import SCHEMA, part_path, read_articles, read_records
from rasd.pipeline import process_raw
from rasd.store.ingest import article_key, input_hash

distributed = pytest.importorskip("distributed")

TEXTS = (
    "قصفت قوات النظام بالمدفعية بلدة كنصفرة في جبل الزاوية جنوبي إدلب صباح اليوم، ما أدى إلى إصابة امرأة.",
    "اعتقلت قوات الأمن العراقية خمسة مطلوبين في قضاء الطارمية شمالي بغداد أمس.",
    "استهدفت غارة جوية سيارة تقل عناصر من حركة الشباب قرب مدينة جلب في ولاية جوبا الوسطى.",
    "The shelling of the western districts continued overnight, residents said.",
    "تظاهر مئات الطلاب أمام جامعة الخرطوم احتجاجا على اعتقال زملائهم.",
)


def make_raws() -> list[RawArticle]:
    return [
        RawArticle(id=f"c{i:02d}", text=f"{TEXTS[i % len(TEXTS)]}\n\nتحديث رقم {i}.", outlet="test-outlet",
                   url=f"https://news.example/{i}", published="2024-02-1" + str(i % 10))
        for i in range(11)
    ]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_dask_gives_the_same_records_as_one_process(cluster, tmp_path):
    raws = make_raws()
    summary = process_with_dask(raws, out_dir=tmp_path, scheduler=cluster.scheduler_address, partition_size=4)
    assert (summary.partitions, summary.articles, summary.skipped_partitions) == (3, 11, 0)
    expected = [process_raw(raw) for raw in raws]
    assert list(read_records(tmp_path)) == [article.to_dict() for article in expected]
    assert [a.events for a in read_articles(tmp_path)] == [a.events for a in expected]
    table = pq.read_table(part_path(tmp_path, 2))
    assert table.schema.equals(SCHEMA)
    assert table.column("id").to_pylist() == ["c08", "c09", "c10"]
    assert table.column("n_events").to_pylist() == [len(a.events) for a in expected[8:]]
    assert table.column("key").to_pylist() == [article_key(raw) for raw in raws[8:]]
    assert table.column("input_hash").to_pylist() == [input_hash(raw) for raw in raws[8:]]


def test_dask_run_started_again_does_only_missing_partitions(cluster, tmp_path):
    raws = make_raws()
    process_with_dask(raws, out_dir=tmp_path, scheduler=cluster.scheduler_address, partition_size=4)
    part_path(tmp_path, 1).unlink()
    summary = process_with_dask(raws, out_dir=tmp_path, scheduler=cluster.scheduler_address, partition_size=4)
    assert (summary.partitions, summary.articles, summary.skipped_partitions) == (1, 4, 2)
    assert [record["id"] for record in read_records(tmp_path)] == [raw.id for raw in raws]


def test_extract_command_runs_on_the_cluster(cluster, tmp_path):
    source = tmp_path / "in.jsonl"
    raws = make_raws()[:4]
    source.write_text("".join(json.dumps({"id": r.id, "text": r.text}, ensure_ascii=False) + "\n" for r in raws),
                      encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["extract", str(source), "--engine", "dask", "--scheduler",
                                       cluster.scheduler_address, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 record(s) in 1 Parquet partition(s)" in result.stderr
    assert [record["id"] for record in read_records(out)] == ["c00", "c01", "c02", "c03"]


def test_bench_times_the_dask_engine(cluster, monkeypatch):
    import contextlib

    from rasd import bench, cluster as engine

    @contextlib.contextmanager
    def test_client(scheduler=None, n_workers=None):
        with distributed.Client(cluster.scheduler_address) as client:
            yield client

    monkeypatch.setattr(engine, "dask_client", test_client)
    assert 0 < bench.dask_seconds(make_raws(), 2) < 60
