"""Keep the store's events up to date as documents arrive.

Claims already assigned to an event rebuild their event's grouping (no comparisons); only new
claims are aligned against the events, through the blocking index.  Events whose claims did
not change keep their stored data untouched and are not rewritten; only the claims whose event
changed get a new assignment row.  Ids never depend on later documents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.align.cluster import Aligner, gc_paused
from rashomon.align.events import SUMMARY_VERSION, event_id, make_event
from rashomon.align.items import Item, to_item
from rashomon.progress import EVERY, Progress
from rashomon.reconcile.estimates import DISPUTE_RATIO
from rashomon.store import Store


@dataclass(slots=True)
class AlignSummary:
    events: int = 0
    changed: int = 0
    removed: int = 0
    new_claims: int = 0
    disputes: int = 0
    inconsistencies: int = 0


@dataclass(slots=True)
class Stored:
    """What alignment needs of the stored events: each one's dispute and inconsistency
    counts (kept when the event is unchanged), the events that lost a claim to a newer
    document version, and whether a new dispute ratio refreshes them all."""

    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    shrunk: set[str] = field(default_factory=set)
    refresh: bool = False

    def only(self, events: Iterable[str]) -> Stored:
        """The part about these events (those of some claims aligned apart)."""
        wanted = set(events)
        return Stored(
            {e: n for e, n in self.counts.items() if e in wanted},
            self.shrunk & wanted,
            self.refresh,
        )


@dataclass(slots=True)
class Aligned:
    """What aligning a set of claims gives: the events to (re)write, the claims whose event
    changed, and the ids of all its current events.  Sets of claims that never interact (see
    ``rashomon.scale.partition``) can be aligned apart and their results joined."""

    changed: list[dict[str, Any]] = field(default_factory=list)
    assignments: dict[str, str] = field(default_factory=dict)
    current: set[str] = field(default_factory=set)
    new_claims: int = 0
    disputes: int = 0
    inconsistencies: int = 0

    def join(self, other: Aligned) -> None:
        self.changed.extend(other.changed)
        self.assignments.update(other.assignments)
        self.current |= other.current
        self.new_claims += other.new_claims
        self.disputes += other.disputes
        self.inconsistencies += other.inconsistencies


#: ``align(claims, known, stored, ratio, progress)``: claims in alignment order, each known
#: claim's event id, what is needed of the stored events.
AlignFn = Callable[
    [Sequence[Mapping[str, Any]], Mapping[str, str], Stored, float, Progress | None], Aligned
]


@dataclass(slots=True)
class Plan:
    """The grouping of a set of claims: what ``Aligned`` says except the events themselves,
    and the members (item positions) of each event to (re)build, in event order."""

    aligned: Aligned
    rebuild: list[list[int]]


def plan_events(
    items: Sequence[Item],
    known: Mapping[str, str],
    stored: Stored,
    progress: Progress | None = None,
) -> Plan:
    """Rebuild the known events (claim id -> event id), align the other items against them,
    and say which events changed: their members, and the claims whose event changed.  Only
    the items are needed, never the claims, so a caller can read the claims of the changed
    events when it summarises them (``update_events`` does, from the store, batch by batch)."""
    # The events already found, member by member in claim order; an event that lost a claim
    # (its document has a newer version) is rebuilt.
    seeded: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        assigned = known.get(item.claim_id)
        if assigned is not None:
            seeded[assigned].append(item)
    new_items = [i for i in items if i.claim_id not in known]
    aligner = Aligner()
    aligner.restore(seeded.values())
    aligner.add(new_items, progress)
    groups = aligner.groups()
    del aligner

    plan = Plan(Aligned(new_claims=len(new_items)), [])
    out = plan.aligned
    counts, refresh = stored.counts, stored.refresh
    for members in groups:
        eid = event_id(items[members[0]].claim_id)
        out.current.add(eid)
        old = seeded.get(eid)
        same = (
            not refresh
            and eid in counts
            and eid not in stored.shrunk
            and old is not None
            and len(old) == len(members)
            and all(item.index == i for item, i in zip(old, members, strict=True))
        )
        if same:
            disputes, inconsistencies = counts[eid]
            out.disputes += disputes
            out.inconsistencies += inconsistencies
            continue
        plan.rebuild.append(members)
        for i in members:
            if known.get(items[i].claim_id) != eid:
                out.assignments[items[i].claim_id] = eid
    return plan


def summarise(
    claims: Sequence[Mapping[str, Any]], ratio: float, out: Aligned | None = None
) -> dict[str, Any]:
    """An event to store from its claims (in claim order), counted into ``out``."""
    event = make_event(claims, ratio)
    event["dispute_ratio"] = ratio
    event["summary_version"] = SUMMARY_VERSION
    if out is not None:
        out.disputes += len(event["disputes"])
        out.inconsistencies += len(event["consistency"])
    return event


def align_claims(
    claims: Sequence[Mapping[str, Any]],
    known: Mapping[str, str],
    stored: Stored,
    ratio: float = DISPUTE_RATIO,
    progress: Progress | None = None,
) -> Aligned:
    """Rebuild the known events (claim id -> event id), align the other claims against
    them, and summarise the events whose claims changed (every claim in memory: what the
    distributed aligner ships to its tasks; ``update_events`` by default reads claims from
    the store only as it needs them)."""
    with gc_paused():
        items = [to_item(i, c) for i, c in enumerate(claims)]
    plan = plan_events(items, known, stored, progress)
    out = plan.aligned
    with gc_paused():
        for done, members in enumerate(plan.rebuild):
            if progress is not None and done % EVERY == 0:
                progress("summarising events", done, len(plan.rebuild))
            out.changed.append(summarise([claims[i] for i in members], ratio, out))
        if progress is not None and plan.rebuild:
            progress("summarising events", len(plan.rebuild), len(plan.rebuild))
    return out


def update_events(
    store: Store,
    ratio: float = DISPUTE_RATIO,
    progress: Progress | None = None,
    align: AlignFn | None = None,
) -> AlignSummary:
    """Align new claims and refresh the events they touch.  A different dispute ratio than
    the stored events were computed with, or events summarised by another version of
    ``make_event``, refreshes every event (grouping is unchanged).

    By default the claims are streamed from the store: alignment keeps a small item per
    claim, and each changed event is summarised from its claims, read by id a batch of
    events at a time, then written; so memory grows with the number of claims by a few
    hundred bytes each, not by the claims themselves.  ``align`` instead takes every claim
    in memory and may spread the work (``rashomon.scale``); what is stored is the same.
    Two runs on one store align one after the other (the second finds nothing due),
    else both would insert the same new events."""
    with store.exclusive("align"):
        return _update_events(store, ratio, progress, align)


def _update_events(
    store: Store, ratio: float, progress: Progress | None, align: AlignFn | None
) -> AlignSummary:
    # What is needed of the stored events: their ids, ratio and counts (streamed, not kept).
    stored = Stored()
    for event in store.iter_events():
        stored.counts[event["id"]] = (len(event["disputes"]), len(event["consistency"]))
        stored.refresh = (
            stored.refresh
            or event.get("dispute_ratio") != ratio
            or event.get("summary_version") != SUMMARY_VERSION
        )
    if not stored.refresh and not store.alignment_due():
        # Nothing new and nothing gone: the stored events are current (no claim is read).
        return AlignSummary(
            events=len(stored.counts),
            disputes=sum(d for d, _ in stored.counts.values()),
            inconsistencies=sum(i for _, i in stored.counts.values()),
        )
    known = _assignments(store)
    if align is not None:
        claims = store.current_claims()
        current_ids = {str(c["id"]) for c in claims}
        stored.shrunk = {known[cid] for cid in known if cid not in current_ids}
        result = align(claims, known, stored, ratio, progress)
        del claims
        changed: Iterable[dict[str, Any]] = result.changed
    else:
        with gc_paused():
            items = [to_item(i, c) for i, c in enumerate(store.iter_current_claims())]
        current_ids = {item.claim_id for item in items}
        stored.shrunk = {known[cid] for cid in known if cid not in current_ids}
        plan = plan_events(items, known, stored, progress)
        result = plan.aligned
        changed = _summarised(store, items, plan, ratio, progress)
    gone = [cid for cid in known if cid not in current_ids]
    removed = [eid for eid in stored.counts if eid not in result.current]
    # ``changed`` may be a generator that counts disputes into ``result`` as it is written.
    n_changed = store.save_events(changed, removed, result.assignments, gone)
    return AlignSummary(
        events=len(result.current),
        changed=n_changed,
        removed=len(removed),
        new_claims=result.new_claims,
        disputes=result.disputes,
        inconsistencies=result.inconsistencies,
    )


def _assignments(store: Store) -> dict[str, str]:
    """claim id -> event id, each event id one string however many claims it holds."""
    ids: dict[str, str] = {}
    return {c: ids.setdefault(e, e) for c, e in store.event_assignments().items()}


#: Claims read from the store at a time to summarise events (an event with more is read alone).
SUMMARY_BATCH = 4000


def _summarised(
    store: Store, items: Sequence[Item], plan: Plan, ratio: float, progress: Progress | None
) -> Iterator[dict[str, Any]]:
    """The changed events, summarised from their claims read by id a batch at a time."""
    total = len(plan.rebuild)
    done = 0
    for batch in _batches(plan.rebuild, SUMMARY_BATCH):
        claims = store.claims_by_id([items[i].claim_id for m in batch for i in m])
        with gc_paused():
            for members in batch:
                if progress is not None and done % EVERY == 0:
                    progress("summarising events", done, total)
                done += 1
                # A claim replaced meanwhile by another process's re-extraction is missing:
                # the event is summarised from the others, and the next run, finding that
                # claim gone, rebuilds it.
                ids = (items[i].claim_id for i in members)
                found = [claims[c] for c in ids if c in claims]
                if found:
                    yield summarise(found, ratio, plan.aligned)
        del claims
    if progress is not None and total:
        progress("summarising events", total, total)


def _batches(groups: Sequence[list[int]], limit: int) -> Iterator[list[list[int]]]:
    """Consecutive groups holding about ``limit`` members together (a larger one alone)."""
    batch: list[list[int]] = []
    size = 0
    for members in groups:
        if batch and size + len(members) > limit:
            yield batch
            batch, size = [], 0
        batch.append(members)
        size += len(members)
    if batch:
        yield batch
