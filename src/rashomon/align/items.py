"""Claims as alignment sees them: normalised time interval, place keys, and where they sit.

Alignment never re-reads text: everything it needs is in the claim contract (DESIGN.md §3),
so it runs the same on claims from the store, from JSONL files, or from a Ray dataset.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

#: An interval longer than this is "coarse" (a season, a year): too vague to found an event
#: on, so coarse claims join events found by precise ones instead of bridging them.
PRECISE_DAYS = 62


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    claim_id: str
    doc_id: str
    kind: str
    measure: str | None
    event_type: str | None
    t0: dt.date | None
    t1: dt.date | None
    #: Offset of the time mention the claim's time came from (same mention = same narrative).
    time_mention: int | None
    #: The place ids named and every place that contains them ("cc:XX" for countries).
    place_ids: frozenset[str]
    place_keys: frozenset[str]
    countries: frozenset[str]
    sentence: int
    start: int

    @property
    def precise(self) -> bool:
        return (
            self.t0 is not None
            and self.t1 is not None
            and ((self.t1 - self.t0).days <= PRECISE_DAYS)
        )

    @property
    def harm(self) -> bool:
        """A count of harm: what founds and anchors an event (troop strengths and
        figure-less event claims only join events that harm counts found)."""
        return self.kind == "figure" and self.measure != "combatants"


def _date(text: Any, end: bool) -> dt.date | None:
    if not isinstance(text, str) or len(text) < 4:
        return None
    return _parse_date(text, end)


@lru_cache(maxsize=1 << 16)
def _parse_date(text: str, end: bool) -> dt.date | None:
    """Cached: claims repeat a few thousand dates, and one date object serves them all."""
    try:
        if len(text) == 4:
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return nxt - dt.timedelta(days=1)
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


@cache
def _place_keys(place_id: str) -> tuple[str, ...]:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    place = gaz.by_id.get(place_id)
    if place is None:
        return (place_id,)
    keys = [place_id, *gaz.ancestors(place)]
    if place.country:
        keys.append(f"cc:{place.country}")
    return tuple(dict.fromkeys(keys))


@cache
def _is_country(place_id: str) -> bool:
    from rashomon.extract.gazetteer import Gazetteer

    place = Gazetteer.load().by_id.get(place_id)
    return place is not None and place.kind == "country"


def national(place_ids: AbstractSet[str]) -> bool:
    """Every place named is a whole country: a national count (a war's toll), not a local
    episode in one of its towns."""
    return bool(place_ids) and all(_is_country(p) for p in place_ids)


@lru_cache(maxsize=1 << 16)
def _places(
    places: tuple[tuple[str, bool, str | None], ...],
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(ids, keys, countries) of a claim's places, given as (id, from the gazetteer, country).
    Cached: the same places recur in many claims, and they then share one set of each."""
    ids: list[str] = []
    keys: list[str] = []
    countries: list[str] = []
    for pid, known, country in places:
        ids.append(pid)
        place_keys = _place_keys(pid) if known else (pid,)
        keys.extend(place_keys)
        countries.extend(k for k in place_keys if k.startswith("cc:"))
        if country:
            countries.append(f"cc:{country}")
    return frozenset(ids), frozenset(keys), frozenset(countries)


def to_item(index: int, claim: Mapping[str, Any]) -> Item:
    time = claim.get("time") or {}
    places = tuple(
        (
            place.get("id") or f"name:{str(place.get('name', '')).casefold()}",
            bool(place.get("id")),
            place.get("country") or None,
        )
        for place in claim.get("places") or []
    )
    ids, keys, countries = _places(places)
    evidence = claim.get("evidence") or {}
    value = claim.get("value") or claim.get("trigger") or {}
    return Item(
        index=index,
        claim_id=str(claim["id"]),
        # One string per document, not one per claim (a store's claims share a few thousand).
        doc_id=sys.intern(str((claim.get("doc") or {}).get("id", ""))),
        kind=str(claim.get("kind", "figure")),
        measure=claim.get("measure"),
        event_type=claim.get("event_type"),
        t0=_date(time.get("start"), end=False),
        t1=_date(time.get("end") or time.get("start"), end=True),
        time_mention=time.get("start_char"),
        place_ids=ids,
        place_keys=keys,
        countries=countries,
        sentence=int(evidence.get("start", -1)),
        start=int(value.get("start", evidence.get("start", 0))),
    )
