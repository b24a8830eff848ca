"""Claims as W3C Web Annotations with PROV-O provenance; documents with Dublin Core terms.

Each claim is an ``oa:Annotation``:

* its **target** is the document (``oa:hasSource``) with a ``TextQuoteSelector`` (the exact
  words, 32 characters of prefix and suffix) and a ``TextPositionSelector`` (start and end in
  code points of the stored text): the span the claim's id is made from (the figure's words,
  else the words asserting the event);
* its **body** is the structured claim: the contract's fields as ``rsh:`` properties (places'
  coordinates as ``geo:lat``/``geo:long``), ``prov:wasAttributedTo`` the speaker as written
  (a ``prov:Agent`` labelled with the speaker's words) or, when the document asserts the
  claim in its own voice, the document itself (``rsh:ownVoice true``);
* ``prov:wasGeneratedBy`` is the extraction (``prov:Activity`` associated with the extractor
  version as a ``prov:SoftwareAgent``).

Documents are ``dctypes:Text`` with ``dcterms:`` identifier, title, creator, publisher, date,
language, format and source (the URL).  Events are ``rsh:Event`` nodes whose estimates,
disputes and figures link to the claims.  IRIs are ``urn:rashomon:claim:<id>`` and so on, or
under a base the caller gives (``https://data.example.org/rashomon/`` gives
``.../claim/<id>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from rashomon.errors import Code, UsageError
from rashomon.export import _view
from rashomon.export._ld import decimal, typed

__all__ = [
    "DEFAULT_BASE",
    "Iris",
    "annotation_node",
    "claim_nodes",
    "document_node",
    "document_nodes",
    "event_node",
    "event_nodes",
]

DEFAULT_BASE = "urn:rashomon:"
CONTEXT_CHARS = 32

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DATE_KEYS = {"start", "end", "date"}
_GEO = {"lat": "geo:lat", "lon": "geo:long"}
# Characters an IRI may not hold; percent-encoded when a document's URL has them.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')


class Iris:
    """The IRIs of exported things, under one base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not _SCHEME.match(base) or base[-1] not in ":/#" or _IRI_UNSAFE.search(base):
            raise UsageError(
                Code.BAD_ARGUMENT,
                f"{base!r} is not a base IRI (it needs a scheme and must end with ':', '/' "
                "or '#', e.g. https://data.example.org/rashomon/)",
            )
        self.base = base
        self.sep = ":" if base.endswith(":") else "/"

    def _make(self, kind: str, ident: str) -> str:
        return f"{self.base}{kind}{self.sep}{quote(ident, safe='')}"

    def claim(self, ident: str) -> str:
        return self._make("claim", ident)

    def doc(self, ident: str) -> str:
        return self._make("doc", ident)

    def event(self, ident: str) -> str:
        return self._make("event", ident)

    def extraction(self, extractor: str) -> str:
        return self._make("extraction", extractor)

    def agent(self, name: str) -> str:
        return self._make("agent", name)

    def review(self, ident: str) -> str:
        return self._make("review", ident)


def _date(value: str) -> Any:
    """A date, partial or whole, as the XSD type that fits it."""
    if not _DATE.match(value):
        return value
    kind = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}[len(value)]
    return typed(value, kind)


def _url(value: str) -> Any:
    """A document's URL as an IRI when it is one (unsafe characters percent-encoded), else
    as the text it is."""
    if not _SCHEME.match(value):
        return value
    return {"id": _IRI_UNSAFE.sub(lambda m: quote(m.group(), safe=""), value)}


_KEYS_OK: dict[str, bool] = {}


def _plain_key(key: Any) -> bool:
    found = _KEYS_OK.get(key)
    if found is None:
        found = _KEYS_OK[key] = isinstance(key, str) and bool(_KEY.match(key))
    return found


def _generic(key: str, value: Any, iris: Iris) -> Any:
    """A contract value as JSON-LD: objects become nodes with ``rsh:`` properties, claim and
    document ids become links, fractions ``xsd:decimal``, ISO dates typed literals."""
    if value is None or value == {} or value == []:
        return None
    if isinstance(value, str):
        if key in ("claim", "claims"):
            return {"id": iris.claim(value)}
        if key in ("doc", "docs"):
            return {"id": iris.doc(value)}
        return _date(value) if key in _DATE_KEYS else value
    if isinstance(value, dict):
        if key == "detail" or not all(_plain_key(k) for k in value):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        node = {}
        for k, v in value.items():
            converted = _generic(k, v, iris)
            if converted is not None:
                node[_GEO.get(k) or "rsh:" + k] = converted
        return node or None
    if isinstance(value, list):
        items = [
            json.dumps(v, ensure_ascii=False) if isinstance(v, list) else _generic(key, v, iris)
            for v in value
        ]
        return [v for v in items if v is not None] or None
    if isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return decimal(value)
    return str(value)


def document_node(doc: Mapping[str, Any], iris: Iris) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": iris.doc(str(doc["id"])),
        "type": "dctypes:Text",
        "dcterms:identifier": doc["id"],
        "dcterms:title": doc.get("title"),
        "dcterms:creator": doc.get("author"),
        "dcterms:publisher": doc.get("publisher"),
        "dcterms:date": _date(str(doc["date"])) if doc.get("date") else None,
        "dcterms:language": doc.get("lang"),
        "dcterms:format": doc.get("media_type"),
        "dcterms:source": _url(str(doc["url"])) if doc.get("url") else None,
        "rsh:path": doc.get("path"),
        "rsh:characters": doc.get("n_chars"),
    }
    return {k: v for k, v in node.items() if v is not None}


def _speaker(claim: Mapping[str, Any], doc_iri: str) -> dict[str, Any]:
    attribution = claim.get("attribution") or {}
    speaker = attribution.get("speaker")
    if not speaker:
        return {"id": doc_iri}
    agent: dict[str, Any] = {"type": "prov:Agent", "label": str(speaker)}
    if attribution.get("text"):
        agent["rsh:cue"] = str(attribution["text"])
    return agent


def _marks(claim: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The reviews of a claim (review.view.mark dicts): corrections, decision, notes."""
    block = claim.get("review") or {}
    fields = [{**m, "field": f} for f, m in (block.get("fields") or {}).items()]
    decision = [block["decision"]] if block.get("decision") else []
    return [*fields, *decision, *(block.get("notes") or [])]


def review_node(
    mark: Mapping[str, Any], iris: Iris, extractor: str | None, field: str | None = None
) -> dict[str, Any]:
    """A review as a ``prov:Activity`` by a ``prov:Person``: who, when, what, why."""
    field = field or mark.get("field")
    node: dict[str, Any] = {
        "id": iris.review(str(mark["review"])),
        "type": ["prov:Activity", "rsh:Review"],
        "label": f"{mark['action']}{' ' + field if field else ''} by {mark['by']}",
        "rsh:action": mark["action"],
        "rsh:field": field,
        "rsh:reason": mark.get("reason"),
        "rsh:note": str(mark["note"]) if mark.get("note") is not None else None,
        "prov:endedAtTime": typed(str(mark["at"]), "xsd:dateTime") if mark.get("at") else None,
        "prov:wasAssociatedWith": {"type": "prov:Person", "label": str(mark["by"])},
        "prov:wasInformedBy": {"id": iris.extraction(extractor)} if extractor else None,
    }
    return {k: v for k, v in node.items() if v is not None}


def annotation_node(
    claim: Mapping[str, Any], text: str, iris: Iris, extraction: str
) -> dict[str, Any]:
    """One claim as an ``oa:Annotation`` over the stored text of its document.  It was
    generated by the reviews that corrected it, else by the extraction; every review of it
    is linked (``rsh:reviewedBy``)."""
    anchor = _view.claim_anchor(claim) or (0, 0)
    start = min(max(anchor[0], 0), len(text))
    end = min(max(anchor[1], start), len(text))
    quote_selector: dict[str, Any] = {"type": "oa:TextQuoteSelector", "exact": text[start:end]}
    if start > 0:
        quote_selector["prefix"] = text[max(0, start - CONTEXT_CHARS) : start]
    if end < len(text):
        quote_selector["suffix"] = text[end : end + CONTEXT_CHARS]
    doc_iri = iris.doc(str(claim["doc"]["id"]))
    own_voice = not (claim.get("attribution") or {}).get("speaker")
    fields = {
        k: v for k, v in claim.items() if k not in ("id", "doc", "extractor", "kind", "review")
    }
    body = _generic("claim", fields, iris) or {}
    claim_iri = iris.claim(str(claim["id"]))
    marks = _marks(claim)
    corrected = [m for m in marks if m.get("field")]
    node = {
        "id": claim_iri,
        "type": "oa:Annotation",
        "motivation": "oa:describing",
        "target": {
            "type": "oa:SpecificResource",
            "source": doc_iri,
            "selector": [
                quote_selector,
                {"type": "oa:TextPositionSelector", "start": start, "end": end},
            ],
        },
        "body": {
            "id": claim_iri + "#body",
            "type": f"rsh:{str(claim.get('kind') or 'figure').capitalize()}Claim",
            **body,
            "rsh:ownVoice": own_voice,
            "prov:wasAttributedTo": _speaker(claim, doc_iri),
        },
        "prov:wasGeneratedBy": [{"id": iris.review(str(m["review"]))} for m in corrected]
        or {"id": extraction},
        "rsh:reviewedBy": [{"id": iris.review(str(m["review"]))} for m in marks] or None,
    }
    return {k: v for k, v in node.items() if v is not None}


def _extraction_node(extractor: str, iris: Iris) -> dict[str, Any]:
    return {
        "id": iris.extraction(extractor),
        "type": "prov:Activity",
        "label": f"extraction by {extractor}",
        "prov:wasAssociatedWith": {
            "id": iris.agent(extractor),
            "type": "prov:SoftwareAgent",
            "label": extractor,
        },
    }


def claim_nodes(view: _view.View, iris: Iris) -> Iterator[dict[str, Any]]:
    """Each claim's annotation, preceded by its document, extraction and reviews the first
    time they are met (claims come grouped by document)."""
    documents = _view.DocumentCache(view.store, with_text=True, size=8)
    last_doc: str | None = None
    activities: set[str] = set()
    for claim in view.claims():
        doc_id = str(claim["doc"]["id"])
        doc = documents.get(doc_id)
        if doc is None:
            continue
        if doc_id != last_doc:
            yield document_node(doc, iris)
            last_doc = doc_id
        extractor = str(claim.get("extractor") or "unknown extractor")
        if extractor not in activities:
            activities.add(extractor)
            yield _extraction_node(extractor, iris)
        for mark in _marks(claim):
            if mark["review"] not in activities:
                activities.add(mark["review"])
                yield review_node(mark, iris, extractor)
        yield annotation_node(claim, str(doc["text"]), iris, iris.extraction(extractor))


def document_nodes(view: _view.View, iris: Iris) -> Iterator[dict[str, Any]]:
    for doc in view.documents():
        yield document_node(doc, iris)


def event_node(event: Mapping[str, Any], iris: Iris) -> dict[str, Any]:
    fields = {k: v for k, v in event.items() if k not in ("id", "label")}
    return {
        "id": iris.event(str(event["id"])),
        "type": "rsh:Event",
        "label": event.get("label"),
        **(_generic("event", fields, iris) or {}),
    }


def event_nodes(view: _view.View, iris: Iris) -> Iterator[dict[str, Any]]:
    for event in view.events():
        yield event_node(event, iris)


def review_nodes(view: _view.View, iris: Iris) -> Iterator[dict[str, Any]]:
    """Every review as a ``prov:Activity`` (``rsh:target`` its claim, event or document)."""
    for review in view.reviews():
        mark = {
            "review": review["id"],
            "action": review["action"],
            "by": review["author"],
            "at": review["created_at"],
            "reason": review.get("reason"),
            "note": review.get("value") if review["action"] == "note" else None,
        }
        node = review_node(mark, iris, review.get("extractor"), field=review.get("field"))
        target = {"claim": iris.claim, "event": iris.event, "document": iris.doc}
        make = target.get(str(review["target_kind"]))
        if make is not None:
            node["rsh:target"] = {"id": make(str(review["target_id"]))}
        node["rsh:status"] = review.get("status")
        if review.get("value") is not None and review["action"] == "correct":
            node["rsh:value"] = json.dumps(review["value"], ensure_ascii=False, sort_keys=True)
        yield {k: v for k, v in node.items() if v is not None}
