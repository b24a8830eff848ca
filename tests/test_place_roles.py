"""Where it happened vs where it was said: invented sentences in five languages, each also
upper-cased and hard-wrapped, plus the claim-level consequences (a figure's places)."""

from __future__ import annotations

import textwrap

import pytest

from rashomon.extract import parse
from rashomon.extract.pipeline import Parsed


def roles(p: Parsed) -> dict[str, str]:
    return {pl.text.casefold(): pl.role for s in p.sentences for pl in s.places}


def variants(text: str) -> list[str]:
    """The sentence as written, upper-cased, and hard-wrapped at 28 columns."""
    return [text, text.upper(), "\n".join(textwrap.wrap(text, 28))]


ROLE_CASES = [
    # (lang, text, {place as written (casefolded): role})
    (
        "en",
        "GENEVA (Reuters) - Forty villagers were killed in Homs, a spokesman told reporters"
        " on Monday in Geneva.",
        {"geneva": "speech", "homs": "event"},
    ),
    (
        "en",
        "The London-based monitor said 30 people died in Aleppo after the Treaty of"
        " Brest-Litovsk was cited at the tribunal in The Hague.",
        {"london": "seat", "aleppo": "event", "brest-litovsk": "treaty", "hague": "court"},
    ),
    (
        "en",
        "The New York Times reported that Moscow said 12 soldiers died near Kharkiv.",
        {"new york": "organisation", "moscow": "speech", "kharkiv": "event"},
    ),
    (
        "fr",
        "Selon le traité de Brest-Litovsk, 300 personnes sont mortes à Kiev, a déclaré lundi"
        " à Genève le porte-parole.",
        {"brest-litovsk": "treaty", "kiev": "event", "genève": "speech"},
    ),
    (
        "fr",
        "Le tribunal de La Haye a jugé les faits survenus à Srebrenica.",
        {"la haye": "court", "srebrenica": "event"},
    ),
    (
        "de",
        "Laut dem Abkommen von Dayton starben 20 Menschen in Sarajevo, sagte er am Montag in Genf.",
        {"dayton": "treaty", "sarajevo": "event", "genf": "speech"},
    ),
    (
        "es",
        "Ciudad de México, 10 de diciembre (RT).- Al menos 30 muertos en Acapulco, dijo en"
        " rueda de prensa en Madrid el portavoz.",
        {"ciudad de méxico": "dateline", "acapulco": "event", "madrid": "speech"},
    ),
    (
        "ru",
        "В Одессе погибли 48 человек, заявил на пресс-конференции в Москве представитель"
        " ведомства.",
        {"одессе": "event", "москве": "speech"},
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ROLE_CASES)
def test_place_roles(lang: str, text: str, expected: dict[str, str]) -> None:
    for variant in variants(text):
        p = parse(variant, lang)
        assert p is not None
        found = roles(p)
        for place, role in expected.items():
            # A hard wrap may cut a hyphenated name ("Brest-\nLitovsk"): its first part.
            first = place.split("-")[0]
            key = next((k for k in found if first in k), None)
            assert key is not None, (variant, place, found)
            assert found[key] == role, (variant, place, found)


def test_dateline_needs_an_agency_a_date_or_capitals() -> None:
    """A line "Shusha - 500 killed" is a list item about Shusha, not a dateline."""
    p = parse("Villages burned:\nShusha - 500 killed\nAgdam - 300 killed", "en")
    assert p is not None
    assert set(roles(p).values()) == {"event"}
    p = parse("BAKU, March 31, 2025 — Fighting resumed near Ganja.", "en")
    assert p is not None
    assert roles(p) == {"baku": "dateline", "ganja": "event"}


def figure_places(text: str, lang: str) -> list[list[str]]:
    p = parse(text, lang)
    assert p is not None
    return [[pl["text"] for pl in c.places] for c in p.claims if c.kind == "figure"]


def test_speech_place_is_not_the_figures_place() -> None:
    text = (
        "Fighting went on in the north.\n\nThe UN said in Geneva that 60 people were killed"
        " in Idlib. The official added in Geneva that 20 more died."
    )
    places = figure_places(text, "en")
    assert places[0] == ["Idlib"]
    # The second figure has no place of its own: the text's place, never the speaker's.
    assert "Geneva" not in places[1]


def test_unknown_villages_named_by_their_introducers() -> None:
    text = (
        "Rebels attacked the villages of Qelvori, Zundabra and Ossokwe, killing 80 people. "
        "A day later the massacre of Zundabra left 12 dead."
    )
    places = figure_places(text, "en")
    assert places[0] == ["Qelvori", "Zundabra", "Ossokwe"]
    assert places[1] == ["Zundabra"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le massacre de Qelvori a fait 40 morts.", "Qelvori"),
        ("es", "La masacre de Ossokwe dejó 40 muertos.", "Ossokwe"),
        ("de", "Beim Massaker von Qelvori starben 40 Menschen.", "Qelvori"),
        ("ru", "Резня в Зундабре унесла жизни 40 человек.", "Зундабре"),
    ],
)
def test_local_names_in_other_languages(lang: str, text: str, expected: str) -> None:
    assert figure_places(text, lang)[0] == [expected]


def test_holidays_and_peoples_are_not_local_places() -> None:
    assert figure_places("Rebels killed 200 people in Qelvori at Christmas.", "en") == [["Qelvori"]]
    found = figure_places("On compta plus de 100 morts parmi les Européens.", "fr")
    assert found == [[]]


def test_person_names_are_not_towns() -> None:
    """A town's name after a capitalised first name is a person's name."""
    places = figure_places("General Marcelino García Barragán said 26 people died.", "en")
    assert places == [[]]


def test_document_place_before_any_place_is_named() -> None:
    """A figure in a headline, before any place is named, gets the place the document is
    about (named at least twice), not nothing and not the place of a speaker."""
    text = (
        "Toll rises to 300\n\nFighting in Idlib went on. The UN said in Geneva that "
        "shelling of Idlib continued. Residents of Idlib fled."
    )
    assert figure_places(text, "en")[0] == ["Idlib"]


def test_congo_is_read_from_the_documents_other_places() -> None:
    from rashomon.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    found = gaz.find_places("Militias attacked villages near Bunia. Congo sent troops.", "en")
    assert [m.place.name for m in found if m.place] == [
        "Bunia",
        "Democratic Republic of the Congo",
    ]
    found = gaz.find_places("Troops from Brazzaville and Pointe-Noire: Congo mourns.", "en")
    assert found[-1].place is not None and found[-1].place.name == "Republic of the Congo"


def test_period_name_beside_the_source_text_and_modern_name() -> None:
    """A claim keeps the place as written (`text`) and the gazetteer's modern name (`name`);
    where the gazetteer knows the unit of the claim's year, `period_name` gives it."""
    p = parse("In March 1990, 40 people were killed in Zaire's Ituri region, near Bunia.", "en")
    assert p is not None
    places = next(c.places for c in p.claims if c.kind == "figure")
    ituri = next(pl for pl in places if pl["text"].startswith("Ituri"))
    assert ituri["name"] == "Ituri"
    assert ituri["period_name"] == "Ituri District (Orientale Province)"
    p = parse("In April 1948, 100 villagers were killed in Deir Yassin.", "en")
    assert p is not None
    (place,) = next(c.places for c in p.claims if c.kind == "figure")
    assert place["text"] == "Deir Yassin" and place["period_name"] == "Mandatory Palestine"
    # A modern date: no period name, the modern name stands.
    p = parse("In April 2021, 10 people were killed in Deir Yassin.", "en")
    assert p is not None
    (place,) = next(c.places for c in p.claims if c.kind == "figure")
    assert "period_name" not in place
