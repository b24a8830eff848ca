"""The committed calendar.json files must be exactly what the generator makes from Babel."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).parents[1]
COMMITTED = ROOT / "src" / "rashomon" / "data" / "lang"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_calendar_data", ROOT / "scripts" / "gen_calendar_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_calendars_match_committed(tmp_path: Path) -> None:
    gen = _generator()
    written = gen.generate(tmp_path)
    assert {p.parent.name for p in written} == set(gen.LANGS)
    for path in written:
        committed = COMMITTED / path.parent.name / "calendar.json"
        assert committed.is_file(), f"missing {committed}; run scripts/gen_calendar_data.py"
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed} differs from Babel's CLDR data; rerun scripts/gen_calendar_data.py"
        )
    on_disk = {p.parent.name for p in COMMITTED.glob("*/calendar.json")}
    assert on_disk == set(gen.LANGS), "a calendar.json exists for a language not in LANGS"


def test_calendar_contents() -> None:
    ru = json.loads((COMMITTED / "ru" / "calendar.json").read_text(encoding="utf-8"))
    assert ru["months"]["format"]["wide"][8] == "сентября"
    assert ru["months"]["stand-alone"]["wide"][8] == "сентябрь"
    for lang in ("en", "fr", "de", "es", "ru"):
        data = json.loads((COMMITTED / lang / "calendar.json").read_text(encoding="utf-8"))
        for ctx in ("format", "stand-alone"):
            assert len(data["months"][ctx]["wide"]) == 12
            assert len(data["days_from_monday"][ctx]["wide"]) == 7
