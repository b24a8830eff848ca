"""Commands over documents: ingest, analyze, report, docs, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rashomon.cli._common import (
    _DEFAULT_MAX,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    DbOption,
    EncodingOpt,
    ExcludeOpt,
    ExtractSecondsOpt,
    FormatOption,
    IncludeOpt,
    ManifestOpt,
    MaxBytesOpt,
    MaxCharsOpt,
    PathsArg,
    QuietOpt,
    _ingest_options,
    _limits,
    _run_ingest,
    _store,
    app,
    stage_progress,
)
from rashomon.cli._output import Format, emit_rows, err_console, out_console
from rashomon.errors import RashomonError
from rashomon.ingest import IngestReport
from rashomon.limits import DEFAULT_MAX_CHARS, DEFAULT_SECONDS
from rashomon.pipeline import analyze as run_analyze
from rashomon.pipeline import demo_corpus
from rashomon.progress import Progress as StageProgress


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    manifest: ManifestOpt = None,
    max_bytes: MaxBytesOpt = _DEFAULT_MAX,
    encoding: EncodingOpt = None,
    title: Annotated[str | None, typer.Option(help="Title for every file given.")] = None,
    author: Annotated[str | None, typer.Option(help="Author for every file given.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for every file given.")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for every file given.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Publication date YYYY[-MM[-DD]] for every file given.")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(help="Language code for every file given (skips detection's label)."),
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """Store text, HTML, PDF, Word and OpenDocument files with their metadata (identical text
    is stored once).

    \b
    Examples:
      rashomon ingest reports/ --db study.db
      rashomon ingest page.html --publisher "Daily Example" --date 2024-05-01
      rashomon ingest archive/ --include '*.pdf' --exclude 'drafts/*' --max-bytes 100MB
    """
    options = _ingest_options(
        include,
        exclude,
        manifest,
        max_bytes,
        encoding,
        {
            "title": title,
            "author": author,
            "publisher": publisher,
            "url": url,
            "date": date,
            "lang": lang,
        },
    )
    from rashomon.ingest import ingest_paths

    with _store(db) as store:
        report = _run_ingest(
            paths, options, quiet, lambda cb, _: ingest_paths(store, paths, options, cb)
        )
    out_console().print(report.summary(), markup=False)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_FAILED)


@app.command()
def analyze(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files or folders to analyse.", show_default=False)
    ] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Analyse the bundled fictional demo corpus.")
    ] = False,
    db: DbOption = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    manifest: ManifestOpt = None,
    max_bytes: MaxBytesOpt = _DEFAULT_MAX,
    quiet: QuietOpt = False,
    report_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the HTML report here.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Extract in this many processes.")
    ] = 1,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    extract_seconds: ExtractSecondsOpt = DEFAULT_SECONDS,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed", help="Extract again documents whose extraction failed earlier."
        ),
    ] = False,
) -> None:
    """The main job: ingest, extract, align into events, and write the HTML report.

    \b
    Examples:
      rashomon analyze --demo --db demo.db --out report.html
      rashomon analyze sources/ --db study.db --out study.html --jobs 2
    """
    targets = list(paths or [])
    if demo:
        targets.append(str(demo_corpus()))
    if not targets:
        raise typer.BadParameter("give files or folders to analyse, or --demo", param_hint="PATHS")
    options = _ingest_options(include, exclude, manifest, max_bytes, None, {})
    with _store(db) as store:
        holder: dict[str, Any] = {}

        def runner(cb: Any, on_stage: StageProgress | None) -> IngestReport:
            extracted = [0]

            def on_extracted(_: str) -> None:
                extracted[0] += 1
                if on_stage is not None:
                    on_stage("extracting", extracted[0], None)

            holder["summary"] = run_analyze(
                store,
                targets,
                options,
                cb,
                jobs=jobs,
                on_extracted=on_extracted,
                progress=on_stage,
                limits=_limits(max_chars, extract_seconds),
                retry_failed=retry_failed,
            )
            return holder["summary"].ingest  # type: ignore[no-any-return]

        report = _run_ingest(targets, options, quiet, runner)
        summary = holder["summary"]
        out = out_console()
        out.print(f"ingest: {report.summary()}", markup=False)
        langs = ", ".join(f"{k} {v}" for k, v in sorted(summary.languages.items()))
        out.print(
            f"store {store.location}: {summary.n_documents} documents ({langs}); "
            f"{summary.dated} with a publication date",
            markup=False,
        )
        ex = summary.extraction
        measures = ", ".join(f"{k} {v}" for k, v in ex.measures.most_common())
        out.print(
            f"extract: {ex.claims} claims from {ex.documents} documents"
            + (f" ({measures})" if measures else "")
            + (f"; {ex.skipped} already extracted" if ex.skipped else "")
            + (f"; {len(ex.failed)} failed" if ex.failed else ""),
            markup=False,
        )
        for problem in ex.failed:
            err_console().print(f"error: {problem}", markup=False)
        if ex.failed_before:
            out.print(
                f"note: {ex.failed_before} documents failed extraction in an earlier run; "
                "--retry-failed tries them again",
                markup=False,
            )
        if ex.unsupported:
            missing = ", ".join(f"{k} ({v})" for k, v in ex.unsupported.items())
            out.print(
                f"note: no extraction data for {missing}; those documents have no claims",
                markup=False,
            )
        al = summary.alignment
        if al is not None:
            out.print(
                f"align: {al.events} events ({al.changed} new or changed), {al.disputes} "
                f"disputes, {al.inconsistencies} inconsistencies; `rashomon events` lists them",
                markup=False,
            )
        if report_path is not None:
            from rashomon.report.html import write_report

            with stage_progress() as progress:
                size = write_report(store, report_path, progress=progress)
            out.print(f"report: {report_path} ({size / 1e6:.1f} MB, opens offline)", markup=False)
    raise typer.Exit(EXIT_OK if report.ok and not ex.failed else EXIT_FAILED)


@app.command(name="report")
def report_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML file.")] = Path(
        "report.html"
    ),
    db: DbOption = None,
    title: Annotated[str, typer.Option(help="Title shown at the top of the report.")] = (
        "rashomon report"
    ),
) -> None:
    """Write the self-contained HTML report of everything in the store.

    \b
    Examples:
      rashomon report --db study.db --out study.html
    """
    from rashomon.align import update_events
    from rashomon.report.html import write_report

    with _store(db, create=False) as store, stage_progress() as progress:
        update_events(store, progress=progress)
        size = write_report(store, out, title, progress)
    out_console().print(f"report: {out} ({size / 1e6:.1f} MB, opens offline)", markup=False)


@app.command()
def docs(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    all_versions: Annotated[
        bool, typer.Option("--all", help="Also list older versions of changed files.")
    ] = False,
) -> None:
    """List stored documents (the latest version of each path unless --all).

    \b
    Examples:
      rashomon docs --db study.db
      rashomon docs --db study.db --format csv > documents.csv
    """
    with _store(db, create=False) as store:
        rows = [r for r in store.list_documents() if all_versions or r["current"]]
    columns = [
        "id",
        "path",
        "version",
        "lang",
        "date",
        "publisher",
        "title",
        "media_type",
        "n_chars",
    ]
    if fmt is Format.table:
        # A terminal table shows what tells documents apart; the full record is in json/csv.
        for row in rows:
            row["id"] = row["id"][:12]
            row["file"] = Path(row["path"]).name
        columns = ["id", "file", "version", "lang", "date", "publisher", "n_chars"]
    emit_rows(
        rows,
        columns + ([] if fmt is Format.table else ["url", "author", "extra"]),
        fmt,
        title=f"{len(rows)} documents",
    )


@app.command()
def show(
    doc: Annotated[
        str, typer.Argument(help="Document id, id prefix or ingested path.", show_default=False)
    ],
    db: DbOption = None,
    text: Annotated[
        bool, typer.Option("--text", help="Print the stored text exactly (offsets point into it).")
    ] = False,
    raw: Annotated[
        bool, typer.Option("--raw", help="Write the raw bytes of an HTML/PDF source to stdout.")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json")] = Format.table,
) -> None:
    """Show a document's metadata, or its exact stored text with --text.

    \b
    Examples:
      rashomon show 3fa2c1 --db study.db
      rashomon show reports/a.txt --text --db study.db | cut -c 341-357
    """
    with _store(db, create=False) as store:
        try:
            document = store.get_document(doc)
        except RashomonError as exc:
            err_console().print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_USAGE) from None
    if text:
        # Bytes, not print(): no added newline, no terminal encoding surprises.
        sys.stdout.buffer.write(document.text.encode("utf-8"))
        sys.stdout.flush()
        return
    if raw:
        if document.raw is None:
            err_console().print(
                f"error: {doc}: plain-text source, no raw bytes beyond --text", markup=False
            )
            raise typer.Exit(EXIT_FAILED)
        sys.stdout.buffer.write(document.raw)
        sys.stdout.flush()
        return
    data = document.metadata()
    if fmt is Format.table:
        rows = [{"field": k, "value": v} for k, v in data.items() if v not in (None, [], {})]
        emit_rows(rows, ["field", "value"], Format.table)
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
