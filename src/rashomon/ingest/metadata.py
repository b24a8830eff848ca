"""Document metadata from manifests and from datelines at the top of a text.

Precedence (DESIGN.md section 2): CLI flags, then a manifest, then the document itself (HTML
or PDF metadata, a dateline), else unknown.  An unknown date stays None: it anchors relative
times ("107 years ago"), so a guessed date would silently shift every derived date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names

from rashomon.errors import Code, IngestError
from rashomon.escape import for_terminal, storable_path
from rashomon.extract._dateline import first_dateline

#: File names read automatically when they sit beside ingested files.
MANIFEST_NAMES = ("SOURCES.tsv", "sources.tsv", "SOURCES.csv", "sources.csv")

#: Manifest column names (lower-cased) accepted for each field, most specific first.  The long
#: names are those of the project's shared corpus manifest; the short ones what people type.
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "file": ("file", "filename", "path", "document"),
    "url": ("url", "source_url", "source_url_or_repo_path", "link", "address"),
    "publisher": ("publisher", "publisher_or_author_if_known", "outlet", "source", "site"),
    "author": ("author", "authors", "byline"),
    "date": ("date", "publication_date", "publication_date_if_known", "published"),
    "lang": ("lang", "language"),
    "title": ("title", "headline"),
}

_UNKNOWN = re.compile(r"^\s*(?:unknown|n/?a|none|null|-+|\?+)?\s*(?:\(.*\))?\s*$", re.I)
_UNKNOWN_PREFIX = re.compile(r"^\s*unknown\b", re.I)
# An ISO date, possibly partial, at the start of a value; a following digit range
# ("2022–2023") makes it ambiguous, so it is not taken.
_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?![\d])(?!\s*[-–—/]\s*\d)")


@dataclass(slots=True)
class ManifestRow:
    manifest: str
    line: int
    file: str
    fields: dict[str, str | None] = field(default_factory=dict)
    #: The raw value of a field rashomon read as unknown ("unknown (snapshot)"), kept verbatim.
    notes: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Manifest:
    path: Path
    rows: dict[Path, ManifestRow]
    #: One-line problems (missing files, bad rows), reported as failures by the batch.
    problems: list[IngestError]


#: Longest manifest cell, in characters (the csv module's own field limit).
MAX_CELL = 131_072
# BCP 47 shapes: "fr", "fra", "fr-CA", "zh-Hant-TW" (an underscore is tolerated).
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}")


def is_unknown(value: str) -> bool:
    """A value that says the field is unknown ("unknown (snapshot)", "n/a", "-"): kept
    verbatim as a note, never taken as the value."""
    return bool(_UNKNOWN.match(value) or _UNKNOWN_PREFIX.match(value))


def is_language_code(value: str) -> bool:
    """Whether ``value`` has the shape of a language code (never a path or free text)."""
    return _LANGUAGE_CODE.fullmatch(value) is not None


def describe_value(value: str) -> str:
    """A refused language value, quoted, escaped and cut short, with what was expected."""
    shown = for_terminal(value[:40]) + ("..." if len(value) > 40 else "")
    return f"'{shown}' is not a language code (such as en, fr or pt-BR), ignored"


def _cells(line: str, delimiter: str) -> tuple[list[str] | None, str]:
    """The cells of one manifest line, or None and what is wrong with it."""
    longest = max((len(part) for part in line.split(delimiter)), default=0)
    if longest > MAX_CELL:
        return None, f"a cell of {longest:,} characters (limit {MAX_CELL:,}), row ignored"
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True), []), ""
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return None, "unclosed quote (a cell cannot span lines), row ignored"
        return None, f"malformed row ({exc}), row ignored"


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from the start of a value, else None."""
    if not value:
        return None
    match = _ISO_PREFIX.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12:
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    return "-".join(part for part in (year, month, day) if part)


def load_manifest(path: Path) -> Manifest:
    """Read a CSV/TSV manifest; bad rows and rows naming missing files are reported, not fatal.

    One row per line: a quoted cell cannot span lines, so an unclosed quote costs its own row
    instead of swallowing the rest of the file, and a cell longer than ``MAX_CELL`` is refused.
    """
    shown = storable_path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise IngestError(Code.MANIFEST, "manifest not found", shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(Code.MANIFEST, f"cannot read manifest: {exc}", shown) from None
    lines = raw.splitlines()
    if not lines:
        raise IngestError(Code.MANIFEST, "empty manifest", shown)
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in lines[0] else ","
    header_cells, problem = _cells(lines[0], delimiter)
    if header_cells is None:
        raise IngestError(Code.MANIFEST, f"line 1: {problem}", shown)
    header = [h.strip().lower() for h in header_cells]
    columns = _map_columns(header)
    if "file" not in columns:
        raise IngestError(
            Code.MANIFEST,
            f"no file column (expected one of: {', '.join(COLUMN_ALIASES['file'])})",
            shown,
        )
    rows: dict[Path, ManifestRow] = {}
    problems: list[IngestError] = []
    base = path.parent
    for line_no, line in enumerate(lines[1:], start=2):
        parsed, problem = _cells(line, delimiter)
        if parsed is None:
            problems.append(IngestError(Code.MANIFEST, f"line {line_no}: {problem}", shown))
            continue
        cells = parsed
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            problems.append(
                IngestError(
                    Code.MANIFEST,
                    f"line {line_no}: {len(cells)} cells for {len(header)} columns",
                    shown,
                )
            )
            continue
        cells = cells + [""] * (len(header) - len(cells))
        name = cells[columns["file"]].strip()
        row = ManifestRow(manifest=shown, line=line_no, file=name)
        used = set(columns.values())
        for fname, index in columns.items():
            if fname == "file":
                continue
            value = cells[index].strip()
            if is_unknown(value):
                row.fields[fname] = None
                if value:
                    row.notes[fname] = value
            elif fname == "lang" and not is_language_code(value):
                problems.append(
                    IngestError(
                        Code.MANIFEST, f"line {line_no}: language {describe_value(value)}", shown
                    )
                )
                row.fields[fname] = None
            else:
                row.fields[fname] = value
        for index, column in enumerate(header):
            if index not in used and cells[index].strip():
                row.extra[column] = cells[index].strip()
        target = (base / name).resolve()
        if not target.is_file():
            problems.append(
                IngestError(
                    Code.MANIFEST, f"line {line_no}: names {name!r}, which does not exist", shown
                )
            )
            continue
        rows[target] = row
    return Manifest(path=path, rows=rows, problems=problems)


def _map_columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for fname, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in header and header.index(alias) not in columns.values():
                columns[fname] = header.index(alias)
                break
    return columns


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


# --- datelines ---------------------------------------------------------------------------

_ISO_IN_LINE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MAX_DATELINE = 120


@cache
def _month_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """Month names for a dateline, from CLDR (Babel) for the language plus English."""
    names: dict[str, int] = {}
    for code in dict.fromkeys((lang, "en")):
        try:
            locale = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names[name.casefold().rstrip(".")] = int(number)
    alternation = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    day = r"(?P<d{n}>\d{{1,2}})"
    # Two-digit years only where wire copy writes them: right before the agency or the dash.
    year = r"(?P<y{n}>\d{{4}}|\d{{2}}(?=\s*(?:\(|\.?-{{1,2}}|[—–]|$)))"
    month = rf"(?P<m{{n}}>{alternation})\.?"
    pattern = (
        rf"{month.format(n=1)}\s+{day.format(n=1)},?\s+{year.format(n=1)}"
        rf"|{day.format(n=2)}\.?\s+(?:de\s+)?{month.format(n=2)}\s+(?:de\s+)?{year.format(n=2)}"
    )
    return re.compile(pattern, re.I), names


def dateline_date(text: str, lang: str | None) -> str | None:
    """The publication date from a dateline on the first non-empty line, if it has one.

    Only a short first line counts, and only an ISO date or a "CITY, Month D, YYYY —" style
    line: a narrative first sentence ("On 15 September 1918 troops entered ...") carries the
    event's date, not the publication's, and must not be taken for it.  Wire copy that runs
    its story on from the dateline ("QUITO, 12 MAR 87 (EFE) -- [TEXT] ...") counts by its
    dateline alone, whose two-digit year reads as ``strptime``'s ``%y`` does (69-99: 1900s).
    """
    first = next((line for line in text.split("\n", 20)[:20] if line.strip()), "")
    wire = first_dateline(first, lang or "en")
    if wire is not None:
        first = first[: wire[1]]
    if len(first) > _MAX_DATELINE:
        return None
    iso = _ISO_IN_LINE.search(first)
    if iso:
        return parse_date(iso.group(0))
    if wire is None:
        return None  # "In Baku, 15 September 1918 - ..." opens a narrative
    pattern, names = _month_pattern(lang or "en")
    match = pattern.search(first)
    if not match:
        return None
    n = "1" if match.group("m1") else "2"
    month = names[match.group(f"m{n}").casefold().rstrip(".")]
    day = int(match.group(f"d{n}"))
    if not 1 <= day <= 31:
        return None
    year = match.group(f"y{n}")
    if len(year) == 2:
        year = f"{19 if int(year) >= 69 else 20}{year}"
    return f"{year}-{month:02d}-{day:02d}"
