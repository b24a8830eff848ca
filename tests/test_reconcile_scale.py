"""Reconciliation's indexed lookups answer exactly what a scan would (they exist for speed)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.reconcile.consistency import _Wholes
from rashomon.reconcile.estimates import source_keys


def _figure(i: int, low: int | None, sentence: int) -> dict[str, Any]:
    return {"id": f"c{i}", "value": {"low": low, "high": None}, "evidence": {"start": sentence}}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 60)), st.integers(0, 4)), min_size=1),
    st.integers(0, 70),
    st.integers(0, 4),
)
def test_first_whole_is_the_first_large_figure_outside_the_sentence(
    rows: list[tuple[int | None, int]], at_least: int, sentence: int
) -> None:
    figures = [_figure(i, low, s) for i, (low, s) in enumerate(rows)]
    expected = next(
        (
            f
            for f in figures
            if (f["value"]["low"] or 0) >= at_least and f["evidence"]["start"] != sentence
        ),
        None,
    )
    assert _Wholes(figures).first(at_least, sentence) is expected


def test_short_speaker_is_the_earliest_fuller_one_with_its_last_word() -> None:
    def said(i: int, speaker: str) -> dict[str, Any]:
        return {
            "id": f"c{i}",
            "doc": {"id": "d"},
            "evidence": {"start": i},
            "attribution": {"speaker": speaker},
        }

    names = [
        "Valdmark Relief Committee",
        "the Red Cross",
        "Harbour Committee",
        "the committee",
        "Valdmark Relief Committee",
        "the Cross",
    ]
    keys = source_keys([said(i, n) for i, n in enumerate(names)])
    assert keys["c3"] == ("d", "valdmark relief committee")
    assert keys["c5"] == ("d", "the red cross")
