"""The fields a reviewer can correct, how a typed value is read, and how it is applied.

A correction is stored normalised (the JSON the claim contract uses for that field), so a
review exported from one store and imported into another applies the same way, and an
imported review is validated by the same code as a typed one.  Every problem is a
``ReviewError`` with code E019 and a sentence a reviewer can act on.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from rashomon.align.items import _date
from rashomon.errors import Code, ReviewError
from rashomon.extract.claims import EVENT_TYPE_OF_MEASURE

#: The measures of the claim contract (DESIGN.md §3).
MEASURES: tuple[str, ...] = tuple(EVENT_TYPE_OF_MEASURE)
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range", "vague")
STANCES = ("asserted", "superseded", "rejected", "unconfirmed")
#: Fields a correction may set, in the order forms list them.
FIELDS = (
    "perpetrators",
    "victims",
    "measure",
    "value",
    "qualifier",
    "time",
    "places",
    "attribution",
    "stance",
)
#: Fields that only make sense on a figure (an event claim has no count).
FIGURE_FIELDS = frozenset({"measure", "value", "qualifier"})
_MAX_COUNT = 10**12
_MAX_TEXT = 300
_MAX_ITEMS = 20


def _bad(message: str) -> ReviewError:
    return ReviewError(Code.BAD_REVIEW, message)


def _count(text: str, what: str = "count") -> int:
    cleaned = re.sub(r"[\s,_\u00a0\u202f']", "", text)
    if cleaned.startswith("-"):
        raise _bad(f"a {what} cannot be negative: {text.strip()!r}")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise _bad(f"{text.strip()!r} is not a whole number")
    value = int(cleaned)
    if value > _MAX_COUNT:
        raise _bad(f"{text.strip()!r} is larger than any count rashomon accepts")
    return value


_VALUE_FORMS = (
    (re.compile(r"^>=\s*(.+)$"), "at_least"),
    (re.compile(r"^<=\s*(.+)$"), "at_most"),
    (re.compile(r"^>\s*(.+)$"), "more_than"),
    (re.compile(r"^<\s*(.+)$"), "less_than"),
    (re.compile(r"^~\s*(.+)$"), "approx"),
)


def parse_value(text: str) -> dict[str, Any]:
    """'3000' exact, '~3000' about, '>3000' more than, '>=3000' at least, '<3000' less than,
    '<=3000' up to, '3000-12000' a range."""
    text = text.strip()
    if not text:
        raise _bad("a value is needed, such as 3000, ~3000, >3000 or 3000-12000")
    for pattern, qualifier in _VALUE_FORMS:
        match = pattern.match(text)
        if match:
            n = _count(match.group(1))
            low, high = (None, n) if qualifier in ("at_most", "less_than") else (n, None)
            if qualifier == "approx":
                high = n
            return {"low": low, "high": high, "qualifier": qualifier}
    parts = re.split(r"\s*(?:–|—|\.\.|(?<=\d)\s*-\s*(?=\d))\s*", text)
    if len(parts) == 2:
        low, high = _count(parts[0]), _count(parts[1])
        if low > high:
            raise _bad(f"range {text!r} runs backwards (low above high)")
        return {"low": low, "high": high, "qualifier": "range"}
    n = _count(text)
    return {"low": n, "high": n, "qualifier": "exact"}


def _check_value(value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping) or set(value) != {"low", "high", "qualifier"}:
        raise _bad("a value must be {low, high, qualifier}")
    for key in ("low", "high"):
        v = value[key]
        if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
            raise _bad(f"value.{key} must be a whole number or null")
        if isinstance(v, int) and v < 0:
            raise _bad(f"a count cannot be negative: {v}")
    if value["qualifier"] not in QUALIFIERS:
        raise _bad(f"unknown qualifier {value['qualifier']!r}; one of {', '.join(QUALIFIERS)}")
    if value["low"] is None and value["high"] is None:
        raise _bad("a value needs a low or a high bound")
    if value["low"] is not None and value["high"] is not None and value["low"] > value["high"]:
        raise _bad("value runs backwards (low above high)")
    return dict(value)


_PRECISION = {4: "year", 7: "month", 10: "day"}


def _iso(text: str) -> str:
    text = text.strip()
    if len(text) not in _PRECISION or _date(text, False) is None:
        raise _bad(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def parse_time(text: str) -> dict[str, Any] | None:
    """'1918-09-15', '1918-09', '1918' or 'START..END'; 'none' clears the time."""
    text = text.strip()
    if text.lower() in ("", "none", "null", "unknown"):
        return None
    start, sep, end = text.partition("..")
    start = _iso(start)
    end = _iso(end) if sep else start
    precision = _PRECISION[max(len(start), len(end))] if start != end else _PRECISION[len(start)]
    return _check_time({"start": start, "end": end, "precision": precision, "source": "review"})


def _check_time(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not {"start", "end"} <= set(value):
        raise _bad("a time must be {start, end, precision, source}")
    start, end = _iso(str(value["start"])), _iso(str(value["end"]))
    lo, hi = _date(start, False), _date(end, True)
    if lo is None or hi is None or lo > hi:
        raise _bad(f"time {start}..{end} runs backwards")
    return {
        "start": start,
        "end": end,
        "precision": str(value.get("precision") or _PRECISION[len(start)]),
        "source": "review",
    }


def _names(text: str) -> list[str]:
    """Semicolons separate names when present (names may hold commas), else commas."""
    sep = ";" if ";" in text else ","
    names = [" ".join(part.split()) for part in text.split(sep)]
    names = [n for n in names if n]
    if len(names) > _MAX_ITEMS:
        raise _bad(f"at most {_MAX_ITEMS} names")
    for name in names:
        if len(name) > _MAX_TEXT:
            raise _bad(f"a name is limited to {_MAX_TEXT} characters")
    return names


def _actor(name: str) -> dict[str, Any]:
    from rashomon.extract.actors import ActorTable

    found = ActorTable.load().lookup(name)
    actor = found[0] if len(found) == 1 else None
    return {
        "text": name,
        "name": actor.name if actor else name,
        "id": actor.id if actor else None,
        "type": actor.type if actor else None,
        "basis": "review",
    }


def _place(name: str) -> dict[str, Any]:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    place = gaz.by_id.get(name) or next(iter(gaz.lookup(name)), None)
    return {
        "text": name,
        "name": place.name if place else name,
        "id": place.id if place else None,
        "kind": place.kind if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country": place.country if place else None,
    }


def _check_list(value: Any, field: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > _MAX_ITEMS:
        raise _bad(f"{field} must be a list of at most {_MAX_ITEMS} items")
    out = []
    for item in value:
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise _bad(f"each of {field} needs a name")
        if not item["name"].strip() or len(item["name"]) > _MAX_TEXT:
            raise _bad(f"a name in {field} is empty or longer than {_MAX_TEXT} characters")
        out.append(dict(item))
    return out


def _speaker(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not isinstance(value.get("speaker"), str):
        raise _bad("an attribution must be {speaker} or null (the document's own claim)")
    speaker = " ".join(value["speaker"].split())
    if not speaker or len(speaker) > _MAX_TEXT:
        raise _bad(f"a speaker is 1 to {_MAX_TEXT} characters")
    return {"speaker": speaker, "text": None, "start": None, "end": None, "basis": "review"}


def parse_stance(text: str) -> dict[str, Any] | None:
    """'asserted', or 'rejected', 'superseded', 'unconfirmed', optionally 'by WHO'."""
    words = text.strip().split(maxsplit=1)
    status = words[0].lower() if words else ""
    rest = words[1].strip() if len(words) > 1 else ""
    if rest and not rest.lower().startswith("by "):
        raise _bad(f"stance {text.strip()!r}: write STATUS or STATUS by WHO")
    return _check_stance(
        {"status": status, "by": {"text": rest[3:].strip()} if rest else None}
        if status != "asserted"
        else {"status": "asserted", "by": None}
    )


def _check_stance(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or value.get("status") not in STANCES:
        raise _bad(f"stance must be one of {', '.join(STANCES)}")
    if value["status"] == "asserted":
        return None
    by = value.get("by")
    if by is not None and (
        not isinstance(by, Mapping)
        or not isinstance(by.get("text"), str)
        or not by["text"].strip()
        or len(by["text"]) > _MAX_TEXT
    ):
        raise _bad("stance.by must name who revised, rejected or could not confirm it")
    return {"status": value["status"], "by": {"text": by["text"].strip()} if by else None}


def parse_field(field: str, text: str) -> Any:
    """A typed correction ("perpetrators", "Home Guard; local militia") -> stored value."""
    if field not in FIELDS:
        raise _bad(f"unknown field {field!r}; one of {', '.join(FIELDS)}")
    if len(text) > 4000:
        raise _bad("the value is too long")
    if field == "measure":
        return check_field(field, text.strip().lower())
    if field == "qualifier":
        return check_field(field, text.strip().lower())
    if field == "value":
        return parse_value(text)
    if field == "time":
        return parse_time(text)
    if field in ("perpetrators", "victims"):
        return [_actor(n) for n in _names(text)]
    if field == "places":
        return [_place(n) for n in _names(text)]
    if field == "attribution":
        speaker = " ".join(text.split())
        return None if speaker.lower() in ("", "none", "null") else _speaker({"speaker": speaker})
    return parse_stance(text)


def check_field(field: str, value: Any) -> Any:
    """Validate a stored (normalised) correction, as read back or imported."""
    if field == "measure":
        if value not in MEASURES:
            raise _bad(f"unknown measure {value!r}; one of {', '.join(MEASURES)}")
        return value
    if field == "qualifier":
        if value not in QUALIFIERS:
            raise _bad(f"unknown qualifier {value!r}; one of {', '.join(QUALIFIERS)}")
        return value
    if field == "value":
        return _check_value(value)
    if field == "time":
        return _check_time(value)
    if field in ("perpetrators", "victims", "places"):
        return _check_list(value, field)
    if field == "attribution":
        return _speaker(value)
    if field == "stance":
        return _check_stance(value)
    raise _bad(f"unknown field {field!r}; one of {', '.join(FIELDS)}")


def apply_field(claim: dict[str, Any], field: str, value: Any) -> None:
    """Set a corrected field on a (copied) claim; the value's text span stays the source's."""
    if field == "value":
        claim["value"] = {**(claim.get("value") or {}), **copy.deepcopy(value)}
    elif field == "qualifier":
        claim["value"] = {**(claim.get("value") or {}), "qualifier": value}
    else:
        claim[field] = copy.deepcopy(value)


def show_value(field: str, value: Any) -> str:
    """A correction in the words a reviewer typed it in (for tables and forms)."""
    if value is None:
        return "none"
    if field in ("perpetrators", "victims", "places"):
        return "; ".join(str(v.get("name")) for v in value) or "none"
    if field == "value":
        q, lo, hi = value.get("qualifier"), value.get("low"), value.get("high")
        prefix = {"approx": "~", "more_than": ">", "at_least": ">=", "vague": "~"}.get(str(q))
        if q == "range":
            return f"{lo}-{hi}"
        if q in ("less_than", "at_most"):
            return ("<" if q == "less_than" else "<=") + str(hi)
        return f"{prefix or ''}{lo if lo is not None else hi}"
    if field == "time":
        return (
            value["start"]
            if value["start"] == value["end"]
            else f"{value['start']}..{value['end']}"
        )
    if field == "attribution":
        return str(value.get("speaker"))
    if field == "stance":
        by = value.get("by")
        return str(value["status"]) + (f" by {by['text']}" if by else "")
    return str(value)
