"""How long steps report progress: a callback the CLI turns into progress bars.

``progress(stage, done, total)`` says that ``done`` of ``total`` units of ``stage`` are done
(``total`` None: not known in advance).  Library functions take it as an optional argument
and call it every ``EVERY`` units or so, and once more at the end of the stage.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["EVERY", "Progress"]

Progress = Callable[[str, int, int | None], None]
EVERY = 500
