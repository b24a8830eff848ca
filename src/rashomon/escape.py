"""Untrusted strings (file names, titles, document text) made safe to store and to print.

A file name may hold bytes that are not UTF-8, an ESC sequence that recolours the terminal,
a right-to-left override that reverses what follows, or a newline that forges a line of output
("x.txt\\nfake.txt: stored ...").  Names are stored with undecodable bytes spelled ``\\xNN``;
anything printed on a terminal goes through :func:`for_terminal`, which spells out every
control and bidirectional formatting character, so one message stays one honest line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["for_terminal", "hide_secrets", "storable_path", "without_nul"]

# C0 and C1 controls (tab and newline included: a message is one line), DEL, the bidirectional
# marks, embeddings, overrides and isolates, line and paragraph separators, lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _spell(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with control and bidi-formatting characters spelled out (``\\x1b``, ``\\n``,
    ``\\u202e``): what a terminal shows is what the string holds, on one line."""
    return _UNSAFE.sub(_spell, text)


# The password of a URL's user information: scheme://user:PASSWORD@host (up to the last '@'
# before the host, since a password may itself hold '@').
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^\s/]*(?=@)")
# libpq's key=value form: password=secret or password='se cret'.
_KV_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|\S+)", re.I)


def hide_secrets(text: str) -> str:
    """``text`` with the passwords of database URLs and of libpq ``password=`` settings
    replaced by ``***``: a store location or a driver's message may be printed, in a
    summary, an error or a log, and a password never is."""
    text = _URL_PASSWORD.sub(r"\g<head>***", text)
    return _KV_PASSWORD.sub(r"\g<head>***", text)


def storable_path(path: str | Path) -> str:
    """A path as text that any store and terminal encoding accepts: bytes of the file name
    that are not UTF-8 (kept by Python as lone surrogates) become ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def without_nul(text: str) -> str:
    """Metadata text without NUL characters (PostgreSQL refuses them; they carry nothing)."""
    return text.replace("\x00", "") if "\x00" in text else text
