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

from rashomon.extract.claims import Claim
from rashomon.extract.gazetteer import PlaceMention
from rashomon.extract.numbers import NumberMention
from rashomon.extract.pipeline import Parsed, Sentence


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
    before: tuple[str, ...], after: tuple[str, ...], locatives: tuple[str, ...] = ()
) -> re.Pattern[str] | None:
    parts = []
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


def local_places(p: Parsed, sent: Sentence) -> list[dict[str, Any]]:
    """Places named in the text but absent from any gazetteer: streets, camps, villages
    ("rue X", "X camp", "in Brisk", "d'Osterlo"), kept as unresolved places (no id, no
    coordinates).  Month and day names and known actors are not places."""
    # Where every noun is capitalised (German), a capital after "in" marks no name.
    locatives = () if p.lex.capitalised_nouns else p.lex.locatives
    regex = _local_regex(p.lex.local_before, p.lex.local_after, locatives)
    if regex is None:
        return []
    out = []
    for m in regex.finditer(p.text, sent.span.start, sent.span.end):
        found = {k: v for k, v in m.groupdict().items() if v}
        group = next(iter(found))
        if any(pl.start < m.end() and m.start() < pl.end for pl in sent.places):
            continue
        if any(a.start < m.end() and m.start() < a.end for a in sent.actors):
            continue  # a group or organisation, not a place ("in Armenian villages")
        if any(t.start < m.end() and m.start() < t.end for t in sent.times):
            continue  # "im Herbst 1930", "in Spring"
        name = m.group(group)
        if name.casefold().rstrip(".") in p.lex.calendar_words or name.split()[0].casefold() in (
            p.lex.calendar_words
        ):
            continue  # "in May", "im Juli"
        # A bare name after a preposition is its own text; "rue X" keeps the street word.
        start, end = (m.start(group), m.end(group)) if group == "c" else (m.start(), m.end())
        out.append(
            {
                "text": p.text[start:end],
                "name": name,
                "id": None,
                "kind": "local",
                "lat": None,
                "lon": None,
                "start": start,
                "end": end,
            }
        )
    return out


def _near(p: Parsed, sent: Sentence, start: int) -> bool:
    lo = max(sent.span.start, start - 24)
    return any(0 <= start - h.end <= 2 for h in p.lex.proximity.finditer(p.text, lo, start))


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


class Context:
    """The places earlier sentences established (victims and perpetrators are carried by the
    accounts of extract/_roles_context.py, which need the syntax of who did what)."""

    def __init__(self) -> None:
        self.para = -1
        self.para_counts: Counter[str] = Counter()
        self.doc_counts: Counter[str] = Counter()
        self.by_key: dict[str, dict[str, Any]] = {}

    def enter(self, para: int) -> None:
        if para != self.para:
            self.para = para
            self.para_counts = Counter()

    def places(self) -> list[dict[str, Any]]:
        """The place the text keeps talking about so far."""
        counts = self.doc_counts
        if not counts:
            return []
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
            if pl.get("near") or pl.get("kind") == "local":
                continue
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
    out = []
    for pl in [_place(m) for m in sent.places] + local_places(p, sent):
        if any(s <= pl["start"] and pl["end"] <= e for s, e in speakers):
            continue
        after = p.text[pl["end"] : pl["end"] + 2]
        if len(after) == 2 and after[0] == "-" and after[1].isalpha():
            continue
        if _near(p, sent, pl["start"]):
            pl["near"] = True
        out.append(pl)
    return sorted(out, key=lambda pl: pl["start"])


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
    zone = [pl for pl in places if fig.end <= pl["start"] < nxt]
    prefix = [pl for pl in places if pl["start"] < first_start]
    direct_zone = [pl for pl in zone if not pl.get("near")]
    direct_prefix = [pl for pl in prefix if not pl.get("near")]
    chosen: list[dict[str, Any]] = []
    note = ""
    if direct_zone:
        chosen = direct_zone
    elif subset and prev is not None and prev.places:
        chosen, note = prev.places, "shared with the figure it is part of"
    elif direct_prefix:
        chosen = direct_prefix
    elif prev is not None and prev.places:
        chosen, note = prev.places, "those of the previous figure in the sentence"
    elif zone or prefix:
        chosen = zone or prefix
    if chosen and all(pl.get("kind") == "country" for pl in chosen):
        # A country is a coarse answer when the text has been about a place inside it.
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
    claim.places = dedupe(chosen)
    if note:
        claim.notes.append(f"places: {note}")
