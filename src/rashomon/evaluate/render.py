"""Present an :class:`~rashomon.evaluate.score.EvalReport`: a fixed-width text table for people
and a JSON-able dict for ``--json`` and for tests that hold floors."""

from __future__ import annotations

from typing import Any

from rashomon._words import plural
from rashomon.evaluate.fields import FIELDS
from rashomon.evaluate.results import (
    PRF,
    Accuracy,
    EvalReport,
    RoleScores,
    Scores,
    SummaryScores,
    list_errors,
)

# Short column heads for the field accuracies, in FIELDS order.
_FIELD_HEADS = {
    "measure": "meas",
    "value": "value",
    "qualifier": "qual",
    "time": "time",
    "places": "place",
    "victims": "vict",
    "perpetrators": "perp",
    "attribution": "attr",
    "status": "stat",
}


# --------------------------------------------------------------------------- dict


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def prf_dict(m: PRF) -> dict[str, Any]:
    return {
        "precision": _round(m.precision),
        "recall": _round(m.recall),
        "f1": _round(m.f1),
        "tp": m.tp,
        "fp": m.fp,
        "fn": m.fn,
    }


def acc_dict(m: Accuracy) -> dict[str, Any]:
    return {"accuracy": _round(m.value), "correct": m.correct, "total": m.total}


def roles_dict(r: RoleScores) -> dict[str, Any]:
    return {
        "perpetrator_precision": _round(r.perpetrator_precision),
        "perpetrators_predicted": r.perpetrators.total,
        "victim_precision": _round(r.victim_precision),
        "victims_predicted": r.victims.total,
        "perpetrator_inversions": [list(x) for x in r.perpetrator_inversions],
        "victim_inversions": [list(x) for x in r.victim_inversions],
    }


def scores_dict(s: Scores) -> dict[str, Any]:
    return {
        "detection": prf_dict(s.detection),
        "strict": prf_dict(s.strict),
        "fields": {name: acc_dict(acc) for name, acc in s.fields.items()},
        "not_figure_violations": s.not_figure_violations,
        "roles": roles_dict(s.roles),
        "status": prf_dict(s.status),
    }


def summaries_dict(m: SummaryScores) -> dict[str, Any]:
    return {
        "estimate_accuracy": _round(m.estimates.value),
        "estimates_right": m.estimates.correct,
        "estimates_total": m.estimates.total,
        "estimate_misses": [list(x) for x in m.estimate_misses],
        "dispute_precision": _round(m.dispute_precision),
        "disputes_scored": m.disputes.total,
        "false_disputes": [[a, b, list(c)] for a, b, c in m.false_disputes],
        "inconsistency_alarms": [list(x) for x in m.inconsistency_alarms],
    }


def report_to_dict(report: EvalReport) -> dict[str, Any]:
    """Everything in the report as JSON types (numbers rounded to 4 places)."""
    return {
        "docs": list(report.docs),
        "languages": dict(report.languages),
        "overall": scores_dict(report.overall),
        "by_language": {k: scores_dict(v) for k, v in report.by_language.items()},
        "by_document": {k: scores_dict(v) for k, v in report.by_document.items()},
        "events": {
            "pairwise": prf_dict(report.event_pairs),
            "figures": report.event_figures,
            "forbidden_merges": report.forbidden_merges,
            "forbidden_details": [
                {"event": e, "gold_a": a, "gold_b": b} for e, a, b in report.forbidden_details
            ],
        },
        "summaries": summaries_dict(report.summaries) if report.summaries else None,
        "consistency": {
            "recall": _round(report.consistency.value),
            "found": report.consistency.correct,
            "total": report.consistency.total,
        },
        "ignored_claims": report.ignored_claims,
        "warnings": list(report.warnings),
        "errors": [
            {
                "kind": e.kind,
                "doc": e.doc,
                "anchor": e.anchor,
                "field": e.field,
                "expected": e.expected,
                "got": e.got,
            }
            for e in list_errors(report)
        ],
    }


# --------------------------------------------------------------------------- table


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _prf_row(label: str, m: PRF, width: int) -> str:
    return (
        f"{label:<{width}} {_f(m.precision):>6} {_f(m.recall):>6} {_f(m.f1):>6}"
        f" {m.tp:>5} {m.fp:>5} {m.fn:>5}"
    )


def _breakdown(title: str, rows: dict[str, Scores], width: int) -> list[str]:
    # One line per language or document: detection, strict F1, every field accuracy, role
    # precision (perpetrators, victims), inversions of both roles and the stance's F1.
    heads = " ".join(f"{_FIELD_HEADS[f]:>5}" for f in FIELDS)
    lines = [
        title,
        f"{'':<{width}} {'det P':>6} {'det R':>6} {'det F1':>6} {'strict':>6}"
        f" {'n':>4} {heads} {'notfg':>5} {'perpP':>5} {'victP':>5} {'inv':>3} {'st F1':>5}",
    ]
    for name, s in rows.items():
        accs = " ".join(f"{_f(s.fields[f].value):>5}" for f in FIELDS)
        n_gold = s.detection.tp + s.detection.fn
        lines.append(
            f"{name:<{width}} {_f(s.detection.precision):>6} {_f(s.detection.recall):>6}"
            f" {_f(s.detection.f1):>6} {_f(s.strict.f1):>6} {n_gold:>4} {accs}"
            f" {s.not_figure_violations:>5} {s.roles.perpetrator_precision:>5.2f}"
            f" {s.roles.victim_precision:>5.2f}"
            f" {len(s.roles.perpetrator_inversions) + len(s.roles.victim_inversions):>3}"
            f" {_f(s.status.f1):>5}"
        )
    return lines


def render_table(report: EvalReport) -> str:
    """A readable fixed-width summary: overall, fields, events, per language, per document."""
    o = report.overall
    n_gold = o.detection.tp + o.detection.fn
    head = f"{'':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
    lines = [
        f"rashomon eval: {plural(len(report.docs), 'document')}, "
        f"{plural(n_gold, 'gold figure')}, "
        f"{plural(o.detection.tp + o.detection.fp, 'predicted figure')}",
        "",
        head,
        _prf_row("figures", o.detection, 18),
        _prf_row("figures (strict)", o.strict, 18),
        _prf_row("event pairs", report.event_pairs, 18),
        "",
        f"{'field (matched)':<18} {'acc':>6} {'correct':>8} {'total':>6}",
    ]
    for name in FIELDS:
        acc = o.fields[name]
        lines.append(f"{name:<18} {_f(acc.value):>6} {acc.correct:>8} {acc.total:>6}")
    r, st = o.roles, o.status
    lines += [
        "",
        f"role precision       perpetrators {r.perpetrator_precision:.3f} "
        f"(n {r.perpetrators.total}), victims {r.victim_precision:.3f} (n {r.victims.total})",
        f"inversions           {len(r.perpetrator_inversions)} perpetrators named from the "
        f"victims, {len(r.victim_inversions)} victims named from the perpetrators",
        f"status (stance)      P {_f(st.precision)} R {_f(st.recall)} F1 {_f(st.f1)}  "
        f"({st.tp} right, {st.tp + st.fp} predicted, {st.tp + st.fn} in the gold)",
    ]
    m = report.summaries
    if m is not None:
        lines += [
            f"estimates            {_f(m.estimates.value)}  ({m.estimates.correct}/"
            f"{m.estimates.total} gold quantities summarised within their accepted range)",
            f"dispute precision    {m.dispute_precision:.3f}  ({m.disputes.correct}/"
            f"{plural(m.disputes.total, 'figure dispute')} between figures of one quantity)",
            f"inconsistency alarms {len(m.inconsistency_alarms)} on documents whose gold has none",
        ]
    c = report.consistency
    lines += [
        "",
        f"consistency recall   {_f(c.value)}  ({c.correct}/{c.total})",
        f"not-figure hits      {o.not_figure_violations}",
        f"forbidden merges     {report.forbidden_merges}",
        f"event figures        {report.event_figures} matched gold figures in pairwise scoring",
    ]
    if report.ignored_claims:
        lines.append(f"ignored claims       {report.ignored_claims} (documents not scored)")
    width = max([4, *(len(d) for d in report.docs)])
    lines += ["", *_breakdown("per language", report.by_language, width)]
    lines += ["", *_breakdown("per document", report.by_document, width)]
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    return "\n".join(lines) + "\n"


def render_errors(report: EvalReport, limit: int | None = None) -> str:
    """The error list as text lines: kind, doc, anchor, field, expected, got."""
    errors = list_errors(report)
    shown = errors if limit is None else errors[:limit]
    lines = [
        f"{e.kind:<18} {e.doc} {e.anchor!r}"
        + (f" {e.field}" if e.field else "")
        + (f": expected {e.expected}" if e.expected else "")
        + (f", got {e.got}" if e.got else "")
        for e in shown
    ]
    if len(shown) < len(errors):
        lines.append(f"... {len(errors) - len(shown)} more")
    return "\n".join(lines) + ("\n" if lines else "")
