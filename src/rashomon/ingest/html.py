"""HTML pages: main text and metadata through trafilatura, raw bytes kept beside them.

trafilatura is the maintained tool for boilerplate removal and page metadata (title, author,
date via htmldate, site name); its extracted text becomes the stored text, and the raw page is
kept so a reader can always go back to what was fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def extract_html(data: bytes, path: str) -> HtmlContent:
    if looks_binary(data):
        raise IngestError(Code.BINARY, "binary file (NUL bytes), not HTML", path)
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
