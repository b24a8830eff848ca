"""The container that flows through rashomon's stages.

A :class:`Document` is built once by ingest and read by every later stage.  Its ``text`` is
the stored text that every offset in the system points into, so it is never modified after
ingest; its ``id`` is the sha256 of that text, which makes re-ingesting identical content a
no-op and lets anyone verify a stored text.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: Metadata fields a user can set by flag or manifest and that ingest may read from a file.
METADATA_FIELDS = ("title", "author", "publisher", "site", "url", "date", "lang")


def text_id(text: str) -> str:
    """The document id: sha256 of the stored text encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class LangSpan:
    """A passage of the text in one language (half-open code-point offsets)."""

    start: int
    end: int
    lang: str
    confidence: float


@dataclass(slots=True)
class Repair:
    """A change made to extracted text (PDF ligatures, hyphenation), recorded, never silent.

    ``offset`` points into the stored text where the replacement starts.
    """

    kind: str
    original: str
    replacement: str
    offset: int
    page: int | None = None


@dataclass(slots=True)
class Document:
    """One ingested source: stored text, raw bytes and metadata."""

    text: str
    path: str
    media_type: str
    raw: bytes | None = None
    encoding: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    site: str | None = None
    url: str | None = None
    #: ISO date, possibly partial ("2020-07"), or None when unknown: never a made-up value.
    date: str | None = None
    #: The date as the source wrote it ("2020-07 (25th anniversary)").
    date_text: str | None = None
    lang: str | None = None
    lang_confidence: float | None = None
    lang_spans: list[LangSpan] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    #: Where each metadata field came from: "flag", "manifest", "html", "pdf", "docx", "odt",
    #: "dateline", "detected", or for a date "pdf-created" / "docx-created" / "odt-created"
    #: (the file's creation date, taken only when nothing better was known).
    provenance: dict[str, str] = field(default_factory=dict)
    #: Manifest columns rashomon has no field for (event, perspective note...), kept verbatim,
    #: and what a format records beside its text: a PDF's ``pages`` and ``furniture``
    #: (``[start, end, kind]`` spans), a Word or OpenDocument file's ``structure``, the
    #: file's ``created`` date.
    extra: dict[str, Any] = field(default_factory=dict)
    #: The id as read from the store, so listings without the text still know it.
    stored_id: str | None = None

    @property
    def id(self) -> str:
        return self.stored_id or text_id(self.text)

    def metadata(self) -> dict[str, Any]:
        """Everything but the text and raw bytes, JSON-serialisable."""
        data = asdict(self)
        data.pop("text")
        data.pop("raw")
        data.pop("stored_id")
        data["id"] = self.id
        data["n_chars"] = len(self.text)
        return data
