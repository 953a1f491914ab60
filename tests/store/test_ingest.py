"""Reading sources for `rasd ingest`: folders walked, articles keyed, changes noticed."""
from __future__ import annotations

from dataclasses import replace

from rasd.ingest.read import RawArticle
from rasd.store.ingest import article_files, article_key, input_hash, read_sources


def test_folders_are_walked_recursively_skipping_hidden_and_foreign_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a" / "b" / "report.txt").write_text("قصف مدفعي على بلدة في ريف حلب.", encoding="utf-8")
    (tmp_path / "a" / "page.html").write_text("<html><body><p>اشتباكات في ريف حماة</p></body></html>", encoding="utf-8")
    (tmp_path / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".cache" / "old.txt").write_text("غارة قديمة", encoding="utf-8")
    names = [p.name for p in article_files(tmp_path)]
    assert names == ["report.txt", "page.html"]
    assert len(list(read_sources([str(tmp_path)]))) == 2


def test_articles_are_keyed_by_url_else_by_text():
    with_url = RawArticle(id="1", text="قصف على إدلب", url="https://news.example/a")
    without = RawArticle(id="2", text="قصف على إدلب")
    assert article_key(with_url) == "https://news.example/a"
    assert article_key(without) == article_key(replace(without, id="3")) != article_key(with_url)


def test_the_input_hash_changes_with_the_text_or_the_date():
    raw = RawArticle(id="1", text="قصف على إدلب", url="https://news.example/a", published="2024-01-02")
    assert input_hash(raw) == input_hash(replace(raw, id="other"))
    assert input_hash(raw) != input_hash(replace(raw, text="قصف عنيف على إدلب"))
    assert input_hash(raw) != input_hash(replace(raw, published="2024-01-03"))
