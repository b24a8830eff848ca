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
    UniqueConstraint,
)

SCHEMA_VERSION = 5

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
    # The coded one-line error when extraction failed (over its budget): not retried unless
    # asked, so one hostile document does not cost its time budget on every run.
    Column("error", Text),
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

# Human reviews (DESIGN.md §6), never edits of machine output: applied on top of the claims and
# events when they are read, so re-extraction cannot overwrite them.  A review names its target
# (claim, event or document) and, for events, the claims it was made on (``anchors``), since
# event ids follow alignment but claim ids are stable.  ``seq`` orders rows as stored here; the
# order of application is ``created_at`` (imported reviews keep theirs).
reviews = Table(
    "reviews",
    metadata,
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

# One row per reviewed target: how many reviews it has had.  A review made against version n
# updates the row only ``WHERE seq = n``, so of two reviewers who saw the same version one
# wins and the other is refused (on SQLite and PostgreSQL alike), instead of one being lost.
review_heads = Table(
    "review_heads",
    metadata,
    Column("target_kind", String(16), primary_key=True),
    Column("target_id", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("last_review", String(32), nullable=False),
)

# Accounts for the web app beyond localhost: argon2 password hashes, one role each.
users = Table(
    "users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)
