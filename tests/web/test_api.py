"""The REST API: every endpoint, its filters and pages, downloads, bad parameters, unauthorised writes."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from rasd.web.app import create_app
from tests.web.conftest import sign_in

STRIKE_TYPE = "Explosions/Remote violence"


def event_ids(client, **params) -> list[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return [item["event_id_cnty"] for item in response.json()["items"]]


def strike_id(client) -> str:
    return event_ids(client, actor="Russia")[0]


def test_events_are_paginated_with_their_total(client):
    everything = client.get("/api/events").json()
    assert everything["total"] == 4 and len(everything["items"]) == 4
    second = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 4
    assert [i["event_id_cnty"] for i in second["items"]] == [everything["items"][1]["event_id_cnty"]]
    assert client.get("/api/events", params={"offset": 10}).json()["items"] == []


@pytest.mark.parametrize("params, expected", [
    ({"event_type": "Battles"}, 1),
    ({"event_type": STRIKE_TYPE}, 3),
    ({"admin1": "aleppo"}, 2),
    ({"actor": "Russia"}, 2),
    ({"outlet": "hawar-news"}, 2),
    ({"q": "طفس"}, 1),
    ({"since": "2023-03-13", "until": "2023-03-13"}, 1),
    ({"since": "2023-03-14"}, 2),
    ({"country": "Syria"}, 4),
    ({"updated_since": "2999-01-01T00:00:00Z"}, 0),
    ({"q": '"طفس'}, 0),  # the quote is text to find, not syntax (no 500)
    ({"q": 'NEAR(" OR *'}, 0),
])
def test_events_take_the_filters_of_rasd_events(client, params, expected):
    assert len(event_ids(client, **params)) == expected


def test_an_event_item_has_its_row_its_record_and_its_article(client):
    item = client.get("/api/events", params={"event_type": "Battles"}).json()["items"][0]
    assert item["location"] == "Tafas" and item["admin1"] == "Daraa" and item["outlet"] == "hawar-news"
    assert item["record"]["actor2"]["mention"] == "مقاتلين محليين" and item["title"] == "اشتباكات في طفس"
    detail = client.get(f"/api/events/{item['event_id_cnty']}").json()
    assert detail["reviews"] == [] and detail["comments"] == [] and detail["review_status"] is None


def test_events_download_as_csv_and_geojson(client):
    response = client.get("/api/events", params={"format": "csv", "admin1": "Aleppo"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2 and {r["outlet"] for r in rows} == {"hawar-news", "sham-times"}
    features = client.get("/api/events", params={"format": "geojson"}).json()["features"]
    assert len(features) == 4 and features[0]["type"] == "Feature"
    assert {f["geometry"]["coordinates"][0] for f in features} >= {35.973, 36.825}


@pytest.mark.parametrize("params, parameter", [
    ({"since": "14/03/2023"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"limit": 0}, "limit"),
    ({"limit": 5000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"format": "xml"}, "format"),
    ({"q": "قصف " * 60}, "q"),
    ({"updated_since": "soon"}, "updated_since"),
])
def test_bad_parameters_get_a_422_naming_the_parameter(client, params, parameter):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["problems"][0]["parameter"] == parameter and parameter in body["error"]


def test_overlong_ids_are_refused(client):
    for path in ("/api/events/", "/api/incidents/", "/api/articles/"):
        response = client.get(path + "x" * 201)
        assert response.status_code == 422 and "characters" in response.json()["error"]


def test_unknown_records_are_404_with_a_message(client):
    for path in ("/api/events/RSD-none-1", "/api/incidents/INC-none", "/api/articles/none"):
        response = client.get(path)
        assert response.status_code == 404 and "none" in response.json()["error"]


def test_incidents_merge_the_outlets_and_show_every_report(client):
    listed = client.get("/api/incidents", params={"admin1": "Aleppo"}).json()
    assert listed["total"] == 1
    incident = listed["items"][0]
    assert {s["outlet"] for s in incident["sources"]} == {"hawar-news", "sham-times"}
    detail = client.get(f"/api/incidents/{incident['incident_id']}").json()
    assert len(detail["reports"]) == 2
    assert all("الأتارب" in r["evidence_text"][0] for r in detail["reports"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/incidents", params={"format": "csv"}).text)))
    assert len(rows) == 3 and max(int(r["n_sources"]) for r in rows) == 2


def test_articles_list_and_one_article_with_its_events(client):
    listed = client.get("/api/articles", params={"limit": 2}).json()
    assert listed["total"] == 4 and len(listed["items"]) == 2
    assert client.get("/api/articles", params={"outlet": "hawar-news"}).json()["total"] == 2
    article = client.get("/api/articles/battle-tafas").json()
    assert article["text"].startswith("اشتباكات في طفس") and len(article["events"]) == 1
    span = article["events"][0]["record"]["evidence"][0]
    assert article["text"][span["start"]:span["end"]].startswith("اندلعت اشتباكات")


def test_places_actors_and_stats_count_the_matching_events(client):
    places = client.get("/api/places").json()["items"]
    assert places[0]["name_ar"] == "الأتارب" and places[0]["count"] == 2
    actors = client.get("/api/actors", params={"event_type": "Battles"}).json()["items"]
    assert {a["name"] for a in actors} == {"Military Forces of Syria (2000-2024)", "Unidentified Armed Group (Syria)"}
    stats = client.get("/api/stats").json()
    assert stats["events"] == 4 and stats["fatalities"] == 8
    assert stats["event_types"][0] == {"name": STRIKE_TYPE, "count": 3}
    assert {"day": "2023-03-13", "event_type": "Battles", "count": 1} in stats["timeline"]
    assert stats["rising"]["week_end"] == "2023-03-14" and stats["rising"]["places"][0]["name"] == "الأتارب"


def test_writes_need_a_signed_in_reviewer(client):
    target = strike_id(client)
    review = client.post(f"/api/events/{target}/reviews", json={"action": "confirm"})
    assert review.status_code == 401 and "sign in" in review.json()["error"]
    comment = client.post(f"/api/events/{target}/comments", json={"body": "تعليق"})
    assert comment.status_code == 401
    assert client.get(f"/api/events/{target}").json()["reviews"] == []


def test_writes_need_the_csrf_token_even_when_signed_in(client):
    sign_in(client)
    target = strike_id(client)
    for headers in ({}, {"X-CSRF-Token": "forged"}):
        response = client.post(f"/api/events/{target}/reviews", json={"action": "confirm"}, headers=headers)
        assert response.status_code == 403 and "CSRF" in response.json()["error"]


def test_sign_in_refuses_a_wrong_password_and_a_missing_token(client):
    csrf = client.get("/api/session").json()["csrf"]
    wrong = client.post("/api/session", json={"name": "huda", "password": "wrong-password"},
                        headers={"X-CSRF-Token": csrf})
    assert wrong.status_code == 401 and client.get("/api/session").json()["user"] is None
    assert client.post("/api/session", json={"name": "huda", "password": "correct-horse-7"}).status_code == 403
    assert client.post("/api/session", json={"name": "", "password": "x"},
                       headers={"X-CSRF-Token": csrf}).status_code == 422


def test_a_correction_wins_and_reaches_the_csv_export(client):
    csrf = sign_in(client)
    target = strike_id(client)
    response = client.post(f"/api/events/{target}/reviews", headers={"X-CSRF-Token": csrf},
                           json={"action": "correct", "field": "fatalities", "value": "6"})
    assert response.status_code == 201
    assert response.json() | {"at": None, "id": None} == {
        "id": None, "user": "huda", "at": None, "action": "correct", "field": "fatalities", "old_value": 4,
        "new_value": 6}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    corrected = next(r for r in rows if r["event_id_cnty"] == target)
    assert corrected["fatalities"] == "6" and corrected["review_status"] == "corrected"


def test_a_rejected_event_leaves_the_lists(client):
    csrf = sign_in(client)
    target = event_ids(client, event_type="Battles")[0]
    since = "2000-01-01T00:00:00Z"
    assert client.post(f"/api/events/{target}/reviews", headers={"X-CSRF-Token": csrf},
                       json={"action": "reject"}).status_code == 201
    assert event_ids(client, event_type="Battles") == []
    assert client.get(f"/api/events/{target}").json()["review_status"] == "rejected"
    download = client.get("/api/events", params={"format": "csv", "updated_since": since})
    synced = csv.DictReader(io.StringIO(download.text))
    assert (target, "True") in [(r["event_id_cnty"], r["deleted"]) for r in synced]


@pytest.mark.parametrize("body, status, message", [
    ({"action": "correct", "field": "fatalities", "value": "many"}, 400, "whole number"),
    ({"action": "correct", "field": "colour", "value": "red"}, 400, "unknown field"),
    ({"action": "correct", "field": "event_type", "value": "Massacre"}, 400, "unknown event_type"),
    ({"action": "delete"}, 422, "action"),
    ({"action": "correct", "field": "notes", "value": "x" * 600}, 422, "value"),
])
def test_bad_reviews_get_a_clear_4xx(client, body, status, message):
    csrf = sign_in(client)
    response = client.post(f"/api/events/{strike_id(client)}/reviews", json=body, headers={"X-CSRF-Token": csrf})
    assert response.status_code == status and message in response.json()["error"]


def test_reviews_and_comments_on_unknown_events_are_404(client):
    csrf = sign_in(client)
    headers = {"X-CSRF-Token": csrf}
    assert client.post("/api/events/RSDx-1/reviews", json={"action": "confirm"}, headers=headers).status_code == 404
    assert client.post("/api/events/RSDx-1/comments", json={"body": "نص"}, headers=headers).status_code == 404


def test_comments_are_stored_as_written_and_limited_in_size(client):
    csrf = sign_in(client)
    target = strike_id(client)
    headers = {"X-CSRF-Token": csrf}
    body = "العدد غير مؤكد <script>alert(1)</script>"
    assert client.post(f"/api/events/{target}/comments", json={"body": body}, headers=headers).status_code == 201
    [comment] = client.get(f"/api/events/{target}").json()["comments"]
    assert comment["body"] == body and comment["user_name"] == "huda"
    too_long = client.post(f"/api/events/{target}/comments", json={"body": "ن" * 4001}, headers=headers)
    assert too_long.status_code == 422
    huge = client.post(f"/api/events/{target}/comments", content=b"x" * 70_000, headers=headers)
    assert huge.status_code == 413 and "bytes" in huge.json()["error"]
    chunked = client.post(f"/api/events/{target}/comments", content=(b'{"body": "' + b"x" * 1000 for _ in range(80)),
                          headers=headers)
    assert chunked.status_code == 413 and "bytes" in chunked.json()["error"]


def test_sign_out_ends_the_session(client):
    csrf = sign_in(client)
    assert client.delete("/api/session", headers={"X-CSRF-Token": csrf}).json() == {"user": None}
    assert client.post(f"/api/events/{strike_id(client)}/reviews", json={"action": "confirm"},
                       headers={"X-CSRF-Token": csrf}).status_code == 401


def test_the_openapi_description_and_its_docs_page_are_served_locally(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/incidents", "/api/incidents/{incident_id}",
                 "/api/articles", "/api/articles/{article_id}", "/api/places", "/api/actors", "/api/stats",
                 "/api/events/{event_id}/reviews", "/api/events/{event_id}/comments", "/api/session"):
        assert path in spec["paths"], path
    docs = client.get("/api/docs").text
    assert "/api/events/{event_id}/reviews" in docs and "since" in docs
    assert "cdn" not in docs.lower() and 'src="http' not in docs and 'href="http' not in docs


def test_reading_can_be_configured_to_need_sign_in(portal_store):
    with TestClient(create_app(portal_store, login_to_read=True)) as closed:
        assert closed.get("/api/events").status_code == 401
        page = closed.get("/", headers={"accept": "text/html"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
        sign_in(closed)
        assert closed.get("/api/events").json()["total"] == 4


def test_every_response_forbids_foreign_content(client):
    headers = client.get("/api/stats").headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
