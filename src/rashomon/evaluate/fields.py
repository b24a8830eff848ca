"""Per-field checks of one predicted figure claim against its matched gold figure.

The definitions are those of the reference scorer (``shared/tools/score.py``, documented in
``shared/gold/README.md``): ``rashomon eval`` must give the same figures as that scorer on the
same claims, so where a rule could be argued either way, the reference's choice is the rule
here (a test runs both and compares).  Each check returns a :class:`FieldCheck` (ok, expected,
got) or ``None`` when the gold record does not score the field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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
    "status",
)


@dataclass(frozen=True)
class FieldCheck:
    field: str
    ok: bool
    expected: str
    got: str


def norm(text: Any) -> str:
    """Casefolded, accents and punctuation removed, single spaces (the reference's ``norm``)."""
    decomposed = unicodedata.normalize("NFKD", str(text or "")).casefold()
    kept = "".join(
        ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch)
    )
    return " ".join(kept.split())


def alias_hit(aliases: Iterable[str], texts: Sequence[str]) -> bool:
    """One alias equals, or stands as words inside, one of the predicted texts; or a predicted
    text longer than three characters stands as words inside an alias."""
    normed = [f" {norm(t)} " for t in texts]
    for alias in aliases:
        na = f" {norm(alias)} "
        if not na.strip():
            continue
        for nt in normed:
            if na == nt or na in nt or (len(nt.strip()) > 3 and nt in na):
                return True
    return False


def mention_texts(items: Any) -> list[str]:
    """The ``name`` and ``text`` of each predicted place/actor entry."""
    out: list[str] = []
    for item in items or []:
        if isinstance(item, Mapping):
            out.extend(str(item[k]) for k in ("name", "text") if item.get(k))
        elif isinstance(item, str) and item:
            out.append(item)
    return out


def sets_hit(alias_sets: Iterable[Iterable[str]], items: Any) -> bool:
    """Every alias set is hit by the mentions (each set one real place or group)."""
    texts = mention_texts(items)
    return all(alias_hit(s, texts) for s in alias_sets)


def status_of(claim: Mapping[str, Any]) -> str:
    """The claim's stance status; a claim without one is asserted."""
    stance = claim.get("stance")
    status = stance.get("status") if isinstance(stance, Mapping) else None
    return str(status) if status else "asserted"


def _fmt(val: Any) -> str:
    return "null" if val is None else str(val)


# --------------------------------------------------------------------------- core fields


def check_measure(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    got = claim.get("measure")
    return FieldCheck("measure", got in gold.measure, " | ".join(gold.measure), str(got))


def value_ok(gold: GoldFigure, value: Mapping[str, Any]) -> bool:
    """low equals the gold low (any low inside ``low_in`` for vague quantities); high equals a
    stated gold high, and must be null where the gold high is null (except for vague ones)."""
    low, high = value.get("low"), value.get("high")
    if gold.low_in is not None:
        if low is None or not gold.low_in[0] <= low <= gold.low_in[1]:
            return False
    elif low != gold.low:
        return False
    if gold.high is not None and high != gold.high:
        return False
    return not (gold.high is None and high is not None and gold.low_in is None)


def check_value(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    value = claim.get("value") or {}
    low = f"[{gold.low_in[0]}, {gold.low_in[1]}]" if gold.low_in else _fmt(gold.low)
    return FieldCheck(
        "value",
        value_ok(gold, value),
        f"low={low} high={_fmt(gold.high)}",
        f"low={_fmt(value.get('low'))} high={_fmt(value.get('high'))}",
    )


def check_qualifier(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    got = (claim.get("value") or {}).get("qualifier")
    accepted = (gold.qualifier, *gold.qualifier_ok)
    return FieldCheck("qualifier", got in accepted, " | ".join(accepted), str(got))


# --------------------------------------------------------------------------- context fields


def check_time(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck | None:
    """Scored where the gold states a time: the predicted interval lies inside ``within`` and
    overlaps the gold period (ISO strings compared as the reference does)."""
    if gold.time is None:
        return None
    t = claim.get("time") or {}
    start, end = t.get("start"), t.get("end")
    w0, w1 = gold.time.within[0].isoformat(), gold.time.within[1].isoformat()
    g0, g1 = gold.time.start.isoformat(), gold.time.end.isoformat()
    ok = bool(start and end)
    if ok:
        s, e = str(start)[:10], str(end)[:10]
        ok = w0 <= s and e <= w1 and s <= g1 and g0 <= e
    got = f"{start}..{end}" if start or end else "null"
    return FieldCheck("time", ok, f"within {w0}..{w1}", got)


def _alias_field(name: str, sets: AliasSets | None, items: Any) -> FieldCheck | None:
    if not sets:  # None (not stated) or [] (nobody named): no field check
        return None
    texts = mention_texts(items)
    ok = all(alias_hit(s, texts) for s in sets)
    expected = " & ".join("/".join(s[:3]) for s in sets)
    return FieldCheck(name, ok, expected, ", ".join(texts) or "none")


def check_places(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck | None:
    return _alias_field("places", gold.places, claim.get("places"))


def check_actors(fieldname: str, gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck | None:
    sets = gold.victims if fieldname == "victims" else gold.perpetrators
    return _alias_field(fieldname, sets, claim.get(fieldname))


def check_attribution(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    """Null gold: the claim must carry no attribution words.  Otherwise one of the gold
    substrings must hit the predicted speaker and cue text together."""
    raw = claim.get("attribution") or {}
    said = " ".join(str(raw.get(k) or "") for k in ("speaker", "text")).strip()
    got = said or "null"
    if not gold.attributed_to:
        return FieldCheck("attribution", not said, "null", got)
    ok = alias_hit(gold.attributed_to, [said])
    return FieldCheck("attribution", ok, " | ".join(gold.attributed_to), got)


def check_status(gold: GoldFigure, claim: Mapping[str, Any]) -> FieldCheck:
    got = status_of(claim)
    return FieldCheck("status", got == gold.status, gold.status, got)


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
        check_status(gold, claim),
    )
    return [c for c in checks if c is not None]
