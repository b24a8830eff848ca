"""The Ray engine for ``rashomon analyze`` / ``extract``: the same results, spread out.

    with RayEngine(address=None) as engine:          # a local Ray instance, every CPU
        summary = analyze(store, paths, engine=engine)

Extraction runs as Ray Data ``map_batches`` (see ``scale.extract``); alignment splits the
claims into partitions that never interact (``scale.partition``) and aligns bags of them as
Ray tasks; the store is written as by the default engine, so ``events``, ``compare``, the
report and the web app read it unchanged on one machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from rashomon.align.update import Aligned, AlignSummary, update_events
from rashomon.limits import DEFAULT_LIMITS, Limits
from rashomon.pipeline import ExtractionSummary
from rashomon.progress import Progress
from rashomon.scale.align import Bag, align_bag, align_split
from rashomon.scale.extract import (
    BATCH_SIZE,
    RETRIES,
    Extract,
    Run,
    extract_parquet,
    extract_store_ray,
)
from rashomon.scale.session import cluster_cpus, ray_session, store_reachable
from rashomon.store import Store
from rashomon.store.db import db_url

__all__ = ["RayEngine"]


@dataclass
class RayEngine:
    """Open with ``with``: starts or joins Ray for the duration (see ``ray_session``)."""

    address: str | None = None
    #: Extraction workers (actors) and alignment bags per CPU; default: every CPU Ray has.
    workers: int | None = None
    batch_size: int = BATCH_SIZE
    retries: int = RETRIES
    #: Replaces the budgeted extractor (tests inject failures with it).
    extract_fn: Extract | None = None
    #: ``progress(stage, done, total)`` as everywhere in rashomon (the CLI draws bars).
    progress: Progress | None = None

    def __post_init__(self) -> None:
        self._ray: Any = None
        self._session: Any = None
        self._align_start = 0.0
        #: Seconds of the last alignment's stages (reading claims and partitioning them on
        #: this machine, the Ray tasks, all of it) and the largest bag's claims: for benches.
        self.timings: dict[str, float] = {}

    def __enter__(self) -> RayEngine:
        self._session = ray_session(self.address, self.workers)
        self._ray = self._session.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        session, self._session, self._ray = self._session, None, None
        if session is not None:
            session.__exit__(*exc)

    @property
    def ray(self) -> Any:
        if self._ray is None:
            raise RuntimeError("RayEngine is used outside its `with` block")
        return self._ray

    @property
    def n_workers(self) -> int:
        return self.workers or cluster_cpus(self.ray)

    def _bar(self, stage: str) -> tuple[Callable[[int], None], Callable[[int], None]]:
        """(advance by n, set the total) for one stage's ``progress`` calls."""
        state = {"done": 0, "total": 0}

        def total(n: int) -> None:
            state["total"] = n
            if self.progress is not None:
                self.progress(stage, 0, n)

        def advance(n: int) -> None:
            state["done"] += n
            if self.progress is not None:
                self.progress(stage, state["done"], state["total"])

        return advance, total

    def _run(self, limits: Limits, retry_failed: bool) -> Run:
        advance, total = self._bar("extracting")
        return Run(
            self.ray,
            self.n_workers,
            limits=limits,
            retry_failed=retry_failed,
            extract=self.extract_fn,
            retries=self.retries,
            progress=advance,
            on_total=total,
        )

    def extract(
        self, store: Store, *, limits: Limits = DEFAULT_LIMITS, retry_failed: bool = False
    ) -> ExtractionSummary:
        store_reachable(self.ray, db_url(store.location), self.address)
        return extract_store_ray(self._run(limits, retry_failed), store, self.batch_size)

    def extract_parquet(
        self,
        sources: Sequence[str | Path],
        out: str | Path,
        *,
        limits: Limits = DEFAULT_LIMITS,
        retry_failed: bool = False,
    ) -> ExtractionSummary:
        return extract_parquet(self._run(limits, retry_failed), sources, out)

    def _run_bags(self, bags: list[Bag]) -> list[Aligned]:
        """Align each bag as a Ray task, advancing a bar by claims as tasks finish."""
        start = time.perf_counter()
        self.timings["partition"] = start - self._align_start
        self.timings["largest_bag"] = max((len(b.claims) for b in bags), default=0)
        ray = self.ray
        task = ray.remote(num_cpus=1, max_retries=self.retries)(align_bag)
        refs = {task.remote(bag): len(bag.claims) for bag in bags}
        advance, total = self._bar("aligning")
        total(sum(refs.values()))
        results = []
        pending = list(refs)
        while pending:
            ready, pending = ray.wait(pending, num_returns=1)
            results.append(ray.get(ready[0]))
            advance(refs[ready[0]])
        self.timings["tasks"] = time.perf_counter() - start
        return results

    def align(self, store: Store, *, progress: Progress | None = None) -> AlignSummary:
        """``update_events`` with the partitions aligned as Ray tasks (a few per CPU, so a
        large partition does not leave the other CPUs idle at the end); the bar advances by
        claims as bags finish (``progress`` is for the single-machine aligner's stages)."""
        spread = partial(align_split, bags=4 * self.n_workers, run=self._run_bags)
        self._align_start = time.perf_counter()
        summary = update_events(store, align=spread)
        self.timings["align"] = time.perf_counter() - self._align_start
        return summary
