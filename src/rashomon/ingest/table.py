"""Documents from a Parquet table: one row per document, for corpora kept as tables.

Columns: ``id`` and ``text`` (required), ``lang``, ``date``, ``url``, ``publisher``
(optional; other columns are ignored).  A row becomes the Document a text file with a
manifest row would: the same newline normalisation, language detection per passage and
dateline rule, with the row's values winning (recorded as ``provenance: table``).  The row id
is the document's path, so ``rashomon show ID`` finds it and claims name it.

The same function builds the documents that ``rashomon ingest --format parquet`` stores and
that a Ray run reads straight from Parquet, so both give the same claims.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rashomon.document import Document
from rashomon.errors import Code, IngestError
from rashomon.ingest.metadata import ManifestRow, describe_value, is_language_code, is_unknown
from rashomon.ingest.readers import normalise_newlines
from rashomon.ingest.runner import (
    IngestOptions,
    IngestReport,
    Outcome,
    OutcomeCallback,
    describe,
    store_document,
)
from rashomon.store import Store

__all__ = [
    "COLUMNS",
    "count_rows",
    "document_from_row",
    "ingest_tables",
    "read_table",
    "table_columns",
]

COLUMNS = ("id", "text", "lang", "date", "url", "publisher")
REQUIRED = ("id", "text")
_BATCH_ROWS = 512


def table_columns(path: str | Path) -> list[str]:
    """The document columns a Parquet file has; raises IngestError when it is unreadable or
    lacks ``id`` or ``text``."""
    import pyarrow.parquet as pq

    shown = str(path)
    if not Path(path).exists():
        raise IngestError(Code.NOT_FOUND, "no such file", shown)
    try:
        names = pq.read_schema(path).names
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise IngestError(Code.READ_FAILED, f"not a readable Parquet file: {exc}", shown) from None
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise IngestError(
            Code.TABLE,
            f"no {' or '.join(missing)} column (a documents table has {', '.join(COLUMNS)})",
            shown,
        )
    return [c for c in COLUMNS if c in names]


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def document_from_row(
    row: Mapping[str, Any], where: str, options: IngestOptions | None = None
) -> Document:
    """The Document of one table row; ``where`` ("table.parquet row 17") names it in errors;
    ``options`` gives the size limit and metadata flags that win over the row."""
    options = options or IngestOptions()
    max_bytes = options.max_bytes
    doc_id = _cell(row.get("id"))
    if doc_id is None or not doc_id.strip():
        raise IngestError(Code.TABLE, "row without an id", where)
    doc_id = doc_id.strip()
    shown = f"{where} (id {doc_id})"
    text = row.get("text")
    if not isinstance(text, str):
        raise IngestError(Code.TABLE, "text is not a string", shown)
    if len(text) > max_bytes // 4 and len(text.encode("utf-8")) > max_bytes:
        raise IngestError(Code.TOO_LARGE, f"text larger than {max_bytes} bytes", shown)
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(Code.EMPTY, "empty text", shown)
    meta = ManifestRow(manifest=where.split(" row ")[0], line=0, file=doc_id)
    for name in COLUMNS[2:]:
        value = _cell(row.get(name))
        if value is None or not value.strip():
            continue
        value = value.strip()
        if is_unknown(value):
            meta.fields[name], meta.notes[name] = None, value
        elif name == "lang" and not is_language_code(value):
            raise IngestError(
                Code.TABLE, f"language {describe_value(value).removesuffix(', ignored')}", shown
            )
        else:
            meta.fields[name] = value
    doc = Document(text=text, path=doc_id, media_type="text/plain", encoding="utf-8")
    return describe(doc, options, meta, source="table")


def read_table(
    path: str | Path, options: IngestOptions | None = None
) -> Iterator[Document | IngestError]:
    """Documents of a Parquet table, streamed in row batches; a bad row comes back as its
    error (a repeated id too: it would silently replace the first row's document)."""
    import pyarrow.parquet as pq

    try:
        columns = table_columns(path)
    except IngestError as exc:
        yield exc
        return
    seen: dict[str, int] = {}
    number = 0
    try:
        with pq.ParquetFile(path) as table:
            for batch in table.iter_batches(batch_size=_BATCH_ROWS, columns=columns):
                for row in batch.to_pylist():
                    number += 1
                    where = f"{path} row {number}"
                    try:
                        doc = document_from_row(row, where, options)
                    except IngestError as exc:
                        yield exc
                        continue
                    first = seen.setdefault(doc.path, number)
                    if first != number:
                        yield IngestError(Code.TABLE, f"id {doc.path!r} repeats row {first}", where)
                        continue
                    yield doc
    except (OSError, ValueError) as exc:  # a damaged file: the rows read so far stay
        yield IngestError(Code.READ_FAILED, f"after row {number}: {exc}", str(path))


def count_rows(paths: Iterable[str | Path]) -> int:
    """Rows in the readable tables among ``paths`` (from their metadata; for progress)."""
    import pyarrow.parquet as pq

    total = 0
    for path in paths:
        try:
            total += pq.ParquetFile(path).metadata.num_rows
        except (OSError, ValueError):
            continue
    return total


def ingest_tables(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> IngestReport:
    """Store every row of Parquet documents tables, one document per transaction; bad rows
    and unreadable tables are reported and skipped, never fatal."""
    options = options or IngestOptions()
    report = IngestReport()

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    for path in paths:
        for item in read_table(path, options):
            if isinstance(item, IngestError):
                record(Outcome(item.path or str(path), "failed", error=item))
            else:
                record(store_document(store, item))
    return report
