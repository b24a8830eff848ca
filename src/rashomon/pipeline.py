"""The main job as a library function: what ``rashomon analyze`` runs.

Ingest, extraction of every document not yet processed by this extractor version, then
alignment of the new claims into events (estimates, disputes, inconsistencies); the report
joins as it lands.  The CLI only parses arguments and prints what this
returns.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from rashomon.align.update import AlignSummary, update_events
from rashomon.document import Document, LangSpan
from rashomon.errors import Code, RashomonError
from rashomon.extract.claims import EXTRACTOR, Claim
from rashomon.extract.lexicon import lexicon
from rashomon.ingest import IngestOptions, IngestReport, ingest_paths
from rashomon.ingest.runner import OutcomeCallback
from rashomon.limits import DEFAULT_LIMITS, Limits, extract_within
from rashomon.progress import Progress
from rashomon.store import Store


class Engine(Protocol):
    """What runs extraction and alignment over a store (the default is this module's)."""

    def extract(
        self, store: Store, *, limits: Limits = DEFAULT_LIMITS, retry_failed: bool = False
    ) -> ExtractionSummary: ...

    def align(self, store: Store, *, progress: Progress | None = None) -> AlignSummary: ...


def demo_corpus() -> Path:
    """The bundled fictional demo corpus (installed with the package)."""
    return Path(str(resources.files("rashomon.demo") / "corpus"))


@dataclass(slots=True)
class ExtractionSummary:
    documents: int = 0
    skipped: int = 0
    claims: int = 0
    measures: Counter[str] = field(default_factory=Counter)
    #: Languages rashomon has no extraction data for, with their document counts.
    unsupported: Counter[str] = field(default_factory=Counter)
    #: One-line coded errors of documents whose extraction failed in this run.
    failed: list[str] = field(default_factory=list)
    #: Documents whose extraction failed in an earlier run and was not tried again.
    failed_before: int = 0

    def add(self, claims: list[dict[str, Any]]) -> None:
        self.documents += 1
        self.claims += len(claims)
        self.measures.update(c["measure"] or c["kind"] for c in claims)


@dataclass(slots=True)
class AnalysisSummary:
    ingest: IngestReport
    n_documents: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    dated: int = 0
    extraction: ExtractionSummary = field(default_factory=ExtractionSummary)
    alignment: AlignSummary | None = None


def language_gap(lang: str | None, spans: Sequence[LangSpan] = ()) -> str | None:
    """Why extraction reads nothing, or not everything, of a document: in a reader's words
    ("not analysed: no language data for tr"), or None when it reads it all."""
    if not lang:
        return "not analysed: its language could not be detected (too little text)"
    if lexicon(lang) is None:
        return f"not analysed: no language data for {lang}"
    missing = sorted({sp.lang for sp in spans if lexicon(sp.lang) is None})
    if missing:
        return f"passages in {', '.join(missing)} not analysed: no language data for them"
    return None


_Result = list[dict[str, Any]] | str


def extract_one(
    doc: Document,
    limits: Limits = DEFAULT_LIMITS,
    extract: Callable[[Document], list[Claim]] | None = None,
) -> list[dict[str, Any]] | str:
    """A document's claims, or the one-line error that stopped its extraction (every
    engine's unit of work; ``extract`` replaces the budgeted extractor, for tests)."""
    try:
        found = extract(doc) if extract is not None else extract_within(doc, limits)
        return [c.to_dict() for c in found]
    except RashomonError as exc:
        return str(exc)
    except Exception as exc:  # a bug must not stop the batch: record it and go on
        where = f"{doc.path}: " if doc.path else ""
        return f"{where}{Code.EXTRACT_FAILED} extraction failed: {type(exc).__name__}: {exc}"


def pending_documents(
    store: Store, summary: ExtractionSummary, retry_failed: bool = False
) -> list[str]:
    """Ids of the current documents this extractor version has not processed yet (every
    engine's resume rule); counts the skipped, failed-before and unsupported ones."""
    done = store.extracted_with()
    failures = store.extraction_failures()
    todo = []
    for doc_id, lang in store.current_languages():
        if done.get(doc_id) == EXTRACTOR and not (retry_failed and doc_id in failures):
            if doc_id in failures:
                summary.failed_before += 1
            else:
                summary.skipped += 1
            continue
        if not lang or lexicon(lang) is None:
            summary.unsupported[lang or "unknown"] += 1
        todo.append(doc_id)
    return todo


def extract_store(
    store: Store,
    jobs: int = 1,
    on_document: Callable[[str], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    retry_failed: bool = False,
) -> ExtractionSummary:
    """Extract every current document that this extractor version has not processed yet.

    Documents are independent, so with ``jobs > 1`` they are extracted in a process pool;
    claims are written by this process only, one transaction per document.  A document over
    its ``limits`` is recorded as failed and not tried again unless ``retry_failed``.
    """
    summary = ExtractionSummary()
    todo = pending_documents(store, summary, retry_failed)
    docs = (store.get_document(doc_id) for doc_id in todo)
    one = partial(extract_one, limits=limits)
    if jobs > 1 and len(todo) > 1:
        pool = ProcessPoolExecutor(
            max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)
        )
        try:
            results = zip(todo, _bounded_map(pool, one, docs, jobs), strict=True)
            _record(store, results, summary, on_document)
        finally:
            # Interrupted: drop the queued documents instead of extracting them all first.
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        _record(
            store,
            ((d, one(doc)) for d, doc in zip(todo, docs, strict=True)),
            summary,
            on_document,
        )
    return summary


_CHUNK = 8  # documents per task: fewer round trips, still a fine-grained balance


def _bounded_map(
    pool: ProcessPoolExecutor,
    fn: Callable[[Document], _Result],
    docs: Iterable[Document],
    jobs: int,
) -> Iterator[_Result]:
    """``pool.map`` in order, reading documents from the store only as workers free up.

    ``Executor.map`` submits everything at once, so every document of the store would be read
    into memory before the first result came back; here at most ``4 * jobs`` chunks wait.
    """
    pending: deque[Future[list[_Result]]] = deque()
    chunk: list[Document] = []
    for doc in docs:
        chunk.append(doc)
        if len(chunk) == _CHUNK:
            pending.append(pool.submit(_run_chunk, fn, chunk))
            chunk = []
            while len(pending) >= 4 * jobs:
                yield from pending.popleft().result()
    if chunk:
        pending.append(pool.submit(_run_chunk, fn, chunk))
    while pending:
        yield from pending.popleft().result()


def _run_chunk(fn: Callable[[Document], _Result], chunk: list[Document]) -> list[_Result]:
    return [fn(doc) for doc in chunk]


def _worker_init(parent: int) -> None:
    """A worker dies with the process that started it: killed with SIGKILL, the parent
    cannot tell its workers to stop, and they would wait on their task queue forever."""
    # Ctrl-C reaches every process of the terminal's group; the parent decides what happens
    # (it stops, and says what was kept), the workers must not die with tracebacks first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(AttributeError, OSError):  # Linux: SIGKILL when the parent goes
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    # Elsewhere (and should the parent die before the call above): watch for re-parenting.
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _record(
    store: Store,
    results: Iterable[tuple[str, list[dict[str, Any]] | str]],
    summary: ExtractionSummary,
    on_document: Callable[[str], None] | None,
) -> None:
    for doc_id, claims in results:
        if isinstance(claims, str):
            store.record_failure(doc_id, EXTRACTOR, claims)
            summary.failed.append(claims)
            if on_document is not None:
                on_document(doc_id)
            continue
        problem = store_claims(store, doc_id, claims)
        if problem is not None:
            store.record_failure(doc_id, EXTRACTOR, problem)
            summary.failed.append(problem)
            continue
        summary.add(claims)
        if on_document is not None:
            on_document(doc_id)


def store_claims(store: Store, doc_id: str, claims: list[dict[str, Any]]) -> str | None:
    """Store a document's claims; a value the database refuses fails that document alone
    (recorded, so it does not fail again on every later run), never the whole batch."""
    try:
        store.replace_claims(doc_id, claims, EXTRACTOR)
    except OperationalError:
        raise  # the store itself is unusable (disk full, locked): stop, reported by the CLI
    except (SQLAlchemyError, ValueError, OverflowError, TypeError) as exc:
        reason = getattr(exc, "orig", None) or exc
        return (
            f"document {doc_id[:12]}: {Code.EXTRACT_FAILED} cannot store its claims: "
            f"{type(reason).__name__}: {str(reason).splitlines()[0] if str(reason) else ''}"
        )
    return None


def analyze(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_outcome: OutcomeCallback | None = None,
    jobs: int = 1,
    on_extracted: Callable[[str], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    retry_failed: bool = False,
    progress: Progress | None = None,
    on_stage: Callable[[str], None] | None = None,
    engine: Engine | None = None,
    tables: bool = False,
) -> AnalysisSummary:
    """Ingest, extract, align; ``on_stage`` hears "ingest", "extract" and "align" as each
    starts (the CLI says where an interrupted run stopped).  ``engine`` replaces the local
    process pool and in-memory aligner for the last two (``rashomon.scale.RayEngine``); the
    results are the same.  With ``tables``, ``paths`` are Parquet documents tables."""
    stage = on_stage or (lambda _: None)
    stage("ingest")
    if tables:
        from rashomon.ingest.table import ingest_tables

        report = ingest_tables(store, paths, options, on_outcome)
    else:
        report = ingest_paths(store, paths, options, on_outcome)
    summary = AnalysisSummary(ingest=report)
    stage("extract")
    if engine is None:
        summary.extraction = extract_store(
            store, jobs=jobs, on_document=on_extracted, limits=limits, retry_failed=retry_failed
        )
    else:
        summary.extraction = engine.extract(store, limits=limits, retry_failed=retry_failed)
    stage("align")
    if engine is None:
        summary.alignment = update_events(store, progress=progress)
    else:
        summary.alignment = engine.align(store, progress=progress)
    for doc in store.iter_documents(with_text=False):
        summary.n_documents += 1
        summary.languages[doc.lang or "unknown"] += 1
        summary.dated += doc.date is not None
    return summary
