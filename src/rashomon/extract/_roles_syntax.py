"""Syntax for the roles stage: noun phrases, clauses, candidates and the tests that tell an
agent from a victim, a source or a bystander (used by :mod:`rashomon.extract.roles`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rashomon.extract._case import in_caps_run
from rashomon.extract._dateline import inside
from rashomon.extract._roles_model import Role
from rashomon.extract.actors import ActorMention
from rashomon.extract.lexicon import Hit
from rashomon.extract.pipeline import GROUP_TYPES, Parsed, Sentence

HARM_TYPES = frozenset(
    {"killing", "injury", "displacement", "detention", "destruction", "looting", "attack"}
)
#: Measures that count no harm done by anyone: baselines and strengths.
NO_PERPETRATOR = frozenset({"population", "combatants", "returned"})

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_STRONG_BREAK = re.compile(r"[;:()\[\]]|\s[—–-]\s")
#: An acronym in brackets ("the White River Alliance (WRA) attacked"): the clause goes on
#: across it.
_ASIDE = re.compile(r"\([A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ0-9.&-]{1,7}\)")
_MARKER_REACH = 60  # chars from a harm word to the agent marker after it
_AGENT_GAP_WORDS = 3  # words between a marker and the candidate ("by the rival ...")
_SUBJECT_REACH = 140  # chars from a subject candidate to its verb
_INSTRUMENTAL = ("ами", "ями", "ом", "ём", "ией", "ой", "ей")
#: Candidate types that can be a doer by position alone (a subject, an instrumental): named
#: organisations, states, persons and phrases headed by a doer noun.  A people's name or a
#: group of people ("Armenians", "villagers") is a doer only where an agent marker says so.
AGENT_TYPES = frozenset({"group_np", "armed_group", "army", "state", "org", "person", "name"})


# --------------------------------------------------------------------------- candidates


def clause_bounds(p: Parsed, sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause holding ``pos``: between strong breaks (; : brackets, dashes, newlines)."""
    start, end = sent.span.start, sent.span.end
    asides = [
        (m.start(), m.end())
        for m in _ASIDE.finditer(p.text, sent.span.start, sent.span.end)
        if not (m.start() < pos < m.end())
    ]
    for m in _STRONG_BREAK.finditer(p.text, sent.span.start, sent.span.end):
        if any(a <= m.start() < b for a, b in asides):
            continue  # "the White River Alliance (WRA) attacked": an aside, not a clause
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _modifier(p: Parsed, word: re.Match[str], actors: list[ActorMention]) -> bool:
    """A word that can qualify a doer noun: a name, a group word from the actor table, a
    doer modifier ("armed", "rebel"), or any other content word that is no verb, no
    function word and no harm word ("the fearsome Ugandan rebel group")."""
    roles = p.lex.roles
    text = word.group()
    low = text.casefold()
    if low in roles.function_words or low in p.lex.calendar_words or len(low) < 3:
        return False
    if any(a.start <= word.start() < a.end for a in actors) or roles.modifiers.fullmatch(low):
        return True
    if roles.agent_nouns.fullmatch(low):
        return True
    if roles.verb_ending is not None and roles.verb_ending.search(low):
        return False
    if roles.support_verbs.fullmatch(low) or roles.act_links.fullmatch(low):
        return False  # "l'armée exerce une répression", "учинённой бандой": a verb form
    return not (roles.acts.fullmatch(low) or p.lex.measures.fullmatch(low))


def _np_start(p: Parsed, head_start: int, limit: int, actors: list[ActorMention]) -> int:
    """Extend a noun phrase left over its modifiers ("Serbian troops", "the rival Lendu
    militia"), never over a verb, a function word, a number or punctuation."""
    start = head_start
    words = list(_WORD.finditer(p.text, max(limit, head_start - 80), head_start))
    taken = 0
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if taken >= 3 or p.text[w.end() : start].strip(" \u00a0"):
            break
        if w.group().casefold() in p.lex.coordinators and taken and i > 0:
            # Coordinated modifiers: "турецкими и азербайджанскими войсками".
            if not _modifier(p, words[i - 1], actors):
                break
            continue
        if not _modifier(p, w, actors):
            break
        start = w.start()
        taken += 1
    return start


def _np_end(p: Parsed, head_end: int, limit: int, actors: list[ActorMention]) -> int:
    """Extend right over adjectives where they follow the noun ("soldats serbes", "tropas
    serbias"), then over a genitive naming who the group belongs to ("forces of General X",
    "fuerzas del general Ratko Mladic", "soldats de l'armée impériale japonaise")."""
    end = head_end
    if p.lex.roles.adjectives_follow:
        for w in list(_WORD.finditer(p.text, head_end, min(limit, head_end + 60)))[:2]:
            if p.text[end : w.start()].strip(" \u00a0") or not _modifier(p, w, actors):
                break
            end = w.end()
    links = p.lex.roles.genitive.find_all(p.text, end, min(limit, end + 8))
    if not links or p.text[end : links[0].start].strip():
        return end
    after = links[0].end
    for a in actors:
        if after <= a.start <= after + 12 and not p.text[after : a.start].strip(" '’"):
            return a.end
    caps = re.compile(r"\s*(?:[\w'’]+\s+)?((?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+\s?){1,4})")
    m = caps.match(p.text, after, limit)
    if m and m.group(1).strip():
        # In capitals every word looks like a name: the run stops at a verb or a function
        # word ("FUERZAS DEL GENERAL RATKO MLADIC EJECUTARON").
        stop = after
        for i, w in enumerate(_WORD.finditer(p.text, after, m.end(1))):
            low = w.group().casefold()
            roles = p.lex.roles
            if i == 0 and low in roles.determiners:
                continue  # "of *the* Lendu"
            if (
                low in roles.function_words
                or low in p.lex.coordinators
                or roles.acts.fullmatch(low)
                or roles.support_verbs.fullmatch(low)
                or roles.active_verbs.fullmatch(low)
            ):
                break
            stop = w.end()
        if stop > after:
            return stop
    return end


def candidates(p: Parsed, sent: Sentence) -> list[Role]:
    """Possible doers in a sentence: actor-table names and agent-noun phrases, merged."""
    lo, hi = sent.span.start, sent.span.end
    out: list[Role] = []
    for hit in p.lex.roles.agent_nouns.finditer(p.text, lo, hi):
        if inside(p.datelines, hit.start, hit.end):
            continue
        start = _np_start(p, hit.start, lo, sent.actors)
        end = _np_end(p, hit.end, hi, sent.actors)
        inner = [a for a in sent.actors if start <= a.start and a.end <= end]
        armed = next((a for a in inner if a.type not in GROUP_TYPES), None)
        text = p.text[start:end]
        out.append(
            Role(
                start,
                end,
                text,
                armed.name if armed else text,
                armed.actor_id if armed else None,
                armed.type if armed else "group_np",
                "sentence",
            )
        )
    for a in sent.actors:
        if any(r.start <= a.start and a.end <= r.end for r in out):
            continue
        out.append(Role(a.start, a.end, a.text, a.name, a.actor_id, a.type, "sentence"))
    for hit in p.lex.roles.pronouns.finditer(p.text, lo, hi):
        out.append(Role(hit.start, hit.end, hit.text, hit.text, None, "pronoun", "sentence"))
    out.sort(key=lambda r: (r.start, -r.end))
    merged: list[Role] = []
    for r in out:
        if merged and r.start < merged[-1].end:
            continue
        merged.append(r)
    return merged


def governed(p: Parsed, r: Role, limit: int) -> str | None:
    """The preposition governing a candidate ("by", "against", "in"...), if any."""
    before = p.text[max(limit, r.start - 40) : r.start]
    for matcher, kind in (
        (p.lex.agent_markers, "agent"),
        (p.lex.victim_markers, "victim"),
        (p.lex.roles.prepositions, "other"),
    ):
        hits = matcher.find_all(before)
        if hits:
            last = hits[-1]
            gap = before[last.end :]
            words = _WORD.findall(gap)
            if not re.search(r"[,;:()]", gap) and all(
                w.casefold() in p.lex.determiners_only for w in words
            ):
                return kind
    return None


# --------------------------------------------------------------------------- statements


def _is_passive(p: Parsed, trig: Hit[Any], lo: int) -> bool:
    """A passive auxiliary governs the verb: right before it, anywhere before it in its
    clause where the participle comes last (German "wurden ... ermordet"), or right after it
    at the end of a verb-final clause ("... ermordet wurden")."""
    words = [w.casefold() for w in _WORD.findall(p.text[lo : trig.start])]
    if not p.lex.roles.agent_before_participle:
        words = words[-3:]
    else:
        # A verb-final subordinate clause puts the auxiliary after the participle: "als
        # die Einwohner von X massakriert wurden".
        after = _WORD.search(p.text, trig.end, min(len(p.text), trig.end + 20))
        if (
            after is not None
            and not p.text[trig.end : after.start()].strip()
            and after.group().casefold().rstrip(".") in p.lex.passive_aux
        ):
            return True
    # The auxiliary nearest the participle governs it: "waren einmarschiert und hatten ...
    # getötet" is an active perfect.
    for w in reversed(words):
        if w in p.lex.passive_aux:
            return True
        if w in p.lex.roles.perfect_aux:
            return False
    return False


def _attributed(sent: Sentence, r: Role) -> bool:
    return any(a.start <= r.start < a.end or r.start <= a.start < r.end for a in sent.attributions)


def _denied(p: Parsed, clause: tuple[int, int], pos: int) -> bool:
    """The act is inside a denial ("he denied security forces had killed"): not a statement
    of the document's, nor of anyone's, about who did it."""
    return bool(p.lex.roles.denials.find_all(p.text, clause[0], pos))


def _proper_subjects(p: Parsed, sent: Sentence, cands: list[Role]) -> list[Role]:
    """Names that can only be read as doers when they are the subject of a harm verb: an
    acronym ("LRA") or a capitalised name inside the sentence, not a place, a month, a known
    candidate or the sentence's first word."""
    out = []
    attributed = [(a.start, a.end) for a in sent.attributions]
    for m in re.finditer(
        r"(?<![\w'’])(?:[A-ZА-ЯЁ]{2,6}|[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+){1,3})(?![\w'’])",
        p.text[sent.span.start : sent.span.end],
    ):
        start, end = sent.span.start + m.start(), sent.span.start + m.end()
        low = m.group().casefold()
        if (
            # Written in capitals, every word looks like a name: no evidence of one.
            in_caps_run(p.text, start, end)
            or (start == sent.span.start and not m.group().isupper())
            or low in p.lex.calendar_words
            or low in p.lex.roles.function_words
            or any(c.start < end and start < c.end for c in cands)
            or any(pl.start < end and start < pl.end for pl in sent.places)
            or any(t.start < end and start < t.end for t in sent.times)
            or any(a <= start < b for a, b in attributed)
            or inside(p.datelines, start, end)  # the agency that filed the report
        ):
            continue
        out.append(Role(start, end, m.group(), m.group(), None, "name", "sentence"))
    return out


def _marker_owner(p: Parsed, gap: str) -> bool:
    """The words between an act and an agent marker hold another verb that owns the marker
    ("the massacres left scars, later framed by X")."""
    roles = p.lex.roles
    for w in _WORD.findall(gap):
        low = w.casefold()
        if roles.act_links.fullmatch(low):
            continue  # "le génocide commis par X": the participle links the act to its doer
        if roles.active_verbs.fullmatch(low) or (
            roles.verb_ending is not None
            and roles.verb_ending.search(low)
            and not roles.modifiers.fullmatch(low)
        ):
            return True
    return False


def _compound_modifier(p: Parsed, r: Role) -> bool:
    """ "UN-administered", "Serb-held": a name fused to a participle qualifies a noun."""
    if p.text[r.end : r.end + 1] not in "-\u2010\u2011":
        return False
    after = re.match(r"[^\W\d_]+", p.text[r.end + 1 : r.end + 40])
    # In capitals the case of the second part says nothing: "UN-ADMINISTERED" still is one.
    return after is not None and (
        after.group().islower() or in_caps_run(p.text, r.start, r.end + 1 + after.end())
    )


def _counted_word(p: Parsed, sent: Sentence, verb: Hit[Any]) -> bool:
    """A participle right after a number is the counted noun ("20 000 blessés", "79
    погибших", "deux autres blessés"), not a verb."""
    for n in sent.numbers:
        if n.role != "quantity" or n.end > verb.start:
            continue
        gap = p.text[n.end : verb.start].casefold()
        if len(gap) <= 2 or gap.strip() in p.lex.roles.count_fillers:
            return True
    return False


def _after_auxiliary(p: Parsed, r: Role) -> bool:
    """ "qui s'étaient réfugiés": a group word right after an auxiliary is a participle."""
    words = _WORD.findall(p.text[max(0, r.start - 20) : r.start])
    return bool(words) and words[-1].casefold().split("'")[-1].split("’")[-1] in (
        p.lex.roles.auxiliaries
    )


def _after_quantity(p: Parsed, pos: int) -> bool:
    from rashomon.extract.numbers import find_numbers

    before = p.text[max(0, pos - 30) : pos].rstrip()
    return any(n.end == len(before) for n in find_numbers(before, p.lex.lang))


def _reduced_relative(p: Parsed, verb: Hit[Any], limit: int) -> bool:
    """An English participle right before a preposition ("people injured in the attack") is
    no active predicate: an active harm verb takes its object next."""
    regex = p.lex.roles.participle
    if regex is None or not regex.search(verb.text.casefold()):
        return False
    from rashomon.extract.numbers import find_numbers

    rest = p.text[verb.end : min(limit, verb.end + 40)]
    counts = [n for n in find_numbers(rest, p.lex.lang) if n.role == "quantity"]
    if counts and not rest[: counts[0].start].strip():
        return False  # "killed at least 107": the count is the object
    nxt = _WORD.search(p.text, verb.end, limit)
    return (
        nxt is None
        or bool(p.lex.roles.prepositions.fullmatch(nxt.group().casefold()))
        or (bool(re.match(r"\s*[,;:.)]", p.text[verb.end : verb.end + 3])))
    )


def _verb_uses(p: Parsed, sent: Sentence, acts: list[Hit[Any]]) -> list[Hit[Any]]:
    """Act words used as verbs: an ambiguous form with a count right after it, and support
    verbs whose object, within four words, is an act noun."""
    from rashomon.extract.numbers import find_numbers

    out: list[Hit[Any]] = []
    lo, hi = sent.span.start, sent.span.end
    for h in p.lex.roles.ambiguous_verbs.finditer(p.text, lo, hi):
        rest = p.text[h.end : min(hi, h.end + 40)]
        nums = find_numbers(rest, p.lex.lang)
        if nums and not rest[: nums[0].start].strip() and nums[0].role == "quantity":
            out.append(h)
    for h in p.lex.roles.support_verbs.finditer(p.text, lo, hi):
        nxt = [a for a in acts if a.start >= h.end]
        if (
            nxt
            and len(_WORD.findall(p.text[h.end : nxt[0].start])) <= 4
            and not re.search(r"[,;:.]", p.text[h.end : nxt[0].start])
        ):
            out.append(h)
    return out


def _leads_to(p: Parsed, gap: str) -> bool:
    """Between a marker and a candidate: only determiners, doer modifiers or a quantity
    ("by the rival", "par plusieurs centaines de"); a name or a bracket in between means the
    marker governs something else ("Massaker von Nanking (chinesisch ...)")."""
    if re.search(r"[,;:.()\[\]]", gap) or len(_WORD.findall(gap)) > _AGENT_GAP_WORDS:
        return False
    from rashomon.extract.numbers import find_numbers

    covered = [(n.start, n.end) for n in find_numbers(gap, p.lex.lang)]
    for w in _WORD.finditer(gap):
        low = w.group().casefold()
        if (
            low in p.lex.roles.determiners
            or p.lex.roles.genitive.fullmatch(low)
            or p.lex.roles.modifiers.fullmatch(low)
            or any(a <= w.start() < b for a, b in covered)
        ):
            continue
        return False
    return True


def _only_quantities(p: Parsed, gap: str) -> bool:
    """Nothing but determiners, genitive links and a quantity ("miles de", "thousands of")."""
    from rashomon.extract.numbers import find_numbers

    if re.search(r"[,;:.]", gap):
        return False
    covered = [(n.start, n.end) for n in find_numbers(gap, p.lex.lang)]
    for w in _WORD.finditer(gap):
        low = w.group().casefold()
        if low in p.lex.roles.determiners or p.lex.roles.genitive.fullmatch(low):
            continue
        if not any(a <= w.start() < b for a, b in covered):
            return False
    return len(_WORD.findall(gap)) <= 4


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


def _bounds(sent: Sentence) -> tuple[int, int]:
    return sent.span.start, sent.span.end


def _victims(
    p: Parsed, sent: Sentence, cands: list[Role], agents: list[Role]
) -> dict[tuple[int, int], list[Role]]:
    """The groups a sentence names as harmed, by clause: governed by a victim marker
    ("against X"), the object of a harm word ("massacred Armenians", "massacre des
    Arméniens", "убийство армян"), or the subject of a passive act or of a verb of suffering
    ("Armenians were massacred", "Muslims died").  Doers, speakers and groups that only
    qualify another noun ("Chinese historiography") are not victims."""
    # A group right after a number is what that number counts: it is that figure's own
    # ("26 muertos, más de mil detenidos": the detained are no victims of the 26).
    groups = [
        r
        for r in cands
        if r.type in GROUP_TYPES
        and not any(a.start <= r.start < a.end for a in agents)
        and not _attributed(sent, r)
        and not _counted_here(p, sent, r)
        and not _after_auxiliary(p, r)
    ]
    if not groups:
        return {}
    spans = [(t.start, t.end) for t in sent.triggers if t.payload.event_type in HARM_TYPES]
    spans += [(h.start, h.end) for h in p.lex.roles.acts.find_all(p.text, *_bounds(sent))]
    harm = [_Span(a, b) for a, b in sorted(set(spans))]
    out: dict[tuple[int, int], list[Role]] = {}
    for r in groups:
        clause = clause_bounds(p, sent, r.start)
        kind = governed(p, r, clause[0])
        near = [t for t in harm if clause[0] <= t.start < clause[1]]
        if kind == "victim":
            out.setdefault(clause, []).append(r)
            continue
        if (kind is not None and kind != "other") or not near:
            continue
        after = [t for t in near if t.end <= r.start]
        before = [t for t in near if t.start >= r.end]
        if after:
            gap = p.text[after[-1].end : r.start]
            words = [w.casefold() for w in _WORD.findall(gap)]
            if (
                len(words) <= 3
                and not re.search(r"[,;:.]", gap)
                and all(
                    w in p.lex.roles.determiners
                    or p.lex.roles.genitive.fullmatch(w)
                    or p.lex.roles.genitive.fullmatch(_unelided(w))
                    or p.lex.roles.prepositions.fullmatch(w)
                    for w in words
                )
            ):
                out.setdefault(clause, []).append(r)
                continue
        if before and kind is None:
            gap = p.text[r.end : before[0].start]
            if len(_WORD.findall(gap)) <= 4 and not re.search(r"[,;:]", gap):
                out.setdefault(clause, []).append(r)
    return out


def _unelided(word: str) -> str:
    """An elided article or preposition in full ("d'" is "de", "l'" is "le"): a phrase
    matcher does not see a word that ends in an apostrophe."""
    return word[:-1] + "e" if word[-1:] in "'’" else word


def is_anaphoric(p: Parsed, r: Role) -> bool:
    """A pronoun or a definite anaphoric noun ("the criminals"): it refers back."""
    if r.type == "pronoun":
        return True
    words = r.text.casefold().split()
    return len(words) >= 1 and words[-1] in p.lex.roles.anaphoric_nouns


def _after_preposition(p: Parsed, verb: Hit[Any], lo: int) -> bool:
    words = _WORD.findall(p.text[max(lo, verb.start - 30) : verb.start])
    return bool(words) and (
        bool(p.lex.roles.prepositions.fullmatch(words[-1].casefold()))
        or words[-1].casefold() in p.lex.roles.determiners
    )


def _instrumental(text: str) -> bool:
    words = _WORD.findall(text.casefold())
    return bool(words) and words[-1].endswith(_INSTRUMENTAL)


def _coordinated(p: Parsed, first: Role, cands: list[Role], clause: tuple[int, int]) -> list[Role]:
    """The doer and those coordinated with it after it ("X and their local allies"), or
    the head its possessor names ("Enver Paschas Islamarmee")."""
    out = [first]
    last = first
    for r in cands:
        if r.start < last.end or r.start >= clause[1]:
            continue
        gap = p.text[last.end : r.start]
        # A possessor right before its head ("Enver Paschas Islamarmee") is one doer.
        if gap.strip(" \u00a0") and not _coordination(p, gap):
            break
        out.append(r)
        last = r
    return out


def _coordinated_before(
    p: Parsed, subject: Role, cands: list[Role], clause: tuple[int, int]
) -> list[Role]:
    """The subject and those coordinated before it ("the Dashnaks and Bolsheviks killed")."""
    out = [subject]
    first = subject
    for r in reversed(cands):
        if r.end > first.start or r.start < clause[0]:
            continue
        if not _coordination(p, p.text[r.end : first.start]) or governed(p, r, clause[0]):
            break
        out.insert(0, r)
        first = r
    return out


def _coordination(p: Parsed, gap: str) -> bool:
    words = [w.casefold() for w in _WORD.findall(gap)]
    if re.search(r"[;:.]", gap) or not words or len(words) > 4:
        return False
    return words[0] in p.lex.coordinators and all(
        w in p.lex.roles.determiners or w in p.lex.coordinators for w in words
    )


def _subject(
    p: Parsed, sent: Sentence, verb: Hit[Any], cands: list[Role], clause: tuple[int, int]
) -> Role | None:
    """The subject of an active harm verb.  In the verb's own comma segment, the nearest doer
    before it that no preposition governs and no other clause separates from it; when that
    segment names none ("X, a rebel group, massacred"; "..., killing 40"), the first such doer
    of the clause."""
    if not p.lex.subject_before_verb and not p.lex.roles.agent_before_participle:
        return None
    before = [r for r in cands if clause[0] <= r.start and r.end <= verb.start]
    if p.lex.roles.agent_before_participle:
        # Verb-final clauses put the object right before the verb: the subject is the first
        # doer of the clause, and only a doer noun or a name can be it.
        return next(
            (
                r
                for r in before
                if (r.type in AGENT_TYPES or r.type == "pronoun")
                and governed(p, r, clause[0]) is None
                and not _counted_here(p, sent, r)
            ),
            None,
        )
    segment = p.text.rfind(",", clause[0], verb.start) + 1 or clause[0]
    own = [r for r in before if r.start >= segment and verb.start - r.end <= _SUBJECT_REACH]
    for r in reversed(own):
        between = p.text[r.end : verb.start]
        if p.lex.roles.clause_words.find_all(between) or p.lex.cues.find_all(between):
            return None
        if governed(p, r, clause[0]) is None and not _counted_here(p, sent, r):
            return r
        if _absolute(p, r, verb):
            return r
        if own:
            return None
    for r in before:
        if r.start >= segment:
            break
        if governed(p, r, clause[0]) is None and not _counted_here(p, sent, r):
            between = p.text[r.end : verb.start]
            if p.lex.roles.clause_words.find_all(between) or p.lex.cues.find_all(between):
                return None
            return r
    return None


def _absolute(p: Parsed, r: Role, verb: Hit[Any]) -> bool:
    """The absolute construction "with Dashnak units conducting killings": the phrase after
    "with" is the subject of the gerund right after it, though a preposition governs it."""
    roles = p.lex.roles
    if roles.gerund is None or p.text[r.end : verb.start].strip(" \u00a0"):
        return False
    if not roles.gerund.search(verb.text.split()[0].casefold()):
        return False
    before = _WORD.findall(p.text[max(0, r.start - 30) : r.start])
    while before and before[-1].casefold() in p.lex.determiners_only:
        before.pop()
    return bool(before) and before[-1].casefold() in roles.absolute


def _counted_here(p: Parsed, sent: Sentence, r: Role) -> bool:
    """A group right after a number is what the number counts ("200 Armenians"), also when
    the number opens the group's phrase ("killed three policemen and wounded 15")."""
    for n in sent.numbers:
        if n.role == "quantity" and r.start <= n.start and n.end <= r.end:
            return True
        gap = p.text[n.end : r.start]
        if n.role != "quantity" or not 0 <= r.start - n.end <= 40 or re.search(r"[,;:.]", gap):
            continue
        # "408 eran bebés y niños": a group coordinated in the counted noun phrase.
        if len(gap) <= 12 or all(_np_word(p, w.casefold()) for w in _WORD.findall(gap)):
            return True
    return False


def _np_word(p: Parsed, word: str) -> bool:
    """A word of a counted noun phrase: a copula, determiner, coordinator or people noun."""
    roles = p.lex.roles
    if word in roles.auxiliaries or word in roles.determiners or word in p.lex.coordinators:
        return True
    heads = p.lex.heads.find_all(word)
    return roles.copulas.fullmatch(word) or any(h.payload.kind == "people" for h in heads)
