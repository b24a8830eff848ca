"""Estimates and disputes per event and measure.

A *source* is a (document, speaker) pair: one article can report the figures of several
speakers ("investigations estimated 12,000; Bolshevik reports claimed 3,000"), and each is a
source of its own.  Each source contributes one value per measure, its largest figure: the
sub-area figures a source also gives are never summed into a total (DESIGN.md §5).

* ``low``: the lowest bound any source gives; ``high``: the highest (open-ended figures such
  as "more than 40,000" contribute their stated bound);
* ``best``: the median of the sources' point values, where a point value is the figure itself,
  the midpoint of a range, the stated bound of an open-ended figure, or the unit of a vague
  quantity ("thousands" → 1,000);
* a dispute is reported when two sources' point values differ by more than ``DISPUTE_RATIO``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from statistics import median
from typing import Any

DISPUTE_RATIO = 1.5


def point_value(value: Mapping[str, Any]) -> float | None:
    low, high = value.get("low"), value.get("high")
    if low is not None and high is not None:
        return (float(low) + float(high)) / 2
    if low is not None:
        return float(low)
    if high is not None:
        return float(high)
    return None


def speaker_of(claim: Mapping[str, Any]) -> str:
    attribution = claim.get("attribution") or {}
    return str(attribution.get("speaker") or "")


def source_keys(claims: Sequence[Mapping[str, Any]]) -> dict[str, tuple[str, str]]:
    """claim id -> its source: (document, speaker), where a short later mention of a speaker
    ("the committee") is the same source as the fuller one before it in the same document
    ("the Valdmark Relief Committee")."""
    keys: dict[str, tuple[str, str]] = {}
    # (document, last word) -> the first two distinct speakers ending in that word, in order:
    # the earliest one other than the current speaker is among them (linear, not a rescan of
    # every earlier speaker per claim).
    named: dict[tuple[str, str], list[str]] = {}
    ordered = sorted(
        claims, key=lambda c: (str(c["doc"]["id"]), int((c.get("evidence") or {}).get("start", 0)))
    )
    for claim in ordered:
        doc = str(claim["doc"]["id"])
        speaker = " ".join(speaker_of(claim).casefold().split())
        words = speaker.split()
        key = speaker
        if words and len(words) <= 3:
            for earlier in named.get((doc, words[-1]), ()):
                if earlier != speaker:
                    key = earlier
                    break
        if speaker and key == speaker:
            first = named.setdefault((doc, words[-1]), [])
            if speaker not in first and len(first) < 2:
                first.append(speaker)
        keys[str(claim["id"])] = (doc, key)
    return keys


def by_source(
    figures: Sequence[Mapping[str, Any]], sources: Mapping[str, tuple[str, str]] | None = None
) -> dict[tuple[str, str], Mapping[str, Any]]:
    """Each source's figure for one measure: its largest."""
    sources = sources or source_keys(figures)
    chosen: dict[tuple[str, str], Mapping[str, Any]] = {}
    for claim in figures:
        value = point_value(claim["value"])
        if value is None:
            continue
        key = sources[str(claim["id"])]
        best = chosen.get(key)
        if best is None or value > (point_value(best["value"]) or 0):
            chosen[key] = claim
    return chosen


def estimates(claims: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    per_measure: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim.get("kind") == "figure" and claim.get("measure"):
            per_measure[str(claim["measure"])].append(claim)
    out: dict[str, dict[str, Any]] = {}
    sources = source_keys(claims)
    for measure, figures in sorted(per_measure.items()):
        chosen = by_source(figures, sources)
        points = [point_value(c["value"]) for c in chosen.values()]
        values = [p for p in points if p is not None]
        lows = [
            c["value"]["low"] if c["value"]["low"] is not None else c["value"]["high"]
            for c in chosen.values()
        ]
        highs = [
            c["value"]["high"] if c["value"]["high"] is not None else c["value"]["low"]
            for c in chosen.values()
        ]
        picked = {c["id"] for c in chosen.values()}
        out[measure] = {
            "low": min(v for v in lows if v is not None) if lows else None,
            "best": round(median(values)) if values else None,
            "high": max(v for v in highs if v is not None) if highs else None,
            "n_sources": len(chosen),
            "figures": [
                {
                    "claim": c["id"],
                    "doc": c["doc"]["id"],
                    "low": c["value"]["low"],
                    "high": c["value"]["high"],
                    "qualifier": c["value"]["qualifier"],
                    "text": c["value"]["text"],
                    "speaker": speaker_of(c) or None,
                    "counted": c["id"] in picked,
                }
                for c in figures
            ],
        }
    return out


def find_disputes(
    claims: Sequence[Mapping[str, Any]], ratio: float = DISPUTE_RATIO
) -> list[dict[str, Any]]:
    """Figures, perpetrators and dates on which the event's sources disagree."""
    disputes: list[dict[str, Any]] = []
    per_measure: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for claim in claims:
        if claim.get("kind") == "figure" and claim.get("measure"):
            per_measure[str(claim["measure"])].append(claim)
    sources = source_keys(claims)
    for measure, figures in sorted(per_measure.items()):
        chosen = list(by_source(figures, sources).values())
        if len(chosen) < 2:
            continue
        ordered = sorted(chosen, key=lambda c: point_value(c["value"]) or 0)
        lo, hi = ordered[0], ordered[-1]
        lo_v, hi_v = point_value(lo["value"]) or 0, point_value(hi["value"]) or 0
        if lo_v > 0 and hi_v / lo_v > ratio:
            disputes.append(
                {
                    "measure": measure,
                    "kind": "figure",
                    "claims": [lo["id"], hi["id"]],
                    "ratio": round(hi_v / lo_v, 2),
                    "values": [
                        {
                            "claim": c["id"],
                            "doc": c["doc"]["id"],
                            "text": c["value"]["text"],
                            "speaker": speaker_of(c) or None,
                        }
                        for c in ordered
                    ],
                }
            )
    disputes.extend(_perpetrator_disputes(claims))
    disputes.extend(_date_disputes(claims))
    return disputes


def _perpetrator_disputes(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dispute per event when two documents name perpetrators with nothing in common;
    the detail lists every document's names (linear in documents, not pairwise)."""
    named: dict[str, dict[str, str]] = defaultdict(dict)
    for claim in claims:
        for perp in claim.get("perpetrators") or []:
            named[str(claim["doc"]["id"])][str(perp.get("id") or perp.get("name"))] = claim["id"]
    # A document starts a group when it shares no name with any earlier group: a test against
    # the union of the groups' names, not against each group.
    groups: list[str] = []
    grouped: set[str] = set()
    for doc, names in named.items():
        if grouped.isdisjoint(names):
            groups.append(doc)
            grouped.update(names)
    if len(groups) < 2:
        return []
    return [
        {
            "kind": "perpetrators",
            "claims": [next(iter(named[doc].values())) for doc in groups],
            "detail": {doc: sorted(names) for doc, names in named.items()},
        }
    ]


def _date_disputes(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dispute when two documents date the event, to the day and explicitly, with periods
    that do not meet."""
    spans: dict[str, tuple[str, str, str]] = {}
    for claim in claims:
        time = claim.get("time") or {}
        if time.get("precision") == "day" and time.get("source") == "explicit":
            doc = str(claim["doc"]["id"])
            spans.setdefault(doc, (str(time["start"]), str(time["end"]), claim["id"]))
    if len(spans) < 2:
        return []
    earliest_end = min(spans.values(), key=lambda s: s[1])
    latest_start = max(spans.values(), key=lambda s: s[0])
    if earliest_end[1] >= latest_start[0]:
        return []
    return [
        {
            "kind": "dates",
            "claims": [earliest_end[2], latest_start[2]],
            "detail": "; ".join(f"{a}..{b}" for a, b, _ in sorted(spans.values())),
        }
    ]
