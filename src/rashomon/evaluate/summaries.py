"""Event summaries against the gold ``estimate`` records (shared/gold/README.md, "Status and
estimates"), with the reference scorer's definitions (``score_estimates``):

* an estimate record is right when the predicted event most of its anchors' matched claims
  belong to has, for the record's measure (and victim group, when the record names one; an
  ungrouped estimate is used when no grouped one hits), an estimate whose low lies in
  ``low_in`` and whose high lies in ``high_in`` (a null window requires a null bound);
* a predicted figure dispute is scored when every claim it sets against another is a matched
  gold figure, and is right when all of them anchor one estimate record (they count the same
  quantity).

Beyond the reference: predicted inconsistencies on documents whose gold records none (the
"no inconsistency on a document whose gold has none" floor of the summaries issue).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rashomon.evaluate.fields import sets_hit
from rashomon.evaluate.gold import GoldSet
from rashomon.evaluate.results import Accuracy, FigureOutcome, SummaryScores
from rashomon.reconcile.estimates import estimate_list


def _in_range(value: Any, window: tuple[int, int] | None) -> bool:
    if window is None:
        return value is None
    return value is not None and window[0] <= value <= window[1]


def score_summaries(
    gold: GoldSet,
    outcomes: Sequence[FigureOutcome],
    events: Sequence[Mapping[str, Any]],
    docs: set[str],
) -> SummaryScores:
    claim_of = {o.gold.key: o.pred.id for o in outcomes if o.pred is not None}
    by_start = {(o.gold.doc, o.gold.start): o.gold.key for o in outcomes}
    event_of: dict[str, Mapping[str, Any]] = {}
    for e in events:
        for cid in e.get("claims") or []:
            event_of[str(cid)] = e
    events_by_id = {str(e.get("id")): e for e in events}

    quantity: dict[str, set[int]] = defaultdict(set)
    right = 0
    misses: list[tuple[str, str, str]] = []
    for k, ge in enumerate(gold.estimates):
        cids = [claim_of.get(by_start.get((d, st), ("", "", -1)), "") for d, _a, st in ge.anchors]
        votes: dict[str, int] = defaultdict(int)
        for cid in cids:
            if cid:
                quantity[cid].add(k)
                if cid in event_of:
                    votes[str(event_of[cid].get("id"))] += 1
        ok = False
        if votes:
            event = events_by_id[max(votes, key=lambda v: votes[v])]
            cands = [x for x in estimate_list(event) if x.get("measure") == ge.measure]
            if ge.victims:
                grouped = [
                    x
                    for x in cands
                    if x.get("victims")
                    and sets_hit(
                        ge.victims,
                        x["victims"] if isinstance(x["victims"], list) else [x["victims"]],
                    )
                ]
                cands = grouped or [x for x in cands if not x.get("victims")]
            ok = any(
                _in_range(x.get("low"), ge.low_in) and _in_range(x.get("high"), ge.high_in)
                for x in cands
            )
        right += ok
        if not ok:
            misses.append((ge.event, ge.measure, ge.note))

    gold_claims = {cid for cid in claim_of.values() if cid}
    d_right = d_total = 0
    false_disputes: list[tuple[str, str, tuple[str, ...]]] = []
    for e in events:
        for d in e.get("disputes") or []:
            if d.get("kind") != "figure":
                continue
            cids = [str(c) for c in d.get("claims") or []]
            if len(cids) < 2 or not all(cid in gold_claims for cid in cids):
                continue
            d_total += 1
            if set.intersection(*(quantity.get(cid, set()) for cid in cids)):
                d_right += 1
            else:
                texts = tuple(str(v.get("text")) for v in d.get("values") or [])[:4]
                false_disputes.append((str(e.get("label")), str(d.get("measure")), texts))

    with_gold = {c.doc for c in gold.consistency}
    alarms: list[tuple[str, str, str]] = []
    docs_by_id = {
        str((o.pred.claim.get("doc") or {}).get("id")): o.pred.doc
        for o in outcomes
        if o.pred is not None and isinstance(o.pred.claim.get("doc"), Mapping)
    }
    for e in events:
        for entry in e.get("consistency") or []:
            doc = docs_by_id.get(str(entry.get("doc")), str(entry.get("doc")))
            if doc in docs and doc not in with_gold:
                alarms.append((doc, str(entry.get("kind")), str(entry.get("detail", ""))))
    return SummaryScores(
        estimates=Accuracy(right, len(gold.estimates)),
        estimate_misses=tuple(misses),
        disputes=Accuracy(d_right, d_total),
        false_disputes=tuple(false_disputes),
        inconsistency_alarms=tuple(alarms),
    )
