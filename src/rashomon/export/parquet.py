"""Parquet with explicit, stable schemas: claims, events and documents.

The schemas are declared here field by field (README, "Parquet"), so a reader's code does not
change when the JSON contract grows: nested fields stay structs and lists, a field the schema
does not name lands, as JSON text, in the top-level ``extra`` column (the JSONL export has
everything as it is).  Rows are converted and written a batch at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["CLAIMS_SCHEMA", "DOCUMENTS_SCHEMA", "EVENTS_SCHEMA", "SCHEMAS", "write_parquet"]

_str, _i64, _i32, _f64, _bool = pa.string(), pa.int64(), pa.int32(), pa.float64(), pa.bool_()


def _struct(**fields: pa.DataType) -> pa.StructType:
    return pa.struct([pa.field(name, kind) for name, kind in fields.items()])


_SPAN = {"start": _i32, "end": _i32}
_ROLE = _struct(text=_str, name=_str, id=_str, **_SPAN, basis=_str, type=_str)
_TEXT_SPAN = _struct(text=_str, **_SPAN)
_SCOPE = _struct(kind=_str, text=_str, **_SPAN)

# Who changed what (rashomon.review.view.mark): the review, its action, reviewer, time, why.
_MARK = dict(review=_str, action=_str, by=_str, at=_str, reason=_str)
_CLAIM_REVIEW = _struct(
    status=_str,
    decision=_struct(**_MARK),
    # One per corrected field, with the extractor's value as JSON text.
    fields=pa.list_(_struct(field=_str, **_MARK, machine=_str)),
    notes=pa.list_(_struct(**_MARK, note=_str)),
)
_EVENT_REVIEW = _struct(
    reviews=pa.list_(_struct(**_MARK, note=_str)),
    claims_reviewed=pa.list_(_str),
    machine_events=pa.list_(_str),
)

CLAIMS_SCHEMA = pa.schema(
    [
        pa.field("id", _str, nullable=False),
        pa.field("doc", _struct(id=_str, path=_str, lang=_str, date=_str)),
        pa.field("kind", _str),
        pa.field("event_type", _str),
        pa.field("measure", _str),
        pa.field("value", _struct(low=_i64, high=_i64, qualifier=_str, text=_str, **_SPAN)),
        pa.field("unit", _str),
        pa.field(
            "time",
            _struct(
                start=_str,
                end=_str,
                precision=_str,
                text=_str,
                start_char=_i32,
                end_char=_i32,
                source=_str,
            ),
        ),
        pa.field(
            "places",
            pa.list_(
                _struct(text=_str, name=_str, id=_str, kind=_str, lat=_f64, lon=_f64, **_SPAN)
            ),
        ),
        pa.field("perpetrators", pa.list_(_ROLE)),
        pa.field("victims", pa.list_(_ROLE)),
        pa.field("attribution", _struct(speaker=_str, text=_str, **_SPAN, kind=_str)),
        pa.field("stance", _struct(status=_str, by=_TEXT_SPAN)),
        pa.field("scope", _SCOPE),
        pa.field("evidence", _struct(quote=_str, **_SPAN)),
        pa.field("trigger", _TEXT_SPAN),
        pa.field("names", pa.list_(_struct(name=_str, **_SPAN))),
        pa.field("framing", pa.list_(_str)),
        pa.field("framing_own_voice", pa.list_(_str)),
        pa.field("notes", pa.list_(_str)),
        pa.field("confidence", _f64),
        pa.field("extractor", _str),
        pa.field("review", _CLAIM_REVIEW),
        pa.field("extra", _str),
    ],
    metadata={"rashomon": "claims, schema 2"},
)

_FIGURE = _struct(
    claim=_str,
    doc=_str,
    low=_i64,
    high=_i64,
    qualifier=_str,
    text=_str,
    speaker=_str,
    counted=_bool,
    # asserted figures have none; "rejected", "unconfirmed"... as the claim's stance says
    status=_str,
    # why a figure was not counted (a part, vague beside precise figures...)
    why=_str,
)
_GROUP = _struct(name=_str, id=_str, aliases=pa.list_(_str))

EVENTS_SCHEMA = pa.schema(
    [
        pa.field("id", _str, nullable=False),
        pa.field("label", _str),
        pa.field("event_type", _str),
        pa.field("time", _struct(start=_str, end=_str)),
        pa.field("places", pa.list_(_struct(name=_str, id=_str, lat=_f64, lon=_f64))),
        pa.field("claims", pa.list_(_str)),
        pa.field("docs", pa.list_(_str)),
        pa.field("names", pa.list_(_struct(name=_str, lang=_str, docs=pa.list_(_str)))),
        pa.field(
            "estimates",
            pa.list_(
                _struct(
                    measure=_str,
                    unit=_str,
                    victims=_GROUP,
                    scope=_SCOPE,
                    low=_i64,
                    best=_i64,
                    high=_i64,
                    n_sources=_i32,
                    figures=pa.list_(_FIGURE),
                )
            ),
        ),
        pa.field(
            "disputes",
            pa.list_(
                _struct(
                    kind=_str,
                    measure=_str,
                    unit=_str,
                    victims=_GROUP,
                    claims=pa.list_(_str),
                    ratio=_f64,
                    # figure disputes: every value of the quantity with its source
                    values=pa.list_(_struct(claim=_str, doc=_str, text=_str, speaker=_str)),
                    # rejections and revisions: the document, the figure and who did what
                    doc=_str,
                    text=_str,
                    claimant=_str,
                    speaker=_str,
                    by=_str,
                    **{"from": _str, "to": _str},
                    # perpetrator and date disputes: who says what, as JSON text
                    detail=_str,
                )
            ),
        ),
        pa.field(
            "consistency",
            pa.list_(_struct(kind=_str, doc=_str, claims=pa.list_(_str), detail=_str)),
        ),
        pa.field("dispute_ratio", _f64),
        pa.field("summary_version", _i32),
        pa.field("review", _EVENT_REVIEW),
        pa.field("extra", _str),
    ],
    metadata={"rashomon": "events, schema 2"},
)


def _texts(*names: str) -> list[pa.Field]:
    return [pa.field(name, _str) for name in names]


DOCUMENTS_SCHEMA = pa.schema(
    [
        pa.field("id", _str, nullable=False),
        *_texts("path", "media_type", "encoding", "title", "author", "publisher", "site", "url"),
        *_texts("date", "date_text", "lang"),
        pa.field("lang_confidence", _f64),
        pa.field("lang_spans", pa.list_(_struct(start=_i32, end=_i32, lang=_str, confidence=_f64))),
        pa.field(
            "repairs",
            pa.list_(_struct(kind=_str, original=_str, replacement=_str, offset=_i32, page=_i32)),
        ),
        pa.field("provenance", _str),
        pa.field("n_chars", _i64),
        *_texts("raw_sha256", "ingested_at", "extra"),
    ],
    metadata={"rashomon": "documents, schema 1"},
)

REVIEWS_SCHEMA = pa.schema(
    [
        pa.field("id", _str, nullable=False),
        *_texts("created_at", "author", "target_kind", "target_id", "action", "field"),
        # The corrected value and the claims a review holds on to, as JSON text.
        *_texts("value", "reason", "anchors", "extractor", "target_version", "status"),
    ],
    metadata={"rashomon": "reviews, schema 1"},
)

SCHEMAS = {
    "claims": CLAIMS_SCHEMA,
    "events": EVENTS_SCHEMA,
    "documents": DOCUMENTS_SCHEMA,
    "reviews": REVIEWS_SCHEMA,
}

# Fields kept as JSON text: a document's ``extra`` (manifest columns) and ``provenance``, a
# review's corrected ``value`` (a number, a list of names, a period...) and ``anchors``.
_JSON_TEXT = {"documents": {"extra", "provenance"}, "reviews": {"value", "anchors"}}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _fit(value: Any, kind: pa.DataType) -> Any:
    """A JSON value shaped to an Arrow type; what does not fit becomes null, never an
    error (a bad field in one claim must not stop a million-row export)."""
    if value is None:
        return None
    if pa.types.is_struct(kind):
        if isinstance(value, str) and "text" in [f.name for f in kind]:
            value = {"text": value}
        if not isinstance(value, Mapping):
            return None
        return {f.name: _fit(value.get(f.name), f.type) for f in kind}
    if pa.types.is_list(kind):
        if not isinstance(value, list | tuple):
            return None
        return [_fit(v, kind.value_type) for v in value]
    if pa.types.is_string(kind):
        return value if isinstance(value, str) else _json(value)
    if pa.types.is_boolean(kind):
        return value if isinstance(value, bool) else None
    if pa.types.is_integer(kind):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if pa.types.is_floating(kind):
        return (
            float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
        )
    return None


def to_row(record: Mapping[str, Any], schema: pa.Schema, what: str) -> dict[str, Any]:
    """One record as a row of ``schema``: known fields fitted, the rest in ``extra``."""
    names = set(schema.names)
    as_json = _JSON_TEXT.get(what, set())
    row: dict[str, Any] = {}
    for field in schema:
        if field.name == "extra" and "extra" not in as_json:
            continue
        value = record.get(field.name)
        row[field.name] = (
            _json(value) if field.name in as_json and value is not None else _fit(value, field.type)
        )
    if "extra" not in as_json:
        rest = {k: v for k, v in record.items() if k not in names}
        row["extra"] = _json(rest) if rest else None
    return row


def _review_rows(record: Mapping[str, Any]) -> dict[str, Any]:
    """A claim's review block with its corrected fields as a list (the block keys them by
    field name) and each machine value as JSON text."""
    block = record.get("review")
    if not isinstance(block, Mapping) or not isinstance(block.get("fields"), Mapping):
        return dict(record)
    fields = [
        {**mark, "field": name, "machine": _json(mark.get("machine"))}
        for name, mark in block["fields"].items()
        if isinstance(mark, Mapping)
    ]
    return {**record, "review": {**block, "fields": fields}}


def _record_batch(batch: list[Mapping[str, Any]], schema: pa.Schema, what: str) -> pa.RecordBatch:
    """A batch as Arrow.  pyarrow converts well-formed rows itself (fields the schema does not
    name are ignored, ``extra`` is added); a batch it refuses (a string where a number
    belongs...) is converted row by row through :func:`to_row`, which nulls what does not fit."""
    if what not in _JSON_TEXT:
        names = set(schema.names)
        rows = []
        for record in batch:
            rest = {k: v for k, v in record.items() if k not in names}
            rows.append({**record, "extra": _json(rest) if rest else None})
        try:
            return pa.RecordBatch.from_pylist(rows, schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
            pass
    return pa.RecordBatch.from_pylist([to_row(r, schema, what) for r in batch], schema=schema)


def write_parquet(
    records: Iterable[Mapping[str, Any]],
    handle: IO[bytes],
    what: str,
    batch_size: int = 2_000,
    row_group_rows: int = 50_000,
    row_group_bytes: int = 48 << 20,
) -> int:
    """Write records (claims, events or documents) as Parquet; returns the number of rows.

    Records are converted ``batch_size`` at a time (Python dicts cost far more memory than
    their Arrow form) and written in row groups of about ``row_group_rows``, fewer when they
    reach ``row_group_bytes`` in Arrow form (an event with its estimates and figures is
    tens of times a claim's size: 50,000 of them held at once cost hundreds of MB)."""
    schema = SCHEMAS[what]
    found = iter(records) if what != "claims" else map(_review_rows, records)
    n = 0
    pending: list[pa.RecordBatch] = []
    sink = pa.PythonFile(handle, mode="w")
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        while batch := list(islice(found, batch_size)):
            pending.append(_record_batch(batch, schema, what))
            n += len(batch)
            rows = sum(b.num_rows for b in pending)
            if rows >= row_group_rows or sum(b.nbytes for b in pending) >= row_group_bytes:
                writer.write_table(pa.Table.from_batches(pending, schema=schema))
                pending.clear()
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema))
    return n
