"""Who asserts a figure: attribution cues, their speakers and their scope in a sentence.

Shapes of reporting, in every language read here:

* a prepositional cue before the source: "according to X", "selon X", "laut X", "по данным X";
  the speaker is the noun phrase after the cue ("selon la BBC", not "la BBC autant
  d'annonces infondées");
* a reporting verb and its subject: "X said", "X a déclaré", "X schätzt", "It was X who
  announced", "X, the head of Y, confirmed ... and said", "..., said the ministry", "teilte
  das Hilfswerk mit"; the subject may sit before an apposition or a parenthesis;
* an opinion opener: "Pour X, ...", "Para X, ...";
* an unnamed source standing alone ("some sources", "por preliminares data").

A speaker is a noun phrase, never a clause fragment: it loses leading adverbs and
conjunctions ("Later the committee" -> "the committee"), stops before a verb, and is dropped
when nothing naming a source is left ("Any", "Sunday", "Ituri region is believed to have").
A pronoun speaker ("they", "it", "ils") is kept as written here and resolved by the document
pass (extract/_attribution_context.py), which also carries attribution through quotations,
lists and reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.extract._case import in_caps_run
from rashomon.extract._speakers import (
    QUOTES,
    clean_speaker,
    holds_a_count,
    np_after,
    plausible_speaker,
)
from rashomon.extract.lexicon import CueKind, Hit, Lexicon
from rashomon.extract.numbers import find_numbers
from rashomon.extract.segment import Span

_MAX_SPEAKER_WORDS = 14
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_GROUP_BREAK = re.compile(r";")
_WORD = re.compile(r"[\w'’.-]+")
_LETTERS = re.compile(r"[^\W\d_][\w'’.-]*")
# Prepositional cues that name their source themselves ("nach Schätzungen", "по оценкам").
_SELF_SPEAKING = re.compile(r"\w{4,}\s+\w{4,}")
_PARENS = re.compile(r"\([^()]{0,80}\)")
_QUOTES = QUOTES
# Prepositions that name an owner after a cue noun, as a genitive does ("Angaben von X").
_OF_LINKS = frozenset({"von", "vom", "by", "par", "por"})


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    text: str
    start: int
    end: int
    kind: str
    #: The cue opened its sentence, so the next sentence may continue the report.
    leading: bool = False
    carried: bool = False

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "speaker": self.speaker,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }
        if self.carried:
            data["carried_from_previous_sentence"] = True
        return data


def find_attributions(text: str, sent: Span, lex: Lexicon) -> list[Attribution]:
    """All attribution cues in one sentence, with their speakers."""
    hits = [h for h in lex.cues.find_all(text, sent.start, sent.end) if h.payload.kind != "none"]
    out: list[Attribution] = []
    covered_until = -1
    opener = _opinion_opener(text, sent, lex)
    if opener is not None:
        out.append(opener)
        covered_until = opener.end
    for hit in hits:
        if hit.start < covered_until:
            continue  # inside the speaker of an earlier cue ("according to most estimates")
        made = _build(text, sent, hit, lex)
        if made is None:
            continue
        out.append(made)
        covered_until = made.end
    # A cue inside another's span ("estimates" in "the lowest estimates have counted") is part
    # of that one.
    return [
        a
        for a in out
        if not any(
            b is not a
            and b.start <= a.start
            and a.end <= b.end
            and (b.end - b.start) > (a.end - a.start)
            for b in out
        )
    ]


# --------------------------------------------------------------------------- cue shapes


def _opinion_opener(text: str, sent: Span, lex: Lexicon) -> Attribution | None:
    """ "Pour Benmebarek, ...", "Para el historiador X, ...": a name opening the sentence
    after an opinion preposition and before a comma."""
    hits = lex.opinion_openers.find_all(text, sent.start, min(sent.end, sent.start + 12))
    if not hits or hits[0].start != sent.start:
        return None
    comma = text.find(",", hits[0].end, min(sent.end, hits[0].end + 120))
    if comma < 0:
        return None
    phrase = text[hits[0].end : comma]
    if " ".join(text[sent.start : comma].casefold().split()) in lex.anaphoric_cues:
        return None  # "Selon lui, ...": an anaphoric cue, found as such
    if not any(w[:1].isupper() for w in _WORD.findall(phrase)) or find_numbers(phrase, lex.lang):
        return None
    span = clean_speaker(text, hits[0].end, comma, lex)
    if span is None:
        return None
    return Attribution(
        text[span[0] : span[1]], text[sent.start : comma], sent.start, comma, "prepositional", True
    )


def _is_noun_use(text: str, hit: Hit[CueKind], lex: Lexicon) -> bool:
    """ "Any claim that", "the report says": a cue word after a determiner is a noun."""
    before = _LETTERS.findall(text[max(0, hit.start - 20) : hit.start])
    return bool(before) and (
        before[-1].casefold() in lex.roles.determiners or before[-1].casefold() in lex.quantifiers
    )


def _build(text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon) -> Attribution | None:
    kind = hit.payload.kind
    leading = not text[sent.start : hit.start].strip(" \"«“„'")
    if kind in ("prepositional", "nominal"):
        end = _clause_end(text, hit.end, sent.end, lex)
        # A source never contains the figure: "nach Schätzungen zwischen 300 und 1.200
        # Menschen" has no named source, the cue is the speaker.
        figure = next(
            (n for n in find_numbers(text, lex.lang, hit.end, end) if n.role == "quantity"), None
        )
        if figure is not None:
            end = figure.start
            while end > hit.end and text[end - 1] == " ":
                end -= 1
        end = np_after(text, hit.end, end, lex)
        span = clean_speaker(text, hit.end, end, lex, after_cue=True)
        speaker = text[span[0] : span[1]].strip(_QUOTES) if span else ""
        last = _LETTERS.findall(hit.text)[-1:]
        # "nach Angaben des Bezirksrats", "according to the estimates of the council": the
        # phrase after a genitive link is the owner of the cue, a source by construction.
        owned = bool(last) and (
            lex.roles.genitive.fullmatch(last[0].casefold()) or last[0].casefold() in _OF_LINKS
        )
        if figure is not None and speaker and not owned and not plausible_speaker(speaker, lex):
            end, speaker = hit.end, ""  # "nach Schätzungen zwischen 300 ...": no named source
        if not speaker and kind == "prepositional" and not _SELF_SPEAKING.search(hit.text):
            return None
        return Attribution(
            speaker or hit.text, text[hit.start : end].rstrip(" ,"), hit.start, end, kind, leading
        )
    if kind == "anaphoric":
        # "по его словам", "demnach": the source named before (the document pass resolves it).
        return Attribution(hit.text, hit.text, hit.start, hit.end, kind, leading)
    if kind == "reflexive":
        # "Die Regierung hat nach eigenen Angaben ...": the clause's subject speaks.
        start = _clause_start(text, sent.start, hit.start, lex)
        span = clean_speaker(text, start, hit.start, lex, subject=True)
        if span is not None and plausible_speaker(text[span[0] : span[1]], lex):
            who = text[span[0] : span[1]]
            return Attribution(who, f"{who} {hit.text}", span[0], hit.end, kind, leading)
        return Attribution(hit.text, hit.text, hit.start, hit.end, kind, leading)
    if kind == "unnamed":
        return Attribution(hit.text, hit.text, hit.start, hit.end, kind, leading)
    if kind == "postpositional":
        # "Den Akten des Gerichts zufolge": the source comes before the cue.
        start = _clause_start(text, sent.start, hit.start, lex)
        span = clean_speaker(text, start, hit.start, lex)
        if span is None:
            return None
        return Attribution(
            text[span[0] : span[1]],
            text[start : hit.end],
            start,
            hit.end,
            kind,
            start == sent.start,
        )
    if _is_noun_use(text, hit, lex):
        return None
    return _verb(text, sent, hit, lex, leading)


def _verb(
    text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon, leading: bool
) -> Attribution | None:
    """A reporting verb: its subject is the speaker, found before it (in its clause, before
    an apposition or a parenthesis, through a cleft "It was X who", before a coordinated
    verb phrase "X confirmed ... and said"), else after it ("..., said the ministry")."""
    before = text[sent.start : hit.start].rstrip()
    nxt = _LETTERS.search(text, hit.end, sent.end)
    quoted = before.endswith(tuple(_QUOTES)) or before.rstrip(",").endswith(tuple(_QUOTES))
    after_comma = (
        before.endswith(",")
        and nxt is not None
        and not _relative_before(before, lex)
        and not lex.clause_breaks.fullmatch(nxt.group().casefold())
        and not _appositive_name(before + " ")
    )
    inverted = (
        quoted
        or (
            after_comma
            and nxt is not None
            # In capitals every word is capitalised: only a determiner says a name follows.
            and (
                (nxt.group()[:1].isupper() and not in_caps_run(text, nxt.start(), nxt.end()))
                or nxt.group().casefold() in lex.roles.determiners
                # "..., сказал прокурор": a source noun right after the verb is its subject.
                or bool(lex.source_nouns.find_all(text, nxt.start(), nxt.end()))
            )
        )
    )
    # "Личность пяти погибших устанавливается, сказал прокурор": the clause before the
    # comma is the claim; its source most likely follows the verb.
    claim_first = after_comma and _claim_clause(text, sent.start + len(before) - 1, sent.start, lex)
    relative = _relative_object(text, sent, hit, lex)
    if inverted or claim_first or relative:
        found = _verb_after(text, sent, hit, lex, leading, relative or quoted or claim_first)
        if found is not None or inverted:
            return found
    found = _verb_before(text, sent, hit, lex)
    return found or _verb_after(text, sent, hit, lex, leading, False)


def _verb_before(text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon) -> Attribution | None:
    for start, end in _subject_candidates(text, sent, hit, lex):
        span = clean_speaker(text, start, end, lex, subject=True)
        if span is None or holds_a_count(text, span, lex):
            continue
        subject = text[span[0] : span[1]].strip(_QUOTES + " ,")
        if plausible_speaker(subject, lex):
            return Attribution(
                subject, text[span[0] : hit.end], span[0], hit.end, "verb", span[0] == sent.start
            )
    return None


def _verb_after(
    text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon, leading: bool, certain: bool
) -> Attribution | None:
    """Inverted order: "..., said the ministry", "teilte das Hilfswerk mit", "сообщила
    генпрокурор Украины Ирина Венедиктова".  When the order is certain (after a quotation,
    in a relative clause whose subject is not before the verb) any noun phrase will do."""
    after_end = _clause_end(text, hit.end, sent.end, lex)
    if any(n.role == "quantity" for n in find_numbers(text, lex.lang, hit.end, after_end)):
        after_end = hit.end  # what follows is the claim itself, not its source
    span = clean_speaker(text, hit.end, np_after(text, hit.end, after_end, lex), lex)
    if span is not None and not lex.agent_markers.find_all(
        text, hit.end, min(sent.end, hit.end + 4)
    ):
        after = text[span[0] : span[1]].strip(_QUOTES)
        # "..., sagte das UNHCR", "..., said the UN": a name after its article.
        head = next(
            (w for w in _WORD.findall(after) if w.casefold() not in lex.roles.determiners), ""
        )
        if (
            (
                plausible_speaker(after, lex)
                and head[:1].isupper()
                and not in_caps_run(text, span[0], span[1])
            )
            or lex.source_nouns.find_all(after[:40])
            or (certain and after.casefold() not in lex.speaker_pronouns)
        ):
            return Attribution(
                after, text[hit.start : span[1]], hit.start, span[1], "verb", leading
            )
    by = lex.agent_markers.find_all(text, hit.end, min(sent.end, hit.end + 12))
    if by:
        end = _clause_end(text, by[0].end, sent.end, lex)
        span = clean_speaker(text, by[0].end, end, lex)
        if span is not None:
            return Attribution(
                text[span[0] : span[1]], text[hit.start : end], hit.start, end, "verb", leading
            )
    return None


def _relative_object(text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon) -> bool:
    """ "..., которую накануне назвал X": the verb's clause opens with a relative pronoun
    that is not its subject and holds no subject before the verb, so the subject follows."""
    scan = text[sent.start : hit.start]
    last = max((m.end() for m in _CLAUSE_PUNCT.finditer(scan)), default=-1)
    if last < 0:
        return False
    words = _LETTERS.findall(scan, last)
    if not words or words[0].casefold() not in lex.relative_pronouns - lex.subject_relatives:
        return False
    if any(w.casefold() in lex.roles.auxiliaries for w in words[1:]):
        return False  # "who were reported to be missing": a passive, no subject after it
    rest = [
        w
        for w in words[1:]
        if w.casefold() not in lex.roles.function_words
        and w.casefold() not in lex.leading_skip
        and w.casefold().rstrip(".") not in lex.calendar_words
    ]
    return not rest


def _relative_before(before: str, lex: Lexicon) -> bool:
    """ "The survivors, who walked for three days, said": the comma closes a relative
    clause, so the subject stands before it and the verb is not inverted."""
    body = before.rstrip(" ,")
    comma = body.rfind(",")
    words = _LETTERS.findall(body[comma + 1 :])
    return comma >= 0 and bool(words) and words[0].casefold() in lex.relative_pronouns


def _claim_clause(text: str, comma: int, floor: int, lex: Lexicon) -> bool:
    """The clause that ends at ``comma`` holds a count: it is the claim being reported."""
    start = max(floor, text.rfind(",", floor, comma) + 1)
    return any(n.role == "quantity" for n in find_numbers(text, lex.lang, start, comma))


# A name in apposition right before the verb: ", Jon Brask," (capitalised words only).
_APPOSITIVE = re.compile(r",\s*(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}),\s*$")


def _appositive_name(before: str) -> re.Match[str] | None:
    """ ", Jon Brask, " closing the text before a verb, the name capitalised throughout."""
    m = _APPOSITIVE.search(before)
    if m is None or not all(w[:1].isupper() for w in m.group("name").split()):
        return None
    return m


def _subject_candidates(
    text: str, sent: Span, hit: Hit[CueKind], lex: Lexicon
) -> list[tuple[int, int]]:
    # Parentheses before the verb belong to the subject ("el Consejo Nacional de Huelga
    # (CNH) decía"): blank them for the clause scan, offsets unchanged.
    # A subject never reaches across a ";" (another statement, with its own verb).
    base = max(sent.start, text.rfind(";", sent.start, hit.start) + 1)
    scan = _PARENS.sub(lambda m: " " * len(m.group()), text[base : hit.start])
    out: list[tuple[int, int]] = []
    # The verb's own clause.
    start = _clause_start_in(scan, base, lex)
    out.append((start, hit.start))
    last_punct = max((m.end() for m in _CLAUSE_PUNCT.finditer(scan)), default=-1)
    opener = _LETTERS.search(scan, last_punct) if last_punct >= 0 else None
    if opener is not None and opener.group().casefold() in lex.relative_pronouns:
        # "..., которую накануне назвал X", "..., which the ministry gave": the subject
        # of a relative clause is inside it (or after the verb), never the sentence opening;
        # "Les chiffres publiés à X, qui parlent de": a subject pronoun stands for the noun
        # phrase before it.
        comma = scan.rfind(",", 0, opener.start())
        if comma > 0:
            head = max((m.end() for m in _CLAUSE_PUNCT.finditer(scan, 0, comma)), default=0)
            out.append((base + head, base + comma))
        return out
    # A cleft: "It was Sadry who had announced".
    cleft = lex.cleft.search(scan)
    if cleft is not None:
        out.insert(0, (base + cleft.start(1), base + cleft.end(1)))
    # A coordinated verb phrase ("Rodda reculó en la cifra y dijo", "X confirmed the
    # massacres and said"), an apposition or a parenthesis ("La MONUC (...), à pied d'oeuvre
    # parle"): the subject opens the sentence, after leading adverbials.
    first = re.search(r"[,(]", scan)
    opening = first.start() if first else len(scan)
    appositive = _appositive_name(scan)
    if appositive is not None and appositive.start() > 0:
        # "(On Wednesday,) the UN envoy, Jon Brask, said": the phrase and the name in
        # apposition are one speaker (the name ties it to the same person's other reports).
        head = scan.rfind(",", 0, appositive.start()) + 1
        if scan[head : appositive.start()].strip():
            out.append((base + head, base + appositive.end("name")))
    if opening > 0:
        out.append((base, base + opening))
    segments = [m.end() for m in re.finditer(r",\s*", scan)]
    for seg in segments[:2]:
        nxt = scan.find(",", seg)
        if nxt > seg:
            out.append((base + seg, base + nxt))
    return out


def _clause_start_in(scan: str, base: int, lex: Lexicon) -> int:
    start = 0
    for punct in _CLAUSE_PUNCT.finditer(scan):
        start = punct.end()
    for brk in lex.clause_breaks.finditer(scan, start):
        start = brk.end
    words = list(_WORD.finditer(scan, start))
    if len(words) > _MAX_SPEAKER_WORDS:
        start = words[-_MAX_SPEAKER_WORDS].start()
    return base + start


def _clause_end(text: str, start: int, limit: int, lex: Lexicon) -> int:
    """End of a speaker phrase: punctuation, a clause word ("that", "que") or a word cap."""
    punct = _CLAUSE_PUNCT.search(text, start, limit)
    end = punct.start() if punct else limit
    for brk in lex.clause_breaks.finditer(text, start, end):
        if brk.payload and text[start : brk.start].strip():
            end = brk.start
            break
    words = list(_WORD.finditer(text, start, end))
    if len(words) > _MAX_SPEAKER_WORDS:
        end = words[_MAX_SPEAKER_WORDS - 1].end()
    while end > start and text[end - 1] in " .":
        end -= 1
    return end


def _clause_start(text: str, limit: int, end: int, lex: Lexicon) -> int:
    """Start of the subject before a verb: back to punctuation or a clause word."""
    return _clause_start_in(text[limit:end], limit, lex)


# --------------------------------------------------------------------------- scope


def scope_of(
    figure_start: int,
    attributions: Sequence[Attribution],
    text: str,
    sent: Span,
    figure_starts: Sequence[int] = (),
) -> Attribution | None:
    """The cue that covers a figure.

    In the figure's ";"-delimited group: a prepositional cue that closely follows a figure
    belongs to that figure ("966 morts selon RFI, 1 000 morts selon la BBC"); otherwise the
    nearest cue before the figure, else the nearest after it that does not introduce a figure
    of its own ("250,000 died, some historians speak of 350,000": the cue belongs to 350,000
    only).
    """
    group_start = sent.start
    group_end = sent.end
    for brk in _GROUP_BREAK.finditer(text, sent.start, sent.end):
        if brk.start() < figure_start:
            group_start = brk.end()
        else:
            group_end = brk.start()
            break

    def anchor(a: Attribution) -> int:
        # A verb cue sits where its verb is; its speaker may open the sentence before a ";".
        return a.end - 1 if a.kind == "verb" else a.start

    inside = [a for a in attributions if group_start <= anchor(a) < group_end]

    def owner(a: Attribution) -> int | None:
        """The figure a prepositional cue follows closely ("966 morts selon RFI")."""
        if a.kind != "prepositional":
            return None
        prev = [f for f in figure_starts if f < a.start and a.start - f <= 60]
        return max(prev) if prev else None

    mine = [a for a in inside if owner(a) == figure_start]
    if mine:
        return min(mine, key=lambda a: a.start)
    usable = [a for a in inside if owner(a) is None] or inside
    before = [a for a in usable if a.start <= figure_start]
    if before:
        return max(before, key=lambda a: a.start)
    after = [
        a
        for a in usable
        if a.start > figure_start and not any(a.end <= f < group_end for f in figure_starts)
    ]
    return min(after, key=lambda a: a.start) if after else None
