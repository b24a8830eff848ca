"""Ingest the real shared corpus: stored text is the file's text, metadata and languages right."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rashomon import IngestOptions, Store, ingest_paths, text_id
from rashomon.ingest.langid import detect_passages
from rashomon.store import schema
from tests.conftest import CORPUS, needs_shared

pytestmark = needs_shared


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    with open(folder / "SOURCES.tsv", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("seeds/*.txt")) + sorted(CORPUS.glob("dev/*.txt"))


def test_stored_text_is_the_file_text_byte_for_byte(store: Store) -> None:
    report = ingest_paths(store, [CORPUS / "seeds", CORPUS / "dev"])
    assert report.ok, [o.message() for o in report.failed]
    files = _corpus_files()
    assert report.counts["stored"] == len(files) >= 20
    for file in files:
        doc = store.get_document(str(file))
        assert doc.text.encode("utf-8") == file.read_bytes(), file.name
        assert doc.id == text_id(doc.text)
        assert doc.media_type == "text/plain"


def test_languages_detected_match_the_manifest() -> None:
    for folder in (CORPUS / "seeds", CORPUS / "dev"):
        for name, row in _manifest(folder).items():
            lang, confidence, spans = detect_passages((folder / name).read_text("utf-8"))
            assert lang == row["language"], name
            assert confidence > 0.9, name
            # These passages are monolingual: one span covering the whole text.
            assert [s.lang for s in spans] == [lang], name


def test_manifest_metadata_is_stored_with_its_provenance(store: Store) -> None:
    ingest_paths(store, [CORPUS / "dev", CORPUS / "seeds"])
    rfe = store.get_document(str(CORPUS / "dev" / "023_srebrenica-1995_en.txt"))
    assert rfe.publisher == "Radio Free Europe/Radio Liberty"
    assert rfe.date == "2002-09-03"
    assert rfe.url and rfe.url.startswith("https://")
    assert rfe.provenance["publisher"] == "manifest"
    assert rfe.extra["event"].startswith("Srebrenica")
    # "2020-07 (25th anniversary)": a partial ISO date, the words kept beside it.
    cerri = store.get_document(str(CORPUS / "dev" / "021_srebrenica-1995_es.txt"))
    assert (cerri.date, cerri.date_text) == ("2020-07", "2020-07 (25th anniversary)")
    # A year range is no single date: unknown, never a made-up value.
    holodomor = store.get_document(str(CORPUS / "dev" / "033_holodomor-1932-33_es.txt"))
    assert holodomor.date is None and holodomor.date_text and "2022" in holodomor.date_text
    # "unknown (...)" is unknown, and the note is kept.
    mirror = store.get_document(str(CORPUS / "dev" / "001_march-days-1918_en.txt"))
    assert mirror.publisher is None and "AI-generated" in mirror.extra["publisher_note"]
    seed = store.get_document(str(CORPUS / "seeds" / "004_92e9fd79d762b9ea.txt"))
    assert seed.date == "2025-03-31"
    french = store.get_document(str(CORPUS / "seeds" / "000_f7b1c8ed3d4a3ca8.txt"))
    assert french.date is None and french.lang == "fr"


def test_dateline_gives_the_date_without_a_manifest(tmp_path: Path, store: Store) -> None:
    seed = CORPUS / "seeds" / "004_92e9fd79d762b9ea.txt"
    copy = tmp_path / "article.txt"
    copy.write_bytes(seed.read_bytes())
    ingest_paths(store, [copy])
    doc = store.get_document(str(copy))
    assert doc.date == "2025-03-31" and doc.provenance["date"] == "dateline"
    assert doc.lang == "en" and doc.provenance["lang"] == "detected"


def test_second_ingest_stores_nothing_new(store: Store) -> None:
    first = ingest_paths(store, [CORPUS / "seeds", CORPUS / "dev"])
    with store.engine.connect() as conn:
        before = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (schema.documents, schema.doc_paths, schema.raw_content)
        }
    second = ingest_paths(store, [CORPUS / "seeds", CORPUS / "dev"])
    assert first.counts["stored"] >= 20
    assert second.counts == {"unchanged": first.counts["stored"]}
    assert all(o.detail == "already stored" for o in second.outcomes)
    with store.engine.connect() as conn:
        after = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (schema.documents, schema.doc_paths, schema.raw_content)
        }
    assert before == after


@pytest.mark.parametrize("pattern", ["*_ru.txt", "0[0-2]*"])
def test_include_globs_filter_a_folder(store: Store, pattern: str) -> None:
    report = ingest_paths(store, [CORPUS / "dev"], IngestOptions(include=(pattern,)))
    names = sorted(Path(o.path).name for o in report.outcomes)
    assert names and all(Path(n).match(pattern) for n in names)
