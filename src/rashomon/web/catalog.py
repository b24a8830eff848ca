"""What the web app keeps in memory to page, filter and sort events fast on a large store.

One small row per event (label, type, dates, counts, languages, measures, estimate lines) and
the document names; event and document pages read their details from the store.  The rows
follow the store: the app looks, at most every ``CHECK_SECONDS`` (and right after its own
writes), whether events or reviews changed; new reviews only rebuild the rows of the events
they touch (the reviewed view), a new alignment rebuilds all rows.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from rashomon.reconcile.estimates import estimate_list
from rashomon.report.compare import source_name
from rashomon.report.wording import estimate_summary
from rashomon.review.records import stamp as review_stamp
from rashomon.review.view import ReviewedView
from rashomon.store import Store
from rashomon.store import schema as s

CHECK_SECONDS = 2.0


#: An event's estimates as a list (either stored shape).
estimates_list = estimate_list


@dataclass(frozen=True, slots=True)
class DocInfo:
    id: str
    name: str
    path: str
    lang: str | None
    date: str | None
    publisher: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class EventRow:
    id: str
    label: str
    event_type: str
    start: str | None
    end: str | None
    n_docs: int
    n_claims: int
    n_disputes: int
    n_inconsistencies: int
    docs: tuple[str, ...]
    langs: frozenset[str]
    measures: frozenset[str]
    #: One sentence per measure and victim group, as the report words it (estimate_summary).
    estimates: tuple[str, ...]
    place: tuple[float, float, str] | None
    reviewed: bool
    #: Lower-cased label, place and source names: what the search box matches first.
    text: str

    @property
    def weight(self) -> tuple[int, int, str, str]:
        """Events with the most sources first: where accounts meet is what people compare."""
        return (-self.n_docs, -self.n_claims, self.start or "9999", self.id)


def _row(event: Mapping[str, Any], docs: Mapping[str, DocInfo]) -> EventRow:
    time_ = event.get("time") or {}
    places = event.get("places") or []
    located = next(
        (p for p in places if p.get("lat") is not None and p.get("lon") is not None), None
    )
    doc_ids = tuple(str(d) for d in event.get("docs") or [])
    names = [docs[d].name for d in doc_ids if d in docs]
    found = estimates_list(event)
    estimates = tuple(estimate_summary(e) for e in found)
    return EventRow(
        id=str(event["id"]),
        label=str(event.get("label") or event["id"]),
        event_type=str(event.get("event_type") or "other"),
        start=time_.get("start"),
        end=time_.get("end"),
        n_docs=len(doc_ids),
        n_claims=len(event.get("claims") or []),
        n_disputes=len(event.get("disputes") or []),
        n_inconsistencies=len(event.get("consistency") or []),
        docs=doc_ids,
        langs=frozenset(docs[d].lang or "" for d in doc_ids if d in docs) - {""},
        measures=frozenset(str(e["measure"]) for e in found if e.get("measure")),
        estimates=estimates,
        place=(float(located["lat"]), float(located["lon"]), str(located.get("name")))
        if located
        else None,
        reviewed=bool(event.get("review")),
        text=" ".join(
            [str(event.get("label") or ""), *(str(p.get("name") or "") for p in places), *names]
        ).casefold(),
    )


@dataclass(frozen=True, slots=True)
class Filters:
    lang: str = ""
    source: str = ""
    measure: str = ""
    type: str = ""
    q: str = ""

    def active(self) -> bool:
        return any((self.lang, self.source, self.measure, self.type, self.q))


class Catalog:
    """Event rows and document names of one store, kept in step with it (thread-safe)."""

    def __init__(
        self,
        store: Store,
        wait: float | None = None,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        """Reads the store's events in a background thread; waits for them up to ``wait``
        seconds (``None``: until read).  Until then ``ready`` is false and ``progress`` says
        how far the reading is.  ``prepare`` runs first in that thread (``serve`` aligns the
        claims not yet in events there, so the app answers while it does)."""
        self.store = store
        self._prepare = prepare
        #: What the reader is doing, for the page shown until the first reading is done.
        self.phase = "reading events"
        self._lock = threading.RLock()
        self._checked = 0.0
        self._event_stamp: tuple[Any, ...] | None = None
        self._review_stamp: tuple[int, int] | None = None
        self.docs: dict[str, DocInfo] = {}
        self._base: list[EventRow] = []
        self._base_choices: tuple[set[str], set[str]] = (set(), set())
        self._rows: list[EventRow] = []
        self.view: ReviewedView | None = None
        self._choices: dict[str, list[str]] = {}
        #: document -> events holding it, built at the first search after each change.
        self._doc_events: dict[str, list[str]] | None = None
        #: The thread reading the event rows, and whether the store changed while it read.
        self._loader: threading.Thread | None = None
        self._again = False
        #: The rows reflect the store (the first reading is done).
        self.ready = False
        #: (events read, events in the store) while reading.
        self.progress = (0, 0)
        self.error: str | None = None
        self.refresh(force=True)
        self.wait(wait)

    @property
    def updating(self) -> bool:
        """Read once, and reading again (after a new analysis): lists show the old rows."""
        return self.ready and self._loader is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the rows being read (at most ``timeout`` seconds); True when ready."""
        loader = self._loader
        if loader is not None:
            loader.join(timeout)
        return self.ready

    # -- keeping in step -------------------------------------------------------------------

    def _events_stamp(self) -> tuple[Any, ...]:
        """Something that changes whenever alignment, extraction or ingestion wrote.  On
        SQLite the largest rowid of each table (rewritten rows get new ones; one index probe
        each, where a count would read every event's JSON); on PostgreSQL, where the JSON is
        stored apart from the row, counts and latest times."""
        tables = (s.events, s.extractions, s.doc_paths)
        with self.store.engine.connect() as conn:
            if self.store.engine.dialect.name == "sqlite":
                return tuple(
                    conn.execute(text(f"SELECT max(rowid), count(*) FROM {t.name}")).one()
                    if t is s.doc_paths
                    else conn.execute(text(f"SELECT max(rowid) FROM {t.name}")).scalar()
                    for t in tables
                )
            events = conn.execute(select(func.count(), func.max(s.events.c.updated_at))).one()
            claims = conn.execute(select(func.max(s.extractions.c.extracted_at))).scalar()
            docs = conn.execute(select(func.count()).select_from(s.doc_paths)).scalar()
        return (*events, claims, docs)

    def refresh(self, *, force: bool = False) -> None:
        """Re-read what changed in the store (throttled unless ``force``).  Reviews apply at
        once; a new alignment or new documents are read in the background (reading every
        event takes seconds on a large store), the list keeping its previous rows meanwhile."""
        now = time.monotonic()
        if not force and now - self._checked < CHECK_SECONDS:
            return
        with self._lock:
            self._checked = now
            events = self._events_stamp()
            if events != self._event_stamp:
                self._event_stamp = events
                # The reviewed view rests on the events too: rebuild it now.
                self._review_stamp = None
                self._start_loader()
            reviews = review_stamp(self.store)
            if reviews != self._review_stamp:
                self._overlay(ReviewedView(self.store))
                self._review_stamp = reviews

    def _start_loader(self) -> None:
        if self._loader is not None:
            self._again = True  # the running reader goes round once more
            return
        self._loader = threading.Thread(target=self._load, name="rashomon-catalog", daemon=True)
        self._loader.start()

    def _load(self) -> None:
        try:
            if self._prepare is not None:
                self.phase = "aligning claims into events"
                self._prepare()
                self._prepare = None
                self.phase = "reading events"
                # Aligning rewrote events: the reviewed view is rebuilt on the new ones.
                with self._lock:
                    self._event_stamp = self._events_stamp()
                    self._overlay(ReviewedView(self.store))
                    self._review_stamp = review_stamp(self.store)
            while True:
                with self._lock:
                    self._again = False
                docs = self._read_documents()
                base = self._read_rows(docs)
                with self._lock:
                    self.docs = docs
                    self._base = base
                    self._base_choices = (
                        {m for r in base for m in r.measures},
                        {r.event_type for r in base},
                    )
                    if self.view is not None:
                        self._overlay(self.view)
                    if not self._again:
                        self.ready = True
                        self._loader = None
                        return
        except Exception as exc:  # the app keeps serving what it has; the page says why
            with self._lock:
                self.error = f"{type(exc).__name__}: {exc}"
                self._loader = None
            raise

    def _read_rows(self, docs: Mapping[str, DocInfo]) -> list[EventRow]:
        with self.store.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(s.events)).scalar() or 0)
        self.progress = (0, total)
        rows = []
        for i, event in enumerate(self.store.iter_events(), 1):
            rows.append(_row(event, docs))
            if i % 1000 == 0:
                self.progress = (i, max(total, i))
        self.progress = (len(rows), max(total, len(rows)))
        return sorted(rows, key=lambda r: r.weight)

    def _overlay(self, view: ReviewedView) -> None:
        """The rows after review: stored events minus those a review replaced, plus the
        rebuilt ones, merged in weight order (the stored rows stay sorted)."""
        self.view = view
        rebuilt = sorted(
            (_row(e, self.docs) for e in view.rebuilt.values()), key=lambda r: r.weight
        )
        kept = (r for r in self._base if r.id not in view.replaced)
        self._rows = list(heapq.merge(kept, rebuilt, key=lambda r: r.weight))
        self._doc_events = None
        measures, types = self._base_choices
        self._choices = {
            "lang": sorted({d.lang for d in self.docs.values() if d.lang}),
            "measure": sorted(measures | {m for r in rebuilt for m in r.measures}),
            "type": sorted(types | {r.event_type for r in rebuilt}),
        }

    def _read_documents(self) -> dict[str, DocInfo]:
        docs = {}
        for row in self.store.iter_current_documents():
            docs[row["id"]] = DocInfo(
                id=row["id"],
                name=source_name(row, row["id"]),
                path=Path(str(row["path"])).name,
                lang=row.get("lang"),
                date=row.get("date"),
                publisher=row.get("publisher"),
                title=row.get("title"),
                url=row.get("url"),
            )
        return docs

    # -- reading ---------------------------------------------------------------------------

    @property
    def rows(self) -> list[EventRow]:
        return self._rows

    def reviewed(self) -> ReviewedView:
        assert self.view is not None
        return self.view

    def filter(self, f: Filters, text_hits: Iterable[str] = ()) -> list[EventRow]:
        """Rows matching the filters, heaviest first.  ``text_hits``: events whose documents
        hold the search words (found in the store), which match the search too."""
        if not f.active():
            return self._rows
        hits = set(text_hits)
        q = f.q.casefold()
        source = f.source.casefold()
        out = []
        for row in self._rows:
            if f.lang and f.lang not in row.langs:
                continue
            if f.measure and f.measure not in row.measures:
                continue
            if f.type and row.event_type != f.type:
                continue
            if source and not any(
                source in self.docs[d].name.casefold() for d in row.docs if d in self.docs
            ):
                continue
            if q and q not in row.text and row.id not in hits:
                continue
            out.append(row)
        return out

    def choices(self) -> dict[str, list[str]]:
        """The values the filter menus offer."""
        return self._choices

    def text_hits(self, words: str) -> set[str]:
        """Events (after review) with a document whose text holds ``words`` (case-insensitive
        for ASCII letters): one pass over the stored texts, not over every claim's JSON."""
        text_ = s.documents.c.text
        # SQLite's LIKE already ignores ASCII case (lower() would cost a copy of every text);
        # PostgreSQL has ILIKE.
        found = (
            text_.contains(words, autoescape=True)
            if self.store.engine.dialect.name == "sqlite"
            else text_.icontains(words, autoescape=True)
        )
        query = select(s.documents.c.id).where(found)
        with self.store.engine.connect() as conn:
            docs = {d for d in conn.execute(query).scalars() if d in self.docs}
        if not docs:
            return set()
        with self._lock:
            index = self._doc_events
            if index is None:
                index = {}
                for row in self._rows:
                    for d in row.docs:
                        index.setdefault(d, []).append(row.id)
                self._doc_events = index
            return {e for d in docs for e in index.get(d, ())}
