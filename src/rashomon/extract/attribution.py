"""Who asserts a figure: attribution cues, their speakers and their scope.

Three shapes cover most reporting in the languages rashomon reads:

* a prepositional cue before the source: "according to X", "selon X", "laut X", "по данным X";
  the speaker runs from the cue to the next clause boundary;
* a reporting verb after its subject: "X said / claimed / counted", "X a déclaré", "X schätzt";
  the speaker is the subject, read backwards to the clause start; a verb with no plausible
  subject looks for "by X" after it ("a boast by the victors");
* an unnamed source standing alone ("some sources", "most estimates", "по разным оценкам").

A figure takes the nearest cue before it in the same ";"-delimited clause group, else the
nearest after it ("..., officials said").  A sentence without a cue inherits the previous
sentence's cue when that cue opened its sentence ("According to X, ... . The total was N."):
the text continues the same report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.extract.lexicon import CueKind, Hit, Lexicon
from rashomon.extract.numbers import find_numbers
from rashomon.extract.segment import Span

_MAX_SPEAKER_WORDS = 14
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_GROUP_BREAK = re.compile(r";")
_WORD = re.compile(r"[\w'’.-]+")
# Prepositional cues that name their source themselves ("nach Schätzungen", "по оценкам").
_SELF_SPEAKING = re.compile(r"\w{4,}\s+\w{4,}")


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
        speaker = text[hit.end : end].strip(' ,"«»“”')
        if figure is not None and not _plausible_speaker(speaker, lex):
            end, speaker = hit.end, ""  # "nach Schätzungen zwischen 300 ...": no named source
        if not speaker and kind == "prepositional" and not _SELF_SPEAKING.search(hit.text):
            return None
        return Attribution(
            speaker or hit.text, text[hit.start : end].rstrip(" ,"), hit.start, end, kind, leading
        )
    if kind == "unnamed":
        return Attribution(hit.text, hit.text, hit.start, hit.end, kind, leading)
    if kind == "postpositional":
        # "Den Akten des Gerichts zufolge": the source comes before the cue.
        start = _clause_start(text, sent.start, hit.start, lex)
        speaker = text[start : hit.start].strip(' ,"«»“”')
        if not speaker:
            return None
        return Attribution(
            speaker, text[start : hit.end], start, hit.end, kind, start == sent.start
        )
    # A reporting verb: its subject is the speaker.
    start = _clause_start(text, sent.start, hit.start, lex)
    subject = text[start : hit.start].strip(' ,"«»“”')
    before_verb = text[sent.start : hit.start].rstrip()
    relative = lex.clause_breaks.find_all(text, max(sent.start, hit.start - 12), hit.start)
    if not subject and relative and before_verb[: -len(relative[-1].text)].rstrip().endswith(","):
        # ", qui parlent de ...", ", which claim ...": the subject is the phrase the relative
        # pronoun stands for.
        comma = text.rfind(",", sent.start, relative[-1].start)
        start = _clause_start(text, sent.start, comma, lex)
        subject = text[start:comma].strip(' ,"«»“”')
    if not subject and text[sent.start : hit.start].rstrip().endswith(","):
        # "Other accounts of the incident, including survivors' statements, say that ...":
        # the subject sits before an inserted phrase; skip back over it.
        inner = text.rfind(",", sent.start, text.rfind(",", sent.start, hit.start))
        if inner > sent.start:
            start = _clause_start(text, sent.start, inner, lex)
            subject = text[start:inner].strip(' ,"«»“”')
    if _plausible_speaker(subject, lex):
        return Attribution(
            subject, text[start : hit.end], start, hit.end, "verb", start == sent.start
        )
    # Inverted order: "..., said the ministry", "сообщила генпрокурор Украины Ирина Венедиктова".
    after_end = _clause_end(text, hit.end, sent.end, lex)
    after = text[hit.end : after_end].strip(' ,"«»“”')
    if any(n.role == "quantity" for n in find_numbers(text, lex.lang, hit.end, after_end)):
        after = ""  # what follows is the claim itself, not its source
    if (
        after
        and not lex.agent_markers.find_all(text, hit.end, min(sent.end, hit.end + 4))
        and (
            (_plausible_speaker(after, lex) and after[:1].isupper())
            or lex.source_nouns.find_all(after[:40])
        )
    ):
        return Attribution(
            after, text[hit.start : after_end], hit.start, after_end, "verb", leading
        )
    by = lex.agent_markers.find_all(text, hit.end, min(sent.end, hit.end + 12))
    if by:
        end = _clause_end(text, by[0].end, sent.end, lex)
        speaker = text[by[0].end : end].strip(" ,")
        if speaker:
            return Attribution(speaker, text[hit.start : end], hit.start, end, "verb", leading)
    return None


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
    window_start = limit
    for punct in _CLAUSE_PUNCT.finditer(text, limit, end):
        window_start = punct.end()
    for brk in lex.clause_breaks.finditer(text, window_start, end):
        window_start = brk.end
    words = list(_WORD.finditer(text, window_start, end))
    if len(words) > _MAX_SPEAKER_WORDS:
        window_start = words[-_MAX_SPEAKER_WORDS].start()
    # Leading prepositions and articles are not part of a speaker ("with contemporary ...").
    while window_start < end and text[window_start] == " ":
        window_start += 1
    return window_start


def _plausible_speaker(subject: str, lex: Lexicon) -> bool:
    """A subject names a source: a capitalised name or a source noun ("officials")."""
    if not subject or len(subject) > 160:
        return False
    words = _WORD.findall(subject)
    if not lex.capitalised_nouns and any(w[:1].isupper() for w in words):
        return True
    if lex.capitalised_nouns and sum(1 for w in words if w[:1].isupper()) >= 2:
        return True  # a German name is usually two capitalised words or more
    return bool(lex.source_nouns.find_all(subject))


def scope_of(
    figure_start: int,
    attributions: Sequence[Attribution],
    text: str,
    sent: Span,
    figure_starts: Sequence[int] = (),
) -> Attribution | None:
    """The cue that covers a figure: the nearest before it in its clause group, else the
    nearest after it that does not introduce a figure of its own ("250,000 died, some
    historians speak of 350,000": the cue belongs to 350,000 only)."""
    group_start = sent.start
    group_end = sent.end
    for brk in _GROUP_BREAK.finditer(text, sent.start, sent.end):
        if brk.start() < figure_start:
            group_start = brk.end()
        else:
            group_end = brk.start()
            break
    inside = [a for a in attributions if group_start <= a.start < group_end]
    before = [a for a in inside if a.start <= figure_start]
    if before:
        return max(before, key=lambda a: a.start)
    after = [
        a
        for a in inside
        if a.start > figure_start and not any(a.end <= f < group_end for f in figure_starts)
    ]
    return min(after, key=lambda a: a.start) if after else None
