"""Ingest: files and folders (text, HTML, PDF) into stored documents with metadata."""

from rashomon.ingest.runner import (
    IngestOptions,
    IngestReport,
    Outcome,
    ingest_paths,
    iter_sources,
    load_document,
    read_documents,
)

__all__ = [
    "IngestOptions",
    "IngestReport",
    "Outcome",
    "ingest_paths",
    "iter_sources",
    "load_document",
    "read_documents",
]
