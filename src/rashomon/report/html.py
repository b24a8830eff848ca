"""The self-contained HTML report: one file, no network, data and code inlined.

The page is built in the browser from the embedded JSON with DOM methods that never interpret
text as markup (``textContent``, ``createElement``), so document text, which is untrusted, can
not inject anything; the JSON itself is escaped so no ``</script>`` can close its block.
A second guard: the Content-Security-Policy allows only the page's own script and style
element, by their SHA-256 hashes (no ``'unsafe-inline'``), so a script that got into the page
some other way would still not run.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.atomic import write_atomic
from rashomon.progress import Progress
from rashomon.report.data import report_data
from rashomon.store import Store

_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _asset(name: str) -> str:
    return (resources.files("rashomon.report") / "static" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source that allows exactly one inline element with this content."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(data: dict[str, Any], title: str = "rashomon report") -> str:
    env = Environment(
        loader=PackageLoader("rashomon.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    template = env.get_template("report.html.j2")
    css, js = _asset("report.css"), _asset("report.js")
    return template.render(
        title=title,
        css=css,
        js=js,
        css_hash=csp_hash(css),
        js_hash=csp_hash(js),
        data=script_json(data),
    )


def write_report(
    store: Store, out: Path, title: str = "rashomon report", progress: Progress | None = None
) -> int:
    """Write the report of everything in the store; returns its size in bytes."""
    data = render_html(report_data(store, progress), title).encode("utf-8")
    if progress is not None:
        progress("report: writing", 0, 1)
    # Written beside, fsynced and renamed into place: an interrupted run or a full disk leaves
    # the previous report (or none), never half a page.
    write_atomic(out, data)
    if progress is not None:
        progress("report: writing", 1, 1)
    return len(data)
