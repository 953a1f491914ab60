"""The benchmark: a varied corpus of 1-3 KB articles, and a figure for every pipeline stage."""
import json
from dataclasses import replace

from click.testing import CliRunner

from rasd import pipeline
from rasd.bench import MAX_BYTES, MIN_BYTES, build_corpus, run_bench, split_pieces
from rasd.cli import main

REQUIRED_KEYS = {"articles_per_second_per_core", "mb_per_second", "peak_rss_mb", "speedup_2_workers",
                 "ratio_to_baseline"}


def test_corpus_articles_are_varied_and_of_news_size():
    corpus = build_corpus(60, seed=3)
    bodies = [len(raw.text.encode("utf-8")) for raw in corpus if raw.text.split("\n\n")[0] != raw.title]
    assert len({raw.id for raw in corpus}) == 60
    assert len({raw.text for raw in corpus}) == 60
    assert bodies and all(MIN_BYTES <= size <= MAX_BYTES + 600 for size in bodies)
    assert build_corpus(5, seed=3) == corpus[:5]


def test_pieces_keep_chrome_out_of_the_sentences():
    page = (
        "انفجار سيارة مفخخة في سوق مدينة الباب\n\n"
        "انفجرت سيارة مفخخة ظهر اليوم في سوق الخضار وسط مدينة الباب شرقي حلب. وقتل أربعة مدنيين.\n\n"
        "التعليقات (0)\n"
        "شارك على فيسبوك · تويتر · واتساب"
    )
    pieces = split_pieces([page])
    assert pieces.titles == ("انفجار سيارة مفخخة في سوق مدينة الباب",)
    assert "وقتل أربعة مدنيين." in pieces.sentences
    assert "التعليقات (0)" in pieces.chrome
    assert not any("التعليقات" in sentence for sentence in pieces.sentences)


def test_every_stage_of_the_pipeline_gets_a_figure(monkeypatch):
    calls = []

    def weigh(doc):
        calls.append(doc.article.id)
        return replace(doc)

    monkeypatch.setattr(pipeline, "STAGES", (*pipeline.STAGES, weigh))
    corpus = build_corpus(12)
    report = run_bench(corpus, "test", pools=False, dask=False, serve=False)
    names = [timing.name for timing in report.stages]
    assert names == ["stage clean"] + [f"stage {stage.__name__}" for stage in pipeline.STAGES]
    assert "stage weigh" in names and len(calls) >= 12
    figures = report.to_dict()
    assert REQUIRED_KEYS <= figures.keys()
    assert figures["articles_per_second_per_core"] > 0 and figures["ratio_to_baseline"] > 1
    assert figures["speedup_2_workers"] is None
    assert "full extraction" in report.format_table()


def test_bench_command_prints_one_json_object(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [{"id": f"b{i}", "text": "قصفت المدفعية التركية قرى في ريف تل تمر شمال غربي الحسكة، وأصيب مدنيان."}
             for i in range(8)]
    corpus.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", str(corpus), "--articles", "5", "--json", "--no-workers", "--no-serve"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert REQUIRED_KEYS <= figures.keys()
    assert figures["articles"] == 5


def test_serve_start_is_timed_until_the_server_answers():
    from rasd.bench import serve_start_seconds

    seconds = serve_start_seconds(build_corpus(3))
    assert 0 < seconds < 60
