"""Every error rashomon reports, with a stable code.

One module holds them all (as spaCy's ``errors.py`` does) so messages stay consistent, codes
never collide, and the documentation can list them.  A code is part of the message a user
sees (``E003``), so a search for it finds this line.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Stable error codes. Never renumber: users and scripts grep for them."""

    NOT_FOUND = "E001"
    PERMISSION = "E002"
    BINARY = "E003"
    UNDECODABLE = "E004"
    EMPTY = "E005"
    TOO_LARGE = "E006"
    BAD_HTML = "E007"
    BAD_PDF = "E008"
    PDF_NO_TEXT = "E009"
    MANIFEST = "E010"
    BAD_ARGUMENT = "E011"
    SCHEMA = "E012"
    UNKNOWN_DOC = "E013"
    AMBIGUOUS_DOC = "E014"
    UNSUPPORTED = "E015"
    READ_FAILED = "E016"
    STORE = "E017"
    UNKNOWN_TARGET = "E018"
    BAD_REVIEW = "E019"
    STALE_REVIEW = "E020"
    FORBIDDEN = "E021"
    BAD_REQUEST = "E022"
    BAD_DOCUMENT = "E023"
    ENCRYPTED = "E024"
    DISK_FULL = "E025"
    BUDGET = "E026"
    EXTRACT_FAILED = "E027"
    WRITE_FAILED = "E028"
    INTERNAL = "E029"
    MISSING_EXTRA = "E030"
    TABLE = "E031"
    BAD_RECORD = "E032"
    SPAN_MISMATCH = "E033"


class RashomonError(Exception):
    """An error with a code and, when it concerns one, the file it concerns.

    ``str(err)`` is the one-line message shown to users: ``path: E003 binary file ...``.
    """

    def __init__(self, code: Code, message: str, path: str | None = None) -> None:
        self.code = code
        self.message = message
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.code.value} {self.message}"


class IngestError(RashomonError):
    """A document could not be ingested; the batch goes on."""


class StoreError(RashomonError):
    """The store cannot be opened or used as asked."""


class UsageError(RashomonError):
    """A bad argument: the command cannot start."""


class ReviewError(RashomonError):
    """A review that cannot be stored: unknown target, invalid value, stale version, no right
    to review.  Nothing is written when it is raised."""
