"""The main job as a library function: what ``rashomon analyze`` runs.

Stages are added here as they land (extract, align, reconcile, report); the CLI only parses
arguments and prints what this returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rashomon.ingest import IngestOptions, IngestReport, ingest_paths
from rashomon.ingest.runner import OutcomeCallback
from rashomon.store import Store


def demo_corpus() -> Path:
    """The bundled fictional demo corpus (installed with the package)."""
    return Path(str(resources.files("rashomon.demo") / "corpus"))


@dataclass(slots=True)
class AnalysisSummary:
    ingest: IngestReport
    n_documents: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    dated: int = 0


def analyze(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> AnalysisSummary:
    report = ingest_paths(store, paths, options, on_outcome)
    summary = AnalysisSummary(ingest=report)
    for doc in store.iter_documents(with_text=False):
        summary.n_documents += 1
        summary.languages[doc.lang or "unknown"] += 1
        summary.dated += doc.date is not None
    return summary
