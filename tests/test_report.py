"""The HTML report: self-contained, escaped, and working in a real headless Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rashomon import Store, analyze, demo_corpus
from rashomon.report.html import render_html, script_json, write_report
from tests.conftest import CORPUS, ROOT, needs_shared

BROWSER_DIR = ROOT / "tests" / "browser"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _browser_ready() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (install Debian's chromium; .ci/run does)"
    if shutil.which("node") is None:
        return "node is not installed"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return "playwright-core missing: run `npm ci` in tests/browser (.ci/run does)"
    return None


# Browser tests are part of the suite: they fail, not skip, when their tools are missing, unless
# someone explicitly opts out (RASHOMON_SKIP_BROWSER=1) on a machine that cannot have them.
def _require_browser() -> None:
    problem = _browser_ready()
    if problem and os.environ.get("RASHOMON_SKIP_BROWSER") == "1":
        pytest.skip(problem)
    assert problem is None, problem


def observe(report: Path, spec: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    _require_browser()
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    done = subprocess.run(
        ["node", str(BROWSER_DIR / "check_report.mjs"), str(report), str(spec_file)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=BROWSER_DIR,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout))


def test_script_json_cannot_close_its_script_block() -> None:
    text = script_json({"t": "</script><script>alert(1)</script> & \u2028"})
    assert "</script" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["t"].startswith("</script>")


def test_report_is_self_contained(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(store, [demo_corpus()])
        write_report(store, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    head, _, _ = html.partition('<script type="application/json"')
    assert not re.search(r"<(script|img|iframe)[^>]+src=|<link|@import|url\(", head)
    assert "default-src 'none'" in head  # the browser itself refuses any request
    assert not re.search(r"\bsrc=[\"']?https?:", html)


@needs_shared
def test_seeds_and_dev_report_in_chromium(tmp_path: Path) -> None:
    _require_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with Store(tmp_path / "s.db") as store:
        analyze(store, [CORPUS / "seeds", CORPUS / "dev"])
        write_report(store, tmp_path / "report.html")
        claims = store.current_claims()
        events = store.events()
        docs = {r["id"]: r for r in store.list_documents()}
    seed_docs = [d for d in docs.values() if "/seeds/" in d["path"]]
    seed_events = []
    for doc in seed_docs:
        holding = [e for e in events if doc["id"] in e["docs"]]
        seed_events.append(max(holding, key=lambda e: len(e["claims"]))["id"])
    assert len(set(seed_events)) == 2  # the two seed events are separate
    french = next(d for d in seed_docs if d["lang"] == "fr")
    seen = observe(
        tmp_path / "report.html",
        {
            "events": seed_events,
            "filter_langs": ["fr", "ru"],
            "search": "Srebrenica",
            "doc": french["id"],
            "screenshot": str(ARTIFACTS / "report-seeds-event.png"),
            "overview_screenshot": str(ARTIFACTS / "report-seeds.png"),
        },
        tmp_path,
    )
    assert seen["requests"] == [], "the report made network requests"
    assert seen["consoleErrors"] == [] and seen["pageErrors"] == []
    assert all(seen["listed"].values()), seen["listed"]
    assert seen["mapMarkers"] > 0 and seen["timelineBars"] > 0 and seen["countries"] > 150
    # Clicking a figure shows its quote, and the sentence names its source.
    assert seen["clickedFigure"] and seen["clickedFigure"] in seen["detailText"]
    assert seen["detailText"].startswith("×According to ")
    # Filters: French events only hold French documents; search narrows to one event family.
    by_id = {e["id"]: e for e in events}
    for lang in ("fr", "ru"):
        ids = seen["filters"][lang]
        assert ids and len(ids) < seen["total"]
        assert all(any(docs[d]["lang"] == lang for d in by_id[i]["docs"]) for i in ids)
    assert seen["searchCards"] and len(seen["searchCards"]) < seen["total"]
    assert all(
        "Srebrenica" in by_id[i]["label"]
        or any(
            "Srebrenica" in (c["evidence"]["quote"])
            for c in claims
            if c["id"] in set(by_id[i]["claims"])
        )
        for i in seen["searchCards"]
    )
    assert seen["docSpans"] >= 10 and seen["docImages"] == 0
    assert (ARTIFACTS / "report-seeds.png").stat().st_size > 20_000


def test_hostile_document_text_is_shown_as_text(tmp_path: Path) -> None:
    hostile = (
        'Fictional test: <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned=2"> '
        "\"</script><b>bold</b>' — on 2 May 1931 about 40 people were killed in Brisk.\n"
    )
    (tmp_path / "evil.txt").write_text(hostile, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        analyze(store, [tmp_path / "evil.txt"])
        write_report(store, tmp_path / "report.html", title="<i>title</i>")
        doc_id = store.list_documents()[0]["id"]
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<title><i>" not in html
    seen = observe(tmp_path / "report.html", {"doc": doc_id}, tmp_path)
    assert seen["pwned"] is None
    assert seen["docImages"] == 0
    assert "<script>window.__pwned = 1</script>" in seen["docText"]
    assert seen["consoleErrors"] == [] and seen["requests"] == []


def test_render_html_escapes_the_title() -> None:
    html = render_html(
        {
            "docs": [],
            "claims": [],
            "events": [],
            "generated": "",
            "version": "",
            "basemap": {"viewBox": "0 0 1 1", "countries": [], "attribution": ""},
        },
        title="<b>x</b>",
    )
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in html


def test_documents_without_language_data_are_shown_as_not_analysed(tmp_path: Path) -> None:
    (tmp_path / "tr.txt").write_text(
        "Bugün şehirde yüzlerce kişi öldü ve binlerce kişi evlerini terk etti, dedi yetkililer.\n",
        encoding="utf-8",
    )
    (tmp_path / "en.txt").write_text(
        "On 2 May 1931 about 40 people were killed in the fictional town of Brisk.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        analyze(store, [tmp_path])
        write_report(store, tmp_path / "report.html")
        ids = {Path(r["path"]).name: r["id"] for r in store.list_documents()}
    seen = observe(tmp_path / "report.html", {"doc": ids["tr.txt"]}, tmp_path)
    rows = {doc: cells for doc, cells in seen["docRows"].items()}
    turkish = next(cells for doc, cells in rows.items() if ids["tr.txt"].startswith(doc))
    english = next(cells for doc, cells in rows.items() if ids["en.txt"].startswith(doc))
    assert turkish[-1] == "not analysed: no language data for tr"
    assert english[-1] == "1 claim"
    assert seen["docNote"] == "not analysed: no language data for tr"
    assert seen["consoleErrors"] == [] and seen["pageErrors"] == []
