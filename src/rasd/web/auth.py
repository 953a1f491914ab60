"""Reviewers' sign-in: argon2 password hashes, a signed session cookie, CSRF tokens.

Reading needs no sign-in unless the portal is started with `login_to_read`; every
write needs a signed-in reviewer and the session's CSRF token (a form field or the
X-CSRF-Token header), compared in constant time.
"""
from __future__ import annotations

import hmac
import secrets
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import HTTPException, Request

from rasd.store import Store
from rasd.store.portal import add_user, password_hash

MAX_PASSWORD_CHARS = 256
MIN_PASSWORD_CHARS = 8
CSRF_HEADER = "X-CSRF-Token"
_HASHER = PasswordHasher()


@cache
def dummy_hash() -> str:
    """Verified when a name is unknown, so that a wrong name takes as long as a wrong password."""
    return _HASHER.hash("not a password of anyone")


def create_user(store: Store, name: str, password: str) -> None:
    """Add a reviewer (or reset a password), storing only the argon2id hash."""
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise ValueError(f"a password is {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters")
    add_user(store, name, _HASHER.hash(password))


def check_password(store: Store, name: str, password: str) -> bool:
    """True when `password` is the reviewer's."""
    if len(password) > MAX_PASSWORD_CHARS:
        return False
    stored = password_hash(store, name)
    try:
        return _HASHER.verify(stored or dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def current_user(request: Request) -> str | None:
    return request.session.get("user")


def require_user(request: Request) -> str:
    user = current_user(request)
    if not user:
        raise HTTPException(401, "sign in as a reviewer to do this")
    return user


def sign_in(request: Request, name: str) -> None:
    """Start a fresh session for the reviewer (a new CSRF token too)."""
    request.session.clear()
    request.session["user"] = name
    csrf_token(request)


def sign_out(request: Request) -> None:
    request.session.clear()
