"""Commands that move data out of and into the store: export, import."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rashomon._words import plural
from rashomon.cli._common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, DbOption, _store, app
from rashomon.cli._output import err_console
from rashomon.errors import RashomonError


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    ged_csv = "ged-csv"
    parquet = "parquet"
    jsonld = "jsonld"
    turtle = "turtle"


class ExportWhat(StrEnum):
    claims = "claims"
    events = "events"
    documents = "documents"
    reviews = "reviews"


class ImportFormat(StrEnum):
    jsonl = "jsonl"


@app.command()
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (the claim/event contracts), ged-csv (UCDP GED-style event rows), "
            "parquet, jsonld or turtle (W3C Web Annotation + PROV-O).",
        ),
    ],
    what: Annotated[
        ExportWhat | None,
        typer.Option("--what", help="What to export [default: events for ged-csv, else claims]."),
    ] = None,
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write (replaced only when the export is complete); - or none: "
            "standard output.",
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            "--base",
            help="IRI base of the RDF exports [default: urn:rashomon:], e.g. "
            "https://data.example.org/rashomon/",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the reviewed claims, events, documents or reviews for other tools.

    Streams the store (constant memory on large stores); a file given with --out is written
    beside and renamed at the end, so an interrupted export never destroys a previous file.

    \b
    Examples:
      rashomon export --format ged-csv --db study.db --out events.csv
      rashomon export --format parquet --what claims --db study.db --out claims.parquet
      rashomon export --format jsonld --db study.db --out claims.jsonld
      rashomon export --format turtle --what events --db study.db > events.ttl
      rashomon export --format jsonl --db study.db | gzip > claims.jsonl.gz
    """
    from rashomon.export import export as run_export

    with _store(db, create=False) as store:
        try:
            result = run_export(store, fmt.value, what.value if what else None, out, base=base)
        except RashomonError as exc:
            err_console().print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
    if result.out != "-":
        # RDF exports count nodes: the claims' annotations plus their documents and activities.
        unit = "nodes" if result.format in ("jsonld", "turtle") else "records"
        err_console().print(
            f"export: {result.what}, {result.records} {unit} as {result.format} to {result.out}",
            markup=False,
        )


@app.command(name="import")
def import_cmd(
    file: Annotated[
        Path,
        typer.Argument(help="JSONL file of claims (- reads standard input).", show_default=False),
    ],
    fmt: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="Only jsonl (the claim contract).")
    ] = ImportFormat.jsonl,
    db: DbOption = None,
) -> None:
    """Import claims exported by another store (rashomon export --format jsonl).

    Each record's spans must cut exactly its words out of the stored text of its document
    (ingest the documents first), and its id must be the one its document, kind and span
    give; a record that fails is refused with a coded error, the others are imported and
    replace their document's earlier claims.

    \b
    Examples:
      rashomon import claims.jsonl --db study.db
      rashomon export --format jsonl --db a.db | rashomon import - --db b.db
    """
    from rashomon.export import import_jsonl

    err = err_console()
    with _store(db, create=False) as store:
        try:
            report = import_jsonl(
                store, str(file), on_error=lambda e: err.print(f"error: {e}", markup=False)
            )
        except RashomonError as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
    err.print(
        f"import: {plural(report.imported, 'claim')} of "
        f"{plural(report.documents, 'document')} imported, "
        f"{plural(len(report.errors), 'record')} refused",
        markup=False,
    )
    raise typer.Exit(EXIT_FAILED if report.errors else EXIT_OK)
