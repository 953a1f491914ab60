"""Reading articles from files, stdin, JSON Lines and HTML (rasd.ingest.read)."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from rasd.errors import InputError
from rasd.ingest.read import (
    MAX_ARTICLE_BYTES,
    MB,
    RawArticle,
    decode_bytes,
    looks_like_html,
    outlet_from_url,
    parse_published,
    read_article_file,
    read_html,
    read_input,
    read_jsonl,
    text_id,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPORT = (
    "قصفت قوات النظام بلدة جاسم بريف درعا الشمالي صباح اليوم.\n"
    "وأصيب مدنيان بجروح بحسب مصادر محلية."
)
CANNOT_DECODE = "cannot decode: not UTF-8, UTF-16 or Windows-1256"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_article_file(path)
    return caught.value


# --- encodings -------------------------------------------------------------------


def test_utf8_text_file_is_read_with_its_stem_as_id(tmp_path):
    article = read_article_file(write(tmp_path, "jasem.txt", REPORT.encode("utf-8")))
    assert article == RawArticle(id="jasem", text=REPORT)


def test_utf8_bom_is_dropped(tmp_path):
    article = read_article_file(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + REPORT.encode("utf-8")))
    assert article.text == REPORT
    assert article.warnings == ()


def test_crlf_line_ends_become_lf():
    text, _ = decode_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"), "a.txt")
    assert text == REPORT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_is_decoded(tmp_path, encoding):
    article = read_article_file(write(tmp_path, "a.txt", REPORT.encode(encoding)))
    assert article.text == REPORT


def test_utf16_without_bom_says_how_it_was_read():
    _, warnings = decode_bytes(REPORT.encode("utf-16-le"), "a.txt")
    assert warnings == ("decoded as UTF-16-LE (no byte order mark)",)


def test_windows_1256_arabic_is_decoded(tmp_path):
    article = read_article_file(write(tmp_path, "legacy.txt", REPORT.encode("cp1256")))
    assert article.text == REPORT
    assert article.warnings == ("decoded as Windows-1256",)


def test_windows_1256_html_page_with_mostly_ascii_markup_is_decoded(tmp_path):
    page = (
        '<html><head><meta charset="windows-1256"><title>x</title>'
        '<style>body { font-family: Tahoma, Arial, sans-serif; margin: 0 auto; }</style></head>'
        f"<body><article><p>{REPORT}</p></article></body></html>"
    )
    article = read_article_file(write(tmp_path, "legacy.html", page.encode("cp1256")))
    assert "بلدة جاسم" in article.text
    assert "decoded as Windows-1256" in article.warnings


def test_utf8_with_a_few_bad_bytes_is_read_with_a_warning(tmp_path):
    data = REPORT.encode("utf-8") * 30 + b"\xff\xfe\xfa" + REPORT.encode("utf-8") * 30
    article = read_article_file(write(tmp_path, "a.txt", data))
    assert article.warnings == ("3 invalid UTF-8 byte sequences replaced",)
    assert article.text.count("\ufffd") == 3


def test_one_bad_byte_is_reported_in_the_singular():
    _, warnings = decode_bytes(REPORT.encode("utf-8") * 30 + b"\xff", "a.txt")
    assert warnings == ("1 invalid UTF-8 byte sequence replaced",)


def test_text_that_is_no_known_encoding_is_refused(tmp_path):
    latin1 = "Déjà vu: élève, crème brûlée, façade, naïveté, où, garçon.\n".encode("latin-1") * 5
    error = read_error(write(tmp_path, "french.txt", latin1))
    assert error.reason == CANNOT_DECODE
    assert str(error) == f"{tmp_path / 'french.txt'}: {CANNOT_DECODE}"


def test_random_high_bytes_are_refused():
    noise = bytes((i * 97 + 13) % 128 + 128 for i in range(4000))
    with pytest.raises(InputError, match="^x.bin: cannot decode"):
        decode_bytes(noise, "x.bin")


# --- empty, binary, too large ---------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "  \n".encode("utf-16")])
def test_empty_or_blank_input_is_refused(tmp_path, data):
    error = read_error(write(tmp_path, "empty.txt", data))
    assert error.reason == "empty input"
    assert str(error) == f"{tmp_path / 'empty.txt'}: empty input"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip data"),
        (bytes((i * 31 + 7) % 256 for i in range(3000)), "NUL bytes"),
        (b"text\x01\x02\x03\x04\x05\x06 more\x07\x08\x0e\x0f" * 20, "control bytes"),
    ],
)
def test_binary_input_is_refused_with_its_kind(tmp_path, data, kind):
    error = read_error(write(tmp_path, "blob.txt", data))
    assert error.reason == f"input looks binary ({kind}), not text or HTML"


def test_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # sparse: no 50 MB written to disk
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    error = read_error(path)
    assert error.reason == "input too large: 50.0 MB, limit 10 MB"
    assert os.path.getsize(path) > MAX_ARTICLE_BYTES


def test_stdin_over_the_limit_is_refused():
    stream = io.BytesIO(b"a" * (MAX_ARTICLE_BYTES + 10))
    [error] = read_input("-", "text", stdin=stream)
    assert isinstance(error, InputError)
    assert str(error) == "<stdin>: input too large: 10.0 MB, limit 10 MB"


def test_missing_file_is_an_input_error(tmp_path):
    error = read_error(tmp_path / "nowhere.txt")
    assert error.reason.startswith("cannot read file:")


# --- HTML --------------------------------------------------------------------------------


def test_html_page_gives_main_text_title_date_and_outlet():
    article = read_article_file(FIXTURES / "shahed_news_page.html")
    assert article.title == "قصف صاروخي يطال قرية تل الزعرور بريف درعا الشرقي"
    assert article.published == "2023-03-14"
    assert article.outlet == "shahed-news"
    assert article.url == "https://www.shahed-news.net/news/2023/03/14/tal-zarour-shelling"
    assert article.id == "shahed_news_page"


def test_html_main_text_keeps_paragraphs_and_drops_page_frame():
    text = read_article_file(FIXTURES / "shahed_news_page.html").text
    assert "بقذائف الهاون" in text
    assert "داهمت دورية أمنية" in text
    assert len(text.split("\n")) >= 4
    for chrome in ("الرئيسية", "الأكثر قراءة", "متى ينتهي", "جميع الحقوق محفوظة", "تابعونا"):
        assert chrome not in text


def test_html_format_is_detected_from_content_not_name(tmp_path):
    page = f"<div><p>{REPORT}</p></div>"
    article = read_article_file(write(tmp_path, "page.txt", page.encode()))
    assert "<" not in article.text
    assert "بلدة جاسم" in article.text


def test_text_format_keeps_markup_as_text(tmp_path):
    article = read_article_file(write(tmp_path, "page.txt", f"<p>{REPORT}</p>".encode()), "text")
    assert article.text.startswith("<p>")


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>عنوان فقط</title></head></html>",
        "<html><body></body></html>",
        "<!DOCTYPE html><html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
    ],
)
def test_html_without_main_text_is_refused(page):
    with pytest.raises(InputError) as caught:
        read_html(page)
    assert str(caught.value) == "HTML page has no main text"


def test_html_file_without_body_names_the_file(tmp_path):
    path = write(tmp_path, "nobody.html", b"<html><head><title>x</title></head></html>")
    assert str(read_error(path)) == f"{path}: HTML page has no main text"


@pytest.mark.parametrize("cut", [40, 400, 900, 1500])
def test_truncated_html_raises_nothing_but_input_error(cut):
    page = (FIXTURES / "shahed_news_page.html").read_text(encoding="utf-8")[:cut]
    try:
        read_html(page)
    except InputError:
        pass


def test_garbled_markup_raises_nothing_but_input_error():
    for page in ("<", "<html", "<<<>>>&#;&#x;", "<html><body><p>" * 500, "<![CDATA[<p>", "<?xml?><html/>"):
        try:
            read_html(page)
        except InputError:
            pass


def test_looks_like_html():
    assert looks_like_html("  <!DOCTYPE html><html>")
    assert looks_like_html("<p>قصف</p>")
    assert not looks_like_html("قصف <p> في النص")
    assert not looks_like_html("<3 درعا")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.syriahr.com/a/1", "syriahr"),
        ("https://newspaper.albaathmedia.sy/2021/04/21/x", "albaathmedia"),
        ("https://www.alaraby.co.uk/politics/x", "alaraby"),
        ("https://watan.fm/news/1", "watan.fm"),
        ("shahed-news.net", "shahed-news"),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


# --- JSON Lines --------------------------------------------------------------------------


def test_malformed_jsonl_line_is_an_error_naming_its_line_and_the_rest_is_read():
    with (FIXTURES / "malformed.jsonl").open("rb") as handle:
        results = list(read_jsonl(handle, "malformed.jsonl"))
    errors = [r for r in results if isinstance(r, InputError)]
    articles = [r for r in results if isinstance(r, RawArticle)]
    assert [(e.line, e.source) for e in errors] == [(2, "malformed.jsonl"), (3, "malformed.jsonl"), (4, "malformed.jsonl")]
    assert str(errors[0]).startswith("malformed.jsonl line 2: not valid JSON (")
    assert str(errors[1]) == "malformed.jsonl line 3: not a JSON object"
    assert str(errors[2]) == 'malformed.jsonl line 4: no "text" string in the record'
    assert len(articles) == 3


def test_jsonl_record_fields_are_kept_and_gold_keys_ignored():
    [article] = read_jsonl(
        ['{"id": "k1", "url": "https://x.net/a", "outlet": "shahed-news", "published": "2022-08-02",'
         ' "title": "قصف", "text": "سقطت قذيفة على كفر سمرة.", "events": [], "kind": "event"}'],
        "in.jsonl",
    )
    assert article == RawArticle(
        id="k1", text="سقطت قذيفة على كفر سمرة.", url="https://x.net/a",
        outlet="shahed-news", published="2022-08-02", title="قصف",
    )


def test_jsonl_record_without_id_gets_a_stable_hash_id():
    text = "داهمت دورية بيوتا في تل الزعرور."
    [first] = read_jsonl([f'{{"text": "{text}"}}'], "a")
    [second] = read_jsonl([f'{{"text": "{text}", "url": null}}'], "b")
    assert first.id == second.id == text_id(text)
    assert len(first.id) == 12 and int(first.id, 16) >= 0


def test_jsonl_datetime_published_keeps_the_date():
    [article] = read_jsonl(['{"published": "2023-01-15T08:45:00+02:00", "text": "نص"}'], "a")
    assert article.published == "2023-01-15"


def test_jsonl_unparseable_published_becomes_none_with_a_warning():
    [article] = read_jsonl(['{"published": "أمس", "text": "احتج عشرات من الأهالي."}'], "a")
    assert article.published is None
    assert article.warnings == ("published date 'أمس' is not an ISO date; ignored",)


def test_jsonl_empty_text_and_bad_utf8_are_line_errors():
    results = list(read_jsonl([b'{"text": "  "}\n', b'{"text": "\xff\xfe"}\n', b"\n"], "a"))
    assert [str(r) for r in results] == ["a line 1: empty input", "a line 2: line is not valid UTF-8"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-04-21", "2021-04-21"), ("2021-04-21 10:00", "2021-04-21"), ("2021-02-30", None), (20210421, None)],
)
def test_parse_published(value, expected):
    assert parse_published(value)[0] == expected


# --- read_input ---------------------------------------------------------------------------


def test_read_input_reads_jsonl_file_by_extension_and_yields_errors_as_values():
    results = list(read_input(str(FIXTURES / "malformed.jsonl"), "auto"))
    assert sum(isinstance(r, InputError) for r in results) == 3
    assert sum(isinstance(r, RawArticle) for r in results) == 3


def test_read_input_sniffs_jsonl_in_a_txt_file(tmp_path):
    path = write(tmp_path, "batch.txt", '{"id": "x", "text": "قصف"}\n{"id": "y", "text": "اعتقال"}\n'.encode())
    assert [a.id for a in read_input(str(path), "auto")] == ["x", "y"]


def test_read_input_from_stdin_bytes():
    [article] = read_input("-", "auto", stdin=io.BytesIO(REPORT.encode("cp1256")))
    assert article.text == REPORT
    assert article.id == text_id(REPORT)


def test_read_input_from_stdin_jsonl():
    stream = io.BytesIO('{"id": "a", "text": "قصف"}\nnot json\n'.encode())
    results = list(read_input("-", "auto", stdin=stream))
    assert results[0].id == "a"
    assert str(results[1]).startswith("<stdin> line 2: not valid JSON")


def test_read_input_yields_a_bad_file_as_an_error(tmp_path):
    [error] = read_input(str(write(tmp_path, "x.png", b"\x89PNG\r\n\x1a\n....")), "auto")
    assert isinstance(error, InputError)
    assert error.reason == "input looks binary (PNG image), not text or HTML"


def test_read_input_rejects_an_unknown_format():
    with pytest.raises(ValueError, match="input_format"):
        list(read_input("a.txt", "pdf"))


def test_bundled_example_reads_as_utf8_text():
    from importlib import resources

    path = resources.files("rasd").joinpath("data/examples/daraa_report.txt")
    article = read_article_file(Path(str(path)))
    assert article.id == "daraa_report"
    assert article.warnings == ()
    assert "نوى" in article.text
