"""All-caps copy: a function word of the language is never a town, whatever the gazetteer
holds ("DORT" is German for "there", also an old name of Dordrecht).  Invented sentences."""

from __future__ import annotations

import pytest

from rashomon.extract import parse
from rashomon.extract.lexicon import common_words


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("de", "IN OSTERLO HATTEN MILIZEN DORT 800 MÄNNER GETÖTET.", "DORT"),
        ("en", "MILITIAMEN KILLED 800 MEN THERE ON MONDAY, OFFICIALS SAID.", "THERE"),
        ("ru", "ТАМ БОЕВИКИ УБИЛИ 800 ЧЕЛОВЕК, СООБЩИЛИ ВЛАСТИ.", "ТАМ"),
    ],
)
def test_a_shouted_function_word_is_no_place(lang: str, text: str, word: str) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    places = [m.text for s in parsed.sentences for m in s.places]
    assert word not in places
    for claim in parsed.claims:
        assert word not in [p.get("text") for p in claim.places]


def test_common_words_include_the_languages_function_words() -> None:
    for lang, word in [
        ("de", "dort"),
        ("en", "there"),
        ("fr", "où"),
        ("es", "donde"),
        ("ru", "там"),
    ]:
        assert word in common_words(lang)
