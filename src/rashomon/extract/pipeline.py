"""Extraction: one container (:class:`Parsed`) flows through declared stages.

The extractor is a pure function of a document's text, language and date, so the same code
runs in-process, in a process pool and on Ray.  Stages fill the container in order; the last
one assembles claims.  The expensive resources (gazetteer, actor table, compiled regexes) are
loaded once per process and cached.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rashomon.document import Document
from rashomon.extract._case import shouted_word
from rashomon.extract._change_ranges import split_change_ranges
from rashomon.extract._dateline import dateline_spans, inside
from rashomon.extract._time_roles import lede_time, publication_date, sentence_roles
from rashomon.extract.actors import ActorMention, ActorTable
from rashomon.extract.attribution import Attribution, find_attributions
from rashomon.extract.claims import Claim
from rashomon.extract.figures import Measure
from rashomon.extract.gazetteer import Gazetteer, PlaceMention
from rashomon.extract.lexicon import Hit, Lexicon, MeasureCue, common_words, lexicon
from rashomon.extract.numbers import NumberMention, find_numbers
from rashomon.extract.segment import Span, paragraphs, sentences
from rashomon.extract.timex import TimeContext, TimeMention

#: Actor types that name a group of people rather than an organisation or a person.
GROUP_TYPES = frozenset({"ethnonym", "religious_group", "group"})
#: Measures whose period is not the event's: a baseline population or a later return.
OWN_TIME_ONLY = frozenset({"population", "returned"})
_AGENT_REACH = 16


@dataclass(slots=True)
class Sentence:
    index: int
    para: int
    span: Span
    numbers: list[NumberMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    #: The narrative time in force when the sentence starts.
    context_time: TimeMention | None = None
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    triggers: list[Hit[MeasureCue]] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)


@dataclass(slots=True)
class Parsed:
    """The container: a document's text and everything the stages found in it."""

    text: str
    lang: str
    date: str | None
    doc_id: str
    path: str
    lex: Lexicon
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    #: Who did what, as the document tells it (roles stage; see extract/_roles_context.py).
    accounts: Any = None
    #: The page's own date read from a dateline, when the metadata had none (or no day).
    dateline: str | None = None
    #: Wire datelines found by their shape ("QUITO, 12 MAR 87 (EFE) --"; extract/_dateline.py).
    datelines: list[tuple[int, int]] = field(default_factory=list)
    #: The lede's event time, for lede figures written before it (see _time_roles.lede_time).
    lede_time: TimeMention | None = None
    #: Per-document memo of answers several stages ask again (e.g. "has this span an act?").
    memo: dict[Any, Any] = field(default_factory=dict)


Stage = Callable[[Parsed], None]

_LEADING_ZERO = re.compile(r"0\d{2,3}")


def segment(p: Parsed) -> None:
    for para_index, para in enumerate(paragraphs(p.text)):
        for span in sentences(p.text, p.lang, para.start, para.end):
            p.sentences.append(Sentence(len(p.sentences), para_index, span))


def _bucket(p: Parsed, items: Sequence[Any], attr: str) -> None:
    starts = [s.span.start for s in p.sentences]
    for item in items:
        i = bisect.bisect_right(starts, item.start) - 1
        if i >= 0 and item.start < p.sentences[i].span.end:
            getattr(p.sentences[i], attr).append(item)


def numbers(p: Parsed) -> None:
    p.datelines = dateline_spans(p.text, p.lang)
    # "the toll rose from 9 to 13": the earlier and the later count, not a range.
    found = split_change_ranges(p.text, p.lex, find_numbers(p.text, p.lang))
    # "exploded at 0400": a count is never written with a leading zero; a clock time is.
    found = [
        replace(n, role="other") if _LEADING_ZERO.fullmatch(p.text[n.start : n.end]) else n
        for n in found
    ]
    if p.datelines:
        # "14 JUN 88": a dateline's numbers file the report; they count nothing.
        found = [
            replace(n, role="other") if inside(p.datelines, n.start, n.end) else n for n in found
        ]
    _bucket(p, found, "numbers")


def times(p: Parsed) -> None:
    p.dateline = publication_date(p)
    context = TimeContext(p.lang, p.dateline or p.date, p.text)
    for sent in p.sentences:
        sent.context_time = context.current()
        sent.times = context.find(
            p.text[sent.span.start : sent.span.end],
            offset=sent.span.start,
            role=sentence_roles(p, sent),
        )
    p.lede_time = lede_time(p)


def places(p: Parsed) -> None:
    found = Gazetteer.load().find_places(p.text, p.lang)
    _bucket(p, [m for m in found if not shouted_word(p.text, m.start, m.end, p.lang)], "places")


def actors(p: Parsed) -> None:
    found = ActorTable.load().find_actors(p.text, p.lang)
    # Group words ("CIVILIANS", "ARMENIANS") need no case evidence: only names do.
    kept = [
        m
        for m in found
        if (m.type in GROUP_TYPES or not shouted_word(p.text, m.start, m.end, p.lang))
        and not inside(p.datelines, m.start, m.end)  # "(EFE) --" filed the report
    ]
    _bucket(p, kept, "actors")
    # A place inside an organisation's or state's name ("Baku Council") is not where it happened.
    for sent in p.sentences:
        named = [a for a in sent.actors if a.type not in GROUP_TYPES]
        sent.places = [
            pl
            for pl in sent.places
            if not any(a.start <= pl.start and pl.end <= a.end for a in named)
        ]


def place_roles(p: Parsed) -> None:
    """Where it happened vs where it was said (extract/place_roles.py)."""
    from rashomon.extract.place_roles import mark_roles, mark_shouted

    mentions = [pl for sent in p.sentences for pl in sent.places]
    groups = [(a.start, a.end) for s in p.sentences for a in s.actors if a.type in GROUP_TYPES]
    mark_roles(p.text, p.lang, mentions, groups, p.lex.calendar_words)
    for pl in mentions:
        if inside(p.datelines, pl.start, pl.end):
            pl.role = "dateline"  # filed from there; not where it happened
    mark_shouted(p.text, p.lang, mentions, p.lex.local_before, p.lex.local_after)


_CUT_WORD = re.compile(r"(?<![\w.])([^\W\d_]{3,})\s*\Z")


def triggers(p: Parsed) -> None:
    for sent in p.sentences:
        sent.triggers = p.lex.measures.find_all(p.text, sent.span.start, sent.span.end)
        for n in sent.numbers:
            if n.role == "quantity" and n.start > sent.span.start and p.text[n.start - 1].isalpha():
                sent.triggers.extend(_glued_label(p, sent.span.start, n.start))
        sent.triggers.sort(key=lambda h: h.start)
    cut = _cut_word(p)
    if cut is not None and p.sentences:
        p.sentences[-1].triggers.append(cut)


def _glued_label(p: Parsed, lo: int, end: int) -> list[Hit[MeasureCue]]:
    """The measure of an infobox label glued to its count ("Deaths460[2] to 3,500")."""
    start = end
    while start > lo and p.text[start - 1].isalpha():
        start -= 1
    label = p.text[start:end]
    return [
        Hit(start + h.start, start + h.end, h.text, h.payload)
        for h in p.lex.measures.find_all(label)
        if h.end == len(label)
    ]


def _cut_word(p: Parsed) -> Hit[MeasureCue] | None:
    """A text cut off mid-word (a snippet truncated at a length limit: "... and 240,000
    homel"): its last word, when it is no word of the language but begins exactly one measure
    word, is read as that word."""
    m = _CUT_WORD.search(p.text[-64:])
    if m is None or not p.sentences:
        return None
    start = len(p.text) - 64 + m.start(1) if len(p.text) > 64 else m.start(1)
    fragment = m.group(1)
    last = p.sentences[-1]
    if not last.span.start <= start < last.span.end or any(
        t.start <= start < t.end for t in last.triggers
    ):
        return None
    if fragment.casefold() in common_words(p.lang):
        return None
    found = {(c.measure, c.event_type) for c in p.lex.measures.completions(fragment)}
    if len(found) != 1:
        return None
    measure, event_type = found.pop()
    return Hit(start, start + len(fragment), fragment, MeasureCue(measure, event_type))


def attributions(p: Parsed) -> None:
    for sent in p.sentences:
        sent.attributions = find_attributions(p.text, sent.span, p.lex)


def figures(p: Parsed) -> None:
    from rashomon.extract._assemble import build_figure_claims
    from rashomon.extract._attribution_context import attribute_document
    from rashomon.extract._roles_context import Accounts
    from rashomon.extract.scope import assign_scope
    from rashomon.extract.stance import assign_stance

    p.accounts = Accounts(p)
    p.claims.extend(build_figure_claims(p, p.accounts))
    attribute_document(p, p.claims)
    # Scope first: a part of a toll ("62 of them") revises no whole (stance reads it).
    assign_scope(p, p.claims)
    assign_stance(p, p.claims)


def events(p: Parsed) -> None:
    from rashomon.extract._events import build_event_claims

    p.claims.extend(build_event_claims(p))
    p.claims.sort(key=lambda c: (c.start, c.kind))


def names(p: Parsed) -> None:
    from rashomon.extract.names import assign_names

    assign_names(p)


def periods(p: Parsed) -> None:
    """Places named as the gazetteer knows them at each claim's time (period_name)."""
    from rashomon.extract._places import name_periods

    name_periods(p.claims)


STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment),
    ("numbers", numbers),
    ("times", times),
    ("places", places),
    ("actors", actors),
    ("place_roles", place_roles),
    ("triggers", triggers),
    ("attributions", attributions),
    ("figures", figures),
    ("events", events),
    ("names", names),
    ("periods", periods),
)


def parse(
    text: str,
    lang: str,
    date: str | None = None,
    doc_id: str = "",
    path: str = "",
    stages: Sequence[tuple[str, Stage]] = STAGES,
) -> Parsed | None:
    """Run the stages over a text; None when rashomon has no data for the language."""
    lex = lexicon(lang)
    if lex is None:
        return None
    parsed = Parsed(text, lang, date, doc_id, path, lex)
    for _, stage in stages:
        stage(parsed)
    return parsed


def extract_document(doc: Document) -> list[Claim]:
    """All claims of a stored document (empty for a language without data).

    A document whose paragraphs are in several languages (a French article quoting an
    English report) is read once per language, each reading keeping the claims of its own
    passages, so every passage is read with its own vocabulary.
    """
    text = content_text(doc)
    langs = list(dict.fromkeys(span.lang for span in doc.lang_spans))
    if len(langs) <= 1:
        if not doc.lang:
            return []
        parsed = parse(text, doc.lang, doc.date, doc.id, doc.path)
        return parsed.claims if parsed is not None else []
    claims: list[Claim] = []
    for lang in langs:
        parsed = parse(text, lang, doc.date, doc.id, doc.path)
        if parsed is None:
            continue
        spans = [(sp.start, sp.end) for sp in doc.lang_spans if sp.lang == lang]
        claims.extend(c for c in parsed.claims if any(a <= c.start < b for a, b in spans))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


def content_text(doc: Document) -> str:
    """The text extraction reads: the stored text with its page furniture (running headers
    and footers, page numbers, print stamps, recorded at ingest as ``extra["furniture"]``)
    blanked with spaces, so a print date is never an event's date and every offset still
    points into the stored text."""
    spans = doc.extra.get("furniture") or []
    if not spans:
        return doc.text
    parts: list[str] = []
    pos = 0
    for start, end, _kind in spans:
        parts.append(doc.text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(doc.text[pos:])
    return "".join(parts)


__all__ = [
    "STAGES",
    "Measure",
    "Parsed",
    "Sentence",
    "content_text",
    "extract_document",
    "parse",
]
