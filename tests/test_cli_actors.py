"""`rasd actors`: every mention with its canonical actor, and the gold figure."""
import json

from click.testing import CliRunner

from rasd.cli import main

ARTICLE = {
    "id": "t1", "published": "2020-06-03", "country": "Syria",
    "text": "قصفت مروحيات النظام بلدة كفرنبل بالبراميل المتفجرة، ما أدى إلى مقتل ثلاثة مدنيين.",
    "events": [{
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": {"name": "Military Forces of Syria (2000-2024)", "type": 1, "mention": "مروحيات النظام"},
        "location": {"name_ar": "كفرنبل", "country": "Syria"},
        "evidence": ["قصفت مروحيات النظام بلدة كفرنبل بالبراميل المتفجرة"],
    }],
}


def test_actors_json_gives_one_object_per_mention(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "--input-format", "jsonl", "--json", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["name"] for r in records] == ["Military Forces of Syria (2000-2024)", "Civilians (Syria)"]
    assert records[0]["id"] == "t1" and records[0]["mention"] == "مروحيات النظام"
    assert records[0]["span"]["start"] == ARTICLE["text"].index("مروحيات")


def test_actors_text_from_stdin():
    result = CliRunner().invoke(main, ["actors", "-"], input="هاجم مسلحون مجهولون حاجزاً للجيش.")
    assert result.exit_code == 0
    assert "Unidentified Armed Group (Syria)" in result.output


def test_actors_gold_prints_both_figures(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "--gold", str(path), "--json"])
    figures = json.loads(result.output)
    assert figures == {"events": 1, "resolved": 1, "found": 1, "resolver_rate": 1.0, "found_rate": 1.0}
