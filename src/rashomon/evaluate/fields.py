"""Per-field checks of one predicted figure claim against its matched gold figure.

Each check returns a :class:`FieldCheck` (ok, expected, got) or ``None`` when the gold record
says the field is not scored.  The rules follow ``shared/gold/README.md``; where it is silent,
the choice is written in the check's docstring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rashomon.evaluate.gold import AliasSets, GoldFigure

FIELDS = (
    "measure",
    "value",
    "qualifier",
    "time",
    "places",
    "victims",
    "perpetrators",
    "attribution",
)


@dataclass(frozen=True)
class FieldCheck:
    field: str
    ok: bool
    expected: str
    got: str


_SPACES = re.compile(r"\s+")
# Letters that NFKD does not decompose but readers treat as accented forms of a base letter
# (Azerbaijani/Turkish dotless ı in "Bakı", Polish ł, Nordic ø, South Slavic đ).
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d"})


def norm(text: str) -> str:
    """Case- and accent-insensitive form: NFKD, drop combining marks, casefold, one space.

    NFKD also turns NBSP and narrow NBSP into plain spaces, so grouping spaces do not matter;
    the few stroke/dotless letters NFKD leaves alone are mapped by hand, so "Şamaxı" and
    "Samaxi" compare equal.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_UNDECOMPOSED)).strip()


def _num(val: Any) -> float | None:
    # Extractors may serialise 12000 as 12000.0; bool is never a number here.
    if isinstance(val, bool) or not isinstance(val, (int, float)):
        return None
    return float(val)


def _fmt_num(val: Any) -> str:
    return "null" if val is None else str(val)


# --------------------------------------------------------------------------- simple fields


def check_measure(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    got = claim.get("measure")
    return FieldCheck("measure", got in gold.measure, " | ".join(gold.measure), str(got))


def _in_gold_number(gold: GoldFigure, got: Any) -> bool:
    """Whether ``got`` is the gold figure's number (any value of ``low_in`` for vague ones)."""
    num = _num(got)
    if num is None:
        return False
    if gold.low_in is not None:
        return gold.low_in[0] <= num <= gold.low_in[1]
    point = gold.low if gold.low is not None else gold.high
    return point is not None and num == float(point)


def _alternative_shape_ok(gold: GoldFigure, qualifier: str, low: Any, high: Any) -> bool:
    """The value reshaped for an accepted alternative qualifier, per the claim contract.

    "as high as 30,000" is annotated at_most (low null, high 30000) with ``qualifier_ok:
    ["exact"]``; an extractor that takes the accepted "exact" reading writes low = high =
    30000, which the gold low/high would reject.  Accepting a qualifier but rejecting the only
    value that goes with it would make ``qualifier_ok`` useless, so the gold number is
    reshaped: exact/approx -> low = high; more_than/at_least -> low, high null;
    less_than/at_most -> low null, high.  range and vague have no single shape: not reshaped.
    """
    if qualifier in ("exact", "approx"):
        return _in_gold_number(gold, low) and _num(high) == _num(low)
    if qualifier in ("more_than", "at_least"):
        return _in_gold_number(gold, low) and high is None
    if qualifier in ("less_than", "at_most"):
        return low is None and _in_gold_number(gold, high)
    return False


def check_value(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    """low and high equal the gold ones; ``low_in`` accepts any low in its closed interval;
    a gold null requires a predicted null (an open end is part of the meaning).  When the
    predicted qualifier is one of ``qualifier_ok``, the value shaped for that qualifier is also
    accepted (see :func:`_alternative_shape_ok`)."""
    value = claim.get("value") or {}
    low, high = value.get("low"), value.get("high")

    def same(gold_val: int | None, got: Any) -> bool:
        if gold_val is None:
            return got is None
        return _num(got) == float(gold_val)

    if gold.low_in is not None:
        lo = _num(low)
        low_ok = lo is not None and gold.low_in[0] <= lo <= gold.low_in[1]
        expected_low = f"[{gold.low_in[0]}, {gold.low_in[1]}]"
    else:
        low_ok = same(gold.low, low)
        expected_low = _fmt_num(gold.low)
    ok = low_ok and same(gold.high, high)
    expected = f"low={expected_low} high={_fmt_num(gold.high)}"
    qualifier = value.get("qualifier")
    if gold.qualifier_ok:
        expected += f" (or as {'/'.join(gold.qualifier_ok)})"
        if not ok and qualifier in gold.qualifier_ok:
            ok = _alternative_shape_ok(gold, str(qualifier), low, high)
    return FieldCheck("value", ok, expected, f"low={_fmt_num(low)} high={_fmt_num(high)}")


def check_qualifier(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    got = (claim.get("value") or {}).get("qualifier")
    accepted = (gold.qualifier, *gold.qualifier_ok)
    return FieldCheck("qualifier", got in accepted, " | ".join(accepted), str(got))


# --------------------------------------------------------------------------- time


def _parse_day(text: Any, *, end: bool) -> date | None:
    """ISO date, or a month ("1918-09") / year ("1918") read as its first or last day."""
    if not isinstance(text, str):
        return None
    try:
        if len(text) == 4:
            year = int(text)
            return date(year, 12, 31) if end else date(year, 1, 1)
        if len(text) == 7:
            first = date.fromisoformat(text + "-01")
            if not end:
                return first
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return following - timedelta(days=1)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def check_time(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    """The predicted interval must lie inside the gold ``within`` window (closed).

    A gold ``time: null`` means the text gives no usable time, and the claim contract says an
    unknown time is ``null`` and never a made-up date.  So a null gold time IS scored: correct
    only when the prediction is null too.  Skipping it would make the metric blind to invented
    dates, the very error the contract forbids.  A predicted time object whose start and end are
    both null counts as null; one open end counts as wrong (it is not inside any window).
    """
    raw = claim.get("time")
    t_start = t_end = None
    is_null = True
    if isinstance(raw, Mapping) and (raw.get("start") is not None or raw.get("end") is not None):
        is_null = False
        t_start = _parse_day(raw.get("start"), end=False)
        t_end = _parse_day(raw.get("end"), end=True)
    got = "null" if is_null else f"{raw.get('start')}..{raw.get('end')}"  # type: ignore[union-attr]

    if gold.time is None:
        return FieldCheck("time", is_null, "null", got)
    lo, hi = gold.time.within
    ok = t_start is not None and t_end is not None and lo <= t_start <= t_end <= hi
    return FieldCheck("time", ok, f"within {lo}..{hi}", got)


# --------------------------------------------------------------------------- names


def _names(items: Any) -> list[str]:
    """The normalised ``name`` and ``text`` of each predicted place/actor entry."""
    out: list[str] = []
    if not isinstance(items, list):
        return out
    for item in items:
        if isinstance(item, Mapping):
            out.extend(norm(item[k]) for k in ("name", "text") if isinstance(item.get(k), str))
        elif isinstance(item, str):  # tolerate a bare string list
            out.append(norm(item))
    return [n for n in out if n]


def _alias_check(
    fieldname: str, sets: AliasSets, got: list[str], match: Callable[[str, str], bool]
) -> FieldCheck:
    # Every gold alias set (one real place or group) must be found; extra predictions are not
    # penalised here, since the gold lists only what the figure is about.
    ok = all(any(match(norm(alias), name) for alias in aliases for name in got) for aliases in sets)
    expected = " & ".join("/".join(aliases[:3]) for aliases in sets)
    return FieldCheck(fieldname, ok, expected, ", ".join(got) or "none")


def check_places(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck | None:
    """Each gold alias set needs a predicted place whose name or text equals an alias."""
    if gold.places is None:
        return None
    return _alias_check("places", gold.places, _names(claim.get("places")), str.__eq__)


def _substring(alias: str, name: str) -> bool:
    # Direction: the gold alias must occur in the prediction ("the Dashnaks" contains
    # "Dashnaks").  The reverse would let a one-letter prediction match any alias; the gold
    # lists short forms ("Armenian") precisely so that this direction suffices.
    return bool(alias) and alias in name


def check_actors(fieldname: str, gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck | None:
    """Victims or perpetrators: substring matching; a null gold list is not scored."""
    sets = gold.victims if fieldname == "victims" else gold.perpetrators
    if sets is None:
        return None
    return _alias_check(fieldname, sets, _names(claim.get(fieldname)), _substring)


def check_attribution(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    """Null gold -> the prediction must be null (the document's own voice).  Otherwise any gold
    substring must occur in the predicted attribution's ``text`` or ``speaker``."""
    raw = claim.get("attribution")
    texts: list[str] = []
    if isinstance(raw, Mapping):
        texts = [norm(raw[k]) for k in ("text", "speaker") if isinstance(raw.get(k), str)]
        texts = [t for t in texts if t]
    got = " / ".join(texts) if texts else "null"
    if gold.attributed_to is None:
        return FieldCheck("attribution", not texts, "null", got)
    ok = any(_substring(norm(sub), t) for sub in gold.attributed_to for t in texts)
    return FieldCheck("attribution", ok, " | ".join(gold.attributed_to), got)


def check_all(gold: GoldFigure, claim: Mapping[str, Any]) -> list[FieldCheck]:
    """Every scored field, in :data:`FIELDS` order."""
    checks: Iterable[FieldCheck | None] = (
        check_measure(gold, claim),
        check_value(gold, claim),
        check_qualifier(gold, claim),
        check_time(gold, claim),
        check_places(gold, claim),
        check_actors("victims", gold, claim),
        check_actors("perpetrators", gold, claim),
        check_attribution(gold, claim),
    )
    return [c for c in checks if c is not None]
