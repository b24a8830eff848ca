"""Event names: what sources call an event ("September Days", "Srebrenica massacre", "Massaker
von Nanking", "Резня армян в Баку", "la masacre de Tlatelolco"), found by general rules from
per-language data (``data/lang/<lang>/names.json``), never from a list of known names.

A name is a capitalised phrase holding an event noun:

* capitalised words before the noun ("Srebrenica massacre", "Sabra and Shatila massacre",
  "Nanjing Massacre"; for a weak noun such as "days"/"события", only a month: "March Days",
  "Мартовские события");
* or the noun, a link word and capitalised words after it ("Massacre of Nanking", "massacre de
  Drodro" where the language writes names so, "Massacres de Sétif et Guelma", "Резня армян в
  Баку" with one lowercase word between);
* or, where the language compounds, one word ending in the noun ("Septembertage",
  "Nanking-Massaker", "Giftgasangriff auf Halabdscha").

Every claim carries the names of its own sentence (``names``).  A heading line that names an
event (a document title, an infobox title line) and holds no claim becomes an event claim of
its own, so that the name reaches the event the document is about (alignment attaches it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["NameMention", "assign_names", "find_names", "name_key"]

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?")
#: A heading line is this short and mostly the name.
_HEADING_MAX = 100
_HEADING_SHARE = 0.4


@dataclass(frozen=True, slots=True)
class NameMention:
    name: str
    start: int
    end: int
    event_type: str

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class _Noun:
    lemma: str
    event_type: str
    weak: bool


@dataclass(frozen=True, slots=True)
class _Lang:
    forms: dict[str, _Noun]
    links: frozenset[str]
    joiners: frozenset[str]
    not_modifiers: frozenset[str]
    months: frozenset[str]
    lowercase_noun: bool
    between: int
    compounds: bool


@cache
def _lang(lang: str) -> _Lang | None:
    root = resources.files("rashomon") / "data" / "lang" / lang
    path = root / "names.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    forms: dict[str, _Noun] = {}
    for lemma, entry in data["nouns"].items():
        noun = _Noun(lemma, str(entry["event_type"]), bool(entry.get("weak")))
        for form in entry["forms"]:
            forms[form.casefold()] = noun
    months = {w.casefold() for w in data.get("month_words", [])}
    # Day names never begin a name ("Thursday's massacre"); month names make "March Days".
    days: set[str] = set()
    calendar = root / "calendar.json"
    if calendar.is_file():
        cal = json.loads(calendar.read_text(encoding="utf-8"))
        for widths in cal.get("months", {}).values():
            months.update(n.casefold() for n in widths.get("wide", []))
        for widths in cal.get("days_from_monday", {}).values():
            for names in widths.values():
                days.update(n.casefold() for n in names)
    return _Lang(
        forms=forms,
        links=frozenset(w.casefold() for w in data.get("links", [])),
        joiners=frozenset(w.casefold() for w in data.get("joiners", [])),
        not_modifiers=frozenset(w.casefold() for w in data.get("not_modifiers", [])) | days,
        months=frozenset(months),
        lowercase_noun=bool(data.get("noun_first_lowercase")),
        between=int(data.get("between", 0)),
        compounds=bool(data.get("compounds")),
    )


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _bare(word: str) -> str:
    """A word without its possessive ending ("Thursday's")."""
    return re.sub(r"['’]s?$", "", word)


def _compound(word: str, lang: _Lang) -> tuple[_Noun, str] | None:
    """A word ending in an event noun ("Septembertage", "Nanking-Massaker"): the noun and the
    word's first part."""
    low = word.casefold()
    for form, noun in lang.forms.items():
        if low.endswith(form) and len(low) >= len(form) + 3:
            prefix = word[: len(word) - len(form)].rstrip("-")
            if len(prefix) >= 3:
                return noun, prefix
    return None


def find_names(text: str, lang: str) -> list[NameMention]:
    """Event names in a text (half-open offsets), longest first where they overlap."""
    data = _lang(lang)
    if data is None:
        return []
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[NameMention] = []
    covered_until = -1
    for i, (_, start, _) in enumerate(words):
        if start < covered_until:
            continue
        mention = _name_at(text, words, i, data)
        if mention is not None:
            found.append(mention)
            covered_until = mention.end
    return found


def _gap_ok(text: str, a_end: int, b_start: int) -> bool:
    """Two words of one name are separated by spaces (or a hyphen) only."""
    return bool(re.fullmatch(r"[ \u00a0-]{1,2}", text[a_end:b_start]))


def _title_case(text: str, at: int) -> bool:
    """The line is written in title case ("Fleeing Ugandan Rebels Massacre Nearly 200"):
    capitals there say nothing about names."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in _WORD.findall(text[start : end if end >= 0 else len(text)]) if len(w) > 3]
    return len(words) > 4 and sum(_capital(w) for w in words) >= 0.6 * len(words)


def _name_at(
    text: str, words: list[tuple[str, int, int]], i: int, data: _Lang
) -> NameMention | None:
    word = words[i][0]
    # (1) Capitalised modifiers, then the noun.
    if _capital(word) and _bare(word).casefold() not in data.not_modifiers:
        j, mods = i, list[str]()
        while j < len(words):
            w = words[j][0]
            noun = data.forms.get(w.casefold())
            if noun is not None and mods:
                if noun.weak and not any(m.casefold() in data.months for m in mods):
                    break
                if _title_case(text, words[i][1]):
                    break
                return _with_tail(text, words, i, j, noun, data)
            if _capital(w) and _bare(w).casefold() not in data.not_modifiers:
                mods.append(w)
            elif not (w.casefold() in data.joiners and mods):
                break
            if j + 1 < len(words) and not _gap_ok(text, words[j][2], words[j + 1][1]):
                break
            j += 1
    noun = data.forms.get(word.casefold())
    # (2) The noun, then a link and capitalised words ("Noche de Tlatelolco"; a weak noun
    # only capitalised, and not where every noun is: "Tage in Baku" is no name).
    weak_ok = noun is not None and (not noun.weak or (_capital(word) and not data.compounds))
    if noun is not None and weak_ok and (data.lowercase_noun or _capital(word)):
        mention = _with_tail(text, words, i, i, noun, data, need_tail=True)
        if mention is not None:
            return mention
    # (3) A compound ending in the noun.
    if data.compounds and _capital(word):
        found = _compound(word, data)
        if found is not None:
            noun, prefix = found
            month = prefix.casefold() in data.months
            hyphen = "-" in word
            if (noun.weak and month) or (not noun.weak and hyphen and _capital(prefix)):
                return _with_tail(text, words, i, i, noun, data)
            if not noun.weak:
                return _with_tail(text, words, i, i, noun, data, need_tail=True)
    return None


def _with_tail(
    text: str,
    words: list[tuple[str, int, int]],
    first: int,
    noun_at: int,
    noun: _Noun,
    data: _Lang,
    need_tail: bool = False,
) -> NameMention | None:
    """The name from ``first`` to the noun, with "of X" / "von X" / "в X" after it when
    capitalised words follow the link."""
    end_at = noun_at
    k = noun_at + 1
    lowercase = 0
    while k < len(words) and lowercase < data.between and not _capital(words[k][0]):
        if words[k][0].casefold() in data.links:
            break
        lowercase += 1
        k += 1
    if k < len(words) and words[k][0].casefold() in data.links:
        m = k + 1
        last = None
        while m < len(words) and _capital(words[m][0]):
            last = m
            if (
                m + 2 < len(words)
                and words[m + 1][0].casefold() in data.joiners
                and _capital(words[m + 2][0])
            ):
                m += 2
                continue
            m += 1
            if m < len(words) and not _gap_ok(text, words[m - 1][2], words[m][1]):
                break
        if last is not None and _same_line(text, words[noun_at][2], words[last][1]):
            end_at = last
    if need_tail and end_at == noun_at:
        return None
    start, end = words[first][1], words[end_at][2]
    if "\n" in text[start:end]:
        return None
    return NameMention(text[start:end], start, end, noun.event_type)


def _same_line(text: str, a: int, b: int) -> bool:
    return "\n" not in text[a:b] and not re.search(r"[.;:!?()\[\]]", text[a:b])


def name_key(name: str, lang: str | None = None) -> str:
    """Names that differ only in case, spacing or the form of their noun ("Massakers von
    Srebrenica", "Massaker von Srebrenica") are one name."""
    data = _lang(lang) if lang else None
    words = [w.casefold() for w in _WORD.findall(name)]
    if data is not None:
        words = [data.forms[w].lemma if w in data.forms else w for w in words]
    return " ".join(words)


def _heading(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line around a name when it is a heading: short and mostly the name."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if not line or len(line) > _HEADING_MAX or (end - start) < _HEADING_SHARE * len(line):
        return None
    return line_start, line_end


def assign_names(p: Any) -> None:
    """The ``names`` stage: names on the claims of their sentence; heading lines that name an
    event and hold no claim become event claims (in place, on ``p.claims``)."""
    from rashomon.extract._assemble import new_claim, time_dict
    from rashomon.extract._places import dedupe, sentence_places

    mentions = find_names(p.text, p.lang)
    if not mentions:
        return
    by_sentence: dict[int, list[NameMention]] = {}
    starts = [s.span.start for s in p.sentences]
    import bisect

    for mention in mentions:
        i = bisect.bisect_right(starts, mention.start) - 1
        if i >= 0 and mention.start < p.sentences[i].span.end:
            by_sentence.setdefault(i, []).append(mention)
    claimed = {int(c.evidence.get("start", -1)) for c in p.claims}
    for claim in p.claims:
        i = bisect.bisect_right(starts, int(claim.evidence.get("start", -1))) - 1
        claim.names = [m.as_dict() for m in by_sentence.get(i, [])]
    new = []
    for i, found in sorted(by_sentence.items()):
        sent = p.sentences[i]
        if sent.span.start in claimed:
            continue
        places = [pl for pl in sentence_places(p, sent) if not pl.get("near")]
        for mention in found:
            # A heading names what the document is about; a sentence's name is placed by the
            # sentence's places (a name without one may be another event's: "the earlier
            # March Days").
            if _heading(p.text, mention.start, mention.end) is None and not places:
                continue
            claim = new_claim(p, sent, "event", mention.start, mention.end)
            claim.event_type = mention.event_type
            claim.trigger = {"text": mention.name, "start": mention.start, "end": mention.end}
            times = [t for t in sent.times if t.start_date is not None]
            if times:
                claim.time = time_dict(times[0])
            claim.places = dedupe(places)
            claim.names = [mention.as_dict()]
            claim.notes.append("names: a sentence that names the event and asserts nothing else")
            claim.confidence = 0.5
            new.append(claim)
            break
    p.claims.extend(new)
    p.claims.sort(key=lambda c: (c.start, c.kind))


def names_of(claims: Iterable[Any]) -> list[str]:
    """The names the given claim dicts carry (for tests and listings)."""
    return [str(n["name"]) for c in claims for n in c.get("names") or []]
