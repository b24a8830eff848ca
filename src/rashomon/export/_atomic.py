"""Output that never destroys what was there: write beside, fsync, rename.

An export of a large store takes minutes; killed half-way (Ctrl-C, out of memory, a full
disk), it must leave the previous file whole.  The data goes to a temporary file in the
target's folder (a rename is atomic only within one file system), is flushed to disk, and
only then replaces the target.  ``-`` or no path writes to standard output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from rashomon.errors import Code, UsageError

__all__ = ["is_stdout", "open_output"]


def is_stdout(out: str | Path | None) -> bool:
    return out is None or str(out) == "-"


def _mode_for(path: Path) -> int:
    """The permissions the file would have had if written directly: the old file's, else
    what the umask allows (mkstemp creates files readable by the owner only)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def open_output(out: str | Path | None, *, binary: bool) -> Iterator[IO[Any]]:
    """A file object to write the export to; the target appears only when the block ends
    without an exception."""
    if is_stdout(out):
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    path = Path(str(out)).expanduser()
    if path.is_dir():
        raise UsageError(Code.BAD_ARGUMENT, "is a folder; give a file name", str(path))
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(Code.BAD_ARGUMENT, "the folder for the output does not exist", str(path))
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise UsageError(
            Code.WRITE_FAILED, f"cannot write here: {exc.strerror}", str(path)
        ) from None
    tmp = Path(tmp_name)
    try:
        mode = "wb" if binary else "w"
        kwargs: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            code = Code.DISK_FULL if exc.errno == errno.ENOSPC else Code.WRITE_FAILED
            raise UsageError(code, f"write failed: {exc.strerror}", str(path)) from None
        raise
    # The rename itself is durable only once the folder's entry is on disk.
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
