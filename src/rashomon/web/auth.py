"""Sessions, CSRF tokens and login throttling for the web app.

A session is a cookie signed with itsdangerous (it cannot be forged or altered without the
secret): the user's name, if logged in, and a random CSRF token that every form carries back.
The user's role is read from the store on every request, so removing an account or making it
a reader takes effect at once.  Cookies are HttpOnly and SameSite=Strict.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from rashomon.store import Store
from rashomon.store import schema as s

COOKIE = "rashomon_session"
SESSION_SECONDS = 12 * 3600
#: Failed logins allowed per client address and per user name in ``WINDOW_SECONDS``.
MAX_FAILURES = 5
WINDOW_SECONDS = 300


@dataclass(frozen=True, slots=True)
class Session:
    user: str | None
    csrf: str

    @classmethod
    def new(cls, user: str | None = None) -> Session:
        return cls(user, secrets.token_urlsafe(32))


def store_secret(store: Store) -> str:
    """The key sessions are signed with: ``$RASHOMON_SECRET``, else one generated once and
    kept in the store, so restarts and several app processes share it."""
    if os.environ.get("RASHOMON_SECRET"):
        return os.environ["RASHOMON_SECRET"]
    key = s.meta.c.key == "web_secret"
    with store.engine.begin() as conn:
        found = conn.execute(select(s.meta.c.value).where(key)).scalar_one_or_none()
        if found is not None:
            return str(found)
        try:
            with conn.begin_nested():
                fresh = secrets.token_hex(32)
                conn.execute(insert(s.meta).values(key="web_secret", value=fresh))
                return fresh
        except IntegrityError:  # another process created it first
            return str(conn.execute(select(s.meta.c.value).where(key)).scalar_one())


class Sessions:
    def __init__(self, secret: str) -> None:
        self._signer = URLSafeTimedSerializer(secret, salt="rashomon-session")

    def dump(self, session: Session) -> str:
        return self._signer.dumps({"u": session.user, "c": session.csrf})

    def load(self, cookie: str | None) -> Session | None:
        if not cookie or len(cookie) > 4096:
            return None
        try:
            data = self._signer.loads(cookie, max_age=SESSION_SECONDS)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        user = data.get("u")
        return Session(user if isinstance(user, str) else None, data["c"])


def csrf_ok(session: Session, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(session.csrf.encode(), str(token).encode())


class LoginThrottle:
    """Refuses logins after ``MAX_FAILURES`` failures within ``WINDOW_SECONDS`` from one
    address or for one name (in this process's memory: one app process per store)."""

    def __init__(self, max_failures: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.max_failures = max_failures
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, address: str, name: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(
                len(self._recent(k, now)) >= self.max_failures
                for k in (f"ip:{address}", f"user:{name.casefold()}")
            )

    def failed(self, address: str, name: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"ip:{address}", f"user:{name.casefold()}"):
                self._recent(key, now).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(f"user:{name.casefold()}", None)
