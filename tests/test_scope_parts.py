"""Counts of a part that the words around a figure mark (extract/scope.py): a count added to
another, a count of some of the harmed only (identified, secretly buried, registered), what a
count falls short by; and a word cut off by the end of a truncated text.  Invented sentences,
each also upper-cased and hard-wrapped: the rules read words and syntax, not layout."""

from __future__ import annotations

import pytest

from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import parse


def _figure(text: str, lang: str, figure: str) -> Claim:
    parsed = parse(text, lang)
    assert parsed is not None
    found = [c for c in parsed.claims if c.kind == "figure" and c.value]
    for c in found:
        if str(c.value["text"]).casefold() == figure.casefold():
            return c
    raise AssertionError([c.value["text"] for c in found if c.value])


def _variants(text: str) -> list[str]:
    """The sentence as written, upper-cased, and hard-wrapped after its third word."""
    words = text.split(" ")
    wrapped = " ".join(words[:3]) + "\n" + " ".join(words[3:])
    return [text, text.upper(), wrapped]


# (language, sentence, figure, the scope kind it must get, or None for the whole toll)
PARTS = [
    # A count added to another one.
    (
        "en",
        "The inquiry listed 60 missing men, and later an additional 900 families applied.",
        "900",
        "subgroup",
    ),
    (
        "en",
        "Troops shot 40 farmers on Monday and another 120 on Tuesday in Osterlo.",
        "120",
        "subgroup",
    ),
    (
        "es",
        "Los soldados mataron a 12 mujeres y a otros 230 campesinos de Osterlo.",
        "230",
        "subgroup",
    ),
    (
        "fr",
        "Les miliciens ont tué 40 paysans et 120 autres villageois à Osterlo.",
        "120",
        "subgroup",
    ),
    (
        "de",
        "Die Miliz tötete 40 Bauern, weitere 120 Menschen starben in Osterlo.",
        "120",
        "subgroup",
    ),
    ("ru", "Боевики убили 40 крестьян, ещё 120 человек погибли в Остерло.", "120", "subgroup"),
    # Another count of another measure is no part.
    ("en", "Troops killed 40 farmers in Osterlo; another 200 were wounded.", "200", None),
    ("ru", "В Остерло убиты 40 крестьян. Ещё около 200 человек были ранены.", "около 200", None),
    # Said of some of the counted only: identified, secretly buried, registered.
    ("en", "The remains of 73 victims have been identified so far in Osterlo.", "73", "subgroup"),
    (
        "ru",
        "Личность девяти убитых пока устанавливается, сообщил следователь.",
        "девяти",
        "subgroup",
    ),
    ("ru", "Выяснилось, что 23 погибших были тайно захоронены в Остерло.", "23", "subgroup"),
    ("de", "In den Nachbarländern seien 312'000 Flüchtlinge registriert.", "312'000", "subgroup"),
    ("es", "Entre los muertos, 57 cadáveres fueron exhumados en Osterlo.", "57", "subgroup"),
    # What a count falls short by.
    (
        "de",
        "Die Zahl der Toten sei um 7'000 zu niedrig, sagte der Beauftragte.",
        "7'000",
        "subgroup",
    ),
    (
        "en",
        "The official toll is too low by perhaps 7,000 deaths, the envoy said.",
        "perhaps 7,000",
        "subgroup",
    ),
    ("ru", "Число погибших занижено на 7000 человек, заявил депутат.", "7000", "subgroup"),
    # The whole toll: no marker, no scope.
    ("en", "At least 900 people were killed in Osterlo in 2001.", "At least 900", None),
    ("en", "The toll of 900 dead was later called too low by the commission.", "900", None),
    ("de", "Die Uno zählte 312'000 Flüchtlinge, die aus Osterlo geflohen sind.", "312'000", None),
    ("ru", "В Остерло погибли 120 человек.", "120", None),
]


@pytest.mark.parametrize(("lang", "text", "figure", "kind"), PARTS)
def test_a_count_of_a_part_is_scoped(lang: str, text: str, figure: str, kind: str | None) -> None:
    for variant in _variants(text):
        claim = _figure(variant, lang, figure)
        assert (claim.scope or {}).get("kind") == kind, variant
        if claim.scope and claim.scope["start"] is not None:
            assert variant[claim.scope["start"] : claim.scope["end"]] == claim.scope["text"]


def test_a_count_added_to_a_breakdown_is_still_one_of_its_parts() -> None:
    text = "90'000 Menschen flohen nach Ungarn und 40'000 weitere nach Rumänien."
    first = _figure(text, "de", "90'000")
    assert (first.scope or {}).get("kind") == "breakdown"


@pytest.mark.parametrize(
    ("lang", "text", "figure", "measure"),
    [
        (
            "de",
            "Schätzungen sprechen von 900 getöteten Bauern und 40.000 Obdachl",
            "40.000",
            "displaced",
        ),
        ("en", "Reports speak of 900 dead farmers and 40,000 homel", "40,000", "displaced"),
    ],
)
def test_a_word_cut_off_by_the_end_of_the_text_is_read_as_the_word_it_begins(
    lang: str, text: str, figure: str, measure: str
) -> None:
    assert _figure(text, lang, figure).measure == measure


def test_a_last_word_that_begins_no_measure_word_is_no_cue() -> None:
    text = "Reports speak of 900 dead farmers and 40,000 Osterl"
    assert _figure(text, "en", "40,000").measure == "killed"
