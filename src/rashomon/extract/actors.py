"""Actor and group alias table: organisations, armed groups, states, persons, ethnonyms.

The table is `rashomon/data/actors.tsv` (hand-curated, one row per actor, aliases in many
languages and transliterations). Matching uses the same token keys as the gazetteer, plus
a light Latin-script stem for group names ("arméniennes", "armenischen", "serbios") and
rapidfuzz on a rough phonetic spelling for person names written in another language's
transliteration ("Djivanchir" for Javanshir).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from rashomon.extract._names import (
    TokenSpan,
    fold,
    is_cyrillic,
    iter_matches,
    phonetic,
    ru_stem,
    tokenize,
    tokens,
)

LATIN_STEM_PREFIX = "^"
CYRILLIC_STEM_PREFIX = "~"

# Types whose names are proper names: capitalisation is required and no stemming applies.
PROPER_TYPES = frozenset({"person", "org", "armed_group", "state"})
# Group nouns and adjectives inflect; their stems are indexed. Generic groups ("group":
# women, villagers, residents...) are not stemmed: "villager" and "village" share a stem.
STEMMED_TYPES = frozenset({"ethnonym", "religious_group", "army", "armed_group", "org"})

FUZZY_CUTOFF = 90.0
FUZZY_MIN_LEN = 6
FUZZY_MIN_SKELETON = 5

_VOWELS = re.compile(r"[aeiou]+")
# Titles end many person aliases ("Nuri Pasha", "Behbud Khan"); they are not surnames.
_TITLES = frozenset({"pasha", "pascha", "paschas", "pacha", "pasa", "khan", "bey", "agha"})
# Skeletons are forgiving about vowels; the plain phonetic spelling must still be close.
FUZZY_PHONETIC_CUTOFF = 80.0


def skeleton(name: str) -> str:
    """Phonetic spelling with every vowel group reduced to "a": transliterations disagree
    mostly on vowels (Javanshir, Djivanchir, Dschewanschir)."""
    return _VOWELS.sub("a", phonetic(name))


# A Latin token is stemmed only when it ends like a plural or an inflected adjective, so a
# bare country name ("Armenia", "Serbia") never meets the people's stem.
_LATIN_INFLECTED_END = ("s", "e", "n", "r", "m")
_LATIN_ENDINGS = ("en", "er", "es", "em", "e", "a", "o")
_MIN_LATIN_STEM = 4


def latin_stem(token: str) -> str | None:
    key = fold(token)
    if len(key) < 5 or not key.endswith(_LATIN_INFLECTED_END) or not key.isalpha():
        return None
    full = key
    if key.endswith("s"):
        key = key[:-1]
    if key.endswith("nne"):
        key = key[:-2]
    for ending in _LATIN_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_LATIN_STEM:
            key = key[: -len(ending)]
            break
    return key if key != full else None


def _stem_token(token: str, latin: bool) -> str | None:
    # Russian inflects every noun, names included, so Cyrillic tokens are always stemmed.
    if is_cyrillic(token):
        stem = ru_stem(token)
        return None if stem is None else CYRILLIC_STEM_PREFIX + stem
    if not latin:
        return None
    # An alias already in base form ("armenisch") is its own stem, so inflected text forms
    # ("armenischen") reach it.
    stem = latin_stem(token) or fold(token)
    return LATIN_STEM_PREFIX + stem if len(stem) >= _MIN_LATIN_STEM else None


def _alias_keys(alias: str, stem_latin: bool) -> list[str]:
    toks = tokens(alias)
    if not toks:
        return []
    exact = [fold(t) for t in toks]
    if not all(exact):
        return []
    keys = [" ".join(exact)]
    mixed = " ".join(_stem_token(t, stem_latin) or e for t, e in zip(toks, exact, strict=True))
    if mixed not in keys:
        keys.append(mixed)
    return keys


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6


@cache
def _is_place_name(token: str) -> bool:
    """Country and curated place names often share a stem with a people ("Bosnien" and
    "bosnios", "Chine" and "chinos"); such a token is a place, not that people."""
    from rashomon.extract.gazetteer import Gazetteer

    return any(
        p.kind == "country" or p.source == "curated" for p in Gazetteer.load().lookup(token, "de")
    )


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    valid_from: int | None
    valid_to: int | None
    same_as: str | None
    notes: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor_id: str
    name: str
    type: str
    match: str  # "exact" | "stem" | "fuzzy"
    score: float = 100.0
    same_as: str | None = None


@dataclass(slots=True)
class _Entry:
    actors: list[str]
    acronym: bool
    needs_capital: bool
    # Acronyms must be written exactly: "MTR" is not "МТР", "un" is not "UN".
    forms: set[str] = field(default_factory=set)


class ActorTable:
    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        self.index: dict[str, _Entry] = {}
        self._fuzzy_keys: list[str] = []
        self._fuzzy_ids: list[str] = []
        self._fuzzy_phonetic: list[str] = []
        for actor in actors:
            self._add(actor)
        prefixes: set[str] = set()
        self.max_tokens = 1
        for key in self.index:
            parts = key.split(" ")
            self.max_tokens = max(self.max_tokens, len(parts))
            for n in range(1, len(parts)):
                prefixes.add(" ".join(parts[:n]))
        self.prefixes = frozenset(prefixes)

    def _add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        stemmed = actor.type in STEMMED_TYPES
        proper = actor.type in PROPER_TYPES
        for alias in actor.aliases:
            acronym = _is_acronym(alias)
            # "Dashnaks" is a name, "dachnaks"/"дашнаки" the ordinary noun for members.
            capital = proper and alias[:1].isupper()
            for key in _alias_keys(alias, stemmed and not acronym):
                entry = self.index.get(key)
                if entry is None:
                    entry = self.index[key] = _Entry([], acronym, capital)
                else:
                    # A key is case-restricted only if every alias behind it is.
                    entry.acronym = entry.acronym and acronym
                    entry.needs_capital = entry.needs_capital and capital
                if acronym:
                    entry.forms.add(alias)
                if actor.id not in entry.actors:
                    entry.actors.append(actor.id)
            if actor.type == "person":
                surname = tokens(alias)[-1] if tokens(alias) else ""
                sk = skeleton(surname)
                if (
                    len(surname) >= FUZZY_MIN_LEN
                    and len(sk) >= FUZZY_MIN_SKELETON
                    and fold(surname) not in _TITLES
                    and sk not in self._fuzzy_keys
                ):
                    self._fuzzy_keys.append(sk)
                    self._fuzzy_phonetic.append(phonetic(surname))
                    self._fuzzy_ids.append(actor.id)

    @classmethod
    @cache
    def load(cls) -> ActorTable:
        text = resources.files("rashomon").joinpath("data", "actors.tsv").read_text("utf-8")
        return cls(parse_tsv(text))

    def lookup(self, name: str) -> list[Actor]:
        """Actors a name can refer to (exact or stem keys, no fuzzy matching)."""
        toks = tokens(name)
        if not toks:
            return []
        out: list[Actor] = []
        for stemmed in (False, True):
            for key in _alias_keys(name, stemmed):
                entry = self.index.get(key)
                for aid in entry.actors if entry else ():
                    if self.actors[aid] not in out:
                        out.append(self.actors[aid])
        return out

    def find_actors(self, text: str, lang: str | None = None) -> list[ActorMention]:
        """All actor mentions in `text`, longest match first, with half-open offsets."""
        toks = tokenize(text)
        extra: dict[int, tuple[str, ...]] = {}
        for i, t in enumerate(toks):
            if not is_cyrillic(t.text):
                stem = latin_stem(t.text)
                if stem is not None:
                    extra[i] = (LATIN_STEM_PREFIX + stem,)
        out: list[ActorMention] = []
        covered: set[int] = set()
        for i, n, key in iter_matches(
            toks, text, self.index, self.prefixes, self.max_tokens, extra
        ):
            start, end = toks[i].start, toks[i + n - 1].end
            surface = text[start:end]
            entry = self.index[key]
            if entry.acronym and surface not in entry.forms:
                continue
            if entry.needs_capital and not surface[:1].isupper():
                continue
            actor = self.actors[entry.actors[0]]
            exact = all(key.split(" ")[k] == toks[i + k].keys[0] for k in range(n))
            if not exact and n == 1 and _is_place_name(toks[i].text):
                continue
            out.append(
                ActorMention(
                    start,
                    end,
                    surface,
                    actor.id,
                    actor.name,
                    actor.type,
                    "exact" if exact else "stem",
                    100.0,
                    actor.same_as,
                )
            )
            covered.update(range(i, i + n))
        if self._fuzzy_keys:
            out.extend(self._fuzzy(toks, covered))
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _fuzzy(self, toks: list[TokenSpan], covered: set[int]) -> list[ActorMention]:
        found: list[ActorMention] = []
        for i, t in enumerate(toks):
            if (
                i in covered
                or not t.text[:1].isupper()
                or t.text.isupper()
                or len(t.text) < FUZZY_MIN_LEN
            ):
                continue
            sk = skeleton(t.text)
            if len(sk) < FUZZY_MIN_SKELETON:
                continue
            hit = process.extractOne(
                sk, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if hit is None or hit[0][:1] != sk[:1]:
                continue
            if fuzz.ratio(phonetic(t.text), self._fuzzy_phonetic[hit[2]]) < FUZZY_PHONETIC_CUTOFF:
                continue
            actor = self.actors[self._fuzzy_ids[hit[2]]]
            found.append(
                ActorMention(
                    t.start,
                    t.end,
                    t.text,
                    actor.id,
                    actor.name,
                    actor.type,
                    "fuzzy",
                    float(hit[1]),
                    actor.same_as,
                )
            )
        return found


def _year(text: str) -> int | None:
    return int(text) if text.strip() else None


def parse_tsv(text: str) -> list[Actor]:
    rows = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        Actor(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            valid_from=_year(row["valid_from"]),
            valid_to=_year(row["valid_to"]),
            same_as=row["same_as"] or None,
            notes=row["notes"],
        )
        for row in rows
    ]
