"""Wire-copy datelines found by their shape alone, before places are known.

"SAN SALVADOR, 14 JUN 88 (ACAN-EFE) --", "Quito, 12 Mar 87 (EFE) --", "KOVANSK, March 3
(Reuters) -", "Ciudad de México, 10 de diciembre (RT).-": a short place head, a comma, a
date, maybe an agency in brackets, and a dash.  The numbers in it date and file the report;
they are never figures, and its date is the report's, never the event's.

Why not wait for the gazetteer: the times and numbers stages run first, and a dateline's
place is often a capital the gazetteer knows under another spelling.  The shape is strict
enough on its own: a line that opens the document (or carries an agency in brackets), at
most five words before the comma and a date with a digit before the dash.
"""

from __future__ import annotations

import re
from functools import cache

from rashomon.extract.lexicon import lexicon

_HEAD = r"[^\W\d_][^\n\d,()!?:;\"«»“”]{0,40}"
_DATELINE = re.compile(
    rf"[ \t]*(?P<head>{_HEAD}(?:,[ \t]*{_HEAD})?),[ \t]*"
    r"(?P<date>[^\n()\-–—]{0,24}?\d[^\n()\-–—]{0,24}?)[ \t]*"
    r"(?:\((?P<agency>[^()\n\d]{1,40})\)[ \t]*)?"
    r"(?P<dash>\.?-{1,2}|[—–])(?:[ \t\n]|$)"
)
_HEAD_WORDS = 5
_DATE_WORDS = 5
#: How far into the document the first dateline may open (a title or a byline may precede).
_LEAD_CHARS = 400


def dateline_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the wire datelines of ``text``: the one opening the document's first
    lines, and any other that names an agency in brackets (a digest of several stories)."""
    out: list[tuple[int, int]] = []
    line_start = 0
    while line_start < len(text):
        m = _DATELINE.match(text, line_start)
        if m is not None and _plausible(m, lang, opening=line_start < _LEAD_CHARS):
            out.append((m.start("head"), m.end("dash")))
        nl = text.find("\n", line_start)
        if nl < 0:
            break
        line_start = nl + 1
    return out


def _plausible(m: re.Match[str], lang: str, *, opening: bool) -> bool:
    if not opening and m.group("agency") is None:
        return False
    head_words = re.findall(r"[^\W\d_]+", m.group("head"))
    date_words = re.findall(r"\w+", m.group("date"))
    if len(head_words) > _HEAD_WORDS or len(date_words) > _DATE_WORDS:
        return False
    # A place's name, not a clause: "In Baku, 15 September 1918 - ..." opens a narrative.
    if head_words[0].casefold() in _locatives(lang):
        return False
    if not all(w[0].isupper() for w in head_words if len(w) > 3):
        return False
    # A date, not a count: a month's name or a year ("ПО ДАННЫМ ШТАБА, 45 ... -" opens a
    # report of 45 dead).
    calendar = _calendar(lang)
    return any(w.casefold().rstrip(".") in calendar for w in date_words) or any(
        _YEAR.fullmatch(w) for w in date_words
    )


_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


@cache
def _locatives(lang: str) -> frozenset[str]:
    lex = lexicon(lang)
    return frozenset(w.casefold() for w in lex.locatives) if lex is not None else frozenset()


@cache
def _calendar(lang: str) -> frozenset[str]:
    """The language's month and day names, and English ones: wire copy in any language may
    date its line in English ("QUITO, 12 MAR 87 (EFE) --")."""
    out: set[str] = set()
    for code in dict.fromkeys((lang, "en")):
        lex = lexicon(code)
        if lex is not None:
            out |= lex.calendar_words
    return frozenset(out)


def first_dateline(line: str, lang: str) -> tuple[int, int] | None:
    """The span of a wire dateline opening ``line`` (the document's first line), if any."""
    m = _DATELINE.match(line)
    if m is None or not _plausible(m, lang, opening=True):
        return None
    return m.start("head"), m.end("dash")


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


__all__ = ["dateline_spans", "first_dateline", "inside"]
