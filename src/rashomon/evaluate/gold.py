"""Load and validate gold answer keys (the JSONL format of ``shared/gold/README.md``).

A gold file holds one JSON object per line, of five kinds: ``figure`` (with an optional
``status``), ``not_figure``, ``consistency``, ``event`` and ``estimate``.  :func:`load_gold`
parses any number of files into one :class:`GoldSet` and refuses malformed lines with a
:class:`GoldFormatError` (a ``ValueError``) naming ``file:line``, because a silently skipped
gold line would quietly change every score.

Structural problems (a missing key, a wrong type, a span whose length differs from its anchor, an
event naming a figure that does not exist) are errors.  Oddities that do not stop scoring (a
measure outside the README vocabulary, a time window that does not contain its own interval) are
collected in :attr:`GoldSet.warnings` so a gold author can see them without blocking the suite.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

MEASURES = frozenset(
    {
        "killed",
        "injured",
        "displaced",
        "missing",
        "detained",
        "returned",
        "population",
        "combatants",
        "destroyed",
        "victims",
    }
)
QUALIFIERS = frozenset(
    {
        "exact",
        "approx",
        "more_than",
        "at_least",
        "less_than",
        "at_most",
        "range",
        "vague",
    }
)
CONSISTENCY_TYPES = frozenset({"parts_vs_total", "overlapping_parts", "above_population"})
#: A figure's stance in its document (gold README, "Status and estimates"); absent = asserted.
STATUSES = ("asserted", "superseded", "rejected", "unconfirmed")

AliasSets = tuple[tuple[str, ...], ...]
FigureKey = tuple[str, str, int]  # (doc, anchor, start): how event records name a figure


class GoldFormatError(ValueError):
    """A gold line that cannot be used; ``str()`` starts with ``file:line``."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class GoldTime:
    """The period a figure refers to, and the window a predicted interval must fall inside."""

    start: date
    end: date
    within: tuple[date, date]


@dataclass(frozen=True)
class GoldFigure:
    doc: str
    anchor: str
    start: int
    end: int
    measure: tuple[str, ...]
    low: int | None
    low_in: tuple[int, int] | None  # replaces ``low`` for vague quantities
    high: int | None
    qualifier: str
    qualifier_ok: tuple[str, ...]
    places: AliasSets | None
    time: GoldTime | None
    #: None: not stated (not scored); ``()``: the document names nobody in that role.
    victims: AliasSets | None
    perpetrators: AliasSets | None
    attributed_to: tuple[str, ...] | None  # None: the document's own voice
    note: str
    where: str  # "file:line", for error messages and error listings
    status: str = "asserted"
    status_by: tuple[str, ...] = ()

    @property
    def key(self) -> FigureKey:
        return (self.doc, self.anchor, self.start)


@dataclass(frozen=True)
class GoldNotFigure:
    doc: str
    anchor: str
    start: int
    end: int
    note: str
    where: str


@dataclass(frozen=True)
class GoldConsistency:
    """An internal inconsistency of one document.

    ``anchors`` maps each anchor-naming key of the record (``total_anchor``, ``part_anchors``,
    ``anchors``...) to the anchor texts it names; other keys (``place``, ``parts_sum``) are kept
    in ``extra``.
    """

    doc: str
    type: str
    anchors: Mapping[str, tuple[str, ...]]
    extra: Mapping[str, Any]
    note: str
    where: str


@dataclass(frozen=True)
class GoldEvent:
    """Figures of one real-world event; records with the same id in several files are merged."""

    id: str
    label: str
    docs: tuple[str, ...]
    anchors: tuple[FigureKey, ...]
    must_not_merge_with: tuple[str, ...]
    where: tuple[str, ...]


@dataclass(frozen=True)
class GoldEstimate:
    """The acceptable summary of one quantity: an event, a measure and a victim group.

    ``anchors`` are the figures that estimate it; ``low_in``/``high_in`` the accepted range of
    the summary's low and high, None when no source gives that bound (the summary must have
    none either).
    """

    event: str
    measure: str
    victims: AliasSets | None
    anchors: tuple[FigureKey, ...]
    low_in: tuple[int, int] | None
    high_in: tuple[int, int] | None
    note: str
    where: str


@dataclass
class GoldSet:
    """All gold records of the loaded files, by kind."""

    figures: list[GoldFigure] = field(default_factory=list)
    not_figures: list[GoldNotFigure] = field(default_factory=list)
    consistency: list[GoldConsistency] = field(default_factory=list)
    events: dict[str, GoldEvent] = field(default_factory=dict)
    estimates: list[GoldEstimate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        """Every document name any record mentions, sorted."""
        names = {f.doc for f in self.figures} | {n.doc for n in self.not_figures}
        names |= {c.doc for c in self.consistency}
        for ev in self.events.values():
            names.update(ev.docs)
        return sorted(names)

    def counts(self) -> dict[str, int]:
        return {
            "figure": len(self.figures),
            "not_figure": len(self.not_figures),
            "consistency": len(self.consistency),
            "event": len(self.events),
            "estimate": len(self.estimates),
        }

    def event_of(self) -> dict[FigureKey, str]:
        """Figure key -> id of the gold event that lists it."""
        return {key: ev.id for ev in self.events.values() for key in ev.anchors}


# --------------------------------------------------------------------------- field readers
# Each reader takes the record, the key and "file:line" and raises GoldFormatError on a bad value.


def _req(rec: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in rec:
        raise GoldFormatError(where, f"missing key {key!r}")
    return rec[key]


def _str(rec: Mapping[str, Any], key: str, where: str) -> str:
    val = _req(rec, key, where)
    if not isinstance(val, str) or not val:
        raise GoldFormatError(where, f"{key!r} must be a non-empty string, got {val!r}")
    return val


def _int(val: Any, what: str, where: str, *, nullable: bool = False) -> int | None:
    # bool is an int subclass in Python; a gold "true" is always a typo.
    if val is None and nullable:
        return None
    if not isinstance(val, int) or isinstance(val, bool):
        raise GoldFormatError(where, f"{what} must be an integer{' or null' if nullable else ''}")
    return val


def _str_list(val: Any, what: str, where: str) -> tuple[str, ...]:
    if not isinstance(val, list) or not all(isinstance(s, str) and s for s in val):
        raise GoldFormatError(where, f"{what} must be a list of non-empty strings, got {val!r}")
    return tuple(val)


def _alias_sets(rec: Mapping[str, Any], key: str, where: str) -> AliasSets | None:
    val = rec.get(key)
    if val is None:
        return None
    if not isinstance(val, list):
        raise GoldFormatError(where, f"{key!r} must be a list of alias lists or null")
    sets = tuple(_str_list(s, f"each {key!r} entry", where) for s in val)
    if any(not s for s in sets):
        raise GoldFormatError(where, f"{key!r} has an empty alias list")
    return sets


def _date(val: Any, what: str, where: str) -> date:
    if not isinstance(val, str):
        raise GoldFormatError(where, f"{what} must be an ISO date string, got {val!r}")
    try:
        return date.fromisoformat(val)
    except ValueError:
        raise GoldFormatError(where, f"{what} is not an ISO date: {val!r}") from None


def _span(rec: Mapping[str, Any], where: str) -> tuple[str, str, int, int]:
    doc = _str(rec, "doc", where)
    anchor = _str(rec, "anchor", where)
    start = _int(_req(rec, "start", where), "'start'", where)
    end = _int(_req(rec, "end", where), "'end'", where)
    assert start is not None and end is not None
    if not 0 <= start < end:
        raise GoldFormatError(where, f"bad span [{start}, {end})")
    # Offsets are code points, so the span length must equal the anchor length: this catches
    # most hand-typed offset slips without needing the corpus.
    if end - start != len(anchor):
        raise GoldFormatError(
            where,
            f"span [{start}, {end}) has length {end - start} but anchor {anchor!r} has "
            f"length {len(anchor)}",
        )
    return doc, anchor, start, end


# --------------------------------------------------------------------------- record parsers


def _figure(rec: Mapping[str, Any], where: str, warnings: list[str]) -> GoldFigure:
    doc, anchor, start, end = _span(rec, where)
    measure = _str_list(_req(rec, "measure", where), "'measure'", where)
    if not measure:
        raise GoldFormatError(where, "'measure' is empty")
    unknown = [m for m in measure if m not in MEASURES]
    if unknown:
        warnings.append(f"{where}: measure outside the vocabulary: {', '.join(unknown)}")

    if "low" in rec and "low_in" in rec:
        raise GoldFormatError(where, "give 'low' or 'low_in', not both")
    low_in: tuple[int, int] | None = None
    low: int | None = None
    if "low_in" in rec:
        raw = rec["low_in"]
        if not isinstance(raw, list) or len(raw) != 2:
            raise GoldFormatError(where, "'low_in' must be [a, b]")
        a = _int(raw[0], "'low_in'[0]", where)
        b = _int(raw[1], "'low_in'[1]", where)
        assert a is not None and b is not None
        if a > b:
            raise GoldFormatError(where, f"'low_in' [{a}, {b}] is reversed")
        low_in = (a, b)
    else:
        low = _int(_req(rec, "low", where), "'low'", where, nullable=True)
    high = _int(_req(rec, "high", where), "'high'", where, nullable=True)
    if low is not None and high is not None and low > high:
        raise GoldFormatError(where, f"low {low} > high {high}")

    qualifier = _str(rec, "qualifier", where)
    if qualifier not in QUALIFIERS:
        raise GoldFormatError(where, f"unknown qualifier {qualifier!r}")
    qualifier_ok = _str_list(rec.get("qualifier_ok") or [], "'qualifier_ok'", where)
    bad_ok = [q for q in qualifier_ok if q not in QUALIFIERS]
    if bad_ok:
        raise GoldFormatError(where, f"unknown qualifier in 'qualifier_ok': {bad_ok}")

    time: GoldTime | None = None
    raw_time = _req(rec, "time", where)
    if raw_time is not None:
        if not isinstance(raw_time, dict):
            raise GoldFormatError(where, "'time' must be an object or null")
        t_start = _date(raw_time.get("start"), "'time.start'", where)
        t_end = _date(raw_time.get("end"), "'time.end'", where)
        within = raw_time.get("within")
        if not isinstance(within, list) or len(within) != 2:
            raise GoldFormatError(where, "'time.within' must be [start, end]")
        w = (
            _date(within[0], "'time.within'[0]", where),
            _date(within[1], "'time.within'[1]", where),
        )
        if not w[0] <= t_start <= t_end <= w[1]:
            warnings.append(f"{where}: time {t_start}..{t_end} is not inside within {w[0]}..{w[1]}")
        time = GoldTime(t_start, t_end, w)

    attributed = rec.get("attributed_to")
    attributed_to = None if attributed is None else _str_list(attributed, "'attributed_to'", where)
    if attributed_to == ():
        raise GoldFormatError(where, "'attributed_to' is an empty list; use null")

    status = rec.get("status", "asserted")
    if status not in STATUSES:
        raise GoldFormatError(where, f"unknown status {status!r}; want one of {STATUSES}")
    status_by: tuple[str, ...] = ()
    if rec.get("status_by") is not None:
        raw_by = rec["status_by"]
        status_by = (
            (raw_by,) if isinstance(raw_by, str) else _str_list(raw_by, "'status_by'", where)
        )

    note = rec.get("note") or ""
    return GoldFigure(
        doc=doc,
        anchor=anchor,
        start=start,
        end=end,
        measure=measure,
        low=low,
        low_in=low_in,
        high=high,
        qualifier=qualifier,
        qualifier_ok=qualifier_ok,
        places=_alias_sets(rec, "places", where),
        time=time,
        victims=_alias_sets(rec, "victims", where),
        perpetrators=_alias_sets(rec, "perpetrators", where),
        attributed_to=attributed_to,
        note=str(note),
        where=where,
        status=str(status),
        status_by=status_by,
    )


def _not_figure(rec: Mapping[str, Any], where: str) -> GoldNotFigure:
    doc, anchor, start, end = _span(rec, where)
    return GoldNotFigure(doc, anchor, start, end, str(rec.get("note") or ""), where)


def _is_anchor_key(key: str) -> bool:
    return key in ("anchor", "anchors") or key.endswith(("_anchor", "_anchors"))


def _consistency(rec: Mapping[str, Any], where: str, warnings: list[str]) -> GoldConsistency:
    doc = _str(rec, "doc", where)
    ctype = _str(rec, "type", where)
    if ctype not in CONSISTENCY_TYPES:
        warnings.append(f"{where}: unknown consistency type {ctype!r}")
    anchors: dict[str, tuple[str, ...]] = {}
    extra: dict[str, Any] = {}
    for key, val in rec.items():
        if key in ("kind", "doc", "type", "note"):
            continue
        if _is_anchor_key(key):
            # "total_anchor": "x" names one anchor, "part_anchors": [...] several.
            anchors[key] = (val,) if isinstance(val, str) else _str_list(val, repr(key), where)
        else:
            extra[key] = val
    if not anchors:
        raise GoldFormatError(where, "consistency record names no anchors")
    return GoldConsistency(doc, ctype, anchors, extra, str(rec.get("note") or ""), where)


def _event(rec: Mapping[str, Any], where: str) -> GoldEvent:
    ev_id = _str(rec, "id", where)
    anchors = _anchor_list(_req(rec, "anchors", where), where)
    docs = _str_list(rec.get("docs") or [], "'docs'", where)
    mnm = _str_list(rec.get("must_not_merge_with") or [], "'must_not_merge_with'", where)
    return GoldEvent(ev_id, str(rec.get("label") or ""), docs, anchors, mnm, (where,))


def _anchor_list(raw: Any, where: str) -> tuple[FigureKey, ...]:
    if not isinstance(raw, list):
        raise GoldFormatError(where, "'anchors' must be a list of [doc, anchor, start]")
    anchors: list[FigureKey] = []
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not isinstance(item[0], str)
            or not isinstance(item[1], str)
        ):
            raise GoldFormatError(where, f"bad anchor {item!r}; want [doc, anchor, start]")
        start = _int(item[2], "anchor start", where)
        assert start is not None
        anchors.append((item[0], item[1], start))
    return tuple(anchors)


def _bounds(rec: Mapping[str, Any], key: str, where: str) -> tuple[int, int] | None:
    raw = _req(rec, key, where)
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) != 2:
        raise GoldFormatError(where, f"{key!r} must be [a, b] or null")
    a, b = _int(raw[0], f"{key!r}[0]", where), _int(raw[1], f"{key!r}[1]", where)
    assert a is not None and b is not None
    if a > b:
        raise GoldFormatError(where, f"{key!r} [{a}, {b}] is reversed")
    return (a, b)


def _estimate(rec: Mapping[str, Any], where: str, warnings: list[str]) -> GoldEstimate:
    measure = _str(rec, "measure", where)
    if measure not in MEASURES:
        warnings.append(f"{where}: measure outside the vocabulary: {measure}")
    victims = _alias_sets(rec, "victims", where)
    return GoldEstimate(
        event=_str(rec, "event", where),
        measure=measure,
        victims=victims or None,
        anchors=_anchor_list(_req(rec, "anchors", where), where),
        low_in=_bounds(rec, "low_in", where),
        high_in=_bounds(rec, "high_in", where),
        note=str(rec.get("note") or ""),
        where=where,
    )


def _merge_events(old: GoldEvent, new: GoldEvent) -> GoldEvent:
    # The same event id in two files (seeds and dev both have "march-days-1918-03") is the same
    # real-world event seen in more documents, so its figures form one group.
    def union(a: Iterable[Any], b: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(dict.fromkeys([*a, *b]))

    return GoldEvent(
        old.id,
        old.label or new.label,
        union(old.docs, new.docs),
        union(old.anchors, new.anchors),
        union(old.must_not_merge_with, new.must_not_merge_with),
        old.where + new.where,
    )


def _cross_check(gold: GoldSet) -> None:
    """Checks that need every file: duplicates and references between records."""
    seen: dict[FigureKey, str] = {}
    for fig in gold.figures:
        if fig.key in seen:
            raise GoldFormatError(
                fig.where, f"duplicate figure {fig.key} (first at {seen[fig.key]})"
            )
        seen[fig.key] = fig.where
    owner: dict[FigureKey, str] = {}
    for ev in gold.events.values():
        for key in ev.anchors:
            if key not in seen:
                raise GoldFormatError(ev.where[0], f"event {ev.id!r} names unknown figure {key}")
            if key in owner and owner[key] != ev.id:
                raise GoldFormatError(
                    ev.where[0], f"figure {key} is in events {owner[key]!r} and {ev.id!r}"
                )
            owner[key] = ev.id
        for other in ev.must_not_merge_with:
            if other not in gold.events:
                gold.warnings.append(f"{ev.where[0]}: must_not_merge_with names unknown {other!r}")
    figure_docs = {fig.doc for fig in gold.figures}
    for est in gold.estimates:
        for key in est.anchors:
            if key in seen:
                continue
            # Estimates of events whose first document is in another file name that file's
            # figures (the seeds' Baku events anchor dev documents): score the files together.
            if key[0] in figure_docs:
                raise GoldFormatError(est.where, f"estimate names unknown figure {key}")
            gold.warnings.append(f"{est.where}: anchor {key} is in a gold file not loaded")
        if est.event not in gold.events:
            gold.warnings.append(f"{est.where}: estimate of unknown event {est.event!r}")
    texts_by_doc: dict[str, set[str]] = {}
    for fig in gold.figures:
        texts_by_doc.setdefault(fig.doc, set()).add(fig.anchor)
    for rec in gold.consistency:
        for names in rec.anchors.values():
            for name in names:
                if name not in texts_by_doc.get(rec.doc, set()):
                    raise GoldFormatError(
                        rec.where, f"anchor {name!r} is not a figure of {rec.doc}"
                    )


def load_gold(paths: Sequence[Path]) -> GoldSet:
    """Parse gold JSONL files into one :class:`GoldSet`.

    Blank lines are ignored.  Raises :class:`GoldFormatError` (a ``ValueError``) naming
    ``file:line`` on the first malformed record, and ``FileNotFoundError`` for a missing file.
    """
    gold = GoldSet()
    for path in paths:
        gold.files.append(str(path))
        with Path(path).open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldFormatError(where, f"invalid JSON: {exc.msg}") from None
                if not isinstance(rec, dict):
                    raise GoldFormatError(where, "a gold line must be a JSON object")
                kind = rec.get("kind")
                if kind == "figure":
                    gold.figures.append(_figure(rec, where, gold.warnings))
                elif kind == "not_figure":
                    gold.not_figures.append(_not_figure(rec, where))
                elif kind == "consistency":
                    gold.consistency.append(_consistency(rec, where, gold.warnings))
                elif kind == "estimate":
                    gold.estimates.append(_estimate(rec, where, gold.warnings))
                elif kind == "event":
                    ev = _event(rec, where)
                    old = gold.events.get(ev.id)
                    gold.events[ev.id] = ev if old is None else _merge_events(old, ev)
                else:
                    raise GoldFormatError(where, f"unknown kind {kind!r}")
    _cross_check(gold)
    return gold


def check_offsets(gold: GoldSet, texts: Mapping[str, str]) -> list[str]:
    """Spans whose text in the document differs from their anchor (documents absent from
    ``texts`` are skipped).  ``texts`` maps a document name to its stored text."""
    problems: list[str] = []
    spans: list[GoldFigure | GoldNotFigure] = [*gold.figures, *gold.not_figures]
    for rec in spans:
        text = texts.get(rec.doc)
        if text is not None and text[rec.start : rec.end] != rec.anchor:
            problems.append(
                f"{rec.where}: text at [{rec.start}, {rec.end}) is "
                f"{text[rec.start : rec.end]!r}, anchor is {rec.anchor!r}"
            )
    return problems


def load_doc_langs(dirs: Iterable[Path]) -> dict[str, str]:
    """Document name -> language from the ``SOURCES.tsv`` manifests in ``dirs``.

    The seed documents' names carry no ``_xx`` language suffix, so the manifest is the only
    trustworthy source of their language when no claims say it.
    """
    langs: dict[str, str] = {}
    for folder in dirs:
        manifest = Path(folder) / "SOURCES.tsv"
        if not manifest.is_file():
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                name, lang = (row.get("file") or "").strip(), (row.get("language") or "").strip()
                if name and lang:
                    langs[name] = lang
    return langs
