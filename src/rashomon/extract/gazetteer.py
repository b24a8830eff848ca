"""Place gazetteer: curated historical units plus GeoNames-derived modern places.

The data come from `rashomon/data/gazetteer.bin.gz`, built by scripts/build_gazetteer.py;
nothing here reads GeoNames directly. Matching works on token keys (see `_names`), so one
dictionary lookup per token covers spellings, scripts, hyphenation and Russian case forms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rashomon.extract._case import in_caps_run
from rashomon.extract._gazdata import GazData
from rashomon.extract._names import (
    TokenSpan,
    fold,
    iter_matches,
    name_keys,
    starts_upper,
    tokenize,
    tokens,
)

# Below this population a GeoNames town matched in running text needs support from the
# document's other places: thousands of small towns share names with words and people.
MIN_UNSUPPORTED_POPULATION = 100_000
_SHOUTED_MIN_POPULATION = 100_000
# Short GeoNames-only names ("Der", "Chi", "Far") are mostly words or syllables.
MIN_GEONAMES_LETTERS = 4

# Languages that capitalise every noun: a capital before a name marks no person there.
_CAPITALISED_NOUNS = frozenset({"de", "lb"})

# Function words that may precede a name passed to `lookup` ("в Баку", "d'Erevan").
_LEADING_FUNCTION_WORDS = frozenset(
    fold(w)
    for w in (
        "в",
        "во",
        "на",
        "из",
        "под",
        "над",
        "у",
        "к",
        "с",
        "около",
        "d",
        "l",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "à",
        "au",
        "aux",
        "en",
        "the",
        "in",
        "at",
        "of",
        "near",
        "el",
        "los",
        "las",
        "del",
        "al",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "von",
        "im",
        "nach",
        "bei",
        "aus",
        "zu",
    )
)


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    parent: str | None
    country: str | None
    valid_from: int | None
    valid_to: int | None
    source: str
    population: int = 0


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    place: Place | None = None
    key: str = ""
    # Weak: an ordinary word or a small town, kept only with support from the document.
    weak: bool = False
    # How many other places in the document share the chosen place's country or units.
    support: int = 0
    # "event", or why the place is not where something happened (see place_roles).
    role: str = "event"


def _load_stoplist() -> dict[str, frozenset[str]]:
    """Words that are also place names, per language ('*' = every language); a "!" before
    the language marks words never matched as places in that language."""
    text = resources.files("rashomon").joinpath("data", "place_stoplist.txt").read_text("utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        lang, _, words = line.partition(":")
        for word in words.split(","):
            for key in name_keys(word):
                out.setdefault(lang.strip(), set()).add(key)
    return {k: frozenset(v) for k, v in out.items()}


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'«»“”‘’(—–-*•":
        i -= 1
    return i < 0 or text[i] in ".!?:\n;"


class _Keys:
    """`key in index` for the name scanner, answered by the compact store. Answers are
    remembered (most words recur from document to document), up to a bound."""

    __slots__ = ("_data", "_prefix", "_seen")
    _MAX_SEEN = 100_000

    def __init__(self, data: GazData, prefix: bool) -> None:
        self._data = data
        self._prefix = prefix
        self._seen: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        hit = self._seen.get(key)
        if hit is None:
            hit = self._data.has_prefix(key) if self._prefix else self._data.key_index(key) >= 0
            if len(self._seen) >= self._MAX_SEEN:
                self._seen.clear()
            self._seen[key] = hit
        return hit


class _ById:
    """Places by id (`gazetteer.by_id.get("cc:AZ")`), read from the store on demand."""

    __slots__ = ("_gaz",)

    def __init__(self, gaz: Gazetteer) -> None:
        self._gaz = gaz

    def get(self, place_id: str, default: Place | None = None) -> Place | None:
        i = self._gaz.data.find_id(place_id)
        return default if i < 0 else self._gaz.place(i)

    def __getitem__(self, place_id: str) -> Place:
        found = self.get(place_id)
        if found is None:
            raise KeyError(place_id)
        return found

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and self._gaz.data.find_id(place_id) >= 0


@dataclass(frozen=True, slots=True)
class Period:
    """What a place was called, or which unit held it, for a span of years."""

    name: str
    id: str | None
    valid_from: int | None
    valid_to: int | None


class Gazetteer:
    def __init__(self, data: GazData) -> None:
        self.data = data
        header = data.header
        self.attribution: str = header["attribution"]
        self.index = _Keys(data, prefix=False)
        self.prefixes = _Keys(data, prefix=True)
        self.max_tokens: int = header["max_tokens"]
        self.lower_ok: frozenset[str] = frozenset(header["lower_ok"])
        # Acronyms must be written as listed: Latin "RF" is not Cyrillic "РФ".
        self.acronyms: dict[str, frozenset[str]] = {
            k: frozenset(v) for k, v in header.get("acronyms", {}).items()
        }
        self.periods: dict[str, list[Period]] = {}
        for place_id, name, unit, start, end in header.get("periods", []):
            self.periods.setdefault(place_id, []).append(Period(name, unit, start, end))
        self.by_id = _ById(self)
        self.stoplist = _load_stoplist()
        self._places: dict[int, Place] = {}
        self._ancestors: dict[str, tuple[str, ...]] = {}

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        raw = resources.files("rashomon").joinpath("data", "gazetteer.bin.gz").read_bytes()
        return cls(GazData(raw))

    def __len__(self) -> int:
        return self.data.count

    def place(self, i: int) -> Place:
        hit = self._places.get(i)
        if hit is None:
            d = self.data
            parent = d.parent[i]
            hit = Place(
                d.id(i),
                d.name(i),
                d.kinds[d.kind[i]],
                d.coordinate(d.lat, i),
                d.coordinate(d.lon, i),
                d.id(parent) if parent >= 0 else None,
                d.countries[d.country[i]],
                d.year(d.valid_from, i),
                d.year(d.valid_to, i),
                d.sources[d.source[i]],
                int(d.population[i]),
            )
            self._places[i] = hit
        return hit

    def period(self, place: Place, year: int | None) -> Period | None:
        """The name the gazetteer knows for this place in that year: the place's own former
        name, else that of the unit that then held it (the place's parents, then its
        country), when it differs from the place's name."""
        if year is None:
            return None
        for key in (place.id, *self.ancestors(place), f"cc:{place.country}"):
            for period in self.periods.get(key, ()):
                lo = period.valid_from if period.valid_from is not None else -9999
                hi = period.valid_to if period.valid_to is not None else 9999
                if lo <= year <= hi and period.name != place.name:
                    return period
        return None

    # -- structure -------------------------------------------------------------------

    def ancestors(self, place: Place) -> tuple[str, ...]:
        hit = self._ancestors.get(place.id)
        if hit is None:
            chain: list[str] = []
            cur = place.parent
            while cur and cur not in chain and len(chain) < 12:
                chain.append(cur)
                parent = self.by_id.get(cur)
                cur = parent.parent if parent else None
            hit = tuple(chain)
            self._ancestors[place.id] = hit
        return hit

    def context_keys(self, place: Place) -> tuple[str, ...]:
        keys = (*self.ancestors(place), place.id)
        return (*keys, f"cc:{place.country}") if place.country else keys

    def _candidates(self, key: str) -> tuple[Place, ...]:
        return tuple(self.place(i) for i in self.data.postings_of(key))

    def is_stopword(self, key: str, lang: str | None) -> bool:
        if key in self.stoplist.get("*", frozenset()):
            return True
        return lang is not None and key in self.stoplist.get(lang, frozenset())

    def is_blocked(self, key: str, lang: str | None) -> bool:
        if key in self.stoplist.get("!*", frozenset()):
            return True
        return lang is not None and key in self.stoplist.get("!" + lang, frozenset())

    # -- lookup ----------------------------------------------------------------------

    def lookup(self, name: str, lang: str | None = None) -> list[Place]:
        """Places a name can refer to, most likely first (curated, then population)."""
        toks = tokens(name)
        while len(toks) > 1 and fold(toks[0]) in _LEADING_FUNCTION_WORDS:
            toks = toks[1:]
        if not toks:
            return []
        cleaned = " ".join(toks) if len(toks) != len(tokens(name)) else name
        seen: dict[str, Place] = {}
        for key in name_keys(cleaned):
            for p in self._candidates(key):
                seen.setdefault(p.id, p)
        one = toks[0]
        if (
            not seen
            and lang in (None, "de")
            and len(toks) == 1
            and len(one) >= 5
            and one.endswith("s")
        ):
            # German genitive: "Bakus", "Aserbaidschans".
            for p in self._candidates(fold(one[:-1])):
                seen.setdefault(p.id, p)
        return sorted(seen.values(), key=self._prior)

    @staticmethod
    def _prior(p: Place) -> tuple[int, int]:
        return (p.source != "curated", -p.population)

    # -- running text ----------------------------------------------------------------

    def _inside_name(self, toks: Sequence[TokenSpan], i: int, text: str) -> bool:
        """A town's name after another capitalised word that is no place, no function word
        and not the first of its sentence is part of a person's or body's name
        ("Thomas Lubanga", "Marcelino García")."""
        if i == 0:
            return False
        prev = toks[i - 1]
        if text[prev.end : toks[i].start] not in (" ", "\u00a0"):
            return False
        if not prev.text[0].isupper() or prev.text.isupper() or not prev.keys:
            return False
        key = prev.keys[0]
        if key in _LEADING_FUNCTION_WORDS or key in self.index or key in self.prefixes:
            return False
        if self.is_stopword(key, None) or any(key in words for words in self.stoplist.values()):
            return False
        return not _sentence_initial(text, prev.start)

    def find_places(
        self, text: str, lang: str | None = None, context_places: Iterable[Place] = ()
    ) -> list[PlaceMention]:
        """Every place mention in `text`, resolved against the text's other places."""
        toks = tokenize(text)
        extra: dict[int, tuple[str, ...]] | None = None
        if lang == "de":
            extra = {
                i: (fold(t.text[:-1]),)
                for i, t in enumerate(toks)
                if len(t.text) >= 5 and t.text.endswith("s") and t.text[0].isupper()
            }
        # A capitalised word that the same document also writes in lower case is an
        # ordinary word ("Bank", "Date"), unless the gazetteer curates it.
        lower_words = {t.keys[0] for t in toks if t.keys and t.text[0].islower()}
        mentions: list[PlaceMention] = []
        for i, n, key in iter_matches(
            toks, text, self.index, self.prefixes, self.max_tokens, extra
        ):
            start, end = toks[i].start, toks[i + n - 1].end
            surface = text[start:end]
            if key not in self.lower_ok and not starts_upper(surface):
                continue
            forms = self.acronyms.get(key)
            if forms is not None and surface not in forms and surface.isupper():
                continue
            cands = self._candidates(key)
            if self.is_blocked(key, lang):
                continue
            strong = [c for c in cands if c.source == "curated" or c.kind == "country"]
            if not strong and n == 1 and sum(ch.isalpha() for ch in surface) < MIN_GEONAMES_LETTERS:
                continue
            stop = self.is_stopword(key, lang)
            if stop and (_sentence_initial(text, start) or surface.isupper()):
                continue
            if not strong and lang not in _CAPITALISED_NOUNS and self._inside_name(toks, i, text):
                continue
            small = not strong and (
                all(c.population < MIN_UNSUPPORTED_POPULATION for c in cands)
                or (n == 1 and key in lower_words)
                # In all-caps text a capital proves no name ("DORT", "REST"): a town that
                # is neither curated nor large needs the support of the text's other places.
                or (
                    surface.isupper()
                    and all(c.population < _SHOUTED_MIN_POPULATION for c in cands)
                    and in_caps_run(text, start, end)
                )
            )
            mentions.append(PlaceMention(start, end, surface, cands, key=key, weak=stop or small))
        return resolve(mentions, context_places, gazetteer=self)


def _support(gaz: Gazetteer, place: Place, counts: Counter[str], own: Counter[str]) -> int:
    return sum(counts[k] - own[k] for k in set(gaz.context_keys(place)))


def resolve(
    mentions: Sequence[PlaceMention],
    context_places: Iterable[Place] = (),
    gazetteer: Gazetteer | None = None,
) -> list[PlaceMention]:
    """Pick one place per mention from the document's other places.

    A candidate is supported by every other mention (or context place) that shares its
    country or one of its ancestors. Support from a place below country level wins first
    (Baku makes "Kuba" Guba), then curated rows and countries over GeoNames towns, then
    any support, then countries (a bare "Kuba" is Cuba), then population. Weak mentions
    (words that are also place names, small towns) are dropped unless a place below
    country level supports them: a country named in a text says little about "Time".
    """
    gaz = gazetteer or Gazetteer.load()
    base: Counter[str] = Counter()
    base_local: Counter[str] = Counter()
    for p in context_places:
        keys = set(gaz.context_keys(p))
        base.update(keys)
        if p.kind != "country":
            base_local.update(keys)
    chosen: list[Place | None] = [
        m.candidates[0] if len(m.candidates) == 1 and not m.weak else None for m in mentions
    ]
    by_key: dict[str, list[int]] = {}
    for idx, m in enumerate(mentions):
        by_key.setdefault(m.key, []).append(idx)
    for _ in range(2):
        counts, local = Counter(base), Counter(base_local)
        contrib: list[set[str]] = []
        for picked in chosen:
            keys = set(gaz.context_keys(picked)) if picked is not None else set()
            contrib.append(keys)
            counts.update(keys)
            if picked is not None and picked.kind != "country":
                local.update(keys)
        # Mentions of the same name must not vouch for each other.
        own_by_key: dict[str, tuple[Counter[str], Counter[str]]] = {}
        for key, idxs in by_key.items():
            own_all = Counter(k for j in idxs for k in contrib[j])
            own_local = Counter(
                k
                for j in idxs
                if chosen[j] is not None and chosen[j].kind != "country"  # type: ignore[union-attr]
                for k in contrib[j]
            )
            own_by_key[key] = (own_all, own_local)
        best_by_key: dict[str, Place] = {}
        new_chosen: list[Place | None] = []
        for m in mentions:
            own_all, own_local = own_by_key[m.key]
            tally, own = (local, own_local) if m.weak else (counts, own_all)
            best = best_by_key.get(m.key)
            if best is None:
                best = max(
                    m.candidates,
                    key=lambda c, own=own, own_local=own_local, tally=tally: (  # type: ignore[misc]
                        _support(gaz, c, local, own_local) > 0,
                        c.source == "curated" or c.kind == "country",
                        _support(gaz, c, tally, own) > 0,
                        _support(gaz, c, tally, own),
                        c.kind == "country",
                        c.source == "curated",
                        c.population,
                    ),
                )
                best_by_key[m.key] = best
            m.place, m.support = best, _support(gaz, best, tally, own)
            new_chosen.append(None if m.weak else best)
        chosen = new_chosen
    return [m for m in mentions if not m.weak or m.support > 0]
