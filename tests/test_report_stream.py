"""The report is streamed from the store (documents, claims and events written one by one)
and is byte for byte the page the in-memory build gave (``tests/report_reference.py``), with
reviews, a replaced document version, colliding short ids and hostile text; compared by
digest."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

from rashomon import Document, Store, analyze, demo_corpus
from rashomon.align import update_events
from rashomon.report import data as report_data_module
from rashomon.report.html import render_html, write_report
from rashomon.review.actions import add_review
from tests import report_reference
from tests.conftest import CORPUS, needs_shared

_GENERATED = re.compile(rb'"generated":"[^"]*"')


def _digest(page: bytes) -> str:
    """Of the page, its generation time left out (the two builds run seconds apart)."""
    return hashlib.sha256(_GENERATED.sub(b'"generated":""', page)).hexdigest()


def _same_as_reference(store: Store, out: Path, title: str = "rashomon report") -> bytes:
    size = write_report(store, out, title)
    page = out.read_bytes()
    assert size == len(page)
    expected = render_html(report_reference.report_data(store), title).encode("utf-8")
    assert len(page) == len(expected)
    assert _digest(page) == _digest(expected)
    return page


def _data(page: bytes) -> dict[str, Any]:
    text = page.decode("utf-8")
    _, _, rest = text.partition('<script type="application/json" id="report-data">')
    return dict(json.loads(rest.partition("</script>")[0]))


def test_streamed_report_is_the_in_memory_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus(), corpus)
    with Store(tmp_path / "s.db") as store:
        analyze(store, [corpus])
        # A new version of one document: its old version and claims leave the report.
        first = sorted(corpus.glob("*.txt"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\nA later paragraph.\n", "utf-8")
        analyze(store, [corpus])
        events = sorted(store.iter_events(), key=lambda e: -len(e["claims"]))
        claims = [c for c in store.current_claims() if c["kind"] == "figure"]
        add_review(store, claims[0]["id"], "reject", author="ana", reason="a postcode")
        add_review(store, claims[1]["id"], "correct", author="ana", field="value", value="30")
        add_review(store, events[0]["id"], "merge", author="ana", other=events[1]["id"])
        add_review(store, events[2]["id"], "note", author="ben", note="<b>check</b>")
        page = _same_as_reference(store, tmp_path / "r.html", title="<i>Demo</i> & more")
    data = _data(page)
    assert len(data["docs"]) == 4 and len(data["claims"]) >= 15 and len(data["events"]) >= 2
    assert any(c.get("rejected") for c in data["claims"])
    assert any(e.get("reviewed") for e in data["events"])
    assert b"<i>Demo" not in page and b"&lt;i&gt;Demo&lt;/i&gt; &amp; more" in page


def test_hostile_text_and_colliding_ids_stream_alike(tmp_path: Path) -> None:
    """Claim ids equal in their first 12 characters are kept whole (in claims, events,
    estimates, disputes), exactly as before; text that would close the script block or break
    a line of JavaScript is escaped in the streamed pieces too."""
    hostile = "Ville </script><script>alert(1)</script> & \u2028 — 40 killed, others say 400."
    with Store(tmp_path / "s.db") as store:
        ids = []
        for n, text in enumerate([hostile, hostile.replace("Ville", "Town")]):
            doc = Document(text=text, path=f"d{n}.txt", media_type="text/plain", lang="en")
            store.add_document(doc)
            ids.append(doc.id)
            claims = []
            for k, value in enumerate((40, 400)):
                start = text.index(str(value))
                claims.append(
                    {
                        "id": f"samePrefix12-{n}-{k}",
                        "doc": {"id": doc.id, "path": doc.path, "lang": "en", "date": None},
                        "kind": "figure",
                        "event_type": "killing",
                        "measure": "killed",
                        "value": {
                            "low": value,
                            "high": value,
                            "qualifier": "exact",
                            "text": str(value),
                            "start": start,
                            "end": start + len(str(value)),
                        },
                        "time": {"start": "1990-05-02", "end": "1990-05-02", "text": "2 May"},
                        "places": [{"id": None, "name": "Ville </script>"}],
                        "perpetrators": [],
                        "victims": [],
                        "attribution": None,
                        "evidence": {"start": 0, "end": len(text), "quote": text},
                    }
                )
            store.replace_claims(doc.id, claims, "test")
        update_events(store)
        page = _same_as_reference(store, tmp_path / "r.html")
    assert page.count(b"</script>") == 2  # the data block's and the code's own
    assert b"\xe2\x80\xa8" not in page  # U+2028 escaped
    data = _data(page)
    assert {c["id"] for c in data["claims"]} == {
        f"samePrefix12-{n}-{k}" for n in (0, 1) for k in (0, 1)
    }
    assert {d["id"] for d in data["docs"]} == {i[:12] for i in ids}
    assert data["docs"][0]["text"].startswith(("Ville </script>", "Town </script>"))


def test_many_pieces_are_written_in_chunks(tmp_path: Path, monkeypatch: Any) -> None:
    """Pieces gathered to a chunk before each write: a chunk smaller than one piece gives
    the same page."""
    monkeypatch.setattr("rashomon.report.html._WRITE_CHUNK", 1)
    monkeypatch.setattr(report_data_module, "_DOC_BATCH", 1)
    with Store(tmp_path / "s.db") as store:
        analyze(store, [demo_corpus()])
        _same_as_reference(store, tmp_path / "r.html")


@needs_shared
def test_streamed_report_of_seeds_and_dev(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(store, [CORPUS / "seeds", CORPUS / "dev"])
        page = _same_as_reference(store, tmp_path / "r.html")
    assert len(_data(page)["docs"]) > 20
