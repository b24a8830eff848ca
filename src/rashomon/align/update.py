"""Keep the store's events up to date as documents arrive.

Claims already assigned to an event rebuild their event's grouping (no comparisons); only new
claims are aligned against the events, through the blocking index.  Events whose claims did
not change keep their stored data untouched and are not rewritten; only the claims whose event
changed get a new assignment row.  Ids never depend on later documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rashomon.align.cluster import Aligner, gc_paused
from rashomon.align.events import event_id, make_event
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


def update_events(
    store: Store, ratio: float = DISPUTE_RATIO, progress: Progress | None = None
) -> AlignSummary:
    """Align new claims and refresh the events they touch.  A different dispute ratio than
    the stored events were computed with refreshes every event (grouping is unchanged)."""
    claims = store.current_claims()
    known = store.event_assignments()
    # What is needed of the stored events: their ids, ratio and counts (streamed, not kept).
    counts: dict[str, tuple[int, int]] = {}
    refresh = False
    for stored in store.iter_events():
        counts[stored["id"]] = (len(stored["disputes"]), len(stored["consistency"]))
        refresh = refresh or stored.get("dispute_ratio") != ratio
    items = [to_item(i, c) for i, c in enumerate(claims)]
    # The events already found, member by member in claim order; an event that lost a claim
    # (its document has a newer version) is rebuilt.
    seeded: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        assigned = known.get(item.claim_id)
        if assigned is not None:
            seeded[assigned].append(item)
    current_ids = {item.claim_id for item in items}
    gone = [cid for cid in known if cid not in current_ids]
    shrunk = {known[cid] for cid in gone}
    new_items = [i for i in items if i.claim_id not in known]
    aligner = Aligner()
    aligner.restore(seeded.values())
    aligner.add(new_items, progress)
    groups = aligner.groups()
    del aligner

    summary = AlignSummary(new_claims=len(new_items))
    assignments: dict[str, str] = {}
    changed: list[dict[str, Any]] = []
    current: set[str] = set()
    with gc_paused():
        for done, members in enumerate(groups):
            if progress is not None and done % EVERY == 0 and (new_items or refresh):
                progress("summarising events", done, len(groups))
            eid = event_id(items[members[0]].claim_id)
            current.add(eid)
            old = seeded.get(eid)
            same = (
                not refresh
                and eid in counts
                and eid not in shrunk
                and old is not None
                and len(old) == len(members)
                and all(item.index == i for item, i in zip(old, members, strict=True))
            )
            if same:
                disputes, inconsistencies = counts[eid]
            else:
                event = make_event([claims[i] for i in members], ratio)
                event["dispute_ratio"] = ratio
                changed.append(event)
                disputes, inconsistencies = len(event["disputes"]), len(event["consistency"])
                for i in members:
                    if known.get(items[i].claim_id) != eid:
                        assignments[items[i].claim_id] = eid
            summary.disputes += disputes
            summary.inconsistencies += inconsistencies
        if progress is not None and (new_items or refresh):
            progress("summarising events", len(groups), len(groups))
    removed = [eid for eid in counts if eid not in current]
    store.save_events(changed, removed, assignments, gone)
    summary.events = len(current)
    summary.changed = len(changed)
    summary.removed = len(removed)
    return summary
