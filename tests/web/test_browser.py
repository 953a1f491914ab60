"""The portal in Debian's Chromium, driven by Playwright: map, filters, evidence, review, safety.

One `rasd serve` process and one browser serve the whole session. Screenshots of the map
and of an article go to test-artifacts/ (or $RASD_SCREENSHOTS). Without Chromium or
Playwright these tests skip and say why.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.bench import free_port, seconds_until_up
from rasd.errors import RasdError
from rasd.store import open_store
from tests.web.portal_data import PASSWORD, REVIEWER, fill


def rasd_command() -> list[str]:
    script = Path(sys.executable).with_name("rasd")
    return [str(script)] if script.exists() else [sys.executable, "-m", "rasd.cli"]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, limit_s: float = 30.0) -> float:
    """Seconds until `url` answers (rasd.bench.seconds_until_up), with the server's log when it fails."""
    try:
        return seconds_until_up(url, process, limit_s)
    except RasdError as error:
        raise RuntimeError(f"{error}: {log.read_text(encoding='utf-8', errors='replace')}") from error


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`rasd serve` over the invented articles, with its start-up time."""
    folder = tmp_path_factory.mktemp("portal")
    db, log = str(folder / "portal.sqlite3"), folder / "serve.log"
    fill(open_store(db)).close()
    port = free_port()
    with log.open("wb") as errors:  # a file, not a pipe: a chatty server never blocks on it
        process = subprocess.Popen([*rasd_command(), "serve", "--db", db, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    try:
        seconds = wait_until_up(base + "/api/session", process, log)
        yield {"base": base, "start_seconds": seconds}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(browser, server):
    """A fresh browser context (no cookies) that records every request and refuses dialogs.

    The portal's Content-Security-Policy is bypassed: Playwright's waits evaluate strings, and
    the hostile-article test must show that escaping alone keeps scripts from running.
    """
    context = browser.new_context(viewport={"width": 1300, "height": 950}, base_url=server["base"],
                                  bypass_csp=True)
    opened = context.new_page()
    opened.requests = []
    opened.dialogs = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="session")
def shots() -> Path:
    folder = Path(os.environ.get("RASD_SCREENSHOTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def wait_for_map(page, query: str = "all") -> int:
    page.wait_for_function(f"document.getElementById('map').dataset.ready === {query!r}")
    return int(page.get_attribute("#map", "data-count"))


def test_the_map_loads_with_no_request_leaving_the_machine(page, server, shots):
    page.goto("/")
    assert wait_for_map(page) == 4
    # The shipped base map is drawn: countries and governorates.
    page.wait_for_function("document.querySelectorAll('.leaflet-base-pane path').length > 100")
    assert page.locator("#legend").inner_text().count("\n") >= 6
    daraa = page.locator('path.admin1[data-name="Daraa"]')
    box = daraa.bounding_box()  # markers may cover its middle: the pointer event goes to the outline
    daraa.dispatch_event("mouseover", {"clientX": box["x"] + box["width"] / 2, "clientY": box["y"] + box["height"] / 2})
    assert page.locator(".leaflet-tooltip").inner_text() == "درعا / Daraa"
    page.wait_for_timeout(300)
    page.screenshot(path=str(shots / "map.png"))
    foreign = [url for url in page.requests if not url.startswith(server["base"]) and not url.startswith("data:")]
    assert page.requests and foreign == []


def test_filtering_by_type_narrows_the_map(page):
    page.goto("/")
    wait_for_map(page)
    page.select_option("#f-type", "Battles")
    page.click("#f-apply")
    assert wait_for_map(page, "event_type=Battles") == 1
    assert "event_type=Battles" in page.get_attribute("#dl-csv", "href")


def test_brushing_the_timeline_filters_the_map(page):
    page.goto("/")
    wait_for_map(page)
    page.wait_for_selector("#timeline rect.bar")
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 50)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + 60)
    page.mouse.up()
    assert page.input_value("#f-since") == "2023-03-12" and page.input_value("#f-until") == "2023-03-12"
    assert wait_for_map(page, "since=2023-03-12&until=2023-03-12") == 1


def test_an_article_shows_its_evidence_highlighted_and_linked(page, shots):
    page.goto("/articles/battle-tafas")
    mark = page.locator("mark.evidence").first
    assert mark.inner_text().startswith("اندلعت اشتباكات")
    assert page.locator("#article-text").evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.hover("table.event-fields")
    assert "lit" in mark.get_attribute("class")
    page.screenshot(path=str(shots / "article.png"))
    mark.click()
    assert page.url.endswith("#" + page.get_attribute("table.event-fields", "id"))


def test_a_hostile_article_and_comment_run_no_script(page):
    page.goto("/articles/hostile")
    assert page.inner_text("#article-title") == "<script>window.__pwned = 1</script>"
    assert "onerror" in page.inner_text("#article-text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text img, #article-text svg, #article-text script").count() == 0
    assert page.dialogs == []


def test_a_reviewer_corrects_an_event_comments_and_the_csv_shows_it(page):
    target = page.request.get("/api/events?event_type=Battles").json()["items"][0]["event_id_cnty"]
    page.goto(f"/events/{target}")
    page.click("text=" + "سجّل الدخول لمراجعة هذا الحدث أو التعليق عليه.")
    page.fill("input[name=name]", REVIEWER)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button")
    assert page.inner_text("#user-name") == REVIEWER
    page.select_option("#correct-field", "fatalities")
    page.fill("#correct-value", "3")
    page.click("#correct")
    assert page.inner_text("#review-status") == "مصحح"
    page.fill("#comment-body", "<img src=x onerror=\"window.__pwned = 4\"> الرقم من مصدر محلي")
    page.click("#comment-send")
    assert "onerror" in page.locator("#comment-list .comment").last.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    rows = list(csv.DictReader(io.StringIO(page.request.get("/api/events?format=csv").text())))
    row = next(r for r in rows if r["event_id_cnty"] == target)
    assert (row["fatalities"], row["review_status"]) == ("3", "corrected")


def test_the_interface_switches_to_english(page):
    page.goto("/")
    page.click("#lang-switch")
    assert page.get_attribute("html", "dir") == "ltr" and page.inner_text("#lang-switch") == "العربية"
    wait_for_map(page)
    assert "Explosions/Remote violence" in page.inner_text("#legend")


def test_the_arabic_interface_names_event_types_in_arabic(page):
    page.goto("/")
    wait_for_map(page)
    assert "معارك" in page.inner_text("#legend") and "معارك" in page.inner_text("#f-type")
