"""Which of a sentence's places a figure takes: per-site lists, a place named before the
figure, a region the sentence opens with before a country named after the figure.  Every
sentence is invented; each is also checked upper-cased and hard-wrapped, where the same
places must come out (or none: never a wrong one)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rashomon.extract import parse
from tests.test_variants_gate import hard_wrap


def _places(text: str, lang: str) -> dict[str, list[str]]:
    parsed = parse(text, lang)
    assert parsed is not None
    out: dict[str, list[str]] = {}
    for claim in parsed.claims:
        if claim.value:
            out[str(claim.value["text"])] = [str(p["name"]).casefold() for p in claim.places]
    return out


def _wrap(text: str) -> str:
    return hard_wrap(text, 48)


TRANSFORMS: list[Callable[[str], str]] = [lambda t: t, str.upper, _wrap]

SITE_LISTS = [
    (
        "fr",
        "Le rapport recense 21 morts, répartis comme suit : Kalvaro (11 morts), "
        "Zimbelo (6) et Tarnuk (4).",
        {"11": "kalvaro", "6": "zimbelo", "4": "tarnuk"},
    ),
    (
        "en",
        "Displaced families were counted at these sites: Morvaly town (1,250 people), "
        "Dessik (830) and Ulvaran (410).",
        {"1,250": "morvaly", "830": "dessik", "410": "ulvaran"},
    ),
    (
        "es",
        "Los muertos se reparten así: Velmora (9 muertos), Quintaleja (5) y Sorrondo (3).",
        {"9": "velmora", "5": "quintaleja", "3": "sorrondo"},
    ),
]


@pytest.mark.parametrize("transform", TRANSFORMS, ids=["plain", "upper", "wrapped"])
@pytest.mark.parametrize(("lang", "text", "expected"), SITE_LISTS)
def test_each_count_of_a_site_list_takes_its_own_site(
    lang: str, text: str, expected: dict[str, str], transform: Callable[[str], str]
) -> None:
    got = {k.casefold(): v for k, v in _places(transform(text), lang).items()}
    for figure, place in expected.items():
        assert got.get(figure) == [place], (figure, got)


def test_a_single_bracketed_number_is_no_site_list() -> None:
    # One name before a bracketed year is a citation, not a list of sites.
    got = _places("Rights Watchers (2009) said 40 people were killed in Osterlo.", "en")
    assert got["40"] == ["osterlo"]


@pytest.mark.parametrize("transform", [lambda t: t, _wrap], ids=["plain", "wrapped"])
def test_a_place_named_before_the_figure_and_after_the_first_number(
    transform: Callable[[str], str],
) -> None:
    text = (
        "The envoy put the toll of the raid, which hit about 12 hamlets in the parish of "
        "Vardrovo, at more than 700."
    )
    assert _places(transform(text), "en")["more than 700"] == ["vardrovo"]


def test_the_region_a_sentence_opens_with_beats_a_country_named_after_the_figure() -> None:
    text = "Из районов Киевской области вывезли тела 300 погибших, сообщила прокуратура Украины."
    for variant in (text, text.upper()):
        assert _places(variant, "ru")["300"] == ["kyiv oblast"]


def test_a_country_after_the_figure_stays_when_the_opening_place_is_elsewhere() -> None:
    text = "In Baku 30 people were killed by the militia, and 40 died in Armenia."
    assert _places(text, "en")["40"] == ["armenia"]


def test_the_place_word_may_be_followed_by_an_article() -> None:
    text = "Des miliciens ont tué 40 civils dans la préfecture de la Varnoka-Belleville."
    assert _places(text, "fr")["40"] == ["varnoka-belleville"]


def test_the_surrounding_villages_take_their_own_count_only() -> None:
    text = (
        "Raiders killed 52 civilians in Varnok town. At least 20 more died in the "
        "surrounding villages of Thelmor and Padrik. More than 90 people were wounded."
    )
    got = _places(text, "en")
    assert got["At least 20"] == ["thelmor", "padrik"]
    assert got["More than 90"] == ["varnok"]


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        # Where it was said, through a compound noun ("Regierungssprecher in X").
        (
            "de",
            "Bewaffnete töteten 40 Menschen in Osterlo, teilte ein Regierungssprecher in "
            "Bamako mit.",
            "bamako",
        ),
        # A place's name inside a quoted title after its kind.
        ("es", "Según el blog «Cúcuta adentro», 40 personas murieron en Osterlo.", "cúcuta"),
    ],
)
def test_a_place_that_names_no_scene(lang: str, text: str, absent: str) -> None:
    for places in _places(text, lang).values():
        assert absent not in places


def test_a_town_in_a_bylines_name_is_a_person() -> None:
    parsed = parse("Por Marta Salinas Ocaña | Blog | 3 de mayo de 2019\n\nMurieron 40.", "es")
    assert parsed is not None
    roles = {m.text: m.role for s in parsed.sentences for m in s.places}
    assert roles.get("Ocaña") == "person"
    assert all(not c.places for c in parsed.claims)
