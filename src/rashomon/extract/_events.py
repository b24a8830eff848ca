"""Event claims: an event a source asserts without a figure ("occupying the city on the
night of 14 to 15 September", "the general was assassinated in Constantinople in 1921").

One claim per event type a sentence asserts, when the sentence anchors it in the world (an
explicit time or a place of its own) and no figure claim of the sentence already carries that
type of event.  Same
fields as a figure claim, with ``measure`` and ``value`` null and ``trigger`` naming the words.
"""

from __future__ import annotations

import re

from rashomon.extract._assemble import (
    new_claim,
    own_voice_framing,
    time_dict,
)
from rashomon.extract._places import dedupe, sentence_places
from rashomon.extract.attribution import scope_of
from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import Parsed

_PUNCT = re.compile(r"[,;:.()]")


def build_event_claims(p: Parsed) -> list[Claim]:
    covered: dict[int, set[str]] = {}
    for c in p.claims:
        covered.setdefault(int(c.evidence.get("start", -1)), set()).add(c.event_type or "")
    claims: list[Claim] = []
    for sent in p.sentences:
        hits = p.lex.events.find_all(p.text, sent.span.start, sent.span.end)
        if not hits:
            continue
        times = [t for t in sent.times if t.start_date is not None and t.role == "event"]
        places = [pl for pl in sentence_places(p, sent) if not pl.get("near")]
        if not times and not places:
            continue
        done = set(covered.get(sent.span.start, set()))
        for trigger in hits:
            if trigger.payload in done:
                continue
            done.add(trigger.payload)
            claim = new_claim(p, sent, "event", trigger.start, trigger.end)
            claim.event_type = trigger.payload
            claim.trigger = {"text": trigger.text, "start": trigger.start, "end": trigger.end}
            if times:
                # A time in the event word's own clause ("occupying the city on the night of
                # 14 to 15 September"), else the one stated before it ("On 31 July, X
                # attacked"), else the next one.
                own = [
                    t
                    for t in times
                    if t.start >= trigger.end and not _PUNCT.search(p.text, trigger.end, t.start)
                ]
                before = [t for t in times if t.end <= trigger.start]
                chosen = (
                    own[0] if own else before[-1] if before else min(times, key=lambda t: t.start)
                )
                claim.time = time_dict(chosen)
            claim.places = dedupe(places)
            claim.victims, _ = p.accounts.victims(sent, trigger.start, None)
            claim.perpetrators, note = p.accounts.perpetrators(
                sent, trigger.start, "", claim.victims
            )
            if note:
                claim.notes.append(note)
            attribution = scope_of(trigger.start, sent.attributions, p.text, sent.span)
            if attribution is not None:
                claim.attribution = attribution.as_dict()
            claim.framing_own_voice = own_voice_framing(p, sent, claim)
            claim.confidence = 0.5 + (0.2 if times else 0.0) + (0.1 if places else 0.0)
            claims.append(claim)
    return claims
