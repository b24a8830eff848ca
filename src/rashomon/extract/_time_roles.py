"""What a time expression dates: the event, a source's speaking, or the page itself.

Wire copy dates its sources more often than its events: "an official said Wednesday",
"On Sunday, the UN put the toll at 1,000", "Last updated: Tuesday, 17 May 2005".  Such times
must neither date the figures of their sentence nor move the story's narrative time, or a
massacre of last Thursday is filed under the day the toll was announced.  Three readings:

* ``speech``: the time of a reporting verb: right after it ("said Wednesday", "a déclaré
  mardi"), right before it ("on Sunday put the toll", "Am Mittwoch sagte"), or opening the
  clause whose verb reports ("On Wednesday, UN special envoy ... said");
* ``publication``: a short line with no act in it that gives the document's own date (or a
  dateline marked "Updated", "Publié le", a clock time), or the year of a cited work
  ("Posdata (Fondo de Cultura Económica, 1970)");
* ``event``: everything else.

The verbs are the attribution cues of the language (``extract.json``) plus the
``speech_verbs`` and ``publication_words`` of ``time.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from rashomon.extract._dateline import inside
from rashomon.extract._timex_rules import grammar
from rashomon.extract.lexicon import PhraseMatcher, lexicon_data
from rashomon.extract.timex import TimeMention, find_times

if TYPE_CHECKING:
    from rashomon.extract.pipeline import Parsed, Sentence

__all__ = [
    "lede_time",
    "lede_time_for",
    "nearest_time",
    "opens_episode",
    "publication_date",
    "sentence_roles",
    "time_role",
]

#: A time, sentence-initial, may be this many words before the verb it dates.
_OPENING_REACH = 40
#: Words between a reporting verb and a deictic time of the same clause ("told reporters on",
#: a German separable verb's subject: "teilte die UN-Mission im Land am Dienstag mit").
_AFTER_VERB_WORDS = 6
#: A dateline or caption: at most this many words besides its dates.
_SHORT_LINE_WORDS = 8
#: The lede: the first sentences a later time may date backwards.
_LEDE_SENTENCES = 8

#: An act word this close to a time makes that time the act's.
_ACT_REACH = 60
_STAMP = re.compile(r",*\s*(?:\d{1,2}[:.h]\d{2}(?!\d)|\d{1,2}\s*[ap]\.?m\.?)")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
_WORD = re.compile(r"\w+")
#: One short word between a reporting verb and its time: the time's own preposition.
_PREPOSITION_GAP = re.compile(r"\s+\w{1,3}\s+")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_OPENING_JUNK = re.compile(r"[\s\"'“”«»„‘’()\[\]*•–—-]*")


@lru_cache(maxsize=64)
def _episodes(lang: str) -> PhraseMatcher[str]:
    return PhraseMatcher([(w, "new") for w in grammar(lang).cfg.get("new_episode", [])])


@lru_cache(maxsize=64)
def _matchers(lang: str) -> tuple[PhraseMatcher[str], PhraseMatcher[str]]:
    cfg = grammar(lang).cfg
    # One matcher for every reporting verb: the attribution cues' verbs and time.json's own.
    verbs = list(cfg.get("speech_verbs", [])) + list(
        lexicon_data(lang).get("attribution", {}).get("verbs", [])
    )
    speech = PhraseMatcher([(w, "speech") for w in verbs])
    # Page chrome is often English whatever the language of the article.
    words = cfg.get("publication_words", []) + grammar("en").cfg.get("publication_words", [])
    pub = PhraseMatcher([(w, "pub") for w in words])
    return speech, pub


@lru_cache(maxsize=64)
def _own_verbs(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in grammar(lang).cfg.get("speech_verbs", []))


def _own_verb(p: Parsed, start: int, end: int) -> bool:
    """A reporting verb of time.json's own list: a verb that only reports ("warned"), not
    an attribution cue that is also an ordinary word ("place")."""
    return p.text[start:end].casefold() in _own_verbs(p.lang)


def _verb_hits(p: Parsed, start: int, end: int) -> list[tuple[int, int]]:
    speech, _ = _matchers(p.lang)
    return [(h.start, h.end) for h in speech.finditer(p.text, start, end)]


def _has_act(p: Parsed, start: int, end: int) -> bool:
    """An act of harm ("killed", "massacre"), not a count of it: "Sunday's death toll" is
    the toll given on Sunday."""
    return next(iter(p.lex.roles.acts.finditer(p.text, start, end)), None) is not None


def _has_harm(p: Parsed, start: int, end: int) -> bool:
    """An act, a harm measure ("died", "victims") or an event word."""
    key = ("harm", start, end)
    found = p.memo.get(key)
    if found is None:
        found = p.memo[key] = _has_act(p, start, end) or any(
            next(iter(m.finditer(p.text, start, end)), None) is not None
            for m in (p.lex.measures, p.lex.events)
        )
    return bool(found)


def _plain(p: Parsed, start: int, end: int) -> bool:
    """No number, no act and no clause mark between ``start`` and ``end``."""
    gap = p.text[start:end]
    return not any(ch.isdigit() or ch in ";:.!?" for ch in gap) and not _has_act(p, start, end)


def _act_bound(p: Parsed, sent: Sentence, m: TimeMention) -> bool:
    """ "last Thursday's massacre", "the massacre on Sunday", "killed on Monday": a time next
    to an act word dates the act, whatever verb the clause reports it with."""
    after = _POSSESSIVE.match(p.text, m.end)
    pos = after.end() if after is not None else m.end
    nxt = _WORD.search(p.text, pos, sent.span.end)
    if (
        nxt is not None
        and not p.text[m.end : nxt.start()].strip(" '’s")
        and _has_act(p, nxt.start(), min(sent.span.end, nxt.end() + 24))
    ):
        return True
    before = p.text[max(sent.span.start, m.start - 40) : m.start]
    words = list(_WORD.finditer(before))
    if words and not any(ch in before[words[-1].start() :] for ch in ",;:"):
        last = words[-1]
        base = max(sent.span.start, m.start - 40)
        return _has_act(p, base + last.start(), base + last.end())
    return False


def time_role(
    p: Parsed, sent: Sentence, m: TimeMention, verbs: list[tuple[int, int]] | None = None
) -> str:
    """``event``, ``speech`` or ``publication`` for one mention of ``sent`` (``verbs``: the
    sentence's reporting verbs, when the caller already has them)."""
    if _is_publication(p, sent, m) or _cited_work(p, sent, m):
        return "publication"
    if _act_bound(p, sent, m):
        return "event"
    lo, hi = sent.span.start, sent.span.end
    if verbs is None:
        verbs = _verb_hits(p, lo, hi)
    deictic = m.kind == "relative_to_doc"
    for vs, ve in verbs:
        if ve <= m.start:
            gap = p.text[ve : m.start]
            if not gap.strip():
                return "speech"
            if _PREPOSITION_GAP.fullmatch(gap) and _own_verb(p, vs, ve):
                return "speech"  # "había advertido en julio", "warned in March"
            if deictic and len(_WORD.findall(gap)) <= _AFTER_VERB_WORDS and _plain(p, ve, m.start):
                return "speech"
        elif vs >= m.end and not p.text[m.end : vs].strip():
            return "speech"
    # "On Wednesday, the UN envoy to the DRC ... said": a time opening the sentence, cut off
    # by a comma, dates the reporting verb its clause runs into.
    opening = _OPENING_JUNK.match(p.text, lo, m.start)
    if opening is not None and opening.end() == m.start:
        after = p.text[m.end : hi]
        if after.lstrip().startswith(","):
            for vs, _ve in sorted(verbs):
                if vs < m.end:
                    continue
                words = len(_WORD.findall(p.text[m.end : vs]))
                if words <= _OPENING_REACH and _plain(p, m.end, vs):
                    return "speech"
                break
    return "event"


def nearest_time(p: Parsed, times: list[TimeMention], start: int, end: int) -> TimeMention:
    """The time of ``times`` (one clause's, non-empty) that dates a figure at
    ``start:end``: the nearest before it, else the nearest after it.

    A reporting verb between the time before and the figure ("since the weekend ... the
    prosecutor has said 169 people died ... last week") puts the figure in the reported
    clause: a time after the figure, inside that clause, is then the figure's own.
    """
    before = [t for t in times if t.end <= start]
    after = [t for t in times if t.start >= end]
    if before:
        last = max(before, key=lambda t: t.end)
        if not after or not _verb_hits(p, last.end, start):
            return last
        nxt = min(after, key=lambda t: t.start)
        if not _verb_hits(p, end, nxt.start) and not any(
            ch in p.text[end : nxt.start] for ch in ";:"
        ):
            return nxt
        return last
    return min(times, key=lambda t: abs(t.start - end))


def _cited_work(p: Parsed, sent: Sentence, m: TimeMention) -> bool:
    """ "Posdata (Fondo de Cultura Económica, 1970)", "(Oxford University Press, 2004)": a
    year closing a bracket after a publisher's name dates a book, not an event."""
    if m.precision != "year":
        return False
    opened = p.text.rfind("(", sent.span.start, m.start)
    if opened < 0 or p.text.find(")", m.end, sent.span.end) != m.end:
        return False
    inside = p.text[opened + 1 : m.start]
    return (
        inside.rstrip().endswith(",")
        and ")" not in inside
        and not any(ch.isdigit() for ch in inside)
        and not _has_harm(p, opened, m.start)
    )


def _short_line(p: Parsed, sent: Sentence) -> bool:
    text = p.text[sent.span.start : sent.span.end]
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    return len(words) <= _SHORT_LINE_WORDS + 4 and not _has_harm(p, sent.span.start, sent.span.end)


def _is_publication(p: Parsed, sent: Sentence, m: TimeMention) -> bool:
    if m.precision != "day" or m.start_date is None:
        return False
    if inside(p.datelines, m.start, m.end):
        return True  # "QUITO, 12 MAR 87 (EFE) --"
    if m.start_date != m.end_date:
        return False  # a page is dated by one day; a span of days is an event's
    line_start = p.text.rfind("\n", 0, m.start) + 1
    prefix = p.text[line_start : m.start]
    if not prefix.strip() and _STAMP.match(p.text, m.end):
        return True  # "11 июля 2005, 14:43" opening a line: a time stamp
    if prefix.strip() and _marks_line(p, line_start, m.start):
        return True  # "Last Updated: Tuesday, 17 May, 2005": the line says what it dates
    if not _short_line(p, sent):
        return False
    lo = sent.span.start
    text = p.text[lo : sent.span.end]
    rest = text[: m.start - lo] + " " + text[m.end - lo :]
    if len([w for w in _WORD.findall(rest) if not w.isdigit()]) > _SHORT_LINE_WORDS:
        return False
    date = p.dateline or p.date or ""
    if date and (m.start_date.startswith(date) or date.startswith(m.start_date)):
        return True
    _, pub = _matchers(p.lang)
    marked = next(iter(pub.finditer(text)), None) is not None or _CLOCK.search(text) is not None
    return marked


def _marks_line(p: Parsed, start: int, end: int) -> bool:
    """Whether ``p.text[start:end]`` is nothing but a publication phrase and punctuation
    ("Last Updated:", "Publié le", "Stand:"): a date after it on its line is the page's."""
    _, pub = _matchers(p.lang)
    label = p.text[start:end].strip(" \t:.,-–—|").casefold()
    if label in {w.casefold() for w in grammar(p.lang).cfg.get("date_labels", [])}:
        return False  # an infobox's "Date:" row dates the event
    pos = start
    for hit in pub.finditer(p.text, start, end):
        if p.text[pos : hit.start].strip(" \t:.,-–—|"):
            return False
        pos = hit.end
    return pos > start and not p.text[pos:end].strip(" \t:.,-–—|")


def publication_date(p: Parsed) -> str | None:
    """The page's own date from a dateline near its top ("Last Updated: Tuesday, 17 May,
    2005, 18:33 GMT"), for documents that came without one; None when unsure."""
    if p.date and len(p.date) >= 10:
        return None
    _, pub = _matchers(p.lang)
    for sent in p.sentences[:_LEDE_SENTENCES]:
        if not _short_line(p, sent):
            continue
        text = p.text[sent.span.start : sent.span.end]
        if next(iter(pub.finditer(text)), None) is None and _CLOCK.search(text) is None:
            continue
        for m in find_times(text, p.lang):
            dated = m.precision == "day" and m.kind == "date" and m.start_date is not None
            if dated and (p.date is None or (m.start_date or "").startswith(p.date)):
                return m.start_date
    return None


@lru_cache(maxsize=64)
def _since_words(lang: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in grammar(lang).cfg.get("since", []))


def _opens_since(p: Parsed, t: TimeMention) -> bool:
    """ "since 2012", "depuis fin juin", "с 2011 года": the time opens a period that runs to
    the report's day."""
    if t.kind == "range":
        return False  # "с 1 по 3 мая" is closed
    if t.text.split(" ", 1)[0].casefold() in _since_words(p.lang):
        return True
    words = _WORD.findall(p.text[max(0, t.start - 20) : t.start])
    if not words:
        return False
    last_two = " ".join(words[-2:]).casefold()
    return words[-1].casefold() in _since_words(p.lang) or last_two in _since_words(p.lang)


def lede_time(p: Parsed) -> TimeMention | None:
    """The first event time of the lede that an act word stands by ("last Thursday's
    massacre", "the massacre of 2 October"): what the lede's earlier figures are about."""
    first = next((s.index for s in p.sentences if _has_harm(p, s.span.start, s.span.end)), None)
    if first is None:
        return None
    for sent in p.sentences[first : first + _LEDE_SENTENCES]:
        for t in sent.times:
            if t.role != "event" or t.start_date is None or _opens_since(p, t):
                continue  # "seit 2012 Tausende Tote": a running total, not the lede's act
            lo = max(sent.span.start, t.start - _ACT_REACH)
            hi = min(sent.span.end, t.end + _ACT_REACH)
            if _has_harm(p, lo, hi):
                return t
    # No time by an act word: the first day the harm's own paragraph names ("Bewaffnete
    # hätten am Sonntag das Feuer eröffnet" right after "mindestens 19 getötet").
    # A headline of its own is read with the paragraph under it.
    para = p.sentences[first].para
    alone = first + 1 < len(p.sentences) and p.sentences[first + 1].para != para
    for sent in p.sentences[first : first + _LEDE_SENTENCES]:
        if sent.para > para + alone:
            break
        for t in sent.times:
            if t.role == "event" and t.precision == "day" and not _opens_since(p, t):
                return t
    return None


def lede_time_for(p: Parsed, sent: Sentence, end: int) -> TimeMention | None:
    """The lede's time for a figure ending at ``end`` in ``sent`` that nothing earlier dates,
    unless a sentence up to the lede time's opens a new episode ("In the latest violence,
    dozens were killed ..."): then the figure, or the time, belongs to another story."""
    t = p.lede_time
    if t is None or t.start <= end:
        return None
    for s in p.sentences:
        if s.span.start > t.start:
            break
        if opens_episode(p, s):
            return None
    return t


def opens_episode(p: Parsed, sent: Sentence) -> bool:
    """Whether ``sent`` opens a new episode ("In the latest violence, ...", "Separately,")."""
    opening = _OPENING_JUNK.match(p.text, sent.span.start, sent.span.end)
    at = opening.end() if opening is not None else sent.span.start
    hit = next(iter(_episodes(p.lang).finditer(p.text, at, min(sent.span.end, at + 60))), None)
    return hit is not None and hit.start == at


def sentence_roles(p: Parsed, sent: Sentence) -> Callable[[TimeMention], str]:
    """``time_role`` for the mentions of one sentence, finding its verbs once."""
    verbs: list[list[tuple[int, int]]] = []

    def role(m: TimeMention) -> str:
        if not verbs:
            verbs.append(_verb_hits(p, sent.span.start, sent.span.end))
        return time_role(p, sent, m, verbs[0])

    return role
