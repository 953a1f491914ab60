"""The reliability log and its report: lines only when asked, figures summed, last run wins."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.reliability import LOG_ENV, record

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "reliability_report.py"


def load_script():
    spec = importlib.util.spec_from_file_location("reliability_report", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nothing_is_logged_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(LOG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    record("inputs", "any text", 5, "inputs", "fine")
    assert list(tmp_path.iterdir()) == []


def test_the_report_sums_what_was_tried_and_refused(tmp_path, monkeypatch):
    log = tmp_path / "log.jsonl"
    monkeypatch.setenv(LOG_ENV, str(log))
    record("inputs", "any text", 60, "inputs", "no exception")
    record("crashes", "SIGKILL", 3, "kills", "whole articles only", articles_lost=0)
    record("attacks", "cross-site", 8, "requests", "all 403", refused=8, backend="sqlite")
    record("attacks", "cross-site", 8, "requests", "all 403", refused=8, backend="postgres")
    record("xss", "corpus", 24, "renderings", "text", refused=24)
    record("inputs", "any text", 61, "inputs", "no exception")  # the same check again: the last one counts
    module = load_script()
    items = module.read_log(log)
    assert len(items) == 5 and len(log.read_text().splitlines()) == 6
    figures = module.totals(items)
    assert (figures["inputs tried"], figures["crashes survived"], figures["attacks refused or rendered inert"]) == (61, 3, 40)
    assert figures["articles lost"] == 0
    page = module.report(items)
    assert "| inputs tried | 61 |" in page and "| cross-site | postgres | 8 requests | all 403 |" in page
    assert json.loads(log.read_text().splitlines()[0])["part"] == "inputs"
