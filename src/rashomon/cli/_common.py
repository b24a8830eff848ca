"""What every command module shares: the Typer app, common options, the store opener."""

from __future__ import annotations

import re
import signal
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from rashomon.cli._output import Format, err_console, out_console, print_error
from rashomon.errors import RashomonError, StoreError
from rashomon.escape import for_terminal
from rashomon.ingest import IngestOptions, IngestReport, Outcome, iter_sources
from rashomon.ingest.readers import DEFAULT_MAX_BYTES
from rashomon.limits import Limits
from rashomon.progress import Progress as StageProgress
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


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM arrived: the command stops between two steps and says what it kept.

    A BaseException, like KeyboardInterrupt, so the ``except Exception`` around third-party
    parsers (a page trafilatura chokes on is a bad file) cannot mistake it for bad input.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        #: The shell's convention: 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM).
        self.exit_code = 128 + signum
        self.name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Interrupted` while a long command runs.

    Every write is one transaction per document, so stopping between two statements leaves
    whole documents and whole claim sets; the command then prints what was kept and how to
    resume, instead of a traceback (Ctrl-C) or nothing at all (SIGTERM).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def exit_interrupted(stop: Interrupted, kept: str, resume: str) -> NoReturn:
    err_console().print(f"\ninterrupted ({stop.name}): {kept}. {resume}", markup=False)
    raise typer.Exit(stop.exit_code)


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


@contextmanager
def _store(db: str | None, *, create: bool = True) -> Iterator[Store]:
    """The store for a command; a coded error that escapes the command (a full disk, a report
    that cannot be written) ends it with that one line instead of a traceback."""
    try:
        store = Store(db or default_db(), create=create)
    except RashomonError as exc:
        print_error(exc)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        yield store
    except RashomonError as exc:
        print_error(exc)
        raise typer.Exit(EXIT_USAGE if isinstance(exc, StoreError) else EXIT_FAILED) from None
    finally:
        store.close()


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
    follow_symlinks: bool = False,
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
    lang = overrides.get("lang")
    if lang is not None:
        from rashomon.ingest.metadata import describe_value, is_language_code

        if not is_language_code(lang):
            raise typer.BadParameter(describe_value(lang), param_hint="--lang")
    return IngestOptions(
        include=tuple(include or ()),
        exclude=tuple(exclude or ()),
        manifest=manifest,
        max_bytes=parse_size(max_bytes),
        encoding=encoding,
        overrides={k: v for k, v in overrides.items() if v is not None},
        follow_symlinks=follow_symlinks,
    )


def _bars(err: Any) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _stages(progress: Progress) -> StageProgress:
    """A ``rashomon.progress`` callback drawing one bar per stage."""
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int | None) -> None:
        task = tasks.get(stage)
        if task is None:
            task = tasks[stage] = progress.add_task(stage, total=total)
        progress.update(task, completed=done, total=total)

    return update


@contextmanager
def stage_progress() -> Iterator[StageProgress | None]:
    """Progress bars on stderr for a long step (alignment, the report), on a terminal only."""
    err = err_console()
    if not err.is_terminal:
        yield None
        return
    with _bars(err) as progress:
        yield _stages(progress)


def _run_ingest(
    paths: list[str],
    options: IngestOptions,
    quiet: bool,
    runner: Any,
    tally: Counter[str] | None = None,
    total: int | None = None,
) -> IngestReport:
    """Run an ingest-like job with a progress bar (on a terminal) and one line per file
    (or ``total`` rows of tables); ``runner(on_outcome, on_stage)`` may draw more bars
    (extraction, alignment) with ``on_stage`` (None when stderr is not a terminal); ``tally``
    counts the outcomes as they come, for a message if the job is interrupted."""
    out, err = out_console(), err_console()
    if total is None:
        total = sum(1 for _ in iter_sources(paths, options))
    with _bars(err) as progress:
        task = progress.add_task("ingesting", total=total)

        def on_outcome(outcome: Outcome) -> None:
            if tally is not None and outcome.about == "file":
                tally[outcome.status] += 1
            # File names and metadata are untrusted: one outcome prints as one honest line.
            if outcome.status == "failed":
                err.print(f"error: {for_terminal(outcome.message())}", markup=False)
            elif not quiet:
                out.print(for_terminal(outcome.message()), markup=False)
            if outcome.about == "file":
                progress.advance(task)

        on_stage = _stages(progress) if err.is_terminal else None
        report: IngestReport = runner(on_outcome, on_stage)
    return report


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
FollowSymlinksOpt = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Follow symbolic links that lead out of the given folders (skipped otherwise).",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the summary.")]
_DEFAULT_MAX = f"{DEFAULT_MAX_BYTES // (1024 * 1024)}MB"
MaxCharsOpt = Annotated[
    int,
    typer.Option(
        "--max-chars",
        min=0,
        help="Do not extract documents longer than this many characters (0: no limit); "
        "they are reported as failed (E026).",
    ),
]
ExtractSecondsOpt = Annotated[
    float,
    typer.Option(
        "--extract-seconds",
        min=0,
        help="Time allowed to extract one document: this many seconds plus one per "
        "10,000 characters (0: no limit); a slower document fails with E026.",
    ),
]


def _limits(max_chars: int, seconds: float) -> Limits:
    return Limits(max_chars=max_chars or None, seconds=seconds or None)
