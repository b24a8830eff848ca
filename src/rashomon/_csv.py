"""CSV cells that are safe to open in a spreadsheet.

Document text is untrusted, and a CSV cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return, which some spreadsheets skip before such a character) is read
as a formula by Excel, LibreOffice and Google Sheets: ``=HYPERLINK(...)`` in a title would
become a live link, ``=cmd|...`` a DDE call.  Following the OWASP guidance on CSV injection,
such a string cell gets a leading apostrophe, which spreadsheets show as text and do not
evaluate.  Numbers stay numbers (a negative count is not a formula).  Every CSV rashomon
writes goes through :func:`safe_cell`.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["FORMULA_TRIGGERS", "safe_cell"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str | int | float:
    """One CSV cell: ``None`` → empty, lists/dicts → JSON, numbers unchanged, and a string
    that a spreadsheet would evaluate → prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text
