"""Events: aligned claims with their estimates, disputes and inconsistencies.

An event serialises to the ``rashomon events --format jsonl`` contract of DESIGN.md §5.  Its id
is derived from its earliest claim (claims come ordered by document ingestion, then offset),
so adding unrelated documents later never changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rashomon.align.cluster import Aligner, gc_paused
from rashomon.align.items import to_item
from rashomon.extract.claims import EVENT_TYPES
from rashomon.progress import EVERY, Progress
from rashomon.reconcile import find_disputes, find_inconsistencies
from rashomon.reconcile.estimates import DISPUTE_RATIO, estimates


def event_id(first_claim_id: str) -> str:
    return "ev-" + hashlib.sha256(first_claim_id.encode()).hexdigest()[:16]


def _event_type(claims: Sequence[Mapping[str, Any]]) -> str:
    types = Counter(
        str(c.get("event_type") or "other") for c in claims if c.get("kind") == "figure"
    )
    if not types:
        types = Counter(str(c.get("event_type") or "other") for c in claims)
    top = max(types.values())
    return min(
        (t for t, n in types.items() if n == top),
        key=lambda t: EVENT_TYPES.index(t) if t in EVENT_TYPES else 99,
    )


def _time(claims: Sequence[Mapping[str, Any]]) -> dict[str, str] | None:
    from rashomon.align.items import PRECISE_DAYS, _date

    precise: list[tuple[dt.date, dt.date]] = []
    vague: list[tuple[dt.date, dt.date]] = []
    for claim in claims:
        time = claim.get("time") or {}
        t0, t1 = _date(time.get("start"), False), _date(time.get("end") or time.get("start"), True)
        if t0 and t1:
            (precise if (t1 - t0).days <= PRECISE_DAYS else vague).append((t0, t1))
    spans = precise or vague
    if not spans:
        return None
    return {
        "start": min(s for s, _ in spans).isoformat(),
        "end": max(e for _, e in spans).isoformat(),
    }


def _places(claims: Sequence[Mapping[str, Any]], limit: int = 3) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    first: dict[str, Mapping[str, Any]] = {}
    for claim in claims:
        for place in claim.get("places") or []:
            key = str(place.get("id") or place.get("name"))
            counts[key] += 1
            first.setdefault(key, place)
    out = []
    for key, _ in counts.most_common(limit):
        p = first[key]
        out.append(
            {"name": p.get("name"), "id": p.get("id"), "lat": p.get("lat"), "lon": p.get("lon")}
        )
    return out


def make_event(claims: Sequence[Mapping[str, Any]], ratio: float = DISPUTE_RATIO) -> dict[str, Any]:
    """One event from its claims (in document order)."""
    etype = _event_type(claims)
    time = _time(claims)
    places = _places(claims)
    where = ", ".join(str(p["name"]) for p in places[:2]) or "unknown place"
    when = f"{time['start']}..{time['end']}" if time else "undated"
    docs = list(dict.fromkeys(str(c["doc"]["id"]) for c in claims))
    return {
        "id": event_id(str(claims[0]["id"])),
        # Built from fields, never from a source's words: the label takes no side's terms.
        "label": f"{etype}, {where}, {when}",
        "event_type": etype,
        "time": time,
        "places": places,
        "claims": [c["id"] for c in claims],
        "docs": docs,
        "estimates": estimates(claims),
        "disputes": find_disputes(claims, ratio),
        "consistency": find_inconsistencies(claims),
    }


def align(claims: Sequence[Mapping[str, Any]], progress: Progress | None = None) -> list[list[int]]:
    """The events' members (claim positions, each list sorted), ordered by first member."""
    aligner = Aligner()
    aligner.add([to_item(i, c) for i, c in enumerate(claims)], progress)
    return aligner.groups()


def build_events(
    claims: Sequence[Mapping[str, Any]],
    ratio: float = DISPUTE_RATIO,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Align claims (ordered by document ingestion, then offset) into events."""
    # The aligner and its items are freed before the events are built: peak memory is the
    # larger of the two, not their sum.
    groups = align(claims, progress)
    with gc_paused():
        events = []
        for done, group in enumerate(groups):
            if progress is not None and done % EVERY == 0:
                progress("summarising events", done, len(groups))
            events.append(make_event([claims[i] for i in group], ratio))
        if progress is not None:
            progress("summarising events", len(groups), len(groups))
    return events
