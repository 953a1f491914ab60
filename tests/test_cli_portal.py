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


def test_rasd_events_exports_a_reviewers_correction(tmp_path):
    import csv
    import io

    from rasd.store.portal import add_review
    from tests.web.portal_data import fill

    db = str(tmp_path / "e.sqlite3")
    store = fill(open_store(db))
    target = store.events()[0].id
    add_review(store, target, "huda", "correct", "location.name_en", "Saraqib town")
    store.close()
    result = CliRunner().invoke(main, ["events", "--db", db, "--format", "csv"])
    row = next(r for r in csv.DictReader(io.StringIO(result.output)) if r["event_id_cnty"] == target)
    assert (row["location"], row["review_status"]) == ("Saraqib town", "corrected")


def test_serve_documents_its_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--login-to-read" in result.output and "127.0.0.1" in result.output
