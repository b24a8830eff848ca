"""Output that never destroys what was there: an export's file is written through
``rashomon.atomic`` (beside the target, fsynced, renamed), so an export killed half-way
(Ctrl-C, out of memory, a full disk) leaves the previous file whole.  ``-`` or no path
writes to standard output.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rashomon.atomic import atomic_writer
from rashomon.errors import Code, UsageError

__all__ = ["is_stdout", "open_output"]


def is_stdout(out: str | Path | None) -> bool:
    return out is None or str(out) == "-"


@contextlib.contextmanager
def open_output(out: str | Path | None, *, binary: bool) -> Iterator[IO[Any]]:
    """A file object to write the export to; the target appears only when the block ends
    without an exception (a failed write is E025 for a full disk, E002 or E028 else)."""
    if is_stdout(out):
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(str(out)).expanduser()
    if path.is_dir():
        raise UsageError(Code.BAD_ARGUMENT, "is a folder; give a file name", str(path))
    if not path.parent.is_dir():
        raise UsageError(Code.BAD_ARGUMENT, "the folder for the output does not exist", str(path))
    if binary:
        with atomic_writer(path, "wb") as handle:
            yield handle
    else:
        with atomic_writer(path, "w", encoding="utf-8", newline="") as handle:
            yield handle
