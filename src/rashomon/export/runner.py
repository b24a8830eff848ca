"""``export(store, format, what, out)``: the one entry point the CLI and scripts call."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rashomon.errors import Code, UsageError
from rashomon.export import _view
from rashomon.export._atomic import open_output
from rashomon.store import Store

__all__ = ["DEFAULT_WHAT", "FORMATS", "SUPPORTED", "WHATS", "ExportResult", "export"]

FORMATS = ("jsonl", "ged-csv", "parquet", "jsonld", "turtle")
WHATS = ("claims", "events", "documents", "reviews")
#: What each format can hold.  GED rows are event estimates by definition.
SUPPORTED = {
    "jsonl": WHATS,
    "ged-csv": ("events",),
    "parquet": WHATS,
    "jsonld": WHATS,
    "turtle": WHATS,
}
DEFAULT_WHAT = {"ged-csv": "events"}


@dataclass(frozen=True, slots=True)
class ExportResult:
    format: str
    what: str
    records: int
    out: str


def _records(view: _view.View, what: str) -> Iterator[dict[str, Any]]:
    return {
        "claims": view.claims,
        "events": view.events,
        "documents": view.documents,
        "reviews": view.reviews,
    }[what]()


def _jsonl(records: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    n = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _writer(view: _view.View, fmt: str, what: str, base: str | None) -> Callable[[IO[Any]], int]:
    """The function that writes this export to an open file.  Everything that can refuse
    (the format, the base IRI, reviews the store cannot give) refuses here, before the
    output is opened, so a refused export never touches an existing file."""
    if fmt == "jsonl":
        records = _records(view, what)
        return lambda handle: _jsonl(records, handle)
    if fmt == "parquet":
        from rashomon.export.parquet import write_parquet

        records = _records(view, what)
        return lambda handle: write_parquet(records, handle, what)
    if fmt == "ged-csv":
        from rashomon.export.ged import ged_rows, write_ged_csv

        return lambda handle: write_ged_csv(ged_rows(view), handle)
    from rashomon.export import rdf
    from rashomon.export._ld import JsonLdWriter, TurtleWriter, write_all

    iris = rdf.Iris(base or rdf.DEFAULT_BASE)
    nodes = {
        "claims": rdf.claim_nodes,
        "events": rdf.event_nodes,
        "documents": rdf.document_nodes,
        "reviews": rdf.review_nodes,
    }[what]
    writer = JsonLdWriter if fmt == "jsonld" else TurtleWriter
    return lambda handle: write_all(nodes(view, iris), writer(handle))


def export(
    store: Store,
    fmt: str,
    what: str | None = None,
    out: str | Path | None = None,
    *,
    base: str | None = None,
) -> ExportResult:
    """Write the store's ``what`` (claims, events, documents, reviews; by default events for
    ``ged-csv`` and claims otherwise) in ``fmt`` to ``out`` (a file, replaced atomically, or
    standard output for ``None``/``-``).  ``base`` is the IRI base of RDF exports."""
    if fmt not in FORMATS:
        raise UsageError(Code.BAD_ARGUMENT, f"unknown export format {fmt!r}: {', '.join(FORMATS)}")
    what = what or DEFAULT_WHAT.get(fmt, "claims")
    if what not in SUPPORTED[fmt]:
        raise UsageError(
            Code.BAD_ARGUMENT,
            f"{fmt} holds {' or '.join(SUPPORTED[fmt])}, not {what}",
        )
    write = _writer(_view.View(store), fmt, what, base)
    with open_output(out, binary=fmt == "parquet") as handle:
        n = write(handle)
    return ExportResult(fmt, what, n, "-" if out is None else str(out))
