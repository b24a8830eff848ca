"""Word (.docx, python-docx) and OpenDocument (.odt, odfdo) text, paragraph by paragraph.

The stored text is built one block at a time in reading order: paragraphs and headings as
they are, a table row by row (cells separated by a tab, rows by a line break), blocks
separated by a blank line, so paragraphs stay paragraphs for language detection and
segmentation.  Where each heading and table sits in the stored text is recorded
(``structure``: ``[start, end, kind]``), as a PDF's pages are.  Footnotes, comments, page
headers and footers live outside the body and are not read; a footnote's citation mark inside
a sentence is skipped too ("killed1 in" would read as a figure).  The raw bytes are kept.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rashomon.errors import Code, IngestError
from rashomon.ingest.readers import normalise_newlines

__all__ = ["OfficeContent", "extract_docx", "extract_odt", "office_kind"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
#: An XML part that unpacks to more than this is refused (a "zip bomb" or not a document).
MAX_UNPACKED = 256 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(slots=True)
class OfficeContent:
    text: str
    title: str | None
    author: str | None
    #: When the file was first made: a publication date only when nothing better is known.
    created: str | None
    structure: list[list[int | str]] = field(default_factory=list)


def office_kind(data: bytes) -> str | None:
    """DOCX or ODT media type from the bytes (a ZIP holding the right parts), else None."""
    if not data.startswith(_ZIP):
        return None
    # ODF stores its media type uncompressed as the archive's first member.
    if data[30:38] == b"mimetype" and data[38 : 38 + len(ODT)] == ODT.encode():
        return ODT
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "content.xml" in names and "META-INF/manifest.xml" in names:
        return ODT
    return None


class _Blocks:
    """The stored text, built block by block, with the spans of headings and tables."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.structure: list[list[int | str]] = []

    def add(self, text: str, kind: str | None = None) -> None:
        text = normalise_newlines(text).strip("\n")
        if not text.strip():
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        if kind is not None:
            self.structure.append([self.length, self.length + len(text), kind])
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def _refuse_unreadable(data: bytes, path: str, what: str) -> None:
    """Password-protected and legacy binary files get their own message, not a parse error."""
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise IngestError(
                Code.ENCRYPTED, f"password-protected {what}: save an unprotected copy", path
            )
        raise IngestError(
            Code.UNSUPPORTED,
            "an old binary Word (.doc) file, not .docx: save it as .docx or .odt",
            path,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.file_size > MAX_UNPACKED:
                    raise IngestError(
                        Code.TOO_LARGE,
                        f"{info.filename} unpacks to {info.file_size:,} bytes",
                        path,
                    )
            manifest = (
                archive.read("META-INF/manifest.xml")
                if "META-INF/manifest.xml" in archive.namelist()
                else b""
            )
    except zipfile.BadZipFile as exc:
        raise IngestError(Code.BAD_DOCUMENT, f"malformed {what}: {exc}", path) from None
    if b"encryption-data" in manifest:
        raise IngestError(
            Code.ENCRYPTED, f"password-protected {what}: save an unprotected copy", path
        )


# --- Word ---------------------------------------------------------------------------------


def extract_docx(data: bytes, path: str) -> OfficeContent:
    return _extract(data, path, "Word document", _read_docx)


def _read_docx(data: bytes, path: str) -> tuple[_Blocks, object, object, object]:
    from docx import Document as open_docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = open_docx(io.BytesIO(data))
    blocks = _Blocks()
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = (item.style.name if item.style is not None else "") or ""
            blocks.add(item.text, "heading" if style.startswith(("Heading", "Title")) else None)
        elif isinstance(item, Table):
            blocks.add(_docx_table(item), "table")
    props = document.core_properties
    return blocks, props.title, props.author, props.created


def _docx_table(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[Any] = []
        for cell in row.cells:
            # A merged cell comes back once per grid column it spans.
            if any(cell._tc is other for other in seen):
                continue
            seen.append(cell._tc)
            cells.append(cell.text.replace("\n", " "))
        rows.append("\t".join(cells))
    return "\n".join(rows)


# --- OpenDocument -------------------------------------------------------------------------

_SKIP = frozenset(
    {
        "text:note",  # footnote: citation mark and body, outside the sentence
        "office:annotation",
        "text:bookmark-ref",
        "text:sequence-decls",
        "text:tracked-changes",
        "draw:frame",
        "office:forms",
        "text:soft-page-break",
    }
)


def extract_odt(data: bytes, path: str) -> OfficeContent:
    return _extract(data, path, "OpenDocument text", _read_odt)


def _read_odt(data: bytes, path: str) -> tuple[_Blocks, object, object, object]:
    from odfdo import Document as open_odt

    document = open_odt(io.BytesIO(data))
    if document.get_type() != "text":
        raise IngestError(
            Code.UNSUPPORTED, f"an OpenDocument {document.get_type()}, not a text document", path
        )
    blocks = _Blocks()
    for kind, text in _odt_blocks(document.body):
        blocks.add(text, kind)
    meta = document.meta
    author = meta.get_initial_creator() or meta.get_creator()
    return blocks, meta.get_title(), author, meta.get_creation_date()


def _odt_blocks(element: Any) -> Iterator[tuple[str | None, str]]:
    for child in element.children:
        tag = child.tag
        if tag == "text:h":
            yield "heading", _odt_inline(child)
        elif tag == "text:p":
            yield None, _odt_inline(child)
        elif tag == "table:table":
            yield "table", _odt_table(child)
        elif tag not in _SKIP:
            # Lists, list items, sections, index bodies: their paragraphs are blocks.
            yield from _odt_blocks(child)


def _odt_inline(element: Any) -> str:
    """A paragraph's text as displayed: ``text:s`` spaces, tabs and line breaks included."""
    out: list[str] = [element.text or ""]
    for child in element.children:
        tag = child.tag
        if tag == "text:s":
            out.append(" " * int(child.get_attribute_integer("text:c") or 1))
        elif tag == "text:tab":
            out.append("\t")
        elif tag == "text:line-break":
            out.append("\n")
        elif tag not in _SKIP:
            out.append(_odt_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _odt_table(table: Any) -> str:
    rows = []
    for row in table.xpath(".//table:table-row"):
        cells = [
            " ".join(_odt_inline(p) for p in cell.xpath(".//text:p | .//text:h"))
            for cell in row.children
            if cell.tag == "table:table-cell"
        ]
        # Spreadsheet-style tables repeat empty trailing cells and rows.
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            rows.append("\t".join(cells))
    return "\n".join(rows)


# --- shared ---------------------------------------------------------------------------------


def _extract(
    data: bytes,
    path: str,
    what: str,
    read: Callable[[bytes, str], tuple[_Blocks, object, object, object]],
) -> OfficeContent:
    _refuse_unreadable(data, path, what)
    try:
        blocks, title, author, created = read(data, path)
    except IngestError:
        raise
    except Exception as exc:  # the readers and lxml raise many types on broken files
        raise IngestError(Code.BAD_DOCUMENT, f"malformed {what}: {_short(exc)}", path) from None
    return OfficeContent(
        text=blocks.text(),
        title=_clean(title),
        author=_clean(author),
        created=_iso_date(created),
        structure=blocks.structure,
    )


def _iso_date(value: object) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return None


def _clean(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
