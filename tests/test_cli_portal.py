"""`rasd user add` and `rasd serve --help`."""
from __future__ import annotations

from click.testing import CliRunner

from rasd.cli import main
from rasd.store import open_store
from rasd.web.auth import check_password


def test_user_add_asks_the_password_twice_and_stores_its_hash(tmp_path):
    db = str(tmp_path / "u.sqlite3")
    result = CliRunner().invoke(main, ["user", "add", "salma", "--db", db], input="kalimat-sirr\nkalimat-sirr\n")
    assert result.exit_code == 0 and "reviewer salma saved" in result.output
    store = open_store(db)
    assert check_password(store, "salma", "kalimat-sirr")
    store.close()


def test_user_add_refuses_a_short_password_with_a_message(tmp_path):
    result = CliRunner().invoke(main, ["user", "add", "salma", "--db", str(tmp_path / "u.sqlite3")],
                                env={"RASD_PASSWORD": "short"})
    assert result.exit_code == 2 and "8 to 256" in result.stderr


def test_serve_documents_its_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--login-to-read" in result.output and "127.0.0.1" in result.output
