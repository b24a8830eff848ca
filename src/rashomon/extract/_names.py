"""Name normalisation shared by the gazetteer, its build script and the actor table.

Everything that turns a surface form into a lookup key lives here, so that the keys
written into the built gazetteer at build time and the keys computed from running text at
run time can never drift apart (the build test regenerates the file and compares bytes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterator

from anyascii import anyascii

# Letters and digits (with the combining marks that Indic scripts and decomposed Latin need
# inside a word): hyphens, apostrophes and spaces all become token boundaries, so
# "Bibi-Heybat" / "Bibi Heybat" and "d'Erevan" / "Erevan" share keys.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e"
)
TOKEN_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}])*")

# Characters allowed between two tokens of one multi-word name. No newline: a name never
# spans a line break in our inputs, and allowing it glues headings to the next paragraph.
GAP_CHARS = frozenset(" \t\u00a0\u202f-\u2010\u2011\u2013'\u2019.")
MAX_GAP = 3

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CYRILLIC = re.compile(r"^[\u0400-\u04ff]+$")

# Russian/Ukrainian case and adjective endings, longest first. Stemming is deliberately
# crude: it only has to make "Буча/Буче/Бучи" or "Киевская/Киевской" meet. A one-letter
# ending may leave three letters ("Баку" -> "Бак"); a longer one must leave four, or
# "монах" would lose its "ах" like a plural locative.
_RU_ENDINGS_TEXT = (
    "ами ями ого его ому ему ыми ими ой ей ий ый ая яя ое ее ые ие ых их ую юю ом ем ам "
    "ям ах ях ов ев ою ею ій іх ім ої а я о е и ы у ю ь й і ї є"
)
_RU_ENDINGS = sorted(set(_RU_ENDINGS_TEXT.split()), key=len, reverse=True)
MIN_STEM = 3
MIN_STEM_LONG_ENDING = 4

STEM_PREFIX = "~"


def nfkc_casefold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def fold(token: str) -> str:
    """ASCII key of one token: NFKC, casefold, transliterate, keep [0-9a-z].

    Tokens of caseless scripts (Arabic, Hebrew, Georgian...) get their script's name as a
    prefix: their romanisations are look-alikes of unrelated Latin words (Georgian
    "Israel" transliterates to the English demonym "israeli") and of each other.
    """
    key = _NON_ALNUM.sub("", anyascii(nfkc_casefold(token)).lower())
    if key and is_caseless(token):
        return script_of(token) + "#" + key
    return key


def is_cyrillic(token: str) -> bool:
    return bool(_CYRILLIC.match(token))


def ru_stem(token: str) -> str | None:
    """Stem of a Cyrillic token, or None when the token is not Cyrillic or too short."""
    low = nfkc_casefold(token)
    if not is_cyrillic(low):
        return None
    for ending in _RU_ENDINGS:
        floor = MIN_STEM if len(ending) == 1 else MIN_STEM_LONG_ENDING
        if low.endswith(ending) and len(low) - len(ending) >= floor:
            return low[: -len(ending)]
    return low if len(low) >= MIN_STEM else None


def stem_key(token: str) -> str | None:
    stem = ru_stem(token)
    return None if stem is None else STEM_PREFIX + stem


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def name_keys(name: str) -> list[str]:
    """All index keys for one alias: the exact folded key, the concatenated form of a
    hyphenated name, and the Cyrillic stem key."""
    toks = tokens(name)
    if not toks:
        return []
    folded = [fold(t) for t in toks]
    if any(not f for f in folded):
        return []
    keys = [" ".join(folded)]
    if len(folded) > 1 and ("-" in name or "\u2011" in name):
        keys.append("".join(folded))
    stems = [stem_key(t) for t in toks]
    if all(s is not None for s in stems):
        stem_joined = " ".join(s for s in stems if s is not None)
        if stem_joined not in keys:
            keys.append(stem_joined)
    return keys


def starts_upper(text: str) -> bool:
    """True when the first letter is upper case; caseless scripts count as capitalised."""
    for ch in text:
        if ch.isalpha():
            return ch.isupper() or is_caseless(ch)
    return False


# Scripts whose names are written capitalised; Georgian has case letters in Unicode but
# ordinary Georgian text does not use them, so it counts as caseless here.
_CASED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")


def script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "X").split(" ", 1)[0].lower()
    return "x"


def is_caseless(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            if ch < "\u0250":
                return False
            return not unicodedata.name(ch, "").startswith(_CASED_SCRIPTS)
    return False


def gap_ok(gap: str) -> bool:
    return 0 < len(gap) <= MAX_GAP and all(c in GAP_CHARS for c in gap)


# Transliteration conventions differ by the language a name was written in (French "Dj",
# "ch", "ou"; German "sch", "tsch"; Russian "zh", "kh"). Reducing them to one rough
# phonetic spelling lets fuzzy matching compare sounds, not spellings.
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("dsch", "j"),
    ("dzh", "j"),
    ("tsch", "c"),
    ("tch", "c"),
    ("sch", "s"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "s"),
    ("ou", "u"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("q", "k"),
    ("x", "h"),
    ("ck", "k"),
    ("c", "k"),
)


def phonetic(name: str) -> str:
    out = " ".join(fold(t) for t in tokens(name))
    for src, dst in _PHONETIC_RULES:
        out = out.replace(src, dst)
    return re.sub(r"(.)\1+", r"\1", out)


class TokenSpan:
    """One token of a text: offsets into the original string and its lookup keys."""

    __slots__ = ("end", "keys", "start", "text")

    def __init__(self, start: int, end: int, text: str, keys: tuple[str, ...]) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.keys = keys


_KEY_CACHE: dict[str, tuple[str, ...]] = {}
_KEY_CACHE_MAX = 200_000


def token_keys(token: str) -> tuple[str, ...]:
    """Keys under which one text token may match, exact key first."""
    hit = _KEY_CACHE.get(token)
    if hit is not None:
        return hit
    exact = fold(token)
    stem = stem_key(token)
    keys: tuple[str, ...]
    if not exact:
        keys = ()
    elif stem is not None:
        keys = (exact, stem)
    else:
        keys = (exact,)
    if len(_KEY_CACHE) >= _KEY_CACHE_MAX:
        _KEY_CACHE.clear()
    _KEY_CACHE[token] = keys
    return keys


def tokenize(text: str) -> list[TokenSpan]:
    return [
        TokenSpan(m.start(), m.end(), m.group(), token_keys(m.group()))
        for m in TOKEN_RE.finditer(text)
    ]


def iter_matches(
    toks: list[TokenSpan],
    text: str,
    index: Container[str],
    prefixes: Container[str],
    max_tokens: int,
    extra_keys: dict[int, tuple[str, ...]] | None = None,
) -> Iterator[tuple[int, int, str]]:
    """Longest-match scan of tokens against a key index.

    Yields (first token index, token count, matched key). `prefixes` holds every proper
    prefix of a multi-token key so the walk can stop as soon as no longer key is possible.
    `extra_keys` adds fallback keys for some tokens (inflection guesses).
    """
    n = len(toks)
    i = 0
    while i < n:
        best: tuple[int, str] | None = None
        frontier: list[str] = []
        first = toks[i].keys + (extra_keys.get(i, ()) if extra_keys else ())
        for key in first:
            if key in index and best is None:
                best = (1, key)
            if key in prefixes:
                frontier.append(key)
        j = i + 1
        while frontier and j < n and j - i < max_tokens:
            if not gap_ok(text[toks[j - 1].end : toks[j].start]):
                break
            nxt: list[str] = []
            cand = toks[j].keys + (extra_keys.get(j, ()) if extra_keys else ())
            found = False
            for stem in frontier:
                for key in cand:
                    joined = stem + " " + key
                    if joined in index and not found:
                        best = (j - i + 1, joined)
                        found = True
                    if joined in prefixes:
                        nxt.append(joined)
            frontier = nxt
            j += 1
        if best is None:
            i += 1
            continue
        yield i, best[0], best[1]
        i += best[0]
