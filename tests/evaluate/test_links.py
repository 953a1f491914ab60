"""Pairwise link figures against incident hints, on an invented gold file."""
from __future__ import annotations

import json

from rasd.evaluate.links import hint_pairs, score_links


def _event(name_ar, name_en, offset=0):
    return {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "date_offset_days": offset, "actor1": {"name": "Military Forces of Russia", "type": 8},
            "actor2": {"name": "Civilians (Syria)", "type": 7}, "fatalities": 2,
            "location": {"name_ar": name_ar, "name_en": name_en, "admin1": "Idlib", "geo_precision": 1}}


RECORDS = [
    {"id": "g1", "url": "https://a.example/1", "published": "2022-05-03", "incident_hint": "Binnish strike",
     "text": "غارة جوية روسية على بنش تقتل مدنيين اثنين اليوم.", "events": [_event("بنش", "Binnish")]},
    {"id": "g2", "url": "https://b.example/2", "published": "2022-05-04", "incident_hint": "Binnish strike",
     "text": "قتل مدنيان أمس بغارة للطيران الروسي على مدينة بنش.", "events": [_event("بنش", "Binnish", -1)]},
    {"id": "g3", "url": "https://c.example/3", "published": "2022-05-03", "incident_hint": None,
     "text": "غارة روسية على تفتناز توقع قتيلين.", "events": [_event("تفتناز", "Taftanaz")]},
]


def test_hint_pairs_group_articles_sharing_a_hint():
    assert hint_pairs(RECORDS) == {("g1", "g2")}


def test_gold_events_of_one_incident_link_and_a_neighbouring_town_does_not(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), encoding="utf-8")
    score = score_links(gold, gold_events=True)
    assert (score.true_pairs, score.predicted_pairs, score.f1) == (1, 1, 1.0)
    assert score.cross_place == ()


def test_a_town_and_its_quarter_are_one_place_two_villages_are_not():
    from rasd.evaluate.links import different_villages
    from rasd.model import Location

    town = Location("سرمدا", gazetteer_id="T1", lat=36.180, lon=36.710, geo_precision=1)
    quarter = Location("حي الشرقي", gazetteer_id="T2", lat=36.181, lon=36.712, geo_precision=1)
    village = Location("الدانا", gazetteer_id="T3", lat=36.215, lon=36.765, geo_precision=1)
    unplaced = Location("قرية الصفا", geo_precision=1)
    assert not different_villages(town, quarter)
    assert different_villages(town, village)
    assert different_villages(town, unplaced) and not different_villages(unplaced, unplaced)
