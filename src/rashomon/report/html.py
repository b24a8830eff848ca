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
import secrets
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon.atomic import atomic_writer
from rashomon.progress import Progress
from rashomon.report.data import report_json, script_json
from rashomon.store import Store


def _asset(name: str) -> str:
    return (resources.files("rashomon.report") / "static" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source that allows exactly one inline element with this content."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


#: Stands for the data while the page is rendered: the template is rendered once around it,
#: and the data is written in its place piece by piece.
_SLOT = "\x00rashomon-report-data-" + secrets.token_hex(16) + "\x00"


def _page(title: str) -> tuple[str, str]:
    """The page before and after its data."""
    env = Environment(
        loader=PackageLoader("rashomon.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    template = env.get_template("report.html.j2")
    css, js = _asset("report.css"), _asset("report.js")
    page = template.render(
        title=title,
        css=css,
        js=js,
        css_hash=csp_hash(css),
        js_hash=csp_hash(js),
        data=_SLOT,
    )
    # The title comes before the data and is escaped; only the data's slot holds the token.
    head, slot, tail = page.rpartition(_SLOT)
    if not slot:
        raise RuntimeError("the report template has no data slot")
    return head, tail


def render_html(data: dict[str, Any], title: str = "rashomon report") -> str:
    head, tail = _page(title)
    return head + script_json(data) + tail


#: Pieces are gathered to about this many characters before each write.
_WRITE_CHUNK = 1 << 20


def write_report(
    store: Store, out: Path, title: str = "rashomon report", progress: Progress | None = None
) -> int:
    """Write the report of everything in the store; returns its size in bytes.  The data is
    streamed from the store into the file, so memory stays flat whatever the store holds."""
    head, tail = _page(title)
    size = 0
    # Written beside, fsynced and renamed into place: an interrupted run or a full disk leaves
    # the previous report (or none), never half a page.
    with atomic_writer(out) as handle:
        pending: list[str] = [head]
        length = len(head)
        for piece in report_json(store, progress):
            pending.append(piece)
            length += len(piece)
            if length >= _WRITE_CHUNK:
                size += handle.write("".join(pending).encode("utf-8"))
                pending, length = [], 0
        if progress is not None:
            progress("report: writing", 0, 1)
        pending.append(tail)
        size += handle.write("".join(pending).encode("utf-8"))
    if progress is not None:
        progress("report: writing", 1, 1)
    return size
