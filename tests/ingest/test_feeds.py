"""RSS and Atom feeds to raw articles; watching feeds yields each item once."""
from pathlib import Path

from rasd.errors import InputError
from rasd.ingest.feeds import SeenItems, read_feed, watch_feeds
from rasd.ingest.fetch import FetchError, FetchSettings
from rasd.ingest.read import RawArticle

from webserver import Reply

QUICK = FetchSettings(timeout=2.0, retries=1, backoff=0.0)


def rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>شبكة أخبار الجنوب</title><link>https://south-news.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    )


def item(n: int, description: str, link: str | None = None) -> str:
    link = link or f"https://south-news.example/news/{n}"
    return (
        f"<item><title>خبر رقم {n}</title><link>{link}</link><guid>south-{n}</guid>"
        f"<pubDate>Tue, 0{n} Apr 2024 09:30:00 +0300</pubDate>"
        f"<description><![CDATA[{description}]]></description></item>"
    )


SHELLING = "<p>قصفت قوات النظام بقذائف الهاون أطراف بلدة المزيريب غربي درعا.</p>"
ARREST = "اعتقلت دورية أمنية ثلاثة شبان عند حاجز على مدخل مدينة إنخل."
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مرصد الشمال</title>
<entry><id>urn:north:7</id><title>غارة على ريف إدلب</title>
<link href="https://north.example/a/7"/><updated>2024-06-11T06:00:00Z</updated>
<content type="html">&lt;p&gt;شنت طائرات حربية غارات على قرية معرة حرمة جنوبي إدلب.&lt;/p&gt;</content></entry>
</feed>"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rss_file_items_become_raw_articles(tmp_path):
    source = write(tmp_path, "south.xml", rss(item(1, SHELLING), item(2, ARREST), item(3, "")))
    items = list(read_feed(source))
    articles = [i for i in items if isinstance(i, RawArticle)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(articles) == 2 and len(errors) == 1
    first = articles[0]
    assert first.text == "قصفت قوات النظام بقذائف الهاون أطراف بلدة المزيريب غربي درعا."
    assert (first.title, first.published, first.outlet) == ("خبر رقم 1", "2024-04-01", "south-news")
    assert first.url == "https://south-news.example/news/1"
    assert articles[1].text == ARREST
    assert "no text" in str(errors[0])


def test_atom_entries_are_read_too(tmp_path):
    (article,) = read_feed(write(tmp_path, "north.atom", ATOM))
    assert article.text == "شنت طائرات حربية غارات على قرية معرة حرمة جنوبي إدلب."
    assert (article.published, article.url) == ("2024-06-11", "https://north.example/a/7")


def test_a_file_that_is_not_a_feed_is_one_error(tmp_path):
    (error,) = read_feed(write(tmp_path, "page.xml", "هذا ليس موجزا إخباريا"))
    assert isinstance(error, InputError)
    assert "not a readable RSS or Atom feed" in str(error)


def test_feed_url_with_pages_fetched_survives_one_bad_page(local_server):
    page = "<html><body><article><p>أصيب مدنيان بانفجار لغم أرضي قرب بلدة اللجاة.</p></article></body></html>"
    local_server.routes["/news/1"] = [Reply(200, page.encode())]
    feed = rss(item(1, "ملخص", local_server.url("/news/1")), item(2, "ملخص", local_server.url("/news/2")))
    local_server.routes["/feed"] = [Reply(200, feed.encode(), "application/rss+xml")]
    first, second = read_feed(local_server.url("/feed"), fetch_pages=True, settings=QUICK)
    assert first.text == "أصيب مدنيان بانفجار لغم أرضي قرب بلدة اللجاة."
    assert first.title == "خبر رقم 1"
    assert isinstance(second, FetchError) and "HTTP 404" in str(second)


def test_watch_yields_each_item_once_across_polls_and_restarts(local_server, tmp_path):
    old, new = item(1, SHELLING), item(2, ARREST)
    local_server.routes["/feed"] = [Reply(200, rss(old).encode()), Reply(200, rss(new, old).encode())]
    state, waits = tmp_path / "seen.txt", []
    watch = watch_feeds([local_server.url("/feed")], state, interval=60, rounds=3, settings=QUICK, sleep=waits.append)
    assert [a.title for a in watch] == ["خبر رقم 1", "خبر رقم 2"]
    assert waits == [60, 60]
    again = watch_feeds([local_server.url("/feed")], state, rounds=1, settings=QUICK)
    assert list(again) == []
    assert SeenItems(state).keys == {"south-1", "south-2"}


def test_watch_tries_an_unfetched_page_again_next_poll(local_server, tmp_path):
    feed = rss(item(1, "ملخص", local_server.url("/news/1")))
    local_server.routes["/feed"] = [Reply(200, feed.encode())]
    page = "<html><body><article><p>سقطت قذيفة صاروخية على حي سكني في مدينة الباب.</p></article></body></html>"
    local_server.routes["/news/1"] = [Reply(404), Reply(200, page.encode())]
    settings = FetchSettings(timeout=2.0, retries=0)
    items = list(watch_feeds([local_server.url("/feed")], tmp_path / "seen", rounds=2, fetch_pages=True,
                             settings=settings, sleep=lambda _: None))
    assert isinstance(items[0], FetchError)
    assert items[1].text == "سقطت قذيفة صاروخية على حي سكني في مدينة الباب."
