"""Alignment and disputes on hand-made claims (no corpus text); estimates, disputes and
consistency in depth: tests/test_summaries.py."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.align import build_events
from rashomon.reconcile import find_disputes, find_inconsistencies, point_value

BAKU = {"name": "Baku", "id": "h:baku", "text": "Baku", "country": "AZ"}
SHAMAKHI = {"name": "Shamakhi", "id": "h:shamakhi", "text": "Shamakhi", "country": "AZ"}
GUBA = {"name": "Guba", "id": "h:guba", "text": "Guba", "country": "AZ"}
ALEPPO = {"name": "Aleppo", "id": "h:aleppo", "text": "Aleppo", "country": "SY"}


def claim(
    cid: str,
    doc: str,
    low: int | None,
    high: int | None = None,
    *,
    qualifier: str = "exact",
    measure: str = "killed",
    start: str | None = "1918-03-31",
    end: str | None = None,
    mention: int = 0,
    places: list[dict[str, Any]] | None = None,
    sentence: int = 0,
    speaker: str | None = None,
    perps: list[str] = (),
    kind: str = "figure",
) -> dict[str, Any]:
    high = low if high is None and qualifier == "exact" else high
    return {
        "id": cid,
        "doc": {"id": doc, "path": f"{doc}.txt", "lang": "en", "date": None},
        "kind": kind,
        "event_type": "killing",
        "measure": measure,
        "value": {
            "low": low,
            "high": high,
            "qualifier": qualifier,
            "text": str(low or high),
            "start": sentence + 5,
            "end": sentence + 9,
        },
        "time": (
            {
                "start": start,
                "end": end or start,
                "start_char": mention,
                "source": "explicit",
                "precision": "day",
            }
            if start
            else None
        ),
        "places": list(places if places is not None else [BAKU]),
        "perpetrators": [{"name": p, "id": p} for p in perps],
        "victims": [],
        "attribution": {"speaker": speaker, "text": speaker} if speaker else None,
        "evidence": {"start": sentence, "end": sentence + 40, "quote": "x"},
        "notes": [],
    }


def groups(claims: list[dict[str, Any]]) -> list[set[str]]:
    return [set(e["claims"]) for e in build_events(claims)]


def test_same_place_and_period_across_documents_is_one_event() -> None:
    claims = [
        claim("a", "d1", 12000, start="1918-03-31", end="1918-04-03"),
        claim("b", "d2", 3000, start="1918-03-30", end="1918-04-02"),
    ]
    assert groups(claims) == [{"a", "b"}]


def test_same_city_and_year_but_months_apart_stay_apart() -> None:
    claims = [
        claim("march", "d1", 12000, start="1918-03-31", end="1918-04-03"),
        claim("sept", "d2", 10000, start="1918-09-15", end="1918-09-17"),
    ]
    assert sorted(map(sorted, groups(claims))) == [["march"], ["sept"]]


def test_a_vague_date_matching_two_events_bridges_neither() -> None:
    claims = [
        claim("march", "d1", 12000, start="1918-03-31", end="1918-04-03"),
        claim("sept", "d2", 10000, start="1918-09-15", end="1918-09-17"),
        claim("year", "d3", 20000, start="1918", end="1918"),
    ]
    assert sorted(map(sorted, groups(claims))) == [["march"], ["sept"], ["year"]]


def test_a_vague_date_joins_the_one_event_it_fits() -> None:
    claims = [
        claim("march", "d1", 12000, start="1918-03-31", end="1918-04-03"),
        claim("year", "d3", 20000, start="1918", end="1918"),
    ]
    assert groups(claims) == [{"march", "year"}]


def test_different_places_stay_apart_and_nested_places_join() -> None:
    claims = [
        claim("baku", "d1", 100, places=[BAKU]),
        claim("aleppo", "d2", 100, places=[ALEPPO]),
    ]
    assert len(groups(claims)) == 2


def test_one_document_links_its_sentence_and_narrative_time() -> None:
    claims = [
        claim("total", "d1", 40000, qualifier="more_than", mention=10, sentence=0),
        claim("part1", "d1", 12000, mention=10, sentence=100, places=[BAKU]),
        claim("part2", "d1", 8000, mention=10, sentence=100, places=[SHAMAKHI]),
    ]
    assert groups(claims) == [{"total", "part1", "part2"}]


def test_a_claim_whose_sentence_and_time_mention_link_two_events_merges_them() -> None:
    claims = [
        # A headline's period (too long to found an event on its own) and a dated episode.
        claim("head", "d1", 900, start="1950-01-10", end="1950-04-30", mention=300, sentence=0),
        claim("day", "d1", 400, start="1950-04-20", mention=500, sentence=100),
        # Told in the dated episode's sentence, dated by the headline's time mention.
        claim("body", "d1", 300, start="1950-01-10", end="1950-04-30", mention=300, sentence=100),
    ]
    assert groups(claims) == [{"head", "day", "body"}]


VALDMARK = {"name": "Valdmark", "id": "cc:SY", "text": "Valdmark", "country": "SY"}


def test_an_undated_local_count_does_not_join_its_documents_national_toll() -> None:
    # A report on a war's national toll (a country) that also tells of one air strike in one
    # town, undated: the strike is an episode of its own, not a part of the toll.
    claims = [
        claim("toll", "d1", 60000, qualifier="more_than", start="1950-11-30", places=[VALDMARK]),
        claim("dozens", "d1", 12, qualifier="vague", start=None, places=[ALEPPO], sentence=100),
        claim("headline", "d1", 60000, start=None, places=[VALDMARK], sentence=200),
        claim("bodies", "d1", 30, qualifier="at_least", start=None, places=[ALEPPO], sentence=300),
    ]
    assert {frozenset(g) for g in groups(claims)} == {
        frozenset({"dozens", "bodies"}),
        frozenset({"toll", "headline"}),
    }


def test_an_undated_count_joins_its_documents_event_at_the_same_scale() -> None:
    claims = [
        claim("city", "d1", 500, places=[BAKU]),
        claim("again", "d1", 450, start=None, places=[BAKU], sentence=100),
    ]
    assert groups(claims) == [{"city", "again"}]


def test_troop_strength_of_another_document_does_not_join() -> None:
    claims = [
        claim("killed", "d1", 500, start="1937-12-13", places=[ALEPPO]),
        claim("troops", "d2", 100000, measure="combatants", start="1937-12-07", places=[ALEPPO]),
    ]
    assert len(groups(claims)) == 2


def test_event_ids_do_not_change_when_unrelated_documents_arrive() -> None:
    first = build_events([claim("a", "d1", 100), claim("b", "d2", 120)])
    later = build_events(
        [claim("a", "d1", 100), claim("b", "d2", 120), claim("c", "d3", 7, places=[ALEPPO])]
    )
    assert first[0]["id"] in {e["id"] for e in later}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"low": 12000, "high": 12000}, 12000),
        ({"low": 3000, "high": 12000}, 7500),
        ({"low": 40000, "high": None}, 40000),
        ({"low": None, "high": 24000}, 24000),
        ({"low": None, "high": None}, None),
    ],
)
def test_point_values(value: dict[str, int | None], expected: float | None) -> None:
    assert point_value(value) == expected


def test_disputes_beyond_the_ratio_only() -> None:
    close = find_disputes([claim("a", "d1", 1000), claim("b", "d2", 1400)])
    assert close == []
    far = find_disputes([claim("a", "d1", 3000), claim("b", "d2", 12000, speaker="Minister")])
    assert far[0]["kind"] == "figure" and far[0]["ratio"] == 4.0
    assert [v["text"] for v in far[0]["values"]] == ["3000", "12000"]


def test_perpetrator_and_date_disputes() -> None:
    claims = [
        claim("a", "d1", 100, perps=["army"], start="1920-05-01"),
        claim("b", "d2", 100, perps=["militia"], start="1920-05-20"),
    ]
    kinds = {d["kind"] for d in find_disputes(claims)}
    assert {"perpetrators", "dates"} <= kinds


def test_figure_above_the_stated_population() -> None:
    claims = [
        claim("pop", "d1", 600, measure="population", sentence=0),
        claim("dead", "d1", 800, sentence=50),
    ]
    assert [p["kind"] for p in find_inconsistencies(claims)] == ["above_population"]


def test_restored_events_keep_their_members_found_by_index() -> None:
    from rashomon.align import Aligner, to_item

    claims = [
        claim("new", "d2", 300, start="1932", end="1933", places=[ALEPPO]),
        claim("old", "d1", 100, start="1932", end="1932", places=[ALEPPO]),
    ]
    items = [to_item(i, c) for i, c in enumerate(claims)]
    aligner = Aligner()
    aligner.restore([[items[1]]])  # an event stored by an earlier run
    aligner.add([items[0]])
    # Both are vaguely dated and touch: the new claim joins the restored event.
    assert sorted(map(sorted, aligner.groups())) == [[0, 1]]
