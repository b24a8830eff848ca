"""Per-language resources for the number finder, compiled once per language.

Everything language-specific lives in ``data/lang/<code>/numbers.json``; this module only turns
those word lists into regular expressions.  A word list entry may start or end with ``*``,
meaning "any word characters here" (Russian case endings, French ``*ième``), so inflected
languages do not need every form spelled out.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from text_to_num import text2num

from rashomon.extract.lexicon import is_data_language

#: Keys every ``numbers.json`` must define (the schema test checks this), with their meaning.
REQUIRED_KEYS: dict[str, type] = {
    "lang": str,  # ISO 639-1 code, equal to the folder name
    "decimal_sep": str,  # "." or ","
    "group_seps": list,  # digit-grouping characters; a plain space only where the locale uses it
    "word_engine": str,  # "text2num" (library) or "table" (word_values + scale_words below)
    "compound_words": bool,  # number words glue into one word ("dreihundertfünfzig")
    "number_words": list,  # cardinal words (or morphemes when compound_words) the scanner knows
    "word_values": dict,  # table engine: form -> value below 1000
    "scale_words": dict,  # table engine: form -> multiplier (thousand, million)
    "word_joiners": list,  # words inside a cardinal ("and", "et", "y")
    "article_forms": list,  # cardinals that double as indefinite articles ("ein", "un")
    "partitive_after": list,  # words after an article form that make it a count ("un des")
    "not_numbers": list,  # fixed phrases whose number word is not a count ("no one")
    "multipliers": dict,  # word after digits -> factor ("millones", "тыс.")
    "phrases": dict,  # fixed counting phrases -> [value, qualifier] ("une centaine")
    "vague": dict,  # vague quantity word -> low value ("thousands" -> 1000); globs allowed
    "vague_determiners": list,  # kept in the span before a vague word ("des")
    "vague_joiners": list,  # join two vague words ("hundreds *of* thousands")
    "vague_prefixes": list,  # "several", "plusieurs" before a vague word or multiplier
    "vague_several": list,  # prefixes that mean "more than one": "several hundred" is >= 200
    "qualifiers": dict,  # phrase before a number -> qualifier
    "post_qualifiers": dict,  # phrase after a number -> qualifier ("or more")
    "range_pairs": list,  # [opener, closer] around a range ("between", "and")
    "range_infixes": list,  # word between the two ends of a range ("to", "à", "bis")
    "range_hedges": list,  # "150 dead, *perhaps* up to 300": a hedge before an upper bound
    "bound_joiners": list,  # link a lower bound to an upper bound ("over X *to* under Y")
    "list_joiners": list,  # link listed days ("15 *et* 17 septembre")
    "day_range_pairs": list,  # [opener, closer] of a day range ("du 14 au 15")
    "ordinal_suffixes": list,  # glued after digits ("th", "e", "-й", "º")
    "ordinal_dot": bool,  # digits + "." are ordinals after ordinal_dot_before words (German)
    "ordinal_dot_before": list,
    "ordinal_words": list,  # ordinal words; globs allowed ("*ième")
    "ordinal_stems": list,  # ordinal stems combined with ordinal_endings (inflected languages)
    "ordinal_endings": list,
    "fraction_words": list,  # "third", "Sechstel": the number before is not a count
    "duration_units": list,  # a number before these is a duration
    "ago_before": list,  # "il y a", "vor", "hace" before a duration
    "ago_after": list,  # "ago", "назад" after a duration
    "age_before": list,  # "aged", "âgés de"
    "age_after": list,  # "-year-old", "Jahre alt"
    "percent_words": list,  # besides "%"
    "decade_suffixes": list,  # glued after a year ending in 0 ("s", "er", "-х")
    "decade_before": list,  # "années", "década de" before a year
    "day_month_joiners": list,  # between a day and its month ("11 *de* julio")
    "day_articles": list,  # article that makes a bare 1-31 a day ("le 15", "el 11")
    "year_after": list,  # "году", "г." after a year
    "time_after": list,  # "Uhr", "a.m." after a clock hour
    "quantity_nouns": list,  # after a year-shaped number they make it a count ("1800 people")
    "count_cues_before": list,  # before a year-shaped number they make it a count
    "unit_words": list,  # measurement units and currencies: not head counts
    "other_before": list,  # page, article, resolution numbers
}

#: Longest run of number words read as one number ("three hundred and forty-five thousand six
#: hundred and seventy-eight" is 11). A bound keeps scanning linear on runs such as "one hundred
#: and one hundred and ...": a longer run is read in pieces.
MAX_WORD_TOKENS = 24
#: Longest chain of morphemes in one compound number word (German needs about 10).
MAX_MORPHEMES = 16

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "vague")

# Dashes that join the ends of a range in every language ("3,000–12,000").
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
DASH_RE = f"[{_DASHES}]"


def _word_re(word: str) -> str:
    """A literal word (or ``*`` glob) as a regex fragment; inner spaces match any whitespace."""
    lead = word.startswith("*")
    trail = word.endswith("*") and len(word) > 1
    core = word.strip("*")
    frag = r"\s+".join(re.escape(p) for p in core.split())
    # An apostrophe in the data matches both typewriter and typographic forms.
    frag = frag.replace("'", "\x00").replace("\u2019", "\x00").replace("\x00", "['\u2019]")
    return (r"\w*" if lead else "") + frag + (r"\w*" if trail else "")


def alt(words: Any) -> str:
    """Alternation of words, longest first so "more than" wins over "more"."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!x)x"  # matches nothing
    return "(?:" + "|".join(_word_re(w) for w in items) + ")"


def _edge(words: Any) -> str:
    # Entries such as "p." or "-year-old" end in punctuation; \b would refuse them.
    parts = []
    for w in sorted({str(x) for x in words}, key=lambda w: (-len(w), w)):
        f = _word_re(w)
        if w[:1].isalnum() or w.startswith("*"):
            f = r"(?<!\w)" + f
        if w[-1:].isalnum() or w.endswith("*"):
            f = f + r"(?!\w)"
        parts.append(f)
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


def lookup(table: dict[str, Any], word: str) -> Any:
    """Find ``word`` in a table whose keys may be globs; case-insensitive."""
    w = " ".join(word.lower().split()).replace("\u2019", "'")
    for k, v in table.items():
        kk = k.lower().replace("\u2019", "'")
        if kk == w:
            return v
    for k, v in table.items():
        kk = k.lower()
        if kk.endswith("*") and w.startswith(kk[:-1]):
            return v
        if kk.startswith("*") and w.endswith(kk[1:]):
            return v
    return None


@functools.cache
def month_names(lang: str) -> tuple[str, ...]:
    """Month names (wide, abbreviated; format and stand-alone) from the calendar data or CLDR."""
    names: set[str] = set()
    try:
        if not is_data_language(lang):
            raise FileNotFoundError(lang)
        ref = resources.files("rashomon").joinpath(f"data/lang/{lang}/calendar.json")
        cal = json.loads(ref.read_text(encoding="utf-8"))
        for ctx in cal["months"].values():
            for width in ("wide", "abbreviated"):
                names.update(ctx.get(width, []))
    except (FileNotFoundError, KeyError, ModuleNotFoundError, ValueError):
        from babel import UnknownLocaleError
        from babel.dates import get_month_names

        try:
            for ctx in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    got = get_month_names(width, context=ctx, locale=lang)  # type: ignore[arg-type]
                    names.update(got.values())
        except (UnknownLocaleError, ValueError):
            names = set()  # no CLDR data: days of month are then only found by shape
    out: set[str] = set()
    for n in names:
        n = n.rstrip(".")
        if len(n) < 3:
            continue
        out.add(n)
        out.add(n[:1].upper() + n[1:])
        # Headlines and telex copy write months in capitals ("15 SEPTEMBRE").
        out.add(n.upper())
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


@dataclass(frozen=True, slots=True)
class LeftHit:
    """A cue found just before a number; ``start()`` is relative to the searched slice."""

    begin: int
    text: str

    def start(self) -> int:
        return self.begin

    def group(self) -> str:
        return self.text


class RevLeft:
    """A cue that must end right before a number, matched on the reversed context.

    A ``$``-anchored ``search`` retries a long alternation at every position of the window;
    matching the reversed window tries it once, which keeps the finder fast on dense text.
    """

    __slots__ = ("pat",)

    def __init__(self, body: str, flags: int = re.IGNORECASE) -> None:
        self.pat = re.compile(body, flags)

    def search(self, lt: str) -> LeftHit | None:
        m = self.pat.match(lt[::-1])
        if m is None:
            return None
        return LeftHit(len(lt) - m.end(), m.group()[::-1])


def _rev(words: Any) -> list[str]:
    return [str(w)[::-1] for w in words]


@dataclass(frozen=True, slots=True)
class Lang:
    """Compiled resources for one language."""

    code: str
    data: dict[str, Any]
    scan: re.Pattern[str]
    #: A digits run alone (the scanner's ``num`` group), for a count glued to a label.
    digits: re.Pattern[str]
    group_chars: str
    month: re.Pattern[str]  # case-sensitive month name, no anchors
    left_qual: RevLeft
    right_mult: re.Pattern[str]
    right_post_qual: re.Pattern[str]
    right_percent: re.Pattern[str]
    right_age: re.Pattern[str]
    left_age: RevLeft
    right_duration: re.Pattern[str]
    right_ago: re.Pattern[str]
    left_ago: RevLeft
    right_unit: re.Pattern[str]
    right_fraction: re.Pattern[str]
    right_ordinal_suffix: re.Pattern[str]
    right_decade_suffix: re.Pattern[str]
    left_decade: RevLeft
    right_month: re.Pattern[str]
    left_month: RevLeft
    left_day_article: RevLeft
    right_year: re.Pattern[str]
    right_time: re.Pattern[str]
    right_qnoun: re.Pattern[str]
    left_count_cue: RevLeft
    left_other: RevLeft
    left_ordinal_dot: RevLeft
    right_partitive: re.Pattern[str]
    left_openers: dict[str, RevLeft]
    closers: dict[str, re.Pattern[str]]
    left_day_openers: dict[str, RevLeft]
    day_closers: dict[str, re.Pattern[str]]
    infix_gap: re.Pattern[str]
    list_gap: re.Pattern[str]
    bound_gap: re.Pattern[str]
    hedge_gap: re.Pattern[str]
    vague_piece: re.Pattern[str]
    not_numbers: re.Pattern[str]


def _load_json(lang: str) -> dict[str, Any] | None:
    if not is_data_language(lang):
        return None
    try:
        ref = resources.files("rashomon").joinpath(f"data/lang/{lang}/numbers.json")
        data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return data


def _number_word_token(d: dict[str, Any]) -> str:
    words = d["number_words"]
    if d["compound_words"]:
        return "(?:" + alt(words) + f"){{1,{MAX_MORPHEMES}}}"
    return alt(words)


@functools.cache
def load(lang: str) -> Lang | None:
    """Compiled resources for ``lang`` (an ISO 639-1 code), or None when there is no data file."""
    d = _load_json(lang)
    if d is None:
        return None
    I = re.IGNORECASE  # noqa: E741
    gs = "".join(d["group_seps"])
    group_cls = "[" + re.escape(gs) + "]"
    dec_cls = "[.,]"
    digits = (
        rf"(?<![\d.,])(?:\d{{1,3}}(?P<g>{group_cls})\d{{3}}(?:(?P=g)\d{{3}})*(?!\d)"
        rf"(?:{dec_cls}\d+(?![\d]))?|\d+(?:{dec_cls}\d+)?(?!\d))"
    )
    tok = _number_word_token(d)
    joiners = d["word_joiners"]
    sep = r"(?:\s*-\s*|\s+" + (r"(?:" + alt(joiners) + r"\s+)?" if joiners else "") + ")"
    words = rf"(?<!\w){tok}(?!\w)(?:{sep}{tok}(?!\w)){{0,{MAX_WORD_TOKENS - 1}}}"
    vague_word = _edge(d["vague"])
    mult_word = _edge(d["multipliers"])
    vj = d["vague_joiners"]
    vjoin = r"\s+(?:" + alt(vj) + r"\s+)?" if vj else r"\s+"
    vague_head = r"(?:" + _edge(d["vague_determiners"] + d["vague_prefixes"]) + r"\s+)?"
    vague = (
        rf"{vague_head}(?:{vague_word}(?:{vjoin}(?:{vague_word}|{mult_word}))?"
        rf"|{_edge(d['vague_prefixes'])}\s+(?:{vague_word}|{mult_word})(?:\s+{mult_word})?)"
    )
    vague_piece = re.compile(rf"{vague_word}|{mult_word}", I)
    ordw_parts = list(d["ordinal_words"])
    ordinal = _edge(ordw_parts) if ordw_parts else r"(?!x)x"
    if d["ordinal_stems"]:
        stems, ends = alt(d["ordinal_stems"]), alt(d["ordinal_endings"])
        ordinal = rf"(?:{ordinal}|(?<!\w){stems}{ends}(?!\w))"
    scan = re.compile(
        r"(?P<url>(?:https?://|www\.)\S+)"
        r"|(?P<cite>\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\])"
        r"|(?P<glued>(?<=[^\W\d_])\d+|(?<=[^\W\d_]\+)\d+)"
        r"|(?P<gluedh>(?<=[^\W\d_]-)\d+(?![\d.,]\d))"
        r"|(?P<isodate>(?<![\d.])\d{4}-\d{2}(?:-\d{2})?(?![\d-])"
        r"|(?<![\d.])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})(?![\d]))"
        r"|(?P<idseq>(?<![\w-])\d+(?:-\d+){2,}(?![\w-])|(?<![\w+])(?:\+|0)\d{8,}(?![\w]))"
        r"|(?P<time>(?<![\w:.,])\d{1,2}[:h]\d{2}(?!\d)(?![.,:]\d))"
        r"|(?P<coord>(?<!\d)\d{1,3}(?:[.,]\d+)?\s?°(?:\s?\d{1,2}(?:[.,]\d+)?\s?[′'])?"
        r"(?:\s?\d{1,2}(?:[.,]\d+)?\s?[″\"])?)"
        rf"|(?P<num>{digits})"
        rf"|(?P<phrase>{_edge(d['phrases'])})"
        rf"|(?P<vague>{vague})"
        rf"|(?P<words>{words})"
        rf"|(?P<ordw>{ordinal})",
        I,
    )
    months = month_names(lang)
    month_alt = "(?:" + "|".join(re.escape(m) for m in months) + r")(?!\w)" if months else "(?!x)x"
    mj = d["day_month_joiners"]
    # The joiner is a plain word ("de", "DE"); the month names keep their case.
    mjoin = r"(?:\s+(?i:" + alt(mj) + "))?" if mj else ""

    def left(words: Any) -> RevLeft:
        return RevLeft(r"\s*" + _edge(_rev(words)))

    def right(words: Any, head: str = r"\s*") -> re.Pattern[str]:
        return re.compile(r"^" + head + _edge(words), I)

    openers: dict[str, RevLeft] = {}
    closers: dict[str, re.Pattern[str]] = {}
    for op, cl in d["range_pairs"]:
        openers[op] = left([op])
        closers[op] = re.compile(r"^\s*" + _edge([cl]) + r"\s*$", I)
    d_openers: dict[str, RevLeft] = {}
    d_closers: dict[str, re.Pattern[str]] = {}
    for op, cl in d["day_range_pairs"]:
        d_openers[op] = left([op])
        d_closers[op] = re.compile(r"^\s*" + _edge([cl]) + r"\s*$", I)
    infixes = d["range_infixes"]
    return Lang(
        code=lang,
        data=d,
        scan=scan,
        digits=re.compile(digits),
        group_chars=gs,
        month=re.compile(month_alt),
        left_qual=left(d["qualifiers"]),
        right_mult=re.compile(r"^\s?" + mult_word, I),
        right_post_qual=re.compile(
            r"^\s*(?:"
            + "|".join(
                (re.escape(k) if not k[:1].isalnum() else _edge([k])) for k in d["post_qualifiers"]
            )
            + ")"
            if d["post_qualifiers"]
            else r"(?!x)x",
            I,
        ),
        right_percent=re.compile(r"^\s?(?:%|" + _edge(d["percent_words"]) + ")", I),
        right_age=re.compile(r"^\s?" + _edge(d["age_after"]), I),
        left_age=left(d["age_before"]),
        right_duration=re.compile(r"^(?:\s+|-)" + _edge(d["duration_units"]), I),
        right_ago=right(d["ago_after"]),
        left_ago=left(d["ago_before"]),
        right_unit=re.compile(r"^[\s-]?" + _edge(d["unit_words"]), I),
        right_fraction=right(d["fraction_words"], r"[\s-]+"),
        right_ordinal_suffix=re.compile(r"^" + alt(d["ordinal_suffixes"]) + r"(?!\w)", I)
        if d["ordinal_suffixes"]
        else re.compile(r"(?!x)x"),
        right_decade_suffix=re.compile(r"^" + alt(d["decade_suffixes"]) + r"(?!\w)")
        if d["decade_suffixes"]
        else re.compile(r"(?!x)x"),
        left_decade=left(d["decade_before"]),
        right_month=re.compile(r"^\.?\s*" + (mjoin + r"\s*" if mj else "") + month_alt),
        left_month=RevLeft(
            (r"(?:\s+(?i:" + alt(_rev(mj)) + r"))?" if mj else "")
            + r"\s*\.?(?:"
            + ("|".join(re.escape(m[::-1]) for m in months) or "(?!x)x")
            + r")(?!\w)",
            0,
        ),
        left_day_article=left(d["day_articles"]),
        right_year=right(d["year_after"]),
        right_time=right(d["time_after"]),
        right_qnoun=right(d["quantity_nouns"]),
        left_count_cue=left(d["count_cues_before"]),
        left_other=RevLeft(r"\s*(?:[$€£¥₽]|" + _edge(_rev(d["other_before"])) + ")"),
        left_ordinal_dot=left(d["ordinal_dot_before"]),
        right_partitive=right(d["partitive_after"], r"\s+"),
        left_openers=openers,
        closers=closers,
        left_day_openers=d_openers,
        day_closers=d_closers,
        infix_gap=re.compile(r"^\s*(?:" + DASH_RE + r"|" + _edge(infixes) + r")\s*$", I),
        list_gap=re.compile(
            r"^\s*(?:" + DASH_RE + "|" + _edge(infixes + d["list_joiners"]) + r")\s*$", I
        ),
        bound_gap=re.compile(r"^\s*,?\s*(?:" + _edge(d["bound_joiners"]) + r")?\s*$", I),
        # "150 morts, peut-être, jusqu'à 300": the count's noun, then a hedge, in commas.
        hedge_gap=re.compile(
            r"^\s*(?:[^\W\d_]+\s*)?,?\s*(?:" + _edge(d["range_hedges"]) + r")\s*,?\s*$", I
        ),
        vague_piece=vague_piece,
        not_numbers=re.compile(_edge(d["not_numbers"]), I),
    )


def words_value(lang: Lang, s: str) -> int | None:
    """Value of a run of number words, or None if it is not a well-formed number."""
    d = lang.data
    if d["word_engine"] == "text2num":
        try:
            return int(text2num(" ".join(s.split()).lower(), lang.code))
        except (ValueError, TypeError, IndexError):
            return None
    total = cur = 0
    seen = False
    for w in re.split(r"[\s-]+", s.lower()):
        if not w:
            continue
        if w in d["scale_words"]:
            total += (cur or 1) * int(d["scale_words"][w])
            cur = 0
        elif w in d["word_values"]:
            cur += int(d["word_values"][w])
        else:
            return None
        seen = True
    return total + cur if seen else None
