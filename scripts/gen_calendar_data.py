"""Generate ``src/rashomon/data/lang/<code>/calendar.json`` from Babel's CLDR data.

Month and day names are never typed by hand: every name the temporal tagger matches comes
from CLDR through this script, so a new language costs one entry in ``LANGS`` and a rerun.
``tests/test_calendar_data.py`` regenerates the files and diffs them against the committed
ones, so a hand edit or a stale file fails the suite.

Usage: ``python scripts/gen_calendar_data.py [--out DIR]``
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_cldr_version

# The five languages with hand-written time.json come first; the rest get calendar names only
# (the tagger then falls back to language-neutral day-month-year patterns).
LANGS: tuple[str, ...] = ("en", "fr", "de", "es", "ru", "it", "pt", "nl", "uk", "pl")

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "data" / "lang"

# Babel numbers weekdays from Monday = 0; ISO numbering (Monday = 1) is what downstream uses.
_WEEKDAYS = range(7)


def _names(table: Any, count: int, base: int) -> list[str]:
    return [str(table[i]) for i in range(base, base + count)]


def calendar_for(code: str) -> dict[str, Any]:
    loc = Locale.parse(code)
    months: dict[str, dict[str, list[str]]] = {}
    days: dict[str, dict[str, list[str]]] = {}
    for context in ("format", "stand-alone"):
        months[context] = {
            width: _names(loc.months[context][width], 12, 1) for width in ("wide", "abbreviated")
        }
        days[context] = {
            width: [str(loc.days[context][width][i]) for i in _WEEKDAYS]
            for width in ("wide", "abbreviated")
        }
    return {
        "_generated_by": "scripts/gen_calendar_data.py (Babel CLDR); do not edit by hand",
        "cldr_version": str(get_cldr_version()),
        "lang": code,
        "months": months,
        "days_from_monday": days,
    }


def render(code: str) -> str:
    return json.dumps(calendar_for(code), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def generate(out_dir: Path = DEFAULT_OUT, langs: tuple[str, ...] = LANGS) -> list[Path]:
    written: list[Path] = []
    for code in langs:
        target = out_dir / code / "calendar.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(code), encoding="utf-8")
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for path in generate(args.out):
        print(path)


if __name__ == "__main__":
    main()
