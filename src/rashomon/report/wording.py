"""Neutral words for event summaries: who gives which figure, never which one is right.

Every sentence names its sources ("Kessel Almanac gives 3,000; Valdmark Herald, citing the
relief committee, gives 12,000"); a range over sources is said as what the sources give
("8 sources give 9,000 to 30,000"), never as the tool's own statement of a toll.  Shared by
``rashomon compare``, ``rashomon events``, the HTML report's data and the web app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rashomon import _words

__all__ = [
    "by_group",
    "describe_consistency",
    "describe_dispute",
    "estimate_lines",
    "estimate_summary",
    "figure_words",
    "group_words",
    "value_words",
]

#: doc id -> how readers know the document ("Kessel Almanac").
DocName = Callable[[str], str]
#: doc id -> the document's language (a source's words in another language are marked so).
DocLang = Callable[[str], str | None]


def _no_lang(_doc: str) -> str | None:
    return None


def _n(value: Any) -> str:
    return f"{int(value):,}"


def value_words(low: Any, high: Any, qualifier: str | None) -> str:
    """A figure's value in plain words: "more than 40,000", "9,000–30,000", "up to 300"."""
    if (
        low is not None
        and high is not None
        and low != high
        and qualifier
        not in (
            "more_than",
            "at_least",
            "less_than",
            "at_most",
        )
    ):
        return f"{_n(low)}–{_n(high)}"
    if qualifier in ("less_than", "at_most") and high is None:
        high = low
    return _words.value_words({"low": low, "high": high, "qualifier": qualifier})


def figure_words(figure: Mapping[str, Any], lang: str | None = None) -> str:
    """As written (marked so in another language), with the value in plain words when the
    wording differs from it."""
    text = str(figure.get("text") or "")
    plain = value_words(figure.get("low"), figure.get("high"), figure.get("qualifier"))
    if text.replace(" ", "") == plain.replace(" ", ""):
        return f"“{text}”"
    return f"{_words.quoted(text, lang)} ({plain})"


def who(doc_name: str, speaker: Any) -> str:
    return f"{doc_name}, citing {speaker}" if speaker else doc_name


def group_words(estimate: Mapping[str, Any]) -> str:
    """Whose toll an estimate is: the victim group its sources name, or that they name none."""
    victims = estimate.get("victims") or {}
    name = victims.get("name")
    if not name:
        return "no group named"
    if estimate.get("subgroup"):
        return f"{name} (counted apart by its source)"
    return str(name)


def _head(estimate: Mapping[str, Any]) -> str:
    measure = str(estimate.get("measure"))
    unit = estimate.get("unit")
    return (
        f"{measure} ({unit}), {group_words(estimate)}"
        if unit
        else (f"{measure}, {group_words(estimate)}")
    )


def estimate_summary(estimate: Mapping[str, Any]) -> str:
    """One line over the sources: "killed, Armenians: 8 sources give 9,000 to 30,000"."""
    n = int(estimate.get("n_sources") or 0)
    low, high = estimate.get("low"), estimate.get("high")
    if n == 0:
        return f"{_head(estimate)}: figures for parts only, none for the whole"
    sources = "1 source gives" if n == 1 else f"{_words.plural(n, 'source')} give"
    if low is not None and high is not None:
        span = _n(low) if low == high else f"{_n(low)} to {_n(high)}"
    elif low is not None:
        span = f"at least {_n(low)} (none gives an upper figure)"
    elif high is not None:
        span = f"up to {_n(high)} (none gives a lower figure)"
    else:
        span = "no number"
    best = estimate.get("best")
    median = f"; median of one figure per source {_n(best)}" if n > 2 and best is not None else ""
    return f"{_head(estimate)}: {sources} {span}{median}"


def estimate_lines(
    estimate: Mapping[str, Any], doc_name: DocName, doc_lang: DocLang = _no_lang
) -> list[str]:
    """The summary line, then who gives what ("X gives …; Y gives …"), then what was left
    out and why."""
    counted: dict[tuple[str, str], list[str]] = {}
    left_out: list[str] = []
    for figure in estimate.get("figures") or []:
        doc = str(figure.get("doc"))
        source = who(doc_name(doc), figure.get("speaker"))
        words = figure_words(figure, doc_lang(doc))
        if figure.get("counted"):
            counted.setdefault((source, ""), []).append(words)
        else:
            left_out.append(f"{source}: {words} ({figure.get('why') or 'not counted'})")
    lines = [estimate_summary(estimate)]
    if counted:
        lines.append(
            "; ".join(
                f"{source} gives {' and '.join(words)}" for (source, _), words in counted.items()
            )
        )
    if left_out:
        lines.append("Not counted in it: " + "; ".join(left_out))
    return lines


def describe_dispute(
    dispute: Mapping[str, Any], doc_name: DocName, doc_lang: DocLang = _no_lang
) -> str:
    """A dispute in attributive, neutral words: who gives, rejects or revised what."""
    kind = dispute.get("kind")
    measure = str(dispute.get("measure") or "")
    if kind == "figure":
        group = (dispute.get("victims") or {}).get("name")
        what = f"{measure} ({group})" if group else measure
        parts = [
            f"{who(doc_name(str(v.get('doc'))), v.get('speaker'))} gives "
            f"{_words.quoted(v.get('text'), doc_lang(str(v.get('doc'))))}"
            for v in dispute.get("values") or []
        ]
        ratio = dispute.get("ratio")
        times = f" ({_words.ratio_words(float(ratio))})" if ratio else ""
        return f"Sources differ on {what}{times}: " + "; ".join(parts)
    if kind == "rejection":
        rejecter = dispute.get("by") or doc_name(str(dispute.get("doc")))
        claimant = dispute.get("claimant")
        text = _words.quoted(dispute.get("text"), doc_lang(str(dispute.get("doc"))))
        figure = f"figure of {text} {measure}".rstrip()
        if claimant:
            return f"{rejecter} rejects {claimant}'s {figure}"
        return f"{rejecter} rejects a {figure} that it attributes to no one"
    if kind == "revision":
        reviser = dispute.get("speaker") or doc_name(str(dispute.get("doc")))
        if dispute.get("to"):
            return (
                f"{reviser} revised its figure of {measure} from “{dispute.get('from')}” "
                f"to “{dispute.get('to')}”"
            )
        return f"{reviser} revised its figure of {measure} of “{dispute.get('from')}”"
    if kind == "perpetrators":
        detail = dispute.get("detail") or {}
        named = [f"{doc_name(str(d))} names {', '.join(names)}" for d, names in detail.items()]
        return "Sources name different perpetrators: " + "; ".join(named)
    return f"Sources give incompatible dates: {dispute.get('detail')}"


def describe_consistency(problem: Mapping[str, Any], doc_name: DocName) -> str:
    return f"Inside {doc_name(str(problem.get('doc')))}: {problem.get('detail')}"


def by_group(estimates: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Estimates per measure, in their order: the groups of one measure side by side."""
    out: dict[str, list[Mapping[str, Any]]] = {}
    for estimate in estimates:
        out.setdefault(str(estimate.get("measure")), []).append(estimate)
    return out
