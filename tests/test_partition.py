"""Aligning partitions apart gives exactly the events of aligning everything at once.

Random claims are shaped to hit every rule of the aligner: episodes told by several
documents in six regions of places (some nested in the gazetteer, some only named, some with
no country; a few claims name two regions), dates over forty years at every precision, claims
sharing a sentence or a time mention, undated claims, troop strengths and figure-less event
claims; then the same with half the claims already in stored events (incremental alignment).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from rashomon.align import Stored, align_claims, build_events, to_item
from rashomon.scale.align import align_split
from rashomon.scale.partition import pack, partition

# Gazetteer places with their nesting (Baku in its governorate in the viceroyalty, Yerevan
# in the same viceroyalty, Kyiv in its oblast), invented ones with a country, bare names.
REGIONS: list[list[dict[str, Any]]] = [
    [{"id": "h:baku", "name": "Baku"}, {"id": "h:baku_gov", "name": "Baku Governorate"}],
    [{"id": "h:yerevan", "name": "Yerevan"}, {"id": "h:caucasus_viceroyalty", "name": "Caucasus"}],
    [{"id": "h:kyiv", "name": "Kyiv"}, {"id": "h:kyiv_oblast", "name": "Kyiv Oblast"}],
    [
        {"id": "syn:north", "name": "Northtown", "country": "XA"},
        {"id": None, "name": "Harbour", "country": "XA"},
    ],
    [{"id": "syn:south", "name": "Southtown", "country": "XB"}],
    [{"id": None, "name": "Lowfield"}],
]
MEASURES = ["killed", "killed", "killed", "injured", "displaced", "missing", "combatants"]


def random_claims(
    rng: random.Random, n_docs: int, base_year: int = 1960, years: int = 40
) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = []
    start = dt.date(base_year, 1, 1)
    # Several documents tell each episode, as in a real collection.
    episodes = [
        (rng.choice(REGIONS), start + dt.timedelta(days=rng.randrange(years * 365)))
        for _ in range(max(3, n_docs // 3))
    ]
    for d in range(n_docs):
        doc = f"doc{d:04d}"
        region, anchor = rng.choice(episodes)
        # A third of the documents (retrospectives) date nothing to the day.
        coarse = rng.random() < 0.3
        for k in range(rng.randint(1, 6)):
            day = anchor + dt.timedelta(days=rng.choice([0, 0, 3, 10, 20, 45, 200, 400]))
            r = rng.uniform(0.5, 1) if coarse else rng.random()
            time: dict[str, Any] | None
            if r < 0.5:
                t1 = day + dt.timedelta(days=rng.choice([0, 0, 2, 30, 90]))
                time = {"start": day.isoformat(), "end": t1.isoformat()}
            elif r < 0.7:
                time = {"start": day.strftime("%Y-%m"), "end": day.strftime("%Y-%m")}
            elif r < 0.88:
                time = {"start": str(day.year), "end": str(day.year + rng.choice([0, 0, 1]))}
            else:
                time = None
            if time is not None:
                # Claims of one document often share the mention that dates them.
                time["start_char"] = rng.choice([5, 5, 40, 100 * k])
            places = rng.sample(region, min(len(region), rng.choice([0, 1, 1, 1, 2])))
            if rng.random() < 0.05:
                places.append(rng.choice(rng.choice(REGIONS)))
            kind = "event" if rng.random() < 0.15 else "figure"
            sentence = rng.choice([0, 0, 50, 120 * k])
            value = rng.randint(1, 5000)
            claims.append(
                {
                    "id": f"{doc}-{k}",
                    "kind": kind,
                    "event_type": "killing",
                    "doc": {"id": doc, "path": doc, "lang": "en", "date": None},
                    "measure": rng.choice(MEASURES) if kind == "figure" else None,
                    "value": {
                        "low": value,
                        "high": value,
                        "qualifier": "exact",
                        "text": str(value),
                        "start": sentence + 3,
                        "end": sentence + 7,
                    }
                    if kind == "figure"
                    else None,
                    "trigger": None
                    if kind == "figure"
                    else {"text": "massacre", "start": sentence + 9, "end": sentence + 17},
                    "time": time,
                    "places": places,
                    "perpetrators": [],
                    "victims": [],
                    "attribution": None,
                    "evidence": {"start": sentence, "end": sentence + 40, "quote": ""},
                    "notes": [],
                }
            )
    return claims


def _canonical(result: Any) -> tuple[Any, ...]:
    return (
        sorted(result.changed, key=lambda e: e["id"]),
        result.assignments,
        result.current,
        result.new_claims,
        result.disputes,
        result.inconsistencies,
    )


@pytest.mark.parametrize("seed", range(12))
def test_partitions_align_like_everything_at_once(seed: int) -> None:
    rng = random.Random(seed)
    claims = random_claims(rng, n_docs=rng.choice([20, 60, 150]))
    items = [to_item(i, c) for i, c in enumerate(claims)]
    parts = partition(items)
    assert sorted(p for part in parts for p in part) == list(range(len(claims)))
    whole = align_claims(claims, {}, Stored())
    split = align_split(claims, {}, Stored(), bags=3)
    assert _canonical(split) == _canonical(whole)
    # Each partition alone, too (not only bags of them).
    alone = align_split(claims, {}, Stored(), bags=len(parts))
    assert _canonical(alone) == _canonical(whole)
    assert [e["claims"] for e in build_events(claims)] == [
        e["claims"] for e in sorted(whole.changed, key=lambda e: claims_index(claims, e))
    ]


def claims_index(claims: list[dict[str, Any]], event: dict[str, Any]) -> int:
    return next(i for i, c in enumerate(claims) if c["id"] == event["claims"][0])


@pytest.mark.parametrize("seed", range(8))
def test_incremental_partitions_align_like_everything_at_once(seed: int) -> None:
    rng = random.Random(100 + seed)
    claims = random_claims(rng, n_docs=80)
    cut = len(claims) // 2
    first = align_claims(claims[:cut], {}, Stored())
    stored = Stored({e["id"]: (len(e["disputes"]), len(e["consistency"])) for e in first.changed})
    whole = align_claims(claims, first.assignments, stored)
    split = align_split(claims, first.assignments, stored, bags=4)
    assert _canonical(split) == _canonical(whole)


def test_partitions_are_not_trivial() -> None:
    """The equality above would be vacuous with one partition: random claims over three
    years and a few places fall into many."""
    sizes = []
    for seed in range(5):
        claims = random_claims(random.Random(seed), n_docs=150)
        parts = partition([to_item(i, c) for i, c in enumerate(claims)])
        sizes.append((len(parts), max(len(p) for p in parts), len(claims)))
    assert all(n_parts >= 10 for n_parts, _, _ in sizes), sizes
    assert all(largest < total for _, largest, total in sizes), sizes


def test_far_apart_years_and_countries_are_separate() -> None:
    near = random_claims(random.Random(7), n_docs=30, base_year=1920)
    far = random_claims(random.Random(8), n_docs=30, base_year=2010)
    for claim in far:
        claim["id"] = "far-" + claim["id"]
        claim["doc"] = {**claim["doc"], "id": "far-" + claim["doc"]["id"]}
    items = [to_item(i, c) for i, c in enumerate(near + far)]
    for part in partition(items):
        assert len({i < len(near) for i in part}) == 1


def test_pack_balances_and_keeps_every_partition() -> None:
    sizes = [50, 1, 1, 30, 20, 7, 7, 1]
    bags = pack(sizes, 3)
    assert sorted(i for b in bags for i in b) == list(range(len(sizes)))
    totals = sorted(sum(sizes[i] for i in b) for b in bags)
    assert totals == [33, 34, 50]
    assert pack([], 4) == [] and pack([3], 4) == [[0]]
