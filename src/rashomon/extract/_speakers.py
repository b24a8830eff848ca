"""Speakers as noun phrases: the words of a source inside a stretch of text, never a clause
fragment (see :mod:`rashomon.extract.attribution`)."""

from __future__ import annotations

import re

from rashomon.extract.lexicon import Lexicon
from rashomon.extract.numbers import find_numbers

__all__ = ["QUOTES", "clean_speaker", "holds_a_count", "np_after", "plausible_speaker"]

_WORD = re.compile(r"[\w'’.-]+")
_LETTERS = re.compile(r"[^\W\d_][\w'’.-]*")
QUOTES = "\"«»“”„‘’'"


def holds_a_count(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """A phrase holding a count of ten or more is the claim itself ("Quelque 31 personnes
    sont mortes, a annoncé X"), not its source; "seven sources" can be one."""
    return any(
        n.role == "quantity" and max(n.low or 0, n.high or 0) >= 10
        for n in find_numbers(text, lex.lang, span[0], span[1])
    )


def clean_speaker(
    text: str,
    start: int,
    end: int,
    lex: Lexicon,
    after_cue: bool = False,
    subject: bool = False,
) -> tuple[int, int] | None:
    """The noun phrase naming a source inside ``text[start:end]``, or None when none is there.

    Leading adverbs, conjunctions and time words go ("Later the committee", "Sin embargo,
    Rodda"); the phrase stops before a verb or an auxiliary ("Ituri region is believed to
    have" -> "Ituri region", which then names no source); a phrase of function words, time
    words or a lone quantifier ("Any") names nobody.
    """
    roles = lex.roles
    words = list(_LETTERS.finditer(text, start, end))
    skip = lex.leading_skip
    if (after_cue or subject) and words:
        first = words[0].group().casefold()
        if roles.prepositions.fullmatch(first) and not roles.genitive.fullmatch(first):
            # "данные о последствиях": what the data are about, not whose; "Из районов
            # Киевской области, ... сообщила X": a place phrase, not the subject.
            return None
    pronouns = [w for w in words if w.group().casefold() in lex.speaker_pronouns]
    while words and (
        words[0].group().casefold() in skip
        or (
            words[0].group().casefold() in lex.relative_pronouns
            and words[0].group().casefold() not in roles.determiners
        )
        or (
            words[0].group().casefold() in roles.function_words
            and words[0].group().casefold() not in roles.determiners
        )
    ):
        words.pop(0)
    if (
        not words
        and len(pronouns) == 1
        and subject
        and text[: pronouns[0].start()].rstrip().rstrip(",").endswith(tuple(QUOTES))
    ):
        # '"...," she said': the pronoun alone is the quotation's speaker (resolved by the
        # document pass).
        return pronouns[0].start(), pronouns[0].end()
    kept: list[re.Match[str]] = []
    for i, w in enumerate(words):
        low = w.group().casefold()
        if (
            low in roles.auxiliaries
            or lex.stance.denial_verbs.fullmatch(low)
            or lex.phase_verbs.fullmatch(low)
        ):
            break
        if lex.verb_cue_words.fullmatch(low) and not (
            # "Earlier reports said", "The reports from X, which speak of": a source noun
            # right before the verb, or after a determiner, is a noun.
            lex.source_nouns.fullmatch(low)
            and (
                (subject and i == len(words) - 1)
                or (i > 0 and words[i - 1].group().casefold() in roles.determiners)
            )
        ):
            break
        kept.append(w)
    while kept and kept[-1].group().casefold() in roles.function_words:
        kept.pop()
    content = [
        w
        for w in kept
        if w.group().casefold() not in roles.function_words
        and w.group().casefold().rstrip(".") not in lex.calendar_words
    ]
    if not content:
        pronoun = [w for w in kept if w.group().casefold() in lex.speaker_pronouns]
        if len(kept) == 1 and pronoun:
            return kept[0].start(), kept[0].end()
        return None
    lo, hi = kept[0].start(), kept[-1].end()
    opened = text.rfind("(", lo, hi)
    if opened > text.rfind(")", lo, hi):
        # "the Union of Congolese Patriots (UPC" -> close the bracket the phrase opened.
        closing = text.find(")", hi, end)
        hi = closing + 1 if closing >= 0 else len(text[:opened].rstrip())
    return lo, hi


def plausible_speaker(subject: str, lex: Lexicon) -> bool:
    """A subject names a source: a capitalised name, a source noun ("officials"), or a
    subject pronoun (resolved later)."""
    if not subject or len(subject) > 160:
        return False
    words = _WORD.findall(subject)
    if subject.casefold() in lex.speaker_pronouns:
        return True
    named = [w for w in words if w[:1].isupper() and w.casefold() not in lex.calendar_words]
    if not lex.capitalised_nouns and named:
        return True
    if lex.capitalised_nouns and len(named) >= 2:
        return True  # a German name is usually two capitalised words or more
    if any(len(w) >= 2 and w.isupper() and w.isalpha() for w in words) and not subject.isupper():
        return True  # an acronym names a body ("das UNHCR", "die UNO"), in mixed-case text
    return bool(lex.source_nouns.find_all(subject))


def np_after(text: str, start: int, limit: int, lex: Lexicon) -> int:
    """End of the noun phrase that starts at ``start`` (after "selon", "according to"): a
    name stops at the first lower-case word that does not continue it ("selon la BBC
    autant d'annonces" -> "la BBC"); a common noun phrase runs to the clause end."""
    words = list(_LETTERS.finditer(text, start, limit))
    seen_name = seen_noun = False
    end = limit
    for i, w in enumerate(words):
        low = w.group().casefold()
        capital = w.group()[:1].isupper()
        if capital:
            seen_name = True
            end = w.end()
            continue
        if not seen_name:
            # "les historiens | le nombre varie": a determiner after a noun opens another
            # phrase.
            prev = words[i - 1].group().casefold() if i else ""
            if seen_noun and low in lex.roles.determiners and prev not in lex.roles.function_words:
                return end
            seen_noun = seen_noun or low not in lex.roles.function_words
            end = w.end()
            continue
        link = lex.roles.genitive.fullmatch(low) or low in lex.roles.determiners
        nxt_cap = i + 1 < len(words) and words[i + 1].group()[:1].isupper()
        if link and nxt_cap:
            continue
        if lex.source_nouns.fullmatch(low) and i <= 3:
            end = w.end()
            continue
        return end
    return end
