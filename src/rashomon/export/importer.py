"""``rashomon import --format jsonl``: claims exported by another store, checked against the
stored text before anything is written.

A claim is only as good as its spans: every ``{text|quote, start, end}`` (and the time's
``start_char``/``end_char``) must cut exactly its words out of the stored text of its
document, and the claim's id must be the one its document, kind and span give
(``rashomon.extract.claims.claim_id``), so reviews keep finding it.  A record that fails is
refused with a coded one-line error; the others are imported.  The claims of one document
replace that document's earlier extraction in one transaction (as a re-extraction would),
and its extractor version is recorded, so ``analyze`` does not extract it again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from sqlalchemy.exc import DBAPIError

from rashomon._words import plural
from rashomon.errors import Code, RashomonError
from rashomon.export._view import claim_anchor, machine_claim
from rashomon.extract.claims import claim_id
from rashomon.store import Store

__all__ = ["ImportReport", "check_claim", "import_claims", "import_jsonl"]


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    documents: int = 0
    errors: list[RashomonError] = field(default_factory=list)


def _spans(value: Any, where: str = "") -> Iterator[tuple[str, str, Any, Any]]:
    """Every (field, words, start, end) in a claim, wherever it sits."""
    if isinstance(value, Mapping):
        words = value.get("text", value.get("quote"))
        if isinstance(words, str):
            # A time's start/end are its dates; its words are at start_char/end_char.
            if "start_char" in value or "end_char" in value:
                yield where, words, value.get("start_char"), value.get("end_char")
            elif "start" in value or "end" in value:
                yield where or "claim", words, value.get("start"), value.get("end")
        for key, inner in value.items():
            if isinstance(inner, Mapping | list):
                yield from _spans(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _spans(inner, f"{where}[{i}]")


def check_claim(claim: Mapping[str, Any], text: str) -> str | None:
    """Why this claim does not fit the stored text, or None when every span does."""
    for where, words, start, end in _spans(claim):
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            return f"{where}: span [{start}, {end}) is not inside the text ({len(text)} characters)"
        if text[start:end] != words:
            found = text[start:end]
            return f"{where}: the stored text at [{start}, {end}) is {found!r}, not {words!r}"
    anchor = claim_anchor(claim)
    if anchor is None:
        return "no span to anchor the claim (value, trigger or evidence)"
    expected = claim_id(str(claim["doc"]["id"]), str(claim["kind"]), *anchor)
    if claim["id"] != expected:
        return f"id {claim['id']!r} is not the id of this document, kind and span ({expected})"
    return None


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Columns the store indexes, with their widths (PostgreSQL enforces them).
_WORDS = {"kind": 16, "event_type": 32, "measure": 32}


def _parse(line: str | bytes) -> dict[str, Any]:
    """A claim record, or ValueError saying what is wrong with its shape."""
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("not UTF-8") from None
    try:
        record = json.loads(line)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    # An export of the reviewed view: store the machine claim; reviews travel on their own.
    record = machine_claim(record)
    if not isinstance(record.get("id"), str) or not record["id"]:
        raise ValueError("no 'id'")
    doc = record.get("doc")
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
        raise ValueError("no document id ('doc.id')")
    for key, width in _WORDS.items():
        value = record.get(key)
        if not (value is None or (isinstance(value, str) and 0 < len(value) <= width)):
            raise ValueError(f"{key!r} is not a word of at most {width} characters")
    if record.get("kind") is None:
        raise ValueError("no 'kind'")
    for key in ("value", "time", "evidence", "trigger", "attribution", "stance", "scope"):
        if record.get(key) is not None and not isinstance(record[key], dict):
            raise ValueError(f"{key!r} is not an object")
    value = record.get("value") or {}
    for key in ("low", "high"):
        bound = value.get(key)
        if bound is not None and (not isinstance(bound, int) or isinstance(bound, bool)):
            raise ValueError(f"value.{key} is not a whole number")
    qualifier = value.get("qualifier")
    if qualifier is not None and not (isinstance(qualifier, str) and len(qualifier) <= 16):
        raise ValueError("value.qualifier is not a word of at most 16 characters")
    time = record.get("time") or {}
    for key in ("start", "end"):
        if time.get(key) is not None and not (
            isinstance(time[key], str) and _DATE.match(time[key])
        ):
            raise ValueError(f"time.{key} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return record


def import_claims(
    store: Store,
    lines: Iterable[str | bytes],
    source: str = "-",
    on_error: Callable[[RashomonError], None] | None = None,
) -> ImportReport:
    """Import JSONL claim records (one per line), a document's run of records at a time."""
    report = ImportReport()
    done: set[str] = set()
    group: list[dict[str, Any]] = []
    group_ids: set[str] = set()
    group_doc: str | None = None
    text: str | None = None
    group_line = 0

    def fail(code: Code, lineno: int, message: str) -> None:
        error = RashomonError(code, message, f"{source}:{lineno}")
        report.errors.append(error)
        if on_error is not None:
            on_error(error)

    def flush() -> None:
        if group_doc is None or not group:
            return
        claims = list(group)
        if group_doc in done:
            # The document's records were split in the file: keep the earlier run too.
            ids = {c["id"] for c in claims}
            claims = [c for c in store.claims(group_doc) if c["id"] not in ids] + claims
        extractors = {str(c.get("extractor") or "") for c in claims}
        extractor = extractors.pop() if len(extractors) == 1 else "import"
        try:
            store.replace_claims(group_doc, claims, extractor or "import")
        except DBAPIError as exc:
            fail(
                Code.STORE,
                group_line,
                f"{plural(len(group), 'claim')} of document {group_doc[:12]} not stored: "
                f"{exc.orig}",
            )
        else:
            report.imported += len(group)
            report.documents += group_doc not in done
            done.add(group_doc)
        group.clear()
        group_ids.clear()

    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = _parse(line)
        except ValueError as exc:
            fail(Code.BAD_RECORD, lineno, f"not a claim record: {exc}")
            continue
        doc_id = record["doc"]["id"]
        if doc_id != group_doc:
            flush()
            group_doc, group_line = doc_id, lineno
            found = store.documents_by_id([doc_id], with_text=True).get(doc_id)
            text = str(found["text"]) if found else None
        if text is None:
            fail(
                Code.UNKNOWN_DOC,
                lineno,
                f"document {doc_id[:12]} is not in this store (ingest it first)",
            )
            continue
        problem = check_claim(record, text)
        if problem is not None:
            fail(Code.SPAN_MISMATCH, lineno, f"claim {record['id']}: {problem}")
            continue
        if record["id"] in group_ids:
            fail(Code.BAD_RECORD, lineno, f"claim {record['id']} appears twice")
            continue
        group.append(record)
        group_ids.add(record["id"])
    flush()
    return report


def import_jsonl(
    store: Store, path: str | Path, on_error: Callable[[RashomonError], None] | None = None
) -> ImportReport:
    """Import a JSONL file of claims (``-`` reads standard input)."""
    import sys

    if str(path) == "-":
        return import_claims(store, sys.stdin.buffer, "-", on_error)
    file = Path(path)
    try:
        handle: IO[bytes] = file.open("rb")
    except FileNotFoundError:
        raise RashomonError(Code.NOT_FOUND, "no such file", str(path)) from None
    except OSError as exc:
        raise RashomonError(Code.READ_FAILED, f"cannot read: {exc.strerror}", str(path)) from None
    with handle:
        return import_claims(store, handle, str(path), on_error)
