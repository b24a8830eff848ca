"""The reviewed view: the store's claims and events with every review applied.

Machine output is never edited.  Reading applies the reviews on top of it, in the order they
were made:

* a claim review sets a field, accepts or rejects the claim (a rejected claim is "not a
  figure" and leaves its event), or notes something; the latest review of a field wins;
* event reviews act on the grouping of claims into events and hold on to claim ids (event
  ids follow alignment, claim ids are stable): a merge joins the event holding most of the
  first event's reviewed claims with the one holding most of the second's; a split moves the
  named claims into an event of their own;
* every event whose claims or grouping a review changed is rebuilt with
  ``rashomon.align.events.make_event``, so estimates, disputes and consistency always come
  from the reviewed claims; other events are read as stored.

A review whose claims no longer exist (a new version of the document, a span the extractor no
longer finds) is kept and reported as orphaned; nothing is dropped.  Only the events a review
touches are loaded and rebuilt, so a view over a large store costs about as much as its
reviews, and ``events()`` / ``claims()`` stream.
"""

from __future__ import annotations

import copy
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.sql import Select

from rashomon._words import plural
from rashomon.align.events import make_event
from rashomon.reconcile.estimates import DISPUTE_RATIO
from rashomon.review.fields import FIGURE_FIELDS, apply_field
from rashomon.review.records import Review, digest, heads, load_reviews
from rashomon.store import Store
from rashomon.store import schema as s

# The store's own definition of "current document", so both read the same documents.
from rashomon.store._queries import current_doc_ids

#: Review statuses: applied (in effect), superseded (a later review of the same field or a
#: later decision replaced it), orphaned (its target no longer exists; kept, listed).
APPLIED, SUPERSEDED, ORPHANED = "applied", "superseded", "orphaned"
_CHUNK = 500


def current_claims_query() -> Select[Any]:
    return (
        select(s.claims.c.id, s.claims.c.data, s.documents.c.ingested_at)
        .join(s.documents, s.documents.c.id == s.claims.c.doc_id)
        .where(s.claims.c.doc_id.in_(current_doc_ids()))
    )


def _order(row: Any) -> tuple[str, str, int, str]:
    """Alignment's claim order (Store.current_claims): ingestion, document, offset, id."""
    data = row.data
    return (row.ingested_at, data["doc"]["id"], int(_start(data)), data["id"])


def _start(claim: Mapping[str, Any]) -> int:
    span = claim.get("value") or claim.get("trigger") or claim.get("evidence") or {}
    return int(span.get("start", 0))


def mark(review: Review) -> dict[str, Any]:
    """Who changed something, when and why: what every output shows beside a reviewed value."""
    out: dict[str, Any] = {
        "review": review.id,
        "action": review.action,
        "by": review.author,
        "at": review.created_at,
    }
    if review.reason:
        out["reason"] = review.reason
    if review.action == "note":
        out["note"] = review.value
    return out


@dataclass(slots=True)
class _ClaimState:
    fields: dict[str, Review]
    decision: Review | None
    notes: list[Review]


def apply_reviews(claim: Mapping[str, Any], reviews: Iterable[Review]) -> dict[str, Any]:
    """A claim after its reviews (oldest first), with a ``review`` block saying who changed
    what; the machine value of each corrected field is kept there."""
    out = copy.deepcopy(dict(claim))
    fields: dict[str, Any] = {}
    decision: dict[str, Any] | None = None
    notes: list[dict[str, Any]] = []
    for review in reviews:
        if review.action == "correct" and review.field:
            if review.field in FIGURE_FIELDS and claim.get("kind") != "figure":
                continue
            if review.field in fields:
                machine = fields[review.field]["machine"]
            elif review.field == "qualifier":
                machine = (claim.get("value") or {}).get("qualifier")
            else:
                machine = copy.deepcopy(claim.get(review.field))
            apply_field(out, review.field, review.value)
            fields[review.field] = {**mark(review), "machine": machine}
        elif review.action in ("accept", "reject"):
            decision = mark(review)
        elif review.action == "note":
            notes.append(mark(review))
    if not (fields or decision or notes):
        return out
    rejected = decision is not None and decision["action"] == "reject"
    status = (
        "rejected"
        if rejected
        else "corrected"
        if fields
        else "accepted"
        if decision is not None
        else "noted"
    )
    out["review"] = {"status": status, "decision": decision, "fields": fields, "notes": notes}
    return out


def review_summary(item: Mapping[str, Any]) -> str | None:
    """One line saying what people changed on a claim or event, and who and when."""
    block = item.get("review")
    if not block:
        return None
    parts = []
    for name, m in (block.get("fields") or {}).items():
        parts.append(f"{name} corrected by {m['by']} on {m['at'][:10]}")
    decision = block.get("decision")
    if decision:
        verb = "rejected as not a figure" if decision["action"] == "reject" else "accepted"
        parts.append(f"{verb} by {decision['by']} on {decision['at'][:10]}")
    for m in block.get("notes") or []:
        parts.append(f"note by {m['by']} on {m['at'][:10]}")
    for m in block.get("reviews") or []:
        done = {"merge": "merged", "split": "split", "note": "noted", "accept": "accepted"}
        parts.append(f"{done.get(m['action'], m['action'])} by {m['by']} on {m['at'][:10]}")
    if not parts and block.get("claims_reviewed"):
        parts.append(f"{plural(len(block['claims_reviewed']), 'claim')} reviewed")
    return "Reviewed: " + "; ".join(parts) if parts else None


def _most_held(claims: list[str], group_of: Mapping[str, str]) -> str:
    """The group holding most of these claims (the earliest-named one on a tie)."""
    counts = Counter(group_of[c] for c in claims)
    top = max(counts.values())
    return next(group_of[c] for c in claims if counts[group_of[c]] == top)


class ReviewedView:
    """Claims and events after review, read from a store (see the module docstring)."""

    def __init__(
        self, store: Store, ratio: float | None = None, reviews: list[Review] | None = None
    ) -> None:
        self.store = store
        self.reviews = load_reviews(store) if reviews is None else reviews
        self.status: dict[str, str] = {}
        self.claim_reviews: dict[str, list[Review]] = defaultdict(list)
        self.doc_reviews: dict[str, list[Review]] = defaultdict(list)
        self.event_reviews: list[Review] = []
        for review in self.reviews:
            if review.target_kind == "claim":
                self.claim_reviews[review.target_id].append(review)
            elif review.target_kind == "document":
                self.doc_reviews[review.target_id].append(review)
            else:
                self.event_reviews.append(review)
        self.ratio = ratio if ratio is not None else self._stored_ratio()
        #: Rebuilt events by id; machine events they replace; claim -> rebuilt event id.
        self.rebuilt: dict[str, dict[str, Any]] = {}
        self.replaced: set[str] = set()
        self.claim_event: dict[str, str] = {}
        self.rejected: set[str] = set()
        self._current_docs: frozenset[str] | None = None
        self._build()

    # -- building --------------------------------------------------------------------------

    def _stored_ratio(self) -> float:
        with self.store.engine.connect() as conn:
            data = conn.execute(select(s.events.c.data).limit(1)).scalar_one_or_none()
        ratio = (data or {}).get("dispute_ratio")
        return float(ratio) if isinstance(ratio, (int, float)) else DISPUTE_RATIO

    @property
    def current_docs(self) -> frozenset[str]:
        """Ids of the current documents (read once per view: a lookup of a few claims by id
        then costs an index probe, not a pass over every document's versions)."""
        if self._current_docs is None:
            with self.store.engine.connect() as conn:
                self._current_docs = frozenset(conn.execute(current_doc_ids()).scalars())
        return self._current_docs

    def claim_rows(self, ids: Iterable[str]) -> dict[str, Any]:
        """Current claims by id (rows with data and ingestion time)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, Any] = {}
        current = self.current_docs
        with self.store.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                query = (
                    select(
                        s.claims.c.id, s.claims.c.doc_id, s.claims.c.data, s.documents.c.ingested_at
                    )
                    .join(s.documents, s.documents.c.id == s.claims.c.doc_id)
                    .where(s.claims.c.id.in_(wanted[i : i + _CHUNK]))
                )
                out.update((r.id, r) for r in conn.execute(query) if r.doc_id in current)
        return out

    def assigned(self, claim_ids: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(claim_ids))
        out: dict[str, str] = {}
        with self.store.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                rows = conn.execute(
                    select(s.event_claims.c.claim_id, s.event_claims.c.event_id).where(
                        s.event_claims.c.claim_id.in_(wanted[i : i + _CHUNK])
                    )
                )
                out.update((r.claim_id, r.event_id) for r in rows)
        return out

    def _members(self, event_ids: Iterable[str]) -> dict[str, list[str]]:
        wanted = list(dict.fromkeys(event_ids))
        out: dict[str, list[str]] = defaultdict(list)
        with self.store.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                rows = conn.execute(
                    select(s.event_claims.c.claim_id, s.event_claims.c.event_id).where(
                        s.event_claims.c.event_id.in_(wanted[i : i + _CHUNK])
                    )
                )
                for r in rows:
                    out[r.event_id].append(r.claim_id)
        return out

    def _build(self) -> None:
        anchored = {c for r in self.event_reviews for ids in r.anchors.values() for c in ids}
        rows = self.claim_rows([*self.claim_reviews, *anchored])
        self._claim_statuses(rows)
        self._doc_statuses()
        changing = {
            cid
            for cid, reviews in self.claim_reviews.items()
            if cid in rows and any(r.action in ("correct", "reject") for r in reviews)
        }
        assigned = self.assigned([*changing, *(c for c in anchored if c in rows)])
        touched = set(assigned.values())
        members = self._members(touched)
        more = self.claim_rows(c for ids in members.values() for c in ids if c not in rows)
        rows.update(more)
        # The grouping of every touched claim: its machine event, or a group of its own when
        # alignment has not placed it yet.
        groups: dict[str, list[str]] = {
            eid: [c for c in ids if c in rows] for eid, ids in members.items()
        }
        for cid in [*changing, *anchored]:
            if cid in rows and cid not in assigned:
                groups.setdefault("~" + cid, [cid])
        group_of = {c: g for g, ids in groups.items() for c in ids}
        marks: dict[str, list[Review]] = defaultdict(list)
        origins: dict[str, set[str]] = {g: {g} for g in groups if not g.startswith("~")}
        for review in self.event_reviews:
            if self._apply_event_review(review, groups, group_of, marks, origins):
                self.status[review.id] = APPLIED
            else:
                self.status[review.id] = ORPHANED
        self.replaced = {g for g in members}
        for group, ids in groups.items():
            claims = []
            for cid in sorted(
                (c for c in ids if c not in self.rejected), key=lambda c: _order(rows[c])
            ):
                claims.append(apply_reviews(rows[cid].data, self.claim_reviews.get(cid, ())))
            if not claims:
                continue
            event = make_event(claims, self.ratio)
            event["dispute_ratio"] = self.ratio
            event["review"] = {
                "reviews": [mark(r) for r in marks.get(group, [])],
                "claims_reviewed": [c["id"] for c in claims if "review" in c],
                "machine_events": sorted(origins.get(group, set())),
            }
            self.rebuilt[event["id"]] = event
            for claim in claims:
                self.claim_event[claim["id"]] = event["id"]

    def _apply_event_review(
        self,
        review: Review,
        groups: dict[str, list[str]],
        group_of: dict[str, str],
        marks: dict[str, list[Review]],
        origins: dict[str, set[str]],
    ) -> bool:
        held = {k: [c for c in v if c in group_of] for k, v in review.anchors.items()}
        if review.action == "merge":
            if not held.get("target") or not held.get("other"):
                return False
            keep, other = _most_held(held["target"], group_of), _most_held(held["other"], group_of)
            if keep != other:
                for cid in groups.pop(other):
                    groups[keep].append(cid)
                    group_of[cid] = keep
                marks[keep].extend(marks.pop(other, []))
                origins.setdefault(keep, set()).update(origins.pop(other, set()))
            marks[keep].append(review)
            return True
        if review.action == "split":
            moving = list(dict.fromkeys(held.get("split") or []))
            if not moving:
                return False
            new = "split:" + review.id
            left = set()
            for cid in moving:
                old = group_of[cid]
                groups[old].remove(cid)
                left.add(old)
                group_of[cid] = new
            groups[new] = list(moving)
            for old in left:
                marks[old].append(review)
                origins.setdefault(new, set()).update(origins.get(old, set()))
            marks[new].append(review)
            return True
        target = held.get("target") or []
        if not target:
            return False
        marks[_most_held(target, group_of)].append(review)
        return True

    def _claim_statuses(self, rows: Mapping[str, Any]) -> None:
        for cid, reviews in self.claim_reviews.items():
            last_field: dict[str, str] = {}
            last_decision = None
            for review in reviews:
                if review.action == "correct" and review.field:
                    last_field[review.field] = review.id
                elif review.action in ("accept", "reject"):
                    last_decision = review.id
            live = set(last_field.values()) | {last_decision}
            kind = rows[cid].data.get("kind") if cid in rows else None
            for review in reviews:
                if cid not in rows or (review.field in FIGURE_FIELDS and kind != "figure"):
                    self.status[review.id] = ORPHANED
                elif review.action == "note" or review.id in live:
                    self.status[review.id] = APPLIED
                else:
                    self.status[review.id] = SUPERSEDED
            decided = next((r for r in reviews if r.id == last_decision), None)
            if cid in rows and decided is not None and decided.action == "reject":
                self.rejected.add(cid)

    def _doc_statuses(self) -> None:
        ids = list(self.doc_reviews)
        found: set[str] = set()
        with self.store.engine.connect() as conn:
            for i in range(0, len(ids), _CHUNK):
                found.update(
                    conn.execute(
                        select(s.documents.c.id).where(s.documents.c.id.in_(ids[i : i + _CHUNK]))
                    ).scalars()
                )
        for doc_id, reviews in self.doc_reviews.items():
            for review in reviews:
                self.status[review.id] = APPLIED if doc_id in found else ORPHANED

    # -- reading ---------------------------------------------------------------------------

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        """One current claim after review (rejected ones too, marked), or None."""
        row = self.claim_rows([claim_id]).get(claim_id)
        if row is None:
            return None
        return apply_reviews(row.data, self.claim_reviews.get(claim_id, ()))

    def claims_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Current claims after review, by id (missing ones left out)."""
        out = {}
        for cid, row in self.claim_rows(ids).items():
            reviews = self.claim_reviews.get(cid)
            # A fresh dict per read, as claims() gives; the deep copy only when reviews apply.
            out[cid] = apply_reviews(row.data, reviews) if reviews else dict(row.data)
        return out

    def claims(
        self, doc_id: str | None = None, *, include_rejected: bool = True
    ) -> Iterator[dict[str, Any]]:
        """Current claims after review, in alignment order (streamed)."""
        order = (s.documents.c.ingested_at, s.documents.c.id, s.claims.c.start_char, s.claims.c.id)
        if doc_id is not None:
            # One document: check it is current from the view's set, not with the subquery.
            if doc_id not in self.current_docs:
                return
            query = (
                select(s.claims.c.id, s.claims.c.data, s.documents.c.ingested_at)
                .join(s.documents, s.documents.c.id == s.claims.c.doc_id)
                .where(s.claims.c.doc_id == doc_id)
                .order_by(*order)
            )
        else:
            query = current_claims_query().order_by(*order)
        with self.store.engine.connect() as conn:
            for row in conn.execution_options(yield_per=_CHUNK).execute(query):
                if not include_rejected and row.id in self.rejected:
                    continue
                reviews = self.claim_reviews.get(row.id)
                yield apply_reviews(row.data, reviews) if reviews else dict(row.data)

    def events(self) -> Iterator[dict[str, Any]]:
        """Every event after review, by id (streamed: stored events are read as they go)."""
        rebuilt = [self.rebuilt[k] for k in sorted(self.rebuilt)]
        return heapq.merge(rebuilt, self._stored_events(), key=lambda e: str(e["id"]))

    def _stored_events(self) -> Iterator[dict[str, Any]]:
        query = select(s.events.c.id, s.events.c.data).order_by(s.events.c.id)
        with self.store.engine.connect() as conn:
            for row in conn.execution_options(yield_per=_CHUNK).execute(query):
                if row.id not in self.replaced:
                    yield dict(row.data)

    def event(self, event_id: str) -> dict[str, Any] | None:
        if event_id in self.rebuilt:
            return self.rebuilt[event_id]
        if event_id in self.replaced:
            return None
        with self.store.engine.connect() as conn:
            data = conn.execute(
                select(s.events.c.data).where(s.events.c.id == event_id)
            ).scalar_one_or_none()
        return dict(data) if data is not None else None

    def find_events(self, prefix: str, limit: int = 6) -> list[str]:
        """Event ids (after review) starting with ``prefix``."""
        found = [i for i in sorted(self.rebuilt) if i.startswith(prefix)][:limit]
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(s.events.c.id)
                .where(s.events.c.id.like(escaped + "%", escape="\\"))
                .order_by(s.events.c.id)
                .limit(limit + len(self.replaced))
            ).scalars()
            found.extend(i for i in rows if i not in self.replaced and i not in self.rebuilt)
        return sorted(found)[:limit]

    def event_of(self, claim_id: str) -> str | None:
        """The event a claim belongs to after review (None for a rejected claim)."""
        if claim_id in self.rejected:
            return None
        if claim_id in self.claim_event:
            return self.claim_event[claim_id]
        assigned = self.assigned([claim_id]).get(claim_id)
        return assigned if assigned not in self.replaced else None

    def history(self, kind: str, target_id: str) -> list[Review]:
        """The reviews shown with a target: a claim's own, an event's (including those made
        on its earlier ids), a document's."""
        if kind == "claim":
            return list(self.claim_reviews.get(target_id, []))
        if kind == "document":
            return list(self.doc_reviews.get(target_id, []))
        event = self.event(target_id) or {}
        ids = {m["review"] for m in (event.get("review") or {}).get("reviews", [])}
        return [r for r in self.event_reviews if r.id in ids or r.target_id == target_id]

    def orphans(self) -> list[Review]:
        return [r for r in self.reviews if self.status.get(r.id) == ORPHANED]

    def version(self, kind: str, target_id: str) -> str | None:
        """The target's version as a reviewer sees it (N.HASH), None if it does not exist.
        N counts its reviews; HASH covers the machine claim (not the extractor's name, so a
        re-extraction giving the same claim keeps it) or the event's claims."""
        if kind == "claim":
            return self.claim_versions([target_id]).get(target_id)
        if kind == "event":
            event = self.event(target_id)
            return self.event_version(event) if event is not None else None
        with self.store.engine.connect() as conn:
            found = conn.execute(
                select(s.documents.c.id).where(s.documents.c.id == target_id)
            ).scalar_one_or_none()
        if found is None:
            return None
        # A document's text never changes under its id (the id is the text's hash).
        seq = heads(self.store, kind, [target_id]).get(target_id, 0)
        return f"{seq}.{target_id[:12]}"

    def claim_versions(self, ids: Iterable[str]) -> dict[str, str]:
        """The versions of current claims (see ``version``), in two queries."""
        return self.claims_and_versions(ids)[1]

    def claims_and_versions(
        self, ids: Iterable[str]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """Current claims after review, and their versions, by id (for a page of claims)."""
        rows = self.claim_rows(ids)
        counts = heads(self.store, "claim", rows)
        claims, versions = {}, {}
        for cid, row in rows.items():
            content = digest({k: v for k, v in row.data.items() if k != "extractor"})
            versions[cid] = f"{counts.get(cid, 0)}.{content}"
            reviews = self.claim_reviews.get(cid)
            # The deep copy only when reviews apply (hundreds of claims on a large event).
            claims[cid] = apply_reviews(row.data, reviews) if reviews else dict(row.data)
        return claims, versions

    def event_version(self, event: Mapping[str, Any]) -> str:
        """``version("event", ...)`` of an event already read."""
        seq = heads(self.store, "event", [str(event["id"])]).get(str(event["id"]), 0)
        return f"{seq}.{digest(event['claims'])}"


def reviewed_claims(store: Store, *, include_rejected: bool = False) -> Iterator[dict[str, Any]]:
    """Current claims after review, streamed in alignment order.  A reviewed claim carries a
    ``review`` block (status, decision, corrected fields with who/when/why and the machine
    value, notes); unreviewed claims have none.  Claims rejected as not a figure are left
    out unless ``include_rejected``."""
    return ReviewedView(store).claims(include_rejected=include_rejected)


def reviewed_events(store: Store, ratio: float | None = None) -> Iterator[dict[str, Any]]:
    """Events after review, streamed by id, in the ``rashomon events`` contract; an event a
    review changed is rebuilt from its reviewed claims and carries a ``review`` block."""
    return ReviewedView(store, ratio).events()
