"""Who did it, carried across an account: invented sentences for the context rules.

A document's statement of who did its event reaches the later counts of the same account,
also where the doers come back under a doer noun ("RHF fighters" after "the RHF"); a death
inside an act whose doer the text names ("killed when a government air strike hit")
takes that doer; a count inside a relative clause about the act's object, a count of people
who fled and the harmed named before "by" never take one.  Mirror tests swap the sides'
names: the roles swap, nothing else changes.  None of these sentences comes from the corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.claims import Claim
from rashomon.extract.pipeline import parse


def _figures(text: str, lang: str = "en") -> dict[str, Claim]:
    parsed = parse(text, lang)
    assert parsed is not None
    return {str(c.value["text"]): c for c in parsed.claims if c.kind == "figure" and c.value}


def _perps(claim: Claim) -> list[str]:
    return [str(x["text"]) for x in claim.perpetrators]


def _bases(items: list[dict[str, Any]]) -> set[str]:
    return {str(x["basis"]) for x in items}


CAMP = (
    "Attack on the Osterlo camp\n\n"
    "In the early hours of 3 May, about 300 fighters of the Redhand Front (RHF) attacked the "
    "camp near Osterlo, which sheltered some 9,000 displaced persons.\n\n"
    "The panel confirmed the deaths of 52 civilians, including 19 women. {doer} abducted an "
    "estimated 60 women and girls."
)


def test_the_documents_doers_reach_counts_where_they_return_under_a_doer_noun() -> None:
    figs = _figures(CAMP.format(doer="RHF fighters"))
    key = "52"
    assert [p.casefold() for p in _perps(figs[key])] == ["rhf"]
    assert _bases(figs[key].perpetrators) == {"context"}
    assert [p.casefold() for p in _perps(figs["19"])] == ["rhf"]


def test_another_doer_in_the_paragraph_stops_the_documents_statement() -> None:
    figs = _figures(CAMP.format(doer="Government soldiers"))
    assert _perps(figs["52"]) == []
    assert _perps(figs["an estimated 60"]) == ["Government soldiers"]


def test_a_relative_clause_about_the_acts_object_takes_no_doer() -> None:
    figs = _figures(CAMP.format(doer="RHF fighters"))
    assert _perps(figs["some 9,000"]) == []


def test_mirror_the_carried_doer_swaps_with_the_names() -> None:
    text = CAMP.format(doer="RHF fighters")
    swapped = text.replace("Redhand Front (RHF)", "Bluelake Union (BLU)").replace("RHF", "BLU")
    plain, mirror = _figures(text), _figures(swapped)
    assert _perps(plain["52"]) == ["RHF"] and _perps(mirror["52"]) == ["BLU"]
    assert {k: c.measure for k, c in plain.items()} == {k: c.measure for k, c in mirror.items()}


# (language, sentence, figure, doers): a death inside an act whose doer the text names.
CIRCUMSTANCE = [
    (
        "en",
        "In the latest violence, dozens were killed in a suburb of Osterlo when a government "
        "air strike hit a petrol station.",
        "dozens",
        ["government"],
    ),
    (
        "en",
        "Between 350 and 400 villagers had been killed in the region in attacks by the Redhand "
        "militia.",
        "Between 350 and 400",
        ["Redhand militia"],
    ),
    (
        "fr",
        "Au moins 30 villageois ont été tués à Osterlo lors d'une attaque des rebelles.",
        "Au moins 30",
        ["rebelles"],
    ),
]


@pytest.mark.parametrize(("lang", "text", "figure", "perps"), CIRCUMSTANCE)
def test_a_death_inside_an_act_takes_the_acts_doer(
    lang: str, text: str, figure: str, perps: list[str]
) -> None:
    for version in (text, text.upper()):
        claim = _figures(version, lang)[figure if version == text else figure.upper()]
        assert [p.casefold() for p in _perps(claim)] == [p.casefold() for p in perps]
        assert _bases(claim.perpetrators) == {"sentence"}


def test_a_death_beside_another_act_takes_no_doer() -> None:
    # The act with a doer is not where they died: a comma and another clause between.
    text = "At least 40 villagers were killed in Osterlo, and the militia attacked Brisk."
    assert _perps(_figures(text)["At least 40"]) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We treated patients wounded by gunfire. Nearly 15,000 people fled Osterlo."),
        (
            "fr",
            "Nous avons soigné des patients blessés par balle. Près de 15 000 personnes ont fui.",
        ),
    ],
)
def test_the_harmed_before_by_are_no_doers_and_people_who_fled_take_none(
    lang: str, text: str
) -> None:
    for claim in _figures(text, lang).values():
        assert claim.perpetrators == []


def test_a_paragraphs_account_reaches_what_its_doers_destroyed_not_who_fled() -> None:
    text = (
        "The militia attacked Osterlo on 3 May, killing 30 villagers. At least 40 houses were "
        "burned. Nearly 15,000 people fled."
    )
    figs = _figures(text)
    assert _perps(figs["30"]) == ["militia"]
    assert _perps(figs["At least 40"]) == ["militia"]
    assert _bases(figs["At least 40"].perpetrators) == {"context"}
    assert _perps(figs["Nearly 15,000"]) == []


@pytest.mark.parametrize(
    ("text", "perps"),
    [
        (
            "Im Mai 1920, als 300 Einwohner von Osterlo von der Roten Armee und ihren lokalen "
            "Verbündeten massakriert wurden.",
            ["Roten Armee", "lokalen Verbündeten"],
        ),
        (
            "Im Mai 1920, als 300 Einwohner von Osterlo von der Weißen Armee und ihren lokalen "
            "Verbündeten massakriert wurden.",
            ["Weißen Armee", "lokalen Verbündeten"],
        ),
    ],
)
def test_a_verb_final_passive_names_every_coordinated_doer(text: str, perps: list[str]) -> None:
    # The auxiliary after the participle makes the clause passive: the doers follow "von".
    for version in (text, text.upper()):
        claim = next(iter(_figures(version, "de").values()))
        assert [p.casefold() for p in _perps(claim)] == [p.casefold() for p in perps]
        assert [v["text"].casefold() for v in claim.victims][:1] == ["einwohner"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Forty villagers were killed by soldiers in retaliation for an attack by rebels.",
            "soldiers",
        ),
        (
            "Forty villagers were killed by rebels in retaliation for an attack by soldiers.",
            "rebels",
        ),
    ],
)
def test_each_act_keeps_its_own_doers(text: str, doer: str) -> None:
    # Mirror pair: the doers of the killing swap with the names, the attackers never count.
    for version in (text, text.upper()):
        claim = _figures(version)["FORTY" if version.isupper() else "Forty"]
        assert [p.casefold() for p in _perps(claim)] == [doer]


def test_a_participle_qualifying_a_part_keeps_the_clauses_doer() -> None:
    text = (
        "Del centenar de personas masacradas por los soldados, 40 eran niños, incluidos 7 "
        "bebés, asesinados en sus casas."
    )
    figs = _figures(text, "es")
    assert _perps(figs["40"]) == ["soldados"]
    assert _perps(figs["7"]) == ["soldados"]
    assert "bebés" not in _perps(figs["7"])


@pytest.mark.parametrize("doer", ["militia", "police"])
def test_the_whole_a_part_is_taken_from_has_no_doer(doer: str) -> None:
    text = (
        f"The {doer} attacked Osterlo on 3 May. Of the 260 workers of the depot, at least 200 "
        "were killed."
    )
    for version in (text, text.upper()):
        figs = {k.casefold(): c for k, c in _figures(version).items()}
        assert _perps(figs["260"]) == []
        assert [p.casefold() for p in _perps(figs["at least 200"])] == [doer]
