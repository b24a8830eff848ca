"""Linked-data serialisation: one node tree, written as JSON-LD or as Turtle.

Nodes are plain dicts in compacted JSON-LD under :data:`CONTEXT`: ``id``/``type`` aliases,
the Web Annotation terms (``target``, ``source``, ``selector``, ``exact``, ``start``...) and
compact IRIs (``prov:wasAttributedTo``, ``rsh:measure``).  JSON-LD output is those dicts
under an inline context (nothing is fetched, at run time or by a reader); Turtle output is
written from the same dicts by :class:`TurtleWriter`, term by term, so both say the same
triples (a test parses both with rdflib and compares the graphs).  rdflib itself parses and
serialises some 800 annotations a second, far too slow for a store of a million claims;
these writers stream at tens of thousands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import IO, Any

__all__ = ["CONTEXT", "PREFIXES", "JsonLdWriter", "TurtleWriter", "decimal", "typed"]

PREFIXES = {
    "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
    "dctypes": "http://purl.org/dc/dcmitype/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    # rashomon's own terms: the claim and event contracts' keys (DESIGN.md §3, §5).
    "rsh": "urn:rashomon:ns#",
}

# term -> (compact IRI, coercion): "@id" (the value is an IRI), a datatype, or None.
_TERMS: dict[str, tuple[str, str | None]] = {
    "target": ("oa:hasTarget", "@id"),
    "body": ("oa:hasBody", "@id"),
    "source": ("oa:hasSource", "@id"),
    "selector": ("oa:hasSelector", "@id"),
    "motivation": ("oa:motivatedBy", "@id"),
    "exact": ("oa:exact", None),
    "prefix": ("oa:prefix", None),
    "suffix": ("oa:suffix", None),
    "start": ("oa:start", "xsd:nonNegativeInteger"),
    "end": ("oa:end", "xsd:nonNegativeInteger"),
    "label": ("rdfs:label", None),
}

CONTEXT: dict[str, Any] = {
    **PREFIXES,
    "id": "@id",
    "type": "@type",
    **{
        term: ({"@id": iri, "@type": kind} if kind else iri) for term, (iri, kind) in _TERMS.items()
    },
}


def typed(value: str, datatype: str) -> dict[str, str]:
    """A literal with a datatype (a compact IRI such as ``xsd:date``)."""
    return {"@value": value, "@type": datatype}


def decimal(value: float) -> dict[str, str] | None:
    """A float as an ``xsd:decimal`` literal (JSON numbers with a fraction would become
    ``xsd:double`` in JSON-LD and ``xsd:decimal`` in Turtle)."""
    if value != value or value in (float("inf"), float("-inf")):
        return None
    text = format(Decimal(repr(float(value))), "f")
    return typed(text if "." in text else text + ".0", "xsd:decimal")


class JsonLdWriter:
    """``{"@context": ..., "@graph": [node, node, ...]}``, one node per line."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0
        handle.write('{"@context": ' + json.dumps(CONTEXT, ensure_ascii=False) + ',\n "@graph": [')

    def write(self, node: Mapping[str, Any]) -> None:
        sep = "\n  " if self.count == 0 else ",\n  "
        self.handle.write(sep + json.dumps(node, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.handle.write("\n]}\n")


_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
# Characters an IRIREF may not hold (Turtle grammar); data IRIs are percent-encoded before.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _string(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape_char, text) + '"'


class TurtleWriter:
    """Turtle from the same node dicts: prefixes once, then one block per node."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0
        # Keys and types repeat on every node: resolve each once.
        self._predicates: dict[str, tuple[str, str | None]] = {}
        self._names: dict[str, str] = {}
        for prefix, iri in PREFIXES.items():
            handle.write(f"@prefix {prefix}: <{iri}> .\n")

    def write(self, node: Mapping[str, Any]) -> None:
        pending: list[Mapping[str, Any]] = [node]
        while pending:
            current = pending.pop(0)
            lines = self._properties(current, "    ", pending)
            if lines:
                subject = self._iri(str(current["id"]))
                self.handle.write(f"\n{subject} " + " ;\n    ".join(lines) + " .\n")
        self.count += 1

    def close(self) -> None:
        pass

    # -- terms -----------------------------------------------------------------------------

    def _iri(self, value: str) -> str:
        """A prefixed name when the IRI is a known compact IRI, else ``<IRI>``."""
        prefix, _, local = value.partition(":")
        if prefix in PREFIXES and _LOCAL.match(local):
            return value
        full = PREFIXES[prefix] + local if prefix in PREFIXES else value
        if _BAD_IRI.search(full):
            raise ValueError(f"not an IRI: {full!r}")
        return f"<{full}>"

    def _predicate(self, key: str) -> tuple[str, str | None]:
        found = self._predicates.get(key)
        if found is None:
            if key in _TERMS:
                iri, kind = _TERMS[key]
                found = self._iri(iri), kind
            elif ":" in key:
                found = self._iri(key), None
            else:
                raise ValueError(f"no IRI for the key {key!r}")
            self._predicates[key] = found
        return found

    def _name(self, value: str) -> str:
        """:meth:`_iri` for the few IRIs that repeat (types, datatypes, vocabulary)."""
        found = self._names.get(value)
        if found is None:
            found = self._names[value] = self._iri(value)
        return found

    def _properties(self, node: Mapping[str, Any], indent: str, pending: list[Any]) -> list[str]:
        """``predicate object, object`` lines of a node (nested nodes indented further;
        named nodes met inside go to ``pending`` and are written after)."""
        lines = []
        for key, value in node.items():
            if key in ("id", "@id") or value is None:
                continue
            values = value if isinstance(value, list) else [value]
            if key in ("type", "@type"):
                lines.append("a " + ", ".join(self._name(str(v)) for v in values))
                continue
            predicate, kind = self._predicate(key)
            objects = [self._object(v, kind, indent, pending) for v in values if v is not None]
            if objects:
                lines.append(predicate + " " + ", ".join(objects))
        return lines

    def _object(self, value: Any, kind: str | None, indent: str, pending: list[Any]) -> str:
        if isinstance(value, dict):
            if "@value" in value:
                datatype = value.get("@type")
                literal = _string(str(value["@value"]))
                return literal + "^^" + self._name(str(datatype)) if datatype else literal
            if "id" in value:
                if len(value) > 1:
                    pending.append(value)
                return self._iri(str(value["id"]))
            inner = indent + "    "
            lines = self._properties(value, inner, pending)
            return "[ " + (" ;\n" + inner).join(lines) + " ]" if lines else "[]"
        if kind == "@id":
            return self._iri(str(value))
        if value is True or value is False:
            return "true" if value else "false"
        if isinstance(value, int):
            return _string(str(value)) + "^^" + self._name(kind) if kind else str(value)
        if isinstance(value, float):
            lit = decimal(value)
            return self._object(lit, None, indent, pending) if lit else _string(str(value))
        text = _string(str(value))
        return text + "^^" + self._name(kind) if kind else text


def write_all(nodes: Iterable[Mapping[str, Any]], writer: JsonLdWriter | TurtleWriter) -> int:
    for node in nodes:
        writer.write(node)
    writer.close()
    return writer.count
