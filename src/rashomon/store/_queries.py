"""SQL and batching that the store's parts share."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.engine import Connection

from rashomon.store import schema as s

__all__ = [
    "BEFORE_ADD",
    "LATEST_FOR_PATH",
    "batched",
    "chunks",
    "current_doc_ids",
    "latest_doc_for_path",
]

# What ingest runs for every document, built once (see store/_statements.py).
LATEST_FOR_PATH = (
    select(s.doc_paths.c.doc_id, s.doc_paths.c.version)
    .where(s.doc_paths.c.path == bindparam("path"))
    .order_by(s.doc_paths.c.version.desc())
    .limit(1)
)
# One round trip: where this text is already stored, and the latest version at this path.
BEFORE_ADD = select(
    select(s.documents.c.path)
    .where(s.documents.c.id == bindparam("doc_id"))
    .scalar_subquery()
    .label("existing_path"),
    LATEST_FOR_PATH.with_only_columns(s.doc_paths.c.doc_id).scalar_subquery().label("latest"),
    LATEST_FOR_PATH.with_only_columns(s.doc_paths.c.version).scalar_subquery().label("version"),
)


def current_doc_ids() -> Any:
    """A subquery of the ids of current documents: the latest version of some path."""
    latest = (
        select(s.doc_paths.c.path, func.max(s.doc_paths.c.version).label("version"))
        .group_by(s.doc_paths.c.path)
        .subquery()
    )
    return select(s.doc_paths.c.doc_id).join(
        latest,
        and_(s.doc_paths.c.path == latest.c.path, s.doc_paths.c.version == latest.c.version),
    )


def latest_doc_for_path(conn: Connection, path: str) -> str | None:
    row = conn.execute(LATEST_FOR_PATH, {"path": path}).first()
    return str(row.doc_id) if row is not None else None


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size``, read as they come."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
