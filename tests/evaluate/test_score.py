"""The scorer on tiny hand-made events (EVENTS.md section 6)."""
import pytest

from rasd.errors import InputError
from rasd.evaluate import Report, score_articles
from rasd.evaluate.score import align, match_score, strict_match

REGIME = "Military Forces of Syria (2000-2024)"
REBELS = "Opposition Rebels (Syria)"
ISIS = "Islamic State (Syria)"
CIVILIANS = "Civilians (Syria)"

TAFAS = {"name_ar": "طفس", "name_en": "Tafas", "admin1": "Daraa", "country": "Syria"}
NAWA = {"name_ar": "نوى", "name_en": "Nawa", "admin1": "Daraa", "country": "Syria"}


def actor(name):
    return {"name": name, "type": 1, "mention": ""}


def event(**changes):
    """A shelling of Tafas by the regime today, with `changes` applied."""
    base = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "date": None,
        "date_offset_days": 0,
        "actor1": actor(REGIME),
        "actor2": None,
        "location": dict(TAFAS),
        "fatalities": 0,
    }
    for key in ("actor1", "actor2"):
        if isinstance(changes.get(key), str):
            changes[key] = actor(changes[key])
    return {**base, **changes}


def battle(actor1=REGIME, actor2=REBELS, **changes):
    return event(event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2=actor2, **changes)


def agreement(actor1=REGIME, actor2="Tafas Communal Group (Syria)", **changes):
    return event(
        event_type="Strategic developments", sub_event_type="Agreement", actor1=actor1, actor2=actor2, **changes
    )


def place(**changes):
    return {**TAFAS, **changes}


def article(id_, events, kind="event"):
    return {"id": id_, "kind": kind, "events": list(events)}


def score_one(gold_events, pred_events):
    return score_articles([article("a1", gold_events)], [article("a1", pred_events)])


# --- whole-report figures ---------------------------------------------------

def test_perfect_prediction_scores_one_loose_and_strict():
    gold = [event(), battle(location=place(**NAWA))]
    report = score_one(gold, gold)
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert (report.strict_precision, report.strict_recall, report.strict_f1) == (1.0, 1.0, 1.0)
    assert report.matched == report.strict_matched == 2


def test_empty_prediction_scores_zero_without_crashing():
    report = score_one([event()], [])
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)
    assert report.strict_f1 == 0.0
    assert report.sub_event_type_accuracy is None  # no matched pair to judge


def test_one_right_and_one_wrong_type_gives_half_precision_and_recall():
    gold = [event(), event(location=place(**NAWA))]
    pred = [event(), event(event_type="Battles", sub_event_type="Armed clash", location=place(**NAWA))]
    report = score_one(gold, pred)
    assert (report.precision, report.recall, report.f1) == (0.5, 0.5, 0.5)


def test_two_identical_predictions_match_one_gold_only():
    report = score_one([event()], [event(), event()])
    assert report.matched == 1
    assert report.precision == 0.5
    assert report.recall == 1.0


def test_align_prefers_the_better_of_two_candidates():
    gold = [event(date_offset_days=0), event(date_offset_days=-1)]
    pred = [event(date_offset_days=-1)]  # fits gold 1 exactly, gold 0 only loosely
    assert align(gold, pred) == [(1, 0)]


def test_align_maximises_the_number_of_matches_before_their_quality():
    # Points 6 km apart along a meridian: prediction i is near gold i and gold i+1;
    # it copies gold i (a perfect pair) and differs from gold i+1 in every detail.
    # Five perfect-looking pairs cannot coexist; five loose ones can.
    def at(km, odd, name):
        details = dict(sub_event_type="Air/drone strike", date_offset_days=-1, actor1=ISIS) if odd else {}
        return event(location=place(name_ar=name, lat=32.0 + km / 111.195, lon=36.0), **details)

    gold = [at(12 * i, i % 2, f"g{i}") for i in range(1, 6)]
    pred = [at(12 * i + 6, i % 2, f"p{i}") for i in range(0, 5)]
    pairs = align(gold, pred)
    assert len(pairs) == 5
    assert pairs == [(i, i) for i in range(5)]


# --- alignment rules ----------------------------------------------------------

def test_one_day_apart_aligns_and_two_days_do_not():
    assert match_score(event(date_offset_days=0), event(date_offset_days=-1)) is not None
    assert match_score(event(date_offset_days=0), event(date_offset_days=-2)) is None


def test_unknown_offset_is_ignored_for_alignment():
    assert match_score(event(date_offset_days=0), event(date_offset_days=None)) is not None
    assert match_score(event(date_offset_days=None), event(date_offset_days=-5)) is not None


def test_iso_dates_must_be_within_a_day():
    gold = event(date="2021-07-27", date_offset_days=None)
    assert match_score(gold, event(date="2021-07-26", date_offset_days=None)) is not None
    assert match_score(gold, event(date="2021-07-25", date_offset_days=None)) is None


def test_better_pair_scores_higher():
    gold = event()
    assert match_score(gold, gold) > match_score(gold, event(sub_event_type="Air/drone strike"))


def test_place_by_gazetteer_id():
    gold = event(location=place(name_ar="طفس", gazetteer_id="SY-0001"))
    pred = event(location=place(name_ar="مدينة أخرى", gazetteer_id="SY-0001"))
    assert match_score(gold, pred) is not None
    other = event(location=place(name_ar="مدينة أخرى", gazetteer_id="SY-0002"))
    assert match_score(gold, other) is None


def test_place_by_distance_nine_km_aligns_eleven_does_not():
    km_per_degree_lat = 111.195  # on a 6371 km sphere
    gold = event(location=place(name_ar="أ", lat=32.70, lon=36.07))
    near = event(location=place(name_ar="ب", lat=32.70 + 9 / km_per_degree_lat, lon=36.07))
    far = event(location=place(name_ar="ب", lat=32.70 + 11 / km_per_degree_lat, lon=36.07))
    assert match_score(gold, near) is not None
    assert match_score(gold, far) is None


def test_place_by_normalised_arabic_name():
    gold = event(location=place(name_ar="طفس"))
    for spelling in ("«طَفَس»", "الطفس", "طـفـس", " طفس  "):
        assert match_score(gold, event(location=place(name_ar=spelling))) is not None, spelling
    hamza = event(location=place(name_ar="إنخل"))
    assert match_score(hamza, event(location=place(name_ar="انخل"))) is not None
    assert match_score(event(location=place(name_ar="بصرى الشام")), event(location=place(name_ar="بصري الشام")))
    assert match_score(gold, event(location=place(**NAWA))) is None


def test_different_event_type_never_aligns():
    assert match_score(event(), event(event_type="Battles", sub_event_type="Armed clash")) is None


def test_gold_without_coordinates_still_aligns_by_name():
    pred = event(location=place(lat=32.73, lon=36.07, gazetteer_id="SY-0001"))
    assert match_score(event(), pred) is not None


# --- strict matching and actors -----------------------------------------------

@pytest.mark.parametrize("make", [battle, agreement], ids=["battle", "agreement"])
def test_unordered_pair_strict_and_actor_accuracy_ignore_orientation(make):
    gold = make()
    swapped = make(actor1=gold["actor2"]["name"], actor2=gold["actor1"]["name"])
    assert strict_match(gold, swapped)
    report = score_one([gold], [swapped])
    assert report.strict_f1 == 1.0
    assert (report.actor1_accuracy, report.actor2_accuracy) == (1.0, 1.0)


def test_explosion_with_swapped_actors_fails_strict():
    gold = event(actor1=REGIME, actor2=CIVILIANS)
    swapped = event(actor1=CIVILIANS, actor2=REGIME)
    assert not strict_match(gold, swapped)
    report = score_one([gold], [swapped])
    assert report.f1 == 1.0 and report.strict_f1 == 0.0
    assert (report.actor1_accuracy, report.actor2_accuracy) == (0.0, 0.0)


def test_battle_with_one_gold_actor_accepts_it_in_either_slot():
    gold = battle(actor2=None)
    assert strict_match(gold, battle(actor1=REGIME, actor2=REBELS))
    assert strict_match(gold, battle(actor1=REBELS, actor2=REGIME))
    assert not strict_match(gold, battle(actor1=REBELS, actor2=ISIS))


def test_battle_with_a_wrong_second_actor_fails_strict():
    assert not strict_match(battle(), battle(actor2=ISIS))


def test_strict_needs_sub_event_type_date_and_actor1():
    gold = event(actor2=CIVILIANS)
    assert strict_match(gold, event(actor2=None))  # actor2 is not part of strict
    assert not strict_match(gold, event(sub_event_type="Air/drone strike"))
    assert not strict_match(gold, event(date_offset_days=-1))
    assert not strict_match(gold, event(date_offset_days=None))
    assert not strict_match(gold, event(actor1=ISIS))


def test_strict_needs_the_iso_date_gold_knows():
    gold = event(date="2021-07-27")
    assert strict_match(gold, event(date="2021-07-27"))
    assert not strict_match(gold, event(date=None))
    assert not strict_match(gold, event(date="2021-07-26"))


def test_null_actor2_on_both_sides_counts_as_correct():
    report = score_one([event(actor2=None)], [event(actor2=None)])
    assert report.actor2_accuracy == 1.0


# --- field accuracies ---------------------------------------------------------

def test_date_accuracy_on_matched_pairs():
    gold = [event(), event(location=place(**NAWA), date_offset_days=-1)]
    pred = [event(), event(location=place(**NAWA), date_offset_days=0)]
    assert score_one(gold, pred).date_accuracy == 0.5


def test_location_accuracy_needs_same_admin1_in_either_language_or_case():
    gold = event()
    assert score_one([gold], [event(location=place(admin1="daraa"))]).location_accuracy == 1.0
    assert score_one([gold], [event(location=place(admin1="Quneitra"))]).location_accuracy == 0.0
    arabic = event(location=place(admin1="درعا"))
    assert score_one([arabic], [event(location=place(admin1="دَرعا"))]).location_accuracy == 1.0


def test_median_km_error_over_pairs_with_coordinates():
    gold = [
        event(location=place(lat=32.0, lon=36.0)),
        event(location=place(**NAWA, lat=33.0, lon=36.0)),
        event(location=place(name_ar="جاسم")),  # no coordinates: left out
    ]
    pred = [
        event(location=place(lat=32.0, lon=36.0)),
        event(location=place(**NAWA, lat=33.04, lon=36.0)),
        event(location=place(name_ar="جاسم", lat=32.9, lon=36.0)),
    ]
    report = score_one(gold, pred)
    assert report.km_pairs == 2
    assert report.median_km_error == pytest.approx(0.04 * 111.195 / 2, rel=1e-3)
    assert score_one([event()], [event()]).median_km_error is None


def test_fatalities_exact_match_rate():
    gold = [event(fatalities=3), event(location=place(**NAWA), fatalities=0)]
    pred = [event(fatalities=3), event(location=place(**NAWA), fatalities=2)]
    assert score_one(gold, pred).fatalities_accuracy == 0.5


# --- articles -----------------------------------------------------------------

def test_control_with_a_predicted_event_is_not_clean():
    gold = [article("c1", [], kind="control")]
    assert score_articles(gold, [article("c1", [event()])]).control_clean_rate == 0.0
    assert score_articles(gold, [article("c1", [])]).control_clean_rate == 1.0


def test_no_controls_leaves_clean_rate_undefined():
    report = score_one([event()], [event()])
    assert report.control_clean_rate is None
    assert report.control_articles == 0


def test_articles_are_paired_by_id_not_order():
    gold = [article("a1", [event()]), article("a2", [event(location=place(**NAWA))])]
    pred = [article("a2", [event(location=place(**NAWA))]), article("a1", [event()])]
    assert score_articles(gold, pred).f1 == 1.0


def test_missing_prediction_article_predicts_nothing():
    gold = [article("a1", [event()]), article("a2", [event()])]
    report = score_articles(gold, [article("a1", [event()]), article("zz", [event()])])
    assert (report.precision, report.recall) == (1.0, 0.5)
    assert report.missing_articles == 1 and report.extra_articles == 1
    missing = {a.id: a for a in report.per_article}["a2"]
    assert missing.missing and missing.gold_events == 1 and missing.matched == 0


def test_per_article_breakdown_counts_matches():
    report = score_one([event(), event(location=place(**NAWA))], [event(actor1=ISIS)])
    (line,) = report.per_article
    assert (line.id, line.gold_events, line.predicted_events, line.matched, line.strict) == ("a1", 2, 1, 1, 0)


def test_repeated_article_id_is_an_input_error():
    with pytest.raises(InputError, match="a1"):
        score_articles([article("a1", []), article("a1", [])], [])


def test_has_event_precision_counts_articles_flagged_with_events():
    gold = [article("a1", [event()]), article("c1", [], kind="control")]
    report = score_articles(gold, [article("a1", [event()]), article("c1", [event()])])
    assert report.has_event_precision == 0.5


# --- report rendering ---------------------------------------------------------

def test_report_to_dict_and_table():
    report = score_one([event()], [event()])
    data = report.to_dict()
    assert data["f1"] == 1.0 and data["articles_per_second"] is None and "per_article" not in data
    assert report.to_dict(include_articles=True)["per_article"][0]["id"] == "a1"
    table = report.format_table()
    assert "event F1" in table and "1.000" in table and "n/a" in table
    gold_line = next(line for line in table.splitlines() if line.startswith("gold events"))
    assert gold_line.split()[-1] == "1"  # counts print as integers


def test_table_values_line_up():
    lines = score_one([event()], [event()]).format_table().splitlines()
    end = lines[0].index("value") + len("value")
    for line in lines[2:]:  # every value right-aligned under the header
        assert line[end - 1] != " " and line[end:end + 1] in ("", " "), line


def test_report_is_frozen():
    report = score_one([event()], [event()])
    assert isinstance(report, Report)
    with pytest.raises(AttributeError):
        report.f1 = 0.0


def test_min_confidence_leaves_out_the_doubtful_events_only():
    from rasd.evaluate.run import confident_only

    record = {"id": "a", "events": [{"confidence": 0.9}, {"confidence": 0.3}, {"confidence": 0.5}]}
    [kept] = confident_only([record], 0.5)
    assert [e["confidence"] for e in kept["events"]] == [0.9, 0.5]
    assert record["events"][1] == {"confidence": 0.3}  # the input is not changed
