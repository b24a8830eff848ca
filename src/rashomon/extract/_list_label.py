"""Who a figure on a list line counts: "Killed — 1,500", "Убитых сирийских солдат — 600".

Casualty lists and infoboxes write one figure a line after a label and a dash or colon.  The
label names who is counted, before the figure rather than after it: a measure noun alone
("Убитых", "Wounded") counts the harmed as the source names them; words after it ("сирийских
солдат") name the group.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.extract.numbers import NumberMention
from rashomon.extract.pipeline import Parsed

__all__ = ["list_label"]

# The label, then a dash or colon, then the figure: nothing else on the line before it.
_LABEL = re.compile(r"[ \t|*•-]*(?P<label>[^\W\d_][^\d\n:—–|]{0,60}?)\s*[—–:|-]\s*$")
# After the figure, the line ends (a citation mark or punctuation may close it).
_LINE_END = re.compile(r"\s*(?:\[\d{1,3}\])?\s*[.;,]?\s*(?:\n|$)")
_MAX_WORDS = 6


def list_label(p: Parsed, fig: NumberMention) -> dict[str, Any] | None:
    """The group a list line's label names, in the shape of a counted head group; None when
    the figure is not alone on a labelled line."""
    line_start = p.text.rfind("\n", 0, fig.start) + 1
    m = _LABEL.fullmatch(p.text, line_start, fig.start)
    if m is None or not _LINE_END.match(p.text, fig.end):
        return None
    start, end = m.span("label")
    label = p.text[start:end]
    if len(label.split()) > _MAX_WORDS:
        return None
    lead = next(
        (
            h
            for h in p.lex.heads.find_all(p.text, start, end)
            if h.start == start and h.payload.kind == "measure"
        ),
        None,
    )
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
