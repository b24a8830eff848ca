"""Where it happened vs where it was said: the role of each place named in a document.

A place is the event's place unless its words make it something else:

* ``dateline``: the filing place of wire copy at the start of a line ("GENEVA (Reuters) -",
  "BAKU, March 31, 2025 —", "Quito, 12 Mar 87 (EFE) --");
* ``speech``: where someone spoke ("said on Monday in Geneva", "told reporters in New York",
  "a press conference in Baku", "a spokesman in Kinshasa"), or a capital standing for its
  government as the subject of a speech verb ("Moscow said");
* ``seat``: a headquarters or embassy ("the London-based Observatory", "based in Geneva",
  "the Colombo government");
* ``court``: where a case was heard ("the tribunal in The Hague", "trial in Arusha");
* ``treaty``: a treaty, agreement, conference or talks named after a place ("Treaty of
  Brest-Litovsk", "Dayton agreement", "talks in Geneva");
* ``organisation``: part of an organisation's name ("The New York Times", "Radio Netherlands",
  "University of Sarajevo");
* ``named``: a place's name given to a building, ship, unit or operation ("edificio
  Chihuahua", "Operation Baku");
* ``people``: a word read as a people, not a place ("the Hema ethnic community", a place
  name that the actor table reads as an ethnonym at the same words);
* ``person``: a place's name right after a title or in a byline's name, part of a
  person's name ("Colonel Lublin", "le préfet de police Maurice X", "Por Julián Ortega X");
* ``shouted``: in all-caps text, a one-word town the gazetteer neither curates nor counts
  as a country, right after an article ("THE REST OF THE COMMUNITY"), that the document
  never writes in mixed case nor with a locative or place word anywhere: capitals prove no
  name there, and an empty place is better than a wrong one.

The words are per-language data (``data/lang/<lang>/places.json``); nothing here is keyed to
a document.  Only ``event`` places become a claim's places or the text's context.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rashomon.extract._case import in_caps_run
from rashomon.extract.gazetteer import PlaceMention
from rashomon.extract.lexicon import lexicon_data, pattern_regex

ROLES = (
    "event",
    "dateline",
    "speech",
    "seat",
    "court",
    "treaty",
    "organisation",
    "people",
    "named",
    "person",
    "shouted",
)
NON_EVENT = frozenset(ROLES[1:])

_WS = r"[\s\u00a0\u202f]"
#: A city this large needs no locative even in capitals ("PROTESTERS MARCHED TO PARIS").
_SHOUTED_CITY = 1_000_000
_BEFORE_WINDOW = 80
_AFTER_WINDOW = 40
# A dateline's head (place, date) is short; its marker is "(Agency)" and/or a dash.
_DATELINE = re.compile(
    r"[ \t]*(?P<head>(?:[^\n()]|\n(?!\n)){2,90}?)\s*"
    r"(?:\((?P<agency>[^()\n]{1,40})\)[ \t]*(?:[-–—:.]+|\n|$)|(?P<dash>(?<=\s)[-–—]{1,2}[ \t]))"
)


def _alternation(phrases: Iterable[str]) -> str:
    parts = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(pattern_regex(p) for p in parts)


def _after_regex(phrases: Iterable[str]) -> str:
    parts = []
    for phrase in sorted({p.lower() for p in phrases if p.strip()}, key=len, reverse=True):
        lead = _WS + "+" if phrase[0].isspace() else ""
        parts.append(lead + pattern_regex(phrase.strip()))
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    before: tuple[tuple[str, re.Pattern[str]], ...]
    after: tuple[tuple[str, re.Pattern[str]], ...]
    #: A speech verb, then only fillers (times, audiences), then a locative, right before.
    speech: re.Pattern[str] | None
    #: A locative right before the place: a place after "in" is never a subject.
    locative: re.Pattern[str] | None
    #: A byline's word opening the line, then names: "Por Julián Ortega X" (a person).
    byline: re.Pattern[str] | None = None


@cache
def places_data(lang: str) -> dict[str, Any]:
    """The language's place words (``data/lang/<lang>/places.json``), empty when absent."""
    path = resources.files("rashomon") / "data" / "lang" / lang / "places.json"
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8")))


@cache
def role_lexicon(lang: str, calendar: frozenset[str] = frozenset()) -> RoleLexicon | None:
    data = places_data(lang)
    if not data:
        return None
    articles = _alternation(data.get("articles", []))
    article = rf"(?:(?:{articles}){_WS}*)?" if articles else ""
    # Where words compound ("Regierungssprecher in"), a phrase may end a longer word.
    edge = "" if data.get("compounds") else r"(?<!\w)"
    # A title in quotes after its kind ('the blog «X adentro»', 'newspaper "X Worker"').
    quote = r"(?:[«“„\"‹]\s*)?"
    before = []
    for role, phrases in data.get("before", {}).items():
        alt = _alternation(phrases)
        if alt:
            tail = rf"(?:{_WS}+|(?<=['’])){quote}(?:{article})$"
            before.append((role, re.compile(rf"{edge}(?:{alt}){tail}", re.I)))
    after = []
    for role, phrases in data.get("after", {}).items():
        alt = _after_regex(phrases)
        if alt:
            after.append((role, re.compile(rf"(?:{alt})(?!\w)", re.I)))
    locatives = _alternation(data.get("locatives", []))
    verbs = _alternation(data.get("speech_verbs", []))
    fillers = _alternation([*data.get("speech_fillers", []), *calendar])
    speech = None
    if verbs and locatives:
        filler = rf"(?:{_WS}+(?:{fillers}|[A-Z]{{2,6}}))" if fillers else ""
        speech = re.compile(
            rf"(?<!\w)(?:{verbs})(?!\w)(?:{filler}){{0,6}}{_WS}+(?:{locatives})"
            rf"(?:{_WS}+|(?<=['’])){article}$",
            re.I,
        )
    locative = (
        re.compile(rf"(?<!\w)(?:{locatives})(?:{_WS}+|(?<=['’])){article}$", re.I)
        if locatives
        else None
    )
    byline_words = _alternation(data.get("byline", []))
    byline = (
        re.compile(
            rf"(?:^|\n)[ \t]*(?:{byline_words})[ \t]+(?:[^\W\d_][\w'’.-]*[ \t]+){{1,3}}$", re.I
        )
        if byline_words
        else None
    )
    return RoleLexicon(tuple(before), tuple(after), speech, locative, byline)


def dateline_spans(
    text: str, places: Sequence[PlaceMention], calendar: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of datelines: a line that opens with a place (and maybe more places and a
    date) closed by an agency in brackets or a dash ("AMMAN/GENEVA (Reuters) -")."""
    if not places:
        return []
    by_start = sorted(places, key=lambda m: m.start)
    out: list[tuple[int, int]] = []
    line_starts = [0, *(m.end() for m in re.finditer(r"\n", text))]
    firsts = {m.start for m in by_start}
    for ls in line_starts:
        # Cheap test first: a place within the first characters of the line.
        lead = len(text[ls : ls + 8]) - len(text[ls : ls + 8].lstrip(" \t"))
        if ls + lead not in firsts:
            continue
        m = _DATELINE.match(text, ls)
        if m is None:
            continue
        head_start, head_end = m.start("head"), m.end("head")
        head = text[head_start:head_end]
        inside = [pl for pl in by_start if head_start <= pl.start and pl.end <= head_end]
        if _is_dateline_head(text, head_start, head, inside, calendar, bool(m.group("agency"))):
            out.append((ls, m.end()))
    return out


def _is_dateline_head(
    text: str,
    head_start: int,
    head: str,
    inside: list[PlaceMention],
    calendar: frozenset[str],
    agency: bool,
) -> bool:
    covered = [(pl.start - head_start, pl.end - head_start) for pl in inside]
    dated = False
    for tm in re.finditer(r"[^\W_]+", head):
        if any(s <= tm.start() and tm.end() <= e for s, e in covered):
            continue
        word = tm.group()
        if word.isdigit() or word.casefold().rstrip(".") in calendar:
            dated = True
        elif len(word) <= 3 and word.isalpha():
            continue  # "10 de diciembre", "10 DE DICIEMBRE"
        else:
            return False
    if any(ch in head for ch in '!?"«»“”'):
        return False
    # Without an agency, a dash closes a dateline only after a date or in wire capitals;
    # "Shusha - 500 killed" is a list item about Shusha.
    letters = [ch for ch in head if ch.isalpha()]
    shouting = bool(letters) and all(ch.isupper() for ch in letters)
    return agency or dated or shouting


def _role_of(text: str, m: PlaceMention, lex: RoleLexicon) -> str:
    # The words around the place, within its paragraph: a hard line wrap (or a sentence
    # split at one) does not cut "told reporters in\nGeneva".
    before = text[max(0, m.start - _BEFORE_WINDOW) : m.start].rsplit("\n\n", 1)[-1]
    after = text[m.end : m.end + _AFTER_WINDOW].split("\n\n", 1)[0]
    for role, regex in lex.before:
        if regex.search(before):
            return role
    if lex.byline is not None and lex.byline.search(before) and _names_only(before):
        return "person"
    if lex.speech is not None and lex.speech.search(before):
        return "speech"
    preceded_by_locative = lex.locative is not None and bool(lex.locative.search(before))
    for role, regex in lex.after:
        if role == "speech" and preceded_by_locative:
            continue  # "killed in Homs said the Observatory": Homs is no subject
        if regex.match(after):
            return role
    return "event"


def _names_only(before: str) -> bool:
    """Whether the words after the byline's word on this line are all capitalised."""
    words = before.rsplit("\n", 1)[-1].split()[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


def mark_roles(
    text: str,
    lang: str,
    mentions: Sequence[PlaceMention],
    group_spans: Iterable[tuple[int, int]] = (),
    calendar: frozenset[str] = frozenset(),
) -> None:
    """Set ``role`` on every mention; ``group_spans`` are the actor table's peoples
    (ethnonyms) found in the text."""
    lex = role_lexicon(lang, calendar)
    peoples = set(group_spans)
    datelines = dateline_spans(text, mentions, calendar)
    for m in mentions:
        if (m.start, m.end) in peoples:
            m.role = "people"
            continue
        if any(s <= m.start and m.end <= e for s, e in datelines):
            m.role = "dateline"
            continue
        if lex is not None:
            m.role = _role_of(text, m, lex)


def mark_shouted(
    text: str,
    lang: str,
    mentions: Sequence[PlaceMention],
    place_before: Sequence[str] = (),
    place_after: Sequence[str] = (),
) -> None:
    """Set role ``shouted`` on the event places of all-caps text that only capitals made
    places (see the module's docstring).  Support anywhere in the document keeps a town: a
    locative or place word before it ("IN", "À LA", "VILLAGE OF", "30 KM NORTH OF"), a
    place, unit or event word after it ("X CAMP", "X PROVINCE", "X MASSACRE"), a country
    after it ("X, MALI"), a list after a supported place ("IN X, Y AND Z"), or a mention
    written in mixed case."""
    lex = role_lexicon(lang)
    if lex is None:
        return
    data = places_data(lang)
    before_words = _shout_support(
        (
            *place_before,
            *data.get("local_before", []),
            *data.get("event_before", []),
            *lexicon_data(lang).get("proximity_markers", []),  # "30 KM NORTH OF X"
        )
    )
    after_words = _after_regex(
        [" " + w for w in (*place_after, *data.get("event_after", []), *data.get("unit_after", []))]
    )
    after = re.compile(rf"(?:{after_words})(?!\w)", re.I) if after_words else None
    doubtful: list[PlaceMention] = []
    supported: set[str] = set()
    # "X, MALI" or "X (MALI)": a town located by the country or region after it.
    located = {
        m.start - len(sep.group())
        for m in mentions
        if m.place is not None
        and m.place.kind != "city"
        and (sep := _LOCATED.search(text, max(0, m.start - 3), m.start)) is not None
    }
    articles = frozenset(w.casefold() for w in data.get("articles", []))
    coordinators = _alternation(data.get("coordinators", []))
    listed = re.compile(rf"\s*(?:,|,?\s+(?:{coordinators}))\s+$", re.I) if coordinators else None
    last_place = -1  # where the last place that needs no capitals' support ends
    for m in mentions:
        pl = m.place
        follows = listed is not None and last_place >= 0 and listed.match(text, last_place, m.start)
        if m.role != "event" or pl is None or pl.source == "curated" or pl.kind == "country":
            last_place = m.end if m.role == "event" else -1
            continue
        if pl.population >= _SHOUTED_CITY:
            last_place = m.end
            continue
        last_place = m.end
        head = text[max(0, m.start - _BEFORE_WINDOW) : m.start]
        if (
            follows  # "IN X, Y AND Z"
            or m.end in located
            or (lex.locative is not None and lex.locative.search(head))
            or (before_words is not None and before_words.search(head))
            or (after is not None and after.match(text, m.end, m.end + _AFTER_WINDOW))
        ):
            supported.add(pl.id)
        elif (
            m.text.isupper()
            and " " not in m.text
            and in_caps_run(text, m.start, m.end)
            and _noun_after_article(text, m.start, articles)
        ):
            doubtful.append(m)
            last_place = -1
        else:
            supported.add(pl.id)  # written with case evidence elsewhere in the document
    for m in doubtful:
        # "MOVED INTO ANDIJAN" is Andijan where the text also says "IN ANDIJAN" or "Andijan".
        if m.place is not None and m.place.id not in supported:
            m.role = "shouted"


def _noun_after_article(text: str, start: int, articles: frozenset[str]) -> bool:
    """After an article a shouted word is a noun ("THE REST OF THE COMMUNITY"), not a town;
    a town's name takes none unless the article is part of it ("LE HAVRE", one match)."""
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    return prev is not None and prev.group(1).casefold() in articles


_PREV_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")
_LOCATED = re.compile(r"(?:,\s*|\s*\(\s*)$")


@cache
def _shout_support(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    alt = _alternation(phrases)
    return re.compile(rf"(?<!\w)(?:{alt})(?:{_WS}+|(?<=['’]))$", re.I) if alt else None


def is_event_place(m: PlaceMention) -> bool:
    return m.role not in NON_EVENT


__all__ = [
    "NON_EVENT",
    "ROLES",
    "dateline_spans",
    "is_event_place",
    "mark_roles",
    "mark_shouted",
    "places_data",
]
