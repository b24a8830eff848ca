"""All-caps text (headlines, telex copy, shouted blog posts) carries no case evidence.

Capital letters are much of how rashomon tells a name from a word ("the UN" from "un
incendie", "Government" the actor from a government air strike).  In a stretch written in
capitals that evidence is gone, so an ordinary word of the language is read as a word.
"""

from __future__ import annotations

import re

from rashomon.extract.lexicon import common_words

__all__ = ["in_caps_run", "shouted_word"]

_WORD = re.compile(r"[^\W\d_]{2,}")
#: Words looked at on each side to decide that a stretch is written in capitals.
_REACH = 3


def in_caps_run(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` are written in capitals too."""
    before = _WORD.findall(text, max(0, start - 60), start)[-_REACH:]
    after = _WORD.findall(text, end, end + 60)[:_REACH]
    around = before + after
    return len(around) >= 2 and all(w.isupper() for w in around)


def shouted_word(text: str, start: int, end: int, lang: str) -> bool:
    """An all-caps match made only of ordinary words of ``lang``, inside all-caps text."""
    surface = text[start:end]
    words = _WORD.findall(surface)
    if not words or not surface.isupper() or not in_caps_run(text, start, end):
        return False
    common = common_words(lang)
    return all(w.casefold() in common for w in words)
