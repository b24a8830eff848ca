"""The claim: one figure or event as a source asserts it, in the JSON contract of DESIGN.md §3."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from rashomon._version import __version__

EXTRACTOR = f"rashomon {__version__}"

#: Event types of the claim contract, most specific harm first (an event takes the first of
#: its claims' types in this order when they tie).
EVENT_TYPES = (
    "killing",
    "assassination",
    "injury",
    "displacement",
    "detention",
    "destruction",
    "looting",
    "attack",
    "occupation",
    "legal",
    "other",
)

#: The measure a figure of each kind implies when no trigger names an event type.
EVENT_TYPE_OF_MEASURE = {
    "killed": "killing",
    "victims": "killing",
    "injured": "injury",
    "displaced": "displacement",
    "returned": "displacement",
    "detained": "detention",
    "missing": "other",
    "destroyed": "destruction",
    "population": "other",
    "combatants": "other",
}


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    """Stable id: the same document, kind and span give the same id in every run."""
    return hashlib.sha256(f"{doc_id}:{kind}:{start}:{end}".encode()).hexdigest()[:24]


@dataclass(slots=True)
class Claim:
    doc_id: str
    doc_path: str
    doc_lang: str | None
    doc_date: str | None
    kind: str
    start: int
    end: int
    event_type: str | None = None
    measure: str | None = None
    value: dict[str, Any] | None = None
    unit: str | None = None
    time: dict[str, Any] | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    perpetrators: list[dict[str, Any]] = field(default_factory=list)
    victims: list[dict[str, Any]] = field(default_factory=list)
    attribution: dict[str, Any] | None = None
    #: The document's stance toward the figure; None = asserted (extract/stance.py).
    stance: dict[str, Any] | None = None
    #: What part of the event the figure counts, when it counts a part (extract/scope.py).
    scope: dict[str, Any] | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    framing: list[str] = field(default_factory=list)
    #: Loaded terms the document uses in its own voice (outside quotation marks, in a claim it
    #: attributes to nobody): unattributed characterisations, flagged, never removed.
    framing_own_voice: list[str] = field(default_factory=list)
    confidence: float = 0.5
    #: Why the extractor decided what it did (measure cue, context carries): for reviewers.
    notes: list[str] = field(default_factory=list)
    #: For event claims: the words that assert the event.
    trigger: dict[str, Any] | None = None
    #: Names of events in the claim's sentence ("Srebrenica massacre"), from extract/names.py.
    names: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return claim_id(self.doc_id, self.kind, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": {
                "id": self.doc_id,
                "path": self.doc_path,
                "lang": self.doc_lang,
                "date": self.doc_date,
            },
            "kind": self.kind,
            "event_type": self.event_type,
            "measure": self.measure,
            "value": self.value,
            "unit": self.unit,
            "time": self.time,
            "places": self.places,
            "perpetrators": self.perpetrators,
            "victims": self.victims,
            "attribution": self.attribution,
            "stance": self.stance,
            "scope": self.scope,
            "evidence": self.evidence,
            "framing": self.framing,
            "framing_own_voice": self.framing_own_voice,
            "confidence": round(self.confidence, 2),
            "notes": self.notes,
            "names": self.names,
            "extractor": EXTRACTOR,
            **({"trigger": self.trigger} if self.trigger is not None else {}),
        }
