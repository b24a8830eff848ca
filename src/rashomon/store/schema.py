"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one schema.

The declared tables are the *current* schema; ``migrations.py`` holds the explicit steps that
produce it from any earlier version, and a test checks the two agree.
"""

from __future__ import annotations

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
)

SCHEMA_VERSION = 3

metadata = MetaData()

meta = Table(
    "rashomon_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    # sha256 of the stored text: identical content is stored once, whatever its path.
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

# Raw bytes (HTML pages, PDFs) live apart so listing documents never reads them.
raw_content = Table(
    "raw_content",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# Every path a document was ingested from, with its version: the same path with changed
# content gets version n+1 and the older text stays in ``documents``.
doc_paths = Table(
    "doc_paths",
    metadata,
    Column("path", Text, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_doc_paths_doc_id", "doc_id"),
)

# One row per extracted claim; ``data`` is the full claim contract (DESIGN.md section 3), the
# other columns are what queries filter and sort on.  Re-extraction replaces a document's
# claims in one transaction; human reviews (a later table) refer to claim ids and survive it.
claims = Table(
    "claims",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
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

# Which extractor version last processed each document (also when it found no claims), so
# `analyze` re-extracts only new documents and those an older extractor saw.
extractions = Table(
    "extractions",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("extractor", String(64), nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("extracted_at", String(32), nullable=False),
)

# Events (DESIGN.md section 5 contract in ``data``) and which event each claim belongs to.  The
# assignment is what makes alignment incremental: new claims are compared with existing events;
# claims already assigned are not compared again.
events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", String(32), nullable=False),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("claim_id", String(32), primary_key=True),
    Column("event_id", String(32), nullable=False),
    Index("ix_event_claims_event_id", "event_id"),
)
