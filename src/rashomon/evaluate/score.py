"""Score extracted claims and events against a :class:`~rashomon.evaluate.gold.GoldSet`.

Inputs are plain dicts in the JSON contracts of DESIGN.md: figure claims (section 3) and events
(section 5), so anything that prints those shapes can be evaluated, not only this library.

Result types live in :mod:`rashomon.evaluate.results`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from rashomon.evaluate.fields import FIELDS, check_all
from rashomon.evaluate.gold import FigureKey, GoldConsistency, GoldFigure, GoldSet
from rashomon.evaluate.results import (
    PRF,
    Accuracy,
    EvalReport,
    FigureOutcome,
    PredFigure,
    Scores,
)

# --------------------------------------------------------------------------- helpers

_LANG_SUFFIX = re.compile(r"_([a-z]{2,3})\.[A-Za-z0-9]+$")


def doc_name(path: str) -> str:
    """Basename of a path as given (POSIX or Windows separators)."""
    return PureWindowsPath(PurePosixPath(path).name).name


def _claim_doc(claim: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(document basename, language) of a claim; tolerant of a bare string ``doc``."""
    doc = claim.get("doc")
    if isinstance(doc, str):
        return doc_name(doc), None
    if isinstance(doc, Mapping):
        path = doc.get("path")
        lang = doc.get("lang") if isinstance(doc.get("lang"), str) else None
        return (doc_name(path) if isinstance(path, str) and path else None), lang
    return None, None


def _pred_figure(claim: Mapping[str, Any], doc: str, index: int) -> PredFigure:
    value = claim.get("value") if isinstance(claim.get("value"), Mapping) else {}
    assert isinstance(value, Mapping)
    start, end = value.get("start"), value.get("end")
    ok = isinstance(start, int) and isinstance(end, int) and start < end
    cid = claim.get("id")
    return PredFigure(
        id=str(cid) if cid is not None else f"#{index}",
        doc=doc,
        start=start if ok else None,
        end=end if ok else None,
        text=str(value.get("text") or ""),
        claim=claim,
    )


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_figures(golds: Sequence[GoldFigure], preds: Sequence[PredFigure]) -> dict[int, int]:
    """One-to-one matching of one document's figures: gold index -> prediction index.

    Candidates are pairs whose spans overlap; the pair with the largest overlap is taken first,
    ties broken by the larger overlap ratio (IoU), then position, so the result is
    deterministic.  Overlap rather than equality lets a prediction "40,000" match the gold
    anchor "More than 40,000", which includes its qualifier words.
    """
    candidates: list[tuple[int, float, int, int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if p.start is None or p.end is None:
                continue
            ov = _overlap(g.start, g.end, p.start, p.end)
            if ov:
                union = max(g.end, p.end) - min(g.start, p.start)
                candidates.append((-ov, -ov / union, g.start, p.start, gi, pi))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def _doc_language(
    doc: str, claim_langs: Mapping[str, Counter[str]], langs: Mapping[str, str] | None
) -> str:
    # An explicit mapping (a corpus manifest) wins; then what the claims say; then the
    # "_xx.txt" suffix of the gold file name; the seed documents have none of the last.
    if langs and doc in langs:
        return langs[doc]
    if claim_langs.get(doc):
        return claim_langs[doc].most_common(1)[0][0]
    m = _LANG_SUFFIX.search(doc)
    return m.group(1) if m else "und"


def _aggregate(
    outcomes: Iterable[FigureOutcome], fps: Iterable[PredFigure], nf_hits: int
) -> Scores:
    tp = fn = strict_tp = 0
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for out in outcomes:
        if out.pred is None:
            fn += 1
            continue
        tp += 1
        strict_tp += out.strict
        for check in out.checks:
            total[check.field] += 1
            correct[check.field] += check.ok
    fp = sum(1 for _ in fps)
    return Scores(
        detection=PRF(tp, fp, fn),
        # A matched figure with a wrong core field is both a wrong prediction and a miss.
        strict=PRF(strict_tp, tp + fp - strict_tp, tp + fn - strict_tp),
        fields={f: Accuracy(correct[f], total[f]) for f in FIELDS},
        not_figure_violations=nf_hits,
    )


# --------------------------------------------------------------------------- events


def _score_events(
    gold: GoldSet,
    outcomes: Sequence[FigureOutcome],
    events: Sequence[Mapping[str, Any]],
) -> tuple[PRF, int, int, list[tuple[str, str, str]]]:
    """Pairwise grouping P/R/F1 and forbidden merges.

    Only matched gold figures that some gold event lists take part: a gold figure that no event
    record lists (e.g. troop strength of an unannotated battle) has no known grouping, and
    treating all its pairs as negatives would punish a correct merge the gold never ruled on.
    """
    gold_event = gold.event_of()
    claim_to_gold: dict[str, FigureKey] = {
        o.pred.id: o.gold.key for o in outcomes if o.pred is not None
    }
    pred_events: dict[str, set[int]] = {}
    for idx, ev in enumerate(events):
        for cid in ev.get("claims") or []:
            pred_events.setdefault(str(cid), set()).add(idx)

    eligible = sorted(
        (o.gold.key, o.pred.id) for o in outcomes if o.pred is not None and o.gold.key in gold_event
    )
    tp = fp = fn = 0
    for (ka, ca), (kb, cb) in itertools.combinations(eligible, 2):
        in_gold = gold_event[ka] == gold_event[kb]
        in_pred = bool(pred_events.get(ca, set()) & pred_events.get(cb, set()))
        tp += in_gold and in_pred
        fp += in_pred and not in_gold
        fn += in_gold and not in_pred

    forbidden: list[tuple[str, str, str]] = []
    bad_events = 0
    for idx, ev in enumerate(events):
        touched = sorted(
            {
                gold_event[claim_to_gold[str(cid)]]
                for cid in ev.get("claims") or []
                if str(cid) in claim_to_gold and claim_to_gold[str(cid)] in gold_event
            }
        )
        found = [
            (a, b)
            for a, b in itertools.combinations(touched, 2)
            if b in gold.events[a].must_not_merge_with or a in gold.events[b].must_not_merge_with
        ]
        bad_events += bool(found)
        forbidden.extend((str(ev.get("id", f"#{idx}")), a, b) for a, b in found)
    return PRF(tp, fp, fn), len(eligible), bad_events, forbidden


def _score_consistency(
    gold: GoldSet,
    docs: set[str],
    claims_by_id: Mapping[str, PredFigure],
    events: Sequence[Mapping[str, Any]],
) -> tuple[Accuracy, list[GoldConsistency]]:
    """Recall of gold consistency records among the events' ``consistency`` entries.

    A gold record is found when a predicted entry of the same kind has claims in the same
    document whose value spans overlap the record's anchors: every anchor named by a singular
    key (``total_anchor``) or by ``anchors`` must be covered, and at least one anchor of any
    other list key (``part_anchors``): a long parts list with one part undetected still warns
    the reader of the same inconsistency.
    """
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for fig in gold.figures:
        spans.setdefault((fig.doc, fig.anchor), []).append((fig.start, fig.end))

    entries: list[tuple[str, list[PredFigure]]] = []
    for ev in events:
        for entry in ev.get("consistency") or []:
            if isinstance(entry, Mapping):
                kind = str(entry.get("kind") or entry.get("type") or "")
                members = [
                    claims_by_id[str(c)]
                    for c in entry.get("claims") or []
                    if str(c) in claims_by_id
                ]
                entries.append((kind, members))

    def covered(doc: str, anchor: str, members: list[PredFigure]) -> bool:
        return any(
            p.doc == doc
            and p.start is not None
            and p.end is not None
            and _overlap(s, e, p.start, p.end)
            for s, e in spans.get((doc, anchor), [])
            for p in members
        )

    found = 0
    missed: list[GoldConsistency] = []
    records = [r for r in gold.consistency if r.doc in docs]
    for rec in records:

        def satisfied(members: list[PredFigure], rec: GoldConsistency = rec) -> bool:
            for key, names in rec.anchors.items():
                hits = [covered(rec.doc, n, members) for n in names]
                need_all = key == "anchors" or key.endswith("_anchor") or key == "anchor"
                if not (all(hits) if need_all else any(hits)):
                    return False
            return True

        if any(kind == rec.type and satisfied(members) for kind, members in entries):
            found += 1
        else:
            missed.append(rec)
    return Accuracy(found, len(records)), missed


# --------------------------------------------------------------------------- entry point


def score(
    gold: GoldSet,
    claims: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]] | None = None,
    docs: Iterable[str] | None = None,
    langs: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score claims (DESIGN.md section 3) and events (section 5) against ``gold``.

    ``docs`` restricts scoring to the gold documents named (basenames; paths are reduced to
    their basename); by default, the gold documents some claim points at.  Pass ``docs``
    explicitly when possible: a document with no claims at all is otherwise left out, and its
    missed figures with it.  ``langs`` (document name -> language, e.g. from
    :func:`~rashomon.evaluate.gold.load_doc_langs`) overrides the language of a document.
    """
    warnings: list[str] = []
    gold_docs = set(gold.docs)
    claim_langs: dict[str, Counter[str]] = {}
    claim_docs: list[str | None] = []
    for claim in claims:
        name, lang = _claim_doc(claim)
        claim_docs.append(name)
        if name is not None and lang:
            claim_langs.setdefault(name, Counter())[lang] += 1

    if docs is None:
        scored = {d for d in claim_docs if d is not None} & gold_docs
    else:
        wanted = {doc_name(d) for d in docs}
        if wanted - gold_docs:
            warnings.append(f"no gold for: {', '.join(sorted(wanted - gold_docs))}")
        scored = wanted & gold_docs

    preds_by_doc: dict[str, list[PredFigure]] = {}
    claims_by_id: dict[str, PredFigure] = {}
    ignored = 0
    for index, (claim, name) in enumerate(zip(claims, claim_docs, strict=True)):
        if name is None or name not in scored:
            ignored += 1
            continue
        pred = _pred_figure(claim, name, index)
        if pred.id in claims_by_id:
            warnings.append(f"duplicate claim id {pred.id}; the first one is used in events")
        else:
            claims_by_id[pred.id] = pred
        if claim.get("kind", "figure") == "figure":
            preds_by_doc.setdefault(name, []).append(pred)

    outcomes: list[FigureOutcome] = []
    false_pos: list[PredFigure] = []
    for doc in sorted(scored):
        golds = sorted((f for f in gold.figures if f.doc == doc), key=lambda f: f.start)
        preds = preds_by_doc.get(doc, [])
        pairs = match_figures(golds, preds)
        for gi, g in enumerate(golds):
            match = preds[pairs[gi]] if gi in pairs else None
            checks = tuple(check_all(g, match.claim)) if match is not None else ()
            outcomes.append(FigureOutcome(g, match, checks))
        used = set(pairs.values())
        false_pos.extend(p for pi, p in enumerate(preds) if pi not in used)

    nf_hits = [
        (p, nf)
        for nf in gold.not_figures
        if nf.doc in scored
        for p in preds_by_doc.get(nf.doc, [])
        if p.start is not None and p.end is not None and _overlap(nf.start, nf.end, p.start, p.end)
    ]

    languages = {d: _doc_language(d, claim_langs, langs) for d in sorted(scored)}

    def bucket(selected: set[str]) -> Scores:
        return _aggregate(
            (o for o in outcomes if o.gold.doc in selected),
            (p for p in false_pos if p.doc in selected),
            sum(1 for p, _ in nf_hits if p.doc in selected),
        )

    by_language = {
        lang: bucket({d for d, lg in languages.items() if lg == lang})
        for lang in sorted(set(languages.values()))
    }
    event_list = list(events or [])
    pairs_prf, n_event_figs, n_forbidden, forbidden = _score_events(gold, outcomes, event_list)
    consistency, c_missed = _score_consistency(gold, scored, claims_by_id, event_list)
    return EvalReport(
        docs=sorted(scored),
        languages=languages,
        overall=bucket(scored),
        by_language=by_language,
        by_document={d: bucket({d}) for d in sorted(scored)},
        outcomes=outcomes,
        false_positives=false_pos,
        not_figure_hits=nf_hits,
        consistency=consistency,
        consistency_missed=c_missed,
        event_pairs=pairs_prf,
        event_figures=n_event_figs,
        forbidden_merges=n_forbidden,
        forbidden_details=forbidden,
        ignored_claims=ignored,
        warnings=warnings,
    )
