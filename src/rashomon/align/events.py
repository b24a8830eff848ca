"""Events: aligned claims with their estimates, disputes and inconsistencies.

An event serialises to the ``rashomon events --format jsonl`` contract of DESIGN.md §5.  Its id
is derived from its earliest claim (claims come ordered by document ingestion, then offset),
so adding unrelated documents later never changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rashomon.align.cluster import Aligner, gc_paused
from rashomon.align.items import to_item
from rashomon.extract.claims import EVENT_TYPES
from rashomon.progress import EVERY, Progress
from rashomon.reconcile import (
    DISPUTE_RATIO,
    find_disputes,
    find_inconsistencies,
    quantities,
    source_keys,
)

_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
#: Version of what ``make_event`` derives from claims (estimates, disputes, names): stored
#: events made by another version are rebuilt by ``update_events``.
SUMMARY_VERSION = 4


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


def _names(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The names sources give the event, most used first (by documents, then mentions), each
    in its most common wording, with its language and the documents using it."""
    from rashomon.extract.names import name_key

    found: dict[str, dict[str, Any]] = {}
    for claim in claims:
        doc = claim["doc"]
        for mention in claim.get("names") or []:
            key = name_key(str(mention["name"]), doc.get("lang"))
            entry = found.setdefault(
                key, {"forms": Counter(), "docs": {}, "langs": Counter(), "seen": set()}
            )
            # The claims of one sentence share its names: a mention counts once.
            at = (str(doc["id"]), mention.get("start"))
            if at in entry["seen"]:
                continue
            entry["seen"].add(at)
            entry["forms"][str(mention["name"])] += 1
            entry["docs"].setdefault(str(doc["id"]), None)
            entry["langs"][doc.get("lang")] += 1
    out = []
    for entry in found.values():
        # The most used wording; of equals, the first used.
        form = max(entry["forms"].items(), key=lambda kv: kv[1])[0]
        lang = min(entry["langs"].items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
        out.append(
            (
                -len(entry["docs"]),
                -sum(entry["forms"].values()),
                form,
                {"name": form, "lang": lang, "docs": list(entry["docs"])},
            )
        )
    return [item[-1] for item in sorted(out, key=lambda x: x[:3])]


def _given_years(claims: Sequence[Mapping[str, Any]]) -> set[str]:
    """Years the sources write in the claims' sentences or time expressions."""
    years: set[str] = set()
    for claim in claims:
        for text in (
            (claim.get("evidence") or {}).get("quote"),
            (claim.get("time") or {}).get("text"),
        ):
            if text:
                years.update(_YEAR.findall(str(text)))
    return years


def _label_time(claims: Sequence[Mapping[str, Any]]) -> str | None:
    """The period for a generated label, from claims whose year the source writes (a date
    derived from a document date or a misread anniversary never labels an event)."""
    from rashomon.align.items import PRECISE_DAYS, _date

    given = _given_years(claims)
    precise: list[tuple[dt.date, dt.date]] = []
    vague: list[tuple[dt.date, dt.date]] = []
    for claim in claims:
        time = claim.get("time") or {}
        t0, t1 = _date(time.get("start"), False), _date(time.get("end") or time.get("start"), True)
        if t0 and t1 and str(t0.year) in given and str(t1.year) in given:
            (precise if (t1 - t0).days <= PRECISE_DAYS else vague).append((t0, t1))
    spans = precise or vague
    if not spans:
        return None
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if start.year == end.year:
        return f"{start.year:04d}"
    return f"{start.year:04d}–{end.year:04d}"


def make_event(claims: Sequence[Mapping[str, Any]], ratio: float = DISPUTE_RATIO) -> dict[str, Any]:
    """One event from its claims (in document order)."""
    etype = _event_type(claims)
    time = _time(claims)
    places = _places(claims)
    names = _names(claims)
    docs = list(dict.fromkeys(str(c["doc"]["id"]) for c in claims))
    # The quantities are read once: estimates, disputes and consistency all compare within them.
    found = quantities(claims, source_keys(claims))
    if names:
        # The name most sources give; it is a source's word, shown with its sources (names).
        label = str(names[0]["name"])
    else:
        # Built from fields, never from a source's words: the label takes no side's terms.
        when = _label_time(claims)
        label = ", ".join(
            x for x in (etype, str(places[0]["name"]) if places else "unknown place", when) if x
        )
    return {
        "id": event_id(str(claims[0]["id"])),
        "label": label,
        "event_type": etype,
        "time": time,
        "places": places,
        "claims": [c["id"] for c in claims],
        "docs": docs,
        "names": names,
        "estimates": [q.as_dict() for q in found],
        "disputes": find_disputes(claims, ratio, found),
        "consistency": find_inconsistencies(claims, found),
    }


def align(claims: Sequence[Mapping[str, Any]], progress: Progress | None = None) -> list[list[int]]:
    """The events' members (claim positions, each list sorted), ordered by first member."""
    with gc_paused():
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
