"""Counts and ratios in the words a reader expects: "1 file", "2 files", "1 inconsistency",
"the highest figure is 400 times the lowest".  One place, so every message agrees."""

from __future__ import annotations

__all__ = ["period_words", "plural", "quoted", "ratio_words", "value_words"]

_IRREGULAR = {"person": "people", "is": "are", "was": "were", "has": "have"}


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``"1 file"``, ``"3 files"``, ``"1 inconsistency"``, ``"2 inconsistencies"``; numbers
    grouped by thousands (``"1,200 claims"``)."""
    return f"{count:,} {noun if count == 1 else many or _many(noun)}"


def _many(noun: str) -> str:
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def ratio_words(ratio: float) -> str:
    """How far apart the lowest and highest figures are, without a bare "ratio 400.0"."""
    times = f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}".rstrip("0").rstrip(".")
    return f"the highest figure is {times} times the lowest"


def _num(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else "?"


def value_words(value: dict[str, object] | None) -> str:
    """A claim's value range in words ("at least 1,200", "3,000–12,000", "about 40"), the
    same wording as the HTML report's; never the contract's internals ("at_least: 1200–None")."""
    if not value:
        return ""
    low, high, qualifier = value.get("low"), value.get("high"), value.get("qualifier")
    if qualifier == "range":
        return f"{_num(low)}–{_num(high)}"
    words = {
        "more_than": ("more than", low),
        "at_least": ("at least", low),
        "less_than": ("less than", high),
        "at_most": ("up to", high),
        "approx": ("about", low),
    }
    if qualifier in words:
        prefix, number = words[str(qualifier)]
        return f"{prefix} {_num(number)}"
    if qualifier == "vague":
        return f"{_num(low)} or more (vague)"
    return _num(low)


_TIME_SOURCES = {
    "explicit": "stated in the sentence",
    "sentence": "stated in the sentence",
    "context": "from the surrounding text",
    "document_date": "counted from the publication date",
}


def period_words(time: dict[str, object] | None) -> str:
    """ "1931-05-14 to 1931-05-16 (from the surrounding text)" rather than "a..b (context)"."""
    if not time or not time.get("start"):
        return ""
    start, end = time.get("start"), time.get("end")
    text = str(start) if end in (None, start) else f"{start} to {end}"
    source = time.get("source")
    if source:
        text += f" ({_TIME_SOURCES.get(str(source), str(source).replace('_', ' '))})"
    return text


def quoted(text: object, lang: str | None = None) -> str:
    """A source's own words inside an English sentence: in quotation marks, and marked as
    written when they are in another language ("gives “miles” (as written)")."""
    mark = "" if lang in (None, "en") else " (as written)"
    return f"“{text}”{mark}"
