"""An XSS corpus in every field a reader sees, shown in Chromium: all text, nothing runs.

Each payload sets `window.__xss` or opens a dialog if it ever runs. It is placed in an
article's title and text, its outlet, URL, place name, actor names and mentions, the
event's notes, a comment and a reviewer's correction; the map (with every popup open),
the article list and every article, event and incident page are then loaded with the
Content-Security-Policy bypassed (the page fixture), so escaping alone must hold.
"""
from __future__ import annotations

import subprocess

import pytest

from rasd.model import Actor, Article, Event, Location, Span
from rasd.store import open_store
from rasd.store.portal import add_comment, add_review
from tests.reliability import record
from tests.web.portal_data import fill
from tests.web.test_browser import free_port, page, rasd_command, wait_for_map, wait_until_up  # noqa: F401 (page: a fixture)

PAYLOADS = (
    "<script>window.__xss = 1; alert(1)</script>",
    '<img src=x onerror="window.__xss = 2; alert(2)">',
    '<svg onload="window.__xss = 3"><script>window.__xss = 3</script></svg>',
    "javascript:window.__xss = 4; alert(4)",
    "</script><script>window.__xss = 5</script>",
    '"><img src=x onerror=window.__xss=6>',
    "'><svg/onload=window.__xss=7>",
    "{{7*7}} {% raw %}{{ config }}{% endraw %} ${7*7}",
    '<iframe src="javascript:parent.__xss = 9"></iframe>',
    '<a href="javascript:window.__xss = 10">انقر هنا</a>',
    '<details open ontoggle="window.__xss = 11">',
    '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 12">',
)
ALIVE = ("img[src='x'], iframe, details[ontoggle], [onerror], [onload], [ontoggle], "
         "a[href^='javascript:' i], #article-text script, .comment script")
TOWNS = ("الرقة", "دير الزور", "الحسكة", "حمص", "تدمر", "البوكمال", "الميادين", "منبج", "القامشلي", "السخنة",
         "الطبقة", "عفرين")


def hostile_article(i: int, payload: str) -> Article:
    """Article `i` with `payload` in every field a reader sees; its places lie far apart on the map."""
    title = f"{payload} قصف على {TOWNS[i]}"
    line = f"قصفت طائرات مسيرة مجهولة بلدة {TOWNS[i]} صباح اليوم {payload} وأفاد مصدر محلي بسقوط جرحى."
    text = f"{title}\n{line}"
    start = text.index(line)
    place = Location(name_ar=f"{TOWNS[i]} {payload}", name_en=f"Town {i} {payload}", gazetteer_id=f"G-x{i}",
                     admin1="Homs", country="Syria", lat=31.0 + (i % 4) * 1.6, lon=36.0 + (i // 4) * 2.2,
                     geo_precision=1, mention=TOWNS[i])
    event = Event("Explosions/Remote violence", "Air/drone strike", date="2024-05-0" + str(1 + i % 9),
                  actor1=Actor(f"Unidentified Armed Group {payload}", f"مجموعة {payload}", 3, payload),
                  actor2=Actor("Civilians (Syria)", "مدنيون", 7, f"سكان {payload}"), location=place,
                  evidence=(Span(start, start + len(line)),), notes=f"Drone strike. {payload}")
    return Article(id=f"xss-{i}", text=text, url=payload if payload.startswith("javascript:") else
                   f"https://x{i}.example/{payload}", outlet=f"outlet {payload}", published="2024-05-01",
                   title=title, language="ar", events=(event,))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`rasd serve` over the hostile articles, each event with a hostile comment and correction."""
    folder = tmp_path_factory.mktemp("xss")
    db, log = str(folder / "xss.sqlite3"), folder / "serve.log"
    store = fill(open_store(db))
    for i, payload in enumerate(PAYLOADS):
        store.save_article(f"xss-{i}", f"xss-{i}", hostile_article(i, payload))
    for stored in store.events(None, limit=1000):
        if stored.article.article_id.startswith("xss-"):
            payload = PAYLOADS[int(stored.article.article_id.split("-")[1])]
            add_comment(store, stored.id, "huda", f"تعليق: {payload}")
            add_review(store, stored.id, "huda", "correct", "notes", f"تصحيح {payload}")
    store.close()
    port = free_port()
    with log.open("wb") as errors:
        process = subprocess.Popen([*rasd_command(), "serve", "--db", db, "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=errors)
    base = f"http://127.0.0.1:{port}"
    try:
        yield {"base": base, "start_seconds": wait_until_up(base + "/api/session", process, log)}
    finally:
        process.terminate()
        process.wait(timeout=10)


def assert_inert(page, where: str) -> None:
    """Nothing ran and no payload became an element."""
    assert page.evaluate("typeof window.__xss") == "undefined", where
    assert page.dialogs == [], where
    assert page.locator(ALIVE).count() == 0, (where, page.locator(ALIVE).first.evaluate("e => e.outerHTML"))


def hostile_pages(page) -> list[tuple[str, str]]:
    """(path, payload shown there) for every article, event and incident page of the corpus."""
    items = page.request.get("/api/events?limit=1000").json()["items"]
    pages = []
    for item in items:
        if item["article_id"].startswith("xss-"):
            payload = PAYLOADS[int(item["article_id"].split("-")[1])]
            pages += [(f"/articles/{item['article_id']}", payload), (f"/events/{item['event_id_cnty']}", payload)]
            if item.get("incident_id"):
                pages.append((f"/incidents/{item['incident_id']}", payload))
    return pages


def test_the_map_and_its_popups_show_every_payload_as_text(page):
    page.goto("/")
    assert wait_for_map(page) == 4 + len(PAYLOADS)
    markers = page.locator("path.event-marker")
    opened = 0
    for index in range(markers.count()):
        markers.nth(index).dispatch_event("click")
        opened += page.locator(".leaflet-popup-content").count()
        assert_inert(page, f"map popup {index}")
    assert opened >= len(PAYLOADS)
    page.goto("/articles")
    shown = page.inner_text("body")
    assert all(payload in shown for payload in PAYLOADS)
    assert_inert(page, "/articles")
    record("xss", "XSS corpus on the map, its popups and the article list (Chromium)", opened + 1,
           "popups and pages", f"{len(PAYLOADS)} payloads shown as text, none ran", refused=opened + 1)


def test_every_hostile_article_event_and_incident_page_shows_text_and_runs_nothing(page):
    pages = hostile_pages(page)
    assert len(pages) >= 2 * len(PAYLOADS)
    for path, payload in pages:
        page.goto(path)
        assert payload in page.inner_text("main" if page.locator("main").count() else "body"), path
        assert_inert(page, path)
    page.goto(pages[1][0])  # an event page: its comment and correction are text too
    assert "تعليق: " + PAYLOADS[0] in page.inner_text("body")
    assert "تصحيح " + PAYLOADS[0] in page.inner_text("body")
    record("xss", "XSS corpus in titles, texts, outlets, URLs, places, actors, notes, comments, corrections "
           "(Chromium: article, event, incident pages)", len(pages), "page loads",
           f"{len(PAYLOADS)} payloads, each in 12 fields: shown as text, none ran", refused=len(pages))
