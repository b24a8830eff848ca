"""HTML pages: main text and metadata through trafilatura, raw bytes kept beside them.

trafilatura is the maintained tool for boilerplate removal and page metadata (title, author,
date via htmldate, site name); its extracted text becomes the stored text, and the raw page is
kept so a reader can always go back to what was fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura

from rashomon.errors import Code, IngestError
from rashomon.ingest.readers import looks_binary, normalise_newlines

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlContent:
    text: str
    title: str | None
    author: str | None
    date: str | None
    site: str | None
    url: str | None
    #: "main" when trafilatura found the main content, "fallback" when the whole page text was
    #: taken because no main content was recognised (short or unusual pages).
    extraction: str
    #: Why the page was read as plain text, when it was (its shape would stall the parser).
    reason: str | None = None


def extract_html(data: bytes, path: str) -> HtmlContent:
    if looks_binary(data):
        raise IngestError(Code.BINARY, "binary file (NUL bytes), not HTML", path)
    hostile = hostile_shape(data)
    if hostile is not None:
        return _plain_text(data, path, hostile)
    try:
        result = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Dates from the page's markup only (meta tags, <time>, the URL): htmldate's
            # "extensive search" takes any date in the body text, which in a report on a
            # violent event is the event's date, not the publication's; it was also half of
            # the time spent on a page.
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken input
        raise IngestError(Code.BAD_HTML, f"malformed HTML: {exc}", path) from None
    if result is None:
        meta: dict[str, object] = {}
    elif isinstance(result, dict):
        meta = result
    else:
        meta = result.as_dict()
    text = str(meta.get("text") or "")
    extraction = "main"
    if not text.strip():
        # Short pages fall under trafilatura's minimum size; take all visible text rather than
        # lose a real (if small) document.
        try:
            text = trafilatura.html2txt(data) or ""
        except Exception as exc:
            raise IngestError(Code.BAD_HTML, f"malformed HTML: {exc}", path) from None
        extraction = "fallback"
    text = normalise_newlines(text).strip("\n")
    if not text.strip():
        raise IngestError(Code.BAD_HTML, "malformed or empty HTML: no text found", path)
    return HtmlContent(
        text=text,
        title=_clean(meta.get("title")),
        author=_clean(meta.get("author")),
        date=_clean(meta.get("date")),
        site=_clean(meta.get("sitename")) or _clean(meta.get("hostname")),
        url=_clean(meta.get("url")),
        extraction=extraction,
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# -- pages whose shape would stall or defeat libxml2 --------------------------------------------

#: A start tag longer than this (a 10 MB attribute, 200,000 attributes) makes libxml2 slow
#: (its duplicate-attribute check is quadratic); nesting deeper than this makes it stop
#: (its limit is 256 levels) and the page's text is lost.
MAX_TAG_BYTES = 65_536
MAX_DEPTH = 200
# A tag's name and attributes up to its ">"; never across a "<", so every byte is looked at
# once (a page full of unclosed "<a" stays linear).
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*+)>")
# Elements that hold nothing, or that pages often leave unclosed: they add no depth.
_FLAT = frozenset(
    b"area base br col embed hr img input link meta param source track wbr p li dt dd option "
    b"tr td th".split()
)


def hostile_shape(data: bytes) -> str | None:
    """Why a page cannot go through the HTML parser safely, or None (one linear pass)."""
    depth = 0
    for match in _TAG.finditer(data):
        closing, name, rest = match.groups()
        if len(rest) > MAX_TAG_BYTES:
            return f"a tag of {len(rest):,} bytes"
        name = name.lower()
        if closing:
            depth = max(0, depth - 1)
        elif name not in _FLAT and not rest.endswith(b"/"):
            depth += 1
            if depth > MAX_DEPTH:
                return f"elements nested more than {MAX_DEPTH} levels deep"
    return None


_SKIP = frozenset({"script", "style", "head", "noscript", "template", "svg", "title"})
_BLOCK = frozenset(
    "p div br li tr h1 h2 h3 h4 h5 h6 section article header footer blockquote pre table ul ol "  # noqa: SIM905
    "dl dt dd figure figcaption main aside nav address hr".split()
)


class _TextParser(HTMLParser):
    """Visible text of a page, one line per block, with the standard library's linear
    tokenizer (attributes are dropped before it sees them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping == ["title"] or self.skipping[-1:] == ["title"]:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def _plain_text(data: bytes, path: str, reason: str) -> HtmlContent:
    bare = _TAG.sub(lambda m: b"<" + m.group(1) + m.group(2) + b">", data)
    parser = _TextParser()
    parser.feed(bare.decode("utf-8", errors="replace"))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    if not text:
        raise IngestError(Code.BAD_HTML, f"malformed HTML ({reason}): no text found", path)
    title = " ".join("".join(parser.title).split()) or None
    return HtmlContent(text, title, None, None, None, None, "fallback", reason)
