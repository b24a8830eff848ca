"""What an event's sources disagree on (DESIGN.md §5).

* ``figure``: two sources' figures of the same quantity (event, measure, victim group, the
  whole toll: ``estimates.quantities``) further apart than the ratio: the highest lower bound
  one source gives against the lowest upper bound another gives (an open figure's stated end
  stands for it: "more than 40,000" against "3,000-12,000" is 3.3).  Figures a quantity does
  not count (vague ones beside precise ones, parts, superseded ones) never make one: "Thousands"
  against "Plus de 2 000" is no dispute.  Nor do figures of unspecified harm ("victims": one
  source's may count the dead, another's the raped or the identified; also where the killed
  estimate counts them as a source's toll) or baselines (troop strengths, populations,
  survivors who returned: counts of different units and moments);
* ``rejection``: the document presents a figure in order to reject it ("B rejects A's figure of
  2,000"), with who rejects it (``stance.by``) and who claimed it (its attribution);
* ``revision``: a source revised its figure ("A revised its figure from 1,000 to 150-300");
* ``perpetrators``: documents name perpetrators with nothing in common;
* ``dates``: documents date the event, to the day and explicitly, with periods that do not meet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rashomon.reconcile.estimates import (
    DISPUTE_RATIO,
    Quantity,
    SourceValue,
    point_value,
    quantities,
    source_keys,
    speaker_of,
    status_of,
)

__all__ = ["find_disputes"]


def _value(claim: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "claim": claim["id"],
        "doc": claim["doc"]["id"],
        "text": claim["value"]["text"],
        "speaker": speaker_of(claim) or None,
    }


def _span(source: SourceValue) -> tuple[float, float] | None:
    lo = source.low if source.low is not None else source.high
    hi = source.high if source.high is not None else source.low
    if lo is None or hi is None:
        return None
    return float(lo), float(hi)


#: Measures whose figures are not compared: unspecified harm and baselines.
NOT_DISPUTED = frozenset({"victims", "combatants", "population", "returned"})


def _figure_dispute(q: Quantity, ratio: float) -> dict[str, Any] | None:
    if q.measure in NOT_DISPUTED:
        return None
    # Only figures of the quantity's own measure: a source's unspecified "victims" counted as
    # its toll (``estimates._measure_of``) bound the estimate but may count the wounded too.
    own = [
        SourceValue(s.key, kept)
        for s in q.sources
        if (kept := [c for c in s.claims if c.get("measure") == q.measure])
    ]
    spans = [(s, _span(s)) for s in own]
    known = [(s, sp) for s, sp in spans if sp is not None and sp[1] > 0]
    if len(known) < 2:
        return None
    # The widest gap between two different sources: the lowest upper end against the highest
    # lower end of another (two candidates cover the case where one source holds both).
    by_hi = min(known, key=lambda x: x[1][1])
    by_lo = max(known, key=lambda x: x[1][0])
    pairs = []
    if by_hi[0] is not by_lo[0]:
        pairs.append((by_hi, by_lo))
    else:
        others = [x for x in known if x[0] is not by_hi[0]]
        pairs.append((min(others, key=lambda x: x[1][1]), by_lo))
        pairs.append((by_hi, max(others, key=lambda x: x[1][0])))
    (low_src, low_span), (high_src, high_span) = max(
        pairs, key=lambda p: p[1][1][0] / max(p[0][1][1], 1e-9)
    )
    gap = high_span[0] / low_span[1]
    if gap <= ratio:
        return None
    low_claim = low_src.claim_at(low_src.high if low_src.high is not None else low_src.low, 1)
    high_claim = high_src.claim_at(high_src.low if high_src.low is not None else high_src.high, 0)
    values = sorted(
        (c for s in own for c in s.claims),
        key=lambda c: (_span_of(c), str(c["id"])),
    )
    out: dict[str, Any] = {
        "kind": "figure",
        "measure": q.measure,
        "victims": q.group.victims(),
        "claims": [low_claim["id"], high_claim["id"]],
        "ratio": round(gap, 2),
        "values": [_value(c) for c in values],
    }
    if q.unit:
        out["unit"] = q.unit
    return out


def _span_of(claim: Mapping[str, Any]) -> float:
    return point_value(claim["value"]) or 0.0


def _rejections(claims: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for claim in claims:
        if claim.get("kind") != "figure" or status_of(claim) != "rejected":
            continue
        by = (claim.get("stance") or {}).get("by") or {}
        out.append(
            {
                "kind": "rejection",
                "measure": claim.get("measure"),
                "claims": [claim["id"]],
                "doc": claim["doc"]["id"],
                "text": claim["value"]["text"],
                "claimant": speaker_of(claim) or None,
                "by": by.get("text") or None,
            }
        )
    return out


def _revisions(
    claims: Sequence[Mapping[str, Any]], sources: Mapping[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """Each superseded figure with the later figure of the same source and measure."""
    later: dict[tuple[tuple[str, str], str], list[Mapping[str, Any]]] = defaultdict(list)
    figures = [c for c in claims if c.get("kind") == "figure" and c.get("value")]
    for claim in figures:
        if status_of(claim) != "superseded":
            later[(sources[str(claim["id"])], str(claim.get("measure")))].append(claim)
    out = []
    for claim in figures:
        if status_of(claim) != "superseded":
            continue
        start = int((claim.get("value") or {}).get("start", 0))
        after = [
            c
            for c in later.get((sources[str(claim["id"])], str(claim.get("measure"))), [])
            if int(c["value"].get("start", 0)) > start
        ]
        new = min(after, key=lambda c: int(c["value"].get("start", 0))) if after else None
        out.append(
            {
                "kind": "revision",
                "measure": claim.get("measure"),
                "claims": [claim["id"]] + ([new["id"]] if new is not None else []),
                "doc": claim["doc"]["id"],
                "speaker": speaker_of(claim) or None,
                "from": claim["value"]["text"],
                "to": new["value"]["text"] if new is not None else None,
                "by": ((claim.get("stance") or {}).get("by") or {}).get("text") or None,
            }
        )
    return out


def find_disputes(
    claims: Sequence[Mapping[str, Any]],
    ratio: float = DISPUTE_RATIO,
    found: Sequence[Quantity] | None = None,
) -> list[dict[str, Any]]:
    """Figures, rejections, revisions, perpetrators and dates on which an event's sources
    disagree.  ``found``: the event's quantities when already computed."""
    sources = source_keys(claims)
    if found is None:
        found = quantities(claims, sources)
    disputes: list[dict[str, Any]] = []
    for q in found:
        dispute = _figure_dispute(q, ratio)
        if dispute is not None:
            disputes.append(dispute)
    disputes.extend(_rejections(claims))
    disputes.extend(_revisions(claims, sources))
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
