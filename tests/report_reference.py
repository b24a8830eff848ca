"""The report's data as it was built before it was streamed, verbatim: one dict holding every
document, claim and event, ids shortened over the whole of it.  ``tests/test_report_stream.py``
requires the streamed report to be byte-identical to the page rendered from this."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rashomon._version import __version__
from rashomon.pipeline import language_gap
from rashomon.progress import EVERY, Progress
from rashomon.report.compare import source_name
from rashomon.report.data import basemap, compact_claim, compact_event
from rashomon.review.view import ReviewedView
from rashomon.store import Store


def _short(ids: list[str], length: int = 12) -> dict[str, str]:
    """Ids cut to ``length`` characters, or whole when two would collide."""
    cut = {i: i[:length] for i in ids}
    if len(set(cut.values())) < len(cut):
        return {i: i for i in ids}
    return cut


def _shorten_ids(
    docs: list[dict[str, Any]], claims: list[dict[str, Any]], events: list[dict[str, Any]]
) -> None:
    """Full sha256 ids repeated in every reference make up much of a large report; inside one
    file, short prefixes are as good."""
    d = _short([x["id"] for x in docs])
    c = _short([x["id"] for x in claims])
    for doc in docs:
        doc["id"] = d[doc["id"]]
    for claim in claims:
        claim["id"], claim["doc"] = c[claim["id"]], d.get(claim["doc"], claim["doc"])
    for event in events:
        event["claims"] = [c.get(i, i) for i in event["claims"]]
        event["docs"] = [d.get(i, i) for i in event["docs"]]
        event["names"] = [
            {**n, "docs": [d.get(i, i) for i in n["docs"]]} for n in event.get("names") or []
        ]
        for est in event["estimates"]:
            est["figures"] = [[c.get(i, i), counted, why] for i, counted, why in est["figures"]]
        for dispute in event["disputes"]:
            dispute["claims"] = [c.get(i, i) for i in dispute["claims"]]
            if "doc" in dispute:
                dispute["doc"] = d.get(dispute["doc"], dispute["doc"])
            if "values" in dispute:
                dispute["values"] = [c.get(i, i) for i in dispute["values"]]
            if isinstance(dispute.get("detail"), dict):
                dispute["detail"] = {d.get(k, k): v for k, v in dispute["detail"].items()}
        for problem in event["consistency"]:
            problem["doc"] = d.get(problem["doc"], problem["doc"])
            problem["claims"] = [c.get(i, i) for i in problem["claims"]]


def _counted(
    items: Iterator[dict[str, Any]], stage: str, progress: Progress | None
) -> list[dict[str, Any]]:
    """The items as a list, counting them out on ``progress``."""
    out: list[dict[str, Any]] = []
    for item in items:
        if progress is not None and len(out) % EVERY == 0:
            progress(stage, len(out), None)
        out.append(item)
    if progress is not None:
        progress(stage, len(out), len(out))
    return out


def report_data(store: Store, progress: Progress | None = None) -> dict[str, Any]:
    docs = []
    rows = [row for row in store.list_documents() if row["current"]]
    for done, row in enumerate(rows):
        if progress is not None and done % EVERY == 0:
            progress("report: documents", done, len(rows))
        doc = store.get_document(row["id"])
        docs.append(
            {
                "id": doc.id,
                "name": source_name(row, doc.id),
                "path": Path(doc.path).name,
                "publisher": doc.publisher,
                "title": doc.title,
                "url": doc.url,
                "date": doc.date,
                "lang": doc.lang,
                "text": doc.text,
                # Why the document has no claims (or fewer than its text), said on the page
                # rather than left as a silently empty column.
                "note": language_gap(doc.lang, doc.lang_spans),
            }
        )
    if progress is not None:
        progress("report: documents", len(rows), len(rows))
    # The reviewed view: people's corrections applied, rejected figures kept but marked.
    view = ReviewedView(store)
    claims = _counted(
        (compact_claim(c) for c in view.claims(include_rejected=True)), "report: claims", progress
    )
    events = _counted((compact_event(e) for e in view.events()), "report: events", progress)
    _shorten_ids(docs, claims, events)
    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": __version__,
        "docs": docs,
        "claims": claims,
        "events": events,
        "basemap": basemap(),
    }
