"""Scraped infobox rows: a label glued to its count ("Deaths460[2] to 3,500[3]") is a count
with the label as its measure, a range split by a citation marker stays one range, and a
footnote digit glued to a word stays no count.  Invented rows, each also upper-cased."""

from __future__ import annotations

import pytest

from rashomon.extract import parse
from rashomon.extract.numbers import find_numbers

ROWS = [
    ("en", "Casualties\nDeaths318[4] to 2,900[5]\nInjured 1,150", (318, 2900, "killed")),
    ("en", "Losses\nWounded1,240[7]", (1240, 1240, "injured")),
    ("fr", "Pertes\nMorts318[4] à 2 900[5]", (318, 2900, "killed")),
    ("de", "Verluste\nTote318[4] bis 2.900[5]", (318, 2900, "killed")),
    ("es", "Bajas\nMuertos318[4] a 2900[5]", (318, 2900, "killed")),
]


@pytest.mark.parametrize("upper", [False, True], ids=["plain", "upper"])
@pytest.mark.parametrize(("lang", "text", "expected"), ROWS)
def test_a_label_glued_to_its_count(
    lang: str, text: str, expected: tuple[int, int, str], upper: bool
) -> None:
    parsed = parse(text.upper() if upper else text, lang)
    assert parsed is not None
    got = [(c.value["low"], c.value["high"], c.measure) for c in parsed.claims if c.value]
    assert got[0] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Casualties2\nSee the notes below."),  # a footnote digit
        ("en", "The Mi24 helicopters flew over the town."),  # a model name
        ("en", "Their callsign was Alpha25 that night."),  # inside a line
    ],
)
def test_digits_glued_to_a_word_are_no_count(lang: str, text: str) -> None:
    assert all(m.role != "quantity" for m in find_numbers(text, lang))
