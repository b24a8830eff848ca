"""Word, OpenDocument and paginated PDF sources: text built block by block, offsets recorded,
metadata with provenance, page furniture kept in the text but never read as content."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rashomon import Code, IngestOptions, Store, ingest_paths
from rashomon.extract.pipeline import content_text, extract_document
from rashomon.ingest.furniture import find_furniture

# Invented text: a fictional town and invented figures.
OPENING = "On 3 May 1931 about 40 people were killed in the fictional town of Brisk."
SECOND = "The district council said that 120 houses were burned during the same night."


def make_docx(path: Path, *, created: datetime | None = None) -> Path:
    from docx import Document

    doc = Document()
    doc.core_properties.title = "Brisk report"
    doc.core_properties.author = "Desk of Invention"
    if created is not None:
        doc.core_properties.created = created
    doc.add_heading("Events in Brisk", level=1)
    doc.add_paragraph(OPENING)
    para = doc.add_paragraph("First line of a quoted list")
    para.add_run().add_break()
    para.add_run("second line, after a line break.")
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Village"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Houses burned"
    for i, value in enumerate(("Osterlo", "35", "none")):
        table.cell(1, i).text = value
    doc.add_paragraph("")  # empty paragraphs add no blank blocks
    doc.add_paragraph(SECOND)
    doc.save(str(path))
    return path


def test_docx_text_structure_metadata_and_raw_bytes(store: Store, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "brisk.docx", created=datetime(2026, 2, 12, 9, 30, tzinfo=UTC))
    report = ingest_paths(store, [tmp_path])  # found in a folder walk too
    assert report.ok, [o.message() for o in report.failed]
    doc = store.get_document(str(path))
    assert doc.text == (
        "Events in Brisk\n\n"
        f"{OPENING}\n\n"
        "First line of a quoted list\nsecond line, after a line break.\n\n"
        "Village\tHouses burned\nOsterlo\t35\tnone\n\n"
        f"{SECOND}"
    )
    kinds = [(doc.text[a:b], kind) for a, b, kind in doc.extra["structure"]]
    assert kinds == [
        ("Events in Brisk", "heading"),
        ("Village\tHouses burned\nOsterlo\t35\tnone", "table"),
    ]
    assert doc.media_type.endswith("wordprocessingml.document")
    assert (doc.title, doc.author) == ("Brisk report", "Desk of Invention")
    assert doc.provenance["title"] == doc.provenance["author"] == "docx"
    # Only the file's creation date is known: taken, and said to be that.
    assert (doc.date, doc.provenance["date"]) == ("2026-02-12", "docx-created")
    assert doc.lang == "en" and doc.raw == path.read_bytes()
    values = [c.value["text"] for c in extract_document(doc) if c.value]
    assert "about 40" in values and "120" in values


def test_a_dateline_or_a_manifest_beats_the_creation_date(store: Store, tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.core_properties.created = datetime(2026, 2, 12, tzinfo=UTC)
    doc.add_paragraph("BRISK, May 5, 1931 — " + OPENING)
    doc.save(str(tmp_path / "dated.docx"))
    make_docx(tmp_path / "listed.docx", created=datetime(2026, 2, 12, tzinfo=UTC))
    (tmp_path / "sources.csv").write_text("file,date\nlisted.docx,1931-05-06\n", "utf-8")
    ingest_paths(store, [tmp_path])
    dated = store.get_document(str(tmp_path / "dated.docx"))
    assert (dated.date, dated.provenance["date"]) == ("1931-05-05", "dateline")
    assert dated.extra["created"] == {"date": "2026-02-12", "from": "docx"}
    listed = store.get_document(str(tmp_path / "listed.docx"))
    assert (listed.date, listed.provenance["date"]) == ("1931-05-06", "manifest")


def make_odt(path: Path) -> Path:
    from odfdo import Document, Header, LineBreak, List, Note, Paragraph, Spacer, Tab, Table

    doc = Document("text")
    doc.body.clear()
    doc.meta.set_title("Rapport sur Brisk")
    doc.meta.set_initial_creator("Bureau fictif")
    doc.meta.set_creation_date(datetime(2026, 3, 1, 8, 0))
    doc.body.append(Header(1, "Brisk"))
    para = Paragraph("Le 3 mai 1931, environ 40 personnes ont été tuées")
    para.append(Note(note_class="footnote", note_id="n1", citation="1", body="Source : inventée."))
    para.append(" à Brisk, selon le conseil.")
    doc.body.append(para)
    spaced = Paragraph("Deux")
    spaced.append(Spacer(3))
    spaced.append("espaces")
    spaced.append(Tab())
    spaced.append("tabulation")
    spaced.append(LineBreak())
    spaced.append("nouvelle ligne.")
    doc.body.append(spaced)
    doc.body.append(List(["premier point", "second point"]))
    table = Table("Bilan", width=2, height=2)
    table.set_values([["Village", "Maisons"], ["Osterlo", "35"]])
    doc.body.append(table)
    doc.save(str(path))
    return path


def test_odt_text_structure_and_metadata(store: Store, tmp_path: Path) -> None:
    path = make_odt(tmp_path / "brisk.odt")
    assert ingest_paths(store, [tmp_path]).ok
    doc = store.get_document(str(path))
    assert doc.text == (
        "Brisk\n\n"
        "Le 3 mai 1931, environ 40 personnes ont été tuées à Brisk, selon le conseil.\n\n"
        "Deux   espaces\ttabulation\nnouvelle ligne.\n\n"
        "premier point\n\nsecond point\n\n"
        "Village\tMaisons\nOsterlo\t35"
    )
    assert [kind for _, _, kind in doc.extra["structure"]] == ["heading", "table"]
    assert doc.media_type == "application/vnd.oasis.opendocument.text"
    assert (doc.title, doc.author, doc.provenance["title"]) == (
        "Rapport sur Brisk",
        "Bureau fictif",
        "odt",
    )
    assert (doc.date, doc.provenance["date"]) == ("2026-03-01", "odt-created")
    assert doc.lang == "fr" and doc.raw == path.read_bytes()


def _encrypted_odt() -> bytes:
    # How ODF encryption looks from outside: the archive stays readable, its manifest declares
    # encryption data and the content part is ciphertext.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
            "</manifest:file-entry></manifest:manifest>",
        )
        archive.writestr("content.xml", b"\x8f\x02\x9a" * 40)
    return buffer.getvalue()


def _ole(*streams: str) -> bytes:
    # The compound-file header of legacy Office files, with the given stream names in its
    # directory (UTF-16): an encrypted .docx is such a file holding "EncryptedPackage".
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + b"".join(name.encode("utf-16-le") + b"\x00" * 16 for name in streams)


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("cut.docx", None, Code.BAD_DOCUMENT, "malformed Word document"),
        ("noise.docx", b"PK\x03\x04" + b"\x01" * 300, Code.BAD_DOCUMENT, "malformed Word"),
        ("noise.odt", b"PK\x03\x04" + b"\x01" * 300, Code.BAD_DOCUMENT, "malformed OpenDocument"),
        ("locked.docx", _ole("EncryptionInfo", "EncryptedPackage"), Code.ENCRYPTED, "password"),
        ("locked.odt", _encrypted_odt(), Code.ENCRYPTED, "password-protected OpenDocument"),
        ("old.doc", _ole("WordDocument", "1Table"), Code.UNSUPPORTED, "save it as .docx"),
    ],
)
def test_bad_and_protected_office_files_get_coded_errors(
    store: Store, tmp_path: Path, name: str, data: bytes | None, code: Code, words: str
) -> None:
    path = tmp_path / name
    if data is None:  # a real .docx, truncated mid-archive
        path.write_bytes(make_docx(tmp_path / "whole.docx").read_bytes()[:900])
    else:
        path.write_bytes(data)
    report = ingest_paths(store, [path])
    (failed,) = report.failed
    assert failed.error is not None and failed.error.code is code
    assert words in failed.message() and failed.message().startswith(str(path))


# --- PDF page furniture -----------------------------------------------------------------


def make_printed_pdf(
    path: Path, pages: list[str], *, title: str = "Brisk: 40 killed on 3 May"
) -> Path:
    """A PDF as a browser prints a web page: print stamp and title on top of every page, the
    address and "n/N" at the bottom, the article in between."""
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "12/2/26, 10:41 AM", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "https://news.example.org/brisk-night", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, f"{self.page_no()}/{{nb}}")

    pdf = Printed()
    pdf.set_creation_date(datetime(2026, 2, 12, 10, 41, tzinfo=UTC))
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def test_pdf_page_furniture_is_recorded_kept_and_not_read(store: Store, tmp_path: Path) -> None:
    path = make_printed_pdf(
        tmp_path / "printed.pdf",
        [
            OPENING + " Witnesses described the night to the commission.",
            "The next morning about 70 more people were wounded, the council said.",
            "In the weeks after, 300 families left the town.",
        ],
    )
    assert ingest_paths(store, [path]).ok
    doc = store.get_document(str(path))
    found = [(doc.text[a:b], kind) for a, b, kind in doc.extra["furniture"]]
    assert found.count(("12/2/26, 10:41 AM", "print-date")) == 3
    assert found.count(("Brisk: 40 killed on 3 May", "running-header")) == 3
    assert found.count(("https://news.example.org/brisk-night", "url")) == 3
    assert [t for t, kind in found if kind == "page-number"] == ["1/3", "2/3", "3/3"]
    # The stored text is the PDF's text: the furniture is still there, only marked.
    assert doc.text.count("12/2/26, 10:41 AM") == 3
    readable = content_text(doc)
    assert len(readable) == len(doc.text) and "12/2/26" not in readable and "/3" not in readable
    claims = extract_document(doc)
    assert {c.value["text"] for c in claims if c.value} >= {"about 40", "about 70", "300"}
    # No figure or date comes from the furniture: the page title repeated on every page is
    # not three more reports of 40 killed, the page counts are not figures, and the print
    # date is nobody's event date.
    for claim in claims:
        assert claim.value is None or claim.value["text"] not in {"40", "1", "2", "3", "12"}
        assert not (claim.time or {}).get("start", "").startswith("2026")
    # Only the file's creation date is known (no dateline): taken as a last resort.
    assert (doc.date, doc.provenance["date"]) == ("2026-02-12", "pdf-created")
    assert doc.extra["pages"][0][0] == 0 and doc.extra["pages"][-1][1] == len(doc.text)


def test_one_printed_page_has_its_stamp_and_counter_found(store: Store, tmp_path: Path) -> None:
    path = make_printed_pdf(tmp_path / "one.pdf", [OPENING])
    ingest_paths(store, [path])
    doc = store.get_document(str(path))
    kinds = {doc.text[a:b]: kind for a, b, kind in doc.extra["furniture"]}
    assert kinds["12/2/26, 10:41 AM"] == "print-date" and kinds["1/1"] == "page-number"
    # One page: the title is the page's headline, not a repeated header.
    assert "Brisk: 40 killed on 3 May" not in kinds


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # Running header with a changing page number, repeated footer.
        (
            [
                "Annual report — page 1\nFirst page text.\nConfidential",
                "Annual report — page 2\nMore text here.\nConfidential",
            ],
            [
                ("Annual report — page 1", "running-header"),
                ("Confidential", "running-footer"),
                ("Annual report — page 2", "running-header"),
                ("Confidential", "running-footer"),
            ],
        ),
        # A number that does not count with the pages is content (a table's last cell).
        (["Text.\nTotal\n120", "More text.\nTotal\n340"], []),
        # Repetition inside the page, not at its edge, is content.
        (["Intro\nKilled: 40\nBody text\nEnd A", "Other\nKilled: 40\nMore body\nEnd B"], []),
        # A date line without a time opening a single page is a stamp; with words, a dateline.
        (["2/12/26\nText of the page."], [("2/12/26", "print-date")]),
        (["BRISK, 2/12/26 — the council said\nText."], []),
    ],
)
def test_furniture_rules(pages: list[str], expected: list[tuple[str, str]]) -> None:
    offsets, text = [], ""
    for page in pages:
        if text:
            text += "\n\n"
        offsets.append((len(text), page))
        text += page
    found = [(text[a:b], kind) for a, b, kind in find_furniture(offsets)]
    assert found == expected


def test_flags_still_win_over_everything(store: Store, tmp_path: Path) -> None:
    path = make_docx(tmp_path / "brisk.docx", created=datetime(2026, 2, 12, tzinfo=UTC))
    ingest_paths(store, [path], IngestOptions(overrides={"date": "1931-05-07"}))
    doc = store.get_document(str(path))
    assert (doc.date, doc.provenance["date"]) == ("1931-05-07", "flag")
