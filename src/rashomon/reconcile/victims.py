"""Victim groups: which figures of an event count the same people (DESIGN.md §5).

UCDP GED keeps deaths per side; so do we.  A figure's *group key* is what it says about who
was harmed: its own victims (the counted noun, "2,500 Armenians", and the victims of its own
clause), else the victims the document carries to it from context.  Generic words ("people",
"morts", "человек", per-language data in ``data/lang/<lang>/victims.json``) name no group.  A
mention the actor table covers is keyed by its actors' canonical names (so "ethnische
Armenier", "d'Arméniens" and "Armenians" are one key); anything else by its remaining words
("the attackers", "сирийских солдат").

Keys are then merged into groups, most used first, unless one *source* (a document and
speaker, ``estimates.source_keys``) gives figures for both: a source that splits its toll
("150 civilians and 40 soldiers", an infobox's "2,500 Armenians" beside "3,000-12,000
Azerbaijanis") says the two are different people, while different sources that describe the
same dead differently ("some 2,000 Muslim soldiers" against "nearly 8,000 Muslim men and
boys") dispute one quantity.  Two keys made only of actor-table groups of different kinds (an
ethnic or religious group and a demographic one: "Bosniaks", "men and boys") can overlap, so
giving both never sets them apart.  One *document* that gives figures for two peoples (keys that
each name only ethnonyms, or only faiths, with none in common: "Europeans" and "natives",
"Armenians" and "Azerbaijanis") counts two peoples whoever it quotes for each: its author does
not call the same dead by two peoples' names.

Figures a document marks as a subgroup ("hundreds of Bolsheviks also perished") form groups of
their own and never merge with the toll.  Figures that name no group join the event's one
named group when there is exactly one and their own document names it or names no group at
all; otherwise (their document names another group, or the event has several) they make the
ungrouped estimate.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Group", "VictimWords", "figure_key", "group_figures", "victim_words"]

_IDENTITY = frozenset({"ethnonym", "religious_group"})
_DEMOGRAPHIC = frozenset({"group"})


def fold(text: str) -> str:
    """Casefolded, accents and punctuation removed, single spaces."""
    text = unicodedata.normalize("NFKD", text).casefold()
    kept = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(kept.split())


@dataclass(frozen=True, slots=True)
class VictimWords:
    generic: frozenset[str]
    determiners: frozenset[str]


@cache
def victim_words() -> VictimWords:
    """Generic and determiner words of every language with data (a word that names no group
    in one language names none in a document quoting it in another)."""
    root = resources.files("rashomon") / "data" / "lang"
    generic: set[str] = set()
    determiners: set[str] = set()
    for lang in sorted(p.name for p in root.iterdir()):
        path = root / lang / "victims.json"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        generic.update(fold(w) for w in data.get("generic", []))
        determiners.update(fold(w) for w in data.get("determiners", []))
    return VictimWords(frozenset(generic), frozenset(determiners))


@dataclass(frozen=True, slots=True)
class _Label:
    """One victim mention as a group: its key, the actors it names, and how it was written."""

    key: str
    actors: tuple[tuple[str, str, str], ...]  # (id, canonical name, type)
    text: str


@cache
def _label_of(text: str, actor_id: str | None) -> _Label | None:
    """The group a mention names, or None for a generic one ("people", "les morts")."""
    from rashomon.extract.actors import ActorTable

    words = victim_words()
    table = ActorTable.load()
    found: list[tuple[str, str, str]] = []
    if (
        actor_id
        and actor_id in table.actors
        and fold(table.actors[actor_id].name) not in words.generic
    ):
        found.append(_canonical(table, actor_id))
    covered = ""
    for mention in table.find_actors(text):
        if mention.type in ("person",):
            continue
        covered += " " + mention.text
        # An actor-table group that is only a generic word ("residents", "habitants") names
        # no group.
        if fold(table.actors[mention.actor_id].name) not in words.generic:
            found.append(_canonical(table, mention.actor_id))
        # A people's name for some of its people ("civils chinois", "Chinese civilians") also
        # names the kind of people it counts, as "Tamil civilians" does word by word.
        for word in mention.text.split() if " " in mention.text.strip() else ():
            for inner in table.find_actors(word):
                if inner.type in _DEMOGRAPHIC and inner.actor_id != mention.actor_id:
                    found.append(_canonical(table, inner.actor_id))
    found = list(dict.fromkeys(found))
    rest = [
        w
        for w in fold(text).split()
        if w not in words.generic and w not in words.determiners and not w.isdigit()
    ]
    leftover = [w for w in rest if w not in set(fold(covered).split())]
    if not found and not rest:
        return None
    if found and not leftover:
        key = "+".join(sorted(name for _, name, _ in found))
    else:
        key = " ".join(rest)
    return _Label(key, tuple(found), text.strip())


def _canonical(table: Any, actor_id: str) -> tuple[str, str, str]:
    """An actor as a victim group: an ethnonym that is another's older name ("Tatars" in
    1918 Transcaucasia) is that group."""
    actor = table.actors[actor_id]
    same = table.actors.get(actor.same_as or "")
    if same is not None and actor.type in _IDENTITY and same.type in _IDENTITY:
        actor = same
    return (actor.id, actor.name, actor.type)


def _own(mention: Mapping[str, Any]) -> bool:
    """The figure's own words: its counted noun or its own clause (not carried context)."""
    return mention.get("basis") != "context"


def figure_labels(claim: Mapping[str, Any]) -> list[_Label]:
    """The groups a figure names: its own victims, else those carried from context."""
    mentions = [m for m in claim.get("victims") or [] if m.get("text") or m.get("name")]
    for chosen in ([m for m in mentions if _own(m)], [m for m in mentions if not _own(m)]):
        labels = [_label_of(str(m.get("text") or m.get("name")), m.get("id")) for m in chosen]
        named = [lab for lab in labels if lab is not None]
        if named:
            return list({lab.key: lab for lab in named}.values())
    return []


def figure_key(claim: Mapping[str, Any]) -> str | None:
    """The figure's group key (None: it names no group)."""
    labels = figure_labels(claim)
    return " / ".join(sorted(lab.key for lab in labels)) if labels else None


@dataclass(slots=True)
class Group:
    """Figures that count the same people; ``name``/``id`` are None for the ungrouped."""

    name: str | None
    id: str | None
    subgroup: bool = False
    keys: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    claims: list[Mapping[str, Any]] = field(default_factory=list)

    def victims(self) -> dict[str, Any] | None:
        if self.name is None:
            return None
        out: dict[str, Any] = {"name": self.name, "id": self.id}
        if self.aliases:
            out["aliases"] = self.aliases
        return out


def _covered(label: _Label) -> bool:
    """The mention is fully an actor-table group (no words of its own beside)."""
    return bool(label.actors) and label.key == "+".join(sorted(n for _, n, _ in label.actors))


@cache
def _peoples() -> frozenset[str]:
    """Actor-table groups typed as kinds of people that name a people by origin
    (``data/victim_groups.json``)."""
    path = resources.files("rashomon") / "data" / "victim_groups.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get("peoples", []))


def _identity_type(actor: tuple[str, str, str]) -> str | None:
    """ "ethnonym" or "religious_group" for an actor that names a people or a faith."""
    aid, _, kind = actor
    if kind in _IDENTITY:
        return kind
    return "ethnonym" if aid in _peoples() else None


def _categories(labels: Iterable[_Label]) -> frozenset[str] | None:
    """The kinds of group a key names; None when a part is not an actor-table group of a
    known kind (then nothing says the two keys can overlap)."""
    kinds: set[str] = set()
    for label in labels:
        if not _covered(label):
            return None
        for actor in label.actors:
            if _identity_type(actor):
                kinds.add("identity")
            elif actor[2] in _DEMOGRAPHIC:
                kinds.add("demographic")
            else:
                return None
    return frozenset(kinds)


def _peoples_apart(a: Sequence[_Label], b: Sequence[_Label]) -> bool:
    """Two keys that each name only peoples of one kind (ethnonyms, or faiths) with none in
    common: "Europeans" and "natives", "Armenians" and "Azerbaijanis".  One document that
    gives figures for both counts two peoples, whoever it quotes for each.  A people and a
    faith ("Bosniaks", "Muslims") can be the same dead, so they are never set apart so."""

    def named(labels: Sequence[_Label]) -> tuple[str, frozenset[str]] | None:
        types: set[str] = set()
        ids: set[str] = set()
        for label in labels:
            if not _covered(label):
                return None
            for actor in label.actors:
                kind = _identity_type(actor)
                if kind is None:
                    return None
                types.add(kind)
                ids.add(actor[0])
        return (types.pop(), frozenset(ids)) if len(types) == 1 else None

    pa, pb = named(a), named(b)
    return bool(pa and pb and pa[0] == pb[0] and pa[1].isdisjoint(pb[1]))


def _set_apart(a: Sequence[_Label], b: Sequence[_Label]) -> bool:
    """Whether one source giving figures for both keys says they are different people: not
    when they share a group ("Palestinians and children" beside "children"), nor when they
    are groups of different kinds (ethnic or religious against demographic: "Bosniaks",
    "men and boys"), which can be the same people."""
    if {lab.key for lab in a} & {lab.key for lab in b}:
        return False
    # One names a kind of people the other names too, and at most one names a people, or
    # both the same ("Chinese civilians and prisoners of war" beside "civilians"): overlapping.
    ids_a = {actor for lab in a for actor in lab.actors}
    ids_b = {actor for lab in b for actor in lab.actors}
    if ids_a & ids_b:
        peoples_a = {x for x in ids_a if _identity_type(x)}
        peoples_b = {x for x in ids_b if _identity_type(x)}
        if not peoples_a or not peoples_b or peoples_a & peoples_b:
            return False
    ka, kb = _categories(a), _categories(b)
    return not (ka and kb and ka.isdisjoint(kb))


def group_figures(
    claims: Sequence[Mapping[str, Any]],
    sources: Mapping[str, tuple[str, str]],
    named_by_doc: Mapping[str, set[str]] | None = None,
) -> list[Group]:
    """The figures of one event and quantity (measure, unit) in victim groups: named groups
    first (most figures first), then subgroups, then the ungrouped (if any figure is left)."""
    labels = {str(c["id"]): figure_labels(c) for c in claims}
    keys = {
        cid: " / ".join(sorted(lab.key for lab in labs)) if labs else None
        for cid, labs in labels.items()
    }
    toll = [c for c in claims if keys[str(c["id"])] and not _is_subgroup(c)]
    sub = [c for c in claims if keys[str(c["id"])] and _is_subgroup(c)]
    unnamed = [c for c in claims if not keys[str(c["id"])]]

    # Keys a source sets apart: one source giving figures under both.
    by_source: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_doc: dict[str, set[str]] = defaultdict(set)
    key_labels: dict[str, list[_Label]] = {}
    counts: Counter[str] = Counter()
    for c in toll:
        key = keys[str(c["id"])]
        assert key is not None
        by_source[sources[str(c["id"])]].add(key)
        by_doc[str(c["doc"]["id"])].add(key)
        key_labels.setdefault(key, labels[str(c["id"])])
        counts[key] += 1
    apart: set[tuple[str, str]] = set()
    for given in by_source.values():
        for a in given:
            for b in given:
                if a < b and _set_apart(key_labels[a], key_labels[b]):
                    apart.add((a, b))
    for given in by_doc.values():
        for a in given:
            for b in given:
                if a < b and _peoples_apart(key_labels[a], key_labels[b]):
                    apart.add((a, b))
    clusters: list[list[str]] = []
    for key in sorted(counts, key=lambda k: (-counts[k], k)):
        home = next(
            (
                cluster
                for cluster in clusters
                if not any((min(key, k), max(key, k)) in apart for k in cluster)
            ),
            None,
        )
        if home is None:
            clusters.append([key])
        else:
            home.append(key)

    groups = [
        _named(cluster, [c for c in toll if keys[str(c["id"])] in cluster], labels)
        for cluster in clusters
    ]
    sub_keys: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in sub:
        sub_keys[str(keys[str(c["id"])])].append(c)
    subgroups = []
    for key, members in sub_keys.items():
        group = _named([key], members, labels)
        group.subgroup = True
        subgroups.append(group)

    ungrouped: list[Mapping[str, Any]] = []
    if len(groups) == 1 and named_by_doc is not None:
        only = groups[0]
        names = set(only.keys)
        for c in unnamed:
            named = named_by_doc.get(str(c["doc"]["id"]), set())
            # Its document names this group, or names none: the event's sources then name
            # one common group ("a toll whose sources name a common victim group").
            if not named or names & named:
                only.claims.append(c)
            else:
                ungrouped.append(c)
    else:
        ungrouped = list(unnamed)
    out = groups + subgroups
    if ungrouped:
        out.append(Group(None, None, claims=ungrouped))
    return out


def _is_subgroup(claim: Mapping[str, Any]) -> bool:
    return ((claim.get("scope") or {}).get("kind")) == "subgroup"


def _named(
    cluster: list[str],
    members: list[Mapping[str, Any]],
    labels: Mapping[str, list[_Label]],
) -> Group:
    """A group's name: its most used key, as the actor table names it when the key is one
    actor ("Armenians"), else as the sources wrote it ("Muslim men and boys", "сирийских
    солдат"; several mentions joined: "Bolsheviks and Dashnaks")."""
    per_key: dict[str, list[list[_Label]]] = defaultdict(list)
    for c in members:
        labs = labels[str(c["id"])]
        per_key[" / ".join(sorted(lab.key for lab in labs))].append(labs)

    def display(key: str) -> tuple[str, str | None]:
        seen = per_key[key]
        first = seen[0]
        if len(first) == 1 and len(first[0].actors) == 1 and _covered(first[0]):
            aid, name, _ = first[0].actors[0]
            return name, aid
        parts = []
        for position in range(len(first)):
            texts = Counter(labs[position].text for labs in seen if len(labs) > position)
            parts.append(min(texts.items(), key=lambda kv: (-kv[1], kv[0]))[0])
        ids = [a[0] for lab in first for a in lab.actors]
        return " and ".join(parts), (ids[0] if ids else None)

    ordered = sorted(per_key, key=lambda k: (-len(per_key[k]), k))
    name, aid = display(ordered[0])
    aliases = list(dict.fromkeys(display(k)[0] for k in ordered[1:]))
    aliases = [a for a in aliases if fold(a) != fold(name)][:5]
    return Group(name, aid, keys=list(cluster), aliases=aliases, claims=list(members))


def named_by_doc(claims: Iterable[Mapping[str, Any]]) -> dict[str, set[str]]:
    """The group keys each document names anywhere in the event (any claim, any basis)."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        for m in c.get("victims") or []:
            label = _label_of(str(m.get("text") or m.get("name") or ""), m.get("id"))
            if label is not None:
                out[str(c["doc"]["id"])].add(label.key)
        key = figure_key(c)
        if key:
            out[str(c["doc"]["id"])].add(key)
    return out
