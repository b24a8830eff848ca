"""Dispute recall: does every gold quantity whose sources disagree get a dispute?

A quantity is a gold ``estimate`` record (an event, a measure, a victim group: figures that
count the same thing; shared/gold/README.md, "Status and estimates").  Its figures are read
with the README's rules: one value per source (document and attribution), superseded figures
dropped, a rejected figure kept only as its named claimant's, vague figures only where no
precise one is left, open figures giving their stated end.  When the highest lower bound one
source gives is more than the dispute ratio times the lowest upper bound another gives, the
quantity is expected to carry a figure dispute: it is found when a predicted event holding one
of those figures' matched claims reports a figure dispute on the record's measure.  Figures of
different quantities (a subgroup against the toll, a site against the whole, "dozens" against
410) are not expected to dispute.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rashomon.evaluate.gold import GoldFigure, GoldSet
from rashomon.evaluate.results import EvalReport
from rashomon.reconcile.estimates import DISPUTE_RATIO


@dataclass(slots=True)
class DisputeRecall:
    expected: list[tuple[str, str, float]] = field(default_factory=list)  # (event, measure, ratio)
    missed: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return 1 - len(self.missed) / len(self.expected) if self.expected else None


def _bounds(fig: GoldFigure) -> tuple[float | None, float | None]:
    low = fig.low_in[0] if fig.low_in else fig.low
    if fig.qualifier in ("more_than", "at_least", "vague"):
        return (float(low) if low is not None else None), None
    if fig.qualifier in ("less_than", "at_most"):
        high = fig.high if fig.high is not None else low
        return None, (float(high) if high is not None else None)
    high = fig.high if fig.high is not None else low
    return (float(low) if low is not None else None), (float(high) if high is not None else None)


def _spread(figures: Sequence[GoldFigure]) -> float | None:
    """The widest gap between two sources' figures of one quantity (None: fewer than two)."""
    kept = [
        f
        for f in figures
        if f.status != "superseded" and not (f.status == "rejected" and not f.attributed_to)
    ]
    precise = [f for f in kept if f.qualifier != "vague"]
    kept = precise or kept
    spans: dict[tuple[str, tuple[str, ...]], list[float]] = defaultdict(list)
    for f in kept:
        low, high = _bounds(f)
        spans[(f.doc, f.attributed_to or ())] += [v for v in (low, high) if v is not None]
    ranges = [(min(v), max(v)) for v in spans.values() if v]
    if len(ranges) < 2:
        return None
    best = 0.0
    for i, (_, hi) in enumerate(ranges):
        for j, (lo, _) in enumerate(ranges):
            if i != j and hi > 0:
                best = max(best, lo / hi)
    return best


def dispute_recall(
    gold: GoldSet,
    report: EvalReport,
    events: Sequence[Mapping[str, Any]],
    ratio: float = DISPUTE_RATIO,
) -> DisputeRecall:
    claim_of = {o.gold.key: o.pred.id for o in report.outcomes if o.pred is not None}
    gold_by_key = {f.key: f for f in gold.figures}
    event_of_claim = {cid: ev for ev in events for cid in ev["claims"]}
    result = DisputeRecall()
    for record in gold.estimates:
        figures = [
            f
            for key in record.anchors
            if (f := gold_by_key.get(key)) is not None and f.doc in report.docs
        ]
        spread = _spread(figures)
        if spread is None or spread <= ratio:
            continue
        expected = (record.event, record.measure, round(spread, 2))
        result.expected.append(expected)
        found = False
        for fig in figures:
            event = event_of_claim.get(claim_of.get(fig.key, ""))
            if event and any(
                d.get("kind") == "figure" and d.get("measure") == record.measure
                for d in event.get("disputes", [])
            ):
                found = True
                break
        if not found:
            result.missed.append(expected)
    return result
