"""The built gazetteer's storage: flat arrays read straight from the file.

`scripts/build_gazetteer.py` writes a JSON header and little-endian arrays; this module maps
them back without creating an object per place or per name. A name key is found by hashing it
(CRC-32) and bisecting a sorted array of hashes, then comparing the key's bytes, so 170,000
places and 450,000 keys cost a few megabytes and a few milliseconds to load instead of a
dictionary of Python strings.
"""

from __future__ import annotations

import json
import math
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

FORMAT = 2
#: Stored in the year arrays for "no year".
NO_YEAR = -32768

_TYPECODES = {
    "hashes": "I",
    "key_off": "I",
    "post_off": "I",
    "postings": "I",
    "prefix_hashes": "I",
    "name_off": "I",
    "id_off": "I",
    "id_order": "I",
    "kind": "B",
    "source": "B",
    "country": "H",
    "parent": "i",
    "lat": "f",
    "lon": "f",
    "valid_from": "h",
    "valid_to": "h",
    "population": "I",
}


def key_hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8"))


def _typed(raw: memoryview, typecode: str) -> Sequence[Any]:
    if sys.byteorder == "little":
        view: Sequence[Any] = raw.cast(typecode)  # type: ignore[call-overload]
        return view
    out = array(typecode)
    out.frombytes(raw)
    out.byteswap()
    return out


def _gunzip(data: bytes) -> bytearray:
    """Decompress into one buffer of the final size (the gzip trailer records it), so the
    load never holds two copies of the data."""
    size = int.from_bytes(data[-4:], "little")
    out = bytearray(size)
    pos = 0
    inflate = zlib.decompressobj(wbits=31)
    pending = memoryview(data)
    chunk = 1 << 20
    while pending or inflate.unconsumed_tail:
        if inflate.unconsumed_tail:
            piece = inflate.decompress(inflate.unconsumed_tail, chunk)
        else:
            piece = inflate.decompress(pending[:chunk], chunk)
            pending = pending[chunk:]
        out[pos : pos + len(piece)] = piece
        pos += len(piece)
        if inflate.eof:
            break
    tail = inflate.flush()
    out[pos : pos + len(tail)] = tail
    pos += len(tail)
    if pos != size:
        raise ValueError("gazetteer file is truncated")
    return out


#: Sections start at multiples of this, so numeric sections can be viewed in place.
ALIGN = 8


def padded(length: int) -> int:
    return -(-length // ALIGN) * ALIGN


class GazData:
    """Read-only views of one built gazetteer file: the decompressed bytes are kept once and
    every array is a typed view into them (a copy only on big-endian machines)."""

    def __init__(self, compressed: bytes) -> None:
        raw = _gunzip(compressed)
        size = int.from_bytes(raw[:4], "little")
        header: dict[str, Any] = json.loads(bytes(raw[4 : 4 + size]))
        if header.get("format") != FORMAT:
            raise ValueError(f"gazetteer format {header.get('format')}, expected {FORMAT}")
        self.header = header
        self.count: int = header["count"]
        self._raw = raw
        view = memoryview(raw)
        pos = padded(4 + size)
        blobs: dict[str, memoryview] = {}
        for name, length in header["sections"]:
            blobs[name] = view[pos : pos + length]
            pos += padded(length)
        arrays = {name: _typed(blobs[name], code) for name, code in _TYPECODES.items()}
        self.hashes = arrays["hashes"]
        self.key_off = arrays["key_off"]
        self.post_off = arrays["post_off"]
        self.postings = arrays["postings"]
        self.prefix_hashes = arrays["prefix_hashes"]
        self.name_off = arrays["name_off"]
        self.id_off = arrays["id_off"]
        self.id_order = arrays["id_order"]
        self.kind = arrays["kind"]
        self.source = arrays["source"]
        self.country = arrays["country"]
        self.parent = arrays["parent"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.valid_from = arrays["valid_from"]
        self.valid_to = arrays["valid_to"]
        self.population = arrays["population"]
        self.keys = blobs["keys"]
        self.names = blobs["names"]
        self.ids = blobs["ids"]
        # Small tables: interned once, shared by every place.
        self.kinds: list[str] = [sys.intern(k) for k in header["kinds"]]
        self.sources: list[str] = [sys.intern(s) for s in header["sources"]]
        self.countries: list[str | None] = [
            sys.intern(c) if c else None for c in header["countries"]
        ]

    # -- keys --------------------------------------------------------------------------

    def key_index(self, key: str) -> int:
        """Position of a name key, or -1."""
        raw = key.encode("utf-8")
        h = zlib.crc32(raw)
        i = bisect_left(self.hashes, h)
        n = len(self.hashes)
        while i < n and self.hashes[i] == h:
            if self.keys[self.key_off[i] : self.key_off[i + 1]] == raw:
                return i
            i += 1
        return -1

    def postings_of(self, key: str) -> Sequence[int]:
        i = self.key_index(key)
        if i < 0:
            return ()
        return self.postings[self.post_off[i] : self.post_off[i + 1]]

    def has_prefix(self, key: str) -> bool:
        """Whether some multi-word key starts with these words (a hash test: a rare false
        yes only makes the scanner look one word further)."""
        h = key_hash(key)
        i = bisect_left(self.prefix_hashes, h)
        return i < len(self.prefix_hashes) and self.prefix_hashes[i] == h

    def iter_keys(self) -> list[str]:
        off = self.key_off
        return [str(self.keys[off[i] : off[i + 1]], "utf-8") for i in range(len(off) - 1)]

    # -- places ------------------------------------------------------------------------

    def name(self, i: int) -> str:
        return str(self.names[self.name_off[i] : self.name_off[i + 1]], "utf-8")

    def id(self, i: int) -> str:
        return str(self.ids[self.id_off[i] : self.id_off[i + 1]], "utf-8")

    def find_id(self, place_id: str) -> int:
        raw = place_id.encode("utf-8")
        order = self.id_order

        def at(k: int) -> bytes:
            j = order[k]
            return bytes(self.ids[self.id_off[j] : self.id_off[j + 1]])

        k = bisect_left(range(len(order)), raw, key=at)
        return order[k] if k < len(order) and at(k) == raw else -1

    def coordinate(self, values: Sequence[float], i: int) -> float | None:
        v = values[i]
        return None if math.isnan(v) else round(v, 4)

    def year(self, values: Sequence[int], i: int) -> int | None:
        v = values[i]
        return None if v == NO_YEAR else int(v)


__all__ = ["ALIGN", "FORMAT", "NO_YEAR", "GazData", "key_hash", "padded"]
