"""Keep the store's events up to date as documents arrive.

Claims already assigned to an event rebuild their event's summary (no comparisons); only new
claims are aligned against the events, through the blocking index.  Events whose claims did
not change keep their stored data untouched; ids never depend on later documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rashomon.align.cluster import Aligner
from rashomon.align.events import event_id, make_event
from rashomon.align.items import Item, to_item
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


def update_events(store: Store, ratio: float = DISPUTE_RATIO) -> AlignSummary:
    """Align new claims and refresh the events they touch.  A different dispute ratio than
    the stored events were computed with refreshes every event (grouping is unchanged)."""
    claims = store.current_claims()
    known = store.event_assignments()
    previous = {e["id"]: e for e in store.events()}
    stored_ids = list(previous)
    if previous and any(e.get("dispute_ratio") != ratio for e in previous.values()):
        previous = {}
    items = [to_item(i, c) for i, c in enumerate(claims)]
    aligner = Aligner()
    # Rebuild the events already found, member by member, in claim order.
    seeded: dict[str, list[Item]] = {}
    for item in items:
        old = known.get(item.claim_id)
        if old is not None:
            seeded.setdefault(old, []).append(item)
    aligner.restore(seeded.values())
    new_items = [i for i in items if i.claim_id not in known]
    aligner.add(new_items)

    summary = AlignSummary(new_claims=len(new_items))
    assignments: dict[str, str] = {}
    changed: list[dict[str, Any]] = []
    current: set[str] = set()
    new_set = {i.index for i in new_items}
    for members in aligner.groups():
        ordered = sorted(members)
        group = [claims[i] for i in ordered]
        eid = event_id(str(group[0]["id"]))
        current.add(eid)
        for claim in group:
            assignments[str(claim["id"])] = eid
        stored = previous.get(eid)
        same = (
            stored is not None
            and stored["claims"] == [c["id"] for c in group]
            and not (new_set & set(ordered))
        )
        if same and stored is not None:
            event = stored
        else:
            event = make_event(group, ratio)
            event["dispute_ratio"] = ratio
        if not same:
            changed.append(event)
        summary.disputes += len(event["disputes"])
        summary.inconsistencies += len(event["consistency"])
    removed = [eid for eid in stored_ids if eid not in current]
    store.save_events(changed, removed, assignments)
    summary.events = len(current)
    summary.changed = len(changed)
    summary.removed = len(removed)
    return summary
