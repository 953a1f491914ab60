"""The command line as a user meets it: output, messages and exit codes."""
import json

from click.testing import CliRunner

from rasd.cli import main

REPORT = (
    "قصف مدفعي يستهدف بلدة اليادودة\n\n"
    "قصف مدفعي يستهدف بلدة اليادودة\n\n"
    "قصفت قوات النظام صباح اليوم بلدة اليادودة غرب درعا بقذائف الهاون، "
    "ما أدى إلى إصابة ثلاثة مدنيين بجروح، بحسب مصادر محلية.\n\n"
    "التعليقات (0)\n"
    "الأكثر قراءة\n"
)


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_demo_prints_a_clean_record():
    result = run("demo")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["language"] == "ar"
    assert "التعليقات (0)" in record["boilerplate_removed"]
    assert "التعليقات" not in record["text"]


def test_extract_from_stdin_collapses_the_repeated_title():
    result = run("extract", "-", "--published", "2024-03-02", input=REPORT)
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["text"].count("قصف مدفعي يستهدف بلدة اليادودة") == 1
    assert record["published"] == "2024-03-02"
    assert record["boilerplate_removed"][:1] == ["قصف مدفعي يستهدف بلدة اليادودة"]


def test_extract_jsonl_keeps_ids_and_reports_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = json.dumps({"id": "a1", "text": REPORT}, ensure_ascii=False)
    path.write_text(good + "\n{not json\n" + good.replace("a1", "a2") + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--input-format", "jsonl", str(path)])
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["a1", "a2"]
    assert "line 2" in result.stderr and "not valid JSON" in result.stderr
    assert result.exit_code == 1


def test_extract_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert "empty input" in result.stderr


def test_extract_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 2
    assert "binary" in result.stderr


def test_eval_scores_gold_against_itself_as_perfect(tmp_path):
    gold = tmp_path / "gold.jsonl"
    event = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "date_offset_days": 0,
        "actor1": {"name": "Military Forces of Syria (2000-2024)", "type": 1},
        "location": {"name_ar": "اليادودة", "admin1": "Daraa"},
        "fatalities": 0,
    }
    gold.write_text(json.dumps({"id": "g1", "text": REPORT, "events": [event]}, ensure_ascii=False) + "\n")
    result = run("eval", str(gold), "--predictions", str(gold), "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["f1"] == 1.0 and figures["strict_f1"] == 1.0
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"id": "g1", "events": []}) + "\n")
    figures = json.loads(run("eval", str(gold), "--predictions", str(empty), "--json").output)
    assert figures["f1"] == 0.0
    listed = run("eval", str(gold), "--predictions", str(empty), "--per-article")
    assert listed.exit_code == 0, listed.output
    assert "id=g1  gold_events=1  predicted_events=0  matched=0" in listed.output


def test_bench_places_reports_megabytes_per_second(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    result = run("bench-places", str(source), "--repeat", "2", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 2 and figures["mentions"] >= 4 and figures["mb_per_second"] > 0


def test_extract_checkpoint_needs_an_output_file(tmp_path):
    result = run("extract", "-", "--checkpoint", str(tmp_path / "ck"), input=REPORT)
    assert result.exit_code == 2
    assert "need --output" in result.stderr


def test_extract_writes_jsonl_output_with_workers(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": REPORT}, ensure_ascii=False) for i in range(3)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("extract", str(source), "--workers", "2", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["n0", "n1", "n2"]
    assert "3 record(s) written" in result.stderr


def test_extract_reads_a_feed_file_one_record_per_item(tmp_path):
    feed = tmp_path / "south.xml"
    items = "".join(
        f"<item><title>خبر {n}</title><link>https://south.example/{n}</link>"
        f"<description>قصفت قوات النظام بلدة الحارة شمال غربي درعا للمرة {n}.</description></item>"
        for n in (1, 2)
    )
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>الجنوب</title>{items}</channel></rss>',
                    encoding="utf-8")
    result = run("extract", str(feed))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://south.example/1", "https://south.example/2"]


def test_extract_reads_a_web_archive_and_counts_what_it_skipped(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = "<html><body><article><p>استهدفت مسيرة سيارة قرب مدينة مأرب.</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body, kind in (("https://yemen.example/1", page.encode(), "text/html"),
                                ("https://yemen.example/a.css", b"p{}", "text/css")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
    result = run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "استهدفت مسيرة سيارة قرب مدينة مأرب."
    assert "web archive records: non_html 1, read 1" in result.stderr
