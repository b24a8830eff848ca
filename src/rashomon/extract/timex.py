"""Own temporal tagger with document-level anchoring (DESIGN §4.3).

``find_times`` tags the time expressions of a text; ``TimeContext`` carries the narrative
through a document sentence by sentence, so a year-less "le 31 juillet" takes the year of
the story, and "During this time" or "the fourth day of the massacre" resolve to the
interval the text is talking about. Language knowledge comes from data files (CLDR month and
day names generated from Babel, plus a hand-written ``time.json`` per language).

Dates are never invented: without a year in the text, the narrative or the document date,
``start_date`` stays ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rashomon.extract._timex_rules import (
    BARE_YEAR_MAX,
    BARE_YEAR_MIN,
    Grammar,
    Parse,
    available_languages,
    grammar,
    phrase_key,
    roman_or_int,
)

__all__ = ["PRECISIONS", "TimeContext", "TimeMention", "available_languages", "find_times"]

PRECISIONS = ("day", "month", "season", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: ``text == document[start:end]``; dates are ISO and inclusive.

    ``kind``: date | range | list | season | part_of_month | night | relative_to_doc |
    narrative. ``source``: explicit (all in the words), context (year or interval carried
    from the narrative), document_date (anchored on the publication date).
    """

    start: int
    end: int
    text: str
    start_date: str | None
    end_date: str | None
    precision: str
    kind: str
    source: str
    #: event (when something happened) | speech (when a source spoke: "said Wednesday") |
    #: publication (a dateline or "Last updated" line); only event times date a figure.
    role: str = "event"


_Interval = tuple[dt.date, dt.date]
_NARRATIVE_KINDS = (
    "narr_same",
    "narr_ordinal_day",
    "narr_next_days",
    "narr_next_day",
    "narr_same_day",
)
#: "ended in 1934" closes the story's period only when that period opened this close before.
_PERIOD_REACH_YEARS = 30
#: "until May 19" continues the story's period only when it ended this close before.
_UNTIL_REACH_DAYS = 366
#: How far before the document date the story may be for "Wednesday" to mean that week's.
_DEICTIC_REACH = 45
_Getter = Callable[[str], "str | None"]
_NeedYear = Callable[[int | None, int | None], "int | None"]


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    if not 1 <= m <= 12 or not 1 <= d <= _last_day(y, m):
        return None
    return dt.date(y, m, d)


def _month_span(y: int, m: int) -> _Interval:
    return dt.date(y, m, 1), dt.date(y, m, _last_day(y, m))


def _week_of(day: dt.date) -> _Interval:
    """Monday to Sunday of the week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _season_span(y: int, months: tuple[int, int]) -> _Interval:
    first, last = months
    end_year = y + 1 if last < first else y
    return dt.date(y, first, 1), dt.date(end_year, last, _last_day(end_year, last))


def _parse_doc_date(doc_date: str | None) -> tuple[int, int | None, int | None] | None:
    if not doc_date:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", doc_date)
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) and mo else None
    if mo is not None and not 1 <= mo <= 12:
        mo, d = None, None
    if d is not None and mo is not None and _safe_date(y, mo, d) is None:
        d = None
    return y, mo, d


def _interval(m: TimeMention) -> _Interval | None:
    if m.start_date is None or m.end_date is None:
        return None
    return dt.date.fromisoformat(m.start_date), dt.date.fromisoformat(m.end_date)


# --- scanning ---------------------------------------------------------------------------


def _scan(text: str, g: Grammar) -> list[Parse]:
    out: list[Parse] = []
    for m in g.regex.finditer(text):
        key = m.lastgroup
        if key is None:
            continue
        shape, names = g.alts[key]

        def get(
            base: str, _m: re.Match[str] = m, _n: dict[str, list[str]] = names.by_base
        ) -> str | None:
            for name in _n.get(base, ()):
                val = _m.group(name)
                if val is not None:
                    return val
            return None

        p = _to_parse(shape, m, get, g, text)
        if p is not None:
            _trim(p, text)
            if p.end > p.start:
                out.append(p)
    return out


def _trim(p: Parse, text: str) -> None:
    while p.end > p.start and text[p.end - 1] in " \t\n,;:":
        p.end -= 1
    while p.start < p.end and text[p.start].isspace():
        p.start += 1


def _ival(s: str | None) -> int | None:
    return int(s) if s is not None else None


def _to_parse(shape: str, m: re.Match[str], get: _Getter, g: Grammar, text: str) -> Parse | None:
    s, e = m.start(), m.end()
    y1, y2 = _ival(get("y1")), _ival(get("y2"))
    if shape == "iso":
        mo, d = _ival(get("m1")), _ival(get("d1"))
        if y1 is None or mo is None or d is None or _safe_date(y1, mo, d) is None:
            return None
        return Parse(s, e, "date", y1=y1, m1=mo, d1=d)
    if shape == "numeric":
        a, b = int(get("a") or 0), int(get("b") or 0)
        day, mon = (b, a) if g.cfg.get("numeric_order") == "MDY" and a <= 12 else (a, b)
        if a > 12 and b <= 12:
            day, mon = a, b
        if y1 is None or _safe_date(y1, mon, day) is None:
            return None
        return Parse(s, e, "date", y1=y1, m1=mon, d1=day)
    m1 = g.month(get("m1") or "") if get("m1") else None
    m2 = g.month(get("m2") or "") if get("m2") else None
    d1, d2 = _ival(get("d1")), _ival(get("d2"))
    if shape in ("range", "range_day", "night"):
        kind = "night" if shape == "night" else "range"
        if d2 is None:  # a night of a single date
            return Parse(s, e, kind, y1=y1, m1=m1, d1=d1, target="day")
        return Parse(s, e, kind, y1=y1, m1=m1, d1=d1, y2=y2, m2=m2, d2=d2)
    if shape == "list":
        days = sorted({int(x) for x in re.findall(r"\d+", get("dl") or "")})
        return Parse(s, e, "list", y1=y1, m1=m1, days=days)
    if shape == "month_range":
        return Parse(s, e, "month_range", y1=y1, m1=m1, y2=y2, m2=m2)
    if shape == "year_range_bare":
        if y1 is None or y2 is None or not y1 < y2 or _quantity_before(text, s, g):
            return None
        return Parse(s, e, "year_range", y1=y1, y2=y2)
    if shape == "year_range":
        pre = get("ypre")
        if y1 is None:
            return None
        if y2 is None:
            short = get("y2s")
            if short is None:
                return None
            y2 = y1 // 100 * 100 + int(short)
        # "entre 1500 et 2000 hommes" is a count; real year ranges rarely pass a century.
        if not y1 < y2 <= y1 + 100:
            return None
        if pre is not None:
            start = _first_start(m, g, ("y1",))
            if _weak(pre, g) and _quantity_before(text, s, g):
                return None
            if _weak(pre, g) and not _is_range_pre(pre, g) and not _follows_ok(text, e, g):
                return None
            return Parse(start, e, "year_range", y1=y1, y2=y2)
        return Parse(s + 1, e, "year_range", y1=y1, y2=y2)
    if shape.startswith("ago_"):
        count = g.number(get("n") or "") if get("n") else g.ordinal(get("ord") or "")
        if count is None:
            return None
        return Parse(s, e, "ago", n=count, unit=shape[4:])
    if shape == "month_adj":
        month = next((i + 1 for i in range(12) if get(f"ma{i}") is not None), None)
        return Parse(s, e, "month", m1=month) if month else None
    if shape == "weekday":
        wday = g.weekday_keys.get(phrase_key(get("wd") or ""))
        last = get("wlast") is not None or get("wpost") is not None
        return Parse(s, e, "weekday", weekday=wday, last=last)
    if shape == "relative":
        found = g.relative_keys.get(phrase_key(get("rel") or ""))
        if found is None:
            return None
        return Parse(s, e, "relative", unit=found[0], n=found[1])
    if shape == "decade":
        # A two-digit decade ("los años 90") takes its century from the context.
        return Parse(s, e, "decade", y1=_ival(get("dec")), n=_ival(get("dec2")))
    if shape == "century":
        cent = roman_or_int(get("cent") or "")
        if cent is None or not 1 <= cent <= 21:
            return None
        return Parse(s, e, "century", y1=cent)
    if shape in ("season", "part"):
        months = _season_at(m, g, text)
        part = next((k for k in ("begin", "middle", "end") if get("p" + k) is not None), None)
        target = "season" if months else ("month" if m1 else "year")
        if shape == "part" and target == "year" and y1 is None:
            return None
        return Parse(s, e, shape, y1=y1, m1=m1, season=months, part=part, target=target)
    if shape == "date":
        return Parse(s, e, "date", y1=y1, m1=m1, d1=d1)
    if shape == "day_month":
        return Parse(s, e, "date", m1=m1, d1=d1)
    if shape == "month_year":
        return Parse(s, e, "month", y1=y1, m1=m1)
    if shape == "named_month":
        return Parse(s, e, "month", y1=y1, m1=m1)
    if shape == "bare_month":
        start = _first_start(m, g, ("m1",))
        if m2 is not None and m1 is not None:
            return Parse(start, e, "month_range", m1=m1, m2=m2, y2=y1)
        return Parse(start, e, "month", y1=y1, m1=m1)
    if shape in ("year_ctx", "year_paren", "year_bare"):
        if y1 is None:
            return None
        start = _first_start(m, g, ("y1",))
        pre = get("ypre")
        if shape == "year_bare" and not BARE_YEAR_MIN <= y1 <= BARE_YEAR_MAX:
            return None
        if shape != "year_paren" and _quantity_before(text, s, g):
            return None
        # "снизили до 1000" (down to 1000): a preposition that also bounds counts takes only
        # years of the modern span.
        if (
            pre is not None
            and g.quantity_before.search(pre)
            and not (BARE_YEAR_MIN <= y1 <= BARE_YEAR_MAX)
        ):
            return None
        # "in 1500 villages": outside the modern span even a strong preposition needs the
        # year to end its phrase.
        needs_end = pre is not None and (_weak(pre, g) or not BARE_YEAR_MIN <= y1 <= BARE_YEAR_MAX)
        if needs_end and not _follows_ok(text, e, g):
            return None
        return Parse(
            start if shape != "year_paren" else s + 1,
            e if shape != "year_paren" else e - 1,
            "year",
            y1=y1,
        )
    if shape == "narrative":
        kind = next(
            (k[len("narr_") :] for k in _NARRATIVE_KINDS if get(k) is not None),
            "same",
        )
        if kind == "next_days":
            count = g.number(get("n") or "") if get("n") else None
            return Parse(s, e, "narrative", narr=kind, n=count) if count else None
        ordv = g.ordinal(get("ord") or "") if get("ord") else None
        return Parse(s, e, "narrative", narr=kind, n=ordv)
    return None


def _season_at(m: re.Match[str], g: Grammar, text: str) -> tuple[int, int] | None:
    for name in _names_for(g, m, "season"):
        if m.group(name) is not None:
            return g.season(text, m.start(name), m.end(name))
    return None


def _quantity_before(text: str, pos: int, g: Grammar) -> bool:
    """ "more than 1918", "plus de 1918": a quantity word right before makes it a count."""
    return g.quantity_before.search(text, max(0, pos - 40), pos) is not None


def _names_for(g: Grammar, m: re.Match[str], base: str) -> list[str]:
    key = m.lastgroup or ""
    return g.alts[key][1].by_base.get(base, [])


def _first_start(m: re.Match[str], g: Grammar, bases: tuple[str, ...]) -> int:
    for base in bases:
        for name in _names_for(g, m, base):
            if m.group(name) is not None:
                return m.start(name)
    return m.start()


def _weak(pre: str, g: Grammar) -> bool:
    words = {w.casefold() for w in g.cfg.get("year_pre_weak", [])}
    return pre.casefold().strip() in words


def _is_range_pre(pre: str, g: Grammar) -> bool:
    return pre.casefold().strip() in {w.casefold() for w in g.cfg.get("range_pre", [])}


_FOLLOW_CACHE: dict[str, re.Pattern[str]] = {}


def _follows_ok(text: str, end: int, g: Grammar) -> bool:
    pat = _FOLLOW_CACHE.get(g.lang)
    if pat is None:
        words = g.cfg.get("year_follow", [])
        alt = "|".join(words) if words else "(?!)"
        pat = re.compile(rf"\s*(?:[,;:.)\]]|$)|\s+(?:{alt})(?!\w)", re.I)
        _FOLLOW_CACHE[g.lang] = pat
    return pat.match(text, end) is not None


# --- resolution -------------------------------------------------------------------------


class TimeContext:
    """The narrative time of one document, fed sentence by sentence in reading order."""

    def __init__(self, lang: str, doc_date: str | None, text: str | None = None) -> None:
        self.lang = lang
        self.doc_date = doc_date
        self._doc = _parse_doc_date(doc_date)
        self._text = text
        self._news: bool | None = None
        self._current: TimeMention | None = None
        self._base: TimeMention | None = None
        self._grammar: Grammar | None = None

    @property
    def grammar(self) -> Grammar:
        if self._grammar is None:
            self._grammar = grammar(self.lang)
        return self._grammar

    def current(self) -> TimeMention | None:
        return self._current

    def update(self, mentions: Sequence[TimeMention]) -> None:
        """Advance the narrative past one sentence's mentions (from ``find_times`` or
        ``find``); mentions that need context are resolved against it first."""
        for m in self.resolve(mentions):
            self._push(m)

    def _push(self, m: TimeMention) -> None:
        new = _interval(m)
        if new is None:
            return
        if m.kind == "narrative":
            self._current = m
            return
        cur = self._current
        cur_iv = _interval(cur) if cur is not None else None
        wider = new != cur_iv and cur_iv is not None and new[0] <= cur_iv[0] <= cur_iv[1] <= new[1]
        if wider and m.kind != "period_end":
            # A wider period that contains the story's time ("the war of 1992-1995" after
            # "11 July 1995") is background, not a shift of the narrative.
            return
        self._current = m
        self._base = m

    def find(
        self,
        text: str,
        offset: int = 0,
        update: bool = True,
        role: Callable[[TimeMention], str] | None = None,
    ) -> list[TimeMention]:
        """Tag ``text`` (a sentence or a whole document) against this context.

        Offsets are shifted by ``offset`` so a sentence's mentions point into the document.
        With ``update`` the context advances past each mention as it is read; ``role`` names
        each mention's role first, and only event times move the narrative.
        """
        out: list[TimeMention] = []
        for p in _scan(text, self.grammar):
            mention = self._resolve(p, text, offset)
            if role is not None:
                mention = replace(mention, role=role(mention))
            out.append(mention)
            if update and mention.role == "event":
                self._push(mention)
        return out

    def resolve(self, mentions: Sequence[TimeMention]) -> list[TimeMention]:
        """Fill in what ``find_times`` could not know without the document's narrative."""
        out: list[TimeMention] = []
        for m in mentions:
            # Only what lacked context is redone: resolving a "next day" twice would move it.
            borrowed_doc_year = m.source == "document_date" and m.kind != "relative_to_doc"
            if m.start_date is not None and not borrowed_doc_year:
                out.append(m)
                continue
            whole = (0, len(m.text))
            parses = [p for p in _scan(m.text, self.grammar) if (p.start, p.end) == whole]
            if not parses:
                out.append(m)
                continue
            r = self._resolve(parses[0], m.text, 0)
            out.append(replace(r, start=m.start, end=m.end, text=m.text))
        return out

    # -- internals --

    def _context_year(self, month: int | None) -> tuple[int, str] | None:
        cur = self._current or self._base
        iv = _interval(cur) if cur is not None else None
        if iv is not None:
            if month is not None and iv[0].year != iv[1].year:
                # "between March 2011 and November 2012 ... since the end of November": a
                # month that ends (or opens) the period is that end's.
                if iv[1].month == month:
                    return iv[1].year, "context"
                for y in range(iv[0].year, iv[1].year + 1):
                    lo, hi = _month_span(y, month)
                    if lo <= iv[1] and hi >= iv[0]:
                        return y, "context"
            return iv[0].year, "context"
        if self._doc is not None and (month is None or self._reporting_frame()):
            y, doc_month, _ = self._doc
            # A report looks back: "bis Ende November" in a January article is last November.
            if month is not None and doc_month is not None and month > doc_month:
                return y - 1, "document_date"
            return y, "document_date"
        return None

    def _reporting_frame(self) -> bool:
        """Whether a year-less month may take the document date's year: a page dated to the
        day is news of its day; a page dated only to the month or year is, when its text
        counts from its own date ("last Wednesday", "hier", "this week"); a report or
        history dated loosely (a 2011 panel report telling of "January") is not."""
        if self._news is None:
            day_dated = self._doc is not None and self._doc[2] is not None
            text = self._text
            self._news = day_dated or (
                text is not None and self.grammar.deictic.search(text) is not None
            )
        return self._news

    def _resolve(self, p: Parse, text: str, offset: int) -> TimeMention:
        src = "explicit"
        span: _Interval | None = None
        precision = "day"
        kind = "date"
        year_src: str | None = None

        def need_year(y: int | None, month: int | None) -> int | None:
            nonlocal year_src
            if y is not None:
                return y
            got = self._context_year(month)
            if got is None:
                return None
            year_src = got[1]
            return got[0]

        if p.shape == "date":
            y = need_year(p.y1, p.m1)
            if y is not None and p.m1 and p.d1:
                d = _safe_date(y, p.m1, p.d1)
                span = (d, d) if d else None
        elif p.shape in ("range", "night") and p.d2 is not None:
            kind = "range" if p.shape == "range" else "night"
            m2 = p.m2 or p.m1
            m1 = p.m1 or m2
            y2 = p.y2 if p.y2 is not None else p.y1
            y2 = need_year(y2, m2)
            if y2 is not None and m1 and m2 and p.d1 and p.d2:
                y1 = p.y1 if p.y1 is not None else (y2 if (m1, p.d1) <= (m2, p.d2) else y2 - 1)
                a, b = _safe_date(y1, m1, p.d1), _safe_date(y2, m2, p.d2)
                if a and b and a <= b:
                    span = (a, b)
        elif p.shape == "night":
            kind = "night"
            y = need_year(p.y1, p.m1)
            if y is not None and p.m1 and p.d1:
                d = _safe_date(y, p.m1, p.d1)
                span = (d, d) if d else None
        elif p.shape == "list":
            kind = "list"
            y = need_year(p.y1, p.m1)
            if y is not None and p.m1 and p.days:
                a, b = _safe_date(y, p.m1, p.days[0]), _safe_date(y, p.m1, p.days[-1])
                span = (a, b) if a and b else None
        elif p.shape == "month":
            precision = "month"
            y = p.y1 if p.y1 is not None else need_year(None, p.m1)
            if y is not None and p.m1:
                span = _month_span(y, p.m1)
        elif p.shape == "month_range":
            kind, precision = "range", "month"
            y2 = need_year(p.y2 if p.y2 is not None else p.y1, p.m2)
            if y2 is not None and p.m1 and p.m2:
                y1 = p.y1 if p.y1 is not None else (y2 if p.m1 <= p.m2 else y2 - 1)
                span = (_month_span(y1, p.m1)[0], _month_span(y2, p.m2)[1])
        elif p.shape == "year":
            precision = "year"
            if p.y1 is not None:
                span = (dt.date(p.y1, 1, 1), dt.date(p.y1, 12, 31))
        elif p.shape == "year_range":
            kind, precision = "range", "year"
            if p.y1 is not None and p.y2 is not None:
                span = (dt.date(p.y1, 1, 1), dt.date(p.y2, 12, 31))
        elif p.shape == "decade":
            precision = "decade"
            first = p.y1 if p.y1 is not None else self._decade_from_context(p.n)
            if first is not None:
                span = (dt.date(first, 1, 1), dt.date(first + 9, 12, 31))
                if p.y1 is None:
                    src = "context" if self._current or self._base else "document_date"
        elif p.shape == "century":
            precision = "century"
            if p.y1 is not None:
                span = (dt.date((p.y1 - 1) * 100 + 1, 1, 1), dt.date(p.y1 * 100, 12, 31))
        elif p.shape in ("season", "part"):
            span, precision, kind = self._season_or_part(p, need_year)
        elif p.shape == "ago":
            kind, src = "relative_to_doc", "document_date"
            span, precision = self._ago(p)
        elif p.shape == "narrative":
            kind, src = "narrative", "context"
            span, precision = self._narrative(p)
        elif p.shape in ("weekday", "relative"):
            kind, src = "relative_to_doc", "document_date"
            span, precision = self._deictic(p)
        if year_src is not None and src == "explicit":
            src = year_src
        if span is not None and kind in ("date", "range") and p.shape != "narrative":
            bounded = self._bound(p, text, span)
            if bounded is not None:
                span, kind, src = bounded
        start_date = span[0].isoformat() if span else None
        end_date = span[1].isoformat() if span else None
        return TimeMention(
            start=p.start + offset,
            end=p.end + offset,
            text=text[p.start : p.end],
            start_date=start_date,
            end_date=end_date,
            precision=precision,
            kind=kind,
            source=src,
        )

    def _season_or_part(self, p: Parse, need_year: _NeedYear) -> tuple[_Interval | None, str, str]:
        kind = "season" if p.shape == "season" else "part_of_month"
        if p.target == "season" and p.season is not None:
            y = need_year(p.y1, p.season[0])
            if y is None:
                return None, "season", kind
            lo, hi = _season_span(y, p.season)
            if p.part is None:
                return (lo, hi), "season", kind
            pick = {"begin": 0, "middle": 1, "end": 2}[p.part]
            month = (p.season[0] - 1 + pick) % 12 + 1
            year = y + 1 if month < p.season[0] else y
            return _month_span(year, month), "season", kind
        if p.target == "month" and p.m1:
            y = need_year(p.y1, p.m1)
            if y is None:
                return None, "month", kind
            lo, hi = _month_span(y, p.m1)
            if p.part == "begin":
                return (lo, lo.replace(day=10)), "month", kind
            if p.part == "middle":
                return (lo.replace(day=11), lo.replace(day=20)), "month", kind
            if p.part == "end":
                return (lo.replace(day=21), hi), "month", kind
            return (lo, hi), "month", kind
        if p.y1 is not None:
            y = p.y1
            first, last = {"begin": (1, 4), "middle": (5, 8), "end": (9, 12)}.get(
                p.part or "", (1, 12)
            )
            return (_month_span(y, first)[0], _month_span(y, last)[1]), "month", kind
        return None, "year", kind

    def _bound(
        self, p: Parse, text: str, span: _Interval
    ) -> tuple[_Interval | None, str, str] | None:
        """A time that only bounds the story's period: "finalizó en 1934" ends it, "up until
        May 19" continues it.  The period then runs from the story's own time; without one
        the end alone says nothing about when the counted harm happened, so no time is
        given for an end (an "until" keeps its date)."""
        g = self.grammar
        before = text[max(0, p.start - 60) : p.start]
        ends = g.period_end.search(before) is not None
        until = not ends and g.until.search(before) is not None
        if not ends and not until:
            return None
        cur = self._current or self._base
        cur_iv = _interval(cur) if cur is not None else None
        if ends:
            reach = dt.timedelta(days=366 * _PERIOD_REACH_YEARS)
            if cur_iv is None or not (span[1] - reach <= cur_iv[0] < span[0]):
                return None, "period_end", "explicit"
            return (cur_iv[0], span[1]), "period_end", "context"
        if cur_iv is None or not (
            span[0] - dt.timedelta(days=_UNTIL_REACH_DAYS) <= cur_iv[1] < span[0]
        ):
            return None
        return (cur_iv[1], span[1]), "range", "context"

    def _decade_from_context(self, two_digits: int | None) -> int | None:
        got = self._context_year(None)
        if two_digits is None or got is None:
            return None
        year = got[0]
        # The latest such decade that has started by the context year.
        first = year // 100 * 100 + two_digits
        return first - 100 if first > year else first

    def _ago(self, p: Parse) -> tuple[_Interval | None, str]:
        """ "three days ago", "hace dos semanas", and the anniversary forms "105 years ago
        this week", "heute vor 30 Jahren": the document date moved back, as precise as the
        phrase (a bare "N years ago" names only the year)."""
        unit = p.unit or "year"
        precision = {"month": "month", "year": "year", "year_month": "month"}.get(unit, "day")
        if self._doc is None or p.n is None:
            return None, precision
        y, mo, d = self._doc
        if p.n >= y:  # "3000 years ago" is not a date this calendar can hold
            return None, precision
        if unit == "year":
            return (dt.date(y - p.n, 1, 1), dt.date(y - p.n, 12, 31)), precision
        if mo is None:
            return None, precision
        if unit == "month":
            total = y * 12 + (mo - 1) - p.n
            return _month_span(total // 12, total % 12 + 1), precision
        if unit == "year_month":
            return _month_span(y - p.n, mo), precision
        if d is None:
            return None, precision
        today = dt.date(y, mo, d)
        if unit.startswith("year_"):
            then = _safe_date(y - p.n, mo, d) or dt.date(y - p.n, mo, d - 1)
            if unit == "year_week":
                return _week_of(then), precision
            return (then, then), precision
        if unit == "week":
            return _week_of(today - dt.timedelta(weeks=p.n)), precision
        day = today - dt.timedelta(days=p.n)
        return (day, day), precision

    def _deictic(self, p: Parse) -> tuple[_Interval | None, str]:
        """ "Wednesday", "last week", "yesterday": counted from the document date, and only
        while the text is telling what happened around that date; in a story set years
        earlier "on Sunday" is that story's Sunday, which no calendar here can name."""
        unit = p.unit or "day"
        precision = {"month": "month", "year": "year"}.get(unit, "day")
        if self._doc is None:
            return None, precision
        y, mo, d = self._doc
        if unit == "year":
            return (dt.date(y + (p.n or 0), 1, 1), dt.date(y + (p.n or 0), 12, 31)), precision
        if mo is None:
            return None, precision
        if unit == "month":
            total = y * 12 + (mo - 1) + (p.n or 0)
            return _month_span(total // 12, total % 12 + 1), precision
        if d is None:
            return None, precision
        today = dt.date(y, mo, d)
        cur = self._current or self._base
        cur_iv = _interval(cur) if cur is not None else None
        if cur_iv is not None and not (
            today - dt.timedelta(days=_DEICTIC_REACH) <= cur_iv[1] <= today + dt.timedelta(days=1)
        ):
            return None, precision
        if p.shape == "weekday":
            if p.weekday is None:
                return None, precision
            back = (today.weekday() - p.weekday) % 7
            if p.last and back == 0:
                back = 7
            day = today - dt.timedelta(days=back)
            return (day, day), precision
        if unit == "day":
            day = today + dt.timedelta(days=p.n or 0)
            return (day, day), precision
        if unit == "week":
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=p.n or 0)
            return (monday, min(monday + dt.timedelta(days=6), today)), precision
        if unit == "weekend":
            back = (today.weekday() - 6) % 7  # the latest Sunday on or before the date
            sunday = today - dt.timedelta(days=back)
            return (sunday - dt.timedelta(days=1), sunday), precision
        return None, precision

    def _narrative(self, p: Parse) -> tuple[_Interval | None, str]:
        base = self._base if p.narr in ("ordinal_day", "same") else self._current
        base = base or self._current
        if base is None:
            return None, "day"
        iv = _interval(base)
        if iv is None:
            return None, base.precision
        if p.narr == "ordinal_day" and p.n and base.precision == "day":
            day = iv[0] + dt.timedelta(days=p.n - 1)
            return (day, day), "day"
        if p.narr == "next_day" and base.precision == "day":
            day = iv[1] + dt.timedelta(days=1)
            return (day, day), "day"
        if p.narr == "next_days":
            # "over the next two days": the days after the story's day, and nothing when the
            # story is not dated to the day.
            if base.precision != "day" or not p.n:
                return None, "day"
            return (iv[1] + dt.timedelta(days=1), iv[1] + dt.timedelta(days=p.n)), "day"
        return iv, base.precision


def find_times(text: str, lang: str, doc_date: str | None = None) -> list[TimeMention]:
    """Tag every time expression in ``text``; year-less dates take the year of the text's own
    narrative so far, else the document date's year (in the reporting frame of a news
    text, see ``TimeContext._reporting_frame``), else stay unresolved."""
    return TimeContext(lang, doc_date, text).find(text)
