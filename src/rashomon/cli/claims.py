"""Commands over claims: extract, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from rashomon._words import plural, value_words
from rashomon.atomic import atomic_writer
from rashomon.cli._common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    DbOption,
    ExtractSecondsOpt,
    Interrupted,
    MaxCharsOpt,
    _limits,
    _store,
    app,
    exit_interrupted,
    stage_progress,
    stop_on_signals,
)
from rashomon.cli._engine import AddressOpt, EngineName, EngineOpt, JobsOpt, ray_engine
from rashomon.cli._output import Format, emit_rows, err_console, out_console, print_error
from rashomon.errors import RashomonError
from rashomon.limits import DEFAULT_MAX_CHARS, DEFAULT_SECONDS, Limits


@app.command()
def extract(
    refs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, Parquet documents tables, or stored document ids/paths.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="jsonl (the claim contract), json, table or csv."),
    ] = Format.jsonl,
    max_chars: MaxCharsOpt = DEFAULT_MAX_CHARS,
    extract_seconds: ExtractSecondsOpt = DEFAULT_SECONDS,
    engine_name: EngineOpt = EngineName.local,
    address: AddressOpt = None,
    jobs: JobsOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="With --engine ray and Parquet tables: write the claims as Parquet files "
            "into this folder (a rerun skips the documents already there).",
        ),
    ] = None,
    retry_failed: Annotated[
        bool,
        typer.Option(
            "--retry-failed",
            help="With --engine ray: extract again documents whose extraction failed earlier.",
        ),
    ] = False,
) -> None:
    """Extract figure claims: from files directly, or from documents already in the store.

    A path that exists on disk is read directly (with SOURCES.tsv/sources.csv beside it for
    its date and language; a .parquet file as a documents table); anything else is looked up
    in the store.  With --engine ray and no REFS, every stored document this extractor
    version has not processed yet is extracted into the store, as `rashomon analyze` does.

    \b
    Examples:
      rashomon extract report.txt
      rashomon extract corpus/ --format table
      rashomon extract 3fa2c1 --db study.db --format json
      rashomon extract --engine ray --db study.db
      rashomon extract corpus.parquet --engine ray --out claims/
    """
    if engine_name is EngineName.ray:
        _extract_ray(
            refs or [], db, address, jobs, out, _limits(max_chars, extract_seconds), retry_failed
        )
        return
    if out is not None or retry_failed:
        raise typer.BadParameter("--out and --retry-failed need --engine ray")
    if not refs:
        raise typer.BadParameter("give files, folders or document ids", param_hint="REFS")
    from rashomon.api import extract_refs

    read = {"documents": 0}

    def on_document(n: int) -> None:
        read["documents"] = n

    err = err_console()
    try:
        with stop_on_signals():
            result = extract_refs(refs, db, _limits(max_chars, extract_seconds), on_document)
    except Interrupted as stop:
        exit_interrupted(
            stop,
            f"{plural(read['documents'], 'document')} read, no claims printed; `extract` "
            "stores nothing",
            "Run the same command again to extract them.",
        )
    except RashomonError as exc:
        print_error(exc)
        raise typer.Exit(EXIT_USAGE) from None
    for problem in result.problems:
        err.print(f"error: {problem}", markup=False)
    for note in result.notes:
        err.print(f"note: {note}", markup=False)
    rows = [c.to_dict() for c in result.claims]
    if fmt in (Format.table, Format.csv):
        flat = [_flat_claim(r) for r in rows]
        # The table reads as words; CSV keeps the numbers and the qualifier for programs.
        numbers = ["value"] if fmt is Format.table else ["low", "high", "qualifier"]
        emit_rows(
            flat,
            ["doc", "figure", "measure", *numbers, "time", "places", "attribution"],
            fmt,
            title=f"{plural(len(rows), 'claim')} from {plural(result.documents, 'document')}",
        )
    else:
        emit_rows(rows, [], fmt)
    raise typer.Exit(EXIT_FAILED if result.problems else EXIT_OK)


def _extract_ray(
    refs: list[str],
    db: str | None,
    address: str | None,
    jobs: int | None,
    out: Path | None,
    limits: Limits,
    retry_failed: bool,
) -> None:
    """Claims into the store (no REFS) or from Parquet tables into Parquet files (--out)."""
    if refs and not all(r.endswith(".parquet") for r in refs):
        raise typer.BadParameter(
            "with --engine ray, give Parquet documents tables (with --out), or nothing to "
            "extract the stored documents",
            param_hint="REFS",
        )
    if refs and out is None:
        raise typer.BadParameter("Parquet tables need --out FOLDER for the claims")
    if out is not None and not refs:
        raise typer.BadParameter("--out goes with Parquet tables to read", param_hint="--out")
    with ray_engine(EngineName.ray, address, jobs) as engine, stage_progress() as progress:
        assert engine is not None
        engine.progress = progress
        try:
            if refs:
                assert out is not None
                summary = engine.extract_parquet(
                    refs, out, limits=limits, retry_failed=retry_failed
                )
                where = str(out)
            else:
                with _store(db, create=False) as store:
                    summary = engine.extract(store, limits=limits, retry_failed=retry_failed)
                    where = store.shown
        except RashomonError as exc:
            print_error(exc)
            raise typer.Exit(EXIT_FAILED) from None
    for line in summary.failed:
        err_console().print(f"error: {line}", markup=False)
    out_console().print(
        f"extract: {plural(summary.claims, 'claim')} from {plural(summary.documents, 'document')} "
        f"into {where}"
        + (f"; {summary.skipped} already extracted" if summary.skipped else "")
        + (f"; {len(summary.failed)} failed" if summary.failed else "")
        + (
            f"; {summary.failed_before} failed earlier (--retry-failed tries them again)"
            if summary.failed_before
            else ""
        ),
        markup=False,
    )
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


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
        "value": value_words(value),
        "time": _period(time),
        "places": ", ".join(p["name"] for p in c.get("places", [])),
        "attribution": attribution.get("speaker") or "",
    }


def _period(time: dict[str, Any]) -> str:
    start, end = time.get("start"), time.get("end")
    if not start:
        return ""
    return str(start) if end in (None, start) else f"{start} to {end}"


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
    pred: Annotated[
        Path | None,
        typer.Option("--pred", help="Score these claims (JSONL) instead of extracting."),
    ] = None,
    pred_events: Annotated[
        Path | None,
        typer.Option("--pred-events", help="Score these events (JSONL) instead of aligning."),
    ] = None,
    save_claims: Annotated[
        Path | None, typer.Option("--save-claims", help="Write the scored claims here (JSONL).")
    ] = None,
    save_events: Annotated[
        Path | None, typer.Option("--save-events", help="Write the scored events here (JSONL).")
    ] = None,
) -> None:
    """Score extraction against gold answer keys (DESIGN.md section 7): figures, fields, role
    precision and inversions, stance, event grouping, estimates and disputes — the figures of
    the reference scorer ../shared/tools/score.py, per language and per document.

    \b
    Examples:
      rashomon eval ../shared/gold/seeds.jsonl --docs ../shared/corpus/seeds
      rashomon eval ../shared/gold/seeds.jsonl ../shared/gold/dev.jsonl \\
          --docs ../shared/corpus/seeds --docs ../shared/corpus/dev --errors 20
      rashomon eval ../shared/gold/dev.jsonl --docs ../shared/corpus/dev --json
      rashomon eval ../shared/gold/dev.jsonl --docs ../shared/corpus/dev --save-claims c.jsonl
    """
    from rashomon.align import build_events
    from rashomon.evaluate import GoldFormatError, render_errors, render_table, report_to_dict
    from rashomon.evaluate.runner import read_jsonl, run_eval

    for path in [*gold, *docs, *(p for p in (pred, pred_events) if p is not None)]:
        if not path.exists():
            raise typer.BadParameter(f"{path}: no such file or folder")
    try:
        run = run_eval(
            gold,
            docs,
            only_langs=lang,
            events=build_events,
            claims=read_jsonl(pred) if pred is not None else None,
            given_events=read_jsonl(pred_events) if pred_events is not None else None,
        )
    except (GoldFormatError, json.JSONDecodeError) as exc:
        print_error(exc)
        raise typer.Exit(EXIT_USAGE) from None
    for target, rows in ((save_claims, run.claims), (save_events, run.events or [])):
        if target is not None:
            with atomic_writer(target, "w") as handle:
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
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
