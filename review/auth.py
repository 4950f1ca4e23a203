"""Sessions and CSRF: a signed HttpOnly SameSite=Strict cookie, a per-session token checked on every form."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request

from pipeline.store import Store

SESSION_COOKIE = "endorse_session"
SESSION_SECONDS = 8 * 60 * 60


class LoginRequired(Exception):
    """Raised by the session check; the app answers with a redirect to /login."""


@dataclass(frozen=True)
class User:
    """The signed-in reviewer."""

    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def secret_key(home: Path) -> str:
    """The cookie-signing key, made once per data home and readable by the owner only."""
    path = home / "web-secret"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not submitted or not secrets.compare_digest(str(expected), submitted):
        raise HTTPException(status_code=403, detail="The form has expired or did not come from this site; "
                                                    "reload the page and try again.")


def start_session(request: Request, user: User) -> None:
    """A fresh session (no fixation): the user, the role and a new CSRF token."""
    request.session.clear()
    request.session.update({"user": user.name, "role": user.role, "csrf": secrets.token_urlsafe(32)})


def current_user(request: Request, store: Store) -> User:
    """The signed-in user, still active in the database; LoginRequired otherwise."""
    name = request.session.get("user")
    row = store.user(name) if name else None
    if row is None:
        raise LoginRequired()
    return User(row.name, row.role)
