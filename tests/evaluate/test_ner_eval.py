"""Tests of the conlleval-style NER scorer and `rasd ner-eval`."""
import json

from click.testing import CliRunner

from rasd.cli import main
from rasd.evaluate.ner_eval import read_conll, score_spans

GOLD_FILE = (
    "وقال\tO\nالعميد\tO\nسامر\tB-PER\nالخطيب\tI-PER\nإن\tO\nحمص\tB-GPE\nهادئة\tO\n.\tO\n\n"
    "وأعلنت\tO\nوزارة\tB-ORG\nالدفاع\tI-ORG\nسقوط\tO\nطائرة\tB-VEH\n.\tO\n\n"
)


def test_exact_spans_count_and_partial_spans_do_not():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    report = score_spans(gold, predicted)
    assert (report.micro.correct, report.micro.guessed, report.micro.gold) == (2, 3, 3)
    assert report.types["PER"].f1 == 0.0
    assert report.types["LOC"].f1 == 1.0
    assert round(report.micro.f1, 4) == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 4)


def test_a_wrong_type_is_a_miss_and_a_false_alarm():
    report = score_spans([["B-LOC"]], [["B-ORG"]])
    assert report.types["LOC"].recall == 0.0
    assert report.types["ORG"].precision == 0.0
    assert report.micro.f1 == 0.0


def test_read_conll_renames_and_drops_types(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(GOLD_FILE, encoding="utf-8")
    sentences = read_conll(path, {"GPE": "LOC", "VEH": "O"})
    assert len(sentences) == 2
    assert sentences[0][1][5] == "B-LOC"
    assert sentences[1][1] == ["O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_cli_prints_a_row_per_type_and_the_micro_average(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(GOLD_FILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ner-eval", str(path), "--map", "GPE=LOC", "--map", "VEH=O"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0] for line in result.output.splitlines()[1:]}
    assert {"PER", "ORG", "LOC", "micro"} <= rows


def test_cli_json_has_the_micro_counts(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(GOLD_FILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ner-eval", str(path), "--map", "VEH=O", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["micro"]["gold"] == 3


def test_cli_rejects_a_malformed_map(tmp_path):
    path = tmp_path / "gold.conll"
    path.write_text(GOLD_FILE, encoding="utf-8")
    result = CliRunner().invoke(main, ["ner-eval", str(path), "--map", "GPE"])
    assert result.exit_code == 2
