"""What the HTML report shows, as one JSON-able dict built from the store."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rashomon._version import __version__
from rashomon.pipeline import language_gap
from rashomon.progress import EVERY, Progress
from rashomon.reconcile.estimates import estimate_list
from rashomon.report.compare import actor_words, estimate_label, source_name
from rashomon.review.view import ReviewedView, review_summary
from rashomon.store import Store

_CLAIM_KEYS = (
    "id",
    "kind",
    "event_type",
    "measure",
    "value",
    "unit",
    "time",
    "places",
    "perpetrators",
    "victims",
    "attribution",
    "evidence",
    "framing",
    "trigger",
)


@cache
def basemap() -> dict[str, Any]:
    raw = (resources.files("rashomon") / "data" / "basemap.json.gz").read_bytes()
    return dict(json.loads(gzip.decompress(raw)))


def compact_claim(claim: dict[str, Any]) -> dict[str, Any]:
    """What the report needs of a claim.  The quote is not repeated: the page reads it from
    the document's text through the evidence offsets, which keeps a 1,000-document report
    small enough to open."""
    item = {k: claim.get(k) for k in _CLAIM_KEYS if k in claim}
    item["doc"] = claim["doc"]["id"]
    evidence = claim.get("evidence") or {}
    item["evidence"] = {"start": evidence.get("start"), "end": evidence.get("end")}
    item["places"] = [{"name": p.get("name")} for p in claim.get("places") or []]
    for role in ("victims", "perpetrators"):
        item[role] = [{"text": a.get("text")} for a in claim.get(role) or []]
    time = claim.get("time")
    if time:
        item["time"] = {k: time.get(k) for k in ("start", "end", "source")}
    attribution = claim.get("attribution")
    if attribution:
        item["attribution"] = {"speaker": attribution.get("speaker")}
    reviewed = review_summary(claim)
    if reviewed:
        item["reviewed"] = reviewed
        item["rejected"] = (claim["review"].get("decision") or {}).get("action") == "reject"
    if claim.get("value"):
        value = claim["value"]
        item["value"] = {
            k: value.get(k) for k in ("low", "high", "qualifier", "text", "start", "end")
        }
    return item


def compact_event(event: dict[str, Any]) -> dict[str, Any]:
    """Events refer to their claims by id; the page looks the figures up, so nothing is
    stored twice."""
    out = {
        k: event[k]
        for k in ("id", "label", "event_type", "time", "places", "claims", "docs", "consistency")
    }
    reviewed = review_summary(event)
    if reviewed:
        out["reviewed"] = reviewed
    out["names"] = [
        {"name": n["name"], "lang": n.get("lang"), "docs": list(n.get("docs") or [])}
        for n in event.get("names") or []
    ]
    # One estimate per measure and victim group; figures as [claim id, counted, why not].
    out["estimates"] = [
        {
            "label": estimate_label(est),
            **{k: est.get(k) for k in ("measure", "unit", "victims", "low", "best", "high")},
            "n_sources": est.get("n_sources"),
            "subgroup": bool(est.get("subgroup")),
            "figures": [
                [f["claim"], f["counted"], f.get("why") or ""] for f in est.get("figures") or []
            ],
        }
        for est in estimate_list(event)
    ]
    out["disputes"] = [
        {
            **{k: v for k, v in d.items() if k != "values"},
            **({"values": [v["claim"] for v in d["values"]]} if "values" in d else {}),
        }
        for d in event["disputes"]
    ]
    for dispute in out["disputes"]:
        # Perpetrators come as actor ids where the actor table knows them; readers get names.
        if dispute.get("kind") == "perpetrators" and isinstance(dispute.get("detail"), dict):
            detail = dispute["detail"].items()
            dispute["detail"] = {doc: [actor_words(str(n)) for n in names] for doc, names in detail}
    return out


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
