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
from rashomon.report.compare import source_name
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
    # Minor mentions (one source, no figure) are folded away until asked for.
    minor = [e for e in events if len(e["docs"]) < 2 and not e["estimates"]]
    assert minor and seen["folded"].startswith(f"{len(minor)} minor mention")
    # The list is paged (20 a page): every page was read, and the seed events are on one.
    assert seen["total"] == len(seen["cards"]) == len(set(seen["cards"])) == len(events)
    assert seen["pageSize"] == min(20, len(events))
    assert all(seen["listed"].values()), seen["listed"]
    assert seen["mapMarkers"] > 0 and seen["timelineBars"] > 0 and seen["countries"] > 150
    # Clicking a figure shows its quote, and the sentence names its source.
    assert seen["clickedFigure"] and seen["clickedFigure"] in seen["detailText"]
    assert seen["detailText"].startswith("×According to ")
    assert seen["detailHiddenAfterNavigation"] is True
    # Filters: the count over all pages is the number of events holding a document in that
    # language, and every event shown holds one.
    by_id = {e["id"]: e for e in events}
    for lang in ("fr", "ru"):
        found = seen["filters"][lang]
        expected = [e for e in events if any(docs[d]["lang"] == lang for d in e["docs"])]
        assert 0 < found["count"] == len(expected) < seen["total"]
        assert found["ids"] and all(
            any(docs[d]["lang"] == lang for d in by_id[i]["docs"]) for i in found["ids"]
        )
    # Search: what matches is what the words appear in (label, a source's name, a quote).
    quotes: dict[str, str] = {c["id"]: c["evidence"]["quote"] for c in claims}
    names = {d["id"]: source_name(d, d["id"]) for d in docs.values()}

    def mentions(event: dict[str, Any]) -> bool:
        hay = [event["label"], *(names[d] for d in event["docs"])]
        hay += [quotes.get(c, "") for c in event["claims"]]
        return "srebrenica" in " ".join(hay).lower()

    matching = [e for e in events if mentions(e)]
    assert 0 < seen["search"]["count"] == len(matching) < seen["total"]
    assert all(mentions(by_id[i]) for i in seen["search"]["ids"])
    _check_charts(seen["charts"])
    assert len(seen["timelineTicks"]) >= 3 and seen["timelineOutside"] == []
    assert seen["docSpans"] >= 10 and seen["docImages"] == 0
    assert (ARTIFACTS / "report-seeds.png").stat().st_size > 20_000


def _check_charts(charts: list[dict[str, Any]]) -> None:
    """Every figure chart: one row per figure with its value written beside it, the source's
    full name drawn or in the tooltip, more than one tick on the axis, and no text outside."""
    assert charts
    for chart in charts:
        assert chart["outside"] == [], chart["outside"]
        assert chart["rows"] == len(chart["values"]) == len(chart["names"]) > 0
        assert all(chart["values"]) and len(chart["ticks"]) >= 2, chart
        for name in chart["names"]:
            shown = name["drawn"].removesuffix(" *")
            assert name["full"].startswith(shown.rstrip("…").rstrip()), name
            assert shown.endswith("…") or name["full"].split(", citing ")[0] == shown, name


def test_demo_report_presentation_in_chromium(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        analyze(store, [demo_corpus()])
        write_report(store, tmp_path / "report.html")
        events = store.events()
    disputed = max(events, key=lambda e: len(e["disputes"]))
    seen = observe(tmp_path / "report.html", {"events": [disputed["id"]]}, tmp_path)
    assert seen["consoleErrors"] == [] and seen["pageErrors"] == []
    # The demo's events span eight months: the timeline counts in months, inside its frame.
    assert "Nov 1930" in seen["timelineTicks"] and seen["timelineOutside"] == []
    # The demo's places are fictional: the map is empty, and says why.
    assert seen["mapMarkers"] == 0
    assert seen["mapNote"].startswith("No event on the map: their places (")
    assert "Osterlo" in seen["mapNote"] and "no coordinates in the gazetteer" in seen["mapNote"]
    _check_charts(seen["charts"])
    disputes = [s for s in seen["statements"] if s.startswith("Sources differ")]
    assert disputes and all("times the lowest" in s and "ratio" not in s for s in disputes)
    # A French or Spanish figure inside an English sentence is quoted as written.
    assert any("“" in s and "” (as written)" in s for s in disputes), disputes
    assert seen["detailHiddenAfterNavigation"] is True


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
