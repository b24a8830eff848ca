"""Who a figure counts and who did it, where the clause says it indirectly: a group after a
copula ("79 dead were rebels"), a genitive that stops at its verb ("members of the guard also
died"), a part that shares its whole's doers ("including 17 unborn"), a group inside the
counted noun phrase that is no subject ("408 were babies and children, ... killed"), and
"about a thousand" written as a bare noun.  Invented sentences, as written and upper-cased."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.numbers import find_numbers
from rashomon.extract.pipeline import parse
from rashomon.reconcile.victims import figure_key


def _figures(text: str, lang: str) -> list[Any]:
    parsed = parse(text, lang)
    assert parsed is not None
    return [c for c in parsed.claims if c.kind == "figure"]


def _texts(items: list[dict[str, Any]]) -> list[str]:
    return [str(x["text"]).casefold() for x in items]


@pytest.mark.parametrize(
    ("lang", "text", "want"),
    [
        ("ru", "Штаб сообщил, что 45 погибших и 30 раненых - боевики.", ["боевики", "боевики"]),
        ("en", "Officials said 45 dead were rebels.", ["rebels"]),
        ("es", "Según el ejército, 45 muertos eran guerrilleros.", ["guerrilleros"]),
    ],
)
def test_a_group_after_a_copula_says_who_the_counted_were(
    lang: str, text: str, want: list[str]
) -> None:
    for variant in (text, text.upper()):
        got = [_texts(c.victims) for c in _figures(variant, lang)]
        assert got == [[w] for w in want], variant


def test_a_copula_before_another_clause_says_nothing_of_the_count() -> None:
    (claim,) = _figures("Officials said 45 dead were found, most of them rebels.", "en")
    assert "rebels" not in _texts(claim.victims)


def test_a_genitive_stops_at_its_verb_and_also_marks_a_group_apart() -> None:
    text = "The minister said 12 members of the palace guard also died in Osterlo."
    (claim,) = _figures(text, "en")
    assert _texts(claim.victims) == ["members of the palace guard"]
    assert (claim.scope or {}).get("kind") == "subgroup"


def test_people_counted_also_are_no_group_apart() -> None:
    (claim,) = _figures("Hundreds of people also died in Osterlo.", "en")
    assert claim.scope is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "Del millar de campesinos asesinados por la milicia, 300 eran bebés y niños, "
            "incluidos 9 no nacidos, asesinados durante la noche.",
        ),
        (
            "en",
            "Of the 1,000 villagers massacred by the militia, 300 were babies and children, "
            "including 9 unborn, killed during the night.",
        ),
    ],
)
def test_a_part_has_the_wholes_doers_and_the_counted_are_never_doers(lang: str, text: str) -> None:
    for variant in (text, text.upper()):
        figs = _figures(variant, lang)
        assert len(figs) == 3, variant
        for claim in figs:
            assert _texts(claim.perpetrators) in (["milicia"], ["militia"], ["la milicia"]), variant
        assert (figs[2].scope or {}).get("kind") == "subgroup"
        assert "no nacidos" in _texts(figs[2].victims) or "unborn" in _texts(figs[2].victims)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("es", "Del millar de muertos", ("millar", 1000, "approx")),
        ("es", "el centenar de heridos", ("centenar", 100, "approx")),
        ("fr", "le millier de morts", ("millier", 1000, "approx")),
        ("fr", "la centaine de blessés", ("centaine", 100, "approx")),
        ("es", "millares de muertos", ("millares", 1000, "vague")),
    ],
)
def test_a_bare_thousand_noun_is_about_a_thousand(
    lang: str, text: str, value: tuple[str, int, str]
) -> None:
    (n,) = find_numbers(text, lang)
    assert (n.text, n.low, n.qualifier) == value


def test_soldiers_and_the_military_are_one_victim_group() -> None:
    a = _figures("Murieron 40 militares en Osterlo.", "es")[0]
    b = _figures("Perecieron cuatro soldados en Osterlo.", "es")[0]
    assert figure_key(a.to_dict()) == figure_key(b.to_dict()) is not None
