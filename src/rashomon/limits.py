"""Budgets that keep one hostile document from stalling a batch.

Extraction is linear in a document's length, but a document can still be very long or hit a
slow path nobody has found yet.  Each document is extracted under a size limit (checked before
any work) and a wall-clock limit (a ``SIGALRM`` timer that interrupts the extractor, regex
matching included); a document over either is recorded as failed with ``E026`` and the batch
goes on.  The timer works in a process's main thread, which is where the CLI and every worker
of a process pool run extraction; in other threads only the size limit applies.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING

from rashomon.errors import Code, RashomonError

if TYPE_CHECKING:
    from rashomon.document import Document
    from rashomon.extract.claims import Claim

__all__ = ["DEFAULT_LIMITS", "Limits", "extract_within", "time_limit"]

#: Characters of text extracted from one document (a 600-page book has about 1.5 million).
DEFAULT_MAX_CHARS = 5_000_000
#: Seconds of extraction per document: the fixed part, plus one second per this many characters.
DEFAULT_SECONDS = 60.0
DEFAULT_CHARS_PER_SECOND = 10_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document extraction budget; ``None`` switches a limit off.

    The time allowed grows with the document: ``seconds + n_chars / chars_per_second``.  The
    extractor reads about 100,000 characters per second, so the default allows ten times its
    usual cost and stops only a document that makes it pathologically slow.
    """

    max_chars: int | None = DEFAULT_MAX_CHARS
    seconds: float | None = DEFAULT_SECONDS
    chars_per_second: int = DEFAULT_CHARS_PER_SECOND

    def time_for(self, n_chars: int) -> float | None:
        if self.seconds is None:
            return None
        return self.seconds + n_chars / self.chars_per_second

    def check_size(self, n_chars: int, path: str | None) -> None:
        if self.max_chars is not None and n_chars > self.max_chars:
            raise RashomonError(
                Code.BUDGET,
                f"too long to extract: {n_chars:,} characters (limit {self.max_chars:,}; "
                "raise it with --max-chars)",
                path,
            )


DEFAULT_LIMITS = Limits()


class _Expired(BaseException):
    """Raised by the timer inside the guarded block (a BaseException so that no
    ``except Exception`` in the extractor swallows it)."""


@contextmanager
def time_limit(
    seconds: float | None, what: str, path: str | None = None, hint: str = ""
) -> Iterator[None]:
    """Run the block for at most ``seconds`` (wall clock), else raise an ``E026`` error.

    Does nothing when ``seconds`` is None, outside the main thread, or where the platform has
    no interval timer.  An outer timer is suspended inside the block and re-armed after it.
    """
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        raise RashomonError(
            Code.BUDGET,
            f"{what} took longer than {seconds:.0f} s{hint}",
            path,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:  # an outer timer (pytest-timeout, a caller's limit) keeps running
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


def extract_within(doc: Document, limits: Limits = DEFAULT_LIMITS) -> list[Claim]:
    """``extract_document`` under the size and time budget (``E026`` when over either)."""
    from rashomon.extract.pipeline import extract_document

    n_chars = len(doc.text)
    limits.check_size(n_chars, doc.path)
    hint = " (raise the limit with --extract-seconds)"
    with time_limit(limits.time_for(n_chars), "extraction", doc.path, hint):
        return extract_document(doc)
