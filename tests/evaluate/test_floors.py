"""Pinned quality floors read from TOML and checked against a report."""
from rasd.evaluate.floors import floor_failures, read_floors
from rasd.evaluate.score import score_articles

GOLD = [{"id": "a", "text": "نص", "events": [
    {"event_type": "Battles", "sub_event_type": "Armed clash", "location": {"name_ar": "طفس"}},
]}]


def test_floors_are_read_from_the_floors_table(tmp_path):
    path = tmp_path / "floors.toml"
    path.write_text("[floors]\nf1 = 0.5\nstrict_f1 = 0.25\n", encoding="utf-8")
    assert read_floors(path) == {"f1": 0.5, "strict_f1": 0.25}


def test_a_figure_under_its_floor_is_reported_and_one_above_is_not():
    empty = score_articles(GOLD, [{"id": "a", "events": []}])
    perfect = score_articles(GOLD, GOLD)
    assert floor_failures(empty, {"f1": 0.5}) == ["f1: 0.000 is below its floor 0.500"]
    assert floor_failures(perfect, {"f1": 0.5}) == []


def test_an_unknown_figure_fails_rather_than_passing_silently():
    report = score_articles(GOLD, GOLD)
    assert floor_failures(report, {"no_such_metric": 0.1}) == ["no_such_metric: no such figure (floor 0.1)"]
