"""Web archives: HTML responses become raw articles, everything else is counted."""
from collections import Counter
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasd.errors import InputError
from rasd.ingest.read import RawArticle
from rasd.ingest.warc import read_warc

PAGE = (
    "<html><head><title>اشتباكات في ريف حلب</title></head><body><nav>الرئيسية | أخبار | اتصل بنا</nav>"
    "<article><p>اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على محور قرية كفر تعال غربي حلب.</p>"
    "<p>وأفادت مصادر ميدانية بمقتل عنصرين وإصابة آخرين.</p></article></body></html>"
)
PAGE_1256 = "<html><body><article><p>سقطت قذيفة على سوق بلدة الكرك الشرقي.</p></article></body></html>"


def response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)


def build_archive(path, gzip: bool) -> None:
    """Two pages, one in Windows-1256, an image, an empty page, a 404, a request and a page with no text."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "rasd tests"}))
        site = "https://aleppo-today.example"
        records = [
            response(writer, f"{site}/news/1", PAGE.encode(), "text/html; charset=utf-8"),
            response(writer, "https://daraa24.example/n/9", PAGE_1256.encode("cp1256"),
                     "text/html; charset=windows-1256"),
            response(writer, f"{site}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
            response(writer, f"{site}/empty", b"", "text/html"),
            response(writer, f"{site}/gone", "<p>غير موجود</p>".encode(), "text/html", "404 Not Found"),
            writer.create_warc_record(f"{site}/news/1", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")),
            response(writer, f"{site}/blank", b"<html><body><script>x()</script></body></html>", "text/html"),
        ]
        for record in records:
            writer.write_record(record)


@pytest.mark.parametrize("name, gzip", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_pages_are_read_and_the_rest_counted(tmp_path, name, gzip):
    path = tmp_path / name
    build_archive(path, gzip)
    tally = Counter()
    items = list(read_warc(path, tally))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [a.url for a in articles] == ["https://aleppo-today.example/news/1", "https://daraa24.example/n/9"]
    assert "كفر تعال" in articles[0].text and "الرئيسية" not in articles[0].text
    assert articles[0].outlet == "aleppo-today"
    assert articles[1].text == "سقطت قذيفة على سوق بلدة الكرك الشرقي."
    assert [type(i) for i in items if not isinstance(i, RawArticle)] == [InputError]
    assert tally == Counter(read=2, non_html=1, empty=1, not_ok=1, other=2, no_text=1)


def test_a_file_that_is_not_an_archive_is_one_error(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("ملاحظات وليست أرشيفا", encoding="utf-8")
    tally = Counter()
    (error,) = read_warc(path, tally)
    assert "cannot read web archive" in str(error)
    assert tally == Counter(unreadable=1)
