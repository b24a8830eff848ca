"""The report's Content-Security-Policy (issue 12): its own script and style run, allowed by
their hashes; any other inline script does not, even one that got into the file."""

from __future__ import annotations

import re
from pathlib import Path

from rashomon import Store, analyze
from rashomon.report.html import csp_hash, write_report
from tests.test_report import observe


def _policy(html: str) -> str:
    match = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert match, "no CSP meta element"
    return match.group(1).replace("&#39;", "'")


def _report(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").write_text(
        "Fictional: on 2 May 1931 about 40 people were killed in Brisk, the council said.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "s.db") as store:
        analyze(store, [tmp_path / "a.txt"])
        write_report(store, tmp_path / "report.html")
        doc_id = str(store.list_documents()[0]["id"])
    return tmp_path / "report.html", doc_id


def test_policy_allows_only_the_report_own_script_and_style(tmp_path: Path) -> None:
    report, _ = _report(tmp_path)
    html = report.read_text(encoding="utf-8")
    policy = _policy(html)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    script = re.search(r"<script>(.*?)</script>", html, re.S)
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert script and style
    assert directives["script-src"] == csp_hash(script.group(1))
    assert directives["style-src"] == csp_hash(style.group(1))


def test_an_injected_inline_script_does_not_run(tmp_path: Path) -> None:
    report, doc_id = _report(tmp_path)
    html = report.read_text(encoding="utf-8")
    # As if escaping had failed somewhere: a script element and an event handler in the page.
    injected = '<script>window.__pwned = 1</script><img src="data:," onerror="window.__pwned = 2">'
    report.write_text(html.replace("</footer>", "</footer>" + injected, 1), encoding="utf-8")
    seen = observe(report, {"doc": doc_id}, tmp_path)
    assert seen["pwned"] is None
    # The report's own script still ran: the document is shown.
    assert "about 40 people were killed in Brisk" in seen["docText"]
    assert seen["pageErrors"] == []
    assert any("Content Security Policy" in e for e in seen["consoleErrors"])
