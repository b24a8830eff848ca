"""Perpetrators for each figure: its own clause first, then the account the text continues.

A figure takes the doers named in its own clause (``basis: sentence``).  Otherwise it inherits
(``basis: context``) only where the text continues one account of one act:

* a subject pronoun or an anaphoric noun in its clause ("they hacked...", "the criminals")
  stands for the doers of the account being told;
* a figure of harm in a paragraph whose earlier sentence named the doers of a harm act;
* the document's own statement of who did the event it reports (an infobox "Perpetrators" row
  or the lede's first statement), for harm figures of paragraphs that name no other doers.

A figure never inherits doers that are its own victims, and baselines (population, troop
strength, returned survivors) have none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rashomon.extract._roles_model import Role, Statement
from rashomon.extract._roles_syntax import NO_PERPETRATOR, clause_bounds
from rashomon.extract._time_roles import opens_episode
from rashomon.extract.pipeline import Parsed, Sentence
from rashomon.extract.roles import infobox_statements, sentence_statements

#: The lede: a statement in the document's first paragraphs speaks for the whole document.
_LEDE_PARAGRAPHS = 2
_LEDE_WORDS = 12
#: A figure whose period is longer than this (and than three times the statement's) counts
#: more than the act the statement describes (a war's toll beside one attack).
_EVENT_DAYS = 365
_WIDE = frozenset({"country", "continent"})
#: An infobox row: "Label | value |", short, with no sentence in it.
_ROW = re.compile(r"[^|\n]{1,40}\|[^\n]{0,200}$")
#: The harm a document's statement of who did its event speaks of: people fleeing or held
#: after it are counted by their own account, which may name no doer.
_HARM = frozenset({"killed", "injured", "victims", "missing"})
#: Counts of what someone did to people or things (not of those who fled): the figures a
#: paragraph's account of who did it speaks for.
_DONE = _HARM | {"destroyed", "detained"}
#: How far a circumstance phrase reaches from a death to the act it happened in
#: ("killed in the region in attacks by"), in characters.
_CIRCUMSTANCE_REACH = 80
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")  # "d'une": "d" and "une"
#: How far a figure's own phrase reaches ("900 deaths on both sides").
_PHRASE_REACH = 60
#: Victim types that name a particular group (not "people", "civilians" or "the dead").
_NAMED_GROUPS = frozenset({"ethnonym", "religious_group", "armed_group", "army", "org", "state"})


def _days(a: str, b: str) -> int:
    import datetime as dt

    try:
        return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a[:10])).days
    except ValueError:
        return 0


def _words(text: str) -> set[str]:
    from rashomon.extract.actors import latin_stem

    out = set()
    for w in text.casefold().replace("’", " ").replace("'", " ").split():
        w = w.strip('.,;:()[]«»"')
        if len(w) >= 3:
            out.add(latin_stem(w) or w)
    return out


def _kin(a: set[str], b: set[str]) -> bool:
    """Two phrases share a word, inflection aside ("Armenier", "armenische"): stems that
    agree on their first five letters, or one stem whole where it is shorter."""
    for x in a:
        for y in b:
            n = min(len(x), len(y), 5)
            if n >= 4 and x[:n] == y[:n]:
                return True
    return False


def _head(text: str) -> str:
    """The stem of a phrase's last word: its head noun in the languages read here."""
    words = [w for w in text.casefold().replace("'", " ").replace("’", " ").split() if w]
    return next(iter(_words(words[-1])), "") if words else ""


def _head_word(text: str) -> str:
    words = [w.strip('.,;:()[]«»"') for w in text.casefold().split()]
    return words[-1] if words else ""


def _same_group(a: Role, victims: Sequence[dict[str, Any]]) -> bool:
    """The doer is one of the figure's victims: the same actor, the same group word, or the
    same head noun ("government forces" and "members of the security forces")."""
    for v in victims:
        if a.actor_id and v.get("id") and a.actor_id == v.get("id"):
            return True
        vtext = str(v.get("text") or "")
        if a.type in ("ethnonym", "religious_group", "group") and (_words(a.text) & _words(vtext)):
            return True
        if a.basis == "context" and a.type != "group_np" and _kin(_words(a.text), _words(vtext)):
            return True  # a carried doer the figure counts among its dead
        # "Боевики убили 30 военнослужащих, четверо боевиков также погибли": the head noun
        # inflected ("боевики"/"боевиков") is still the same group.
        head, vhead = _head(a.text), _head(vtext)
        if a.type == "group_np" and head and vhead and (head == vhead or _kin({head}, {vhead})):
            return True
    return False


def _unique(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = str(item.get("id") or str(item.get("name") or item.get("text")).casefold())
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _generic(roles: Sequence[Role]) -> bool:
    return all(r.type not in ("ethnonym", "religious_group") for r in roles)


def _lede_paragraphs(p: Parsed) -> set[int]:
    """The lede: the first paragraphs with a real sentence (titles, bylines and infobox rows
    above them do not count)."""
    out: list[int] = []
    for sent in p.sentences:
        if len(out) >= _LEDE_PARAGRAPHS:
            break
        if sent.para in out:
            continue
        if len(p.text[sent.span.start : sent.span.end].split()) >= _LEDE_WORDS:
            out.append(sent.para)
    # Infobox and title paragraphs before the lede belong to it.
    first = min(out, default=0)
    return set(range(first)) | set(out)


class Accounts:
    """Statements of who did what, as the document tells them, for context inheritance."""

    def __init__(self, p: Parsed) -> None:
        self.p = p
        self.by_sentence: dict[int, list[Statement]] = {}
        for sent in p.sentences:
            found = sentence_statements(p, sent)
            if found:
                self.by_sentence[sent.index] = found
        self.doc: Statement | None = None
        self.doc_victims: tuple[Role, ...] = ()
        infobox = infobox_statements(p)
        if infobox:
            self.doc = infobox[0]
        lede = _lede_paragraphs(p)
        #: Acts the lede tells without naming who did them ("des massacres d'Européens").
        self.doerless = [
            st
            for sent in p.sentences
            if sent.para in lede
            for st in self.by_sentence.get(sent.index, [])
            if st.victims and not st.agents
        ]
        for sent in p.sentences:
            if sent.para not in lede:
                continue
            for st in self.by_sentence.get(sent.index, []):
                # The lede's statement of who did it speaks for the document's event, unless
                # its sentence tells another episode ("In the latest violence, ...").
                if (
                    self.doc is None
                    and st.agents
                    and not st.anaphoric
                    and not opens_episode(p, sent)
                ):
                    self.doc = st
                if st.victims and (
                    not self.doc_victims
                    or (_generic(self.doc_victims) and not _generic(st.victims))
                ):
                    # A named people ("Armenians") tells more than "refugees" or "people".
                    self.doc_victims = st.victims

    def _latest(self, sent: Sentence, before: int) -> Statement | None:
        """The last doer statement of the paragraph before ``before``."""
        for index in range(sent.index, -1, -1):
            other = self.p.sentences[index]
            if other.para != sent.para:
                return None
            for st in reversed(self.by_sentence.get(index, [])):
                if st.clause[0] < before and st.agents and not st.anaphoric:
                    return st
        return None

    def _resolve(self, sent: Sentence, before: int) -> tuple[Role, ...]:
        """What a pronoun at ``before`` stands for: the account told so far."""
        for index in range(sent.index, -1, -1):
            for st in reversed(self.by_sentence.get(index, [])):
                if st.clause[0] < before and st.agents and not st.anaphoric:
                    return st.agents
            if self.p.sentences[index].para < sent.para - 1:
                break
        return self.doc.agents if self.doc else ()

    def _binds(self, st: Statement, fig_start: int, cue: int | None) -> bool:
        """A statement of the figure's clause speaks of the figure's act: its act is the
        figure's measure cue ("X killed 12,000", "12,000 were killed by X"), or the act nearest
        the figure (the cue is a noun such as "dead" or "victims")."""
        if cue is not None and any(a <= cue < b for a, b in st.acts):
            return True
        acts = self.p.lex.roles.acts.find_all(self.p.text, st.clause[0], st.clause[1])
        if self._in_relative(st, fig_start, acts):
            return False
        if not acts:
            return True
        nearest = min(acts, key=lambda a: abs(a.start - fig_start))
        own_act = next((a for a in acts if cue is not None and a.start <= cue < a.end), None)
        if own_act is not None:
            # The figure's own act is another one, unless it happened in the statement's:
            # "killed in attacks by X", "killed when a government air strike hit ...".
            if any(self._inside(own_act.end, a, st) for a, _ in st.acts):
                return True
            # "personas masacradas por X, ... incluidos 17 no nacidos, asesinados en ...":
            # a participle that qualifies the count, with no doer of its own, tells the
            # same harm as the clause's act.
            return self._qualifies(own_act, st)
        return any(a <= nearest.start < b for a, b in st.acts)

    def _qualifies(self, act: Any, st: Statement) -> bool:
        from rashomon.extract._roles_syntax import _reduced_relative

        if not _reduced_relative(self.p, act, st.clause[1]):
            return False
        if any(o.doers_of(act.start) for o in self.by_sentence.get(st.sentence, [])):
            return False
        kind = self._harm_kind(act.start, act.end)
        return kind is not None and any(self._harm_kind(a, b) == kind for a, b in st.acts)

    def _harm_kind(self, start: int, end: int) -> str | None:
        hits = self.p.lex.measures.find_all(self.p.text, start, end)
        return str(hits[0].payload.measure) if hits else None

    def _part_base(self, sent: Sentence, fig_start: int) -> bool:
        """The figure is the whole a part is taken from ("Of the 260 workers, at least 200
        were killed"): the sentence opens on it after a partitive word and counts again."""
        from rashomon.extract.numbers import find_numbers

        p = self.p
        head = p.text[sent.span.start : fig_start]
        opener = p.lex.roles.part_base.find_all(head)
        if not opener or opener[0].start != len(head) - len(head.lstrip()):
            return False
        if head[opener[0].end :].strip():
            return False
        rest = p.text[fig_start : sent.span.end]
        counts = [n for n in find_numbers(rest, p.lex.lang) if n.role == "quantity"]
        if len(counts) < 2:
            return False
        # "Of the 1,000 villagers massacred by the militia, 300 were ...": a whole that its
        # own phrase says was harmed keeps that phrase's doer.
        whole_end, stop = fig_start + counts[0].end, fig_start + counts[1].start
        comma = p.text.find(",", whole_end, stop)  # not the one inside "1,000"
        own = (whole_end, comma if comma >= 0 else stop)
        return not p.lex.roles.acts.find_all(p.text, *own)

    def _inside(self, after: int, act: int, st: Statement) -> bool:
        """A circumstance word links the end of a death (``after``) to the act at ``act``:
        it opens the phrase of that act, with only articles, modifiers and the act's own
        doers between ("when a government air strike"), and no agent, comma or clause
        of another act before it."""
        if act <= after or act - after > _CIRCUMSTANCE_REACH:
            return False
        p, roles = self.p, self.p.lex.roles
        gap = p.text[after:act]
        links = roles.circumstance.find_all(p.text, after, act)
        if not links or any(ch in gap for ch in ",;:") or roles.acts.find_all(gap):
            return False
        if p.lex.agent_markers.find_all(p.text, after, links[-1].start):
            return False  # "killed by soldiers in retaliation for an attack by ..."
        for word in _LETTERS.finditer(p.text, links[-1].end, act):
            low = word.group().casefold()
            if len(low) == 1 or any(a.start <= word.start() < a.end for a in st.agents):
                continue  # an elided article or preposition ("d'une"), or the doer
            if low not in roles.determiners and not roles.modifiers.fullmatch(low):
                return False
        return True

    def _in_relative(self, st: Statement, fig_start: int, acts: Sequence[Any]) -> bool:
        """The figure is in a relative clause after the statement's verb that tells no act
        of its own before it ("attacked the camp, which sheltered some 9,000 displaced
        persons"): it says what the act's object held, not what the act did."""
        done = [(a, b) for a, b in st.acts if a < fig_start]
        text = self.p.text
        # After an act noun the relative speaks of the act ("the massacre, which left 40
        # dead"); after a verb, of its object.
        if not done or not self.p.lex.roles.active_verbs.fullmatch(text[slice(*done[-1])]):
            return False
        comma = text.rfind(",", done[-1][0], fig_start)
        if comma < 0:
            return False
        words = _WORD_RE.findall(text[comma + 1 : fig_start])
        if not words or words[0].casefold() not in self.p.lex.roles.relative_words:
            return False
        return not any(comma < a.start < fig_start for a in acts)

    def perpetrators(
        self,
        sent: Sentence,
        fig_start: int,
        measure: str,
        victims: Sequence[dict[str, Any]],
        cue: int | None = None,
        time: dict[str, Any] | None = None,
        places: Sequence[dict[str, Any]] = (),
    ) -> tuple[list[dict[str, Any]], str | None]:
        """The figure's perpetrators and, when carried, a note saying from where."""
        if measure in NO_PERPETRATOR or self._part_base(sent, fig_start):
            return [], None
        # The doers' own dead ("four of the attackers were killed"): whoever killed them is
        # not the account's doer, and the text here does not say who it was.
        doers_counted = any(
            self.p.lex.roles.agent_nouns.fullmatch(_head_word(str(v.get("text") or "")))
            or str(v.get("type")) in ("armed_group", "army")
            for v in victims
        )
        clause = clause_bounds(self.p, sent, fig_start)
        here = self.by_sentence.get(sent.index, [])
        in_clause = [st for st in here if st.clause == clause and st.agents]
        own = [st for st in in_clause if self._binds(st, fig_start, cue)]
        agents: tuple[Role, ...] = ()
        note = None
        if own:
            # The doers of the figure's own act where the clause names several acts.
            mine = [a for st in own for a in ((cue is not None and st.doers_of(cue)) or st.agents)]
            named = [a for a in mine if not self._anaphoric(a)]
            if named:
                agents = tuple(named)
            else:
                agents = tuple(a.carried() for a in self._resolve(sent, clause[0]))
                note = "perpetrators: the pronoun's referent in the account told before"
        elif doers_counted or in_clause:
            # The clause tells who did another act: this figure's doer is not said.
            pass
        else:
            elsewhere = [st for st in here if st.agents and not st.anaphoric]
            st = elsewhere[0] if elsewhere else self._latest(sent, clause[0])
            both = self._every_side(fig_start, clause[1])
            if st is not None:
                # Unless the figure counts other people than the account's harmed, or people
                # who fled rather than an act someone did ("15,000 fled").
                harm = measure in _DONE or self._act_at(cue)
                if harm and not both and self._same_harmed(st, victims):
                    agents = tuple(a.carried() for a in st.agents if not self._anaphoric(a))
                    note = "perpetrators: carried from the account in the same paragraph"
            elif (
                self.doc is not None
                and (measure in _HARM or self._act_at(cue))
                and (self._no_other_account(sent) or self._same_table(sent))
                and self._same_event(self.doc, time, places, sent)
                and not both
                and self._same_harmed(self.doc, victims)
            ):
                agents = tuple(a.carried() for a in self.doc.agents)
                note = "perpetrators: the document's statement of who did the event"
        kept = [a for a in agents if not _same_group(a, victims)]
        unique: dict[str, Role] = {}
        for a in kept:
            unique.setdefault(a.key, a)
        return [a.as_dict() for a in unique.values()], (note if unique else None)

    def _same_event(
        self,
        st: Statement,
        time: dict[str, Any] | None,
        places: Sequence[dict[str, Any]],
        fig_sent: Sentence | None = None,
    ) -> bool:
        """Whether a figure can count the event of the document's statement: its period
        meets the statement's and is not much longer (a war's toll is not one strike's), and
        it is not a country-wide count where the statement names a town or a site."""
        sent = self.p.sentences[st.sentence]
        spans = [
            (t.start_date, t.end_date)
            for t in sent.times
            if t.start_date and t.end_date and t.role == "event"
        ]
        dated = False  # the figure's own time falls in the statement's period
        if time and time.get("start") and time.get("end") and spans:
            s0, s1 = min(a for a, _ in spans), max(b for _, b in spans)
            f0, f1 = str(time["start"]), str(time["end"])
            if self._up_to(time):
                f0 = min(f0, s1)  # "as of the end of March 1938": since the act began
            # A count of another time than the statement's is of another episode (a later
            # report's displaced, an earlier raid), however near.
            if f1 < s0 or f0 > s1 or _days(f0, f1) > max(_EVENT_DAYS, 3 * _days(s0, s1)):
                return False
            # Dated in its own words ("during the same four days"), not by the narrative.
            at = time.get("start_char")
            dated = time.get("source") != "context" or (
                fig_sent is not None
                and isinstance(at, int)
                and fig_sent.span.start <= at < fig_sent.span.end
            )
        kinds = {str(pl.get("kind")) for pl in places if pl.get("id")}
        local = [m for m in sent.places if m.place is not None and m.place.kind not in _WIDE]
        if kinds and kinds <= _WIDE and local:
            return False
        # A town the statement does not name, at no time of the statement's own, is another
        # scene ("the massacre in Segovia" after a lede about Medellín); a campaign told "in
        # the same four days" across towns stays one account.
        towns = {str(pl["id"]) for pl in places if pl.get("id") and pl.get("kind") == "city"}
        named = {m.place.id for m in local if m.place is not None and m.place.kind == "city"}
        return dated or not (towns and named and not towns & named)

    def _up_to(self, time: dict[str, Any]) -> bool:
        """The figure's time is the end of a count ("as of the end of March 1938")."""
        at = time.get("start_char")
        if not isinstance(at, int):
            return False
        text = str(time.get("text") or "")
        # The marker opens the time's own text ("as of the end of March") or comes right
        # before it ("по состоянию на 1 мая").
        hits = self.p.lex.roles.cumulative.find_all(self.p.text, max(0, at - 25), at + len(text))
        return any(h.start == at or not self.p.text[h.end : at].strip(" \u00a0") for h in hits)

    def _act_at(self, cue: int | None) -> bool:
        """The figure's cue is an act someone does ("deported", "expelled"), not a plight
        ("fled", "homeless")."""
        if cue is None:
            return False
        return any(
            a.start <= cue < a.end
            for a in self.p.lex.roles.acts.find_all(self.p.text, max(0, cue - 40), cue + 40)
        )

    def _same_table(self, sent: Sentence) -> bool:
        """The figure is a row of the infobox whose "Perpetrators" row is the document's
        statement ("Deaths | 300 killed" above "Perpetrators | X"): the table speaks of one
        event, whatever the prose around it tells."""
        assert self.doc is not None
        if not any(r.rule == "infobox" for r in self.doc.agents):
            return False
        text = self.p.text
        a, b = sorted((sent.span.start, self.doc.clause[0]))
        lo, hi = text.rfind("\n", 0, a) + 1, text.find("\n", b)
        rows = text[lo : hi if hi >= 0 else len(text)].split("\n")
        return all(_ROW.match(row) for row in rows)

    def _every_side(self, fig_start: int, limit: int) -> bool:
        """The figure's own phrase counts every side's dead ("3,000 deaths across sides")."""
        end = min(limit, fig_start + _PHRASE_REACH)
        # A comma or point inside the number ("3,000") does not end the phrase.
        stop = re.search(r"[;:()]|[,.](?!\d)", self.p.text[fig_start:end])
        if stop is not None:
            end = fig_start + stop.start()
        return bool(self.p.lex.roles.both_sides.find_all(self.p.text, fig_start, end))

    def _same_harmed(self, st: Statement, victims: Sequence[dict[str, Any]]) -> bool:
        """Whether a figure counts the harmed of an account: a figure that names its own
        group ("hundreds of Bolsheviks also perished") counts that group, and the account
        says who harmed another one unless it names the same group."""
        named = [
            v
            for v in victims
            if v.get("basis") != "context"
            and (v.get("named") or str(v.get("type")) in _NAMED_GROUPS)
        ]
        if not named:
            return True
        if not st.victims:
            # The account does not say whom it harmed: it may count these, unless the lede
            # told an act against them, without naming its doer, before the statement moved
            # on to the act it names a doer for ("... provoquent des massacres d'Européens.
            # L'armée française exerce alors une répression").
            if st is not self.doc:
                return True
            earlier = [o for o in self.doerless if o.sentence < st.sentence]
            return not any(self._names(v, o.victims) for o in earlier for v in named)
        return any(self._names(v, st.victims) for v in named)

    @staticmethod
    def _names(v: dict[str, Any], roles: Sequence[Role]) -> bool:
        words = _words(str(v.get("text") or ""))
        return any(
            (v.get("id") and v.get("id") == r.actor_id) or _kin(words, _words(r.text))
            for r in roles
        )

    def _anaphoric(self, r: Role) -> bool:
        if r.type == "pronoun":
            return True
        words = r.text.casefold().split()
        return bool(words) and words[-1] in self.p.lex.roles.anaphoric_nouns

    def _no_other_account(self, sent: Sentence) -> bool:
        """No statement of this paragraph names doers the document's statement does not."""
        assert self.doc is not None
        keys = {a.key for a in self.doc.agents}
        names = {w for a in self.doc.agents for w in self._name_words(a)}
        for index, found in self.by_sentence.items():
            if self.p.sentences[index].para != sent.para:
                continue
            for st in found:
                if not st.agents or st.anaphoric or {a.key for a in st.agents} & keys:
                    continue
                # "WRA fighters" continue the account of "the WRA": the same name, whatever
                # doer noun it heads.
                if not names or not all(names & self._name_words(a) for a in st.agents):
                    return False
        return True

    def _name_words(self, r: Role) -> set[str]:
        """The words of a doer that name it, without doer nouns ("fighters", "forces") and
        function words."""
        roles = self.p.lex.roles
        raw = [w.strip('.,;:()[]«»"') for w in r.text.casefold().split()]
        return _words(
            " ".join(
                w
                for w in raw
                if not roles.agent_nouns.fullmatch(w) and w not in roles.function_words
            )
        )

    def victims(
        self, sent: Sentence, fig_start: int, counted: dict[str, Any] | None
    ) -> tuple[list[dict[str, Any]], str | None]:
        """The figure's victims: the group it counts and the harmed of its clause; where the
        count is of people in general ("12,000 people"), the group the account is about."""
        clause = clause_bounds(self.p, sent, fig_start)
        here = self.by_sentence.get(sent.index, [])
        own = [v for st in here if st.clause == clause for v in st.victims]
        base = [counted] if counted else []
        named = counted is not None and (
            counted.get("type") != "counted"
            or bool(counted.get("named"))
            or self._specific(counted)
        )
        if own or named:
            return _unique(base + [v.as_dict() for v in own]), None
        carried: tuple[Role, ...] = ()
        note = None
        elsewhere = [v for st in here for v in st.victims]
        if elsewhere:
            carried, note = tuple(elsewhere), "victims: from the sentence's other clause"
        else:
            latest = self._latest_victims(sent, clause[0])
            if latest:
                carried, note = latest, "victims: carried from the account in the same paragraph"
            elif self.doc_victims:
                carried, note = self.doc_victims, "victims: the group the document's event harmed"
        return _unique(base + [v.carried().as_dict() for v in carried]), (note if carried else None)

    def _specific(self, counted: dict[str, Any]) -> bool:
        """A counted noun naming another party than the account's harmed: doers ("four of
        the attackers") or members of a body ("members of the security forces").  Role
        nouns ("patients", "children") still belong to the account's harmed people."""
        if counted.get("measure_noun"):
            return False
        words = [w.strip('.,;:()[]«»"') for w in str(counted.get("text") or "").split()]
        words = [w.casefold() for w in words if w and not w[0].isdigit()]
        roles = self.p.lex.roles
        return bool(words) and (
            bool(roles.agent_nouns.fullmatch(words[-1])) or words[0] in roles.member_nouns
        )

    def clause_victims(self, sent: Sentence, fig_start: int) -> list[Role]:
        clause = clause_bounds(self.p, sent, fig_start)
        return [
            v
            for st in self.by_sentence.get(sent.index, [])
            if st.clause == clause
            for v in st.victims
        ]

    def _latest_victims(self, sent: Sentence, before: int) -> tuple[Role, ...]:
        for index in range(sent.index, -1, -1):
            if self.p.sentences[index].para != sent.para:
                return ()
            for st in reversed(self.by_sentence.get(index, [])):
                if st.clause[0] < before and st.victims:
                    return st.victims
        return ()

    def agent_spans(self, sent: Sentence) -> list[tuple[int, int]]:
        """Where this sentence names doers: those words are no victims."""
        return [(a.start, a.end) for st in self.by_sentence.get(sent.index, []) for a in st.agents]
