"""Per-language grammar of the temporal tagger: builds one compiled regex per language from
``data/lang/<code>/calendar.json`` (CLDR names) and ``time.json`` (hand-written words), and
turns its matches into unresolved parses that :mod:`rashomon.extract.timex` resolves.

All language knowledge lives in the data files; this module only knows the shapes a date
expression can take (day-month-year in the language's order, ranges, lists, seasons, parts
of a month, nights, "N years ago", decades, narrative back-references).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rashomon.extract.lexicon import is_data_language

_DASH = r"\s*[-–—‒]\s*"
# After a preposition: whitespace, or nothing when it ends in an elided apostrophe ("l'été").
_SP = r"(?:\s+|(?<=['’]))"
_NEVER = re.compile("(?!)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1\d{3}|20\d{2})"
_YEAR_BARE = r"(?:1[89]\d{2}|20[0-4]\d)"
# Bare years (no context word at all) are only trusted in the modern span this tool is about;
# a bare "1200" is far more often a count than a year.
BARE_YEAR_MIN, BARE_YEAR_MAX = 1800, 2049

# Used where time.json is missing: CLDR names still give day-month-year dates and dash ranges.
_DEFAULT_CFG: dict[str, Any] = {
    "month_capitalized": False,
    "day_suffix": r"\.?",
    "day_month": ["{D} {M}"],
    "year_sep": r"\s+",
    "numeric_order": "DMY",
}


def fold(s: str) -> str:
    """Case- and accent-insensitive key for name lookups."""
    decomposed = unicodedata.normalize("NFD", s.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).rstrip(".")


def phrase_key(s: str) -> str:
    """A phrase as written, folded: case, accents, apostrophes and spacing ignored."""
    return " ".join(fold(s.replace("’", "'")).split())


def _letter_class(c: str) -> str:
    base = fold(c)
    if base and base != c.casefold() and len(base) == 1:
        return "[" + re.escape(c) + re.escape(base) + "]"
    return re.escape(c)


def name_regex(name: str, capitalized: bool = False) -> str:
    """Regex for a CLDR name that tolerates missing accents ("fevrier", "aout")."""
    name = name.rstrip(".")
    parts = [_letter_class(c) for c in name]
    if capitalized and name[:1].isalpha():
        # English and German write months with a capital; requiring it keeps the modal "may"
        # and the verb "march" out while still accepting all-caps headlines.
        first = name[0].upper()
        parts[0] = "(?-i:" + "[" + re.escape(first) + re.escape(fold(first).upper()) + "])"
    return "".join(parts)


def _alt(items: list[str]) -> str:
    if not items:
        return "(?!)"
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


def _words(items: list[str]) -> str:
    """A list of template phrases as one alternation (spaces become any whitespace)."""
    return _alt([_tpl_literal(w) for w in items])


def _first_chars(items: list[str]) -> str:
    """A lookahead on the first letters of some literal phrases: the engine tests one
    character class at each word instead of trying every phrase there."""
    chars = {c for w in items if w for c in (w[0], fold(w[0]), w[0].upper(), w[0].lower())}
    if not chars:
        return "(?!)"
    return "(?=[" + "".join(sorted(re.escape(c) for c in chars)) + "])"


def _tpl_literal(s: str) -> str:
    return s.replace("'", "['’]").replace(" ", r"\s+")


@dataclass(slots=True)
class Parse:
    """An unresolved match: the fields as written; the year may be missing."""

    start: int
    end: int
    shape: str
    y1: int | None = None
    m1: int | None = None
    d1: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    days: list[int] = field(default_factory=list)
    season: tuple[int, int] | None = None
    part: str | None = None
    target: str | None = None  # what a part/night applies to: month | season | year | day
    n: int | None = None
    unit: str | None = None
    narr: str | None = None
    weekday: int | None = None  # 0 = Monday
    last: bool = False  # "last Thursday": strictly before the document date


class _Names:
    """Unique group names inside the one combined regex; templates repeat placeholders."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.by_base: dict[str, list[str]] = {}

    def new(self, base: str) -> str:
        names = self.by_base.setdefault(base, [])
        name = f"{self.prefix}{base}_{len(names)}"
        names.append(name)
        return name


@dataclass(slots=True)
class Grammar:
    lang: str
    cfg: dict[str, Any]
    month_keys: dict[str, int]
    month_stems: list[tuple[str, int]]
    season_words: list[tuple[re.Pattern[str], tuple[int, int]]]
    numbers: dict[str, int]
    ordinals: list[tuple[re.Pattern[str], int]]
    regex: re.Pattern[str]
    alts: dict[str, tuple[str, _Names]]
    quantity_before: re.Pattern[str]
    #: Any weekday name or deictic phrase ("Wednesday", "last week", "hier"): the marks of a
    #: text written in the reporting frame of its publication date.
    deictic: re.Pattern[str] = _NEVER
    #: Words that make the time after them the end of the story's period ("ended in").
    period_end: re.Pattern[str] = _NEVER
    #: Words that make the time after them a period's continuation's end ("up until").
    until: re.Pattern[str] = _NEVER
    #: phrase_key(weekday form) -> 0 (Monday) .. 6
    weekday_keys: dict[str, int] = field(default_factory=dict)
    #: phrase_key(deictic phrase) -> (unit, offset): "last week" -> ("week", -1)
    relative_keys: dict[str, tuple[str, int]] = field(default_factory=dict)

    def month(self, text: str) -> int | None:
        key = fold(text)
        if key in self.month_keys:
            return self.month_keys[key]
        for stem, num in self.month_stems:
            if key.startswith(stem):
                return num
        return None

    def number(self, text: str) -> int | None:
        t = text.strip()
        if t.isdigit():
            return int(t)
        return self.numbers.get(fold(t))

    def ordinal(self, text: str) -> int | None:
        t = text.strip()
        digits = re.match(r"\d+", t)
        if digits:
            return int(digits.group())
        for pat, val in self.ordinals:
            if pat.fullmatch(t):
                return val
        return None

    def season(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        # Matched in place, not on the bare word, so a word's lookahead ("fall" only before
        # a year) still sees what follows it.
        for pat, months in self.season_words:
            hit = pat.match(text, start)
            if hit is not None and hit.end() == end:
                return months
        return None


_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_or_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN.get(c)
        if v is None:
            return None
        nxt = _ROMAN.get(s[i + 1], 0) if i + 1 < len(s) else 0
        total += -v if v < nxt else v
    return total or None


def _read_json(lang: str, name: str) -> dict[str, Any] | None:
    if not is_data_language(lang):
        return None
    path = resources.files("rashomon") / "data" / "lang" / lang / name
    if not path.is_file():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def available_languages() -> list[str]:
    root = resources.files("rashomon") / "data" / "lang"
    return sorted(p.name for p in root.iterdir() if (p / "calendar.json").is_file())


@lru_cache(maxsize=64)
def grammar(lang: str) -> Grammar:
    cal = _read_json(lang, "calendar.json")
    if cal is None:
        raise ValueError(f"no calendar data for language {lang!r}")
    cfg = dict(_DEFAULT_CFG)
    cfg.update(_read_json(lang, "time.json") or {})
    return _build(lang, cal, cfg)


def _month_forms(
    cal: dict[str, Any], cfg: dict[str, Any]
) -> tuple[dict[str, int], list[tuple[str, int]], list[str], list[str]]:
    cap = bool(cfg.get("month_capitalized"))
    keys: dict[str, int] = {}
    stems: list[tuple[str, int]] = []
    wide: list[str] = []
    abbr: list[str] = []
    endings: list[str] = list(cfg.get("month_case_endings", []))
    for i in range(12):
        forms = {cal["months"][ctx]["wide"][i] for ctx in ("format", "stand-alone")}
        for form in forms:
            keys[fold(form)] = i + 1
            wide.append(name_regex(form, cap))
        if endings:
            # Case forms CLDR lacks ("в марте", "в сентябре") = common stem + case ending.
            stem = _common_prefix([fold(f) for f in forms])
            if len(stem) >= 2:
                stems.append((stem, i + 1))
                for end in endings:
                    wide.append(name_regex(stem, cap) + re.escape(end))
        for ctx in ("format", "stand-alone"):
            form = cal["months"][ctx]["abbreviated"][i]
            bare = form.rstrip(".")
            if len(bare) >= 3 and fold(bare) not in keys:
                keys[fold(bare)] = i + 1
                abbr.append(name_regex(bare, cap) + r"\.?")
    # Abbreviations CLDR lacks but newswire uses (AP style "Sept.").
    for form, month in cfg.get("month_abbreviations", {}).items():
        if fold(form) not in keys:
            keys[fold(form)] = int(month)
            abbr.append(name_regex(form, cap) + r"\.?")
    stems.sort(key=lambda s: -len(s[0]))
    return keys, stems, sorted(set(wide)), sorted(set(abbr))


def _common_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _build(lang: str, cal: dict[str, Any], cfg: dict[str, Any]) -> Grammar:
    keys, stems, wide, abbr = _month_forms(cal, cfg)
    wide_alt = _alt(wide)
    any_alt = _alt(wide + abbr)
    weekday_alt = _alt([name_regex(d) for d in cal["days_from_monday"]["format"]["wide"]])
    day_sfx = cfg.get("day_suffix", "")
    ysep = cfg.get("year_sep", r"\s+")
    ysuf = cfg.get("year_suffix", "")
    yssuf = cfg.get("years_suffix", "")
    mid_all = r"(?:" + _DASH + r"|\s+" + _words(cfg.get("range_mid", [])) + r"\s+)"
    mid_bare = r"(?:" + _DASH + r"|\s+" + _words(cfg.get("range_mid_bare", [])) + r"\s+)"
    range_pre = _words(cfg.get("range_pre", []))
    list_and = _words(cfg.get("list_and", []))
    same_year = _words(cfg.get("same_year", []))
    year_pre = _words(cfg.get("year_pre", []))
    year_pre_weak = _words(cfg.get("year_pre_weak", []))
    year_follow = _words(cfg.get("year_follow", []))
    month_pre = _words(cfg.get("month_pre", []))
    season_pre = _words(cfg.get("season_pre", []))
    season_of = cfg.get("season_of", r"\s+")
    articles = _words(cfg.get("articles", []))
    numbers = {fold(k): int(v) for k, v in cfg.get("numbers", {}).items()}
    num_alt = r"(?:\d{1,4}|" + _alt([name_regex(k) for k in cfg.get("numbers", {})]) + ")"
    ord_alt = _alt([o[0] for o in cfg.get("ordinals", [])])
    seasons = cfg.get("seasons", [])
    season_words = [
        (re.compile(_alt(s["words"]) + r"(?!\w)", re.I), (int(s["months"][0]), int(s["months"][1])))
        for s in seasons
    ]
    season_alt = _alt([w for s in seasons for w in s["words"]])

    def day(n: _Names, base: str) -> str:
        return rf"(?<![\d,.])(?P<{n.new(base)}>{_DAY})(?!\d){day_sfx}"

    def year(n: _Names, base: str, suffix: str = ysuf) -> str:
        return rf"(?<![\d.,])(?P<{n.new(base)}>{_YEAR})(?!\d|[.,]\d){suffix}"

    def mon(n: _Names, base: str, alt: str = any_alt) -> str:
        return rf"(?<!\w)(?P<{n.new(base)}>{alt})(?!\w)"

    def dm(n: _Names, i: str, dayspec: Callable[[], str] | None = None) -> str:
        """The language's day-month orders; ``dayspec`` replaces the single day (lists)."""
        out = []
        for t in cfg["day_month"]:
            d = dayspec() if dayspec is not None else day(n, "d" + i)
            pieces = re.split(r"(\{[DM]\})", t)
            rx = ""
            for p in pieces:
                if p == "{D}":
                    rx += d
                elif p == "{M}":
                    rx += mon(n, "m" + i)
                else:
                    rx += _tpl_literal(p)
            out.append(rx)
        return "(?:" + "|".join(out) + ")"

    def opt_year(n: _Names, base: str) -> str:
        return rf"(?:{ysep}{year(n, base)})?"

    def tpl(n: _Names, template: str) -> str:
        """Free template with {N}, {ORD}, {M}, {Y} placeholders."""
        rx = ""
        for p in re.split(r"(\{(?:N|ORD|M|YY|Y|C)\})", template):
            if p == "{N}":
                rx += rf"(?P<{n.new('n')}>{num_alt})"
            elif p == "{ORD}":
                rx += rf"(?P<{n.new('ord')}>{ord_alt})"
            elif p == "{M}":
                rx += rf"(?P<{n.new('m1')}>{wide_alt})"
            elif p == "{C}":
                rx += rf"(?<!\w)(?P<{n.new('cent')}>\d{{1,2}}|(?-i:[IVX]{{1,6}}))"
            elif p == "{YY}":
                rx += rf"(?<![\d.,])(?P<{n.new('dec2')}>[1-9]0)"
            elif p == "{Y}":
                rx += rf"(?P<{n.new('dec')}>1\d{{2}}0|20\d0)"
            else:
                rx += _tpl_literal(p)
        return rx

    alts: dict[str, tuple[str, _Names]] = {}

    def add(shape: str, build: Any) -> None:
        key = f"a{len(alts):02d}"
        names = _Names(key + "_")
        rx = build(names)
        alts[key] = (shape + ":" + rx, names)

    add(
        "iso",
        lambda n: (
            rf"(?<![\d-])(?P<{n.new('y1')}>{_YEAR})-(?P<{n.new('m1')}>0[1-9]|1[0-2])"
            rf"-(?P<{n.new('d1')}>0[1-9]|[12]\d|3[01])(?![\d])"
        ),
    )
    add(
        "numeric",
        lambda n: (
            rf"(?<![\d./])(?P<{n.new('a')}>\d{{1,2}})(?P<{n.new('sep')}>[./])"
            rf"(?P<{n.new('b')}>\d{{1,2}})[./](?P<{n.new('y1')}>{_YEAR})(?!\d)"
        ),
    )

    def range_day(n: _Names, pre_required: bool) -> str:
        pre = n.new("pre")

        def spec() -> str:
            return day(n, "d1") + rf"(?({pre}){mid_all}|{mid_bare})" + day(n, "d2")

        pre_rx = rf"(?P<{pre}>{range_pre})\s+"
        if not pre_required:
            pre_rx = rf"(?:{pre_rx})?"
        return pre_rx + dm(n, "2", spec) + opt_year(n, "y2")

    def range_full(n: _Names, pre_required: bool = False) -> str:
        pre = n.new("pre")
        pre_rx = rf"(?P<{pre}>{range_pre})\s+"
        if not pre_required:
            pre_rx = rf"(?:{pre_rx})?"
        return (
            pre_rx
            + dm(n, "1")
            + opt_year(n, "y1")
            + rf"(?({pre}){mid_all}|{mid_bare})"
            + dm(n, "2")
            + opt_year(n, "y2")
        )

    night_pre = _words(cfg.get("night", []))
    add(
        "night",
        lambda n: (
            rf"(?<!\w)(?:{night_pre})\s+(?:{range_full(n)}|{range_day(n, False)}"
            rf"|(?:{range_pre}\s+)?{dm(n, '1')}{opt_year(n, 'y1')})"
        ),
    )

    parts = cfg.get("parts", {})
    part_link = _tpl_literal(cfg.get("part_link", ""))

    def part(n: _Names) -> str:
        which = "|".join(
            rf"(?P<{n.new('p' + k)}>{_words(parts.get(k, []))})" for k in ("begin", "middle", "end")
        )
        target = (
            rf"(?:{mon(n, 'm1', wide_alt)}"
            rf"(?:{ysep}(?:{year(n, 'y1')}|(?P<{n.new('same')}>{same_year})))?"
            rf"|(?:(?:{season_pre}|{articles}){_SP})?(?P<{n.new('season')}>{season_alt})(?!\w)"
            rf"(?:{season_of}(?:{year(n, 'y1')}|(?P<{n.new('same')}>{same_year})))?"
            rf"|{year(n, 'y1')}(?![-\w]))"
        )
        return rf"(?<!\w)(?:{which})[\s-]*{part_link}{target}"

    if parts:
        add("part", part)
    add("range", lambda n: range_full(n))
    add("range_day", lambda n: range_day(n, False))

    list_pre = _words(cfg.get("list_pre", []))

    def list_days(n: _Names) -> str:
        one = rf"(?<![\d,.]){_DAY}(?!\d){day_sfx}"

        def spec() -> str:
            more = rf"(?:\s*,\s*{one}){{0,12}}\s*(?:,\s*)?"
            return rf"(?P<{n.new('dl')}>{one}{more}\s+{list_and}\s+{one})"

        return rf"(?:(?<!\w){list_pre}\s+)?" + dm(n, "1", spec) + opt_year(n, "y1")

    add("list", list_days)

    def month_range(n: _Names) -> str:
        pre = n.new("pre")
        return (
            rf"(?:(?P<{pre}>{range_pre})\s+)?{mon(n, 'm1', wide_alt)}{opt_year(n, 'y1')}"
            rf"(?({pre}){mid_all}|{mid_bare}){mon(n, 'm2', wide_alt)}{ysep}{year(n, 'y2')}"
        )

    add("month_range", month_range)

    def year_range(n: _Names) -> str:
        y2 = rf"(?:{year(n, 'y2', yssuf)}|(?P<{n.new('y2s')}>\d{{2}})(?!\d){yssuf})"
        return (
            rf"(?:(?<!\w)(?P<{n.new('ypre')}>{range_pre}|{year_pre}|{year_pre_weak})\s+|\()"
            rf"{year(n, 'y1', '')}(?:{mid_all}){y2}"
        )

    add("year_range", year_range)
    for unit, templates in cfg.get("ago", {}).items():
        add(
            "ago_" + unit,
            lambda n, t=templates: "(?<!\\w)(?:" + "|".join(tpl(n, x) for x in t) + ")(?!\\w)",
        )
    if cfg.get("decades"):
        add(
            "decade",
            lambda n: "(?<!\\w)(?:" + "|".join(tpl(n, x) for x in cfg["decades"]) + ")(?!\\w)",
        )

    if cfg.get("centuries"):
        add(
            "century",
            lambda n: "(?<!\\w)(?:" + "|".join(tpl(n, x) for x in cfg["centuries"]) + ")(?!\\w)",
        )

    def season(n: _Names) -> str:
        pre = n.new("spre")
        yr = rf"(?:{year(n, 'y1')}|(?P<{n.new('same')}>{same_year}))"
        yr_plain = rf"(?:(?<![\d.,]){_YEAR}(?!\d)|{same_year})"
        # Without a preposition a season word is only temporal when a year follows it.
        return (
            rf"(?:(?<!\w)(?P<{pre}>{season_pre}){_SP})?"
            rf"(?<!\w)(?P<{n.new('season')}>{season_alt})"
            rf"(?!\w)(?({pre})|(?={season_of}{yr_plain}))(?:{season_of}{yr})?"
        )

    if seasons:
        add("season", season)
    weekday = rf"(?:(?<!\w){weekday_alt},?\s+)?"
    add("date", lambda n: weekday + dm(n, "1") + ysep + year(n, "y1"))
    add("month_year", lambda n: mon(n, "m1", wide_alt) + ysep + year(n, "y1"))
    if cfg.get("named_month_period"):
        add(
            "named_month",
            lambda n: (
                "(?<!\\w)(?:"
                + "|".join(tpl(n, x) for x in cfg["named_month_period"])
                + ")(?!\\w)"
                + opt_year(n, "y1")
            ),
        )
    add("day_month", lambda n: weekday + dm(n, "1"))
    adjectives = cfg.get("month_adjectives")
    if adjectives:
        # "в майских событиях" (in the May events): a month adjective before an event noun
        # names that month of the story's (or the document's) year.
        nouns = _alt(cfg.get("month_adjective_nouns", []))

        def month_adj(n: _Names) -> str:
            names = "|".join(rf"(?P<{n.new(f'ma{i}')}>{stem})" for i, stem in enumerate(adjectives))
            return rf"(?<!\w)(?:{names})\w*(?=\s+{nouns}\w*)"

        add("month_adj", month_adj)
    weekday_keys: dict[str, int] = {}
    relative_keys: dict[str, tuple[str, int]] = {}
    wd = cfg.get("weekdays")
    if wd:
        # Deictic weekdays ("said Wednesday", "last Thursday's massacre") count back from the
        # document date; one followed by a day or month belongs to a full date (above).
        forms = wd.get("forms") or [[d] for d in cal["days_from_monday"]["format"]["wide"]]
        not_date = rf"(?!,?\s*(?:the\s+)?\d|,?\s+{any_alt}(?!\w))"

        for i, day_forms in enumerate(forms):
            for f in day_forms:
                weekday_keys[phrase_key(f)] = i

        def weekday_shape(n: _Names) -> str:
            names = rf"(?P<{n.new('wd')}>{_alt([name_regex(f) for fs in forms for f in fs])})"
            last_pre = (
                rf"(?P<{n.new('wlast')}>{_words(wd['pre_last'])})" if wd.get("pre_last") else "(?!)"
            )
            pre = rf"(?:{last_pre}|{_words(wd.get('pre', []))}){_SP}"
            post = (
                rf"(?:\s+(?P<{n.new('wpost')}>{_words(wd['post_last'])})(?!\w))?"
                if wd.get("post_last")
                else ""
            )
            opt = "" if wd.get("pre_required") else "?"
            starts = list(wd.get("pre_last", [])) + list(wd.get("pre", []))
            if not wd.get("pre_required"):
                starts += [f for fs in forms for f in fs]
            first = _first_chars(starts)
            return rf"(?<!\w){first}(?:{pre}){opt}{names}(?!\w){post}{not_date}"

        add("weekday", weekday_shape)
    rel = cfg.get("relative")
    if rel:
        # One alternative for every phrase (each alternative costs a try at every word);
        # the phrase found says its unit and offset.
        for unit in ("day", "week", "month", "year", "weekend"):
            for phrase, offset in (rel.get(unit) or {}).items():
                relative_keys[phrase_key(phrase)] = (unit, int(offset))
        phrases = [
            ph for unit in ("day", "week", "month", "year", "weekend") for ph in rel.get(unit) or {}
        ]
        first = _first_chars(phrases)
        add("relative", lambda n: rf"(?<!\w){first}(?P<{n.new('rel')}>{_words(phrases)})(?!\w)")
    # A month followed by a day number is a date's; one followed by a grouped count ("im
    # März 7.000 Tote") is the month alone.
    add(
        "bare_month",
        lambda n: (
            rf"(?<!\w)(?:{month_pre}){_SP}{mon(n, 'm1', wide_alt)}"
            rf"(?:\s+{list_and}\s+{mon(n, 'm2', wide_alt)})?"
            rf"(?:{ysep}(?:{year(n, 'y1')}|(?P<{n.new('same')}>{same_year})))?"
            rf"(?!\s*\d{{1,2}}(?!\d|[.,'’]\d))"
        ),
    )
    add(
        "year_ctx",
        lambda n: (
            rf"(?<!\w)(?P<{n.new('ypre')}>{year_pre}|{year_pre_weak}){_SP}"
            + year(n, "y1")
            + r"(?![-\w])"
        ),
    )
    add("year_paren", lambda n: r"\(\s*" + year(n, "y1") + r"\s*\)")
    narrative = cfg.get("narrative", {})
    if narrative:
        add(
            "narrative",
            lambda n: (
                "(?<!\\w)(?:"
                + "|".join(
                    rf"(?P<{n.new('narr_' + kind)}>" + "|".join(tpl(n, t) for t in templates) + ")"
                    for kind, templates in narrative.items()
                    if templates
                )
                + ")(?!\\w)"
            ),
        )
    # A bare year needs its own suffix ("1918 г.") or a following word or mark that
    # numbers of people rarely take.
    follow = rf"(?=\s*[,;:)\]]|\s+(?:{year_follow})(?!\w))"
    add(
        "year_range_bare",
        lambda n: (
            rf"(?<![\d.,])(?P<{n.new('y1')}>{_YEAR_BARE})[-–]"
            rf"(?P<{n.new('y2')}>{_YEAR_BARE})(?!\d){yssuf}{follow}"
        ),
    )
    add("year_bare", lambda n: year(n, "y1") + rf"(?:(?<!\d)|{follow})")

    # Every expression starts at a word start; saying so up front lets the engine skip the
    # inside of words without trying each alternative there (about 2x faster).
    combined = (
        r"(?<!\w)(?=[\w(])(?:"
        + "|".join(rf"(?P<{k}>{rx.split(':', 1)[1]})" for k, (rx, _) in alts.items())
        + ")"
    )
    shapes = {k: (rx.split(":", 1)[0], names) for k, (rx, names) in alts.items()}
    qwords = cfg.get("quantity_words", [])
    quantity_before = (
        re.compile(r"(?<!\w)" + _words(qwords) + r"\s*$", re.I) if qwords else re.compile("(?!)")
    )
    deictic_words = [name_regex(d) for d in cal["days_from_monday"]["format"]["wide"]] + [
        _tpl_literal(ph)
        for unit in ("day", "week", "month", "year", "weekend")
        for ph in (cfg.get("relative") or {}).get(unit) or {}
    ]

    def tail(key: str) -> re.Pattern[str]:
        words = cfg.get(key, [])
        return re.compile(r"(?<!\w)" + _words(words) + r"\s*$", re.I) if words else _NEVER

    return Grammar(
        lang=lang,
        cfg=cfg,
        month_keys=keys,
        month_stems=stems,
        season_words=season_words,
        numbers=numbers,
        ordinals=[(re.compile(o[0], re.I), int(o[1])) for o in cfg.get("ordinals", [])],
        regex=re.compile(combined, re.I),
        alts=shapes,
        quantity_before=quantity_before,
        weekday_keys=weekday_keys,
        relative_keys=relative_keys,
        deictic=re.compile(rf"(?<!\w){_alt(deictic_words)}(?!\w)", re.I),
        period_end=tail("period_end"),
        until=tail("until"),
    )
