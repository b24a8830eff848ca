"""Who did it: the perpetrators a document names for the harm a figure counts, precision first.

A wrong perpetrator is worse than none (DESIGN.md §3), so a group becomes a perpetrator only
through syntax that makes it the doer of a harmful act:

* the agent of a passive or of a harm noun: "killed by X", "massacres commis par X",
  "von X getötet", "asesinados por X", "со стороны X", or a Russian instrumental after a
  passive participle ("убиты боевиками");
* the subject of an active harm verb in the same clause: "X massacred 200", "X ont tué",
  "las fuerzas de X ejecutaron a miles"; a subject pronoun ("they", "ils", "sie") stands for
  the perpetrators of the account the text is telling;
* a "Perpetrators" row of an infobox ("Perpetrators | X", "Täter X").

Never a perpetrator: a group in a victim position ("against X", the counted group), anything
inside an attribution (the source of a figure), a group governed by another preposition ("in
the hands of", "with", "under"), a group in another clause for another act.  Candidates are
names from the actor table and noun phrases headed by agent nouns ("attackers", "troops",
"the rebels", "soldats"), so a clause fragment never becomes a perpetrator.

The statements found here are also the context that later figures inherit (``basis:
context``) when the text continues the same account: see :mod:`rashomon.extract._roles_context`.
"""

from __future__ import annotations

import re
from typing import Any

from rashomon.extract._roles_model import Role, Statement
from rashomon.extract._roles_syntax import (
    _MARKER_REACH,
    _WORD,
    AGENT_TYPES,
    HARM_TYPES,
    _after_preposition,
    _after_quantity,
    _attributed,
    _compound_modifier,
    _coordinated,
    _coordinated_before,
    _counted_word,
    _denied,
    _instrumental,
    _is_passive,
    _leads_to,
    _marker_owner,
    _only_quantities,
    _proper_subjects,
    _reduced_relative,
    _subject,
    _verb_uses,
    _victims,
    candidates,
    clause_bounds,
    governed,
    is_anaphoric,
)
from rashomon.extract.lexicon import Hit
from rashomon.extract.pipeline import Parsed, Sentence

#: Harm that has a doer: counting these acts can name who did them.


def _agent_follows(p: Parsed, verb: Hit[Any]) -> bool:
    """An agent marker right after the verb makes it a passive participle ("patients
    wounded by gunfire", "des patients blessés par balle"): the noun before it is harmed."""
    marker = p.lex.agent_markers.finditer(p.text, verb.end, verb.end + 30)
    first = next(iter(marker), None)
    return first is not None and not p.text[verb.end : first.start].strip()


def sentence_statements(p: Parsed, sent: Sentence) -> list[Statement]:
    """Every harm act in the sentence whose doer the syntax names, grouped by clause."""
    acts = p.lex.roles.acts.find_all(p.text, sent.span.start, sent.span.end)
    verbs = p.lex.roles.active_verbs.find_all(p.text, sent.span.start, sent.span.end)
    # A marker of several words names a doer after any harm ("died at the hands of the
    # police", "murieron a manos de"); "by" alone only after an act ("died by drowning").
    suffered = [t for t in sent.triggers if t.payload.event_type in HARM_TYPES]
    if not (acts or verbs or suffered):
        return []  # no harm in the sentence: nobody to name as its doer
    cands = [
        r
        for r in candidates(p, sent)
        if not _attributed(sent, r) and not _compound_modifier(p, r) and not _negated(p, r)
    ]
    found: dict[tuple[int, int], list[Role]] = {}
    bound: dict[tuple[int, int], list[tuple[int, int]]] = {}
    per_act: dict[tuple[int, int], dict[tuple[int, int], list[Role]]] = {}

    def add(clause: tuple[int, int], act: Hit[Any], roles: list[Role]) -> None:
        if roles:
            found.setdefault(clause, []).extend(roles)
            bound.setdefault(clause, []).append((act.start, act.end))
            doers = per_act.setdefault(clause, {}).setdefault((act.start, act.end), [])
            doers.extend(r for r in roles if r not in doers)

    for trig in suffered:
        clause = clause_bounds(p, sent, trig.start)
        for marker in p.lex.agent_markers.finditer(p.text, trig.end, clause[1]):
            if (
                len(marker.text.split()) < 2
                or len(_WORD.findall(p.text[trig.end : marker.start])) > 4
            ):
                continue
            agent = next(
                (
                    r
                    for r in cands
                    if r.start >= marker.end
                    and r.type in AGENT_TYPES
                    and _leads_to(p, p.text[marker.end : r.start])
                ),
                None,
            )
            if agent is not None:
                add(clause, trig, _coordinated(p, agent, cands, clause))
            break
    for act in acts:
        clause = clause_bounds(p, sent, act.start)
        if _denied(p, clause, act.start):
            continue
        # 1. The agent after an act: "killed by X", "massacres commis par X", "asesinados por X".
        #    A people's name is a doer there only close to the act ("massacred by Tatars"):
        #    further on, "by" may belong to a participle the lexicon does not know.
        is_verb = any(v.start == act.start for v in verbs)
        for marker in p.lex.agent_markers.finditer(p.text, act.end, clause[1]):
            if p.lex.roles.agent_before_participle and is_verb:
                break  # "vergewaltigten tausende von Frauen": "von" after a verb is "of"
            if _after_quantity(p, marker.start):
                break  # "thousands of", "tausende von"
            if not is_verb and marker.text.casefold() in p.lex.roles.noun_object_markers:
                continue  # "die Tötung von Zivilisten durch X": "von" names the harmed
            gap = p.text[act.end : marker.start]
            later = [
                a
                for a in acts
                if act.end <= a.start < marker.start and not p.lex.roles.act_links.fullmatch(a.text)
            ]
            if later or _marker_owner(p, gap):
                break  # the marker belongs to a later act or verb
            close = len(_WORD.findall(gap)) <= 2
            agent = next(
                (
                    r
                    for r in cands
                    if r.start >= marker.end
                    and r.type not in ("pronoun", "group")
                    and (close or r.type in AGENT_TYPES)
                    and _leads_to(p, p.text[marker.end : r.start])
                ),
                None,
            )
            if agent is not None:
                add(clause, act, _coordinated(p, agent, cands, clause))
            break
        # 2. A doer in the genitive of an act noun ("Angriff der irakischen Luftwaffe",
        #    "el asalto de miles de soldados"): only a doer noun, never a people's name,
        #    which in that place names the harmed ("massacre of Armenians").
        links = p.lex.roles.genitive.find_all(p.text, act.end, min(clause[1], act.end + 12))
        if links and not p.text[act.end : links[0].start].strip():
            agent = next(
                (
                    r
                    for r in cands
                    if r.start >= links[0].end
                    and r.type in AGENT_TYPES
                    and r.type != "name"
                    and _only_quantities(p, p.text[links[0].end : r.start])
                ),
                None,
            )
            if agent is not None:
                add(clause, act, _coordinated(p, agent, cands, clause))
        # 3. The agent before a passive participle (German "wurden von X getötet") or before
        #    an act noun through a linking participle ("durch X verübtes Massaker").
        if p.lex.roles.agent_before_participle:
            passive = any(v.start == act.start for v in verbs) and _is_passive(p, act, clause[0])
            linked = p.lex.roles.act_links.find_all(
                p.text, max(clause[0], act.start - 20), act.start
            )
            if passive or linked:
                marked = [
                    r
                    for r in cands
                    if clause[0] <= r.start < act.start
                    and governed(p, r, clause[0]) == "agent"
                    and (passive or r.end <= linked[-1].start)
                ]
                # "von X und ihren lokalen Verbündeten massakriert": the coordinated doers.
                doers: list[Role] = []
                for r in marked:
                    doers += [
                        d
                        for d in _coordinated(p, r, cands, (clause[0], act.start))
                        if d not in doers
                    ]
                add(clause, act, doers)
        # 4. A Russian instrumental beside a passive participle or an act noun.
        if p.lex.roles.instrumental:
            add(
                clause,
                act,
                [
                    r
                    for r in cands
                    if clause[0] <= r.start < clause[1]
                    and r.type in AGENT_TYPES
                    and abs(r.start - act.end) <= _MARKER_REACH
                    and _instrumental(r.text)
                    and governed(p, r, clause[0]) is None
                ],
            )
    # 5. A doer fused to an act noun as its modifier: "army offensive", "government air
    #    strike".
    for act in acts:
        if any(v.start == act.start for v in verbs):
            continue
        clause = clause_bounds(p, sent, act.start)
        fused = [
            r
            for r in cands
            if r.type in AGENT_TYPES
            and r.type != "name"
            and r.end < act.start
            and not p.text[r.end : act.start].strip(" \u00a0")
        ]
        if fused and not _denied(p, clause, act.start):
            add(clause, act, fused[-1:])
    # 5b. "La masacre fue un crimen de Estado": the phrase names the state as the doer of
    #     the acts of its clause.
    for hit in p.lex.roles.state_doer.finditer(p.text, sent.span.start, sent.span.end):
        clause = clause_bounds(p, sent, hit.start)
        if _denied(p, clause, hit.start):
            continue
        doer = Role(hit.start, hit.end, hit.text, hit.text, None, "state", "sentence", "state")
        for act in acts:
            if clause[0] <= act.start < clause[1] and not (hit.start <= act.start < hit.end):
                add(clause, act, [doer])
    # 6. The subject of an active harm verb, of an act verb with a count after it ("LRA
    #    massacre 189"), or of a support verb whose object is an act ("exerce une répression").
    verbs = [*verbs, *_verb_uses(p, sent, acts)]
    names: list[Role] | None = None
    for verb in verbs:
        clause = clause_bounds(p, sent, verb.start)
        if _is_passive(p, verb, clause[0]) or _denied(p, clause, verb.start):
            continue
        if _after_preposition(p, verb, clause[0]) or _counted_word(p, sent, verb):
            continue  # a noun: "known for kidnapping children", "20 000 blessés"
        if _reduced_relative(p, verb, clause[1]) or _agent_follows(p, verb):
            continue  # "people injured in the attack": a participle, not a predicate
        subject = _subject(p, sent, verb, cands, clause)
        if subject is None and p.lex.subject_before_verb:
            if names is None:
                names = _proper_subjects(p, sent, cands)
            subject = _subject(p, sent, verb, names, clause)
        if subject is not None:
            doers = _coordinated_before(p, subject, cands, clause)
            add(clause, verb, doers)
            if verb.payload == "support":
                # "X committed a massacre in which 200 died": the massacre is X's act too.
                obj = next((a for a in acts if a.start >= verb.end), None)
                if obj is not None:
                    add(clause, obj, doers)
    harmed = _victims(p, sent, cands, [a for agents in found.values() for a in agents])
    out: list[Statement] = []
    for clause in sorted(set(found) | set(harmed)):
        unique: dict[str, Role] = {}
        for a in sorted(found.get(clause, []), key=lambda r: r.start):
            unique.setdefault(a.key, a)
        roles = tuple(unique.values())
        out.append(
            Statement(
                sent.index,
                sent.para,
                clause,
                roles,
                anaphoric=bool(roles) and all(is_anaphoric(p, r) for r in roles),
                victims=tuple(harmed.get(clause, [])),
                acts=tuple(sorted(set(bound.get(clause, [])))),
                doers=tuple(
                    (span, tuple(sorted(rs, key=lambda r: r.start)))
                    for span, rs in sorted(per_act.get(clause, {}).items())
                ),
            )
        )
    return out


_LABEL_VALUE = re.compile(r"[\s|:]*(?P<v>[^\n|]{2,160})")


def infobox_statements(p: Parsed) -> list[Statement]:
    """ "Perpetrators | X", "PerpetratorsX", "Täter\\nX": who did the event, per infobox."""
    out: list[Statement] = []
    for sent in p.sentences[:80]:
        for label in p.lex.roles.perpetrator_labels.finditer(
            p.text, sent.span.start, sent.span.end
        ):
            line_start = p.text.rfind("\n", 0, label.start) + 1
            if p.text[line_start : label.start].strip(" |"):
                continue  # a label opens its line
            m = _LABEL_VALUE.match(p.text, label.end)
            value_start = label.end
            if m is None or not m.group("v").strip(" |"):
                nxt = p.text.find("\n", label.end)
                m = _LABEL_VALUE.match(p.text, nxt + 1) if nxt >= 0 else None
                if m is None:
                    continue
            value_start, value_end = m.start("v"), m.end("v")
            text = p.text[value_start:value_end].strip(" |")
            value_start = p.text.index(text, value_start)
            value_end = value_start + len(text)
            holder = next(
                (s for s in p.sentences if s.span.start <= value_start < s.span.end), sent
            )
            roles = [
                Role(r.start, r.end, r.text, r.name, r.actor_id, r.type, "context", "infobox")
                for r in candidates(p, holder)
                if value_start <= r.start < value_end and r.type != "pronoun"
            ]
            if not roles:
                roles = [
                    Role(value_start, value_end, text, text, None, "group_np", "context", "infobox")
                ]
            out.append(Statement(holder.index, holder.para, (value_start, value_end), tuple(roles)))
    return out


def _negated(p: Parsed, r: Role) -> bool:
    """ "no civilians had died", "ни один мирный житель не погиб": a group after a negative
    determiner is the one the text says was not harmed (nor did anything)."""
    before = p.text[max(0, r.start - 24) : r.start]
    return any(
        h.end == len(before.rstrip()) and not before[h.end :].strip()
        for h in p.lex.roles.negative_determiners.finditer(before)
    )
