"""The document's stance toward each figure (DESIGN.md §3 ``stance``): asserted unless the text
says otherwise.

* ``superseded``: the same source revised it later: "reduced the total from over 12,000 to
  7,108" (the "from" figure), "revu à la baisse un précédent bilan de 38" (an earlier toll),
  "Rodda reculó en la cifra ... 325" (the speaker's earlier figure of the same quantity),
  or, in a document that reports a revision, a figure the text marks as reported before
  ("had put the toll at", "ранее сообщали");
* ``rejected``: the document presents it in order to deny it: "Any claim that ... 2,000 ... is
  outrageous", "autant d'annonces infondées" (a rejection predicate about a claim), "les
  observateurs démentent avoir annoncé un tel bilan" (a denial of the claim);
* ``unconfirmed``: someone says they could not confirm it ("no pudo confirmar la cifra de
  40 aldeas quemadas").

Attribution stays with whoever claimed the figure; ``stance.by`` names who revised, rejected
or could not confirm it, where the text says.  A denial of responsibility that does not
address a number ("denied responsibility for the killings") changes no figure's stance.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from rashomon.extract.claims import Claim
from rashomon.extract.lexicon import Hit
from rashomon.extract.pipeline import Parsed, Sentence

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FROM_TO_GAP = 80
_EARLIER_REACH = 6  # words from "earlier toll" to its figure
_PREDICATE_REACH = 160  # chars from a rejected figure to the predicate after it
_UNCONFIRMED_REACH = 80
_OBJECT_REACH = 3  # words from "the figure" to its number ("the figure of some 68")
_ANSWER_REACH = 1500  # chars before "the real figures were" where the answered ones stand
_LIST_LINE = 90  # a line of a list of figures ("Killed — 12,000")


def _stance(status: str, by: dict[str, Any] | None) -> dict[str, Any]:
    return {"status": status, "by": by}


def _span(p: Parsed, start: int, end: int) -> dict[str, Any]:
    return {"text": p.text[start:end], "start": start, "end": end}


def _speaker_key(claim: Claim) -> str:
    speaker = (claim.attribution or {}).get("speaker") or ""
    words = [w.casefold() for w in _WORD.findall(str(speaker))]
    return words[-1] if words else ""


def _source_keys(text: str, skip: frozenset[str]) -> set[str]:
    """What names a source: its actor-table ids ("UN" and "United Nations" are one), its
    acronyms and its head noun ("the committee")."""
    from rashomon.extract.actors import ActorTable

    words = [w for w in _WORD.findall(text) if w.casefold() not in skip]
    keys = {a.actor_id for a in ActorTable.load().find_actors(text)}
    # Acronyms ("CNH", "MONUC") and the head noun ("the committee", "la misma CNH"); shared
    # capitalised words alone ("Human Rights") do not make two sources one.
    keys |= {w.replace(".", "") for w in words if w.replace(".", "").isupper() and len(w) >= 2}
    if words:
        keys.add(words[-1].casefold())
    return keys


def _same_source(p: Parsed, a: Claim, b: Claim) -> bool:
    sa = str((a.attribution or {}).get("speaker") or "")
    sb = str((b.attribution or {}).get("speaker") or "")
    skip = p.lex.roles.function_words | p.lex.stance_skip
    return bool(sa and sb and (_source_keys(sa, skip) & _source_keys(sb, skip)))


class _Doc:
    def __init__(self, p: Parsed, claims: Sequence[Claim]) -> None:
        self.p = p
        self.figs = [c for c in claims if c.kind == "figure" and c.value is not None]
        starts = {s.span.start: s for s in p.sentences}
        self.sent_of: dict[int, Sentence] = {}
        self.by_sent: dict[int, list[Claim]] = defaultdict(list)
        for c in self.figs:
            sent = starts.get(int(c.evidence.get("start", -1)))
            if sent is not None:
                self.sent_of[id(c)] = sent
                self.by_sent[sent.index].append(c)
        lex = p.lex.stance
        self.revises = bool(lex.revision_verbs.find_all(p.text) or lex.new_markers.find_all(p.text))

    def hits(self, matcher: Any, sent: Sentence) -> list[Hit[Any]]:
        return list(matcher.finditer(self.p.text, sent.span.start, sent.span.end))

    def speaker_near(self, sent: Sentence, pos: int) -> dict[str, Any] | None:
        """Who speaks where a cue stands: the attribution covering or nearest after it."""
        for a in sent.attributions:
            if a.start <= pos <= a.end + 2 or 0 <= a.start - pos <= 60:
                return _span(self.p, a.start, a.end) | {"text": a.speaker or a.text}
        return None


def assign_stance(p: Parsed, claims: Sequence[Claim]) -> None:
    """Set ``stance`` on the figure claims whose document revises, rejects or could not
    confirm them (in place)."""
    doc = _Doc(p, claims)
    if not doc.figs:
        return
    for sent in p.sentences:
        figs = doc.by_sent.get(sent.index, [])
        _unconfirmed(doc, sent, figs)
        _rejected(doc, sent, figs)
        _superseded_here(doc, sent, figs)
    _rejected_by_reality(doc)
    if doc.revises:
        _superseded_by_revision(doc)
    _superseded_later(doc)


def _answer_block(doc: _Doc, sent: Sentence) -> int:
    """Where the document's own figures end: its sentence, or, when the sentence opens a
    list (it ends with a colon), the short lines that follow it."""
    text = doc.p.text
    end = sent.span.end
    if not text[sent.span.start : sent.span.end].rstrip().endswith(":"):
        return end
    for nxt in doc.p.sentences[sent.index + 1 :]:
        line = text[nxt.span.start : nxt.span.end].strip()
        if len(line) > _LIST_LINE or not doc.by_sent.get(nxt.index):
            break
        end = nxt.span.end
    return end


def _rejected_by_reality(doc: _Doc) -> None:
    """ "Jansen gives: killed 12,000 ... The real figures were: ... 6,000": a document that
    sets its own figures against a source's, for the same quantity, rejects the source's
    (every figure it gave there), in its own voice."""
    lex = doc.p.lex.stance
    answered = 0
    for sent in doc.p.sentences:
        cues = doc.hits(lex.reality_cues, sent)
        if not cues or sent.span.start < answered:
            continue
        end = _answer_block(doc, sent)
        new = [c for c in doc.figs if cues[0].end <= c.start < end]
        if not new:
            continue
        lo = max(answered, sent.span.start - _ANSWER_REACH)
        old = [c for c in doc.figs if lo <= c.start and c.end <= sent.span.start]
        theirs = {_speaker_key(c) for c in new}
        sources = {
            _speaker_key(c)
            for c in old
            if c.measure in {n.measure for n in new} and _speaker_key(c) not in theirs
        } - {""}
        for c in old:
            if c.stance is None and _speaker_key(c) in sources:
                c.stance = _stance("rejected", None)
        answered = end


def _unconfirmed(doc: _Doc, sent: Sentence, figs: list[Claim]) -> None:
    for cue in doc.hits(doc.p.lex.stance.unconfirmed, sent):
        for c in figs:
            if 0 <= c.start - cue.end <= _UNCONFIRMED_REACH and not re.search(
                r"[;:.]", doc.p.text[cue.end : c.start]
            ):
                c.stance = _stance("unconfirmed", doc.speaker_near(sent, cue.start))


def _rejected(doc: _Doc, sent: Sentence, figs: list[Claim]) -> None:
    p, lex = doc.p, doc.p.lex.stance
    claims_said = doc.hits(lex.claim_nouns, sent)
    for pred in doc.hits(lex.rejection_predicates, sent):
        # The predicate must judge a claim ("Any claim that ... is outrageous", "annonces
        # infondées"), not describe the violence ("exaggerated force").
        if not any(abs(h.start - pred.start) <= 40 or h.start < pred.start for h in claims_said):
            continue
        before = [c for c in figs if c.end <= pred.start and pred.start - c.end <= _PREDICATE_REACH]
        for c in before:
            if c.stance is None:
                c.stance = _stance("rejected", doc.speaker_near(sent, pred.start))
    for verb in doc.hits(lex.denial_verbs, sent):
        objects = lex.denial_objects.find_all(p.text, verb.end, min(sent.span.end, verb.end + 40))
        if not objects:
            continue  # a denial of something else ("denied responsibility")
        by = _subject(p, sent, verb.start)
        # "rejected the figure of 68": the figure the object names, after it.
        after = [
            c
            for c in figs
            if objects[0].end <= c.start
            and len(_WORD.findall(p.text[objects[0].end : c.start])) <= _OBJECT_REACH
            and not re.search(r"[;.]", p.text[objects[0].end : c.start])
        ]
        for c in after[:1]:
            if c.stance is None:
                c.stance = _stance("rejected", by)
        if after:
            continue
        targets = [c for c in figs if c.end <= verb.start]
        if not targets:
            prev = [s for s in p.sentences if s.index == sent.index - 1 and s.para == sent.para]
            targets = doc.by_sent.get(prev[0].index, []) if prev else []
        for c in targets[-2:] if targets else []:
            if c.stance is None:
                c.stance = _stance("rejected", by)


def _subject(p: Parsed, sent: Sentence, pos: int) -> dict[str, Any] | None:
    """The words before a verb in its clause: who denies, revises or could not confirm."""
    start = max(
        [sent.span.start]
        + [m.end() for m in re.finditer(r"[,;:]\s*", p.text[sent.span.start : pos])]
    )
    if start != sent.span.start:
        start += sent.span.start
    words = list(_WORD.finditer(p.text, start, pos))
    if not words:
        return None
    words = words[-6:]
    return _span(p, words[0].start(), words[-1].end())


def _superseded_here(doc: _Doc, sent: Sentence, figs: list[Claim]) -> None:
    p, lex = doc.p, doc.p.lex.stance
    revisions = doc.hits(lex.revision_verbs, sent)
    # "The toll rose from 9 to 13" is a revision too, told as a change.
    moved = sorted([*revisions, *doc.hits(lex.change_verbs, sent)], key=lambda h: h.start)
    # "from over 12,000 ... to 7,108": the figure revised away; "to 13 from 9" the same.
    if moved and len(figs) >= 2:
        for a, b in itertools.pairwise(figs):
            gap = p.text[a.end : b.start]
            if len(gap) > _FROM_TO_GAP or a.measure != b.measure:
                continue
            lead_a = p.text[max(sent.span.start, a.start - 12) : a.start]
            lead_b = p.text[max(sent.span.start, b.start - 12) : b.start]
            if lex.to_words.find_all(gap) and lex.from_words.find_all(lead_a):
                old, new = a, b
            elif lex.from_words.find_all(gap) and lex.to_words.find_all(lead_a):
                old, new = b, a
                if not lex.from_words.find_all(lead_b):
                    continue
            else:
                continue
            # A reviser is the subject of "revised"; "the toll rose" names none.
            by = _subject(p, sent, revisions[0].start) if revisions else None
            old.stance = _stance("superseded", by)
            if not old.victims:
                # "de 19 a 34 civiles": the noun after the new figure counts the old too.
                old.victims = [dict(v) for v in new.victims]
    # "un précédent bilan de 38", "an earlier toll of 1,000".
    for early in doc.hits(lex.earlier_words, sent):
        toll = lex.toll_nouns.find_all(p.text, early.end, min(sent.span.end, early.end + 25))
        if not toll:
            continue
        for c in figs:
            words = _WORD.findall(p.text[toll[0].end : c.start])
            if c.start >= toll[0].end and len(words) <= _EARLIER_REACH and c.stance is None:
                c.stance = _stance("superseded", _subject(p, sent, early.start))
                break
    # "Rodda reculó en la cifra y dijo que podrían haber sido 325": the same speaker's
    # earlier figure of the same quantity is revised.
    for rev in revisions:
        newer = [c for c in figs if c.start > rev.start]
        if not newer:
            continue
        target = newer[0]
        if target.stance is not None:
            continue  # "revu à la baisse un précédent bilan de 38": the old figure is here
        earlier = _earlier_of_same_source(doc, sent, target, rev.start)
        if earlier is None:
            # "The council, which had reported 300 dead, raised the toll to 500": the
            # reviser's own figure before the revision verb, in the same sentence.
            here = [
                c
                for c in figs
                if c.end <= rev.start
                and c.measure == target.measure
                and _speaker_key(c)
                and _speaker_key(c) == _speaker_key(target)
            ]
            earlier = here[-1] if here else None
        if earlier is not None and earlier.stance is None:
            earlier.stance = _stance("superseded", _subject(p, sent, rev.start))


def _earlier_of_same_source(doc: _Doc, sent: Sentence, newer: Claim, cue: int) -> Claim | None:
    """The latest figure before ``newer`` of the same measure from the same source: the
    speaker named at the revision, or, where the reviser is a pronoun or unnamed, the
    latest figure of the same paragraph."""
    reviser = _subject(doc.p, sent, cue)
    reviser_words = {w.casefold() for w in _WORD.findall(str((reviser or {}).get("text") or ""))}
    # A figure equal to the new one is the same figure told before (a headline), not revised.
    new_ends = {(newer.value or {}).get(k) for k in ("low", "high")} - {None}
    candidates = [
        c
        for c in doc.figs
        if c.start < sent.span.start
        and c.measure == newer.measure
        and c is not newer
        and not {(c.value or {}).get(k) for k in ("low", "high")} <= new_ends
    ]
    for c in reversed(candidates):
        key = _speaker_key(c)
        if key and key in reviser_words:
            return c
    same_para = [
        c for c in candidates if doc.sent_of.get(id(c)) and doc.sent_of[id(c)].para == sent.para
    ]
    pronoun = reviser_words & doc.p.lex.roles.function_words
    if same_para and (not reviser_words or pronoun):
        return same_para[-1]
    return None


def _superseded_later(doc: _Doc) -> None:
    """ "Después, la misma CNH diría que había cerca de 150": a source that later gives
    another figure of the same quantity replaces its earlier one."""
    p, lex = doc.p, doc.p.lex.stance
    for i, newer in enumerate(doc.figs):
        sent = doc.sent_of.get(id(newer))
        if sent is None or not lex.later_words.find_all(p.text, sent.span.start, newer.start):
            continue
        for older in reversed(doc.figs[:i]):
            osent = doc.sent_of.get(id(older))
            if osent is None or osent.index == sent.index:
                continue
            if (
                older.measure == newer.measure
                and older.stance is None
                and _same_source(p, older, newer)
            ):
                older.stance = _stance("superseded", None)
                break


def _superseded_by_revision(doc: _Doc) -> None:
    """In a document that reports a revision, figures the text marks as reported before the
    revision ("the UN had put the toll at 1,000", "ранее власти сообщали ... 176")."""
    p, lex = doc.p, doc.p.lex.stance
    for c in doc.figs:
        sent = doc.sent_of.get(id(c))
        if sent is None or c.stance is not None:
            continue
        lo = sent.span.start
        # The newer figure counts the same whole: a part ("62 of the injured were
        # attackers") revises nothing.
        if lex.pluperfect_gapped.search(p.text, lo, c.start) and any(
            o.measure == c.measure and o is not c and not o.scope and _same_source(p, o, c)
            for o in doc.figs
        ):
            c.stance = _stance("superseded", None)
