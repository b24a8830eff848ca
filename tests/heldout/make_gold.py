"""Answer key of the held-out set: writes ``gold.jsonl`` beside this file.

The 24 documents in ``docs/`` are FICTIONAL (invented events, organisations and people; see
README.md).  The key was written by hand from the texts alone, before rashomon was run on
them, in the format of ``../shared/gold/README.md``.  Offsets are never typed: each record
names its anchor and which occurrence of it (as a whole token) it is, and ``locate`` computes
``start``/``end``.  ``python -m tests.heldout.make_gold --check`` stops when a digit in a
document is covered by no record, when two records share a span, or when an estimate names a
figure that is not of its event and measure; ``--review`` prints every record in context.

Conventions (the gold README's, applied to these texts): perpetrators come from the figure's
sentence, the same paragraph's narrative, a lede or an infobox row of the same event; a figure
whose text names nobody (or only a source) has ``[]``; people fleeing are counted with no
perpetrator; baselines (population, troops, crowds, returned) have none.
"""

from __future__ import annotations

from pathlib import Path

from tests.heldout import gold_a, gold_b
from tests.heldout.gold_lib import DOCS, Rec, assemble, check, cli, use_docs

OUT = Path(__file__).resolve().parent / "gold.jsonl"
__all__ = ["OUT", "build", "check"]
PARTS = [
    gold_a.tessit,
    gold_a.san_andres,
    gold_a.olshanka,
    gold_b.kyzyl_bulak,
    gold_b.leer,
    gold_b.el_porvenir,
    gold_b.ndele,
]


def build() -> list[Rec]:
    use_docs(DOCS)
    return assemble(PARTS)


def main() -> None:
    cli(build(), OUT)


if __name__ == "__main__":
    main()
