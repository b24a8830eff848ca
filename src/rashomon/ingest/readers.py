"""Read a file's bytes safely and turn plain-text bytes into stored text.

The stored text must be the file's text exactly, with only newlines normalised, because every
offset in rashomon points into it and anyone must be able to re-read a quote in the original.
So decoding never "cleans" anything: no Unicode normalisation, no whitespace collapsing.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from rashomon.document import Repair
from rashomon.errors import Code, IngestError
from rashomon.escape import storable_path

#: Default size limit for one file. Large enough for a book-length PDF, small enough that a
#: stray disk image in a folder does not exhaust memory.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1 << 20

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".rst"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
PDF_SUFFIXES = frozenset({".pdf"})
OFFICE_SUFFIXES = frozenset({".docx", ".odt"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | OFFICE_SUFFIXES

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class RawFile:
    path: str
    data: bytes
    media_type: str


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file in chunks, stopping as soon as it exceeds ``max_bytes``.

    Streaming matters: ``stat`` can lie (pipes, growing files), so the limit is enforced on what
    is actually read, and a huge file never gets loaded whole.
    """
    shown = storable_path(path)
    try:
        if path.is_dir():
            raise IngestError(Code.UNSUPPORTED, "is a directory", shown)
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(Code.TOO_LARGE, _too_large(size, max_bytes), shown)
        chunks: list[bytes] = []
        total = 0
        with _open_regular(path, shown) as handle:
            while chunk := handle.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise IngestError(
                        Code.TOO_LARGE, _too_large(total, max_bytes, "at least "), shown
                    )
                chunks.append(chunk)
    except FileNotFoundError:
        raise IngestError(Code.NOT_FOUND, "no such file", shown) from None
    except PermissionError:
        raise IngestError(
            Code.PERMISSION, "permission denied (cannot read the file)", shown
        ) from None
    except IsADirectoryError:
        raise IngestError(Code.UNSUPPORTED, "is a directory", shown) from None
    except OSError as exc:
        raise IngestError(Code.READ_FAILED, f"cannot read: {exc.strerror or exc}", shown) from None
    return b"".join(chunks)


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _open_regular(path: Path, shown: str) -> BinaryIO:
    """Open a regular file for reading; refuse FIFOs, devices and sockets.

    The file is opened without blocking and checked on the open descriptor: opening a FIFO
    for reading would otherwise wait for a writer forever, and a device never ends.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise IngestError(Code.UNSUPPORTED, f"not a regular file ({kind}), skipped", shown)
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    # From here the file object owns the descriptor and closes it when it goes, also when a
    # Ctrl-C lands just after it is made: closing it here too failed with EBADF, and that
    # error replaced the interruption (the run ended as a file that could not be read, E016).
    return os.fdopen(fd, "rb")


def _too_large(size: int, limit: int, prefix: str = "") -> str:
    return (
        f"file too large: {prefix}{size:,} bytes, limit {limit:,} bytes (raise it with --max-bytes)"
    )


def sniff_media_type(path: Path, data: bytes) -> str:
    """Decide how to read a file: by content first for PDF, then by suffix, then by content.

    Content wins for PDFs because a mislabelled PDF decoded as text would be stored as garbage.
    """
    from rashomon.ingest.office import DOCX, ODT, office_kind

    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "application/pdf"
    office = office_kind(data)
    if office is not None:
        return office
    # Named so but not a readable archive: the office reader says why (password, old .doc).
    if suffix in (".docx", ".doc"):
        return DOCX
    if suffix == ".odt":
        return ODT
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "text/html"
    return "text/plain"


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean binary, unless a UTF-16/32 BOM explains them."""
    if any(data.startswith(bom) for bom, _ in _BOMS if bom != codecs.BOM_UTF8):
        return False
    return b"\x00" in data[:8192]


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes, so offsets stay exact."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode plain-text bytes; returns (text with newlines normalised, encoding used).

    Order: an explicit ``encoding``; a BOM; UTF-16/32 without a BOM when the NUL bytes of the
    first 8 KiB say so unambiguously (otherwise they mean a binary file); strict UTF-8 (most
    files today, and a mis-guess would silently corrupt them); charset-normalizer's best guess
    for legacy encodings.  Bytes that mix UTF-8 with another encoding are refused rather than
    guessed: a single-byte guess would turn every non-ASCII character of the UTF-8 part into
    mojibake.  NUL characters past the first 8 KiB stay in the text: ``remove_nuls`` takes
    them out and records where.
    """
    if encoding:
        try:
            return normalise_newlines(data.decode(encoding)), encoding
        except LookupError:
            raise IngestError(Code.BAD_ARGUMENT, f"unknown encoding {encoding!r}", path) from None
        except UnicodeDecodeError as exc:
            raise IngestError(
                Code.UNDECODABLE, f"not valid {encoding} at byte {exc.start}", path
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise IngestError(
                    Code.UNDECODABLE,
                    f"has a {name} byte-order mark but invalid bytes at {exc.start}",
                    path,
                ) from None
    if b"\x00" in data[:8192]:
        found = _unicode_without_bom(data)
        if found is None:
            raise IngestError(Code.BINARY, "binary file (NUL bytes), not text, HTML or PDF", path)
        return normalise_newlines(found[0]), found[1]
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    mixed = _mixed_lines(data)
    if _has_utf8_multibyte(data[:first_bad]) or mixed:
        where = mixed or f"valid UTF-8 up to byte {first_bad}, then invalid bytes"
        raise IngestError(
            Code.UNDECODABLE,
            f"mixed encodings: {where}; convert the file to one encoding or pass --encoding",
            path,
        )
    best = _best_legacy_decoding(data)
    if best is None:
        raise IngestError(
            Code.UNDECODABLE,
            f"cannot detect the text encoding (invalid UTF-8 at byte {first_bad}); pass --encoding",
            path,
        )
    text, name = best
    if _control_ratio(text) > 0.01:
        raise IngestError(Code.BINARY, "binary file (control characters), not text", path)
    return normalise_newlines(text), name


#: (codec, bytes per unit, positions inside a unit that hold the high bytes)
_WIDE: tuple[tuple[str, int, tuple[int, ...]], ...] = (
    ("utf-32-le", 4, (3, 2)),
    ("utf-32-be", 4, (0, 1)),
    ("utf-16-le", 2, (1,)),
    ("utf-16-be", 2, (0,)),
)


def _unicode_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 text without a byte-order mark, when its shape leaves no doubt.

    In such text the high byte of each unit takes very few, small values (a script's block:
    00 for Latin and spaces, 04 for Cyrillic) while the low byte varies; UTF-32 adds a zero
    byte per unit.  Binary data does not look like that, and the text must then decode
    strictly and hold almost no control characters.
    """
    for name, width, high in _WIDE:
        if len(data) % width:
            continue
        sample = data[: (1 << 16) // width * width]
        units = len(sample) // width
        if units < 4:
            continue
        tops = sample[high[0] :: width]
        if width == 4 and (tops.count(0) != units or max(sample[high[1] :: width]) > 0x10):
            continue
        if width == 2:
            common = Counter(tops).most_common(3)
            if sum(n for _, n in common) < 0.95 * units or max(v for v, _ in common) >= 0x30:
                continue
            lows = sample[1 - high[0] :: 2]
            if lows.count(0) > 0.05 * units or len(set(lows)) < 8:
                continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text.replace("\x00", "")) <= 0.01:
            return text, name
    return None


def _mixed_lines(data: bytes) -> str | None:
    """Where a file mixes UTF-8 lines with lines in another encoding, else None.

    A line of a single-byte code page is almost never valid UTF-8 once it holds two accented
    letters, so a file with both kinds of lines was pieced together from two encodings.
    """
    utf8 = other = None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if max(line, default=0) < 0x80:
            continue
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            other = other or number
        else:
            if sum(1 for ch in decoded if ord(ch) > 0x7F) >= 2:
                utf8 = utf8 or number
        if utf8 and other:
            return f"line {utf8} is UTF-8, line {other} is not"
    return None


#: NUL characters past the first 8 KiB are removed when they are this rare; more mean a
#: binary file.
MAX_NUL_SHARE = 0.001


def remove_nuls(text: str, path: str, replacement: str = "") -> tuple[str, list[Repair]]:
    """Text without NUL characters, and one repair per NUL with its offset in the new text.

    ``replacement`` " " keeps every offset (PDF pages, office structure spans) unchanged.
    """
    count = text.count("\x00")
    if not count:
        return text, []
    if count > max(16, MAX_NUL_SHARE * len(text)):
        raise IngestError(
            Code.BINARY, f"binary file ({count:,} NUL characters), not text, HTML or PDF", path
        )
    kind = "nul_removed" if not replacement else "nul_replaced"
    parts = text.split("\x00")
    repairs = []
    offset = 0
    for part in parts[:-1]:
        offset += len(part)
        repairs.append(Repair(kind, "\x00", replacement, offset))
        offset += len(replacement)
    return replacement.join(parts), repairs


# Symbols wedged between letters ("zgin\u00ea\u00b3o") and upper-case letters inside lower-case
# words ("\u0440\u041f \u0414\u0411\u041e\u041e") are the marks of a wrong code page.
_LETTER = r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff]"
_ODDITY = re.compile(
    rf"(?<={_LETTER})[\u00a1-\u00bf\u00d7\u00f7]+(?={_LETTER})"
    r"|(?<=[a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u044f])[A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f]"
)
# Ties between code pages that decode equally cleanly go to the more widespread one.
_PREVALENCE = ("cp1252", "latin_1", "cp1251", "koi8_r", "cp1250", "iso8859_15", "iso8859_2")


def _best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's candidates, re-ranked for short texts.

    On a few hundred bytes several single-byte code pages decode without "chaos"
    (French latin-1 read as cp1250 turns "\u00e0" into "\u0155"), and charset-normalizer's own
    order can pick the wrong one.  The candidate wins whose decoded text has no symbols wedged
    inside words and whose guessed language agrees with py3langid's; then the usual order.
    """
    from rashomon.ingest.langid import detect, language_name

    matches = [m for m in from_bytes(data) if m.encoding and m.chaos <= 0.3]
    if not matches:
        return None
    floor = min(m.chaos for m in matches)
    ranked = []
    for m in matches:
        if m.chaos > floor + 0.05:
            continue
        text = str(m)
        lang, _ = detect(text)
        agrees = lang is not None and language_name(lang) == m.language
        prevalence = _PREVALENCE.index(m.encoding) if m.encoding in _PREVALENCE else 99
        key = (len(_ODDITY.findall(text)), not agrees, m.chaos, -m.coherence, prevalence)
        ranked.append((key, text, m.encoding))
    _, text, name = min(ranked)
    return text, name


def _has_utf8_multibyte(prefix: bytes) -> bool:
    """True when the valid prefix already used UTF-8 multi-byte sequences."""
    return any(b >= 0xC2 for b in prefix) and _decodes(prefix)


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A prefix may end inside a multi-byte sequence; that is not evidence against UTF-8.
        return exc.start >= len(data) - 3
    return True


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls / len(sample)


def is_supported_file(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


_IMAGE = "an image: no text to read (run OCR on it and ingest the text)"
_MEDIA = "audio or video: no text to read"
_SHEET = "a spreadsheet or data file, not a text"
_ARCHIVE = "an archive: unpack it and ingest the folder"
#: Why a folder walk passes over a file, by suffix.
_UNSUPPORTED = {
    ".doc": "an old binary Word file: save it as .docx or .odt",
    ".rtf": "RTF: save it as .docx or .odt",
    ".pages": "an Apple Pages file: export it as .docx or PDF",
    ".epub": "an e-book: not read yet",
    **dict.fromkeys(
        (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".webp", ".bmp", ".svg", ".heic"),
        _IMAGE,
    ),
    **dict.fromkeys((".mp3", ".wav", ".ogg", ".m4a", ".mp4", ".mov", ".avi", ".mkv"), _MEDIA),
    **dict.fromkeys(
        (".xls", ".xlsx", ".ods", ".csv", ".tsv", ".json", ".jsonl", ".xml", ".db", ".sqlite"),
        _SHEET,
    ),
    **dict.fromkeys((".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz"), _ARCHIVE),
    **dict.fromkeys((".ppt", ".pptx", ".odp", ".key"), "a presentation: not read"),
}


def unsupported_reason(path: Path) -> str:
    """Why a file found in a folder is not ingested, in a user's words."""
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        return _UNSUPPORTED[suffix]
    if not suffix:
        return "no file-name suffix (.txt, .html, .pdf, .docx, .odt...): give it by name to read it"
    return f"{suffix} is not a format rashomon reads (give it by name to try it as text)"


def file_size(path: Path) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None
