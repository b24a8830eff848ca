"""Dispute recall: does every gold event whose sources disagree get a dispute?

For each gold event, the gold figures are grouped by measure (their first acceptable one) and
by source (document and attribution); each source's value is its largest figure.  When two
sources differ by more than the dispute ratio, the event is expected to carry a figure dispute:
it is found when a predicted event holding one of those figures' matched claims reports a
figure dispute on one of the figures' acceptable measures.
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


def _gold_value(fig: GoldFigure) -> float | None:
    low = fig.low_in[0] if fig.low_in else fig.low
    if low is not None and fig.high is not None:
        return (low + fig.high) / 2
    return float(low) if low is not None else (float(fig.high) if fig.high is not None else None)


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
    for gold_event in gold.events.values():
        per_measure: dict[str, dict[tuple[str, tuple[str, ...]], list[GoldFigure]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for key in gold_event.anchors:
            fig = gold_by_key.get(key)
            if fig is not None and fig.doc in report.docs:
                per_measure[fig.measure[0]][(fig.doc, fig.attributed_to or ())].append(fig)
        for measure, sources in per_measure.items():
            values = [
                max(v for f in figs if (v := _gold_value(f)) is not None)
                for figs in sources.values()
                if any(_gold_value(f) for f in figs)
            ]
            if len(values) < 2 or min(values) <= 0 or max(values) / min(values) <= ratio:
                continue
            expected = (gold_event.id, measure, round(max(values) / min(values), 2))
            result.expected.append(expected)
            figures = [f for figs in sources.values() for f in figs]
            acceptable = {m for f in figures for m in f.measure}
            found = False
            for fig in figures:
                event = event_of_claim.get(claim_of.get(fig.key, ""))
                if event and any(
                    d.get("kind") == "figure" and d.get("measure") in acceptable
                    for d in event.get("disputes", [])
                ):
                    found = True
                    break
            if not found:
                result.missed.append(expected)
    return result
