""" "The toll rose from 9 to 13" is one count at two times: two figures, the earlier one
superseded, with the later one's place; "between 9 and 13" and a bare "from 9 to 13" stay
ranges.  Invented sentences in every language with data."""

from __future__ import annotations

import pytest

from rashomon.extract import parse

_CHANGES = [
    ("en", "The death toll in Norvik rose from 9 to 13 on Tuesday.", (9, 13)),
    ("en", "Officials raised the death toll from 9 to 13 in Norvik.", (9, 13)),
    ("en", "Officials raised the death toll to 13 from 9 in Norvik.", (9, 13)),
    ("fr", "Le bilan des morts à Norvik est passé de 11 à 27 mardi.", (11, 27)),
    ("es", "La Fiscalía elevó de 9 a 13 el número de personas asesinadas en Norvik.", (9, 13)),
    ("es", "La cifra de muertos en Norvik subió de siete a once.", (7, 11)),
    ("de", "Die Zahl der Toten in Norvik stieg von 12 auf 23.", (12, 23)),
    ("ru", "Число погибших в Норвике выросло с 12 до 23.", (12, 23)),
]


@pytest.mark.parametrize(("lang", "text", "values"), _CHANGES)
@pytest.mark.parametrize("shout", [False, True])
def test_a_change_from_one_count_to_another_is_two_figures(
    lang: str, text: str, values: tuple[int, int], shout: bool
) -> None:
    parsed = parse(text.upper() if shout else text, lang)
    assert parsed is not None
    figures = sorted((c for c in parsed.claims if c.kind == "figure"), key=lambda c: c.value["low"])
    assert [(c.value["low"], c.value["qualifier"]) for c in figures] == [
        (values[0], "exact"),
        (values[1], "exact"),
    ]
    earlier, later = figures
    assert (earlier.stance or {}).get("status") == "superseded"
    assert later.stance is None
    assert earlier.scope is None and later.scope is None
    assert earlier.places == later.places


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Between 9 and 13 people were killed in Norvik."),
        ("en", "From 9 to 13 people were killed in Norvik."),
        ("fr", "De 11 à 27 personnes ont été tuées à Norvik."),
        ("ru", "В Норвике погибли от 12 до 23 человек."),
    ],
)
def test_a_range_without_a_change_stays_one_figure(lang: str, text: str) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    figures = [c for c in parsed.claims if c.kind == "figure"]
    assert [c.value["qualifier"] for c in figures] == ["range"]


def test_number_words_of_a_change_are_counts_however_far_their_noun() -> None:
    text = (
        "En el enfrentamiento fallecieron once personas en Norvik. La Defensoría elevó así de "
        "siete a once su registro inicial, tras la muerte de cuatro heridos en el hospital."
    )
    parsed = parse(text, "es")
    assert parsed is not None
    values = [
        (c.value["text"], (c.stance or {}).get("status"))
        for c in parsed.claims
        if c.kind == "figure"
    ]
    assert ("siete", "superseded") in values
    assert ("once", None) in values


@pytest.mark.parametrize(
    ("lang", "text", "qualifier"),
    [
        ("ru", "Число погибших в Норвике возросло до 43.", "exact"),
        ("es", "La cifra de muertos en Norvik subió hasta 43.", "exact"),
        ("ru", "В Норвике погибли до 43 человек.", "at_most"),
        ("es", "Hasta 43 personas murieron en Norvik.", "at_most"),
        ("de", "Die Zahl der Toten in Norvik stieg auf bis zu 43.", "at_most"),
    ],
)
def test_the_count_a_toll_reached_is_no_upper_bound(lang: str, text: str, qualifier: str) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    assert [
        (c.value["high"], c.value["qualifier"]) for c in parsed.claims if c.kind == "figure"
    ] == [(43, qualifier)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Troops killed at least 70 peasants. He said 31 of the dead were children."),
        ("en", "TROOPS KILLED AT LEAST 70 PEASANTS. HE SAID 31 OF THE DEAD WERE CHILDREN."),
        (
            "fr",
            "Les soldats ont tué au moins 70 paysans. Selon lui, 31 des morts étaient des enfants.",
        ),
        ("de", "Soldaten töteten mindestens 70 Bauern. 31 von den Toten waren Kinder."),
        ("ru", "Военные убили не менее 70 крестьян. По его словам, 31 из погибших — дети."),
    ],
)
def test_a_part_of_the_dead_named_by_a_partitive_is_a_subgroup(lang: str, text: str) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    scopes = {
        c.value["low"]: (c.scope or {}).get("kind") for c in parsed.claims if c.kind == "figure"
    }
    assert scopes == {70: None, 31: "subgroup"}
