"""Commands over documents: ingest, analyze, report, docs, show."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from rashomon._words import plural
from rashomon.cli._common import (
    _DEFAULT_MAX,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    DbOption,
    EncodingOpt,
    ExcludeOpt,
    ExtractSecondsOpt,
    FollowSymlinksOpt,
    FormatOption,
    IncludeOpt,
    Interrupted,
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
    exit_interrupted,
    stage_progress,
    stop_on_signals,
)
from rashomon.cli._engine import (
    AddressOpt,
    EngineName,
    EngineOpt,
    InputFormat,
    InputFormatOpt,
    JobsOpt,
    ray_engine,
)
from rashomon.cli._output import Format, emit_rows, err_console, out_console, print_error
from rashomon.errors import RashomonError
from rashomon.escape import for_terminal
from rashomon.ingest import IngestReport
from rashomon.ingest.table import count_rows, ingest_tables
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
    follow_symlinks: FollowSymlinksOpt = False,
    quiet: QuietOpt = False,
    input_format: InputFormatOpt = InputFormat.files,
) -> None:
    """Store text, HTML, PDF, Word and OpenDocument files with their metadata (identical text
    is stored once), or the rows of Parquet documents tables (--format parquet).

    \b
    Examples:
      rashomon ingest reports/ --db study.db
      rashomon ingest page.html --publisher "Daily Example" --date 2024-05-01
      rashomon ingest archive/ --include '*.pdf' --exclude 'drafts/*' --max-bytes 100MB
      rashomon ingest corpus.parquet --format parquet --db study.db
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
        follow_symlinks,
    )
    from rashomon.ingest import ingest_paths

    tables = input_format is InputFormat.parquet
    tally: Counter[str] = Counter()
    with _store(db) as store:
        try:
            with stop_on_signals():
                report = _run_ingest(
                    paths,
                    options,
                    quiet,
                    lambda cb, _: (ingest_tables if tables else ingest_paths)(
                        store, paths, options, cb
                    ),
                    tally,
                    total=count_rows(paths) if tables else None,
                )
        except Interrupted as stop:
            exit_interrupted(stop, _ingest_kept(tally), _RESUME_INGEST)
    _print_ingest_summary(report)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_FAILED)


_RESUME_INGEST = (
    "Run the same command again to resume: files already stored are recognised and skipped."
)


def _ingest_kept(tally: Counter[str]) -> str:
    stored = tally["stored"] + tally["new_version"]
    done = sum(tally.values())
    return (
        f"{plural(done, 'file')} done before it ({stored:,} newly stored, each one whole; "
        "nothing half-written)"
    )


def _print_ingest_summary(report: IngestReport, prefix: str = "") -> None:
    out = out_console()
    out.print(prefix + report.summary(), markup=False)
    for line in report.skipped_summary():
        out.print(prefix + line, markup=False)


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
    follow_symlinks: FollowSymlinksOpt = False,
    quiet: QuietOpt = False,
    report_path: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the HTML report here.")
    ] = None,
    jobs: JobsOpt = None,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    extract_seconds: ExtractSecondsOpt = DEFAULT_SECONDS,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed", help="Extract again documents whose extraction failed earlier."
        ),
    ] = False,
    input_format: InputFormatOpt = InputFormat.files,
    engine_name: EngineOpt = EngineName.local,
    address: AddressOpt = None,
) -> None:
    """The main job: ingest, extract, align into events, and write the HTML report.

    \b
    Examples:
      rashomon analyze --demo --db demo.db --out report.html
      rashomon analyze sources/ --db study.db --out study.html --jobs 2
      rashomon analyze corpus.parquet --format parquet --engine ray --db study.db
      rashomon analyze sources/ --engine ray --address ray://head:10001 --db postgresql://h/db
    """
    targets = list(paths or [])
    if demo:
        # The demo's documents by name: its README is about the corpus, not one of its sources.
        targets += sorted(str(p) for p in demo_corpus().glob("*.txt"))
    if not targets:
        raise typer.BadParameter("give files or folders to analyse, or --demo", param_hint="PATHS")
    missing = [t for t in targets if not Path(t).exists() and not Path(t).is_symlink()]
    if missing:
        # A mistyped folder stops the job before anything is stored or written: a report of
        # whatever else is in the store would look like the analysis of that folder.
        for path in missing:
            err_console().print(
                f"error: {for_terminal(path)}: E001 no such file or folder", markup=False
            )
        err_console().print("nothing analysed, no report written", markup=False)
        raise typer.Exit(EXIT_USAGE)
    options = _ingest_options(include, exclude, manifest, max_bytes, None, {}, follow_symlinks)
    progress: dict[str, Any] = {"stage": "ingest", "extracted": 0}
    tally: Counter[str] = Counter()

    def on_stage(stage: str) -> None:
        progress["stage"] = stage

    tables = input_format is InputFormat.parquet
    with _store(db) as store, ray_engine(engine_name, address, jobs) as engine:
        holder: dict[str, Any] = {}

        def runner(cb: Any, bars: StageProgress | None) -> IngestReport:
            def on_extracted(_: str) -> None:
                progress["extracted"] += 1
                if bars is not None:
                    bars("extracting", progress["extracted"], None)

            if engine is not None:
                engine.progress = bars
            holder["summary"] = run_analyze(
                store,
                targets,
                options,
                cb,
                jobs=jobs or 1,
                on_extracted=on_extracted,
                progress=bars,
                limits=_limits(max_chars, extract_seconds),
                retry_failed=retry_failed,
                on_stage=on_stage,
                engine=engine,
                tables=tables,
            )
            return holder["summary"].ingest  # type: ignore[no-any-return]

        try:
            with stop_on_signals():
                total = count_rows(targets) if tables else None
                try:
                    report = _run_ingest(targets, options, quiet, runner, tally, total=total)
                except RashomonError as exc:  # a Ray run that stopped, a store it cannot reach
                    print_error(exc)
                    raise typer.Exit(EXIT_FAILED) from None
                summary = holder["summary"]
                _print_analysis(summary, store.shown)
                if report_path is not None and summary.n_documents == 0:
                    err_console().print(
                        "error: no documents to report on: nothing was ingested "
                        "(see the messages above); no report written",
                        markup=False,
                    )
                    raise typer.Exit(EXIT_FAILED)
                if report_path is not None:
                    from rashomon.report.html import write_report

                    progress["stage"] = "report"
                    with stage_progress() as bars:
                        size = write_report(store, report_path, progress=bars)
                    out_console().print(
                        f"report: {report_path} ({size / 1e6:.1f} MB, opens offline)",
                        markup=False,
                    )
        except Interrupted as stop:
            exit_interrupted(stop, *_analysis_kept(progress, tally))
    raise typer.Exit(EXIT_OK if report.ok and not summary.extraction.failed else EXIT_FAILED)


def _analysis_kept(progress: dict[str, Any], tally: Counter[str]) -> tuple[str, str]:
    resume = (
        "Run the same command again to resume: stored files are recognised and skipped, "
        "and only documents without claims are extracted."
    )
    stage = progress["stage"]
    if stage == "ingest":
        return "while ingesting, " + _ingest_kept(tally), resume
    if stage == "extract":
        done = plural(progress["extracted"], "document")
        return f"while extracting; claims of {done} stored, each document's whole", resume
    if stage == "align":
        return (
            "while aligning claims into events; every document and its claims are stored, "
            "the events as they were before this run",
            "Run the same command again (or `rashomon events`) to align them.",
        )
    return (
        "while writing the report; the store is complete, the report was not written",
        "Run `rashomon report --out FILE` with the same --db to write it.",
    )


def _print_analysis(summary: Any, location: str) -> None:
    from rashomon.ingest.langid import language_name

    out = out_console()
    _print_ingest_summary(summary.ingest, "ingest: ")
    langs = ", ".join(f"{k} {v}" for k, v in sorted(summary.languages.items()))
    out.print(
        f"store {location}: {plural(summary.n_documents, 'document')}"
        + (f" ({langs})" if langs else "")
        + f"; {summary.dated:,} with a publication date",
        markup=False,
    )
    ex = summary.extraction
    measures = ", ".join(f"{k} {v}" for k, v in ex.measures.most_common())
    out.print(
        f"extract: {plural(ex.claims, 'claim')} from {plural(ex.documents, 'document')}"
        + (f" ({measures})" if measures else "")
        + (f"; {ex.skipped:,} already extracted" if ex.skipped else "")
        + (f"; {len(ex.failed):,} failed" if ex.failed else ""),
        markup=False,
    )
    for problem in ex.failed:
        err_console().print(f"error: {problem}", markup=False)
    if ex.failed_before:
        out.print(
            f"note: {plural(ex.failed_before, 'document')} failed extraction in an earlier "
            "run; --retry-failed tries them again",
            markup=False,
        )
    for lang, count in sorted(ex.unsupported.items()):
        docs = plural(count, "document")
        if lang == "unknown":
            reason = "its language could not be detected (too little text)"
            out.print(f"note: {docs} not analysed: {reason}", markup=False)
            continue
        name = language_name(lang)
        out.print(
            f"note: {docs} in {f'{name} ({lang})' if name else lang} not analysed: no language "
            f"data for {lang} (rashomon reads {', '.join(_languages())})",
            markup=False,
        )
    al = summary.alignment
    if al is not None:
        out.print(
            f"align: {plural(al.events, 'event')} ({al.changed:,} new or changed), "
            f"{plural(al.disputes, 'dispute')}, {plural(al.inconsistencies, 'inconsistency')}; "
            "`rashomon events` lists them",
            markup=False,
        )


def _languages() -> list[str]:
    from rashomon.extract.lexicon import available_languages

    return available_languages()


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
        title=plural(len(rows), "document"),
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
    span: Annotated[
        str | None,
        typer.Option(
            "--span",
            metavar="START:END",
            help="Print only the stored text between these offsets (a claim's span).",
        ),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json, jsonl or csv.")
    ] = Format.table,
) -> None:
    """Show a document's metadata, or its exact stored text with --text.

    Offsets (a claim's start and end) count characters of the stored text from 0; --span
    prints the text between two of them exactly.

    \b
    Examples:
      rashomon show 3fa2c1 --db study.db
      rashomon show reports/a.txt --text --db study.db > a.txt
      rashomon show reports/a.txt --span 341:357 --db study.db
    """
    cut = _parse_span(span) if span is not None else None
    with _store(db, create=False) as store:
        try:
            document = store.get_document(doc)
        except RashomonError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_USAGE) from None
    if cut is not None:
        start, end = cut
        if end > len(document.text):
            err_console().print(
                f"error: {doc}: --span {span} ends after the text "
                f"({plural(len(document.text), 'character')})",
                markup=False,
            )
            raise typer.Exit(EXIT_USAGE)
        sys.stdout.buffer.write(document.text[start:end].encode("utf-8") + b"\n")
        sys.stdout.flush()
        return
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
    if fmt is Format.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        # One row per field: the same in a table and in CSV (field,value).
        rows = [{"field": k, "value": v} for k, v in data.items() if v not in (None, [], {})]
        emit_rows(rows, ["field", "value"], fmt)


def _parse_span(value: str) -> tuple[int, int]:
    start, sep, end = value.partition(":")
    if not (sep and start.strip().isdigit() and end.strip().isdigit()):
        raise typer.BadParameter(f"{value!r} is not START:END, e.g. 341:357", param_hint="--span")
    first, last = int(start), int(end)
    if last < first:
        raise typer.BadParameter(f"{value!r} ends before it starts", param_hint="--span")
    return first, last
