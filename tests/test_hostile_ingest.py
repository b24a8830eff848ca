"""Hostile files and folders (issue 12): each case fails alone with a one-line coded error, or
is read correctly; the batch goes on, nothing hangs, and the store stays usable."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon import Code, IngestOptions, Store, ingest_paths
from rashomon.cli.main import app
from rashomon.limits import time_limit
from tests.conftest import make_pdf

GOOD = "Officials said that 120 people were killed in the fictional town of Norvik.\n"
FRENCH = "Selon le rapport, plus de deux cents personnes ont été tuées à Norvik l'été dernier.\n"


def _folder(tmp_path: Path, name: str = "batch") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _errors(report: Any) -> list[str]:
    return [o.message() for o in report.failed]


@pytest.fixture
def quick() -> Iterator[None]:
    """Every case here used to hang or run for minutes: each must now finish in seconds."""
    with time_limit(60, "this hostile input"):
        yield


# -- files that are not regular files -----------------------------------------------------------


def test_fifo_in_a_folder_is_refused_not_read(store: Store, tmp_path: Path, quick: None) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "p.txt")
    report = ingest_paths(store, [folder])
    assert [o.status for o in report.outcomes] == ["stored", "failed"]
    assert _errors(report) == [f"{folder / 'p.txt'}: E015 not a regular file (a FIFO), skipped"]


def test_fifo_and_device_given_directly(store: Store, tmp_path: Path, quick: None) -> None:
    fifo = tmp_path / "q.txt"
    os.mkfifo(fifo)
    report = ingest_paths(store, [fifo, Path("/dev/zero")])
    assert [o.error.code for o in report.failed if o.error] == [Code.UNSUPPORTED] * 2
    assert "a character device" in _errors(report)[1]


# -- symlinks ----------------------------------------------------------------------------------


def _linked(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Private note: 7 guards were on duty.\n", encoding="utf-8")
    folder = _folder(tmp_path)
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linkdir").symlink_to(outside, target_is_directory=True)
    (folder / "inside.txt").symlink_to(folder / "a_good.txt")
    return folder, outside


def test_symlinks_are_not_followed_out_of_the_folder(store: Store, tmp_path: Path) -> None:
    folder, _ = _linked(tmp_path)
    report = ingest_paths(store, [folder])
    texts = {d.text for d in store.iter_documents()}
    assert not any("Private note" in t for t in texts)
    hint = "outside the folder, not followed (pass --follow-symlinks)"
    assert _errors(report) == [
        f"{folder / 'link.txt'}: E015 symbolic link to a file {hint}",
        f"{folder / 'linkdir'}: E015 symbolic link to a folder {hint}",
    ]
    # A link that stays inside the folder is an ordinary file (here: a duplicate).
    assert {o.status for o in report.outcomes if o.path.endswith("inside.txt")} == {"duplicate"}


def test_follow_symlinks_on_request_and_never_loops(
    store: Store, tmp_path: Path, quick: None
) -> None:
    folder, _ = _linked(tmp_path)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    report = ingest_paths(store, [folder], IngestOptions(follow_symlinks=True))
    assert report.ok, _errors(report)
    texts = [d.text for d in store.iter_documents()]
    assert sum("Private note" in t for t in texts) == 1


def test_cli_follow_symlinks_flag(runner: CliRunner, tmp_path: Path) -> None:
    folder, _ = _linked(tmp_path)
    db = str(tmp_path / "s.db")
    res = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert res.exit_code == 1 and "--follow-symlinks" in res.stderr
    res = runner.invoke(app, ["ingest", str(folder), "--db", db, "--follow-symlinks"])
    assert res.exit_code == 0, res.output


# -- file names and folders --------------------------------------------------------------------


def test_invalid_utf8_file_name_is_shown_escaped(runner: CliRunner, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    bad = os.path.join(os.fsencode(folder), b"caf\xe9\x1b[31m.txt")
    with open(bad, "wb") as handle:
        handle.write(FRENCH.encode())
    (folder / "z_last.txt").write_text(GOOD.replace("120", "130"), encoding="utf-8")
    db = str(tmp_path / "s.db")
    res = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert res.exit_code == 0, res.output
    assert "caf\\xe9\\x1b[31m.txt: stored" in res.stdout
    assert "\x1b" not in res.stdout
    with Store(db) as store:
        assert store.count_documents() == 3
        paths = {row["path"] for row in store.list_documents()}
        # Stored as named, with the undecodable byte spelled out; escaped again on output.
        assert str(folder / "caf\\xe9\x1b[31m.txt") in paths


def test_newline_in_a_file_name_cannot_forge_output_lines(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = _folder(tmp_path)
    (folder / "x\nfake.txt: stored 000000000000 [en]\ny.txt").write_text(FRENCH, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 0, res.output
    assert not any(line.startswith("fake.txt") for line in res.stdout.splitlines())
    assert "x\\nfake.txt: stored 000000000000 [en]\\ny.txt: stored" in res.stdout


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make reading ``denied`` fail as for a user without permission (root reads anything)."""
    if os.geteuid() != 0:
        denied.chmod(0)
        return
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == str(denied):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_reported(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    sub = folder / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text(FRENCH, encoding="utf-8")
    _deny(monkeypatch, sub)
    try:
        report = ingest_paths(store, [folder])
    finally:
        sub.chmod(0o755)
    assert [o.status for o in report.outcomes] == ["stored", "failed"]
    assert _errors(report) == [f"{sub}: E002 permission denied (cannot read the folder)"]


def test_unreadable_top_folder_is_an_error_not_nothing_to_do(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    _deny(monkeypatch, folder)
    try:
        res = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    finally:
        folder.chmod(0o755)
    assert res.exit_code == 1
    assert f"{folder}: E002 permission denied (cannot read the folder)" in res.stderr
    assert "nothing to do" not in res.stdout


# -- manifests ---------------------------------------------------------------------------------


def _manifest(folder: Path, body: str) -> None:
    (folder / "b.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "SOURCES.csv").write_text("file,title,language\n" + body, encoding="utf-8")


def test_huge_manifest_cell_is_refused_alone(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _manifest(folder, f"a_good.txt,{'x' * 200_000},en\nb.txt,Rapport,fr\n")
    report = ingest_paths(store, [folder])
    assert [e for e in _errors(report)] == [
        f"{folder / 'SOURCES.csv'}: E010 line 2: a cell of 200,000 characters "
        "(limit 131,072), row ignored"
    ]
    assert store.get_document(str(folder / "b.txt")).title == "Rapport"
    assert store.get_document(str(folder / "a_good.txt")).title is None


def test_unclosed_quote_does_not_swallow_the_manifest(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _manifest(folder, 'a_good.txt,"Unclosed title,en\nb.txt,Rapport,fr\n')
    report = ingest_paths(store, [folder])
    assert [e for e in _errors(report)] == [
        f"{folder / 'SOURCES.csv'}: E010 line 2: unclosed quote (a cell cannot span lines), "
        "row ignored"
    ]
    assert store.get_document(str(folder / "b.txt")).title == "Rapport"


@pytest.mark.parametrize("value", ["../../x", "/etc", "en/../../x", "e\x00n", "x" * 40])
def test_manifest_language_that_is_not_a_language_code(
    store: Store, tmp_path: Path, value: str
) -> None:
    folder = _folder(tmp_path)
    _manifest(folder, f"a_good.txt,Title,en\nb.txt,Rapport,{value}\n")
    report = ingest_paths(store, [folder])
    errors = _errors(report)
    assert len(errors) == 1 and "E010 line 3: language" in errors[0]
    assert "is not a language code" in errors[0]
    doc = store.get_document(str(folder / "b.txt"))
    assert doc.lang == "fr" and doc.title == "Rapport"  # the row's other fields still apply


@pytest.mark.parametrize("value", ["../../x", "/etc/passwd", "en_US/.."])
def test_lang_flag_must_be_a_language_code(runner: CliRunner, tmp_path: Path, value: str) -> None:
    folder = _folder(tmp_path)
    res = runner.invoke(
        app, ["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--lang", value]
    )
    assert res.exit_code == 2
    assert "not a language code" in res.output


def test_language_codes_with_regions_are_accepted(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _manifest(folder, "b.txt,Rapport,fr-CA\n")
    assert ingest_paths(store, [folder]).ok


# -- encodings and NUL bytes -------------------------------------------------------------------


def test_latin1_then_utf8_is_refused_as_mixed(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Le café était fermé.\n".encode("latin-1") + FRENCH.encode("utf-8"))
    report = ingest_paths(store, [path])
    assert _errors(report) and "E004 mixed encodings" in _errors(report)[0]
    assert store.count_documents() == 0


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom(store: Store, tmp_path: Path, codec: str) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_bytes(FRENCH.encode(codec))
    report = ingest_paths(store, [plain])
    assert report.ok, _errors(report)
    assert store.get_document(str(plain)).text == FRENCH
    assert store.get_document(str(plain)).encoding == codec


def test_encoding_flag_is_honoured_for_utf16_without_bom(store: Store, tmp_path: Path) -> None:
    text = "Согласно отчёту, погибли 300 человек.\n"  # no NUL bytes at all in UTF-16
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("utf-16-le"))
    report = ingest_paths(store, [path], IngestOptions(encoding="utf-16-le"))
    assert report.ok, _errors(report)
    assert store.get_document(str(path)).text == text


def test_nul_bytes_after_8_kib_are_removed_and_recorded(store: Store, tmp_path: Path) -> None:
    head = ("x" * 79 + "\n") * 110  # 8,800 bytes
    path = tmp_path / "nul.txt"
    path.write_bytes(head.encode() + b"Then 40\x00 people fled.\x00\n")
    report = ingest_paths(store, [path])
    assert report.ok, _errors(report)
    doc = store.get_document(str(path))
    assert "\x00" not in doc.text and doc.text.endswith("Then 40 people fled.\n")
    removed = [r for r in doc.repairs if r.kind == "nul_removed"]
    assert [r.offset for r in removed] == [len(head) + 7, len(head) + 20]


def test_text_made_of_nul_bytes_is_binary(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "nuls.txt"
    path.write_bytes(b"x" * 9000 + b"\x00a" * 2000)
    report = ingest_paths(store, [path])
    assert report.failed and report.failed[0].error is not None
    assert report.failed[0].error.code is Code.BINARY


# -- PDF ---------------------------------------------------------------------------------------


def _encrypted(tmp_path: Path, user_password: str, algorithm: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", ["On 3 May 1931 about 40 people were killed."])
    writer = PdfWriter()
    writer.append(PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / f"enc-{algorithm}-{bool(user_password)}.pdf"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_pdf_with_empty_password_is_read(
    store: Store, tmp_path: Path, algorithm: str
) -> None:
    path = _encrypted(tmp_path, "", algorithm)
    report = ingest_paths(store, [path])
    assert report.ok, _errors(report)
    assert "40 people were killed" in store.get_document(str(path)).text


def test_pdf_with_a_real_password_is_e009(store: Store, tmp_path: Path) -> None:
    path = _encrypted(tmp_path, "secret", "AES-256")
    report = ingest_paths(store, [path])
    assert [o.error.code for o in report.failed if o.error] == [Code.PDF_NO_TEXT]
    assert _errors(report) == [
        f"{path}: E009 encrypted PDF protected by a password: cannot read its text "
        "(decrypt it first)"
    ]


# -- HTML --------------------------------------------------------------------------------------

_STORY = "<p>On 3 May 1931 about 40 people were killed in Norvik, officials said.</p>"


def _html(tmp_path: Path, name: str, body: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(b"<html><head><title>T</title></head><body>" + body + b"</body></html>")
    return path


@pytest.mark.parametrize("depth", [300, 5_000])
def test_deeply_nested_html_keeps_its_text(
    store: Store, tmp_path: Path, depth: int, quick: None
) -> None:
    body = b"<div>" * depth + _STORY.encode() + b"</div>" * depth
    path = _html(tmp_path, "deep.html", body)
    report = ingest_paths(store, [path])
    assert report.ok, _errors(report)
    assert "40 people were killed" in store.get_document(str(path)).text


def test_html_with_a_huge_attribute_keeps_its_text(
    store: Store, tmp_path: Path, quick: None
) -> None:
    body = b'<div data-x="' + b"a" * 10_000_000 + b'">' + _STORY.encode() + b"</div>"
    path = _html(tmp_path, "wide.html", body)
    report = ingest_paths(store, [path], IngestOptions(max_bytes=20_000_000))
    assert report.ok, _errors(report)
    doc = store.get_document(str(path))
    assert "40 people were killed" in doc.text and "aaaa" not in doc.text


def test_html_with_200k_attributes_is_not_quadratic(
    store: Store, tmp_path: Path, quick: None
) -> None:
    attrs = b" ".join(b"a%d=1" % i for i in range(200_000))
    path = _html(tmp_path, "many.html", b"<div " + attrs + b">" + _STORY.encode() + b"</div>")
    report = ingest_paths(store, [path])
    assert report.ok, _errors(report)
    assert "40 people were killed" in store.get_document(str(path)).text
