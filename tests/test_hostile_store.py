"""Hostile values on their way into the store (issue 12), on SQLite and PostgreSQL: a figure
beyond 64 bits, NUL characters, a language that is a path.  Nothing crashes, nothing poisons
the store: a later run works."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon import Store, analyze
from rashomon.cli.main import app
from rashomon.store.db import BEYOND_RANGE_NOTE

HUGE = "At least 10000000000000000000 people were killed in Norvik on 3 May 1931, it claimed.\n"
PLAIN = "On 4 May 1931 about 40 people were killed in Brisk, officials said.\n"


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def test_figure_beyond_64_bits_is_kept_flagged_and_does_not_poison(
    any_db: str, tmp_path: Path, runner: CliRunner
) -> None:
    first = _write(tmp_path / "one", {"huge.txt": HUGE, "plain.txt": PLAIN})
    res = runner.invoke(
        app, ["analyze", str(first), "--db", any_db, "--out", str(tmp_path / "r.html")]
    )
    assert res.exit_code == 0, res.output
    with Store(any_db) as store:
        huge = [c for c in store.claims() if c["value"] and c["value"]["low"] > 2**63]
    assert len(huge) == 1 and huge[0]["value"]["low"] == 10**19
    assert BEYOND_RANGE_NOTE in huge[0]["notes"]
    # Later runs (more documents, the events, the report) still work.
    second = _write(tmp_path / "two", {"more.txt": PLAIN.replace("40", "45")})
    res = runner.invoke(
        app, ["analyze", str(second), "--db", any_db, "--out", str(tmp_path / "r.html")]
    )
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["events", "--db", any_db, "--format", "jsonl"])
    assert res.exit_code == 0, res.output


def test_claims_the_store_refuses_fail_their_document_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _write(tmp_path / "docs", {"a.txt": PLAIN, "b.txt": HUGE})
    real = Store.replace_claims

    def refuse_b(self: Store, doc_id: str, claims: list, extractor: str) -> int:  # type: ignore[type-arg]
        if any("Norvik" in c["evidence"]["quote"] for c in claims):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(self, doc_id, claims, extractor)

    monkeypatch.setattr(Store, "replace_claims", refuse_b)
    with Store(tmp_path / "s.db") as store:
        summary = analyze(store, [folder])
        assert len(summary.extraction.failed) == 1
        assert "E027 cannot store its claims: OverflowError" in summary.extraction.failed[0]
        assert summary.extraction.documents == 1
        assert len(store.extraction_failures()) == 1
        # Recorded: the next run does not stumble over it again.
        again = analyze(store, [folder])
        assert again.extraction.failed == [] and again.extraction.failed_before == 1


def test_nul_characters_never_reach_the_store(any_db: str, tmp_path: Path) -> None:
    head = ("x" * 79 + "\n") * 110
    folder = _write(
        tmp_path / "docs",
        {
            "nul.txt": (head + "Then 40\x00 people fled.\n").encode(),
            "b.txt": PLAIN,
            "SOURCES.csv": "file,title,publisher\nb.txt,Ti\x00tle,Pub\x00lisher\n",
        },
    )
    with Store(any_db) as store:
        report = analyze(store, [folder])
        assert report.ingest.ok, [o.message() for o in report.ingest.failed]
        docs = {Path(d.path).name: d for d in store.iter_documents()}
    assert "\x00" not in docs["nul.txt"].text
    assert (docs["b.txt"].title, docs["b.txt"].publisher) == ("Title", "Publisher")


def test_a_language_that_is_a_path_loads_no_data() -> None:
    # "../lang/en" leads to the English data folder: it must not be read as a language.
    from rashomon.extract import parse
    from rashomon.extract._numlang import load
    from rashomon.extract._timex_rules import grammar
    from rashomon.extract.lexicon import lexicon

    assert lexicon("../lang/en") is None
    assert load("../lang/en") is None
    assert parse("40 people were killed.", "../lang/en") is None
    with pytest.raises(ValueError):
        grammar("../lang/en")
