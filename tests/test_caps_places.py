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


@pytest.mark.parametrize(
    ("lang", "text", "place", "absent"),
    [
        # After a place word, a word the language does not have is a name even in capitals.
        ("fr", "ON A COMPTÉ 300 MORTS DANS LE VILLAGE DE BRISKOVO JEUDI.", "BRISKOVO", None),
        ("en", "300 PEOPLE DIED IN THE VILLAGE OF OSTERKAMP ON MONDAY.", "OSTERKAMP", None),
        # An ordinary word after the place word is not.
        ("en", "THE VILLAGE OF THE DEAD COUNTED 300 VICTIMS.", None, "DEAD"),
    ],
)
def test_a_shouted_name_after_a_place_word_is_a_local_place(
    lang: str, text: str, place: str | None, absent: str | None
) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    names = [str(p.get("name")) for c in parsed.claims for p in c.places]
    if place is not None:
        assert place in names
    if absent is not None:
        assert absent not in names


def test_a_shouted_name_before_a_place_word_keeps_only_the_name() -> None:
    text = "WITNESSES SAID 300 PEOPLE DIED IN OSTERKAMP CAMP LAST WEEK, OFFICIALS REPORTED."
    parsed = parse(text, "en")
    assert parsed is not None
    names = [str(p.get("name")) for c in parsed.claims for p in c.places]
    assert names == ["OSTERKAMP"]
