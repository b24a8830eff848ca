"""Page furniture in paginated text: running headers and footers, page numbers, print stamps.

A PDF's text layer carries what the printer put on every page ("12/2/26, 10:41 AM", the
page's title, its address, "3/7") between the paragraphs.  Read as content, a print date
becomes the event's date and a page count a figure.  The stored text stays what the PDF holds;
the furniture is found here and recorded as spans (``extra["furniture"]``), which extraction
reads as blank (``rashomon.extract.pipeline``).

A line is furniture only at a page's edge (among its first or last lines, reading inwards
until a line is content), and only when it repeats on most pages (digits aside: "page 3"
and "page 4" are one line), is a page number that counts with the pages, or has the shape of
a printer's stamp (a numeric date with a time, an address).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["find_furniture"]

#: How many lines at the top and at the bottom of a page may be furniture.
EDGE_LINES = 3
#: A line repeated at the same edge on at least this share of the pages is running furniture.
REPEATED_SHARE = 0.5

_PAGE_WORDS = r"(?:page|p\.|pg\.|seite|s\.|página|pág\.|pagina|pag\.|стр\.|страница|с\.)"
_PAGE_NUMBER = re.compile(
    rf"^\s*(?:{_PAGE_WORDS}\s*)?[-–—]?\s*(\d{{1,4}})\s*[-–—]?"
    r"(?:\s*(?:/|of|sur|von|de|di|из)\s*(\d{1,4}))?\s*$",
    re.I,
)
_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?\s?[Mm]\.?)?"
# "12/2/26, 10:41 AM", "2026-02-12 10:41", optionally followed by what the browser put beside
# it (the page title); a bare numeric date alone on its line.
_PRINT_STAMP = re.compile(rf"^\s*(?:(?:{_DATE}),?\s+{_TIME}(?:\s.*)?|(?:{_DATE}))\s*$")
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class _Line:
    page: int
    start: int
    end: int
    text: str
    top: bool

    @property
    def key(self) -> tuple[bool, str]:
        return self.top, _SPACE.sub(" ", _DIGITS.sub("#", self.text.strip().lower()))


def find_furniture(pages: Sequence[tuple[int, str]]) -> list[list[int | str]]:
    """``[start, end, kind]`` spans of furniture lines, in text order.

    ``pages`` holds each page's text with its offset in the stored text.  Kinds:
    ``page-number``, ``print-date``, ``url``, ``running-header``, ``running-footer``.
    """
    edges = [_edge_lines(number, base, text) for number, (base, text) in enumerate(pages)]
    need = max(2, math.ceil(len(pages) * REPEATED_SHARE)) if len(pages) > 1 else None
    repeated = Counter(key for page in edges for key in {line.key for line in page})
    counting = _counting_page_numbers([line for page in edges for line in page], len(pages))

    found: dict[int, list[int | str]] = {}
    for page in edges:
        tops = [line for line in page if line.top]
        bottoms = [line for line in reversed(page) if not line.top]
        for run in (tops, bottoms):
            # Reading inwards from the edge: furniture stops at the first line of content.
            for line in run:
                kind = _kind(line, counting, need is not None and repeated[line.key] >= need)
                if kind is None:
                    break
                found.setdefault(line.start, [line.start, line.end, kind])
    return [found[start] for start in sorted(found)]


def _edge_lines(number: int, base: int, text: str) -> list[_Line]:
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            lines.append((base + pos + lead, base + pos + len(raw.rstrip()), raw.strip()))
        pos += len(raw) + 1
    # On a short page the two edges overlap; reading inwards from each stops at content.
    top, bottom = lines[:EDGE_LINES], lines[-EDGE_LINES:]
    return [_Line(number, a, b, t, True) for a, b, t in top] + [
        _Line(number, a, b, t, False) for a, b, t in bottom
    ]


def _counting_page_numbers(lines: list[_Line], n_pages: int) -> set[tuple[int, int]]:
    """(page, start) of the lines that are page numbers: numbers that grow with the pages
    ("3", "- 3 -", "Page 3 of 7", "3/7"), at the same distance from the page index on most
    pages; on a one-page document, "1" or "1/1"."""
    by_shift: defaultdict[tuple[bool, int], list[_Line]] = defaultdict(list)
    for line in lines:
        match = _PAGE_NUMBER.match(line.text)
        if not match:
            continue
        number, total = int(match.group(1)), match.group(2)
        if total is not None and int(total) < number:
            continue
        by_shift[(line.top, number - line.page)].append(line)
    need = max(2, math.ceil(n_pages * REPEATED_SHARE)) if n_pages > 1 else 1
    counting: set[tuple[int, int]] = set()
    for (_, shift), found in by_shift.items():
        if len({line.page for line in found}) >= need and (n_pages > 1 or shift == 1):
            counting.update((line.page, line.start) for line in found)
    return counting


def _kind(line: _Line, counting: set[tuple[int, int]], repeated: bool) -> str | None:
    if (line.page, line.start) in counting:
        return "page-number"
    if _PRINT_STAMP.match(line.text):
        return "print-date"
    if _URL.match(line.text):
        return "url"
    # Repetition "digits aside" needs words: numbers alone that do not count with the pages
    # are content (the last cell of a table on every page).
    if repeated and _LETTER.search(line.text):
        return "running-header" if line.top else "running-footer"
    return None
