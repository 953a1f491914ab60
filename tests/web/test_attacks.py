"""The API and portal under attack: fuzzed requests, SQL metacharacters, path traversal,
oversized bodies, unauthenticated and cross-site writes.

Every attack gets a 4xx (never a 5xx) and leaves the database exactly as it was.
CI runs a short schemathesis run (20 cases per operation);
`RASD_FUZZ_EXAMPLES=2000 pytest tests/web/test_attacks.py` runs a long one.
"""
from __future__ import annotations

import http.client
import os
import subprocess

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

from rasd.store import open_store
from rasd.web.app import create_app
from tests.reliability import backend_of, record
from tests.web.conftest import sign_in
from tests.web.portal_data import fill
from tests.web.test_browser import free_port, rasd_command, wait_until_up

EXAMPLES = int(os.environ.get("RASD_FUZZ_EXAMPLES", "20"))  # per operation
SIGN_IN_EXAMPLES = max(3, EXAMPLES // 10)  # each sign-in verifies an argon2 hash on purpose: slow
TABLES = ("articles", "events", "incidents", "reviews", "comments", "users", "sources")
SQL_ATTACKS = ("' OR '1'='1", "'; DROP TABLE articles; --", '" OR ""="', "%", "_", "\\", "%' --",
               "1); DELETE FROM events; --", "' UNION SELECT key, text FROM articles --", "*", "NEAR(x y)",
               "حلب' OR 1=1 --")
TEXT_FILTERS = ("country", "admin1", "event_type", "actor", "outlet", "q")
PATTERN_FILTERS = ("since", "until", "updated_since")
LISTS = ("/api/events", "/api/incidents", "/api/places", "/api/actors", "/api/stats")


def snapshot(store) -> dict[str, list]:
    """Every row of the tables a write could touch, to compare before and after an attack."""
    return {table: store.db.query(f"SELECT * FROM {table} ORDER BY 1") for table in TABLES}  # noqa: S608


# -- schemathesis over the OpenAPI description ---------------------------------------------------

@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    """A portal app on its own SQLite file, a signed-in reviewer's cookie and token, real event ids."""
    store = fill(open_store(str(tmp_path_factory.mktemp("fuzz") / "rasd.sqlite3")))
    app = create_app(store)
    with TestClient(app) as client:
        csrf = sign_in(client)
        events = [e["event_id_cnty"] for e in client.get("/api/events").json()["items"]]
        yield {"app": app, "cookies": {"rasd_session": client.cookies["rasd_session"]}, "csrf": csrf,
               "events": events}
    store.close()


def operations(app=None) -> list[str]:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app or create_app(fill(open_store(":memory:"))))
    return [result.ok().label for result in schema.get_all_operations()]


@pytest.mark.parametrize("label", operations())
def test_no_generated_request_gets_a_server_error(fuzzed, label):
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", fuzzed["app"])
    operation = next(r.ok() for r in schema.get_all_operations() if r.ok().label == label)
    sent, statuses = [], []
    # Cases that fit the description and cases that break it (wrong types, patterns, lengths).
    cases = st.one_of(operation.as_strategy(), operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))

    @settings(max_examples=SIGN_IN_EXAMPLES if label == "POST /api/session" else EXAMPLES, deadline=None,
              database=None, suppress_health_check=list(HealthCheck))
    @given(cases)
    def check(case):
        if "event_id" in (case.path_parameters or {}) and len(sent) % 2:
            case.path_parameters["event_id"] = fuzzed["events"][len(sent) % len(fuzzed["events"])]
        response = case.call(headers={"X-CSRF-Token": fuzzed["csrf"]}, cookies=fuzzed["cookies"])
        sent.append(case)
        statuses.append(response.status_code)
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} {response.text[:300]}"

    check()
    assert sent
    refused = sum(1 for status in statuses if 400 <= status < 500)
    record("attacks", f"schemathesis: {label}", len(sent), "generated requests (valid and invalid)",
           f"no 5xx; {refused} refused with a 4xx, statuses {sorted(set(statuses))}", refused=refused)


# -- SQL metacharacters in every filter ----------------------------------------------------------

def test_sql_metacharacters_in_every_filter_are_text_and_change_nothing(client, portal_store, db_target):
    before = snapshot(portal_store)
    tried = 0
    for path in LISTS:
        for parameter in TEXT_FILTERS:
            for attack in SQL_ATTACKS:
                response = client.get(path, params={parameter: attack})
                tried += 1
                assert response.status_code == 200, (path, parameter, attack, response.text[:300])
                body = response.json()
                found = body.get("total", body.get("events"))
                literal = parameter == "q" and attack == "_"  # the hostile article's text holds «__pwned»
                assert found == 0 or (literal and found == 1), (path, parameter, attack, found)
        for parameter in PATTERN_FILTERS:
            for attack in SQL_ATTACKS:
                tried += 1
                assert client.get(path, params={parameter: attack}).status_code == 422
    assert snapshot(portal_store) == before
    record("attacks", "SQL metacharacters in every filter of every list", tried, "requests",
           "all taken as text (200, nothing found) or refused (422); database unchanged", refused=tried,
           backend=backend_of(db_target))


def test_sql_metacharacters_in_ids_and_written_text_are_stored_as_text(client, portal_store):
    for path in ("/api/events/", "/api/incidents/", "/api/articles/"):
        for attack in SQL_ATTACKS[:6]:
            assert client.get(path + attack.replace("/", "")).status_code == 404
    csrf = sign_in(client)
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    for attack in SQL_ATTACKS:
        response = client.post(f"/api/events/{target}/comments", json={"body": attack},
                               headers={"X-CSRF-Token": csrf})
        assert response.status_code == 201
    bodies = [c["body"] for c in client.get(f"/api/events/{target}").json()["comments"]]
    assert bodies == [a.strip() for a in SQL_ATTACKS]
    assert len(portal_store.db.query("SELECT key FROM articles")) == 4


def test_nul_bytes_anywhere_are_no_server_error(client, portal_store, db_target):
    """Schemathesis found q=00%00 made SQLite's full-text search fail; PostgreSQL refuses NUL in text."""
    answers = [client.get(path, params={parameter: "حلب\x00' --"}).status_code
               for path in LISTS for parameter in TEXT_FILTERS]
    answers += [client.get(path + "x%00y", headers=accept).status_code
                for path in ("/api/events/", "/api/articles/", "/api/incidents/", "/events/", "/articles/",
                             "/incidents/") for accept in ({}, {"accept": "text/html"})]
    csrf = sign_in(client)
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    written = client.post(f"/api/events/{target}/comments", json={"body": "تعليق\x00مقطوع"},
                          headers={"X-CSRF-Token": csrf})
    assert written.status_code == 201
    assert max(answers) < 500, answers
    record("attacks", "NUL bytes in filters, ids and a comment", len(answers) + 1, "requests", "no 5xx",
           refused=len(answers), backend=backend_of(db_target))


# -- path traversal on the static files ----------------------------------------------------------

TRAVERSALS = ("/static/../app.py", "/static/../../rasd/web/app.py", "/static/..%2fapp.py", "/static/%2e%2e/app.py",
              "/static/%2e%2e%2f%2e%2e%2fstore%2fsqlite.py", "/static/vendor/../../templates/base.html",
              "/static/..%5capp.py", "/static/%252e%252e%252fapp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
              "/static/vendor/leaflet/../../../../../../../../etc/passwd", "/static/....//....//etc/passwd",
              "/static/%c0%ae%c0%ae/app.py", "/static/app.css%00.py", "/static/" + "../" * 12 + "etc/passwd",
              "/articles/..%2f..%2f..%2fetc%2fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd")
SECRETS = ("root:x:", "def create_app", "import ", "{% block")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`rasd serve` over the invented articles: raw paths reach it exactly as sent."""
    folder = tmp_path_factory.mktemp("served")
    db, log = str(folder / "rasd.sqlite3"), folder / "serve.log"
    fill(open_store(db)).close()
    port = free_port()
    with log.open("wb") as errors:
        process = subprocess.Popen([*rasd_command(), "serve", "--db", db, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/session", process, log)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def raw_get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


def test_path_traversal_never_leaves_the_static_folder(served):
    assert raw_get(served, "/static/app.css")[0] == 200
    for path in TRAVERSALS:
        status, body = raw_get(served, path)
        assert 400 <= status < 500, (path, status)
        assert not any(secret in body for secret in SECRETS), path
    record("attacks", "path traversal (../, %2e%2e%2f, double encoding, absolute paths) on static files",
           len(TRAVERSALS), "paths", "all 4xx, no file outside static/ served", refused=len(TRAVERSALS))


# -- oversized bodies, unauthenticated and cross-site writes --------------------------------------

API_WRITES = (("post", "/api/events/{id}/reviews", {"json": {"action": "confirm"}}),
              ("post", "/api/events/{id}/comments", {"json": {"body": "تعليق من موقع آخر"}}),
              ("post", "/api/session", {"json": {"name": "huda", "password": "correct-horse-7"}}),
              ("delete", "/api/session", {}))
FORM_WRITES = (("post", "/events/{id}/review", {"data": {"action": "reject"}}),
               ("post", "/events/{id}/comments", {"data": {"body": "تعليق من موقع آخر"}}),
               ("post", "/login", {"data": {"name": "huda", "password": "correct-horse-7"}}),
               ("post", "/logout", {"data": {}}))
HUGE = b"x" * (64 * 1024 + 1)


def send(client, method, path, target, kwargs, token=None, headers=None):
    kwargs = dict(kwargs)
    if token is not None and "data" in kwargs:
        kwargs["data"] = {**kwargs["data"], "csrf": token}
    sent = {**(headers or {}), **({"X-CSRF-Token": token} if token is not None and "data" not in kwargs else {})}
    return client.request(method, path.format(id=target), headers=sent, follow_redirects=False, **kwargs)


def test_writes_without_a_session_are_refused_and_change_nothing(client, portal_store, db_target):
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    before = snapshot(portal_store)
    csrf = client.get("/api/session").json()["csrf"]  # a token, but no reviewer signed in
    refused = 0
    for method, path, kwargs in API_WRITES[:2] + FORM_WRITES[:2]:
        for token in (None, csrf):
            status = send(client, method, path, target, kwargs, token).status_code
            assert status in (401, 403), (path, token, status)
            refused += 1
    assert snapshot(portal_store) == before
    record("attacks", "writes with no reviewer signed in (API and forms)", refused, "requests",
           "all 401/403, database unchanged", refused=refused, backend=backend_of(db_target))


@pytest.mark.parametrize("forged", ["missing", "wrong", "foreign-origin", "null-origin"])
def test_cross_site_writes_are_refused_and_change_nothing(client, portal_store, db_target, forged):
    csrf = sign_in(client)
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    token = {"missing": None, "wrong": "forged-" + csrf[:10]}.get(forged, csrf)
    origin = {"foreign-origin": {"Origin": "https://evil.example"}, "null-origin": {"Origin": "null"}}
    before = snapshot(portal_store)
    writes = API_WRITES + FORM_WRITES
    for method, path, kwargs in writes:
        response = send(client, method, path, target, kwargs, token, origin.get(forged))
        assert response.status_code == 403, (forged, path, response.status_code, response.text[:200])
    assert snapshot(portal_store) == before
    assert client.get("/api/session").json()["user"] == "huda"  # not signed out either
    record("attacks", f"cross-site writes, CSRF token {forged} (API and forms)", len(writes), "requests",
           "all 403, database and session unchanged", refused=len(writes), backend=backend_of(db_target))


def test_a_write_from_this_site_with_its_token_still_works(client, portal_store):
    csrf = sign_in(client)
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    for origin in ({"Origin": "http://testserver"}, {"Sec-Fetch-Site": "same-origin"},
                   {"Origin": "https://rasd.example", "X-Forwarded-Host": "rasd.example"}):  # behind a proxy
        response = client.post(f"/api/events/{target}/comments", json={"body": "تعليق"},
                               headers={"X-CSRF-Token": csrf, **origin})
        assert response.status_code == 201, origin


def test_oversized_bodies_are_refused_on_every_write_and_change_nothing(client, portal_store, db_target):
    csrf = sign_in(client)
    target = client.get("/api/events").json()["items"][0]["event_id_cnty"]
    before = snapshot(portal_store)
    refused = 0
    for method, path, kwargs in API_WRITES + FORM_WRITES:
        if method == "delete":  # takes no body: an unread chunked body costs nothing
            continue
        kind = "application/x-www-form-urlencoded" if "data" in kwargs else "application/json"
        for body in (HUGE, (HUGE[i:i + 4096] for i in range(0, len(HUGE), 4096))):
            response = client.request(method, path.format(id=target), content=body,
                                      headers={"X-CSRF-Token": csrf, "Content-Type": kind})
            assert response.status_code == 413, (path, response.status_code)
            refused += 1
    assert snapshot(portal_store) == before
    record("attacks", "oversized bodies (64 KiB + 1, declared and chunked) on every write that takes a body", refused, "requests",
           "all 413, database unchanged", refused=refused, backend=backend_of(db_target))
