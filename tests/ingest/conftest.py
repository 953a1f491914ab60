"""Fixtures of the ingest tests."""
import pytest
from webserver import start_server


@pytest.fixture
def local_server():
    holder, httpd = start_server()
    yield holder
    httpd.shutdown()
    httpd.server_close()
