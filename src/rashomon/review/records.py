"""Reviews as stored rows: the record, its validation, and writes that refuse stale reviews.

A review is written together with a bump of its target's counter in ``review_heads``; when
the reviewer saw version ``n`` of the target the bump is ``UPDATE ... WHERE seq = n`` (or an
INSERT for ``n = 0``), so two reviewers who saw the same version cannot both write: the second
finds the counter moved, or the row already inserted, and gets E020.  This works the same on
SQLite (writes serialise) and PostgreSQL (row locks, unique index), with no table locks.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from rashomon.errors import Code, ReviewError
from rashomon.review.fields import check_field
from rashomon.store import Store
from rashomon.store import schema as s

TARGET_KINDS = ("claim", "event", "document")
ACTIONS = ("accept", "correct", "reject", "note", "merge", "split")
#: What each kind of target can be given.  Rejecting an event or a document is not a thing:
#: a reviewer rejects the figures (claims) that are wrong, or splits claims off an event.
ALLOWED = {
    "claim": ("accept", "correct", "reject", "note"),
    "event": ("accept", "note", "merge", "split"),
    "document": ("accept", "note"),
}
_MAX_REASON = 2000
_TARGET_ID = re.compile(r"^[a-z0-9-]{1,64}$")
#: As ``users.check_name``: reviews name accounts, also when imported.
_AUTHOR = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$")
_MAX_ANCHORS = 5000


def _bad(message: str) -> ReviewError:
    return ReviewError(Code.BAD_REVIEW, message)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Review:
    """One review: who, when, why, what it targets and does, and what it was made against."""

    id: str
    created_at: str
    author: str
    target_kind: str
    target_id: str
    action: str
    field: str | None = None
    value: Any = None
    reason: str | None = None
    #: Claim ids the review holds on to: ``claims`` (a claim review), ``target`` (the claims
    #: of the event reviewed), ``other`` (of the event merged in), ``split`` (claims split off).
    anchors: dict[str, list[str]] = dataclasses.field(default_factory=dict)
    extractor: str | None = None
    target_version: str | None = None

    def describe(self) -> str:
        """What the review does, in a few words (for lists and history)."""
        from rashomon.review.fields import show_value

        if self.action == "correct" and self.field:
            return f"{self.field} = {show_value(self.field, self.value)}"
        if self.action == "merge":
            return f"merge {(self.value or {}).get('other', '')} in"
        if self.action == "split":
            return "split off " + ", ".join(c[:12] for c in self.anchors.get("split", []))
        if self.action == "note":
            return f"note: {self.value}"
        return {"reject": "reject as not a figure"}.get(self.action, self.action)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL exchange form (``rashomon reviews --format jsonl``)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Review:
        """A review read from JSONL or the store, validated as strictly as a typed one."""
        if not isinstance(data, Mapping):
            raise _bad("a review must be a JSON object")
        known = {f for f in cls.__dataclass_fields__}
        missing = [
            k for k in ("id", "created_at", "author", "target_kind", "target_id") if not data.get(k)
        ]
        if missing or not data.get("action"):
            raise _bad(f"missing {', '.join(missing or ['action'])}")
        for key in ("id", "created_at", "author", "target_kind", "target_id", "action"):
            if not isinstance(data[key], str) or len(data[key]) > 128:
                raise _bad(f"{key} must be a short string")
        review = cls(**{k: v for k, v in data.items() if k in known})
        review.check()
        return review

    def check(self) -> None:
        if not all(c in "0123456789abcdef" for c in self.id) or not 8 <= len(self.id) <= 32:
            raise _bad(f"review id {self.id!r} is not 8-32 hex digits")
        try:
            datetime.fromisoformat(self.created_at)
        except ValueError:
            raise _bad(f"created_at {self.created_at!r} is not an ISO timestamp") from None
        if not _TARGET_ID.match(self.target_id):
            raise _bad(f"target id {self.target_id!r} is not an id (letters, digits, '-')")
        if not _AUTHOR.match(self.author):
            raise _bad(f"author {self.author!r} is not a user name")
        if self.target_kind not in TARGET_KINDS:
            raise _bad(
                f"unknown target kind {self.target_kind!r}; one of {', '.join(TARGET_KINDS)}"
            )
        if self.action not in ALLOWED[self.target_kind]:
            raise _bad(
                f"a {self.target_kind} can be given {', '.join(ALLOWED[self.target_kind])}, "
                f"not {self.action!r}"
            )
        if self.reason is not None and (
            not isinstance(self.reason, str) or len(self.reason) > _MAX_REASON
        ):
            raise _bad(f"a reason is text of at most {_MAX_REASON} characters")
        if not isinstance(self.anchors, dict) or any(
            not isinstance(v, list)
            or len(v) > _MAX_ANCHORS
            or not all(isinstance(x, str) and len(x) <= 64 for x in v)
            for v in self.anchors.values()
        ):
            raise _bad("anchors must map names to lists of claim ids")
        if self.action == "correct":
            if self.field is None:
                raise _bad("a correction names the field it corrects")
            object.__setattr__(self, "value", check_field(self.field, self.value))
        elif self.field is not None:
            raise _bad(f"only a correction names a field, not {self.action!r}")
        if self.action == "note" and (
            not isinstance(self.value, str)
            or not self.value.strip()
            or len(self.value) > _MAX_REASON
        ):
            raise _bad(f"a note is text of 1 to {_MAX_REASON} characters")
        if self.action == "merge" and not (
            self.anchors.get("target") and self.anchors.get("other")
        ):
            raise _bad("a merge holds on to claims of both events (anchors target and other)")
        if self.action == "split" and not self.anchors.get("split"):
            raise _bad("a split names the claims it splits off (anchors split)")


def new_id() -> str:
    return uuid.uuid4().hex


def digest(data: Any) -> str:
    """A short, stable hash of JSON-able data: the content part of a version."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def split_version(version: str) -> tuple[int, str]:
    seq, _, content = version.partition(".")
    if not seq.isdigit() or not content:
        raise _bad(f"{version!r} is not a version (as shown with the target: N.HASH)")
    return int(seq), content


def _row(review: Review) -> dict[str, Any]:
    return {k: v for k, v in review.to_dict().items()}


def _from_row(row: Any) -> Review:
    m = row._mapping
    return Review(
        id=m["id"],
        created_at=m["created_at"],
        author=m["author"],
        target_kind=m["target_kind"],
        target_id=m["target_id"],
        action=m["action"],
        field=m["field"],
        value=m["value"],
        reason=m["reason"],
        anchors=dict(m["anchors"] or {}),
        extractor=m["extractor"],
        target_version=m["target_version"],
    )


def load_reviews(store: Store) -> list[Review]:
    """Every review in the order they apply: by time, then id (imports interleave by time)."""
    query = select(s.reviews).order_by(s.reviews.c.created_at, s.reviews.c.id)
    with store.engine.connect() as conn:
        return [_from_row(r) for r in conn.execute(query)]


def iter_reviews(store: Store) -> Iterator[Review]:
    query = select(s.reviews).order_by(s.reviews.c.created_at, s.reviews.c.id)
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=500).execute(query):
            yield _from_row(row)


def stamp(store: Store) -> tuple[int, int]:
    """(number of reviews, highest row number): changes whenever a review is written."""
    with store.engine.connect() as conn:
        row = conn.execute(select(func.count(), func.max(s.reviews.c.seq))).one()
        return int(row[0]), int(row[1] or 0)


def head(store: Store, kind: str, target_id: str) -> int:
    """How many reviews a target has had (the N of its version N.HASH)."""
    with store.engine.connect() as conn:
        return _head(conn, kind, target_id)


def heads(store: Store, kind: str, ids: Iterable[str]) -> dict[str, int]:
    wanted = list(dict.fromkeys(ids))
    out: dict[str, int] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            rows = conn.execute(
                select(s.review_heads.c.target_id, s.review_heads.c.seq).where(
                    s.review_heads.c.target_kind == kind,
                    s.review_heads.c.target_id.in_(wanted[i : i + 500]),
                )
            )
            out.update({r.target_id: int(r.seq) for r in rows})
    return out


def _head(conn: Connection, kind: str, target_id: str) -> int:
    value = conn.execute(
        select(s.review_heads.c.seq).where(
            s.review_heads.c.target_kind == kind, s.review_heads.c.target_id == target_id
        )
    ).scalar_one_or_none()
    return int(value) if value is not None else 0


def _stale(kind: str, target_id: str) -> ReviewError:
    return ReviewError(
        Code.STALE_REVIEW,
        f"{kind} {target_id} was reviewed by someone else since you loaded it; "
        "reload it, check the new values and review again (nothing was saved)",
    )


def _bump(
    conn: Connection, kind: str, target_id: str, review_id: str, expected: int | None
) -> None:
    """Advance a target's counter; with ``expected``, only from that value (else stale)."""
    key = (s.review_heads.c.target_kind == kind) & (s.review_heads.c.target_id == target_id)
    if expected is None or expected > 0:
        where = key if expected is None else key & (s.review_heads.c.seq == expected)
        done = conn.execute(
            update(s.review_heads)
            .where(where)
            .values(seq=s.review_heads.c.seq + 1, last_review=review_id)
        )
        if done.rowcount == 1:
            return
        if expected is not None:
            raise _stale(kind, target_id)
    try:
        with conn.begin_nested():
            conn.execute(
                insert(s.review_heads).values(
                    target_kind=kind, target_id=target_id, seq=1, last_review=review_id
                )
            )
    except IntegrityError:
        if expected is not None:
            raise _stale(kind, target_id) from None
        # Someone else created the row between our UPDATE and INSERT: count from theirs.
        conn.execute(
            update(s.review_heads)
            .where(key)
            .values(seq=s.review_heads.c.seq + 1, last_review=review_id)
        )


def write_review(
    store: Store,
    review: Review,
    *,
    expected: int | None = None,
    also: Sequence[tuple[str, str]] = (),
) -> None:
    """Store one review and advance its target's counter (``expected``: the counter the
    reviewer saw; ``also``: other targets it changes, such as the event merged in)."""
    review.check()
    bumps = sorted({(review.target_kind, review.target_id), *also})
    with store.engine.begin() as conn:
        # Counters first, in a fixed order: on SQLite the first write takes the write lock
        # before anything is read, and on PostgreSQL two merges cannot deadlock.
        for kind, target in bumps:
            own = (kind, target) == (review.target_kind, review.target_id)
            _bump(conn, kind, target, review.id, expected if own else None)
        conn.execute(insert(s.reviews).values(**_row(review)))


def import_reviews(store: Store, records: Iterable[tuple[int, str]]) -> tuple[int, int, list[str]]:
    """Add reviews exported from another store: (imported, already present, problems).

    Each line is validated alone; a bad line is reported with its number and the others go
    on.  A review already present (same id) is skipped, so importing twice changes nothing.
    """
    imported = present = 0
    problems: list[str] = []
    for number, line in records:
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: {Code.BAD_REVIEW.value} not JSON ({exc.msg})")
            continue
        try:
            review = Review.from_dict(data)
        except ReviewError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        except TypeError as exc:
            problems.append(f"line {number}: {Code.BAD_REVIEW.value} {exc}")
            continue
        with store.engine.connect() as conn:
            exists = conn.execute(
                select(s.reviews.c.seq).where(s.reviews.c.id == review.id)
            ).first()
        if exists is not None:
            present += 1
            continue
        try:
            write_review(store, review)
        except IntegrityError:  # imported concurrently by someone else
            present += 1
            continue
        imported += 1
    return imported, present, problems
