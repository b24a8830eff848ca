"""Extraction as Ray Data ``map_batches`` over documents from a store or a Parquet table.

Each worker is an actor that loads the extractor's resources once (gazetteer, actor table,
every language's compiled lexicon) and then handles one batch at a time: read the batch's
documents, extract each under the same budget as the default engine (a document over it, or
one that raises, becomes a coded failure and the batch goes on), write the batch's claims and
failures in ONE transaction (store) or ONE file renamed into place (Parquet), and return a
one-row summary that drives the progress bar.  A killed worker or a
lost node leaves only whole batches behind; Ray retries the batch on another worker, and a
rerun skips every document this extractor version already processed or saw fail (unless
``retry_failed``), exactly as ``pipeline.extract_store`` does.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.atomic import atomic_writer
from rashomon.document import Document
from rashomon.errors import Code, RashomonError
from rashomon.extract.claims import EXTRACTOR, Claim
from rashomon.limits import DEFAULT_LIMITS, Limits
from rashomon.pipeline import ExtractionSummary, extract_one, pending_documents, store_claims
from rashomon.store import Store
from rashomon.store.db import db_url

__all__ = [
    "BATCH_SIZE",
    "ParquetWorker",
    "Run",
    "StoreWorker",
    "claims_table",
    "done_in",
    "extract_parquet",
    "extract_store_ray",
]

#: Documents per batch: large enough that a transaction and a task cost little against the
#: extraction (~10-50 ms a document), small enough that a lost batch costs seconds.
BATCH_SIZE = 64
#: How often Ray restarts a dead worker and retries its batches before the run stops.
RETRIES = 3
_META_EXTRACTOR = b"rashomon.extractor"
_META_DOCS = b"rashomon.documents"
_META_FAILED = b"rashomon.failed"

Extract = Callable[[Document], list[Claim]]
#: Advances a progress bar by n documents (or sets its total).
Advance = Callable[[int], None]


def warm() -> None:
    """Load what every document needs, once per worker process."""
    from rashomon.extract.actors import ActorTable
    from rashomon.extract.gazetteer import Gazetteer
    from rashomon.extract.lexicon import available_languages, lexicon

    Gazetteer.load()
    ActorTable.load()
    for lang in available_languages():
        lexicon(lang)


#: A document's claims, or the one-line coded error of its failed extraction.
Found = list[dict[str, Any]] | str


class _Worker:
    def __init__(self, limits: Limits = DEFAULT_LIMITS, extract: Extract | None = None) -> None:
        warm()
        self.limits = limits
        self.extract = extract

    def run(self, docs: Iterable[Document]) -> list[tuple[Document, Found]]:
        return [(doc, extract_one(doc, self.limits, self.extract)) for doc in docs]


def _summary(
    found: Sequence[Found], skipped: int = 0, failed_before: int = 0
) -> dict[str, list[Any]]:
    claims = [c for one in found if not isinstance(one, str) for c in one]
    return {
        "documents": [sum(1 for one in found if not isinstance(one, str))],
        "claims": [len(claims)],
        "skipped": [skipped],
        "failed_before": [failed_before],
        "measures": [json.dumps(Counter(c["measure"] or c["kind"] for c in claims))],
        "failed": [json.dumps([one for one in found if isinstance(one, str)])],
    }


class StoreWorker(_Worker):
    """Batches of stored document ids -> claims (or failures) in the store, one
    transaction a batch."""

    def __init__(
        self, db: str, limits: Limits = DEFAULT_LIMITS, extract: Extract | None = None
    ) -> None:
        super().__init__(limits, extract)
        self.store = Store(db, create=False)

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        from sqlalchemy.exc import OperationalError, SQLAlchemyError

        ids = [i for row in batch.column("ids").to_pylist() for i in row]
        results = [(doc.id, found) for doc, found in self.run(self.store.iter_documents(ids=ids))]
        try:
            self.store.replace_claims_many(results, EXTRACTOR)
        except OperationalError:
            raise  # the store itself is unusable: the batch is retried, then the run stops
        except (SQLAlchemyError, ValueError, OverflowError, TypeError):
            # A value the database refuses fails its document alone, as in the default
            # engine: the batch's documents are written one by one.
            results = [(doc_id, self._one_by_one(doc_id, found)) for doc_id, found in results]
        return _summary([found for _, found in results])

    def _one_by_one(self, doc_id: str, found: Found) -> Found:
        if not isinstance(found, str):
            problem = store_claims(self.store, doc_id, found)
            if problem is None:
                return found
            found = problem
        self.store.record_failure(doc_id, EXTRACTOR, found)
        return found


class ParquetWorker(_Worker):
    """Batches of document rows -> one Parquet file of claims a batch, renamed into place;
    rows done (or failed, unless retried) by this extractor version are skipped."""

    def __init__(
        self,
        out: str,
        done: frozenset[str],
        failed: frozenset[str],
        limits: Limits = DEFAULT_LIMITS,
        extract: Extract | None = None,
    ) -> None:
        super().__init__(limits, extract)
        self.out = Path(out)
        self.done, self.failed = done, failed

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        from rashomon.ingest.table import document_from_row

        found: dict[str, Found] = {}
        docs: list[Document] = []
        skipped = failed_before = 0
        for row in batch.to_pylist():
            name = str(row.get("id"))
            if name in self.done:
                skipped += 1
            elif name in self.failed:
                failed_before += 1
            else:
                try:
                    docs.append(document_from_row(row, str(row.get("path") or "table")))
                except RashomonError as exc:  # a bad row is reported like a failed document
                    found[name] = str(exc)
        found.update((doc.path, result) for doc, result in self.run(docs))
        if found:
            write_claims(self.out, found)
        return _summary(list(found.values()), skipped, failed_before)


def claims_table(claims: Sequence[dict[str, Any]]) -> Any:
    """Claims as an Arrow table: the columns queries filter on, and the whole contract as
    JSON (``claim``), as the store keeps them."""
    import pyarrow as pa

    def get(c: dict[str, Any], part: str, key: str) -> Any:
        return (c.get(part) or {}).get(key)

    return pa.table(
        {
            "id": pa.array([c["id"] for c in claims], pa.string()),
            "doc_id": pa.array([c["doc"]["id"] for c in claims], pa.string()),
            "doc_path": pa.array([c["doc"]["path"] for c in claims], pa.string()),
            "kind": pa.array([c["kind"] for c in claims], pa.string()),
            "event_type": pa.array([c.get("event_type") for c in claims], pa.string()),
            "measure": pa.array([c.get("measure") for c in claims], pa.string()),
            "low": pa.array([get(c, "value", "low") for c in claims], pa.int64()),
            "high": pa.array([get(c, "value", "high") for c in claims], pa.int64()),
            "time_start": pa.array([get(c, "time", "start") for c in claims], pa.string()),
            "time_end": pa.array([get(c, "time", "end") for c in claims], pa.string()),
            "claim": pa.array([json.dumps(c, ensure_ascii=False) for c in claims], pa.string()),
        }
    )


def write_claims(out: Path, found: dict[str, Found]) -> Path:
    """One batch's claims as ``out/claims-<digest>.parquet``, written atomically (whole or
    absent, see ``rashomon.atomic``); its metadata lists the rows done and the
    rows that failed, with their errors (the resume rule for Parquet output)."""
    import pyarrow.parquet as pq

    names = sorted(found)
    digest = hashlib.sha256("\n".join([EXTRACTOR, *names]).encode("utf-8")).hexdigest()[:24]
    target = out / f"claims-{digest}.parquet"
    claims: list[dict[str, Any]] = []
    for name in names:
        one = found[name]
        if not isinstance(one, str):
            claims.extend(one)
    table = claims_table(claims)
    meta = {
        _META_EXTRACTOR: EXTRACTOR.encode(),
        _META_DOCS: json.dumps([n for n in names if not isinstance(found[n], str)]).encode(),
        _META_FAILED: json.dumps({n: e for n, e in found.items() if isinstance(e, str)}).encode(),
    }
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **meta})
    with atomic_writer(target) as handle:
        pq.write_table(table, handle)
    return target


def done_in(out: Path) -> tuple[frozenset[str], dict[str, str]]:
    """Rows this extractor version already extracted into ``out``, and those whose
    extraction failed there (with their errors); a later file wins over an earlier one."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    failed: dict[str, str] = {}
    files = sorted(out.glob("claims-*.parquet"), key=lambda p: p.stat().st_mtime_ns)
    for path in files:
        meta = pq.read_schema(path).metadata or {}
        if meta.get(_META_EXTRACTOR) != EXTRACTOR.encode():
            continue
        for name in json.loads(meta.get(_META_DOCS, b"[]")):
            done.add(name)
            failed.pop(name, None)
        for name, error in json.loads(meta.get(_META_FAILED, b"{}")).items():
            failed[name] = error
            done.discard(name)
    return frozenset(done), failed


def _map(
    ray: Any, ds: Any, worker: type, kwargs: dict[str, Any], workers: int, retries: int
) -> Any:
    if worker is StoreWorker:
        pool = ray.data.ActorPoolStrategy(size=workers)
    else:
        # Reading Parquet starts with a file-listing task that needs a CPU: a full pool
        # from the start would hold every CPU and wait for it forever.
        pool = ray.data.ActorPoolStrategy(min_size=1, max_size=workers)
    return ds.map_batches(
        worker,
        fn_constructor_kwargs=kwargs,
        batch_size=1 if worker is StoreWorker else BATCH_SIZE,
        batch_format="pyarrow",
        compute=pool,
        num_cpus=1,
        max_restarts=retries,
        max_task_retries=retries,
    )


def _collect(
    rows: Iterable[dict[str, Any]], summary: ExtractionSummary, progress: Advance | None
) -> None:
    try:
        for row in rows:
            failed = json.loads(row["failed"])
            summary.documents += row["documents"]
            summary.claims += row["claims"]
            summary.skipped += row["skipped"]
            summary.failed_before += row["failed_before"]
            summary.measures.update(json.loads(row["measures"]))
            summary.failed.extend(failed)
            if progress is not None:
                progress(row["documents"] + row["skipped"] + row["failed_before"] + len(failed))
    except Exception as exc:
        # Workers kept dying on a batch (after RETRIES restarts): what was written stays,
        # and a rerun picks up from there.
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RashomonError(
            Code.EXTRACT_FAILED,
            f"the Ray run stopped ({type(exc).__name__}: {first}); every finished batch is "
            "stored, and running the command again resumes",
        ) from None


@dataclass(frozen=True, slots=True)
class Run:
    """How a Ray extraction runs: workers, budget, resume rule, retries, progress."""

    ray: Any
    workers: int
    limits: Limits = DEFAULT_LIMITS
    retry_failed: bool = False
    #: Replaces the budgeted extractor (tests inject failures with it).
    extract: Extract | None = None
    retries: int = RETRIES
    progress: Advance | None = None
    on_total: Advance | None = None

    def total(self, n: int) -> None:
        if self.on_total is not None:
            self.on_total(n)

    def map(self, ds: Any, worker: type, kwargs: dict[str, Any], workers: int) -> Any:
        kwargs = {**kwargs, "limits": self.limits, "extract": self.extract}
        return _map(self.ray, ds, worker, kwargs, workers, self.retries)


def extract_store_ray(run: Run, store: Store, batch_size: int = BATCH_SIZE) -> ExtractionSummary:
    """``pipeline.extract_store`` on Ray: the documents this extractor version has not
    processed (the same rule), in batches of ``batch_size`` ids, written by the workers."""
    summary = ExtractionSummary()
    todo = pending_documents(store, summary, run.retry_failed)
    run.total(len(todo))
    if not todo:
        return summary
    chunks = [{"ids": todo[i : i + batch_size]} for i in range(0, len(todo), batch_size)]
    ds = run.ray.data.from_items(chunks, override_num_blocks=len(chunks))
    pool = min(run.workers, len(chunks))
    rows = run.map(ds, StoreWorker, {"db": db_url(store.location)}, pool).iter_rows()
    _collect(rows, summary, run.progress)
    return summary


def extract_parquet(run: Run, sources: Sequence[str | Path], out: str | Path) -> ExtractionSummary:
    """Documents tables (Parquet) -> claims as Parquet files in ``out``, one per batch, with
    no store in between: for corpora larger than a store.  Rows this extractor version
    already extracted into ``out`` are skipped, and so are rows that failed there unless
    ``retry_failed``."""
    import pyarrow.dataset as pads

    from rashomon.ingest.table import table_columns

    columns = {s: tuple(table_columns(s)) for s in sources}
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = ExtractionSummary()
    run.total(sum(pads.dataset(str(s)).count_rows() for s in sources))
    done, failed = done_in(out)
    kwargs = {
        "out": str(out.resolve()),
        "done": done,
        "failed": frozenset() if run.retry_failed else frozenset(failed),
    }
    for cols in dict.fromkeys(columns.values()):
        paths = [str(Path(s).resolve()) for s, c in columns.items() if c == cols]
        # Reading takes no CPU of its own: the workers hold every CPU, and a read task
        # waiting for one would starve them.
        ds = run.ray.data.read_parquet(paths, include_paths=True, num_cpus=0)
        ds = ds.select_columns([*cols, "path"])
        _collect(run.map(ds, ParquetWorker, kwargs, run.workers).iter_rows(), summary, run.progress)
    return summary
