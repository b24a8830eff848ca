""" "The toll rose from 9 to 13": two figures, the earlier count and the later one, not a range.

After a verb of change or revision ("rose", "est passé", "subió", "stieg", "выросло",
"revised"), "from X to Y" tells how one count moved over time; read as a range it would put
the two counts side by side as bounds of one uncertain figure, and the event's estimate would
keep the superseded one.  Split, the stance stage marks X ``superseded`` (extract/stance.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rashomon.extract.lexicon import Hit, Lexicon
from rashomon.extract.numbers import NumberMention, find_numbers

if TYPE_CHECKING:
    from rashomon.extract.claims import Claim
    from rashomon.extract.pipeline import Parsed, Sentence

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Characters before the range where its verb may stand ("raised the death toll from").
_REACH = 60
#: Words between the verb and the range ("the death toll", "la cifra de muertos").
_VERB_GAP_WORDS = 5


def split_change_ranges(
    text: str, lex: Lexicon, found: Sequence[NumberMention]
) -> list[NumberMention]:
    out: list[NumberMention] = []
    for n in found:
        parts = _split(text, lex, n) if n.qualifier == "range" and n.role == "quantity" else None
        if parts is None and n.qualifier == "at_most" and n.role == "quantity":
            parts = _reached(text, lex, n)
        out.extend(parts or [n])
    return out


def _reached(text: str, lex: Lexicon, n: NumberMention) -> list[NumberMention] | None:
    """ "Число погибших возросло до 43", "subió hasta 43": the count the toll reached, not
    "up to 43"."""
    marker = text[n.start : n.num_start]
    hits = lex.stance.to_words.find_all(marker)
    if not hits or marker[: hits[0].start].strip() or marker[hits[0].end :].strip():
        return None
    if _verb_before(text, lex, n.start) is None:
        return None
    return [
        replace(n, start=n.num_start, text=text[n.num_start : n.end], low=n.high, qualifier="exact")
    ]


def _verb_before(text: str, lex: Lexicon, start: int) -> Hit[str] | None:
    """The verb of change or revision a few words before ``start``, if any."""
    st = lex.stance
    lo = max(0, start - _REACH)
    verbs = [
        *st.revision_verbs.find_all(text, lo, start),
        *st.change_verbs.find_all(text, lo, start),
    ]
    if not verbs:
        return None
    verb = max(verbs, key=lambda h: h.end)
    gap = text[verb.end : start]
    if len(_WORD.findall(gap)) > _VERB_GAP_WORDS or re.search(r"[.;:!?]", gap):
        return None
    return verb


def _split(text: str, lex: Lexicon, n: NumberMention) -> list[NumberMention] | None:
    st = lex.stance
    if _verb_before(text, lex, n.start) is None:
        return None
    # The range opens with "from" ("between 9 and 13" is a range whatever the verb).
    opener = st.from_words.find_all(text, n.start, n.num_start)
    if not opener or opener[0].start != n.start:
        return None
    to = [h for h in st.to_words.find_all(text, n.num_start, n.end) if h.start > n.num_start]
    if not to:
        return None
    cut = to[0]
    left = _one(text, lex.lang, n.start, cut.start)
    right = _one(text, lex.lang, cut.end, n.end)
    if left is None or right is None:
        return None
    return [left, right]


def change_pairs(p: Parsed, sent: Sentence, figs: Sequence[Claim]) -> list[tuple[Claim, Claim]]:
    """Figures of "from X to Y" after a verb of change ("elevó de 19 a 34"): one count at two
    times, (earlier, later); never parts of a breakdown, and the earlier one counts where
    and what the later one does."""
    st = p.lex.stance
    out: list[tuple[Claim, Claim]] = []
    for a, b in itertools.pairwise(sorted(figs, key=lambda c: c.start)):
        gap = p.text[a.end : b.start]
        lead = p.text[max(sent.span.start, a.start - 12) : a.start]
        if len(gap.split()) > 2 or not (
            st.change_verbs.find_all(p.text, sent.span.start, a.start)
            or st.revision_verbs.find_all(p.text, sent.span.start, a.start)
        ):
            continue
        if st.to_words.find_all(gap) and st.from_words.find_all(lead):
            out.append((a, b))  # "from 9 to 13"
        elif st.from_words.find_all(gap) and st.to_words.find_all(lead):
            out.append((b, a))  # "to 13 from 9"
    return out


def _one(text: str, lang: str, start: int, end: int) -> NumberMention | None:
    found = [m for m in find_numbers(text[start:end], lang) if m.role == "quantity"]
    if len(found) != 1:
        return None
    m = found[0]
    return replace(
        m,
        start=m.start + start,
        end=m.end + start,
        num_start=m.num_start + start,
        num_end=m.num_end + start,
    )


__all__ = ["change_pairs", "split_change_ranges"]
