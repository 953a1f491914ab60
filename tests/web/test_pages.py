"""The portal's pages: escaped text, highlighted evidence, review forms, language, sign-in."""
from __future__ import annotations

import re

import pytest

from rasd.web.pages import safe_next
from tests.web.portal_data import PASSWORD, REVIEWER

HTML = {"accept": "text/html"}


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def form_sign_in(client) -> None:
    page = client.get("/login").text
    response = client.post("/login", data={"csrf": csrf_of(page), "name": REVIEWER, "password": PASSWORD,
                                           "next": "/articles"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/articles"


def test_the_map_page_lists_types_governorates_and_outlets_with_local_assets_only(client):
    page = client.get("/").text
    assert 'dir="rtl"' in page and "أهم التصنيفات" in page and "أهم المواضيع" in page and "الأكثر قراءة" in page
    assert '<option value="Daraa">' in page and '<option value="hostile-site">' in page
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith(("/", "#")) for a in assets), assets


def test_a_hostile_article_is_shown_as_text(client):
    page = client.get("/articles/hostile").text
    assert "<script>window" not in page and "<img src=x" not in page and "<svg onload" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "onerror=&#34;window.__pwned = 2&#34;" in page


def test_the_article_page_highlights_each_events_evidence_and_links_it(client):
    page = client.get("/articles/battle-tafas").text
    [mark] = re.findall(r'<mark class="evidence" data-events="([^"]*)"><a href="#([^"]+)">([^<]+)</a>', page)
    assert mark[0].split() == ["ev0"] and mark[2].startswith("اندلعت اشتباكات")
    assert f'id="{mark[1]}"' in page and "Armed clash" in page


def test_the_incident_page_sets_every_outlets_report_side_by_side(client):
    incident = client.get("/api/incidents", params={"admin1": "Aleppo"}).json()["items"][0]["incident_id"]
    page = client.get(f"/incidents/{incident}").text
    assert page.count('class="report"') == 2 and "hawar-news" in page and "sham-times" in page
    assert "قتل أربعة مدنيين" in page


def test_pages_count_views_for_the_most_read_list(client):
    for _ in range(2):
        client.get("/articles/strike-a")
    client.get("/articles/battle-tafas")
    viewed = client.get("/api/stats").json()["most_viewed"]
    assert [(v["entity_id"], v["n"]) for v in viewed[:2]] == [("strike-a", 2), ("battle-tafas", 1)]


def test_unknown_pages_and_bad_ids_get_an_error_page(client):
    response = client.get("/articles/missing", headers=HTML)
    assert response.status_code == 404 and "missing" in response.text and "<html" in response.text


def test_a_reviewer_signs_in_corrects_and_comments_through_the_forms(client):
    form_sign_in(client)
    target = client.get("/api/events", params={"event_type": "Battles"}).json()["items"][0]["event_id_cnty"]
    page = client.get(f"/events/{target}").text
    assert "اندلعت اشتباكات عنيفة" in page.split('id="event-evidence"')[1]
    csrf = csrf_of(page)
    corrected = client.post(f"/events/{target}/review", data={"csrf": csrf, "action": "correct",
                                                              "field": "location.admin1", "value": "Quneitra"})
    assert corrected.status_code == 200 and "Quneitra" in corrected.text
    commented = client.post(f"/events/{target}/comments", data={"csrf": csrf, "body": "<b>تحقق</b> من المصدر"})
    assert "&lt;b&gt;تحقق&lt;/b&gt; من المصدر" in commented.text
    assert client.get("/api/events", params={"admin1": "Quneitra"}).json()["total"] == 1


def test_form_writes_without_a_session_or_token_are_refused(client):
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    anonymous = client.post(f"/events/{target}/review", data={"csrf": "x", "action": "confirm"},
                            headers=HTML, follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    form_sign_in(client)
    forged = client.post(f"/events/{target}/review", data={"csrf": "forged", "action": "confirm"}, headers=HTML)
    assert forged.status_code == 403 and "CSRF" in forged.text


def test_a_wrong_password_on_the_form_is_a_401_page(client):
    page = client.get("/login").text
    response = client.post("/login", data={"csrf": csrf_of(page), "name": REVIEWER, "password": "nope-nope"})
    assert response.status_code == 401 and 'id="login-error"' in response.text


def test_the_language_switch_sets_english_and_left_to_right(client):
    response = client.get("/lang/en", params={"next": "/articles"}, follow_redirects=False)
    assert response.headers["location"] == "/articles"
    page = client.get("/articles").text
    assert 'lang="en" dir="ltr"' in page and ">Articles<" in page
    assert client.get("/lang/fr").status_code == 404


@pytest.mark.parametrize("target, expected", [
    ("/articles/x", "/articles/x"), ("//evil.example/", "/"), ("https://evil.example", "/"), ("", "/"),
    ("/\\evil", "/"),
])
def test_redirects_stay_on_this_site(target, expected):
    assert safe_next(target) == expected


