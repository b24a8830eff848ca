"""What a number counts: its measure, unit and event type, from the words around it.

Order of evidence, strongest first:

1. a phrase right before the number that fixes the measure ("a force of 20,000" → combatants,
   "a village of 600 people" → population);
2. the noun the number counts ("150 corpses" → killed, "2 000 détachements" → combatants,
   "211 villages" → destroyed when something destroyed them, "90% of the oil" → no figure);
3. the nearest measure trigger in the sentence ("were killed", "tués", "погибли"), where
   distance is measured in characters plus a cost for each clause boundary crossed, so a
   trigger in the same clause beats a closer one across a semicolon.

A number that none of these makes a figure is not a claim: counts of things that are not
people harmed or involved (oil, pages, votes) never reach the store.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.extract.claims import EVENT_TYPE_OF_MEASURE
from rashomon.extract.lexicon import HeadKind, Hit, Lexicon, MeasureCue
from rashomon.extract.numbers import NumberMention
from rashomon.extract.segment import Span

_HEAD_WINDOW = 48
_MAX_GAP_WORDS = 3
_DIGIT = re.compile(r"\d")
_GAP_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_COSTS = {";": 120, ":": 20, ",": 15, "(": 10, ")": 10, "—": 15, "–": 15}
_COST_CHARS = re.compile(r"[;:,()—–]")
# A trigger further than this (after costs) does not explain a number.
_MAX_COST = 260
# Troop words ("forces", "troops") also name perpetrators in harm sentences ("victims of the
# massacre committed by the forces of X"): a harm trigger nearby should win over them.
_MEASURE_BIAS = {"combatants": 60}
_WORD_REACH = 30
_PEOPLE = HeadKind("people", "people")
_COORD_COST = 15
# A trigger this close after the counted noun is its predicate ("patients ont été tués").
_PREDICATE_REACH = 30


@dataclass(frozen=True, slots=True)
class Measure:
    measure: str
    event_type: str
    unit: str
    #: What decided it: "link", "head", "trigger" (for the claim's notes and confidence).
    basis: str
    cue_text: str
    cue_start: int
    cost: int = 0


def head_noun(
    text: str,
    fig: NumberMention,
    sent: Span,
    lex: Lexicon,
    groups: Sequence[tuple[int, int]] = (),
) -> Hit[HeadKind] | None:
    """The noun a number counts: the first head noun after it, across at most three words
    (adjectives, "de"/"of" after vague quantities) and no punctuation.  A named group of
    people from the actor table ("300 Tutsi", "des milliers d'Arméniens") counts as people:
    the table, not this stage, knows every ethnonym."""
    limit = min(sent.end, fig.end + _HEAD_WINDOW)
    candidates: list[Hit[HeadKind]] = []
    for hit in lex.heads.finditer(text, fig.end, limit):
        candidates.append(hit)
        break
    for start, end in groups:
        # Where every noun is capitalised, a lower-case group word is an adjective
        # ("40 deutschen und europäischen Firmen").
        if lex.capitalised_nouns and text[start : start + 1].islower():
            continue
        if fig.end <= start < limit:
            candidates.append(Hit(start, end, text[start:end], _PEOPLE))
            break
    # The nearer candidate is the head, except that a lexicon noun right after a group name
    # wins: in "211 Azerbaijani villages" the group word is an adjective.
    if len(candidates) == 2:
        lex_hit, group = candidates
        adjective = group.start < lex_hit.start and not text[group.end : lex_hit.start].strip()
        if group.start < lex_hit.start and not adjective:
            candidates = [group, lex_hit]
    for hit in candidates:
        gap = text[fig.end : hit.start]
        # "200 slaughtered by rebels": a noun after an agent marker names the doers, not
        # what the number counts.
        if lex.agent_markers.find_all(gap):
            continue
        # "killed 2 and injured 5": a noun past "and" heads the next conjunct.
        if gap.split() and gap.split()[0].casefold() in lex.coordinators:
            continue
        # A line break inside a sentence is a hard wrap (segmentation cuts at the others).
        if not any(ch in gap for ch in ",;:.()[]—–") and (
            len(_GAP_WORD.findall(gap)) <= _MAX_GAP_WORDS
        ):
            return hit
    return None


def _link_before(text: str, fig: NumberMention, sent: Span, lex: Lexicon) -> str | None:
    window = max(sent.start, fig.start - 40)
    for hit in lex.links.finditer(text, window, fig.start):
        if not text[hit.end : fig.start].strip():
            return hit.payload
    return None


def _cost(text: str, a: int, b: int, lex: Lexicon | None = None) -> int:
    lo, hi = (a, b) if a <= b else (b, a)
    between = text[lo:hi]
    cost = (hi - lo) + sum(_COSTS[c] for c in _COST_CHARS.findall(between))
    if lex is not None:
        # "X were murdered and 20,000 women raped": a coordination starts another clause.
        cost += _COORD_COST * len(lex.coordination.find_all(text, lo, hi))
    return cost


def nearest_trigger(
    text: str,
    fig: NumberMention,
    triggers: list[Hit[MeasureCue]],
    exclude: frozenset[str] = frozenset(),
    lex: Lexicon | None = None,
) -> tuple[Hit[MeasureCue], int] | None:
    # The cost is at least the distance, so triggers are measured nearest first and the
    # search stops once they are further away than the best cost found (the first trigger in
    # text order wins a tie, as a plain scan would choose).
    near: list[tuple[int, int, Hit[MeasureCue]]] = []
    for index, hit in enumerate(triggers):
        if hit.payload.measure in exclude:
            continue
        if hit.end <= fig.start:
            near.append((fig.start - hit.end, index, hit))
        elif hit.start >= fig.end:
            near.append((hit.start - fig.end, index, hit))
        elif fig.num_start < hit.start and hit.end <= fig.num_end and fig.qualifier == "range":
            # "150 morts, peut-être, jusqu'à 300": the noun between the bounds is the cue.
            near.append((0, index, hit))
    best: tuple[int, int, Hit[MeasureCue]] | None = None
    for distance, index, hit in sorted(near, key=lambda n: n[0]):
        if distance > _MAX_COST or (best is not None and distance > best[0]):
            break
        lo, hi = (
            (hit.end, fig.start) if hit.end <= fig.start else (fig.end, max(fig.end, hit.start))
        )
        cost = _cost(text, lo, hi, lex) + _MEASURE_BIAS.get(hit.payload.measure, 0)
        if cost <= _MAX_COST and (best is None or (cost, index) < best[:2]):
            best = (cost, index, hit)
    return (best[2], best[0]) if best is not None else None


def _predicate(
    text: str,
    head: Hit[HeadKind],
    sent: Span,
    triggers: list[Hit[MeasureCue]],
    lex: Lexicon,
) -> Hit[MeasureCue] | None:
    for trig in triggers:
        close = head.end <= trig.start <= head.end + _PREDICATE_REACH
        harm = trig.payload.measure not in ("destroyed", "combatants", "population")
        between = text[head.end : trig.start]
        # "9000 человек и 20000 были ранены": a predicate past another count is that one's.
        if (
            close
            and harm
            and not any(ch in between for ch in ",;:.()")
            and not _DIGIT.search(between)
            and not _coordinated_verb(between, lex)
        ):
            return trig
    return None


def _governing_trigger(
    text: str, fig: NumberMention, triggers: list[Hit[MeasureCue]], lex: Lexicon
) -> Hit[MeasureCue] | None:
    """A harm trigger right before the count, with at most a determiner between ("killed
    three", "tuèrent les 40"): the verb the counted people are the object of."""
    for trig in reversed(triggers):
        if trig.end > fig.start:
            continue
        words = text[trig.end : fig.start].split()
        known = lex.determiners | lex.object_markers | lex.roles.noun_object_markers
        known |= lex.passive_aux  # "among the dead were 11 soldiers"
        if len(words) > 2 or any(w.casefold() not in known for w in words):
            return None
        harm = trig.payload.measure not in ("destroyed", "combatants", "population")
        return trig if harm else None
    return None


def _clause_predicate(
    text: str, fig: NumberMention, sent: Span, triggers: list[Hit[MeasureCue]], lex: Lexicon
) -> Hit[MeasureCue] | None:
    """A count that opens its own passive clause takes that clause's participle, however far
    a verb-final language puts it ("Ein Soldat wurde getötet, zwei weitere wurden bei einem
    Gefecht verletzt"), over a nearer cue past the comma before it."""
    start = max(text.rfind(ch, sent.start, fig.start) for ch in ",;:")
    segment_start = max(start + 1, sent.start)
    if any(segment_start <= t.start and t.end <= fig.start for t in triggers):
        return None  # the clause has its own cue before the count
    for trig in triggers:
        if trig.start < fig.end or trig.start - fig.end > _MAX_COST // 3:
            continue
        between = text[fig.end : trig.start]
        words = [w.casefold() for w in _GAP_WORD.findall(between)]
        if (
            any(ch in between for ch in ",;:.()")
            or _DIGIT.search(between)
            or any(w in lex.coordinators for w in words)
            or not any(w in lex.passive_aux for w in words)
        ):
            return None
        harm = trig.payload.measure not in ("destroyed", "combatants", "population")
        return trig if harm else None
    return None


def _changed(text: str, fig: NumberMention, lex: Lexicon) -> bool:
    """One end of "de siete a once" after a verb of change (extract/_change_ranges.py): a
    count in its own right, however far its noun."""
    st = lex.stance
    lo = max(0, fig.start - 12)
    right_before = [
        h
        for h in st.from_words.find_all(text, lo, fig.start)
        if not text[h.end : fig.start].strip()
    ]
    to_before = [
        h for h in st.to_words.find_all(text, lo, fig.start) if not text[h.end : fig.start].strip()
    ]
    after = text[fig.end : fig.end + 14]
    to_after = [h for h in st.to_words.find_all(after) if not after[: h.start].strip()]
    if right_before and to_after:
        return True  # the earlier count: "de |siete| a once"
    if to_before:
        # the later count: "de siete a |once|"
        earlier = text[max(0, to_before[0].start - 30) : to_before[0].start]
        return bool(st.from_words.find_all(earlier))
    return False


def _coordinated_verb(between: str, lex: Lexicon) -> bool:
    """ "killed three policemen and wounded 15", "200 soldiers stormed the town and killed":
    a verb after "and" past the noun opens the next clause; it is no predicate of the noun
    ("three policemen and a soldier died": the noun phrase itself is coordinated)."""
    words = between.casefold().split()
    while words and words[-1] in lex.determiners:
        words.pop()  # "... and the wounding of 4 others"
    return bool(words) and words[-1] in lex.coordinators


def _cued(cue: Hit[MeasureCue], cost: int) -> Measure:
    """A count of people whose measure a trigger decides, ``cost`` characters away."""
    p = cue.payload
    return Measure(p.measure, p.event_type, "people", "trigger", cue.text, cue.start, cost)


def decide(
    text: str,
    fig: NumberMention,
    sent: Span,
    triggers: list[Hit[MeasureCue]],
    lex: Lexicon,
    groups: Sequence[tuple[int, int]] = (),
) -> Measure | None:
    """The measure of one quantity mention, or None when it is not a figure.

    ``triggers`` are the sentence's, in text order."""
    # Every rule below looks at most _MAX_COST characters away from the figure: keeping only
    # those triggers keeps a sentence with thousands of numbers and triggers linear.
    lo = bisect.bisect_left(triggers, fig.start - _MAX_COST, key=lambda t: t.end)
    hi = bisect.bisect_right(triggers, fig.end + _MAX_COST, lo=lo, key=lambda t: t.start)
    triggers = triggers[lo:hi]
    link = _link_before(text, fig, sent, lex)
    head = head_noun(text, fig, sent, lex, groups)
    if link is not None:
        return Measure(link, EVENT_TYPE_OF_MEASURE[link], "people", "link", "", fig.start)
    if head is not None:
        kind = head.payload
        if kind.kind == "non_human":
            return None
        if kind.kind == "measure":
            # "ranili 15 inhabitants": a harm verb governing the count outranks the noun's
            # own measure (the inhabitants were hurt, not counted as a population).
            verb = _governing_trigger(text, fig, triggers, lex)
            if kind.value == "population" and verb is not None:
                return _cued(verb, fig.start - verb.end)
            return Measure(
                kind.value,
                EVENT_TYPE_OF_MEASURE.get(kind.value, "other"),
                "people",
                "head",
                head.text,
                head.start,
            )
        if kind.kind == "combatants":
            # "fighters were killed": a trigger right after the noun wins over troop strength.
            after = nearest_trigger(
                text,
                fig,
                [
                    t
                    for t in triggers
                    if head.end <= t.start < head.end + 30
                    and not _coordinated_verb(text[head.end : t.start], lex)
                ],
            )
            if after is not None and after[0].payload.measure not in ("combatants", "population"):
                cue = after[0]
                return _cued(cue, after[1])
            # "gunmen killed three soldiers": the verb whose object the count is decides, and
            # so does one whose subject it is, put first ("perecieron seis soldados", "погибли
            # 32 военнослужащих"): summaries keep the soldiers' toll apart from the civilians'.
            verb = _governing_trigger(text, fig, triggers, lex)
            if verb is not None:
                return _cued(verb, fig.start - verb.end)
            return Measure("combatants", "other", "people", "head", head.text, head.start)
        if kind.kind == "unit":
            found = nearest_trigger(
                text, fig, [t for t in triggers if t.payload.measure == "destroyed"]
            )
            if found is None:
                return None
            cue = found[0]
            return Measure(
                "destroyed",
                cue.payload.event_type,
                kind.value,
                "trigger",
                cue.text,
                cue.start,
                found[1],
            )
        if kind.kind == "people":
            predicate = _predicate(text, head, sent, triggers, lex)
            if predicate is not None:
                return _cued(predicate, 0)
    # People (or no noun): the nearest trigger decides; people are not "destroyed".  A trigger
    # that is the counted noun itself ("2,000 inhabitants fled") only decides when nothing else
    # does ("the town had 2,000 inhabitants").
    own = _clause_predicate(text, fig, sent, triggers, lex)
    if own is not None:
        return _cued(own, own.start - fig.end)
    inside = [t for t in triggers if head is not None and head.start <= t.start < head.end]
    others = [t for t in triggers if t not in inside]
    found = nearest_trigger(text, fig, others, exclude=frozenset({"destroyed"}), lex=lex)
    if found is None:
        found = nearest_trigger(text, fig, inside, exclude=frozenset({"destroyed"}), lex=lex)
    if found is None:
        return None
    cue, cost = found
    small_word = (
        fig.qualifier == "exact"
        and not any(ch.isdigit() for ch in fig.text)
        and (fig.low or 0) <= 100
    )
    if head is None and small_word and cost > _WORD_REACH and not _changed(text, fig, lex):
        # A bare number word ("the two sides", "six counties") counts people only when a
        # trigger is right beside it ("seven died") or it has a noun of its own.
        return None
    return _cued(cue, cost)
