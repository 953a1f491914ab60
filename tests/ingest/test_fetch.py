"""Fetching URLs: retries with back-off, timeouts, a user agent, final answers not retried."""
import pytest

from rasd.ingest.fetch import USER_AGENT, FetchError, FetchSettings, fetch_url, is_url

from webserver import Reply

QUICK = FetchSettings(timeout=2.0, retries=2, backoff=0.5)
BODY = "<p>قصفت قوات النظام بلدة الحراك شرقي درعا.</p>".encode()


def test_is_url_tells_addresses_from_paths():
    assert is_url("https://example.org/feed.xml")
    assert not is_url("feeds/enab.xml")
    assert not is_url("file:///etc/passwd")


def test_fetch_retries_a_busy_server_with_growing_waits(local_server):
    local_server.routes["/page"] = [Reply(503), Reply(503), Reply(200, BODY)]
    waits = []
    assert fetch_url(local_server.url("/page"), QUICK, sleep=waits.append) == BODY
    assert waits == [0.5, 1.0]
    assert [ua for _, ua in local_server.requests] == [USER_AGENT] * 3


def test_fetch_gives_up_after_the_retries(local_server):
    local_server.routes["/down"] = [Reply(502)]
    with pytest.raises(FetchError, match="gave up after 3 attempts"):
        fetch_url(local_server.url("/down"), QUICK, sleep=lambda _: None)
    assert len(local_server.requests) == 3


def test_fetch_does_not_retry_a_missing_page(local_server):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(local_server.url("/nowhere"), QUICK, sleep=lambda _: None)
    assert len(local_server.requests) == 1


def test_fetch_times_out_on_a_silent_server(local_server):
    local_server.routes["/slow"] = [Reply(200, BODY, delay=1.0)]
    settings = FetchSettings(timeout=0.2, retries=1, backoff=0.0)
    with pytest.raises(FetchError, match="no answer within 0.2 s"):
        fetch_url(local_server.url("/slow"), settings, sleep=lambda _: None)


def test_fetch_refuses_other_schemes():
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url("file:///etc/hostname")
