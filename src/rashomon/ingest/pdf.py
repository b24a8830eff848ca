"""PDF text layers through pypdf, with ligatures and line-end hyphenation repaired.

Both repairs are needed for extraction to see words ("ﬁve" and "kil-\\nled" would hide the
figure's trigger), and both are recorded with their offsets in the stored text, so what was
changed relative to the PDF's own text layer is never silent.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

from pypdf import PdfReader

from rashomon.document import Repair
from rashomon.errors import Code, IngestError
from rashomon.ingest.furniture import find_furniture
from rashomon.ingest.readers import normalise_newlines

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
# A hyphen (or soft hyphen) at a line end between two letters, the next one lower-case: the
# typesetter split a word.  An upper-case continuation ("Baku-\nGanja") is a real compound and
# keeps its hyphen.
_REPAIRABLE = re.compile(
    r"(?P<lig>[\ufb00-\ufb06])"
    r"|(?<=[^\W\d_])(?P<hyph>[-\u00ad][ \t]*\n[ \t]*)(?=[^\W\d_])"
)


@dataclass(slots=True)
class PdfContent:
    text: str
    title: str | None
    author: str | None
    #: When the file was made (the Info dictionary's CreationDate): a publication date only
    #: when nothing better is known, which ingest decides and ``provenance`` records.
    created: str | None
    n_pages: int
    repairs: list[Repair] = field(default_factory=list)
    #: ``[start, end]`` of each page in the stored text.
    pages: list[list[int]] = field(default_factory=list)
    #: ``[start, end, kind]`` of running headers and footers, page numbers, print stamps.
    furniture: list[list[int | str]] = field(default_factory=list)


def extract_pdf(data: bytes, path: str) -> PdfContent:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # An empty user password (any viewer opens the file) has been tried: this one
            # needs a real password, which rashomon does not ask for.
            raise IngestError(
                Code.PDF_NO_TEXT,
                "encrypted PDF protected by a password: cannot read its text (decrypt it first)",
                path,
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files
        raise IngestError(Code.BAD_PDF, f"malformed PDF: {_short(exc)}", path) from None
    if not pages:
        raise IngestError(Code.BAD_PDF, "malformed PDF: no pages", path)
    parts: list[str] = []
    repairs: list[Repair] = []
    spans: list[tuple[int, str]] = []
    offset = 0
    for number, raw in enumerate(pages, start=1):
        if parts:
            parts.append("\n\n")
            offset += 2
        fixed = _repair(normalise_newlines(raw).strip("\n"), number, offset, repairs)
        parts.append(fixed)
        spans.append((offset, fixed))
        offset += len(fixed)
    text = "".join(parts)
    if not text.strip():
        raise IngestError(
            Code.PDF_NO_TEXT, "PDF has no text layer (scanned?); run OCR on it first", path
        )
    return PdfContent(
        text=text,
        title=_meta(info, "title"),
        author=_meta(info, "author"),
        created=_pdf_date(info),
        n_pages=len(pages),
        repairs=repairs,
        pages=[[base, base + len(page)] for base, page in spans],
        furniture=find_furniture(spans),
    )


def _repair(page: str, number: int, base: int, repairs: list[Repair]) -> str:
    out: list[str] = []
    last = 0
    out_len = 0
    for match in _REPAIRABLE.finditer(page):
        original = match.group(0)
        if match.group("hyph") and not page[match.end()].islower():
            continue
        out.append(page[last : match.start()])
        out_len += match.start() - last
        if match.group("lig"):
            replacement, kind = _LIGATURES[original], "ligature"
        else:
            replacement, kind = "", "hyphenation"
        repairs.append(Repair(kind, original, replacement, base + out_len, number))
        out.append(replacement)
        out_len += len(replacement)
        last = match.end()
    out.append(page[last:])
    return "".join(out)


def _meta(info: object, name: str) -> str | None:
    value = getattr(info, name, None) if info is not None else None
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _pdf_date(info: object) -> str | None:
    try:
        created = getattr(info, "creation_date", None) if info is not None else None
    except Exception:  # malformed date strings raise inside pypdf
        return None
    return created.date().isoformat() if created is not None else None


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
