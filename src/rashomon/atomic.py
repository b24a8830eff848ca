"""Files written whole or not at all: the report, exports, saved claims.

Every file rashomon writes goes through :func:`atomic_writer`: the content goes to a temporary
file in the same folder (same file system, so the rename is atomic), is flushed and fsynced,
and only then renamed over the target; the folder is fsynced so the rename itself survives a
crash.  A kill, a full disk or any other failure at any point leaves the previous file intact
(or no file), never a half-written one, and a full disk is the one-line error ``E025``.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from rashomon.errors import Code, RashomonError

__all__ = ["atomic_writer", "write_atomic", "write_error"]

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_error(exc: OSError, path: str | Path) -> RashomonError:
    """The coded one-line error for a failed write."""
    shown = str(path)
    if exc.errno in _FULL:
        return RashomonError(
            Code.DISK_FULL,
            "no space left on device (nothing written; any previous file is unchanged)",
            shown,
        )
    if exc.errno in _DENIED:
        return RashomonError(Code.PERMISSION, "permission denied (cannot write here)", shown)
    return RashomonError(Code.WRITE_FAILED, f"cannot write: {exc.strerror or exc}", shown)


@contextmanager
def atomic_writer(
    path: str | Path, mode: str = "wb", encoding: str | None = None, newline: str | None = None
) -> Iterator[IO[Any]]:
    """A file object whose content replaces ``path`` only when the block ends without error."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if "b" in mode:
        encoding = newline = None
    elif encoding is None:
        encoding = "utf-8"
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise write_error(exc, target) from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a report is meant to be shared like any
        # file the user creates, so it gets the mode the target has or a new file would get.
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        _sync_folder(folder)
    except OSError as exc:
        raise write_error(exc, target) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes) -> int:
    """Replace ``path`` with ``data`` atomically; returns the number of bytes written."""
    with atomic_writer(path) as handle:
        handle.write(data)
    return len(data)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
