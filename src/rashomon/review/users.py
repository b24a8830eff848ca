"""Accounts: who may read and who may review, with argon2-hashed passwords.

Roles: ``reader`` (sees everything, reviews nothing), ``reviewer`` (reviews), ``admin``
(reviews; the role meant for whoever manages accounts with ``rashomon users``).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from rashomon.errors import Code, ReviewError
from rashomon.review.records import now
from rashomon.store import Store
from rashomon.store import schema as s

ROLES = ("reader", "reviewer", "admin")
REVIEW_ROLES = frozenset({"reviewer", "admin"})
MIN_PASSWORD = 8
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: str

    @property
    def can_review(self) -> bool:
        return self.role in REVIEW_ROLES


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise ReviewError(
            Code.BAD_REVIEW,
            f"user name {name!r}: 1-64 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit",
        )
    return name


def add_user(store: Store, name: str, role: str, password: str, *, replace: bool = False) -> None:
    """Create an account (or, with ``replace``, set an existing one's role and password)."""
    check_name(name)
    if role not in ROLES:
        raise ReviewError(Code.BAD_REVIEW, f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ReviewError(Code.BAD_REVIEW, f"a password needs at least {MIN_PASSWORD} characters")
    hashed = _hasher().hash(password)
    with store.engine.begin() as conn:
        if replace:
            done = conn.execute(
                update(s.users)
                .where(s.users.c.name == name)
                .values(role=role, password_hash=hashed)
            )
            if done.rowcount == 1:
                return
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(s.users).values(
                        name=name, role=role, password_hash=hashed, created_at=now()
                    )
                )
        except IntegrityError:
            raise ReviewError(
                Code.BAD_REVIEW, f"user {name!r} exists (add --replace to change it)"
            ) from None


def remove_user(store: Store, name: str) -> bool:
    with store.engine.begin() as conn:
        return conn.execute(delete(s.users).where(s.users.c.name == name)).rowcount == 1


def get_user(store: Store, name: str) -> User | None:
    with store.engine.connect() as conn:
        row = conn.execute(
            select(s.users.c.name, s.users.c.role).where(s.users.c.name == name)
        ).first()
    return User(row.name, row.role) if row is not None else None


def list_users(store: Store) -> list[User]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.users.c.name, s.users.c.role).order_by(s.users.c.name))
        return [User(r.name, r.role) for r in rows]


def count_users(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(s.users)).scalar_one())


@cache
def _dummy() -> str:
    """A hash of a password nobody has: checking an unknown name costs what checking a known
    one does, so response times do not tell which names exist."""
    return _hasher().hash(secrets.token_hex(16))


def verify_user(store: Store, name: str, password: str) -> User | None:
    """The account when the password is right, else None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(s.users).where(s.users.c.name == name)).first()
    stored = row.password_hash if row is not None else _dummy()
    try:
        _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return User(row.name, row.role) if row is not None else None
