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
#: Characters of a paragraph the detector reads first ...
FIRST_SAMPLE_CHARS = 250
#: ... and, when it is less sure than this, ...
SURE = 0.99
#: ... how many it reads then.  The detector's tables are large (20 MB), so every byte it
#: reads is a cache miss: it is the ingest's most expensive step per byte.
SAMPLE_CHARS = 600
#: A paragraph is taken to be in a language already detected in the document, without running
#: the detector, when at least this share of its short lower-case words (function words,
#: mostly) were seen in a passage the detector placed in that language ...
SAME_WORDS_SHARE = 0.6
#: ... and it has at least this many different ones (fewer decide nothing).
MIN_SHORT_WORDS = 4
#: Characters at the start of a paragraph whose short words are compared.
HEAD_CHARS = 160

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
_THREE_LETTERS = re.compile(r"[^\W\d_](?:[\W\d_]*[^\W\d_]){2}")


@cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


def detect(text: str) -> tuple[str | None, float]:
    """(language code, confidence) of a text; (None, 0.0) when it has too few letters."""
    if _THREE_LETTERS.search(text, 0, 2000) is None:
        return None, 0.0
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


class _Vocabulary:
    """Short words of the passages the detector labelled, per language, within one document.

    The detector reads every byte of its input through a Python loop; it was most of the cost
    of ingesting.  Within one document most paragraphs are in the language of the others, and
    their function words say so: a paragraph whose short words were already seen in a passage
    the detector placed in a language is in that language.  A quotation in another language
    (or script) shares few of them, so the detector reads it.
    """

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.confidence: dict[str, float] = {}

    def learn(self, lang: str, confidence: float, words: set[str]) -> None:
        self.words.setdefault(lang, set()).update(words)
        self.confidence[lang] = min(confidence, self.confidence.get(lang, 1.0))

    def match(self, words: set[str]) -> str | None:
        if len(words) < MIN_SHORT_WORDS or not self.words:
            return None
        # Distinct words: a list of names joined by "de" is not Spanish because "de" is.
        shares = sorted(
            ((len(words & known) / len(words), lang) for lang, known in self.words.items()),
            reverse=True,
        )
        best, lang = shares[0]
        # Two languages of the document that both fit (Spanish and Portuguese function words
        # overlap) decide nothing: the detector settles it.
        if best < SAME_WORDS_SHARE or (len(shares) > 1 and best - shares[1][0] < 0.2):
            return None
        return lang


def _short_words(tokens: list[str]) -> set[str]:
    """Words of one to five letters not starting with a capital: function words, mostly.
    Capitalised words are names as often as not, and names cross languages.  Splitting on
    whitespace is enough to find them and ten times cheaper than a Unicode regex."""
    return {t for t in set(tokens) if len(t) <= 5 and t.isalpha() and not t[0].isupper()}


def _letters(text: str, start: int, end: int) -> int:
    return sum(map(len, _LETTERS.findall(text, start, end)))


def detect_passages(text: str) -> tuple[str | None, float, list[LangSpan]]:
    """Document language (by letters covered) and merged spans of same-language paragraphs.

    A document is classified paragraph by paragraph so a French article quoting an English
    report shows both; the document language is the one covering most text.  The detector
    reads a paragraph (its first ``SAMPLE_CHARS`` characters) only when the paragraph's short
    words do not already place it in a language detected earlier in the same document, so a
    monolingual document costs one detection, and a change of language or script is still
    seen paragraph by paragraph.
    """
    spans: list[LangSpan] = []
    vocabulary = _Vocabulary()
    for match in _PARAGRAPH.finditer(text):
        start, end = match.span()
        words = _short_words(text[start : min(end, start + HEAD_CHARS)].split())
        known = vocabulary.match(words)
        if known is not None:
            lang, prob = known, vocabulary.confidence[known]
        else:
            if _letters(text, start, min(end, start + 400)) < MIN_PASSAGE_LETTERS:
                continue
            sample = text[start : min(end, start + FIRST_SAMPLE_CHARS)]
            found, prob = detect(sample)
            if found is not None and prob < SURE and end - start > FIRST_SAMPLE_CHARS:
                sample = text[start : min(end, start + SAMPLE_CHARS)]
                found, prob = detect(sample)
            if found is None:
                continue
            lang = found
            if prob >= MIN_SWITCH_CONFIDENCE:
                vocabulary.learn(lang, prob, _short_words(sample.split()))
        spans.append(LangSpan(start, end, lang, round(prob, 4)))
    if not spans:
        whole, prob = detect(text[:SAMPLE_CHARS])
        if whole is None:
            return None, 0.0, []
        return whole, round(prob, 4), [LangSpan(0, len(text), whole, round(prob, 4))]
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
