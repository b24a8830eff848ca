"""What part of an event a figure counts (DESIGN.md §3 ``scope``), so that summaries keep it
out of the event's toll:

* ``site``: one building or spot ("150 corpses ... in one cistern alone", "360 patients ... à
  l'hôpital");
* ``area``: a place narrower than the event's, marked so ("in Baku itself", "up to 24,000 in
  surrounding areas", "within the city walls");
* ``subgroup``: a group apart from the toll ("hundreds of Bolsheviks ... also perished",
  "Del millar de personas masacradas, 408 eran bebés"), or the margin by which a count is
  short ("die Zahl sei um 10'000 zu niedrig", "too low by 2,000": the dead it left out);
* ``period``: a sub-period or a rate ("for the period from January 20 to May 7", "1,000 a
  day", "since the start of the year");
* ``breakdown``: one of several figures of one measure that a sentence gives place by place.

A figure with no such marker has no scope: the absence of a marker is no evidence of a part.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from rashomon.extract._change_ranges import change_pairs
from rashomon.extract._list_label import list_part
from rashomon.extract._roles_syntax import clause_bounds
from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import Parsed, Sentence
from rashomon.reconcile.victims import fold, victim_words

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NEAR = 80  # chars around a figure where its site or period is named
#: Words between a figure and the shortfall it measures: "10'000 (Tote) zu niedrig", "too
#: low by 2,000" (a preposition only).
_SHORTFALL_AFTER = 2
_SHORTFALL_BEFORE = 1
_SITE_GAP_WORDS = 3  # words between a locative and the site noun ("in one cistern")
#: Counts of harm done at a place: where the dead were found or the buildings burned.
_SITE_MEASURES = frozenset({"killed", "victims", "destroyed"})
_NAMED = frozenset({"ethnonym", "religious_group", "armed_group", "army", "org", "state"})


def _scope(p: Parsed, kind: str, start: int, end: int) -> dict[str, Any]:
    return {"kind": kind, "text": p.text[start:end], "start": start, "end": end}


def assign_scope(p: Parsed, claims: Sequence[Claim]) -> None:
    """Set ``scope`` on figure claims that count a part of their event (in place)."""
    starts = {s.span.start: s for s in p.sentences}
    by_sent: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "figure" or c.value is None:
            continue
        sent = starts.get(int(c.evidence.get("start", -1)))
        if sent is None:
            continue
        by_sent[sent.index].append(c)
    for index, figs in by_sent.items():
        sent = p.sentences[index]
        for i, c in enumerate(figs):
            others = [o for o in figs if o is not c]
            c.scope = (
                _period(p, sent, c, others)
                or _shortfall(p, sent, c, others)
                or _site(p, sent, c, others)
                or _area(p, sent, c, others)
                or _subgroup(p, sent, c, figs[:i])
                or _added(p, c, by_sent.get(index - 1, []) + figs[:i])
                or _part_predicate(p, sent, c, others)
                or _list_part(p, c)
            )
    for index, figs in by_sent.items():
        _breakdown(p, p.sentences[index], figs)


def _window(p: Parsed, sent: Sentence, c: Claim, others: list[Claim]) -> tuple[int, int]:
    """Around a figure in its clause, up to the neighbouring figures: a marker between two
    figures belongs to the nearer one's side only."""
    lo, hi = clause_bounds(p, sent, c.start)
    lo = max([lo, c.start - _NEAR] + [o.end for o in others if o.end <= c.start])
    hi = min([hi, c.end + _NEAR] + [o.start for o in others if o.start >= c.end])
    return lo, hi


def _period(p: Parsed, sent: Sentence, c: Claim, others: list[Claim]) -> dict[str, Any] | None:
    lo, hi = _window(p, sent, c, others)
    for hit in p.lex.scope.period_markers.finditer(p.text, lo, hi):
        # A rate or sub-period right after the figure, or a "since the start of the year"
        # anywhere in its clause.
        after = 0 <= hit.start - c.end <= 40
        if after or len(hit.text.split()) >= 3:
            end = hit.end
            for t in sent.times:
                if 0 <= t.start - hit.end <= 8:
                    end = t.end
            return _scope(p, "period", hit.start, end)
    return None


def _shortfall(p: Parsed, sent: Sentence, c: Claim, others: list[Claim]) -> dict[str, Any] | None:
    # "um 10'000 zu niedrig", "too low by 2,000", "занижена на 5 000": the figure is how far
    # off another count is, never a toll of its own.
    lo, hi = _window(p, sent, c, others)
    for hit in p.lex.scope.shortfall_markers.finditer(p.text, lo, hi):
        gap = p.text[c.end : hit.start] if hit.start >= c.end else p.text[hit.end : c.start]
        limit = _SHORTFALL_AFTER if hit.start >= c.end else _SHORTFALL_BEFORE
        if len(_WORD.findall(gap)) <= limit and not re.search(r"[,;:.!?]", gap):
            return _scope(p, "subgroup", min(c.start, hit.start), max(c.end, hit.end))
    return None


def _site(p: Parsed, sent: Sentence, c: Claim, others: list[Claim]) -> dict[str, Any] | None:
    if c.measure not in _SITE_MEASURES:
        return None  # the injured "taken to hospital" are not counted at one site
    lo, hi = _window(p, sent, c, others)
    for site in p.lex.scope.site_nouns.finditer(p.text, lo, hi):
        before = p.text[max(lo, site.start - 40) : site.start]
        locs = p.lex.scope.locatives.find_all(before)
        if not locs:
            continue
        gap = before[locs[-1].end :]
        if len(_WORD.findall(gap)) <= _SITE_GAP_WORDS and not re.search(r"[,;:.]", gap):
            start = max(lo, site.start - len(before) + locs[-1].end)
            while p.text[start] == " ":
                start += 1
            return _scope(p, "site", start, site.end)
    return None


def _area(p: Parsed, sent: Sentence, c: Claim, others: list[Claim]) -> dict[str, Any] | None:
    lo, hi = _window(p, sent, c, others)
    hits = sorted(
        p.lex.scope.area_markers.finditer(p.text, lo, hi), key=lambda h: abs(h.start - c.end)
    )
    for hit in hits:
        # "in Baku itself", "solo en X": a place marked as the only part counted (a country
        # named so is the whole of most events: no scope); "in surrounding areas", "within
        # the city walls": a phrase of its own.
        place = next(
            (
                pl
                for pl in sent.places
                if 0 <= hit.start - pl.end <= 2 or 0 <= pl.start - hit.end <= 2
            ),
            None,
        )
        if place is not None:
            if place.place is not None and place.place.kind in ("country", "continent"):
                continue
            return _scope(p, "area", min(place.start, hit.start), max(place.end, hit.end))
        if len(hit.text.split()) >= 2 and hit.start >= c.end and not hit.text.endswith(" en"):
            return _scope(p, "area", hit.start, hit.end)
    return None


def _added(p: Parsed, c: Claim, earlier: list[Claim]) -> dict[str, Any] | None:
    """ "an additional 1,800", "a otros 150", "150 autres": a count added to an earlier count of
    the same measure (in its sentence or the one before) is a part of the whole, never the
    whole; "another 200 were wounded" after a death toll is a count of its own."""
    if not any(o.measure == c.measure for o in earlier):
        return None
    scope = p.lex.scope
    before = p.text[max(0, c.start - 24) : c.start]
    for hit in scope.added_before.find_all(before):
        if not before[hit.end :].strip():
            start = c.start - len(before) + hit.start
            return _scope(p, "subgroup", start, c.end)
    after = p.text[c.end : c.end + 24]
    for hit in scope.added_after.find_all(after):
        # Right after the number, or after its counted noun ("150 villageois supplémentaires").
        gap = after[: hit.start]
        if len(_WORD.findall(gap)) <= 1 and not re.search(r"[,;:.()]", gap):
            return _scope(p, "subgroup", c.start, c.end + hit.end)
    return None


def _part_predicate(
    p: Parsed, sent: Sentence, c: Claim, others: list[Claim]
) -> dict[str, Any] | None:
    """ "the identity of five of the dead is being established", "14 were buried secretly",
    "478,000 registered": what the clause says of these people counts some of the harmed (the
    identified, the buried, the registered), another quantity than the toll."""
    lo, hi = _window(p, sent, c, others)
    hits = p.lex.scope.part_predicates.find_all(p.text, lo, hi)
    if not hits:
        return None
    hit = min(hits, key=lambda h: abs(h.start - c.start))
    return _scope(p, "subgroup", hit.start, hit.end)


def _list_part(p: Parsed, c: Claim) -> dict[str, Any] | None:
    # "Homeless — 300,000" then "Homeless without shelter — 100,000": a part of the line above.
    span = list_part(p.text, c.start, c.end)
    return _scope(p, "subgroup", *span) if span is not None else None


def _subgroup(p: Parsed, sent: Sentence, c: Claim, earlier: list[Claim]) -> dict[str, Any] | None:
    hi = clause_bounds(p, sent, c.start)[1]
    counted = next(
        (v for v in c.victims if v.get("basis", "sentence") == "sentence" and v.get("start")),
        None,
    )
    named = [v for v in c.victims if str(v.get("type")) in _NAMED and v.get("start")]
    if counted is not None and _names_a_group(p, counted):
        # "32 members of the security forces also died": the counted noun names who.
        named.append(counted)
    # "hundreds of Bolsheviks and Dashnaks also perished": a named group counted apart.
    if named and p.lex.scope.subgroup_markers.find_all(p.text, c.end, hi):
        v = named[0]
        return _scope(p, "subgroup", int(v["start"]), int(v["end"]))
    # "31 of the dead were children", "31 des morts", "31 из погибших": a part of the dead
    # already counted, named by a partitive right after the count.
    if _partitive_after(p, c):
        if counted is not None and counted.get("start") and int(counted["start"]) > c.end + 20:
            return _scope(p, "subgroup", int(counted["start"]), int(counted["end"]))
        return _scope(p, "subgroup", c.start, c.end)
    # "Del millar de personas masacradas, 408 eran bebés": a part of an earlier figure.
    if earlier:
        opening = p.lex.scope.partitive_openings.find_all(
            p.text, sent.span.start, min(sent.span.end, sent.span.start + 12)
        )
        between = p.text[earlier[-1].end : c.start]
        if (opening and opening[0].start == sent.span.start) or p.lex.subset_markers.find_all(
            between
        ):
            if counted is not None:
                return _scope(p, "subgroup", int(counted["start"]), int(counted["end"]))
            return _scope(p, "subgroup", c.start, c.end)
    return None


def _partitive_after(p: Parsed, c: Claim) -> bool:
    """A partitive right after the count whose noun is a measure noun ("of the dead")."""
    end = min(len(p.text), c.end + 40)
    for opening in p.lex.scope.partitive_openings.finditer(p.text, c.end, end):
        if p.text[c.end : opening.start].strip():
            break
        for head in p.lex.heads.finditer(p.text, opening.end, min(end, opening.end + 25)):
            gap = p.text[opening.end : head.start].casefold().split()
            if head.payload.kind == "measure" and all(w in p.lex.determiners for w in gap):
                return True
            break
        break
    return False


def _added_only(c: Claim) -> bool:
    """A count added to another ("120,000 more to Jordan") is still one part of a
    breakdown: it counts towards the sentence's places (its own scope stays)."""
    scope = c.scope or {}
    start, end = scope.get("start"), scope.get("end")
    return (
        scope.get("kind") == "subgroup"
        and isinstance(start, int)
        and isinstance(end, int)
        and start <= c.start
        and c.end <= end
    )


def _names_a_group(p: Parsed, counted: dict[str, Any]) -> bool:
    """The counted noun says who they are ("members of the security forces", "soldiers"), not
    only that they are people or dead ("people", "morts")."""
    if counted.get("measure_noun"):
        return False
    generic = victim_words().generic
    return any(fold(w) not in generic for w in str(counted.get("text") or "").split())


def _breakdown(p: Parsed, sent: Sentence, figs: list[Claim]) -> None:
    """Figures of one measure that one sentence gives place by place are parts; a figure the
    sentence calls the total ("in all") is not."""
    moved = {id(c) for pair in change_pairs(p, sent, figs) for c in pair}
    own = [
        c
        for c in figs
        if c.places
        and id(c) not in moved
        and (c.scope is None or _added_only(c))
        and not any(n.startswith("places:") for n in c.notes)
        and c.value is not None
        and c.value.get("qualifier") != "range"
    ]
    by_measure: dict[str | None, list[Claim]] = defaultdict(list)
    for c in own:
        by_measure[c.measure].append(c)
    for parts in by_measure.values():
        places = {str(pl.get("id") or pl.get("name")) for c in parts for pl in c.places}
        if len(parts) < 2 or len(places) < 2:
            continue
        for c in parts:
            window = p.text[max(sent.span.start, c.start - 20) : c.end + 20]
            if p.lex.scope.total_markers.find_all(window) or c.scope is not None:
                continue
            first = c.places[0]
            text = str(first.get("text") or first.get("name"))
            start = p.text.find(text, c.end, sent.span.end)
            if start < 0:
                start = p.text.find(text, sent.span.start, sent.span.end)
            if start >= 0:
                c.scope = _scope(p, "breakdown", start, start + len(text))
            else:
                c.scope = {"kind": "breakdown", "text": text, "start": None, "end": None}
