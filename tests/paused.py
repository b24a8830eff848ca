"""Run rashomon's console script in a real process that pauses at a chosen point, so that a
test can signal or kill it exactly there.

On a loaded machine (load 10-20 on 2 cores) a job that runs freely can finish, or be anywhere,
by the time the test looks; a sleep sized from an earlier run lands anywhere too.  Paused, the
job is always where the test means when the signal comes: the test waits for the file the
pause creates (with a generous overall timeout), never for a length of time.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PausedRun", "paused_run"]

#: Wraps ``module:attribute`` (``rashomon.store:Store.add_document``, ``os:replace``) so that
#: its ``nth`` call, before doing anything, creates the marker file and sleeps; the test's
#: signal ends the sleep (its handler raises, or the process dies).
_SCRIPT = """
import importlib, sys, time
from pathlib import Path

target, nth, marker = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
module, _, attribute = target.partition(":")
owner = importlib.import_module(module)
*parents, name = attribute.split(".")
for parent in parents:
    owner = getattr(owner, parent)
real = getattr(owner, name)
calls = 0

def paused(*args, **kwargs):
    global calls
    calls += 1
    if calls == nth:
        marker.touch()
        time.sleep(3600)
    return real(*args, **kwargs)

setattr(owner, name, paused)
sys.argv = ["rashomon", *sys.argv[4:]]
from rashomon.cli.main import main
main()
"""

#: How long a paused run may take to reach its pause, and a signalled one to end.
TIMEOUT = 600.0


@dataclass
class PausedRun:
    proc: subprocess.Popen[bytes]
    log: Path

    def stop(self, sig: int) -> tuple[int, str]:
        """Send ``sig``; the exit status and everything the run wrote to stderr."""
        self.proc.send_signal(sig)
        self.proc.wait(timeout=TIMEOUT)
        return self.proc.returncode, self.log.read_text(encoding="utf-8")


@contextmanager
def paused_run(folder: Path, target: str, nth: int, args: list[str]) -> Iterator[PausedRun]:
    """``rashomon ARGS...`` in a process paused at the ``nth`` call of ``target``; yields once
    it is paused there, and kills it on the way out if the test did not stop it."""
    work = Path(tempfile.mkdtemp(prefix="paused-", dir=folder))
    marker, log = work / "paused", work / "stderr.txt"
    with log.open("wb") as err:  # a file, not a pipe: a full pipe would block the run
        proc = subprocess.Popen(
            [sys.executable, "-c", _SCRIPT, target, str(nth), str(marker), *args],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not marker.exists():
            if proc.poll() is not None:
                raise AssertionError(
                    f"the run ended (status {proc.returncode}) before call {nth} of {target}: "
                    + log.read_text(encoding="utf-8")
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"the run never reached call {nth} of {target}")
            time.sleep(0.05)
        yield PausedRun(proc, log)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
