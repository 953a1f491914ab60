"""Reviewer accounts: argon2 hashes, never the password itself."""
from __future__ import annotations

import pytest

from rasd.store import open_store
from rasd.store.portal import password_hash
from rasd.web.auth import check_password, create_user


def test_passwords_are_stored_as_argon2_hashes_and_checked(tmp_path):
    store = open_store(str(tmp_path / "a.sqlite3"))
    create_user(store, "rami", "long-enough-pw")
    stored = password_hash(store, "rami")
    assert stored.startswith("$argon2id$") and "long-enough-pw" not in stored
    assert check_password(store, "rami", "long-enough-pw")
    assert not check_password(store, "rami", "long-enough-PW")
    assert not check_password(store, "nobody", "long-enough-pw")
    assert not check_password(store, "rami", "x" * 300)
    with pytest.raises(ValueError, match="8 to 256"):
        create_user(store, "rami", "short")
    store.close()
