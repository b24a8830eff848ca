"""Explicit, versioned schema migrations.

Each step takes a connection inside the caller's transaction and moves the schema up by one
version, so an interrupted upgrade leaves the previous version intact.  Steps spell out their
DDL instead of calling ``metadata.create_all``: a later change to ``schema.py`` must not
silently change what an old step does.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Connection


def _v1(conn: Connection) -> None:
    md = MetaData()
    Table(
        "documents",
        md,
        Column("id", String(64), primary_key=True),
        Column("path", Text, nullable=False),
        Column("media_type", String(64), nullable=False),
        Column("encoding", String(32)),
        Column("title", Text),
        Column("author", Text),
        Column("publisher", Text),
        Column("site", Text),
        Column("url", Text),
        Column("date", String(10)),
        Column("date_text", Text),
        Column("lang", String(16)),
        Column("lang_confidence", JSON),
        Column("lang_spans", JSON, nullable=False),
        Column("repairs", JSON, nullable=False),
        Column("provenance", JSON, nullable=False),
        Column("extra", JSON, nullable=False),
        Column("n_chars", Integer, nullable=False),
        Column("raw_sha256", String(64)),
        Column("ingested_at", String(32), nullable=False),
        Column("text", Text, nullable=False),
    )
    Table(
        "raw_content",
        md,
        Column(
            "doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        Column("data", LargeBinary, nullable=False),
    )
    Table(
        "doc_paths",
        md,
        Column("path", Text, primary_key=True),
        Column("version", Integer, primary_key=True),
        Column(
            "doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        Column("ingested_at", String(32), nullable=False),
        Index("ix_doc_paths_doc_id", "doc_id"),
    )
    md.create_all(conn)


def _v2(conn: Connection) -> None:
    """Claims extracted from documents, and which extractor processed each document."""
    md = MetaData()
    Table("documents", md, Column("id", String(64), primary_key=True))
    claims = Table(
        "claims",
        md,
        Column("id", String(32), primary_key=True),
        Column(
            "doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False
        ),
        Column("kind", String(16), nullable=False),
        Column("event_type", String(32)),
        Column("measure", String(32)),
        Column("low", BigInteger),
        Column("high", BigInteger),
        Column("qualifier", String(16)),
        Column("start_char", Integer, nullable=False),
        Column("end_char", Integer, nullable=False),
        Column("time_start", String(10)),
        Column("time_end", String(10)),
        Column("data", JSON, nullable=False),
        Column("extractor", String(64), nullable=False),
        Column("extracted_at", String(32), nullable=False),
        Index("ix_claims_doc_id", "doc_id"),
        Index("ix_claims_measure", "measure"),
    )
    claims.create(conn)
    extractions = Table(
        "extractions",
        md,
        Column(
            "doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        ),
        Column("extractor", String(64), nullable=False),
        Column("n_claims", Integer, nullable=False),
        Column("extracted_at", String(32), nullable=False),
    )
    extractions.create(conn)


def _v3(conn: Connection) -> None:
    """Events and the event each claim belongs to."""
    md = MetaData()
    Table(
        "events",
        md,
        Column("id", String(32), primary_key=True),
        Column("data", JSON, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    Table(
        "event_claims",
        md,
        Column("claim_id", String(32), primary_key=True),
        Column("event_id", String(32), nullable=False),
        Index("ix_event_claims_event_id", "event_id"),
    )
    md.create_all(conn)


def _v4(conn: Connection) -> None:
    """Human reviews, the per-target review counter that refuses stale reviews, accounts."""
    md = MetaData()
    Table(
        "reviews",
        md,
        Column("seq", Integer, primary_key=True, autoincrement=True),
        Column("id", String(32), nullable=False),
        Column("created_at", String(32), nullable=False),
        Column("author", String(128), nullable=False),
        Column("reason", Text),
        Column("target_kind", String(16), nullable=False),
        Column("target_id", String(64), nullable=False),
        Column("action", String(16), nullable=False),
        Column("field", String(32)),
        Column("value", JSON),
        Column("anchors", JSON, nullable=False),
        Column("extractor", String(64)),
        Column("target_version", String(64)),
        UniqueConstraint("id", name="uq_reviews_id"),
        Index("ix_reviews_target", "target_kind", "target_id"),
    )
    Table(
        "review_heads",
        md,
        Column("target_kind", String(16), primary_key=True),
        Column("target_id", String(64), primary_key=True),
        Column("seq", Integer, nullable=False),
        Column("last_review", String(32), nullable=False),
    )
    Table(
        "users",
        md,
        Column("name", String(64), primary_key=True),
        Column("role", String(16), nullable=False),
        Column("password_hash", Text, nullable=False),
        Column("created_at", String(32), nullable=False),
    )
    md.create_all(conn)


def _v5(conn: Connection) -> None:
    """Extraction failures (budget exceeded) are recorded with their error."""
    conn.execute(text("ALTER TABLE extractions ADD COLUMN error TEXT"))


#: version reached -> the step that reaches it from the version before.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5}
