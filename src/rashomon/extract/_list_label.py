"""Who a figure on a list line counts: "Killed — 1,500", "Убитых сирийских солдат — 600".

Casualty lists and infoboxes write one figure a line after a label and a dash or colon.  The
label names who is counted, before the figure rather than after it: a measure noun alone
("Убитых", "Wounded") counts the harmed as the source names them; words after it ("сирийских
солдат") name the group.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.extract.claims import EVENT_TYPE_OF_MEASURE
from rashomon.extract.figures import Measure
from rashomon.extract.numbers import NumberMention
from rashomon.extract.pipeline import Parsed

__all__ = ["list_label", "list_measure", "list_part"]

# The label, then a dash or colon, then the figure: nothing else on the line before it.
_LABEL = re.compile(r"[ \t|*•-]*(?P<label>[^\W\d_][^\d\n:—–|]{0,60}?)\s*[—–:|-]\s*$")
# After the figure, the line ends (a citation mark or punctuation may close it).
# Each run of blanks follows a token of its own: no two runs compete for the same blanks, so a
# long run of them is read once (documents are untrusted).
_LINE_END = re.compile(r"[ \t]*(?:\[\d{1,3}\][ \t]*)?(?:[.;,][ \t]*)?(?:\r?\n|$)")
_MAX_WORDS = 6
# The figure closing a line: a number, optionally with a qualifier word before it.
_NUMBER_AT_END = re.compile(
    r"(?:\w+[ \t]+)?\d[\d.,'\u00a0\u202f ]*(?=[ \t]*(?:\[\d{1,3}\][ \t]*)?(?:[.;,][ \t]*)?$)"
)
#: How far back from a line's end its figure is looked for (a list line is short).
_TAIL = 80


def _label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the label of the list line whose figure spans start..end."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _LABEL.fullmatch(text, line_start, start)
    if m is None or not _LINE_END.match(text, end):
        return None
    return m.span("label")


def list_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The label of a list line that narrows the line above ("Homeless — 300,000" then
    "Homeless without shelter — 100,000"): its figure counts a part of the one above.  None
    for any other figure."""
    here = _label(text, start, end)
    line_start = text.rfind("\n", 0, start) + 1
    if here is None or line_start == 0:
        return None
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    m = _NUMBER_AT_END.search(text, max(above_start, line_start - 1 - _TAIL), line_start - 1)
    above = _label(text, m.start(), m.end()) if m else None
    if above is None:
        return None
    head = text[above[0] : above[1]].casefold()
    label = text[here[0] : here[1]].casefold()
    if label != head and label.startswith(head) and not label[len(head)].isalnum():
        return here
    return None


def _lead_noun(p: Parsed, start: int, end: int) -> Any:
    """The measure noun opening a label ("Убитых", "Wounded"), if one does."""
    return next(
        (
            h
            for h in p.lex.heads.find_all(p.text, start, end)
            if h.start == start and h.payload.kind == "measure"
        ),
        None,
    )


def list_measure(p: Parsed, fig: NumberMention, found: Measure | None) -> Measure | None:
    """The measure of a figure on a list line: its label's measure noun when the label opens
    with one ("Бездомных — 300 000" under "Раненных — 40 000" counts the homeless, not the
    wounded of the line above); otherwise ``found``.  Whether the line holds a figure at all
    is left to ``found``."""
    if found is None:
        return None
    span = _label(p.text, fig.start, fig.end)
    lead = _lead_noun(p, *span) if span is not None else None
    if lead is None or lead.payload.value == found.measure:
        return found
    measure = str(lead.payload.value)
    return Measure(
        measure,
        EVENT_TYPE_OF_MEASURE.get(measure, "other"),
        "people",
        "head",
        lead.text,
        lead.start,
    )


def list_label(p: Parsed, fig: NumberMention) -> dict[str, Any] | None:
    """The group a list line's label names, in the shape of a counted head group; None when
    the figure is not alone on a labelled line."""
    span = _label(p.text, fig.start, fig.end)
    if span is None:
        return None
    start, end = span
    label = p.text[start:end]
    if len(label.split()) > _MAX_WORDS:
        return None
    lead = _lead_noun(p, start, end)
    if lead is not None and p.text[lead.end : end].strip(" ,"):
        # "Убитых сирийских солдат": the words after the measure noun name the group.
        rest = p.text[lead.end : end]
        start = lead.end + len(rest) - len(rest.lstrip(" ,"))
        return {
            "text": p.text[start:end],
            "name": p.text[start:end],
            "id": None,
            "type": "counted",
            "start": start,
            "end": end,
            # The line names whom it counts: the neighbouring lines' groups are not carried.
            "named": True,
        }
    return {
        "text": label,
        "name": label,
        "id": None,
        "type": "counted",
        "start": start,
        "end": end,
        **({"measure_noun": True} if lead is not None else {}),
    }
