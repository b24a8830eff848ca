"""Answer key of the second held-out set: writes ``gold.jsonl`` beside this file.

The 27 documents in ``docs/`` are FICTIONAL (invented events, organisations and people; see
README.md).  The key was written by hand from the texts alone, before rashomon was run on
them, in the format of ``../shared/gold/README.md``, with the helpers of the first held-out set
(``tests/heldout/gold_lib.py``: offsets computed from anchor and occurrence, never typed).
``python -m tests.heldout2.make_gold --check`` stops when a digit is covered by no record, when
two records share a span, or when an estimate names a figure of another event or measure;
``--review`` prints every record in context.
"""

from __future__ import annotations

from pathlib import Path

from tests.heldout.gold_lib import Rec, assemble, check, cli, use_docs
from tests.heldout2 import gold_a, gold_b

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
OUT = HERE / "gold.jsonl"
PARTS = [
    gold_a.mbiri_kassa,
    gold_a.tamarindos,
    gold_a.bir_al_ghanam,
    gold_b.quenqoro,
    gold_b.klyuchi,
    gold_b.burkina,
]

__all__ = ["DOCS", "OUT", "build", "check"]


def build() -> list[Rec]:
    use_docs(DOCS)
    return assemble(PARTS)


def main() -> None:
    cli(build(), OUT)


if __name__ == "__main__":
    main()
