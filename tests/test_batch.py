"""Many articles at once: input order, the checkpoint, and a killed run resumed."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.batch import CheckpointError, chunked, process_many, read_checkpoint, write_jsonl
from rasd.ingest.read import RawArticle
from rasd.pipeline import process_raw

SENTENCES = (
    "قصفت قوات النظام بالمدفعية الثقيلة أطراف بلدة كفرنبل جنوبي إدلب صباح اليوم.",
    "وأفاد ناشطون بمقتل مدني وإصابة طفلين بجروح متفاوتة جراء القصف.",
    "واستهدفت طائرة مسيرة سيارة على الطريق الواصل بين سرمين وسراقب مساء أمس.",
    "واعتقلت دورية للأمن العسكري شابين من أبناء مدينة الصنمين شمالي درعا.",
    "وخرج العشرات في مظاهرة وسط مدينة السويداء للمطالبة بتحسين الأوضاع المعيشية.",
    "وانفجرت عبوة ناسفة بسيارة عسكرية قرب دوار البانوراما في درعا المحطة.",
)


def make_raws(count: int) -> list[RawArticle]:
    """Distinct short articles, two or three sentences each, with their own ids."""
    raws = []
    for i in range(count):
        picked = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(2 + i % 2)]
        text = f"تقرير رقم {i}\n\n" + "\n\n".join(picked)
        raws.append(RawArticle(id=f"r{i:04d}", text=text, published="2024-05-0" + str(1 + i % 9)))
    return raws


def write_input(path: Path, raws: list[RawArticle]) -> None:
    lines = (json.dumps({"id": r.id, "published": r.published, "text": r.text}, ensure_ascii=False) for r in raws)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_chunked_keeps_every_item_in_order():
    assert list(chunked(range(7), 3)) == [(0, 1, 2), (3, 4, 5), (6,)]


def test_process_many_with_a_checkpoint_skips_what_is_done(tmp_path):
    raws = make_raws(5)
    checkpoint = tmp_path / "done.txt"
    checkpoint.write_text("r0001\nr0003\n", encoding="utf-8")
    assert [a.id for a in process_many(raws, workers=1, checkpoint=checkpoint)] == ["r0000", "r0002", "r0004"]
    assert read_checkpoint(checkpoint).done == {r.id for r in raws}


def test_read_checkpoint_ignores_a_line_cut_short(tmp_path):
    checkpoint = tmp_path / "ck"
    checkpoint.write_bytes(b"r1\t120\nr2\t240\nr3\t3")
    progress = read_checkpoint(checkpoint)
    assert progress.done == {"r1", "r2"}
    assert progress.output_size == 240


def test_write_jsonl_resume_drops_records_written_after_the_last_commit(tmp_path):
    raws = make_raws(6)
    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "ck"
    write_jsonl(raws[:3], out, workers=1, checkpoint=checkpoint)
    committed = out.read_bytes()
    # What a kill leaves behind: a record written but not committed, then half a line.
    extra = json.dumps(process_raw(raws[3]).to_dict(), ensure_ascii=False) + '\n{"id": "r00'
    out.write_bytes(committed + extra.encode())
    summary = write_jsonl(raws, out, workers=1, checkpoint=checkpoint)
    assert (summary.written, summary.skipped) == (3, 3)
    assert ids_in(out) == [r.id for r in raws]


def test_write_jsonl_skips_an_id_repeated_in_the_input(tmp_path):
    raws = make_raws(3)
    out = tmp_path / "out.jsonl"
    summary = write_jsonl(raws + raws[:1], out, workers=1, checkpoint=tmp_path / "ck")
    assert (summary.written, summary.skipped) == (3, 1)
    assert ids_in(out) == ["r0000", "r0001", "r0002"]


def test_write_jsonl_refuses_a_checkpoint_for_a_longer_output(tmp_path):
    out, checkpoint = tmp_path / "out.jsonl", tmp_path / "ck"
    write_jsonl(make_raws(2), out, workers=1, checkpoint=checkpoint)
    out.write_bytes(b"")
    with pytest.raises(CheckpointError, match="remove the checkpoint"):
        write_jsonl(make_raws(2), out, workers=1, checkpoint=checkpoint)


def _start_extract(source: Path, out: Path, checkpoint: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "rasd.cli", "extract", str(source), "--workers", "2",
               "-o", str(out), "--checkpoint", str(checkpoint)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _kill_when_started(process: subprocess.Popen, checkpoint: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if checkpoint.exists() and checkpoint.stat().st_size > 0:
            os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, as a crash would
            process.wait()
            return
        time.sleep(0.005)
    pytest.fail(f"the run ended or stalled before it could be killed: {process.stderr.read().decode()}")


def test_a_killed_run_resumed_does_every_article_exactly_once(tmp_path):
    raws = make_raws(400)
    source, out, checkpoint = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "ck"
    write_input(source, raws)
    _kill_when_started(_start_extract(source, out, checkpoint), checkpoint)
    done_before = len(read_checkpoint(checkpoint).done)
    assert 0 < done_before < len(raws)
    rerun = _start_extract(source, out, checkpoint)
    _, stderr = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, stderr.decode()
    assert ids_in(out) == [r.id for r in raws]
    expected = [json.dumps(process_raw(r).to_dict(), ensure_ascii=False) for r in raws[-3:]]
    assert out.read_text(encoding="utf-8").splitlines()[-3:] == expected


def test_write_jsonl_refuses_a_checkpoint_without_output_sizes(tmp_path):
    checkpoint = tmp_path / "ck"
    checkpoint.write_text("r0000\n", encoding="utf-8")
    with pytest.raises(CheckpointError, match="records no output size"):
        write_jsonl(make_raws(2), tmp_path / "out.jsonl", workers=1, checkpoint=checkpoint)


def test_process_many_marks_what_the_caller_took_when_it_stops_early(tmp_path):
    checkpoint = tmp_path / "done.txt"
    articles = process_many(make_raws(5), workers=1, checkpoint=checkpoint)
    assert [next(articles).id for _ in range(3)] == ["r0000", "r0001", "r0002"]
    articles.close()
    # The third was handed over but the caller never came back for more: it is done again.
    assert read_checkpoint(checkpoint).done == {"r0000", "r0001"}


def test_process_many_gives_each_article_of_a_list_once():
    raws = make_raws(3)
    assert [a.id for a in process_many(raws, workers=2)] == ["r0000", "r0001", "r0002"]
