"""Paragraphs and sentences with exact offsets.

A rule-based splitter is enough here and much faster than a parser: sources are news,
encyclopedia and report prose, and an error only shifts which words count as "the same
sentence" for a figure.  Line breaks always end a sentence unless the next line continues in
lower case (mirrors and PDFs wrap lines mid-sentence); abbreviations come from the language's
data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.extract.lexicon import lexicon

# Sentence-final punctuation, optional closing quotes/brackets and citation markers ("[12]"),
# then space and something that can start a sentence.  The run of stops starts only after a
# non-stop and its quantifiers are possessive: a run of a million dots is read once, not once
# per dot (linear, never backtracking).
_END = re.compile(
    r"(?<![.!?…])(?P<stop>[.!?…]++)(?P<tail>(?:\[\d+\]|[\"»”’)\]])*+)(?P<gap>[ \t]++)"
    r"(?=[\"«“„(\[]?[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁԱ-Ֆ0-9])"
)
#: Longest sentence, in characters. Later stages compare every figure of a sentence with the
#: sentence's other words, so an unbounded "sentence" (a 60 MB line, a table flattened into
#: one line) would cost time quadratic in its length. Prose sentences stay far below this
#: (the longest in the development corpus has 612 characters); a longer run is cut at its last
#: clause break or space before the limit.
MAX_SENTENCE = 1000
_LINE = re.compile(r"\n+")
_PARA = re.compile(r"\n[ \t]*\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIAL = re.compile(r"(?:^|\s)\w$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    spans = []
    last = 0
    for match in _PARA.finditer(text):
        if text[last : match.start()].strip():
            spans.append(Span(last, match.start()))
        last = match.end()
    if text[last:].strip():
        spans.append(Span(last, len(text)))
    return spans


def sentences(text: str, lang: str | None, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    stop = len(text) if end is None else end
    lex = lexicon(lang) if lang else None
    abbreviations = lex.abbreviations if lex else frozenset()
    cuts: list[int] = []
    for line in _LINE.finditer(text, start, stop):
        if _wrapped(text, start, line.start(), line.end(), stop):
            continue
        cuts.append(line.end())
    for match in _END.finditer(text, start, stop):
        before = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start())
        word = before.group(1).lower() if before else ""
        plain_stop = match.group("stop") == "." and not match.group("tail")
        initial = _INITIAL.search(text, max(start, match.start() - 2), match.start())
        # "16. Mai", "Nr. 5": a period after a one- or two-digit number is an ordinal mark.
        ordinal = word.rstrip(".").isdigit() and len(word.rstrip(".")) <= 2
        if plain_stop and (word.rstrip(".") in abbreviations or initial or ordinal):
            continue
        cuts.append(match.end())
    spans = []
    last = start
    for cut in sorted(set(cuts)):
        spans.append(_trim(text, last, cut))
        last = cut
    spans.append(_trim(text, last, stop))
    out: list[Span] = []
    for span in spans:
        if span.end - span.start > MAX_SENTENCE:
            out.extend(_pieces(text, span))
        elif span.end > span.start:
            out.append(span)
    return out


def _pieces(text: str, span: Span) -> list[Span]:
    """An over-long sentence cut into pieces of at most MAX_SENTENCE characters."""
    out = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        floor = start + MAX_SENTENCE // 2
        # after "; " or ", " (never inside "1,000"), else at a space
        cut = max(text.rfind("; ", floor, limit), text.rfind(", ", floor, limit))
        cut = cut + 1 if cut >= 0 else text.rfind(" ", floor, limit)
        if cut <= start:
            cut = limit
        piece = _trim(text, start, cut)
        if piece.end > piece.start:
            out.append(piece)
        start = cut
    piece = _trim(text, start, span.end)
    if piece.end > piece.start:
        out.append(piece)
    return out


_WRAP_MIN = 45  # a line this long that ends mid-sentence was wrapped, not ended
_ITEM = re.compile(r"[-*•–—]\s|\d+[.)]\s|[A-ZА-Я][^\n]{0,30}\s[|:]")


def _wrapped(text: str, lo: int, line_start: int, line_end: int, hi: int) -> bool:
    """A single line break inside a sentence: the next line continues in lower case, or the
    previous line is long, ends without sentence punctuation and the next line does not open
    a list item or an infobox row (hard-wrapped and upper-case wire copy)."""
    if line_end - line_start > 1:
        return False  # a blank line is a paragraph break, handled by the caller's spans
    nxt = text[line_end : line_end + 1]
    prev_start = text.rfind("\n", lo, line_start) + 1
    prev = text[prev_start:line_start].rstrip()
    if not prev or prev[-1] in ".!?:;|" or not nxt:
        return False
    if nxt.islower():
        return True
    if len(prev) < _WRAP_MIN or _ITEM.match(text, line_end, min(hi, line_end + 40)):
        return False
    return not nxt.isdigit() or len(prev) >= _WRAP_MIN


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
