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


def _claim_places(text: str, lang: str) -> list[list[str]]:
    parsed = parse(text, lang)
    assert parsed is not None
    return [[str(p["name"]).casefold() for p in c.places] for c in parsed.claims if c.value]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A town name that is also a noun, after an article, with nothing marking a place.
        ("en", "THE MILITIA KILLED 40 VILLAGERS; THE REST FLED ON FOOT."),
        ("es", "LOS MILICIANOS MATARON A 40 VECINOS; LA CORONA CALLÓ."),
    ],
)
def test_a_shouted_town_after_an_article_is_no_place(lang: str, text: str) -> None:
    assert _claim_places(text, lang) == [[]]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "THE MILITIA KILLED 40 VILLAGERS IN CORONA ON MONDAY.", "corona"),
        ("fr", "40 CIVILS ONT ÉTÉ TUÉS À NANTES, SELON LES SECOURS.", "nantes"),
        # A city of millions needs no locative.
        ("en", "40 PROTESTERS DIED AS THE CROWD MARCHED ON LAHORE.", "lahore"),
    ],
)
def test_a_shouted_town_after_a_locative_stays(lang: str, text: str, place: str) -> None:
    assert _claim_places(text, lang) == [[place]]


def test_a_shouted_town_named_once_with_a_locative_holds_throughout() -> None:
    text = (
        "THE CORONA OF THE NORTH SAW 40 PEOPLE KILLED. "
        "THE CURFEW IN CORONA WAS LIFTED A WEEK LATER."
    )
    assert _claim_places(text, "en") == [["corona"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Sous les ordres du préfet de police Maurice Lenoir, 40 manifestants sont morts."),
        ("fr", "SOUS LES ORDRES DU PRÉFET DE POLICE MAURICE LENOIR, 40 MANIFESTANTS SONT MORTS."),
        ("en", "Colonel Lublin's men killed 40 villagers, the report says."),
    ],
)
def test_a_place_name_after_a_title_is_a_person(lang: str, text: str) -> None:
    assert _claim_places(text, lang) == [[]]
