"""Ingest files and folders into a store, one document per transaction.

A batch never stops on a bad document: each failure becomes an outcome with a one-line error
naming the file, and the batch goes on.  Nothing already stored is rewritten: identical text is
a no-op, changed text at a known path is a new version.
"""

from __future__ import annotations

import fnmatch
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon._words import plural
from rashomon.document import METADATA_FIELDS, Document
from rashomon.errors import Code, IngestError, RashomonError
from rashomon.escape import storable_path, without_nul
from rashomon.ingest.html import extract_html
from rashomon.ingest.langid import detect_passages
from rashomon.ingest.metadata import (
    MANIFEST_NAMES,
    Manifest,
    ManifestRow,
    dateline_date,
    describe_value,
    find_manifest,
    is_language_code,
    load_manifest,
    parse_date,
)
from rashomon.ingest.office import DOCX, ODT, extract_docx, extract_odt
from rashomon.ingest.pdf import extract_pdf
from rashomon.ingest.readers import (
    DEFAULT_MAX_BYTES,
    decode_text,
    is_supported_file,
    read_bytes,
    remove_nuls,
    sniff_media_type,
    unsupported_reason,
)
from rashomon.store import Store


@dataclass(frozen=True, slots=True)
class IngestOptions:
    #: Glob patterns a file's name or relative path must match (default: supported suffixes).
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: A manifest for all files; otherwise SOURCES.tsv / sources.csv beside each file is read.
    manifest: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    #: Metadata given on the command line; it wins over manifests and the documents themselves.
    overrides: Mapping[str, str] = field(default_factory=dict)
    #: Follow symbolic links that lead out of the given folders (never followed otherwise).
    follow_symlinks: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    status: str  # stored | new_version | unchanged | duplicate | failed
    doc_id: str | None = None
    lang: str | None = None
    error: RashomonError | None = None
    detail: str | None = None
    #: "file" for a file of the batch, "manifest" for a problem found in a manifest row.
    about: str = "file"

    def message(self) -> str:
        if self.error is not None:
            return str(self.error)
        short = self.doc_id[:12] if self.doc_id else ""
        text = f"{self.path}: {self.status} {short}"
        if self.lang:
            text += f" [{self.lang}]"
        if self.detail:
            text += f" ({self.detail})"
        return text


@dataclass(slots=True)
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    #: Files a folder walk passed over (path, why): formats rashomon does not read.
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        counts = self.counts
        parts = [
            plural(counts[k], one, many) if one else f"{counts[k]:,} {many}"
            for k, one, many in (
                ("stored", "", "stored"),
                ("new_version", "new version", "new versions"),
                ("unchanged", "", "unchanged"),
                ("duplicate", "duplicate", "duplicates"),
                ("failed", "", "failed"),
            )
            if counts[k]
        ]
        files = sum(1 for o in self.outcomes if o.about == "file")
        text = f"{plural(files, 'file')}: " + (", ".join(parts) if parts else "nothing to do")
        if self.skipped:
            text += f"; {plural(len(self.skipped), 'file')} skipped"
        return text

    def skipped_summary(self, examples: int = 3) -> list[str]:
        """One line per reason: how many files, which (the first few), why."""
        by_reason: dict[str, list[str]] = {}
        for path, reason in self.skipped:
            by_reason.setdefault(reason, []).append(Path(path).name)
        lines = []
        for reason, names in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
            shown = ", ".join(names[:examples]) + (", ..." if len(names) > examples else "")
            lines.append(f"skipped {plural(len(names), 'file')} ({shown}): {reason}")
        return lines


OutcomeCallback = Callable[[Outcome], None]

#: Documents read before their languages are detected and they are stored (see ``flush``).
BATCH_DOCUMENTS = 32
#: ... or fewer, once their texts hold this many characters: memory stays bounded.
BATCH_CHARS = 4_000_000


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_outcome: OutcomeCallback | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively); returns one outcome per file or problem."""
    options = options or IngestOptions()
    report = IngestReport()
    manifests = _ManifestCache(options.manifest)

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    if options.manifest is not None:
        try:
            explicit = manifests.get(options.manifest.parent)
            for problem in explicit.problems if explicit else []:
                record(Outcome(problem.path or "", "failed", error=problem, about="manifest"))
        except IngestError as exc:
            record(Outcome(str(options.manifest), "failed", error=exc))
            return report
    pending: list[tuple[Path, Document, ManifestRow | None]] = []

    def flush() -> None:
        # Describe the whole batch, then store it: the language detector reads its 20 MB of
        # tables byte by byte, and between two documents the store's work pushed them out of
        # the processor's cache; in a row they stay in it (a quarter of the ingest's CPU).
        # Each document is still stored in its own transaction, in the order found.
        described: list[tuple[Path, Document | RashomonError]] = []
        for item, doc, row in pending:
            try:
                described.append((item, describe(doc, options, row)))
            except RashomonError as exc:
                described.append((item, exc))
        pending.clear()
        for item, ready in described:
            try:
                if isinstance(ready, RashomonError):
                    raise ready
                outcome = store_document(store, ready, storable_path(item))
            except RashomonError as exc:
                if exc.code is Code.DISK_FULL:
                    raise  # every later file would fail the same way: stop here
                record(Outcome(storable_path(item), "failed", error=exc))
                continue
            record(outcome)

    for item in iter_sources(paths, options, report.skipped):
        if isinstance(item, IngestError):
            flush()
            record(Outcome(item.path or "", "failed", error=item))
            continue
        try:
            manifest = manifests.get(item.parent)
            for problem in manifests.take_problems(manifest):
                record(Outcome(problem.path or "", "failed", error=problem, about="manifest"))
            doc = read_document(item, options)
            if store.latest_id(doc.path) == doc.id:
                # Re-running over the same files: nothing to describe, nothing to store.
                flush()
                record(Outcome(storable_path(item), "unchanged", doc.id, detail="already stored"))
                continue
            row = manifest.rows.get(item.resolve()) if manifest else None
        except RashomonError as exc:
            flush()
            record(Outcome(storable_path(item), "failed", error=exc))
            continue
        pending.append((item, doc, row))
        held = sum(len(d.text) for _, d, _ in pending)
        if len(pending) >= BATCH_DOCUMENTS or held >= BATCH_CHARS:
            flush()
    flush()
    return report


def store_document(store: Store, doc: Document, shown: str | None = None) -> Outcome:
    """Store one described document and say what that did (``shown`` names it)."""
    result = store.add_document(doc)
    detail = None
    if result.status == "duplicate":
        detail = f"same text as {result.existing_path}" if result.existing_path else None
    elif result.status == "unchanged":
        detail = "already stored"
    elif result.status == "new_version":
        detail = f"version {result.version}"
    return Outcome(shown or doc.path, result.status, result.doc_id, doc.lang, detail=detail)


def read_documents(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[Document | RashomonError]:
    """Files and folders read into Documents with their manifests' metadata, without storing
    them (``rashomon extract FILE``, ``rashomon eval``); a bad file comes back as its error."""
    options = options or IngestOptions()
    manifests = _ManifestCache(options.manifest)
    for item in iter_sources(paths, options):
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            manifest = manifests.get(item.parent)
            row = manifest.rows.get(item.resolve()) if manifest else None
            yield load_document(item, options, row)
        except RashomonError as exc:
            yield exc


def iter_sources(
    paths: Iterable[str | Path],
    options: IngestOptions,
    skipped: list[tuple[str, str]] | None = None,
) -> Iterator[Path | IngestError]:
    """Files to ingest, in a stable order; missing paths come back as errors, not exceptions.

    Files a folder walk passes over because rashomon does not read their format are appended
    to ``skipped`` with the reason, so a summary can say what was left out and why.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, options, skipped)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield IngestError(Code.NOT_FOUND, "no such file or folder", storable_path(given))


def _walk(
    root: Path, options: IngestOptions, skipped: list[tuple[str, str]] | None = None
) -> Iterator[Path | IngestError]:
    """Files under ``root``; folders that cannot be read and links leading out of ``root``
    (unless ``follow_symlinks``) come back as errors in their place."""
    found: list[tuple[Path, IngestError | None]] = []
    inside = _Inside(root)
    seen: set[Path] = set()

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        if isinstance(exc, PermissionError):
            message = "permission denied (cannot read the folder)"
            found.append((where, IngestError(Code.PERMISSION, message, storable_path(where))))
        else:
            message = f"cannot read the folder: {exc.strerror or exc}"
            found.append((where, IngestError(Code.READ_FAILED, message, storable_path(where))))

    follow = options.follow_symlinks
    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=follow):
        here = Path(folder)
        if follow:
            # Links can make a cycle ("loop -> .."): each real folder is read once.
            real = here.resolve()
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
        # Hidden folders hold VCS data and caches, never sources.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in list(dirs):
            if not follow and (here / name).is_symlink() and not inside(here / name):
                found.append((here / name, _outside(here / name, "folder")))
        for name in files:
            if name.startswith(".") or name in MANIFEST_NAMES:
                continue
            path = here / name
            rel = path.relative_to(root).as_posix()
            if options.include:
                if not any(_match(name, rel, p) for p in options.include):
                    continue
            elif not is_supported_file(path):
                if skipped is not None and not any(_match(name, rel, p) for p in options.exclude):
                    skipped.append((storable_path(path), unsupported_reason(path)))
                continue
            if any(_match(name, rel, p) for p in options.exclude):
                continue
            if not follow and path.is_symlink() and not inside(path):
                found.append((path, _outside(path, "file")))
                continue
            found.append((path, None))
    if skipped is not None:
        skipped.sort()
    for path, error in sorted(found, key=lambda item: item[0]):
        yield error or path


class _Inside:
    """Whether a link's target lies inside the folder being walked."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def __call__(self, link: Path) -> bool:
        try:
            target = link.resolve()
        except (OSError, RuntimeError):  # a loop of links
            return False
        return target == self.root or self.root in target.parents


def _outside(link: Path, kind: str) -> IngestError:
    return IngestError(
        Code.UNSUPPORTED,
        f"symbolic link to a {kind} outside the folder, not followed (pass --follow-symlinks)",
        storable_path(link),
    )


def _match(name: str, rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, pattern)


class _ManifestCache:
    """Manifests by folder, read once; their problems are reported once."""

    def __init__(self, explicit: Path | None) -> None:
        self.explicit = explicit
        self.by_folder: dict[Path, Manifest | None] = {}
        self.reported: set[Path] = set()
        # Folders as given, so the next file of a folder does not resolve its path again.
        self.seen: dict[Path, Manifest | None] = {}

    def get(self, folder: Path) -> Manifest | None:
        if folder not in self.seen:
            self.seen[folder] = self._get(folder)
        return self.seen[folder]

    def _get(self, folder: Path) -> Manifest | None:
        if self.explicit is not None:
            key = self.explicit.resolve()
            if key not in self.by_folder:
                self.by_folder[key] = load_manifest(self.explicit)
                self.reported.add(key)
            return self.by_folder[key]
        key = folder.resolve()
        if key not in self.by_folder:
            found = find_manifest(folder)
            self.by_folder[key] = load_manifest(found) if found else None
        return self.by_folder[key]

    def take_problems(self, manifest: Manifest | None) -> list[IngestError]:
        if manifest is None or manifest.path.resolve() in self.reported:
            return []
        self.reported.add(manifest.path.resolve())
        return manifest.problems


def load_document(
    path: Path, options: IngestOptions | None = None, row: ManifestRow | None = None
) -> Document:
    """Read one file into a Document with its metadata; raises IngestError on bad input."""
    options = options or IngestOptions()
    return describe(read_document(path, options), options, row)


def read_document(path: Path, options: IngestOptions) -> Document:
    """A file's stored text, raw bytes and the metadata its format carries (cheap: no language
    detection yet, so an unchanged file is recognised before the expensive work)."""
    shown = storable_path(path)
    data = read_bytes(path, options.max_bytes)
    if not data.strip():
        raise IngestError(Code.EMPTY, "empty file", shown)
    media_type = sniff_media_type(path, data)
    doc: Document
    if media_type == "application/pdf":
        pdf = extract_pdf(data, shown)
        doc = Document(
            text=pdf.text, path=shown, media_type=media_type, raw=data, repairs=pdf.repairs
        )
        _set(doc, "title", pdf.title, "pdf")
        _set(doc, "author", pdf.author, "pdf")
        _created(doc, pdf.created, "pdf")
        doc.extra["pages"] = pdf.pages
        if pdf.furniture:
            doc.extra["furniture"] = pdf.furniture
    elif media_type in (DOCX, ODT):
        office = (extract_docx if media_type == DOCX else extract_odt)(data, shown)
        doc = Document(text=office.text, path=shown, media_type=media_type, raw=data)
        source = "docx" if media_type == DOCX else "odt"
        _set(doc, "title", office.title, source)
        _set(doc, "author", office.author, source)
        _created(doc, office.created, source)
        if office.structure:
            doc.extra["structure"] = office.structure
    elif media_type == "text/html":
        page = extract_html(data, shown)
        doc = Document(text=page.text, path=shown, media_type=media_type, raw=data)
        for name, value in (
            ("title", page.title),
            ("author", page.author),
            ("site", page.site),
            ("url", page.url),
        ):
            _set(doc, name, value, "html")
        _set_date(doc, page.date, "html")
        if page.reason is not None:
            doc.extra["html_extraction"] = f"plain text: {page.reason} (the parser would stall)"
        elif page.extraction == "fallback":
            doc.extra["html_extraction"] = "fallback: whole page text, no main content found"
    else:
        text, encoding = decode_text(data, shown, options.encoding)
        doc = Document(text=text, path=shown, media_type="text/plain", encoding=encoding)
    # Offsets into PDF and office text are already recorded (pages, structure): a NUL becomes
    # a space there; elsewhere it is removed.  Either way each one is a recorded repair.
    keeps_offsets = media_type in ("application/pdf", DOCX, ODT)
    doc.text, removed = remove_nuls(doc.text, shown, " " if keeps_offsets else "")
    doc.repairs.extend(removed)
    if not doc.text.strip():
        raise IngestError(Code.EMPTY, "empty document: no text", shown)
    return doc


def describe(
    doc: Document,
    options: IngestOptions,
    row: ManifestRow | None = None,
    source: str = "manifest",
) -> Document:
    """Language, dateline, manifest row and command-line metadata, in order of precedence
    (``source`` names where the row comes from in ``provenance``: a manifest, a table)."""
    shown = doc.path
    lang, confidence, spans = detect_passages(doc.text)
    doc.lang, doc.lang_confidence, doc.lang_spans = lang, confidence, spans
    if lang:
        doc.provenance["lang"] = "detected"
    if doc.date is None:
        _set_date(doc, dateline_date(doc.text, lang), "dateline")
    if doc.date is None and "created" in doc.extra:
        # When the file was made is not when the text was published; it is the best date
        # known only when neither the document nor a manifest or flag says more.
        _set_date(doc, doc.extra["created"]["date"], f"{doc.extra['created']['from']}-created")

    if row is not None:
        for name in METADATA_FIELDS:
            value = row.fields.get(name)
            if name == "date":
                if value:
                    doc.date_text = value
                    doc.date = parse_date(value)
                    doc.provenance["date"] = source
            elif value:
                setattr(doc, name, value)
                doc.provenance[name] = source
        doc.extra.update(row.extra)
        doc.extra.update({f"{k}_note": v for k, v in row.notes.items()})
    for name, value in options.overrides.items():
        if name not in METADATA_FIELDS:
            raise IngestError(Code.BAD_ARGUMENT, f"unknown metadata field {name!r}", shown)
        if name == "lang" and not is_language_code(value):
            raise IngestError(Code.BAD_ARGUMENT, f"--lang {describe_value(value)}", shown)
        if name == "date":
            parsed = parse_date(value)
            if parsed is None:
                raise IngestError(
                    Code.BAD_ARGUMENT, f"--date {value!r} is not YYYY[-MM[-DD]]", shown
                )
            doc.date, doc.date_text = parsed, value
        else:
            setattr(doc, name, value)
        doc.provenance[name] = "flag"
    if lang and doc.lang != lang:
        # Keep the detector's view when someone else's label wins: a disagreement is worth
        # a look (wrong manifest row, or a detector error).
        doc.extra["detected_lang"] = lang
    _sanitise(doc)
    return doc


def _sanitise(doc: Document) -> None:
    """Metadata without NUL characters, which PostgreSQL refuses (the text has none left)."""
    for name in (*METADATA_FIELDS, "date_text", "site"):
        value = getattr(doc, name, None)
        if isinstance(value, str):
            setattr(doc, name, without_nul(value))
    doc.extra = _clean_json(doc.extra)


def _clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return without_nul(value)
    if isinstance(value, dict):
        return {without_nul(str(k)): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_json(v) for v in value]
    return value


def _set(doc: Document, name: str, value: str | None, source: str) -> None:
    if value:
        setattr(doc, name, value)
        doc.provenance[name] = source


def _created(doc: Document, value: str | None, source: str) -> None:
    if value:
        doc.extra["created"] = {"date": value, "from": source}


def _set_date(doc: Document, value: str | None, source: str) -> None:
    parsed = parse_date(value)
    if parsed:
        doc.date, doc.date_text = parsed, value
        doc.provenance["date"] = source
