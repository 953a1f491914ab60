"""Any source through one door: the reader is picked from the source itself."""
import gzip
from collections import Counter

from rasd.ingest.read import RawArticle
from rasd.ingest.sources import read_source, source_kind

FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>أخبار الساحل</title>'
    "<item><title>اشتباك في مصراتة</title><link>https://coast.example/1</link>"
    "<description>اندلعت اشتباكات متقطعة بين مجموعتين مسلحتين في مدينة مصراتة.</description></item>"
    "</channel></rss>"
)


def test_kinds_are_told_from_names_and_first_bytes(tmp_path):
    feed, archive, zipped, article = (tmp_path / n for n in ("news.xml", "crawl.bin", "c.warc.gz", "a.txt"))
    feed.write_text(FEED, encoding="utf-8")
    archive.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n")
    zipped.write_bytes(gzip.compress(b"WARC/1.1\r\n"))
    article.write_text("قصفت المدفعية قرية في ريف حماة.", encoding="utf-8")
    assert source_kind("https://coast.example/rss") == "feed"
    assert [source_kind(str(p)) for p in (feed, archive, zipped, article)] == ["feed", "warc", "warc", "auto"]


def test_read_source_reads_a_feed_file_found_by_its_content(tmp_path):
    path = tmp_path / "coast"
    path.write_text(FEED, encoding="utf-8")
    (item,) = read_source(str(path), tally=Counter())
    assert isinstance(item, RawArticle)
    assert item.text == "اندلعت اشتباكات متقطعة بين مجموعتين مسلحتين في مدينة مصراتة."


def test_read_source_leaves_articles_to_the_file_reader(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("اعتقلت قوات الأمن ناشطا في مدينة تعز.", encoding="utf-8")
    (item,) = read_source(str(path))
    assert item.text == "اعتقلت قوات الأمن ناشطا في مدينة تعز."
