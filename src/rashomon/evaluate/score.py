"""Score extracted claims and events against a :class:`~rashomon.evaluate.gold.GoldSet`.

Inputs are plain dicts in the JSON contracts of DESIGN.md: figure claims (section 3) and events
(section 5), so anything that prints those shapes can be evaluated, not only this library.  The
figures are those of the reference scorer (``shared/tools/score.py``): matching, field checks,
role precision, status, event pairs, estimates and disputes follow its definitions exactly
(tests/test_eval_parity.py runs both on the same claims), with per-language and per-document
breakdowns and error listings on top.

Result types live in :mod:`rashomon.evaluate.results`; event summaries in
:mod:`rashomon.evaluate.summaries`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from rashomon.evaluate.fields import FIELDS, check_all, sets_hit, status_of, value_ok
from rashomon.evaluate.gold import GoldConsistency, GoldFigure, GoldSet
from rashomon.evaluate.results import (
    PRF,
    Accuracy,
    EvalReport,
    FigureOutcome,
    PredFigure,
    RoleScores,
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
        path = doc.get("path") or doc.get("id")
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


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def match_figures(golds: Sequence[GoldFigure], preds: Sequence[PredFigure]) -> dict[int, int]:
    """One-to-one matching of one document's figures: gold index -> prediction index.

    Gold figures are taken in file order; each takes, among the unused predictions whose value
    span overlaps its anchor, the one with the right measure, then the right value, then the
    nearest start (the reference scorer's rule; ties keep prediction order).  Overlap rather
    than equality lets "40,000" match the gold anchor "More than 40,000".
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(golds):
        cands = [
            pi
            for pi, p in enumerate(preds)
            if pi not in used
            and p.start is not None
            and p.end is not None
            and _overlaps(p.start, p.end, g.start, g.end)
        ]
        if not cands:
            continue

        def rank(pi: int, g: GoldFigure = g) -> tuple[bool, bool, int]:
            claim, start = preds[pi].claim, preds[pi].start or 0
            return (
                claim.get("measure") not in g.measure,
                not value_ok(g, claim.get("value") or {}),
                abs(start - g.start),
            )

        best = min(cands, key=rank)  # min is stable: the first of equal ranks
        pairs[gi] = best
        used.add(best)
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


def _roles(outcomes: Iterable[FigureOutcome]) -> RoleScores:
    """Role precision and inversions over matched figures (reference ``role_precision``)."""
    counts: dict[str, list[int]] = {"perpetrators": [0, 0], "victims": [0, 0]}
    inversions: dict[str, list[tuple[str, str, str]]] = {"perpetrators": [], "victims": []}
    for out in outcomes:
        if out.pred is None:
            continue
        g = out.gold
        for role, other in (("perpetrators", "victims"), ("victims", "perpetrators")):
            own_sets = getattr(g, role)
            other_sets = getattr(g, other)
            pred = [x for x in (out.pred.claim.get(role) or []) if x.get("text") or x.get("name")]
            for x in pred:
                hits_other = bool(other_sets) and any(sets_hit([s], [x]) for s in other_sets)
                hits_own = bool(own_sets) and any(sets_hit([s], [x]) for s in own_sets)
                if hits_other and not hits_own:
                    inversions[role].append((g.doc, g.anchor, str(x.get("text") or x["name"])))
            if own_sets is None:
                continue
            counts[role][1] += len(pred)
            counts[role][0] += sum(1 for x in pred if any(sets_hit([s], [x]) for s in own_sets))
    return RoleScores(
        perpetrators=Accuracy(*counts["perpetrators"]),
        victims=Accuracy(*counts["victims"]),
        perpetrator_inversions=tuple(inversions["perpetrators"]),
        victim_inversions=tuple(inversions["victims"]),
    )


def _aggregate(
    outcomes: Sequence[FigureOutcome], fps: Sequence[PredFigure], nf_hits: int
) -> Scores:
    tp = fn = strict_tp = 0
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    status_right = status_gold = 0
    for out in outcomes:
        status_gold += out.gold.status != "asserted"
        if out.pred is None:
            fn += 1
            continue
        tp += 1
        strict_tp += out.strict
        status_right += out.gold.status != "asserted" and status_of(out.pred.claim) == (
            out.gold.status
        )
        for check in out.checks:
            total[check.field] += 1
            correct[check.field] += check.ok
    fp = len(fps)
    predicted = [o.pred for o in outcomes if o.pred is not None] + list(fps)
    status_pred = sum(1 for p in predicted if status_of(p.claim) != "asserted")
    return Scores(
        detection=PRF(tp, fp, fn),
        # A matched figure with a wrong core field is both a wrong prediction and a miss.
        strict=PRF(strict_tp, tp + fp - strict_tp, tp + fn - strict_tp),
        fields={f: Accuracy(correct[f], total[f]) for f in FIELDS},
        not_figure_violations=nf_hits,
        roles=_roles(outcomes),
        status=PRF(status_right, status_pred - status_right, status_gold - status_right),
    )


# --------------------------------------------------------------------------- events


def _score_events(
    gold: GoldSet,
    outcomes: Sequence[FigureOutcome],
    events: Sequence[Mapping[str, Any]],
) -> tuple[PRF, int, int, list[tuple[str, str, str]]]:
    """Pairwise grouping P/R/F1 and forbidden merges (reference ``score_events``).

    Only matched gold figures that some gold event lists take part: a gold figure that no event
    record lists has no known grouping.  A claim in several predicted events counts in the last.
    """
    key: dict[tuple[str, int], str] = {}
    for ev in gold.events.values():
        for d, _a, s in ev.anchors:
            key[(d, s)] = ev.id
    claim_event: dict[str, str] = {}
    for idx, pred_event in enumerate(events):
        for cid in pred_event.get("claims") or []:
            claim_event[str(cid)] = str(pred_event.get("id", f"#{idx}"))
    items: list[tuple[str, str | None]] = []
    for out in outcomes:
        if out.pred is None:
            continue
        ge = key.get((out.gold.doc, out.gold.start))
        if ge is not None:
            items.append((ge, claim_event.get(out.pred.id)))
    tp = fp = fn = 0
    forbidden_pairs = {
        (ev.id, other) for ev in gold.events.values() for other in ev.must_not_merge_with
    }
    violations: dict[tuple[str, str], str] = {}
    for (ga, pa), (gb, pb) in itertools.combinations(items, 2):
        same_g, same_p = ga == gb, pa is not None and pa == pb
        tp += same_g and same_p
        fp += (not same_g) and same_p
        fn += same_g and not same_p
        if same_p and ((ga, gb) in forbidden_pairs or (gb, ga) in forbidden_pairs):
            a, b = sorted((ga, gb))
            violations.setdefault((a, b), str(pa))
    details = [(ev, a, b) for (a, b), ev in sorted(violations.items())]
    return PRF(tp, fp, fn), len(items), len(violations), details


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
    other list key (``part_anchors``).
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
            and _overlaps(s, e, p.start, p.end)
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
    from rashomon.evaluate.summaries import score_summaries

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
        # A figure claim is one with a measure (the reference scorer's rule).
        if claim.get("kind", "figure") == "figure" and claim.get("measure"):
            preds_by_doc.setdefault(name, []).append(pred)

    outcomes: list[FigureOutcome] = []
    false_pos: list[PredFigure] = []
    for doc in sorted(scored):
        golds = [f for f in gold.figures if f.doc == doc]  # file order, as the reference
        preds = preds_by_doc.get(doc, [])
        pairs = match_figures(golds, preds)
        for gi, g in enumerate(golds):
            match = preds[pairs[gi]] if gi in pairs else None
            checks = tuple(check_all(g, match.claim)) if match is not None else ()
            outcomes.append(FigureOutcome(g, match, checks))
        used = set(pairs.values())
        false_pos.extend(p for pi, p in enumerate(preds) if pi not in used)

    # A not-figure is violated by a prediction that matched no gold figure and overlaps it.
    nf_hits = [
        (p, nf)
        for nf in gold.not_figures
        if nf.doc in scored
        for p in false_pos
        if p.doc == nf.doc
        and p.start is not None
        and p.end is not None
        and _overlaps(nf.start, nf.end, p.start, p.end)
    ]

    languages = {d: _doc_language(d, claim_langs, langs) for d in sorted(scored)}

    def bucket(selected: set[str]) -> Scores:
        return _aggregate(
            [o for o in outcomes if o.gold.doc in selected],
            [p for p in false_pos if p.doc in selected],
            sum(1 for p, _ in nf_hits if p.doc in selected),
        )

    by_language = {
        lang: bucket({d for d, lg in languages.items() if lg == lang})
        for lang in sorted(set(languages.values()))
    }
    event_list = list(events or [])
    pairs_prf, n_event_figs, n_forbidden, forbidden = _score_events(gold, outcomes, event_list)
    consistency, c_missed = _score_consistency(gold, scored, claims_by_id, event_list)
    summaries = score_summaries(gold, outcomes, event_list, scored) if events is not None else None
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
        summaries=summaries,
        ignored_claims=ignored,
        warnings=warnings,
    )
