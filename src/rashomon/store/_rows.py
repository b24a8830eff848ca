"""Conversions between what the store's tables hold and what the rest of rashomon uses: a
:class:`Document` and its row, a claim (contract dict) and its row."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy.engine import Row

from rashomon.document import Document, LangSpan, Repair

__all__ = [
    "BEYOND_RANGE_NOTE",
    "INT64_MAX",
    "INT64_MIN",
    "claim_row",
    "document_from_row",
    "document_row",
]

#: The store's integer columns are 64-bit (SQLite INTEGER, PostgreSQL BIGINT).
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
BEYOND_RANGE_NOTE = "value: beyond the store's 64-bit integer range; kept in the claim only"


def _indexable(value: Any) -> int | None:
    """An integer for a low/high column, or None for one no 64-bit column can hold."""
    if isinstance(value, int) and INT64_MIN <= value <= INT64_MAX:
        return value
    return None


def document_row(doc: Document, doc_id: str, now: str) -> dict[str, Any]:
    return {
        "id": doc_id,
        "path": doc.path,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "title": doc.title,
        "author": doc.author,
        "publisher": doc.publisher,
        "site": doc.site,
        "url": doc.url,
        "date": doc.date,
        "date_text": doc.date_text,
        "lang": doc.lang,
        "lang_confidence": doc.lang_confidence,
        "lang_spans": [[sp.start, sp.end, sp.lang, sp.confidence] for sp in doc.lang_spans],
        "repairs": [
            {
                "kind": r.kind,
                "original": r.original,
                "replacement": r.replacement,
                "offset": r.offset,
                "page": r.page,
            }
            for r in doc.repairs
        ],
        "provenance": doc.provenance,
        "extra": doc.extra,
        "n_chars": len(doc.text),
        "raw_sha256": hashlib.sha256(doc.raw).hexdigest() if doc.raw is not None else None,
        "ingested_at": now,
        "text": doc.text,
    }


def claim_row(doc_id: str, c: dict[str, Any], extractor: str, now: str) -> dict[str, Any]:
    value = c.get("value") or {}
    time = c.get("time") or {}
    low, high = value.get("low"), value.get("high")
    if (low is not None and _indexable(low) is None) or (
        high is not None and _indexable(high) is None
    ):
        # "10000000000000000000 people": the figure stays in the claim as the source wrote it
        # (JSON has no integer limit), flagged; only the sortable columns stay empty.
        c = {**c, "notes": [*c.get("notes", []), BEYOND_RANGE_NOTE]}
    return {
        "id": c["id"],
        "doc_id": doc_id,
        "kind": c["kind"],
        "event_type": c.get("event_type"),
        "measure": c.get("measure"),
        "low": _indexable(low),
        "high": _indexable(high),
        "qualifier": value.get("qualifier"),
        "start_char": value.get(
            "start", (c.get("trigger") or c.get("evidence") or {}).get("start", 0)
        ),
        "end_char": value.get("end", (c.get("trigger") or c.get("evidence") or {}).get("end", 0)),
        "time_start": time.get("start"),
        "time_end": time.get("end"),
        "data": c,
        "extractor": extractor,
        "extracted_at": now,
    }


def document_from_row(row: Row[Any]) -> Document:
    m = row._mapping
    return Document(
        text=m.get("text", ""),
        path=m["path"],
        media_type=m["media_type"],
        encoding=m["encoding"],
        title=m["title"],
        author=m["author"],
        publisher=m["publisher"],
        site=m["site"],
        url=m["url"],
        date=m["date"],
        date_text=m["date_text"],
        lang=m["lang"],
        lang_confidence=m["lang_confidence"],
        lang_spans=[LangSpan(*span) for span in m["lang_spans"]],
        repairs=[Repair(**r) for r in m["repairs"]],
        provenance=dict(m["provenance"]),
        extra=dict(m["extra"]),
        stored_id=m["id"],
    )
