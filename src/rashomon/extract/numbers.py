"""Number mentions: values, ranges, qualifiers, and the numbers that are *not* figures.

``find_numbers`` scans a text once with one compiled regex per language (digits with any
locale grouping, number words, vague quantities such as "des milliers"), then reads a short
window on each side of every hit to decide its role and qualifier, and finally merges
neighbours into ranges ("от 3 до 12 тысяч", "over 30,000 to under 150,000").  All words come
from ``data/lang/<code>/numbers.json``; this module holds no language's vocabulary.

Role heuristics (the order matters; the first that fires wins):

1. citation markers ``[12]``, digits glued to letters (``Casualties2``), ISO or numeric dates,
   clock times and coordinates are recognised by shape alone; numbers inside URLs produce no
   mention at all.
2. A glued suffix makes decades (``1990s``, ``1930er``, ``1990-х``) and ordinals (``4th``,
   ``4e``, ``90º``, ``4-й``; German ``4.`` after an article).
3. Percent, age, day-of-month (a CLDR month name next to a number 1-31, or a day article such
   as French "le 15"), clock-time words, then years.
4. **Years**: an ungrouped four-digit integer in 1000-2100 is a year, unless the next word is
   one of the language's ``quantity_nouns`` ("1800 who...", "1800 personnes") or a count cue
   precedes it ("an additional 1800", "al menos 1500"): then it is a quantity.
5. Durations (a time unit follows: "three days", "107 years ago", "vor 25 Jahren"),
   measurement units and fractions are not figures.
6. Everything else is a ``quantity`` candidate; the measure stage decides whether it is a
   figure ("one of the ..." stays a quantity on purpose).

Indefinite articles that double as "one" (``ein``, ``un``, ``una``) are only reported when the
text contrasts them with a counted noun ("fünf Mönche ... ein Mönch") or a partitive follows
("une des victimes"): otherwise every "ein Massaker" would become a figure.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import deque
from dataclasses import dataclass, replace

from rashomon.extract._numlang import Lang, load, lookup, words_value
from rashomon.extract.lexicon import lexicon_data

__all__ = ["ROLES", "NumberMention", "find_numbers"]

ROLES = (
    "quantity",
    "year",
    "day",
    "time_of_day",
    "ordinal",
    "duration",
    "percentage",
    "age",
    "decade",
    "citation",
    "other",
)

_WINDOW = 60
_NOUN_REACH = 400  # how far back "fünf Mönche" can license a later "ein Mönch"
_LOWER_BOUNDS = ("more_than", "at_least")
_UPPER_BOUNDS = ("less_than", "at_most")
_WORD = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"^\s+(\w+)")
_PREV_WORD = re.compile(r"(\w+)\s+$")
# Both sides of a ratio are small bare numbers, not glued to a label ("Casualties1:2,500").
_RATIO_RIGHT = re.compile(r":\d{1,2}(?!\d|[,.]\d)")
# _RATIO_LEFT is searched on the text itself: left() stops at the previous item.
_RATIO_LEFT = re.compile(r"(?<![\w.,])\d{1,2}:$")
_APOSTROPHES = "'’‘"
_PHRASE_END = re.compile(r"[,;:.!?()\[\]«»\"“”—–]")
_DIGIT_NEAR = re.compile(r"\d[\s.]*\||\|[\s.]*\d")
_LIST_MARK = re.compile(r"^[.)]\s")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
# Scanner groups whose role follows from their shape alone.
_SHAPE_ROLES = {
    "cite": "citation",
    "glued": "other",
    "idseq": "other",
    "time": "time_of_day",
    "coord": "other",
}
_ASIDE = re.compile(r"\s*\([^()\d\n]{1,80}\)")
_DATE_GAP = re.compile(r"^\s*[,.]?\s*$")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in a text, with its value semantics (DESIGN.md section 3)."""

    start: int
    end: int
    text: str
    num_start: int
    num_end: int
    low: int | None
    high: int | None
    qualifier: str
    role: str
    #: Set when the figure's written form is irregular and its value is a reading of it
    #: ("60'0000": a grouping no locale writes), for the claim's notes.
    irregular: str | None = None


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    num_start: int
    num_end: int
    low: float | None
    high: float | None
    qualifier: str
    role: str
    plain: bool = False  # a bare integer (no grouping, multiplier or qualifier)
    mult: float = 1.0
    irregular: str | None = None


def _as_int(v: float | None) -> int | None:
    if v is None or not math.isfinite(v):
        return None
    return round(v)


def _digits_value(tok: str, g: str | None, lang: Lang, has_mult: bool) -> tuple[float, bool]:
    """Value of a digit token and whether it used digit grouping."""
    dec = lang.data["decimal_sep"]
    if g:
        parts = tok.split(g)
        tail = parts[-1]
        # "1,5 millones" is a decimal, but a separator before exactly three digits groups
        # unless a multiplier follows: head counts are integers, "40.000" in English is 40000.
        if len(parts) == 2 and g in ".," and g == dec and has_mult and len(tail) == 3:
            return float(parts[0] + "." + tail), False
        body = "".join(parts)
        m = re.search(r"[.,](\d+)$", body)
        if m:
            return float(body[: m.start()] + "." + m.group(1)), True
        return float(body), True
    if "," in tok or "." in tok:
        return float(tok.replace(",", ".")), False
    return float(tok), False


class _Finder:
    def __init__(self, text: str, lang: Lang, start: int, end: int) -> None:
        self.text = text
        self.L = lang
        self.lo = start
        self.hi = end
        self.items: list[_Item] = []
        self.nouns: deque[tuple[int, str]] = deque()  # words after recent quantities

    # -- context windows -------------------------------------------------------------
    def left(self, s: int) -> str:
        floor = self.items[-1].end if self.items else self.lo
        return self.text[max(floor, s - _WINDOW, self.lo) : s]

    def right(self, e: int) -> str:
        return self.text[e : min(self.hi, e + _WINDOW)]

    # -- scanning --------------------------------------------------------------------
    def run(self) -> list[_Item]:
        pos = self.lo
        scan = self.L.scan
        while True:
            m = scan.search(self.text, pos, self.hi)
            if m is None:
                break
            pos = self.handle(m)
        return self.items

    def add(self, it: _Item) -> int:
        self.items.append(it)
        return it.end

    def handle(self, m: re.Match[str]) -> int:
        kind = m.lastgroup or ""
        s, e = m.span()
        if kind == "url":
            return e
        if kind == "glued" and _label_count(self.text, s, e):
            dm = self.L.digits.match(self.text, s, self.hi)
            if dm is not None:
                return self.digits(dm)
        if kind in _SHAPE_ROLES:
            return self.add(_Item(s, e, s, e, None, None, "exact", _SHAPE_ROLES[kind]))
        if kind == "gluedh":
            # "COVID-19", "Su-25" are names; "mid-1990s", "mid-1995" still are dates
            raw = m.group()
            role = "other"
            if len(raw) == 4 and 1000 <= int(raw) <= 2100:
                dm = self.L.right_decade_suffix.match(self.right(e))
                role = "decade" if dm else "year"
                e += dm.end() if dm else 0
            return self.add(_Item(s, e, s, m.end(), float(raw), float(raw), "exact", role))
        if kind == "isodate":
            role = "day" if m.group().count("-") != 1 else "year"
            return self.add(_Item(s, e, s, e, None, None, "exact", role))
        if kind == "ordw":
            return self.add(_Item(s, e, s, e, None, None, "exact", "ordinal"))
        if kind == "phrase":
            val = lookup(self.L.data["phrases"], m.group())
            v, q = (float(val[0]), str(val[1])) if val else (None, "vague")
            it = _Item(s, e, s, e, v, v, q, "quantity")
            if q == "vague":
                it.high = None
            self.note_nouns(e)
            return self.add(self.qualify(it))
        if kind == "vague":
            return self.vague(m)
        if kind == "words":
            return self.words(m)
        return self.digits(m)

    def vague(self, m: re.Match[str]) -> int:
        s, e = m.span()
        value = 1.0
        pieces = list(self.L.vague_piece.finditer(m.group()))
        for p in pieces:
            v = lookup(self.L.data["vague"], p.group())
            if v is None:
                v = lookup(self.L.data["multipliers"], p.group())
            value *= float(v or 1)
        if not pieces or value <= 1:
            return e
        # "Several hundred" says at least two hundreds (the gold reads "plusieurs centaines"
        # as a low of 200-300); "a few", "many" and bare plurals say no more than one unit.
        head = " ".join(m.group()[: pieces[0].start()].casefold().split())
        if head and head in self.L.data["vague_several"]:
            value *= 2
        ns = s + pieces[0].start()
        it = _Item(s, e, ns, e, value, None, "vague", "quantity")
        lt = self.left(s)
        q = self.L.left_qual.search(lt)
        if q:
            it.start = s - len(lt) + q.start()
        self.note_nouns(e)
        return self.add(it)

    def words(self, m: re.Match[str]) -> int:
        s, e = m.span()
        text = self.text
        nn = self.L.not_numbers.search(text, max(self.lo, s - 12), min(self.hi, e + 16))
        if nn and nn.start() < e and nn.end() > s:
            return max(e, nn.end())
        toks = list(_WORD.finditer(text, s, e))
        # a run may start on a bare joiner morpheme ("und zweihundert")
        while len(toks) > 1 and words_value(self.L, toks[0].group()) is None:
            toks.pop(0)
        s = toks[0].start() if toks else s
        value = None
        while toks:
            e = toks[-1].end()
            value = words_value(self.L, text[s:e])
            if value is not None:
                break
            toks.pop()
        if value is None or not toks:
            first = _WORD.match(text, s)
            return first.end() if first else s + 1
        if len(toks) == 1 and self.L.month.fullmatch(toks[0].group()):
            # French "sept" is also September's abbreviation: next to a day it is the month
            near = text[max(self.lo, s - 4) : s] + "|" + text[e : min(self.hi, e + 4)]
            if _DIGIT_NEAR.search(near):
                return e
        article = len(toks) == 1 and lookup(
            {w: 1 for w in self.L.data["article_forms"]}, toks[0].group()
        )
        return self.number(s, e, float(value), grouped=False, digits=False, article=bool(article))

    def digits(self, m: re.Match[str]) -> int:
        s, e = m.span()
        g = m.group("g")
        if g and g.isspace() and self.L.left_month.search(self.left(s)):
            # "March 11 200 soldiers": a day, then a count, not 11,200
            e = s + m.group().index(g)
            return self.number(
                s, e, float(self.text[s:e]), grouped=False, digits=True, article=False
            )
        has_mult = bool(self.L.right_mult.match(self.right(e)))
        value, grouped = _digits_value(m.group(), m.group("g"), self.L, has_mult)
        return self.number(s, e, value, grouped=grouped, digits=True, article=False)

    # -- classification --------------------------------------------------------------
    def number(
        self, s: int, e: int, value: float, *, grouped: bool, digits: bool, article: bool
    ) -> int:
        L = self.L
        mult = 1.0
        mm = L.right_mult.match(self.right(e))
        if mm:
            mv = lookup(L.data["multipliers"], mm.group().strip())
            if mv:
                mult = float(mv)
                value *= mult
                e += mm.end()
        raw = self.text[s:e]
        lt, rt = self.left(s), self.right(e)
        small = value.is_integer() and 1 <= value <= 31 and not grouped and mult == 1
        is_int4 = digits and mult == 1 and not grouped and raw.isdigit() and len(raw) == 4
        it = _Item(s, e, s, e, value, value, "exact", "quantity", mult=mult)
        it.plain = value.is_integer() and not grouped and mult == 1

        def done(role: str, end: int | None = None, start: int | None = None) -> int:
            it.role = role
            if end is not None:
                it.end = end
            if start is not None:
                it.start = start
            if role in ("percentage", "duration") and start is None:
                # "up to 30%", "rund sechs Wochen": the qualifier still reads right
                return self.add(self.qualify(it))
            return self.add(it)

        if (
            digits
            and mult == 1
            and _LIST_MARK.match(rt)
            and _LINE_START.search(lt or "\n")
            and not L.right_month.match(rt)
        ):
            # "1. Introduction", "2) Background": an enumeration, not a count
            return done("other", e + 1)
        if digits and mult == 1:
            if is_int4 and value % 10 == 0 and (dm := L.right_decade_suffix.match(rt)):
                return done("decade", e + dm.end())
            if (om := L.right_ordinal_suffix.match(rt)) and not grouped:
                # "1er mai", "2nd of June" name a day
                day = small and L.right_month.match(rt[om.end() :])
                return done("day" if day else "ordinal", e + om.end())
            if L.data["ordinal_dot"] and re.match(r"\.\s+\S", rt):
                if small and L.right_month.match(rt):
                    return done("day")
                if L.left_ordinal_dot.search(lt) and value.is_integer():
                    return done("ordinal", e + 1)
        if not digits and self.inside_name(s, e, lt, rt):
            # "Plaza de las Tres Culturas", "the Three Gorges": a number word in a name
            return done("other")
        if pm := L.right_percent.match(rt):
            return done("percentage", e + pm.end())
        if am := L.right_age.match(rt):
            return done("age", e + am.end())
        if al := L.left_age.search(lt):
            dm2 = L.right_duration.match(rt)
            return done("age", e + dm2.end() if dm2 else e, s - len(lt) + al.start())
        if small and (rm := L.right_month.match(rt)):
            # resume the scan after the month: "15 sept." must not also read as "sept" = 7
            return max(done("day"), e + rm.end())
        if small and L.left_month.search(lt):
            return done("day")
        if small and not grouped and L.left_day_article.search(lt) and not L.right_qnoun.match(rt):
            return done("day")
        if value <= 24 and (tm := L.right_time.match(rt)) and digits:
            return done("time_of_day", e + tm.end())
        if (
            digits
            and mult == 1
            and not grouped
            and value < 100
            and (_RATIO_RIGHT.match(rt) or _RATIO_LEFT.search(self.text, max(0, s - 4), s))
        ):
            # "a ratio of 1:3", "3:1": the sides of a ratio (or a verse) count nobody
            return done("other")
        if is_int4 and 1000 <= value <= 2100:
            if L.left_decade.search(lt):
                return done("decade")
            prev = self.items[-1] if self.items else None
            gap = self.text[prev.end : s] if prev is not None else ""
            after_date = prev is not None and (
                (prev.role in ("day", "year") and _DATE_GAP.match(gap))
                or (prev.role == "year" and L.infix_gap.match(gap))
            )
            counted = L.right_qnoun.match(rt) or L.left_count_cue.search(lt)
            if after_date or L.left_month.search(lt) or not counted:
                ym = L.right_year.match(rt)
                return done("year", e + ym.end() if ym else None)
        if digits and not grouped and (ym := L.right_year.match(rt)):
            return done("year", e + ym.end())
        if du := L.right_duration.match(rt):
            end = e + du.end()
            ago = L.right_ago.match(self.right(end))
            if ago:
                end += ago.end()
            if lago := L.left_ago.search(lt):
                return done("duration", end, s - len(lt) + lago.start())
            return done("duration", end)
        if fm := L.right_fraction.match(rt):
            return done("other", e + fm.end())
        if L.right_unit.match(rt) or L.left_other.search(lt):
            return done("other")
        if article and not self.article_is_number(s, e, rt):
            return e
        self.note_nouns(e)
        return self.add(self.qualify(it))

    def qualify(self, it: _Item) -> _Item:
        lt = self.left(it.start)
        q = self.L.left_qual.search(lt)
        if q:
            it.qualifier = str(lookup(self.L.data["qualifiers"], q.group().strip()) or "exact")
            it.start = it.start - len(lt) + q.start()
            it.plain = False
        elif it.qualifier != "vague":
            pq = self.L.right_post_qual.match(self.right(it.end))
            if pq:
                it.qualifier = str(lookup(self.L.data["post_qualifiers"], pq.group().strip()))
                it.end += pq.end()
        _bounds(it)
        return it

    def inside_name(self, s: int, e: int, lt: str, rt: str) -> bool:
        """A capitalised number word between a lower-case word and a capitalised one, in
        mixed-case text: part of a name, not a count."""
        word = self.text[s:e]
        if not word[:1].isupper() or word.isupper():
            return False
        if lexicon_data(str(self.L.data["lang"])).get("capitalised_nouns"):
            return False  # German capitalises every noun: "eine halbe Million Menschen"
        before = _PREV_WORD.search(lt)
        after = _NEXT_WORD.match(rt)
        return (
            before is not None
            and after is not None
            and before.group(1)[:1].islower()
            and after.group(1)[:1].isupper()
            and not after.group(1).isupper()
        )

    def note_nouns(self, e: int) -> None:
        while self.nouns and e - self.nouns[0][0] > _NOUN_REACH:
            self.nouns.popleft()
        # Only the words of the number's own phrase: "1 165, un rapport" counts no reports.
        phrase = _PHRASE_END.split(self.right(e)[:40], maxsplit=1)[0]
        for w in _WORD.findall(phrase)[:3]:
            if not w[0].isdigit():
                self.nouns.append((e, w.lower()))

    def article_is_number(self, s: int, e: int, rt: str) -> bool:
        if self.L.right_partitive.match(rt):
            return True
        nm = _NEXT_WORD.match(rt)
        if not nm:
            return False
        w = nm.group(1).lower()
        if len(w) < 4:
            return False
        k = max(4, len(w) - 2)
        return any(
            s - pos < _NOUN_REACH and len(n) >= k and n[:k] == w[:k] for pos, n in self.nouns
        )


def _bounds(it: _Item) -> None:
    v = it.low if it.low is not None else it.high
    q = it.qualifier
    if q in _LOWER_BOUNDS or q == "vague":
        it.low, it.high = v, None
    elif q in _UPPER_BOUNDS:
        it.low, it.high = None, v
    elif q in ("exact", "approx"):
        it.low = it.high = v


# -- ranges and lists -------------------------------------------------------------------
def _merge(text: str, L: Lang, items: list[_Item]) -> list[_Item]:
    # Right to left: "15 et 17 septembre", "six to seven weeks" take the role of their right
    # neighbour, which carries the month or the unit.
    i = len(items) - 2
    while i >= 0:
        a, b = items[i], items[i + 1]
        gap = text[a.end : b.num_start]
        if a.role == "quantity" and a.plain and b.role == "day" and _small(a):
            if L.list_gap.match(gap) or any(c.match(gap) for c in L.day_closers.values()):
                a.role = "day"
        elif (
            a.role == "age"
            and b.role in ("quantity", "duration")
            and b.high is not None
            and L.infix_gap.match(gap)
        ):
            items[i] = _Item(a.start, b.end, a.num_start, b.num_end, a.low, _top(b), "range", "age")
            del items[i + 1]
        elif a.role == "quantity" and a.plain and b.role in ("duration", "percentage", "age"):
            st = _joined(text, L, a, gap)
            if st is not None:
                items[i] = _Item(st, b.end, a.num_start, b.num_end, a.low, _top(b), "range", b.role)
                del items[i + 1]
        i -= 1
    out: list[_Item] = []
    for b in items:
        if not out:
            out.append(b)
            continue
        a = out[-1]
        gap = text[a.end : b.start]
        if a.role == "day" and b.role == "quantity" and b.plain:
            if _small(b) and L.list_gap.match(gap):
                b.role = "day"
            elif _year_like(text, b) and _DATE_GAP.match(gap):
                b.role = "year"  # "May 3 to 9, 1931 who ...": the day was only known now
        if a.role == "quantity" and b.role == "quantity" and a.plain and b.plain:
            lt = text[max(0, a.start - 20) : a.start]
            for op, pat in L.left_day_openers.items():
                if _small(a) and _small(b) and pat.search(lt) and L.day_closers[op].match(gap):
                    a.role = b.role = "day"
        merged = _range(text, L, a, b) if a.role == b.role == "quantity" else None
        if merged is not None:
            out[-1] = merged
            continue
        if (
            b.role == "quantity"
            and a.role == "citation"
            and len(out) >= 2
            and out[-2].role == "quantity"
            and out[-2].end == a.start
        ):
            # "460[2] to 3,500": a citation glued to the first bound does not cut the range.
            first = out[-2]
            merged = _range(text, L, replace(first, end=a.end, num_end=a.end), b)
            if merged is not None:
                merged.num_end = b.num_end
                out[-2:] = [merged]
                continue
        out.append(b)
    return out


def _joined(text: str, L: Lang, a: _Item, gap: str) -> int | None:
    """Start of the range "a <gap> b" when the gap links two numbers, else None."""
    # "de 8 000 (Ageron, Julien) à 45 000": who gives the bound does not cut the range.
    gap = _ASIDE.sub("", gap)
    lt = text[max(0, a.start - 20) : a.start]
    for op, pat in L.left_openers.items():
        om = pat.search(lt)
        if om and L.closers[op].match(gap):
            return a.start - len(lt) + om.start()
    return a.start if L.infix_gap.match(gap) else None


def _year_like(text: str, it: _Item) -> bool:
    raw = text[it.num_start : it.num_end]
    return len(raw) == 4 and raw.isdigit() and 1000 <= int(raw) <= 2100


def _top(it: _Item) -> float | None:
    return it.high if it.high is not None else it.low


def _small(it: _Item) -> bool:
    return it.low is not None and it.low.is_integer() and 1 <= it.low <= 31


def _range(text: str, L: Lang, a: _Item, b: _Item) -> _Item | None:
    if (a.low is None and a.high is None) or (b.low is None and b.high is None):
        return None
    if a.qualifier == "vague" or b.qualifier == "vague":
        return None
    av = a.low if a.low is not None else a.high
    bv = b.high if b.high is not None else b.low
    assert av is not None and bv is not None
    start = a.start
    ok = False
    core_gap = text[a.num_end : b.num_start]
    if a.qualifier in ("exact", "approx"):
        st = _joined(text, L, a, core_gap)
        if st is not None:
            ok, start = True, st
    if (
        not ok
        and a.qualifier in _LOWER_BOUNDS
        and b.qualifier in _UPPER_BOUNDS
        and L.bound_gap.match(text[a.end : b.start])
    ):
        ok = True
    if (
        not ok
        and a.qualifier in ("exact", "approx")
        and b.qualifier == "at_most"
        and L.hedge_gap.match(text[a.end : b.start])
    ):
        ok = True  # "150 morts, peut-être, jusqu'à 300": the hedge opens the upper bound
    if not ok:
        return None
    if b.mult > 1 and a.mult == 1 and av * b.mult <= bv:
        av *= b.mult
    if av >= bv or round(av) >= round(bv):
        return None  # "40,000-40,00012" in French: two decimals that round to one count
    role = "quantity"
    lt = text[max(0, start - _WINDOW) : start]
    if age := L.left_age.search(lt):  # "aged between 18 and 60"
        role, start = "age", start - len(lt) + age.start()
    return _Item(start, b.end, a.num_start, b.num_end, av, bv, "range", role)


#: An infobox row flattened by scraping: a label that opens its line, glued to a count of
#: two digits or more ("Deaths460[2] to 3,500", "Wounded1,200"); a footnote digit glued to
#: a word ("Casualties2") stays no count.
_LABEL_COUNT = re.compile(r"(?:^|\n)[ \t*•-]*[^\W\d_]{4,}$")
_AFTER_LABEL_COUNT = re.compile(r"\d{2,}(?:[\s\[,.\u2013\u2014-]|$)|\d{1,3}[,.\u00a0\u202f ]\d{3}")


def _label_count(text: str, s: int, e: int) -> bool:
    lo = text.rfind("\n", 0, s) + 1
    if not _LABEL_COUNT.search(text, max(0, lo - 1), s) and not (
        lo == 0 and _LABEL_COUNT.search("\n" + text[:s])
    ):
        return False
    return _AFTER_LABEL_COUNT.match(text, s) is not None


def _unglued(text: str, items: list[_Item]) -> list[_Item]:
    """ "über 60'0000": digits glued to a number through an apostrophe that no grouping
    explains are a misprint, never a count of their own ("0000" killed).

    The writer's separator says where the thousands begin, so the figure is read by it
    (60'0000 as 60'000) and flagged: the written form is irregular and the reading is ours.
    A separator after a longer head ("1234'5678") gives no such reading: the tail is
    dropped and the head left as written, flagged too.
    """
    out: list[_Item] = []
    skip: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(items)):
        if not (
            b.num_start == a.num_end + 1
            and text[a.num_end] in _APOSTROPHES
            and text[b.num_start : b.num_end].isdigit()
            and text[a.num_end - 1 : a.num_end].isdigit()
        ):
            continue
        b.role = "other"
        head = text[a.num_start : a.num_end]
        written = text[a.num_start : b.num_end]
        if a.role != "quantity" or not head.isdigit():
            continue
        if len(head) <= 3 and a.mult == 1:
            a.low = a.low * 1000 if a.low is not None else None
            a.high = a.high * 1000 if a.high is not None else None
            a.end = a.num_end = b.num_end
            skip.add(i + 1)
            a.irregular = (
                f"figure written irregularly as '{written}' (a digit grouping no locale "
                f"uses): read by its separator as {head}'000"
            )
        else:
            a.irregular = f"figure written irregularly as '{written}': its tail left unread"
    out = [it for j, it in enumerate(items) if j not in skip]
    return out


def find_numbers(
    text: str, lang: str, start: int = 0, end: int | None = None
) -> list[NumberMention]:
    """Every number mention in ``text[start:end]``, in text order, with offsets into ``text``.

    Unknown languages fall back to the English data, which still reads digits correctly.
    """
    hi = len(text) if end is None else min(end, len(text))
    L = load(lang.lower().split("-")[0]) or load("en")
    assert L is not None
    items = _unglued(text, _merge(text, L, _Finder(text, L, start, hi).run()))
    out: list[NumberMention] = []
    last = start
    for it in items:
        if it.start < last:
            if it.num_start < last:
                continue
            it.start = it.num_start
        low, high, role = it.low, it.high, it.role
        if role == "quantity" and any(v is not None and not v.is_integer() for v in (low, high)):
            role = "other"  # a decimal with no multiplier is a measurement, not a head count
        out.append(
            NumberMention(
                it.start,
                it.end,
                text[it.start : it.end],
                it.num_start,
                it.num_end,
                _as_int(low),
                _as_int(high),
                it.qualifier,
                role,
                it.irregular,
            )
        )
        last = it.end
    return out
