"""Where a figure happened: places in its sentence, unresolved local places, and context.

* places after the figure up to the next number ("900 in Osterlo, 400 in Brisk"), else those
  before the sentence's first number, else those of the previous figure in the sentence, else
  the place the text keeps talking about;
* places named as reference points ("near X") only when nothing else is named;
* a figure introduced as a subset of the previous one ("of whom 400") shares its places;
* a country is replaced by the place inside it that the text is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

from rashomon.extract._case import in_caps_run
from rashomon.extract.claims import Claim
from rashomon.extract.gazetteer import Gazetteer, PlaceMention
from rashomon.extract.lexicon import common_words
from rashomon.extract.numbers import NumberMention
from rashomon.extract.pipeline import Parsed, Sentence
from rashomon.extract.place_roles import places_data

#: A period longer than this is an aggregate (a war's toll), not one event's.
_EVENT_SPAN_DAYS = 62


def dedupe(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = str(item.get("id") or item.get("name"))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


_CAPS = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+){0,2}"


@cache
def _local_regex(
    before: tuple[str, ...],
    after: tuple[str, ...],
    locatives: tuple[str, ...] = (),
    introducers: tuple[str, ...] = (),
    articles: tuple[str, ...] = (),
) -> re.Pattern[str] | None:
    parts = []
    if introducers:
        # Words that introduce a place's name ("the massacre of X", "a village called X",
        # "the villages of X", "la préfecture de la X"): the place is the name alone.
        words = "|".join(re.escape(w) for w in sorted(introducers, key=len, reverse=True))
        arts = "|".join(re.escape(w) for w in articles if not w[-1:].isalpha())
        spaced = "|".join(re.escape(w) for w in articles if w[-1:].isalpha())
        article = rf"(?:(?i:{spaced})\s+|(?i:{arts}))?" if articles else ""
        parts.append(rf"(?<!\w)(?i:{words})(?:\s+|(?<=['’])){article}(?P<n>{_CAPS})")
    if locatives:
        # A capitalised name right after a locative preposition ("in Brisk", "d'Osterlo").
        words = "|".join(re.escape(w) for w in locatives)
        parts.append(rf"(?<!\w)(?:{words})(?:\s+|(?<=['’]))(?P<c>{_CAPS})")
    if before:
        words = "|".join(re.escape(w) for w in before)
        parts.append(rf"(?<!\w)(?i:{words})\s+(?P<b>{_CAPS})")
    if after:
        words = "|".join(re.escape(w) for w in after)
        parts.append(rf"(?P<a>{_CAPS})\s+(?i:{words})(?!\w)")
    return re.compile("|".join(parts)) if parts else None


@cache
def _coordination(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?:\s*,\s*|\s+(?:{alt})\s+)(?P<c>{_CAPS})")


def local_places(p: Parsed, sent: Sentence) -> list[dict[str, Any]]:
    """Places named in the text but absent from any gazetteer: streets, camps, villages
    ("rue X", "X camp", "in Brisk", "d'Osterlo", "the massacre of X", "the villages of X, Y
    and Z"), kept as unresolved places (no id, no coordinates).  Month and day names and
    known actors are not places."""
    data = places_data(p.lang)
    # Where every noun is capitalised (German), a capital after "in" marks no name.
    locatives = () if p.lex.capitalised_nouns else p.lex.locatives
    events = tuple(w.lower() for w in data.get("event_before", []))
    introducers = tuple(w.lower() for w in data.get("local_before", [])) + events
    articles = tuple(data.get("articles", ()))
    regex = _local_regex(p.lex.local_before, p.lex.local_after, locatives, introducers, articles)
    if regex is None:
        return []
    coordination = _coordination(tuple(data.get("coordinators", ())))
    not_places = _not_places(p.lang)
    # A place's name given to a building or a ship may be read as a local name ("calle X").
    taken = [pl for pl in sent.places if pl.role != "named"]
    out: list[dict[str, Any]] = []
    pos = sent.span.start
    while (m := regex.search(p.text, pos, sent.span.end)) is not None:
        pos = m.end()
        found = {k: v for k, v in m.groupdict().items() if v}
        group = next(iter(found))
        name = m.group(group)
        g_start, g_end = m.start(group), m.end(group)
        if in_caps_run(p.text, g_start, g_end):
            # In all-caps text a capital proves no name ("THE VILLAGE OF THE ..."); after a
            # place word ("VILLAGE DE DRODRO") a word the language does not have still is one.
            if group == "c":
                pos = m.start(group)  # "IN THE VILLAGE OF X": look again after "IN"
                continue
            g_start, g_end = _uncommon_run(p, g_start, g_end, last=group == "a")
            if g_end == g_start:
                if group == "a":
                    pos = m.end(group)  # "DIED IN THE VILLAGE OF X": the place word leads
                continue
            name = p.text[g_start:g_end]
        # The mention: a bare name alone, "rue X" with its street word, "X camp" with its.
        bare = group in ("c", "n")
        start = g_start if bare or group == "a" else m.start()
        end = m.end() if group == "a" else g_end
        known = any(pl.start < end and start < pl.end for pl in taken)
        if known and group != "n":
            continue
        if any(a.start < end and start < a.end for a in sent.actors):
            continue  # a group or organisation, not a place ("in Armenian villages")
        if any(t.start < end and start < t.end for t in sent.times):
            continue  # "im Herbst 1930", "in Spring"
        if _not_local(p, name, not_places):
            continue
        if not known:
            out.append(_local(p.text, start, end, name))
        if group in ("b", "n"):
            # "the villages of Faradje, Doruma and Gurba": every name of the list (a name
            # the gazetteer knows is its place already).
            at = m.end()
            while (more := coordination.match(p.text, at, sent.span.end)) is not None:
                word = more.group("c")
                if _not_local(p, word, not_places) or in_caps_run(
                    p.text, more.start("c"), more.end("c")
                ):
                    break
                at = pos = more.end()
                if any(pl.start < more.end() and more.start() < pl.end for pl in taken):
                    continue
                out.append(_local(p.text, more.start("c"), more.end("c"), word))
    out.extend(_site_list(p, sent, taken, out, not_places))
    return out


@cache
def _site_regex(place_words: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(place_words, key=len, reverse=True))
    word = rf"(?:\s+(?i:{words}))?" if words else ""
    return re.compile(rf"(?P<s>{_CAPS}){word}\s*\(\s*(?=\d)")


def _site_list(
    p: Parsed,
    sent: Sentence,
    taken: Sequence[PlaceMention],
    found: Sequence[dict[str, Any]],
    not_places: tuple[frozenset[str], tuple[str, ...]],
) -> list[dict[str, Any]]:
    """Places of a per-site list ("répartis comme suit : A (12 morts), B (7) et C (5)",
    "registered at A town (2,150 people), B (1,320)"): two names at least, each followed
    by its count in brackets, none a group, an organisation or a date."""
    regex = _site_regex(p.lex.local_after)
    hits = list(regex.finditer(p.text, sent.span.start, sent.span.end))
    if len(hits) < 2:
        return []
    out: list[dict[str, Any]] = []
    for m in hits:
        start, end = m.start("s"), m.end("s")
        if in_caps_run(p.text, start, end):
            start, end = _uncommon_run(p, start, end, last=True)
            if start == end:
                continue
        name = p.text[start:end]
        spans = [(x.start, x.end) for x in taken]
        spans += [(x.start, x.end) for x in sent.actors]
        spans += [(x.start, x.end) for x in sent.times]
        if any(a < end and start < b for a, b in spans):
            continue
        if any(pl["start"] < end and start < pl["end"] for pl in found):
            continue
        if not _not_local(p, name, not_places):
            out.append(_local(p.text, start, end, name))
    return out


def _uncommon_run(p: Parsed, start: int, end: int, *, last: bool = False) -> tuple[int, int]:
    """The words of ``text[start:end]`` that are no ordinary word of the language (four
    letters or more, no month or day name), after any leading ordinary ones ("DE DRODRO
    JEUDI" -> "DRODRO"): where a shouted name stands.  With ``last``, the run that ends the
    span ("DIED IN OSTERKAMP" before "CAMP" -> "OSTERKAMP").  An empty span when there is
    none."""
    common = common_words(p.lang)
    calendar = p.lex.calendar_words
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", p.text[start:end]))
    if last:
        words.reverse()
    lo = hi = -1
    for w in words:
        folded = w.group().casefold()
        plain = len(folded) < 4 or folded in common or folded in calendar
        if plain and lo < 0:
            if last:
                break  # the name must touch the place word
            continue
        if plain:
            break
        a, b = start + w.start(), start + w.end()
        lo, hi = (min(lo, a) if lo >= 0 else a), max(hi, b)
    return (lo, hi) if lo >= 0 else (start, start)


def _not_local(p: Parsed, name: str, not_places: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    calendar = p.lex.calendar_words
    if name.casefold().rstrip(".") in calendar or name.split()[0].casefold() in calendar:
        return True  # "in May", "im Juli"
    if all(w.casefold() in common_words(p.lang) for w in name.split()):
        return True  # "The town was looted": a capital at the start of a sentence
    return _not_a_place(name, not_places)


@cache
def _not_places(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Capitalised words that name no place (holidays) and the endings of nouns that name
    a people ("Européens", "Algerians"), from the language's places.json."""
    data = places_data(lang)
    words = frozenset(w.casefold() for w in data.get("not_places", []))
    suffixes = tuple(w.casefold() for w in data.get("people_suffixes", []))
    return words, suffixes


def _not_a_place(name: str, not_places: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    words, suffixes = not_places
    folded = name.casefold()
    first = folded.split()[0]
    return first in words or folded in words or (" " not in folded and folded.endswith(suffixes))


def _local(text: str, start: int, end: int, name: str) -> dict[str, Any]:
    return {
        "text": text[start:end],
        "name": name,
        "id": None,
        "kind": "local",
        "lat": None,
        "lon": None,
        "start": start,
        "end": end,
    }


def _near(p: Parsed, sent: Sentence, start: int) -> bool:
    lo = max(sent.span.start, start - 24)
    return any(0 <= start - h.end <= 2 for h in p.lex.proximity.finditer(p.text, lo, start))


@cache
def _surroundings(lang: str) -> re.Pattern[str] | None:
    words = places_data(lang).get("surroundings", [])
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})\s+$", re.I) if alt else None


def _around(p: Parsed, sent: Sentence, start: int) -> bool:
    """ "in the surrounding villages of X": X is a place of its own count, beside the one
    the text is about."""
    regex = _surroundings(p.lang)
    lo = max(sent.span.start, start - 40)
    return regex is not None and regex.search(p.text[lo:start]) is not None


def _listed_after(p: Parsed, before: list[dict[str, Any]], start: int, key: str) -> bool:
    """ "the surrounding villages of X and Y": Y is listed after X and shares its ``key``."""
    last = max(before, key=lambda pl: pl["end"], default=None)
    if last is None or not last.get(key):
        return False
    words = tuple(places_data(p.lang).get("coordinators", ()))
    m = _coordination(words).match(p.text, last["end"])
    return m is not None and m.start("c") == start


def _place(m: PlaceMention) -> dict[str, Any]:
    pl = m.place
    return {
        "text": m.text,
        "name": pl.name if pl else m.text,
        "id": pl.id if pl else None,
        "kind": pl.kind if pl else None,
        "lat": pl.lat if pl else None,
        "lon": pl.lon if pl else None,
        "country": pl.country if pl else None,
        "start": m.start,
        "end": m.end,
    }


_SPECIFICITY = {"country": 0, "region": 1, "governorate": 1, "province": 1, "district": 2}


def _specificity(place: dict[str, Any]) -> int:
    return _SPECIFICITY.get(str(place.get("kind")), 3)


def document_place(p: Parsed) -> list[dict[str, Any]]:
    """The place the document is about: the event place it names most often (twice at
    least; a mention in the opening paragraphs, where a headline and lede say what the
    document is about, counts double), the more specific on a tie, then the first named.
    Places where something was said, signed or judged never count (place_roles)."""
    counts: Counter[str] = Counter()
    first: dict[str, dict[str, Any]] = {}
    for sent in p.sentences:
        for m in sent.places:
            if m.role != "event" or m.place is None or _near(p, sent, m.start):
                continue
            key = m.place.id
            counts[key] += 2 if sent.para < _LEDE_PARAGRAPHS else 1
            first.setdefault(key, _place(m))
    if not counts:
        return []
    order = {k: i for i, k in enumerate(first)}
    best = max(counts, key=lambda k: (counts[k], _specificity(first[k]), -order[k]))
    if counts[best] < 2:
        return []
    return [first[best]]


_LEDE_PARAGRAPHS = 3


class Context:
    """The places earlier sentences established (victims and perpetrators are carried by the
    accounts of extract/_roles_context.py, which need the syntax of who did what); before
    any, the place the whole document is about."""

    def __init__(self, p: Parsed | None = None) -> None:
        self.para = -1
        self.para_counts: Counter[str] = Counter()
        self.doc_counts: Counter[str] = Counter()
        self.by_key: dict[str, dict[str, Any]] = {}
        self.anchor = document_place(p) if p is not None else []
        #: The current sentence opens another episode: what was said so far is not its scene.
        self.episode = False

    def enter(self, para: int) -> None:
        if para != self.para:
            self.para = para
            self.para_counts = Counter()

    def places(self) -> list[dict[str, Any]]:
        """The place the text keeps talking about so far (none for a sentence that opens
        another episode: "In a separate incident, ...")."""
        if self.episode:
            return []
        counts = self.doc_counts
        if not counts:
            return self.anchor
        order = {k: i for i, k in enumerate(self.by_key)}
        # Mentioned twice counts as "what the text is about"; beyond that, the more specific
        # place wins (a town over its country or continent), then the paragraph, then recency.
        best = max(
            counts,
            key=lambda k: (
                min(counts[k], 2),
                _specificity(self.by_key[k]),
                self.para_counts[k],
                order[k],
            ),
        )
        return [self.by_key[best]]

    def learn(self, places: list[dict[str, Any]]) -> None:
        for pl in places:
            if pl.get("near") or pl.get("around") or "count_at" in pl:
                continue  # a reference point, or one site of a list or the surroundings
            key = str(pl.get("id") or pl.get("name"))
            self.by_key.pop(key, None)
            self.by_key[key] = pl
            self.para_counts[key] += 1
            self.doc_counts[key] += 1


def sentence_places(p: Parsed, sent: Sentence) -> list[dict[str, Any]]:
    """Where things happen in a sentence: gazetteer and local places, minus names that only
    qualify something else (a place inside a speaker such as "the government of China", or
    a compound such as "Bosnien-Kriegs")."""
    speakers = [(a.start, a.end) for a in sent.attributions]
    out: list[dict[str, Any]] = []
    event = [m for m in sent.places if m.role == "event"]
    local = local_places(p, sent)
    for pl in sorted([_place(m) for m in event] + local, key=lambda pl: pl["start"]):
        if any(s <= pl["start"] and pl["end"] <= e for s, e in speakers):
            continue
        after = p.text[pl["end"] : pl["end"] + 2]
        if len(after) == 2 and after[0] == "-" and after[1].isalpha():
            continue
        if _near(p, sent, pl["start"]):
            pl["near"] = True
        elif _around(p, sent, pl["start"]) or _listed_after(p, out, pl["start"], "around"):
            pl["around"] = True  # the place of its own count, not what the text is about
        if (count := _BRACKETED_COUNT.match(p.text, pl["end"], sent.span.end)) is not None:
            pl["count_at"] = count.end()  # "Ndélé (12 morts)": the count that place holds
        out.append(pl)
    return sorted(out, key=lambda pl: pl["start"])


#: Marks used while choosing, not part of a claim's place.
_WORKING = frozenset({"count_at", "around"})
#: A count in brackets right after a place's name, after at most one word ("A town (2,150").
_BRACKETED_COUNT = re.compile(r"(?:\s+[^\W\d_]+)?\s*\(\s*(?=\d)")


def _long(claim: Claim) -> bool:
    import datetime as dt

    t = claim.time or {}
    try:
        start = dt.date.fromisoformat(str(t.get("start"))[:10])
        end = dt.date.fromisoformat(str(t.get("end"))[:10])
    except ValueError:
        return False
    return (end - start).days > _EVENT_SPAN_DAYS


def choose_places(
    claim: Claim,
    fig: NumberMention,
    nxt: int,
    first_start: int,
    places: list[dict[str, Any]],
    prev: Claim | None,
    subset: bool,
    ctx: Context,
) -> None:
    # A site of a per-site list ("A (12), B (7)") is the place of its own count only.
    zone = [
        pl
        for pl in places
        if fig.end <= pl["start"] < nxt and pl.get("count_at", fig.start) == fig.start
    ]
    prefix = [pl for pl in places if pl["start"] < first_start]
    direct_zone = [pl for pl in zone if not pl.get("near")]
    direct_prefix = [pl for pl in prefix if not pl.get("near")]
    # Named between the sentence's first number and this figure ("the toll of the massacre
    # in 15 villages of the parish of X at 1,000"), when no figure before claims them.
    lead = [pl for pl in places if first_start <= pl["start"] < fig.start and not pl.get("near")]
    chosen: list[dict[str, Any]] = []
    note = ""
    site = [pl for pl in places if pl.get("count_at") == fig.start]
    if site:
        chosen, note = site, "the site whose count it is"
    elif direct_zone and _within(direct_prefix, direct_zone):
        # "From the districts of X region ... 410 dead, said the prosecutor of COUNTRY":
        # the country after the figure only locates the place the sentence opened with.
        chosen, note = _within(direct_prefix, direct_zone), "inside the country named after it"
    elif direct_zone:
        chosen = direct_zone
    elif subset and prev is not None and prev.places:
        chosen, note = prev.places, "shared with the figure it is part of"
    elif direct_prefix:
        chosen = direct_prefix
    elif prev is not None and prev.places:
        chosen, note = prev.places, "those of the previous figure in the sentence"
    elif lead:
        chosen, note = lead, "named before it in the sentence"
    elif zone or prefix:
        chosen = zone or prefix
    if chosen and all(pl.get("kind") == "country" for pl in chosen) and not _long(claim):
        # A country is a coarse answer when the text has been about a place inside it (a
        # toll over months or years stays the country's: "killed in Syria since 2011").
        inner = [
            c
            for c in ctx.places()
            if c.get("kind") != "country"
            and c.get("country") in {pl.get("country") for pl in chosen}
        ]
        if inner:
            chosen, note = inner, "the place the text is about, inside the country named"
    if not chosen and ctx.places():
        chosen, note = ctx.places(), "the most mentioned so far"
    claim.places = [{k: v for k, v in pl.items() if k not in _WORKING} for pl in dedupe(chosen)]
    if note:
        claim.notes.append(f"places: {note}")


def _within(inner: list[dict[str, Any]], outer: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places of ``inner`` below country level inside the countries that make up all of
    ``outer`` (empty unless ``outer`` is countries only)."""
    if not outer or any(pl.get("kind") != "country" for pl in outer):
        return []
    countries = {pl.get("country") for pl in outer}
    return [pl for pl in inner if pl.get("kind") != "country" and pl.get("country") in countries]


def _year(time: dict[str, Any] | None) -> int | None:
    start = (time or {}).get("start")
    if not isinstance(start, str) or len(start) < 4 or not start[:4].isdigit():
        return None
    return int(start[:4])


def name_periods(claims: Sequence[Claim], gazetteer: Gazetteer | None = None) -> None:
    """Give each gazetteer place of a dated claim the name the gazetteer knows for it at
    the claim's time (`period_name`, `period_id`): the place's own former name (Leningrad
    in 1941) or the unit that then held it (Mandatory Palestine for a village in 1948).
    `text` stays as the source wrote it and `name` the canonical modern name; nothing is
    added when the gazetteer knows no other name for that year."""
    gaz = gazetteer or Gazetteer.load()
    for claim in claims:
        year = _year(claim.time)
        if year is None or not claim.places:
            continue
        out = []
        for pl in claim.places:
            place = gaz.by_id.get(pl["id"]) if pl.get("id") else None
            period = gaz.period(place, year) if place is not None else None
            if period is not None:
                pl = {**pl, "period_name": period.name, "period_id": period.id}
            out.append(pl)
        claim.places = out
