"""Per-language vocabulary for the measure, attribution and framing stages.

The words live in ``data/lang/<code>/extract.json``; this module only compiles them.  A
pattern is a space-separated phrase matched case-insensitively on word boundaries, where a
trailing ``*`` on a word matches any ending (so "massacr*" covers massacred, massacres...), and
an apostrophe matches both ' and ’.  Adding a language is adding that file.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Generic, TypeVar

from stop_words import StopWordError, get_stop_words

T = TypeVar("T")
_NEVER = re.compile(r"(?!x)x")
_RUN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<!\w)\w+")
_WORD_CHAR = re.compile(r"\w")
# Below this many phrases the one regex is faster than looking up each word in Python
# (measured on the bench corpus: small stance lists lose, big cue and measure lists win).
_INDEX_MIN = 64

_DATA = "data/lang"


def pattern_regex(pattern: str) -> str:
    words = []
    for word in pattern.split():
        star = word.endswith("*")
        core = re.escape(word.rstrip("*")).replace("'", "['’]").replace("’", "['’]")
        words.append(core + (r"\w*" if star else ""))
    return r"\s+".join(words)


def _words(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    start: int
    end: int
    text: str
    payload: T


class PhraseMatcher(Generic[T]):
    """Many phrases, one compiled regex; each hit carries the payload of its phrase.

    The longest phrase wins at a position (alternatives are sorted longest first), which makes
    "shot dead" beat "shot" and "selon les statistiques compilées par" beat "selon".  Among
    equal phrases the first entry wins, whatever the hash seed.
    """

    def __init__(self, entries: Sequence[tuple[str, T]], index_min: int = _INDEX_MIN) -> None:
        ordered = sorted(
            {(p.lower(), i) for i, (p, _) in enumerate(entries) if p.strip()},
            key=lambda e: (-len(e[0].rstrip("*")), e[0], e[1]),
        )
        self._entries = entries
        self._singles = [(re.compile(pattern_regex(p), re.I), i) for p, i in ordered]
        # A hit is usually a literal phrase: find it by its words instead of trying every
        # pattern in turn; only the glob patterns ranked before it still need trying.
        self._literal: dict[str, int] = {}
        self._globs: list[int] = []
        for rank, (p, _) in enumerate(ordered):
            if "*" in p:
                self._globs.append(rank)
            else:
                self._literal.setdefault(_words(p), rank)
        alternation = "|".join(pattern_regex(p) for p, _ in ordered) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.I)
        # Phrases indexed by their first word: at each word of the text only the phrases that
        # can start there are tried, in rank order (the alternation tries all of them at every
        # word; same hits).  Phrases opening with a mark, and short lists, keep the regex.
        self._by_word: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[tuple[str, int]]] = {}
        self._indexed = len(ordered) >= index_min and self._index([p for p, _ in ordered])

    def _index(self, phrases: list[str]) -> bool:
        """Index ``phrases`` (in rank order) by first word; False when one cannot be."""
        for rank, p in enumerate(phrases):
            first = p.split()[0]
            run = _RUN.match(first)
            star = first.endswith("*") and run is not None and run.end() == len(first) - 1
            if run is None or (star and run.end() < 2) or (not star and "*" in first):
                self._by_word.clear()
                self._by_prefix.clear()
                return False
            stem = run.group().lower()
            if star:
                self._by_prefix.setdefault(stem[:2], []).append((stem, rank))
            else:
                self._by_word.setdefault(stem, []).append(rank)
        return True

    def _rank(self, found: str) -> int | None:
        """Rank of the first pattern that matches ``found`` exactly."""
        literal = self._literal.get(_words(found))
        if literal is not None and not self._singles[literal][0].fullmatch(found):
            literal = None  # a case-folding corner: fall back to trying every pattern
        for rank in self._globs if literal is not None else range(len(self._singles)):
            if literal is not None and rank > literal:
                break
            if self._singles[rank][0].fullmatch(found):
                return rank
        return literal

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Hit[T]]:
        stop = len(text) if end is None else end
        if self._indexed:
            yield from self._by_words(text, start, stop)
            return
        for match in self._regex.finditer(text, start, stop):
            found = match.group(0)
            rank = self._rank(found)
            if rank is not None:
                index = self._singles[rank][1]
                yield Hit(match.start(), match.end(), found, self._entries[index][1])

    def _by_words(self, text: str, start: int, stop: int) -> Iterator[Hit[T]]:
        pos = start
        for word in _WORD_START.finditer(text, start, stop):
            at = word.start()
            if at < pos:
                continue
            run = word.group().lower()
            ranks = self._by_word.get(run)
            globs = self._by_prefix.get(run[:2])
            if globs:
                more = [r for stem, r in globs if run.startswith(stem)]
                if more:
                    ranks = sorted((ranks or []) + more)
            for rank in ranks or ():
                pattern, index = self._singles[rank]
                m = pattern.match(text, at, stop)
                # The phrase must end a word, as the alternation's (?!\w) requires.
                if m is not None and not _WORD_CHAR.match(text, m.end(), stop):
                    pos = m.end()
                    yield Hit(at, pos, m.group(), self._entries[index][1])
                    break

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[T]]:
        return list(self.finditer(text, start, end))

    def completions(self, fragment: str) -> list[T]:
        """The payloads of the one-word phrases that ``fragment`` begins (a word cut off by
        the end of a truncated text: "Obd" of "Obdachlose")."""
        frag = fragment.lower()
        return [
            payload
            for phrase, payload in self._entries
            if " " not in phrase.strip() and phrase.lower().rstrip("*").startswith(frag)
        ]

    def fullmatch(self, text: str) -> bool:
        """Whether the whole of ``text`` is one of the phrases."""
        hits = self.find_all(text)
        return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(text)


@dataclass(frozen=True, slots=True)
class MeasureCue:
    measure: str
    event_type: str


@dataclass(frozen=True, slots=True)
class HeadKind:
    """What a noun after a number says: people, combatants, a measure, a unit, or not human."""

    kind: str  # people | combatants | measure | unit | non_human
    value: str  # the measure or unit name, or the kind again


@dataclass(frozen=True, slots=True)
class CueKind:
    kind: str  # prepositional | nominal | verb | unnamed | postpositional | anaphoric | reflexive


class RolesLexicon:
    """The words that tell who did an act (see :mod:`rashomon.extract.roles`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        def words(key: str) -> list[str]:
            return [w for w in data.get(key, []) if w.strip()]

        self.agent_nouns = PhraseMatcher([(w, "agent") for w in words("agent_nouns")])
        self.pronouns = PhraseMatcher([(w, "pronoun") for w in words("subject_pronouns")])
        self.anaphoric_nouns = frozenset(w.casefold() for w in words("anaphoric_nouns"))
        self.active_verbs = PhraseMatcher([(w, "act") for w in words("active_harm_verbs")])
        #: Forms that are nouns as often as verbs ("massacre", "attacks"): a verb only with a
        #: count right after it ("LRA massacre 189").
        self.ambiguous_verbs = PhraseMatcher([(w, "act") for w in words("ambiguous_verbs")])
        #: Verbs whose subject does the act their object names ("exerce une répression",
        #: "carried out killings", "llevaron a cabo una matanza").
        self.support_verbs = PhraseMatcher([(w, "support") for w in words("support_verbs")])
        #: Words of an act whose doer an agent marker can name: the active verbs (as passive
        #: participles: "killed by") and act nouns ("massacre by", "les massacres commis par").
        self.acts = PhraseMatcher(
            [
                (w, "act")
                for w in words("active_harm_verbs") + words("act_nouns") + words("ambiguous_verbs")
            ]
        )
        self.denials = PhraseMatcher([(w, "deny") for w in words("denials")])
        #: "no civilians died", "kein Zivilist": the group named is the one NOT harmed.
        self.negative_determiners = PhraseMatcher(
            [(w, "none") for w in words("negative_determiners")]
        )
        #: Words that after an act noun introduce the harmed ("die Tötung *von* Zivilisten
        #: durch X": the agent is the next marker; "the death *of* 3 soldiers": a count of
        #: the dead, not troop strength).
        self.noun_object_markers = frozenset(w.casefold() for w in words("noun_object_markers"))
        #: "deux autres blessés": words between a count and the participle it counts.
        self.count_fillers = frozenset(w.casefold() for w in words("count_fillers"))
        #: "members of the X community": who they are is said by the genitive after them.
        self.member_nouns = frozenset(w.casefold() for w in words("member_nouns"))
        #: "deaths across sides", "des deux côtés": a count of every side's dead has no one
        #: doer, whoever the document says did the event.
        self.both_sides = PhraseMatcher([(w, "both") for w in words("both_sides")])
        self.act_links = PhraseMatcher([(w, "link") for w in words("act_links")])
        #: "killed in attacks by X", "dozens were killed when a government air strike ...":
        #: words that put a death inside an act whose doer the text names.
        self.circumstance = PhraseMatcher([(w, "in") for w in words("circumstance_links")])
        #: "Of the 260 workers, 200 were killed", "Из 260 рабочих ... убито 200": a sentence
        #: that opens on a count of the whole before counting a part of it.
        self.part_base = PhraseMatcher([(w, "base") for w in words("part_base_openers")])
        #: Words that open a relative clause after a comma (", which sheltered ...").
        self.relative_words = frozenset(w.casefold() for w in words("relative_words"))
        self.prepositions = PhraseMatcher([(w, "prep") for w in words("prepositions")])
        self.genitive = PhraseMatcher([(w, "of") for w in words("genitive_links")])
        self.clause_words = PhraseMatcher([(w, "clause") for w in words("clause_words")])
        self.perpetrator_labels = PhraseMatcher([(w, "label") for w in words("perpetrator_labels")])
        #: "fue un crimen de Estado", "state terrorism": the phrase names the state as the doer
        #: of the act its sentence speaks of.
        self.state_doer = PhraseMatcher([(w, "state") for w in words("state_doer_phrases")])
        #: "as of the end of March 1938", "по состоянию на": a count up to a date, from the
        #: start of the event it counts.
        self.cumulative = PhraseMatcher([(w, "upto") for w in words("cumulative_time_markers")])
        self.determiners = frozenset(w.casefold() for w in words("determiners"))
        self.auxiliaries = frozenset(w.casefold() for w in words("auxiliaries"))
        #: "79 погибших - террористы", "40 dead were rebels": a group after a copula says who
        #: the counted were.
        self.copulas = PhraseMatcher([(w, "is") for w in words("predicate_copulas")])
        #: Auxiliaries of the active perfect ("hatten ... getötet"): nearer the participle than
        #: a passive auxiliary, they make the clause active.
        self.perfect_aux = frozenset(w.casefold() for w in words("perfect_aux"))
        self.modifiers = PhraseMatcher([(w, "mod") for w in words("agent_modifiers")])
        self.verb_ending = re.compile(data["verb_endings"]) if data.get("verb_endings") else None
        #: A participle form that, before a preposition, qualifies a noun ("people injured in").
        self.participle = re.compile(data["participle"]) if data.get("participle") else None
        #: The absolute construction "with X conducting killings": X is the subject of the
        #: verb form right after it (a gerund or present participle of that language).
        self.absolute = frozenset(w.casefold() for w in words("absolute_prepositions"))
        self.gerund = re.compile(data["gerund_endings"]) if data.get("gerund_endings") else None
        #: French and Spanish put adjectives after the noun ("soldats serbes").
        self.adjectives_follow = bool(data.get("adjectives_follow", False))
        self.function_words = (
            self.determiners
            | frozenset(
                w.casefold() for key in ("prepositions", "clause_words") for w in words(key)
            )
            | frozenset(w.casefold() for w in words("subject_pronouns"))
            | frozenset(w.casefold() for w in words("auxiliaries"))
            | frozenset(w.casefold() for w in data.get("_agent_markers", []))
        )
        #: German puts the agent before the participle ("von X getötet").
        self.agent_before_participle = bool(data.get("agent_before_participle", False))
        #: Russian marks the agent of a passive by the instrumental case ("убиты боевиками").
        self.instrumental = bool(data.get("instrumental_agent", False))


def _gapped(phrases: Sequence[str]) -> re.Pattern[str]:
    alts = []
    for phrase in phrases:
        first, _, rest = phrase.strip().partition(" ")
        if rest:
            alts.append(
                pattern_regex(first) + r"(?:\s+[^\W\d_][\w'’-]*){0,3}?\s+" + pattern_regex(rest)
            )
    if not alts:
        return _NEVER
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.I)


class StanceLexicon:
    """The words of revision, rejection and doubt (see :mod:`rashomon.extract.stance`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        def matcher(key: str) -> PhraseMatcher[str]:
            return PhraseMatcher([(w, key) for w in data.get(key, []) if w.strip()])

        self.revision_verbs = matcher("revision_verbs")
        self.change_verbs = matcher("change_verbs")
        self.earlier_words = matcher("earlier_words")
        self.pluperfect = matcher("pluperfect")
        #: The same phrases with up to three words inside ("had on Sunday put").
        self.pluperfect_gapped = _gapped(data.get("pluperfect", []))
        self.toll_nouns = matcher("toll_nouns")
        self.new_markers = matcher("new_markers")
        self.rejection_predicates = matcher("rejection_predicates")
        self.claim_nouns = matcher("claim_nouns")
        self.denial_verbs = matcher("denial_verbs")
        self.denial_objects = matcher("denial_objects")
        self.unconfirmed = matcher("unconfirmed")
        self.from_words = matcher("from_words")
        self.to_words = matcher("to_words")
        self.later_words = matcher("later_words")
        #: "the real figures were", "на самом деле": the document sets its own figures
        #: against a source's, which it thereby rejects.
        self.reality_cues = matcher("reality_cues")


class ScopeLexicon:
    """The words that mark a part of an event (see :mod:`rashomon.extract.scope`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        def matcher(key: str) -> PhraseMatcher[str]:
            return PhraseMatcher([(w, key) for w in data.get(key, []) if w.strip()])

        self.site_nouns = matcher("site_nouns")
        self.locatives = matcher("locatives")
        self.area_markers = matcher("area_markers")
        self.subgroup_markers = matcher("subgroup_markers")
        self.shortfall_markers = matcher("shortfall_markers")
        self.partitive_openings = matcher("partitive_openings")
        self.period_markers = matcher("period_markers")
        self.total_markers = matcher("total_markers")
        #: "an additional 1,800", "150 autres": a count added to another one.
        self.added_before = matcher("added_before")
        self.added_after = matcher("added_after")
        #: "identified", "secretly buried", "registered": something said of some of the
        #: people counted, which makes the count another quantity of the same people.
        self.part_predicates = matcher("part_predicates")


class Lexicon:
    """Compiled vocabulary of one language."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        self.lang = lang
        self.abbreviations = frozenset(a.lower() for a in data.get("abbreviations", []))
        self.measures = PhraseMatcher(
            [
                (p, MeasureCue(m["measure"], m["event_type"]))
                for m in data.get("measures", [])
                for p in m["patterns"]
            ]
        )
        # Cues of a state during the event ("trapped"): their figures take the narrative time
        # even when their measure is a baseline's.
        self.narrative_cues = PhraseMatcher(
            [
                (p, True)
                for m in data.get("measures", [])
                if m.get("narrative_time")
                for p in m["patterns"]
            ]
        )
        # Words that assert an event without a figure ("occupying the city on 15 September").
        self.events = PhraseMatcher(
            [(p, e["event_type"]) for e in data.get("events", []) for p in e["patterns"]]
        )
        heads: dict[str, Any] = data.get("head_nouns", {})
        head_entries: list[tuple[str, HeadKind]] = []
        # Order matters for equal phrases: a measure noun ("refugees") beats "people".
        for measure, words in heads.get("measure_nouns", {}).items():
            head_entries += [(w, HeadKind("measure", measure)) for w in words]
        for unit, words in heads.get("units", {}).items():
            head_entries += [(w, HeadKind("unit", unit)) for w in words]
        head_entries += [
            (w, HeadKind("combatants", "combatants")) for w in heads.get("combatants", [])
        ]
        head_entries += [(w, HeadKind("people", "people")) for w in heads.get("people", [])]
        head_entries += [
            (w, HeadKind("non_human", "non_human")) for w in heads.get("non_human", [])
        ]
        seen: set[str] = set()
        unique = []
        for phrase, kind in head_entries:
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                unique.append((phrase, kind))
        self.heads = PhraseMatcher(unique)
        self.partitive = tuple(data.get("partitive", []))
        self.agent_markers = PhraseMatcher([(w, "agent") for w in data.get("agent_markers", [])])
        # A phrase right before a number that decides its measure ("a force of", "a village of").
        self.links = PhraseMatcher(
            [(w, "combatants") for w in data.get("combatant_links", [])]
            + [(w, "population") for w in data.get("population_links", [])]
        )
        self.proximity = PhraseMatcher([(w, "near") for w in data.get("proximity_markers", [])])
        local: dict[str, list[str]] = data.get("local_place_words", {})
        self.local_before = tuple(w.lower() for w in local.get("before", []))
        self.local_after = tuple(w.lower() for w in local.get("after", []))
        self.coordinators = frozenset(w.lower() for w in data.get("coordinators", []))
        self.anaphora = PhraseMatcher([(w, "anaphora") for w in data.get("anaphora_starts", [])])
        self.coordination = PhraseMatcher([(w, "and") for w in data.get("coordinators", [])])
        # German capitalises every noun, so a capital letter does not mark a name there.
        self.capitalised_nouns = bool(data.get("capitalised_nouns", False))
        self.subject_before_verb = bool(data.get("subject_before_verb", True))
        self.locatives = tuple(data.get("locatives", []))
        self.calendar_words = _calendar_words(lang)
        self.determiners = frozenset(w.lower() for w in data.get("determiners", []))
        self.object_markers = frozenset(w.lower() for w in data.get("object_markers", []))
        self.passive_aux = frozenset(w.lower() for w in data.get("passive_aux", []))
        self.subset_markers = PhraseMatcher([(w, "subset") for w in data.get("subset_markers", [])])
        self.victim_markers = PhraseMatcher([(w, "victim") for w in data.get("victim_markers", [])])
        attribution: dict[str, Any] = data.get("attribution", {})
        cue_entries: list[tuple[str, CueKind]] = []
        # Anaphoric cues ("according to him", "по его словам") first: they stand for a
        # source named before; reflexive ones ("nach eigenen Angaben") for the clause's subject.
        for cue_kind in ("anaphoric", "reflexive", "unnamed", "nominal", "prepositional"):
            cue_entries += [(w, CueKind(cue_kind)) for w in attribution.get(cue_kind, [])]
        cue_entries += [(w, CueKind("verb")) for w in attribution.get("verbs", [])]
        cue_entries += [
            (w, CueKind("postpositional")) for w in attribution.get("postpositional", [])
        ]
        # Phrases that contain a cue word but report nothing ("took place"): longest match wins,
        # so listing them as "none" blocks the shorter cue inside them.
        cue_entries += [(w, CueKind("none")) for w in attribution.get("not_cues", [])]
        self.cues = PhraseMatcher(cue_entries)
        self.source_nouns = PhraseMatcher(
            [(w, "source") for w in attribution.get("nouns_as_source", [])]
        )
        self.clause_breaks = PhraseMatcher(
            [(w, "break") for w in attribution.get("clause_breaks", [])]
        )
        self.continuations = PhraseMatcher(
            [(w, "continue") for w in attribution.get("continuation_starts", [])]
        )
        #: Words that open a speaker phrase without naming anyone ("Later the committee").
        self.leading_skip = frozenset(w.casefold() for w in attribution.get("leading_skip", []))
        self.quantifiers = frozenset(w.casefold() for w in attribution.get("quantifiers", []))
        #: Pronouns opening a relative clause (", who ... ,", "которую"): the subject of the
        #: verb after such a clause stands before it.
        self.relative_pronouns = frozenset(
            w.casefold() for w in attribution.get("relative_pronouns", [])
        )
        self.anaphoric_cues = frozenset(
            " ".join(w.casefold().split()) for w in attribution.get("anaphoric", [])
        )
        #: Relative pronouns that are the subject of their clause (", qui parlent de"): the
        #: speaker is the noun phrase they stand for.
        self.subject_relatives = frozenset(
            w.casefold() for w in attribution.get("subject_relatives", [])
        )
        #: "they began to say": a phase verb ends a speaker phrase like an auxiliary.
        self.phase_verbs = PhraseMatcher([(w, "phase") for w in attribution.get("phase_verbs", [])])
        #: Pronouns that can stand for a source ("it estimated", "ils affirment").
        self.speaker_pronouns = frozenset(w.casefold() for w in attribution.get("pronouns", []))
        #: Dummy subjects of impersonal reports ("it was believed", "il est estimé").
        self.impersonal_pronouns = frozenset(
            w.casefold() for w in attribution.get("impersonal_pronouns", [])
        )
        self.opinion_openers = PhraseMatcher(
            [(w, "opinion") for w in attribution.get("opinion_openers", [])]
        )
        self.cleft = re.compile(attribution["cleft"]) if attribution.get("cleft") else _NEVER
        #: Single-word reporting verbs, where a speaker phrase must stop.
        self.verb_cue_words = PhraseMatcher(
            [(w, "verb") for w in attribution.get("verbs", []) if " " not in w]
        )
        #: German reported speech (Konjunktiv I/II): a sentence that continues a report.
        self.reported_speech = frozenset(
            w.casefold() for w in attribution.get("reported_speech", [])
        )
        self.framing = PhraseMatcher(
            [(p, label) for label, patterns in data.get("framing", {}).items() for p in patterns]
        )
        self.roles = RolesLexicon(
            {
                **data.get("roles", {}),
                "_agent_markers": [
                    *data.get("agent_markers", []),
                    *data.get("victim_markers", []),
                    *data.get("passive_aux", []),
                ],
            }
        )
        self.determiners_only = self.roles.determiners
        self.stance = StanceLexicon(data.get("stance", {}))
        #: Words that say when, not who, in a speaker phrase ("Later the committee").
        self.stance_skip = frozenset(
            w.casefold() for w in data.get("stance", {}).get("later_words", [])
        )
        self.scope = ScopeLexicon(data.get("scope", {}))


def _calendar_words(lang: str) -> frozenset[str]:
    """Month and day names (CLDR, generated data): capitalised words that are not places."""
    if not is_data_language(lang):
        return frozenset()
    path = resources.files("rashomon") / _DATA / lang / "calendar.json"
    if not path.is_file():
        return frozenset()
    data = json.loads(path.read_text(encoding="utf-8"))
    words: set[str] = set()
    for key in ("months", "days_from_monday"):
        for widths in data.get(key, {}).values():
            for names in widths.values():
                words.update(n.casefold().rstrip(".") for n in names)
    # Abbreviations CLDR lacks ("Sept."), hand-written beside the time words.
    time_path = resources.files("rashomon") / _DATA / lang / "time.json"
    if time_path.is_file():
        extra = json.loads(time_path.read_text(encoding="utf-8")).get("month_abbreviations", {})
        words.update(str(w).casefold() for w in extra)
    return frozenset(words)


@cache
def _data_folders() -> frozenset[str]:
    return frozenset(p.name for p in (resources.files("rashomon") / _DATA).iterdir())


def is_data_language(lang: str) -> bool:
    """Whether ``lang`` names one of the language data folders: a value from a document or
    manifest ("../../x") must never become a path."""
    return lang in _data_folders()


def available_languages() -> list[str]:
    root = resources.files("rashomon") / _DATA
    return sorted(p.name for p in root.iterdir() if (p / "extract.json").is_file())


_WORD = re.compile(r"[^\W\d_]{2,}")


def _lower_words(value: Any, out: set[str]) -> None:
    """Every lower-case word of a data tree: the language's ordinary vocabulary."""
    if isinstance(value, str):
        out.update(w for w in _WORD.findall(value) if w.islower())
    elif isinstance(value, dict):
        for k, v in value.items():
            if not str(k).startswith("_"):
                _lower_words(k, out)
                _lower_words(v, out)
    elif isinstance(value, list):
        for v in value:
            _lower_words(v, out)


@cache
def common_words(lang: str) -> frozenset[str]:
    """Lower-case words the language data uses ("un", "and", "government"): in all-caps text
    such a word is no evidence of a name ("UN INCENDIE" is "un incendie", not the UN)."""
    out: set[str] = set()
    for name in ("extract.json", "numbers.json", "time.json"):
        path = resources.files("rashomon") / _DATA / lang / name
        if path.is_file():
            _lower_words(json.loads(path.read_text(encoding="utf-8")), out)
    # The language's function words ("dort", "there", "там"), from the stop-words package:
    # the data files above hold only the words the rules use.
    # A language the package does not cover keeps the data files' words.
    with contextlib.suppress(StopWordError):
        out.update(get_stop_words(lang))
    return frozenset(w.casefold() for w in out)


@cache
def lexicon_data(lang: str) -> dict[str, Any]:
    """The raw ``extract.json`` of a language (empty when rashomon has no data for it)."""
    if not is_data_language(lang):
        return {}
    path = resources.files("rashomon") / _DATA / lang / "extract.json"
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def lexicon(lang: str) -> Lexicon | None:
    """The compiled vocabulary for a language, or None when rashomon has no data for it."""
    data = lexicon_data(lang)
    return Lexicon(lang, data) if data else None
