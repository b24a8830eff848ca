"""Assemble figure claims from a parsed document: measure, value, time, places, actors, source.

Context rules (each recorded in the claim's ``notes`` when used, so a reviewer sees why):

* time: an explicit time in the sentence, else the narrative time in force (TimeContext);
  a baseline population or a later return takes only an explicit time;
* places: those after the figure up to the next number ("900 in Osterlo, 400 in Brisk"),
  else those before the sentence's first number, else the paragraph's most recent places,
  else the document's; a figure introduced as a subset of the previous one ("dont 400",
  "of whom 400") shares its places;
* victims and perpetrators: from the sentence (agent phrases, group nouns, armed groups),
  else carried from the paragraph, then the document;
* attribution: the cue covering the figure, else the previous sentence's leading cue.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rashomon.extract._change_ranges import change_pairs
from rashomon.extract._list_label import list_label, list_measure
from rashomon.extract._places import (
    Context,
    choose_places,
    dedupe,
    sentence_places,
)
from rashomon.extract._roles_context import Accounts
from rashomon.extract._time_roles import lede_time_for, nearest_time, opens_episode
from rashomon.extract.actors import ActorMention
from rashomon.extract.attribution import Attribution, scope_of
from rashomon.extract.claims import Claim
from rashomon.extract.figures import Measure, decide, head_noun
from rashomon.extract.numbers import NumberMention
from rashomon.extract.pipeline import GROUP_TYPES, OWN_TIME_ONLY, Parsed, Sentence
from rashomon.extract.timex import TimeMention

# A date followed by a dash opens a dateline ("NORVIK, 2 May 1931 — ..."): it dates the
# report, not the events the report's figures count.
_DATELINE = re.compile(r"\s*[—–]|\s+-{1,2}\s")
_LEAD_WORD = re.compile(r"(\w+)\s+")
_MARKER_GAP = 14  # chars between "by"/"par" and the actor ("by the", "par les")
_COORD_REACH = 60
_SHORT_LINE = 40
_HARMED_MEASURES = frozenset({"killed", "injured", "victims", "missing", "displaced", "detained"})
_ARMED = frozenset({"armed_group", "army", "state", "org", "person"})
_HARM = frozenset({"killed", "injured", "victims", "missing"})
_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_END = tuple(".!?…:;\"»”)’'")


def actor_dict(a: ActorMention) -> dict[str, Any]:
    return {
        "text": a.text,
        "name": a.name,
        "id": a.actor_id,
        "type": a.type,
        "start": a.start,
        "end": a.end,
    }


def time_dict(t: TimeMention, source: str | None = None) -> dict[str, Any] | None:
    if t.start_date is None:
        return None
    return {
        "start": t.start_date,
        "end": t.end_date,
        "precision": t.precision,
        "text": t.text,
        "start_char": t.start,
        "end_char": t.end,
        "source": source or t.source,
    }


def _marked(p: Parsed, sent: Sentence, a: ActorMention, matcher_name: str) -> bool:
    """A marker ("by", "par", "against") governs the actor: right before it, or before a
    coordination it is part of ("by the Home Guard and their local allies")."""
    matcher = getattr(p.lex, matcher_name)
    lo = max(sent.span.start, a.start - _COORD_REACH)
    for h in matcher.finditer(p.text, lo, a.start):
        gap = p.text[h.end : a.start]
        if a.start - h.end <= _MARKER_GAP:
            return True
        if not any(ch in gap for ch in ",;:.()") and any(
            w in gap.lower().split() for w in p.lex.coordinators
        ):
            return True
    return False


def _explicit_time(
    p: Parsed, sent: Sentence, fig: NumberMention, own_clause: bool = False
) -> TimeMention | None:
    usable = [
        t
        for t in sent.times
        if t.start_date is not None and t.role == "event" and not _DATELINE.match(p.text, t.end)
    ]
    if own_clause:
        # Only a time between the neighbouring numbers is this figure's own.
        others = [n for n in sent.numbers if n.role == "quantity" and n is not fig]
        lo = max((n.end for n in others if n.end <= fig.start), default=sent.span.start)
        hi = min((n.start for n in others if n.start >= fig.end), default=sent.span.end)
        usable = [t for t in usable if lo <= t.start < hi]
    if not usable:
        return None
    semi = [i for i, ch in enumerate(p.text[sent.span.start : sent.span.end]) if ch == ";"]

    def group(pos: int) -> int:
        return sum(1 for s in semi if sent.span.start + s < pos)

    same = [t for t in usable if group(t.start) == group(fig.start)] or usable
    return nearest_time(p, same, fig.start, fig.end)


def _head_group(p: Parsed, sent: Sentence, fig: NumberMention) -> dict[str, Any] | None:
    """The people a figure counts, as written ("300 junge Männer und Frauen")."""
    groups = [(a.start, a.end) for a in sent.actors if a.type in GROUP_TYPES]
    head = head_noun(p.text, fig, sent.span, p.lex, groups)
    if head is None or head.payload.kind not in ("people", "combatants"):
        # "hundreds of Bolsheviks": a named group right after the number is what it counts.
        for i, actor in enumerate(sent.actors):
            gap = p.text[fig.end : actor.start]
            near = 0 <= actor.start - fig.end <= 16 and len(gap.split()) <= 2
            if near and not any(ch in gap for ch in ",;:.()"):
                # "hundreds of Bolsheviks and Dashnaks": the coordinated names are counted too.
                end = actor.end
                for other in sent.actors[i + 1 :]:
                    link = p.text[end : other.start].strip().casefold()
                    if link not in p.lex.coordinators:
                        break
                    end = other.end
                return {
                    "text": p.text[actor.start : end],
                    "name": actor.name,
                    "id": actor.actor_id,
                    "type": actor.type,
                    "start": actor.start,
                    "end": end,
                }
        if (
            head is not None
            and head.payload.kind == "measure"
            and (head.payload.value in _HARMED_MEASURES)
        ):
            predicate = _predicate_group(p, sent, head.end)
            if predicate is not None:
                return predicate
            # "1 000 morts", "187 погибших": where no group is named, the dead themselves are
            # who the figure counts, as the source names them.
            return {
                "text": head.text,
                "name": head.text,
                "id": None,
                "type": "counted",
                "start": head.start,
                "end": head.end,
                "measure_noun": True,
            }
        return None
    start = fig.end
    while start < head.start and p.text[start] in " \u00a0\n":
        start += 1
    # "408 eran bebés": the copula is not part of who is counted.
    while (word := _LEAD_WORD.match(p.text, start, head.start)) is not None and (
        word.group(1).casefold() in p.lex.roles.auxiliaries
    ):
        start = word.end()
    end = head.end
    # A people's name right after the noun belongs to it ("9 000 jeunes Arméniens").
    for actor in sent.actors:
        if (
            actor.type in GROUP_TYPES
            and actor.start > end
            and not p.text[end : actor.start].strip()
        ):
            end = actor.end
            break
    # "members of the Hema community": the genitive says who they are.
    if p.text[start:end].split()[-1:] and p.text[start:end].split()[-1].casefold() in (
        p.lex.roles.member_nouns
    ):
        end = _genitive_end(p, sent, end)
    # Coordinated nouns belong to the group ("men and boys", "femmes et enfants").
    more = p.lex.heads.find_all(p.text, end, min(sent.span.end, end + 24))
    if more and len(p.text[end : more[0].start].split()) <= 1 and more[0].payload.kind == "people":
        end = more[0].end
    named = any(
        a.type in ("ethnonym", "religious_group") and start <= a.start and a.end <= end
        for a in sent.actors
    )
    text = p.text[start:end]
    for prefix in p.lex.partitive:
        if text.lower().startswith(prefix + " "):
            text = text[len(prefix) + 1 :]
    return {
        "text": text,
        "name": text,
        "id": None,
        "type": "counted",
        "start": end - len(text),
        "end": end,
        **({"named": True} if named else {}),
    }


_CLAUSE_END = re.compile(r"[,;:.!?()\n]")
_PREDICATE_WORDS = 3
_COUNT_RUN = re.compile(r"\s*(\w+)\s+\d[\d\s.,'’]*\s+\w+\s*")


def _predicate_group(p: Parsed, sent: Sentence, head_end: int) -> dict[str, Any] | None:
    """ "79 погибших и 62 раненых - террористы", "40 dead were rebels": a group named after a
    copula at the end of the clause says who the counted dead were."""
    end = sent.span.end
    stop = _CLAUSE_END.search(p.text, head_end, end)
    end = stop.start() if stop is not None else end
    for cop in p.lex.roles.copulas.finditer(p.text, head_end, end):
        # Only further counts may stand between ("и 62 раненых").
        gap = p.text[head_end : cop.start]
        run = _COUNT_RUN.fullmatch(gap)
        if gap.strip() and (run is None or run.group(1).casefold() not in p.lex.coordinators):
            return None
        rest = p.text[cop.end : end]
        if not rest.strip() or len(rest.split()) > _PREDICATE_WORDS:
            return None
        groups = [(a.start, a.end) for a in sent.actors if a.type in GROUP_TYPES]
        hit = next(
            (
                h
                for h in p.lex.heads.finditer(p.text, cop.end, end)
                if h.payload.kind in ("people", "combatants")
            ),
            None,
        )
        span = (hit.start, hit.end) if hit is not None else None
        span = span or next(((a, b) for a, b in groups if cop.end <= a < end), None)
        if span is None:
            return None
        text = p.text[span[0] : span[1]]
        return {
            "text": text,
            "name": text,
            "id": None,
            "type": "counted",
            "start": span[0],
            "end": span[1],
        }
    return None


_MEMBER_OF_WORDS = 5
_LINK_WORD = re.compile(r"\s*(\w+)\s+")
_TOKEN = re.compile(r"[^\W_][\w'’-]*|[^\w\s]")


def _genitive_end(p: Parsed, sent: Sentence, end: int) -> int:
    """The end of a genitive after a noun ("of the Hema ethnic community"), up to a verb
    form, a coordination, a punctuation mark or five words."""
    link = _LINK_WORD.match(p.text, end, sent.span.end)
    if link is None or not p.lex.roles.genitive.fullmatch(link.group(1).casefold()):
        return end
    out, taken = end, 0
    # "members of the security forces also died": the genitive ends before the verb and its
    # adverbs.
    verbs = {
        t.start for t in sent.triggers if t.payload.measure not in ("combatants", "population")
    }
    for m in _TOKEN.finditer(p.text, link.end(), sent.span.end):
        low = m.group().casefold()
        if not m.group()[0].isalpha() or low in p.lex.roles.auxiliaries or m.start() in verbs:
            break
        if p.lex.scope.subgroup_markers.fullmatch(low):
            break
        if low in p.lex.coordinators or taken >= _MEMBER_OF_WORDS:
            break
        out, taken = m.end(), taken + 1
    return out if taken else end


def _carry_trigger(p: Parsed, sent: Sentence, previous: Sentence | None) -> list[Any]:
    """A sentence with numbers but no trigger may continue the previous sentence's topic
    ("The figures of victims differ. One source gives between 1.5 and 12 million people.")."""
    if sent.triggers or previous is None:
        return sent.triggers
    # A short value line continues the label line before it even across a blank line
    # (infoboxes: "Killed" / "from 9 to 30 thousand").
    short = sent.span.end - sent.span.start <= _SHORT_LINE and (
        previous.span.end - previous.span.start <= _SHORT_LINE
    )
    if previous.para != sent.para and not short:
        return sent.triggers
    # The carried triggers keep their offsets, so their distance includes the gap.
    return [t for t in previous.triggers if t.payload.measure != "combatants"]


def _gapped(p: Parsed, cue: Attribution, fig: NumberMention) -> Attribution | None:
    """ "X gives 1,200, Y about 300": after a comma, a new source right before the figure
    takes over the verb of the earlier one (gapping)."""
    between = p.text[cue.end : fig.start]
    comma = between.rfind(",")
    if comma < 0:
        return None
    start = cue.end + comma + 1
    phrase = p.text[start : fig.start].strip()
    words = phrase.split()
    if not words or len(words) > 6 or any(ch.isdigit() for ch in phrase):
        return None
    if words[-1].casefold() in p.lex.coordinators:
        return None  # "más de mil detenidos y cerca de 100": a list goes on, no new source
    if p.lex.measures.find_all(phrase) or p.lex.scope.locatives.fullmatch(words[0].casefold()):
        return None  # "по данным X, в Остерло погиб 41": a place and a verb, not a source
    # In capitals every word looks like a name: only a source noun says it is one.
    named = (
        not p.lex.capitalised_nouns and not phrase.isupper() and any(w[:1].isupper() for w in words)
    )
    if not named and not p.lex.source_nouns.find_all(phrase):
        return None
    offset = p.text.index(phrase, start)
    return Attribution(phrase, phrase, offset, offset + len(phrase), "gapping", False)


def _cut(p: Parsed, sent: Sentence) -> bool:
    """The segment ends without a sentence's closing mark: a hard-wrapped line cut before a
    number ("gave a figure of\n1,200"), not a sentence of its own."""
    return not p.text[sent.span.start : sent.span.end].rstrip().endswith(_SENTENCE_END)


def _carried_cue(
    p: Parsed, sent: Sentence, cues: list[Attribution]
) -> tuple[Attribution | None, bool]:
    """The previous sentence's cue that may speak for this one, and whether this sentence says
    it continues the report ("In total, ...").  Without such a word only a cue that frames
    its whole sentence ("According to X, ...", "По словам X, ...") carries on; a reporting
    verb's subject ("X said 20 died") speaks for its own clause unless a pronoun here takes
    it up."""
    if not cues:
        return None, False
    cue = cues[0]
    if _continues(p, sent):
        return cue, True
    if not cue.leading:
        return None, False
    if cue.kind != "verb":
        return cue, False
    # "X announced 3,500. Then they lowered it to 1,000": a pronoun carries the subject on.
    words = {w.casefold() for w in _WORDS.findall(p.text, sent.span.start, sent.span.end)}
    return (cue if words & p.lex.speaker_pronouns else None), False


def _same_report(claims: list[Claim], previous: Sentence | None, measure: Measure) -> bool:
    """A carried report goes on counting what it counted ("40 killed ... another 149
    killed"), or the harm after its baseline ("a population of 88,000 ... 29,000 victims");
    a count of another kind ("thousands fled", "90 families returned") is the document's own
    statement."""
    if previous is None:
        return False
    before = {c.measure for c in claims if previous.span.start <= c.start < previous.span.end}
    return (
        not before or measure.measure in before or (measure.measure in _HARM and not before & _HARM)
    )


def _continues(p: Parsed, sent: Sentence) -> bool:
    """The sentence opens by continuing the previous one's report ("In total, ...", "Of
    them, ...", "The same report ...")."""
    hits = p.lex.continuations.find_all(
        p.text, sent.span.start, min(sent.span.end, sent.span.start + 40)
    )
    return bool(hits) and hits[0].start == sent.span.start


def _attribute_back(p: Parsed, sent: Sentence, claims: list[Claim], previous: Sentence) -> None:
    """ "This, according to the committee, was the final count": a sentence opening with an
    anaphoric "that/cela/das" and a cue attributes the previous sentence's figures."""
    opening = p.lex.anaphora.find_all(
        p.text, sent.span.start, min(sent.span.end, sent.span.start + 24)
    )
    if not opening or opening[0].start != sent.span.start:
        return
    cue = sent.attributions[0]
    if cue.start - sent.span.start > 40:
        return
    for claim in claims:
        if previous.span.start <= claim.start < previous.span.end and claim.attribution is None:
            claim.attribution = cue.as_dict()
            claim.notes.append("attribution: from the next sentence, which refers back to it")


def _who_is_counted(p: Parsed, victims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Named groups over harm words: "12,000 deaths" among Muslims counts Muslims, and
    "detenidos" are no victims of the next count ("100 heridos"); where no group is named, the
    figure's own counted word ("1 000 morts") stays."""
    real = [v for v in victims if not v.get("measure_noun") and not _harm_word(p, v)]
    if real:
        return real
    own = [v for v in victims if v.get("measure_noun")]
    return own or victims


def _harm_word(p: Parsed, v: dict[str, Any]) -> bool:
    text = str(v.get("text") or "")
    return any(
        h.start == 0 and h.end == len(text) and h.payload.kind == "measure"
        for h in p.lex.heads.finditer(text)
    )


def build_figure_claims(p: Parsed, accounts: Accounts) -> list[Claim]:
    claims: list[Claim] = []
    ctx = Context(p)
    previous: Sentence | None = None
    chain: Attribution | None = None
    for sent in p.sentences:
        ctx.enter(sent.para)
        ctx.episode = opens_episode(p, sent)
        places = sentence_places(p, sent)
        carried: Attribution | None = None
        continued = False
        if previous is not None and previous.para == sent.para:
            # A sentence that took the cue on passes it to the next ("According to X, A. B.").
            cues = previous.attributions or ([chain] if chain is not None else [])
            if cues and _cut(p, previous):
                carried, continued = cues[-1], True  # one sentence cut by a line break
            elif not sent.attributions:
                carried, continued = _carried_cue(p, sent, cues)
        # A line cut inside a sentence ("In the next two villages,") passes the cue on.
        chain = carried if _cut(p, sent) else None
        quantities = [n for n in sent.numbers if n.role == "quantity"]
        groups = [(a.start, a.end) for a in sent.actors if a.type in GROUP_TYPES]
        starts = [n.start for n in quantities]
        first_start = quantities[0].start if quantities else sent.span.end
        triggers = _carry_trigger(p, sent, previous) if quantities else sent.triggers
        made: list[tuple[NumberMention, Claim]] = []
        last_measure: Measure | None = None
        for i, fig in enumerate(quantities):
            measure = list_measure(p, fig, decide(p.text, fig, sent.span, triggers, p.lex, groups))
            if measure is None and last_measure is not None and made:
                measure = _enumerated(p, sent, made[-1][0], fig, last_measure)
            elif _listed_troops(p, measure, last_measure, made[-1][0] if made else None, fig):
                # "among the dead were 11 soldiers and 4 policemen": the list goes on.
                assert last_measure is not None
                measure = _enumerated(p, sent, made[-1][0], fig, last_measure) or measure
            if measure is None:
                continue
            last_measure = measure
            claim = _claim(p, sent, fig, measure)
            prev = made[-1] if made else None
            subset = prev is not None and bool(
                p.lex.subset_markers.find_all(p.text, prev[0].end, fig.start)
            )
            nxt = quantities[i + 1].start if i + 1 < len(quantities) else sent.span.end
            choose_places(
                claim, fig, nxt, first_start, places, prev[1] if prev else None, subset, ctx
            )
            counted = (
                (_head_group(p, sent, fig) or list_label(p, fig))
                if measure.measure != "combatants"
                else None
            )
            own_group = accounts.clause_victims(sent, fig.start)
            weak = counted is None or bool(counted.get("measure_noun"))
            people = [v for v in prev[1].victims if not v.get("measure_noun")] if prev else []
            if prev is not None and weak and people and (subset or not own_group):
                # "Three of the raiders were killed, with about 20 wounded": the next count
                # of the sentence counts the same people.
                shared = [v for v in prev[1].victims if not v.get("measure_noun")]
                claim.victims = dedupe([*shared, *([counted] if counted else [])])
            elif measure.measure != "combatants":
                claim.victims, vnote = accounts.victims(sent, fig.start, counted)
                if vnote:
                    claim.notes.append(vnote)
            claim.victims = _who_is_counted(p, claim.victims)
            perps, note = accounts.perpetrators(
                sent,
                fig.start,
                measure.measure,
                claim.victims,
                measure.cue_start,
                claim.time,
                claim.places,
            )
            if subset and not perps and prev is not None and prev[1].measure == claim.measure:
                # "1,000 killed by X, including 17 unborn": a part has the whole's doers.
                perps = [dict(a) for a in prev[1].perpetrators]
                note = "perpetrators: those of the count it is a part of" if perps else None
            claim.perpetrators = perps
            if note:
                claim.notes.append(note)
            attribution = scope_of(fig.start, sent.attributions, p.text, sent.span, starts)
            if attribution is not None and attribution.end <= fig.start:
                attribution = _gapped(p, attribution, fig) or attribution
            if attribution is not None:
                claim.attribution = attribution.as_dict()
            elif carried is not None and (continued or _same_report(claims, previous, measure)):
                chain = carried
                claim.attribution = Attribution(
                    carried.speaker,
                    carried.text,
                    carried.start,
                    carried.end,
                    carried.kind,
                    carried.leading,
                    carried=True,
                ).as_dict()
            claim.framing_own_voice = own_voice_framing(p, sent, claim)
            made.append((fig, claim))
            claims.append(claim)
        for earlier, later in change_pairs(p, sent, [c for _, c in made]):
            # "elevó de 9 a 13 el número de personas asesinadas en X": one count at two
            # times, with the later one's place and source.
            shared = later.places or earlier.places
            earlier.places = [dict(pl) for pl in shared]
            later.places = [dict(pl) for pl in shared]
            if earlier.attribution is None and later.attribution is not None:
                earlier.attribution = dict(later.attribution)
        if not quantities and previous is not None and sent.attributions:
            _attribute_back(p, sent, claims, previous)
        ctx.learn(places)
        previous = sent
    return claims


def _listed_troops(
    p: Parsed,
    measure: Measure | None,
    last: Measure | None,
    prev: NumberMention | None,
    fig: NumberMention,
) -> bool:
    """A troop noun right after a count of harmed troops and "and" ("11 soldiers and 4
    policemen"): the second count is the same list's, not troop strength."""
    if measure is None or last is None or prev is None:
        return False
    if measure.measure != "combatants" or measure.basis != "head":
        return False
    if last.measure not in _HARMED_MEASURES:
        return False
    words = p.text[prev.end : fig.start].casefold().split()
    return 1 < len(words) <= 4 and words[-1] in p.lex.coordinators


def _enumerated(
    p: Parsed, sent: Sentence, prev: NumberMention, fig: NumberMention, measure: Measure
) -> Measure | None:
    """An item of an enumeration ("900 people in Osterlo, 400 people in Brisk, ...") counts
    what the previous item counted when it counts the same kind of noun."""
    if ";" in p.text[prev.end : fig.start]:
        return None
    groups = [(a.start, a.end) for a in sent.actors if a.type in GROUP_TYPES]
    before = head_noun(p.text, prev, sent.span, p.lex, groups)
    here = head_noun(p.text, fig, sent.span, p.lex, groups)
    if before is None or here is None or before.payload != here.payload:
        return None
    return replace(measure, basis="enumeration")


_QUOTES = re.compile(r"[“«„\"][^“”«»„\"]*[”»\"]")


def own_voice_framing(p: Parsed, sent: Sentence, claim: Claim) -> list[str]:
    """Loaded terms outside quotation marks in a claim the document makes in its own voice."""
    if claim.attribution is not None:
        return []
    quoted = [
        (m.start(), m.end()) for m in _QUOTES.finditer(p.text, sent.span.start, sent.span.end)
    ]
    hits = p.lex.framing.finditer(p.text, sent.span.start, sent.span.end)
    return sorted({h.payload for h in hits if not any(a <= h.start < b for a, b in quoted)})


def new_claim(p: Parsed, sent: Sentence, kind: str, start: int, end: int) -> Claim:
    """A claim of this document with its evidence sentence and framing flags filled in."""
    claim = Claim(
        doc_id=p.doc_id,
        doc_path=p.path,
        doc_lang=p.lang,
        doc_date=p.date,
        kind=kind,
        start=start,
        end=end,
    )
    claim.evidence = {
        "start": sent.span.start,
        "end": sent.span.end,
        "quote": p.text[sent.span.start : sent.span.end],
    }
    claim.framing = sorted(
        {h.payload for h in p.lex.framing.finditer(p.text, sent.span.start, sent.span.end)}
    )
    return claim


def _claim(p: Parsed, sent: Sentence, fig: NumberMention, m: Measure) -> Claim:
    claim = new_claim(p, sent, "figure", fig.start, fig.end)
    claim.event_type, claim.measure, claim.unit = m.event_type, m.measure, m.unit
    claim.value = {
        "low": fig.low,
        "high": fig.high,
        "qualifier": fig.qualifier,
        "text": fig.text,
        "start": fig.start,
        "end": fig.end,
    }
    own_only = m.measure in OWN_TIME_ONLY and not (
        m.basis == "trigger" and p.lex.narrative_cues.fullmatch(m.cue_text)
    )
    explicit = _explicit_time(p, sent, fig, own_clause=own_only)
    if explicit is not None:
        claim.time = time_dict(explicit)
    elif not own_only and sent.context_time is not None:
        claim.time = time_dict(sent.context_time, "context")
        if claim.time is not None:
            claim.notes.append("time: narrative time carried from earlier sentences")
    elif not own_only and (lede := lede_time_for(p, sent, fig.end)):
        # A lede often gives its figure before the time of the act ("... claimed 300 lives,
        # an official said. The toll of last Thursday's massacre ..."): nothing earlier
        # dates this figure, so the act the lede goes on to date does.
        claim.time = time_dict(lede, "lede")
        if claim.time is not None:
            claim.notes.append("time: the lede's time of the act, given after the figure")
    claim.notes.append(
        f"measure: {m.basis} '{m.cue_text}'" if m.cue_text else f"measure: {m.basis}"
    )
    if fig.irregular:
        claim.notes.append(f"value: {fig.irregular}")
    confidence = 0.4
    if m.basis in ("link", "head") or m.cost < 40:
        confidence += 0.3
    elif m.cost < 100:
        confidence += 0.15
    if explicit is not None:
        confidence += 0.1
    claim.confidence = min(confidence + 0.1, 0.95)
    return claim
