"""What the HTML report shows, streamed from the store as the pieces of one JSON object."""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterable, Iterator
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


_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


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


class _Ids:
    """Full sha256 ids repeated in every reference make up much of a large report; inside one
    file, short prefixes are as good: ids of the report's documents or claims are cut to 12
    characters, unless two would then collide (all are kept whole), others stay whole."""

    __slots__ = ("cut", "known")

    def __init__(self, ids: Iterable[str], length: int = 12) -> None:
        self.known = set(ids)
        self.cut = len({i[:length] for i in self.known}) == len(self.known)

    def __call__(self, ref: str) -> str:
        return ref[:12] if self.cut and ref in self.known else ref


def _short_claim(claim: dict[str, Any], c: _Ids, d: _Ids) -> dict[str, Any]:
    claim["id"], claim["doc"] = c(claim["id"]), d(claim["doc"])
    return claim


def _short_event(event: dict[str, Any], c: _Ids, d: _Ids) -> dict[str, Any]:
    event["claims"] = [c(i) for i in event["claims"]]
    event["docs"] = [d(i) for i in event["docs"]]
    event["names"] = [{**n, "docs": [d(i) for i in n["docs"]]} for n in event.get("names") or []]
    for est in event["estimates"]:
        est["figures"] = [[c(i), counted, why] for i, counted, why in est["figures"]]
    for dispute in event["disputes"]:
        dispute["claims"] = [c(i) for i in dispute["claims"]]
        if "doc" in dispute:
            dispute["doc"] = d(dispute["doc"])
        if "values" in dispute:
            dispute["values"] = [c(i) for i in dispute["values"]]
        if isinstance(dispute.get("detail"), dict):
            dispute["detail"] = {d(k): v for k, v in dispute["detail"].items()}
    for problem in event["consistency"]:
        problem["doc"] = d(problem["doc"])
        problem["claims"] = [c(i) for i in problem["claims"]]
    return event


def _documents(store: Store, progress: Progress | None) -> Iterator[dict[str, Any]]:
    """The current documents with their text, in path order, read a batch at a time."""
    total = store.count_current_documents()
    done = 0
    for rows in _batched(store.iter_current_documents(by_path=True), _DOC_BATCH):
        texts = {doc.id: doc for doc in store.iter_documents(ids=[r["id"] for r in rows])}
        for row in rows:
            if progress is not None and done % EVERY == 0:
                progress("report: documents", done, total)
            done += 1
            doc = texts[row["id"]]
            yield {
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
    if progress is not None:
        progress("report: documents", total, total)


_DOC_BATCH = 100


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _counted(
    items: Iterable[dict[str, Any]], stage: str, progress: Progress | None
) -> Iterator[dict[str, Any]]:
    """The items as they come, counted out on ``progress``."""
    done = 0
    for item in items:
        if progress is not None and done % EVERY == 0:
            progress(stage, done, None)
        done += 1
        yield item
    if progress is not None:
        progress(stage, done, done)


def report_json(store: Store, progress: Progress | None = None) -> Iterator[str]:
    """What the report shows, as the pieces of one JSON object escaped for a ``<script>``
    element (``script`` below), streamed: documents, claims and events are read from the
    store a batch at a time and written one by one, so the report of a large store never
    sits whole in memory.  Joined, the pieces are ``script(data)`` of the object
    ``{generated, version, docs, claims, events, basemap}``."""
    script = script_json
    yield '{"generated":' + script(datetime.now(UTC).isoformat(timespec="seconds"))
    yield ',"version":' + script(__version__)
    # Ids are shortened where no two collide, which needs every id before the first is written.
    d = _Ids(row["id"] for row in store.iter_current_documents())
    c = _Ids(store.iter_current_claim_ids())
    yield ',"docs":['
    for i, doc in enumerate(_documents(store, progress)):
        doc["id"] = d(doc["id"])
        yield ("," if i else "") + script(doc)
    yield '],"claims":['
    # The reviewed view: people's corrections applied, rejected figures kept but marked.
    view = ReviewedView(store)
    claims = (compact_claim(x) for x in view.claims(include_rejected=True))
    for i, claim in enumerate(_counted(claims, "report: claims", progress)):
        yield ("," if i else "") + script(_short_claim(claim, c, d))
    yield '],"events":['
    events = (compact_event(e) for e in view.events())
    for i, event in enumerate(_counted(events, "report: events", progress)):
        yield ("," if i else "") + script(_short_event(event, c, d))
    yield '],"basemap":' + script(basemap()) + "}"
