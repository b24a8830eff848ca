"""Score extraction output against gold answer keys (the library behind ``rashomon eval``).

Typical use::

    gold = load_gold([Path("gold/seeds.jsonl"), Path("gold/dev.jsonl")])
    report = score(gold, claims, events, docs=[p.name for p in corpus.glob("*.txt")])
    print(render_table(report))
    json.dumps(report.to_dict())
"""

from __future__ import annotations

from rashomon.evaluate.fields import FIELDS, FieldCheck, norm
from rashomon.evaluate.gold import (
    GoldConsistency,
    GoldEstimate,
    GoldEvent,
    GoldFigure,
    GoldFormatError,
    GoldNotFigure,
    GoldSet,
    GoldTime,
    check_offsets,
    load_doc_langs,
    load_gold,
)
from rashomon.evaluate.render import render_errors, render_table, report_to_dict
from rashomon.evaluate.results import (
    PRF,
    Accuracy,
    ErrorItem,
    EvalReport,
    FigureOutcome,
    PredFigure,
    RoleScores,
    Scores,
    SummaryScores,
    list_errors,
)
from rashomon.evaluate.score import match_figures, score

__all__ = [
    "FIELDS",
    "PRF",
    "Accuracy",
    "ErrorItem",
    "EvalReport",
    "FieldCheck",
    "FigureOutcome",
    "GoldConsistency",
    "GoldEstimate",
    "GoldEvent",
    "GoldFigure",
    "GoldFormatError",
    "GoldNotFigure",
    "GoldSet",
    "GoldTime",
    "PredFigure",
    "RoleScores",
    "Scores",
    "SummaryScores",
    "check_offsets",
    "list_errors",
    "load_doc_langs",
    "load_gold",
    "match_figures",
    "norm",
    "render_errors",
    "render_table",
    "report_to_dict",
    "score",
]
