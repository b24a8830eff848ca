"""The ``rashomon`` command: a thin layer over the library functions.

Every command's help ends with runnable examples (a test checks it), exit codes mean
something (0 ok, 1 some input failed, 2 bad usage or store problem), and errors are one line
naming the file and the problem.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rashomon._version import __version__
from rashomon.cli._output import Format, emit_rows, err_console, out_console
from rashomon.errors import RashomonError
from rashomon.ingest import IngestOptions, IngestReport, Outcome, iter_sources
from rashomon.ingest.readers import DEFAULT_MAX_BYTES
from rashomon.pipeline import analyze as run_analyze
from rashomon.pipeline import demo_corpus
from rashomon.store import Store, default_db

app = typer.Typer(
    name="rashomon",
    help="Lay contradictory accounts of violent events side by side: who claims what.\n\n"
    "Example:  rashomon analyze --demo --db demo.db",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store: a SQLite file path or a postgresql:// URL "
        "[default: $RASHOMON_DB or rashomon.db]",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _store(db: str | None, *, create: bool = True) -> Store:
    try:
        return Store(db or default_db(), create=create)
    except RashomonError as exc:
        err_console().print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.I)


def parse_size(value: str) -> int:
    """'50MB', '200k', '1048576' -> bytes."""
    match = _SIZE.match(value)
    if not match:
        raise typer.BadParameter(f"{value!r} is not a size such as 50MB, 200k or 1048576")
    number = float(match.group(1))
    unit = (match.group(2) or "b").lower()[0]
    size = int(number * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit])
    if size <= 0:
        raise typer.BadParameter("the size limit must be positive")
    return size


def _ingest_options(
    include: list[str] | None,
    exclude: list[str] | None,
    manifest: Path | None,
    max_bytes: str,
    encoding: str | None,
    overrides: dict[str, str | None],
) -> IngestOptions:
    if manifest is not None and not manifest.is_file():
        raise typer.BadParameter(f"{manifest}: no such manifest file", param_hint="--manifest")
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(
                f"unknown encoding {encoding!r}", param_hint="--encoding"
            ) from None
    date = overrides.get("date")
    if date is not None:
        from rashomon.ingest.metadata import parse_date

        if parse_date(date) is None:
            raise typer.BadParameter(
                f"{date!r} is not YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--date"
            )
    return IngestOptions(
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        manifest=manifest,
        max_bytes=parse_size(max_bytes),
        encoding=encoding,
        overrides={k: v for k, v in overrides.items() if v is not None},
    )


def _run_ingest(paths: list[str], options: IngestOptions, quiet: bool, runner: Any) -> IngestReport:
    """Run an ingest-like job with a progress bar (on a terminal) and one line per file."""
    out, err = out_console(), err_console()
    total = sum(1 for _ in iter_sources(paths, options))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_outcome(outcome: Outcome) -> None:
            if outcome.status == "failed":
                err.print(f"error: {outcome.message()}", markup=False)
            elif not quiet:
                out.print(outcome.message(), markup=False)
            if outcome.about == "file":
                progress.advance(task)

        report: IngestReport = runner(on_outcome)
    return report


def _tick(label: str) -> Any:
    """A callback that shows a spinner line per processed document on a terminal."""
    err = err_console()
    if not err.is_terminal:
        return None
    count = {"n": 0}

    def tick(_: str) -> None:
        count["n"] += 1
        err.print(f"{label}: {count['n']} documents", end="\r", markup=False)

    return tick


PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files or folders (folders are read recursively).", show_default=False),
]
IncludeOpt = Annotated[
    list[str] | None,
    typer.Option("--include", "-i", help="Only files matching this glob (repeatable)."),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option("--exclude", "-x", help="Skip files matching this glob (repeatable)."),
]
ManifestOpt = Annotated[
    Path | None,
    typer.Option(
        "--manifest",
        help="CSV/TSV manifest with file, url, publisher, author, date, language columns "
        "[default: SOURCES.tsv or sources.csv beside the files]",
    ),
]
MaxBytesOpt = Annotated[
    str, typer.Option("--max-bytes", help="Refuse files larger than this (e.g. 50MB).")
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        "--encoding", help="Decode text files with this encoding instead of detecting it."
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the summary.")]
_DEFAULT_MAX = f"{DEFAULT_MAX_BYTES // (1024 * 1024)}MB"


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
    """Store text, HTML and PDF files with their metadata (identical text is stored once).

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
            paths, options, quiet, lambda cb: ingest_paths(store, paths, options, cb)
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

        def runner(cb: Any) -> IngestReport:
            holder["summary"] = run_analyze(
                store, targets, options, cb, jobs=jobs, on_extracted=_tick("extracting")
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
            + (f"; {ex.skipped} already extracted" if ex.skipped else ""),
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

            size = write_report(store, report_path)
            out.print(f"report: {report_path} ({size / 1e6:.1f} MB, opens offline)", markup=False)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_FAILED)


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

    with _store(db, create=False) as store:
        update_events(store)
        size = write_report(store, out, title)
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


@app.command()
def events(
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table, jsonl (the event contract), json or csv."),
    ] = Format.table,
    measure: Annotated[
        str, typer.Option("--measure", help="Measure shown in the table's estimate columns.")
    ] = "killed",
    ratio: Annotated[
        float,
        typer.Option(
            "--ratio", min=1.0, help="Figures further apart than this ratio are a dispute."
        ),
    ] = 1.5,
) -> None:
    """Events across sources: estimates (low/best/high), disputes, inconsistencies.

    Brings the store's events up to date first (only new claims are aligned).

    \b
    Examples:
      rashomon events --db study.db
      rashomon events --db study.db --format jsonl > events.jsonl
      rashomon events --db study.db --measure displaced --ratio 2
    """
    from rashomon.align import update_events

    with _store(db, create=False) as store:
        update_events(store, ratio)
        found = store.events()
    found.sort(key=lambda e: ((e["time"] or {}).get("start") or "9999", e["id"]))
    if fmt in (Format.table, Format.csv):
        rows = []
        for e in found:
            est = e["estimates"].get(measure) or {}
            rows.append(
                {
                    "id": e["id"],
                    "event": e["label"],
                    "docs": len(e["docs"]),
                    "claims": len(e["claims"]),
                    "low": est.get("low"),
                    "best": est.get("best"),
                    "high": est.get("high"),
                    "sources": est.get("n_sources"),
                    "disputes": len(e["disputes"]),
                    "inconsistencies": len(e["consistency"]),
                }
            )
        emit_rows(
            rows,
            [
                "id",
                "event",
                "docs",
                "claims",
                "low",
                "best",
                "high",
                "sources",
                "disputes",
                "inconsistencies",
            ],
            fmt,
            title=f"{len(rows)} events; estimates of {measure!r}, each from its sources",
        )
    else:
        emit_rows(found, [], fmt)


@app.command()
def compare(
    event: Annotated[str, typer.Argument(help="Event id or id prefix.", show_default=False)],
    db: DbOption = None,
) -> None:
    """The sources of one event side by side: each figure with its source, quote and speaker.

    \b
    Examples:
      rashomon compare ev-1e6b --db study.db
    """
    from rashomon.align import update_events
    from rashomon.report.compare import render_compare

    with _store(db, create=False) as store:
        update_events(store)
        matches = [e for e in store.events() if e["id"].startswith(event)]
        if len(matches) != 1:
            problem = "no event" if not matches else f"{len(matches)} events"
            err_console().print(f"error: {event}: {problem} with this id or prefix", markup=False)
            raise typer.Exit(EXIT_USAGE)
        claims = {c["id"]: c for c in store.current_claims()}
        docs = {d["id"]: d for d in store.list_documents()}
        render_compare(out_console(), matches[0], claims, docs)


@app.command()
def extract(
    refs: Annotated[
        list[str],
        typer.Argument(help="Files, folders, or stored document ids/paths.", show_default=False),
    ],
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="jsonl (the claim contract), json, table or csv."),
    ] = Format.jsonl,
) -> None:
    """Extract figure claims: from files directly, or from documents already in the store.

    A path that exists on disk is read directly (with SOURCES.tsv/sources.csv beside it for
    its date and language); anything else is looked up in the store.

    \b
    Examples:
      rashomon extract report.txt
      rashomon extract corpus/ --format table
      rashomon extract 3fa2c1 --db study.db --format json
    """
    from rashomon.api import extract_refs

    try:
        claims, problems = extract_refs(refs, db)
    except RashomonError as exc:
        err_console().print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    for problem in problems:
        err_console().print(f"error: {problem}", markup=False)
    rows = [c.to_dict() for c in claims]
    if fmt in (Format.table, Format.csv):
        flat = [_flat_claim(r) for r in rows]
        emit_rows(
            flat,
            [
                "doc",
                "figure",
                "measure",
                "low",
                "high",
                "qualifier",
                "time",
                "places",
                "attribution",
            ],
            fmt,
            title=f"{len(rows)} claims",
        )
    else:
        emit_rows(rows, [], fmt)
    raise typer.Exit(EXIT_FAILED if problems else EXIT_OK)


def _flat_claim(c: dict[str, Any]) -> dict[str, Any]:
    value = c.get("value") or {}
    time = c.get("time") or {}
    attribution = c.get("attribution") or {}
    return {
        "doc": Path(c["doc"]["path"]).name,
        "figure": value.get("text"),
        "measure": c.get("measure"),
        "low": value.get("low"),
        "high": value.get("high"),
        "qualifier": value.get("qualifier"),
        "time": f"{time.get('start')}..{time.get('end')}" if time else "",
        "places": ", ".join(p["name"] for p in c.get("places", [])),
        "attribution": attribution.get("speaker") or "",
    }


@app.command(name="eval")
def eval_cmd(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files.", show_default=False)],
    docs: Annotated[
        list[Path], typer.Option("--docs", help="Folder holding the gold documents (repeatable).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list this many errors (misses, wrong fields).")
    ] = 0,
    lang: Annotated[
        list[str] | None,
        typer.Option("--lang", help="Only documents in this language (repeatable)."),
    ] = None,
) -> None:
    """Score extraction against gold answer keys (DESIGN.md section 7).

    \b
    Examples:
      rashomon eval ../shared/gold/seeds.jsonl --docs ../shared/corpus/seeds
      rashomon eval ../shared/gold/dev.jsonl --docs ../shared/corpus/dev --json
    """
    from rashomon.align import build_events
    from rashomon.evaluate import GoldFormatError, render_errors, render_table, report_to_dict
    from rashomon.evaluate.runner import run_eval

    for path in [*gold, *docs]:
        if not path.exists():
            raise typer.BadParameter(f"{path}: no such file or folder")
    try:
        run = run_eval(gold, docs, only_langs=lang, events=build_events)
    except GoldFormatError as exc:
        err_console().print(f"error: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    report, disputes = run.report, run.disputes
    if as_json:
        data = report_to_dict(report)
        if disputes is not None:
            data["dispute_recall"] = {
                "recall": disputes.recall,
                "expected": [list(e) for e in disputes.expected],
                "missed": [list(e) for e in disputes.missed],
            }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    sys.stdout.write(render_table(report) + "\n")
    if disputes is not None and disputes.expected:
        found = len(disputes.expected) - len(disputes.missed)
        sys.stdout.write(
            f"\ndispute recall       {found}/{len(disputes.expected)} gold events whose sources "
            f"differ by more than the ratio have a dispute\n"
        )
        for event, measure, ratio in disputes.missed:
            sys.stdout.write(f"  missed: {event} {measure} (ratio {ratio})\n")
    if errors:
        sys.stdout.write("\n" + render_errors(report, errors) + "\n")


@app.command()
def version() -> None:
    """Print rashomon's version.

    \b
    Example:
      rashomon version
    """
    out_console().print(f"rashomon {__version__}", markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
