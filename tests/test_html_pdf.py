"""HTML and PDF sources: main text, metadata, raw bytes, and recorded repairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon import Store, ingest_paths
from rashomon.document import Repair
from rashomon.ingest.pdf import _repair
from tests.conftest import make_pdf

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Night raid on Norvik leaves dozens dead | Example Tribune</title>
<meta name="author" content="Jane Example">
<meta property="og:site_name" content="Example Tribune">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://news.example.org/norvik-raid">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Log in</a></nav>
<article>
<h1>Night raid on Norvik leaves dozens dead</h1>
<p>At least 42 people were killed when an armed group attacked the fictional town of Norvik
on the night of 30 April, local officials said on Thursday.</p>
<p>The regional governor put the number of wounded at about 70. Independent monitors said
they could not yet confirm the figures, which remain disputed by the armed group.</p>
<p>Hundreds of residents fled to the neighbouring valley, aid workers reported.</p>
</article>
<footer>Copyright Example Tribune. All rights reserved. Cookie settings.</footer>
<script>window.alert("tracking");</script>
</body></html>
"""


def test_html_main_text_metadata_and_raw_bytes(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "raid.html"
    page.write_text(ARTICLE, encoding="utf-8")
    report = ingest_paths(store, [page])
    assert report.ok
    doc = store.get_document(str(page))
    assert "At least 42 people were killed" in doc.text
    assert "Hundreds of residents fled" in doc.text
    # Boilerplate and scripts are not part of the stored text.
    assert "Cookie settings" not in doc.text and "tracking" not in doc.text
    assert "Log in" not in doc.text
    assert doc.title and doc.title.startswith("Night raid on Norvik")
    assert doc.author == "Jane Example"
    assert doc.date == "2024-05-02" and doc.provenance["date"] == "html"
    assert doc.site == "Example Tribune"
    assert doc.url == "https://news.example.org/norvik-raid"
    assert doc.lang == "en"
    assert doc.raw == page.read_bytes()
    assert doc.media_type == "text/html"


def test_manifest_and_flags_override_html_metadata(store: Store, tmp_path: Path) -> None:
    from rashomon import IngestOptions

    (tmp_path / "raid.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,publisher,date\nraid.html,Tribune Archive,2024-05-03\n", encoding="utf-8"
    )
    ingest_paths(store, [tmp_path], IngestOptions(overrides={"author": "Desk"}))
    doc = store.get_document(str(tmp_path / "raid.html"))
    assert (doc.publisher, doc.date, doc.author) == ("Tribune Archive", "2024-05-03", "Desk")
    assert doc.provenance == {
        "title": "html",
        "site": "html",
        "url": "html",
        "date": "manifest",
        "lang": "detected",
        "publisher": "manifest",
        "author": "flag",
    }


def test_html_sniffed_without_suffix(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_text(ARTICLE, encoding="utf-8")
    ingest_paths(store, [page])
    assert store.get_document(str(page)).media_type == "text/html"


def test_pdf_text_layer_metadata_and_hyphenation(store: Store, tmp_path: Path) -> None:
    long = (
        "The commission of the fictional province of Osterland reported that some "
        "three hundred and forty civilians were killed and approximately seventeen hundred "
        "were displaced during the autumn operations of the irregular detachments. " * 3
    )
    path = make_pdf(tmp_path / "report.pdf", [long, "A second paragraph: 25 villages burned."])
    report = ingest_paths(store, [path])
    assert report.ok, [o.message() for o in report.failed]
    doc = store.get_document(str(path))
    assert doc.media_type == "application/pdf"
    assert doc.title == "Test PDF title" and doc.author == "Test Author"
    assert "25 villages burned" in doc.text
    assert doc.raw == path.read_bytes()
    # Every recorded repair points at its replacement in the stored text.
    for repair in doc.repairs:
        assert doc.text[repair.offset : repair.offset + len(repair.replacement)] == (
            repair.replacement
        )


@pytest.mark.requires(
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
    "needs the DejaVu font (Debian fonts-dejavu-core, installed by scripts/test.sh)",
)
def test_pdf_ligatures_are_repaired_and_recorded(store: Store, tmp_path: Path) -> None:
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    path = make_pdf(
        tmp_path / "lig.pdf", ["The ofﬁcial ﬁgure: ﬁve hundred killed, ﬂed."], font=font
    )
    ingest_paths(store, [path])
    doc = store.get_document(str(path))
    assert "official figure: five hundred killed, fled" in doc.text
    kinds = {(r.kind, r.original, r.replacement) for r in doc.repairs}
    assert ("ligature", "\ufb01", "fi") in kinds and ("ligature", "\ufb02", "fl") in kinds


@pytest.mark.parametrize(
    ("page", "expected", "kinds"),
    [
        ("were kil-\nled in the", "were killed in the", ["hyphenation"]),
        ("soft\u00ad\nhyphen", "softhyphen", ["hyphenation"]),
        ("Baku-\nGanja road", "Baku-\nGanja road", []),  # a compound keeps its hyphen
        ("page 12-\n13", "page 12-\n13", []),  # numbers are not words
        ("the ﬁrst ﬂight", "the first flight", ["ligature", "ligature"]),
        ("убито бо-\nлее ста", "убито более ста", ["hyphenation"]),
    ],
)
def test_repairs_at_string_level(page: str, expected: str, kinds: list[str]) -> None:
    repairs: list[Repair] = []
    out = _repair(page, 1, 100, repairs)
    assert out == expected
    assert [r.kind for r in repairs] == kinds
    for r in repairs:
        rel = r.offset - 100
        assert out[rel : rel + len(r.replacement)] == r.replacement


def test_a_date_in_the_body_is_not_the_publication_date(store: Store, tmp_path: Path) -> None:
    # No date in the markup: the event date in the text must not become the publication date
    # (it anchors "two years ago" and orders the sources).
    page = tmp_path / "undated.html"
    page.write_text(
        "<html><head><title>Brisk report</title></head><body><article><p>On 2 May 2016 "
        "about 40 people were killed in the fictional town of Brisk, the council said. "
        "Witnesses described the night in detail to the visiting commission.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    ingest_paths(store, [page])
    doc = store.get_document(str(page))
    assert doc.date is None and "date" not in doc.provenance
