"""Result types of an evaluation: metrics with their counts, per-figure outcomes, the report.

Every metric keeps its counts (tp/fp/fn or correct/total) so a reader sees the denominators, and
a metric with nothing to count is ``None``, never a flattering 1.0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rashomon.evaluate.fields import FieldCheck
from rashomon.evaluate.gold import GoldConsistency, GoldFigure, GoldNotFigure

# --------------------------------------------------------------------------- metric types


@dataclass(frozen=True)
class PRF:
    """Precision/recall/F1 with their counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2tp / (2tp + fp + fn) equals the harmonic mean when both are defined, and stays
        # meaningful (0.0) when there are gold items but no predictions at all.
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else None

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Accuracy:
    """correct / total; ``value`` is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def score(self) -> float:
        """``value`` with nothing scored counted as 0.0 (for floors and sorting)."""
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class RoleScores:
    """Precision of the roles a prediction asserts (a wrong perpetrator is worse than none).

    ``perpetrators``/``victims``: predicted mentions that hit one of the gold alias sets, over
    all predicted mentions on matched figures whose gold states the role (``[]`` included).
    ``inversions``: (doc, anchor, mention) where a predicted perpetrator is one of the gold
    victims (or a predicted victim one of the gold perpetrators) and not also its own role.
    """

    perpetrators: Accuracy
    victims: Accuracy
    perpetrator_inversions: tuple[tuple[str, str, str], ...]
    victim_inversions: tuple[tuple[str, str, str], ...]

    @property
    def perpetrator_precision(self) -> float:
        # The reference scorer reports 1.0 when nothing was predicted: nothing said, nothing wrong.
        return self.perpetrators.score if self.perpetrators.total else 1.0

    @property
    def victim_precision(self) -> float:
        return self.victims.score if self.victims.total else 1.0


@dataclass(frozen=True)
class Scores:
    """Figure scores over a set of documents (all, one language, or one document)."""

    detection: PRF
    strict: PRF
    fields: dict[str, Accuracy]
    not_figure_violations: int
    roles: RoleScores
    #: Non-asserted stances (superseded, rejected, unconfirmed): right / predicted / gold.
    status: PRF


# --------------------------------------------------------------------------- outcome types


@dataclass(frozen=True)
class PredFigure:
    """A predicted figure claim, reduced to what matching needs."""

    id: str
    doc: str
    start: int | None  # None: no usable value span, so it can match nothing
    end: int | None
    text: str
    claim: Mapping[str, Any]


@dataclass(frozen=True)
class FigureOutcome:
    """One gold figure: the claim it matched (if any) and the field checks."""

    gold: GoldFigure
    pred: PredFigure | None
    checks: tuple[FieldCheck, ...]

    @property
    def strict(self) -> bool:
        """Matched, with measure, value and qualifier all correct."""
        core = {c.field: c.ok for c in self.checks}
        return self.pred is not None and all(
            core.get(f, False) for f in ("measure", "value", "qualifier")
        )


@dataclass(frozen=True)
class ErrorItem:
    """One thing to fix, for developers: what the gold expected and what came out."""

    kind: str  # missed | false_positive | field | not_figure | consistency_missed | forbidden_merge
    doc: str
    anchor: str
    field: str = ""
    expected: str = ""
    got: str = ""


@dataclass(frozen=True)
class SummaryScores:
    """Event summaries against the gold ``estimate`` records (README "Status and estimates").

    ``estimates``: records whose quantity the predicted event summarises within the accepted
    low/high; ``disputes``: predicted figure disputes (between gold figures only) that set
    figures of one quantity against each other; ``inconsistency_alarms``: predicted
    inconsistencies on documents whose gold has none.
    """

    estimates: Accuracy
    estimate_misses: tuple[tuple[str, str, str], ...]  # (event, measure, note)
    disputes: Accuracy
    false_disputes: tuple[tuple[str, str, tuple[str, ...]], ...]  # (label, measure, texts)
    inconsistency_alarms: tuple[tuple[str, str, str], ...]  # (doc, kind, detail)

    @property
    def dispute_precision(self) -> float:
        return self.disputes.score if self.disputes.total else 1.0


@dataclass
class EvalReport:
    """Scores of one evaluation run; :func:`list_errors` turns it into a to-do list."""

    docs: list[str]
    languages: dict[str, str]  # doc -> language
    overall: Scores
    by_language: dict[str, Scores]
    by_document: dict[str, Scores]
    outcomes: list[FigureOutcome]
    false_positives: list[PredFigure]
    not_figure_hits: list[tuple[PredFigure, GoldNotFigure]]
    consistency: Accuracy  # found / gold records (a recall)
    consistency_missed: list[GoldConsistency]
    event_pairs: PRF
    event_figures: int  # matched gold figures that took part in pairwise scoring
    forbidden_merges: int  # predicted events merging two must-not-merge gold events
    forbidden_details: list[tuple[str, str, str]]  # (predicted event id, gold a, gold b)
    summaries: SummaryScores | None = None  # with events and gold estimate records
    ignored_claims: int = 0  # claims on documents outside the scored set
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (for ``rashomon eval --json``)."""
        from rashomon.evaluate.render import report_to_dict  # render imports us: lazy

        return report_to_dict(self)


def list_errors(report: EvalReport) -> list[ErrorItem]:
    """Everything a developer should look at, document by document."""
    items: list[ErrorItem] = []
    for out in report.outcomes:
        if out.pred is None:
            items.append(
                ErrorItem(
                    "missed",
                    out.gold.doc,
                    out.gold.anchor,
                    expected=f"[{out.gold.start}, {out.gold.end})",
                )
            )
            continue
        items.extend(
            ErrorItem("field", out.gold.doc, out.gold.anchor, c.field, c.expected, c.got)
            for c in out.checks
            if not c.ok
        )
    for p in report.false_positives:
        items.append(
            ErrorItem(
                "false_positive",
                p.doc,
                p.text or p.id,
                got=f"[{p.start}, {p.end}) {p.claim.get('measure')}",
            )
        )
    for hit, nf in report.not_figure_hits:
        items.append(
            ErrorItem(
                "not_figure", hit.doc, nf.anchor, expected="no figure", got=hit.text or hit.id
            )
        )
    for rec in report.consistency_missed:
        anchors = "; ".join(f"{k}={', '.join(v)}" for k, v in rec.anchors.items())
        items.append(ErrorItem("consistency_missed", rec.doc, anchors, expected=rec.type))
    for ev_id, a, b in report.forbidden_details:
        items.append(
            ErrorItem("forbidden_merge", "", ev_id, expected=f"{a} apart from {b}", got="merged")
        )
    kind_order = {
        k: i
        for i, k in enumerate(
            (
                "missed",
                "false_positive",
                "field",
                "not_figure",
                "consistency_missed",
                "forbidden_merge",
            )
        )
    }
    items.sort(key=lambda e: (e.doc, kind_order[e.kind]))
    return items
