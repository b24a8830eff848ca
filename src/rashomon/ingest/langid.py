"""Language of a document and of its passages, offline and fast (py3langid).

py3langid is small (a few MB) and fast (millions of characters per second), which matters at
ingest scale; restricting it to a set of plausible languages makes short passages far more
reliable than the full 97-language model.  The set is wide on purpose: rashomon is used on
languages nobody tested, and a missing language would be silently mislabelled.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from rashomon.document import LangSpan

#: Languages the detector may answer. Sources on contested violent events come from all over;
#: this list covers the languages of Europe, the Caucasus, the Middle East, Africa's and Asia's
#: major written languages.
LANGUAGES = (
    "af",
    "am",
    "ar",
    "az",
    "be",
    "bg",
    "bn",
    "bs",
    "ca",
    "cs",
    "cy",
    "da",
    "de",
    "el",
    "en",
    "eo",
    "es",
    "et",
    "eu",
    "fa",
    "fi",
    "fr",
    "ga",
    "gl",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "is",
    "it",
    "ja",
    "ka",
    "kk",
    "ko",
    "ku",
    "ky",
    "lt",
    "lv",
    "mk",
    "ml",
    "mn",
    "ms",
    "nl",
    "no",
    "pl",
    "ps",
    "pt",
    "ro",
    "ru",
    "rw",
    "sk",
    "sl",
    "so",
    "sq",
    "sr",
    "sv",
    "sw",
    "ta",
    "th",
    "tl",
    "tr",
    "uk",
    "ur",
    "uz",
    "vi",
    "zh",
)

#: Below this many letters a passage is too short to classify on its own; it inherits the
#: language of the passages around it.
MIN_PASSAGE_LETTERS = 40
#: A passage counts as another language only when the detector is this sure.
MIN_SWITCH_CONFIDENCE = 0.90
#: Characters of a paragraph the detector reads.
SAMPLE_CHARS = 1000

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


def detect(text: str) -> tuple[str | None, float]:
    """(language code, confidence) of a text; (None, 0.0) when it has too few letters."""
    if len(_LETTER.findall(text[:2000])) < 3:
        return None, 0.0
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def detect_passages(text: str) -> tuple[str | None, float, list[LangSpan]]:
    """Document language (by letters covered) and merged spans of same-language paragraphs.

    A document is classified paragraph by paragraph so a French article quoting an English
    report shows both; the document language is the one covering most text.  Each paragraph is
    classified on its first ``SAMPLE_CHARS`` characters: the detector is sure long before that,
    and it is the ingest's most expensive step otherwise.
    """
    spans: list[LangSpan] = []
    for match in _PARAGRAPH.finditer(text):
        sample = match.group(0)[:SAMPLE_CHARS]
        if len(_LETTER.findall(sample[:400])) < MIN_PASSAGE_LETTERS:
            continue
        lang, prob = detect(sample)
        if lang is not None:
            spans.append(LangSpan(match.start(), match.end(), lang, round(prob, 4)))
    if not spans:
        lang, prob = detect(text[:SAMPLE_CHARS])
        if lang is None:
            return None, 0.0, []
        return lang, round(prob, 4), [LangSpan(0, len(text), lang, round(prob, 4))]
    majority = _majority([sp for sp in spans if sp.confidence >= MIN_SWITCH_CONFIDENCE] or spans)
    # A paragraph only switches language when the detector is sure; otherwise short quotes and
    # names would fragment a monolingual text.
    for span in spans:
        if span.lang != majority and span.confidence < MIN_SWITCH_CONFIDENCE:
            span.lang = majority
    merged: list[LangSpan] = []
    for span in spans:
        if merged and merged[-1].lang == span.lang:
            prev = merged[-1]
            prev.end = span.end
            prev.confidence = min(prev.confidence, span.confidence)
        else:
            merged.append(LangSpan(span.start, span.end, span.lang, span.confidence))
    merged[0].start = 0
    for left, right in pairwise(merged):
        right.start = left.end
    merged[-1].end = len(text)
    lang = _majority(merged)
    # Confidence of the document language: paragraph confidences weighted by their length.
    ours = [sp for sp in spans if sp.lang == lang]
    weight = sum(sp.end - sp.start for sp in ours)
    confidence = sum(sp.confidence * (sp.end - sp.start) for sp in ours) / weight
    return lang, round(confidence, 4), merged


def _majority(spans: list[LangSpan]) -> str:
    coverage: dict[str, int] = {}
    for span in spans:
        coverage[span.lang] = coverage.get(span.lang, 0) + span.end - span.start
    return max(coverage, key=lambda k: coverage[k])


@cache
def language_name(code: str) -> str | None:
    """English name of a language code from CLDR ("fr" -> "French")."""
    from babel import Locale

    name = Locale("en").languages.get(code)
    return str(name) if name else None
