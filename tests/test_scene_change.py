"""The lede's statement of who did the event speaks for its own scene: a later paragraph about
another town, undated in its own words, counts another event and inherits no doer; a campaign
told "in the same days" across towns stays one account.  Invented documents, both ways round."""

from __future__ import annotations

import pytest

from rashomon.extract import parse

_WIRE = (
    "{doers} from the Popular Front killed three policemen in downtown {a} on Monday night, "
    "the police said.\n\n"
    "The number of victims of the massacre in {b} rose to 43, hospital sources said.\n"
)
_CAMPAIGN = (
    "On 3 May 1921 {doers} killed 300 villagers in {a}, officials wrote in their report.\n\n"
    "During the same days 58 houses were burned in {b}.\n"
)


def _doers(text: str) -> dict[str, list[str]]:
    parsed = parse(text, "en", date="1989-04-04")
    assert parsed is not None
    return {
        str(c.value["text"]): [p["text"] for p in c.perpetrators]
        for c in parsed.claims
        if c.kind == "figure"
    }


@pytest.mark.parametrize(("a", "b"), [("Medellín", "Cali"), ("Cali", "Medellín")])
@pytest.mark.parametrize("doers", ["Gunmen", "Rebels"])
def test_another_towns_toll_inherits_no_doer(a: str, b: str, doers: str) -> None:
    got = _doers(_WIRE.format(doers=doers, a=a, b=b))
    assert got["three"] == [doers]
    assert got["43"] == []


@pytest.mark.parametrize(("a", "b"), [("Medellín", "Cali"), ("Cali", "Medellín")])
def test_a_campaign_dated_in_its_own_words_stays_one_account(a: str, b: str) -> None:
    got = _doers(_CAMPAIGN.format(doers="Rebels", a=a, b=b))
    assert got["300"] == ["Rebels"]
    assert got["58"] == ["Rebels"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Gunmen killed three policemen in Cali on Monday.\n\n"
            "In a separate incident, two soldiers were killed on Saturday.\n",
        ),
        (
            "fr",
            "Des hommes armés ont tué trois policiers à Cali lundi.\n\n"
            "Dans un autre incident, deux soldats ont été tués samedi.\n",
        ),
        (
            "es",
            "Unos pistoleros mataron a tres policías en Cali el lunes.\n\n"
            "En otro incidente, dos soldados murieron el sábado.\n",
        ),
    ],
)
def test_a_new_episode_does_not_inherit_the_scene_told_before(lang: str, text: str) -> None:
    parsed = parse(text, lang, date="1989-04-04")
    assert parsed is not None
    figures = [c for c in parsed.claims if c.kind == "figure"]
    assert [p["name"] for p in figures[0].places] == ["Cali"]
    assert figures[-1].places == []


@pytest.mark.parametrize(
    ("lang", "text", "doers"),
    [
        ("ru", "Боевики убили 30 военнослужащих, четверо боевиков также погибли.", "боевиков"),
        ("en", "Militiamen killed 30 soldiers; four militiamen also died.", "militiamen"),
    ],
)
def test_the_doers_own_dead_have_no_doer_from_the_clause_before(
    lang: str, text: str, doers: str
) -> None:
    parsed = parse(text, lang)
    assert parsed is not None
    own_dead = [c for c in parsed.claims if any(v["text"] == doers for v in c.victims)]
    assert own_dead
    assert all(c.perpetrators == [] for c in own_dead)
