"""Linking events of different reports into incidents, and reconciling their figures."""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.incidents import (
    choose_incident,
    evidence_words,
    link_event,
    link_reason,
    reconcile_fatalities,
    reported_weekday,
)
from rasd.model import Actor, Location, Span
from rasd.store.query import EventFilter
from tests.builders import article, place, strike

# Two villages 4 km apart and a farm area next to the first.
KAFR_NUBL = place("كفرنبل", "Kafranbel", 35.614, 36.561, gid="G10")
HAS = place("حاس", "Has", 35.600, 36.600, gid="G11")
NEAR_KAFR_NUBL = place("مزارع كفرنبل", "Kafranbel farms", 35.630, 36.575, precision=2)
MAARRA = place("معرة النعمان", "Maarat al-Numan", 35.648, 36.672, gid="G12")


def _link(event, key="a", published="2023-03-14", weekday=None):
    return link_event(f"{key}-1", key, event, published, weekday)


def test_two_reports_of_one_strike_on_one_village_link_with_a_reason():
    reason = link_reason(_link(strike(KAFR_NUBL, fatalities=3), "a"), _link(strike(KAFR_NUBL, fatalities=4), "b"))
    assert reason is not None
    assert "same gazetteer place G10" in reason and "same day 2023-03-14" in reason


def test_strikes_on_two_villages_the_same_day_stay_apart():
    assert link_reason(_link(strike(KAFR_NUBL), "a"), _link(strike(HAS), "b")) is None


def test_one_place_name_in_two_countries_stays_apart():
    syrian = place("المزة", "Mezzeh", None, None, admin1="Damascus")
    jordanian = Location(name_ar="المزة", name_en="Al Mazzah", admin1="Damascus", country="Jordan", geo_precision=1)
    assert link_reason(_link(strike(syrian), "a"), _link(strike(syrian), "b")) is not None
    assert link_reason(_link(strike(syrian), "a"), _link(strike(jordanian), "b")) is None


def test_an_approximate_place_within_ten_km_links():
    reason = link_reason(_link(strike(KAFR_NUBL), "a"), _link(strike(NEAR_KAFR_NUBL), "b"))
    assert reason is not None and "km apart" in reason


def test_days_more_than_one_apart_stay_apart():
    early, late = strike(KAFR_NUBL, day="2023-03-10"), strike(KAFR_NUBL, day="2023-03-12")
    assert link_reason(_link(early, "a"), _link(late, "b")) is None
    assert link_reason(_link(early, "a"), _link(strike(KAFR_NUBL, day="2023-03-11"), "b")) is not None


def test_different_named_actors_stay_apart_but_unidentified_ones_do_not_conflict():
    russian = _link(strike(KAFR_NUBL), "a")
    syrian = _link(strike(KAFR_NUBL, actor="Military Forces of Syria (2000-2024)"), "b")
    unknown = _link(strike(KAFR_NUBL, actor="Unidentified Armed Group (Syria)"), "c")
    assert link_reason(russian, syrian) is None
    assert link_reason(russian, unknown) is not None


def test_events_of_one_article_never_link():
    assert link_reason(_link(strike(KAFR_NUBL), "a"), _link(strike(KAFR_NUBL), "a")) is None


def test_undated_reports_naming_different_weekdays_stay_apart():
    sunday = _link(strike(KAFR_NUBL, day=None), "a", published=None, weekday=7)
    tuesday = _link(strike(KAFR_NUBL, day=None), "b", published=None, weekday=2)
    monday = _link(strike(KAFR_NUBL, day=None), "c", published=None, weekday=1)
    assert link_reason(sunday, tuesday) is None
    assert link_reason(sunday, monday) is not None


def _undated(event, key, weekday=None):
    """An event of an undated report: «اليوم» gives an offset but no absolute day."""
    return _link(replace(event, date=None, date_offset_days=0), key, published=None, weekday=weekday)


def test_undated_reports_of_one_village_need_more_than_place_and_type():
    unknown = "Unidentified Armed Group (Syria)"
    first = _undated(strike(KAFR_NUBL, actor=unknown), "a")
    second = _undated(replace(strike(KAFR_NUBL, actor=unknown), sub_event_type="Shelling/artillery/missile attack"), "b")
    assert link_reason(first, second) is None


def test_undated_reports_link_on_a_shared_weekday_or_toll_and_say_so():
    unknown = "Unidentified Armed Group (Syria)"
    sunday = _undated(strike(KAFR_NUBL, actor=unknown), "a", weekday=7)
    assert "the same weekday 7" in link_reason(sunday, _undated(strike(KAFR_NUBL, actor=unknown), "b", weekday=7))
    five_dead = _undated(strike(KAFR_NUBL, actor=unknown, fatalities=5), "c")
    reason = link_reason(five_dead, _undated(strike(KAFR_NUBL, actor=unknown, fatalities=5), "d"))
    assert reason is not None and "the same toll of 5 dead" in reason and "the same village" in reason


def test_a_vague_count_coded_by_convention_is_no_shared_toll():
    unknown = "Unidentified Armed Group (Syria)"
    several = [_undated(strike(KAFR_NUBL, actor=unknown, fatalities=10), k) for k in "ab"]
    assert link_reason(*several) is None  # «سقوط عدد من القتلى» twice: 10 by convention
    seven = [_undated(strike(KAFR_NUBL, actor=unknown, fatalities=7), k) for k in "ab"]
    assert link_reason(*seven) is not None


def test_an_undated_report_never_links_to_a_dated_one_on_the_place_alone():
    dated = _link(strike(KAFR_NUBL, actor="Unidentified Armed Group (Syria)"), "a")
    undated = _undated(strike(KAFR_NUBL, actor="Unidentified Armed Group (Syria)"), "b")
    assert link_reason(dated, undated) is None


def test_a_city_corroborates_less_than_a_village():
    city = place("حلب", "Aleppo", 36.20, 37.16, gid="G20", admin1="Aleppo")
    assert link_reason(_undated(strike(KAFR_NUBL), "a"), _undated(strike(KAFR_NUBL), "b")) is not None
    assert link_reason(_undated(strike(city), "a"), _undated(strike(city), "b")) is None


def test_a_weapon_the_sub_event_type_implies_corroborates_nothing():
    unknown = "Unidentified Armed Group (Syria)"
    def mine(weapons, key):
        event = replace(strike(KAFR_NUBL, actor=unknown), sub_event_type="Remote explosive/landmine/IED",
                        weapons=weapons)
        return _undated(event, key)
    assert link_reason(mine(("landmine",), "a"), mine(("landmine",), "b")) is None  # village 2 + sub-event type 1
    reason = link_reason(_undated(replace(strike(KAFR_NUBL, actor=unknown), weapons=("car bomb",)), "a", weekday=1),
                         _undated(replace(strike(KAFR_NUBL, actor=unknown), weapons=("car bomb",)), "b"))
    assert reason is not None and "the same weapon car bomb" in reason


def test_protests_on_the_same_weekday_need_more_than_the_weekday():
    def protest(key):
        event = replace(strike(KAFR_NUBL, actor="Protesters (Syria)"), event_type="Protests",
                        sub_event_type="Peaceful protest", actor2=None)
        return _undated(event, key, weekday=5)
    reason = link_reason(protest("a"), protest("b"))
    assert reason is not None and "the same weekday 5" in reason  # village 2 + weekday 1 + sub-event type 1
    in_city = [replace(protest(k), city=True) for k in "ab"]
    assert link_reason(*in_city) is None


def test_strong_corroboration_outweighs_actors_that_disagree():
    syrian = replace(strike(KAFR_NUBL, actor="Military Forces of Syria (2000-2024)", fatalities=7), injuries=12)
    russian = replace(strike(KAFR_NUBL, fatalities=7), injuries=12)
    reason = link_reason(_link(syrian, "a"), _link(russian, "b"))
    assert reason is not None and "the actors differ" in reason and "the same toll of 7 dead" in reason


def test_outside_battles_only_the_doers_can_contradict():
    on_guards = replace(strike(KAFR_NUBL, actor="Unidentified Armed Group (Syria)"),
                        actor2=Actor("Military Forces of Syria (2024-)", type=1))
    on_civilians = replace(strike(KAFR_NUBL, actor="Unidentified Armed Group (Syria)"),
                           actor2=Actor("Hayat Tahrir al-Sham", type=2))
    assert "the doers do not conflict" in link_reason(_link(on_guards, "a"), _link(on_civilians, "b"))
    clash = dict(event_type="Battles", sub_event_type="Armed clash")
    assert link_reason(_link(replace(on_guards, **clash), "a"), _link(replace(on_civilians, **clash), "b")) is None


def test_a_report_placing_the_act_only_in_the_province_links_on_strong_corroboration():
    province = place("ريف إدلب", "Idlib countryside", None, None, precision=2)
    vague = replace(strike(province, fatalities=4), injuries=9)
    precise = replace(strike(KAFR_NUBL, fatalities=4), injuries=9)
    reason = link_reason(_link(vague, "a"), _link(precise, "b"))
    assert reason is not None and "only in Idlib" in reason and "the same 9 injured" in reason
    assert link_reason(_link(strike(province, fatalities=4), "a"), _link(strike(KAFR_NUBL, fatalities=3), "b")) is None
    assert link_reason(_link(replace(vague, date=None), "a", published=None), _link(precise, "b")) is None


def test_a_states_army_and_police_are_one_side_but_two_states_are_not():
    army = _link(strike(KAFR_NUBL, actor="Military Forces of Syria (2000-2024)"), "a")
    police = _link(strike(KAFR_NUBL, actor="Police Forces of Syria (2000-2024)"), "b")
    russia = _link(strike(KAFR_NUBL, actor="Military Forces of Russia"), "c")
    assert "one side" in link_reason(army, police)
    assert link_reason(russia, police) is None


def test_two_gazetteer_villages_of_one_name_stay_apart():
    north = place("المزرعة", "Al-Mazraa", 35.90, 36.60, gid="G30")
    south = place("المزرعة", "Al-Mazraa", 35.40, 36.70, gid="G31")
    assert link_reason(_link(strike(north), "a"), _link(strike(south), "b")) is None


def test_a_third_undated_report_joins_when_compatible_with_all_and_linked_to_one():
    unknown = "Unidentified Armed Group (Syria)"
    first = _undated(strike(KAFR_NUBL, actor=unknown, fatalities=4), "a", weekday=3)
    second = _undated(strike(KAFR_NUBL, actor=unknown, fatalities=4), "b")
    third = _undated(strike(KAFR_NUBL, actor=unknown), "c", weekday=3)
    elsewhere = _undated(strike(HAS, actor=unknown), "d", weekday=3)
    assert link_reason(third, second) is None  # nothing but the village in common
    choice = choose_incident(third, {"INC-1": [first, second]})
    assert choice is not None and choice.incident_id == "INC-1" and "a-1" in choice.reason
    assert choose_incident(elsewhere, {"INC-1": [first, second]}) is None


def test_the_telling_words_of_an_event_leave_out_function_words_and_clitics():
    text = "وقال ناشطون إن الطائرات قصفت بالصواريخ سوق بلدة كفرنبل صباح اليوم."
    assert evidence_words(text, (Span(0, len(text)),)) == {"ناشطون", "طايرات", "قصفت", "صواريخ", "سوق", "بلده", "كفرنبل"}


def test_undated_reports_worded_alike_are_corroborated_by_their_wording():
    unknown = "Unidentified Armed Group (Syria)"
    first_text = ("انفجرت عبوة ناسفة زرعها مجهولون داخل سيارة مدير المدرسة الثانوية قرب مبنى البلدية "
                  "في كفرنبل، ما ادى الى احتراق السيارة وتحطم نوافذ المحلات المجاورة.")
    second_text = ("احترقت سيارة مدير المدرسة الثانوية بعد انفجار عبوة ناسفة زرعها مجهولون فيها قرب مبنى "
                   "البلدية، وتحطمت نوافذ المحلات المجاورة في كفرنبل.")
    other_text = "انفجرت عبوة ناسفة على طريق زراعي في كفرنبل دون وقوع اصابات."
    def report(text, key):
        event = replace(strike(KAFR_NUBL, actor=unknown, evidence=(Span(0, len(text)),)),
                        sub_event_type="Remote explosive/landmine/IED", date=None, date_offset_days=0)
        return link_event(f"{key}-1", key, event, None, None, text)
    reason = link_reason(report(first_text, "a"), report(second_text, "b"))
    assert reason is not None and "words in common" in reason
    assert link_reason(report(first_text, "a"), report(other_text, "c")) is None


def test_the_weekday_is_read_from_the_event_sentence():
    text = "قصفت الطائرات الحربية بلدة كفرنبل صباح اليوم الثلاثاء. وفي خبر آخر يوم الجمعة..."
    assert reported_weekday(text, (Span(0, text.index(".")),)) == 2
    assert reported_weekday(text, (Span(0, len(text)),)) is None  # two different days named


def test_fatalities_take_the_most_reported_figure_and_keep_the_range():
    assert reconcile_fatalities([4, 4, 6, 0]) == (4, 4, 6)
    assert reconcile_fatalities([3, 5]) == (3, 3, 5)
    assert reconcile_fatalities([0, 0]) == (0, 0, 0)


def test_incidents_grow_as_reports_arrive_and_list_every_source(store):
    store.save_article("k1", "h", article("r1", "غارة على كفرنبل", (strike(KAFR_NUBL, fatalities=3),)))
    store.save_article("k2", "h", article("r2", "مقتل مدنيين في كفرنبل", (strike(KAFR_NUBL, fatalities=5),), outlet="o2"))
    store.save_article("k3", "h", article("r3", "غارة على حاس", (strike(HAS, fatalities=1),), outlet="o3"))
    store.save_article("k4", "h", article("r4", "حصيلة غارة كفرنبل", (strike(KAFR_NUBL, fatalities=5),), outlet="o4"))
    incidents = store.incidents(EventFilter())
    merged = next(i for i in incidents if len(i["sources"]) > 1)
    assert len(incidents) == 2
    assert sorted(s["article_id"] for s in merged["sources"]) == ["r1", "r2", "r4"]
    assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == (5, 3, 5)
    assert all(s["link_reason"] for s in merged["sources"])


def test_a_report_placing_a_strike_only_in_the_province_joins_the_village_incident(store):
    province = place("ريف إدلب", "Idlib countryside", None, None, precision=2)
    store.save_article("k1", "h", article("r1", "غارة على كفرنبل", (replace(strike(KAFR_NUBL, fatalities=4), injuries=9),)))
    store.save_article("k2", "h", article("r2", "غارة في ريف إدلب", (replace(strike(province, fatalities=4), injuries=9),),
                                          outlet="o2"))
    assert [len(i["sources"]) for i in store.incidents(EventFilter())] == [2]


def test_a_corrected_article_is_relinked(store):
    store.save_article("k1", "h", article("r1", "غارة على كفرنبل", (strike(KAFR_NUBL),)))
    store.save_article("k2", "h", article("r2", "غارة على كفرنبل", (strike(KAFR_NUBL),), outlet="o2"))
    assert len(store.incidents(EventFilter())) == 1
    store.save_article("k2", "h2", article("r2", "غارة على معرة النعمان", (strike(MAARRA),), outlet="o2"))
    assert sorted(len(i["sources"]) for i in store.incidents(EventFilter())) == [1, 1]


# Four villages 4 km apart on a line, each precisely placed.
VILLAGES = [place(f"قرية {name}", name, 35.60 + 0.036 * i, 36.60, gid=f"V{i}")
            for i, name in enumerate(("Alif", "Ba", "Ta", "Tha"))]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.sampled_from(["o1", "o2", "o3"])),
                min_size=2, max_size=9),
       st.data())
def test_every_pair_in_an_incident_links_and_no_article_appears_twice(reports, data):
    from rasd.store import open_store
    from rasd.store.repository import _row_link_event

    store = open_store(":memory:")
    for n, (village, day, outlet) in enumerate(reports):
        event = strike(VILLAGES[village], day=f"2023-03-1{day}")
        key = f"k{data.draw(st.integers(0, n))}"  # sometimes a correction of an earlier article
        store.save_article(key, f"h{n}", article(f"r{n}", "غارة على قرية", (event,), outlet=outlet))
    rows = store.db.query("SELECT e.id, e.article_key, e.record, e.weekday, e.incident_id, a.published "
                          "FROM events e JOIN articles a ON a.key = e.article_key")
    members: dict[str, list] = {}
    for row in rows:
        members.setdefault(row["incident_id"], []).append(_row_link_event(row))
    for events in members.values():
        assert len({e.article_key for e in events}) == len(events)
        assert all(link_reason(a, b) for i, a in enumerate(events) for b in events[i + 1:])
        assert len({e.gazetteer_id for e in events}) == 1
    assert store.counts()["incidents"] == len(members)
    store.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.sampled_from([None, 4, 5]), st.sampled_from([0, 3, 6]),
                          st.sampled_from([None, "2023-03-14"])), min_size=2, max_size=9))
def test_undated_and_province_reports_never_put_two_villages_in_one_incident(reports):
    from rasd.incidents import compatibility
    from rasd.store import open_store
    from rasd.store.repository import _row_link_event

    province = place("ريف إدلب", "Idlib countryside", None, None, precision=2)
    store = open_store(":memory:")
    for n, (village, weekday_day, dead, published) in enumerate(reports):
        where = province if village == 3 else VILLAGES[village]
        event = replace(strike(where, day=None, fatalities=dead, offset=0), injuries=dead or None)
        text = f"غارة على قرية يوم {'الخميس' if weekday_day == 4 else 'الجمعة' if weekday_day == 5 else ''}"
        evidence = (Span(0, len(text)),)
        store.save_article(f"k{n}", f"h{n}", article(f"r{n}", text, (replace(event, evidence=evidence),),
                                                     outlet=f"o{n}", published=published))
    rows = store.db.query("SELECT e.id, e.article_key, e.record, e.weekday, e.incident_id, a.published, a.text "
                          "FROM events e JOIN articles a ON a.key = e.article_key")
    members: dict[str, list] = {}
    for row in rows:
        members.setdefault(row["incident_id"], []).append(_row_link_event(row))
    for events in members.values():
        pairs = [(a, b) for i, a in enumerate(events) for b in events[i + 1:]]
        assert all(compatibility(a, b) or link_reason(a, b) for a, b in pairs)
        assert len({e.gazetteer_id for e in events if e.geo_precision == 1}) <= 1
    store.close()
