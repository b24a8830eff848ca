"""Attribution beyond one sentence, where the text keeps reporting the same source:

* a quotation: every figure inside the quotation marks belongs to whoever the quotation is
  ascribed to ("«...», said X", "X said: «...»", "X told RFE/RL that the report ...: "...""),
  across the sentences of the quotation, and a speaker "I" or "we" inside it is that person;
* a pronoun speaker ("they", "it", "ils", "она") stands for the last source named before it
  in the paragraph (or, for "it", the last organisation the previous sentence opened with);
* a list introduced by a reporting sentence ending in a colon ("X gives the following
  figures:") carries that sentence's source to its lines;
* German reported speech: a sentence in the Konjunktiv ("seien", "hätten") continues the
  previous sentence's report;
* a figure in a ";"-group without a cue of its own takes the cue that opened the sentence.

Only figures the sentence leaves unattributed, or attributed to a bare pronoun, change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rashomon.extract._speakers import clean_speaker
from rashomon.extract.attribution import Attribution
from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import Parsed, Sentence

_OPEN = '“«„"'
_CLOSE = '”»“"'
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_LIST_LINE_CHARS = 80
_FIRST_PERSON = frozenset({"i", "we", "je", "nous", "ich", "wir", "yo", "nosotros", "я", "мы"})


def _quotes(text: str) -> list[tuple[int, int]]:
    """Quotation spans: an opening mark to the next closing one (straight quotes pair up)."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in "“«„" or (ch == '"' and (i == 0 or not text[i - 1].isalnum())):
            close = {"“": "”", "«": "»", "„": "“", '"': '"'}[ch]
            j = text.find(close, i + 1)
            if ch == "“" and j < 0:
                j = text.find('"', i + 1)
            if j < 0 or j - i > 3000:
                i += 1
                continue
            spans.append((i, j + 1))
            i = j + 1
            continue
        i += 1
    return spans


def _is_pronoun(p: Parsed, speaker: str | None) -> bool:
    if not speaker:
        return False
    low = " ".join(speaker.casefold().split())
    return low in p.lex.speaker_pronouns or low in _FIRST_PERSON or low in p.lex.anaphoric_cues


def _attr(a: Attribution | dict[str, Any], speaker: str, note: str) -> dict[str, Any]:
    data = a.as_dict() if isinstance(a, Attribution) else dict(a)
    data["speaker"] = speaker
    data["resolved"] = note
    return data


class _Speakers:
    """Sources named so far, in text order, for pronouns to refer back to."""

    def __init__(self, p: Parsed) -> None:
        self.p = p
        self.named: list[tuple[int, int, str]] = []  # (position, paragraph, speaker)
        for sent in p.sentences:
            for a in sent.attributions:
                if (
                    a.speaker
                    and not _is_pronoun(p, a.speaker)
                    and a.kind != "unnamed"
                    and a.speaker.casefold() not in p.lex.quantifiers
                ):
                    self.named.append((a.start, sent.para, a.speaker))

    def before(self, pos: int, para: int) -> str | None:
        found = [s for start, pa, s in self.named if start < pos and para - 1 <= pa <= para]
        return found[-1] if found else None


def _sentence_of(p: Parsed, pos: int) -> Sentence | None:
    for sent in p.sentences:
        if sent.span.start <= pos < sent.span.end:
            return sent
    return None


def attribute_document(p: Parsed, claims: Sequence[Claim]) -> None:
    """Fill or resolve the attribution of figure claims from the discourse (in place)."""
    figs = [c for c in claims if c.kind == "figure"]
    if not figs:
        return
    speakers = _Speakers(p)
    _resolve_pronouns(p, figs, speakers)
    _quotations(p, figs, speakers)
    _lists(p, figs)
    _reported_speech(p, figs)


def _resolve_pronouns(p: Parsed, figs: list[Claim], speakers: _Speakers) -> None:
    for c in figs:
        a = c.attribution
        if not a or not _is_pronoun(p, str(a.get("speaker"))):
            continue
        sent = _sentence_of(p, c.start)
        para = sent.para if sent else 0
        who = None
        if sent is not None and _impersonal(p, a):
            # "X said that it was now believed ...": no referent; the outer report's source.
            outer = [
                o
                for o in sent.attributions
                if o.end <= int(a.get("start") or c.start)
                and o.speaker
                and not _is_pronoun(p, o.speaker)
            ]
            if outer:
                c.attribution = _attr(outer[-1], str(outer[-1].speaker), "outer report")
            continue
        if sent is not None and int(a.get("start") or c.start) > sent.span.start + 2:
            # "X is one source; ... it estimated": the sentence's own opening subject.
            who = _opening_subject(p, sent)
        if who is None:
            who = speakers.before(int(a.get("start") or c.start), para)
        if who is None and sent is not None and sent.index > 0:
            who = _opening_subject(p, p.sentences[sent.index - 1])
        if who is not None:
            c.attribution = _attr(a, who, "pronoun")


def _impersonal(p: Parsed, a: dict[str, Any]) -> bool:
    """ "it was believed", "it is estimated": the pronoun stands for nobody."""
    start, end = int(a.get("start") or 0), int(a.get("end") or 0)
    words = [w.casefold() for w in _WORD.findall(p.text[start:end])]
    return (
        len(words) >= 2
        and words[0] in p.lex.impersonal_pronouns
        and any(w in p.lex.passive_aux for w in words[1:3])
    )


def _opening_subject(p: Parsed, sent: Sentence) -> str | None:
    """The organisation or person a sentence opens with ("The United Nations Country Team
    is one source"): what "it" in the next clause most likely is.  A time that opens the
    sentence ("On Wednesday, the envoy ...") is skipped."""
    lo = sent.span.start
    for t in sent.times:
        comma = p.text.find(",", t.end, t.end + 2)
        if not p.text[lo : t.start].strip() and comma >= 0:
            lo = comma + 1
            break
    words = list(_WORD.finditer(p.text, lo, min(sent.span.end, lo + 80)))
    names: list[re.Match[str]] = []
    for w in words:
        low = w.group().casefold()
        if not names and low in p.lex.roles.determiners:
            continue
        if names and p.text[names[-1].end() : w.start()].strip(" \n,"):
            break  # a name is a run of words (an apposition too): a number or a mark ends it
        if w.group()[:1].isupper() or (names and p.lex.roles.genitive.fullmatch(low)):
            names.append(w)
            continue
        break
    counted = bool(names) and p.text[names[-1].end() :].lstrip()[:1].isdigit()
    if not counted and (len(names) >= 2 or (names and names[0].group().isupper())):
        # ("MORE THAN 35 ...": capitals before a number open a count, not a name.)
        return p.text[names[0].start() : names[-1].end()]
    # "Un portavoz del grupo negó ... y dijo que, según él, ...": a source noun phrase.
    span = clean_speaker(p.text, lo, min(sent.span.end, lo + 80), p.lex, subject=True)
    if span is not None and p.lex.source_nouns.find_all(p.text, span[0], span[1]):
        return p.text[span[0] : span[1]]
    return None


def _quotations(p: Parsed, figs: list[Claim], speakers: _Speakers) -> None:
    """A quotation's figures belong to the quotation's speaker: the attribution cue right
    after the closing mark (", said X", "she said" in the next sentence) or right before the
    opening one ("X said: «")."""
    for start, end in _quotes(p.text):
        inside = [c for c in figs if start < c.start < end]
        if not inside:
            continue
        cue = _cue_near(p, start, end)
        if cue is None:
            continue
        speaker = cue.speaker or ""
        if _is_pronoun(p, speaker) or (not speaker and cue.kind == "verb" and cue.end <= start):
            # "Dice: «...»" (no subject written): the source named last.
            sent = _sentence_of(p, cue.start)
            speaker = speakers.before(start, sent.para if sent else 0) or ""
        if not speaker or _is_pronoun(p, speaker):
            continue
        for c in inside:
            current = c.attribution or {}
            mine = current.get("start") is not None and start < int(current["start"]) < end
            if not current or _is_pronoun(p, str(current.get("speaker"))) or mine:
                c.attribution = _attr(cue, speaker, "quotation")


def _cue_near(p: Parsed, start: int, end: int) -> Attribution | None:
    after_sent = _sentence_of(p, min(len(p.text) - 1, end))
    candidates: list[Attribution] = []
    for sent in p.sentences:
        if sent.span.end < start - 300 or sent.span.start > end + 200:
            continue
        for a in sent.attributions:
            if end <= a.start <= end + 60:
                # After the closing mark: ', said X' in the same line; "Según X, ..." opens
                # the next statement and speaks for what follows it, not for the quotation.
                if a.kind in ("verb", "postpositional") and "\n" not in p.text[end : a.start]:
                    candidates.append(a)
            elif (
                start - 80 <= a.end <= start + 1
                and a.kind == "verb"
                and not re.search(r"[.!?]", p.text[a.end : start])
            ):
                candidates.append(a)  # before the opening mark: 'X said:'

    if not candidates and after_sent is not None:
        # '"...". She said' is rare; a quotation closed by the sentence end and followed by
        # "she said" in the next sentence is common.
        nxt = [s for s in p.sentences if s.index == after_sent.index + 1]
        if nxt:
            candidates = [
                a
                for a in nxt[0].attributions
                if a.start - nxt[0].span.start <= 40 and a.kind == "verb"
            ]
    return candidates[0] if candidates else None


def _lists(p: Parsed, figs: list[Claim]) -> None:
    """Lines of a list introduced by a reporting sentence that ends with a colon."""
    intro: Attribution | None = None
    for sent in p.sentences:
        line = p.text[sent.span.start : sent.span.end]
        if sent.attributions and line.rstrip().endswith(":"):
            # The reporting verb's subject rather than a data noun ("X gives the data:").
            intro = sorted(sent.attributions, key=lambda a: (a.kind != "verb", a.start))[0]
            continue
        short = (
            len(line) <= _LIST_LINE_CHARS and "\n" in p.text[sent.span.start - 2 : sent.span.start]
        )
        if intro is None or not short:
            intro = None
            continue
        for c in figs:
            if sent.span.start <= c.start < sent.span.end and not c.attribution:
                c.attribution = _attr(intro, intro.speaker or intro.text, "list")


def _reported_speech(p: Parsed, figs: list[Claim]) -> None:
    """German Konjunktiv: "... seien geflohen" continues the previous sentence's report."""
    marks = p.lex.reported_speech
    if not marks:
        return
    last: dict[str, Any] | None = None
    last_para = -1
    for sent in p.sentences:
        words = {w.casefold() for w in _WORD.findall(p.text[sent.span.start : sent.span.end])}
        mine = [c for c in figs if sent.span.start <= c.start < sent.span.end]
        own = [c.attribution for c in mine if c.attribution]
        if own:
            last, last_para = own[-1], sent.para
            continue
        if sent.attributions:
            last, last_para = sent.attributions[-1].as_dict(), sent.para
            continue
        if last is not None and words & marks and sent.para - last_para <= 1:
            for c in mine:
                c.attribution = _attr(last, str(last.get("speaker")), "reported speech")
        elif not words & marks:
            last = None
